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
    let hay = key(text);
    let mut sequences = vec![words(&doc.blocks)];
    sequences.extend(doc.footnotes.iter().map(|note| words(&note.blocks)));
    if !ordered {
        let all: Vec<String> = sequences.into_iter().flatten().collect();
        return find_each_character(&hay, &all).map_err(|c| Error::Incomplete {
            file: file.to_owned(),
            missing: format!("it has fewer “{c}” characters than the document"),
        });
    }
    for words in &sequences {
        find_in_order(&hay, words).map_err(|at| incomplete(file, words, at))?;
    }
    Ok(())
}

/// Checks that `hay` has at least as many of each letter and digit as `words`;
/// the first character short.
fn find_each_character(hay: &str, words: &[String]) -> Result<(), char> {
    let mut counts: std::collections::BTreeMap<char, i64> = std::collections::BTreeMap::new();
    for c in words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
    {
        *counts.entry(c).or_default() += 1;
    }
    for c in hay.chars().filter(|c| c.is_alphanumeric()) {
        if let Some(n) = counts.get_mut(&c) {
            *n -= 1;
        }
    }
    counts
        .into_iter()
        .find(|&(_, n)| n > 0)
        .map_or(Ok(()), |(c, _)| Err(c))
}

/// The words of `blocks` in the form the check compares (empty ones dropped).
/// A footnote reference separates words: formats print its number (or label)
/// inside the word it follows.
fn words(blocks: &[Block]) -> Vec<String> {
    let mut doc = Doc {
        blocks: blocks.to_vec(),
        footnotes: Vec::new(),
    };
    doc.visit_inlines_mut(&mut |inlines| {
        for inline in inlines.iter_mut() {
            if matches!(inline.content, InlineContent::FootnoteRef(_)) {
                inline.content = InlineContent::Text(" ".to_owned());
            }
        }
    });
    doc.plain_text()
        .split_whitespace()
        .map(key)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Finds each word after the previous one; the index of the first one missing.
fn find_in_order(hay: &str, words: &[String]) -> Result<(), usize> {
    let mut at = 0;
    for (i, word) in words.iter().enumerate() {
        match hay[at..].find(word.as_str()) {
            Some(found) => at += found + word.len(),
            None => return Err(i),
        }
    }
    Ok(())
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
    fn out_of_order_text_passes_only_when_order_is_not_required() {
        let (doc, _) = parse("one two three two\n");
        assert!(verify_words("x", &doc, "two three one two", true).is_err());
        verify_words("x", &doc, "two three- •one two", false).unwrap();
        let err = verify_words("x", &doc, "two three one", false).unwrap_err();
        assert!(err.to_string().contains("fewer “o”"), "{err}");
    }
}
