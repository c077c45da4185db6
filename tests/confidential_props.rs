//! Property: wherever `<ct>` spans stand — any field, any kind of block — no
//! public output, read back by its own extractor and by pdftotext, holds any
//! of them, and the staff's copy holds every one.

use std::path::PathBuf;

use proptest::prelude::*;
use respond::build::{Built, build_letter};
use respond::confidential::key;
use respond::diagnostic::SourceFile;
use respond::load::LetterSources;
use respond::render::markdown::Templates;
use respond::render::writers::{is_staff_copy, writer_for_file, writers};

/// The places a span can stand, each a template with `{}` for the span.
const SLOTS: [&str; 16] = [
    "letterhead",
    "cc",
    "heading",
    "location",
    "page",
    "paragraph",
    "list item",
    "table cell",
    "markdown heading",
    "footnote",
    "code block",
    "quote",
    "original",
    "revised",
    "comment",
    "closing",
];

/// Text of the slot `name`: its span marked when `secret` is some.
fn slot(name: &str, secret: Option<&str>) -> String {
    let open = |plain: &str| match secret {
        Some(s) => format!("<ct>{s}</ct>"),
        None => plain.to_owned(),
    };
    match name {
        "code block" => match secret {
            Some(s) => format!("Schedule <ct>\n\n  ```\n  {s} rows\n  ```\n\n  done</ct>."),
            None => "Schedule follows.".to_owned(),
        },
        _ => open("plain words"),
    }
}

fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

fn sources(secrets: &[(usize, String)]) -> LetterSources {
    let get = |name: &str| {
        let i = SLOTS.iter().position(|s| *s == name).unwrap();
        let secret = secrets
            .iter()
            .find(|(k, _)| *k == i)
            .map(|(_, s)| s.as_str());
        slot(name, secret)
    };
    let letter = format!(
        "date: 2024-03-01\nletterhead: [{}]\naddressees:\n  - {{name: Jane Roe, title: Staff Accountant, salutation: Ms. Roe}}\ncompany: {{name: \"Example Holdings, Inc.\"}}\nfiling: {{form: 10-K, fiscal_year_end: 2023-12-31, filed: 2024-02-15, file_number: 001-12345}}\nstaff_letter: 2024-02-20\nconfidential_treatment: {{requested_by: \"Example Holdings, Inc.\", page_code: EXH}}\nclosing: {}\nsignatory: {{name: John Doe, title: Chief Financial Officer}}\ncc: [{}]\n",
        yaml_string(&get("letterhead")),
        yaml_string(&format!(
            "Please call with questions about {}.",
            get("closing")
        )),
        yaml_string(&get("cc")),
    );
    let text = format!(
        "Our answer covers {}.\n\n- first item\n- item with {}\n\n| Customer | Revenue |\n|---|--:|\n| {} | 1,200 |\n| Others | 800 |\n\n### Heading of {}\n\nA noted sentence.[^n]\n\n> Quoted {}.\n\n{}\n\n[^n]: Footnote about {}.\n",
        get("paragraph"),
        get("list item"),
        get("table cell"),
        get("markdown heading"),
        get("quote"),
        get("code block"),
        get("footnote"),
    );
    let comment = format!(
        "number: 1\nheadings: [Business, {}]\ncomment: {}\nresponse:\n  - text: {}\n  - revise:\n      location: {}\n      page: {}\n      original: {}\n      revised: {}\n",
        yaml_string(&format!("Customers of {}", get("heading"))),
        yaml_string(&format!("Tell us about {}.", get("comment"))),
        yaml_string(&text),
        yaml_string(&format!("Item 1. Business, {}", get("location"))),
        yaml_string(&format!("F-{}", get("page"))),
        yaml_string(&format!("Revenue grew on {} sales.", get("original"))),
        yaml_string(&format!("Revenue grew 4% on {} sales.", get("revised"))),
    );
    LetterSources {
        id: "letter".into(),
        letter: SourceFile::new(PathBuf::from("responses/letter/letter.yaml"), letter),
        comments: vec![SourceFile::new(
            PathBuf::from("responses/letter/comments/01-customers.yaml"),
            comment,
        )],
    }
}

fn pdftotext(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn secret_word() -> impl Strategy<Value = String> {
    // Unlike any word of the skeleton, so a find is a leak.
    "[a-z]{2,6}".prop_map(|s| format!("Qz{s}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_public_output_holds_a_span_and_the_staff_copy_holds_them_all(
        chosen in prop::collection::btree_map(0..SLOTS.len(), secret_word(), 1..6)
    ) {
        let secrets: Vec<(usize, String)> = chosen.into_iter().collect();
        let templates = Templates::new(&[]).unwrap();
        let built = build_letter(&sources(&secrets), &templates, writers());
        let output = match built {
            Built::Letter(output, _) => output,
            Built::Refused(d) | Built::Failed(_, d) => {
                let shown: Vec<String> = d.iter().map(|d| d.render_short()).collect();
                panic!("{secrets:?}: {shown:?}")
            }
        };
        for file in &output.files {
            let writer = writer_for_file(&file.name).unwrap();
            let mut text = writer.public_text(&file.bytes).unwrap();
            if file.name.ends_with(".pdf") {
                text.push_str(&pdftotext(&file.bytes));
            }
            let text = key(&text);
            for (place, secret) in &secrets {
                let found = text.contains(&key(secret));
                if is_staff_copy(&file.name) {
                    if file.name == "letter.unredacted.pdf" {
                        prop_assert!(found, "{} lacks the span in {}", file.name, SLOTS[*place]);
                    }
                } else {
                    prop_assert!(!found, "{} shows the span in {}", file.name, SLOTS[*place]);
                }
            }
        }
    }
}

#[test]
fn the_skeleton_without_spans_builds() {
    let templates = Templates::new(&[]).unwrap();
    match build_letter(&sources(&[]), &templates, writers()) {
        Built::Letter(output, _) => assert!(output.files.iter().any(|f| f.name == "letter.pdf")),
        Built::Refused(d) | Built::Failed(_, d) => {
            panic!(
                "{:?}",
                d.iter().map(|d| d.render_short()).collect::<Vec<_>>()
            )
        }
    }
}
