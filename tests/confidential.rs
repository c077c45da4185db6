//! Rule 83: the public outputs never carry confidential text or internal notes.

mod common;

use std::path::Path;

const ID: &str = "2024-03-01-10k-2023";

const SECRETS: [&str; 7] = [
    "Zenith Aerospace",
    "RMB145.8 million",
    "December 31, 2027 with two renewal options",
    "Falcon procurement",
    "Project Kestrel",
    "Kestrel drone program",
    "Orion pricing schedule",
];

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(
        &common::repo().join("tests/fixtures/confidential"),
        dir.path(),
    );
    dir
}

fn read(root: &Path, name: &str) -> String {
    String::from_utf8_lossy(&std::fs::read(root.join("output").join(ID).join(name)).unwrap())
        .into_owned()
}

#[test]
fn public_markdown_and_html_carry_no_confidential_text() {
    let project = project();
    let out = common::respond(project.path(), &["build", "--format", "md,html"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in ["letter.md", "letter.htm", "redline.md", "redline.htm"] {
        let text = read(project.path(), name);
        for secret in SECRETS {
            assert!(!text.contains(secret), "{name} leaks {secret}");
        }
    }
    let letter = read(project.path(), "letter.md");
    assert!(letter.contains("\\[\\*\\*\\*\\]"), "{letter}");
    assert!(letter.contains("Confidential Treatment Requested by Example Holdings, Inc."));
    assert!(letter.contains("FOIA Confidential Treatment Requested Pursuant to Rule 83"));
    let html = read(project.path(), "letter.htm");
    assert!(html.contains("[***]"), "{html}");
}

#[test]
fn a_leak_into_public_text_fails_the_build_and_writes_nothing() {
    let project = project();
    let comment = project
        .path()
        .join("responses")
        .join(ID)
        .join("comments/02-segments.yaml");
    let text = std::fs::read_to_string(&comment).unwrap();
    // The secret code name also written openly elsewhere: a leak.
    std::fs::write(
        &comment,
        text.replace(
            "increased in 2023, primarily",
            "increased in 2023 (Project Kestrel), primarily",
        ),
    )
    .unwrap();
    let out = common::respond(project.path(), &["build", "--format", "md,html"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("confidential text “Project Kestrel” would appear in"),
        "{stderr}"
    );
    assert!(stderr.contains("02-segments.yaml:"), "{stderr}");
    assert!(!project.path().join("output").exists());
}

#[test]
fn internal_notes_never_reach_an_output() {
    let project = project();
    let comment = project
        .path()
        .join("responses")
        .join(ID)
        .join("comments/01-customers.yaml");
    let text = std::fs::read_to_string(&comment).unwrap();
    std::fs::write(&comment, text.replace("is not material to the Company", "is not material (check with Jim whether the Orion pricing schedule should be disclosed) to the Company")).unwrap();
    let out = common::respond(project.path(), &["build", "--format", "md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("would appear in"), "{stderr}");
}

#[test]
fn confidential_text_without_a_request_is_an_error() {
    let project = project();
    let letter = project
        .path()
        .join("responses")
        .join(ID)
        .join("letter.yaml");
    let text = std::fs::read_to_string(&letter).unwrap();
    let start = text.find("confidential_treatment:").unwrap();
    let end = text.find("closing:").unwrap();
    std::fs::write(&letter, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let out = common::respond(project.path(), &["build", "--format", "md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("confidential text needs a confidential treatment request"),
        "{stderr}"
    );
    assert!(stderr.contains("01-customers.yaml:7:41"), "{stderr}");
}
