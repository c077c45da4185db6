//! The common YAML mistakes, found where they are made.
//!
//! The YAML parser notices a mistake where it can no longer go on, which is
//! often lines later: an unclosed quotation mark is reported at the end of the
//! file, a line that fell out of a `|` block on the line after it, a field
//! indented into the text above it as "missing". These functions read the
//! file's lines for the mistake itself — a tab in the indentation, a quotation
//! that is never closed, a field name without a space after its colon, a line
//! of a block indented less than the block — and name it in plain words.

use std::sync::Arc;

use super::source_map::{SourceMap, ends_with_block_indicator};
use crate::diagnostic::{Diagnostic, Location, SourceFile};

/// A mistake found in the lines: where, what, and how to fix it.
struct Found {
    line: usize,
    column: usize,
    message: String,
    hint: String,
}

/// The diagnostic for a syntax error the parser reported at `line`, `column`
/// with `parser_message`: the mistake itself when one is found at or before
/// that place, else the parser's finding in plain words.
pub fn syntax_error(
    file: &Arc<SourceFile>,
    line: usize,
    column: usize,
    parser_message: &str,
) -> Diagnostic {
    let lines: Vec<&str> = file.text.split('\n').collect();
    let last = line.clamp(1, lines.len());
    let found = tab(&lines, last, parser_message)
        .or_else(|| unclosed_quote(&lines, last))
        .or_else(|| missing_space(&lines, last))
        .or_else(|| out_of_block(&lines, last))
        .or_else(|| over_indented(&lines, last, parser_message));
    match found {
        Some(f) => Location::new(file, f.line, f.column)
            .error(format!("YAML syntax error: {}", f.message))
            .with_hint(f.hint),
        None => {
            let (message, hint) = plain_words(parser_message);
            Location::new(file, line, column)
                .error(message)
                .with_hint(hint)
        }
    }
}

/// A field named `name` missing from the mapping at `pointer` although a line
/// `name:` is in it, indented so that it became part of the text above it.
pub fn swallowed_field(map: &SourceMap, pointer: &str, name: &str) -> Option<Diagnostic> {
    let file = map.file();
    // The mapping's lines: from its first field to the first line indented less.
    let (from, column) = match map.node(pointer) {
        Some(span) => span.value,
        None if pointer.is_empty() => (1, 1),
        None => return None,
    };
    let lines = file
        .text
        .split('\n')
        .enumerate()
        .skip(from.saturating_sub(1));
    for (i, text) in lines {
        let n = i + 1;
        let text = text.strip_suffix('\r').unwrap_or(text);
        let body = text.trim_start();
        let indent = text.len() - body.len();
        if n > from && !body.is_empty() && indent + 1 < column {
            break;
        }
        if field_name(body) == Some(name) && indent + 1 != column {
            return Some(
                Location::new(file, n, indent + 1)
                    .error(format!(
                        "`{name}:` is indented into the text above it, so `{name}` is missing"
                    ))
                    .with_hint(format!(
                        "line `{name}:` up with the fields beside it (at column {column})"
                    )),
            );
        }
    }
    None
}

/// A tab in the indentation of a line up to `last`.
fn tab(lines: &[&str], last: usize, parser_message: &str) -> Option<Found> {
    let (i, text) = lines.iter().enumerate().take(last).find(|(_, l)| {
        l.chars()
            .take_while(|c| c.is_whitespace())
            .any(|c| c == '\t')
    })?;
    if i + 1 != last && !parser_message.contains("tab") {
        return None;
    }
    let column = text.chars().position(|c| c == '\t').unwrap_or(0) + 1;
    Some(Found {
        line: i + 1,
        column,
        message: "a tab character in the indentation: YAML indents with spaces only".into(),
        hint: "replace the tab with spaces (most editors: \"Convert indentation to spaces\")"
            .into(),
    })
}

/// A quotation mark that opens a quoted value and is not closed before the
/// next field (or the end of the file), at or before line `last`.
fn unclosed_quote(lines: &[&str], last: usize) -> Option<Found> {
    let mut scan = Scanner::default();
    for (i, text) in lines.iter().enumerate() {
        if let Some(open) = scan.open {
            if looks_like_field(text) {
                return report_quote(open, lines.len(), i + 1, last);
            }
        } else if scan.in_block(text) {
            continue;
        }
        scan.line(text, i + 1);
    }
    scan.open
        .and_then(|open| report_quote(open, lines.len(), lines.len() + 1, last))
}

fn report_quote(
    open: (usize, usize, char),
    total: usize,
    next: usize,
    last: usize,
) -> Option<Found> {
    let (line, column, quote) = open;
    if line > last {
        return None;
    }
    let runs_to = if next > total {
        "to the end of the file".to_owned()
    } else {
        format!("into line {next}")
    };
    Some(Found {
        line,
        column,
        message: format!(
            "this quotation mark {quote} opens a text that is never closed: it runs on {runs_to}"
        ),
        hint: format!(
            "close the text with {quote} on this line, or write it as a `|` block (then no quotation marks are needed)"
        ),
    })
}

