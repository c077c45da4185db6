//! The output formats, each one [`Writer`] behind one trait, in one registry.
//!
//! A writer turns a [`Document`] (the letter, its redline or a blackline, as
//! parsed from its rendered Markdown) into files, and reads its own files back
//! as a reader would see them ([`Writer::public_text`]). The build uses that
//! reading twice: every file it writes must hold every word of its document
//! ([`verify`]), and no public file may hold a confidential span or an
//! internal note (the leak scan). Because both go through the registry, a
//! format cannot be added without them. Adding a format means adding a writer
//! here and nowhere else.

mod docx;
mod html;
mod markdown;
mod pdf;
mod verify;

use std::sync::OnceLock;

use crate::error::Error;
use crate::markdown::Doc;
use crate::render::pdf::{ConfidentialMarks, PdfDate, Styles};

pub use docx::DocxWriter;
pub use html::{HtmlWriter, html_text};
pub use markdown::{MarkdownWriter, markdown_text};
pub use pdf::{PdfWriter, pdf_text};
pub use verify::{DocWords, verify_doc_words, verify_words};

/// The infix of a staff's copy: `letter.unredacted.pdf`.
pub const STAFF_INFIX: &str = "unredacted";

/// One version of a document: its rendered Markdown and that Markdown parsed.
#[derive(Debug, Clone)]
pub struct Rendition {
    /// The Markdown the templates produced.
    pub markdown: String,
    /// The same Markdown parsed: what every writer draws from.
    pub doc: Doc,
    /// The words every file of this version must hold, computed once.
    words: OnceLock<DocWords>,
}

impl Rendition {
    /// The version rendered as `markdown`, parsed as `doc`.
    pub fn new(markdown: String, doc: Doc) -> Rendition {
        Rendition {
            markdown,
            doc,
            words: OnceLock::new(),
        }
    }

    /// The words of the document, in the form the writers' check compares.
    pub fn words(&self) -> &DocWords {
        self.words.get_or_init(|| DocWords::of(&self.doc))
    }
}

/// What the writers print besides the document itself.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentMeta {
    /// Document title (HTML `<title>`, PDF metadata).
    pub title: String,
    /// Author (the company).
    pub author: String,
    /// Running header lines on pages 2+ (before "Page N").
    pub header_lines: Vec<String>,
    /// The date and time the PDF records as its creation date.
    pub date: PdfDate,
    /// Rule 83 page marks, for a letter with a confidential treatment request.
    pub confidential: Option<ConfidentialMarks>,
    /// The house style the PDF and HTML are set in.
    pub styles: Styles,
    /// Whom the DOCX attributes its tracked changes to, and when.
    pub changes: TrackedChanges,
}

/// The author and date of a document's tracked changes (a DOCX's `w:ins` and
/// `w:del`): for the letter and its redline, the company (or letter.yaml's
/// `revision_author`) on the letter's date; for a blackline, "Blackline" on
/// the earlier draft's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedChanges {
    /// The name Word shows beside each change.
    pub author: String,
    /// The date of every change.
    pub date: time::Date,
}

/// One document of a letter, ready for the writers.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file stem: `letter`, `redline`, `letter.blackline`.
    pub stem: String,
    /// Title, author, running header, date, Rule 83 marks.
    pub meta: DocumentMeta,
    /// The version anyone may read (with `[***]` for each confidential span).
    pub public: Rendition,
    /// The staff's copy (spans bracketed), for a letter with a confidential
    /// treatment request.
    pub staff: Option<Rendition>,
}

/// A file a writer produced.
#[derive(Debug, Clone)]
pub struct WrittenFile {
    /// The file name, e.g. `letter.pdf`.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// False for the staff's copy, which is never filed.
    pub public: bool,
    /// The file read back through its writer ([`Writer::read_back`]), once it
    /// has been verified.
    pub read_back: Option<ReadBack>,
}

