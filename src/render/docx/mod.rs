//! The letter as a Word document (DOCX), written as WordprocessingML directly.
//!
//! One idea per file: [`package`] (the ZIP and its relationships),
//! [`styles`] (the house style and settings), [`paragraphs`],
//! [`paragraph_props`] and [`runs`] (blocks and inline pieces), [`tables`],
//! [`numbering`] (lists), [`footnotes`], [`headers`], [`revisions`]
//! (tracked changes), [`properties`] (title, author, dates), [`read`] (the
//! text read back) and [`xml`] (escaping and units). Every part is a string written in a fixed
//! order, and the package stores them in a fixed order with fixed dates, so
//! the same document gives the same bytes.

pub mod footnotes;
pub mod headers;
pub mod numbering;
pub mod package;
pub mod paragraph_props;
pub mod paragraphs;
pub mod properties;
pub mod read;
pub mod revisions;
pub mod runs;
pub mod styles;
pub mod tables;
pub mod xml;

use footnotes::{Notes, footnotes_xml, unplaced_references};
use headers::headers;
use numbering::Numbering;
use package::{Part, Relationship, relationships, zip_parts};
use paragraphs::{Body, Frame};
use revisions::Revisions;
use styles::{Measures, settings_xml, styles_xml};
use xml::{DECLARATION, namespaces, twips};

use crate::error::Error;
use crate::markdown::Doc;
use crate::render::pdf::Styles;
use crate::render::writers::DocumentMeta;

pub use read::read_docx;

use crate::render::letterhead::find_letterhead;

/// Writes `doc` as a DOCX package: the house style, `meta`'s running header,
/// title, author and dates, and the revision's changes tracked in the name
/// and on the date of `meta.changes`.
pub fn render_docx(doc: &Doc, meta: &DocumentMeta) -> Result<Vec<u8>, Error> {
    // Units ("Item 5.", "page 76", a telephone number) never break across
    // lines, as in the PDF and the HTML.
    let doc = &crate::render::units::bind_units(doc);
    let styles = &meta.styles;
    let measures = Measures::of(styles);
    let mut revisions = Revisions::new(&meta.changes.author, meta.changes.date);
    let mut notes = Notes::new(doc);
    let mut numbering = Numbering::default();
    let mut body = Body {
        out: String::new(),
        revisions: &mut revisions,
        notes: &mut notes,
        numbering: &mut numbering,
        measures: &measures,
    };
    match find_letterhead(&doc.blocks) {
        Some(lh) => {
            body.blocks(&doc.blocks[..lh.index], &Frame::body());
            body.letterhead(lh, &Frame::body());
            body.blocks(&doc.blocks[lh.index + 1..], &Frame::body());
        }
        None => body.blocks(&doc.blocks, &Frame::body()),
    }
    let mut text = std::mem::take(&mut body.out);
    text.push_str(&unplaced_references(body.notes));
    let written = Written {
        document: document_xml(&text, styles),
        footnotes: footnotes_xml(&mut body, doc),
        numbering: numbering.xml(measures.list_indent),
    };
    zip_parts(&parts(written, meta, styles))
}

/// The parts written from the document's blocks.
struct Written {
    document: String,
    footnotes: String,
    numbering: String,
}

/// Every part of the package, in the order it is stored.
fn parts(written: Written, meta: &DocumentMeta, styles: &Styles) -> Vec<Part> {
    let part = |name: &str, content_type, xml| Part {
        name: name.to_owned(),
        content_type,
        xml,
    };
    let headers = headers(&meta.header_lines, meta.confidential.as_ref(), styles);
    let core = properties::core_xml(&meta.title, &meta.author, &meta.date);
    vec![
        package_relationships(),
        part("docProps/core.xml", package::CORE, core),
        part("docProps/app.xml", package::APP, properties::app_xml()),
        part("word/document.xml", package::DOCUMENT, written.document),
        document_relationships(),
        part("word/styles.xml", package::STYLES, styles_xml(styles)),
        part("word/settings.xml", package::SETTINGS, settings_xml()),
        part("word/numbering.xml", package::NUMBERING, written.numbering),
        part("word/footnotes.xml", package::FOOTNOTES, written.footnotes),
        part("word/header1.xml", package::HEADER, headers.first),
        part("word/header2.xml", package::HEADER, headers.running),
    ]
}

