//! Placeholder redline until the engine lands: the whole original deleted, the whole revision inserted.

use crate::markdown::Doc;

/// The comparison of a passage as filed with the passage as revised.
pub struct Redline {
    /// The passage with inserted and deleted text marked.
    pub doc: Doc,
    /// Words inserted.
    pub words_inserted: usize,
    /// Words deleted.
    pub words_deleted: usize,
}

/// Compares two parsed passages.
pub fn redline(original: &Doc, revised: &Doc) -> Redline {
    let mut old = original.clone();
    old.add_style(|s| s.deleted = true);
    let mut new = revised.clone();
    new.add_style(|s| s.inserted = true);
    let words_deleted = old.plain_text().split_whitespace().count();
    let words_inserted = new.plain_text().split_whitespace().count();
    old.blocks.extend(new.blocks);
    old.footnotes.extend(new.footnotes);
    Redline {
        doc: old,
        words_inserted,
        words_deleted,
    }
}
