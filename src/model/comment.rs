//! A staff comment and the company's response.

use super::plain::PlainText;
use super::text::{Markdown, TextOrigin};
use crate::markdown::Doc;
use crate::redline::Redline;

/// One staff comment with its response.
#[derive(Debug, Clone)]
pub struct Comment {
    /// The comment's number in the staff letter.
    pub number: u32,
    /// Where `number` is written.
    pub number_origin: TextOrigin,
    /// The heading path above the comment.
    pub headings: Vec<PlainText>,
    /// The staff's text.
    pub text: Markdown,
    /// The response parts in order.
    pub response: Vec<ResponsePart>,
    /// Where `response` is written (or the file start when absent).
    pub response_origin: TextOrigin,
    /// Internal notes (never rendered).
    pub notes: Option<String>,
}

impl Comment {
    /// True when no response part has any content (the letter shows a placeholder).
    pub fn unanswered(&self) -> bool {
        self.response.iter().all(|part| match part {
            ResponsePart::Text(text) => text.is_blank(),
            ResponsePart::Revise(_) => false,
        })
    }
}

/// One part of a response.
#[derive(Debug, Clone)]
pub enum ResponsePart {
    /// Response text.
    Text(Markdown),
    /// A revised passage of the filing.
    Revise(Box<Revision>),
}

/// A passage of the filing as filed and as it will read.
#[derive(Debug, Clone)]
pub struct Revision {
    /// Where in the filing, e.g. "Item 5. …—B. Liquidity and Capital Resources".
    pub location: Option<PlainText>,
    /// Current page, e.g. "76" or "F-77".
    pub page: Option<PlainText>,
    /// A custom introductory sentence.
    pub intro: Option<Markdown>,
    /// The passage as filed (empty for new disclosure).
    pub original: Markdown,
    /// The passage as it will read.
    pub revised: Markdown,
    /// Whether the letter shows deletions.
    pub show_deletions: bool,
    /// Where the `revise` mapping is written.
    pub origin: TextOrigin,
    /// `original` compared with `revised`, computed once when the letter is compiled.
    pub redline: Redline,
}

impl Revision {
    /// The passage as the letter prints it: the redline, without the deleted
    /// words when `show_deletions` is false; and whether deletions were hidden.
    pub fn shown(&self) -> (Doc, bool) {
        let mut shown = self.redline.doc.clone();
        let hidden = !self.show_deletions && shown.any_style(|s| s.deleted);
        if hidden {
            shown.remove_inlines(|i| i.style.deleted);
        }
        (shown, hidden)
    }

    /// The legend of the passage as printed, derived from its markup.
    pub fn legend(&self) -> &'static str {
        let (shown, hidden) = self.shown();
        legend(&shown, hidden)
    }
}

/// The legend of a passage, derived from the markup actually shown: it never
/// claims underlining or strike-through that is not there.
pub fn legend(shown: &Doc, hidden_deletions: bool) -> &'static str {
    let inserts = shown.any_style(|s| s.inserted);
    let deletes = shown.any_style(|s| s.deleted);
    match (inserts, deletes) {
        (true, true) => {
            "the revised portions are underlined and the deleted portions are struck through"
        }
        (true, false) if hidden_deletions => "the revised portions are underlined",
        (true, false) => "the added portions are underlined",
        (false, true) => "the deleted portions are struck through",
        (false, false) => "no portions are changed",
    }
}
