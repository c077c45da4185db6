//! Convenience translations: every "RMB145.8 million (US$24.1 million)" pair
//! recomputed at the letter's stated rate.
//!
//! A pair is the `from` figure followed by a parenthesis holding the `to`
//! figure, optionally after "equivalent to", "approximately" or "or". The
//! translation is flagged when it differs from the recomputed figure by more
//! than the rounding of the printed translation (half a unit of its last digit)
//! plus the rounding of the source figure (capped at the same half unit, since
//! a coarse source such as "RMB1 billion" is usually an exact amount).

use super::company_text;
use super::figures::{Amount, factor, format_value, parse_amount};
use super::prose::{Prose, word_start};
use crate::diagnostic::Diagnostics;
use crate::model::{Letter, Markdown, Translation};

/// Words allowed between the opening parenthesis and the translated figure.
const LEAD_INS: [&str; 4] = ["equivalent to ", "approximately ", "approx. ", "or "];

/// Slack for floating-point error in the comparison.
const EPSILON: f64 = 1e-9;

/// Checks every translation pair in the company's text.
pub fn check(letter: &Letter, diags: &mut Diagnostics) {
    let Some(translation) = &letter.translation else {
        return;
    };
    for field in company_text(letter) {
        check_field(field, translation, diags);
    }
}

/// A figure pair found in a text: the source amount and its translation.
#[derive(Debug, Clone, PartialEq)]
struct Pair<'a> {
    source_text: &'a str,
    source: Amount,
    target_text: &'a str,
    target: Amount,
    /// Byte offset of the translated figure (its currency prefix) in the prose.
    target_at: usize,
}

fn check_field(field: &Markdown, translation: &Translation, diags: &mut Diagnostics) {
    let prose = Prose::new(&field.source);
    for pair in pairs(&prose.text, translation) {
        let Some(expected) = mismatch(&pair, translation.rate) else {
            continue;
        };
        let rate = translation.rate;
        diags.push(
            field
                .locate(prose.source_offset(pair.target_at))
                .warning(format!(
                    "{} does not match {} at {rate}: expected {expected}",
                    pair.target_text, pair.source_text
                ))
                .with_hint(format!(
                    "recompute the translation at {rate} (`translation.rate` in letter.yaml), or correct the {} figure",
                    translation.from
                )),
        );
    }
}

/// Every translation pair in `text`.
///
/// A parenthesis may translate a list: "RMB145.8 million and RMB89.0 million
/// (US$24.1 million and US$14.7 million)" pairs the figures in order when the
/// sources are joined the same way; a list that does not line up is skipped.
fn pairs<'a>(text: &'a str, translation: &Translation) -> Vec<Pair<'a>> {
    let from = translation.from.as_str();
    let to = translation.to.as_str();
    let mut found = Vec::new();
    if from.is_empty() || to.is_empty() {
        return found;
    }
    let sources = figures(text, from);
    for (i, source) in sources.iter().enumerate() {
        let Some(inner) = text[source.end..].trim_start().strip_prefix('(') else {
            continue;
        };
        let targets = target_list(text, text.len() - inner.len(), to);
        let Some(first) = (i + 1).checked_sub(targets.len()) else {
            continue;
        };
        let listed = &sources[first..=i];
        let joined = listed.windows(2).all(|w| is_join(&text[w[0].end..w[1].at]));
        if !joined {
            continue;
        }
        for (source, target) in listed.iter().zip(targets) {
            found.push(Pair {
                source_text: &text[source.at..source.end],
                source: source.amount,
                target_text: &text[target.at..target.end],
                target: target.amount,
                target_at: target.at,
            });
        }
    }
    found
}

/// A currency figure found in a text.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// Byte offset of the currency prefix.
    at: usize,
    /// Byte offset just past the figure (and its scale word).
    end: usize,
    amount: Amount,
}

/// Every figure in `text` written with the currency prefix `prefix`.
fn figures(text: &str, prefix: &str) -> Vec<Found> {
    text.match_indices(prefix)
        .filter(|(at, _)| word_start(text, *at))
        .filter_map(|(at, _)| {
            let (len, amount) = figure_after(text, at + prefix.len())?;
            Some(Found {
                at,
                end: at + prefix.len() + len,
                amount,
            })
        })
        .collect()
}

/// The translated figures at `start` (just inside the parenthesis), joined by "and", "or" or commas.
fn target_list(text: &str, start: usize, to: &str) -> Vec<Found> {
    let mut list = Vec::new();
    let mut i = start;
    loop {
        let rest = &text[i..];
        let lead = LEAD_INS
            .iter()
            .find(|l| rest.starts_with(*l))
            .map_or(0, |l| l.len());
        if !text[i + lead..].starts_with(to) {
            break;
        }
        let Some((len, amount)) = figure_after(text, i + lead + to.len()) else {
            break;
        };
        let end = i + lead + to.len() + len;
        list.push(Found {
            at: i + lead,
            end,
            amount,
        });
        let rest = &text[end..];
        let Some(join) = JOINS.iter().find(|j| rest.starts_with(*j)) else {
            break;
        };
        i = end + join.len();
    }
    list
}

