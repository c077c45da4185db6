//! A build is complete or writes nothing: inputs that once produced a blank
//! filing, a panic or a partial file, each run through the real binary.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

const ID: &str = "21vianet-2014-12-09";

fn comment(root: &Path, name: &str) -> PathBuf {
    root.join("responses").join(ID).join("comments").join(name)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_overlong_word_in_a_heading_or_location_is_an_error_where_it_is_not_a_blank_filing() {
    let word = "x".repeat(1_001);
    for (file, from, to, line) in [
        (
            "01-lease-termination-rights.yaml",
            "  - \"Risk Factors\"",
            format!("  - \"Risk {word}\""),
            4,
        ),
        (
            "07-debt-covenants.yaml",
            "location: \"",
            format!("location: \"{word} "),
            0,
        ),
    ] {
        let project = common::example_project();
        let root = project.path();
        common::edit(&comment(root, file), from, &to);
        for command in ["build", "check"] {
            let out = common::respond(root, &[command]);
            assert_eq!(out.status.code(), Some(1), "{command}: {}", stderr(&out));
            assert!(
                stderr(&out).contains("a single word of"),
                "{}",
                stderr(&out)
            );
            assert!(stderr(&out).contains(file), "{}", stderr(&out));
            if line > 0 {
                assert!(
                    stderr(&out).contains(&format!("{file}:{line}:")),
                    "{}",
                    stderr(&out)
                );
            }
        }
        assert!(!root.join("output").exists(), "nothing written");
    }
}

#[test]
fn revised_text_nested_too_deep_is_an_error_not_a_blank_filing() {
    let project = common::example_project();
    let root = project.path();
    let deep = ">".repeat(48);
    common::edit(
        &comment(root, "07-debt-covenants.yaml"),
        "revised: |\n",
        &format!("revised: |\n        {deep} nested\n\n        "),
    );
    let out = common::respond(root, &["build", "--format", "md,html"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nested more than 24 levels"),
        "{}",
        stderr(&out)
    );
    assert!(!root.join("output").exists());
}

#[test]
fn revised_text_nested_as_deep_as_allowed_is_printed_whole() {
    let project = common::example_project();
    let root = project.path();
    let deep = ">".repeat(24);
    common::edit(
        &comment(root, "07-debt-covenants.yaml"),
        "revised: |\n",
        &format!("revised: |\n        {deep} Deeply quoted marker sentence.\n\n        "),
    );
    let out = common::respond(root, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = root.join("output").join(ID);
    for name in ["letter.md", "letter.htm"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(text.contains("Deeply quoted marker sentence."), "{name}");
        assert!(text.contains("Very truly yours"), "{name} is whole");
    }
}

#[test]
fn an_empty_note_neither_panics_nor_fails() {
    for notes in ["notes: \"\"\n", "notes: |\n\n", "notes: \"   \"\n"] {
        let project = common::example_project();
        let root = project.path();
        let file = comment(root, "03-acquired-businesses.yaml");
        let mut text = std::fs::read_to_string(&file).unwrap();
        text.push_str(notes);
        std::fs::write(&file, text).unwrap();
        for command in ["check", "build"] {
            let out = common::respond(root, &[command]);
            assert!(
                out.status.code() != Some(101),
                "{command} panicked on {notes:?}: {}",
                stderr(&out)
            );
            assert!(
                out.status.success(),
                "{command} on {notes:?}: {}",
                stderr(&out)
            );
        }
    }
}
