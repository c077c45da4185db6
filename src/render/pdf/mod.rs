//! The letter as a typeset PDF.
//!
//! The layout is ours; printpdf only draws. The stages, one file each:
//! [`style`] (every size and spacing) → [`fonts`] (measure) → [`text`] (inline
//! pieces → words and spaces) → [`breaks`] and [`lines`] (break and set lines) → [`flow`] and
//! [`table`] (blocks → a vertical list of boxes) → [`pages`] (break pages, place
//! footnotes and the running header) → [`draw`] (printpdf operations) →
//! [`document`] (subset fonts, metadata, reproducible file). Between layout
//! and drawing, [`placement`] checks that the pages hold every word of the
//! document exactly once; no PDF is written otherwise.

pub mod breaks;
mod columns;
pub mod document;
pub mod draw;
pub mod flow;
pub mod fonts;
pub mod furniture;
pub mod lines;
pub mod mark;
pub mod outline;
pub mod pages;
pub mod placement;
pub mod redact;
mod row;
pub mod style;
pub mod table;
pub mod text;

use crate::markdown::{Block, Doc, InlineContent, printed_numbers};

pub use furniture::ConfidentialMarks;
pub use pages::PageLayout;
pub use placement::{PlacementError, verify_placement};
pub use style::Styles;

/// What the PDF says about itself and prints in its running header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PdfMeta {
    /// Document title, e.g. "Response to SEC comment letter dated November 17, 2014".
    pub title: String,
    /// Author: the company.
    pub author: String,
    /// Running header lines on pages 2 and later; "Page N" is added under them.
    pub header_lines: Vec<String>,
    /// Rule 83 marks on every page (request line at the top, page code at the foot).
    pub confidential: Option<ConfidentialMarks>,
    /// Creation and modification date of the file (never the clock: the caller
    /// derives it from `SOURCE_DATE_EPOCH` or the letter date).
    pub date: PdfDate,
}

/// A UTC date and time for the PDF's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfDate {
    /// Year, e.g. 2014.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–59.
    pub second: u8,
}

impl Default for PdfDate {
    fn default() -> Self {
        PdfDate {
            year: 1980,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }
}

/// Typesets `doc` with the default [`Styles`] and returns the PDF file, or
/// why the pages would not show the document whole (see [`verify_placement`]).
pub fn render_pdf(doc: &Doc, meta: &PdfMeta) -> Result<Vec<u8>, PlacementError> {
    render_pdf_with(doc, meta, &Styles::default())
}

/// Typesets `doc` with `styles` and returns the PDF file: the pages are
/// checked to hold every word of the document exactly once before a byte is
/// written.
pub fn render_pdf_with(
    doc: &Doc,
    meta: &PdfMeta,
    styles: &Styles,
) -> Result<Vec<u8>, PlacementError> {
    let pages = layout(doc, meta, styles);
    verify_placement(doc, &pages)?;
    document::write_pdf(&pages, meta, styles)
}

/// Typesets a letter with a confidential treatment request from its staff's
/// copy (`staff`, spans bracketed and marked): returns the public PDF — the
/// same pages with every confidential fragment redacted — and the staff's PDF.
/// Both paginate alike, so a page code names the same page in each; the
/// public file's fonts hold only the glyphs it shows. The staff's pages are
/// checked against `staff` and the redacted pages against `public` (the
/// public version the other formats print) before a byte is written.
pub fn render_pdf_pair(
    staff: &Doc,
    public: &Doc,
    meta: &PdfMeta,
    styles: &Styles,
) -> Result<(Vec<u8>, Vec<u8>), PlacementError> {
    let pages = layout(staff, meta, styles);
    verify_placement(staff, &pages)?;
    let redacted = redact::redact_pages(&pages);
    verify_placement(public, &redacted)?;
    Ok((
        document::write_pdf(&redacted, meta, styles)?,
        document::write_pdf(&pages, meta, styles)?,
    ))
}

/// Lays `doc` out into pages (everything but the drawing).
pub fn layout(doc: &Doc, meta: &PdfMeta, styles: &Styles) -> Vec<PageLayout> {
    let doc = &crate::render::units::bind_units(doc);
    let (numbers, notes, cited) = ordered_notes(doc);
    let mut flow = flow::build(&doc.blocks, &notes, &numbers, styles);
    if cited < notes.len() && !flow.flow.iter().any(|f| matches!(f, flow::Flow::Box(_))) {
        // Footnotes and no text: an empty line carries them to the page.
        flow.flow.push(flow::Flow::Box(flow::VBox::default()));
    }
    if let Some(last) = flow.flow.iter_mut().rev().find_map(|f| match f {
        flow::Flow::Box(b) => Some(b),
        flow::Flow::Space(_) => None,
    }) {
        last.notes.extend(notes[cited..].iter().map(|&(n, _)| n));
    }
    let margin = pages::TopMargin {
        every_page: usize::from(meta.confidential.is_some()),
        running: &meta.header_lines,
    };
    let mut pages = pages::paginate(&flow, styles, margin);
    if pages.is_empty() {
        pages.push(PageLayout {
            number: 1,
            text_block: margin.text_block(1, styles),
            ..PageLayout::default()
        });
    }
    outline::place_bookmarks(&mut pages, &flow.outline);
    if let Some(marks) = &meta.confidential {
        furniture::mark_pages(&mut pages, marks, styles);
    }
    pages
}

/// The footnotes in the order they are numbered, with the numbers they
/// print ([`printed_numbers`]): first those the text cites, in order of first
/// reference (a reference to a label nothing defines gets a number and an
/// empty footnote), then those nothing cites, which still print (as the HTML
/// lists them) at the foot of the last page. The third value is how many the
/// text cites.
pub fn ordered_notes(doc: &Doc) -> (text::NoteNumbers, Vec<(usize, &[Block])>, usize) {
    let mut labels = cited_labels(doc);
    let cited = labels.len();
    for note in &doc.footnotes {
        if !labels.contains(&note.label) {
            labels.push(note.label.clone());
        }
    }
    let printed = printed_numbers(&labels);
    let notes = labels
        .iter()
        .zip(&printed)
        .map(|(label, &n)| {
            let blocks = doc
                .footnotes
                .iter()
                .find(|f| &f.label == label)
                .map_or(&[][..], |f| f.blocks.as_slice());
            (n, blocks)
        })
        .collect();
    let numbers = labels.into_iter().zip(printed).collect();
    (numbers, notes, cited)
}

/// Footnote labels the text cites, in order of first reference.
fn cited_labels(doc: &Doc) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for block in &doc.blocks {
        block.visit_inlines(&mut |inlines| {
            for inline in inlines {
                if let InlineContent::FootnoteRef(label) = &inline.content
                    && !labels.contains(label)
                {
                    labels.push(label.clone());
                }
            }
        });
    }
    labels
}
