//! The staff letter as EDGAR serves it: a PDF → the text lines the importer
//! reads, in Rust, with no external program.
//!
//! The stages, in order: [`document`] loads the file and lists its pages;
//! [`interpret`] runs each page's content stream (fonts through [`font`],
//! [`cmap`], [`encoding`] and [`metrics`]) and records the visible glyphs
//! with their positions; [`lines`] groups glyphs into lines by baseline
//! (superscripts joined to their line, spaces where the gaps are);
//! [`furniture`] drops running page headers and page numbers; [`paragraphs`]
//! puts a blank line between paragraphs (vertical gaps, first-line indents)
//! and joins a paragraph that a page break cut.

pub mod cmap;
pub mod document;
pub mod encoding;
pub mod font;
pub mod furniture;
pub mod interpret;
pub mod lines;
pub mod matrix;
pub mod metrics;
pub mod paragraphs;

use super::{ImportError, Line};

/// One glyph as drawn: its text and where it sits, in page space (points,
/// origin at the bottom left).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The text it stands for (usually one character; a ligature gives more).
    pub text: String,
    /// Left end of the glyph on the baseline.
    pub x: f32,
    /// The baseline.
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Font size as drawn.
    pub size: f32,
    /// Page index, from 0.
    pub page: usize,
}

/// Reads a PDF staff letter into numbered text lines, a blank line between
/// paragraphs, page furniture removed.
pub fn read(bytes: &[u8]) -> Result<Vec<Line>, ImportError> {
    let doc = document::load(bytes)?;
    let pages = document::pages(&doc);
    let mut interpreter = interpret::Interpreter::new(&doc);
    let mut page_lines = Vec::with_capacity(pages.len());
    for (number, page) in pages.iter().enumerate() {
        let glyphs = interpreter.run_page(page, number);
        page_lines.push(lines::assemble(glyphs, page.area));
    }
    if page_lines.iter().all(Vec::is_empty) {
        return Err(ImportError::UnreadablePdf {
            reason: String::from(
                "it has no text layer (a scanned image?); ask for the letter as text or HTML",
            ),
        });
    }
    let body = furniture::strip(page_lines);
    Ok(paragraphs::text_lines(&body))
}
