//! The scanning rules of the tokenizer: where a word, a figure or an
//! abbreviation ends.

use super::tokenize::TokenKind;

/// Words that keep their trailing dot.
const ABBREVIATIONS: &[&str] = &[
    "Inc", "Ltd", "Co", "Corp", "No", "Nos", "Mr", "Ms", "Mrs", "Dr", "Esq", "Jr", "Sr", "vs",
];

/// Scans the token starting at `start`; returns where it ends and its kind.
pub(super) fn scan(c: &[char], start: usize) -> (usize, TokenKind) {
    let first = c[start];
    if first.is_whitespace() {
        let end = start + c[start..].iter().take_while(|c| c.is_whitespace()).count();
        return (end, TokenKind::Space);
    }
    if first == '('
        && let Some(end) = bracketed_figure(c, start)
    {
        return (end, TokenKind::Number);
    }
    if is_currency_sign(first)
        && let Some(end) = signed_amount(c, start + 1)
    {
        return (end, TokenKind::Number);
    }
    if first.is_alphanumeric() {
        let end = scan_word(c, start);
        let kind = if c[start..end].iter().any(char::is_ascii_digit) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        return (end, kind);
    }
    (start + 1, TokenKind::Punct)
}

/// A currency sign that may lead a figure: `$5.2`, `€3.5`, `£(1.2)`.
pub(super) fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥')
}

/// Where the amount after a currency sign ends, when one follows at `at`:
/// digits (`$5.2`) or a negative figure in brackets (`$(1,234)`).
fn signed_amount(c: &[char], at: usize) -> Option<usize> {
    match c.get(at)? {
        d if d.is_ascii_digit() => Some(scan_word(c, at)),
        '(' => bracketed_amount(c, at),
        _ => None,
    }
}

/// Where a bracketed amount of digits, `(1,234)` or `(2.5%)`, opening at
/// `open` ends. Never nests, so scanning stays linear on any input.
fn bracketed_amount(c: &[char], open: usize) -> Option<usize> {
    let body = c.get(open + 1..)?;
    let len = body
        .iter()
        .take_while(|ch| ch.is_ascii_digit() || matches!(ch, ',' | '.' | '%'))
        .count();
    let close = open + 1 + len;
    let digits = body.first().is_some_and(char::is_ascii_digit);
    (digits && c.get(close) == Some(&')')).then_some(close + 1)
}

/// Scans a word or figure starting at an alphanumeric character.
fn scan_word(c: &[char], start: usize) -> usize {
    let mut end = start;
    loop {
        end += c[end..].iter().take_while(|c| c.is_alphanumeric()).count();
        let Some(&mark) = c.get(end) else {
            return end;
        };
        // The run above always consumed at least one character.
        let prev = c[end - 1];
        let next = c.get(end + 1).copied();
        let next_is = |test: fn(&char) -> bool| next.as_ref().is_some_and(test);
        let joins = match mark {
            ',' | '.' => prev.is_ascii_digit() && next_is(char::is_ascii_digit),
            '-' => next_is(|n| n.is_alphanumeric()),
            '\'' | '\u{2019}' => prev.is_alphabetic() && next_is(|n| n.is_alphabetic()),
            // `US$7.8`, `HK$1`; `US$(1.2)` ends with its bracketed figure.
            '$' if prev.is_alphabetic() && next == Some('(') => {
                match bracketed_amount(c, end + 1) {
                    Some(close) => return close,
                    None => false,
                }
            }
            '$' => prev.is_alphabetic() && next_is(char::is_ascii_digit),
            '%' if prev.is_ascii_digit() => return end + 1,
            _ => false,
        };
        if joins {
            end += 1;
            continue;
        }
        if mark != '.' {
            return end;
        }
        let Some(after) = abbreviation_end(c, start, end) else {
            return end;
        };
        // `U.S.-based` goes on after the abbreviation.
        if c.get(after) == Some(&'-') && c.get(after + 1).is_some_and(|n| n.is_alphanumeric()) {
            end = after + 1;
            continue;
        }
        return after;
    }
}

