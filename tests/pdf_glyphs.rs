//! Characters the PDF fonts lack: symbols print from the shipped symbol face,
//! and anything no face has is an error at its line and column in the YAML,
//! naming the character, before anything is written (never a `?` on the page).

mod common;

use std::path::Path;

const LETTER: &str = "responses/21vianet-2014-12-09/letter.yaml";
const COMMENT: &str = "responses/21vianet-2014-12-09/comments/01-lease-termination-rights.yaml";

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The findings in short format: `file:line:column: severity: message`.
fn check_short(project: &Path) -> (Option<i32>, String) {
    let out = common::respond(project, &["check", "--format", "short"]);
    let text = stderr(&out).replace(&project.display().to_string(), "[TMP]");
    (out.status.code(), text)
}

#[test]
fn characters_no_font_has_are_errors_at_their_place_in_the_yaml() {
    let project = common::example_project();
    let root = project.path();
    // A response (a `|` block), a heading (a quoted string in a list), a
    // revision's location (a bell, `\a` in a double-quoted string), and a cc
    // line of letter.yaml.
    common::edit(
        &root.join(COMMENT),
        "The Company respectfully advises",
        "The Company (世纪互联) respectfully advises",
    );
    common::edit(
        &root.join(COMMENT),
        "\"Risk Factors\"",
        "\"Risk Factors 😀\"",
    );
    common::edit(
        &root.join(COMMENT),
        "location: \"Item 3. Key",
        "location: \"Item 3.\\a Key",
    );
    common::edit(
        &root.join(LETTER),
        "  - George Chan,",
        "  - George Chan (陈),",
    );
    let (code, text) = check_short(root);
    assert_eq!(code, Some(1), "{text}");
    let comment = "responses/21vianet-2014-12-09/comments/01-lease-termination-rights.yaml";
    let letter = "responses/21vianet-2014-12-09/letter.yaml";
    for expected in [
        format!(
            "{comment}:11:20: error: the PDF cannot print “世纪互联”: no embedded font has \
             U+4E16 CJK UNIFIED IDEOGRAPH-4E16 (“世”) or the 3 characters after it"
        ),
        format!(
            "{comment}:4:19: error: the PDF cannot print U+1F600 GRINNING FACE (“😀”): \
             no embedded font has it"
        ),
        format!("{comment}:13:25: error: the PDF cannot print U+0007"),
        format!(
            "{letter}:40:18: error: the PDF cannot print U+9648 CJK UNIFIED IDEOGRAPH-9648 (“陈”)"
        ),
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(&expected)),
            "missing `{expected}` in:\n{text}"
        );
    }
    assert_eq!(text.matches("cannot print").count(), 4, "{text}");
    // The build writes nothing.
    let out = common::respond(root, &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!root.join("output/21vianet-2014-12-09/letter.pdf").exists());
}

#[test]
fn symbols_the_serif_lacks_print_from_the_symbol_face() {
    let project = common::example_project();
    let root = project.path();
    common::edit(
        &root.join(COMMENT),
        "The Company respectfully advises",
        "The Company ✓ (paid ₹5,000 ⇒ done) respectfully advises",
    );
    let (code, text) = check_short(root);
    assert_eq!(code, Some(0), "{text}");
    let out = common::respond(root, &["build", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = root.join("output/21vianet-2014-12-09/letter.pdf");
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("The Company ✓ (paid ₹5,000 ⇒ done) respectfully"),
        "{text}"
    );
    let fonts = std::process::Command::new("pdffonts")
        .arg(&pdf)
        .output()
        .expect("pdffonts runs");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("+DejaVuSans"), "{fonts}");
}
