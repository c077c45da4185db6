//! Plain-text fields of the YAML files (headings, locations, pages, cc and
//! letterhead lines): printed as written, except that `<ct>…</ct>` marks
//! confidential text, as in the Markdown fields.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::markdown::MAX_WORD_CHARS;
use crate::markdown::inline_tag;

use super::text::TextOrigin;

/// A plain-text field: its text without tags, the confidential parts, and its origin.
#[derive(Debug, Clone)]
pub struct PlainText {
    /// The text as printed, `<ct>` tags removed.
    pub text: String,
    /// Byte ranges of `text` marked confidential, in order, not overlapping.
    pub confidential: Vec<Range<usize>>,
    /// Where the field was written.
    pub origin: TextOrigin,
    /// The value as written in the YAML file (tags included).
    source: String,
    /// For each tag removed: (offset in `text`, bytes removed before it in `source`).
    shifts: Vec<(usize, usize)>,
}

impl PartialEq for PlainText {
    fn eq(&self, other: &PlainText) -> bool {
        self.text == other.text && self.confidential == other.confidential
    }
}

impl PlainText {
    /// Reads `source`, reporting a `<ct>` tag that is unbalanced or nested at its place.
    pub fn parse(source: String, origin: TextOrigin, diags: &mut Diagnostics) -> PlainText {
        let mut field = PlainText {
            text: String::with_capacity(source.len()),
            confidential: Vec::new(),
            origin,
            source: String::new(),
            shifts: Vec::new(),
        };
        let mut open: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < source.len() {
            let rest = &source[i..];
            let tag = rest
                .starts_with('<')
                .then(|| rest.find('>'))
                .flatten()
                .and_then(|end| inline_tag(&rest[..=end]).map(|t| (t, end + 1)))
                .filter(|((name, _), _)| *name == "ct");
            let Some(((_, opens), len)) = tag else {
                let c = rest.chars().next().unwrap_or(' ');
                field.text.push(c);
                i += c.len_utf8();
                continue;
            };
            match (opens, open) {
                (true, None) => open = Some((field.text.len(), i)),
                (false, Some((start, _))) => {
                    if start < field.text.len() {
                        field.confidential.push(start..field.text.len());
                    }
                    open = None;
                }
                (true, Some(_)) => {
                    diags.push(tag_error(&field, &source, i, "`<ct>` inside `<ct>`"))
                }
                (false, None) => {
                    diags.push(tag_error(&field, &source, i, "`</ct>` without `<ct>`"))
                }
            }
            i += len;
            field.shifts.push((field.text.len(), i - field.text.len()));
        }
        if let Some((start, at)) = open {
            diags.push(tag_error(&field, &source, at, "`<ct>` is never closed"));
            // Fail closed: an unclosed span runs to the end of the field.
            if start < field.text.len() {
                field.confidential.push(start..field.text.len());
            }
        }
        if let Some((at, len)) = longest_word(&field.text).filter(|&(_, n)| n > MAX_WORD_CHARS) {
            diags.push(
                field
                    .locate_in(&source, at)
                    .error(format!(
                        "a single word of {len} characters; the limit is {MAX_WORD_CHARS}"
                    ))
                    .with_hint("a space is probably missing, or binary data was pasted"),
            );
        }
        field.source = source;
        field
    }

    /// True when any part of the field is marked confidential.
    pub fn is_confidential(&self) -> bool {
        !self.confidential.is_empty()
    }

    /// The text in pieces, each with whether it is confidential.
    pub fn pieces(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        let mut at = 0;
        for range in &self.confidential {
            if at < range.start {
                out.push((&self.text[at..range.start], false));
            }
            out.push((&self.text[range.clone()], true));
            at = range.end;
        }
        if at < self.text.len() {
            out.push((&self.text[at..], false));
        }
        out
    }

    /// The place in the YAML file of byte `offset` of [`PlainText::text`].
    pub fn locate(&self, offset: usize) -> Location {
        self.locate_in(&self.source, offset)
    }

