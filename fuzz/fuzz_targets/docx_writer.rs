//! The DOCX writer on arbitrary Markdown, or on the redline of two arbitrary
//! texts (split at a NUL byte): never a panic, and the package reads back with
//! every word of the document. Characters no embedded font has (control
//! characters among them) are left out first, as the check stage refuses
//! them before any writer runs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use respond::markdown::{parse, parse_rendered};
use respond::render::docx::{read_docx, render_docx};
use respond::render::pdf::PdfDate;
use respond::render::pdf::fonts::fonts;
use respond::render::writers::{DocumentMeta, TrackedChanges, verify_words};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let printable = |t: &str| -> String { t.chars().filter(|&c| fonts().covers(c)).collect() };
    let doc = match text.split_once('\u{0}') {
        Some((old, new)) => {
            respond::redline::redline(&parse(&printable(old)).0, &parse(&printable(new)).0).doc
        }
        None => parse_rendered(&printable(text)).0,
    };
    let meta = DocumentMeta {
        title: "Response".into(),
        author: "Example Holdings, Inc.".into(),
        header_lines: vec![
            "Securities and Exchange Commission".into(),
            "December 9, 2014".into(),
        ],
        date: PdfDate::default(),
        confidential: None,
        styles: Default::default(),
        changes: TrackedChanges {
            author: "Example Holdings, Inc.".into(),
            date: time::Date::from_calendar_date(2014, time::Month::December, 9).unwrap(),
        },
    };
    let bytes = render_docx(&doc, &meta).expect("a document is always written");
    let read = read_docx(&bytes).expect("what was written reads back");
    verify_words("letter.docx", &doc, &read.shown, true).expect("every word comes back");
});
