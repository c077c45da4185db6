//! The values the letter templates see, built from the typed model.
//!
//! Plain strings are escaped for Markdown here; Markdown fields are written
//! from their parsed documents (footnote labels made unique per field), so a
//! template can place every value without knowing Markdown's rules.

use serde::Serialize;

use crate::confidential::{Redacted, Version};
use crate::markdown::{Block, Doc, Inline, escape_text};
use crate::model::{Comment, Letter, PlainText, ResponsePart, Revision, defined_term, long_date};
use crate::render::note_labels::{FootnoteLabels, NoteNumbering};
use crate::render::pdf::Styles;

/// Everything `letter.md.tera` and `redline.md.tera` can use.
#[derive(Debug, Serialize)]
pub struct LetterView {
    letterhead: Vec<String>,
    date: String,
    via: String,
    addressees: Vec<AddresseeView>,
    office: Vec<String>,
    address: Vec<String>,
    company: CompanyView,
    filing: FilingView,
    staff_letter: String,
    salutation: String,
    intro: Option<String>,
    comments: Vec<CommentView>,
    closing: Option<String>,
    acknowledgments: bool,
    signatory: SignatoryView,
    cc: Vec<String>,
    revisions: Vec<RevisionView>,
    confidential: Option<ConfidentialView>,
}

#[derive(Debug, Serialize)]
struct ConfidentialView {
    requested_by: String,
    unredacted: bool,
}

#[derive(Debug, Serialize)]
struct AddresseeView {
    name: String,
    title: Option<String>,
}

#[derive(Debug, Serialize)]
struct CompanyView {
    name: String,
    short: String,
    short_capitalized: String,
    article: String,
    term: String,
}

#[derive(Debug, Serialize)]
struct FilingView {
    form: String,
    fiscal_year_end: String,
    fiscal_year: i32,
    filed: String,
    file_number: String,
    short: String,
    article: String,
    term: String,
}

#[derive(Debug, Serialize)]
struct SignatoryView {
    name: String,
    title: Option<String>,
}

#[derive(Debug, Serialize)]
struct HeadingView {
    marker: String,
    text: String,
}

#[derive(Debug, Serialize)]
struct CommentView {
    number: u32,
    headings: Vec<HeadingView>,
    text: String,
    unanswered: bool,
    parts: Vec<PartView>,
}

#[derive(Debug, Serialize)]
struct PartView {
    kind: &'static str,
    text: Option<String>,
    intro: Option<String>,
    location: Option<String>,
    page: Option<String>,
    legend: Option<String>,
    redline: Option<String>,
}

/// One revised passage in the redline document.
#[derive(Debug, Serialize)]
struct RevisionView {
    comment: u32,
    location: Option<String>,
    page: Option<String>,
    words_inserted: usize,
    words_deleted: usize,
    redline: String,
    #[serde(skip)]
    order: (u32, u32, u32),
}

