//! Which fields of the YAML files may mark confidential text.
//!
//! Markdown fields and the plain-text fields that are printed as written
//! (headings, revision locations and pages, cc and letterhead lines) support
//! `<ct>`; every other field — names, titles, dates, the filing's details —
//! refuses it with a located error, so a tag can never be printed verbatim.
//! The rule is checked on every string of the file, so a field added later is
//! covered without a change here.

use serde_json::Value as Json;

use crate::diagnostic::Diagnostics;
use crate::load::{FileKind, SourceMap};
use crate::markdown::{MAX_WORD_CHARS, inline_tag};

/// The fields of `letter.yaml` that may hold `<ct>`: a pattern per field,
/// `*` standing for a list index.
const LETTER_FIELDS: [&str; 4] = ["/letterhead/*", "/cc/*", "/intro", "/closing"];

/// The fields of a comment file that may hold `<ct>`.
const COMMENT_FIELDS: [&str; 9] = [
    "/headings/*",
    "/comment",
    "/notes",
    "/response/*/text",
    "/response/*/revise/location",
    "/response/*/revise/page",
    "/response/*/revise/intro",
    "/response/*/revise/original",
    "/response/*/revise/revised",
];

/// True when the field at `pointer` of a file of `kind` may mark confidential text.
pub fn allows_confidential(kind: FileKind, pointer: &str) -> bool {
    let patterns: &[&str] = match kind {
        FileKind::Letter => &LETTER_FIELDS,
        FileKind::Comment => &COMMENT_FIELDS,
    };
    patterns.iter().any(|p| matches_pattern(p, pointer))
}

fn matches_pattern(pattern: &str, pointer: &str) -> bool {
    let mut want = pattern.split('/');
    let mut have = pointer.split('/');
    loop {
        match (want.next(), have.next()) {
            (None, None) => return true,
            (Some("*"), Some(h)) if !h.is_empty() && h.bytes().all(|b| b.is_ascii_digit()) => {}
            (Some(w), Some(h)) if w == h => {}
            _ => return false,
        }
    }
}

/// Reports every `<ct>` tag in a field that does not support it.
pub fn refuse_elsewhere(kind: FileKind, value: &Json, map: &SourceMap, diags: &mut Diagnostics) {
    walk(kind, value, &mut String::new(), map, diags);
}

fn walk(
    kind: FileKind,
    value: &Json,
    pointer: &mut String,
    map: &SourceMap,
    diags: &mut Diagnostics,
) {
    match value {
        Json::String(text) if !allows_confidential(kind, pointer) => {
            // The other fields are printed as written: a run of text with no
            // space would break a page's measure (Markdown fields check their own).
            if let Some(offset) = overlong_word(text) {
                diags.push(
                    map.text_offset(pointer, text, offset)
                        .error(format!(
                            "a single word of more than {MAX_WORD_CHARS} characters"
                        ))
                        .with_hint("a space is probably missing, or binary data was pasted"),
                );
            }
            if let Some(offset) = first_ct_tag(text) {
                let field = pointer.trim_start_matches('/').replace('/', ".");
                diags.push(
                    map.text_offset(pointer, text, offset)
                        .error(format!("`<ct>` cannot mark confidential text in `{field}`"))
                        .with_hint("confidential text may be marked in the Markdown fields and in headings, revision locations and pages, cc and letterhead lines; remove the tag here"),
                );
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                walk(kind, item, pointer, map, diags);
                pointer.truncate(len);
            }
        }
        Json::Object(fields) => {
            for (name, item) in fields {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&name.replace('~', "~0").replace('/', "~1"));
                walk(kind, item, pointer, map, diags);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// The byte offset of the first run of more than [`MAX_WORD_CHARS`] characters without whitespace.
fn overlong_word(text: &str) -> Option<usize> {
    let mut start = 0;
    let mut len = 0;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            len = 0;
        } else {
            if len == 0 {
                start = i;
            }
            len += 1;
            if len > MAX_WORD_CHARS {
                return Some(start);
            }
        }
    }
    None
}

/// The byte offset of the first `<ct>` or `</ct>` tag (any case, optional spaces).
pub fn first_ct_tag(text: &str) -> Option<usize> {
    text.match_indices('<').map(|(i, _)| i).find(|&i| {
        text[i..]
            .find('>')
            .and_then(|end| inline_tag(&text[i..=i + end]))
            .is_some_and(|(name, _)| name == "ct")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_printed_plain_fields_allow_ct_and_others_do_not() {
        assert!(allows_confidential(FileKind::Letter, "/cc/3"));
        assert!(allows_confidential(FileKind::Letter, "/closing"));
        assert!(!allows_confidential(FileKind::Letter, "/via"));
        assert!(!allows_confidential(FileKind::Letter, "/addressees/0/name"));
        assert!(!allows_confidential(FileKind::Letter, "/cc"));
        assert!(allows_confidential(
            FileKind::Comment,
            "/response/12/revise/page"
        ));
        assert!(allows_confidential(FileKind::Comment, "/headings/0"));
        assert!(!allows_confidential(FileKind::Comment, "/response/x/text"));
        assert!(!allows_confidential(FileKind::Comment, "/number"));
    }

    #[test]
    fn finds_ct_tags_in_any_case_and_spacing() {
        assert_eq!(first_ct_tag("a <CT >b"), Some(2));
        assert_eq!(first_ct_tag("a </ct> b"), Some(2));
        assert_eq!(first_ct_tag("a < b <u>c</u>"), None);
    }
}
