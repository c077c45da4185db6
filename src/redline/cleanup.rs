//! Semantic cleanup of a token comparison, so a redline reads as a lawyer
//! would mark it up by hand. The steps, in order:
//!
//! 1. Trim: tokens a change starts or ends with on both sides go back to
//!    the unchanged text (this shows which changes are pure insertions or
//!    deletions; it runs again after folding).
//! 2. Re-anchor (`anchor.rs`): a kept phrase the revision repeats is matched
//!    to its first copy inside the rewrite before it, and an added sentence
//!    is split from the change before it.
//! 3. Fold: an unchanged stretch between two changes joins them when it
//!    holds only punctuation and function words (or one content word beside
//!    a change of function words alone, or between two rewrites) and weighs
//!    no more than the change on each side of it (diff-match-patch's
//!    `cleanupSemantic` equality elimination, counted in words). A rewritten
//!    phrase then reads as one deletion followed by one insertion. A stretch
//!    holding two content words, a figure, a name or defined term, a
//!    footnote reference, a line break or a sentence end is never folded: a
//!    reader must see what survived. Nor is one beside a changed figure
//!    (each changed figure stands on its own), or between changes that only
//!    add or only remove text (folding would only strike and re-insert it).
//!    Every stretch is judged against the changes around it as the
//!    comparison gave them, before any merging, so a merged change never
//!    grows heavy enough to swallow the next stretch.
//! 4. Slide (`slide.rs`): a pure insertion or deletion that could sit at
//!    several places is moved to the one whose edges fall on the best
//!    boundaries (sentence ends, then spaces, then punctuation), never up
//!    against another change.
//! 5. Figures whole (`figures.rs`): a change that cuts through a figure
//!    written with spaces (`RMB 43.7`, `4% to 6%`, `25 basis points`) takes
//!    in all of it.

use std::ops::Range;

use super::anchor::reanchor;
use super::diff::Run;
use super::figures::{figure_spans, keep_figures_whole};
use super::slide::slide;
use super::tokenize::{Token, TokenKind};
use super::words::{Weight, ends_sentence, weigh};

/// One side of the comparison: its tokens, their comparison ids and sizes.
pub(crate) struct Side<'a> {
    pub(super) tokens: &'a [Token],
    pub(super) ids: &'a [u32],
    /// The figures written with spaces (`figures.rs`).
    pub(super) figures: Vec<Range<usize>>,
    /// Prefix sums of [`change_units`].
    units: Vec<usize>,
}

impl<'a> Side<'a> {
    /// Prepares a side of the comparison.
    pub(crate) fn new(tokens: &'a [Token], ids: &'a [u32]) -> Side<'a> {
        let mut units = Vec::with_capacity(tokens.len() + 1);
        units.push(0);
        for t in tokens {
            units.push(units[units.len() - 1] + change_units(t));
        }
        Side {
            tokens,
            ids,
            figures: figure_spans(tokens),
            units,
        }
    }

    fn units(&self, r: &Range<usize>) -> usize {
        self.units[r.end] - self.units[r.start]
    }

    /// True when `r` cuts through a figure written with spaces.
    pub(super) fn cuts_figure(&self, r: &Range<usize>) -> bool {
        // The spans are in order and do not overlap: only those that end
        // after `r` starts and start before it ends can be cut.
        let first = self.figures.partition_point(|f| f.end <= r.start);
        self.figures[first..]
            .iter()
            .take_while(|f| f.start < r.end)
            .any(|f| !(r.start <= f.start && f.end <= r.end))
    }
}

/// The size a change contributes, in half words: words and figures 2,
/// punctuation and breaks 1, spaces 0.
fn change_units(t: &Token) -> usize {
    match t.kind {
        TokenKind::Word | TokenKind::Number | TokenKind::Note => 2,
        TokenKind::Punct | TokenKind::Break => 1,
        TokenKind::Space => 0,
    }
}

/// Runs the cleanup steps in order.
pub(crate) fn clean_up(old: &Side, new: &Side, runs: Vec<Run>) -> Vec<Run> {
    let runs = trim(old, new, runs);
    let runs = reanchor(old, new, runs);
    let runs = fold(old, new, runs);
    let runs = trim(old, new, runs);
    let runs = slide(old, new, runs);
    keep_figures_whole(old, new, runs)
}

/// Folds light stretches into the changes around them (step 3). Which
/// stretches fold is decided for all of them first, then they are merged.
fn fold(old: &Side, new: &Side, runs: Vec<Run>) -> Vec<Run> {
    let folds: Vec<bool> = (0..runs.len())
        .map(|k| {
            match (
                k.checked_sub(1).map(|p| &runs[p]),
                &runs[k],
                runs.get(k + 1),
            ) {
                (
                    Some(Run::Change { old: ao, new: an }),
                    Run::Equal { old: eo, .. },
                    Some(Run::Change { old: bo, new: bn }),
                ) => may_fold(old, new, (ao, an), eo, (bo, bn)),
                _ => false,
            }
        })
        .collect();
    let merged = runs
        .into_iter()
        .zip(folds)
        .map(|(run, folded)| match run {
            Run::Equal { old, new } if folded => Run::Change { old, new },
            run => run,
        })
        .collect();
    tidy(merged)
}

/// A change as its old and new ranges.
type Sides<'r> = (&'r Range<usize>, &'r Range<usize>);

