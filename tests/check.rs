//! `respond check` and the checks inside `respond build`, driven through the real
//! binary on the fixture projects under `tests/fixtures/check/<case>/`, each with
//! one deliberate mistake. Findings are compared by snapshot (re-bless with
//! `INSTA_UPDATE=always cargo test --test check`).

mod common;

use std::path::Path;
use std::process::Output;

/// A temporary copy of the fixture project `case`.
fn fixture(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(
        &common::repo().join("tests/fixtures/check").join(case),
        dir.path(),
    );
    dir
}

/// Standard error with the temporary folder replaced by `[TMP]`.
fn stderr(out: &Output, root: &Path) -> String {
    String::from_utf8_lossy(&out.stderr).replace(&root.display().to_string(), "[TMP]")
}

/// Runs `respond check` with `args` on a copy of `case`: (exit code, stderr).
fn check(case: &str, args: &[&str]) -> (Option<i32>, String) {
    let project = fixture(case);
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let out = common::respond(project.path(), &all);
    (out.status.code(), stderr(&out, project.path()))
}

/// The short-format findings of `case`, asserting its exit code.
fn short(case: &str, code: i32) -> String {
    let (status, text) = check(case, &["--format", "short"]);
    assert_eq!(status, Some(code), "{text}");
    text
}

#[test]
fn the_example_letter_is_clean() {
    let project = common::example_project();
    let out = common::respond(project.path(), &["check", "--deny-warnings"]);
    let text = stderr(&out, project.path());
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(text, "", "the example has findings");
}

#[test]
fn a_wrong_translation_shows_the_expected_figure() {
    let text = short("translation", 0);
    assert!(
        text.contains(
            "responses/sample/comments/01-acquired-businesses.yaml:14:95: warning: \
             US$7.9 million does not match RMB47.4 million at 6.0537: expected US$7.8 million"
        ),
        "{text}"
    );
    assert!(
        text.contains(":16:168: warning: US$9.8 million does not match RMB58.9 at 6.0537: expected US$9.7 million"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "only the two wrong pairs:\n{text}");
    insta::assert_snapshot!("translation_short", text);
}

#[test]
fn the_human_format_quotes_the_line_with_a_caret_at_the_figure() {
    let (status, text) = check("translation", &[]);
    assert_eq!(status, Some(0), "{text}");
    insta::assert_snapshot!("translation_human", text);
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let (status, text) = check("translation", &["--deny-warnings"]);
    assert_eq!(status, Some(1), "{text}");
}

#[test]
fn a_total_that_does_not_foot_names_the_column_and_the_difference() {
    let text = short("table", 0);
    assert!(
        text.contains(
            "responses/sample/comments/01-cash-location.yaml:17:39: warning: \"Total\" in column \
             \"Offshore non-VIEs\" does not foot: 1,521,820 printed, the rows above add up to \
             1,521,856 (difference -36)"
        ),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "the debt table foots:\n{text}");
    insta::assert_snapshot!("table_short", text);
    let (_, human) = check("table", &[]);
    insta::assert_snapshot!("table_human", human);
}

#[test]
fn dates_out_of_order_are_flagged() {
    let text = short("dates", 1);
    assert!(
        text.contains("responses/sample/letter.yaml:1:7: error: the letter is dated November 9, 2014, before the staff letter it answers (November 17, 2014)"),
        "{text}"
    );
    assert!(
        text.contains("responses/sample/letter.yaml:10:20: warning: the fiscal year ends December 31, 2014, after the filing date (April 9, 2014)"),
        "{text}"
    );
    insta::assert_snapshot!("dates_short", text);
}

#[test]
fn a_letter_dated_far_ahead_is_an_error() {
    let project = fixture("footnotes");
    let letter = project.path().join("responses/sample/letter.yaml");
    common::edit(&letter, "date: 2014-12-09", "date: 2041-12-09");
    let out = common::respond(project.path(), &["check", "--diagnostics", "short"]);
    let text = stderr(&out, project.path());
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("responses/sample/letter.yaml:1:7: error: the letter is dated December 9, 2041, more than 90 days from today"),
        "{text}"
    );
}

