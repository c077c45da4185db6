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

use agreement::{Agreement, Tally, agreement};
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

/// Agreement and readability summed over a group of pairs.
#[derive(Default)]
struct Summary {
    pairs: usize,
    agreement: Agreement,
    ours: Readability,
    lawyer: Readability,
}

impl Summary {
    fn add(&mut self, other: &Summary) {
        self.pairs += other.pairs;
        self.agreement.add(other.agreement);
        self.ours.add(other.ours);
        self.lawyer.add(other.lawyer);
    }

    fn row(&self, name: &str) -> String {
        let (ins, del) = (self.agreement.inserted, self.agreement.deleted);
        format!(
            "| {name} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {} / {} | {} / {} |",
            self.pairs,
            ins.precision(),
            ins.recall(),
            del.precision(),
            del.recall(),
            self.ours.runs,
            self.lawyer.runs,
            self.ours.hidden,
            self.lawyer.hidden,
        )
    }

    /// Fails below the floors.
    fn check(&self, name: &str) {
        let (ins, del) = (self.agreement.inserted, self.agreement.deleted);
        assert!(
            ins.precision() >= INSERTED_FLOOR && ins.recall() >= INSERTED_FLOOR,
            "{name}, insertions: {ins:?}"
        );
        assert!(
            del.precision() >= DELETED_FLOOR && del.recall() >= DELETED_FLOOR,
            "{name}, deletions: {del:?}"
        );
    }
}

/// Measures the pairs of one file; a pair whose marks differ from the
/// lawyer's is described in `differences`, a broken pair in `errors`.
fn measure_file(
    file: &str,
    cases: &[Case],
    differences: &mut Vec<String>,
    errors: &mut Vec<String>,
) -> Summary {
    let mut sum = Summary::default();
    let verbose = std::env::var_os("REDLINE_CORPUS_VERBOSE").is_some();
    for case in cases {
        let m = match measure_case(case) {
            Ok(m) => m,
            Err(e) => {
                errors.push(format!("{file} / {}: {e}", case.name));
                continue;
            }
        };
        let agrees = |t: Tally| t.agreed == t.expected.max(t.found);
        if verbose || !agrees(m.agreement.inserted) || !agrees(m.agreement.deleted) {
            let indent = |text: &str| text.trim().replace('\n', "\n          ");
            differences.push(format!(
                "{file} / {} ({:?}, lawyer {:?}):\n  ours:   {}\n  lawyer: {}",
                case.name,
                m.ours,
                m.lawyer,
                indent(&m.written),
                indent(&case.marked)
            ));
        }
        sum.pairs += 1;
        sum.agreement.add(m.agreement);
        sum.ours.add(m.ours);
        sum.lawyer.add(m.lawyer);
    }
    sum
}

/// The file of pairs written after the cleanup rules were settled.
const HOLDOUT: &str = "holdout";

#[test]
fn the_redline_agrees_with_a_lawyers_marks() {
    let mut report = vec![
        "| pairs | n | ins. precision | ins. recall | del. precision | del. recall | change runs (ours / lawyer) | hidden content words (ours / lawyer) |".to_owned(),
        "|---|--:|--:|--:|--:|--:|--:|--:|".to_owned(),
    ];
    let (mut all, mut tuned, mut holdout) = Default::default();
    let (mut differences, mut errors) = (Vec::new(), Vec::new());
    for (file, cases) in corpus() {
        let sum = measure_file(&file, &cases, &mut differences, &mut errors);
        report.push(sum.row(&file));
        Summary::add(
            if file == HOLDOUT {
                &mut holdout
            } else {
                &mut tuned
            },
            &sum,
        );
        Summary::add(&mut all, &sum);
    }
    report.push(tuned.row("**all but holdout**"));
    report.push(all.row("**all**"));
    println!("{}\n", report.join("\n"));
    println!(
        "Pairs where the marks differ:\n\n{}",
        differences.join("\n\n")
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(all.pairs >= 30, "only {} pairs", all.pairs);
    all.check("all pairs");
    holdout.check(HOLDOUT);
    assert!(
        all.ours.hidden <= all.lawyer.hidden,
        "the redline hides {} unchanged content words inside changes, the lawyer {}",
        all.ours.hidden,
        all.lawyer.hidden
    );
}
