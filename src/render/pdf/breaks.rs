//! Choosing line breaks: Knuth–Plass total fit, and first fit for ragged text.
//!
//! Words are boxes, spaces are glue that stretches and shrinks; the breaker
//! chooses the breaks that minimise the total demerits of the paragraph, so a
//! loose line is avoided by tightening the lines before it. No hyphenation: a
//! word is divided only after a dash or a hyphen, or when it is wider than the
//! measure on its own.

use super::text::Item;

/// A chosen break: the line ends before item `end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Break {
    pub(super) end: usize,
    /// Set at natural spacing (last line, or before a hard break).
    pub(super) natural: bool,
}

/// Breaks greedily: as many words on each line as fit at natural spacing.
pub(super) fn first_fit(items: &[Item], measure: f32) -> Vec<Break> {
    let mut breaks = Vec::new();
    let mut width = 0.0;
    let mut last_break: Option<usize> = None;
    let mut line_has_word = false;
    let mut i = 0;
    while i < items.len() {
        match &items[i] {
            Item::Break => {
                breaks.push(Break {
                    end: i + 1,
                    natural: true,
                });
                width = 0.0;
                last_break = None;
                line_has_word = false;
            }
            Item::Space { .. } | Item::Joint(_) => {
                if line_has_word {
                    last_break = Some(i);
                }
                width += items[i].width();
            }
            Item::Word { width: w, .. } => {
                if line_has_word
                    && width + w > measure + 0.001
                    && let Some(b) = last_break.take()
                {
                    breaks.push(Break {
                        end: b + 1,
                        natural: true,
                    });
                    width = 0.0;
                    line_has_word = false;
                    i = b + 1;
                    continue;
                }
                width += w;
                line_has_word = true;
            }
        }
        i += 1;
    }
    if breaks.last().is_none_or(|b| b.end < items.len()) {
        breaks.push(Break {
            end: items.len(),
            natural: true,
        });
    }
    breaks
}

/// A feasible break found by the total-fit search.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Index of the break item (`items.len()` for the paragraph's end).
    pos: usize,
    fitness: u8,
    demerits: f64,
    /// Totals of width/stretch/shrink from the paragraph start to the first word after the break.
    after: Totals,
    previous: Option<usize>,
    /// The line ending at this break is set at natural spacing.
    natural: bool,
}

#[derive(Debug, Clone, Copy, Default)]
struct Totals {
    width: f64,
    stretch: f64,
    shrink: f64,
}

const LINE_PENALTY: f64 = 10.0;
const FITNESS_DEMERITS: f64 = 3000.0;

/// Knuth–Plass: tries tight tolerances first, then looser ones; `None` if even
/// the loosest finds no solution (the caller then breaks greedily).
pub(super) fn total_fit(items: &[Item], measure: f32) -> Option<Vec<Break>> {
    [2.0, 5.0, f64::INFINITY]
        .into_iter()
        .find_map(|tolerance| total_fit_with(items, f64::from(measure), tolerance))
}

fn total_fit_with(items: &[Item], measure: f64, tolerance: f64) -> Option<Vec<Break>> {
    // Prefix totals before each item.
    let mut sums = Vec::with_capacity(items.len() + 1);
    let mut t = Totals::default();
    for item in items {
        sums.push(t);
        t.width += f64::from(item.width());
        if let Item::Space {
            stretch, shrink, ..
        } = item
        {
            t.stretch += f64::from(*stretch);
            t.shrink += f64::from(*shrink);
        }
    }
    sums.push(t);
    let after = |pos: usize| -> Totals {
        // Skip discardable items after a break.
        let mut p = pos + 1;
        while p < items.len() && !matches!(items[p], Item::Word { .. }) {
            if matches!(items[p], Item::Break) {
                break;
            }
            p += 1;
        }
        sums[p.min(items.len())]
    };
    let mut nodes = vec![Node {
        pos: 0,
        fitness: 1,
        demerits: 0.0,
        after: sums[0],
        previous: None,
        natural: false,
    }];
    let mut active: Vec<usize> = vec![0];
    for pos in 0..=items.len() {
        let (is_candidate, penalty, forced) = match items.get(pos) {
            None => (true, 0.0, true),
            Some(Item::Break) => (true, 0.0, true),
            Some(Item::Joint(p)) => (true, f64::from(*p), false),
            Some(Item::Space { .. }) => (
                pos > 0 && matches!(items[pos - 1], Item::Word { .. }),
                0.0,
                false,
            ),
            Some(Item::Word { .. }) => (false, 0.0, false),
        };
        if !is_candidate {
            continue;
        }
        let mut best: [Option<(f64, usize)>; 4] = [None; 4];
        let mut keep = Vec::with_capacity(active.len());
        for &a in &active {
            let node = nodes[a];
            let width = sums[pos].width - node.after.width;
            let stretch = sums[pos].stretch - node.after.stretch;
            let shrink = sums[pos].shrink - node.after.shrink;
            let r = if forced {
                // A last line may not be overfull; otherwise it is set naturally.
                if width <= measure + 0.001 {
                    0.0
                } else if shrink > 0.0 {
                    (measure - width) / shrink
                } else {
                    f64::NEG_INFINITY
                }
            } else if width < measure {
                if stretch > 0.0 {
                    (measure - width) / stretch
                } else {
                    f64::INFINITY
                }
            } else if width > measure + 0.001 {
                if shrink > 0.0 {
                    (measure - width) / shrink
                } else {
                    f64::NEG_INFINITY
                }
            } else {
                0.0
            };
            if r < -1.0 || forced {
                // Deactivate: no later break can be reached from this node.
            } else {
                keep.push(a);
            }
            if r >= -1.0 && r <= tolerance {
                let badness = (100.0 * r.abs().powi(3)).min(10_000.0);
                let base = (LINE_PENALTY + badness).powi(2);
                let mut demerits = if penalty > 0.0 {
                    base + penalty * penalty
                } else {
                    base
                };
                let fitness: u8 = if r < -0.5 {
                    0
                } else if r <= 0.5 {
                    1
                } else if r <= 1.0 {
                    2
                } else {
                    3
                };
                if (i16::from(fitness) - i16::from(node.fitness)).abs() > 1 {
                    demerits += FITNESS_DEMERITS;
                }
                let total = node.demerits + demerits;
                let slot = &mut best[usize::from(fitness)];
                if slot.is_none_or(|(d, _)| total < d) {
                    *slot = Some((total, a));
                }
            }
        }
        active = keep;
        for (fitness, slot) in best.iter().enumerate() {
            if let Some((demerits, from)) = *slot {
                nodes.push(Node {
                    pos,
                    fitness: fitness as u8,
                    demerits,
                    after: after(pos),
                    previous: Some(from),
                    natural: forced,
                });
                active.push(nodes.len() - 1);
            }
        }
        if active.is_empty() {
            return None;
        }
    }
    let end = active
        .iter()
        .copied()
        .filter(|&a| nodes[a].pos == items.len())
        .min_by(|&a, &b| nodes[a].demerits.total_cmp(&nodes[b].demerits))?;
    let mut breaks = Vec::new();
    let mut cursor = Some(end);
    while let Some(n) = cursor {
        let node = nodes[n];
        if node.previous.is_some() {
            breaks.push(Break {
                end: (node.pos + 1).min(items.len()),
                natural: node.natural,
            });
        }
        cursor = node.previous;
    }
    breaks.reverse();
    Some(breaks)
}
