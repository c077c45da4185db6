//! `letter.md`: the rendered Markdown itself.

use super::{Document, ReadBack, Writer, WrittenFile};
use crate::error::Error;

/// Writes the document's Markdown as the templates produced it.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownWriter;

impl Writer for MarkdownWriter {
    fn name(&self) -> &'static str {
        "md"
    }

    fn extension(&self) -> &'static str {
        "md"
    }

    fn write(&self, document: &Document) -> Result<Vec<WrittenFile>, Error> {
        // The staff's copy exists as PDF only: Markdown is a working format.
        Ok(vec![WrittenFile {
            name: format!("{}.md", document.stem),
            bytes: document.public.markdown.clone().into_bytes(),
            public: true,
            read_back: None,
        }])
    }

    fn read_back(&self, bytes: &[u8]) -> Result<ReadBack, Error> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| Error::writer("a Markdown file", format!("not UTF-8: {e}")))?;
        Ok(ReadBack {
            shown: markdown_text(text),
            rest: String::new(),
        })
    }
}

/// The text a reader of a Markdown file sees: the source with backslash
/// escapes removed (markup characters stay; the comparisons ignore them).
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

    #[test]
    fn escapes_are_removed() {
        assert_eq!(markdown_text("RMB1\\.5 \\[x\\] a\\b"), "RMB1.5 [x] a\\b");
    }
}
