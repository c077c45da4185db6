//! Assembling the PDF file: subset fonts, pages, metadata and a content-derived id.
//!
//! Fonts are subset with Typst's `subsetter` (only the glyphs the letter uses,
//! renumbered), and printpdf is handed the subset with the matching
//! character → glyph map, so its ToUnicode CMap keeps the text searchable. The
//! trailer `/ID` is a hash of the file, written through lopdf, so the same
//! letter always gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use printpdf::{
    Date, DateTime, Mm, Offset, ParsedFont, PdfDocument, PdfFont, PdfPage, PdfSaveOptions, Time,
};

use super::PdfMeta;
use super::draw::{font_id, page_ops};
use super::fonts::fonts;
use super::mark::Mark;
use super::pages::PageLayout;
use super::style::{FaceId, Styles};

const FACES: [FaceId; 5] = [
    FaceId::Regular,
    FaceId::Bold,
    FaceId::Italic,
    FaceId::BoldItalic,
    FaceId::Symbols,
];

/// Writes `pages` as a PDF file.
pub fn write_pdf(pages: &[PageLayout], meta: &PdfMeta, styles: &Styles) -> Vec<u8> {
    let mut doc = PdfDocument::new(&meta.title);
    for face in FACES {
        let chars = chars_used(pages, face);
        if chars.is_empty() {
            continue;
        }
        if let Some(font) = subset_font(face, &chars) {
            doc.resources
                .fonts
                .map
                .insert(font_id(face), PdfFont::new(font));
        }
    }
    let (w, h) = (styles.page.width, styles.page.height);
    let pdf_pages = pages
        .iter()
        .map(|p| PdfPage::new(Mm(w * 25.4 / 72.0), Mm(h * 25.4 / 72.0), page_ops(p, h)))
        .collect();
    doc.with_pages(pdf_pages);
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.creator = "respond".to_owned();
    info.producer = "respond".to_owned();
    let date = pdf_date(&meta.date);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    // The pages' operations are in the file's streams now: let them go
    // before the streams are compressed and the file is saved.
    drop(doc);
    drop_empty_annotations(&mut lo);
    super::outline::write_outline(&mut lo, pages, h);
    clean_info(&mut lo);
    for object in lo.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            compress(stream);
        }
    }
    set_id(&mut lo, &[0; 16]);
    let mut bytes = save(&mut lo);
    let id = fingerprint(&bytes);
    if stamp_id(&mut bytes, &id) {
        return bytes;
    }
    set_id(&mut lo, &id);
    save(&mut lo)
}

/// Writes `id` over the zero identifier in the trailer of `bytes`, saved with
/// `set_id(…, &[0; 16])` (the last such entry is the trailer's: it follows
/// every object and the cross-reference table). The hex strings keep their
/// length, so the file is the one a second save
/// with `id` would give, without serialising the document twice. Returns
/// false, changing nothing, when the zero identifier is not found as written
/// (the caller then saves again).
fn stamp_id(bytes: &mut [u8], id: &[u8; 16]) -> bool {
    let zero = format!("/ID[<{0}><{0}>]", "00".repeat(16));
    let hex: String = id.iter().map(|b| format!("{b:02X}")).collect();
    let Some(at) = rfind(bytes, zero.as_bytes()) else {
        return false;
    };
    let stamped = format!("/ID[<{hex}><{hex}>]");
    bytes[at..at + stamped.len()].copy_from_slice(stamped.as_bytes());
    true
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// zlib level for streams: on a 23-page letter, level 6 is within 0.5% of
/// level 9's size in two thirds of its time (level 1 is a third larger).
const DEFLATE_LEVEL: u32 = 1;

/// Deflates a stream that has no filter yet; the output depends only on the input.
fn compress(stream: &mut lopdf::Stream) {
    use std::io::Write;
    if stream.dict.get(b"Filter").is_ok() {
        return;
    }
    let mut encoder =
        flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(DEFLATE_LEVEL));
    if encoder.write_all(&stream.content).is_err() {
        return;
    }
    if let Ok(packed) = encoder.finish()
        && packed.len() < stream.content.len()
    {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(packed);
    }
}

/// printpdf gives every page an empty `/Annots` array; EDGAR-minded checks
/// look for the key, and an empty one says nothing, so it goes.
fn drop_empty_annotations(doc: &mut lopdf::Document) {
    for object in doc.objects.values_mut() {
        if let lopdf::Object::Dictionary(dict) = object
            && matches!(dict.get(b"Annots"), Ok(lopdf::Object::Array(a)) if a.is_empty())
        {
            dict.remove(b"Annots");
        }
    }
}

