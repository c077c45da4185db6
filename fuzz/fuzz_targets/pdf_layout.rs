//! The PDF layout and writer on arbitrary Markdown: never a panic, always a PDF.
#![no_main]

use libfuzzer_sys::fuzz_target;
use respond::markdown::parse_rendered;
use respond::render::pdf::{PdfMeta, render_pdf};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (doc, _) = parse_rendered(text);
    let meta = PdfMeta {
        header_lines: vec!["Securities and Exchange Commission".into(), "December 9, 2014".into()],
        ..PdfMeta::default()
    };
    let pdf = render_pdf(&doc, &meta);
    assert!(pdf.starts_with(b"%PDF-"));
});
