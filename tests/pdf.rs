//! The PDF writer checked from outside: poppler-utils and qpdf read the file.
//!
//! These tests need `pdftotext`, `pdffonts` and `qpdf` (`apt-get install
//! poppler-utils qpdf`); without them they fail and say so.

use std::path::{Path, PathBuf};
use std::process::Command;

use respond::markdown::{Doc, parse_rendered};
use respond::render::pdf::fonts::fonts;
use respond::render::pdf::mark::Mark;
use respond::render::pdf::{PdfDate, PdfMeta, Styles, layout, render_pdf, verify_placement};

const SAMPLE: &str = include_str!("fixtures/render/pdf-sample.md");

fn sample_doc() -> Doc {
    let (doc, issues) = parse_rendered(SAMPLE);
    assert!(issues.is_empty(), "{issues:?}");
    doc
}

fn meta() -> PdfMeta {
    PdfMeta {
        title: "Response to SEC comment letter dated November 17, 2014".into(),
        author: "21Vianet Group, Inc.".into(),
        header_lines: vec![
            "Securities and Exchange Commission".into(),
            "December 9, 2014".into(),
        ],
        confidential: None,
        date: PdfDate {
            year: 2014,
            month: 12,
            day: 9,
            hour: 0,
            minute: 0,
            second: 0,
        },
    }
}

/// Renders the sample once per test binary run and returns the file's path.
fn sample_pdf() -> PathBuf {
    // Tests run in parallel threads of one process: render and write once.
    static SAMPLE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    SAMPLE
        .get_or_init(|| {
            let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-sample.pdf");
            let bytes = render_pdf(&sample_doc(), &meta()).expect("the sample renders whole");
            let tmp = path.with_extension(format!("{}.tmp", std::process::id()));
            std::fs::write(&tmp, bytes).expect("write sample PDF");
            std::fs::rename(&tmp, &path).expect("rename sample PDF");
            path
        })
        .clone()
}

fn run(tool: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("`{tool}` could not be run ({e}); install it: apt-get install poppler-utils qpdf")
    });
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn page_text(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    let (ok, text) = run(
        "pdftotext",
        &["-f", &p, "-l", &p, "-layout", pdf.to_str().unwrap(), "-"],
    );
    assert!(ok, "{text}");
    text
}

#[test]
fn the_text_layer_has_every_word_in_reading_order() {
    let pdf = sample_pdf();
    // -layout keeps a table's rows as lines, as a reader reads them.
    let (ok, text) = run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    assert!(ok, "{text}");
    let extracted = words(&text);
    // Every word of the document's body, in order, appears in the text layer
    // (running headers, footnotes and page numbers may come in between).
    let doc = sample_doc();
    let mut body = String::new();
    for block in &doc.blocks {
        block.visit_inlines(&mut |inlines| {
            for i in inlines {
                body.push_str(i.plain());
            }
            body.push(' ');
        });
    }
    let expected = words(&body);
    let mut at = 0;
    for word in &expected {
        match extracted[at..].iter().position(|w| w == word) {
            Some(k) => at += k + 1,
            None => panic!("`{word}` missing or out of order after word {at} of the text layer"),
        }
    }
    for note in &doc.footnotes {
        let plain = note.blocks.iter().map(block_text).collect::<String>();
        for w in words(&plain) {
            assert!(extracted.contains(&w), "footnote word `{w}` missing");
        }
    }
}

fn block_text(block: &respond::markdown::Block) -> String {
    let mut s = String::new();
    block.visit_inlines(&mut |inlines| inlines.iter().for_each(|i| s.push_str(i.plain())));
    s
}

#[test]
fn the_sample_places_every_word_once_and_a_lost_line_is_refused() {
    let doc = sample_doc();
    let mut pages = layout(&doc, &meta(), &Styles::default());
    assert_eq!(verify_placement(&doc, &pages), Ok(()));
    // Drop the last line of the first page's body: the check names its words.
    let last = pages[0].boxes.last().cloned().expect("page 1 has lines");
    let lost: Vec<Mark> = pages[0].marks_of(&last).to_vec();
    pages[0].marks.retain(|m| !lost.contains(m));
    let error = verify_placement(&doc, &pages).expect_err("a line is missing");
    let first_word = lost.iter().find_map(Mark::fragment).map(|f| f.text.clone());
    assert!(
        error
            .to_string()
            .starts_with(&format!("would lose the words “{}", first_word.unwrap())),
        "{error}"
    );
}

