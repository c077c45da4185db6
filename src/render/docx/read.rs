//! Reading a DOCX back, as the completeness check and the leak scan need it.
//!
//! What a reader sees: the text of the document, its footnotes, endnotes,
//! comments, headers and footers, with tracked changes shown (inserted and
//! deleted text both, as Word shows them with markup), in reading order.
//! Everything else the package carries: field codes, every attribute value
//! (a change's author, a style name), the text of every other part (the
//! core and application properties) and any part that is not XML.
//! `quick-xml` is used only here.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::package::unzip;
use crate::error::Error;
use crate::render::writers::ReadBack;

/// The parts a reader sees, in reading order, by name prefix.
const SHOWN: [&str; 6] = [
    "word/document.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
    "word/comments.xml",
    "word/header",
    "word/footer",
];

/// Reads a DOCX's text back: what a reader sees, and everything else.
pub fn read_docx(bytes: &[u8]) -> Result<ReadBack, Error> {
    let mut entries = unzip(bytes)?;
    let rank = |name: &str| {
        SHOWN
            .iter()
            .position(|p| name.starts_with(p))
            .unwrap_or(SHOWN.len())
    };
    entries.sort_by(|(a, _), (b, _)| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    let mut out = ReadBack::default();
    for (name, data) in &entries {
        let shown = rank(name) < SHOWN.len();
        let is_xml = name.ends_with(".xml") || name.ends_with(".rels");
        match std::str::from_utf8(data) {
            Ok(xml) if is_xml => read_part(name, xml, shown, &mut out)?,
            _ => {
                out.rest.push('\n');
                out.rest.push_str(&String::from_utf8_lossy(data));
            }
        }
    }
    Ok(out)
}

/// Where the text of the current element goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    /// Text a reader sees (`w:t`, `w:delText`).
    Shown,
    /// Text kept elsewhere (field codes, properties).
    Rest,
    /// Whitespace between elements.
    Nowhere,
}

/// Appends one XML part's text and attribute values to `out`.
fn read_part(name: &str, xml: &str, shown: bool, out: &mut ReadBack) -> Result<(), Error> {
    let fail = |e: &dyn std::fmt::Display| {
        Error::writer(
            "a DOCX file",
            format!("its part {name} cannot be read back: {e}"),
        )
    };
    let mut reader = Reader::from_str(xml);
    // Between elements of a shown part, whitespace is layout, not text.
    let between = if shown { Sink::Nowhere } else { Sink::Rest };
    let mut sink = between;
    out.rest.push('\n');
    loop {
        match reader.read_event().map_err(|e| fail(&e))? {
            Event::Start(e) => {
                attributes(&e, &mut out.rest).map_err(|e| fail(&e))?;
                sink = match e.local_name().as_ref() {
                    "t" | "delText" if shown => Sink::Shown,
                    "instrText" | "delInstrText" => Sink::Rest,
                    _ => between,
                };
            }
            Event::Empty(e) => {
                attributes(&e, &mut out.rest).map_err(|e| fail(&e))?;
                if shown {
                    out.shown
                        .push_str(empty_element_text(e.local_name().as_ref()));
                }
            }
            Event::End(e) => {
                sink = between;
                if shown && matches!(e.local_name().as_ref(), "p" | "tc") {
                    out.shown.push('\n');
                }
            }
            Event::Text(text) => push(sink, &text.xml10_content(), out),
            Event::CData(data) => push(sink, &data, out),
            Event::GeneralRef(reference) => {
                push(sink, &resolve(&reference).map_err(|e| fail(&e))?, out)
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if shown {
        out.shown.push('\n');
    }
    Ok(())
}

/// What an empty element shows: a tab, a line break, or the space a
/// footnote's number takes.
fn empty_element_text(name: &str) -> &'static str {
    match name {
        "tab" => "\t",
        "br" | "cr" => "\n",
        "footnoteReference" | "endnoteReference" | "footnoteRef" => " ",
        _ => "",
    }
}

/// The text of a character or entity reference (`&#8212;`, `&amp;`).
fn resolve(reference: &BytesRef) -> Result<String, String> {
    match reference.resolve_char_ref().map_err(|e| e.to_string())? {
        Some(c) => Ok(c.to_string()),
        None => resolve_predefined_entity(reference)
            .map(str::to_owned)
            .ok_or_else(|| format!("unknown entity &{};", &**reference)),
    }
}

fn push(sink: Sink, text: &str, out: &mut ReadBack) {
    match sink {
        Sink::Shown => out.shown.push_str(text),
        Sink::Rest => out.rest.push_str(text),
        Sink::Nowhere => {}
    }
}

/// Appends every attribute value of `element` but namespace declarations.
fn attributes(element: &BytesStart, rest: &mut String) -> Result<(), quick_xml::Error> {
    for attribute in element.attributes() {
        let attribute = attribute?;
        if attribute.key.as_ref().starts_with("xmlns") {
            continue;
        }
        rest.push(' ');
        rest.push_str(&attribute.normalized_value(XmlVersion::Implicit1_0)?);
    }
    Ok(())
}