/// A file's text as its writer reads it back.
#[derive(Debug, Clone, Default)]
pub struct ReadBack {
    /// The text a reader sees on the page.
    pub shown: String,
    /// Anything else the file carries that a reader could find (metadata,
    /// attribute values, the raw streams of a PDF).
    pub rest: String,
}

impl ReadBack {
    /// Everything, shown text first.
    pub fn all(&self) -> String {
        format!("{}\n{}", self.shown, self.rest)
    }
}

/// An output format.
pub trait Writer: Sync {
    /// The name used in `--format`, e.g. `html`.
    fn name(&self) -> &'static str;
    /// The file extension, e.g. `htm`.
    fn extension(&self) -> &'static str;
    /// Writes the public version and, if the format carries one, the staff's copy.
    fn write(&self, document: &Document) -> Result<Vec<WrittenFile>, Error>;
    /// What a reader of `bytes` (a file this writer wrote) can see: the text
    /// on the page, in reading order as far as the format allows, and
    /// anything else the file carries that a reader could find.
    fn read_back(&self, bytes: &[u8]) -> Result<ReadBack, Error>;
    /// The text on the page alone ([`ReadBack::shown`]): for the word check
    /// of a build with nothing to scan for, where the rest need not be read.
    fn read_shown(&self, bytes: &[u8]) -> Result<String, Error> {
        Ok(self.read_back(bytes)?.shown)
    }
    /// Everything a reader of `bytes` can find, as one text.
    fn public_text(&self, bytes: &[u8]) -> Result<String, Error> {
        Ok(self.read_back(bytes)?.all())
    }
    /// True for a format set in pages (PDF), which takes longest to write:
    /// the build starts these first.
    fn typesets(&self) -> bool {
        false
    }
    /// True when [`ReadBack::shown`] is in reading order.
    fn reads_in_order(&self) -> bool {
        true
    }
}

static WRITERS: [&dyn Writer; 4] = [&MarkdownWriter, &HtmlWriter, &PdfWriter, &DocxWriter];

/// Every output format, in the order files are listed.
pub fn writers() -> &'static [&'static dyn Writer] {
    &WRITERS
}

/// The writer called `name` in `--format`.
pub fn writer(name: &str) -> Option<&'static dyn Writer> {
    WRITERS.iter().copied().find(|w| w.name() == name)
}

/// The writer that writes files named like `file_name`, by extension.
pub fn writer_for_file(file_name: &str) -> Option<&'static dyn Writer> {
    let extension = file_name.rsplit_once('.')?.1;
    WRITERS.iter().copied().find(|w| w.extension() == extension)
}

/// True for the name of a staff's copy (`*.unredacted.*`).
pub fn is_staff_copy(file_name: &str) -> bool {
    let parts: Vec<&str> = file_name.split('.').collect();
    parts.len() >= 3 && parts[parts.len() - 2] == STAFF_INFIX
}

