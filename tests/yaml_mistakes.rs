//! The common YAML mistakes are reported at the line that holds them, in plain
//! words. Each case under `tests/fixtures/check/yaml-mistakes/cases/` is a
//! comment file with one mistake, on the line marked `# the mistake`; it is
//! checked inside the project beside it.

mod common;

use std::path::Path;

/// Checks `case` as the letter's only comment file: the first finding's line
/// and column, its message, and the line marked as the mistake.
fn first_finding(case: &str) -> (usize, usize, String, usize) {
    let fixtures = common::repo().join("tests/fixtures/check/yaml-mistakes");
    let project = tempfile::tempdir().unwrap();
    common::copy_tree(&fixtures.join("project"), project.path());
    let text =
        std::fs::read_to_string(fixtures.join("cases").join(format!("{case}.yaml"))).unwrap();
    let marked = text
        .lines()
        .position(|l| l.contains("# the mistake"))
        .expect("the case marks its mistake")
        + 1;
    let comments = project.path().join("responses/sample/comments");
    std::fs::create_dir_all(&comments).unwrap();
    std::fs::write(comments.join("01-case.yaml"), &text).unwrap();
    let out = common::respond(project.path(), &["check", "--diagnostics", "short"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let first = stderr.lines().next().unwrap_or_default().to_owned();
    let rest = first
        .strip_prefix("responses/sample/comments/01-case.yaml:")
        .unwrap_or_else(|| panic!("{stderr}"));
    let mut fields = rest.splitn(3, ':');
    let line = fields.next().unwrap().parse().unwrap();
    let column = fields.next().unwrap().parse().unwrap();
    assert_eq!(
        stderr.lines().count(),
        1,
        "one mistake, one finding:\n{stderr}"
    );
    (line, column, first, marked)
}

/// Asserts the finding is on the marked line and says `words`.
fn reported_at_the_mistake(case: &str, words: &str) -> usize {
    let (line, column, message, marked) = first_finding(case);
    assert_eq!(line, marked, "{case}: {message}");
    assert!(message.contains(words), "{case}: {message}");
    column
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens_not_lines_later() {
    let column = reported_at_the_mistake("unclosed-quote", "never closed");
    assert_eq!(column, 10, "at the quotation mark after `comment: `");
}

#[test]
fn an_unclosed_quote_at_the_end_of_the_file_is_reported_where_it_opens() {
    reported_at_the_mistake("unclosed-quote-at-end", "runs on to the end of the file");
}

#[test]
fn an_unclosed_quote_in_a_bracketed_list_is_reported_where_it_opens() {
    let column = reported_at_the_mistake("unclosed-quote-in-list", "never closed");
    let text = "headings: [\"Operating and Financial Review and Prospects\", ";
    assert_eq!(column, text.chars().count() + 1);
}

#[test]
fn a_line_dedented_inside_a_block_is_reported_on_that_line() {
    reported_at_the_mistake("dedented-block", "indented less than the text of the block");
}

#[test]
fn a_line_that_fell_out_of_a_block_is_reported_on_that_line_not_the_blank_after_it() {
    reported_at_the_mistake("line-out-of-block", "falls out of the block");
}

#[test]
fn a_field_indented_into_the_text_above_is_found_there_not_reported_missing() {
    let (line, column, message, marked) = first_finding("field-indented-into-text");
    assert_eq!((line, column), (marked, 9), "{message}");
    assert!(
        message.contains("`revised:` is indented into the text above it"),
        "{message}"
    );
    assert!(message.contains("at column 7"), "{message}");
}

#[test]
fn an_over_indented_field_is_reported_on_its_line() {
    reported_at_the_mistake(
        "over-indented-field",
        "indented more than the field above it",
    );
}

#[test]
fn a_tab_in_the_indentation_is_named() {
    assert_eq!(reported_at_the_mistake("tab", "a tab character"), 1);
    assert_eq!(
        reported_at_the_mistake("tab-in-block", "a tab character"),
        1
    );
}

#[test]
fn a_missing_space_after_a_colon_is_named() {
    let column = reported_at_the_mistake("missing-space-after-colon", "no space after `comment:`");
    assert_eq!(column, "comment:".len() + 1);
    reported_at_the_mistake("missing-space-in-a-list", "no space after `text:`");
}

#[test]
fn every_case_is_tested() {
    let cases = common::repo().join("tests/fixtures/check/yaml-mistakes/cases");
    let source = std::fs::read_to_string(Path::new(file!())).unwrap_or_else(|_| {
        std::fs::read_to_string(common::repo().join("tests/yaml_mistakes.rs")).unwrap()
    });
    for entry in std::fs::read_dir(cases).unwrap() {
        let name = entry.unwrap().file_name();
        let stem = name.to_string_lossy().trim_end_matches(".yaml").to_owned();
        assert!(
            source.contains(&format!("\"{stem}\"")),
            "{stem} has no test"
        );
    }
}
