//! The words of a Markdown source with inline markup removed, each byte mapped
//! back to its offset in the source, so a finding in the words can be located
//! exactly in the YAML file.

/// Markup dropped from the source: the allowed inline tags and emphasis marks.
const DROPPED: [&str; 7] = ["<u>", "</u>", "<ct>", "</ct>", "**", "~~", "*"];

/// A Markdown source's text without inline markup, with the source offset of every byte.
#[derive(Debug, Clone)]
pub struct Prose {
    /// The text: markup removed, line breaks and indentation kept as whitespace.
    pub text: String,
    offsets: Vec<usize>,
}

impl Prose {
    /// Strips inline markup (`<u>`, `<ct>`, `**`, `*`, `_`, `~~`, backslash escapes) from `source`.
    pub fn new(source: &str) -> Prose {
        let mut text = String::with_capacity(source.len());
        let mut offsets = Vec::with_capacity(source.len());
        let mut i = 0;
        while i < source.len() {
            let rest = &source[i..];
            if let Some(mark) = DROPPED.iter().find(|m| rest.starts_with(*m)) {
                i += mark.len();
                continue;
            }
            if rest.starts_with('_') && !inside_word(source, i) {
                i += 1;
                continue;
            }
            let mut chars = rest.chars();
            let mut c = chars.next().unwrap_or(' ');
            let mut at = i;
            if c == '\\'
                && let Some(next) = chars.next()
                && next.is_ascii_punctuation()
            {
                at = i + 1;
                c = next;
            }
            let end = at + c.len_utf8();
            for b in at..end {
                offsets.push(b);
            }
            text.push(c);
            i = end;
        }
        Prose { text, offsets }
    }

    /// The source offset of byte `i` of the text (the source's end past the text's end).
    pub fn source_offset(&self, i: usize) -> usize {
        match self.offsets.get(i) {
            Some(&o) => o,
            None => self.offsets.last().map_or(0, |&o| o + 1),
        }
    }
}

/// True when the characters on both sides of byte `i` are letters or digits
/// (an underscore there is part of a word, not emphasis).
fn inside_word(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i..].chars().nth(1);
    before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

/// True when the byte before `i` in `text` is not a letter or digit (a word starts at `i`).
pub fn word_start(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed_and_offsets_kept() {
        let source = "of **RMB47.4** million (<u>US$7.8 million</u>) _a_ b_c";
        let prose = Prose::new(source);
        assert_eq!(prose.text, "of RMB47.4 million (US$7.8 million) a b_c");
        let i = prose.text.find("US$").unwrap();
        assert_eq!(prose.source_offset(i), source.find("US$").unwrap());
    }

    #[test]
    fn escapes_map_to_the_escaped_character() {
        let prose = Prose::new(r"a \* b");
        assert_eq!(prose.text, "a * b");
        assert_eq!(prose.source_offset(2), 3);
    }
}
