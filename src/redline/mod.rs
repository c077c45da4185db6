//! The redline engine: compares a passage as filed with the passage as
//! revised and marks what was inserted and deleted.
//!
//! Structure first, never raw Markdown: the two documents' blocks are aligned
//! ([`align`](self::align)), paired blocks are compared inside
//! ([`compare`](self::compare)), and paired inline lists word by word
//! ([`inline`](self::inline)) over legal-prose tokens ([`tokenize()`]),
//! compared with the `similar` crate ([`diff`](self::diff)) and cleaned up so a
//! rewritten clause reads as one deletion and one insertion
//! ([`cleanup`](self::cleanup)).

mod align;
mod cleanup;
mod compare;
mod count;
mod diff;
mod inline;
mod resolve;
mod scan;
mod tokenize;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use crate::markdown::{Doc, Footnote, InlineContent};

use align::{Step, Unit, align};
use compare::{compare_blocks, mark_blocks};
use inline::Mark;

pub use resolve::{accept, reject};
pub use tokenize::{Token, TokenKind, tokenize};

/// The comparison of a passage as filed with the passage as revised.
#[derive(Debug, Clone, PartialEq)]
pub struct Redline {
    /// The revised passage with inserted pieces (`style.inserted`) and the
    /// original's deleted pieces (`style.deleted`) in place.
    pub doc: Doc,
    /// Words and figures inserted.
    pub words_inserted: usize,
    /// Words and figures deleted.
    pub words_deleted: usize,
}

impl Redline {
    /// True when the revision changes nothing.
    pub fn is_unchanged(&self) -> bool {
        !self.doc.any_style(|s| s.inserted || s.deleted)
    }
}

/// Compares two parsed passages: blocks aligned first, then words within paired blocks.
pub fn redline(original: &Doc, revised: &Doc) -> Redline {
    let mut doc = Doc {
        blocks: compare_blocks(&original.blocks, &revised.blocks),
        footnotes: Vec::new(),
    };
    doc.footnotes = compare_footnotes(original, revised, &doc);
    let counts = count::count_words(&doc);
    Redline {
        doc,
        words_inserted: counts.inserted,
        words_deleted: counts.deleted,
    }
}

/// The revision's footnote definitions (compared with the original's
/// definition of the same label, or wholly inserted), plus the original's
/// definitions that only deleted references point at, wholly deleted. The
/// definitions are aligned by label, so both documents' orders are kept.
fn compare_footnotes(original: &Doc, revised: &Doc, body: &Doc) -> Vec<Footnote> {
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
