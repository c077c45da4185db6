//! The redline numbers each footnote as the letter does: a note the two
//! documents share prints the letter's number in the redline's Markdown,
//! HTML, PDF and Word document; a note only the redline has (one the
//! revision deletes) is numbered after the letter's last.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const ID: &str = "21vianet-2014-12-09";

fn build(root: &Path) {
    let out = common::respond(root, &["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn read(root: &Path, name: &str) -> String {
    std::fs::read_to_string(root.join("output").join(ID).join(name)).unwrap()
}

/// Each footnote definition of a Markdown file: number → text, marks of
/// insertion and deletion left out.
fn notes(markdown: &str) -> BTreeMap<usize, String> {
    markdown
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("[^")?;
            let (label, text) = rest.split_once("]: ")?;
            let text = text.replace("<ins>", "").replace("</ins>", "");
            Some((label.parse().ok()?, text))
        })
        .collect()
}

/// Footnote numbers the HTML links to, in order.
fn html_numbers(html: &str) -> Vec<usize> {
    html.match_indices("href=\"#fn")
        .filter_map(|(at, _)| {
            let rest = &html[at + 9..];
            rest[..rest.find('"')?].parse().ok()
        })
        .collect()
}

/// The custom marks of the Word document's footnote references.
fn docx_marks(root: &Path) -> Vec<String> {
    let path = root.join("output").join(ID).join("redline.docx");
    let xml = common::wordml::part(&path, "word/document.xml");
    xml.match_indices("w:customMarkFollows=\"1\"")
        .filter_map(|(at, _)| {
            let rest = &xml[at..];
            let text = &rest[rest.find("<w:t>")? + 5..];
            Some(text[..text.find('<')?].to_owned())
        })
        .collect()
}

fn pdf_text(root: &Path) -> String {
    let path = root.join("output").join(ID).join("redline.pdf");
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether the PDF sets note `number` (a line of its own, as the raised
/// number reads) over the words that open `text`.
fn pdf_has_note(pdf: &str, number: usize, text: &str) -> bool {
    let opening: String = text
        .trim_matches('~')
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let lines: Vec<&str> = pdf.lines().collect();
    lines
        .windows(2)
        .any(|w| w[0].trim() == number.to_string() && w[1].trim_start().starts_with(&opening))
}

#[test]
fn the_example_redline_prints_the_letters_note_numbers_in_every_format() {
    let project = common::example_project();
    let root = project.path();
    build(root);
    let letter = notes(&read(root, "letter.md"));
    let redline = notes(&read(root, "redline.md"));
    assert!(letter.len() >= 4, "{letter:?}");
    assert!(!redline.is_empty());
    for (n, text) in &redline {
        assert_eq!(letter.get(n), Some(text), "redline note {n}");
    }
    let numbers: Vec<usize> = redline.keys().copied().collect();
    assert_ne!(numbers, (1..=numbers.len()).collect::<Vec<_>>());
    let mut linked = html_numbers(&read(root, "redline.htm"));
    linked.sort_unstable();
    assert_eq!(linked, numbers);
    let mut marks = docx_marks(root);
    marks.sort();
    let expected: Vec<String> = numbers.iter().map(|n| n.to_string()).collect();
    assert_eq!(marks, expected);
    let pdf = pdf_text(root);
    for (n, text) in &redline {
        assert!(pdf_has_note(&pdf, *n, text), "note {n} in the PDF:\n{pdf}");
    }
}

#[test]
fn a_note_the_revision_deletes_is_numbered_after_the_letters_last() {
    let project = common::example_project();
    let root = project.path();
    let comment = root
        .join("responses")
        .join(ID)
        .join("comments/02-partnered-data-centers.yaml");
    common::edit(
        &comment,
        "China Unicom through agreements.\n",
        "China Unicom through agreements.[^old]\n\n        [^old]: Partnered data centers as counted in 2012.\n",
    );
    common::edit(
        &comment,
        "other third parties through agreements.\n",
        "other third parties through agreements.[^new]\n\n        [^new]: Partnered data centers as counted from 2013.\n",
    );
    build(root);
    let letter = notes(&read(root, "letter.md"));
    let redline_md = read(root, "redline.md");
    let redline = notes(&redline_md);
    // The new note is the letter's first; the old one only the redline has.
    assert_eq!(
        letter.get(&1).map(String::as_str),
        Some("Partnered data centers as counted from 2013.")
    );
    assert!(letter.values().all(|t| !t.contains("in 2012.")));
    let last = *letter.keys().max().unwrap();
    assert_eq!(
        redline.get(&(last + 1)).map(String::as_str),
        Some("~~Partnered data centers as counted in 2012.~~")
    );
    for (n, text) in redline.iter().filter(|(n, _)| **n <= last) {
        assert_eq!(letter.get(n), Some(text), "redline note {n}");
    }
    let mut linked = html_numbers(&read(root, "redline.htm"));
    linked.sort_unstable();
    assert_eq!(linked, redline.keys().copied().collect::<Vec<_>>());
    let pdf = pdf_text(root);
    assert!(
        pdf_has_note(&pdf, last + 1, "Partnered data centers as counted in 2012."),
        "{pdf}"
    );
    assert!(
        pdf_has_note(&pdf, 1, "Partnered data centers as counted from 2013."),
        "{pdf}"
    );
}
