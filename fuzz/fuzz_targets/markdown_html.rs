//! Markdown → document → Markdown and EDGAR HTML files on arbitrary text,
//! through the writers' self-verification: never a panic, the HTML always
//! passes the EDGAR validator, and every file holds every word of its document.
//! Characters `check` refuses before any writer runs (control characters,
//! glyphs no embedded font has) are taken out of what the writers get.
#![no_main]

use libfuzzer_sys::fuzz_target;
use respond::markdown::{parse, parse_rendered, to_markdown};
use respond::render::pdf::PdfDate;
use respond::render::pdf::fonts::fonts;
use respond::render::writers::{
    Document, DocumentMeta, Rendition, TrackedChanges, write_verified, writer,
};

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else { return };
    let printable: String = raw.chars().filter(|&c| fonts().covers(c)).collect();
    let text = printable.as_str();
    let (doc, issues) = parse_rendered(text);
    if issues.is_empty() && !doc.any_style(|s| s.confidential) {
        let document = Document {
            stem: "letter".into(),
            meta: DocumentMeta {
                title: "fuzz".into(),
                author: "fuzz".into(),
                header_lines: Vec::new(),
                date: PdfDate::default(),
                confidential: None,
                styles: Default::default(),
                changes: TrackedChanges {
                    author: "fuzz".into(),
                    date: time::Date::from_calendar_date(2014, time::Month::December, 9)
                        .expect("a valid date"),
                },
            },
            public: Rendition::new(text.to_owned(), doc),
            staff: None,
        };
        for name in ["md", "html"] {
            let writer = writer(name).expect("a registered writer");
            if let Err(error) = write_verified(writer, &document, true) {
                panic!("{error}");
            }
        }
    }
    let (author, issues) = parse(raw);
    if issues.is_empty() {
        let _ = parse_rendered(&to_markdown(&author));
    }
});
