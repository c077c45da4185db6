//! A staff comment and the company's response.

use super::text::{Markdown, TextOrigin};

/// One staff comment with its response.
#[derive(Debug, Clone)]
pub struct Comment {
    /// The comment's number in the staff letter.
    pub number: u32,
    /// Where `number` is written.
    pub number_origin: TextOrigin,
    /// The heading path above the comment.
    pub headings: Vec<String>,
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
    pub location: Option<String>,
    /// Current page, e.g. "76" or "F-77".
    pub page: Option<String>,
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
}