/// Writes `document` with `writer` and proves each file whole: its text, read
/// back through the writer, holds every word of the version it was written
/// from. With `keep`, each file keeps what it was read back as (everything a
/// reader could find, for the leak scan); without, only its shown text is
/// read and nothing is kept, so a later scan reads the file whole again.
pub fn write_verified(
    writer: &dyn Writer,
    document: &Document,
    keep: bool,
) -> Result<Vec<WrittenFile>, Error> {
    let mut files = writer.write(document)?;
    for file in &mut files {
        let rendition = match (&document.staff, file.public) {
            (Some(staff), false) => staff,
            (None, false) => {
                return Err(Error::writer(
                    &file.name,
                    "a staff's copy of a document that has none",
                ));
            }
            (_, true) => &document.public,
        };
        if file.public && rendition.doc.any_style(|s| s.confidential) {
            return Err(Error::writer(
                &file.name,
                "the public version still marks confidential text",
            ));
        }
        let (shown, read_back) = if keep {
            let read_back = writer.read_back(&file.bytes)?;
            (read_back.shown.clone(), Some(read_back))
        } else {
            (writer.read_shown(&file.bytes)?, None)
        };
        verify_doc_words(
            &file.name,
            rendition.words(),
            &shown,
            writer.reads_in_order(),
        )?;
        file.read_back = read_back;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_writer_is_found_by_name_and_by_file_name() {
        for w in writers() {
            assert_eq!(writer(w.name()).map(|f| f.name()), Some(w.name()));
            let file = format!("letter.{}", w.extension());
            assert_eq!(writer_for_file(&file).map(|f| f.name()), Some(w.name()));
        }
        assert!(writer_for_file("notes.txt").is_none());
        assert!(is_staff_copy("letter.unredacted.pdf"));
        assert!(!is_staff_copy("letter.pdf"));
        assert!(!is_staff_copy("unredacted.pdf"));
    }
}

#[cfg(test)]
mod verified {
    use super::*;
    use crate::render::pdf::PdfDate;

    /// A writer that loses the last word of every document.
    struct Lossy;

    impl Writer for Lossy {
        fn name(&self) -> &'static str {
            "lossy"
        }
        fn extension(&self) -> &'static str {
            "txt"
        }
        fn write(&self, document: &Document) -> Result<Vec<WrittenFile>, Error> {
            let text = document.public.doc.plain_text();
            let cut = text.trim_end().rsplit_once(' ').map_or("", |(a, _)| a);
            Ok(vec![WrittenFile {
                name: format!("{}.txt", document.stem),
                bytes: cut.as_bytes().to_vec(),
                public: true,
                read_back: None,
            }])
        }
        fn read_back(&self, bytes: &[u8]) -> Result<ReadBack, Error> {
            Ok(ReadBack {
                shown: String::from_utf8_lossy(bytes).into_owned(),
                rest: String::new(),
            })
        }
    }

    fn document(markdown: &str) -> Document {
        let (doc, _) = crate::markdown::parse_rendered(markdown);
        Document {
            stem: "letter".into(),
            meta: DocumentMeta {
                title: "t".into(),
                author: "a".into(),
                header_lines: Vec::new(),
                date: PdfDate::default(),
                confidential: None,
                changes: TrackedChanges {
                    author: "a".into(),
                    date: time::Date::from_calendar_date(2014, time::Month::December, 9)
                        .expect("a valid date"),
                },
                styles: Styles::default(),
            },
            public: Rendition::new(markdown.into(), doc),
            staff: None,
        }
    }

    #[test]
    fn a_writer_that_loses_a_word_is_caught_and_named() {
        for keep in [true, false] {
            let err = write_verified(
                &Lossy,
                &document("The Company will revise its disclosure.\n"),
                keep,
            )
            .unwrap_err();
            let text = err.to_string();
            assert!(
                text.contains("letter.txt") && text.contains("disclosure"),
                "{text}"
            );
        }
    }

    #[test]
    fn every_registered_writer_passes_its_own_check() {
        let doc = document(
            "Dear Ms. Roe:\n\n- one item\n\n| A | 1,234 |\n|---|--:|\n| b | (5) |\n\nText.[^1]\n\n[^1]: A note.\n",
        );
        for writer in writers() {
            for keep in [true, false] {
                let files = write_verified(*writer, &doc, keep).unwrap();
                assert_eq!(files.len(), 1, "{}", writer.name());
                // A file keeps its reading only when it was read whole.
                assert_eq!(files[0].read_back.is_some(), keep, "{}", writer.name());
            }
        }
    }

    #[test]
    fn a_public_version_still_marking_confidential_text_is_refused() {
        let mut doc = document("Open and <ct>hidden</ct> text.\n");
        doc.public.doc.add_style(|s| s.confidential = true);
        for writer in writers() {
            for keep in [true, false] {
                assert!(
                    write_verified(*writer, &doc, keep).is_err(),
                    "{}",
                    writer.name()
                );
            }
        }
    }
}
