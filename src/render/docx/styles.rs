//! The house style as Word styles (`word/styles.xml`) and the document
//! settings (`word/settings.xml`).
//!
//! Every size, indent and spacing is read from the PDF's [`Styles`], so the
//! DOCX and the PDF are set alike: 12 pt type, 14 pt lines, a line of space
//! after each paragraph, headings by level, quotations indented on both
//! sides. The font is Times New Roman, which Word has everywhere and
//! LibreOffice sets in Liberation Serif, the PDF's font (the same metrics).

use super::xml::{DECLARATION, half_points, namespaces, twips};
use crate::render::pdf::Styles;
use crate::render::pdf::style::{HeadingStyle, LetterheadAlign};

/// The body font as Word names it.
pub const FONT: &str = "Times New Roman";
/// The font of code.
const CODE_FONT: &str = "Courier New";

/// The styles the writer uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleId {
    /// Body text.
    Normal,
    /// A heading of level 1–6.
    Heading(u8),
    /// A staff comment: bold, and listed in the navigation pane.
    StaffComment,
    /// A paragraph of a quotation (a revised passage).
    Quote,
    /// A list item.
    ListParagraph,
    /// A code block.
    Code,
    /// Code inside a paragraph (character style).
    CodeChar,
    /// A footnote's text.
    FootnoteText,
    /// A footnote's number (character style).
    FootnoteReference,
    /// A line of the page header.
    Header,
    /// A table cell's text.
    TableText,
    /// A letterhead's name.
    Letterhead,
    /// A letterhead's address lines.
    LetterheadAddress,
}

impl StyleId {
    /// The style's id in `styles.xml`.
    pub fn id(self) -> String {
        match self {
            StyleId::Normal => "Normal".into(),
            StyleId::Heading(level) => format!("Heading{}", level.clamp(1, 6)),
            StyleId::StaffComment => "StaffComment".into(),
            StyleId::Quote => "Quote".into(),
            StyleId::ListParagraph => "ListParagraph".into(),
            StyleId::Code => "Code".into(),
            StyleId::CodeChar => "CodeChar".into(),
            StyleId::FootnoteText => "FootnoteText".into(),
            StyleId::FootnoteReference => "FootnoteReference".into(),
            StyleId::Header => "Header".into(),
            StyleId::TableText => "TableText".into(),
            StyleId::Letterhead => "Letterhead".into(),
            StyleId::LetterheadAddress => "LetterheadAddress".into(),
        }
    }
}

/// The lengths the writer sets directly, in twips, read from the PDF's styles.
#[derive(Debug, Clone, PartialEq)]
pub struct Measures {
    /// The text block's width.
    pub measure: i64,
    /// A quotation's indent on each side.
    pub quote_indent: i64,
    /// A list level's indent, in which its marker hangs.
    pub list_indent: i64,
    /// Space after a list item.
    pub list_after: i64,
    /// Space after a paragraph.
    pub paragraph_after: i64,
    /// The PDF's styles themselves.
    pub styles: Styles,
}

impl Measures {
    /// The measures of `styles`.
    pub fn of(styles: &Styles) -> Measures {
        Measures {
            measure: twips(styles.page.measure()),
            quote_indent: twips(styles.quote_indent),
            list_indent: twips(styles.list_indent),
            list_after: twips(styles.list_item_spacing),
            paragraph_after: twips(styles.paragraph_spacing),
            styles: styles.clone(),
        }
    }
}

/// `word/styles.xml`.
pub fn styles_xml(styles: &Styles) -> String {
    let mut xml = format!("{DECLARATION}<w:styles {}>", namespaces());
    xml.push_str(&format!(
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/><w:lang w:val=\"en-US\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"{after}\" w:line=\"{line}\" w:lineRule=\"atLeast\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        size = half_points(styles.size),
        after = twips(styles.paragraph_spacing),
        line = twips(styles.leading),
    ));
    xml.push_str(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>",
    );
    for level in 1..=6u8 {
        xml.push_str(&heading(level, &styles.heading(level)));
    }
    xml.push_str(&paragraph_styles(styles));
    xml.push_str(&format!(
        "<w:style w:type=\"character\" w:styleId=\"CodeChar\"><w:name w:val=\"Code Char\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr>{}</w:rPr></w:style>\
         <w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>",
        code_font()
    ));
    xml.push_str("</w:styles>");
    xml
}

/// The `w:rFonts` of code.
fn code_font() -> String {
    format!("<w:rFonts w:ascii=\"{CODE_FONT}\" w:hAnsi=\"{CODE_FONT}\" w:cs=\"{CODE_FONT}\"/>")
}

