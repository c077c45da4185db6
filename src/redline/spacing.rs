//! The space between a deletion and the insertion that replaces it.
//!
//! `~~RMB1,336.5~~<ins>RMB1,450.9</ins>` reads as one run of text; a lawyer
//! writes `~~RMB1,336.5~~ <ins>RMB1,450.9</ins>`. The separating space must not
//! change either text, so it goes where accepting or rejecting every change
//! only doubles a space that is already there.

use std::ops::Range;

use super::scan::is_currency_sign;
use super::tokenize::{Token, TokenKind};

/// True when the tokens are all whitespace (or there are none).
pub(super) fn blank(tokens: &[Token]) -> bool {
    tokens.iter().all(|t| t.kind == TokenKind::Space)
}

/// The tokens a change is written with: its deletion, and the tokens
/// `inserted` of `new_tokens`, with a separating space added to one of them
/// when the deletion ends and the insertion starts with a word or figure.
pub(super) fn separate(
    deleted: &[Token],
    new_tokens: &[Token],
    inserted: Range<usize>,
) -> (Vec<Token>, Vec<Token>) {
    let mut old_side = deleted.to_vec();
    let mut new_side = new_tokens[inserted.clone()].to_vec();
    let (Some(last), Some(first)) = (deleted.last(), new_side.first()) else {
        return (old_side, new_side);
    };
    // A figure may open with its currency sign: `~~$ 1,234~~ <ins>$ 1,310</ins>`.
    let opens_figure =
        |t: &Token| t.kind == TokenKind::Punct && t.text.chars().all(is_currency_sign);
    if !last.is_word() || !(first.is_word() || opens_figure(first)) {
        return (old_side, new_side);
    }
    let spaced = |t: Option<&Token>| t.is_none_or(|t| t.kind == TokenKind::Space);
    let space = |style| Token {
        kind: TokenKind::Space,
        text: " ".to_owned(),
        style,
    };
    if spaced(new_tokens.get(inserted.end)) {
        // Rejecting every change then doubles the space after the passage.
        old_side.push(space(last.style));
    } else if spaced(inserted.start.checked_sub(1).map(|k| &new_tokens[k])) {
        // Accepting every change then doubles the space before it.
        new_side.insert(0, space(first.style));
    }
    // Otherwise, as in `(~~2013~~<ins>2014</ins>)`, any space would change the text.
    (old_side, new_side)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::tokenize::tokenize;

    fn texts(tokens: &[Token]) -> String {
        tokens.iter().map(|t| t.text.as_str()).collect()
    }

    fn sides(deleted: &str, new: &str, inserted: Range<usize>) -> (String, String) {
        let (old_side, new_side) = separate(&tokenize(deleted), &tokenize(new), inserted);
        (texts(&old_side), texts(&new_side))
    }

    #[test]
    fn the_space_goes_where_the_texts_already_have_one() {
        // "in 2013 we" → "in 2014 we": a space follows.
        assert_eq!(
            sides("2013", "in 2014 we", 2..3),
            ("2013 ".into(), "2014".into())
        );
        // "in 2013." → "in 2014.": only a space before.
        assert_eq!(
            sides("2013", "in 2014.", 2..3),
            ("2013".into(), " 2014".into())
        );
        // "(2013)" → "(2014)"-like: no space either side.
        assert_eq!(
            sides("2013", "[2014]", 1..2),
            ("2013".into(), "2014".into())
        );
    }

    #[test]
    fn punctuation_and_pure_edits_need_no_space() {
        assert_eq!(sides("and", "a, b", 1..2), ("and".into(), ",".into()));
        assert_eq!(sides("", "in 2014 we", 2..3), ("".into(), "2014".into()));
        assert!(blank(&tokenize("  ")) && blank(&[]) && !blank(&tokenize(" a")));
    }
}
