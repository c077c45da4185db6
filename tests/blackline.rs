//! `respond build --against REF` and `respond circulate` on a temporary git
//! repository holding a copy of the example letter.

mod common;

use std::path::Path;
use std::process::Command;

const LETTER: &str = "21vianet-2014-12-09";
const COMMENT: &str = "responses/21vianet-2014-12-09/comments/10-cash-sufficiency.yaml";

/// Runs git in `repo`, committing at `date` (so commit dates are fixed).
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

/// A git repository holding the example, committed on December 1, 2014.
fn repository() -> tempfile::TempDir {
    let project = common::example_project();
    let root = project.path();
    git(root, "", &["init", "-q"]);
    for (key, value) in [
        ("user.name", "Test Author"),
        ("user.email", "author@example.com"),
        ("commit.gpgsign", "false"),
        ("tag.gpgsign", "false"),
    ] {
        git(root, "", &["config", key, value]);
    }
    std::fs::write(root.join(".gitignore"), "output/\n").unwrap();
    commit(root, "2014-12-01T12:00:00+00:00", "first draft");
    project
}

fn commit(root: &Path, date: &str, message: &str) {
    git(root, date, &["add", "-A"]);
    git(root, date, &["commit", "-q", "-m", message]);
}

/// Replaces `from` by `to` in the comment file.
fn edit(root: &Path, from: &str, to: &str) {
    common::edit(&root.join(COMMENT), from, to);
}

fn blackline_md(root: &Path) -> String {
    std::fs::read_to_string(blackline_dir(root).join("letter.blackline.md"))
        .expect("letter.blackline.md is written")
}

/// Where a blackline is written: apart from the filing outputs.
fn blackline_dir(root: &Path) -> std::path::PathBuf {
    root.join("output").join(format!("{LETTER}.blackline"))
}

