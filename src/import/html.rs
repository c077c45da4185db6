//! EDGAR HTML → text lines, shaped like `pdftotext` output so the same parser reads
//! both: block elements end lines (paragraphs and headings leave a blank line),
//! `<br>` breaks a line, list items get a bullet, `<pre>` text keeps its lines,
//! inline markup disappears and character entities are decoded.

use super::{Line, clean_line};

/// Elements whose content is not text of the letter.
const SKIPPED: [&str; 4] = ["script", "style", "head", "title"];
/// Elements that stand apart as paragraphs (a blank line before and after).
const PARAGRAPHS: [&str; 14] = [
    "p",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "blockquote",
    "center",
    "hr",
];
/// Elements that only end a line.
const LINES: [&str; 6] = ["div", "br", "tr", "li", "dt", "dd"];

/// The letter's text lines, each numbered with the line of the HTML source
/// where its text starts.
pub fn to_lines(html: &str) -> Vec<Line> {
    let text = to_text(html);
    let mut last = 1;
    super::text_lines(text.text.trim_end())
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            last = text.origins.get(i).copied().flatten().unwrap_or(last);
            Line {
                number: last,
                text: clean_line(l.text.trim_start()),
            }
        })
        .collect()
}

/// Text being built, with the source line where each of its lines starts.
#[derive(Default)]
struct Text {
    text: String,
    /// For each line of `text`: the source line of its first character.
    origins: Vec<Option<usize>>,
    /// The source line being read.
    line: usize,
}

impl Text {
    fn push(&mut self, c: char) {
        if self.origins.is_empty() {
            self.origins.push(None);
        }
        if c == '\n' {
            self.origins.push(None);
        } else if let Some(origin @ None) = self.origins.last_mut() {
            *origin = Some(self.line);
        }
        self.text.push(c);
    }

    fn push_str(&mut self, text: &str) {
        text.chars().for_each(|c| self.push(c));
    }

    fn ends_with(&self, pattern: &str) -> bool {
        self.text.ends_with(pattern)
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Source text passed over without output.
    fn skip(&mut self, source: &str) {
        self.line += source.matches('\n').count();
    }
}

/// The text of `html` with line breaks where blocks end.
fn to_text(html: &str) -> Text {
    let mut out = Text {
        line: 1,
        ..Text::default()
    };
    let mut rest = html;
    let mut skipping: Option<String> = None;
    let mut lists: Vec<Option<u32>> = Vec::new();
    let mut pre = 0usize;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").map_or(after.len(), |i| i + 3);
            out.skip(&after[..end]);
            rest = &after[end..];
            continue;
        }
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            let body = &rest[1..end];
            let tag = Tag::parse(body.strip_suffix('>').unwrap_or(body));
            out.skip(&rest[..end]);
            rest = &rest[end..];
            if let Some(open) = &skipping {
                if tag.closing && &tag.name == open {
                    skipping = None;
                }
                continue;
            }
            if SKIPPED.contains(&tag.name.as_str()) && !tag.closing {
                skipping = Some(tag.name);
                continue;
            }
            if tag.name == "pre" {
                pre = if tag.closing {
                    pre.saturating_sub(1)
                } else {
                    pre + 1
                };
            }
            apply_tag(&tag, &mut out, &mut lists);
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = decode_entities(&rest[..end]);
        if skipping.is_some() {
            // Not letter text (head, script, style).
            out.skip(&text);
        } else if pre > 0 {
            // Preformatted text keeps its line breaks and spacing.
            for c in text.chars().filter(|&c| c != '\r') {
                if c == '\n' {
                    out.line += 1;
                }
                out.push(c);
            }
        } else {
            push_text(&mut out, &text);
        }
        rest = &rest[end..];
    }
    out
}