#[test]
fn an_intro_promising_markup_the_passage_lacks_is_flagged() {
    let text = short("legend", 0);
    assert!(
        text.contains("responses/sample/comments/01-gross-margin.yaml:10:168: warning: the intro promises struck-through text, but the passage as shown has no deletion"),
        "{text}"
    );
    assert!(
        text.contains("01-gross-margin.yaml:20:85: warning: the intro promises underlined text, but the passage as shown has no insertion"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "{text}");
    insta::assert_snapshot!("legend_short", text);
}

#[test]
fn a_cross_reference_to_a_missing_comment_is_an_error() {
    let text = short("cross-reference", 1);
    assert!(
        text.contains("responses/sample/comments/02-credit-lines.yaml:7:73: error: cross-reference to comment 9, but the staff letter has comments 1 to 3"),
        "{text}"
    );
    assert_eq!(
        text.lines().count(),
        1,
        "\"prior comment 9\" and \"comments 1 and 3\" are fine:\n{text}"
    );
    insta::assert_snapshot!("cross_reference_short", text);
}

#[test]
fn a_revision_that_changes_nothing_is_an_error() {
    let text = short("identical-revision", 1);
    assert!(
        text.contains("responses/sample/comments/01-cabinets.yaml:14:9: error: the revised passage is the same as the original"),
        "{text}"
    );
    insta::assert_snapshot!("identical_revision_short", text);
}

#[test]
fn an_empty_response_is_an_error_for_check() {
    let text = short("empty-response", 1);
    assert!(
        text.contains(
            "responses/sample/comments/02-credit-lines.yaml:5:11: error: comment 2 has no response"
        ),
        "{text}"
    );
    insta::assert_snapshot!("empty_response_short", text);
}

#[test]
fn forbidden_html_is_an_error() {
    let text = short("raw-html", 1);
    assert!(
        text.contains("responses/sample/comments/01-covenants.yaml:8:10: error: raw HTML `<span style=\"color:red\">` is not allowed"),
        "{text}"
    );
    insta::assert_snapshot!("raw_html_short", text);
}

#[test]
fn placeholders_and_bare_name_salutations_are_errors_at_their_place() {
    let text = short("placeholders", 1);
    for expected in [
        "responses/sample/letter.yaml:5:17: error: the salutation is the bare name “Craig Wilson”; the letter would open “Dear Craig Wilson:” (write `salutation: Mr. Wilson` or `salutation: Ms. Wilson`)",
        "responses/sample/letter.yaml:6:5: error: the salutation is the bare name “Kathleen Collins”",
        "responses/sample/letter.yaml:17:3: error: placeholder “[Closing paragraph: whom the staff may contact with questions about this letter.]” is still in the letter",
        "responses/sample/letter.yaml:19:10: error: placeholder “[Signatory name]” is still in the letter",
        "responses/sample/comments/01-covenants.yaml:7:76: error: placeholder “[●]” is still in the letter",
        "responses/sample/comments/01-covenants.yaml:7:124: error: placeholder “TBD” is still in the letter",
    ] {
        assert!(text.contains(expected), "{expected}\nnot in:\n{text}");
    }
    // "[T]he", "[emphasis added]" and the staff's own "[Emphasis added.]" are not placeholders.
    assert_eq!(text.lines().count(), 6, "{text}");
    insta::assert_snapshot!("placeholders_short", text);
}

#[test]
fn a_draft_with_placeholders_builds_but_is_not_ready_to_file() {
    let project = fixture("placeholders");
    let out = common::respond(
        project.path(),
        &["build", "--format", "md", "--diagnostics", "short"],
    );
    let text = stderr(&out, project.path());
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(
            "responses/sample/letter.yaml:19:10: warning: placeholder “[Signatory name]”"
        ),
        "{text}"
    );
    assert!(
        text.contains("sample: a working draft, not ready to file: 6 placeholders"),
        "{text}"
    );
    let letter = std::fs::read_to_string(project.path().join("output/sample/letter.md")).unwrap();
    assert!(letter.contains("Signatory name"), "{letter}");
}

