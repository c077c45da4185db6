//! Property tests of the redline engine over generated prose-like passages:
//! accepting every change gives the revision, rejecting every change gives
//! the original, and the Markdown form keeps every marked word.

use proptest::prelude::*;

use super::tests::{doc, squash};
use super::*;
use crate::markdown::{Doc, Style, parse_rendered, to_markdown};

const VOCAB: &[&str] = &[
    "the",
    "Company",
    "revenue",
    "of",
    "in",
    "and",
    "million",
    "RMB1,336.5",
    "US$7.8",
    "18.5%",
    "(1,234)",
    "2013",
    "10-K",
    "U.S.",
    "e.g.",
    "non-PRC",
    "Company\u{2019}s",
    "VIEs",
    "Inc.",
    "not",
    "believe",
    "will",
    "revise",
    "disclosure",
    "PRC",
    "2014",
    "[^n1]",
    "[^n2]",
    ",",
    ".",
    ";",
];

/// A generated block: a paragraph or a bullet item, as vocabulary indexes.
type GenBlock = (bool, Vec<usize>);

/// Writes generated blocks as Markdown: line breaks every `wrap` words (none
/// for 0), and a definition for each cited footnote, `revised_notes` choosing
/// the wording of the second.
fn render(blocks: &[GenBlock], wrap: usize, revised_notes: bool) -> String {
    let mut out = String::new();
    for (k, (item, words)) in blocks.iter().enumerate() {
        if k > 0 {
            out.push_str(if *item && blocks[k - 1].0 {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(if *item { "- The" } else { "The" });
        for (n, &w) in words.iter().enumerate() {
            let word = VOCAB[w];
            if !matches!(word, "," | "." | ";" | "[^n1]") {
                // A figure starting a line could open a numbered list.
                let letter = word.starts_with(char::is_alphabetic);
                out.push_str(if letter && wrap > 0 && n % wrap == wrap - 1 {
                    "\n"
                } else {
                    " "
                });
            }
            out.push_str(word);
        }
    }
    if out.contains("[^n1]") {
        out.push_str("\n\n[^n1]: Revenue is stated net of VAT.");
    }
    if out.contains("[^n2]") {
        out.push_str(if revised_notes {
            "\n\n[^n2]: The Company\u{2019}s VIEs hold the licenses."
        } else {
            "\n\n[^n2]: The VIEs hold the licenses in the PRC."
        });
    }
    out
}

fn apply(blocks: &mut Vec<GenBlock>, edits: &[(u8, usize, usize, usize)]) {
    for &(op, at, pos, word) in edits {
        let b = at % blocks.len();
        let len = blocks[b].1.len();
        match op {
            0 if len > 0 => {
                blocks[b].1.remove(pos % len);
            }
            1 => blocks[b].1.insert(pos % (len + 1), word),
            2 if len > 0 => blocks[b].1[pos % len] = word,
            3 if blocks.len() > 1 => {
                blocks.remove(b);
            }
            4 => blocks.insert(b, (false, vec![word, (word + pos) % VOCAB.len()])),
            5 => blocks[b].0 = !blocks[b].0,
            _ => {}
        }
    }
}

fn marked_words(doc: &Doc, test: fn(&Style) -> bool) -> Vec<String> {
    let mut words = Vec::new();
    doc.visit_inlines(&mut |inlines| {
        for inline in inlines.iter().filter(|i| test(&i.style)) {
            let tokens = tokenize(inline.plain());
            words.extend(tokens.into_iter().filter(Token::is_word).map(|t| t.text));
        }
    });
    words
}

fn passages() -> impl Strategy<Value = (String, String)> {
    let block = (any::<bool>(), prop::collection::vec(0..VOCAB.len(), 0..20));
    let blocks = prop::collection::vec(block, 1..5);
    let edit = (0u8..6, any::<usize>(), any::<usize>(), 0..VOCAB.len());
    let edits = prop::collection::vec(edit, 0..10);
    let wraps = (0usize..6, 0usize..6);
    (blocks, edits, wraps, any::<bool>()).prop_map(|(blocks, edits, (wrap_a, wrap_b), notes)| {
        let mut revised = blocks.clone();
        apply(&mut revised, &edits);
        (
            render(&blocks, wrap_a, false),
            render(&revised, wrap_b, notes),
        )
    })
}

/// A document's Markdown with runs of whitespace collapsed.
fn written(doc: &Doc) -> String {
    squash(&to_markdown(doc))
}

proptest! {
    #[test]
    fn accepting_gives_the_revision_and_rejecting_the_original((old, new) in passages()) {
        let (old, new) = (doc(&old), doc(&new));
        let r = redline(&old, &new);
        prop_assert_eq!(squash(&accept(&r.doc).plain_text()), squash(&new.plain_text()));
        prop_assert_eq!(squash(&reject(&r.doc).plain_text()), squash(&old.plain_text()));
        // Markdown also shows styles, footnote references and definitions.
        prop_assert_eq!(written(&accept(&r.doc)), written(&new));
        prop_assert_eq!(written(&reject(&r.doc)), written(&old));
        prop_assert_eq!(r.words_inserted, marked_words(&r.doc, |s| s.inserted).len());
        prop_assert_eq!(r.words_deleted, marked_words(&r.doc, |s| s.deleted).len());
    }

    #[test]
    fn markdown_keeps_the_marked_words((old, new) in passages()) {
        let r = redline(&doc(&old), &doc(&new));
        let written = to_markdown(&r.doc);
        let (back, issues) = parse_rendered(&written);
        prop_assert!(issues.is_empty(), "{:?}", issues);
        prop_assert_eq!(marked_words(&back, |s| s.inserted), marked_words(&r.doc, |s| s.inserted));
        prop_assert_eq!(marked_words(&back, |s| s.deleted), marked_words(&r.doc, |s| s.deleted));
    }

    #[test]
    fn an_unchanged_passage_has_no_marks((old, _new) in passages()) {
        let r = redline(&doc(&old), &doc(&old));
        prop_assert!(r.is_unchanged());
        prop_assert_eq!((r.words_inserted, r.words_deleted), (0, 0));
    }
}
