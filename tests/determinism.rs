//! The same inputs give the same bytes, whatever the locale, time zone, folder
//! or time of day; only SOURCE_DATE_EPOCH changes the dates the PDF and the
//! DOCX record.

mod common;

use std::path::Path;
use std::process::Command;

fn build(root: &Path, env: &[(&str, &str)]) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_respond"));
    cmd.args(["build", "--quiet"])
        .current_dir(root)
        .env_remove("SOURCE_DATE_EPOCH");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("respond runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    common::snapshot_tree(&root.join("output"))
}

#[test]
fn locale_time_zone_and_folder_do_not_change_a_byte() {
    let a = common::example_project();
    let b = tempfile::Builder::new()
        .prefix("another place")
        .tempdir()
        .unwrap();
    common::copy_tree(
        &common::example_dir(),
        &b.path().join("responses/21vianet-2014-12-09"),
    );
    let first = build(a.path(), &[("LANG", "C"), ("LC_ALL", "C"), ("TZ", "UTC")]);
    let second = build(
        b.path(),
        &[
            ("LANG", "de_DE.UTF-8"),
            ("LC_ALL", "de_DE.UTF-8"),
            ("TZ", "Asia/Shanghai"),
        ],
    );
    assert_eq!(first.len(), 8, "eight files");
    assert_eq!(first, second);
    // And again in the same place: identical.
    assert_eq!(build(a.path(), &[]), first);
}

fn pdf_info_dates(pdf: &[u8]) -> Vec<String> {
    let text = respond::render::writers::pdf_text(pdf).unwrap();
    let mut dates: Vec<String> = text
        .match_indices("D:")
        .map(|(i, _)| text[i..].chars().take(16).collect())
        .collect();
    dates.sort();
    dates.dedup();
    dates
}

#[test]
fn pdf_and_docx_dates_come_from_the_letter_unless_source_date_epoch_is_set() {
    let project = common::example_project();
    let plain = build(project.path(), &[]);
    let pdf = |files: &[(std::path::PathBuf, Vec<u8>)]| {
        files
            .iter()
            .find(|(p, _)| p.ends_with("letter.pdf"))
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(
        pdf_info_dates(&pdf(&plain)),
        vec!["D:20141209000000".to_owned()]
    );
    // 2020-01-02 03:04:05 UTC
    let epoch = build(project.path(), &[("SOURCE_DATE_EPOCH", "1577934245")]);
    assert_eq!(
        pdf_info_dates(&pdf(&epoch)),
        vec!["D:20200102030405".to_owned()]
    );
    let core = |files: &[(std::path::PathBuf, Vec<u8>)]| {
        let docx = files
            .iter()
            .find(|(p, _)| p.ends_with("letter.docx"))
            .unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.1.clone())).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("docProps/core.xml").unwrap(), &mut text)
            .unwrap();
        text
    };
    assert!(core(&plain).contains(">2014-12-09T00:00:00Z</dcterms:created>"));
    assert!(core(&epoch).contains(">2020-01-02T03:04:05Z</dcterms:created>"));
    for ((path, a), (_, b)) in plain.iter().zip(&epoch) {
        let dated = path.extension().is_some_and(|e| e == "pdf" || e == "docx");
        assert_eq!(
            a == b,
            !dated,
            "{} {}",
            path.display(),
            if dated {
                "should differ"
            } else {
                "should not differ"
            }
        );
    }
}
