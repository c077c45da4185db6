//! Lists as Word lists (`word/numbering.xml`): one definition for bulleted and
//! one for numbered lists, and one list instance per list in the document, so
//! each numbered list starts at its own first number.

use super::xml::{DECLARATION, namespaces};

/// A list's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Bullets: •, ◦, ▪ by level, as the HTML's disc, circle and square.
    Bullet,
    /// Numbers: "1.", "2.", ….
    Decimal,
}

impl ListKind {
    /// The id of this kind's definition (`w:abstractNumId`).
    fn definition(self) -> usize {
        match self {
            ListKind::Bullet => 0,
            ListKind::Decimal => 1,
        }
    }
}

/// The lists of a document, in the order they were written.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    lists: Vec<(ListKind, u64, usize)>,
}

impl Numbering {
    /// Adds a list of `kind` at nesting `level` whose first item is numbered
    /// `start`; returns its id (`w:numId`).
    pub fn add(&mut self, kind: ListKind, start: u64, level: usize) -> usize {
        self.lists.push((kind, start, level));
        self.lists.len()
    }

    /// `word/numbering.xml`, each level indented by `indent` twips.
    pub fn xml(&self, indent: i64) -> String {
        let mut xml = format!("{DECLARATION}<w:numbering {}>", namespaces());
        for kind in [ListKind::Bullet, ListKind::Decimal] {
            xml.push_str(&definition(kind, indent));
        }
        for (k, (kind, start, level)) in self.lists.iter().enumerate() {
            // Clamp to what Word stores (a 32-bit signed start value).
            let start = (*start).min(i32::MAX as u64);
            xml.push_str(&format!(
                "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{}\"/><w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{start}\"/></w:lvlOverride></w:num>",
                k + 1,
                kind.definition()
            ));
        }
        xml.push_str("</w:numbering>");
        xml
    }
}

/// The nine levels of one list kind: markers hang in the indent, as in the PDF.
fn definition(kind: ListKind, indent: i64) -> String {
    let mut xml = format!(
        "<w:abstractNum w:abstractNumId=\"{}\"><w:multiLevelType w:val=\"multilevel\"/>",
        kind.definition()
    );
    for level in 0..9usize {
        let (format, text) = match kind {
            ListKind::Bullet => (
                "bullet",
                ["\u{2022}", "\u{25E6}", "\u{25AA}"][level % 3].to_owned(),
            ),
            ListKind::Decimal => ("decimal", format!("%{}.", level + 1)),
        };
        let left = indent * (level as i64 + 1);
        xml.push_str(&format!(
            "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{left}\" w:hanging=\"{indent}\"/></w:pPr></w:lvl>"
        ));
    }
    xml.push_str("</w:abstractNum>");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_is_an_instance_that_starts_at_its_own_number() {
        let mut numbering = Numbering::default();
        assert_eq!(numbering.add(ListKind::Decimal, 1, 0), 1);
        assert_eq!(numbering.add(ListKind::Decimal, 4, 0), 2);
        assert_eq!(numbering.add(ListKind::Bullet, 1, 1), 3);
        let xml = numbering.xml(720);
        assert!(xml.contains("<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"4\"/>"), "{xml}");
        assert!(
            xml.contains(
                "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"1\">"
            ),
            "{xml}"
        );
        // Definitions come before instances, as the schema requires.
        assert!(xml.find("<w:abstractNum ").unwrap() < xml.find("<w:num ").unwrap());
        assert_eq!(xml.matches("<w:lvl ").count(), 18);
    }
}
