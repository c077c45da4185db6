//! Markdown → document → EDGAR HTML on arbitrary text: never a panic, and the
//! HTML always passes the EDGAR validator.
#![no_main]

use libfuzzer_sys::fuzz_target;
use respond::markdown::{parse, parse_rendered, to_markdown};
use respond::render::edgar::validate_edgar_html;
use respond::render::html::{HtmlMeta, render_html};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (doc, _) = parse_rendered(text);
    let html = render_html(&doc, &HtmlMeta { title: "fuzz".into(), banner: None });
    let violations = validate_edgar_html(&html);
    assert!(violations.is_empty(), "{violations:?}\n{html}");
    let (author, issues) = parse(text);
    if issues.is_empty() {
        let _ = parse_rendered(&to_markdown(&author));
    }
});
