//! Inputs the fuzz targets (see fuzz/ and docs/robustness.md) once crashed on,
//! kept so the fixes stay fixed.

use std::path::PathBuf;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    assert!(!out.is_empty(), "no regression inputs in {}", dir.display());
    out
}

/// The tokens of a document's text less whitespace, its footnote
/// definitions taken by label: the redline leaves a space added or removed
/// beside punctuation unmarked, and keeps one definition per label where
/// the revision puts it (notes are numbered by first reference, so the order
/// of definitions is not part of the text), so only the tokens must come back.
fn words(doc: &respond::markdown::Doc) -> Vec<String> {
    use respond::redline::{TokenKind, tokenize};
    let mut doc = doc.clone();
    doc.footnotes.sort_by(|a, b| a.label.cmp(&b.label));
    tokenize(&doc.plain_text())
        .into_iter()
        .filter(|t| t.kind != TokenKind::Space)
        .map(|t| t.text)
        .collect()
}

#[test]
fn staff_letter_importer() {
    for (path, bytes) in inputs("staff_letter") {
        if let Ok(text) = respond::import::detect::decode(&bytes) {
            let _ = respond::import::import(&text);
        }
        eprintln!("ok: {}", path.display());
    }
}

#[test]
fn pdf_reader() {
    for (path, bytes) in inputs("pdf_reader") {
        if let Ok(lines) = respond::import::pdf::read(&bytes) {
            for line in &lines {
                assert!(
                    !line.text.chars().any(|c| c.is_control() || c == '\u{ffff}'),
                    "{}: {:?}",
                    path.display(),
                    line.text
                );
            }
            let _ = respond::import::import_lines(&lines);
        }
        eprintln!("ok: {}", path.display());
    }
}

#[test]
fn redline_accepts_and_rejects_back_to_both_texts() {
    use respond::markdown::parse;
    use respond::redline::{accept, redline, reject};
    for (path, bytes) in inputs("redline") {
        let text = String::from_utf8_lossy(&bytes);
        let (old, new) = text.split_once('\u{0}').unwrap_or((&text, ""));
        let (a, _) = parse(old);
        let (b, _) = parse(new);
        let r = redline(&a, &b);
        assert_eq!(words(&accept(&r.doc)), words(&b), "{}", path.display());
        assert_eq!(words(&reject(&r.doc)), words(&a), "{}", path.display());
    }
}

#[test]
fn docx_writer_reads_back_every_word_of_printable_text() {
    use respond::markdown::{parse, parse_rendered};
    use respond::render::docx::{read_docx, render_docx};
    use respond::render::pdf::fonts::fonts;
    use respond::render::writers::verify_words;
    let meta = document_meta(vec!["Securities and Exchange Commission".into()]);
    for (path, bytes) in inputs("docx_writer") {
        let text = String::from_utf8_lossy(&bytes);
        // As the fuzz target does: what the check stage refuses is left out.
        let printable = |t: &str| -> String { t.chars().filter(|&c| fonts().covers(c)).collect() };
        let doc = match text.split_once('\u{0}') {
            Some((old, new)) => {
                respond::redline::redline(&parse(&printable(old)).0, &parse(&printable(new)).0).doc
            }
            None => parse_rendered(&printable(&text)).0,
        };
        let docx = render_docx(&doc, &meta).unwrap();
        let read = read_docx(&docx).unwrap();
        verify_words("letter.docx", &doc, &read.shown, true)
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        eprintln!("ok: {}", path.display());
    }
}

#[test]
fn markdown_and_html_writers_read_back_every_word_of_printable_text() {
    use respond::markdown::parse_rendered;
    use respond::render::pdf::fonts::fonts;
    use respond::render::writers::{Document, Rendition, write_verified, writer};
    for (path, bytes) in inputs("markdown_html") {
        let raw = String::from_utf8_lossy(&bytes);
        // As the fuzz target does: what the check stage refuses is left out.
        let text: String = raw.chars().filter(|&c| fonts().covers(c)).collect();
        let (doc, issues) = parse_rendered(&text);
        assert!(issues.is_empty(), "{}: {issues:?}", path.display());
        let document = Document {
            stem: "letter".into(),
            meta: document_meta(Vec::new()),
            public: Rendition::new(text.clone(), doc),
            staff: None,
        };
        for name in ["md", "html"] {
            write_verified(writer(name).unwrap(), &document, true)
                .unwrap_or_else(|e| panic!("{} ({name}): {e}", path.display()));
        }
        eprintln!("ok: {}", path.display());
    }
}

/// The metadata of the fuzz targets' documents, with `header_lines`.
fn document_meta(header_lines: Vec<String>) -> respond::render::writers::DocumentMeta {
    respond::render::writers::DocumentMeta {
        title: "Response".into(),
        author: "Example Holdings, Inc.".into(),
        header_lines,
        date: Default::default(),
        confidential: None,
        styles: Default::default(),
        changes: respond::render::writers::TrackedChanges {
            author: "Example Holdings, Inc.".into(),
            date: time::Date::from_calendar_date(2014, time::Month::December, 9).unwrap(),
        },
    }
}
