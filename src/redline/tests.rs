//! Whole-document tests of the redline engine: block alignment, footnotes,
//! counts, and a realistic revised disclosure.

use super::*;
use crate::markdown::{Block, Inline, Style, parse, to_markdown};

pub(super) fn doc(text: &str) -> Doc {
    let (doc, issues) = parse(text);
    assert!(issues.is_empty(), "{issues:?}");
    doc
}

fn md(original: &str, revised: &str) -> String {
    to_markdown(&redline(&doc(original), &doc(revised)).doc)
}

pub(super) fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when every piece of the inline lists of `block` has the mark.
fn wholly(block: &Block, test: fn(&Style) -> bool) -> bool {
    let mut all = true;
    block.visit_inlines(&mut |inlines| all &= inlines.iter().all(|i| test(&i.style)));
    all
}

#[test]
fn an_inserted_paragraph_appears_in_place() {
    let r = redline(
        &doc("First paragraph stays.\n\nLast paragraph stays.\n"),
        &doc("First paragraph stays.\n\nA wholly new paragraph.\n\nLast paragraph stays.\n"),
    );
    assert_eq!(r.doc.blocks.len(), 3);
    assert!(wholly(&r.doc.blocks[0], |s| !s.inserted && !s.deleted));
    assert!(wholly(&r.doc.blocks[1], |s| s.inserted));
    assert!(wholly(&r.doc.blocks[2], |s| !s.inserted && !s.deleted));
    assert_eq!((r.words_inserted, r.words_deleted), (4, 0));
}

#[test]
fn a_deleted_list_item_is_struck_in_place() {
    let r = redline(
        &doc("- cash and equivalents\n- restricted cash\n- short-term investments\n"),
        &doc("- cash and equivalents\n- short-term investments\n"),
    );
    let [Block::List { items, .. }] = r.doc.blocks.as_slice() else {
        panic!("{:?}", r.doc.blocks);
    };
    assert_eq!(items.len(), 3);
    assert!(items[1].iter().all(|b| wholly(b, |s| s.deleted)));
    assert!(items[2].iter().all(|b| wholly(b, |s| !s.deleted)));
    assert_eq!((r.words_inserted, r.words_deleted), (0, 2));
}

#[test]
fn a_revised_list_item_is_compared_word_by_word() {
    assert_eq!(
        md(
            "1. revenue from hosting services\n2. other revenue\n",
            "1. revenue from managed hosting services\n2. other revenue\n"
        ),
        "1. revenue from <ins>managed</ins> hosting services\n2. other revenue\n"
    );
}

#[test]
fn a_changed_table_cell_is_marked_alone() {
    let table = |cash: &str| {
        format!(
            "| Item | 2013 |\n|---|--:|\n| Revenue | 1,336.5 |\n| Cash | {cash} |\n| Total | 2,000.0 |\n"
        )
    };
    assert_eq!(
        md(&table("663.5"), &table("(663.5)")),
        "| Item | 2013 |\n|---|--:|\n| Revenue | 1,336.5 |\n| Cash | ~~663.5~~ <ins>(663.5)</ins> |\n| Total | 2,000.0 |\n"
    );
}

#[test]
fn a_table_with_other_columns_is_replaced_whole() {
    let r = redline(
        &doc("| A | B |\n|---|---|\n| 1 | 2 |\n"),
        &doc("| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |\n"),
    );
    assert_eq!(r.doc.blocks.len(), 2);
    assert!(wholly(&r.doc.blocks[0], |s| s.deleted));
    assert!(wholly(&r.doc.blocks[1], |s| s.inserted));
    assert_eq!(reject(&r.doc), doc("| A | B |\n|---|---|\n| 1 | 2 |\n"));
}

#[test]
fn accepting_a_deleted_table_row_removes_it() {
    let old = doc("| A | B |\n|---|---|\n| x | 1 |\n| y | 2 |\n");
    let new = doc("| A | B |\n|---|---|\n| y | 2 |\n");
    let r = redline(&old, &new);
    assert_eq!(accept(&r.doc), new);
    assert_eq!(reject(&r.doc), old);
}

#[test]
fn hiding_deletions_keeps_the_insertions_marked() {
    let old =
        doc("Revenue was RMB1,336.5 million.\n\n| A | B |\n|---|---|\n| x | 1 |\n| y | 2 |\n");
    let new = doc("Revenue was RMB1,450.9 million.\n\n| A | B |\n|---|---|\n| y | 3 |\n");
    let shown = hide_deletions(&redline(&old, &new).doc);
    assert!(!shown.any_style(|s| s.deleted));
    assert_eq!(
        to_markdown(&shown),
        "Revenue was <ins>RMB1,450.9</ins> million.\n\n| A | B |\n|---|---|\n| y | <ins>3</ins> |\n"
    );
    assert_eq!(accept(&shown), new);
}

