//! `letter.pdf` and, with a confidential treatment request, the staff's copy
//! `letter.unredacted.pdf`.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::{Document, ReadBack, STAFF_INFIX, Writer, WrittenFile};
use crate::error::Error;
use crate::parallel::{default_jobs, map_in_order};
use crate::render::pdf::{PdfMeta, render_pdf_pair, render_pdf_with};

/// Typesets the document as PDF.
#[derive(Debug, Clone, Copy)]
pub struct PdfWriter;

impl Writer for PdfWriter {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn write(&self, document: &Document) -> Result<Vec<WrittenFile>, Error> {
        let meta = PdfMeta {
            title: document.meta.title.clone(),
            author: document.meta.author.clone(),
            header_lines: document.meta.header_lines.clone(),
            confidential: document.meta.confidential.clone(),
            date: document.meta.date,
        };
        let public = |bytes| WrittenFile {
            name: format!("{}.pdf", document.stem),
            bytes,
            public: true,
            read_back: None,
        };
        let incomplete = |file: String| {
            move |e: crate::render::pdf::PlacementError| Error::Incomplete {
                file,
                missing: e.to_string(),
            }
        };
        let name = format!("{}.pdf", document.stem);
        let Some(staff) = &document.staff else {
            let bytes = render_pdf_with(&document.public.doc, &meta, &document.meta.styles)
                .map_err(incomplete(name))?;
            return Ok(vec![public(bytes)]);
        };
        // One layout for both copies (the staff's), so their pages correspond.
        let (public_bytes, staff_bytes) = render_pdf_pair(
            &staff.doc,
            &document.public.doc,
            &meta,
            &document.meta.styles,
        )
        .map_err(incomplete(name))?;
        Ok(vec![
            public(public_bytes),
            WrittenFile {
                name: format!("{}.{STAFF_INFIX}.pdf", document.stem),
                bytes: staff_bytes,
                public: false,
                read_back: None,
            },
        ])
    }

    fn read_back(&self, bytes: &[u8]) -> Result<ReadBack, Error> {
        read_pdf(bytes)
    }

    /// Only the pages' text: each page's content and each font's encoding
    /// are inflated as they are read, the other streams not at all.
    fn read_shown(&self, bytes: &[u8]) -> Result<String, Error> {
        page_text(&load(bytes)?)
    }

    fn typesets(&self) -> bool {
        true
    }

    /// A PDF's text comes back in drawing order (a list bullet after its
    /// line's words); the layout is checked in reading order instead.
    fn reads_in_order(&self) -> bool {
        false
    }
}

/// Everything a PDF can reveal as text: the extracted text of every page, then
/// the document information strings and every stream's decompressed bytes.
pub fn pdf_text(bytes: &[u8]) -> Result<String, Error> {
    Ok(read_pdf(bytes)?.all())
}

fn read_pdf(bytes: &[u8]) -> Result<ReadBack, Error> {
    let mut doc = load(bytes)?;
    // Every stream is inflated once: the pages' text and the rest read the same bytes.
    doc.decompress();
    let shown = page_text(&doc)?;
    let mut rest = String::new();
    for object in doc.objects.values() {
        match object {
            lopdf::Object::Stream(stream) => {
                rest.push('\n');
                rest.push_str(&String::from_utf8_lossy(&stream.content));
            }
            lopdf::Object::Dictionary(dict) => {
                for (_, value) in dict.iter() {
                    if let lopdf::Object::String(text, _) = value {
                        rest.push('\n');
                        rest.push_str(&decode_pdf_string(text));
                    }
                }
            }
            lopdf::Object::String(text, _) => {
                rest.push('\n');
                rest.push_str(&decode_pdf_string(text));
            }
            _ => {}
        }
    }
    Ok(ReadBack { shown, rest })
}

fn load(bytes: &[u8]) -> Result<lopdf::Document, Error> {
    lopdf::Document::load_mem(bytes)
        .map_err(|e| Error::writer("a PDF file", format!("cannot be read back: {e}")))
}

fn unreadable(e: lopdf::Error) -> Error {
    Error::writer("a PDF file", format!("its text cannot be read back: {e}"))
}

/// The text of every page, as the PDF draws it: each string a text operator
/// shows, decoded through its font's encoding (read once per font, however
/// many pages use it); a line end after each text object and line move, a
/// space after each `TJ` array and for each gap in one wider than a tenth of
/// an em. The pages are read in runs, one per core, and the runs' text joined
/// as one reading from the first page to the last would give it.
fn page_text(doc: &lopdf::Document) -> Result<String, Error> {
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let jobs = default_jobs();
    let runs: Vec<&[lopdf::ObjectId]> = pages.chunks(pages.len().div_ceil(jobs).max(1)).collect();
    let mut text = String::new();
    for run in map_in_order(&runs, jobs, |run| pages_text(doc, run)) {
        let run = run??;
        // A run begins without the text before it: a line end it began
        // with would not have been written after one already there.
        let from = usize::from(run.leading_break && text.ends_with('\n'));
        text.push_str(&run.text[from..]);
    }
    Ok(text)
}

