//! What no public output may contain: every confidential span, with the
//! words beside it, and every internal note.

use crate::diagnostic::Location;
use crate::markdown::{Block, Doc, Inline, InlineContent};
use crate::model::{Letter, Markdown, PlainText};

use super::scan::key;

/// How many consecutive words of an internal note count as a leak.
pub const NOTE_WINDOW: usize = 6;
/// A note shorter than [`NOTE_WINDOW`] words is looked for whole when it has at
/// least this many words (a shorter one cannot carry a sentence of its own).
pub const MIN_NOTE_WORDS: usize = 3;

/// Where a secret comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// A `<ct>` span (or a footnote cited only from one).
    Span,
    /// Words of an internal `notes:` field.
    Note,
}

/// One thing no public output may contain.
#[derive(Debug, Clone)]
pub struct Secret {
    /// The text, normalised, as shown in a diagnostic.
    pub text: String,
    /// The text in the form the scan compares.
    pub key: String,
    /// The span with the word before, and with the word after, in the form
    /// the scan compares (used for short spans).
    pub context: Vec<String>,
    /// The word before and the word after, as written (normalised).
    pub words_beside: Vec<(Option<String>, Option<String>)>,
    /// Span or note.
    pub kind: SecretKind,
    /// Where it is written.
    pub at: Location,
}

impl Secret {
    /// A secret `text` with the words beside it (if any).
    pub fn new(
        text: &str,
        before: Option<&str>,
        after: Option<&str>,
        kind: SecretKind,
        at: Location,
    ) -> Secret {
        let mut context = Vec::new();
        let mut words_beside = Vec::new();
        let before = before.map(super::normalize);
        let after = after.map(super::normalize);
        if let Some(word) = before
            .as_deref()
            .and_then(|b| b.split(' ').next_back())
            .filter(|w| !w.is_empty())
        {
            context.push(key(&format!("{word} {text}")));
            words_beside.push((Some(word.to_owned()), None));
        }
        if let Some(word) = after
            .as_deref()
            .and_then(|a| a.split(' ').next())
            .filter(|w| !w.is_empty())
        {
            context.push(key(&format!("{text} {word}")));
            words_beside.push((None, Some(word.to_owned())));
        }
        Secret {
            text: super::normalize(text),
            key: key(text),
            context,
            words_beside,
            kind,
            at,
        }
    }
}

/// Every confidential span and internal note of `letter`, deduplicated.
pub fn secrets(letter: &Letter) -> Vec<Secret> {
    let mut out = Vec::new();
    for field in letter.markdown_fields() {
        markdown_secrets(field, &mut out);
    }
    for field in letter.plain_fields() {
        plain_secrets(field, &mut out);
    }
    for comment in &letter.comments {
        if let Some(notes) = &comment.notes {
            note_secrets(notes, comment.response_origin.map.value("/notes"), &mut out);
        }
    }
    out.retain(|s| !s.key.is_empty());
    out.sort_by(|a, b| (&a.key, &a.context).cmp(&(&b.key, &b.context)));
    out.dedup_by(|a, b| a.key == b.key && a.context == b.context);
    out
}

fn markdown_secrets(field: &Markdown, out: &mut Vec<Secret>) {
    if !field.doc.any_style(|s| s.confidential) {
        return;
    }
    let mut doc = field.doc.clone();
    super::apply::mark_dependent_footnotes(&mut doc);
    let pieces = flatten(&doc);
    for (start, end) in runs(&pieces) {
        let text: String = pieces[start..end].iter().map(|(t, _)| t.as_str()).collect();
        let before: String = pieces[..start].iter().map(|(t, _)| t.as_str()).collect();
        let after: String = pieces[end..].iter().map(|(t, _)| t.as_str()).collect();
        let offset = field.source.find(text.trim()).unwrap_or(0);
        out.push(Secret::new(
            &text,
            Some(before.as_str()),
            Some(after.as_str()),
            SecretKind::Span,
            field.locate(offset),
        ));
    }
}

fn plain_secrets(field: &PlainText, out: &mut Vec<Secret>) {
    for range in &field.confidential {
        out.push(Secret::new(
            &field.text[range.clone()],
            Some(&field.text[..range.start]),
            Some(&field.text[range.end..]),
            SecretKind::Span,
            field.locate(range.start),
        ));
    }
}

fn note_secrets(notes: &str, at: Location, out: &mut Vec<Secret>) {
    let words: Vec<&str> = notes.split_whitespace().collect();
    if words.len() < MIN_NOTE_WORDS {
        return;
    }
    for window in words.windows(NOTE_WINDOW.min(words.len())) {
        out.push(Secret::new(
            &window.join(" "),
            None,
            None,
            SecretKind::Note,
            at.clone(),
        ));
    }
}

/// The document's text as (text, confidential) pieces in reading order, blocks
/// then footnotes; a space separates inline lists and code blocks.
fn flatten(doc: &Doc) -> Vec<(String, bool)> {
    let mut pieces = Vec::new();
    for block in doc
        .blocks
        .iter()
        .chain(doc.footnotes.iter().flat_map(|n| &n.blocks))
    {
        flatten_block(block, &mut pieces);
    }
    pieces
}

fn flatten_block(block: &Block, pieces: &mut Vec<(String, bool)>) {
    match block {
        Block::Code(code) => pieces.push((format!(" {code} "), false)),
        Block::List { items, .. } => items
            .iter()
            .flatten()
            .for_each(|b| flatten_block(b, pieces)),
        Block::Quote(inner) | Block::KeepTogether(inner) => {
            inner.iter().for_each(|b| flatten_block(b, pieces))
        }
        _ => block.visit_inlines(&mut |inlines: &[Inline]| {
            pieces.push((" ".to_owned(), false));
            for inline in inlines {
                let text = match &inline.content {
                    InlineContent::FootnoteRef(_) => " ",
                    _ => inline.plain(),
                };
                pieces.push((text.to_owned(), inline.style.confidential));
            }
            pieces.push((" ".to_owned(), false));
        }),
    }
}

/// The (start, end) index ranges of consecutive confidential pieces.
fn runs(pieces: &[(String, bool)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        if !pieces[i].1 {
            i += 1;
            continue;
        }
        let start = i;
        while i < pieces.len() && pieces[i].1 {
            i += 1;
        }
        out.push((start, i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    #[test]
    fn an_empty_or_short_note_adds_nothing_and_a_long_one_every_six_words() {
        let file = SourceFile::new("c.yaml", "");
        let at = Location::start_of(&file);
        let mut out = Vec::new();
        note_secrets("", at.clone(), &mut out);
        note_secrets("  ", at.clone(), &mut out);
        note_secrets("check", at.clone(), &mut out);
        assert!(out.is_empty());
        note_secrets("ask the auditors", at.clone(), &mut out);
        assert_eq!(out.len(), 1);
        out.clear();
        note_secrets("one two three four five six seven", at, &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].text, "two three four five six seven");
    }

    #[test]
    fn spans_carry_the_words_beside_them_across_table_cells() {
        let (doc, _) =
            crate::markdown::parse("| Item | Amount |\n|---|--:|\n| Margin | <ct>7%</ct> |\n");
        let pieces = flatten(&doc);
        let found = runs(&pieces);
        assert_eq!(found.len(), 1);
        let (s, e) = found[0];
        let before: String = pieces[..s].iter().map(|(t, _)| t.as_str()).collect();
        assert!(before.trim_end().ends_with("Margin"), "{before:?}");
        assert_eq!(
            pieces[s..e]
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<String>(),
            "7%"
        );
    }
}
