//! The PDF layout and writer on arbitrary Markdown: never a panic, and every
//! PDF passes its own placement check (every word on the pages exactly once,
//! in order, inside the text block, clear of the furniture): a refusal is a
//! finding. Characters no embedded font has are left out first, as the check
//! stage refuses them before a PDF is made. A third of the inputs are set with
//! a letterhead in small capitals.
#![no_main]

use libfuzzer_sys::fuzz_target;
use respond::markdown::parse_rendered;
use respond::render::pdf::fonts::fonts;
use respond::render::pdf::style::LetterheadAlign;
use respond::render::pdf::{ConfidentialMarks, PdfMeta, Styles, render_pdf_with};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let printable: String = text.chars().filter(|&c| fonts().covers(c)).collect();
    let (doc, _) = parse_rendered(&printable);
    let meta = PdfMeta {
        header_lines: vec!["Securities and Exchange Commission".into(), "December 9, 2014".into()],
        // Half the inputs also get the Rule 83 request line and page codes.
        confidential: (data.len() % 2 == 1).then(|| ConfidentialMarks {
            requested_by: "Example Holdings, Inc.".into(),
            page_code: "EXH".into(),
        }),
        ..PdfMeta::default()
    };
    // A third of the inputs are set with the letterhead in small capitals,
    // flush right, with a rule under it.
    let mut styles = Styles::default();
    if data.len() % 3 == 0 {
        styles.letterhead.small_caps = true;
        styles.letterhead.rule = true;
        styles.letterhead.align = LetterheadAlign::Right;
    }
    match render_pdf_with(&doc, &meta, &styles) {
        Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
        Err(error) => panic!("the placement check refused the pages: {error} ({error:?})"),
    }
});
