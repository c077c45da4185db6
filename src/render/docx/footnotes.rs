//! Footnotes as Word footnotes (`word/footnotes.xml`), numbered by Word.
//!
//! Word numbers a footnote where its reference stands, and a footnote has
//! exactly one reference. So the first reference to a note in the body is a
//! real footnote reference; a later reference to the same note, or one made
//! from inside another note (Word has no notes in notes), prints the note's
//! number as a superscript. A note the body never cites (nothing cites it, or
//! only another note does) still prints: its reference is placed at the end
//! of the body, numbered after the others, as the PDF prints it last.

use super::paragraph_props::ParagraphProps;
use super::paragraphs::{Body, Frame};
use super::runs::run_props;
use super::styles::StyleId;
use super::xml::{DECLARATION, namespaces};
use crate::markdown::{Block, Doc, InlineContent, Style};

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
    /// Labels in numbering order; a note's number and id are its index plus one.
    order: Vec<String>,
    /// Whether each note's reference has been written.
    placed: Vec<bool>,
}

impl Notes {
    /// The notes of `doc`, numbered: first references in the body in order,
    /// then notes cited only from notes, then notes nothing cites.
    pub fn new(doc: &Doc) -> Notes {
        let defined = |label: &str| doc.footnotes.iter().any(|n| n.label == label);
        let mut order: Vec<String> = Vec::new();
        let cite = |blocks: &[Block], order: &mut Vec<String>| {
            for block in blocks {
                block.visit_inlines(&mut |inlines| {
                    for inline in inlines {
                        if let InlineContent::FootnoteRef(label) = &inline.content
                            && defined(label)
                            && !order.contains(label)
                        {
                            order.push(label.clone());
                        }
                    }
                });
            }
        };
        cite(&doc.blocks, &mut order);
        let mut next = 0;
        while next < order.len() {
            if let Some(note) = doc.footnotes.iter().find(|n| n.label == order[next]) {
                cite(&note.blocks, &mut order);
            }
            next += 1;
        }
        for note in &doc.footnotes {
            if !order.contains(&note.label) {
                order.push(note.label.clone());
            }
        }
        Notes {
            placed: vec![false; order.len()],
            order,
        }
    }

    /// How to write a reference to `label`; the first from the body places the note.
    pub fn reference(&mut self, label: &str, in_note: bool) -> NoteRef {
        let Some(index) = self.order.iter().position(|l| l == label) else {
            return NoteRef::Unknown;
        };
        if in_note || self.placed[index] {
            return NoteRef::Number(index + 1);
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
        xml.push_str(&format!(
            "<w:r>{props}<w:footnoteReference w:id=\"{id}\"/></w:r>"
        ));
    }
    xml.push_str("</w:p>");
    xml
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
        note_text(body, &note.blocks);
        xml.push_str(&format!(
            "<w:footnote w:id=\"{id}\">{}</w:footnote>",
            body.out
        ));
    }
    xml.push_str("</w:footnotes>");
    xml
}

/// A note's blocks, its first paragraph opened by the note's number.
fn note_text(body: &mut Body, blocks: &[Block]) {
    let frame = Frame::note();
    let mark = format!(
        "<w:r>{}<w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>",
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
    }
}