#[test]
fn words_land_where_the_layout_put_them() {
    // What a reader's text layer reports as each word's left edge is the x the
    // layout chose: justified spacing and kerning reach the page exactly.
    let pdf = sample_pdf();
    let pages = layout(&sample_doc(), &meta(), &Styles::default());
    for page in &pages {
        let n = page.number.to_string();
        let (ok, html) = run(
            "pdftotext",
            &["-bbox", "-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"],
        );
        assert!(ok, "{html}");
        // Where each word begins: a fragment's start, or a space inside one
        // (the running header is one fragment).
        let mut starts: Vec<(f32, &str)> = Vec::new();
        for mark in &page.marks {
            if let Mark::Text { x, fragment, .. } = mark {
                let face = fonts().face(fragment.face);
                let text = fragment.text.as_str();
                starts.push((*x, text));
                for (i, _) in text.match_indices(' ') {
                    starts.push((*x + face.width(&text[..=i], fragment.size), &text[i + 1..]));
                }
            }
        }
        let mut checked = 0;
        for line in html
            .lines()
            .filter(|l| l.trim_start().starts_with("<word "))
        {
            let attr = |name: &str| -> f32 {
                let at = line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                line[at..].split('"').next().unwrap().parse().unwrap()
            };
            let x = attr("xMin");
            let word = line.split('>').nth(1).unwrap().split('<').next().unwrap();
            let first = word.chars().next().unwrap();
            if first == '&' {
                continue;
            }
            assert!(
                starts
                    .iter()
                    .any(|(mx, t)| (mx - x).abs() < 0.1 && t.starts_with(first)),
                "page {n}: `{word}` at x={x} is not where the layout put a word"
            );
            checked += 1;
        }
        assert!(checked > 20, "page {n}: only {checked} words");
    }
}

#[test]
fn the_running_header_is_on_every_page_but_the_first() {
    let pdf = sample_pdf();
    let (ok, info) = run("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(ok, "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert!(pages >= 3, "the sample should run to 3+ pages, got {pages}");
    let first = page_text(&pdf, 1);
    assert!(!first.contains("Page 1"), "{first}");
    assert!(
        !first
            .trim_start()
            .starts_with("Securities and Exchange Commission")
    );
    for n in 2..=pages {
        let text = page_text(&pdf, n);
        let head: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(3)
            .collect();
        assert_eq!(
            head,
            [
                "Securities and Exchange Commission",
                "December 9, 2014",
                &format!("Page {n}")
            ],
            "page {n}"
        );
    }
}

#[test]
fn every_font_is_embedded_and_subset() {
    let pdf = sample_pdf();
    let (ok, list) = run("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(ok, "{list}");
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{list}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains("+LiberationSerif"), "{row}");
        // name, type (2 words), encoding, emb, sub, uni, object, id
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
    }
}

