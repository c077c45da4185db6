//! Marks that come in pairs: parentheses and brackets closed within their
//! paragraph, double quotation marks closed (a quotation may run over several
//! paragraphs if each of them opens with a quotation mark and only the last
//! closes, the usual convention), and curly quotes facing the right way.
//! Each finding is a warning at the mark's line and column.
//!
//! Only the company's own text is read: the staff's comments and the passages
//! as filed are quoted verbatim and could not be corrected.

use super::prose::Prose;
use crate::diagnostic::Diagnostics;
use crate::model::{Letter, Markdown};

/// Checks every field in the company's voice.
pub fn check(letter: &Letter, diags: &mut Diagnostics) {
    for field in super::company_text(letter) {
        check_field(field, diags);
    }
}

/// A run of text checked on its own: a paragraph, a list item or a table row.
struct Unit {
    /// Byte range in the prose text.
    start: usize,
    end: usize,
    /// True for a paragraph a quotation may run out of.
    paragraph: bool,
}

fn check_field(field: &Markdown, diags: &mut Diagnostics) {
    let prose = Prose::new(&code_blanked(&field.source));
    let warn = |diags: &mut Diagnostics, at: usize, message: &str, hint: &str| {
        diags.push(
            field
                .locate(prose.source_offset(at))
                .warning(message)
                .with_hint(hint),
        );
    };
    let mut open_quote: Option<usize> = None;
    for unit in units(&prose.text) {
        let text = &prose.text[unit.start..unit.end];
        for (at, message, hint) in pairs(text) {
            warn(diags, unit.start + at, &message, hint);
        }
        let all = quote_marks(text);
        let mut marks = all.as_slice();
        let mut carried = None;
        if let Some(opened) = open_quote.take() {
            if let Some(&(0, Quote::Open)) = marks.first() {
                // The next quoted paragraph opens with a quotation mark: the quotation goes on.
                marks = &marks[1..];
                carried = Some(opened);
            } else {
                warn(
                    diags,
                    opened,
                    "this quotation mark is not closed",
                    "close the quotation; if it runs on, start each quoted paragraph with a quotation mark",
                );
            }
        }
        open_quote = balance_quotes(marks, carried, unit.start, &warn, diags);
        if let Some(at) = open_quote
            && !unit.paragraph
        {
            warn(
                diags,
                at,
                "this quotation mark is not closed",
                "close the quotation in the same item",
            );
            open_quote = None;
        }
    }
    if let Some(at) = open_quote {
        warn(
            diags,
            at,
            "this quotation mark is not closed",
            "add the closing quotation mark where the quotation ends",
        );
    }
}

/// Balances the quotation marks of one unit (offsets from `base`), inside a
/// quotation `carried` over from the paragraph before; returns where a
/// quotation still open at the end was opened.
fn balance_quotes(
    marks: &[(usize, Quote)],
    carried: Option<usize>,
    base: usize,
    warn: &impl Fn(&mut Diagnostics, usize, &str, &str),
    diags: &mut Diagnostics,
) -> Option<usize> {
    let mut opened: Vec<usize> = carried.into_iter().collect();
    for &(at, quote) in marks {
        match quote {
            Quote::Open => opened.push(base + at),
            Quote::Close => {
                if opened.pop().is_none() {
                    warn(
                        diags,
                        base + at,
                        "this closing quotation mark has no opening one",
                        "add the opening quotation mark, or delete this one",
                    );
                }
            }
        }
    }
    for &at in opened.iter().skip(1) {
        warn(
            diags,
            at,
            "this quotation mark is not closed",
            "close the inner quotation",
        );
    }
    opened.first().copied()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    Open,
    Close,
}

/// The double quotation marks of `text`, each read as opening or closing.
/// A curly quote facing the wrong way is read by its place, as a reader would.
fn quote_marks(text: &str) -> Vec<(usize, Quote)> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if matches!(c, '"' | '“' | '”') {
            out.push((
                i,
                if opens(text, i) {
                    Quote::Open
                } else {
                    Quote::Close
                },
            ));
        }
    }
    out
}

/// True when a quotation mark at `i` stands where a quotation opens: at the
/// start, or after a space or an opening bracket or dash.
fn opens(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i..].chars().nth(1);
    let at_start =
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '/'));
    at_start && after.is_some_and(|c| !c.is_whitespace())
}

/// Unbalanced parentheses and brackets, and curly quotes facing the wrong way.
fn pairs(text: &str) -> Vec<(usize, String, &'static str)> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, char)> = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => stack.push((i, c)),
            ')' | ']' => {
                let opening = if c == ')' { '(' } else { '[' };
                match stack.last() {
                    Some(&(_, o)) if o == opening => {
                        stack.pop();
                    }
                    _ if c == ')' && enumerator_before(text, i) => {}
                    _ => out.push((
                        i,
                        format!("this `{c}` closes nothing in its paragraph"),
                        "add the opening mark, or delete this one",
                    )),
                }
            }
            '“' if !opens(text, i) => out.push((
                i,
                "“ (an opening quotation mark) ends a quotation here".to_owned(),
                "use ” to close a quotation",
            )),
            '”' if opens(text, i) => out.push((
                i,
                "” (a closing quotation mark) opens a quotation here".to_owned(),
                "use “ to open a quotation",
            )),
            '‘' if text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric) =>
            {
                out.push((
                    i,
                    "‘ (an opening quotation mark) follows a letter here".to_owned(),
                    "an apostrophe or a closing single quotation mark is ’",
                ))
            }
            _ => {}
        }
    }
    for (i, c) in stack {
        out.push((
            i,
            format!("this `{c}` is not closed in its paragraph"),
            "add the closing mark where the aside ends",
        ));
    }
    out.sort_by_key(|(i, _, _)| *i);
    out
}