/// Reads lines for quoted values, skipping `|` and `>` blocks and comments.
#[derive(Default)]
struct Scanner {
    /// An open quotation: line, column, and the mark.
    open: Option<(usize, usize, char)>,
    /// The indentation of the key of the `|` block being skipped.
    block: Option<usize>,
}

impl Scanner {
    /// True for a line inside the block being skipped (ending the block otherwise).
    fn in_block(&mut self, text: &str) -> bool {
        let Some(key_indent) = self.block else {
            return false;
        };
        if text.trim().is_empty() || indent(text) > key_indent {
            return true;
        }
        self.block = None;
        false
    }

    fn line(&mut self, text: &str, number: usize) {
        let mut quote = self.open.map(|(_, _, q)| q);
        let mut chars = text.char_indices().peekable();
        let mut column = 0;
        let mut prev = ' ';
        let mut value_start = true;
        while let Some((_, c)) = chars.next() {
            column += 1;
            match quote {
                Some('"') if c == '\\' => {
                    chars.next();
                    column += 1;
                }
                Some(q) if c == q => {
                    if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                        chars.next();
                        column += 1;
                    } else {
                        quote = None;
                        self.open = None;
                    }
                }
                Some(_) => {}
                None if c == '#' && prev.is_whitespace() => break,
                None if (c == '"' || c == '\'') && value_start => {
                    quote = Some(c);
                    self.open = Some((number, column, c));
                }
                None => {}
            }
            if quote.is_none() && !c.is_whitespace() {
                value_start = matches!(c, '[' | '{' | ',' | '-' | '?') || (c == ':');
                if c == '-' || c == ':' {
                    value_start = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
                }
            }
            prev = c;
        }
        if quote.is_none() && ends_with_block_indicator(text) {
            self.block = Some(indent(text));
        }
    }
}

/// A field name without a space after its colon (`comment:Tell us.`), up to line `last`.
fn missing_space(lines: &[&str], last: usize) -> Option<Found> {
    for (i, text) in lines.iter().enumerate().take(last) {
        let body = strip_dashes(text.trim_start());
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        let name = &body[..name_len];
        let rest = &body[name_len..];
        if !super::raw::field_names().iter().any(|n| n == name) || !rest.starts_with(':') {
            continue;
        }
        let after = rest[1..].chars().next();
        if after.is_some_and(|c| !c.is_whitespace()) {
            let column = text.chars().count() - body.chars().count() + name.chars().count() + 2;
            return Some(Found {
                line: i + 1,
                column,
                message: format!(
                    "no space after `{name}:`: YAML needs one between a field name and its value"
                ),
                hint: format!("write `{name}: {}`", first_words(rest[1..].trim())),
            });
        }
    }
    None
}

/// A line, up to `last`, that is neither a field nor part of the `|` or `>`
/// block above it: indented less than the block's text, or not at all.
fn out_of_block(lines: &[&str], last: usize) -> Option<Found> {
    let mut block: Option<(usize, Option<usize>, usize)> = None; // key indent, text indent, key line
    for (i, text) in lines.iter().enumerate().take(last) {
        if text.trim().is_empty() {
            continue;
        }
        let this = indent(text);
        if let Some((key_indent, mut text_indent, key_line)) = block {
            let text_indent = *text_indent.get_or_insert(this);
            block = Some((key_indent, Some(text_indent), key_line));
            if this >= text_indent {
                continue;
            }
            if this > key_indent || !(looks_like_field(text) || text.trim_start().starts_with('#'))
            {
                return Some(Found {
                    line: i + 1,
                    column: this + 1,
                    message: format!(
                        "this line is indented less than the text of the block that starts on line {key_line}, so it falls out of the block"
                    ),
                    hint: format!(
                        "indent it by {text_indent} spaces like the lines above it; if it starts a new field, line it up with the field names"
                    ),
                });
            }
            block = None;
        }
        if ends_with_block_indicator(text) {
            block = Some((this, None, i + 1));
        }
    }
    None
}

/// A field at line `last` indented more than the field above it, which YAML
/// reads as a `name: value` inside that field's value.
fn over_indented(lines: &[&str], last: usize, parser_message: &str) -> Option<Found> {
    if !parser_message.contains("mapping values are not allowed") {
        return None;
    }
    let text = lines.get(last - 1)?;
    let name = field_name(strip_dashes(text.trim_start()))?;
    let above = lines[..last - 1]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let (this, expected) = (
        indent(text),
        indent(above) + above.trim_start().len() - strip_dashes(above.trim_start()).len(),
    );
    (this > expected && looks_like_field(above)).then(|| Found {
        line: last,
        column: this + 1,
        message: format!("`{name}:` is indented more than the field above it, so YAML reads it as part of that field's value"),
        hint: format!("line `{name}:` up with the field above it (at column {})", expected + 1),
    })
}

