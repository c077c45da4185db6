//! Hostile and broken input: clear errors instead of exhaustion, nothing read or
//! written outside the project, and all-or-nothing output.

mod common;

use std::os::unix::fs::symlink;
use std::path::Path;

const EXAMPLE: &str = "responses/21vianet-2014-12-09";

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let project = common::example_project();
    let mut bomb = String::from(
        "number: 1\ncomment: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..12 {
        let prev = i - 1;
        bomb.push_str(&format!("a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"));
    }
    write(
        &project
            .path()
            .join(EXAMPLE)
            .join("comments/01-lease-termination-rights.yaml"),
        &bomb,
    );
    let out = common::respond(project.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("01-lease-termination-rights.yaml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn deeply_nested_yaml_is_refused() {
    let project = common::example_project();
    let deep = format!(
        "number: 1\ncomment: x\nresponse: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    write(
        &project
            .path()
            .join(EXAMPLE)
            .join("comments/01-lease-termination-rights.yaml"),
        &deep,
    );
    let out = common::respond(project.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("YAML syntax error"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn oversized_file_is_refused() {
    let project = common::example_project();
    let big = format!(
        "number: 1\ncomment: |\n{}",
        "  word word word word word word word\n".repeat(300_000)
    );
    write(
        &project
            .path()
            .join(EXAMPLE)
            .join("comments/01-lease-termination-rights.yaml"),
        &big,
    );
    let out = common::respond(project.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the limit is 8388608"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn huge_table_and_word_are_refused_at_their_place() {
    let project = common::example_project();
    let path = project
        .path()
        .join(EXAMPLE)
        .join("comments/01-lease-termination-rights.yaml");
    let wide = format!(
        "number: 1\ncomment: x\nresponse:\n  - text: |\n      |{}\n      |{}\n  - text: {}\n",
        " a |".repeat(10_000),
        "---|".repeat(10_000),
        "x".repeat(1 << 20)
    );
    write(&path, &wide);
    let out = common::respond(project.path(), &["check", "--format", "short"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("01-lease-termination-rights.yaml:5:7: error: this table has 10000 columns"),
        "{err}"
    );
    assert!(
        err.contains(
            "01-lease-termination-rights.yaml:7:11: error: a single word of 1048576 characters"
        ),
        "{err}"
    );
}

#[test]
fn too_many_comment_files_are_refused() {
    let project = common::example_project();
    let comments = project.path().join(EXAMPLE).join("comments");
    for i in 0..2001 {
        write(
            &comments.join(format!("x{i:05}.yaml")),
            "number: 1\ncomment: x\n",
        );
    }
    let out = common::respond(project.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the limit is 2000"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn letter_folders_outside_the_project_are_refused() {
    let project = common::example_project();
    let outside = tempfile::tempdir().unwrap();
    common::copy_tree(&common::example_dir(), &outside.path().join("elsewhere"));
    let arg = outside.path().join("elsewhere");
    let out = common::respond(project.path(), &["check", arg.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("is not a letter folder under responses/"),
        "{}",
        stderr(&out)
    );
    let out = common::respond(project.path(), &["check", "responses/../../../etc"]);
    assert_ne!(out.status.code(), Some(0));
}

#[test]
fn a_comment_file_linking_outside_the_project_is_refused() {
    let project = common::example_project();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.yaml");
    write(&secret, "number: 17\ncomment: secret text\n");
    symlink(
        &secret,
        project.path().join(EXAMPLE).join("comments/17-linked.yaml"),
    )
    .unwrap();
    let out = common::respond(project.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("outside the project"),
        "{}",
        stderr(&out)
    );
    assert!(!project.path().join("output").exists());
}

#[test]
fn a_template_linking_outside_the_project_is_refused() {
    let project = common::example_project();
    let outside = tempfile::tempdir().unwrap();
    write(&outside.path().join("letter.md.tera"), "{{ date }}");
    std::fs::create_dir_all(project.path().join("templates")).unwrap();
    symlink(
        outside.path().join("letter.md.tera"),
        project.path().join("templates/letter.md.tera"),
    )
    .unwrap();
    let out = common::respond(project.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("outside the project"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_outside_the_project_is_refused() {
    let project = common::example_project();
    let outside = tempfile::tempdir().unwrap();
    for out_arg in ["../escaped", outside.path().to_str().unwrap()] {
        let out = common::respond(
            project.path(),
            &["build", "--format", "md", "--out", out_arg],
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("outside the project"),
            "{}",
            stderr(&out)
        );
    }
    // output/<letter-id> as a link to somewhere else.
    std::fs::create_dir_all(project.path().join("output")).unwrap();
    symlink(
        outside.path(),
        project.path().join("output/21vianet-2014-12-09"),
    )
    .unwrap();
    let out = common::respond(project.path(), &["build", "--format", "md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(outside.path()).unwrap().count(),
        0,
        "nothing written outside"
    );
}

#[test]
fn a_failure_in_the_third_letter_leaves_the_first_two_untouched() {
    let project = common::example_project();
    let root = project.path();
    for id in ["a-first", "b-second", "c-third"] {
        common::copy_tree(&common::example_dir(), &root.join("responses").join(id));
    }
    std::fs::remove_dir_all(root.join(EXAMPLE)).unwrap();
    let out = common::respond(root, &["build", "--format", "md,html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = common::snapshot_tree(&root.join("output"));
    // Edit the first two (so a build would change their outputs) and break the third.
    for id in ["a-first", "b-second"] {
        let p = root.join("responses").join(id).join("letter.yaml");
        let t = std::fs::read_to_string(&p).unwrap();
        write(&p, &t.replace("date: 2014-12-09", "date: 2014-12-10"));
    }
    let p = root.join("responses/c-third/letter.yaml");
    let t = std::fs::read_to_string(&p).unwrap();
    write(&p, &t.replace("date: 2014-12-09", "date: 2014-12-32"));
    let out = common::respond(root, &["build", "--format", "md,html"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(common::snapshot_tree(&root.join("output")), before);
}

#[test]
fn a_killed_build_never_leaves_a_partial_file_in_output() {
    let project = common::example_project();
    let root = project.path();
    let out = common::respond(root, &["build", "--format", "md,html"]);
    assert!(out.status.success());
    let complete = common::snapshot_tree(&root.join("output"));
    for delay_ms in [0u64, 2, 5, 10, 20, 40] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_respond"))
            .args(["build", "--format", "md,html"])
            .current_dir(root)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Every file in output/ is exactly the complete one (the inputs did not change).
        assert_eq!(
            common::snapshot_tree(&root.join("output")),
            complete,
            "after kill at {delay_ms} ms"
        );
    }
}
