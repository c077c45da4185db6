//! Self-verification: a written file holds every word of its document, in order.

use crate::confidential::key;
use crate::error::Error;
use crate::markdown::{Block, Doc, InlineContent};

/// Checks that `text` (a file's text as its writer reads it back) holds every
/// word of `doc`: the body's words in order, and each footnote's words in
/// order (a format may place notes anywhere). Words are compared in the leak
/// scan's normal form, so markup, spacing and typographic quotes do not count;
/// other text (page furniture, numbers) may come between them.
///
///
/// With `ordered` false (a format whose reader gives text in drawing order,
/// not reading order, and may join or split words at line ends: PDF), the
/// text must hold at least as many of each letter and digit as the document;
/// the PDF is checked word by word, in order, at the layout.
pub fn verify_words(file: &str, doc: &Doc, text: &str, ordered: bool) -> Result<(), Error> {
    verify_doc_words(file, &DocWords::of(doc), text, ordered)
}

/// A document's words in the form [`verify_words`] compares them: the body's,
/// then each footnote's. Computed once per version of a document and shared
/// by every writer's check.
#[derive(Debug, Clone, Default)]
pub struct DocWords {
    sequences: Vec<Vec<String>>,
}

impl DocWords {
    /// The words of `doc`.
    pub fn of(doc: &Doc) -> DocWords {
        let mut sequences = vec![words(&doc.blocks)];
        sequences.extend(doc.footnotes.iter().map(|note| words(&note.blocks)));
        DocWords { sequences }
    }
}

/// [`verify_words`] with the document's words already computed.
pub fn verify_doc_words(
    file: &str,
    words: &DocWords,
    text: &str,
    ordered: bool,
) -> Result<(), Error> {
    let hay = key(text);
    if !ordered {
        let all: Vec<&String> = words.sequences.iter().flatten().collect();
        return find_each_character(&hay, &all).map_err(|c| Error::Incomplete {
            file: file.to_owned(),
            missing: format!("it has fewer “{c}” characters than the document"),
        });
    }
    let Some((body, notes)) = words.sequences.split_first() else {
        return Ok(());
    };
    find_in_order(&hay, 0, body).map_err(|at| incomplete(file, body, at))?;
    // Formats print footnotes in their order (after the text, or each after
    // the text that cites it), so each is looked for after the one before it,
    // and only if it is not found there, from the start. Searching on from
    // where the last one ended keeps the whole check one pass over the text.
    let mut from = 0;
    for note in notes {
        from = match find_in_order(&hay, from, note) {
            Ok(end) => end,
            Err(_) => {
                find_in_order(&hay, 0, note).map_err(|at| incomplete(file, note, at))?;
                from
            }
        };
    }
    Ok(())
}

/// Checks that `hay` has at least as many of each letter and digit as `words`;
/// the first character short.
fn find_each_character(hay: &str, words: &[&String]) -> Result<(), char> {
    let mut counts = CharCounts {
        ascii: [0; 128],
        other: std::collections::BTreeMap::new(),
    };
    for word in words {
        counts.add(word, 1);
    }
    counts.add(hay, -1);
    counts.first_short()
}

/// Counts of letters and digits: ASCII in an array, the rest in a map.
struct CharCounts {
    ascii: [i64; 128],
    other: std::collections::BTreeMap<char, i64>,
}

impl CharCounts {
    fn add(&mut self, text: &str, by: i64) {
        for c in text.chars().filter(|c| c.is_alphanumeric()) {
            match usize::try_from(u32::from(c)) {
                Ok(i) if i < 128 => self.ascii[i] += by,
                _ => *self.other.entry(c).or_default() += by,
            }
        }
    }

    /// The first character counted more often than taken away, in code point order.
    fn first_short(&self) -> Result<(), char> {
        let ascii = (0u8..128)
            .filter(|&b| self.ascii[usize::from(b)] > 0)
            .map(char::from);
        let other = self.other.iter().filter(|&(_, &n)| n > 0).map(|(&c, _)| c);
        ascii.chain(other).next().map_or(Ok(()), Err)
    }
}

