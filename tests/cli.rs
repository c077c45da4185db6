//! The command line as a user meets it: exit codes (0 success, 1 the input has
//! errors, 2 usage or I/O), `circulate` naming its letters, manual pages for
//! every command, one option name for the diagnostic format, and the limits
//! on how much a run reads.

mod common;

use std::path::Path;
use std::process::{Command, Output};

const EXAMPLE: &str = "responses/21vianet-2014-12-09";

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_command_outside_a_project_is_a_usage_error() {
    let outside = tempfile::tempdir().unwrap();
    let letter = common::example_dir();
    for args in [
        vec!["check"],
        vec!["build"],
        vec!["circulate", "--all"],
        vec!["check", letter.to_str().unwrap()],
        vec!["build", letter.to_str().unwrap()],
    ] {
        let out = common::respond(outside.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    assert!(!outside.path().join("output").exists());
}

/// A git repository holding the example letter and a second letter, committed.
fn repository() -> tempfile::TempDir {
    let project = common::example_project();
    let root = project.path();
    common::copy_tree(
        &common::example_dir(),
        &root.join("responses/2015-03-02-20f-2014"),
    );
    for args in [
        vec!["init", "-q"],
        vec!["config", "user.name", "Test Author"],
        vec!["config", "user.email", "author@example.com"],
        vec!["config", "commit.gpgsign", "false"],
        vec!["config", "tag.gpgsign", "false"],
        vec!["add", "-A"],
        vec!["commit", "-q", "-m", "drafts"],
    ] {
        let status = Command::new("git")
            .args(&args)
            .current_dir(root)
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }
    project
}

fn tags(root: &Path) -> String {
    let out = Command::new("git")
        .args(["tag", "--list"])
        .current_dir(root)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn circulate_records_only_the_letters_named_or_all_with_all() {
    let project = repository();
    let root = project.path();
    let out = common::respond(root, &["circulate"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--all"), "{}", stderr(&out));
    assert_eq!(tags(root), "", "nothing is tagged without letters named");

    let out = common::respond(root, &["circulate", EXAMPLE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tagged = tags(root);
    assert!(
        tagged.starts_with("respond/21vianet-2014-12-09/"),
        "{tagged}"
    );
    assert_eq!(tagged.lines().count(), 1, "{tagged}");

    let out = common::respond(root, &["circulate", "--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(tags(root).lines().count(), 3);
}

#[test]
fn every_manual_page_named_exists() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::respond(dir.path(), &["man", "--out", "man1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = dir.path().join("man1");
    let mut named = Vec::new();
    for entry in std::fs::read_dir(&pages).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("respond\\-") {
            let tail = &rest[i + "respond\\-".len()..];
            let end = tail
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(tail.len());
            named.push(format!("respond-{}", &tail[..end]));
            rest = tail;
        }
    }
    assert!(named.iter().any(|n| n == "respond-build"), "{named:?}");
    for name in &named {
        assert!(
            pages.join(format!("{name}.1")).is_file(),
            "{name}(1) is named but not written"
        );
    }
    assert!(!pages.join("respond-help.1").exists());

    let top = common::respond(dir.path(), &["man"]);
    let top = String::from_utf8_lossy(&top.stdout);
    assert!(!top.contains("respond\\-help"), "{top}");
    let out = common::respond(dir.path(), &["man", "check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains(".TH respond-check"), "{page}");
    assert!(page.contains("deny\\-warnings"), "{page}");
    let out = common::respond(dir.path(), &["man", "nosuch"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn build_and_check_name_the_diagnostic_format_alike() {
    let project = common::example_project();
    let letter = project.path().join(EXAMPLE).join("letter.yaml");
    common::edit(&letter, "date: 2014-12-09", "date: 2014-13-09");
    let short = |args: &[&str]| {
        let out = common::respond(project.path(), args);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        stderr(&out).lines().next().unwrap_or_default().to_owned()
    };
    let check = short(&["check", "--diagnostics", "short"]);
    assert!(
        check.starts_with(&format!("{EXAMPLE}/letter.yaml:1:7: error: ")),
        "{check}"
    );
    assert_eq!(short(&["build", "--diagnostics", "short"]), check);
    // The older name still works, unlisted.
    assert_eq!(short(&["check", "--format", "short"]), check);
    let help = common::respond(project.path(), &["check", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--diagnostics"), "{help}");
    assert!(!help.contains("--format"), "{help}");
}

#[test]
fn an_unreadable_comment_file_is_an_io_error() {
    let project = common::example_project();
    let comments = project.path().join(EXAMPLE).join("comments");
    std::os::unix::fs::symlink(
        comments.join("no-such-file.yaml"),
        comments.join("17-dangling.yaml"),
    )
    .unwrap();
    for command in ["check", "build"] {
        let out = common::respond(project.path(), &[command]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("comments/17-dangling.yaml")
                && stderr(&out).contains("cannot read this file"),
            "{}",
            stderr(&out)
        );
    }
    std::fs::remove_file(comments.join("17-dangling.yaml")).unwrap();

    // Permissions stop everyone but the superuser, who reads the file anyway.
    use std::os::unix::fs::PermissionsExt;
    let file = comments.join("01-lease-termination-rights.yaml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&file).is_err() {
        let out = common::respond(project.path(), &["check"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("ermission denied"),
            "{}",
            stderr(&out)
        );
    }
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
}

/// Writes a comment file of about `bytes` bytes.
fn write_large(path: &Path, bytes: usize) {
    let line = "      The Company respectfully advises the Staff of its covenants.\n";
    let text = format!(
        "number: 99\ncomment: x\nresponse:\n  - text: |\n{}",
        line.repeat(bytes / line.len())
    );
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_letter_too_large_to_build_is_refused_before_it_is_read() {
    let project = common::example_project();
    let comments = project.path().join(EXAMPLE).join("comments");
    for i in 0..3 {
        write_large(&comments.join(format!("9{i}-large.yaml")), 1_500_000);
    }
    for command in ["check", "build"] {
        let out = common::respond(project.path(), &[command]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("the limit for one letter is 4194304"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn letters_too_large_to_build_together_are_refused_before_any_is_read() {
    let project = common::example_project();
    let root = project.path();
    for id in ["a", "b", "c", "d"] {
        let dir = root.join("responses").join(id);
        common::copy_tree(&common::example_dir(), &dir);
        for i in 0..2 {
            write_large(&dir.join(format!("comments/9{i}-large.yaml")), 1_700_000);
        }
    }
    let out = common::respond(root, &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("more than 12582912 bytes"), "{err}");
    assert!(
        err.contains("responses/d/letter.yaml"),
        "the first letter past the limit:\n{err}"
    );
    assert!(!root.join("output").exists());
    // One letter at a time is within both limits.
    let out = common::respond(root, &["check", "responses/a"]);
    assert!(!stderr(&out).contains("limit"), "{}", stderr(&out));
}

#[test]
fn the_gitignore_keeps_what_the_readme_says_to_commit() {
    let readme = std::fs::read_to_string(common::repo().join("README.md")).unwrap();
    assert!(
        readme.contains("Commit the two schema files"),
        "README changed"
    );
    assert!(readme.contains("Ignore `output/`"), "README changed");
    let gitignore = std::fs::read_to_string(common::repo().join(".gitignore")).unwrap();
    let rules: Vec<&str> = gitignore.lines().map(str::trim).collect();
    assert!(rules.contains(&"/output/*"), "{gitignore}");
    for rule in &rules {
        let ignores_schemas = matches!(
            rule.trim_end_matches('/'),
            "/.respond" | ".respond" | "/.respond/*" | ".respond/*" | "*.json" | "/.respond/*.json"
        );
        assert!(
            !ignores_schemas,
            "`{rule}` ignores .respond/*.schema.json:\n{gitignore}"
        );
    }
}
