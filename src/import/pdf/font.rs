//! A font as the content interpreter needs it: how to cut a string into
//! character codes, the text of each code, and each code's width.
//!
//! Simple fonts (Type 1, TrueType, Type 3) take one byte per code; their text
//! comes from `/ToUnicode`, else from the encoding (a base encoding and
//! `/Differences`), else from the standard encoding; widths from `/Widths`,
//! else from the standard font metrics. Composite (Type 0) fonts take the
//! codes their CMap says (two bytes for `Identity-H`), text from
//! `/ToUnicode`, and widths from the descendant font's `/W` and `/DW`.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::CMap;
use super::document::{name, resolve, stream_bytes};
use super::encoding::{self, BaseEncoding, CodeTable, glyph_char};
use super::metrics::{self, StandardMetrics};

/// The most width entries kept from a `/W` array.
const MAX_WIDTHS: usize = 65_536;

/// A font of a page.
#[derive(Debug, Clone)]
pub struct Font {
    /// One byte per code, or the codes of a CMap.
    codes: Codes,
    /// `/ToUnicode`, when present.
    to_unicode: Option<CMap>,
    /// A simple font's code → character table.
    table: CodeTable,
    /// Widths in glyph units by code (simple) or CID (composite).
    widths: HashMap<u32, f32>,
    /// Width of a code not in `widths`, in glyph units.
    default_width: f32,
    /// Metrics of a standard font named without widths.
    standard: Option<StandardMetrics>,
    /// Glyph units to text space: 1/1000, or a Type 3 font's matrix.
    scale: f32,
}

/// How a font's strings are cut into codes.
#[derive(Debug, Clone)]
enum Codes {
    /// One byte per code.
    Simple,
    /// Two bytes per code, the code being the CID.
    Identity,
    /// Codes and CIDs from an embedded CMap.
    Mapped(CMap),
}