#[test]
fn quotations_are_compared_inside() {
    assert_eq!(
        md(
            "> The Company will revise.\n",
            "> The Company will further revise.\n"
        ),
        "> The Company will <ins>further</ins> revise.\n"
    );
}

#[test]
fn wholly_new_disclosure_is_all_inserted() {
    let r = redline(&Doc::default(), &doc("New text.\n\n- and a list\n"));
    assert!(r.doc.blocks.iter().all(|b| wholly(b, |s| s.inserted)));
    assert_eq!((r.words_inserted, r.words_deleted), (5, 0));
    assert!(!r.is_unchanged());
    assert!(redline(&doc("Same."), &doc("Same.")).is_unchanged());
}

#[test]
fn footnotes_follow_their_references() {
    let r = redline(
        &doc("Revenue grew.[^a] Costs fell.[^b]\n\n[^a]: Old note.\n\n[^b]: Cost note.\n"),
        &doc("Revenue grew.[^a] Costs fell.[^c]\n\n[^a]: Revised note.\n\n[^c]: New note.\n"),
    );
    let labels: Vec<&str> = r.doc.footnotes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, vec!["a", "b", "c"]);
    assert!(
        r.doc.footnotes[1]
            .blocks
            .iter()
            .all(|b| wholly(b, |s| s.deleted))
    );
    assert!(
        r.doc.footnotes[2]
            .blocks
            .iter()
            .all(|b| wholly(b, |s| s.inserted))
    );
    let md = to_markdown(&r.doc);
    assert!(
        md.contains("[^a]: ~~Old~~ <ins>Revised</ins> note."),
        "{md}"
    );
    assert!(md.contains("Costs fell.~~[^b]~~<ins>[^c]</ins>"), "{md}");
}

#[test]
fn a_footnote_kept_by_the_revision_is_not_repeated() {
    let r = redline(
        &doc("A.[^a] B.[^a]\n\n[^a]: Note.\n"),
        &doc("A.[^a]\n\n[^a]: Note.\n"),
    );
    assert_eq!(r.doc.footnotes.len(), 1);
    assert!(
        !r.doc.footnotes[0]
            .blocks
            .iter()
            .any(|b| !wholly(b, |s| !s.deleted))
    );
}

#[test]
fn counts_are_words_of_changed_pieces() {
    let r = redline(
        &doc("Revenue was RMB1,336.5 million, up 18.5%."),
        &doc("Revenue was RMB1,450.9 million, up 19.0% from 2012."),
    );
    assert_eq!((r.words_inserted, r.words_deleted), (4, 2));
}

#[test]
fn a_long_reversed_passage_stays_correct() {
    let words: Vec<String> = (0..100_000).map(|k| format!("w{}", k % 997)).collect();
    let forward = Doc {
        blocks: vec![Block::Paragraph(vec![Inline::text(
            words.join(" "),
            Style::default(),
        )])],
        footnotes: vec![],
    };
    let reversed: Vec<&str> = words.iter().rev().map(String::as_str).collect();
    let backward = Doc {
        blocks: vec![Block::Paragraph(vec![Inline::text(
            reversed.join(" "),
            Style::default(),
        )])],
        footnotes: vec![],
    };
    let r = redline(&forward, &backward);
    // Compared with assert! so that a failure does not print 100,000 words.
    assert!(squash(&accept(&r.doc).plain_text()) == squash(&backward.plain_text()));
    assert!(squash(&reject(&r.doc).plain_text()) == squash(&forward.plain_text()));
    assert!(r.words_inserted > 0 && r.words_deleted > 0);
}

#[test]
fn a_revised_disclosure_reads_as_a_lawyer_would_mark_it() {
    let original = "As of December 31, 2013, we had cash and cash equivalents of RMB1,336.5 million, \
        which were held primarily in Renminbi. We believe that our current cash will be sufficient \
        to meet our needs for the next 12 months.";
    let revised = "As of December 31, 2013, we had cash and cash equivalents of RMB1,450.9 million \
        (US$239.7 million), of which RMB1,100.2 million was held by our VIEs in the PRC. We believe \
        that our current cash and cash flows from operations will be sufficient to meet our \
        anticipated cash needs for at least the next 12 months.";
    assert_eq!(
        md(original, revised),
        "As of December 31, 2013, we had cash and cash equivalents of \
        ~~RMB1,336.5~~ <ins>RMB1,450.9</ins> million <ins>(US$239.7 million)</ins>, \
        ~~which were held primarily in Renminbi~~ \
        <ins>of which RMB1,100.2 million was held by our VIEs in the PRC</ins>. \
        We believe that our current cash <ins>and cash flows from operations</ins> will be sufficient \
        to meet our <ins>anticipated cash</ins> needs for <ins>at least</ins> the next 12 months.\n"
    );
    let r = redline(&doc(original), &doc(revised));
    assert_eq!((r.words_inserted, r.words_deleted), (24, 7));
}

