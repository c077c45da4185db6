//! Laying out Markdown for the page tests: the rendered letter parsed as the
//! build parses it, and PDF metadata with the running header of the example.

use respond::markdown::{Doc, parse_rendered};
use respond::render::pdf::PdfMeta;

/// The running header the example letter prints on pages 2 and later.
pub fn meta() -> PdfMeta {
    PdfMeta {
        header_lines: vec![
            "Securities and Exchange Commission".into(),
            "December 9, 2014".into(),
        ],
        ..PdfMeta::default()
    }
}

/// `md` parsed as rendered Markdown; the reader must report nothing.
pub fn doc(md: &str) -> Doc {
    let (doc, issues) = parse_rendered(md);
    assert!(issues.is_empty(), "{issues:?}");
    doc
}