/// Words that join the figures of a list.
const JOINS: [&str; 5] = [", and ", ", or ", " and ", " or ", ", "];

/// True when `between` only joins two figures of a list.
fn is_join(between: &str) -> bool {
    JOINS.contains(&between)
}

/// The amount after a currency prefix ending at `start` (one space allowed), and the bytes it takes.
fn figure_after(text: &str, start: usize) -> Option<(usize, Amount)> {
    let rest = &text[start..];
    let gap = rest
        .chars()
        .next()
        .filter(|c| matches!(c, ' ' | '\u{a0}'))
        .map_or(0, char::len_utf8);
    let amount = parse_amount(&rest[gap..])?;
    Some((gap + amount.len, amount))
}

/// The expected translation, printed, when the printed one is off by more than rounding.
fn mismatch(pair: &Pair, rate: f64) -> Option<String> {
    let target_scale = factor(pair.target.scale);
    let source_scale = source_scale(pair, rate);
    let exact = pair.source.number.value() * source_scale / rate / target_scale;
    let printed = pair.target.number.value();
    let target_half = pair.target.number.half_unit();
    let source_half =
        (pair.source.number.half_unit() * source_scale / rate / target_scale).min(target_half);
    if (printed - exact).abs() <= target_half + source_half + EPSILON {
        return None;
    }
    let mut expected = format!(
        "{}{}",
        &pair.target_text[..pair.target_text.len() - pair.target.len],
        format_value(exact, pair.target.number.decimals)
    );
    if let Some(scale) = pair.target.scale {
        expected.push(' ');
        expected.push_str(scale.word());
    }
    Some(expected)
}

/// The factor of the source figure. A source printed without a scale word
/// ("RMB58.9 (US$9.7 million)") takes the translation's when that reading is
/// the closer one: the unit was left out, not a thousandfold error made.
fn source_scale(pair: &Pair, rate: f64) -> f64 {
    if let Some(scale) = pair.source.scale {
        return scale.factor();
    }
    let Some(target_scale) = pair.target.scale else {
        return 1.0;
    };
    let printed = pair.target.number.value() * target_scale.factor();
    let distance = |scale: f64| {
        let translated = pair.source.number.value() * scale / rate;
        (translated.max(f64::MIN_POSITIVE) / printed.max(f64::MIN_POSITIVE))
            .ln()
            .abs()
    };
    let candidates = [1.0, target_scale.factor()];
    candidates
        .into_iter()
        .min_by(|a, b| distance(*a).total_cmp(&distance(*b)))
        .unwrap_or(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rmb() -> Translation {
        Translation {
            from: "RMB".into(),
            to: "US$".into(),
            rate: 6.0537,
        }
    }

    fn expected(text: &str) -> Vec<Option<String>> {
        pairs(text, &rmb())
            .iter()
            .map(|p| mismatch(p, 6.0537))
            .collect()
    }

    #[test]
    fn right_translations_pass() {
        for text in [
            "RMB47.4 million (US$7.8 million)",
            "RMB1 billion (US$165.2 million)",
            "RMB1,000.0 million (equivalent to US$165.2 million)",
            "RMB58.9 (US$9.7 million)",
            "RMB 43.7 million (US$7.2 million)",
            "RMB\u{a0}43.7\u{a0}million (US$\u{a0}7.2 million)",
            "RMB2,264 million (US$374.0 million)",
            "RMB19,641,000 (US$3,244,462)",
        ] {
            assert_eq!(expected(text), vec![None], "{text}");
        }
    }

    #[test]
    fn wrong_translations_show_the_expected_figure() {
        assert_eq!(
            expected("RMB47.4 million (US$7.9 million)"),
            vec![Some("US$7.8 million".to_owned())]
        );
        assert_eq!(
            expected("RMB1 billion (US$165.4 million)"),
            vec![Some("US$165.2 million".to_owned())]
        );
        assert_eq!(
            expected("RMB19,641,000 (US$3,245,000)"),
            vec![Some("US$3,244,462".to_owned())]
        );
    }

    #[test]
    fn lists_are_paired_in_order() {
        let text = "RMB145.8 million and RMB89.0 million (US$24.1 million and US$14.7 million)";
        let found = pairs(text, &rmb());
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].source_text, "RMB89.0 million");
        assert_eq!(found[1].target_text, "US$14.7 million");
        assert_eq!(expected(text), vec![None, None]);
        let unrelated =
            "RMB145.8 million in 2012 to RMB89.0 million (US$24.1 million and US$14.7 million)";
        assert!(pairs(unrelated, &rmb()).is_empty());
    }

    #[test]
    fn figures_without_a_translation_are_not_pairs() {
        assert!(pairs("RMB145.8 million and RMB89.0 million", &rmb()).is_empty());
        assert!(pairs("XRMB1 (US$1)", &rmb()).is_empty());
    }

    #[test]
    fn the_finding_points_at_the_translation() {
        let text = "of RMB47.4 million (US$7.9 million) in";
        let pair = &pairs(text, &rmb())[0];
        assert_eq!(pair.target_at, text.find("US$").unwrap());
        assert_eq!(pair.target_text, "US$7.9 million");
        assert_eq!(pair.source_text, "RMB47.4 million");
    }
}
