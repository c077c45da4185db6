//! Characters the PDF cannot print: every text the letter prints, Markdown
//! or plain (headings, locations, names, cc lines …), is searched for
//! characters no embedded font has (Chinese, emoji, control characters,
//! right-to-left scripts), each reported at its line and column in the YAML.

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::SourceMap;
use crate::model::Letter;
use crate::render::pdf::fonts::{describe, right_to_left, uncovered_chars};

/// Findings reported for one text before the rest are summed up in one line.
const PER_TEXT: usize = 5;

/// Reports every character of the letter's printed text that the PDF cannot show.
pub fn check(letter: &Letter, diags: &mut Diagnostics) {
    for field in letter.markdown_fields() {
        check_text(&field.source, |at| field.locate(at), diags);
    }
    let letter_map = &letter.date_origin.map;
    for (pointer, text) in letter_strings(letter, letter_map) {
        check_text(text, |at| letter_map.text_offset(&pointer, text, at), diags);
    }
    for field in letter.plain_fields() {
        check_text(&field.text, |at| field.locate(at), diags);
    }
}

/// Reports the characters of `text` no font has, one finding per run of them.
fn check_text(text: &str, locate: impl Fn(usize) -> Location, diags: &mut Diagnostics) {
    let runs = uncovered_runs(text);
    for (k, &(start, end)) in runs.iter().enumerate() {
        if k == PER_TEXT {
            let rest = runs.len() - PER_TEXT;
            diags.push(
                locate(start)
                    .error(format!(
                        "{rest} more place{} in this text {} characters the PDF cannot print",
                        if rest == 1 { "" } else { "s" },
                        if rest == 1 { "has" } else { "have" },
                    ))
                    .with_hint(HINT),
            );
            break;
        }
        diags.push(finding(&text[start..end], locate(start)));
    }
}

/// The byte ranges of runs of adjacent characters no font has.
fn uncovered_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (at, c) in uncovered_chars(text) {
        let end = at + c.len_utf8();
        match runs.last_mut() {
            Some(run) if run.1 == at => run.1 = end,
            _ => runs.push((at, end)),
        }
    }
    runs
}

const HINT: &str = "the PDF's fonts print Latin, Greek and Cyrillic letters and common symbols \
                    such as ✓, ₹ and arrows; write the text in Latin letters (e.g. pinyin) or \
                    leave the character out";

fn finding(run: &str, at: Location) -> Diagnostic {
    let mut chars = run.chars();
    let first = chars.next().unwrap_or(' ');
    let after = chars.count();
    let message = if after == 0 {
        format!(
            "the PDF cannot print {}: no embedded font has it",
            describe(first)
        )
    } else {
        format!(
            "the PDF cannot print “{}”: no embedded font has {} or the {after} character{} after it",
            run.escape_debug(),
            describe(first),
            if after == 1 { "" } else { "s" }
        )
    };
    let hint = if first.is_control() {
        "remove the control character; it was probably pasted from another program"
    } else if right_to_left(first) {
        "the PDF sets lines left to right without joining letters; give the words in Latin letters, \
         or leave them to the HTML version"
    } else {
        HINT
    };
    at.error(message).with_hint(hint)
}

/// The plain strings of `letter.yaml` the letter prints, with their pointers
/// (headings, locations, pages, cc and letterhead lines are `PlainText`
/// fields, checked through `Letter::plain_fields`).
fn letter_strings<'a>(letter: &'a Letter, map: &Arc<SourceMap>) -> Vec<(String, &'a str)> {
    let mut out: Vec<(String, &str)> = vec![
        ("/via".into(), &letter.via),
        ("/company/name".into(), &letter.company.name),
        ("/company/short".into(), &letter.company.short),
        ("/filing/form".into(), &letter.filing.form),
        ("/filing/short".into(), &letter.filing.short),
        ("/filing/file_number".into(), &letter.filing.file_number),
        ("/signatory/name".into(), &letter.signatory.name),
    ];
    if let Some(title) = &letter.signatory.title {
        out.push(("/signatory/title".into(), title));
    }
    let list = |name: &str, lines: &'a [String], out: &mut Vec<(String, &'a str)>| {
        for (i, line) in lines.iter().enumerate() {
            out.push((format!("/{name}/{i}"), line));
        }
    };
    list("address", &letter.address, &mut out);
    // `office` may be one line or a list of them.
    if map.node("/office/0").is_some() {
        list("office", &letter.office, &mut out);
    } else if let Some(line) = letter.office.first() {
        out.push(("/office".into(), line));
    }
    for (i, a) in letter.addressees.iter().enumerate() {
        out.push((format!("/addressees/{i}/name"), &a.name));
        out.push((format!("/addressees/{i}/salutation"), &a.salutation));
        if let Some(title) = &a.title {
            out.push((format!("/addressees/{i}/title"), title));
        }
    }
    if let Some(ct) = &letter.confidential_treatment {
        out.push((
            "/confidential_treatment/requested_by".into(),
            &ct.requested_by,
        ));
        out.push(("/confidential_treatment/page_code".into(), &ct.page_code));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_characters_make_one_run() {
        let text = "Revenue 人民币 and ✓ and 😀!";
        let runs = uncovered_runs(text);
        assert_eq!(
            runs.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(),
            ["人民币", "😀"]
        );
    }

    #[test]
    fn findings_name_the_character_and_say_how_to_fix_it() {
        let file = crate::diagnostic::SourceFile::new("c.yaml", "x");
        let at = Location::start_of(&file);
        let one = finding("😀", at.clone());
        assert!(
            one.message.contains("U+1F600 GRINNING FACE"),
            "{}",
            one.message
        );
        let run = finding("人民币", at.clone());
        assert!(run.message.contains("“人民币”") && run.message.contains("2 characters after it"));
        assert!(
            finding("\u{7}", at.clone())
                .hint
                .as_deref()
                .unwrap_or("")
                .contains("control")
        );
        assert!(
            finding("שלום", at)
                .hint
                .as_deref()
                .unwrap_or("")
                .contains("left to right")
        );
    }
}
