//! What the commands print besides diagnostics: progress per letter, `--quiet`,
//! `--verbose`, no colour off a terminal, and the generated completions and man page.

mod common;

use std::process::Command;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Misspells `addressees:` in the example's `letter.yaml`: one error to report.
fn misspell_a_field(project: &std::path::Path) {
    let letter = project.join("responses/21vianet-2014-12-09/letter.yaml");
    common::edit(&letter, "addressees:", "adressees:");
}

#[test]
fn build_prints_what_it_wrote_per_letter_and_how_long_it_took() {
    let project = common::example_project();
    let out = common::respond(project.path(), &["build", "--format", "md,html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.starts_with("built 21vianet-2014-12-09: "))
        .unwrap_or_else(|| panic!("a line for the letter:\n{err}"));
    for file in ["letter.md", "letter.htm", "redline.md", "redline.htm"] {
        assert!(line.contains(file), "{line}");
    }
    assert!(line.ends_with(" ms"), "{line}");
    assert!(!err.contains("bytes)"), "sizes only with --verbose:\n{err}");
}

#[test]
fn verbose_lists_every_file_with_its_size() {
    let project = common::example_project();
    let out = common::respond(project.path(), &["build", "--format", "md", "--verbose"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let size = std::fs::metadata(project.path().join("output/21vianet-2014-12-09/letter.md"))
        .unwrap()
        .len();
    let expected = format!("  output/21vianet-2014-12-09/letter.md ({size} bytes)");
    assert!(
        stderr(&out).lines().any(|l| l == expected),
        "{}",
        stderr(&out)
    );
}

#[test]
fn quiet_prints_nothing_on_success_and_only_diagnostics_on_failure() {
    let project = common::example_project();
    let out = common::respond(project.path(), &["--quiet", "build", "--format", "md"]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    assert!(
        project
            .path()
            .join("output/21vianet-2014-12-09/letter.md")
            .is_file()
    );

    misspell_a_field(project.path());
    let out = common::respond(project.path(), &["build", "-q", "--format", "md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("did you mean `addressees`"), "{err}");
    assert!(!err.contains("nothing written"), "{err}");
}

#[test]
fn quiet_and_verbose_together_are_a_usage_error() {
    let out = common::respond(&common::repo(), &["build", "-q", "-v"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn no_colour_when_standard_error_is_not_a_terminal() {
    let project = common::example_project();
    misspell_a_field(project.path());
    // NO_COLOR unset: colour still depends on a terminal, and a pipe is none.
    let out = Command::new(env!("CARGO_BIN_EXE_respond"))
        .args(["build", "--format", "md"])
        .current_dir(project.path())
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(err.contains("error: "), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn completions_come_from_the_command_definitions() {
    let out = common::respond(&common::repo(), &["completions", "bash"]);
    assert!(out.status.success());
    let script = String::from_utf8(out.stdout).unwrap();
    assert!(script.contains("respond"));
    for word in ["build", "watch", "circulate", "--against"] {
        assert!(script.contains(word), "{word}");
    }
    let out = common::respond(&common::repo(), &["completions", "zsh"]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("#compdef respond")
    );
}

#[test]
fn the_man_page_lists_the_commands() {
    let out = common::respond(&common::repo(), &["man"]);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH respond"),
        "{page}"
    );
    assert!(page.contains("build"));
    assert!(page.contains("watch"));
}

#[test]
fn man_out_writes_a_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::respond(dir.path(), &["man", "--out", "man1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for page in [
        "respond.1",
        "respond-build.1",
        "respond-watch.1",
        "respond-circulate.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join("man1").join(page)).unwrap();
        assert!(text.contains(".TH"), "{page}");
    }
}

/// Runs `respond build` under a pseudo-terminal (util-linux `script`), so
/// standard error is a terminal; returns what the terminal showed.
fn build_on_a_terminal(project: &std::path::Path, no_color: Option<&str>) -> String {
    let command = format!("{} build --format md", env!("CARGO_BIN_EXE_respond"));
    let mut script = Command::new("script");
    script
        .args(["-qec", &command, "/dev/null"])
        .current_dir(project)
        .env_remove("NO_COLOR");
    if let Some(value) = no_color {
        script.env("NO_COLOR", value);
    }
    let out = script.output().expect("util-linux `script` runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn errors_are_red_on_a_terminal_unless_no_color_is_set() {
    let project = common::example_project();
    misspell_a_field(project.path());

    let shown = build_on_a_terminal(project.path(), None);
    assert!(shown.contains("\u{1b}[1;31merror\u{1b}[0m: "), "{shown:?}");
    let shown = build_on_a_terminal(project.path(), Some("1"));
    assert!(shown.contains("error: "), "{shown:?}");
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
}
