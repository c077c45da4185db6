//! The DOCX container: an Open Packaging Conventions ZIP of XML parts, with
//! its content types and relationships.
//!
//! Parts are stored in the order given, each deflated and dated 1980-01-01
//! 00:00 (the earliest date a ZIP entry can carry), so the same parts always
//! give the same bytes. `zip` is used only here.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::xml::DECLARATION;
use crate::error::Error;

/// One XML part of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Its name inside the package, e.g. `word/document.xml`.
    pub name: String,
    /// Its content type, e.g. [`DOCUMENT`].
    pub content_type: &'static str,
    /// Its XML.
    pub xml: String,
}

/// The main document's content type.
pub const DOCUMENT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
/// The style definitions.
pub const STYLES: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
/// The document settings.
pub const SETTINGS: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
/// The list definitions.
pub const NUMBERING: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
/// The footnotes.
pub const FOOTNOTES: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml";
/// A page header.
pub const HEADER: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
/// The core properties (title, author, dates).
pub const CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
/// The application properties.
pub const APP: &str = "application/vnd.openxmlformats-officedocument.extended-properties+xml";

const RELATIONSHIPS: &str = "application/vnd.openxmlformats-package.relationships+xml";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A relationship from one part to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    /// Its id, e.g. `rIdStyles`.
    pub id: &'static str,
    /// The last segment of its type, e.g. `styles` (under the office
    /// document relationship namespace), or a full type URI.
    pub kind: &'static str,
    /// The target, relative to the source part's folder.
    pub target: String,
}

/// A relationships part (`_rels/.rels`, `word/_rels/document.xml.rels`).
pub fn relationships(name: &str, rels: &[Relationship]) -> Part {
    let mut xml = format!("{DECLARATION}<Relationships xmlns=\"{REL_NS}\">");
    for rel in rels {
        let kind = if rel.kind.contains("://") {
            rel.kind.to_owned()
        } else {
            format!("{OFFICE_REL}/{}", rel.kind)
        };
        xml.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{kind}\" Target=\"{}\"/>",
            rel.id, rel.target
        ));
    }
    xml.push_str("</Relationships>");
    Part {
        name: name.to_owned(),
        content_type: RELATIONSHIPS,
        xml,
    }
}

/// `[Content_Types].xml` for `parts`.
fn content_types(parts: &[Part]) -> String {
    let mut xml = format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"{RELATIONSHIPS}\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    for part in parts.iter().filter(|p| p.content_type != RELATIONSHIPS) {
        xml.push_str(&format!(
            "<Override PartName=\"/{}\" ContentType=\"{}\"/>",
            part.name, part.content_type
        ));
    }
    xml.push_str("</Types>");
    xml
}

/// The package of `parts`, `[Content_Types].xml` first, then the parts in order.
pub fn zip_parts(parts: &[Part]) -> Result<Vec<u8>, Error> {
    let fail =
        |e: &dyn std::fmt::Display| Error::writer("a DOCX file", format!("cannot be packed: {e}"));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let types = content_types(parts);
    let entries = std::iter::once(("[Content_Types].xml", types.as_str()))
        .chain(parts.iter().map(|p| (p.name.as_str(), p.xml.as_str())));
    for (name, xml) in entries {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(xml.as_bytes()).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| fail(&e))?;
    Ok(cursor.into_inner())
}

/// The entries of a package, in the order they are stored: name and bytes.
pub fn unzip(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let fail = |e: &dyn std::fmt::Display| {
        Error::writer("a DOCX file", format!("cannot be read back: {e}"))
    };
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| fail(&e))?;
    let mut out = Vec::with_capacity(archive.len());
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| fail(&e))?;
        if entry.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data).map_err(|e| fail(&e))?;
        out.push((entry.name().to_owned(), data));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(name: &str, xml: &str) -> Part {
        Part {
            name: name.into(),
            content_type: DOCUMENT,
            xml: xml.into(),
        }
    }

    #[test]
    fn parts_come_back_in_order_after_the_content_types() {
        let parts = [
            part("word/document.xml", "<a/>"),
            part("word/styles.xml", "<b/>"),
        ];
        let bytes = zip_parts(&parts).unwrap();
        let entries = unzip(&bytes).unwrap();
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "word/document.xml",
                "word/styles.xml"
            ]
        );
        assert_eq!(entries[1].1, b"<a/>");
        let types = String::from_utf8(entries[0].1.clone()).unwrap();
        assert!(types.contains("PartName=\"/word/document.xml\""), "{types}");
    }

    #[test]
    fn the_same_parts_give_the_same_bytes() {
        let parts = [part("word/document.xml", "<a>text</a>")];
        assert_eq!(zip_parts(&parts).unwrap(), zip_parts(&parts).unwrap());
    }

    #[test]
    fn bytes_that_are_not_a_package_are_an_error() {
        assert!(unzip(b"not a zip").is_err());
        assert!(unzip(&[]).is_err());
    }

    #[test]
    fn relationships_name_their_targets() {
        let rels = relationships(
            "word/_rels/document.xml.rels",
            &[Relationship {
                id: "rIdStyles",
                kind: "styles",
                target: "styles.xml".into(),
            }],
        );
        assert!(rels.xml.contains(
            "Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\""
        ));
    }
}
