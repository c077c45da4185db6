//! Footnotes as Word footnotes (`word/footnotes.xml`), numbered by Word.
//!
//! Word numbers a footnote where its reference stands, and a footnote has
//! exactly one reference. So the first reference to a note in the body is a
//! real footnote reference; a later reference to the same note, or one made
//! from inside another note (Word has no notes in notes), prints the note's
//! number as a superscript. A note the body never cites (nothing cites it, or
//! only another note does) still prints: its reference is placed at the end
//! of the body, numbered after the others, as the PDF prints it last. A
//! document labelled by other numbers than Word's 1, 2, 3 (a redline prints
//! the letter's) writes each note's number as its custom mark.

use super::paragraph_props::ParagraphProps;
use super::paragraphs::{Body, Frame};
use super::runs::run_props;
use super::styles::StyleId;
use super::xml::{DECLARATION, namespaces};
use crate::markdown::{Block, Doc, Style, footnote_order, printed_numbers};

/// How a footnote reference is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteRef {
    /// A Word footnote reference to the note with this id.
    Placed(usize),
    /// The note's number, as superscript text.
    Number(usize),
    /// A reference to a note that does not exist: its label is printed.
    Unknown,
}

/// The footnotes of a document: their numbers and which have a reference yet.
#[derive(Debug, Clone)]
pub struct Notes {
    /// Labels in numbering order; a note's id is its index plus one.
    order: Vec<String>,
    /// The number each note prints.
    numbers: Vec<usize>,
    /// Whether each note's reference has been written.
    placed: Vec<bool>,
}

impl Notes {
    /// The notes of `doc`, in numbering order ([`footnote_order`]), each
    /// with the number it prints ([`printed_numbers`]).
    pub fn new(doc: &Doc) -> Notes {
        let order = footnote_order(doc);
        let numbers = printed_numbers(&order);
        Notes {
            placed: vec![false; order.len()],
            order,
            numbers,
        }
    }

    /// The mark note `id` prints when it is not Word's own number (a redline
    /// prints the letter's numbers): Word numbers notes 1, 2, 3 … in order.
    pub fn custom_mark(&self, id: usize) -> Option<usize> {
        let own = self.numbers.iter().enumerate().all(|(i, &n)| n == i + 1);
        if own {
            return None;
        }
        self.numbers.get(id.checked_sub(1)?).copied()
    }

    /// How to write a reference to `label`; the first from the body places the note.
    pub fn reference(&mut self, label: &str, in_note: bool) -> NoteRef {
        let Some(index) = self.order.iter().position(|l| l == label) else {
            return NoteRef::Unknown;
        };
        if in_note || self.placed[index] {
            return NoteRef::Number(self.numbers[index]);
        }
        self.placed[index] = true;
        NoteRef::Placed(index + 1)
    }

    /// The ids of notes the body has not cited, in order.
    pub fn unplaced(&self) -> Vec<usize> {
        (0..self.order.len())
            .filter(|&i| !self.placed[i])
            .map(|i| i + 1)
            .collect()
    }

    /// How many notes there are.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when the document has no notes.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The label of note `id`.
    fn label(&self, id: usize) -> Option<&str> {
        self.order.get(id.checked_sub(1)?).map(String::as_str)
    }
}

/// The paragraph that places the references of notes the body never cites.
pub fn unplaced_references(notes: &Notes) -> String {
    let ids = notes.unplaced();
    if ids.is_empty() {
        return String::new();
    }
    let props = run_props(&Style::default(), Some(StyleId::FootnoteReference));
    let mut xml = String::from("<w:p>");
    for id in ids {
        xml.push_str(&format!("<w:r>{props}{}</w:r>", reference_xml(notes, id)));
    }
    xml.push_str("</w:p>");
    xml
}

/// A footnote reference to note `id`, followed by its mark when Word's own
/// number is not the one it prints.
pub fn reference_xml(notes: &Notes, id: usize) -> String {
    match notes.custom_mark(id) {
        Some(mark) => format!(
            "<w:footnoteReference w:customMarkFollows=\"1\" w:id=\"{id}\"/><w:t>{mark}</w:t>"
        ),
        None => format!("<w:footnoteReference w:id=\"{id}\"/>"),
    }
}

