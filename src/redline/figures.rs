//! Figures kept whole across the spaces inside them.
//!
//! The tokenizer already keeps `US$7.8`, `$(1,234)`, `€3.5` and `18.5%` as
//! single tokens. A figure written with spaces is several tokens: a currency
//! sign or code and its amount (`$ 1,234`, `RMB 43.7`), an amount and its
//! unit (`25 basis points`, `5 percent`), and a range (`4% to 6%`, `25 to 50
//! basis points`). Each is a span that a change never cuts through: when
//! part of one changes, the whole span is struck and inserted, so a reader
//! sees the old figure and the new one, each with its sign and unit.

use std::ops::Range;

use super::cleanup::{Side, tidy};
use super::diff::Run;
use super::scan::is_currency_sign;
use super::tokenize::{Token, TokenKind};

/// Currency codes written before an amount with a space: `RMB 43.7`.
const CURRENCY_CODES: &[&str] = &[
    "RMB", "USD", "HKD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD",
];

/// The spans (two tokens or more) of `tokens` that are one figure.
pub(crate) fn figure_spans(tokens: &[Token]) -> Vec<Range<usize>> {
    let amounts = amounts(tokens);
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut k = 0;
    while k < amounts.len() {
        let first = &amounts[k];
        let range_end = amounts
            .get(k + 1)
            .filter(|second| is_range(tokens, first, second));
        let span = match range_end {
            Some(second) => {
                k += 1;
                first.span.start..second.span.end
            }
            None => first.span.clone(),
        };
        if span.len() > 1 {
            spans.push(span);
        }
        k += 1;
    }
    spans
}

/// True when two amounts with a range word between them are one range:
/// both carry the same unit (`4% to 6%`, `$1.0 to $1.5`), or the second
/// carries the unit for both (`25 to 50 basis points`, never a year: `2013
/// to 6%`). A change told from one figure to another (`declined by 15 basis
/// points to 2.8%`, `rose from 4% to 6%`) is two figures, not a range.
fn is_range(tokens: &[Token], first: &Amount, second: &Amount) -> bool {
    if first.span.end > second.span.start
        || !is_range_word(&tokens[first.span.end..second.span.start])
        || tells_a_change(tokens, first.span.start)
    {
        return false;
    }
    match (&first.unit, &second.unit) {
        (Some(a), Some(b)) => a == b,
        (None, Some(Unit::Percent | Unit::Words(_))) => !is_year(&tokens[first.span.start].text),
        _ => false,
    }
}

/// True when the word before `start` tells of a change (`by`, `from`,
/// `increased`, `rose`): what follows is a movement, not a range.
fn tells_a_change(tokens: &[Token], start: usize) -> bool {
    let before = tokens[..start].iter().rev().find(|t| !is_space(t));
    before.is_some_and(|t| {
        let word = t.text.to_lowercase();
        matches!(word.as_str(), "by" | "from" | "rose" | "fell" | "grew") || word.ends_with("ed")
    })
}

/// A four-digit year from 1900 to 2099.
fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.chars().all(|c| c.is_ascii_digit())
        && (text.starts_with("19") || text.starts_with("20"))
}

/// A figure's unit.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Unit {
    /// A currency sign or code before the amount (`$`, `US$`, `RMB`).
    Currency(String),
    /// A percent sign.
    Percent,
    /// Unit words after the amount (`basis points`, `percent`).
    Words(String),
}

/// An amount: a figure token with the currency before it and the unit
/// words after it.
struct Amount {
    span: Range<usize>,
    unit: Option<Unit>,
}

