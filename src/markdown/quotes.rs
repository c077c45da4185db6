//! Curly quotes facing the way their place says.
//!
//! The parser curls straight quotes in pairs; a quote it cannot pair (the
//! source has an unbalanced `"`) comes out as an opening quote wherever it
//! stands, so "Overview" currently" would read "Overview“ currently". This
//! pass turns every curly quote to face the way a reader takes it: a quote
//! after a word and before a space or closing punctuation closes, one after
//! a space or an opening bracket and before a word opens. It reads across
//! styled pieces, so a quote beside an insertion mark is read in context.

use super::{Inline, InlineContent};

/// Turns the curly quotes of one paragraph's pieces to face the right way.
pub fn face_quotes(inlines: &mut [Inline]) {
    let context = flatten(inlines);
    let mut k: usize = 0;
    for inline in inlines.iter_mut() {
        match &mut inline.content {
            InlineContent::Text(text) => {
                let mut out = String::with_capacity(text.len());
                for c in text.chars() {
                    let before = k.checked_sub(1).and_then(|b| context.get(b)).copied();
                    let after = context.get(k + 1).copied();
                    out.push(facing(c, before, after));
                    k += 1;
                }
                *text = out;
            }
            _ => k += 1,
        }
    }
}

/// The paragraph as characters: breaks read as spaces, a footnote reference
/// as a letter (it follows the word it annotates).
fn flatten(inlines: &[Inline]) -> Vec<char> {
    let mut chars = Vec::new();
    for inline in inlines {
        match &inline.content {
            InlineContent::Text(text) => chars.extend(text.chars()),
            InlineContent::SoftBreak | InlineContent::HardBreak => chars.push(' '),
            InlineContent::FootnoteRef(_) => chars.push('a'),
        }
    }
    chars
}

/// The quote `c` should be, with `before` and `after` it (`None` at either
/// end of the paragraph); any other character is returned as it is.
fn facing(c: char, before: Option<char>, after: Option<char>) -> char {
    let opens_after =
        |b: Option<char>| b.is_none_or(|b| b.is_whitespace() || "([{\u{2014}\u{2013}/".contains(b));
    let ends_before =
        |a: Option<char>| a.is_none_or(|a| a.is_whitespace() || ".,;:!?)]}".contains(a));
    let word =
        |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric() || ".,;:!?)]%\u{2019}".contains(x));
    match c {
        '\u{201c}' if word(before) && ends_before(after) => '\u{201d}',
        '\u{201d}' if opens_after(before) && after.is_some_and(char::is_alphanumeric) => '\u{201c}',
        // An apostrophe or a closing single quote after a word.
        '\u{2018}' if before.is_some_and(char::is_alphanumeric) => '\u{2019}',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    fn text(md: &str) -> String {
        parse(md).0.plain_text()
    }

    #[test]
    fn an_unpaired_closing_quote_closes() {
        assert_eq!(
            text("under Item 5.—Overview\" currently on page"),
            "under Item 5.—Overview\u{201d} currently on page"
        );
        assert_eq!(text("3\" wide."), "3\u{201d} wide.");
        assert_eq!(text("the end\""), "the end\u{201d}");
    }

    #[test]
    fn an_unpaired_opening_quote_opens() {
        assert_eq!(
            text("under \"Item 5.—Overview currently"),
            "under \u{201c}Item 5.—Overview currently"
        );
        assert_eq!(text("said: \"We"), "said: \u{201c}We");
    }

    #[test]
    fn paired_quotes_and_apostrophes_are_kept() {
        assert_eq!(
            text("(\"Company\") and the \"2013 20-F\", the Staff's"),
            "(\u{201c}Company\u{201d}) and the \u{201c}2013 20-F\u{201d}, the Staff\u{2019}s"
        );
    }

    #[test]
    fn quotes_are_read_across_styled_pieces() {
        assert_eq!(
            text("the <ins>Overview</ins>\" currently"),
            "the Overview\u{201d} currently"
        );
        let (doc, _) = parse("a **term\"** b");
        assert_eq!(doc.plain_text(), "a term\u{201d} b");
    }

    #[test]
    fn no_opening_quote_stands_before_a_space() {
        for md in ["x\" y", "x\"\ny", "(x\") y", "x.\" y", "x\"", "1,000\" and"] {
            let out = text(md);
            assert!(!out.contains("\u{201c} "), "{md:?} -> {out:?}");
            assert!(!out.ends_with('\u{201c}'), "{md:?} -> {out:?}");
        }
    }
}
