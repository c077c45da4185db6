//! The blackline: a whole letter as it reads now, compared word by word with
//! the letter as it read in an earlier draft.
//!
//! Both versions are rendered letters (`letter.md`). The letter's own redline
//! of revised disclosure is kept as the reader sees it in the letter: its
//! insertions become plain underlining and its deletions stay struck through,
//! so that `<ins>` in the blackline means only "added since the earlier draft".

use crate::confidential::{Secret, redact_known};
use crate::error::Error;
use crate::markdown::{Block, Doc, Inline, Style, parse_rendered, to_markdown};
use crate::model::long_date;
use crate::redline::redline;

/// A blackline and its word counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Blackline {
    /// The blackline as Markdown: the cover line, then the compared letter.
    pub markdown: String,
    /// The same blackline as a document: `inserted` and `deleted` mark only
    /// what changed since the earlier draft, while the letter's own redline
    /// is plain underlining and strike-through (its Markdown writes both kinds
    /// of strike-through as `~~`, so a DOCX, which tracks the changes, is
    /// written from this).
    pub doc: Doc,
    /// Words added since the earlier draft.
    pub words_inserted: usize,
    /// Words removed since the earlier draft.
    pub words_deleted: usize,
}

/// The cover line of a blackline against the draft of `date`.
pub fn cover_line(date: time::Date) -> String {
    format!("Changes from the draft of {}", long_date(date))
}

/// Compares two rendered letters and returns the blackline as Markdown, headed by `cover`.
/// Either letter that cannot be read back whole is an error (a blackline of
/// part of a letter would look complete).
pub fn blackline(old_markdown: &str, new_markdown: &str, cover: &str) -> Result<String, Error> {
    Ok(compare(old_markdown, new_markdown, cover, &[])?.markdown)
}

/// [`blackline`] with the counts of words inserted and deleted; text that is
/// confidential now (`secrets`) is redacted from the earlier version first.
pub fn compare(
    old_markdown: &str,
    new_markdown: &str,
    cover: &str,
    secrets: &[Secret],
) -> Result<Blackline, Error> {
    let mut old =
        as_read(old_markdown).map_err(|e| Error::usage(format!("the earlier draft {e}")))?;
    redact_known(&mut old, secrets);
    let new = as_read(new_markdown).map_err(|e| Error::usage(format!("the letter {e}")))?;
    let compared = redline(&old, &new);
    let mut doc = compared.doc;
    let cover = Block::Paragraph(vec![Inline::text(
        cover,
        Style {
            bold: true,
            ..Style::default()
        },
    )]);
    doc.blocks.insert(0, cover);
    Ok(Blackline {
        markdown: to_markdown(&doc),
        doc,
        words_inserted: compared.words_inserted,
        words_deleted: compared.words_deleted,
    })
}

/// A rendered letter with its own redline turned into plain formatting.
fn as_read(markdown: &str) -> Result<Doc, Error> {
    let (mut doc, issues) = parse_rendered(markdown);
    if let Some(issue) = issues.first() {
        return Err(Error::usage(format!(
            "cannot be read back: {}",
            issue.message
        )));
    }
    doc.visit_inlines_mut(&mut |inlines| {
        for inline in inlines.iter_mut() {
            let style = &mut inline.style;
            if style.inserted {
                style.inserted = false;
                style.underline = true;
            }
            if style.deleted {
                style.deleted = false;
                style.strike = true;
            }
        }
    });
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cover_line_comes_first() {
        let out = blackline(
            "Dear Mr. Wilson:\n",
            "Dear Mr. Wilson:\n",
            "Changes from the draft of December 1, 2014",
        )
        .unwrap();
        assert!(
            out.starts_with("**Changes from the draft of December 1, 2014**\n\n"),
            "{out}"
        );
        assert!(out.contains("Dear Mr. Wilson:"));
    }

    #[test]
    fn changed_words_are_marked() {
        let out = blackline(
            "The Company will revise.\n",
            "The Company will amend.\n",
            "c",
        )
        .unwrap();
        assert!(out.contains("<ins>"), "{out}");
        assert!(out.contains("amend"), "{out}");
        assert!(out.contains("~~"), "{out}");
    }

    #[test]
    fn the_letters_own_insertions_are_underlined_not_inserted() {
        let letter = "The Company will add <ins>new words</ins> here.\n";
        let out = blackline(letter, letter, "c").unwrap();
        assert!(out.contains("<u>new words</u>"), "{out}");
    }

    #[test]
    fn the_cover_line_names_the_date() {
        let date = time::Date::from_calendar_date(2014, time::Month::December, 1).unwrap();
        assert_eq!(
            cover_line(date),
            "Changes from the draft of December 1, 2014"
        );
    }
}
