//! Semantic cleanup of a token comparison, so a redline reads as a lawyer
//! would mark it up by hand.
//!
//! 1. Fold: an unchanged stretch between two changes whose weight is no more
//!    than the size of the change on each side of it is absorbed into them
//!    (diff-match-patch's `cleanupSemantic` equality elimination, counted in
//!    tokens rather than characters). A rewritten clause then reads as one
//!    deletion followed by one insertion. Spaces and punctuation weigh
//!    nothing, so they always fold; figures and capitalised defined terms
//!    weigh double, so they stay as anchors. An equality between two pure
//!    insertions (or two pure deletions) stays: folding it would add markup.
//! 2. Trim (also before folding): tokens a change starts or ends with on
//!    both sides go back to the unchanged text.
//! 3. Slide: a pure insertion or deletion that could sit at several places
//!    is moved to the one whose edges fall on the best boundaries (sentence
//!    ends, then spaces, then punctuation) and that does not start or end
//!    with a space when another place avoids it.

use std::ops::Range;

use super::diff::Run;
use super::slide::slide;
use super::tokenize::{Token, TokenKind};

/// Capitalised words too common to anchor a redline.
const COMMON: &[&str] = &[
    "The", "This", "That", "These", "Those", "Such", "In", "On", "As", "At", "For", "If", "It",
    "We", "Our", "An", "A", "To", "Of", "By", "And", "Or", "Any", "All", "Each",
];

/// One side of the comparison: its tokens, their comparison ids and weights.
pub(crate) struct Side<'a> {
    pub(super) tokens: &'a [Token],
    pub(super) ids: &'a [u32],
    /// Prefix sums of [`change_units`].
    units: Vec<usize>,
    /// Prefix sums of [`anchor_weight`].
    anchors: Vec<usize>,
}

impl<'a> Side<'a> {
    /// Prepares a side of the comparison.
    pub(crate) fn new(tokens: &'a [Token], ids: &'a [u32]) -> Side<'a> {
        let prefix = |weigh: fn(&Token) -> usize| {
            let mut sums = Vec::with_capacity(tokens.len() + 1);
            sums.push(0);
            for t in tokens {
                sums.push(sums[sums.len() - 1] + weigh(t));
            }
            sums
        };
        Side {
            tokens,
            ids,
            units: prefix(change_units),
            anchors: prefix(anchor_weight),
        }
    }

    fn units(&self, r: &Range<usize>) -> usize {
        self.units[r.end] - self.units[r.start]
    }

    fn anchors(&self, r: &Range<usize>) -> usize {
        self.anchors[r.end] - self.anchors[r.start]
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

/// How strongly an unchanged token holds two changes apart, in half words.
fn anchor_weight(t: &Token) -> usize {
    match t.kind {
        // A forced line break marks structure (an address, a signature block).
        TokenKind::Number | TokenKind::Note | TokenKind::Break => 4,
        TokenKind::Word if is_defined_term(&t.text) => 4,
        TokenKind::Word => 2,
        TokenKind::Punct | TokenKind::Space => 0,
    }
}

/// A capitalised word (`Company`, `PRC`) that is not a common sentence opener.
fn is_defined_term(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !COMMON.contains(&word)
}

/// Runs all three cleanup steps.
pub(crate) fn clean_up(old: &Side, new: &Side, runs: Vec<Run>) -> Vec<Run> {
    // Trimming first shows which changes are pure insertions or deletions.
    let runs = trim(old, new, runs);
    let runs = fold(old, new, runs);
    let runs = trim(old, new, runs);
    slide(old, new, runs)
}

/// Folds light equalities into the changes around them (step 1).
fn fold(old: &Side, new: &Side, runs: Vec<Run>) -> Vec<Run> {
    let size = |o: &Range<usize>, n: &Range<usize>| old.units(o).max(new.units(n));
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        let Run::Change {
            old: mut o,
            new: mut n,
        } = run
        else {
            out.push(run);
            continue;
        };
        // Merging can make the change heavy enough to absorb earlier equalities too.
        while let [
            ..,
            Run::Change { old: ao, new: an },
            Run::Equal { old: eo, .. },
        ] = out.as_slice()
        {
            let weight = old.anchors(eo);
            // Between two insertions (or two deletions) folding would only
            // strike and re-insert unchanged text.
            let same_sort = (ao.is_empty() && o.is_empty()) || (an.is_empty() && n.is_empty());
            if same_sort || weight > size(ao, an) || weight > size(&o, &n) {
                break;
            }
            o = ao.start..o.end;
            n = an.start..n.end;
            out.truncate(out.len() - 2);
        }
        out.push(Run::Change { old: o, new: n });
    }
    out
}

/// Moves tokens common to the start or end of both sides of a change into
/// the unchanged text (step 2).
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
