//! Word-level redline of two lists of inline pieces (a paragraph, a heading,
//! a table cell): tokenize, compare, clean up, and rebuild styled pieces.

use crate::markdown::{Inline, InlineContent, Style};

use super::cleanup::{Side, clean_up};
use super::diff::{Run, diff_words, token_ids};
use super::spacing::{blank, separate};
use super::tokenize::{Token, TokenKind, tokenize_inlines};

/// How a rebuilt piece is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Unchanged.
    Same,
    /// Present only in the original.
    Deleted,
    /// Present only in the revision.
    Inserted,
}

impl Mark {
    /// `style` with this mark applied.
    pub(crate) fn apply(self, mut style: Style) -> Style {
        match self {
            Mark::Same => {}
            Mark::Deleted => style.deleted = true,
            Mark::Inserted => style.inserted = true,
        }
        style
    }
}

/// Compares two inline lists word by word; the result carries deleted and
/// inserted pieces, each change's deletion before its insertion.
pub(crate) fn diff_inlines(old: &[Inline], new: &[Inline]) -> Vec<Inline> {
    let old_tokens = tokenize_inlines(old);
    let new_tokens = tokenize_inlines(new);
    let (old_ids, new_ids) = token_ids(&old_tokens, &new_tokens);
    let runs = diff_words(&old_ids, &new_ids);
    let runs = clean_up(
        &Side::new(&old_tokens, &old_ids),
        &Side::new(&new_tokens, &new_ids),
        runs,
    );
    let mut out = Vec::new();
    for run in runs {
        match run {
            // Equal spaces may differ in text: the revision's wording wins.
            Run::Equal { new, .. } => push_tokens(&mut out, &new_tokens[new], Mark::Same),
            // A space added or removed next to punctuation (`a ,` → `a,`) would
            // be markup nobody can see: the revision's spacing is kept unmarked.
            Run::Change { old, new }
                if blank(&old_tokens[old.clone()]) && blank(&new_tokens[new.clone()]) =>
            {
                push_tokens(&mut out, &new_tokens[new], Mark::Same)
            }
            Run::Change { old, new } => {
                let (deleted, inserted) = separate(&old_tokens[old], &new_tokens, new);
                push_tokens(&mut out, &deleted, Mark::Deleted);
                push_tokens(&mut out, &inserted, Mark::Inserted);
            }
        }
    }
    out
}

/// Marks every piece of an inline list.
pub(crate) fn mark_inlines(inlines: &[Inline], mark: Mark) -> Vec<Inline> {
    inlines
        .iter()
        .map(|i| Inline {
            content: i.content.clone(),
            style: mark.apply(i.style),
        })
        .collect()
}