/// The first few words of `text`, for a hint.
fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 4 {
        words.join(" ")
    } else {
        format!("{} …", words[..4].join(" "))
    }
}

/// The parser's message and a hint, in plain words.
fn plain_words(parser_message: &str) -> (String, String) {
    let known: [(&str, &str, &str); 6] = [
        (
            "mapping values are not allowed",
            "a `name: value` cannot start here: this line is indented more than the field above it, or the text above contains `: ` and needs quotation marks",
            "line the field up with the fields beside it, or put the text in quotation marks or a `|` block",
        ),
        (
            "did not find expected key",
            "this line is indented differently from the fields around it",
            "line it up with the fields beside it (spaces only), or indent it as part of the text above",
        ),
        (
            "could not find expected ':'",
            "a line here is neither a field (`name: value`) nor part of a text block",
            "add `name:` before it, or indent it under the field whose text it continues",
        ),
        (
            "cannot start any token",
            "a character that cannot start a value: a tab, or `@` or a backtick at the start",
            "indent with spaces, and put a value that starts with `@` or a backtick in quotation marks",
        ),
        (
            "unexpected end of stream",
            "the file ends inside a quoted text, a list or a mapping",
            "close the quotation marks, `[` or `{` that are still open",
        ),
        (
            "did not find expected ',' or ']'",
            "a list in brackets `[…]` is not closed, or an item in it needs quotation marks",
            "close the list with `]`, and quote items that contain `,`, `:` or `#`",
        ),
    ];
    for (pattern, message, hint) in known {
        if parser_message.contains(pattern) {
            return (format!("YAML syntax error: {message}"), hint.to_owned());
        }
    }
    (
        format!("YAML syntax error: {parser_message}"),
        "check the indentation and quoting on this line; text containing `: ` or starting with a quote or `*` must be quoted or written as a `|` block".to_owned(),
    )
}

/// True for a line that starts a field: `name:` or `- name:` (followed by a space or nothing).
fn looks_like_field(text: &str) -> bool {
    field_name(strip_dashes(text.trim_start())).is_some()
}

/// The field name a line (without its indentation) starts with, if it is `name:`.
fn field_name(body: &str) -> Option<&str> {
    let len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(body.len());
    let rest = &body[len..];
    let starts_word = body.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    (starts_word
        && rest.starts_with(':')
        && rest[1..].chars().next().is_none_or(char::is_whitespace))
    .then(|| &body[..len])
}

/// A line without the `- ` of list items it starts with.
fn strip_dashes(mut body: &str) -> &str {
    while let Some(rest) = body.strip_prefix("- ") {
        body = rest.trim_start();
    }
    body
}

/// The number of spaces a line is indented by.
fn indent(text: &str) -> usize {
    text.chars().take_while(|&c| c == ' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> (usize, usize, String) {
        let file = SourceFile::new("c.yaml", text);
        let error = serde_yaml::from_str::<serde_yaml::Value>(text).unwrap_err();
        let place = error.location().unwrap();
        let d = syntax_error(&file, place.line(), place.column(), &error.to_string());
        (d.location.line, d.location.column, d.message)
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        let text = "number: 1\ncomment: \"Tell us.\nresponse:\n  - text: |\n      a\n\n      b\n";
        let (line, column, message) = at(text);
        assert_eq!((line, column), (2, 10), "{message}");
        assert!(message.contains("never closed"), "{message}");
        let text = "number: 1\ncomment: x\nresponse:\n  - text: 'it is\n";
        assert_eq!(at(text).0, 4);
    }

    #[test]
    fn a_quote_inside_plain_text_or_a_block_is_not_a_quotation() {
        let text = "a: He said \"yes\nb: |\n  it's \"x\n  c: [\n";
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(unclosed_quote(&lines, lines.len()).is_none());
    }

    #[test]
    fn a_line_dedented_out_of_a_block_is_found() {
        let text = "number: 1\ncomment: |\n  Tell us what.\n dedented\nresponse: []\n";
        assert_eq!(at(text).0, 4);
        let text =
            "number: 1\ncomment: |\n  Tell us what.\nfell out of the block\n\nresponse: []\n";
        assert_eq!(at(text).0, 4);
    }

    #[test]
    fn tabs_and_missing_spaces_are_named() {
        let (line, column, message) = at("number: 1\nresponse:\n\t- text: x\n");
        assert_eq!((line, column), (3, 1));
        assert!(message.contains("tab"), "{message}");
        let (line, column, message) = at("number: 1\ncomment:Tell us.\nresponse: []\n");
        assert_eq!((line, column), (2, 9), "{message}");
        assert!(message.contains("no space after `comment:`"), "{message}");
    }
}