/// Drops what printpdf always writes into the Info dictionary but this file is
/// not: an empty `/GTS_PDFXVersion` makes readers report PDF/X, and empty
/// subject, keywords and identifier say nothing.
fn clean_info(doc: &mut lopdf::Document) {
    let Ok(info) = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
    else {
        return;
    };
    if let Ok(lopdf::Object::Dictionary(dict)) = doc.get_object_mut(info) {
        for key in ["GTS_PDFXVersion", "Identifier", "Keywords", "Subject"] {
            let empty = match dict.get(key.as_bytes()) {
                Ok(lopdf::Object::String(s, _)) => s.is_empty(),
                _ => false,
            };
            if empty || key == "GTS_PDFXVersion" {
                dict.remove(key.as_bytes());
            }
        }
    }
}

fn save(doc: &mut lopdf::Document) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = doc.save_to(&mut out);
    out
}

fn set_id(doc: &mut lopdf::Document, id: &[u8; 16]) {
    let s = || lopdf::Object::String(id.to_vec(), lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", lopdf::Object::Array(vec![s(), s()]));
}

/// A 128-bit FNV-1a hash of the file: the document's permanent identifier.
fn fingerprint(bytes: &[u8]) -> [u8; 16] {
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for &b in bytes {
        hash ^= u128::from(b);
        hash = hash.wrapping_mul(PRIME);
    }
    hash.to_be_bytes()
}

fn pdf_date(d: &super::PdfDate) -> DateTime {
    DateTime {
        date: Date {
            year: d.year,
            month: d.month.clamp(1, 12),
            day: d.day.clamp(1, 31),
        },
        time: Time {
            hour: d.hour.min(23),
            minute: d.minute.min(59),
            second: d.second.min(59),
            millisecond: 0,
        },
        offset: Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

fn chars_used(pages: &[PageLayout], face: FaceId) -> BTreeSet<char> {
    let mut set = BTreeSet::new();
    for page in pages {
        for mark in &page.marks {
            if let Mark::Text { fragment, .. } = mark
                && fragment.face == face
            {
                set.extend(fragment.drawn().chars());
            }
        }
    }
    if !set.is_empty() {
        // Runs of text put real spaces between words.
        set.insert(' ');
    }
    set
}

/// printpdf's reading of the whole face (metrics for the font descriptor), parsed once.
fn parsed_face(face: FaceId) -> Option<&'static ParsedFont> {
    static PARSED: OnceLock<Vec<Option<ParsedFont>>> = OnceLock::new();
    let all = PARSED.get_or_init(|| {
        FACES
            .iter()
            .map(|&f| ParsedFont::from_bytes(fonts().face(f).bytes, 0, &mut Vec::new()))
            .collect()
    });
    all[FACES.iter().position(|&f| f == face)?].as_ref()
}

/// The face cut down to the glyphs of `chars`, renumbered, with the matching maps.
fn subset_font(face: FaceId, chars: &BTreeSet<char>) -> Option<ParsedFont> {
    let full = parsed_face(face)?;
    let metrics = fonts().face(face);
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut to_glyph = BTreeMap::new();
    let mut widths = BTreeMap::new();
    for &c in chars {
        let Some(old) = metrics.glyph(c) else {
            continue;
        };
        let new = remapper.remap(old);
        to_glyph.insert(u32::from(c), new);
        widths.insert(new, full.get_glyph_width(old).unwrap_or(0));
    }
    let bytes = subsetter::subset(metrics.bytes, 0, &remapper).ok()?;
    // The whole face's metrics with the subset's bytes and maps (the whole
    // face's bytes and maps are not copied only to be replaced).
    Some(ParsedFont {
        original_bytes: bytes,
        font_index: full.font_index,
        font_name: Some(format!("{}+{}", subset_tag(chars), metrics.postscript_name)),
        codepoint_to_glyph: to_glyph,
        glyph_widths: widths,
        units_per_em: full.units_per_em,
        font_metrics: full.font_metrics.clone(),
        font_type: full.font_type,
        pdf_font_metrics: full.pdf_font_metrics.clone(),
    })
}

/// Six capital letters naming a subset, derived from its characters.
fn subset_tag(chars: &BTreeSet<char>) -> String {
    let text: String = chars.iter().collect();
    let mut hash = u128::from_be_bytes(fingerprint(text.as_bytes()));
    (0..6)
        .map(|_| {
            let c = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamping_the_identifier_gives_the_file_a_second_save_would() {
        // As printpdf hands the document over: a classic cross-reference table.
        let mut doc = lopdf::Document::with_version("1.7");
        doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        let page = doc.add_object(lopdf::dictionary! { "Type" => "Page" });
        let root = doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => page });
        doc.trailer.set("Root", root);
        set_id(&mut doc, &[0; 16]);
        let mut stamped = save(&mut doc);
        let id = fingerprint(&stamped);
        assert!(stamp_id(&mut stamped, &id));
        set_id(&mut doc, &id);
        assert_eq!(stamped, save(&mut doc));
    }

    #[test]
    fn a_file_without_the_zero_identifier_is_left_alone() {
        let mut bytes = b"%PDF-1.7\ntrailer\n<</ID[<01><01>]>>\n%%EOF\n".to_vec();
        let before = bytes.clone();
        assert!(!stamp_id(&mut bytes, &[7; 16]));
        assert_eq!(bytes, before);
    }
}
