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