/// `word/document.xml`: the body, then the page: US Letter, the house
/// margins, a first-page header of its own and the running header after it.
fn document_xml(body: &str, styles: &Styles) -> String {
    let page = &styles.page;
    // A package must hold at least one paragraph.
    let body = if body.is_empty() { "<w:p/>" } else { body };
    format!(
        "{DECLARATION}<w:document {}><w:body>{body}<w:sectPr>\
         <w:headerReference w:type=\"default\" r:id=\"rIdHeaderRunning\"/><w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>\
         <w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>\
         <w:titlePg/></w:sectPr></w:body></w:document>",
        namespaces(),
        twips(page.width),
        twips(page.height),
        twips(page.margin_top),
        twips(page.margin_right),
        twips(page.margin_bottom),
        twips(page.margin_left),
        twips(headers::header_distance(styles)),
        twips(page.margin_bottom / 2.0),
    )
}

fn package_relationships() -> Part {
    relationships(
        "_rels/.rels",
        &[
            Relationship {
                id: "rIdDocument",
                kind: "officeDocument",
                target: "word/document.xml".into(),
            },
            Relationship {
                id: "rIdCore",
                kind: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                target: "docProps/core.xml".into(),
            },
            Relationship {
                id: "rIdApp",
                kind: "extended-properties",
                target: "docProps/app.xml".into(),
            },
        ],
    )
}

