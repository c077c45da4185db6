//! The PDF's outline, read back with `qpdf --json`: a bookmark for each
//! heading and each staff comment, nested as the headings nest, each
//! pointing at the page its text starts on.

use respond::markdown::parse_rendered;
use respond::render::pdf::{PdfMeta, render_pdf};
use serde_json::Value;

fn outline_of(md: &str) -> Value {
    let (doc, issues) = parse_rendered(md);
    assert!(issues.is_empty(), "{issues:?}");
    let bytes = render_pdf(&doc, &PdfMeta::default()).expect("pdf");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("qpdf")
        .args(["--json", "--json-key=outlines"])
        .arg(&path)
        .output()
        .expect("qpdf is installed (see .ci/run)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["outlines"].clone()
}

/// (depth, title, page) of every bookmark, depth first.
fn flatten(items: &Value, depth: usize, out: &mut Vec<(usize, String, u64)>) {
    for item in items.as_array().expect("an array of bookmarks") {
        out.push((
            depth,
            item["title"].as_str().unwrap().to_owned(),
            item["destpageposfrom1"].as_u64().unwrap(),
        ));
        flatten(&item["kids"], depth + 1, out);
    }
}

#[test]
fn headings_and_comments_are_bookmarked_and_nested() {
    let filler = "The Company respectfully advises the Staff of its position. ".repeat(60);
    let md = format!(
        "Dear Sirs:\n\n\
         ### Operating and Financial Review\n\n\
         #### Results of Operations, page 71\n\n\
         **5. On page 73, you indicate that the decrease in gross profit was due to “depreciation”.**\n\n\
         {filler}\n\n\
         **6. In future filings, revise to describe the effective tax rate.**\n\n\
         {filler}\n\n\
         ### Financial Statements\n\n\
         **7. Please clarify your disclosure.**\n\n\
         > #### A heading inside a quoted passage\n>\n> Quoted text.\n"
    );
    let mut found = Vec::new();
    flatten(&outline_of(&md), 0, &mut found);
    let shape: Vec<(usize, &str)> = found.iter().map(|(d, t, _)| (*d, t.as_str())).collect();
    assert_eq!(
        shape,
        vec![
            (0, "Operating and Financial Review"),
            (1, "Results of Operations, page 71"),
            (
                2,
                "5. On page 73, you indicate that the decrease in gross profit \u{2026}"
            ),
            (
                2,
                "6. In future filings, revise to describe the effective tax rate."
            ),
            (0, "Financial Statements"),
            (1, "7. Please clarify your disclosure."),
        ]
    );
    // Each points at its page: the comments are pages apart, in order.
    let pages: Vec<u64> = found.iter().map(|(_, _, p)| *p).collect();
    assert_eq!(pages[0], 1);
    assert!(pages[3] > pages[2] && pages[5] > pages[3], "{pages:?}");
}

#[test]
fn a_letter_without_headings_or_comments_has_no_outline() {
    let outline = outline_of("Dear Sirs:\n\nThank you.\n");
    assert_eq!(outline, Value::Array(Vec::new()));
}

#[test]
fn a_bookmark_never_shows_confidential_text() {
    let md = "### Acquisitions of <ct>Project Numbat</ct>\n\n\
              **3. Tell us about the <ct>Numbat</ct> purchase price.**\n\n\
              The Company respectfully advises the Staff.\n";
    let mut found = Vec::new();
    flatten(&outline_of(md), 0, &mut found);
    let titles: Vec<&str> = found.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Acquisitions of [***]",
            "3. Tell us about the [***] purchase price."
        ]
    );
}