/// The text of every `open … close` span, whitespace collapsed.
fn spans(text: &str, open: &str, close: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(close) else { break };
        out.push(
            after[..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
        rest = &after[end + close.len()..];
    }
    out
}

/// The blackline read as the earlier draft: insertions dropped, deletions kept.
fn as_before(blackline: &str) -> String {
    let mut text = blackline.to_owned();
    for span in spans(blackline, "<ins>", "</ins>") {
        text = text.replacen(&format!("<ins>{span}</ins>"), "", 1);
    }
    tidy(&text.replace("~~", ""))
}

/// Collapses the spaces a removed span leaves behind.
fn tidy(text: &str) -> String {
    let mut out = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    for mark in [",", ".", ";", ":"] {
        out = out.replace(&format!(" {mark}"), mark);
    }
    out
}

/// The blackline read as it is now: deletions dropped, insertions kept.
fn as_now(blackline: &str) -> String {
    let mut text = blackline.to_owned();
    for span in spans(blackline, "~~", "~~") {
        text = text.replacen(&format!("~~{span}~~"), "", 1);
    }
    tidy(&text.replace("<ins>", "").replace("</ins>", ""))
}

/// Asserts the marked spans, printing a short excerpt of each when they differ.
fn assert_marked(what: &str, found: &[String], expected: &[&str]) {
    if found != expected {
        let excerpts: Vec<String> = found
            .iter()
            .take(5)
            .map(|s| s.chars().take(60).collect())
            .collect();
        panic!(
            "{what}: expected exactly {expected:?}, found {} span(s), first: {excerpts:#?}",
            found.len()
        );
    }
}

fn build(root: &Path, against: &str) -> std::process::Output {
    let out = common::respond(
        root,
        &["build", "--format", "md,html", "--against", against],
    );
    assert!(
        out.status.success(),
        "build --against {against}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn against_a_git_revision_marks_exactly_the_edited_words() {
    let project = repository();
    let root = project.path();
    edit(root, "totaling RMB1,660.7", "amounting to RMB1,660.7");
    edit(root, "Company's projections", "Company's current forecasts");
    commit(root, "2014-12-05T12:00:00+00:00", "second draft");

    let out = build(root, "HEAD~1");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            "blackline of 21vianet-2014-12-09: 4 words inserted, 2 deleted since the draft of December 1, 2014"
        ),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let blackline = blackline_md(root);
    assert!(
        blackline.starts_with("**Changes from the draft of December 1, 2014**\n"),
        "{}",
        &blackline[..200.min(blackline.len())]
    );
    assert!(
        blackline_dir(root).join("letter.blackline.htm").is_file(),
        "the blackline comes in every format built"
    );
    assert!(root.join("output").join(LETTER).join("letter.md").is_file());
    assert!(
        !root
            .join("output")
            .join(LETTER)
            .join("letter.blackline.md")
            .exists(),
        "the blackline is not beside the filing outputs"
    );

    // The letter's own redline (its revised disclosure) is not a change since the draft.
    let letter =
        std::fs::read_to_string(root.join("output").join(LETTER).join("letter.md")).unwrap();
    let own_deletions = spans(&letter, "~~", "~~");
    let deleted: Vec<String> = spans(&blackline, "~~", "~~")
        .into_iter()
        .filter(|s| !own_deletions.contains(s))
        .collect();
    let inserted = spans(&blackline, "<ins>", "</ins>");
    assert_marked(
        "inserted",
        &inserted,
        &["amounting to", "current forecasts"],
    );
    assert_marked("deleted", &deleted, &["totaling", "projections"]);
}

#[test]
fn the_blackline_reads_as_both_versions() {
    let project = repository();
    let root = project.path();
    edit(root, "Company's projections", "Company's current forecasts");
    commit(root, "2014-12-05T12:00:00+00:00", "second draft");

    build(root, "HEAD~1");
    let blackline = blackline_md(root);
    assert!(as_before(&blackline).contains("projections, such amount"));
    assert!(!as_before(&blackline).contains("current forecasts"));
    assert!(as_now(&blackline).contains("current forecasts, such amount"));
    assert!(!as_now(&blackline).contains("projections"));
}

#[test]
fn uncommitted_edits_are_compared_with_the_last_commit() {
    let project = repository();
    let root = project.path();
    edit(root, "Company's projections", "Company's current forecasts");

    build(root, "HEAD");
    let blackline = blackline_md(root);
    assert!(blackline.contains("December 1, 2014"));
    assert!(as_now(&blackline).contains("current forecasts"));
    assert!(!as_before(&blackline).contains("current forecasts"));
}

#[test]
fn circulate_tags_each_draft_and_against_circulated_picks_the_latest() {
    let project = repository();
    let root = project.path();
    let today = time::OffsetDateTime::now_utc().date();

    let out = common::respond(root, &["circulate", "--all"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("respond/{LETTER}/{today}-1\n")
    );

    edit(root, "Company's projections", "Company's current forecasts");
    commit(root, "2014-12-05T12:00:00+00:00", "second draft");
    let out = common::respond(root, &["circulate", "--all"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("respond/{LETTER}/{today}-2\n")
    );

    edit(root, "totaling RMB1,660.7", "amounting to RMB1,660.7");
    commit(root, "2014-12-07T12:00:00+00:00", "third draft");

    build(root, "circulated");
    let blackline = blackline_md(root);
    let cover = format!(
        "**Changes from the draft of {}**",
        respond::model::long_date(today)
    );
    assert!(
        blackline.starts_with(&cover),
        "{}",
        &blackline[..200.min(blackline.len())]
    );
    let before = as_before(&blackline);
    assert!(
        before.contains("current forecasts"),
        "compared with the second draft"
    );
    assert!(before.contains("totaling RMB1,660.7"));
    assert!(as_now(&blackline).contains("amounting to RMB1,660.7"));
}

#[test]
fn circulate_warns_about_uncommitted_changes() {
    let project = repository();
    let root = project.path();
    edit(root, "Company's projections", "Company's current forecasts");
    let out = common::respond(root, &["circulate", "--all"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not committed"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn against_circulated_needs_a_circulated_draft() {
    let project = repository();
    let out = common::respond(project.path(), &["build", "--against", "circulated"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("never been circulated"), "{err}");
    assert!(!project.path().join("output").exists(), "nothing written");
}

#[test]
fn against_an_earlier_build_folder() {
    let project = common::example_project();
    let root = project.path();
    let out = common::respond(root, &["build", "--format", "md", "--out", "sent"]);
    assert!(out.status.success());
    edit(root, "Company's projections", "Company's current forecasts");

    build(root, "sent");
    let blackline = blackline_md(root);
    let today = time::OffsetDateTime::now_utc().date();
    let cover = format!(
        "**Changes from the draft of {}**",
        respond::model::long_date(today)
    );
    assert!(
        blackline.starts_with(&cover),
        "{}",
        &blackline[..200.min(blackline.len())]
    );
    assert!(as_before(&blackline).contains("projections, such amount"));
    assert!(as_now(&blackline).contains("current forecasts, such amount"));
}

#[test]
fn an_unknown_reference_is_a_usage_error() {
    let project = common::example_project();
    let out = common::respond(project.path(), &["build", "--against", "no-such-draft"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`no-such-draft` is not a folder"), "{err}");
}

#[test]
fn circulate_refuses_a_letter_that_was_never_committed() {
    let project = repository();
    let root = project.path();
    common::copy_tree(
        &root.join("responses").join(LETTER),
        &root.join("responses/zz-2015-01-20-20f-2013"),
    );
    let out = common::respond(root, &["circulate", "--all"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("zz-2015-01-20-20f-2013 is not committed yet"),
        "{err}"
    );
    let tags = Command::new("git")
        .args(["tag", "--list"])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        tags.stdout.is_empty(),
        "no letter is tagged when one cannot be"
    );
}

#[test]
fn a_filing_build_leaves_no_blackline_of_an_earlier_round() {
    let project = repository();
    let root = project.path();
    edit(root, "Company's projections", "Company's current forecasts");
    build(root, "HEAD");
    assert!(blackline_dir(root).join("letter.blackline.md").is_file());
    let out = common::respond(root, &["build", "--format", "md"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !blackline_dir(root).exists(),
        "the stale blackline is removed"
    );
    let mut names: Vec<String> = std::fs::read_dir(root.join("output").join(LETTER))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["letter.md", "redline.md"]);
}
