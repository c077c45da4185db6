//! `letter.docx` and, with a confidential treatment request, the staff's copy
//! `letter.unredacted.docx`: the document for Word, its revisions tracked.

use super::{Document, ReadBack, STAFF_INFIX, Writer, WrittenFile};
use crate::error::Error;
use crate::render::docx::{read_docx, render_docx};

/// Writes the document as a Word document.
#[derive(Debug, Clone, Copy)]
pub struct DocxWriter;

impl Writer for DocxWriter {
    fn name(&self) -> &'static str {
        "docx"
    }

    fn extension(&self) -> &'static str {
        "docx"
    }

    fn write(&self, document: &Document) -> Result<Vec<WrittenFile>, Error> {
        let named = |name: String| {
            move |e: Error| match e {
                Error::Writer { message, .. } => Error::writer(name.clone(), message),
                other => other,
            }
        };
        let public_name = format!("{}.docx", document.stem);
        let mut files = vec![WrittenFile {
            bytes: render_docx(&document.public.doc, &document.meta)
                .map_err(named(public_name.clone()))?,
            name: public_name,
            public: true,
            read_back: None,
        }];
        if let Some(staff) = &document.staff {
            let name = format!("{}.{STAFF_INFIX}.docx", document.stem);
            files.push(WrittenFile {
                bytes: render_docx(&staff.doc, &document.meta).map_err(named(name.clone()))?,
                name,
                public: false,
                read_back: None,
            });
        }
        Ok(files)
    }

    fn read_back(&self, bytes: &[u8]) -> Result<ReadBack, Error> {
        read_docx(bytes)
    }
}