fn document_relationships() -> Part {
    let rel = |id, kind, target: &str| Relationship {
        id,
        kind,
        target: target.to_owned(),
    };
    relationships(
        "word/_rels/document.xml.rels",
        &[
            rel("rIdStyles", "styles", "styles.xml"),
            rel("rIdSettings", "settings", "settings.xml"),
            rel("rIdNumbering", "numbering", "numbering.xml"),
            rel("rIdFootnotes", "footnotes", "footnotes.xml"),
            rel("rIdHeaderFirst", "header", "header1.xml"),
            rel("rIdHeaderRunning", "header", "header2.xml"),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse_rendered;
    use crate::render::pdf::PdfDate;
    use crate::render::writers::TrackedChanges;

    const SAMPLE: &str = include_str!("../../../tests/fixtures/render/sample-letter.md");

    fn meta() -> DocumentMeta {
        DocumentMeta {
            title: "Response to SEC comment letter dated November 17, 2014".into(),
            author: "21Vianet Group, Inc.".into(),
            header_lines: vec![
                "Securities and Exchange Commission".into(),
                "December 9, 2014".into(),
            ],
            date: PdfDate::default(),
            confidential: None,
            styles: Default::default(),
            changes: TrackedChanges {
                author: "Skadden".into(),
                date: time::Date::from_calendar_date(2014, time::Month::December, 9).unwrap(),
            },
        }
    }

    fn docx(markdown: &str) -> Vec<u8> {
        let (doc, issues) = parse_rendered(markdown);
        assert!(issues.is_empty(), "{issues:?}");
        render_docx(&doc, &meta()).unwrap()
    }

    #[test]
    fn units_and_telephone_numbers_are_bound_with_no_break_spaces() {
        let body = part(
            &docx("Call (852) 3740 4891 about Item 5. on page 76.\n"),
            "word/document.xml",
        );
        assert!(body.contains("(852)\u{a0}3740\u{a0}4891"), "{body}");
        assert!(body.contains("Item\u{a0}5. on page\u{a0}76."), "{body}");
    }

    fn part(bytes: &[u8], name: &str) -> String {
        let entries = package::unzip(bytes).unwrap();
        let (_, data) = entries.iter().find(|(n, _)| n == name).unwrap();
        String::from_utf8(data.clone()).unwrap()
    }

    #[test]
    fn the_same_document_gives_the_same_bytes_twice_in_one_process() {
        assert_eq!(docx(SAMPLE), docx(SAMPLE));
    }

    #[test]
    fn the_text_reads_back_in_order_with_notes_headers_and_properties() {
        let bytes = docx(
            "The Company will ~~revise~~<ins>amend</ins> it.[^1]\n\n| Item | Amount |\n|---|--:|\n| Total | 1,234 |\n\n[^1]: A note & more.\n",
        );
        let read = read_docx(&bytes).unwrap();
        let at = |s: &str| {
            read.shown
                .find(s)
                .unwrap_or_else(|| panic!("{s:?} in {:?}", read.shown))
        };
        assert!(at("The Company will ") < at("revise") && at("revise") < at("amend"));
        assert!(at("1,234") < at("A note & more."));
        assert!(at("A note & more.") < at("Securities and Exchange Commission"));
        for hidden in [
            "Skadden",
            "Response to SEC comment letter",
            "21Vianet Group, Inc.",
            "PAGE",
        ] {
            assert!(read.rest.contains(hidden), "{hidden} in {}", read.rest);
        }
    }

    #[test]
    fn a_wholly_new_paragraph_takes_its_paragraph_mark_with_it() {
        let xml = part(
            &docx("Kept.\n\n<ins>A new paragraph.</ins>\n\n~~A gone one.~~\n"),
            "word/document.xml",
        );
        let new = xml.find("A new paragraph.").unwrap();
        let gone = xml.find("A gone one.").unwrap();
        let mark_before = |at: usize, tag: &str| {
            xml[..at]
                .rfind("<w:p>")
                .is_some_and(|p| xml[p..at].contains(&format!("<w:rPr><{tag} ")))
        };
        assert!(mark_before(new, "w:ins"), "{xml}");
        assert!(mark_before(gone, "w:del"), "{xml}");
        assert!(xml.contains("<w:delText xml:space=\"preserve\">A gone one.</w:delText>"));
        assert!(!xml[..xml.find("Kept.").unwrap()].contains("w:ins"));
    }

    #[test]
    fn tables_are_ruled_and_aligned_by_the_shared_rules() {
        let xml = part(
            &docx(
                "| | Onshore | |\n|---|---|---|\n| | VIEs | Others |\n| Cash | 1,000 | 500 |\n| Debt | 1,000 | (200) |\n| Total | 2,000 | 300 |\n",
            ),
            "word/document.xml",
        );
        assert!(
            xml.contains("<w:gridSpan w:val=\"2\"/>"),
            "Onshore spans both figure columns"
        );
        // The rule under the header rows runs the table's width, as in the
        // PDF: under each of the last header row's three cells.
        let last_header = xml.find("<w:t xml:space=\"preserve\">Cash").unwrap();
        let header_row = xml[..last_header].rfind("<w:tr>").unwrap();
        let header_row = xml[..header_row].rfind("<w:tr>").unwrap();
        assert_eq!(
            xml[header_row..last_header]
                .matches("<w:bottom w:val=\"single\"")
                .count(),
            3,
            "a rule under the header rows"
        );
        assert!(
            xml.contains("<w:top w:val=\"single\""),
            "a rule above the total"
        );
        assert_eq!(
            xml.matches("<w:tblHeader/>").count(),
            2,
            "two header rows repeat"
        );
        assert!(
            xml.contains("<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">(200)")
        );
        // A figure without a parenthesis stands in by the width of one.
        assert!(xml.contains("<w:ind w:left=\"0\" w:right=\""), "{xml}");
        // A table this short stays whole: every row keeps with the next but
        // the last, which keeps with nothing after the table.
        let last_row = xml.rfind("<w:tr>").unwrap();
        assert_eq!(
            xml[..last_row].matches("<w:keepNext/>").count(),
            2 + 3 + 3 + 3
        );
        assert!(!xml[last_row..].contains("<w:keepNext/>"), "{xml}");
    }

    #[test]
    fn lists_are_word_lists_and_headings_word_headings() {
        let bytes =
            docx("## Item 5\n\n**3. Tell us more.**\n\n1. one\n2. two\n\n- a\n  - nested\n");
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains("<w:pStyle w:val=\"Heading2\"/>"));
        assert!(xml.contains("<w:pStyle w:val=\"StaffComment\"/>"));
        assert_eq!(xml.matches("<w:numPr>").count(), 4, "one per item");
        assert!(
            xml.contains("<w:ilvl w:val=\"1\"/>"),
            "the nested item is a level down"
        );
        let numbering = part(&bytes, "word/numbering.xml");
        assert_eq!(
            numbering.matches("<w:num ").count(),
            3,
            "one instance per list"
        );
    }

    #[test]
    fn a_separator_line_is_centred_as_in_the_pdf() {
        let xml = part(
            &docx("Before.\n\n\\* \\* \\* \\*\n\nAfter.\n"),
            "word/document.xml",
        );
        let separator = xml.find("* * * *").unwrap();
        let paragraph = xml[..separator].rfind("<w:p>").unwrap();
        assert!(
            xml[paragraph..separator].contains("<w:jc w:val=\"center\"/>"),
            "{xml}"
        );
        assert!(!xml[..paragraph].contains("center"));
    }

    #[test]
    fn an_empty_document_is_still_a_valid_package() {
        let bytes = render_docx(&Doc::default(), &meta()).unwrap();
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains("<w:body><w:p/><w:sectPr>"), "{xml}");
        assert!(read_docx(&bytes).unwrap().shown.contains("Page"));
    }
}