/// Builds the template values of a letter already treated for its version
/// (public or staff's copy): the view never sees confidential source text;
/// `styles` says how a revised passage is set apart (quotation marks or not);
/// `numbering` labels each footnote by its number in the letter (empty: by
/// field, before the letter's numbering is known).
pub fn letter_view(redacted: &Redacted, styles: &Styles, numbering: &NoteNumbering) -> LetterView {
    let letter: &Letter = redacted.letter();
    let version = redacted.version();
    let (company_article, company_term) = defined_term(&letter.company.short);
    let (filing_article, filing_term) = defined_term(&letter.filing.short);
    let mut notes = FootnoteLabels::new(numbering);
    let marks = styles.quote_style.marks();
    let mut comments = Vec::new();
    let mut revisions = Vec::new();
    let mut previous: &[PlainText] = &[];
    for comment in &letter.comments {
        comments.push(comment_view(
            comment,
            previous,
            &mut notes,
            &mut revisions,
            marks,
        ));
        previous = &comment.headings;
    }
    revisions.sort_by_key(|r| r.order);
    LetterView {
        letterhead: letter.letterhead.iter().map(plain_markdown).collect(),
        date: long_date(letter.date),
        via: escape_text(&letter.via),
        addressees: letter
            .addressees
            .iter()
            .map(|a| AddresseeView {
                name: escape_text(&a.name),
                title: a.title.as_deref().map(escape_text),
            })
            .collect(),
        office: letter.office.iter().map(|l| escape_text(l)).collect(),
        address: letter.address.iter().map(|l| escape_text(l)).collect(),
        company: CompanyView {
            name: escape_text(&letter.company.name),
            short: escape_text(&letter.company.short),
            short_capitalized: escape_text(&capitalize(&letter.company.short)),
            article: escape_text(company_article),
            term: escape_text(company_term),
        },
        filing: FilingView {
            form: escape_text(&letter.filing.form),
            fiscal_year_end: long_date(letter.filing.fiscal_year_end),
            fiscal_year: letter.filing.fiscal_year_end.year(),
            filed: long_date(letter.filing.filed),
            file_number: escape_text(&letter.filing.file_number),
            short: escape_text(&letter.filing.short),
            article: escape_text(filing_article),
            term: escape_text(filing_term),
        },
        staff_letter: long_date(letter.staff_letter),
        salutation: escape_text(&salutation(letter)),
        intro: letter.intro.as_ref().map(|m| notes.write(&m.doc)),
        comments,
        closing: letter.closing.as_ref().map(|m| notes.write(&m.doc)),
        acknowledgments: letter.acknowledgments,
        signatory: SignatoryView {
            name: escape_text(&letter.signatory.name),
            title: letter.signatory.title.as_deref().map(escape_text),
        },
        cc: letter.cc.iter().map(plain_markdown).collect(),
        revisions,
        confidential: letter
            .confidential_treatment
            .as_ref()
            .map(|ct| ConfidentialView {
                requested_by: escape_text(&ct.requested_by),
                unredacted: version == Version::Staff,
            }),
    }
}