#[test]
fn code_blocks_and_rules_are_equal_or_replaced() {
    let r = redline(
        &doc("Intro.\n\n---\n\n```\nold code\n```\n"),
        &doc("Intro.\n\n---\n\n```\nnew code\n```\n"),
    );
    assert_eq!(r.doc.blocks[..2], doc("Intro.\n\n---\n").blocks[..]);
    let [Block::Paragraph(gone), Block::Paragraph(added)] = &r.doc.blocks[2..] else {
        panic!("{:?}", r.doc.blocks);
    };
    assert!(gone.iter().all(|i| i.style.deleted && i.style.code));
    assert!(added.iter().all(|i| i.style.inserted && i.style.code));
    assert_eq!(
        (gone[0].plain(), added[0].plain()),
        ("old code", "new code")
    );
}

#[test]
fn a_heading_is_compared_word_by_word_and_takes_the_new_level() {
    assert_eq!(
        md(
            "## Liquidity and Capital Resources\n",
            "### Liquidity and Capital Resources, page 76\n"
        ),
        "### Liquidity and Capital Resources<ins>, page 76</ins>\n"
    );
}

#[test]
fn quantified_assumptions_leave_the_unchanged_terms_plain() {
    assert_eq!(
        md(
            "revenue growth, operating margins and discount rates that reflect current market conditions.",
            "revenue growth of 4% to 6%, operating margins of 18% to 21% and a discount rate of 9.5%, \
            each of which reflects current market conditions."
        ),
        "revenue growth <ins>of 4% to 6%</ins>, operating margins <ins>of 18% to 21%</ins> and \
        ~~discount rates that reflect~~ <ins>a discount rate of 9.5%, each of which reflects</ins> \
        current market conditions.\n"
    );
}

#[test]
fn an_unchanged_clause_between_two_rewrites_stays_plain() {
    assert_eq!(
        md(
            "while pricing was unchanged, and management expects these conditions to continue through",
            "while average selling prices increased 2%, and management expects freight costs to remain \
            elevated through"
        ),
        "while ~~pricing was unchanged~~ <ins>average selling prices increased 2%</ins>, and management \
        expects ~~these conditions to continue~~ <ins>freight costs to remain elevated</ins> through\n"
    );
}

#[test]
fn a_changed_figure_is_struck_and_inserted_with_its_sign() {
    for (old, new) in [
        ("$(1,234)", "$(1,310)"),
        ("\u{20ac}3.5", "\u{20ac}3.75"),
        ("\u{a3}12.0", "\u{a3}12.4"),
        ("\u{a5}1,050", "\u{a5}1,100"),
        ("HK$2.1", "HK$2.6"),
        ("US$(7.8)", "US$(8.1)"),
        ("(\u{20ac}3.5)", "(\u{20ac}3.9)"),
        ("(1,234)", "1,234"),
        ("4.5%", "4.75%"),
        ("$ 1,234", "$ 1,310"),
        ("RMB 43.7", "RMB 45.0"),
        ("25 basis points", "50 basis points"),
        ("4% to 6%", "4% to 7%"),
    ] {
        assert_eq!(
            md(
                &format!("The amount was {old} in 2024."),
                &format!("The amount was {new} in 2024.")
            ),
            format!("The amount was ~~{old}~~ <ins>{new}</ins> in 2024.\n"),
            "{old} → {new}"
        );
    }
}

#[test]
fn a_heavily_cut_paragraph_is_shown_as_edits() {
    let original = "The 2012 and 2013 annualized cabinet utilization rates are different from the \
        average monthly cabinet utilization rates previously disclosed, which were 66.3% and 70.3% in \
        2012 and 2013, respectively, because inconsistent approaches were used to arrive at them.";
    let revised = "The 2012 and 2013 rates were previously disclosed.";
    let r = redline(&doc(original), &doc(revised));
    assert_eq!(r.doc.blocks.len(), 1, "{:?}", r.doc.blocks);
    let written = to_markdown(&r.doc);
    assert!(
        written.starts_with("The 2012 and 2013 ~~annualized"),
        "{written}"
    );
    assert_eq!(accept(&r.doc), doc(revised));
}

#[test]
fn a_footnote_definition_moved_by_the_revision_is_shown_once_where_it_now_stands() {
    let r = redline(
        &doc("A.[^a] B.[^b]\n\n[^a]: First note.\n\n[^b]: Second note.\n"),
        &doc("A.[^a] B.[^b]\n\n[^b]: Second note, revised.\n\n[^a]: First note.\n"),
    );
    let labels: Vec<&str> = r.doc.footnotes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, vec!["b", "a"]);
    assert_eq!(
        to_markdown(&r.doc),
        "A.[^a] B.[^b]\n\n[^b]: Second note<ins>, revised</ins>.\n\n[^a]: First note.\n"
    );
}
