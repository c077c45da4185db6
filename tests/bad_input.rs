//! Bad input gets a clear diagnostic with file, line and column, exit status 1,
//! and leaves `output/` exactly as it was.

mod common;

use std::path::Path;

const LETTER: &str = "responses/21vianet-2014-12-09/letter.yaml";
const COMMENT: &str = "responses/21vianet-2014-12-09/comments/01-lease-termination-rights.yaml";

/// Applies `edit` to a copy of the example, builds, and checks the failure.
fn assert_rejected(file: &str, edit: impl FnOnce(&Path), expected: &[&str]) {
    let project = common::example_project();
    let root = project.path();
    // A previous good output that must survive the failed build untouched.
    std::fs::create_dir_all(root.join("output/21vianet-2014-12-09")).unwrap();
    std::fs::write(
        root.join("output/21vianet-2014-12-09/letter.md"),
        "previous build\n",
    )
    .unwrap();
    let before = common::snapshot_tree(&root.join("output"));
    edit(&root.join(file));
    let out = common::respond(root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr:\n{stderr}");
    for needle in expected {
        assert!(stderr.contains(needle), "expected `{needle}` in:\n{stderr}");
    }
    assert!(
        stderr.contains(" | "),
        "the offending line is quoted:\n{stderr}"
    );
    assert!(stderr.contains('^'), "a caret marks the column:\n{stderr}");
    assert_eq!(
        common::snapshot_tree(&root.join("output")),
        before,
        "output/ changed"
    );
}

#[test]
fn yaml_syntax_error() {
    assert_rejected(
        LETTER,
        |p| common::edit(p, "via: VIA EDGAR", "via: [VIA EDGAR"),
        &["error: YAML syntax error", "letter.yaml:"],
    );
}

#[test]
fn wrong_type() {
    assert_rejected(
        COMMENT,
        |p| common::edit(p, "number: 1", "number: [1]"),
        &[
            "01-lease-termination-rights.yaml:1:9",
            "`number` should be a whole number",
        ],
    );
}

#[test]
fn unknown_field_with_suggestion() {
    assert_rejected(
        LETTER,
        |p| common::edit(p, "addressees:", "adressees:"),
        &[
            "unknown field `adressees`",
            "did you mean `addressees`?",
            "missing field `addressees`",
        ],
    );
}

#[test]
fn missing_required_field() {
    assert_rejected(
        LETTER,
        |p| common::edit(p, "staff_letter: 2014-11-17\n", ""),
        &["missing field `staff_letter`", "letter.yaml:1:1"],
    );
}

#[test]
fn duplicate_comment_number() {
    assert_rejected(
        "responses/21vianet-2014-12-09/comments/02-partnered-data-centers.yaml",
        |p| common::edit(p, "number: 2", "number: 1"),
        &[
            "comment number 1 is used twice",
            "02-partnered-data-centers.yaml:1:9",
        ],
    );
}

#[test]
fn unparseable_date() {
    assert_rejected(
        LETTER,
        |p| common::edit(p, "date: 2014-12-09", "date: 2014-13-09"),
        &["letter.yaml:1:7", "has no month 13", "YYYY-MM-DD"],
    );
}

#[test]
fn raw_script_in_a_response() {
    assert_rejected(
        COMMENT,
        |p| {
            common::edit(
                p,
                "The Company respectfully advises",
                "The Company <script>alert(1)</script> respectfully advises",
            )
        },
        &[
            "raw HTML `<script>` is not allowed",
            "01-lease-termination-rights.yaml:",
        ],
    );
}

#[test]
fn non_utf8_file() {
    assert_rejected(
        COMMENT,
        |p| {
            let mut bytes = std::fs::read(p).unwrap();
            bytes.extend_from_slice(b"notes: caf\xe9\n");
            std::fs::write(p, bytes).unwrap();
        },
        &["not UTF-8", "01-lease-termination-rights.yaml:"],
    );
}

#[test]
fn empty_comments_folder() {
    assert_rejected(
        LETTER,
        |p| {
            let comments = p.parent().unwrap().join("comments");
            std::fs::remove_dir_all(&comments).unwrap();
            std::fs::create_dir(&comments).unwrap();
        },
        &[
            "no comment files in responses/21vianet-2014-12-09/comments",
            "letter.yaml:1:1",
        ],
    );
}

#[test]
fn raw_script_location_is_inside_the_block() {
    let project = common::example_project();
    let path = project.path().join(COMMENT);
    common::edit(
        &path,
        "The Company respectfully advises",
        "The Company <script>x</script> respectfully advises",
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let (line_no, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("<script>"))
        .unwrap();
    let column = line[..line.find("<script>").unwrap()].chars().count() + 1;
    let out = common::respond(project.path(), &["check", "--diagnostics", "short"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "01-lease-termination-rights.yaml:{}:{column}: error",
            line_no + 1
        )),
        "{stderr}"
    );
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let project = common::example_project();
    let root = project.path();
    common::edit(&root.join(LETTER), "date: 2014-12-09", "date: 2014-02-30");
    common::edit(&root.join(COMMENT), "number: 1", "numbr: 1");
    let out = common::respond(root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("unknown field `numbr`"), "{stderr}");
    assert!(
        stderr.contains("February has no day 30") || stderr.contains("letter.yaml"),
        "{stderr}"
    );
    assert!(!root.join("output").exists(), "nothing written");
}
