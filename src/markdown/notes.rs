//! How a document's footnotes are numbered, for every writer.
//!
//! A note's place in the numbering is the order of its first reference in
//! the body, then of references made inside notes, then the notes nothing
//! cites ([`footnote_order`]). What it prints is its position in that order,
//! unless the document's labels are themselves the numbers
//! ([`printed_numbers`]): the letter and its redline are written with each
//! note labelled by its number in the letter, so a note the redline shares
//! with the letter prints the letter's number in every format.

use super::{Block, Doc, Inline, InlineContent};

/// Labels of the notes `doc` defines, in numbering order: first reference in
/// the body, then references made inside notes, then notes never referenced.
pub fn footnote_order(doc: &Doc) -> Vec<String> {
    let defined = |label: &str| doc.footnotes.iter().any(|n| n.label == label);
    let mut order: Vec<String> = Vec::new();
    let cite = |inlines: &[Inline], order: &mut Vec<String>| {
        for inline in inlines {
            if let InlineContent::FootnoteRef(label) = &inline.content
                && defined(label)
                && !order.contains(label)
            {
                order.push(label.clone());
            }
        }
    };
    let cite_blocks = |blocks: &[Block], order: &mut Vec<String>| {
        for block in blocks {
            block.visit_inlines(&mut |inlines| cite(inlines, order));
        }
    };
    cite_blocks(&doc.blocks, &mut order);
    let mut next = 0;
    while next < order.len() {
        if let Some(note) = doc.footnotes.iter().find(|n| n.label == order[next]) {
            cite_blocks(&note.blocks, &mut order);
        }
        next += 1;
    }
    for note in &doc.footnotes {
        if !order.contains(&note.label) {
            order.push(note.label.clone());
        }
    }
    order
}

/// The number each label of `order` prints: the labels themselves when every
/// one is a distinct number from 1 (a document labelled by its numbers), or
/// else 1, 2, 3 … in order.
pub fn printed_numbers(order: &[String]) -> Vec<usize> {
    let own: Option<Vec<usize>> = order.iter().map(|l| label_number(l)).collect();
    match own {
        Some(numbers) if distinct(&numbers) => numbers,
        _ => (1..=order.len()).collect(),
    }
}

/// A label that is a number from 1, written without leading zeros.
fn label_number(label: &str) -> Option<usize> {
    if label.starts_with('0') || label.len() > 6 || !label.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    label.parse().ok().filter(|&n| n > 0)
}

fn distinct(numbers: &[usize]) -> bool {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted.windows(2).all(|w| w[0] != w[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse_rendered;

    fn order_of(md: &str) -> Vec<String> {
        let (doc, issues) = parse_rendered(md);
        assert!(issues.is_empty(), "{issues:?}");
        footnote_order(&doc)
    }

    #[test]
    fn notes_are_ordered_by_first_reference_then_from_notes_then_uncited() {
        let order = order_of(
            "A[^b] and B[^a] and A again[^b] and a ghost[^zz].\n\n[^a]: Note a, citing[^c].\n\n[^b]: Note b.\n\n[^c]: Note c.\n\n[^d]: Nobody cites d.\n",
        );
        assert_eq!(order, ["b", "a", "c", "d"]);
        assert_eq!(printed_numbers(&order), [1, 2, 3, 4]);
    }

    #[test]
    fn a_document_labelled_by_its_numbers_prints_them() {
        let order = order_of("Revised[^4] and[^2].\n\n[^2]: Two.\n\n[^4]: Four.\n");
        assert_eq!(order, ["4", "2"]);
        assert_eq!(printed_numbers(&order), [4, 2]);
    }

    #[test]
    fn labels_that_are_not_all_numbers_are_numbered_in_order() {
        for labels in [&["3", "x"][..], &["0", "1"], &["01", "2"], &["2", "2"]] {
            let order: Vec<String> = labels.iter().map(|l| l.to_string()).collect();
            assert_eq!(printed_numbers(&order), [1, 2], "{labels:?}");
        }
    }
}
