//! Rule 83 confidential treatment: the public text with `[***]` in place of each
//! confidential span, the staff's copy with the spans bracketed, and the leak
//! scan that proves no public output carries confidential text.

use crate::markdown::{Doc, Inline, InlineContent};

/// What replaces a confidential span in the public version.
pub const REDACTION_MARK: &str = "[***]";

/// Which version of a confidential letter is being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// No confidential treatment: text as written.
    Plain,
    /// The EDGAR version: every confidential span replaced by `[***]`.
    Public,
    /// The staff's copy: confidential text shown in brackets.
    Unredacted,
}

/// Applies `version` to every confidential span of `doc`.
pub fn apply(doc: &mut Doc, version: Version) {
    if version == Version::Plain {
        return;
    }
    doc.visit_inlines_mut(&mut |inlines| {
        let old = std::mem::take(inlines);
        let mut i = 0;
        while i < old.len() {
            if !old[i].style.confidential {
                inlines.push(old[i].clone());
                i += 1;
                continue;
            }
            let start = i;
            while i < old.len() && old[i].style.confidential {
                i += 1;
            }
            let mut style = old[start].style;
            style.confidential = false;
            match version {
                Version::Public => inlines.push(Inline::text(REDACTION_MARK, style)),
                _ => {
                    inlines.push(Inline::text("[", style));
                    inlines.extend(old[start..i].iter().cloned());
                    inlines.push(Inline::text("]", style));
                }
            }
        }
    });
    // Footnote definitions no public text cites any more are dropped with their text.
    if version == Version::Public {
        let mut cited = Vec::new();
        doc.visit_inlines(&mut |inlines| {
            for inline in inlines {
                if let InlineContent::FootnoteRef(label) = &inline.content {
                    cited.push(label.clone());
                }
            }
        });
        doc.footnotes.retain(|note| cited.contains(&note.label));
    }
}

/// The text of every confidential span of `doc`, each span's pieces joined.
pub fn spans(doc: &Doc) -> Vec<String> {
    let mut out = Vec::new();
    doc.visit_inlines(&mut |inlines| {
        let mut current = String::new();
        for inline in inlines {
            if inline.style.confidential {
                current.push_str(inline.plain());
            } else if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            out.push(current);
        }
    });
    out
}

/// Spans shorter than this (in characters, spaces collapsed) are too common to scan for.
pub const MIN_SCAN_CHARS: usize = 4;

/// Text normalised for the leak scan: whitespace runs collapsed, typographic quotes straightened.
pub fn normalize(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{00a0}' => ' ',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The form in which text is compared by the leak scan: normalised, then all
/// whitespace removed and lowercased, so a line break, a dropped space or a
/// capital cannot hide a leak.
fn scan_key(text: &str) -> String {
    normalize(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The indices of the secrets found in `haystack`.
pub fn leaks(haystack: &str, secrets: &[&str]) -> Vec<usize> {
    let hay = scan_key(haystack);
    secrets
        .iter()
        .enumerate()
        .filter(|(_, s)| s.chars().count() >= MIN_SCAN_CHARS && hay.contains(&scan_key(s)))
        .map(|(i, _)| i)
        .collect()
}

/// The text a reader of an HTML file sees: tags removed, character references decoded.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            match rest.find('>') {
                Some(end) => {
                    let name: String = rest[1..end]
                        .trim_start_matches('/')
                        .chars()
                        .take_while(char::is_ascii_alphanumeric)
                        .collect::<String>()
                        .to_ascii_lowercase();
                    // Inline tags join text; block tags separate it.
                    let inline = matches!(
                        name.as_str(),
                        "b" | "i" | "u" | "strike" | "em" | "strong" | "sup" | "sub" | "font" | "a"
                    );
                    if !inline {
                        out.push(' ');
                    }
                    rest = &rest[end + 1..];
                    continue;
                }
                None => break,
            }
        }
        if c == '&'
            && let Some(end) = rest.find(';').filter(|&e| e <= 10)
        {
            let entity = &rest[1..end];
            let decoded = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "nbsp" => Some(' '),
                _ => entity
                    .strip_prefix('#')
                    .and_then(|n| match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    })
                    .and_then(char::from_u32),
            };
            if let Some(ch) = decoded {
                out.push(ch);
                rest = &rest[end + 1..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Everything a PDF can reveal as text: the extracted text of every page, the
/// document information strings, and every stream's decompressed bytes.
/// A file that cannot be read back yields its raw bytes, so it is still scanned.
pub fn pdf_text(bytes: &[u8]) -> String {
    let Ok(mut doc) = lopdf::Document::load_mem(bytes) else {
        return String::from_utf8_lossy(bytes).into_owned();
    };
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let mut out = doc.extract_text(&pages).unwrap_or_default();
    doc.decompress();
    for object in doc.objects.values() {
        match object {
            lopdf::Object::Stream(stream) => {
                out.push('\n');
                out.push_str(&String::from_utf8_lossy(&stream.content));
            }
            lopdf::Object::Dictionary(dict) => {
                for (_, value) in dict.iter() {
                    if let lopdf::Object::String(text, _) = value {
                        out.push('\n');
                        out.push_str(&decode_pdf_string(text));
                    }
                }
            }
            lopdf::Object::String(text, _) => {
                out.push('\n');
                out.push_str(&decode_pdf_string(text));
            }
            _ => {}
        }
    }
    out
}

/// A PDF text string: UTF-16BE with a byte-order mark, or bytes read as Latin-1.
fn decode_pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

/// The text a reader of a Markdown file sees: backslash escapes removed.
pub fn markdown_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{parse, to_markdown};

    #[test]
    fn public_version_replaces_each_span() {
        let (mut doc, issues) =
            parse("Revenue was <ct>RMB145.8 million</ct> and **<ct>secret</ct> plan**.");
        assert!(issues.is_empty());
        assert_eq!(spans(&doc), vec!["RMB145.8 million", "secret"]);
        apply(&mut doc, Version::Public);
        let md = to_markdown(&doc);
        assert!(!md.contains("RMB145.8") && !md.contains("secret"), "{md}");
        assert_eq!(md.matches("\\[\\*\\*\\*\\]").count(), 2, "{md}");
    }

    #[test]
    fn unredacted_version_brackets_spans() {
        let (mut doc, _) = parse("Revenue was <ct>RMB145.8 million</ct>.");
        apply(&mut doc, Version::Unredacted);
        assert_eq!(doc.plain_text(), "Revenue was [RMB145.8 million].");
    }

    #[test]
    fn footnotes_cited_only_from_confidential_text_are_dropped() {
        let (mut doc, _) = parse("Open text <ct>hidden[^1]</ct>.\n\n[^1]: The secret note.\n");
        apply(&mut doc, Version::Public);
        assert!(doc.footnotes.is_empty());
        assert!(!doc.plain_text().contains("secret"));
    }

    #[test]
    fn leak_scan_sees_through_whitespace_quotes_and_markup() {
        let secret = normalize("the \u{201c}Project X\u{201d} deal");
        let secrets = [secret.as_str()];
        assert_eq!(
            leaks("see the \"Project\n X\" deal here", &secrets),
            vec![0]
        );
        assert!(leaks("nothing here", &secrets).is_empty());
        let html = html_text("<p>the &#8220;Project <u>X</u>&#8221; deal</p>");
        assert_eq!(leaks(&html, &secrets), vec![0]);
        assert_eq!(markdown_text("RMB1\\.5 \\[x\\]"), "RMB1.5 [x]");
    }
}