impl Font {
    /// Reads a font dictionary; anything missing or malformed falls back to
    /// what a viewer would assume, so text is never lost to a bad font entry.
    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = name(doc, dict.get(b"Subtype").ok()).unwrap_or_default();
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_bytes(doc, o))
            .map(|bytes| CMap::parse(&bytes));
        if subtype == "Type0" {
            return Font::composite(doc, dict, to_unicode);
        }
        let base_font = name(doc, dict.get(b"BaseFont").ok()).unwrap_or_default();
        let standard = metrics::standard(&base_font);
        let (widths, first) = simple_widths(doc, dict);
        let descriptor =
            resolve(doc, dict.get(b"FontDescriptor").ok()).and_then(|o| o.as_dict().ok());
        let missing = descriptor
            .and_then(|d| number(doc, d.get(b"MissingWidth").ok()))
            .unwrap_or(0.0);
        let scale = if subtype == "Type3" {
            type3_scale(doc, dict)
        } else {
            0.001
        };
        let mut font = Font {
            codes: Codes::Simple,
            to_unicode,
            table: simple_table(doc, dict, &base_font, descriptor),
            widths: HashMap::new(),
            default_width: if widths.is_empty() && standard.is_none() {
                500.0
            } else {
                missing
            },
            standard: if widths.is_empty() { standard } else { None },
            scale,
        };
        for (i, w) in widths.into_iter().enumerate() {
            if let Ok(i) = u32::try_from(i) {
                font.widths.insert(first.saturating_add(i), w);
            }
        }
        font
    }

    /// A Type 0 font: codes from its CMap, widths from its descendant.
    fn composite(doc: &Document, dict: &Dictionary, to_unicode: Option<CMap>) -> Font {
        let codes = match dict
            .get(b"Encoding")
            .ok()
            .and_then(|o| resolve(doc, Some(o)))
        {
            Some(Object::Name(n)) if n.starts_with(b"Identity") => Codes::Identity,
            Some(stream @ Object::Stream(_)) => match stream_bytes(doc, stream) {
                Some(bytes) => Codes::Mapped(CMap::parse(&bytes)),
                None => Codes::Identity,
            },
            _ => Codes::Identity,
        };
        let descendant = resolve(doc, dict.get(b"DescendantFonts").ok())
            .and_then(|o| o.as_array().ok())
            .and_then(|a| resolve(doc, a.first()))
            .and_then(|o| o.as_dict().ok());
        let default_width = descendant
            .and_then(|d| number(doc, d.get(b"DW").ok()))
            .unwrap_or(1000.0);
        let widths = descendant
            .and_then(|d| resolve(doc, d.get(b"W").ok()))
            .and_then(|o| o.as_array().ok())
            .map(|w| cid_widths(doc, w))
            .unwrap_or_default();
        Font {
            codes,
            to_unicode,
            table: [None; 256],
            widths,
            default_width,
            standard: None,
            scale: 0.001,
        }
    }

    /// The next code of a string and the bytes it takes (at least one).
    pub fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        match &self.codes {
            Codes::Simple => (bytes.first().map_or(0, |&b| u32::from(b)), 1),
            Codes::Identity if bytes.len() >= 2 => {
                (u32::from(u16::from_be_bytes([bytes[0], bytes[1]])), 2)
            }
            Codes::Identity => (bytes.first().map_or(0, |&b| u32::from(b)), 1),
            Codes::Mapped(cmap) => {
                let (code, len) = cmap.next_code(bytes);
                (code, len.max(1))
            }
        }
    }

    /// Whether the code is the single-byte space that word spacing applies to.
    pub fn is_word_space(&self, code: u32, len: usize) -> bool {
        code == 32 && len == 1
    }

    /// The text of a code; empty when the font does not say.
    pub fn text(&self, code: u32) -> String {
        if let Some(text) = self.to_unicode.as_ref().and_then(|m| m.text(code)) {
            return text;
        }
        match self.codes {
            Codes::Simple => usize::try_from(code)
                .ok()
                .and_then(|c| self.table.get(c).copied().flatten())
                .map(String::from)
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// The width of a code in text space units (multiply by the font size).
    pub fn width(&self, code: u32) -> f32 {
        let key = match &self.codes {
            Codes::Mapped(cmap) => cmap.cid(code).unwrap_or(code),
            _ => code,
        };
        if let Some(w) = self.widths.get(&key) {
            return w * self.scale;
        }
        if let Some(standard) = &self.standard
            && let Some(w) = self
                .text(code)
                .chars()
                .next()
                .and_then(|c| standard.width(c))
        {
            return w * self.scale;
        }
        self.default_width * self.scale
    }
}

/// A simple font's `/Widths` and `/FirstChar`.
fn simple_widths(doc: &Document, dict: &Dictionary) -> (Vec<f32>, u32) {
    let first = number(doc, dict.get(b"FirstChar").ok())
        .filter(|f| (0.0..=255.0).contains(f))
        .map_or(0, |f| f as u32);
    let widths = resolve(doc, dict.get(b"Widths").ok())
        .and_then(|o| o.as_array().ok())
        .map(|a| {
            a.iter()
                .take(256)
                .map(|w| number(doc, Some(w)).unwrap_or(0.0))
                .collect()
        })
        .unwrap_or_default();
    (widths, first)
}

/// A simple font's code → character table from its encoding.
fn simple_table(
    doc: &Document,
    dict: &Dictionary,
    base_font: &str,
    descriptor: Option<&Dictionary>,
) -> CodeTable {
    let symbolic_name = ["Symbol", "ZapfDingbats", "Wingdings"]
        .iter()
        .any(|s| base_font.contains(s));
    let flags = descriptor
        .and_then(|d| number(doc, d.get(b"Flags").ok()))
        .map_or(0, |f| f as i64);
    let symbolic = symbolic_name || (flags & 4 != 0 && flags & 32 == 0);
    let encoding = resolve(doc, dict.get(b"Encoding").ok());
    let named = |o: Option<&Object>| match name(doc, o).as_deref() {
        Some("WinAnsiEncoding") => Some(BaseEncoding::WinAnsi),
        Some("StandardEncoding") => Some(BaseEncoding::Standard),
        Some("MacRomanEncoding") => Some(BaseEncoding::MacRoman),
        _ => None,
    };
    let fallback = if symbolic {
        BaseEncoding::Symbolic
    } else if metrics::standard(base_font).is_some() {
        BaseEncoding::Standard
    } else {
        BaseEncoding::WinAnsi
    };
    let (base, differences) = match encoding {
        Some(Object::Dictionary(d)) => (
            named(d.get(b"BaseEncoding").ok()).unwrap_or(fallback),
            resolve(doc, d.get(b"Differences").ok()).and_then(|o| o.as_array().ok()),
        ),
        other => (named(other).unwrap_or(fallback), None),
    };
    let mut table = encoding::base_table(base);
    if let Some(differences) = differences {
        apply_differences(doc, differences, &mut table);
    }
    table
}

/// `/Differences [32 /space /exclam 146 /quoteright]`.
fn apply_differences(doc: &Document, differences: &[Object], table: &mut CodeTable) {
    let mut code: Option<usize> = None;
    for item in differences {
        match resolve(doc, Some(item)) {
            Some(Object::Integer(n)) => code = usize::try_from(*n).ok(),
            Some(Object::Name(glyph)) => {
                if let Some(c) = code.filter(|&c| c < 256) {
                    let glyph = String::from_utf8_lossy(glyph);
                    table[c] = glyph_char(&glyph).or(table[c]);
                }
                code = code.map(|c| c + 1);
            }
            _ => {}
        }
    }
}

/// A descendant font's `/W`: `c [w1 w2 …]` and `c_first c_last w`.
fn cid_widths(doc: &Document, w: &[Object]) -> HashMap<u32, f32> {
    let mut widths = HashMap::new();
    let mut i = 0;
    while i < w.len() && widths.len() < MAX_WIDTHS {
        let Some(first) = number(doc, w.get(i))
            .filter(|f| *f >= 0.0)
            .map(|f| f as u32)
        else {
            i += 1;
            continue;
        };
        match resolve(doc, w.get(i + 1)) {
            Some(Object::Array(list)) => {
                for (k, value) in list.iter().enumerate().take(MAX_WIDTHS) {
                    let cid = u32::try_from(k).ok().and_then(|k| first.checked_add(k));
                    if let (Some(cid), Some(v)) = (cid, number(doc, Some(value))) {
                        widths.insert(cid, v);
                    }
                }
                i += 2;
            }
            Some(_) => {
                let last = number(doc, w.get(i + 1)).map_or(first, |l| l.max(0.0) as u32);
                if let Some(value) = number(doc, w.get(i + 2)) {
                    for cid in first..=last.min(first.saturating_add(MAX_WIDTHS as u32)) {
                        widths.insert(cid, value);
                    }
                }
                i += 3;
            }
            None => break,
        }
    }
    widths
}

/// A Type 3 font's glyph-to-text scale: the first number of its `/FontMatrix`.
fn type3_scale(doc: &Document, dict: &Dictionary) -> f32 {
    resolve(doc, dict.get(b"FontMatrix").ok())
        .and_then(|o| o.as_array().ok())
        .and_then(|m| number(doc, m.first()))
        .filter(|a| a.is_finite() && *a != 0.0)
        .unwrap_or(0.001)
}

/// A number object (through references), when finite.
fn number(doc: &Document, object: Option<&Object>) -> Option<f32> {
    resolve(doc, object)
        .and_then(|o| o.as_float().ok())
        .filter(|f| f.is_finite())
}
