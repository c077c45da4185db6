//! A whole letter built from arbitrary response text, through every writer
//! with its self-verification: an internal error (a file that would lose
//! words, an EDGAR violation, a caught panic) counts as a crash. Input
//! mistakes are fine; they must only be reported.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use respond::build::{Built, build_letter};
use respond::diagnostic::SourceFile;
use respond::load::LetterSources;
use respond::render::markdown::Templates;
use respond::render::writers::writers;

const LETTER: &str = "date: 2024-03-01\naddressees:\n  - {name: Jane Roe, salutation: Ms. Roe}\ncompany: {name: \"Example Holdings, Inc.\"}\nfiling: {form: 10-K, fiscal_year_end: 2023-12-31, filed: 2024-02-15, file_number: 001-12345}\nstaff_letter: 2024-02-20\nconfidential_treatment: {requested_by: \"Example Holdings, Inc.\", page_code: EXH}\nsignatory: {name: John Doe, title: Chief Financial Officer}\n";

fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::new(&[]).expect("the built-in templates load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The first line is the passage as filed, the rest the response and the revision.
    let (original, rest) = text.split_once('\n').unwrap_or((text, ""));
    let quote = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let comment = format!(
        "number: 1\nheadings: [Business]\ncomment: Tell us more.\nresponse:\n  - text: {}\n  - revise:\n      location: Item 1\n      original: {}\n      revised: {}\n",
        quote(rest),
        quote(original),
        quote(&format!("{original} {rest}")),
    );
    let sources = LetterSources {
        id: "fuzz".into(),
        letter: SourceFile::new("responses/fuzz/letter.yaml", LETTER),
        comments: vec![SourceFile::new("responses/fuzz/comments/01.yaml", comment)],
    };
    if let Built::Failed(error, _) = build_letter(&sources, templates(), writers()) {
        panic!("{error}");
    }
});
