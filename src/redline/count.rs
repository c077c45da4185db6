//! Word counts of a redline: how many words it inserts and deletes.

use crate::markdown::{Doc, InlineContent};

use super::tokenize::tokenize;

/// Words and figures in inserted and in deleted pieces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordCounts {
    /// Words in inserted pieces.
    pub inserted: usize,
    /// Words in deleted pieces.
    pub deleted: usize,
}

/// Counts the word and figure tokens (not spaces, punctuation or footnote
/// references) of the inserted and deleted pieces of `doc`, footnotes included.
pub(crate) fn count_words(doc: &Doc) -> WordCounts {
    let mut counts = WordCounts::default();
    doc.visit_inlines(&mut |inlines| {
        for inline in inlines {
            let InlineContent::Text(text) = &inline.content else {
                continue;
            };
            if !(inline.style.inserted || inline.style.deleted) {
                continue;
            }
            let words = tokenize(text).iter().filter(|t| t.is_word()).count();
            if inline.style.inserted {
                counts.inserted += words;
            }
            if inline.style.deleted {
                counts.deleted += words;
            }
        }
    });
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{Block, Footnote, Inline, Style};

    #[test]
    fn counts_words_and_figures_not_spaces_or_punctuation() {
        let ins = Style {
            inserted: true,
            ..Style::default()
        };
        let del = Style {
            deleted: true,
            ..Style::default()
        };
        let doc = Doc {
            blocks: vec![Block::Paragraph(vec![
                Inline::text("Revenue was ", Style::default()),
                Inline::text("RMB1,336.5 million, ", del),
                Inline::text("RMB1,450.9 million (U.S.) ", ins),
                Inline::text("in 2013.", Style::default()),
            ])],
            footnotes: vec![Footnote {
                label: "1".into(),
                blocks: vec![Block::Paragraph(vec![Inline::text("A new note.", ins)])],
            }],
        };
        assert_eq!(
            count_words(&doc),
            WordCounts {
                inserted: 6,
                deleted: 2
            }
        );
    }
}