/// `word/footnotes.xml`: the separators, then every note in number order.
pub fn footnotes_xml(body: &mut Body, doc: &Doc) -> String {
    let mut xml = format!(
        "{DECLARATION}<w:footnotes {}>\
         <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>",
        namespaces()
    );
    for id in 1..=body.notes.len() {
        let Some(label) = body.notes.label(id).map(str::to_owned) else {
            continue;
        };
        let Some(note) = doc.footnotes.iter().find(|n| n.label == label) else {
            continue;
        };
        body.out.clear();
        let mark = body.notes.custom_mark(id);
        note_text(body, &note.blocks, mark);
        xml.push_str(&format!(
            "<w:footnote w:id=\"{id}\">{}</w:footnote>",
            body.out
        ));
    }
    xml.push_str("</w:footnotes>");
    xml
}

/// A note's blocks, its first paragraph opened by the note's number (Word's
/// own, or `custom`).
fn note_text(body: &mut Body, blocks: &[Block], custom: Option<usize>) {
    let frame = Frame::note();
    let number = custom.map_or_else(
        || "<w:footnoteRef/>".to_owned(),
        |n| format!("<w:t>{n}</w:t>"),
    );
    let mark = format!(
        "<w:r>{}{number}</w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>",
        run_props(&Style::default(), Some(StyleId::FootnoteReference))
    );
    let (first, rest) = match blocks.split_first() {
        Some((Block::Paragraph(inlines), rest)) => (inlines.as_slice(), rest),
        _ => (&[][..], blocks),
    };
    let props = ParagraphProps {
        style: Some(StyleId::FootnoteText),
        ..ParagraphProps::default()
    };
    body.out.push_str("<w:p>");
    let ppr = props.xml(body.revisions);
    body.out.push_str(&ppr);
    body.out.push_str(&mark);
    body.runs(first, &frame);
    body.out.push_str("</w:p>");
    body.blocks(rest, &frame);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse_rendered;

    #[test]
    fn notes_are_numbered_by_first_reference_then_the_uncited() {
        let (doc, _) = parse_rendered(
            "A[^b] and B[^a] and A again[^b].\n\n[^a]: Note a, citing[^c].\n\n[^b]: Note b.\n\n[^c]: Note c.\n\n[^d]: Nobody cites d.\n",
        );
        let mut notes = Notes::new(&doc);
        assert_eq!(notes.len(), 4);
        assert_eq!(notes.reference("b", false), NoteRef::Placed(1));
        assert_eq!(notes.reference("a", false), NoteRef::Placed(2));
        assert_eq!(notes.reference("b", false), NoteRef::Number(1));
        assert_eq!(notes.reference("c", true), NoteRef::Number(3));
        assert_eq!(notes.reference("zz", false), NoteRef::Unknown);
        assert_eq!(notes.unplaced(), vec![3, 4]);
        assert!(unplaced_references(&notes).contains("<w:footnoteReference w:id=\"4\"/>"));
        assert_eq!(notes.custom_mark(1), None);
    }

    #[test]
    fn notes_labelled_by_number_print_that_number_as_their_mark() {
        let (doc, _) =
            parse_rendered("A[^4] and B[^2] and A again[^4].\n\n[^2]: Two.\n\n[^4]: Four.\n");
        let mut notes = Notes::new(&doc);
        assert_eq!(notes.reference("4", false), NoteRef::Placed(1));
        assert_eq!(notes.custom_mark(1), Some(4));
        assert_eq!(notes.reference("2", false), NoteRef::Placed(2));
        assert_eq!(notes.reference("4", false), NoteRef::Number(4));
        assert_eq!(
            reference_xml(&notes, 2),
            "<w:footnoteReference w:customMarkFollows=\"1\" w:id=\"2\"/><w:t>2</w:t>"
        );
    }
}
