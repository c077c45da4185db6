//! How a redline reads: how many separate changes a reader must take in,
//! and how many unchanged content words a change hides (a word struck and
//! underlined again inside one change).

use std::collections::HashMap;

use respond::markdown::{Doc, InlineContent};

/// Words that carry grammar rather than meaning.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have",
    "in", "into", "is", "it", "its", "may", "not", "of", "on", "or", "our", "such", "that", "the",
    "their", "these", "this", "to", "was", "we", "were", "which", "will", "with", "would",
];

/// The readability measure of one redline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Readability {
    /// Runs of marked text (a deletion and the insertion beside it are one run).
    pub runs: usize,
    /// Content words both struck and underlined inside one run.
    pub hidden: usize,
}

impl Readability {
    /// Adds another measure.
    pub fn add(&mut self, other: Readability) {
        self.runs += other.runs;
        self.hidden += other.hidden;
    }
}

/// Measures a redline (deletions as `deleted` or `strike`, insertions as `inserted`).
pub fn measure(doc: &Doc) -> Readability {
    let mut total = Readability::default();
    doc.visit_inlines(&mut |inlines| {
        let mut run: Option<(Vec<String>, Vec<String>)> = None;
        for inline in inlines {
            let (deleted, inserted) = (
                inline.style.deleted || inline.style.strike,
                inline.style.inserted,
            );
            let text = match &inline.content {
                InlineContent::Text(t) => t.as_str(),
                InlineContent::FootnoteRef(_) => "[^]",
                _ => " ",
            };
            if !deleted && !inserted {
                if !text.trim().is_empty() {
                    end_run(run.take(), &mut total);
                }
                continue;
            }
            let (struck, underlined) = run.get_or_insert_with(Default::default);
            let side = if deleted { struck } else { underlined };
            side.extend(content_words(text));
        }
        end_run(run, &mut total);
    });
    total
}

fn end_run(run: Option<(Vec<String>, Vec<String>)>, total: &mut Readability) {
    let Some((struck, underlined)) = run else {
        return;
    };
    total.runs += 1;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for word in &struck {
        *counts.entry(word).or_default() += 1;
    }
    for word in &underlined {
        if let Some(n) = counts.get_mut(word.as_str())
            && *n > 0
        {
            *n -= 1;
            total.hidden += 1;
        }
    }
}

fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(&w.as_str()))
}
