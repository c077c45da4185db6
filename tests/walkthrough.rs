//! A new user's path from the staff letter to a letter ready to file: `init`,
//! answer every comment, `check` names each placeholder left at its line in
//! `letter.yaml`, fill them in, `check` passes and prints the summary.

mod common;

use std::path::Path;

const STAFF_LETTER: &str = "tests/fixtures/init/21vianet-staff-letter-2017-08-16.txt";
const LETTER: &str = "responses/2017-08-16-20f-2016/letter.yaml";

/// The 1-based number of the line of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line holds `{needle}`:\n{text}"))
        + 1
}

/// Answers every scaffolded comment with a sentence of its own.
fn answer_every_comment(root: &Path) {
    let comments = root.join("responses/2017-08-16-20f-2016/comments");
    for entry in std::fs::read_dir(comments).unwrap() {
        common::edit(
            &entry.unwrap().path(),
            "response: []",
            "response:\n  - text: |\n      The Company respectfully advises the Staff that it has considered the comment.",
        );
    }
}

#[test]
fn from_staff_letter_to_ready_to_file() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    let staff_letter = common::repo().join(STAFF_LETTER);
    let out = common::respond(root, &["init", staff_letter.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    answer_every_comment(root);

    let letter = std::fs::read_to_string(root.join(LETTER)).unwrap();
    let placeholders = [
        ("salutation: Stephen Krikorian", "Dear Stephen Krikorian:"),
        ("salutation: Mengyao Lu", "Dear Mengyao Lu:"),
        ("[Closing paragraph:", "[Closing paragraph:"),
        ("[Signatory name]", "[Signatory name]"),
        ("[Signatory title]", "[Signatory title]"),
    ];
    let out = common::respond(
        root,
        &["check", "--deny-warnings", "--diagnostics", "short"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for (line_text, named) in placeholders {
        let line = line_of(&letter, line_text);
        let finding = stderr
            .lines()
            .find(|l| l.starts_with(&format!("{LETTER}:{line}:")))
            .unwrap_or_else(|| panic!("nothing at {LETTER}:{line}:\n{stderr}"));
        assert!(finding.contains(": error: "), "{finding}");
        assert!(finding.contains(named), "{finding}");
    }
    assert_eq!(stderr.lines().count(), placeholders.len(), "{stderr}");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains("2017-08-16-20f-2016: 5 comments, 5 responses, 0 revisions")
            && summary.contains("not ready to file: 5 placeholders"),
        "{summary}"
    );

    // A draft build still writes the letter, and says it is not ready to file.
    let out = common::respond(root, &["build", "--format", "md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("not ready to file"), "{stderr}");

    let path = root.join(LETTER);
    common::edit(
        &path,
        "salutation: Stephen Krikorian",
        "salutation: Mr. Krikorian",
    );
    common::edit(&path, "salutation: Mengyao Lu", "salutation: Ms. Lu");
    common::edit(
        &path,
        "[Closing paragraph: whom the staff may contact with questions about this letter.]",
        "Please direct any questions to the undersigned at +86 10 8456 2121.",
    );
    common::edit(&path, "\"[Signatory name]\"", "Shang-Wen Hsiao");
    common::edit(&path, "\"[Signatory title]\"", "Chief Financial Officer");

    let out = common::respond(root, &["check", "--deny-warnings"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "no findings");
    let summary = String::from_utf8_lossy(&out.stdout);
    let line = summary.trim_end();
    assert!(
        line.starts_with("2017-08-16-20f-2016: 5 comments, 5 responses, 0 revisions, ")
            && line.ends_with(" pages: ready to file"),
        "{summary}"
    );
}
