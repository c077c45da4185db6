//! Encodings of simple (one byte per character) fonts: the base encodings PDF
//! names (WinAnsi, Standard, MacRoman's ASCII half), `/Differences` by glyph
//! name, and the names of the glyphs letters use.

/// A simple font's code → character table.
pub type CodeTable = [Option<char>; 256];

/// The base encodings a font dictionary can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    /// `/WinAnsiEncoding`: Windows code page 1252.
    WinAnsi,
    /// Adobe's StandardEncoding, the default of Type 1 fonts.
    Standard,
    /// `/MacRomanEncoding`; only its ASCII half is read (no letter in the
    /// wild uses the rest), the upper half as WinAnsi.
    MacRoman,
    /// A symbol font's own encoding: code `c` becomes the private-use
    /// character U+F000 + `c`, as Word writes Symbol-font bullets (U+F0B7).
    Symbolic,
}

/// Windows-1252 characters of the codes 0x80–0x9F (the rest are Latin-1).
const WINANSI_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// StandardEncoding's codes above 0x7F that hold a glyph.
const STANDARD_HIGH: &[(u8, char)] = &[
    (0xA1, '¡'),
    (0xA2, '¢'),
    (0xA3, '£'),
    (0xA4, '⁄'),
    (0xA5, '¥'),
    (0xA6, 'ƒ'),
    (0xA7, '§'),
    (0xA8, '¤'),
    (0xA9, '\''),
    (0xAA, '“'),
    (0xAB, '«'),
    (0xAC, '‹'),
    (0xAD, '›'),
    (0xAE, 'ﬁ'),
    (0xAF, 'ﬂ'),
    (0xB1, '–'),
    (0xB2, '†'),
    (0xB3, '‡'),
    (0xB4, '·'),
    (0xB6, '¶'),
    (0xB7, '•'),
    (0xB8, '‚'),
    (0xB9, '„'),
    (0xBA, '”'),
    (0xBB, '»'),
    (0xBC, '…'),
    (0xBD, '‰'),
    (0xBF, '¿'),
    (0xC1, '`'),
    (0xC2, '´'),
    (0xC3, 'ˆ'),
    (0xC4, '˜'),
    (0xC5, '¯'),
    (0xC6, '˘'),
    (0xC7, '˙'),
    (0xC8, '¨'),
    (0xCA, '˚'),
    (0xCB, '¸'),
    (0xCD, '˝'),
    (0xCE, '˛'),
    (0xCF, 'ˇ'),
    (0xD0, '—'),
    (0xE1, 'Æ'),
    (0xE3, 'ª'),
    (0xE8, 'Ł'),
    (0xE9, 'Ø'),
    (0xEA, 'Œ'),
    (0xEB, 'º'),
    (0xF1, 'æ'),
    (0xF5, 'ı'),
    (0xF8, 'ł'),
    (0xF9, 'ø'),
    (0xFA, 'œ'),
    (0xFB, 'ß'),
];

/// The WinAnsi character of a code.
pub fn winansi(code: u8) -> char {
    match code {
        0x80..=0x9F => WINANSI_HIGH[usize::from(code - 0x80)],
        _ => char::from(code),
    }
}

