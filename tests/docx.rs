//! The DOCX outputs checked from outside: LibreOffice (`soffice --headless`)
//! opens letter.docx and redline.docx and converts them to text and PDF,
//! poppler reads the PDF, and the XML is read for what Word's Accept All and
//! Reject All leave.
//!
//! These tests need LibreOffice Writer and poppler-utils (`apt-get install
//! libreoffice-writer-nogui poppler-utils`, as `.ci/run` does); without them
//! they fail and say so. Each project is built and converted once per run.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::wordml::{
    Mark, Paragraph, change_attributions, package_text, paragraphs, part, resolved, words,
};
use respond::markdown::{Block, Doc, parse_rendered};
use respond::model::{Letter, ResponsePart, Revision};

const EXAMPLE: &str = "21vianet-2014-12-09";
const CONFIDENTIAL: &str = "2024-03-01-10k-2023";

/// A project built once, its DOCX files converted by LibreOffice.
struct Built {
    /// The project folder.
    root: PathBuf,
    /// Where LibreOffice's conversions are.
    converted: PathBuf,
}

impl Built {
    fn output(&self, id: &str, name: &str) -> PathBuf {
        self.root.join("output").join(id).join(name)
    }

    fn converted(&self, name: &str) -> PathBuf {
        self.converted.join(name)
    }
}

/// A fresh folder under the test target folder.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("docx-tests")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    dir
}

/// A copy of the example letter in a scratch folder.
fn example_copy(name: &str) -> PathBuf {
    let root = scratch(name);
    common::copy_tree(
        &common::example_dir(),
        &root.join("responses").join(EXAMPLE),
    );
    root
}

/// Builds the project at `root` with `env` set.
fn build(root: &Path, env: &[(&str, &str)]) {
    let out = Command::new(env!("CARGO_BIN_EXE_respond"))
        .args(["build", "--quiet"])
        .current_dir(root)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .envs(env.iter().copied())
        .output()
        .expect("respond runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Converts `files` with LibreOffice to `format` (`pdf`, `txt:…`) into `out`,
/// in one run of `soffice` with a profile of its own (two runs at once must
/// not share one).
fn soffice(format: &str, out: &Path, files: &[PathBuf]) {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let profile = scratch(&format!(
        "lo-profile-{}",
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    let status = Command::new("soffice")
        .arg("--headless")
        .arg("--norestore")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--convert-to", format, "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .unwrap_or_else(|e| {
            panic!("`soffice` could not be run ({e}); install it: apt-get install libreoffice-writer-nogui")
        });
    assert!(
        status.status.success(),
        "soffice --convert-to {format}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let _ = std::fs::remove_dir_all(&profile);
}

const TEXT: &str = "txt:Text (encoded):UTF8";

/// The example letter, built, with its letter and redline as text and PDF.
fn example() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let root = example_copy("example");
        build(&root, &[]);
        let converted = root.join("converted");
        let out = root.join("output").join(EXAMPLE);
        let files = [out.join("letter.docx"), out.join("redline.docx")];
        soffice(TEXT, &converted, &files);
        soffice("pdf", &converted, &files);
        Built { root, converted }
    })
}

/// The confidential fixture, built, its public and staff DOCX as text.
fn confidential() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let root = scratch("confidential");
        common::copy_tree(&common::repo().join("tests/fixtures/confidential"), &root);
        build(&root, &[]);
        let converted = root.join("converted");
        let out = root.join("output").join(CONFIDENTIAL);
        let files: Vec<PathBuf> = [
            "letter",
            "redline",
            "letter.unredacted",
            "redline.unredacted",
        ]
        .iter()
        .map(|stem| out.join(format!("{stem}.docx")))
        .collect();
        soffice(TEXT, &converted, &files);
        Built { root, converted }
    })
}

/// The letter as respond compiles it from the project's YAML.
fn compiled(root: &Path, id: &str) -> Letter {
    let world = respond::world::World::new(root);
    let sources = world
        .read_letter(&root.join("responses").join(id))
        .expect("the letter reads");
    respond::build::compile(&sources)
        .0
        .expect("the letter compiles")
}

fn revisions(letter: &Letter) -> Vec<&Revision> {
    letter
        .comments
        .iter()
        .flat_map(|c| &c.response)
        .filter_map(|part| match part {
            ResponsePart::Revise(r) => Some(r.as_ref()),
            ResponsePart::Text(_) => None,
        })
        .collect()
}

fn doc_words(doc: &Doc) -> Vec<String> {
    let body = Doc {
        blocks: doc.blocks.clone(),
        footnotes: Vec::new(),
    };
    words(&body.plain_text())
}

