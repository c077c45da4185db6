//! Footnotes in a redline: the revision's definitions, each compared with
//! the original's definition of the same label, plus the original's
//! definitions the revision drops.

use crate::markdown::{Doc, Footnote};

use super::align::{Step, Unit, align};
use super::compare::{compare_blocks, mark_blocks};
use super::inline::Mark;

/// The revision's footnote definitions (compared with the original's
/// definition of the same label, or wholly inserted), plus the original's
/// definitions the revision drops, wholly deleted. The
/// definitions are aligned by label, so both documents' orders are kept.
pub(super) fn compare_footnotes(original: &Doc, revised: &Doc) -> Vec<Footnote> {
    let by_label = |note: &Footnote| Unit {
        key: note.label.clone(),
        kind: None,
        words: Vec::new(),
    };
    let find = |notes: &[Footnote], label: &str| notes.iter().position(|n| n.label == label);
    let compared = |old: Option<usize>, new: &Footnote| Footnote {
        label: new.label.clone(),
        blocks: match old {
            Some(i) => compare_blocks(&original.footnotes[i].blocks, &new.blocks),
            None => mark_blocks(&new.blocks, Mark::Inserted),
        },
    };
    let mut out = Vec::new();
    for step in align(&original.footnotes, &revised.footnotes, by_label) {
        match step {
            Step::Same(i, j) | Step::Pair(i, j) => {
                out.push(compared(Some(i), &revised.footnotes[j]));
            }
            Step::Insert(j) => {
                let new = &revised.footnotes[j];
                out.push(compared(find(&original.footnotes, &new.label), new));
            }
            Step::Delete(i) => {
                // A definition the revision drops stays, struck through, so that
                // rejecting every change gives the original back — also when
                // nothing cites it any more (found by fuzzing).
                let gone = &original.footnotes[i];
                if find(&revised.footnotes, &gone.label).is_none() {
                    out.push(Footnote {
                        label: gone.label.clone(),
                        blocks: mark_blocks(&gone.blocks, Mark::Deleted),
                    });
                }
            }
        }
    }
    out
}
