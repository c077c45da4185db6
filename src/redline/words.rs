//! What a word means to a reader of a redline: a function word (`the`,
//! `of`, `and`) carries grammar, a content word carries meaning, and a name
//! (a defined term such as `Company` or `VIEs`, a proper noun such as
//! `Deutsche Bank`) or a figure carries the facts the staff asked about.

use super::tokenize::{Token, TokenKind};

/// Words that carry grammar rather than meaning, in lower case.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "during", "each", "either", "every", "for", "from", "had", "has", "have", "having", "he",
    "her", "here", "his", "i", "if", "in", "into", "is", "it", "its", "may", "might", "must",
    "neither", "no", "nor", "not", "of", "on", "onto", "or", "other", "our", "over", "per",
    "shall", "she", "should", "so", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "thus", "to", "under", "upon", "us",
    "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who",
    "whom", "whose", "will", "with", "within", "without", "would", "yet", "you", "your",
];

/// Words that scale the figure before them: part of the figure.
const SCALES: &[&str] = &["billion", "million", "thousand", "trillion"];

/// How a token weighs with a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    /// Spaces and punctuation.
    Mark,
    /// A function word.
    Grammar,
    /// A lower-case word that carries meaning (`revenue`, `increased`).
    Content,
    /// A figure or its scale (`million`), a name or defined term, a
    /// footnote reference or a forced line break: a fact a reader must see unchanged where it is unchanged.
    Fact,
}

/// How `token` weighs with a reader.
pub(crate) fn weigh(token: &Token) -> Weight {
    match token.kind {
        TokenKind::Space | TokenKind::Punct => Weight::Mark,
        TokenKind::Number | TokenKind::Note | TokenKind::Break => Weight::Fact,
        TokenKind::Word if is_function_word(&token.text) => Weight::Grammar,
        TokenKind::Word if is_name(&token.text) || SCALES.contains(&token.text.as_str()) => {
            Weight::Fact
        }
        TokenKind::Word => Weight::Content,
    }
}

/// True for a full stop, question mark or exclamation mark: the end of a
/// sentence, which a change should neither swallow nor split.
pub(crate) fn ends_sentence(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text.as_str(), "." | "?" | "!")
}

/// True for a function word in any case (`The`, `of`).
pub(crate) fn is_function_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    FUNCTION_WORDS.binary_search(&lower.as_str()).is_ok()
}

/// A capitalised word that is not a function word: a defined term
/// (`Company`, `PRC`, `VIEs`) or a proper noun (`Deutsche`). A content word
/// opening a sentence counts too: the reader cannot tell it apart.
fn is_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::tokenize::tokenize;

    #[test]
    fn the_function_word_list_is_sorted_for_searching() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_weigh_by_what_they_carry() {
        let weights: Vec<Weight> = tokenize("The Company's revenue of US$7.8 rose.")
            .iter()
            .filter(|t| t.kind != TokenKind::Space)
            .map(weigh)
            .collect();
        use Weight::*;
        assert_eq!(
            weights,
            vec![Grammar, Fact, Content, Grammar, Fact, Content, Mark]
        );
    }
}
