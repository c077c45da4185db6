//! The one line `respond check` prints per letter: what the letter holds and
//! whether it is ready to file, or what stands in the way.

use std::fmt;

use crate::diagnostic::{Diagnostic, Kind};
use crate::model::{Letter, ResponsePart};
use crate::redline::redline;

/// What a letter holds, counted from the checked model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Contents {
    /// Staff comments.
    pub comments: usize,
    /// Comments with a response.
    pub responses: usize,
    /// Revised passages (`revise` parts).
    pub revisions: usize,
    /// Words inserted by the revisions, together.
    pub words_inserted: usize,
    /// Words deleted by the revisions, together.
    pub words_deleted: usize,
    /// Pages of `letter.pdf`, when it was laid out.
    pub pages: Option<usize>,
}

impl Contents {
    /// Counts `letter`; `pages` comes from laying out its PDF.
    pub fn of(letter: &Letter, pages: Option<usize>) -> Contents {
        let mut contents = Contents {
            comments: letter.comments.len(),
            responses: letter.comments.iter().filter(|c| !c.unanswered()).count(),
            pages,
            ..Contents::default()
        };
        for comment in &letter.comments {
            for part in &comment.response {
                if let ResponsePart::Revise(revision) = part {
                    let compared = redline(&revision.original.doc, &revision.revised.doc);
                    contents.revisions += 1;
                    contents.words_inserted += compared.words_inserted;
                    contents.words_deleted += compared.words_deleted;
                }
            }
        }
        contents
    }
}

/// The findings that stand between a letter and filing, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Obstacles {
    /// Placeholders and bare-name salutations.
    pub placeholders: usize,
    /// Comments without a response.
    pub unanswered: usize,
    /// Other errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

impl Obstacles {
    /// Sorts a letter's findings; `unanswered` of the unfinished ones are
    /// unanswered comments, the rest placeholders.
    pub fn of(findings: &[Diagnostic], unanswered: usize) -> Obstacles {
        let unfinished = findings
            .iter()
            .filter(|d| d.kind == Kind::Unfinished)
            .count();
        let errors = findings
            .iter()
            .filter(|d| d.is_error() && d.kind != Kind::Unfinished)
            .count();
        let warnings = findings
            .iter()
            .filter(|d| !d.is_error() && d.kind != Kind::Unfinished)
            .count();
        let unanswered = unanswered.min(unfinished);
        Obstacles {
            placeholders: unfinished - unanswered,
            unanswered,
            errors,
            warnings,
        }
    }

    /// True when nothing stands in the way.
    pub fn is_empty(&self) -> bool {
        *self == Obstacles::default()
    }
}

/// One letter's summary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The letter id.
    pub id: String,
    /// What it holds; `None` when it could not be loaded.
    pub contents: Option<Contents>,
    /// What stands in the way of filing it.
    pub obstacles: Obstacles,
}

impl Summary {
    /// True when the letter is ready to file.
    pub fn ready(&self) -> bool {
        self.contents.is_some() && self.obstacles.is_empty()
    }
}

impl fmt::Display for Summary {
    /// "2014-12-09-20f: 16 comments, 16 responses, 9 revisions (412 words
    /// inserted, 35 deleted), 12 pages: ready to file".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.id)?;
        if let Some(c) = &self.contents {
            write!(
                f,
                "{}, {}, {}",
                count(c.comments, "comment"),
                count(c.responses, "response"),
                count(c.revisions, "revision")
            )?;
            if c.revisions > 0 {
                write!(
                    f,
                    " ({} inserted, {} deleted)",
                    count(c.words_inserted, "word"),
                    c.words_deleted
                )?;
            }
            if let Some(pages) = c.pages {
                write!(f, ", {}", count(pages, "page"))?;
            }
            write!(f, ": ")?;
        }
        if self.ready() {
            return write!(f, "ready to file");
        }
        let o = &self.obstacles;
        let mut parts = Vec::new();
        if self.contents.is_none() {
            parts.push("the letter could not be loaded".to_owned());
        }
        for (n, what) in [
            (o.placeholders, "placeholder"),
            (o.unanswered, "unanswered comment"),
            (
                o.errors,
                if o.placeholders + o.unanswered > 0 {
                    "other error"
                } else {
                    "error"
                },
            ),
            (o.warnings, "warning"),
        ] {
            if n > 0 {
                parts.push(count(n, what));
            }
        }
        write!(f, "not ready to file: {}", parts.join(", "))
    }
}

/// "1 comment", "3 comments".
fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ready_letter_says_so() {
        let summary = Summary {
            id: "x".into(),
            contents: Some(Contents {
                comments: 2,
                responses: 2,
                revisions: 1,
                words_inserted: 12,
                words_deleted: 1,
                pages: Some(3),
            }),
            obstacles: Obstacles::default(),
        };
        assert_eq!(
            summary.to_string(),
            "x: 2 comments, 2 responses, 1 revision (12 words inserted, 1 deleted), 3 pages: ready to file"
        );
    }

    #[test]
    fn what_stands_in_the_way_is_named() {
        let summary = Summary {
            id: "x".into(),
            contents: Some(Contents {
                comments: 1,
                pages: Some(1),
                ..Contents::default()
            }),
            obstacles: Obstacles {
                placeholders: 4,
                unanswered: 1,
                errors: 0,
                warnings: 1,
            },
        };
        assert_eq!(
            summary.to_string(),
            "x: 1 comment, 0 responses, 0 revisions, 1 page: not ready to file: 4 placeholders, 1 unanswered comment, 1 warning"
        );
        let failed = Summary {
            id: "y".into(),
            contents: None,
            obstacles: Obstacles {
                errors: 2,
                ..Obstacles::default()
            },
        };
        assert_eq!(
            failed.to_string(),
            "y: not ready to file: the letter could not be loaded, 2 errors"
        );
    }
}
