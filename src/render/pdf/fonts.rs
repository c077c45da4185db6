//! Measuring text: glyph advances, kerning and rule metrics from the fonts' own tables.
//!
//! The four faces of Liberation Serif are compiled into the binary, with a
//! symbol face (a subset of DejaVu Sans: arrows, check marks, currency signs,
//! mathematical and other symbols) for the characters the serif lacks. Widths
//! come from `hmtx`, kerning pairs from the `kern` table, the underline from
//! `post` and the strike-out from `OS/2`, all through `ttf-parser`.
//!
//! A character no embedded face has is never replaced: [`uncovered_chars`]
//! finds such characters so the check stage can report them in the YAML, and
//! the placement check refuses a page that would show one.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::style::FaceId;
use super::text::Fragment;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-BoldItalic.ttf");
const SYMBOLS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Symbols.ttf");

/// Characters below this code point (Latin, punctuation, currency) have their
/// metrics cached; others are looked up in the font each time.
const CACHED: u32 = 0x2200;

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

/// The faces, parsed once per process.
pub struct Fonts {
    faces: [Face; 5],
}

/// The faces of the text, each of which must have a character for it to be
/// set without the symbol face.
const TEXT_FACES: [FaceId; 4] = [
    FaceId::Regular,
    FaceId::Bold,
    FaceId::Italic,
    FaceId::BoldItalic,
];

/// The embedded fonts.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        faces: [
            Face::parse(REGULAR),
            Face::parse(BOLD),
            Face::parse(ITALIC),
            Face::parse(BOLD_ITALIC),
            Face::parse(SYMBOLS),
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
            FaceId::Symbols => 4,
        }]
    }

    /// The face that sets `c` in text meant for `face`: `face` itself when it
    /// has the character, else the symbol face when that has it, else `face`
    /// (which then shows nothing for it: the placement check refuses that).
    pub fn covering(&self, face: FaceId, c: char) -> FaceId {
        let c = shown(c);
        if self.face(face).glyph(c).is_some() || self.face(FaceId::Symbols).glyph(c).is_none() {
            face
        } else {
            FaceId::Symbols
        }
    }

    /// True when every text face, or else the symbol face, can show `c`.
    pub fn covers(&self, c: char) -> bool {
        if matches!(c, '\n' | '\r' | '\t') {
            return true;
        }
        if c.is_control() || right_to_left(c) {
            return false;
        }
        let c = shown(c);
        TEXT_FACES.iter().all(|&f| self.face(f).glyph(c).is_some())
            || self.face(FaceId::Symbols).glyph(c).is_some()
    }

    /// True when `face` can show `c` as the layout draws it: a space, or a
    /// character the face has that is not a control character or a letter of
    /// a script written right to left.
    pub fn shows(&self, face: FaceId, c: char) -> bool {
        let c = shown(c);
        c == ' ' || (!c.is_control() && !right_to_left(c) && self.face(face).glyph(c).is_some())
    }

    /// `text` in `face` at `size` as fragments, one per run of characters set
    /// in the same face (see [`Fonts::covering`]).
    pub fn fragments(&self, face: FaceId, text: &str, size: f32) -> Vec<Fragment> {
        let mut out: Vec<Fragment> = Vec::new();
        for c in text.chars() {
            let id = self.covering(face, c);
            match out.last_mut() {
                Some(last) if last.face == id => last.text.push(shown(c)),
                _ => out.push(Fragment {
                    text: shown(c).to_string(),
                    face: id,
                    size,
                    rise: 0.0,
                    underline: false,
                    strike: false,
                    width: 0.0,
                    confidential: false,
                    run_start: false,
                    caps: false,
                }),
            }
        }
        for f in &mut out {
            f.width = self.face(f.face).width(&f.text, size);
        }
        out
    }

    /// The width of `text` set in `face` at `size`, symbols in the symbol face.
    pub fn width(&self, face: FaceId, text: &str, size: f32) -> f32 {
        self.fragments(face, text, size)
            .iter()
            .map(|f| f.width)
            .sum()
    }
}

/// Letters of scripts written right to left (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms): lines are set left to right without
/// shaping, so such text would print reversed or unjoined even where a face
/// has the letters.
pub fn right_to_left(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
    )
}

/// What is drawn for `c`: a tab or a no-break space is drawn as a space (so
/// copied text has an ordinary space); every other character as itself.
pub fn shown(c: char) -> char {
    match c {
        '\t' | '\u{a0}' => ' ',
        c => c,
    }
}

/// A character as a reader can look it up: `U+2713 CHECK MARK (“✓”)`.
pub fn describe(c: char) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    let name = unicode_names2::name(c).map(|n| n.to_string());
    match (name, c.is_control()) {
        (Some(name), false) => format!("{code} {name} (“{c}”)"),
        (Some(name), true) => format!("{code} {name}"),
        (None, false) => format!("{code} (“{c}”)"),
        (None, true) => format!("{code}, a control character"),
    }
}

/// The characters of `text` that no embedded face can show, with their byte
/// offsets: what the PDF could not print. Line breaks and tabs count as shown.
pub fn uncovered_chars(text: &str) -> Vec<(usize, char)> {
    let fonts = fonts();
    text.char_indices()
        .filter(|&(_, c)| !fonts.covers(c))
        .collect()
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

    /// The advance width of `c` at `size` points, as the PDF states it (0 for
    /// a character the face lacks).
    pub fn advance(&self, c: char, size: f32) -> f32 {
        let c = shown(c);
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
    fn symbols_the_serif_lacks_come_from_the_symbol_face() {
        let fonts = fonts();
        assert_eq!(fonts.covering(FaceId::Bold, '—'), FaceId::Bold);
        for c in ['✓', '₹', '✗', '☐', '⇒'] {
            assert!(fonts.face(FaceId::Regular).glyph(c).is_none(), "{c}");
            assert_eq!(fonts.covering(FaceId::Italic, c), FaceId::Symbols, "{c}");
            assert!(fonts.face(FaceId::Symbols).advance(c, 12.0) > 1.0, "{c}");
        }
        assert_eq!(
            fonts.face(FaceId::Bold).postscript_name,
            "LiberationSerif-Bold"
        );
        assert_eq!(fonts.face(FaceId::Symbols).postscript_name, "DejaVuSans");
    }

    #[test]
    fn characters_are_described_by_code_point_and_name() {
        assert_eq!(describe('✓'), "U+2713 CHECK MARK (“✓”)");
        assert_eq!(describe('中'), "U+4E2D CJK UNIFIED IDEOGRAPH-4E2D (“中”)");
        assert!(describe('\u{7}').starts_with("U+0007"));
    }

    #[test]
    fn uncovered_characters_are_found_with_their_offsets() {
        let text = "Revenue ₹5 ✓ 中文 and 😀\u{7}.\tEnd\n";
        assert_eq!(
            uncovered_chars(text),
            vec![
                (text.find('中').unwrap(), '中'),
                (text.find('文').unwrap(), '文'),
                (text.find('😀').unwrap(), '😀'),
                (text.find('\u{7}').unwrap(), '\u{7}'),
            ]
        );
        // Hebrew and Arabic need shaping the layout does not do: not covered.
        assert_eq!(uncovered_chars("שלום").len(), 4);
        assert!(uncovered_chars("Über Straße, naïve café — “quoted” § 200.83 € ¥ £").is_empty());
    }
}
