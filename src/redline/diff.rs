//! Sequence comparison: the one place that talks to the `similar` crate.
//!
//! Sequences are compared as interned ids with the Patience algorithm, whose
//! fallback (similar's heuristic Myers) keeps the work bounded on dissimilar
//! input without a deadline, so the result never depends on the clock.

use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::tokenize::{Token, TokenKind};

/// A stretch of a comparison: equal in both sequences, or changed (the old
/// range replaced by the new range; either may be empty, not both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Run {
    /// The old and new ranges hold equal items (same length).
    Equal {
        old: Range<usize>,
        new: Range<usize>,
    },
    /// The old range is deleted and the new range inserted in its place.
    Change {
        old: Range<usize>,
        new: Range<usize>,
    },
}

/// Gives equal values the same small id.
#[derive(Debug)]
pub(crate) struct Interner<K> {
    ids: HashMap<K, u32>,
}

impl<K: Hash + Eq> Interner<K> {
    /// An empty interner.
    pub(crate) fn new() -> Interner<K> {
        Interner {
            ids: HashMap::new(),
        }
    }

    /// The id of `key`, assigning a new one on first sight.
    pub(crate) fn id(&mut self, key: K) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(key).or_insert(next)
    }
}

/// Interns tokens for comparison: every whitespace run gets the same id
/// (whatever its text or style); other tokens compare by kind, text and style.
pub(crate) fn token_ids<'a>(old: &'a [Token], new: &'a [Token]) -> (Vec<u32>, Vec<u32>) {
    let mut interner = Interner::new();
    let mut ids = |tokens: &'a [Token]| -> Vec<u32> {
        tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Space => SPACE,
                _ => 1 + interner.id((t.kind, t.text.as_str(), t.style)),
            })
            .collect()
    };
    let old_ids = ids(old);
    let new_ids = ids(new);
    (old_ids, new_ids)
}

/// Compares two id sequences; consecutive changes are joined into one
/// [`Run::Change`], so runs alternate between equal and changed.
pub(crate) fn diff_ids(old: &[u32], new: &[u32]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, old, new) {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { .. } = op {
            if !old_range.is_empty() {
                runs.push(Run::Equal {
                    old: old_range,
                    new: new_range,
                });
            }
            continue;
        }
        match runs.last_mut() {
            Some(Run::Change { old, new }) => {
                old.end = old_range.end;
                new.end = new_range.end;
            }
            _ => runs.push(Run::Change {
                old: old_range,
                new: new_range,
            }),
        }
    }
    runs
}

/// The id [`token_ids`] gives every whitespace run.
pub(crate) const SPACE: u32 = 0;

/// Compares two token id sequences word by word: the tokens other than
/// spaces are compared, so the comparison never anchors on a space, and the
/// spaces are then put back: a space between two equal tokens is equal when
/// both sides have one, and belongs to the change when it is next to one.
/// Expects no two spaces in a row (see `tokenize_inlines`).
pub(crate) fn diff_words(old: &[u32], new: &[u32]) -> Vec<Run> {
    let solid =
        |ids: &[u32]| -> Vec<usize> { (0..ids.len()).filter(|&k| ids[k] != SPACE).collect() };
    let (old_at, new_at) = (solid(old), solid(new));
    let old_solid: Vec<u32> = old_at.iter().map(|&k| old[k]).collect();
    let new_solid: Vec<u32> = new_at.iter().map(|&k| new[k]).collect();
    let mut out = Vec::new();
    // Where the next token not yet placed in a run starts, on each side.
    let (mut o, mut n) = (0, 0);
    for run in diff_ids(&old_solid, &new_solid) {
        match run {
            Run::Change { old: a, new: b } => {
                let o_end = old_at.get(a.end).copied().unwrap_or(old.len());
                let n_end = new_at.get(b.end).copied().unwrap_or(new.len());
                push_run(&mut out, o..o_end, n..n_end, false);
                (o, n) = (o_end, n_end);
            }
            Run::Equal { old: a, new: b } => {
                for (i, j) in a.zip(b) {
                    let (oi, nj) = (old_at[i], new_at[j]);
                    push_run(&mut out, o..oi, n..nj, oi - o == nj - n);
                    push_run(&mut out, oi..oi + 1, nj..nj + 1, true);
                    (o, n) = (oi + 1, nj + 1);
                }
            }
        }
    }
    push_run(
        &mut out,
        o..old.len(),
        n..new.len(),
        old.len() - o == new.len() - n,
    );
    out
}

/// Appends a run, joining it to the last one when it is of the same sort.
fn push_run(out: &mut Vec<Run>, o: Range<usize>, n: Range<usize>, equal: bool) {
    if o.is_empty() && n.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Run::Equal { old, new }) if equal => {
            old.end = o.end;
            new.end = n.end;
        }
        Some(Run::Change { old, new }) if !equal => {
            old.end = o.end;
            new.end = n.end;
        }
        _ if equal => out.push(Run::Equal { old: o, new: n }),
        _ => out.push(Run::Change { old: o, new: n }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::tokenize::tokenize;

    #[test]
    fn spaces_share_one_id_and_words_compare_by_text() {
        let (a, b) = token_ids(&tokenize("a  b a"), &tokenize("a\nb c"));
        assert_eq!(a, vec![1, 0, 2, 0, 1]);
        assert_eq!(b, vec![1, 0, 2, 0, 3]);
    }

    #[test]
    fn runs_alternate_and_cover_both_sequences() {
        let runs = diff_ids(&[1, 2, 3, 4, 5], &[1, 9, 8, 4, 5, 6]);
        assert_eq!(
            runs,
            vec![
                Run::Equal {
                    old: 0..1,
                    new: 0..1
                },
                Run::Change {
                    old: 1..3,
                    new: 1..3
                },
                Run::Equal {
                    old: 3..5,
                    new: 3..5
                },
                Run::Change {
                    old: 5..5,
                    new: 5..6
                },
            ]
        );
    }

    #[test]
    fn words_are_compared_without_their_spaces() {
        let (a, b) = token_ids(&tokenize("x a b, c"), &tokenize("x b ,d c"));
        assert_eq!(
            diff_words(&a, &b),
            vec![
                Run::Equal {
                    old: 0..1,
                    new: 0..1
                },
                // The spaces around "a" join its deletion; cleanup trims one off.
                Run::Change {
                    old: 1..4,
                    new: 1..2
                },
                Run::Equal {
                    old: 4..5,
                    new: 2..3
                },
                // Equal words, but only the revision has a space between them.
                Run::Change {
                    old: 5..5,
                    new: 3..4
                },
                Run::Equal {
                    old: 5..6,
                    new: 4..5
                },
                Run::Change {
                    old: 6..7,
                    new: 5..7
                },
                Run::Equal {
                    old: 7..8,
                    new: 7..8
                },
            ]
        );
    }

    #[test]
    fn empty_sides_give_one_change_or_nothing() {
        assert_eq!(
            diff_ids(&[], &[1, 2]),
            vec![Run::Change {
                old: 0..0,
                new: 0..2
            }]
        );
        assert!(diff_ids(&[], &[]).is_empty());
    }
}
