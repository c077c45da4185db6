//! Splits legal and financial prose into the tokens a redline compares.
//!
//! A figure with its sign (`RMB1,336.5`, `US$7.8`, `$(1,234)`, `€3.5`,
//! `18.5%`, `(1,234)`), a form name (`10-K`), an initialism (`U.S.`, `e.g.`),
//! a hyphenated or possessive word (`non-PRC`, `Company's`) and an
//! abbreviation with its dot (`Inc.`) are single tokens, so a changed figure
//! is replaced whole (figures written with spaces, `RMB 43.7` or `4% to 6%`,
//! are kept whole by `figures.rs`). Every other punctuation mark is a token
//! of its own, and a run of whitespace is one token.

use crate::markdown::{Inline, InlineContent, Style};

use super::scan::scan;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word, possibly hyphenated, possessive or abbreviated.
    Word,
    /// Anything with a digit in it: figures, years, form names, section numbers.
    Number,
    /// A single punctuation mark or symbol.
    Punct,
    /// A run of whitespace (equal to every other run).
    Space,
    /// A forced line break.
    Break,
    /// A footnote reference; the text is the label.
    Note,
}

/// One token of a passage, with the inline style of the piece it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// The token's text exactly as written.
    pub text: String,
    /// The style of the inline piece the token came from.
    pub style: Style,
}

impl Token {
    /// True for the tokens that count as words (words and figures).
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

/// Splits plain text into tokens (all in the default style).
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_styled(text, Style::default())
}

/// Splits text into tokens carrying `style`.
pub(crate) fn tokenize_styled(text: &str, style: Style) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let (end, kind) = scan(&chars, start);
        tokens.push(Token {
            kind,
            text: chars[start..end].iter().collect(),
            style,
        });
        start = end;
    }
    tokens
}

/// Tokenizes a list of inline pieces: text by [`tokenize_styled`], a soft
/// break as a space, a hard break and a footnote reference as tokens of their own.
pub(crate) fn tokenize_inlines(inlines: &[Inline]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut text = String::new();
    let mut text_style = Style::default();
    for inline in inlines {
        if let InlineContent::Text(t) = &inline.content
            && (text.is_empty() || text_style == inline.style)
        {
            text.push_str(t);
            text_style = inline.style;
            continue;
        }
        tokens.extend(tokenize_styled(&std::mem::take(&mut text), text_style));
        let (kind, body) = match &inline.content {
            InlineContent::Text(t) => {
                text.push_str(t);
                text_style = inline.style;
                continue;
            }
            InlineContent::SoftBreak => (TokenKind::Space, " ".to_owned()),
            InlineContent::HardBreak => (TokenKind::Break, "\n".to_owned()),
            InlineContent::FootnoteRef(label) => (TokenKind::Note, label.clone()),
        };
        tokens.push(Token {
            kind,
            text: body,
            style: inline.style,
        });
    }
    tokens.extend(tokenize_styled(&text, text_style));
    join_spaces(tokens)
}

/// Joins neighbouring whitespace tokens (a space next to a soft break) into one.
fn join_spaces(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if let Some(last) = out.last_mut()
            && last.kind == TokenKind::Space
            && token.kind == TokenKind::Space
        {
            last.text.push_str(&token.text);
            continue;
        }
        out.push(token);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    fn single(text: &str) {
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 1, "{text:?} gave {tokens:?}");
        assert_eq!(tokens[0].text, text);
    }

    #[test]
    fn figures_and_terms_are_single_tokens() {
        for text in [
            "RMB1,336.5",
            "US$7.8",
            "US$296",
            "HK$1",
            "RMB1",
            "$5.2",
            "18.5%",
            "(1,234)",
            "(RMB5.2)",
            "2013",
            "10-K",
            "20-F",
            "U.S.",
            "e.g.",
            "i.e.",
            "non-PRC",
            "Company's",
            "Company\u{2019}s",
            "480-10-55-54",
            "Inc.",
            "Ltd.",
            "Nos.",
            "vs.",
        ] {
            single(text);
        }
    }

    #[test]
    fn kinds_follow_the_digits() {
        let kinds: Vec<TokenKind> = tokenize("RMB1,336.5 million, 20-F (i)")
            .iter()
            .map(|t| t.kind)
            .collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            vec![
                Number, Space, Word, Punct, Space, Number, Space, Punct, Word, Punct
            ]
        );
    }

    #[test]
    fn other_punctuation_stands_alone() {
        assert_eq!(texts("in 2013."), vec!["in", " ", "2013", "."]);
        assert_eq!(texts("(i)"), vec!["(", "i", ")"]);
        assert_eq!(texts("1,234, and"), vec!["1,234", ",", " ", "and"]);
        assert_eq!(
            texts("the Staff\u{2019}s"),
            vec!["the", " ", "Staff\u{2019}s"]
        );
        assert_eq!(
            texts("Companies\u{2019} "),
            vec!["Companies", "\u{2019}", " "]
        );
        assert_eq!(texts("rate\u{2014}net"), vec!["rate", "\u{2014}", "net"]);
        assert_eq!(texts("end. Next"), vec!["end", ".", " ", "Next"]);
        assert_eq!(texts("$ 5"), vec!["$", " ", "5"]);
        assert_eq!(texts("(2)a"), vec!["(2)", "a"]);
        assert_eq!(texts("(10-K)"), vec!["(", "10-K", ")"]);
    }

    #[test]
    fn whitespace_runs_are_one_token() {
        let tokens = tokenize("a \n  b");
        assert_eq!(tokens.len(), 3);
        assert_eq!(tokens[1].kind, TokenKind::Space);
        assert_eq!(tokens[1].text, " \n  ");
    }

    #[test]
    fn inline_pieces_keep_their_style() {
        let bold = Style {
            bold: true,
            ..Style::default()
        };
        let tokens = tokenize_inlines(&[
            Inline::text("The ", Style::default()),
            Inline::text("Company", bold),
            Inline {
                content: InlineContent::FootnoteRef("1".into()),
                style: Style::default(),
            },
            Inline {
                content: InlineContent::SoftBreak,
                style: Style::default(),
            },
            Inline::text("said", Style::default()),
        ]);
        let summary: Vec<(TokenKind, &str, bool)> = tokens
            .iter()
            .map(|t| (t.kind, t.text.as_str(), t.style.bold))
            .collect();
        assert_eq!(
            summary,
            vec![
                (TokenKind::Word, "The", false),
                (TokenKind::Space, " ", false),
                (TokenKind::Word, "Company", true),
                (TokenKind::Note, "1", false),
                (TokenKind::Space, " ", false),
                (TokenKind::Word, "said", false),
            ]
        );
    }
}
