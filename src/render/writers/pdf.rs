//! `letter.pdf` and, with a confidential treatment request, the staff's copy
//! `letter.unredacted.pdf`.

use super::{Document, ReadBack, STAFF_INFIX, Writer, WrittenFile};
use crate::error::Error;
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
    let shown = page_text(&doc)?;
    let mut rest = String::new();
    doc.decompress();
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

/// The text of every page, as the PDF draws it.
fn page_text(doc: &lopdf::Document) -> Result<String, Error> {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages)
        .map_err(|e| Error::writer("a PDF file", format!("its text cannot be read back: {e}")))
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
