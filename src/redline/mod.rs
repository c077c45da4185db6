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
/// definitions that only deleted references point at, wholly deleted; in
/// the order the redline cites them.
fn compare_footnotes(original: &Doc, revised: &Doc, body: &Doc) -> Vec<Footnote> {
    let references = references(body);
    let revised_labels: HashSet<&str> =
        revised.footnotes.iter().map(|n| n.label.as_str()).collect();
    let dropped = original
        .footnotes
        .iter()
        .filter(|note| !revised_labels.contains(note.label.as_str()))
        .filter(|note| references.deleted.contains(&note.label))
        .filter(|note| !references.kept.contains(&note.label));
    let mut out: Vec<Footnote> = revised
        .footnotes
        .iter()
        .map(|note| {
            let blocks = match original.footnotes.iter().find(|o| o.label == note.label) {
                Some(old) => compare_blocks(&old.blocks, &note.blocks),
                None => mark_blocks(&note.blocks, Mark::Inserted),
            };
            Footnote {
                label: note.label.clone(),
                blocks,
            }
        })
        .collect();
    out.extend(dropped.map(|gone| Footnote {
        label: gone.label.clone(),
        blocks: mark_blocks(&gone.blocks, Mark::Deleted),
    }));
    // Readers meet footnotes in the order the text cites them.
    out.sort_by_key(|note| {
        references
            .order
            .iter()
            .position(|label| *label == note.label)
            .unwrap_or(usize::MAX)
    });
    out
}

/// Footnote labels referenced by deleted pieces, by pieces that stay, and
/// all of them in the order of their first reference.
struct References {
    deleted: HashSet<String>,
    kept: HashSet<String>,
    order: Vec<String>,
}

fn references(doc: &Doc) -> References {
    let mut refs = References {
        deleted: HashSet::new(),
        kept: HashSet::new(),
        order: Vec::new(),
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
                if !refs.order.contains(label) {
                    refs.order.push(label.clone());
                }
            }
        }
    });
    refs
}
