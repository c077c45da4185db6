//! The build cache: an unchanged letter is not built again, its outputs are
//! the uncached build's to the byte, and any change to an input or an output
//! means a full build.

mod common;

use std::path::Path;
use std::process::Output;

const ID: &str = "21vianet-2014-12-09";

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn build(root: &Path, args: &[&str]) -> String {
    let mut all = vec!["build", "--format", "md,html"];
    all.extend_from_slice(args);
    let out = common::respond(root, &all);
    assert!(out.status.success(), "{}", stderr(&out));
    stderr(&out)
}

fn reused(log: &str) -> bool {
    log.contains(&format!("unchanged {ID}"))
}

#[test]
fn an_unchanged_letter_is_reused_and_its_outputs_equal_an_uncached_build() {
    let cached = common::example_project();
    let fresh = common::example_project();
    assert!(!reused(&build(cached.path(), &[])));
    assert!(reused(&build(cached.path(), &[])));
    assert!(!reused(&build(fresh.path(), &["--no-cache"])));
    assert_eq!(
        common::snapshot_tree(&cached.path().join("output")),
        common::snapshot_tree(&fresh.path().join("output"))
    );
}

#[test]
fn an_edited_source_or_template_is_built_again() {
    let project = common::example_project();
    let root = project.path();
    build(root, &[]);
    common::edit(
        &root
            .join("responses")
            .join(ID)
            .join("comments/10-cash-sufficiency.yaml"),
        "Company's projections",
        "Company's current forecasts",
    );
    assert!(!reused(&build(root, &[])));
    let md = std::fs::read_to_string(root.join("output").join(ID).join("letter.md")).unwrap();
    assert!(md.contains("current forecasts"));
    assert!(reused(&build(root, &[])));
    std::fs::create_dir_all(root.join("templates")).unwrap();
    let template = std::fs::read_to_string(common::repo().join("templates/letter.md.tera"))
        .unwrap()
        .replace("Very truly yours,", "Sincerely yours,");
    std::fs::write(root.join("templates/letter.md.tera"), template).unwrap();
    assert!(!reused(&build(root, &[])));
    let md = std::fs::read_to_string(root.join("output").join(ID).join("letter.md")).unwrap();
    assert!(md.contains("Sincerely yours,"));
}

#[test]
fn an_altered_deleted_or_added_output_is_built_again() {
    let project = common::example_project();
    let root = project.path();
    build(root, &[]);
    let dir = root.join("output").join(ID);
    let original = std::fs::read(dir.join("letter.htm")).unwrap();
    std::fs::write(dir.join("letter.htm"), b"<html>edited</html>").unwrap();
    assert!(!reused(&build(root, &[])));
    assert_eq!(std::fs::read(dir.join("letter.htm")).unwrap(), original);
    std::fs::remove_file(dir.join("redline.md")).unwrap();
    assert!(!reused(&build(root, &[])));
    assert!(dir.join("redline.md").is_file());
    // Other formats are other inputs.
    let out = common::respond(root, &["build", "--format", "md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!reused(&stderr(&out)), "{}", stderr(&out));
    assert!(!dir.join("letter.htm").exists());
}

#[test]
fn a_cache_folder_outside_the_project_is_refused() {
    let project = common::example_project();
    let outside = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), project.path().join(".respond")).unwrap();
    let out = common::respond(project.path(), &["build", "--format", "md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("outside the project"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    assert!(!project.path().join("output").exists());
}