/// Where an abbreviation whose first dot is at `dot` ends (after its last
/// dot): a listed abbreviation (`Inc.`) or an initialism (`U.S.`, `e.g.`).
fn abbreviation_end(c: &[char], start: usize, dot: usize) -> Option<usize> {
    let word: String = c[start..dot].iter().collect();
    if ABBREVIATIONS.contains(&word.as_str()) {
        return Some(dot + 1);
    }
    // An initialism may follow a hyphen: `non-U.S.`.
    let letter = dot - 1;
    let starts_segment = letter == start || c[letter - 1] == '-';
    if !starts_segment || !c[letter].is_alphabetic() {
        return None;
    }
    let mut last_dot = dot;
    while c.get(last_dot + 1).is_some_and(|l| l.is_alphabetic())
        && c.get(last_dot + 2) == Some(&'.')
    {
        last_dot += 2;
    }
    (last_dot > dot).then_some(last_dot + 1)
}

/// A negative figure in brackets, `(1,234)`, `(RMB5.2)` or `(€3.5)`: where it ends.
fn bracketed_figure(c: &[char], open: usize) -> Option<usize> {
    let inner = open + 1;
    let starts_figure = c
        .get(inner)
        .is_some_and(|ch| ch.is_alphanumeric() || is_currency_sign(*ch));
    if !starts_figure {
        return None;
    }
    let (end, kind) = scan(c, inner);
    let figure = &c[inner..end];
    let letters = figure.iter().take_while(|ch| ch.is_alphabetic()).count();
    let rest = &figure[letters..];
    let is_figure = kind == TokenKind::Number
        && rest.iter().all(|ch| {
            ch.is_ascii_digit() || matches!(ch, ',' | '.' | '%') || is_currency_sign(*ch)
        });
    (is_figure && c.get(end) == Some(&')')).then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use crate::redline::tokenize;

    fn texts(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn initialisms_keep_their_dots() {
        assert_eq!(texts("U.S. GAAP"), vec!["U.S.", " ", "GAAP"]);
        assert_eq!(texts("e.g., a"), vec!["e.g.", ",", " ", "a"]);
        assert_eq!(texts("a. b"), vec!["a", ".", " ", "b"]);
        assert_eq!(texts("Plan A."), vec!["Plan", " ", "A", "."]);
        assert_eq!(
            texts("non-U.S. and U.S.-based"),
            vec!["non-U.S.", " ", "and", " ", "U.S.-based"]
        );
        assert_eq!(texts("Form 20-F."), vec!["Form", " ", "20-F", "."]);
        assert_eq!(texts("No. 001-35126"), vec!["No.", " ", "001-35126"]);
    }

    #[test]
    fn figures_join_only_inside_digits() {
        assert_eq!(
            texts("RMB1,336.5, US$7.8."),
            vec!["RMB1,336.5", ",", " ", "US$7.8", "."]
        );
        assert_eq!(texts("US$ 7"), vec!["US", "$", " ", "7"]);
        assert_eq!(texts("18.5%-owned"), vec!["18.5%", "-", "owned"]);
        assert_eq!(
            texts("ASC 740-30-50-2(b)"),
            vec!["ASC", " ", "740-30-50-2", "(", "b", ")"]
        );
        assert_eq!(texts("(US$16.5)"), vec!["(US$16.5)"]);
        assert_eq!(texts("(1,234"), vec!["(", "1,234"]);
    }

    #[test]
    fn currency_signs_and_brackets_stay_with_their_figure() {
        for figure in [
            "$(1,234)",
            "\u{20ac}3.5",
            "\u{a3}12",
            "\u{a5}1,050",
            "US$(7.8)",
            "HK$2.1",
            "(\u{20ac}3.5)",
            "\u{20ac}(3.5)",
            "(2.5%)",
        ] {
            assert_eq!(
                texts(&format!("was {figure}.")),
                vec!["was", " ", figure, "."]
            );
        }
        assert_eq!(
            texts("\u{20ac} and $("),
            vec!["\u{20ac}", " ", "and", " ", "$", "("]
        );
        assert_eq!(texts("US$(a)"), vec!["US", "$", "(", "a", ")"]);
    }

    #[test]
    fn nested_signs_and_brackets_do_not_nest_the_scan() {
        let text = "($(US$(".repeat(10_000);
        let tokens = tokenize(&text);
        assert_eq!(
            tokens.iter().map(|t| t.text.len()).sum::<usize>(),
            text.len()
        );
    }
}