#[test]
fn a_revise_part_without_original_is_an_error_with_the_new_disclosure_hint() {
    let text = short("missing-original", 1);
    assert!(
        text.contains("responses/sample/comments/01-covenants.yaml:9:7: error: missing field `original` in `response[1].revise` (add `original:` with the passage as filed; for wholly new disclosure write `original: \"\"`)"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn wholly_new_disclosure_is_written_with_an_empty_original() {
    let project = fixture("missing-original");
    let path = project
        .path()
        .join("responses/sample/comments/01-covenants.yaml");
    common::edit(
        &path,
        "      revised: |",
        "      original: \"\"\n      revised: |",
    );
    let out = common::respond(project.path(), &["check", "--deny-warnings"]);
    let text = stderr(&out, project.path());
    assert_eq!(out.status.code(), Some(0), "{text}");
}

#[test]
fn an_undefined_footnote_is_an_error_and_an_uncited_one_a_warning() {
    let text = short("footnotes", 1);
    assert!(
        text.contains("responses/sample/comments/01-covenants.yaml:7:132: error: footnote `[^2]` has no definition; it would print as “[^2]”"),
        "{text}"
    );
    assert!(
        text.contains("responses/sample/comments/01-covenants.yaml:10:7: warning: footnote `[^3]` is defined but nothing cites it"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "{text}");
}

#[test]
fn unbalanced_marks_and_wrong_way_quotes_are_warnings_at_their_place() {
    let text = short("balance", 0);
    for expected in [
        ":7:50: warning: this `(` is not closed in its paragraph",
        ":15:43: warning: ” (a closing quotation mark) opens a quotation here",
        ":15:53: warning: “ (an opening quotation mark) ends a quotation here",
        ":15:80: warning: ‘ (an opening quotation mark) follows a letter here",
    ] {
        assert!(text.contains(expected), "{expected}\nnot in:\n{text}");
    }
    // The quotation over two paragraphs (the first left open, the next opening
    // again) and the "1) … 2)" enumeration are fine.
    assert_eq!(text.lines().count(), 4, "{text}");
    let (status, _) = check("balance", &["--deny-warnings"]);
    assert_eq!(status, Some(1));
}

#[test]
fn an_unclosed_quotation_is_found_where_it_opens() {
    let project = fixture("balance");
    let path = project
        .path()
        .join("responses/sample/comments/01-covenants.yaml");
    common::edit(&path, "within 120 days.”", "within 120 days.");
    let out = common::respond(project.path(), &["check", "--diagnostics", "short"]);
    let text = stderr(&out, project.path());
    assert!(
        text.contains("01-covenants.yaml:11:7: warning: this quotation mark is not closed"),
        "{text}"
    );
}

#[test]
fn check_prints_a_summary_line_per_letter_with_the_pages_build_lays_out() {
    let project = common::example_project();
    let out = common::respond(project.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0));
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        summary.starts_with("21vianet-2014-12-09: 16 comments, 16 responses, 16 revisions ("),
        "{summary}"
    );
    assert!(
        summary.trim_end().ends_with("pages: ready to file"),
        "{summary}"
    );
    let built = common::respond(project.path(), &["build", "--format", "pdf"]);
    let built = String::from_utf8_lossy(&built.stderr);
    let pages = |text: &str, after: &str| -> String {
        let at = text
            .find(after)
            .unwrap_or_else(|| panic!("{after} in {text}"))
            + after.len();
        text[..at].rsplit([' ', '(']).nth(1).unwrap().to_owned()
    };
    assert_eq!(
        pages(&summary, " pages"),
        pages(&built, " pages)"),
        "{summary}\n{built}"
    );
    let quiet = common::respond(project.path(), &["check", "--quiet"]);
    assert!(quiet.stdout.is_empty());
    let verbose = common::respond(project.path(), &["check", "-v"]);
    assert_eq!(verbose.stdout, out.stdout);
}

#[test]
fn a_byte_order_mark_is_accepted_and_columns_stay_right() {
    let project = fixture("dates");
    let letter = project.path().join("responses/sample/letter.yaml");
    let text = std::fs::read_to_string(&letter).unwrap();
    std::fs::write(&letter, format!("\u{feff}{text}")).unwrap();
    let out = common::respond(project.path(), &["check", "--diagnostics", "short"]);
    let text = stderr(&out, project.path());
    assert!(!text.contains("more than one document"), "{text}");
    assert!(
        text.contains(
            "responses/sample/letter.yaml:1:7: error: the letter is dated November 9, 2014"
        ),
        "{text}"
    );
}

#[test]
fn columns_count_characters_and_the_caret_sits_under_wide_ones() {
    let project = fixture("raw-html");
    let path = project
        .path()
        .join("responses/sample/comments/01-covenants.yaml");
    std::fs::write(
        &path,
        "number: 1\ncomment: Tell us.\nresponse:\n  - text: \"中文中文 <span>x\"\n  - text: \"é\\u00e9 <b>y\"\n",
    )
    .unwrap();
    let out = common::respond(project.path(), &["check"]);
    let text = stderr(&out, project.path());
    assert!(text.contains("01-covenants.yaml:4:17"), "{text}");
    assert!(
        text.contains("01-covenants.yaml:5:20"),
        "escapes count as written:\n{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let quoted = lines.iter().position(|l| l.starts_with("4 |")).unwrap();
    let caret = lines[quoted + 1];
    // Four wide characters take two columns each: the caret is padded by 20, not 16.
    assert_eq!(caret.find('^').unwrap() - "  | ".len(), 20, "{text}");
}

#[test]
fn a_long_line_is_quoted_as_a_window_around_the_column() {
    let (_, text) = check("translation", &[]);
    for line in text.lines() {
        assert!(
            line.chars().count() <= 80 || line.starts_with("warning:") || line.contains("= help:"),
            "{line}"
        );
    }
    assert!(text.contains("…"), "{text}");
}

#[test]
fn raw_html_in_a_template_is_an_error_naming_its_line() {
    let project = fixture("translation");
    let templates = project.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let letter = std::fs::read_to_string(common::repo().join("templates/letter.md.tera")).unwrap();
    let line = letter.lines().count() + 2;
    std::fs::write(
        templates.join("letter.md.tera"),
        format!("{letter}\n<div align=\"right\">{{{{ date }}}}</div>\n"),
    )
    .unwrap();
    for command in ["build", "check"] {
        let out = common::respond(project.path(), &[command, "--diagnostics", "short"]);
        let text = stderr(&out, project.path());
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(
            text.contains(&format!("templates/letter.md.tera:{line}:1: error: template `letter.md.tera` failed: raw HTML `<div align=\"right\">` is not allowed")),
            "{text}"
        );
    }
    assert!(!project.path().join("output").exists());
}

#[test]
fn build_prints_warnings_and_writes_a_draft_with_an_empty_response() {
    let project = fixture("empty-response");
    let out = common::respond(
        project.path(),
        &["build", "--format", "md", "--diagnostics", "short"],
    );
    let text = stderr(&out, project.path());
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("02-credit-lines.yaml:5:11: warning: comment 2 has no response"),
        "{text}"
    );
    let letter = std::fs::read_to_string(project.path().join("output/sample/letter.md")).unwrap();
    assert!(letter.contains("Response to be provided"), "{letter}");
}

#[test]
fn build_refuses_to_write_when_a_check_finds_an_error() {
    let project = fixture("identical-revision");
    let out = common::respond(project.path(), &["build", "--format", "md"]);
    let text = stderr(&out, project.path());
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("the revised passage is the same as the original"),
        "{text}"
    );
    assert!(!project.path().join("output").exists(), "output written");
}

#[test]
fn build_writes_output_beside_tick_and_tie_warnings() {
    let project = fixture("translation");
    let out = common::respond(project.path(), &["build", "--format", "md"]);
    let text = stderr(&out, project.path());
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("expected US$7.8 million"), "{text}");
    assert!(project.path().join("output/sample/letter.md").is_file());
}