/// "Mr. Wilson, Ms. Walsh, Mr. Kauten and Mr. Crispino".
fn salutation(letter: &Letter) -> String {
    let names: Vec<&str> = letter
        .addressees
        .iter()
        .map(|a| a.salutation.as_str())
        .collect();
    match names.split_last() {
        None => "Sir or Madam".to_owned(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn comment_view(
    comment: &Comment,
    previous: &[PlainText],
    notes: &mut FootnoteLabels<'_>,
    revisions: &mut Vec<RevisionView>,
    marks: bool,
) -> CommentView {
    let common = previous
        .iter()
        .zip(&comment.headings)
        .take_while(|(a, b)| a == b)
        .count();
    let headings = comment.headings[common..]
        .iter()
        .enumerate()
        .map(|(i, text)| HeadingView {
            marker: "#".repeat((3 + common + i).min(6)),
            text: plain_markdown(text),
        })
        .collect();
    let mut text = comment.text.doc.clone();
    text.add_style(|s| s.bold = true);
    number_first_paragraph(&mut text, comment.number);
    let parts = comment
        .response
        .iter()
        .map(|part| match part {
            ResponsePart::Text(m) => PartView {
                kind: "text",
                text: Some(notes.write(&m.doc)),
                intro: None,
                location: None,
                page: None,
                legend: None,
                redline: None,
            },
            ResponsePart::Revise(revision) => {
                revise_view(comment.number, revision, notes, revisions, marks)
            }
        })
        .collect();
    CommentView {
        number: comment.number,
        headings,
        text: notes.write(&text),
        unanswered: comment.unanswered(),
        parts,
    }
}

fn revise_view(
    number: u32,
    revision: &Revision,
    notes: &mut FootnoteLabels<'_>,
    revisions: &mut Vec<RevisionView>,
    marks: bool,
) -> PartView {
    let redline = &revision.redline;
    let location = revision.location.as_ref().map(plain_markdown);
    let page = revision.page.as_ref().map(plain_markdown);
    let intro = revision.intro.as_ref().map(|m| notes.write(&m.doc));
    let (shown, _) = revision.shown();
    let shown = if marks {
        with_quotation_marks(shown)
    } else {
        shown
    };
    // One passage, two copies: the redline's and the letter's share labels.
    let (full, shown) = notes.write_pair(&quote(redline.doc.clone()), &quote(shown));
    revisions.push(RevisionView {
        comment: number,
        location: location.clone(),
        page: page.clone(),
        words_inserted: redline.words_inserted,
        words_deleted: redline.words_deleted,
        redline: full,
        order: filing_order(revision, number, revisions.len()),
    });
    PartView {
        kind: "revise",
        text: None,
        intro,
        location,
        page,
        legend: Some(revision.legend().to_owned()),
        redline: Some(shown),
    }
}

/// A plain-text field as Markdown: escaped, with any confidential part (only
/// the staff's copy still has one) marked `<ct>` so the PDF knows it.
fn plain_markdown(field: &PlainText) -> String {
    field
        .pieces()
        .into_iter()
        .map(|(text, confidential)| {
            if confidential {
                format!("<ct>{}</ct>", escape_text(text))
            } else {
                escape_text(text)
            }
        })
        .collect()
}

/// The position of a revision in filing order: Item, then page, then where it was written.
fn filing_order(revision: &Revision, comment: u32, index: usize) -> (u32, u32, u32) {
    let item = revision
        .location
        .as_ref()
        .map(|l| l.text.as_str())
        .and_then(|l| {
            let rest = l.trim_start().strip_prefix("Item")?.trim_start();
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .unwrap_or(u32::MAX);
    let page = revision
        .page
        .as_ref()
        .map(|p| p.text.as_str())
        .map(|p| {
            let p = p.trim();
            let (financial, digits) = match p.strip_prefix("F-") {
                Some(rest) => (true, rest),
                None => (false, p),
            };
            let n: u32 = digits
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            if financial { 100_000 + n } else { n }
        })
        .unwrap_or(u32::MAX);
    (item, page, comment * 1000 + index as u32)
}

/// Wraps a passage in a block quote (the indented quotation of the letter).
fn quote(doc: Doc) -> Doc {
    Doc {
        blocks: vec![Block::Quote(doc.blocks)],
        footnotes: doc.footnotes,
    }
}

/// A passage between quotation marks, as a letter quotes revised disclosure:
/// “ before its first paragraph (or heading), ” after its last (the last
/// paragraph of a closing list); a passage that starts or ends otherwise
/// (a table) goes without that mark.
fn with_quotation_marks(mut doc: Doc) -> Doc {
    let plain = crate::markdown::Style::default();
    if let Some(
        Block::Paragraph(inlines)
        | Block::Heading {
            content: inlines, ..
        },
    ) = doc.blocks.first_mut()
    {
        inlines.insert(0, Inline::text("\u{201c}", plain));
    }
    let mut last = doc.blocks.last_mut();
    while let Some(Block::List { items, .. }) = last {
        last = items.last_mut().and_then(|item| item.last_mut());
    }
    if let Some(
        Block::Paragraph(inlines)
        | Block::Heading {
            content: inlines, ..
        },
    ) = last
    {
        inlines.push(Inline::text("\u{201d}", plain));
    }
    doc
}

/// Puts "N. " before the first paragraph of a staff comment.
fn number_first_paragraph(doc: &mut Doc, number: u32) {
    let style = crate::markdown::Style {
        bold: true,
        ..Default::default()
    };
    match doc.blocks.first_mut() {
        Some(Block::Paragraph(inlines)) => {
            inlines.insert(0, Inline::text(format!("{number}. "), style))
        }
        _ => doc.blocks.insert(
            0,
            Block::Paragraph(vec![Inline::text(format!("{number}."), style)]),
        ),
    }
}