/// Line breaks, bullets and numbers for one tag.
fn apply_tag(tag: &Tag, out: &mut Text, lists: &mut Vec<Option<u32>>) {
    let name = tag.name.as_str();
    match (name, tag.closing) {
        ("ul", false) => lists.push(None),
        ("ol", false) => lists.push(Some(0)),
        ("ul" | "ol", true) => {
            lists.pop();
        }
        _ => {}
    }
    if PARAGRAPHS.contains(&name) {
        end_line(out);
        if !out.ends_with("\n\n") && !out.is_empty() {
            out.push('\n');
        }
    } else if LINES.contains(&name) {
        end_line(out);
    } else if matches!(name, "td" | "th") && !tag.closing && !out.ends_with("\n") && !out.is_empty()
    {
        out.push(' ');
    }
    if name == "li" && !tag.closing {
        match lists.last_mut() {
            Some(Some(n)) => {
                *n += 1;
                out.push_str(&format!("{n}) "));
            }
            _ => out.push_str("• "),
        }
    }
}

/// Ends the current line unless it is already ended.
fn end_line(out: &mut Text) {
    while out.ends_with(" ") {
        out.text.pop();
    }
    if !out.is_empty() && !out.ends_with("\n") {
        out.push('\n');
    }
}

/// Appends text with HTML white-space collapsing.
fn push_text(out: &mut Text, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            out.line += 1;
        }
        if c.is_whitespace() && c != '\u{a0}' {
            if !(out.is_empty() || out.ends_with(" ") || out.ends_with("\n")) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// A tag's name (lower case) and whether it closes an element.
struct Tag {
    name: String,
    closing: bool,
}

impl Tag {
    fn parse(inside: &str) -> Tag {
        let inside = inside.trim();
        let (closing, inside) = match inside.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inside),
        };
        let name: String = inside
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        Tag { name, closing }
    }
}

/// Decodes character references (`&amp;`, `&#8217;`, `&#x2019;`, common names).
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // A reference is short: look for its `;` within the next 12 bytes,
        // cut at a character boundary (found by fuzzing).
        let window = crate::diagnostic::floor_char_boundary(rest, rest.len().min(12));
        let end = rest[..window].find(';');
        match end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e))) {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference names, without `&` and `;`.
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "ndash" => '–',
        "mdash" => '—',
        "bull" => '•',
        "middot" => '·',
        "hellip" => '…',
        "sect" => '§',
        "para" => '¶',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        to_lines(html).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn an_ampersand_before_wide_characters_is_kept() {
        // Found by fuzzing: the look-ahead for `;` must not cut a character.
        assert_eq!(
            decode_entities("&abcdefghij\u{e9}x;"),
            "&abcdefghij\u{e9}x;"
        );
        assert_eq!(decode_entities("R&amp;D \u{e9}"), "R&D \u{e9}");
    }

    #[test]
    fn lines_are_numbered_by_their_source_line() {
        let html = "<html>\n<body>\n<p>August 16, 2017</p>\n<!-- x\ny -->\n<p>Terry Wang<br>\nChief Financial Officer</p>\n</body></html>";
        let numbers: Vec<(usize, String)> = to_lines(html)
            .into_iter()
            .map(|l| (l.number, l.text))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        assert_eq!(
            numbers,
            [
                (3, "August 16, 2017".to_owned()),
                (6, "Terry Wang".to_owned()),
                (7, "Chief Financial Officer".to_owned())
            ]
        );
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        let html = "<DOCUMENT>\n<TEXT>\n<html><body><pre>August 16, 2017\n\nTerry Wang\n</pre></body></html>";
        assert_eq!(texts(html), ["August 16, 2017", "", "Terry Wang"]);
    }

    #[test]
    fn blocks_become_lines_and_entities_are_decoded() {
        let html = "<html><head><title>x</title><style>p{}</style></head><body>\
            <p>Terry Wang<br>Chief&nbsp;Financial Officer</p>\
            <p><b>1.</b> We note the company&#8217;s <i>R&amp;D</i>\n   costs:</p>\
            <ul><li>first</li><li>second</li></ul><!-- a comment --></body></html>";
        assert_eq!(
            texts(html),
            [
                "Terry Wang",
                "Chief Financial Officer",
                "",
                "1. We note the company’s R&D costs:",
                "",
                "• first",
                "• second",
            ]
        );
    }
}
