//! Measuring text: glyph advances, kerning and rule metrics from the fonts' own tables.
//!
//! The four faces of Liberation Serif are compiled into the binary. Widths come
//! from `hmtx`, kerning pairs from the `kern` table, the underline from `post`
//! and the strike-out from `OS/2`, all through `ttf-parser`.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::style::FaceId;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-BoldItalic.ttf");

/// Characters below this code point (Latin, punctuation, currency) have their
/// metrics cached; others are looked up in the font each time.
const CACHED: u32 = 0x2200;

/// Printed in place of a character none of the faces has.
pub const FALLBACK: char = '?';

/// A horizontal rule's position and thickness relative to the baseline, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleMetric {
    /// Height of the rule's centre above the baseline (negative: below).
    pub center: f32,
    /// Thickness of the rule.
    pub thickness: f32,
}

/// One parsed face with the metrics the layout needs.
pub struct Face {
    /// The font program, for embedding.
    pub bytes: &'static [u8],
    /// The PostScript name, e.g. `LiberationSerif-Bold`.
    pub postscript_name: String,
    face: ttf_parser::Face<'static>,
    /// Glyph id and advance of every character below [`CACHED`], looked up once.
    cache: Vec<(u16, u16)>,
    /// Kerning pairs (left glyph << 16 | right glyph) → adjustment in font units.
    kerning: HashMap<u32, i16>,
    upm: f32,
    underline: (f32, f32),
    strikeout: (f32, f32),
}

/// The four faces, parsed once per process.
pub struct Fonts {
    faces: [Face; 4],
}

/// The embedded fonts.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        faces: [
            Face::parse(REGULAR),
            Face::parse(BOLD),
            Face::parse(ITALIC),
            Face::parse(BOLD_ITALIC),
        ],
    })
}

impl Fonts {
    /// The face `id`.
    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[match id {
            FaceId::Regular => 0,
            FaceId::Bold => 1,
            FaceId::Italic => 2,
            FaceId::BoldItalic => 3,
        }]
    }
}

