//! Tracked changes: every inserted or deleted piece of a revision becomes a
//! `w:ins` or `w:del` with its author and date, so Word's Accept All gives the
//! revised text and Reject All the original.
//!
//! A paragraph (or table row) whose every word is inserted or deleted carries
//! the same mark on its paragraph mark (or row), so accepting or rejecting
//! removes the paragraph itself, not only its words.

use super::xml::escape;
use crate::markdown::{Inline, InlineContent, Style};

/// A tracked change's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Added by the revision (`w:ins`).
    Inserted,
    /// Removed by the revision (`w:del`).
    Deleted,
}

impl Change {
    /// The change a piece of `style` carries, if any.
    pub fn of(style: &Style) -> Option<Change> {
        if style.deleted {
            Some(Change::Deleted)
        } else if style.inserted {
            Some(Change::Inserted)
        } else {
            None
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Change::Inserted => "w:ins",
            Change::Deleted => "w:del",
        }
    }
}

/// Who the changes are attributed to and when, and the ids given so far.
#[derive(Debug, Clone)]
pub struct Revisions {
    /// The author, escaped for an attribute.
    author: String,
    /// The date as `w:date` writes it: `2014-12-09T00:00:00Z`.
    date: String,
    /// The next change id; ids are unique within the package.
    next_id: u64,
}

impl Revisions {
    /// Changes by `author` on `date`.
    pub fn new(author: &str, date: time::Date) -> Revisions {
        Revisions {
            author: escape(author),
            date: format!(
                "{:04}-{:02}-{:02}T00:00:00Z",
                date.year(),
                u8::from(date.month()),
                date.day()
            ),
            next_id: 1,
        }
    }

    fn attributes(&mut self) -> String {
        let id = self.next_id;
        self.next_id += 1;
        format!(
            "w:id=\"{id}\" w:author=\"{}\" w:date=\"{}\"",
            self.author, self.date
        )
    }

    /// The opening tag of a run-level change.
    pub fn open(&mut self, change: Change) -> String {
        format!("<{} {}>", change.tag(), self.attributes())
    }

    /// The closing tag of a run-level change.
    pub fn close(change: Change) -> String {
        format!("</{}>", change.tag())
    }

    /// The empty element that marks a paragraph mark or a table row as changed.
    pub fn mark(&mut self, change: Change) -> String {
        format!("<{} {}/>", change.tag(), self.attributes())
    }
}

/// The change every word of `inlines` carries, when they all carry the same
/// one: the paragraph then comes and goes with its words. Pieces without a
/// word (spaces, breaks) go with either.
pub fn whole_change(inlines: &[Inline]) -> Option<Change> {
    let mut found = None;
    for inline in inlines {
        let wordless = match &inline.content {
            InlineContent::Text(text) => text.trim().is_empty(),
            InlineContent::SoftBreak | InlineContent::HardBreak => true,
            InlineContent::FootnoteRef(_) => false,
        };
        if wordless {
            continue;
        }
        let change = Change::of(&inline.style)?;
        if found.is_some_and(|f| f != change) {
            return None;
        }
        found = Some(change);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(text: &str, inserted: bool, deleted: bool) -> Inline {
        Inline::text(
            text,
            Style {
                inserted,
                deleted,
                ..Style::default()
            },
        )
    }

    #[test]
    fn each_change_gets_its_own_id_with_author_and_date() {
        let date = time::Date::from_calendar_date(2014, time::Month::December, 9).unwrap();
        let mut revisions = Revisions::new("21Vianet Group, Inc. & Co", date);
        assert_eq!(
            revisions.open(Change::Inserted),
            "<w:ins w:id=\"1\" w:author=\"21Vianet Group, Inc. &amp; Co\" w:date=\"2014-12-09T00:00:00Z\">"
        );
        assert!(
            revisions
                .mark(Change::Deleted)
                .starts_with("<w:del w:id=\"2\" ")
        );
        assert_eq!(Revisions::close(Change::Deleted), "</w:del>");
    }

    #[test]
    fn a_paragraph_changes_whole_only_when_every_word_does() {
        let all_new = [
            piece("new", true, false),
            piece(" ", false, false),
            piece("words", true, false),
        ];
        assert_eq!(whole_change(&all_new), Some(Change::Inserted));
        let mixed = [piece("kept", false, false), piece("new", true, false)];
        assert_eq!(whole_change(&mixed), None);
        let both = [piece("old", false, true), piece("new", true, false)];
        assert_eq!(whole_change(&both), None);
        assert_eq!(whole_change(&[piece(" ", false, false)]), None);
    }
}
