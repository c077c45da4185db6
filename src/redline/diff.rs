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
                TokenKind::Space => 0,
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