/// The WinAnsi code of a character, if it has one.
pub fn winansi_code(c: char) -> Option<u8> {
    match u32::from(c) {
        0x20..=0x7F | 0xA0..=0xFF => u8::try_from(u32::from(c)).ok(),
        _ => WINANSI_HIGH
            .iter()
            .position(|&h| h == c)
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// The table of a base encoding.
pub fn base_table(base: BaseEncoding) -> CodeTable {
    let mut table: CodeTable = [None; 256];
    for (code, slot) in table.iter_mut().enumerate() {
        let Ok(byte) = u8::try_from(code) else {
            continue;
        };
        *slot = match base {
            BaseEncoding::Symbolic => char::from_u32(0xF000 + u32::from(byte)),
            _ if byte < 0x20 => None,
            BaseEncoding::Standard if byte >= 0x80 => None,
            BaseEncoding::Standard if byte == 0x27 => Some('’'),
            BaseEncoding::Standard if byte == 0x60 => Some('‘'),
            _ => Some(winansi(byte)),
        };
    }
    if base == BaseEncoding::Standard {
        for &(code, c) in STANDARD_HIGH {
            table[usize::from(code)] = Some(c);
        }
    }
    table
}

/// Glyph names of the WinAnsi codes 0xA0–0xFF and 0x80–0x9F that are not
/// single letters or digits, with their characters.
const NAMES: &[(&str, char)] = &[
    ("space", ' '),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quotesingle", '\''),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("period", '.'),
    ("slash", '/'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("asciicircum", '^'),
    ("underscore", '_'),
    ("grave", '`'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("asciitilde", '~'),
    ("Euro", '€'),
    ("quotesinglbase", '‚'),
    ("florin", 'ƒ'),
    ("quotedblbase", '„'),
    ("ellipsis", '…'),
    ("dagger", '†'),
    ("daggerdbl", '‡'),
    ("circumflex", 'ˆ'),
    ("perthousand", '‰'),
    ("guilsinglleft", '‹'),
    ("quoteleft", '‘'),
    ("quoteright", '’'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("bullet", '•'),
    ("endash", '–'),
    ("emdash", '—'),
    ("tilde", '˜'),
    ("trademark", '™'),
    ("guilsinglright", '›'),
    ("exclamdown", '¡'),
    ("cent", '¢'),
    ("sterling", '£'),
    ("currency", '¤'),
    ("yen", '¥'),
    ("brokenbar", '¦'),
    ("section", '§'),
    ("dieresis", '¨'),
    ("copyright", '©'),
    ("ordfeminine", 'ª'),
    ("guillemotleft", '«'),
    ("logicalnot", '¬'),
    ("registered", '®'),
    ("macron", '¯'),
    ("degree", '°'),
    ("plusminus", '±'),
    ("twosuperior", '²'),
    ("threesuperior", '³'),
    ("acute", '´'),
    ("mu", 'µ'),
    ("paragraph", '¶'),
    ("periodcentered", '·'),
    ("cedilla", '¸'),
    ("onesuperior", '¹'),
    ("ordmasculine", 'º'),
    ("guillemotright", '»'),
    ("onequarter", '¼'),
    ("onehalf", '½'),
    ("threequarters", '¾'),
    ("questiondown", '¿'),
    ("multiply", '×'),
    ("divide", '÷'),
    ("germandbls", 'ß'),
    ("AE", 'Æ'),
    ("ae", 'æ'),
    ("OE", 'Œ'),
    ("oe", 'œ'),
    ("Eth", 'Ð'),
    ("eth", 'ð'),
    ("Thorn", 'Þ'),
    ("thorn", 'þ'),
    ("Oslash", 'Ø'),
    ("oslash", 'ø'),
    ("fi", 'ﬁ'),
    ("fl", 'ﬂ'),
    ("ff", 'ﬀ'),
    ("ffi", 'ﬃ'),
    ("ffl", 'ﬄ'),
    ("minus", '−'),
    ("fraction", '⁄'),
    ("dotlessi", 'ı'),
    ("Lslash", 'Ł'),
    ("lslash", 'ł'),
    ("breve", '˘'),
    ("dotaccent", '˙'),
    ("ring", '˚'),
    ("hungarumlaut", '˝'),
    ("ogonek", '˛'),
    ("caron", 'ˇ'),
    ("nbspace", '\u{a0}'),
    ("sfthyphen", '\u{ad}'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("Ydieresis", 'Ÿ'),
    ("ydieresis", 'ÿ'),
    ("arrowright", '→'),
];

/// Digit names.
const DIGITS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// Accents that combine with a base letter in names such as "Eacute".
const ACCENTS: [(&str, char); 8] = [
    ("acute", '\u{301}'),
    ("grave", '\u{300}'),
    ("circumflex", '\u{302}'),
    ("dieresis", '\u{308}'),
    ("tilde", '\u{303}'),
    ("ring", '\u{30a}'),
    ("cedilla", '\u{327}'),
    ("caron", '\u{30c}'),
];

/// The character a glyph name stands for: "quoteright" → '’', "uni2022" →
/// '•', "Eacute" → 'É'; `None` for names that say nothing ("g42", "cid17").
pub fn glyph_char(name: &str) -> Option<char> {
    if let [c] = name.as_bytes()
        && c.is_ascii_alphabetic()
    {
        return Some(char::from(*c));
    }
    if let Some(digit) = DIGITS.iter().position(|d| *d == name) {
        return char::from_digit(u32::try_from(digit).ok()?, 10);
    }
    if let Some(&(_, c)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    let hex = name
        .strip_prefix("uni")
        .filter(|h| h.len() == 4)
        .or_else(|| {
            name.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        });
    if let Some(hex) = hex
        && hex.chars().all(|c| c.is_ascii_hexdigit())
    {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    accented(name)
}

/// "Eacute" → 'É', "ccedilla" → 'ç'.
fn accented(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let base = chars.next().filter(char::is_ascii_alphabetic)?;
    let rest = chars.as_str();
    let (_, mark) = ACCENTS.iter().find(|(n, _)| *n == rest)?;
    compose(base, *mark)
}

/// The precomposed Latin-1 letter of a base letter and a combining mark.
fn compose(base: char, mark: char) -> Option<char> {
    (0xC0u32..=0xFF)
        .filter_map(char::from_u32)
        .find(|&c| decomposition(c) == Some((base, mark)))
}

/// The base letter and mark of a precomposed Latin-1 letter.
fn decomposition(c: char) -> Option<(char, char)> {
    const ROWS: [(&str, char); 8] = [
        ("ÀÈÌÒÙàèìòù", '\u{300}'),
        ("ÁÉÍÓÚÝáéíóúý", '\u{301}'),
        ("ÂÊÎÔÛâêîôû", '\u{302}'),
        ("ÃÑÕãñõ", '\u{303}'),
        ("ÄËÏÖÜäëïöüÿ", '\u{308}'),
        ("Åå", '\u{30a}'),
        ("Çç", '\u{327}'),
        ("", '\u{30c}'),
    ];
    const BASES: [&str; 8] = [
        "AEIOUaeiou",
        "AEIOUYaeiouy",
        "AEIOUaeiou",
        "ANOano",
        "AEIOUaeiouy",
        "Aa",
        "Cc",
        "",
    ];
    ROWS.iter().zip(BASES).find_map(|((letters, mark), bases)| {
        let i = letters.chars().position(|l| l == c)?;
        bases.chars().nth(i).map(|b| (b, *mark))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_tables() {
        assert_eq!(glyph_char("quoteright"), Some('’'));
        assert_eq!(glyph_char("uni2022"), Some('•'));
        assert_eq!(glyph_char("u1F600"), Some('😀'));
        assert_eq!(glyph_char("Eacute"), Some('É'));
        assert_eq!(glyph_char("ccedilla"), Some('ç'));
        assert_eq!(glyph_char("seven"), Some('7'));
        assert_eq!(glyph_char("g42"), None);
        let win = base_table(BaseEncoding::WinAnsi);
        assert_eq!(win[0x93], Some('“'));
        assert_eq!(win[0x41], Some('A'));
        let standard = base_table(BaseEncoding::Standard);
        assert_eq!(standard[0x27], Some('’'));
        assert_eq!(standard[0xB7], Some('•'));
        assert_eq!(standard[0xF0], None);
        assert_eq!(base_table(BaseEncoding::Symbolic)[0xB7], Some('\u{f0b7}'));
        assert_eq!(winansi_code('”'), Some(0x94));
        assert_eq!(winansi_code('é'), Some(0xE9));
        assert_eq!(winansi_code('→'), None);
    }
}
