//! Re-anchoring: an unchanged phrase is matched to its first copy inside a
//! rewrite, not to a later one.
//!
//! When a revision repeats a phrase it keeps (`newly deployed data centers`
//! → `the four data centers we placed into service … our other data
//! centers`), the comparison may match the kept phrase to the later copy and
//! show one long replacement ending just before it. Matching it to the
//! first copy instead keeps the same words unchanged but shows a short
//! replacement beside the phrase it modifies and the rest as an addition:
//! `~~newly deployed~~ <ins>the four</ins> data centers <ins>we placed …
//! our other data centers</ins>`. The same holds for a phrase repeated in
//! the original's deleted text.

use std::ops::Range;

use super::cleanup::{Side, tidy};
use super::diff::Run;
use super::tokenize::TokenKind;
use super::words::{Weight, ends_sentence, weigh};

/// The most tokens of a copy compared: enough to anchor on, and it keeps
/// the search linear in the length of a change.
const MAX_COPY: usize = 64;

/// Re-anchors the unchanged stretch after each replacement on the first
/// copy of its leading phrase inside the replacement, on either side.
pub(super) fn reanchor(old: &Side, new: &Side, runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    let mut k = 0;
    while k < runs.len() {
        let (Run::Change { old: o, new: n }, Some(Run::Equal { old: eo, new: en })) =
            (&runs[k], runs.get(k + 1))
        else {
            out.push(runs[k].clone());
            k += 1;
            continue;
        };
        // A pure insertion or deletion is split only at a sentence end.
        let words_too = !o.is_empty() && !n.is_empty();
        // The split must leave unchanged text before a change that follows,
        // or the two would join into one (that is the fold step's decision).
        let last = k + 2 >= runs.len();
        let fits = |(p, m): (usize, usize)| (m < eo.len() || last).then_some((p, m));
        let split = if let Some((p, m)) = first_copy(new, n, old, eo, words_too).and_then(fits) {
            split_new(o, n, eo, en, p, m)
        } else if let Some((p, m)) = first_copy(old, o, new, en, words_too).and_then(fits) {
            split_old(o, n, eo, en, p, m)
        } else {
            out.push(runs[k].clone());
            k += 1;
            continue;
        };
        out.extend(split);
        k += 2;
    }
    tidy(out)
}

/// The earliest place `p` in `within` (of `side`) where a copy of the
/// leading `m` tokens of the stretch `stretch` (of `other`) starts and ends
/// inside `within`: `(p, m)`. The copy must end a sentence inside `within`
/// (a sentence added after the one the stretch ends), or, when `words` is
/// set, hold a word that carries meaning; it must not cut through a figure.
fn first_copy(
    side: &Side,
    within: &Range<usize>,
    other: &Side,
    stretch: &Range<usize>,
    words: bool,
) -> Option<(usize, usize)> {
    let longest = stretch.len().min(MAX_COPY);
    (within.start..within.end).find_map(|p| {
        let m = (0..longest.min(within.end - p))
            .take_while(|&k| side.ids[p + k] == other.ids[stretch.start + k])
            .count();
        if m == 0 {
            return None;
        }
        let copy = &side.tokens[p..p + m];
        let meaningful = copy
            .iter()
            .any(|t| matches!(weigh(t), Weight::Content | Weight::Fact));
        let sentence_end = ends_sentence(&copy[0])
            && side.tokens[p + 1..within.end]
                .first()
                .is_some_and(|t| t.kind == TokenKind::Space);
        let anchors = sentence_end || words && meaningful;
        (anchors && !side.cuts_figure(&(p..p + m))).then_some((p, m))
    })
}

/// `X → [N1 copy N2]` then `E` becomes `X → N1`, `E[..m] = copy`,
/// `+ N2 E[..m]`, then the rest of `E`.
fn split_new(
    o: &Range<usize>,
    n: &Range<usize>,
    eo: &Range<usize>,
    en: &Range<usize>,
    p: usize,
    m: usize,
) -> [Run; 4] {
    [
        Run::Change {
            old: o.clone(),
            new: n.start..p,
        },
        Run::Equal {
            old: eo.start..eo.start + m,
            new: p..p + m,
        },
        Run::Change {
            old: eo.start + m..eo.start + m,
            new: p + m..en.start + m,
        },
        Run::Equal {
            old: eo.start + m..eo.end,
            new: en.start + m..en.end,
        },
    ]
}

/// `[X1 copy X2] → N` then `E` becomes `X1 → N`, `copy = E[..m]`,
/// `− X2 E[..m]`, then the rest of `E`.
fn split_old(
    o: &Range<usize>,
    n: &Range<usize>,
    eo: &Range<usize>,
    en: &Range<usize>,
    p: usize,
    m: usize,
) -> [Run; 4] {
    [
        Run::Change {
            old: o.start..p,
            new: n.clone(),
        },
        Run::Equal {
            old: p..p + m,
            new: en.start..en.start + m,
        },
        Run::Change {
            old: p + m..eo.start + m,
            new: en.start + m..en.start + m,
        },
        Run::Equal {
            old: eo.start + m..eo.end,
            new: en.start + m..en.end,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::diff::{diff_words, token_ids};
    use crate::redline::tokenize::tokenize;

    /// The runs re-anchored, written with `[-…-]` and `{+…+}`.
    fn written(old: &str, new: &str) -> String {
        let (a, b) = (tokenize(old), tokenize(new));
        let (ai, bi) = token_ids(&a, &b);
        let (sa, sb) = (Side::new(&a, &ai), Side::new(&b, &bi));
        let text =
            |t: &[crate::redline::Token]| t.iter().map(|t| t.text.as_str()).collect::<String>();
        reanchor(&sa, &sb, diff_words(&ai, &bi))
            .into_iter()
            .map(|run| match run {
                Run::Equal { new, .. } => text(&b[new]),
                Run::Change { old, new } => {
                    format!("[-{}-]{{+{}+}}", text(&a[old]), text(&b[new]))
                }
            })
            .collect()
    }

    #[test]
    fn a_kept_phrase_matches_its_first_copy_in_the_revision() {
        assert_eq!(
            written(
                "of newly deployed data centers.",
                "of the four data centers we placed, unlike our other data centers."
            ),
            "of[- newly deployed -]{+ the four +}data centers[--]{+ we placed, unlike our other data centers+}."
        );
    }

    #[test]
    fn a_kept_phrase_matches_its_first_copy_in_the_original() {
        assert_eq!(
            written(
                "of old data centers, unlike our other data centers.",
                "of the four data centers."
            ),
            "of[- old -]{+ the four +}data centers[-, unlike our other data centers-]{++}."
        );
    }

    #[test]
    fn function_words_alone_are_no_anchor() {
        let (a, b) = (
            tokenize("so the end."),
            tokenize("as the start of the end."),
        );
        let (ai, bi) = token_ids(&a, &b);
        let (sa, sb) = (Side::new(&a, &ai), Side::new(&b, &bi));
        // "the" alone is found in the revision's "as the start of": no anchor.
        assert_eq!(first_copy(&sb, &(0..7), &sa, &(2..3), true), None);
        // "the end" is.
        assert_eq!(first_copy(&sb, &(0..11), &sa, &(2..5), true), Some((8, 3)));
    }

    #[test]
    fn an_added_sentence_is_split_from_the_change_before_it() {
        assert_eq!(
            written("by a margin.", "by 8.4%. A fall would cut it."),
            "by[- a margin-]{+ 8.4%+}.[--]{+ A fall would cut it.+}"
        );
    }
}