/// Finds `needle` in `hay` in order, each word after the last; the first
/// missing. A footnote's number may stick to the word it follows ("Expenses1").
fn missing_in_order<'a>(hay: &[String], needle: &'a [String]) -> Option<&'a str> {
    let same = |h: &str, w: &str| {
        h == w
            || h.strip_prefix(w)
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut at = 0;
    for word in needle {
        match hay[at..].iter().position(|h| same(h, word)) {
            Some(k) => at += k + 1,
            None => return Some(word),
        }
    }
    None
}

/// Asserts two word lists are the same, showing where they first differ.
fn assert_same_words(left: &[String], right: &[String], what: &str) {
    let at = left
        .iter()
        .zip(right)
        .position(|(a, b)| a != b)
        .unwrap_or(left.len().min(right.len()));
    let around = |w: &[String]| w[at.saturating_sub(5)..(at + 8).min(w.len())].join(" ");
    assert!(
        left.len() == right.len() && at == left.len(),
        "{what}: they differ at word {at}: “…{}…” against “…{}…”",
        around(left),
        around(right)
    );
}

/// Removes the first run of `run` from `words`; false when there is none.
fn remove_run(words: &mut Vec<String>, run: &[String]) -> bool {
    if run.is_empty() {
        return true;
    }
    match words.windows(run.len()).position(|w| w == run) {
        Some(at) => {
            words.drain(at..at + run.len());
            true
        }
        None => false,
    }
}

