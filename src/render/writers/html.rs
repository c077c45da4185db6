//! `letter.htm`: EDGAR HTML, validated against EDGAR's rules as it is written.

use super::{Document, ReadBack, Writer, WrittenFile};
use crate::error::Error;
use crate::render::edgar::validate_edgar_html;
use crate::render::html::{HtmlMeta, render_html};

/// Writes the document as EDGAR HTML; a file the EDGAR validator rejects is an
/// internal error, never written.
#[derive(Debug, Clone, Copy)]
pub struct HtmlWriter;

impl Writer for HtmlWriter {
    fn name(&self) -> &'static str {
        "html"
    }

    fn extension(&self) -> &'static str {
        "htm"
    }

    fn write(&self, document: &Document) -> Result<Vec<WrittenFile>, Error> {
        let name = format!("{}.htm", document.stem);
        let meta = HtmlMeta {
            title: document.meta.title.clone(),
            banner: document
                .meta
                .confidential
                .as_ref()
                .map(|ct| format!("Confidential Treatment Requested by {}", ct.requested_by)),
            styles: document.meta.styles.clone(),
        };
        let html = render_html(&document.public.doc, &meta);
        let violations = validate_edgar_html(&html);
        if !violations.is_empty() {
            return Err(Error::Edgar {
                file: name,
                violations: violations
                    .iter()
                    .map(|v| format!("line {}: {}", v.line, v.message))
                    .collect(),
            });
        }
        Ok(vec![WrittenFile {
            name,
            bytes: html.into_bytes(),
            public: true,
            read_back: None,
        }])
    }

    fn read_back(&self, bytes: &[u8]) -> Result<ReadBack, Error> {
        let html = std::str::from_utf8(bytes)
            .map_err(|e| Error::writer("an HTML file", format!("not UTF-8: {e}")))?;
        Ok(read_html(html))
    }
}

/// The text a reader of an HTML file sees — tags removed, character
/// references decoded — followed by every attribute value (a title, an
/// anchor name), which a reader of the source can see too.
pub fn html_text(html: &str) -> String {
    read_html(html).all()
}

fn read_html(html: &str) -> ReadBack {
    let mut out = String::with_capacity(html.len());
    let mut attributes = String::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let Some(end) = rest.find('>') else {
                out.push_str(rest);
                break;
            };
            let tag = &rest[1..end];
            let name: String = tag
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
            attributes.push(' ');
            attributes.push_str(&decode(tag.get(name.len()..).unwrap_or_default()));
            rest = &rest[end + 1..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        out.push_str(&decode(&rest[..end]));
        rest = &rest[end..];
    }
    ReadBack {
        shown: out,
        rest: attributes,
    }
}

/// Decodes character references (`&amp;`, `&#8212;`, `&#x2014;`).
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '&'
            && let Some(end) = rest.find(';').filter(|&e| e <= 10)
        {
            let entity = &rest[1..end];
            let decoded = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_read_with_references_decoded() {
        let text = html_text(
            "<p title=\"Sec&#114;et\">the &#8220;Project <u>X</u>&#8221; deal</p><a name=\"fn-1\">1</a>",
        );
        let (body, attrs) = text.split_once('\n').unwrap();
        assert!(
            body.contains("the \u{201c}Project X\u{201d} deal"),
            "{body}"
        );
        assert!(
            attrs.contains("Secret") && attrs.contains("fn-1"),
            "{attrs}"
        );
    }
}