    fn locate_in(&self, source: &str, offset: usize) -> Location {
        let shift = self
            .shifts
            .iter()
            .take_while(|(at, _)| *at <= offset)
            .last()
            .map_or(0, |(_, by)| *by);
        self.origin
            .map
            .text_offset(&self.origin.pointer, source, offset + shift)
    }

    /// The same field with other text and no confidential part (a redacted copy).
    pub fn with_text(&self, text: String, confidential: Vec<Range<usize>>) -> PlainText {
        PlainText {
            text,
            confidential,
            origin: self.origin.clone(),
            source: String::new(),
            shifts: Vec::new(),
        }
    }
}

/// The byte offset and length in characters of the longest run without whitespace.
fn longest_word(text: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    let mut len = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take()
                && best.is_none_or(|(_, n)| len > n)
            {
                best = Some((s, len));
            }
            len = 0;
        } else {
            start.get_or_insert(i);
            len += 1;
        }
    }
    best
}

fn tag_error(field: &PlainText, source: &str, at: usize, what: &str) -> Diagnostic {
    field
        .origin
        .map
        .text_offset(&field.origin.pointer, source, at)
        .error(format!("{what} in this field"))
        .with_hint("mark confidential text as <ct>…</ct>, each span opened once and closed once")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;
    use crate::load::SourceMap;
    use std::sync::Arc;

    fn origin(yaml: &str) -> TextOrigin {
        let file = SourceFile::new("c.yaml", yaml);
        TextOrigin {
            map: Arc::new(SourceMap::build(&file)),
            pointer: "/page".to_owned(),
        }
    }

    #[test]
    fn confidential_spans_are_read_and_tags_removed() {
        let mut diags = Diagnostics::new();
        let source = "Revenue of <ct>Project Q</ct> and <CT >7%</ct>".to_owned();
        let field = PlainText::parse(
            source.clone(),
            origin(&format!("page: \"{source}\"\n")),
            &mut diags,
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(field.text, "Revenue of Project Q and 7%");
        assert_eq!(
            field.pieces(),
            vec![
                ("Revenue of ", false),
                ("Project Q", true),
                (" and ", false),
                ("7%", true)
            ]
        );
        // "7%" is at text offset 25; in the file it follows `page: "` (7 bytes) and the tags.
        let at = field.locate(25);
        assert_eq!(at.line, 1);
        assert_eq!(at.column, 8 + source.find("7%").unwrap());
    }

    #[test]
    fn an_unclosed_span_is_an_error_and_stays_confidential() {
        let mut diags = Diagnostics::new();
        let field = PlainText::parse(
            "a <ct>secret".to_owned(),
            origin("page: a <ct>secret\n"),
            &mut diags,
        );
        assert!(diags.has_errors());
        assert_eq!(field.pieces(), vec![("a ", false), ("secret", true)]);
        let mut diags = Diagnostics::new();
        PlainText::parse(
            "a </ct> b".to_owned(),
            origin("page: a </ct> b\n"),
            &mut diags,
        );
        assert!(diags.has_errors());
    }

    #[test]
    fn an_overlong_word_is_an_error_at_its_place() {
        let mut diags = Diagnostics::new();
        let source = format!("Item 5 {}", "x".repeat(MAX_WORD_CHARS + 1));
        PlainText::parse(
            source.clone(),
            origin(&format!("page: {source}\n")),
            &mut diags,
        );
        let d: Vec<_> = diags.iter().collect();
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("1001 characters"), "{}", d[0].message);
        assert_eq!(d[0].location.column, 14);
    }

    #[test]
    fn other_angle_brackets_are_text() {
        let mut diags = Diagnostics::new();
        let field = PlainText::parse("a < b <u>x</u>".to_owned(), origin("page: x\n"), &mut diags);
        assert!(diags.is_empty());
        assert_eq!(field.text, "a < b <u>x</u>");
    }
}
