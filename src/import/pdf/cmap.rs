//! CMaps embedded in PDFs: a font's `/ToUnicode` map (code → text) and a
//! composite font's `/Encoding` map (code → CID), with the code space that
//! says how many bytes each code takes.
//!
//! Only the parts that carry meaning are read: `codespacerange`, `bfchar`,
//! `bfrange` (both forms), `cidchar` and `cidrange`. Sizes are bounded so a
//! hostile file cannot make a map enormous.

use std::collections::HashMap;

/// The most mappings one CMap keeps.
const MAX_ENTRIES: usize = 100_000;

/// The sections of a CMap that carry mappings.
const SECTIONS: [&str; 5] = [
    "begincodespacerange",
    "beginbfchar",
    "beginbfrange",
    "begincidchar",
    "begincidrange",
];

/// A parsed CMap.
#[derive(Debug, Clone, Default)]
pub struct CMap {
    /// Code space ranges: byte length, low and high code.
    codespace: Vec<(usize, u32, u32)>,
    /// Single codes → text.
    chars: HashMap<u32, String>,
    /// Code ranges → text: low, high, and the text of the low code (later
    /// codes increment its last character) or one text per code.
    ranges: Vec<(u32, u32, RangeTarget)>,
    /// Code ranges → CIDs: low, high, first CID.
    cids: Vec<(u32, u32, u32)>,
}

/// What a `bfrange` maps to.
#[derive(Debug, Clone)]
enum RangeTarget {
    /// The low code's text; each later code adds one to its last character.
    Start(Vec<u16>),
    /// One text per code.
    List(Vec<String>),
}

/// A token of CMap syntax.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// `<0041>`: bytes.
    Hex(Vec<u8>),
    /// A number.
    Number(u32),
    /// `[`.
    Open,
    /// `]`.
    Close,
    /// A keyword or a name.
    Word(String),
}

impl CMap {
    /// Parses the text of a CMap stream.
    pub fn parse(bytes: &[u8]) -> CMap {
        let tokens = tokenize(bytes);
        let mut map = CMap::default();
        let mut i = 0;
        while i < tokens.len() {
            if let Token::Word(word) = &tokens[i]
                && SECTIONS.contains(&word.as_str())
            {
                let end = section_end(&tokens, i + 1, word);
                let body = &tokens[i + 1..end];
                match word.as_str() {
                    "begincodespacerange" => map.read_codespace(body),
                    "beginbfchar" => map.read_bfchar(body),
                    "beginbfrange" => map.read_bfrange(body),
                    "begincidchar" => map.read_cidchar(body),
                    _ => map.read_cidrange(body),
                }
                i = end;
            }
            i += 1;
        }
        map
    }

    /// The next code in `bytes` and how many bytes it takes, by the code
    /// space (two bytes when the map declares none).
    pub fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        for len in 1..=4 {
            if len > bytes.len() {
                break;
            }
            let code = number(&bytes[..len]);
            if self
                .codespace
                .iter()
                .any(|&(l, lo, hi)| l == len && (lo..=hi).contains(&code))
            {
                return (code, len);
            }
        }
        let len = if self.codespace.is_empty() {
            2.min(bytes.len())
        } else {
            self.codespace
                .iter()
                .map(|&(l, _, _)| l)
                .min()
                .unwrap_or(1)
                .min(bytes.len())
        };
        (number(&bytes[..len]), len.max(1))
    }

    /// Whether the map declares a code space.
    pub fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// The text of a code.
    pub fn text(&self, code: u32) -> Option<String> {
        if let Some(text) = self.chars.get(&code) {
            return Some(text.clone());
        }
        self.ranges
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
            .and_then(|(lo, _, target)| {
                let offset = code - lo;
                match target {
                    RangeTarget::Start(units) => {
                        let mut units = units.clone();
                        let last = units.last_mut()?;
                        *last = last.checked_add(u16::try_from(offset).ok()?)?;
                        Some(decode_utf16(&units))
                    }
                    RangeTarget::List(texts) => texts.get(usize::try_from(offset).ok()?).cloned(),
                }
            })
    }

    /// The CID of a code, when the map says.
    pub fn cid(&self, code: u32) -> Option<u32> {
        self.cids
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
            .and_then(|(lo, _, first)| first.checked_add(code - lo))
    }

    fn entries(&self) -> usize {
        self.chars.len() + self.ranges.len() + self.cids.len() + self.codespace.len()
    }

    fn read_codespace(&mut self, body: &[Token]) {
        for pair in body.chunks_exact(2) {
            if let [Token::Hex(lo), Token::Hex(hi)] = pair
                && (1..=4).contains(&lo.len())
                && self.entries() < MAX_ENTRIES
            {
                self.codespace.push((lo.len(), number(lo), number(hi)));
            }
        }
    }

    fn read_bfchar(&mut self, body: &[Token]) {
        for pair in body.chunks_exact(2) {
            if let [Token::Hex(code), Token::Hex(text)] = pair
                && code.len() <= 4
                && self.entries() < MAX_ENTRIES
            {
                self.chars.insert(number(code), decode_utf16(&units(text)));
            }
        }
    }

    fn read_bfrange(&mut self, body: &[Token]) {
        let mut i = 0;
        while i + 2 < body.len() && self.entries() < MAX_ENTRIES {
            let (Token::Hex(lo), Token::Hex(hi)) = (&body[i], &body[i + 1]) else {
                i += 1;
                continue;
            };
            let (lo, hi) = (number(lo), number(hi));
            match &body[i + 2] {
                Token::Hex(start) if lo <= hi => {
                    self.ranges.push((lo, hi, RangeTarget::Start(units(start))));
                    i += 3;
                }
                Token::Open => {
                    let close = body[i + 3..]
                        .iter()
                        .position(|t| *t == Token::Close)
                        .map_or(body.len(), |p| p + i + 3);
                    let texts = body[i + 3..close]
                        .iter()
                        .filter_map(|t| match t {
                            Token::Hex(b) => Some(decode_utf16(&units(b))),
                            _ => None,
                        })
                        .collect();
                    if lo <= hi {
                        self.ranges.push((lo, hi, RangeTarget::List(texts)));
                    }
                    i = close + 1;
                }
                _ => i += 3,
            }
        }
    }

    fn read_cidchar(&mut self, body: &[Token]) {
        for pair in body.chunks_exact(2) {
            if let [Token::Hex(code), Token::Number(cid)] = pair
                && self.entries() < MAX_ENTRIES
            {
                let code = number(code);
                self.cids.push((code, code, *cid));
            }
        }
    }

    fn read_cidrange(&mut self, body: &[Token]) {
        for triple in body.chunks_exact(3) {
            if let [Token::Hex(lo), Token::Hex(hi), Token::Number(cid)] = triple
                && self.entries() < MAX_ENTRIES
            {
                let (lo, hi) = (number(lo), number(hi));
                if lo <= hi {
                    self.cids.push((lo, hi, *cid));
                }
            }
        }
    }
}