/// Changes the last digit of every "US$n.n million)" translation in `text`; returns how many.
fn mistranslate(text: &str) -> (String, usize) {
    let mut out = String::new();
    let mut count = 0;
    let mut rest = text;
    while let Some(i) = rest.find("US$") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let digits = tail
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(tail.len());
        let figure = &tail[..digits];
        if tail[digits..].starts_with(" million)")
            && let Some((whole, last)) = figure.rsplit_once('.')
            && last.len() == 1
        {
            let digit = (last.parse::<u32>().unwrap() + 3) % 10;
            out.push_str(&format!("{whole}.{digit}"));
            count += 1;
        } else {
            out.push_str(figure);
        }
        rest = &tail[digits..];
    }
    out.push_str(rest);
    (out, count)
}

#[test]
fn every_translation_of_the_example_is_checked() {
    let project = common::example_project();
    let comments = project
        .path()
        .join("responses/21vianet-2014-12-09/comments");
    let mut changed = 0;
    for entry in std::fs::read_dir(&comments).unwrap() {
        let path = entry.unwrap().path();
        let (text, count) = mistranslate(&std::fs::read_to_string(&path).unwrap());
        std::fs::write(&path, text).unwrap();
        changed += count;
    }
    let out = common::respond(project.path(), &["check", "--format", "short"]);
    let text = stderr(&out, project.path());
    let found = text
        .lines()
        .filter(|l| l.contains("does not match"))
        .count();
    // The passages as filed (`original`) hold the other translations; they are quoted
    // verbatim and not checked.
    assert_eq!((changed, found), (52, 38), "{text}");
    assert_eq!(text.lines().count(), found, "{text}");
}

#[test]
fn both_tables_of_the_example_are_footed() {
    let project = common::example_project();
    let path = project
        .path()
        .join("responses/21vianet-2014-12-09/comments/11-cash-and-debt-location.yaml");
    common::edit(&path, "| 260,438 |", "| 260,439 |");
    common::edit(&path, "| — | 998,505 |", "| — | 998,550 |");
    let out = common::respond(project.path(), &["check", "--format", "short"]);
    let text = stderr(&out, project.path());
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(":21:17: warning: \"Total\" in column \"Onshore VIEs\" does not foot: 1,163,458 printed, the rows above add up to 1,163,459 (difference -1)"),
        "{text}"
    );
    assert!(
        text.contains(":34:29: warning: \"Total\" in column \"Offshore\" does not foot: 998,505 printed, the rows above add up to 998,550 (difference -45)"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "{text}");
}

#[test]
fn a_repeated_comment_number_is_reported_once() {
    let text = short("numbering", 1);
    assert!(
        text.contains("responses/sample/comments/03-use-of-proceeds.yaml:1:9: error: comment number 1 is used twice (also in responses/sample/comments/01-covenants.yaml)"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
    insta::assert_snapshot!("numbering_short", text);
}