/// What the fold step needs to know about a change beside a stretch.
struct Edit {
    /// Both sides hold text: something is replaced, not only added or removed.
    replaces: bool,
    /// One figure replaced by another (`~~18.5%~~ <ins>18.7%</ins>`).
    lone_figure: bool,
    /// No side holds a content word or a fact: only function words and marks.
    trivial: bool,
    /// The larger side's size in half words.
    size: usize,
    /// Words and figures on the side that has fewer.
    fewer_words: usize,
}

impl Edit {
    fn of(old: &Side, new: &Side, (o, n): Sides) -> Edit {
        let solid = |side: &Side, r: &Range<usize>| -> Vec<Weight> {
            side.tokens[r.clone()]
                .iter()
                .filter(|t| t.kind != TokenKind::Space)
                .map(weigh)
                .collect()
        };
        let (a, b) = (solid(old, o), solid(new, n));
        let words = |ws: &[Weight]| ws.iter().filter(|w| **w != Weight::Mark).count();
        let figure = |side: &Side, r: &Range<usize>| {
            let mut solid = side.tokens[r.clone()]
                .iter()
                .filter(|t| t.kind != TokenKind::Space);
            solid.next().is_some_and(|t| t.kind == TokenKind::Number) && solid.next().is_none()
        };
        Edit {
            replaces: !a.is_empty() && !b.is_empty(),
            lone_figure: figure(old, o) && figure(new, n),
            trivial: a
                .iter()
                .chain(&b)
                .all(|w| matches!(w, Weight::Mark | Weight::Grammar)),
            size: old.units(o).max(new.units(n)),
            fewer_words: words(&a).min(words(&b)),
        }
    }
}

/// True when the unchanged stretch `stretch` (old side) between the changes
/// `before` and `after` may be folded into them: it joins the pieces of one
/// rewritten phrase. Beside a pure insertion and a pure deletion folding
/// would only strike and re-insert unchanged text, and a changed figure
/// stands on its own. A content word folds only beside a change of
/// function words alone (`and <ins>a</ins> discount ~~rates~~`) or inside a
/// rewrite: between two replacements, each with at least as many words on
/// either side as the stretch has.
fn may_fold(old: &Side, new: &Side, before: Sides, stretch: &Range<usize>, after: Sides) -> bool {
    let (a, b) = (Edit::of(old, new, before), Edit::of(old, new, after));
    if !(a.replaces || b.replaces) || a.lone_figure || b.lone_figure {
        return false;
    }
    let mut content = 0;
    let mut words = 0;
    for token in &old.tokens[stretch.clone()] {
        if ends_sentence(token) {
            return false;
        }
        match weigh(token) {
            Weight::Fact => return false,
            Weight::Content => content += 1,
            Weight::Grammar | Weight::Mark => {}
        }
        words += usize::from(token.is_word());
    }
    let light = 2 * words <= a.size.min(b.size);
    let rewritten = [&a, &b]
        .iter()
        .all(|e| e.replaces && e.fewer_words >= words);
    match content {
        0 => light,
        1 => light && (a.trivial || b.trivial || rewritten),
        _ => false,
    }
}

/// Moves tokens common to the start or end of both sides of a change into
/// the unchanged text (step 1).
fn trim(old: &Side, new: &Side, runs: Vec<Run>) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len());
    for run in runs {
        match run {
            Run::Equal { .. } => out.push(run),
            Run::Change { old: o, new: n } => {
                let pairs = o.clone().zip(n.clone());
                let head = pairs.take_while(|&(i, j)| old.ids[i] == new.ids[j]).count();
                let (o_rest, n_rest) = (o.start + head..o.end, n.start + head..n.end);
                let tail = o_rest
                    .clone()
                    .rev()
                    .zip(n_rest.clone().rev())
                    .take_while(|&(i, j)| old.ids[i] == new.ids[j])
                    .count();
                out.push(Run::Equal {
                    old: o.start..o.start + head,
                    new: n.start..n.start + head,
                });
                out.push(Run::Change {
                    old: o_rest.start..o_rest.end - tail,
                    new: n_rest.start..n_rest.end - tail,
                });
                out.push(Run::Equal {
                    old: o.end - tail..o.end,
                    new: n.end - tail..n.end,
                });
            }
        }
    }
    tidy(out)
}

/// Drops empty runs and joins neighbours of the same sort, so that runs
/// alternate and each change shows its deletion before its insertion.
pub(super) fn tidy(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        let (Run::Equal { old: o, new: n } | Run::Change { old: o, new: n }) = &run;
        if o.is_empty() && n.is_empty() {
            continue;
        }
        match (out.last_mut(), &run) {
            (Some(Run::Equal { old, new }), Run::Equal { .. })
            | (Some(Run::Change { old, new }), Run::Change { .. }) => {
                old.end = o.end;
                new.end = n.end;
            }
            _ => out.push(run),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_joins_neighbours_and_drops_empty_runs() {
        let runs = vec![
            Run::Equal {
                old: 0..1,
                new: 0..1,
            },
            Run::Change {
                old: 1..1,
                new: 1..1,
            },
            Run::Equal {
                old: 1..2,
                new: 1..2,
            },
            Run::Change {
                old: 2..3,
                new: 2..2,
            },
            Run::Equal {
                old: 3..3,
                new: 2..2,
            },
            Run::Change {
                old: 3..3,
                new: 2..4,
            },
        ];
        assert_eq!(
            tidy(runs),
            vec![
                Run::Equal {
                    old: 0..2,
                    new: 0..2
                },
                Run::Change {
                    old: 2..3,
                    new: 2..4
                },
            ]
        );
    }
}
