//! The letter as a Word document (DOCX), written as WordprocessingML directly.
//!
//! One idea per file: [`package`] (the ZIP and its relationships),
//! [`styles`] (the house style and settings), [`paragraphs`] and [`runs`]
//! (blocks and inline pieces), [`tables`], [`numbering`] (lists),
//! [`footnotes`], [`headers`], [`revisions`] (tracked changes),
//! [`properties`] (title, author, dates), [`read`] (the text read back) and
//! [`xml`] (escaping and units). Every part is a string written in a fixed
//! order, and the package stores them in a fixed order with fixed dates, so
//! the same document gives the same bytes.

pub mod footnotes;
pub mod headers;
pub mod numbering;
pub mod package;
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

/// Writes `doc` as a DOCX package: the house style, `meta`'s running header,
/// title, author and dates, and the revision's changes tracked in the name
/// and on the date of `meta.changes`.
pub fn render_docx(doc: &Doc, meta: &DocumentMeta) -> Result<Vec<u8>, Error> {
    let styles = Styles::default();
    let measures = Measures::of(&styles);
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
    body.blocks(&doc.blocks, &Frame::body());
    let mut text = std::mem::take(&mut body.out);
    text.push_str(&unplaced_references(body.notes));
    let footnotes = footnotes_xml(&mut body, doc);
    let headers = headers(&meta.header_lines, meta.confidential.as_ref(), &styles);
    let part = |name: &str, content_type, xml| Part {
        name: name.to_owned(),
        content_type,
        xml,
    };
    let parts = vec![
        package_relationships(),
        part(
            "docProps/core.xml",
            package::CORE,
            properties::core_xml(&meta.title, &meta.author, &meta.date),
        ),
        part("docProps/app.xml", package::APP, properties::app_xml()),
        part(
            "word/document.xml",
            package::DOCUMENT,
            document_xml(&text, &styles),
        ),
        document_relationships(),
        part("word/styles.xml", package::STYLES, styles_xml(&styles)),
        part("word/settings.xml", package::SETTINGS, settings_xml()),
        part(
            "word/numbering.xml",
            package::NUMBERING,
            numbering.xml(measures.list_indent),
        ),
        part("word/footnotes.xml", package::FOOTNOTES, footnotes),
        part("word/header1.xml", package::HEADER, headers.first),
        part("word/header2.xml", package::HEADER, headers.running),
    ];
    zip_parts(&parts)
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
        twips(page.margin_top / 2.0),
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