/// Every figure token of `tokens` as an amount, in order.
fn amounts(tokens: &[Token]) -> Vec<Amount> {
    let mut out = Vec::new();
    for (k, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Number {
            continue;
        }
        let start = currency_before(tokens, k).unwrap_or(k);
        let end = unit_after(tokens, k).unwrap_or(k + 1);
        let text = &token.text;
        let prefix: String = tokens[start..k]
            .iter()
            .map(|t| t.text.as_str())
            .chain([text.as_str()])
            .flat_map(str::chars)
            .take_while(|c| !c.is_ascii_digit())
            .filter(|c| !c.is_whitespace() && *c != '(')
            .collect();
        let unit = if end > k + 1 {
            let words: Vec<String> = tokens[k + 1..end]
                .iter()
                .filter(|t| !is_space(t))
                .map(|t| t.text.to_lowercase().trim_end_matches('s').to_owned())
                .collect();
            Some(Unit::Words(words.join(" ")))
        } else if text.ends_with('%') || text.ends_with("%)") {
            Some(Unit::Percent)
        } else if !prefix.is_empty() {
            Some(Unit::Currency(prefix))
        } else {
            None
        };
        out.push(Amount {
            span: start..end,
            unit,
        });
    }
    out
}

/// Where a currency sign or code written before the figure at `k` (with
/// one space between) starts.
fn currency_before(tokens: &[Token], k: usize) -> Option<usize> {
    let space = k.checked_sub(1).filter(|&s| is_space(&tokens[s]))?;
    let sign = space.checked_sub(1)?;
    let t = &tokens[sign];
    match t.kind {
        TokenKind::Punct if t.text.chars().all(is_currency_sign) => {
            // `US$ 7.8`: the letters before the sign belong to it.
            let letters = sign.checked_sub(1).filter(|&l| {
                let code = &tokens[l].text;
                tokens[l].kind == TokenKind::Word
                    && code.len() <= 3
                    && code.chars().all(|c| c.is_ascii_uppercase())
            });
            Some(letters.unwrap_or(sign))
        }
        TokenKind::Word if CURRENCY_CODES.contains(&t.text.as_str()) => Some(sign),
        _ => None,
    }
}

/// Where the unit words after the figure at `k` end: `percent`,
/// `per cent`, `bps`, `basis point(s)`, `percentage point(s)`.
fn unit_after(tokens: &[Token], k: usize) -> Option<usize> {
    let words = |n: usize| -> Option<Vec<&str>> {
        (0..n)
            .map(|w| {
                let space = tokens.get(k + 1 + 2 * w)?;
                let word = tokens.get(k + 2 + 2 * w)?;
                (is_space(space) && word.kind == TokenKind::Word).then_some(word.text.as_str())
            })
            .collect()
    };
    if let Some(two) = words(2) {
        let pair = (two[0].to_lowercase(), two[1].to_lowercase());
        let point = matches!(pair.1.as_str(), "point" | "points");
        if (pair.0 == "basis" || pair.0 == "percentage") && point
            || pair == ("per".into(), "cent".into())
        {
            return Some(k + 5);
        }
    }
    let one = words(1)?;
    matches!(one[0].to_lowercase().as_str(), "percent" | "bps" | "bp").then_some(k + 3)
}

/// True for the words that join the two ends of a range: ` to `, `-`, `–`.
fn is_range_word(between: &[Token]) -> bool {
    let solid: Vec<&Token> = between.iter().filter(|t| !is_space(t)).collect();
    let [joint] = solid.as_slice() else {
        return false;
    };
    let spaces = between.len() - 1;
    match joint.text.as_str() {
        "to" => spaces == 2,
        "-" | "\u{2013}" => spaces == 0 || spaces == 2,
        _ => false,
    }
}

/// A whitespace token (a space, or a line break inside a paragraph).
fn is_space(t: &Token) -> bool {
    t.kind == TokenKind::Space
}

/// Widens every change that cuts through a figure span, on either side, to
/// the whole span; the unchanged tokens it takes in are taken on both sides.
pub(super) fn keep_figures_whole(old: &Side, new: &Side, runs: Vec<Run>) -> Vec<Run> {
    let (old_spans, new_spans) = (&old.figures, &new.figures);
    if old_spans.is_empty() && new_spans.is_empty() {
        return runs;
    }
    let mut marks = Marks::new(old.tokens.len(), new.tokens.len(), &runs);
    let mut widened = false;
    // Widening one side may cut a figure on the other: go on until none is cut.
    while marks.widen(old_spans, Which::Old) | marks.widen(new_spans, Which::New) {
        widened = true;
    }
    if widened { marks.runs(runs) } else { runs }
}

/// Which side of the comparison.
#[derive(Clone, Copy)]
enum Which {
    Old,
    New,
}

