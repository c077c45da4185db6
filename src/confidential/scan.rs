//! The leak scan: is any confidential span or internal note in a text?
//!
//! Both sides are normalised first (NFKC; zero-width characters, soft hyphens
//! and combining marks removed; quotes, dashes and spaces unified; Markdown
//! markup and case dropped), so a line break, a dropped space, an accent, a
//! `**` or a soft hyphen cannot hide a leak. Spans of four characters or more
//! are looked for anywhere; shorter ones with the word beside them.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::secrets::Secret;

/// Normalised keys shorter than this are looked for with the words around them.
pub const MIN_ALONE_CHARS: usize = 4;

/// A secret found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leak {
    /// Its index in the list of secrets scanned for.
    pub secret: usize,
}

/// Text normalised for comparison: compatibility forms folded, invisible and
/// combining characters removed, quotes and dashes unified, whitespace runs
/// collapsed to one space.
pub fn normalize(text: &str) -> String {
    if text.is_ascii() {
        // ASCII is its own normal form: only the spaces change.
        return text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    }
    let folded: String = text
        .nfkd()
        .filter(|&c| !is_combining_mark(c) && !is_invisible(c))
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .nfkc()
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters a reader does not see: zero-width spaces and joiners, word
/// joiners, byte-order marks, soft hyphens, bidirectional controls.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fe00}'..='\u{fe0f}')
}

/// The form in which text is compared: normalised, lowercased, without
/// whitespace or Markdown markup (`*`, `_`, `~`, `` ` ``, `\`, `<u>`, `<ins>`, `<ct>`).
pub fn key(text: &str) -> String {
    // Whitespace is dropped, and no normal form or tag crosses it, so the key
    // of a text is its words' keys one after another; most words are ASCII.
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        push_key(word, &mut out);
    }
    out
}

/// Appends the key of `word` (no whitespace in it) to `out`. A run of
/// hyphens in a word is one: Markdown's `--` and `---` are the dashes a
/// reader sees, and every dash is a hyphen in the key.
fn push_key(word: &str, out: &mut String) {
    if word.is_ascii() && !word.contains('<') {
        push_kept(word.chars().map(|c| c.to_ascii_lowercase()), out);
        return;
    }
    let mut stripped = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        normalize(word).to_lowercase()
    };
    if stripped.contains('<') {
        for tag in ["<ins>", "</ins>", "<u>", "</u>", "<ct>", "</ct>"] {
            stripped = stripped.replace(tag, "");
        }
    }
    push_kept(stripped.chars(), out);
}

/// Appends `chars` less whitespace and markup, a run of hyphens as one.
fn push_kept(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut last = None;
    for c in chars {
        if c.is_whitespace() || is_markup(c) || (c == '-' && last == Some('-')) {
            continue;
        }
        out.push(c);
        last = Some(c);
    }
}

/// Markdown's emphasis, code and escape characters, which the key drops.
fn is_markup(c: char) -> bool {
    matches!(c, '*' | '_' | '~' | '`' | '\\')
}

/// A text in key form that remembers where its words began and ended, so a
/// secret is found only as whole words ("done" is not in "founded one"),
/// however the spaces between its own words were changed.
struct Hay {
    key: String,
    /// For each byte offset of `key` (and its end): whether whitespace stood there.
    space_before: Vec<bool>,
}

impl Hay {
    fn new(text: &str) -> Hay {
        let mut key = String::new();
        let mut space_before = Vec::new();
        for word in text.split_whitespace() {
            for (k, c) in self::key(word).char_indices() {
                for _ in 0..c.len_utf8() {
                    space_before.push(k == 0);
                }
                key.push(c);
            }
        }
        space_before.push(true);
        Hay { key, space_before }
    }