impl Face {
    fn parse(bytes: &'static [u8]) -> Face {
        // The fonts are part of the binary and tested; a failure here is a build defect.
        let face = ttf_parser::Face::parse(bytes, 0).expect("embedded font parses");
        let upm = f32::from(face.units_per_em().max(1));
        let underline = face
            .underline_metrics()
            .map(|m| (f32::from(m.position), f32::from(m.thickness)))
            .unwrap_or((-0.1 * upm, 0.05 * upm));
        let strikeout = face
            .strikeout_metrics()
            .map(|m| (f32::from(m.position), f32::from(m.thickness)))
            .unwrap_or((0.25 * upm, 0.05 * upm));
        let postscript_name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| "LiberationSerif".to_owned());
        let mut cache = vec![(0, 0); CACHED as usize];
        let unicode = face
            .tables()
            .cmap
            .and_then(|cmap| cmap.subtables.into_iter().find(|s| s.is_unicode()));
        if let Some(subtable) = unicode {
            subtable.codepoints(|u| {
                if u < CACHED
                    && let Some(gid) = subtable.glyph_index(u)
                {
                    let advance = face.glyph_hor_advance(gid).unwrap_or(0);
                    cache[u as usize] = (gid.0, advance);
                }
            });
        }
        let mut kerning = HashMap::new();
        if let Some(kern) = face.tables().kern {
            for sub in kern.subtables {
                if let ttf_parser::kern::Format::Format0(table) = sub.format
                    && sub.horizontal
                    && !sub.variable
                    && !sub.has_cross_stream
                {
                    for pair in table.pairs {
                        kerning.entry(pair.pair).or_insert(pair.value);
                    }
                }
            }
        }
        Face {
            bytes,
            postscript_name,
            face,
            cache,
            kerning,
            upm,
            underline,
            strikeout,
        }
    }

    /// The glyph for `c`, if the face has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        match self.cache.get(c as usize) {
            Some(&(gid, _)) => Some(gid),
            None => self.face.glyph_index(c).map(|g| g.0),
        }
        .filter(|&g| g != 0)
    }

    /// `c` if the face can show it, otherwise a stand-in it can show.
    pub fn printable(&self, c: char) -> char {
        match c {
            '\t' | '\u{a0}' => ' ',
            c if self.glyph(c).is_some() => c,
            _ => FALLBACK,
        }
    }

    /// The advance width of `c` at `size` points, as the PDF states it.
    pub fn advance(&self, c: char, size: f32) -> f32 {
        let c = self.printable(c);
        let advance = match self.cache.get(c as usize) {
            Some(&(_, advance)) => advance,
            None => {
                let gid = self.glyph(c).unwrap_or(0);
                self.face
                    .glyph_hor_advance(ttf_parser::GlyphId(gid))
                    .unwrap_or(0)
            }
        };
        // The PDF's /W array states widths in whole thousandths of an em
        // (printpdf truncates); measuring on the same grid puts every glyph
        // exactly where the layout expects it.
        (f32::from(advance) * 1000.0 / self.upm).trunc() * size / 1000.0
    }

    /// The kerning between `left` and `right` in font units (negative: closer).
    pub fn kern_units(&self, left: char, right: char) -> i16 {
        let (Some(l), Some(r)) = (self.glyph(left), self.glyph(right)) else {
            return 0;
        };
        self.kerning
            .get(&(u32::from(l) << 16 | u32::from(r)))
            .copied()
            .unwrap_or(0)
    }

    /// Font units per em.
    pub fn units_per_em(&self) -> f32 {
        self.upm
    }

    /// The width of `text` at `size` points, kerning included.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let mut total = 0.0;
        let mut previous = None;
        for c in text.chars() {
            total += self.advance(c, size);
            if let Some(p) = previous {
                total += f32::from(self.kern_units(p, c)) * size / self.upm;
            }
            previous = Some(c);
        }
        total
    }

    /// Where the underline goes for text at `size` points (from the `post` table,
    /// whose position is the top of the stroke).
    pub fn underline(&self, size: f32) -> RuleMetric {
        self.rule(self.underline, size)
    }

    /// Where the strike-out rule goes for text at `size` points (from `OS/2`).
    pub fn strikeout(&self, size: f32) -> RuleMetric {
        self.rule(self.strikeout, size)
    }

    fn rule(&self, (position, thickness): (f32, f32), size: f32) -> RuleMetric {
        let thickness = thickness * size / self.upm;
        RuleMetric {
            center: position * size / self.upm - thickness / 2.0,
            thickness,
        }
    }

    /// The ascender height at `size` points.
    pub fn ascender(&self, size: f32) -> f32 {
        f32::from(self.face.ascender()) * size / self.upm
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_match_times_metrics() {
        let face = fonts().face(FaceId::Regular);
        // Times/Liberation Serif: space 0.25 em, "M" 0.889 em.
        assert!((face.advance(' ', 12.0) - 3.0).abs() < 0.01);
        assert!((face.advance('M', 1000.0) - 889.0).abs() < 1.0);
        assert!(face.width("Staff", 12.0) > face.width("Staf", 12.0));
    }

    #[test]
    fn kerning_pairs_come_from_the_kern_table() {
        let face = fonts().face(FaceId::Regular);
        assert!(face.kern_units('A', 'V') < 0);
        let pair = face.width("AV", 12.0);
        assert!(pair < face.advance('A', 12.0) + face.advance('V', 12.0) - 1.0);
    }

    #[test]
    fn rules_come_from_the_font() {
        let face = fonts().face(FaceId::Regular);
        let under = face.underline(12.0);
        let strike = face.strikeout(12.0);
        assert!(under.center < 0.0 && under.thickness > 0.3);
        assert!(strike.center > 1.5 && strike.center < 4.0);
    }

    #[test]
    fn unknown_characters_fall_back() {
        let face = fonts().face(FaceId::Bold);
        assert_eq!(face.printable('\u{10FFFF}'), FALLBACK);
        assert_eq!(face.printable('—'), '—');
        assert_eq!(face.postscript_name, "LiberationSerif-Bold");
    }
}
