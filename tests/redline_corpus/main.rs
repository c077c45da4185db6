//! The redline measured against a lawyer's hand marks.
//!
//! `tests/fixtures/redline/*.yaml` holds revision pairs written in the style
//! of Form 20-F and 10-K revisions (MD&A quantification, risk-factor
//! rewrites, accounting-policy edits, footnote and paragraph cuts, table
//! cells, figures), each with the redline a careful lawyer would mark by
//! hand. The test reports how far respond's redline agrees with those marks
//! (precision and recall of marked words, for insertions and deletions) and
//! how it reads (change runs; unchanged content words hidden inside a
//! change), and fails below the agreed floor. Run it with `--nocapture` to
//! see the report.

mod agreement;
mod readability;

use std::path::PathBuf;

use respond::markdown::{Doc, parse, parse_rendered, to_markdown};
use respond::redline::{TokenKind, accept, redline, reject, tokenize};
use serde::Deserialize;

use agreement::{Agreement, agreement};
use readability::{Readability, measure};

/// The floor for insertions (precision and recall).
const INSERTED_FLOOR: f64 = 0.97;
/// The floor for deletions (precision and recall).
const DELETED_FLOOR: f64 = 0.95;

/// One revision pair with a lawyer's redline.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    original: String,
    revised: String,
    /// The lawyer's redline: `~~deleted~~`, `<ins>inserted</ins>`.
    marked: String,
}

/// One case measured.
struct Measured {
    agreement: Agreement,
    ours: Readability,
    lawyer: Readability,
    written: String,
}

fn corpus() -> Vec<(String, Vec<Case>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/redline");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let cases: Vec<Case> =
                serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, cases)
        })
        .collect()
}

/// Author Markdown, parsed without complaint.
fn author(text: &str, what: &str) -> Doc {
    let (doc, issues) = parse(text);
    assert!(issues.is_empty(), "{what}: {issues:?}");
    doc
}

/// A written redline read back, its strike-through taken as deletion.
fn read_redline(text: &str, what: &str) -> Doc {
    let (mut doc, issues) = parse_rendered(text);
    assert!(issues.is_empty(), "{what}: {issues:?}");
    doc.add_style(|s| {
        if s.strike {
            s.strike = false;
            s.deleted = true;
        }
    });
    doc
}

/// A text's tokens less whitespace.
fn solid(doc: &Doc) -> Vec<String> {
    tokenize(&doc.plain_text())
        .into_iter()
        .filter(|t| t.kind != TokenKind::Space)
        .map(|t| t.text)
        .collect()
}

fn measure_case(case: &Case) -> Result<Measured, String> {
    let original = author(&case.original, &case.name);
    let revised = author(&case.revised, &case.name);
    let lawyer = read_redline(&case.marked, &case.name);
    if solid(&accept(&lawyer)) != solid(&revised) || solid(&reject(&lawyer)) != solid(&original) {
        return Err(
            "the marked redline does not accept to `revised` and reject to `original`".into(),
        );
    }
    let written = to_markdown(&redline(&original, &revised).doc);
    let ours = read_redline(&written, &case.name);
    Ok(Measured {
        agreement: agreement(&original, &revised, &lawyer, &ours)?,
        ours: measure(&ours),
        lawyer: measure(&lawyer),
        written,
    })
}

fn row(
    name: &str,
    cases: usize,
    a: &Agreement,
    ours: &Readability,
    lawyer: &Readability,
) -> String {
    format!(
        "| {name} | {cases} | {:.3} | {:.3} | {:.3} | {:.3} | {} / {} | {} / {} |",
        a.inserted.precision(),
        a.inserted.recall(),
        a.deleted.precision(),
        a.deleted.recall(),
        ours.runs,
        lawyer.runs,
        ours.hidden,
        lawyer.hidden,
    )
}

#[test]
fn the_redline_agrees_with_a_lawyers_marks() {
    let mut report = vec![
        "| pairs | n | ins. precision | ins. recall | del. precision | del. recall | change runs (ours / lawyer) | hidden content words (ours / lawyer) |".to_owned(),
        "|---|--:|--:|--:|--:|--:|--:|--:|".to_owned(),
    ];
    let (mut total, mut ours_total, mut lawyer_total) = Default::default();
    let (mut count, mut errors, mut differences) = (0, Vec::new(), Vec::new());
    for (file, cases) in corpus() {
        let (mut sum, mut ours, mut lawyer) = (
            Agreement::default(),
            Readability::default(),
            Readability::default(),
        );
        for case in &cases {
            match measure_case(case) {
                Ok(m) => {
                    let a = m.agreement;
                    if a.inserted.agreed != a.inserted.expected.max(a.inserted.found)
                        || a.deleted.agreed != a.deleted.expected.max(a.deleted.found)
                    {
                        differences.push(format!(
                            "{file} / {}:\n  ours:   {}\n  lawyer: {}",
                            case.name,
                            m.written.trim().replace('\n', "\n          "),
                            case.marked.trim().replace('\n', "\n          ")
                        ));
                    }
                    if std::env::var_os("REDLINE_CORPUS_VERBOSE").is_some() {
                        println!(
                            "{} {:?} {:?}\n{}\n{}",
                            case.name, m.ours, m.lawyer, m.written, case.marked
                        );
                    }
                    sum.add(a);
                    ours.add(m.ours);
                    lawyer.add(m.lawyer);
                }
                Err(e) => errors.push(format!("{file} / {}: {e}", case.name)),
            }
        }
        report.push(row(&file, cases.len(), &sum, &ours, &lawyer));
        Agreement::add(&mut total, sum);
        Readability::add(&mut ours_total, ours);
        Readability::add(&mut lawyer_total, lawyer);
        count += cases.len();
    }
    report.push(row("**all**", count, &total, &ours_total, &lawyer_total));
    println!("{}\n", report.join("\n"));
    println!(
        "Pairs where the marks differ:\n\n{}",
        differences.join("\n\n")
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(count >= 30, "only {count} pairs");
    let (ins, del) = (total.inserted, total.deleted);
    assert!(
        ins.precision() >= INSERTED_FLOOR && ins.recall() >= INSERTED_FLOOR,
        "insertions: {ins:?}"
    );
    assert!(
        del.precision() >= DELETED_FLOOR && del.recall() >= DELETED_FLOOR,
        "deletions: {del:?}"
    );
    assert!(
        ours_total.hidden <= lawyer_total.hidden,
        "the redline hides {} unchanged content words inside changes, the lawyer {}",
        ours_total.hidden,
        lawyer_total.hidden
    );
}
