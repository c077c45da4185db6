//! Rule 83: the public outputs never carry confidential text or internal notes.

mod common;

use std::path::Path;

const ID: &str = "2024-03-01-10k-2023";

const SECRETS: [&str; 9] = [
    "Falconry appendix",
    "End of the Falconry appendix",
    "Zenith Aerospace",
    "RMB145.8 million",
    "December 31, 2027 with two renewal options",
    "Falcon procurement",
    "Project Kestrel",
    "Kestrel drone program",
    "Orion pricing schedule",
];

fn project() -> tempfile::TempDir {
    common::confidential_project()
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
    assert!(letter.contains("FOIA Confidential Treatment Requested Pursuant to Rule 83"));
    let html = read(project.path(), "letter.htm");
    assert!(html.contains("[***]"), "{html}");
    assert!(
        html.contains("Confidential Treatment Requested by Example Holdings, Inc."),
        "{html}"
    );
    assert!(respond::render::edgar::validate_edgar_html(&html).is_empty());
}

fn pdftotext(path: &Path, page: Option<usize>) -> String {
    let mut cmd = std::process::Command::new("pdftotext");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    // A page past the end is an error for pdftotext: read it as an empty page.
    assert!(
        out.status.success() || page.is_some(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn public_pdfs_carry_no_confidential_text_and_the_staff_copy_carries_all_of_it() {
    let project = project();
    let out = common::respond(project.path(), &["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = project.path().join("output").join(ID);
    for name in ["letter.pdf", "redline.pdf"] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let text = squeeze(&pdftotext(&dir.join(name), None));
        let ours = respond::render::writers::pdf_text(&bytes).unwrap();
        for secret in SECRETS {
            assert!(!text.contains(secret), "{name} shows {secret}");
            assert!(!ours.contains(secret), "{name} carries {secret}");
            assert!(
                !String::from_utf8_lossy(&bytes).contains(secret),
                "{name} bytes carry {secret}"
            );
        }
        assert!(text.contains("[***]"), "{name}: {text}");
    }
    let staff = dir.join("letter.unredacted.pdf");
    let text = squeeze(&pdftotext(&staff, None));
    for secret in SECRETS.iter().filter(|s| !s.starts_with("Orion")) {
        assert!(text.contains(secret), "the staff's copy lacks {secret}");
    }
    assert!(
        text.contains("[Zenith Aerospace Corporation]"),
        "spans are bracketed"
    );
    // Every page of both versions: request line at the top, page code at the foot.
    for file in ["letter.pdf", "letter.unredacted.pdf"] {
        let pages = squeeze(&pdftotext(&dir.join(file), None))
            .matches("Confidential Treatment Requested by Example Holdings")
            .count();
        for page in 1..=pages.min(20) {
            let text = pdftotext(&dir.join(file), Some(page));
            if text.trim().is_empty() {
                break;
            }
            assert!(
                text.contains("Confidential Treatment Requested by Example Holdings, Inc."),
                "{file} page {page}"
            );
            assert!(
                text.contains(&format!("EXH-{page:03}")),
                "{file} page {page}: {text}"
            );
        }
    }
    // The long confidential appendix crosses a page break in the staff's copy.
    let pages_with_appendix: Vec<usize> = (1..=10)
        .filter(|&p| pdftotext(&staff, Some(p)).contains("Kestrel program schedule"))
        .collect();
    assert!(pages_with_appendix.len() >= 2, "{pages_with_appendix:?}");
    assert!(
        !dir.join("letter.unredacted.htm").exists() && !dir.join("letter.unredacted.md").exists()
    );
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
    common::edit(
        &comment,
        "is not material to the Company",
        "is not material (check with Jim whether the Orion pricing schedule should be disclosed) to the Company",
    );
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
