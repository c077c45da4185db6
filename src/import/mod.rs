//! Import stage: an SEC staff comment letter (pdftotext plain text or EDGAR HTML)
//! → a [`StaffLetter`]: its header, Re: block, numbered comments with their
//! heading paths, and the staff contacts named in the closing.
//!
//! Pure functions on text; `respond init` ([`crate::cli::init`]) reads the file
//! and writes the project. The stages, in order: [`detect`] the format, turn
//! HTML into lines ([`html`]), parse the [`header`], drop page [`furniture`],
//! split the [`comments`] (headings nest as described in [`headings`], text is
//! re-flowed by [`paragraphs`]) and read the [`contacts`] in the closing.
//! [`scaffold`] writes the YAML text of the project.

pub mod comments;
pub mod contacts;
pub mod dates;
pub mod detect;
pub mod furniture;
pub mod header;
pub mod headings;
pub mod html;
pub mod hyphens;
pub mod paragraphs;
pub mod pdf;
pub mod reflow;
pub mod review;
pub mod scaffold;

use std::fmt;

use time::Date;

/// One line of the staff letter with its 1-based line number in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Line number in the input (for HTML, in the text the markup was turned into).
    pub number: usize,
    /// The text, without trailing white space.
    pub text: String,
}

/// Everything `respond init` found in a staff letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffLetter {
    /// The letter's date.
    pub date: Date,
    /// Whom the staff wrote to (the company's officer).
    pub addressee: Addressee,
    /// The salutation's name as written, e.g. "Mr. Wang" or "David Michels".
    pub salutation: Option<String>,
    /// The Re: block.
    pub re: ReBlock,
    /// The numbered comments, in order 1, 2, 3 ….
    pub comments: Vec<StaffComment>,
    /// The staff members named in the closing as contacts, in order of mention.
    pub contacts: Vec<StaffMember>,
    /// Who signed the letter, when a person did.
    pub signatory: Option<StaffMember>,
    /// The signatory's office lines, e.g. "Office of Manufacturing".
    pub office: Vec<String>,
    /// Lines that belong to no part of the letter that `init` knows.
    pub unplaced: Vec<Line>,
}

/// The company officer the staff letter is addressed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Addressee {
    /// Full name, e.g. "Terry Wang".
    pub name: String,
    /// Title, wrapped lines joined, e.g. "Chief Financial Officer".
    pub title: Option<String>,
    /// Company line of the address block.
    pub company: Option<String>,
    /// Street address lines.
    pub address: Vec<String>,
}

/// The Re: block: the company and the filing(s) the letter is about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReBlock {
    /// The company's name.
    pub company: Option<String>,
    /// The filings named, in order; the first is the one commented on.
    pub filings: Vec<FilingRef>,
    /// "Response Dated …": the company response this letter follows up on.
    pub response_dated: Option<Date>,
    /// The Commission file number, e.g. "001-35126".
    pub file_number: Option<String>,
}

/// One filing named in the Re: block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingRef {
    /// The line as written, e.g. "Form 8-K furnished October 26, 2023".
    pub description: String,
    /// The form, e.g. "20-F", when the line names one.
    pub form: Option<String>,
    /// "for the Fiscal Year Ended …".
    pub fiscal_year_end: Option<Date>,
    /// "Filed …" (or furnished / submitted).
    pub filed: Option<Date>,
}

/// A staff member: a contact or the signatory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    /// Full name, without courtesy title.
    pub name: String,
    /// Title as written, e.g. "Staff Accountant".
    pub title: Option<String>,
    /// "Ms. Lu", only when the letter writes the name with a courtesy title.
    pub salutation: Option<String>,
}

/// One numbered staff comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffComment {
    /// The comment's number.
    pub number: u32,
    /// The heading path above it, outermost first.
    pub headings: Vec<String>,
    /// The comment's text as Markdown, without its number; paragraphs and lists kept.
    pub text: String,
    /// Line number where the comment starts.
    pub line: usize,
}

impl StaffLetter {
    /// The filing commented on: the first filing of the Re: block.
    pub fn filing(&self) -> Option<&FilingRef> {
        self.re.filings.first()
    }

    /// How many distinct heading paths the comments have.
    pub fn heading_count(&self) -> usize {
        let mut count = 0;
        let mut previous: Option<&Vec<String>> = None;
        for comment in &self.comments {
            if !comment.headings.is_empty() && previous != Some(&comment.headings) {
                count += 1;
            }
            previous = Some(&comment.headings);
        }
        count
    }
}

