//! Footnote labels of the letter and its redline.
//!
//! Each Markdown field the templates print is written with its notes labelled
//! afresh ("f3-1": field 3, its first note), so an author's label never
//! reaches an output and two fields never share one. A revised passage is
//! printed twice — in the letter and in the redline — from one comparison, so
//! both copies get the same labels. Once the letter is rendered, its
//! numbering is known ([`NoteNumbering::of`]): the documents are written
//! again with each label replaced by that number, so a note the redline
//! shares with the letter prints the letter's number in every format (see
//! [`crate::markdown::printed_numbers`]).

use std::collections::HashMap;

use crate::markdown::{Doc, InlineContent, footnote_order, to_markdown};

/// The number each footnote label the view writes prints in the letter; a
/// note only the redline has (a footnote the revision deletes) is numbered
/// after the letter's last. Empty: labels are written as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteNumbering(HashMap<String, usize>);

impl NoteNumbering {
    /// The numbering of `letter` (the rendered letter, labels as the view
    /// first writes them), extended to the notes only `redline` has.
    pub fn of(letter: &Doc, redline: &Doc) -> NoteNumbering {
        let mut numbers = HashMap::new();
        for label in footnote_order(letter)
            .into_iter()
            .chain(footnote_order(redline))
        {
            let next = numbers.len() + 1;
            numbers.entry(label).or_insert(next);
        }
        NoteNumbering(numbers)
    }

    /// True when no note is numbered (the documents have no footnotes).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The label written for `label`: its number, if it has one.
    fn label(&self, label: String) -> String {
        match self.0.get(&label) {
            Some(n) => n.to_string(),
            None => label,
        }
    }
}

/// Writes each Markdown field for the templates, its footnotes labelled afresh.
#[derive(Debug)]
pub(super) struct FootnoteLabels<'a> {
    field: usize,
    numbering: &'a NoteNumbering,
}

impl<'a> FootnoteLabels<'a> {
    /// Labels for a document's fields, numbered by `numbering`.
    pub(super) fn new(numbering: &'a NoteNumbering) -> FootnoteLabels<'a> {
        FootnoteLabels {
            field: 0,
            numbering,
        }
    }

    /// `doc` as Markdown, its notes labelled as a field of their own.
    pub(super) fn write(&mut self, doc: &Doc) -> String {
        let labels = self.field_labels(doc);
        self.relabelled(doc, &labels)
    }

    /// Two copies of one passage (the redline's `full` and the letter's
    /// `shown`, which may leave out deleted notes), labelled alike.
    pub(super) fn write_pair(&mut self, full: &Doc, shown: &Doc) -> (String, String) {
        let labels = self.field_labels(full);
        (
            self.relabelled(full, &labels),
            self.relabelled(shown, &labels),
        )
    }

    /// The next field's labels for the notes of `doc`: defined ones in
    /// order, then references to labels nothing defines.
    fn field_labels(&mut self, doc: &Doc) -> Vec<String> {
        self.field += 1;
        let mut order: Vec<String> = doc.footnotes.iter().map(|n| n.label.clone()).collect();
        doc.visit_inlines(&mut |inlines| {
            for inline in inlines {
                if let InlineContent::FootnoteRef(label) = &inline.content
                    && !order.contains(label)
                {
                    order.push(label.clone());
                }
            }
        });
        order
    }

    fn relabelled(&self, doc: &Doc, order: &[String]) -> String {
        let mut doc = doc.clone();
        if !doc.footnotes.is_empty() || doc.any_footnote_ref() {
            let field = self.field;
            doc.rename_footnotes(|label| {
                let n = order.iter().position(|l| l == label).map_or(0, |i| i + 1);
                self.numbering.label(format!("f{field}-{n}"))
            });
        }
        to_markdown(&doc).trim_end().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse_rendered;

    fn doc(md: &str) -> Doc {
        let (doc, issues) = parse_rendered(md);
        assert!(issues.is_empty(), "{issues:?}");
        doc
    }

    #[test]
    fn fields_get_labels_of_their_own() {
        let numbering = NoteNumbering::default();
        let mut labels = FootnoteLabels::new(&numbering);
        let one = labels.write(&doc("A[^x].\n\n[^x]: X.\n"));
        let two = labels.write(&doc("B[^x].\n\n[^x]: Y.\n"));
        assert!(
            one.contains("[^f1-1]") && two.contains("[^f2-1]"),
            "{one}\n{two}"
        );
    }

    #[test]
    fn both_copies_of_a_passage_share_labels() {
        let numbering = NoteNumbering::default();
        let mut labels = FootnoteLabels::new(&numbering);
        let full = doc("A[^gone] and B[^kept].\n\n[^gone]: Deleted.\n\n[^kept]: Kept.\n");
        let shown = doc("B[^kept].\n\n[^kept]: Kept.\n");
        let (full, shown) = labels.write_pair(&full, &shown);
        assert!(full.contains("[^f1-2]: Kept."), "{full}");
        assert!(shown.contains("[^f1-2]: Kept."), "{shown}");
    }

    #[test]
    fn the_letter_numbers_its_notes_and_the_redline_its_own_after_them() {
        let letter = doc("A[^f2-1] B[^f1-1].\n\n[^f1-1]: One.\n\n[^f2-1]: Two.\n");
        let redline = doc("C[^f3-1] B[^f1-1].\n\n[^f1-1]: One.\n\n[^f3-1]: Three.\n");
        let numbering = NoteNumbering::of(&letter, &redline);
        let mut labels = FootnoteLabels::new(&numbering);
        let written = labels.write(&doc("B[^n].\n\n[^n]: One.\n"));
        assert!(written.contains("[^2]: One."), "{written}");
        assert_eq!(numbering.label("f2-1".into()), "1");
        assert_eq!(numbering.label("f3-1".into()), "3");
    }
}