/// The paragraph styles besides Normal and the headings.
fn paragraph_styles(styles: &Styles) -> String {
    let paragraph = |id: &str, name: &str, ppr: String, rpr: String| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )
    };
    let q = twips(styles.quote_indent);
    let code_font = code_font();
    let small = |size: f32| {
        format!(
            "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            half_points(size)
        )
    };
    let notes = &styles.footnotes;
    let lines = |after: f32, leading: f32| {
        format!(
            "<w:spacing w:after=\"{}\" w:line=\"{}\" w:lineRule=\"atLeast\"/>",
            twips(after),
            twips(leading)
        )
    };
    [
        paragraph(
            "StaffComment",
            "Staff Comment",
            "<w:outlineLvl w:val=\"6\"/>".into(),
            "<w:b/>".into(),
        ),
        paragraph(
            "Quote",
            "Quote",
            format!("<w:ind w:left=\"{q}\" w:right=\"{q}\"/>"),
            String::new(),
        ),
        paragraph(
            "ListParagraph",
            "List Paragraph",
            format!(
                "<w:spacing w:after=\"{}\"/>",
                twips(styles.list_item_spacing)
            ),
            String::new(),
        ),
        paragraph(
            "Code",
            "Code",
            "<w:jc w:val=\"left\"/>".into(),
            format!("{code_font}{}", small(styles.table.size)),
        ),
        paragraph(
            "FootnoteText",
            "footnote text",
            lines(notes.between, notes.leading),
            small(notes.size),
        ),
        paragraph(
            "Header",
            "header",
            format!(
                "{}<w:jc w:val=\"left\"/>",
                lines(0.0, styles.header.leading)
            ),
            small(styles.header.size),
        ),
        paragraph(
            "TableText",
            "Table Text",
            format!("{}<w:jc w:val=\"left\"/>", lines(0.0, styles.table.leading)),
            small(styles.table.size),
        ),
    ]
    .concat()
        + &letterhead_styles(styles)
}

/// The letterhead's styles: the name in the level-1 heading's face at the
/// letterhead's size (small capitals if asked), the address lines, both
/// aligned as the house style says and kept with what follows.
fn letterhead_styles(styles: &Styles) -> String {
    let look = &styles.letterhead;
    let h = styles.heading(1);
    let jc = match look.align {
        LetterheadAlign::Left => "left",
        LetterheadAlign::Center => "center",
        LetterheadAlign::Right => "right",
    };
    let rpr = run_properties(h.bold, h.italic, look.small_caps, look.size, h.underline);
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"Letterhead\"><w:name w:val=\"Letterhead\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:jc w:val=\"{jc}\"/></w:pPr><w:rPr>{rpr}</w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"LetterheadAddress\"><w:name w:val=\"Letterhead Address\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:jc w:val=\"{jc}\"/></w:pPr></w:style>"
    )
}

/// A style's run properties, in the order Word writes them.
fn run_properties(
    bold: bool,
    italic: bool,
    small_caps: bool,
    size: f32,
    underline: bool,
) -> String {
    let mut rpr = String::new();
    if bold {
        rpr.push_str("<w:b/>");
    }
    if italic {
        rpr.push_str("<w:i/>");
    }
    if small_caps {
        rpr.push_str("<w:smallCaps/>");
    }
    rpr.push_str(&format!(
        "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
        half_points(size)
    ));
    if underline {
        rpr.push_str("<w:u w:val=\"single\"/>");
    }
    rpr
}

/// Heading `level`'s style: the PDF's look, kept with the text after it, and
/// an outline level so the navigation pane lists it.
fn heading(level: u8, look: &HeadingStyle) -> String {
    let rpr = run_properties(look.bold, look.italic, false, look.size, look.underline);
    let align = if look.centered { "center" } else { "left" };
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:jc w:val=\"{align}\"/><w:outlineLvl w:val=\"{}\"/></w:pPr><w:rPr>{rpr}</w:rPr></w:style>",
        level - 1
    )
}

/// `word/settings.xml`: where the footnote separators are, tab stops, and
/// Word's current compatibility mode.
pub fn settings_xml() -> String {
    format!(
        "{DECLARATION}<w:settings {}><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>",
        namespaces()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_house_style_comes_from_the_pdf_styles() {
        let styles = Styles {
            size: 11.0,
            leading: 13.0,
            ..Styles::default()
        };
        let xml = styles_xml(&styles);
        assert!(xml.contains("<w:sz w:val=\"22\"/>"), "{xml}");
        assert!(
            xml.contains("w:line=\"260\" w:lineRule=\"atLeast\""),
            "{xml}"
        );
        assert!(xml.contains(&format!("w:ascii=\"{FONT}\"")));
        for level in 1..=6 {
            assert!(xml.contains(&format!("w:styleId=\"Heading{level}\"")));
            assert!(xml.contains(&format!("<w:outlineLvl w:val=\"{}\"/>", level - 1)));
        }
        assert!(xml.contains("w:styleId=\"StaffComment\""));
    }

    #[test]
    fn heading_levels_clamp_to_word_heading_styles() {
        assert_eq!(StyleId::Heading(0).id(), "Heading1");
        assert_eq!(StyleId::Heading(9).id(), "Heading6");
    }
}