/// Why a text is not a staff letter `init` can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not text at all (a PDF, a word-processor file, binary data).
    NotText {
        /// What it looks like, e.g. "a PDF file".
        what: String,
    },
    /// Text, but not a staff letter: a required part is missing.
    NotStaffLetter {
        /// What was missing, e.g. "no letter date".
        missing: String,
        /// Line the search stopped at, when useful.
        line: Option<usize>,
    },
    /// A PDF that cannot be read as a letter.
    UnreadablePdf {
        /// Why, e.g. "it is encrypted".
        reason: String,
    },
    /// A staff letter with no numbered comments.
    NoComments {
        /// What the letter says about the review.
        review: review::Review,
        /// The letter's sentence that says it.
        sentence: Option<String>,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotText { what } => write!(
                f,
                "this is {what}, not a staff letter; give the letter's PDF as EDGAR serves it, or its text or HTML"
            ),
            ImportError::UnreadablePdf { reason } => {
                write!(f, "this PDF cannot be read as a staff letter: {reason}")
            }
            ImportError::NotStaffLetter { missing, line } => {
                write!(f, "this does not look like an SEC staff letter: {missing}")?;
                if let Some(line) = line {
                    write!(f, " (line {line})")?;
                }
                Ok(())
            }
            ImportError::NoComments { review, sentence } => {
                let what = match review {
                    review::Review::Completed => "the staff completed its review",
                    review::Review::NotReviewed => {
                        "the staff has not reviewed and will not review the filing"
                    }
                    review::Review::NoFurtherComments => "the staff has no further comments",
                    review::Review::Unstated => {
                        return write!(
                            f,
                            "no numbered comments (paragraphs starting \"1. \", \"2. \", …) found in this letter"
                        );
                    }
                };
                write!(f, "{what}: this letter has no comments to answer")?;
                if let Some(sentence) = sentence {
                    write!(f, " (\"{sentence}\")")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads a staff letter file: a PDF, or text or HTML in any encoding `init` knows.
pub fn import_file(bytes: &[u8]) -> Result<StaffLetter, ImportError> {
    if detect::is_pdf(bytes) {
        return import_lines(&pdf::read(bytes)?);
    }
    import(&detect::decode(bytes)?)
}

/// Reads a staff letter given as plain text or EDGAR HTML.
pub fn import(text: &str) -> Result<StaffLetter, ImportError> {
    let lines = match detect::detect(text)? {
        detect::Format::Text => text_lines(text),
        detect::Format::Html => return import_lines(&html::to_lines(text)),
        detect::Format::WrappedText => text_lines(text)
            .into_iter()
            .filter(|l| !is_sgml_tag_line(&l.text))
            .collect(),
    };
    // pdftotext starts each page after the first with a form feed.
    let page_starts: Vec<usize> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| l.starts_with('\u{c}'))
        .map(|(i, _)| i + 1)
        .collect();
    import_pages(&reflow::reflow(lines, &page_starts), &page_starts)
}

/// Reads a staff letter from its text lines (a blank line between paragraphs).
pub fn import_lines(lines: &[Line]) -> Result<StaffLetter, ImportError> {
    import_pages(lines, &[])
}

/// Reads a staff letter from its text lines; `page_starts` are the numbers
/// of the lines that start a page.
fn import_pages(lines: &[Line], page_starts: &[usize]) -> Result<StaffLetter, ImportError> {
    let header = header::parse(lines)?;
    let mut hints = header.furniture_hints();
    hints.page_starts = page_starts.to_vec();
    let mut body = furniture::strip(&lines[header.body_start..], &hints);
    hyphens::mark_soft(&mut body);
    let closing = contacts::parse(&body);
    let found = comments::split(&body[..closing.start]);
    if found.comments.is_empty() {
        let (review, sentence) = review::read(&body);
        return Err(ImportError::NoComments { review, sentence });
    }
    let mut unplaced = header.unplaced;
    unplaced.extend(found.unplaced);
    Ok(StaffLetter {
        date: header.date,
        addressee: header.addressee,
        salutation: header.salutation,
        re: header.re,
        comments: found.comments,
        contacts: closing.contacts,
        signatory: closing.signatory,
        office: closing.office,
        unplaced,
    })
}

/// Splits plain text into numbered lines, normalising white space that PDF
/// extraction leaves (no-break spaces, form feeds, trailing blanks).
pub fn text_lines(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .map(|(i, raw)| Line {
            number: i + 1,
            text: clean_line(raw),
        })
        .collect()
}

/// `<TYPE>UPLOAD`, `</TEXT>`: a line of EDGAR's SGML wrapper.
fn is_sgml_tag_line(text: &str) -> bool {
    let text = text.trim();
    let name = text
        .strip_prefix("</")
        .or_else(|| text.strip_prefix('<'))
        .and_then(|rest| rest.split_once('>'))
        .map(|(name, _)| name);
    name.is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_uppercase() || c == '-'))
}

/// One line with no-break spaces, tabs and form feeds made plain, other control
/// characters (which a YAML file cannot hold) and byte-order marks dropped, and
/// the end trimmed.
pub fn clean_line(raw: &str) -> String {
    let line: String = raw
        .chars()
        .map(|c| match c {
            '\u{a0}' | '\u{c}' | '\t' => ' ',
            c => c,
        })
        .filter(|&c| !c.is_control() && !matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}'))
        .collect();
    line.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_lose_what_yaml_cannot_hold() {
        assert_eq!(clean_line("a\tb\u{a0}c\u{1}\u{85}\u{feff}d \r"), "a b cd");
    }
}