/// Where the section that `begin…` opened at `from` ends.
fn section_end(tokens: &[Token], from: usize, begin: &str) -> usize {
    let Some(name) = begin.strip_prefix("begin") else {
        return from;
    };
    let end = format!("end{name}");
    tokens[from..]
        .iter()
        .position(|t| matches!(t, Token::Word(w) if *w == end))
        .map_or(tokens.len(), |p| p + from)
}

/// Big-endian bytes (at most four) as a number.
fn number(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |n, &b| (n << 8) | u32::from(b))
}

/// Bytes as UTF-16 code units (an odd last byte is dropped).
fn units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks_exact(2)
        .map(|p| u16::from_be_bytes([p[0], p[1]]))
        .collect()
}

/// UTF-16 code units as text; unpaired surrogates are dropped.
fn decode_utf16(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .filter_map(Result::ok)
        .collect()
}

/// Splits CMap text into tokens, skipping comments, strings and dictionaries' brackets.
fn tokenize(bytes: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'%' => {
                while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if bytes.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let end = bytes[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(bytes.len(), |p| p + i);
                tokens.push(Token::Hex(hex(&bytes[i + 1..end])));
                i = end + 1;
            }
            b'(' => i = skip_string(bytes, i),
            b'[' => {
                tokens.push(Token::Open);
                i += 1;
            }
            b']' => {
                tokens.push(Token::Close);
                i += 1;
            }
            _ if b.is_ascii_whitespace() || matches!(b, b'{' | b'}' | b')' | b'>') => i += 1,
            _ => {
                let end = bytes[i..]
                    .iter()
                    .position(|&c| c.is_ascii_whitespace() || b"<>[](){}%".contains(&c))
                    .map_or(bytes.len(), |p| p + i)
                    .max(i + 1);
                let word = String::from_utf8_lossy(&bytes[i..end]).into_owned();
                tokens.push(match word.parse::<u32>() {
                    Ok(n) => Token::Number(n),
                    Err(_) => Token::Word(word),
                });
                i = end;
            }
        }
    }
    tokens
}

/// The index after a literal string starting at `start` (nested brackets, escapes).
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Hex digits as bytes (white space ignored, an odd last digit padded with 0).
fn hex(digits: &[u8]) -> Vec<u8> {
    let nibbles: Vec<u8> = digits
        .iter()
        .filter_map(|&c| char::from(c).to_digit(16))
        .filter_map(|d| u8::try_from(d).ok())
        .collect();
    nibbles
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0003> <0020> <0011> <F0B7> <00A0> <00660069> endbfchar
2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<0078> <0079>] endbfrange
1 begincidrange <0000> <00FF> 10 endcidrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn reads_chars_ranges_and_code_space() {
        let map = CMap::parse(SAMPLE);
        assert_eq!(map.text(3).as_deref(), Some(" "));
        assert_eq!(map.text(0x11).as_deref(), Some("\u{f0b7}"));
        assert_eq!(map.text(0xA0).as_deref(), Some("fi"));
        assert_eq!(map.text(0x25).as_deref(), Some("B"));
        assert_eq!(map.text(0x31).as_deref(), Some("y"));
        assert_eq!(map.text(0x99), None);
        assert_eq!(map.next_code(&[0, 3, 0, 4]), (3, 2));
        assert_eq!(map.cid(5), Some(15));
    }

    #[test]
    fn garbage_does_not_panic() {
        for input in [
            &b"beginbfrange <00> <FF> ["[..],
            b"<",
            b"((",
            b"begincodespacerange <0102030405> <FF>",
        ] {
            let map = CMap::parse(input);
            let _ = map.next_code(&[1, 2, 3]);
            let _ = map.text(0xFFFF_FFFF);
        }
    }
}
