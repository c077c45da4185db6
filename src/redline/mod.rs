//! The redline engine: compares a passage as filed with the passage as
//! revised and marks what was inserted and deleted.
//!
//! Structure first, never raw Markdown. `align.rs` lines up the two block
//! lists (identical blocks match; changed ones of a kind pair by word
//! similarity, or when one is the other cut down) and `compare.rs` compares
//! paired blocks inside: list items,
//! table rows and cells, quotations, and, in `inline.rs`, paragraphs word by
//! word. Words are legal-prose tokens ([`tokenize()`], rules in `scan.rs`),
//! compared with the `similar` crate (only in `diff.rs`), then cleaned up as
//! a lawyer marks by hand: a rewritten phrase reads as one deletion and one
//! insertion, but unchanged facts and clauses stay plain and a changed
//! figure is replaced whole (`cleanup.rs` with `words.rs`, `anchor.rs`,
//! `slide.rs`, `figures.rs`; `spacing.rs`). `footnotes.rs` pairs footnote
//! definitions, `count.rs` counts the words changed, and [`accept`] and
//! [`reject`] resolve every change.

mod align;
mod anchor;
mod cleanup;
mod compare;
mod count;
mod diff;
mod figures;
mod footnotes;
mod inline;
mod resolve;
mod scan;
mod slide;
mod spacing;
mod tokenize;
mod words;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod readability;
#[cfg(test)]
mod tests;

use crate::markdown::Doc;

use compare::compare_blocks;
use footnotes::compare_footnotes;

pub use resolve::{accept, hide_deletions, reject};
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

/// Words and figures inserted and deleted in a marked document (a redline,
/// or a redline after confidential text was redacted from it).
pub fn count_changes(doc: &Doc) -> (usize, usize) {
    let counts = count::count_words(doc);
    (counts.inserted, counts.deleted)
}

/// Compares two parsed passages: blocks aligned first, then words within paired blocks.
pub fn redline(original: &Doc, revised: &Doc) -> Redline {
    let mut doc = Doc {
        blocks: compare_blocks(&original.blocks, &revised.blocks),
        footnotes: Vec::new(),
    };
    doc.footnotes = compare_footnotes(original, revised);
    let counts = count::count_words(&doc);
    Redline {
        doc,
        words_inserted: counts.inserted,
        words_deleted: counts.deleted,
    }
}