fn w3c_date(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn rendered(path: &Path) -> Doc {
    let (doc, issues) = parse_rendered(&read(path));
    assert!(issues.is_empty(), "{issues:?}");
    doc
}

#[test]
fn the_letter_opens_in_libreoffice_with_every_paragraph_of_the_example() {
    let built = example();
    let doc = rendered(&built.output(EXAMPLE, "letter.md"));
    let text = words(&read(&built.converted("letter.txt")));
    let mut checked = 0;
    for block in &doc.blocks {
        let expected = doc_words(&Doc {
            blocks: vec![block.clone()],
            footnotes: Vec::new(),
        });
        let first: Vec<&str> = expected.iter().take(12).map(String::as_str).collect();
        assert_eq!(
            missing_in_order(&text, &expected),
            None,
            "a paragraph of the letter is not in LibreOffice's text: “{}…”",
            first.join(" ")
        );
        checked += 1;
    }
    assert!(checked > 50, "only {checked} blocks in the letter");
    // And all of them, in order.
    assert_eq!(missing_in_order(&text, &doc_words(&doc)), None);
}

#[test]
fn pages_two_on_carry_the_running_header_with_their_number_and_page_one_does_not() {
    let built = example();
    let letter = compiled(&built.root, EXAMPLE);
    let letter_header = respond::build::document_meta(&letter, String::new()).header_lines;
    let date = letter_header
        .last()
        .expect("the header ends with the date")
        .clone();
    // The redline's running header names the company and what the document is.
    let redline_header = vec![
        letter.company.name.clone(),
        "Revised disclosure".into(),
        date,
    ];
    for (name, header) in [
        ("letter.pdf", &letter_header),
        ("redline.pdf", &redline_header),
    ] {
        let pdf = built.converted(name);
        let out = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs (apt-get install poppler-utils)");
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert!(pages.len() > 2, "{name} has {} pages", pages.len());
        for (i, page) in pages.iter().enumerate() {
            let lines: Vec<&str> = page
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let want: Vec<String> = header
                .iter()
                .cloned()
                .chain([format!("Page {}", i + 1)])
                .collect();
            if i == 0 {
                assert_ne!(lines[0], header[0], "{name}: page 1 has the running header");
                assert!(!lines.contains(&"Page 1"), "{name}: page 1 is numbered");
            } else {
                assert_eq!(lines[..want.len()], want[..], "{name}, page {}", i + 1);
            }
        }
    }
}

#[test]
fn footnotes_are_word_footnotes_and_print_at_the_foot_of_their_page() {
    let built = example();
    let doc = rendered(&built.output(EXAMPLE, "letter.md"));
    assert!(!doc.footnotes.is_empty(), "the example has footnotes");
    let docx = built.output(EXAMPLE, "letter.docx");
    let notes = part(&docx, "word/footnotes.xml");
    let notes_of = |kind: &str| notes.matches(&format!("<w:footnote {kind}")).count();
    assert_eq!(
        notes_of("w:id="),
        doc.footnotes.len(),
        "one Word footnote per note"
    );
    assert_eq!(notes_of("w:type="), 2, "the separator and its continuation");
    let body = part(&docx, "word/document.xml");
    assert_eq!(
        body.matches("<w:footnoteReference ").count(),
        doc.footnotes.len()
    );
    let pdf = Command::new("pdftotext")
        .arg(built.converted("letter.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let pdf_words = words(&String::from_utf8_lossy(&pdf.stdout));
    for note in &doc.footnotes {
        let expected = doc_words(&Doc {
            blocks: note.blocks.clone(),
            footnotes: Vec::new(),
        });
        assert_eq!(
            missing_in_order(&pdf_words, &expected),
            None,
            "footnote {}",
            note.label
        );
    }
}

#[test]
fn the_redline_accepts_to_the_revised_passages_and_rejects_to_the_originals() {
    let built = example();
    let letter = compiled(&built.root, EXAMPLE);
    let xml = part(&built.output(EXAMPLE, "redline.docx"), "word/document.xml");
    let paragraphs = paragraphs(&xml);
    let mut accepted = resolved(&paragraphs, true);
    let mut rejected = resolved(&paragraphs, false);
    let revisions = revisions(&letter);
    assert!(revisions.len() > 5);
    for revision in &revisions {
        let revised = doc_words(&revision.revised.doc);
        let original = doc_words(&revision.original.doc);
        let start = |w: &[String]| w.iter().take(12).cloned().collect::<Vec<_>>().join(" ");
        assert!(
            remove_run(&mut accepted, &revised),
            "Accept All does not give the revised passage “{}…”",
            start(&revised)
        );
        assert!(
            remove_run(&mut rejected, &original),
            "Reject All does not give the original passage “{}…”",
            start(&original)
        );
    }
    // Everything else (headings, counts, the cover) is the same either way.
    assert_same_words(&accepted, &rejected, "the redline outside its passages");
    let changes = change_attributions(&xml);
    assert!(changes.len() > 20, "{} changes", changes.len());
    let want = (letter.company.name.clone(), w3c_date(letter.date));
    assert!(
        changes.iter().all(|c| *c == want),
        "{:?}",
        changes.iter().find(|c| **c != want)
    );
}

#[test]
fn the_letter_tracks_deletions_only_where_the_passage_shows_them() {
    let built = example();
    let letter = compiled(&built.root, EXAMPLE);
    let xml = part(&built.output(EXAMPLE, "letter.docx"), "word/document.xml");
    let paragraphs = paragraphs(&xml);
    let (mut hidden, mut shown) = (0, 0);
    for revision in revisions(&letter) {
        let found: Vec<&Paragraph> = revision
            .revised
            .doc
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Paragraph(_) => Some(doc_words(&Doc {
                    blocks: vec![block.clone()],
                    footnotes: Vec::new(),
                })),
                _ => None,
            })
            .filter(|w| !w.is_empty())
            .map(|w| {
                paragraphs
                    .iter()
                    .find(|p| p.resolved(true) == w)
                    .unwrap_or_else(|| panic!("no paragraph accepts to {w:?}"))
            })
            .collect();
        let deletes = found.iter().any(|p| p.has(Mark::Deleted));
        if !revision.show_deletions {
            assert!(
                !deletes,
                "a passage with show_deletions: false tracks a deletion"
            );
            hidden += 1;
        } else if revision.redline.words_deleted > 0 {
            assert!(deletes, "a passage that shows deletions tracks none");
            shown += 1;
        }
    }
    assert!(hidden > 0 && shown > 0, "hidden {hidden}, shown {shown}");
}

/// Every `<ct>` span and internal note written in a project's YAML, spaces collapsed.
fn secrets(project: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut files = vec![project.join("letter.yaml")];
    for entry in std::fs::read_dir(project.join("comments")).unwrap() {
        files.push(entry.unwrap().path());
    }
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for file in files {
        let text = read(&file);
        let mut rest = text.as_str();
        while let Some(start) = rest.find("<ct>") {
            let end = rest[start..].find("</ct>").expect("a closed span") + start;
            let span = rest[start + 4..end].replace("<u>", "").replace("</u>", "");
            out.push(squash(&span));
            rest = &rest[end..];
        }
        for line in text.lines().filter_map(|l| l.strip_prefix("notes: ")) {
            out.push(squash(line));
        }
    }
    out
}

#[test]
fn a_public_docx_holds_no_confidential_span_and_the_staff_copy_holds_every_one() {
    let built = confidential();
    let secrets = secrets(
        &common::repo()
            .join("tests/fixtures/confidential/responses")
            .join(CONFIDENTIAL),
    );
    assert!(secrets.len() >= 8, "{secrets:?}");
    let squash = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for stem in ["letter", "redline"] {
        let shown = squash(read(&built.converted(&format!("{stem}.txt"))));
        assert!(shown.contains("[***]"), "{stem}.docx shows no [***]");
        let package = package_text(&built.output(CONFIDENTIAL, &format!("{stem}.docx")));
        for secret in &secrets {
            assert!(
                !shown.contains(secret.as_str()),
                "{stem}.docx shows “{secret}”"
            );
            assert!(
                !package.contains(secret.as_str()),
                "{stem}.docx carries “{secret}”"
            );
        }
    }
    let staff = package_text(&built.output(CONFIDENTIAL, "letter.unredacted.docx"));
    let staff_shown = squash(read(&built.converted("letter.unredacted.txt")));
    assert!(
        staff_shown.contains("[Zenith Aerospace Corporation]"),
        "{staff_shown}"
    );
    for secret in secrets.iter().filter(|s| !s.starts_with("Check with")) {
        assert!(
            staff.contains(secret.as_str()),
            "the staff's copy lacks “{secret}”"
        );
    }
    let header = part(
        &built.output(CONFIDENTIAL, "letter.docx"),
        "word/header1.xml",
    );
    assert!(header.contains("Confidential Treatment Requested by Example Holdings, Inc."));
}

fn git(repo: &Path, date: &str, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(repo)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_blackline_docx_tracks_the_changes_since_the_draft_by_blackline_on_its_date() {
    let root = example_copy("blackline");
    std::fs::write(root.join(".gitignore"), "output/\n").unwrap();
    git(&root, "", &["init", "-q"]);
    for (key, value) in [
        ("user.name", "Test Author"),
        ("user.email", "author@example.com"),
        ("commit.gpgsign", "false"),
    ] {
        git(&root, "", &["config", key, value]);
    }
    let commit = |date: &str| {
        git(&root, date, &["add", "-A"]);
        git(&root, date, &["commit", "-q", "-m", "draft"]);
    };
    commit("2014-12-01T12:00:00+00:00");
    let comment = root
        .join("responses")
        .join(EXAMPLE)
        .join("comments/10-cash-sufficiency.yaml");
    common::edit(&comment, "totaling RMB1,660.7", "amounting to RMB1,660.7");
    commit("2014-12-05T12:00:00+00:00");
    let out = common::respond(
        &root,
        &["build", "--format", "md,docx", "--against", "HEAD~1"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let folder = root.join("output").join(format!("{EXAMPLE}.blackline"));
    let xml = part(&folder.join("letter.blackline.docx"), "word/document.xml");
    let changes = change_attributions(&xml);
    assert!(!changes.is_empty());
    let want = ("Blackline".to_owned(), "2014-12-01T00:00:00Z".to_owned());
    assert!(changes.iter().all(|c| *c == want), "{changes:?}");
    let blackline = paragraphs(&xml);
    let accepted = resolved(&blackline, true);
    let rejected = resolved(&blackline, false);
    let window = |w: &[String], a: &str, b: &str| w.windows(2).any(|p| p[0] == a && p[1] == b);
    assert!(window(&accepted, "amounting", "to") && !window(&accepted, "totaling", "RMB1"));
    assert!(window(&rejected, "totaling", "RMB1") && !window(&rejected, "amounting", "to"));
    // Accepted, the blackline is the letter as it now reads, its own redline
    // (insertions and deletions alike) shown as formatting, not as changes.
    let letter = paragraphs(&part(
        &root.join("output").join(EXAMPLE).join("letter.docx"),
        "word/document.xml",
    ));
    let letter_all: Vec<String> = letter
        .iter()
        .flat_map(|p| words(&p.pieces.iter().map(|(_, t)| t.as_str()).collect::<String>()))
        .collect();
    let cover = words("Changes from the draft of December 1, 2014");
    assert_eq!(accepted[..cover.len()], cover[..]);
    assert_same_words(
        &accepted[cover.len()..],
        &letter_all,
        "the accepted blackline and the letter",
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn the_letterhead_is_centred_as_in_the_pdf() {
    let built = example();
    let body = part(&built.output(EXAMPLE, "letter.docx"), "word/document.xml");
    let paragraph_of = |needle: &str| -> String {
        let at = body
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} is in the letter"));
        let start = body[..at].rfind("<w:p>").expect("inside a paragraph");
        body[start..at].to_owned()
    };
    // The letterhead's paragraphs are in its styles, which centre them.
    for line in ["21Vianet Group, Inc.", "Jiuxianqiao", "Beijing 100016"] {
        let p = paragraph_of(line);
        assert!(
            p.contains("<w:pStyle w:val=\"Letterhead\"/>")
                || p.contains("<w:pStyle w:val=\"LetterheadAddress\"/>"),
            "{line}: {p}"
        );
    }
    let styles = part(&built.output(EXAMPLE, "letter.docx"), "word/styles.xml");
    for id in ["Letterhead", "LetterheadAddress"] {
        let at = styles
            .find(&format!("w:styleId=\"{id}\""))
            .unwrap_or_else(|| panic!("style {id}"));
        let style = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
        assert!(style.contains("<w:jc w:val=\"center\"/>"), "{style}");
    }
    assert!(!paragraph_of("VIA EDGAR").contains("<w:jc w:val=\"center\"/>"));
}
