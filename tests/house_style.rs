//! The house style file `style.yaml`: it changes how the letter is set, a
//! change to it rebuilds the letter, and a mistake in it is named by file,
//! line and column.

mod common;

use std::path::Path;
use std::process::Output;

const ID: &str = "21vianet-2014-12-09";

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn build(root: &Path) -> String {
    let out = common::respond(root, &["build", "--format", "md,html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    stderr(&out)
}

fn output(root: &Path, name: &str) -> String {
    std::fs::read_to_string(root.join("output").join(ID).join(name)).unwrap()
}

#[test]
fn the_quote_style_puts_revised_passages_between_quotation_marks() {
    let project = common::example_project();
    let root = project.path();
    build(root);
    let indented = output(root, "letter.md");
    assert!(!indented.contains("> \u{201c}Our leases for data centers"));
    assert!(output(root, "letter.htm").contains("<blockquote style=\"margin: 0 36pt 0 36pt\">"));
    std::fs::write(root.join("style.yaml"), "quotes: { style: marks }\n").unwrap();
    let log = build(root);
    assert!(!log.contains(&format!("unchanged {ID}")), "{log}");
    let quoted = output(root, "letter.md");
    assert!(quoted.contains("> \u{201c}Our leases for data centers"));
    assert!(quoted.contains("harm our reputation. As a result, our business and results of operations could be materially and adversely affected.\u{201d}"));
    assert!(output(root, "letter.htm").contains("<blockquote style=\"margin: 0 0pt 0 0pt\">"));
    // Unchanged again: the cache reuses the build.
    assert!(build(root).contains(&format!("unchanged {ID}")));
}

#[test]
fn a_mistake_in_the_style_file_names_its_line_and_column() {
    let project = common::example_project();
    let root = project.path();
    std::fs::write(root.join("style.yaml"), "body:\n  size: 12\n  leadin: 14\n").unwrap();
    let out = common::respond(root, &["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("style.yaml:3:3"), "{err}");
    assert!(err.contains("leadin"), "{err}");
    assert!(!root.join("output").join(ID).join("letter.pdf").exists());
    std::fs::write(root.join("style.yaml"), "page:\n  margin_left: 500\n").unwrap();
    let err = stderr(&common::respond(root, &["build"]));
    assert!(err.contains("style.yaml:2:3"), "{err}");
    assert!(err.contains("margin_left"), "{err}");
}

/// The name line of the example's letterhead on page 1 of the PDF laid out
/// from `letter.md` in `style`: its fragments (text, size, small capitals)
/// and where the line starts; and whether a rule runs under the letterhead.
fn pdf_letterhead(root: &Path, style: &str) -> (Vec<(String, f32, bool)>, f32, bool) {
    use respond::render::pdf::mark::Mark;
    let styles = respond::render::style::parse_style(style).unwrap();
    let (doc, _) = respond::markdown::parse_rendered(&output(root, "letter.md"));
    let pages = respond::render::pdf::layout(&doc, &Default::default(), &styles);
    let texts: Vec<(f32, f32, &respond::render::pdf::text::Fragment)> = pages[0]
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text {
                x,
                baseline,
                fragment,
                ..
            } => Some((*x, *baseline, fragment)),
            _ => None,
        })
        .collect();
    let name_baseline = texts[0].1;
    let name: Vec<_> = texts.iter().filter(|t| t.1 == name_baseline).collect();
    let fragments = name
        .iter()
        .map(|(_, _, f)| (f.text.clone(), f.size, f.caps))
        .collect();
    let date = texts
        .iter()
        .find(|t| t.2.text.starts_with("December"))
        .map_or(f32::MAX, |t| t.1);
    let rule = pages[0].marks.iter().any(|m| {
        matches!(m, Mark::Rule { x0, x1, y, .. }
            if *y > name_baseline && *y < date && x1 - x0 > styles.page.measure() - 1.0)
    });
    (fragments, name[0].0, rule)
}

#[test]
fn the_letterhead_is_set_as_the_style_file_says_in_the_pdf_html_and_docx() {
    let project = common::example_project();
    let root = project.path();
    let docx = || {
        let path = root.join("output").join(ID).join("letter.docx");
        (
            common::wordml::part(&path, "word/styles.xml"),
            common::wordml::part(&path, "word/document.xml"),
        )
    };
    let out = common::respond(root, &["build", "--format", "md,html,docx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Today's letterhead: the name at 14 pt, centred, no small capitals, no rule.
    let html = output(root, "letter.htm");
    assert!(html.contains("font-size: 14pt; text-align: center; font-weight: bold; font-style: normal; text-decoration: none; font-variant: normal\">21Vianet Group, Inc.</h1>"), "{html}");
    assert!(!html.contains("border-top: 0.75pt"));
    let (styles, body) = docx();
    assert!(styles.contains("w:styleId=\"Letterhead\""));
    assert!(
        styles.contains("<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/>"),
        "{styles}"
    );
    assert!(!body.contains("<w:pBdr>"));
    let (name, left, rule) = pdf_letterhead(root, "");
    assert!(
        name.iter().all(|(_, size, caps)| *size == 14.0 && !caps),
        "{name:?}"
    );
    assert!(left > 72.0 + 100.0, "centred name starts at {left}");
    assert!(!rule);

    let style = "letterhead: { size: 18, small_caps: true, rule: true, align: left }\n";
    std::fs::write(root.join("style.yaml"), style).unwrap();
    let out = common::respond(root, &["build", "--format", "md,html,docx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = output(root, "letter.htm");
    assert!(html.contains("font-size: 18pt; text-align: left; font-weight: bold; font-style: normal; text-decoration: none; font-variant: small-caps\">21Vianet Group, Inc.</h1>"), "{html}");
    assert!(html.contains("<p style=\"margin: 0 0 12pt 0; text-align: left\">M5, 1 Jiuxianqiao"));
    assert!(
        html.contains("border-top: 0.75pt solid #000000\">\n</div>"),
        "{html}"
    );
    let (styles, body) = docx();
    assert!(
        styles.contains(
            "<w:jc w:val=\"left\"/></w:pPr><w:rPr><w:b/><w:smallCaps/><w:sz w:val=\"36\"/>"
        ),
        "{styles}"
    );
    assert!(
        body.contains("<w:pStyle w:val=\"LetterheadAddress\"/><w:pBdr><w:bottom w:val=\"single\""),
        "{body}"
    );
    let (name, left, rule) = pdf_letterhead(root, style);
    // Capitals at the name's size, lowercase letters as capitals at 80% of it.
    assert!(name.contains(&("21V".to_owned(), 18.0, false)), "{name:?}");
    assert!(
        name.iter()
            .any(|(text, size, caps)| text == "ianet" && *caps && (*size - 14.4).abs() < 0.01),
        "{name:?}"
    );
    assert!(
        (left - 72.0).abs() < 0.01,
        "flush-left name starts at {left}"
    );
    assert!(rule);
}

#[test]
fn a_letterhead_setting_or_a_key_given_twice_is_refused_at_its_line_and_column() {
    let project = common::example_project();
    let root = project.path();
    std::fs::write(
        root.join("style.yaml"),
        "body: { size: 12 }\nletterhead:\n  size: 0\n",
    )
    .unwrap();
    let out = common::respond(root, &["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("style.yaml:3:3"), "{err}");
    assert!(err.contains("letterhead"), "{err}");
    std::fs::write(
        root.join("style.yaml"),
        "letterhead: { rule: true }\nbody: { size: 11 }\nletterhead: { rule: false }\n",
    )
    .unwrap();
    let err = stderr(&common::respond(root, &["build"]));
    assert!(err.contains("style.yaml:3:1"), "{err}");
    assert!(err.contains("`letterhead` is given twice"), "{err}");
    assert!(!root.join("output").join(ID).join("letter.pdf").exists());
}