/// Which tokens are changed, and the partner of each unchanged token.
struct Marks {
    changed: [Vec<bool>; 2],
    partner: [Vec<Option<usize>>; 2],
}

impl Marks {
    fn new(old_len: usize, new_len: usize, runs: &[Run]) -> Marks {
        let mut marks = Marks {
            changed: [vec![true; old_len], vec![true; new_len]],
            partner: [vec![None; old_len], vec![None; new_len]],
        };
        for run in runs {
            if let Run::Equal { old, new } = run {
                for (i, j) in old.clone().zip(new.clone()) {
                    marks.changed[0][i] = false;
                    marks.changed[1][j] = false;
                    marks.partner[0][i] = Some(j);
                    marks.partner[1][j] = Some(i);
                }
            }
        }
        marks
    }

    /// Marks every token of a partly changed span changed, with its partner;
    /// true when anything was marked.
    fn widen(&mut self, spans: &[Range<usize>], which: Which) -> bool {
        let (this, other) = match which {
            Which::Old => (0, 1),
            Which::New => (1, 0),
        };
        let mut widened = false;
        for span in spans {
            let changed = &self.changed[this][span.clone()];
            if changed.iter().all(|&c| c) || !changed.iter().any(|&c| c) {
                continue;
            }
            for k in span.clone() {
                self.changed[this][k] = true;
                if let Some(p) = self.partner[this][k] {
                    self.changed[other][p] = true;
                }
            }
            widened = true;
        }
        widened
    }

    /// The runs again, with the pairs now marked changed taken out of the
    /// equal runs into changes.
    fn runs(&self, runs: Vec<Run>) -> Vec<Run> {
        let mut out = Vec::with_capacity(runs.len());
        for run in runs {
            let Run::Equal { old, new } = run else {
                out.push(run);
                continue;
            };
            for (i, j) in old.zip(new) {
                let (o, n) = (i..i + 1, j..j + 1);
                out.push(if self.changed[0][i] {
                    Run::Change { old: o, new: n }
                } else {
                    Run::Equal { old: o, new: n }
                });
            }
        }
        tidy(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::tokenize::tokenize;

    fn spans(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        figure_spans(&tokens)
            .into_iter()
            .map(|r| tokens[r].iter().map(|t| t.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn signs_units_and_ranges_make_spans() {
        assert_eq!(spans("of RMB 43.7 million"), vec!["RMB 43.7"]);
        assert_eq!(spans("was $ (1,234) in"), vec!["$ (1,234)"]);
        assert_eq!(spans("was US$ 7.8"), vec!["US$ 7.8"]);
        assert_eq!(spans("by 25 basis points."), vec!["25 basis points"]);
        assert_eq!(spans("of 4% to 6%, and"), vec!["4% to 6%"]);
        assert_eq!(
            spans("of 25 to 50 basis points"),
            vec!["25 to 50 basis points"]
        );
        assert_eq!(
            spans("of 4%\u{2013}6% and 5 percent"),
            vec!["4%\u{2013}6%", "5 percent"]
        );
        assert_eq!(spans("$1.0 to $1.5"), vec!["$1.0 to $1.5"]);
        assert_eq!(spans("of US$ 1 to US$ 2"), vec!["US$ 1 to US$ 2"]);
    }

    #[test]
    fn figures_of_other_units_and_movements_are_no_ranges() {
        assert_eq!(
            spans("declined by 15 basis points to 2.84%"),
            vec!["15 basis points"]
        );
        assert!(spans("$1.0 to RMB1.5").is_empty());
        assert!(spans("rose from 4% to 6%").is_empty());
        assert!(spans("increased 4% to 6%").is_empty());
        assert!(spans("by 4% to 6%").is_empty());
    }

    #[test]
    fn plain_numbers_and_years_make_no_spans() {
        assert!(spans("from 52 days in 2012 to 83 days in 2013").is_empty());
        assert!(spans("rose 4% in 2013 to 6%").is_empty());
        assert!(spans("18.5% and 19.0%").is_empty());
        assert!(spans("the RMB and 5").is_empty());
        assert!(spans("the US 2017 tax reform").is_empty());
    }
}