/// The words of `blocks` in the form the check compares (empty ones dropped).
/// A footnote reference separates words: formats print its number (or label)
/// inside the word it follows. No word runs from one block (or table cell) into
/// the next.
fn words(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks {
        collect_words(block, &mut out);
    }
    out
}

fn collect_words(block: &Block, out: &mut Vec<String>) {
    match block {
        Block::Code(code) => push_words(code, out),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| collect_words(b, out)),
        Block::Quote(blocks) | Block::KeepTogether(blocks) => {
            blocks.iter().for_each(|b| collect_words(b, out))
        }
        _ => block.visit_inlines(&mut |inlines| {
            let mut text = String::new();
            for inline in inlines {
                match inline.content {
                    InlineContent::FootnoteRef(_) => text.push(' '),
                    _ => text.push_str(inline.plain()),
                }
            }
            push_words(&text, out);
        }),
    }
}

fn push_words(text: &str, out: &mut Vec<String>) {
    out.extend(text.split_whitespace().map(key).filter(|w| !w.is_empty()));
}

/// Finds each word after the previous one, from byte `from` of `hay`: where
/// the last one ends, or the index of the first word missing.
fn find_in_order(hay: &str, from: usize, words: &[String]) -> Result<usize, usize> {
    let mut at = from;
    for (i, word) in words.iter().enumerate() {
        // Mostly the next word follows at once: no searcher to set up.
        let found = if hay[at..].starts_with(word.as_str()) {
            Some(0)
        } else {
            hay[at..].find(word.as_str())
        };
        match found {
            Some(found) => at += found + word.len(),
            None => return Err(i),
        }
    }
    Ok(at)
}

fn incomplete(file: &str, words: &[String], at: usize) -> Error {
    let from = at.saturating_sub(3);
    let shown: Vec<&str> = words[from..(at + 5).min(words.len())]
        .iter()
        .map(String::as_str)
        .collect();
    Error::Incomplete {
        file: file.to_owned(),
        missing: format!(
            "word {} of {} is missing: “{}” in “…{}…”",
            at + 1,
            words.len(),
            words[at],
            shown.join(" ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    #[test]
    fn a_file_holding_every_word_in_order_passes_and_a_gap_fails() {
        let (doc, _) =
            parse("The **Company** will revise “Item 5”.[^1]\n\n[^1]: A separate remark.\n");
        let text = "1 A separate remark. Page 2 The Company will\nrevise \"Item 5\".1 ";
        verify_words("x", &doc, text, true).unwrap();
        let gap = "The Company revise Item 5. A separate remark.";
        let err = verify_words("letter.htm", &doc, gap, true).unwrap_err();
        assert!(err.to_string().contains("“will”"), "{err}");
        assert!(verify_words("x", &doc, "", true).is_err());
        let no_note = "The Company will revise “Item 5”.";
        let err = verify_words("x", &doc, no_note, true).unwrap_err();
        assert!(err.to_string().contains("“separate”"), "{err}");
    }

    #[test]
    fn footnotes_are_found_after_the_text_beside_it_or_out_of_order() {
        let (doc, _) =
            parse("Alpha beta.[^a] Gamma delta.[^b]\n\n[^a]: First note.\n\n[^b]: Second note.\n");
        let at_end = "Alpha beta.1 Gamma delta.2 1 First note. 2 Second note.";
        verify_words("x", &doc, at_end, true).unwrap();
        let beside = "Alpha beta.1 First note. Gamma delta.2 Second note.";
        verify_words("x", &doc, beside, true).unwrap();
        let swapped = "Alpha beta. Gamma delta. Second note. First note.";
        verify_words("x", &doc, swapped, true).unwrap();
        let missing = "Alpha beta. Gamma delta. First note. Second";
        let err = verify_words("x", &doc, missing, true).unwrap_err();
        assert!(err.to_string().contains("“note.”"), "{err}");
    }

    #[test]
    fn out_of_order_text_passes_only_when_order_is_not_required() {
        let (doc, _) = parse("one two three two\n");
        assert!(verify_words("x", &doc, "two three one two", true).is_err());
        verify_words("x", &doc, "two three- •one two", false).unwrap();
        let err = verify_words("x", &doc, "two three one", false).unwrap_err();
        assert!(err.to_string().contains("fewer “o”"), "{err}");
    }
}