/// True when the `)` at `i` ends an enumerator such as "2)", "b)" or "iv)" in
/// running text ("1) first; 2) second"), which opens nothing.
fn enumerator_before(text: &str, i: usize) -> bool {
    // The token before the `)`: at most four characters back to a space or the start.
    let before = &text[..i];
    let mut start = i;
    for (j, c) in before.char_indices().rev().take(5) {
        if c.is_whitespace() {
            break;
        }
        start = j;
    }
    let token = &before[start..];
    if start > 0 && !before[..start].ends_with(char::is_whitespace) {
        return false;
    }
    let digits = !token.is_empty() && token.len() <= 2 && token.chars().all(|c| c.is_ascii_digit());
    let letter = token.len() == 1 && token.chars().all(|c| c.is_ascii_lowercase());
    let roman = !token.is_empty()
        && token.len() <= 4
        && token.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    digits || letter || roman
}

/// Splits prose into paragraphs, list items and table rows; a list marker
/// ("1)", "a.") is left out so that it is not read as a parenthesis.
fn units(text: &str) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut current: Option<Unit> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.trim().is_empty() {
            out.extend(current.take());
            continue;
        }
        let marker = list_marker(trimmed);
        let row = trimmed.starts_with('|') || trimmed.starts_with('#');
        if marker.is_some() || row {
            out.extend(current.take());
        }
        let body = start + indent + marker.unwrap_or(0);
        let end = start + line.trim_end().len();
        if row {
            out.push(Unit {
                start: body,
                end,
                paragraph: false,
            });
            continue;
        }
        match &mut current {
            Some(unit) => unit.end = end,
            None => {
                current = Some(Unit {
                    start: body,
                    end,
                    paragraph: marker.is_none(),
                })
            }
        }
    }
    out.extend(current);
    out
}

/// The length of a list marker and its space at the start of `line`, if any.
fn list_marker(line: &str) -> Option<usize> {
    if let Some(rest) = line.strip_prefix(['-', '+', '*'])
        && rest.starts_with(' ')
    {
        return Some(2);
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let letters = line.chars().take_while(char::is_ascii_lowercase).count();
    let n = digits.max(letters.min(1));
    if n > 0 && n <= 3 {
        let rest = &line[n..];
        if (rest.starts_with(". ") || rest.starts_with(") "))
            && (digits > 0 || rest.starts_with(')'))
        {
            return Some(n + 2);
        }
    }
    None
}

/// `source` with inline code and fenced code replaced by spaces (same length),
/// so marks inside code are not counted.
fn code_blanked(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_code = false;
    let mut in_fence = false;
    for line in source.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            out.push_str(&blank(line));
            continue;
        }
        if in_fence {
            out.push_str(&blank(line));
            continue;
        }
        for c in line.chars() {
            if c == '`' {
                in_code = !in_code;
                out.push(' ');
            } else if in_code && c != '\n' {
                out.push_str(&" ".repeat(c.len_utf8()));
            } else {
                out.push(c);
            }
        }
        if line.ends_with('\n') {
            in_code = false;
        }
    }
    out
}

fn blank(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_owned()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for unit in units(text) {
            out.extend(
                pairs(&text[unit.start..unit.end])
                    .into_iter()
                    .map(|(_, m, _)| m),
            );
        }
        out
    }

    #[test]
    fn parentheses_and_brackets_balance_per_paragraph() {
        assert!(messages("(a) the Company (as defined) [and] (1,234)\n").is_empty());
        assert_eq!(messages("an aside (not closed\n\nhere)\n").len(), 2);
        assert_eq!(messages("1) first\n2) second\n"), Vec::<String>::new());
        assert_eq!(messages("a) first\nb) second\n"), Vec::<String>::new());
        assert!(messages("either 1) the loan or 2) the bond, and (iii) more\n").is_empty());
        assert_eq!(messages("the rate (in the agreement) was 2%)\n").len(), 1);
    }

    #[test]
    fn curly_quotes_facing_the_wrong_way() {
        assert_eq!(messages("He said ”yes“ twice\n").len(), 2);
        assert_eq!(messages("the Company‘s view\n").len(), 1);
        assert!(messages("the Company’s “view” in the ’90s\n").is_empty());
    }

    #[test]
    fn list_markers_are_not_marks() {
        assert_eq!(list_marker("1) a"), Some(3));
        assert_eq!(list_marker("- a"), Some(2));
        assert_eq!(list_marker("a) b"), Some(3));
        assert_eq!(list_marker("Item 5. x"), None);
    }

    #[test]
    fn code_is_blanked_at_the_same_length() {
        let source = "a `(` b\n```\n\"x\n```\nc";
        let blanked = code_blanked(source);
        assert_eq!(blanked.len(), source.len());
        assert!(!blanked.contains('(') && !blanked.contains('"'));
    }
}
