//! Rule 83: every way confidential text could reach a public file, each tried
//! on a copy of the confidential fixture and built with the real binary.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use respond::confidential::key;

const ID: &str = "2024-03-01-10k-2023";

fn project() -> tempfile::TempDir {
    common::confidential_project()
}

fn letter_dir(root: &Path) -> PathBuf {
    root.join("responses").join(ID)
}

fn comment(root: &Path, n: u8) -> PathBuf {
    let name = if n == 1 {
        "01-customers.yaml"
    } else {
        "02-segments.yaml"
    };
    letter_dir(root).join("comments").join(name)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn build(root: &Path, args: &[&str]) -> Output {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    common::respond(root, &all)
}

fn built(root: &Path, args: &[&str]) {
    let out = build(root, args);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// What a reader of a file sees, as the leak scan compares it: for a PDF,
/// pdftotext's text and our own extractor's; otherwise the file itself.
fn readable(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    if path.extension().is_some_and(|e| e == "pdf") {
        let out = std::process::Command::new("pdftotext")
            .arg(path)
            .arg("-")
            .output()
            .expect("pdftotext runs (install poppler-utils)");
        text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push_str(&respond::render::writers::pdf_text(&bytes).unwrap());
    } else if path.extension().is_some_and(|e| e == "htm") {
        text.push_str(&respond::render::writers::html_text(&text.clone()));
    }
    text
}

/// Every file of the letter's output folders (and its blackline's), public or staff's.
fn outputs(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [ID.to_owned(), format!("{ID}.blackline")] {
        let Ok(entries) = std::fs::read_dir(root.join("output").join(dir)) else {
            continue;
        };
        files.extend(entries.map(|e| e.unwrap().path()));
    }
    files.sort();
    files
}

fn is_staff(path: &Path) -> bool {
    path.to_string_lossy().contains(".unredacted.")
}

/// Asserts that no public output holds any of `secrets` (in the scan's normal
/// form), and that the staff's PDF copies hold each of `in_staff_copy`.
fn assert_no_public_file_holds(root: &Path, secrets: &[&str], in_staff_copy: &[&str]) {
    let files = outputs(root);
    assert!(!files.is_empty(), "nothing was built");
    for file in &files {
        let text = key(&readable(file));
        if is_staff(file) {
            if file.to_string_lossy().ends_with("letter.unredacted.pdf") {
                for secret in in_staff_copy {
                    assert!(
                        text.contains(&key(secret)),
                        "{} lacks {secret}",
                        file.display()
                    );
                }
            }
            continue;
        }
        assert!(!text.contains("<ct>"), "{} prints a tag", file.display());
        for secret in secrets {
            assert!(
                !text.contains(&key(secret)),
                "{} shows {secret}",
                file.display()
            );
        }
    }
}

#[test]
fn a_code_block_inside_ct_is_redacted() {
    let project = project();
    let root = project.path();
    common::edit(
        &comment(root, 1),
        "of revenue in 2023.\n",
        "of revenue in 2023. The schedule is <ct>\n\n      ```\n      Quokka pipeline 4471\n      ```\n\n          Wombat ledger 8812\n\n      end of schedule</ct>.\n",
    );
    built(root, &[]);
    assert_no_public_file_holds(
        root,
        &["Quokka pipeline", "Wombat ledger", "end of schedule"],
        &["Quokka pipeline 4471", "end of schedule"],
    );
}

#[test]
fn plain_text_fields_redact_ct_in_every_format() {
    let project = project();
    let root = project.path();
    common::edit(
        &comment(root, 1),
        "\"Customers, page 5\"",
        "\"Customers: <ct>Quokka Air</ct>, page 5\"",
    );
    common::edit(
        &comment(root, 2),
        "Analysis—Segments\"",
        "Analysis—Segments, <ct>Wombat division</ct>\"",
    );
    common::edit(&comment(root, 2), "page: \"40\"", "page: \"<ct>F-77</ct>\"");
    let letter = letter_dir(root).join("letter.yaml");
    common::edit(
        &letter,
        "closing:",
        "letterhead: [\"Example Holdings, Inc.\", \"<ct>Numbat Street 9</ct>\"]\ncc: [\"Jane Smith, <ct>Platypus Partners</ct>\"]\nclosing:",
    );
    built(root, &[]);
    assert_no_public_file_holds(
        root,
        &[
            "Quokka Air",
            "Wombat division",
            "F-77",
            "Numbat Street",
            "Platypus Partners",
        ],
        &[
            "Quokka Air",
            "Wombat division",
            "Numbat Street 9",
            "Platypus Partners",
        ],
    );
    let md = std::fs::read_to_string(root.join("output").join(ID).join("letter.md")).unwrap();
    assert!(md.contains("cc: Jane Smith, \\[\\*\\*\\*\\]"), "{md}");
}

#[test]
fn ct_in_a_field_that_cannot_hold_it_is_an_error_where_it_is() {
    let project = project();
    let root = project.path();
    let letter = letter_dir(root).join("letter.yaml");
    common::edit(&letter, "closing:", "via: VIA <ct>COURIER</ct>\nclosing:");
    let out = build(root, &["--format", "md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`<ct>` cannot mark confidential text in `via`"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("letter.yaml:17:10"),
        "{}",
        stderr(&out)
    );
    assert!(!root.join("output").exists());
}

#[test]
fn markup_inside_an_unmarked_copy_does_not_hide_it_from_the_scan() {
    for copy in [
        "Zenith *Aerospace* Corporation",
        "Zen\u{ad}ith Aero\u{200b}space Corporation",
        "Zenith Aerospace Corpo\u{301}ration",
    ] {
        let project = project();
        let root = project.path();
        common::edit(
            &comment(root, 1),
            "is not material to the Company",
            &format!("is not material to {copy} or the Company"),
        );
        let out = build(root, &["--format", "md"]);
        assert_eq!(out.status.code(), Some(1), "{copy}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("“Zenith Aerospace Corporation” would appear in"),
            "{}",
            stderr(&out)
        );
        assert!(!root.join("output").exists());
    }
}

#[test]
fn a_short_span_is_scanned_beside_its_words() {
    let project = project();
    let root = project.path();
    common::edit(
        &comment(root, 1),
        "in 2023.\n",
        "in 2023, a margin of <ct>7%</ct> in the year.\n",
    );
    built(root, &["--format", "md"]);
    // The same figure written openly beside the same word leaks it.
    common::edit(
        &comment(root, 1),
        "is not material",
        "(a margin of 7% in the year) is not material",
    );
    let out = build(root, &["--format", "md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("“7%” would appear in letter.md"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_partial_rebuild_leaves_no_stale_public_file() {
    let project = project();
    let root = project.path();
    built(root, &[]);
    let pdf = root.join("output").join(ID).join("letter.pdf");
    assert!(key(&readable(&pdf)).contains(&key("The agreement runs")));
    common::edit(
        &comment(root, 1),
        "The agreement runs",
        "<ct>The agreement runs</ct>",
    );
    built(root, &["--format", "md,html"]);
    assert!(
        !pdf.exists(),
        "the PDF of the earlier build is gone with it"
    );
    assert!(
        !root
            .join("output")
            .join(ID)
            .join("letter.unredacted.pdf")
            .exists()
    );
    assert_no_public_file_holds(root, &["The agreement runs"], &[]);
}

#[test]
fn a_changed_confidential_figure_shows_a_deletion_and_an_insertion() {
    let project = project();
    let root = project.path();
    common::edit(
        &comment(root, 2),
        "Revenue of the Industrial segment increased in 2023.\n      revised",
        "Revenue of the Industrial segment increased <ct>12%</ct> in 2023.\n      revised",
    );
    common::edit(
        &comment(root, 2),
        "Revenue of the Industrial segment increased in 2023, primarily",
        "Revenue of the Industrial segment increased <ct>14%</ct> in 2023, primarily",
    );
    built(root, &["--format", "md"]);
    let md = std::fs::read_to_string(root.join("output").join(ID).join("letter.md")).unwrap();
    assert!(md.contains("~~\\[\\*\\*\\*\\]~~"), "{md}");
    assert!(md.contains("<ins>\\[\\*\\*\\*\\]</ins>"), "{md}");
    assert!(
        md.contains(
            "the revised portions are underlined and the deleted portions are struck through"
        ),
        "{md}"
    );
    assert_no_public_file_holds(root, &["12%", "14%"], &[]);
}

#[test]
fn word_counts_and_pages_are_the_same_in_both_copies() {
    let project = project();
    let root = project.path();
    built(root, &["--format", "pdf"]);
    let dir = root.join("output").join(ID);
    let text = |name: &str| {
        let out = std::process::Command::new("pdftotext")
            .arg(dir.join(name))
            .arg("-")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let counts = |t: &str| {
        t.lines()
            .filter(|l| l.contains("inserted"))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };
    let (public, staff) = (text("redline.pdf"), text("redline.unredacted.pdf"));
    assert!(!counts(&public).is_empty(), "{public}");
    assert_eq!(counts(&public), counts(&staff));
    for stem in ["letter", "redline"] {
        let pages = |name: &str| {
            let info = std::process::Command::new("pdfinfo")
                .arg(dir.join(name))
                .output()
                .unwrap();
            String::from_utf8_lossy(&info.stdout)
                .lines()
                .find(|l| l.starts_with("Pages:"))
                .map(str::to_owned)
        };
        assert_eq!(
            pages(&format!("{stem}.pdf")),
            pages(&format!("{stem}.unredacted.pdf"))
        );
    }
    // The same page code is the same page: every page starts with the same line.
    let public = text("letter.pdf");
    let staff = text("letter.unredacted.pdf");
    let firsts = |t: &str| {
        t.split('\u{c}')
            .map(|page| page.lines().find(|l| l.contains("EXH-")).map(str::to_owned))
            .collect::<Vec<_>>()
    };
    assert_eq!(firsts(&public), firsts(&staff));
    let bodies = |t: &str| {
        t.split('\u{c}')
            .map(|p| p.lines().nth(3).unwrap_or("").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(bodies(&public), bodies(&staff));
}

#[test]
fn a_blackline_never_shows_text_confidential_now() {
    let project = project();
    let root = project.path();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .env("GIT_AUTHOR_DATE", "2024-02-28T12:00:00+00:00")
            .env("GIT_COMMITTER_DATE", "2024-02-28T12:00:00+00:00")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    common::edit(
        &comment(root, 1),
        "in 2023.\n",
        "in 2023, a margin of 7% in the year.\n",
    );
    git(&["init", "-q"]);
    git(&[
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.com",
        "add",
        "-A",
    ]);
    git(&[
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.com",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "-m",
        "draft",
    ]);
    common::edit(
        &comment(root, 1),
        "margin of 7% in",
        "margin of <ct>7%</ct> in",
    );
    built(root, &["--format", "md,html,pdf", "--against", "HEAD"]);
    assert!(
        root.join("output")
            .join(format!("{ID}.blackline"))
            .join("letter.blackline.md")
            .is_file()
    );
    assert_no_public_file_holds(root, &["of 7%", "7% in"], &[]);
}

#[test]
fn outputs_and_staging_stay_inside_the_project_and_the_staff_copy_is_private() {
    let project = project();
    let root = project.path();
    let outside = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), root.join(".respond")).unwrap();
    // Without the cache, nothing of respond's own lives in .respond.
    built(root, &["--no-cache"]);
    assert_eq!(
        std::fs::read_dir(outside.path()).unwrap().count(),
        0,
        "nothing staged outside"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let staff = root.join("output").join(ID).join("letter.unredacted.pdf");
        assert_eq!(
            std::fs::metadata(staff).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let names: Vec<String> = std::fs::read_dir(root.join("output"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec![ID.to_owned()], "no staging folder is left");
}