#[test]
fn qpdf_finds_no_errors_and_nothing_active() {
    let pdf = sample_pdf();
    let (ok, report) = run("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert!(ok, "{report}");
    assert!(
        report.contains("No syntax or stream encoding errors"),
        "{report}"
    );
    assert!(!report.contains("is encrypted"), "{report}");
    let (ok, qdf) = run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    assert!(ok);
    for forbidden in [
        "/JavaScript",
        "/JS",
        "/AcroForm",
        "/Annots",
        "/EmbeddedFile",
        "/Encrypt",
        "/OpenAction",
    ] {
        assert!(!qdf.contains(forbidden), "the PDF contains {forbidden}");
    }
    assert!(
        qdf.contains("/CreationDate (D:20141209000000"),
        "no fixed creation date"
    );
    let (ok, info) = run("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(ok, "{info}");
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(
        field("Title:"),
        "Response to SEC comment letter dated November 17, 2014"
    );
    assert_eq!(field("Author:"), "21Vianet Group, Inc.");
    assert_eq!(field("Producer:"), "respond");
    assert_eq!(field("Encrypted:"), "no");
    assert_eq!(field("Page size:"), "612 x 792 pts (letter)");
    assert_eq!(
        field("PDF subtype:"),
        "",
        "the file must not claim a PDF/X or PDF/A subtype"
    );
}

#[test]
fn two_renders_in_one_process_are_identical() {
    let doc = sample_doc();
    let a = render_pdf(&doc, &meta()).unwrap();
    let b = render_pdf(&doc, &meta()).unwrap();
    assert!(a == b, "renders differ");
    let mut other = meta();
    other.author = "Other".into();
    assert!(render_pdf(&doc, &other).unwrap() != a);
}

#[test]
fn degenerate_documents_render() {
    let empty = render_pdf(&Doc::default(), &meta()).unwrap();
    assert!(empty.starts_with(b"%PDF"));
    let huge_word = format!(
        "{}\n\n| a |\n|---|\n| {} |\n",
        "W".repeat(5000),
        "1".repeat(900)
    );
    let (doc, _) = parse_rendered(&huge_word);
    assert!(render_pdf(&doc, &meta()).unwrap().starts_with(b"%PDF"));
    let wide = format!(
        "|{}\n|{}\n|{}\n",
        "a|".repeat(10_000),
        "--|".repeat(10_000),
        "1,234|".repeat(10_000)
    );
    let (doc, _) = parse_rendered(&wide);
    assert!(render_pdf(&doc, &meta()).unwrap().starts_with(b"%PDF"));
    let mut nested = String::new();
    for depth in 0..200 {
        nested.push_str(&"  ".repeat(depth));
        nested.push_str("- item\n");
    }
    nested.push_str(&format!("\n{}deep quote\n", "> ".repeat(200)));
    let (doc, _) = parse_rendered(&nested);
    assert!(render_pdf(&doc, &meta()).unwrap().starts_with(b"%PDF"));
}

/// The sample's pages in words: what starts and ends each page, which
/// footnotes sit where, and a fingerprint of the file.
#[test]
fn sample_layout_snapshot() {
    let pages = layout(&sample_doc(), &meta(), &Styles::default());
    let mut out = String::new();
    for page in &pages {
        let first = page
            .boxes
            .first()
            .map(|b| page.text_of(b))
            .unwrap_or_default();
        let last = page
            .boxes
            .last()
            .map(|b| page.text_of(b))
            .unwrap_or_default();
        out.push_str(&format!(
            "page {}: {} lines, footnotes {:?}\n  first: {first}\n  last:  {last}\n",
            page.number,
            page.boxes.len(),
            page.notes
        ));
    }
    let bytes = render_pdf(&sample_doc(), &meta()).unwrap();
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    out.push_str(&format!("pdf: {} bytes, fnv {hash:016x}\n", bytes.len()));
    insta::assert_snapshot!(out);
}

/// A letter long enough to be serialised in several batches of pages (see
/// `document::write_pdf`) comes out as one file with every page in its place.
#[test]
fn a_long_letter_serialised_in_batches_keeps_every_page_in_order() {
    let (doc, _) = parse_rendered(&SAMPLE.repeat(16));
    let styles = Styles::default();
    let pages = layout(&doc, &meta(), &styles);
    // More than two batches of 32 pages, however many cores there are.
    assert!(pages.len() > 64, "only {} pages", pages.len());
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-batches.pdf");
    std::fs::write(&path, render_pdf(&doc, &meta()).expect("renders whole")).unwrap();
    let file = path.to_str().unwrap();
    let (ok, report) = run("qpdf", &["--check", file]);
    assert!(ok, "{report}");
    let (ok, text) = run("pdftotext", &["-layout", file, "-"]);
    assert!(ok, "{text}");
    let printed: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(printed.len(), pages.len(), "pages in the file");
    // Footnote numbers print against their word ("change3"): letters only.
    let letters = |text: &str| -> Vec<String> {
        words(text)
            .iter()
            .map(|w| w.chars().filter(|c| c.is_alphabetic()).collect::<String>())
            .filter(|w| !w.is_empty())
            .collect()
    };
    for (page, printed) in pages.iter().zip(&printed) {
        let printed = letters(printed);
        for b in [page.boxes.first(), page.boxes.last()]
            .into_iter()
            .flatten()
        {
            let expected = letters(&page.text_of(b));
            assert!(
                printed
                    .windows(expected.len())
                    .any(|w| w == expected.as_slice()),
                "page {}: “{}” is not on it",
                page.number,
                page.text_of(b)
            );
        }
    }
}
