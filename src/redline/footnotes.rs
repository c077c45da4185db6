//! Footnotes in a redline: the revision's definitions, each compared with
//! the original's definition of the same label, plus the original's
//! definitions that only deleted references still point at.

use std::collections::HashSet;

use crate::markdown::{Doc, Footnote, InlineContent};

use super::align::{Step, Unit, align};
use super::compare::{compare_blocks, mark_blocks};
use super::inline::Mark;

/// The revision's footnote definitions (compared with the original's
/// definition of the same label, or wholly inserted), plus the original's
/// definitions that only deleted references point at, wholly deleted. The
/// definitions are aligned by label, so both documents' orders are kept.
pub(super) fn compare_footnotes(original: &Doc, revised: &Doc, body: &Doc) -> Vec<Footnote> {
    let references = references(body);
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
                let gone = &original.footnotes[i];
                let cited_only_by_deleted = references.deleted.contains(&gone.label)
                    && !references.kept.contains(&gone.label);
                if cited_only_by_deleted && find(&revised.footnotes, &gone.label).is_none() {
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

/// Footnote labels referenced by deleted pieces, and by pieces that stay.
struct References {
    deleted: HashSet<String>,
    kept: HashSet<String>,
}

fn references(doc: &Doc) -> References {
    let mut refs = References {
        deleted: HashSet::new(),
        kept: HashSet::new(),
    };
    doc.visit_inlines(&mut |inlines| {
        for inline in inlines {
            if let InlineContent::FootnoteRef(label) = &inline.content {
                let set = if inline.style.deleted {
                    &mut refs.deleted
                } else {
                    &mut refs.kept
                };
                set.insert(label.clone());
            }
        }
    });
    refs
}