/// The text of a run of pages read on its own.
#[derive(Default)]
struct RunText {
    text: String,
    /// The text begins with a line end written while it was empty (one
    /// reading from the first page would not write it after a line end).
    leading_break: bool,
}

impl RunText {
    fn end_line(&mut self) {
        if self.text.is_empty() {
            self.leading_break = true;
        }
        if !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }
}

fn pages_text(doc: &lopdf::Document, pages: &[lopdf::ObjectId]) -> Result<RunText, Error> {
    // Fonts are told apart by where their dictionary lives in `doc` (the
    // pages share one font resource dictionary).
    let mut encodings: HashMap<*const lopdf::Dictionary, lopdf::Encoding> = HashMap::new();
    let mut run = RunText::default();
    for &page in pages {
        let mut fonts: HashMap<Vec<u8>, *const lopdf::Dictionary> = HashMap::new();
        for (name, font) in doc.get_page_fonts(page).map_err(unreadable)? {
            let key: *const lopdf::Dictionary = font;
            if let Entry::Vacant(slot) = encodings.entry(key) {
                slot.insert(font.get_font_encoding(doc).map_err(unreadable)?);
            }
            fonts.insert(name, key);
        }
        let content =
            lopdf::content::Content::decode(&doc.get_page_content(page)).map_err(unreadable)?;
        let mut encoding = None;
        for operation in &content.operations {
            match operation.operator.as_str() {
                "Tf" => {
                    let name = operation
                        .operands
                        .first()
                        .ok_or_else(|| {
                            unreadable(lopdf::Error::Syntax("Tf without a font".into()))
                        })?
                        .as_name()
                        .map_err(unreadable)?;
                    encoding = fonts.get(name).and_then(|key| encodings.get(key));
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    let Some(encoding) = encoding else {
                        return Err(unreadable(lopdf::Error::CharacterEncoding));
                    };
                    if operation.operator != "Tj" && operation.operator != "TJ" {
                        run.end_line();
                    }
                    let shown = match operation.operator.as_str() {
                        "\"" => operation.operands.get(2..).unwrap_or(&[]),
                        _ => &operation.operands[..],
                    };
                    show(&mut run.text, encoding, shown)?;
                }
                "T*" | "ET" => run.end_line(),
                _ => {}
            }
        }
    }
    Ok(run)
}

/// Appends the strings of a text operator's operands.
fn show(
    text: &mut String,
    encoding: &lopdf::Encoding,
    operands: &[lopdf::Object],
) -> Result<(), Error> {
    for operand in operands {
        match operand {
            lopdf::Object::String(bytes, _) => {
                encoding.write_to_string(bytes, text).map_err(unreadable)?;
            }
            lopdf::Object::Array(items) => {
                show(text, encoding, items)?;
                text.push(' ');
            }
            lopdf::Object::Integer(gap) if *gap < -100 => text.push(' '),
            _ => {}
        }
    }
    Ok(())
}

/// A PDF text string: UTF-16BE with a byte-order mark, or bytes read as Latin-1.
fn decode_pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::{PdfMeta, render_pdf};

    #[test]
    fn page_text_reads_what_lopdf_reads_with_each_font_read_once() {
        let paragraph = "The **Company** will _revise_ its disclosure of “Item 5” on page 76.[^1] ";
        let markdown = format!(
            "# Heading\n\n{}\n\n[^1]: A note in ***bold italic***.\n",
            paragraph.repeat(150)
        );
        let (doc, _) = crate::markdown::parse_rendered(&markdown);
        let meta = PdfMeta {
            title: "t".into(),
            author: "a".into(),
            header_lines: vec!["Header".into()],
            confidential: None,
            date: crate::render::pdf::PdfDate::default(),
        };
        let bytes = render_pdf(&doc, &meta).unwrap();
        let mut pdf = load(&bytes).unwrap();
        let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
        assert!(pages.len() > 2, "{} pages", pages.len());
        let expected = pdf.extract_text(&pages).unwrap();
        pdf.decompress();
        let text = page_text(&pdf).unwrap();
        assert_eq!(text, expected);
        // Read for the word check alone, streams inflated page by page.
        assert_eq!(PdfWriter.read_shown(&bytes).unwrap(), expected);
        assert!(
            text.contains("Company") && text.contains("italic"),
            "{text}"
        );
    }
}
