//! The readability measure of a word comparison, and its properties over
//! generated paragraphs.
//!
//! A redline reads well when a reader takes in few separate changes and
//! sees every unchanged fact where it stands. The measure counts the change
//! runs, and the unchanged words the cleanup hid: words the comparison
//! found unchanged that end up struck and underlined again inside a
//! replacement. Properties: no figure, name, footnote reference, line break
//! or sentence end is ever hidden (outside a figure changed in part, which
//! is struck whole by design), at most one content word of any unchanged
//! stretch is, and accepting or rejecting the cleaned comparison gives the
//! two texts back.

use std::collections::HashMap;
use std::ops::Range;

use proptest::prelude::*;

use super::cleanup::{Side, clean_up};
use super::diff::{Run, diff_words, token_ids};
use super::figures::figure_spans;
use super::tokenize::{Token, TokenKind, tokenize};
use super::words::{Weight, ends_sentence, weigh};

/// How a comparison of two token lists reads after cleanup.
#[derive(Debug)]
pub(super) struct Readability {
    /// Changes a reader must take in.
    pub runs: usize,
    /// Unchanged words hidden inside replacements, each with the index of
    /// the unchanged stretch of the raw comparison it came from.
    pub hidden: Vec<(usize, Token)>,
}

/// Measures the cleaned comparison of `old` with `new` against the raw one.
pub(super) fn measure(old: &[Token], new: &[Token]) -> (Readability, Vec<Run>) {
    let (old_ids, new_ids) = token_ids(old, new);
    let raw = diff_words(&old_ids, &new_ids);
    let cleaned = clean_up(
        &Side::new(old, &old_ids),
        &Side::new(new, &new_ids),
        raw.clone(),
    );
    // The raw unchanged stretch of each old token, if any, and whether it
    // or its unchanged partner is part of a figure span.
    let mut stretch_of = vec![None; old.len()];
    let mut in_figure = covered(old.len(), &figure_spans(old));
    let new_in_figure = covered(new.len(), &figure_spans(new));
    let equal = raw.iter().filter_map(|run| match run {
        Run::Equal { old, new } => Some((old.clone(), new.clone())),
        Run::Change { .. } => None,
    });
    for (k, (o, n)) in equal.enumerate() {
        for (i, j) in o.zip(n) {
            stretch_of[i] = Some(k);
            in_figure[i] |= new_in_figure[j];
        }
    }
    // Old tokens the raw comparison changed but the cleaned one keeps: a
    // copy of one of them in a change is the same word moved, not hidden
    // (trimming and re-anchoring may match another copy of a repeated word).
    let mut moved: HashMap<(TokenKind, &str), usize> = HashMap::new();
    for run in &cleaned {
        if let Run::Equal { old: o, .. } = run {
            for i in o.clone().filter(|&i| stretch_of[i].is_none()) {
                *moved
                    .entry((old[i].kind, old[i].text.as_str()))
                    .or_default() += 1;
            }
        }
    }
    let mut hidden = Vec::new();
    let mut runs = 0;
    for run in &cleaned {
        let Run::Change { old: o, new: n } = run else {
            continue;
        };
        runs += 1;
        if o.is_empty() || n.is_empty() {
            continue;
        }
        for i in o.clone() {
            let Some(k) = stretch_of[i] else {
                continue;
            };
            if in_figure[i] || weigh(&old[i]) == Weight::Mark && !ends_sentence(&old[i]) {
                continue;
            }
            match moved.get_mut(&(old[i].kind, old[i].text.as_str())) {
                Some(n) if *n > 0 => *n -= 1,
                _ => hidden.push((k, old[i].clone())),
            }
        }
    }
    (Readability { runs, hidden }, cleaned)
}

/// Which of `len` tokens the spans cover.
fn covered(len: usize, spans: &[Range<usize>]) -> Vec<bool> {
    let mut out = vec![false; len];
    spans
        .iter()
        .flat_map(Clone::clone)
        .for_each(|k| out[k] = true);
    out
}

/// Words of generated paragraphs: function words, content words, names,
/// figures in several forms, and punctuation.
const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "was",
    "revenue",
    "costs",
    "increased",
    "margin",
    "growth",
    "rate",
    "lower",
    "data",
    "centers",
    "Company",
    "PRC",
    "RMB1,336.5",
    "18.5%",
    "4% to 6%",
    "$(1,234)",
    "\u{20ac}3.5",
    "RMB 43.7",
    "25 basis points",
    "million",
    "2013",
    ",",
    ".",
    ";",
];

fn text(words: &[usize]) -> String {
    let mut out = String::new();
    for &w in words {
        let word = WORDS[w];
        if !out.is_empty() && !matches!(word, "," | "." | ";") {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn paragraphs() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    let words = prop::collection::vec(0..WORDS.len(), 0..40);
    let edits = prop::collection::vec((0u8..3, any::<usize>(), 0..WORDS.len()), 0..12);
    (words, edits).prop_map(|(old, edits)| {
        let mut new = old.clone();
        for (op, at, word) in edits {
            let len = new.len();
            match op {
                0 if len > 0 => {
                    new.remove(at % len);
                }
                1 => new.insert(at % (len + 1), word),
                _ if len > 0 => new[at % len] = word,
                _ => {}
            }
        }
        (old, new)
    })
}

/// The tokens of one side of the runs, in order.
fn side_of(runs: &[Run], tokens: &[Token], old: bool) -> String {
    runs.iter()
        .flat_map(|run| {
            let (Run::Equal { old: o, new: n } | Run::Change { old: o, new: n }) = run;
            tokens[if old { o.clone() } else { n.clone() }].iter()
        })
        .map(|t| t.text.as_str())
        .collect()
}

proptest! {
    #[test]
    fn cleanup_hides_no_fact_and_one_content_word_per_stretch((a, b) in paragraphs()) {
        let (old, new) = (tokenize(&text(&a)), tokenize(&text(&b)));
        let (measured, cleaned) = measure(&old, &new);
        for (_, token) in &measured.hidden {
            prop_assert!(
                matches!(weigh(token), Weight::Grammar | Weight::Content) && !ends_sentence(token),
                "hidden: {:?}", token
            );
        }
        let mut content_per_stretch = std::collections::HashMap::new();
        for (stretch, token) in &measured.hidden {
            if weigh(token) == Weight::Content {
                *content_per_stretch.entry(*stretch).or_insert(0) += 1;
            }
        }
        prop_assert!(content_per_stretch.values().all(|&n| n <= 1), "{:?}", measured.hidden);
        // The cleaned runs still cover both texts in order.
        prop_assert_eq!(side_of(&cleaned, &old, true), text(&a));
        prop_assert_eq!(side_of(&cleaned, &new, false), text(&b));
    }
}

#[test]
fn the_measure_counts_runs_and_hidden_words() {
    let old = tokenize("growth, margins and discount rates that reflect current conditions.");
    let new = tokenize(
        "growth of 4% to 6%, margins of 18% to 21% and a discount rate of 9.5%, each of which \
        reflects current conditions.",
    );
    let (measured, _) = measure(&old, &new);
    let hidden: Vec<&str> = measured
        .hidden
        .iter()
        .map(|(_, t)| t.text.as_str())
        .collect();
    assert_eq!(measured.runs, 3);
    // "discount" is folded into the rewrite beside the added article.
    assert_eq!(hidden, vec!["discount"]);
}