    /// True when `needle` occurs with a word boundary at both its ends.
    fn contains_words(&self, needle: &str) -> bool {
        if needle.is_empty() {
            return false;
        }
        let first = needle.chars().next().is_some_and(char::is_alphanumeric);
        let last = needle
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        self.key.match_indices(needle).any(|(start, _)| {
            let end = start + needle.len();
            let before = self.key[..start].chars().next_back();
            let after = self.key[end..].chars().next();
            let opens =
                !first || self.space_before[start] || !before.is_some_and(char::is_alphanumeric);
            let closes =
                !last || self.space_before[end] || !after.is_some_and(char::is_alphanumeric);
            opens && closes
        })
    }
}

/// Every secret that `text` reveals.
pub fn scan(text: &str, secrets: &[Secret]) -> Vec<Leak> {
    let hay = Hay::new(&normalize(text));
    let mut found = Vec::new();
    for (i, secret) in secrets.iter().enumerate() {
        let hit = if secret.key.chars().count() >= MIN_ALONE_CHARS || secret.context.is_empty() {
            // A short span with nothing beside it in its field: still as whole words.
            hay.contains_words(&secret.key)
        } else {
            secret.context.iter().any(|c| hay.contains_words(c))
        };
        if hit {
            found.push(Leak { secret: i });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::confidential::SecretKind;

    #[test]
    fn the_key_drops_markup_and_space_and_reads_dashes_as_one_hyphen() {
        assert_eq!(key("The **Company** <ins>will</ins>"), "thecompanywill");
        assert_eq!(key("2011---2013 and 2011–2013"), "2011-2013and2011-2013");
        assert_eq!(key("|---|---|"), key("|—|—|"));
        // Runs are joined within a word only, as the scan reads text word by word.
        assert_eq!(key("a- -b"), "a--b");
        assert_eq!(key("Ａ　Ｂ"), "ab");
    }

    use crate::diagnostic::{Location, SourceFile};

    fn secret(text: &str, left: Option<&str>, right: Option<&str>) -> Secret {
        let file = SourceFile::new("x.yaml", "");
        Secret::new(
            text,
            left,
            right,
            SecretKind::Span,
            Location::start_of(&file),
        )
    }

    #[test]
    fn markup_spacing_case_accents_and_invisible_characters_do_not_hide_a_leak() {
        let secrets = [secret("Quokkaville expansion", None, None)];
        for text in [
            "the Quokka*ville* expansion",
            "the QUOKKAVILLE\nexpansion",
            "the Quok\u{00ad}kaville ex\u{200b}pansion",
            "the Quokkav\u{0301}ille expansion",
            "the **Quokkaville** <ins>expansion</ins>",
            "the Ｑｕｏｋｋａｖｉｌｌｅ expansion",
        ] {
            assert_eq!(scan(text, &secrets).len(), 1, "{text}");
        }
        assert!(scan("the Quokka village expansion", &secrets).is_empty());
        assert_eq!(scan("the QuokkavilleExpansion", &secrets).len(), 1);
    }

    #[test]
    fn a_span_is_found_as_whole_words_only() {
        let secrets = [secret("done", None, None)];
        assert!(scan("it was founded one year ago", &secrets).is_empty());
        assert!(scan("abandoned", &secrets).is_empty());
        assert_eq!(scan("work (done).", &secrets).len(), 1);
        assert_eq!(scan("work **done**", &secrets).len(), 1);
    }

    #[test]
    fn short_spans_are_found_beside_their_words_only() {
        let secrets = [secret("7%", Some("of"), Some("in"))];
        assert_eq!(
            scan("a gross margin of ~~7%~~ [***] in 2014", &secrets).len(),
            1
        );
        assert_eq!(
            scan("a gross margin of [***] 7% in 2014", &secrets).len(),
            1
        );
        assert!(
            scan(
                "a gross margin of [***] in 2014; growth of 8% to 7%.",
                &secrets
            )
            .is_empty()
        );
        let alone = [secret("X1", None, None)];
        assert_eq!(scan("Project X1.", &alone).len(), 1);
        assert!(scan("Project X12.", &alone).is_empty());
    }
}
