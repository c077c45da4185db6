//! The validated letter: what templates and renderers see.

use time::Date;

use super::comment::Comment;
use super::plain::PlainText;
use super::text::{Markdown, TextOrigin};

/// One response letter with all its comments, validated and typed.
#[derive(Debug, Clone)]
pub struct Letter {
    /// The letter id (its folder name under `responses/`).
    pub id: String,
    /// The letter date.
    pub date: Date,
    /// The delivery line, e.g. "VIA EDGAR".
    pub via: String,
    /// Letterhead lines printed at the top of page 1.
    pub letterhead: Vec<PlainText>,
    /// The staff members addressed.
    pub addressees: Vec<Addressee>,
    /// Office lines under the addressees.
    pub office: Vec<String>,
    /// Address lines under "Securities and Exchange Commission".
    pub address: Vec<String>,
    /// The company responding.
    pub company: Company,
    /// The filing commented on.
    pub filing: Filing,
    /// The date of the staff letter answered.
    pub staff_letter: Date,
    /// Where `staff_letter` is written in `letter.yaml`.
    pub staff_letter_origin: TextOrigin,
    /// Where `date` is written in `letter.yaml`.
    pub date_origin: TextOrigin,
    /// A custom opening paragraph.
    pub intro: Option<Markdown>,
    /// Closing paragraph(s).
    pub closing: Option<Markdown>,
    /// Whether to print the Tandy acknowledgments.
    pub acknowledgments: bool,
    /// Who signs.
    pub signatory: Signatory,
    /// Copy recipients.
    pub cc: Vec<PlainText>,
    /// Convenience translation for the figure checks.
    pub translation: Option<Translation>,
    /// Rule 83 request, if any.
    pub confidential_treatment: Option<ConfidentialTreatment>,
    /// The author of the DOCX's tracked changes (default: the company's name).
    pub revision_author: String,
    /// The comments in number order.
    pub comments: Vec<Comment>,
}

/// An SEC staff member addressed by the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    /// Full name.
    pub name: String,
    /// Title, if given.
    pub title: Option<String>,
    /// How the salutation names them; the full name when not given.
    pub salutation: String,
}

/// The company responding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    /// Legal name.
    pub name: String,
    /// Defined term with its article, e.g. "the Company".
    pub short: String,
}

/// The filing commented on.
#[derive(Debug, Clone)]
pub struct Filing {
    /// e.g. "20-F".
    pub form: String,
    /// Fiscal year end.
    pub fiscal_year_end: Date,
    /// Where `fiscal_year_end` is written.
    pub fiscal_year_end_origin: TextOrigin,
    /// Filing date.
    pub filed: Date,
    /// Commission file number.
    pub file_number: String,
    /// Defined term with its article, e.g. "the 2013 20-F".
    pub short: String,
}

/// Who signs the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatory {
    /// Full name.
    pub name: String,
    /// Title, if given.
    pub title: Option<String>,
}

/// A convenience translation: `rate` units of `from` per unit of `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// Prefix of the reported figures, e.g. "RMB".
    pub from: String,
    /// Prefix of the translated figures, e.g. "US$".
    pub to: String,
    /// Units of `from` per unit of `to`.
    pub rate: f64,
}

/// A Rule 83 confidential treatment request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfidentialTreatment {
    /// Who requests it.
    pub requested_by: String,
    /// The page code prefix.
    pub page_code: String,
}

/// Splits "the Company" into its article and the defined term: ("the ", "Company").
pub fn defined_term(short: &str) -> (&str, &str) {
    for article in ["the ", "The "] {
        if let Some(term) = short.strip_prefix(article) {
            return (article, term);
        }
    }
    ("", short)
}