/// Appends tokens as pieces, joining text of the same style into one piece.
fn push_tokens(out: &mut Vec<Inline>, tokens: &[Token], mark: Mark) {
    for token in tokens {
        let style = mark.apply(token.style);
        let content = match token.kind {
            TokenKind::Break => InlineContent::HardBreak,
            TokenKind::Note => InlineContent::FootnoteRef(token.text.clone()),
            _ => {
                if let Some(Inline {
                    content: InlineContent::Text(text),
                    style: last,
                }) = out.last_mut()
                    && *last == style
                {
                    text.push_str(&token.text);
                    continue;
                }
                InlineContent::Text(token.text.clone())
            }
        };
        out.push(Inline { content, style });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{Block, parse, to_markdown};

    /// The redline of two one-paragraph texts, written as Markdown.
    fn redline_md(old: &str, new: &str) -> String {
        let para = |text: &str| match parse(text).0.blocks.into_iter().next() {
            Some(Block::Paragraph(p)) => p,
            other => panic!("not a paragraph: {other:?}"),
        };
        let doc = crate::markdown::Doc {
            blocks: vec![Block::Paragraph(diff_inlines(&para(old), &para(new)))],
            footnotes: vec![],
        };
        to_markdown(&doc).trim_end().to_owned()
    }

    #[test]
    fn a_rewritten_clause_is_one_deletion_and_one_insertion() {
        assert_eq!(
            redline_md(
                "The Company does not believe that the amount is material.",
                "The Company is of the view that the amount is material."
            ),
            "The Company ~~does not believe~~ <ins>is of the view</ins> that the amount is material."
        );
        assert_eq!(
            redline_md(
                "The Company does not believe the guarantee is significant.",
                "The Company of the view believes the guarantee is significant."
            ),
            "The Company ~~does not believe~~ <ins>of the view believes</ins> the guarantee is significant."
        );
    }

    #[test]
    fn a_changed_figure_is_replaced_whole() {
        assert_eq!(
            redline_md(
                "Revenues were RMB1,336.5 million in 2013.",
                "Revenues were RMB1,450.9 million in 2013."
            ),
            "Revenues were ~~RMB1,336.5~~ <ins>RMB1,450.9</ins> million in 2013."
        );
        assert_eq!(
            redline_md(
                "It rose 18.5% in fiscal 2013.",
                "It rose 18.7% in fiscal 2014."
            ),
            "It rose ~~18.5%~~ <ins>18.7%</ins> in fiscal ~~2013~~ <ins>2014</ins>."
        );
        assert_eq!(
            redline_md("(in 2013)", "(in 2014)"),
            "(in ~~2013~~ <ins>2014</ins>)"
        );
        assert_eq!(
            redline_md("[2013]", "[2014]"),
            "\\[~~2013~~<ins>2014</ins>\\]"
        );
    }

    #[test]
    fn a_short_equality_between_rewrites_folds_into_them() {
        assert_eq!(
            redline_md(
                "The charge does not reflect the costs.",
                "The charge excludes most of the costs."
            ),
            "The charge ~~does not reflect~~ <ins>excludes most of</ins> the costs."
        );
        assert_eq!(
            redline_md(
                "We had reported the old figure to them.",
                "We have since disclosed a revised figure to them."
            ),
            "We ~~had reported the old~~ <ins>have since disclosed a revised</ins> figure to them."
        );
    }

    #[test]
    fn each_changed_figure_stands_on_its_own() {
        assert_eq!(
            redline_md("It rose 18.5% in 2013.", "It rose 18.7% in 2014."),
            "It rose ~~18.5%~~ <ins>18.7%</ins> in ~~2013~~ <ins>2014</ins>."
        );
    }

    #[test]
    fn unchanged_text_between_an_addition_and_a_removal_stays_plain() {
        assert_eq!(
            redline_md(
                "Depreciation also increased as we placed centers into service.",
                "Depreciation increased by RMB52.1 million as we placed centers into service."
            ),
            "Depreciation ~~also~~ increased <ins>by RMB52.1 million</ins> as we placed centers into service."
        );
    }

    #[test]
    fn rewrapped_whitespace_is_not_a_change() {
        let old = "The Company\nwill revise  its disclosure.";
        let new = "The Company will revise its\ndisclosure.";
        assert_eq!(
            redline_md(old, new),
            "The Company will revise its disclosure."
        );
    }

    #[test]
    fn a_space_added_or_removed_alone_is_not_marked() {
        assert_eq!(
            redline_md("The Company , Inc.  said", "The Company, Inc. said"),
            "The Company, Inc. said"
        );
    }

    #[test]
    fn a_style_change_is_a_change_but_spaces_are_not() {
        assert_eq!(
            redline_md("the **Company** will", "the Company will"),
            "the ~~**Company**~~ <ins>Company</ins> will"
        );
        let bold = Style {
            bold: true,
            ..Style::default()
        };
        let plain = Style::default();
        let old = [Inline::text("the", bold), Inline::text(" Company", plain)];
        let new = [Inline::text("the ", bold), Inline::text("Company", plain)];
        let compared = diff_inlines(&old, &new);
        assert!(
            compared
                .iter()
                .all(|i| !i.style.inserted && !i.style.deleted)
        );
        assert_eq!(compared, new);
    }

    #[test]
    fn an_added_sentence_keeps_the_sentence_boundary() {
        assert_eq!(
            redline_md(
                "Revenue increased. The cost decreased.",
                "Revenue increased. The margin rose. The cost decreased."
            ),
            "Revenue increased. <ins>The margin rose.</ins> The cost decreased."
        );
    }

    #[test]
    fn an_added_clause_starts_at_its_comma() {
        assert_eq!(
            redline_md(
                "It may limit our ability to undertake additional debt financing.",
                "It may limit our ability to undertake additional debt financing, but not equity financing."
            ),
            "It may limit our ability to undertake additional debt financing<ins>, but not equity financing</ins>."
        );
        assert_eq!(
            redline_md("The Company, which is large, will", "The Company will"),
            "The Company~~, which is large,~~ will"
        );
    }

    #[test]
    fn defined_terms_and_long_phrases_stay_as_anchors() {
        assert_eq!(
            redline_md(
                "Our VIEs in the PRC hold licenses.",
                "The VIEs in the PRC held permits."
            ),
            "~~Our~~ <ins>The</ins> VIEs in the PRC ~~hold licenses~~ <ins>held permits</ins>."
        );
    }

    #[test]
    fn footnote_references_are_tokens() {
        assert_eq!(
            redline_md(
                "The rate is fixed.",
                "The rate[^1] is fixed.\n\n[^1]: Note."
            ),
            "The rate<ins>[^1]</ins> is fixed."
        );
    }
}
