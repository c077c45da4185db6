//! Re-flows the lines of a comment into Markdown paragraphs and lists.
//!
//! - Lines of one paragraph are joined with a space. A line that ends in a hard
//!   hyphen (or a dash) is joined without a space and the hyphen is kept: staff
//!   letters are set ragged-right without automatic hyphenation, so a hyphen at a
//!   line end is part of the text ("climate-related", "U.S.-designated",
//!   "non-GAAP", "551-3470", "ASC 450-20-50-3"). Only a soft hyphen (U+00AD), the
//!   mark of a discretionary break, is dropped.
//! - A paragraph that a page break (or a blank line) interrupted mid-sentence is
//!   re-joined: a block that starts in lower case continues a block that does not
//!   end a sentence, and so does any block after removed page furniture.
//! - Bullets (`•`, the private-use bullets of Symbol and Wingdings such as
//!   U+F0B7, `▪`, `–`, `-`) become `- ` items; second-level bullets (`o`, `◦`)
//!   become nested items;
//!   numbered items (`1.`, `1)`) stay numbered; items labelled `a)`, `(a)`, `(1)`,
//!   `(iv)` — which Markdown cannot number — become `- ` items that keep their
//!   label, so the staff's labels survive verbatim.
//! - Items of one list are written on consecutive lines (a tight list).

/// How a list item is marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// A bullet of any shape.
    Bullet,
    /// A second-level bullet ("o", "◦"), nested under the item before it.
    SubBullet,
    /// A number Markdown can write: `1.` or `1)`.
    Ordered {
        /// The item's number.
        number: u32,
        /// `.` or `)`.
        delimiter: char,
    },
    /// A label kept as text: `a)`, `(a)`, `(1)`, `(iv)`.
    Label(String),
}

/// Bullet characters that PDF extraction and HTML produce.
const BULLETS: [char; 14] = [
    '•', '\u{f0b7}', '\u{f0a7}', '\u{f0d8}', '\u{f076}', '\u{f0fc}', '\u{f06e}', '▪', '●', '■',
    '‣', '⁃', '–', '-',
];

/// Bullets that PDF extraction and HTML produce without a space after them.
pub fn is_solid_bullet(c: char) -> bool {
    matches!(c, '•' | '▪' | '●' | '■') || ('\u{f000}'..='\u{f0ff}').contains(&c)
}

/// Second-level bullets: Word's "o" and the white bullet.
const SUB_BULLETS: [&str; 2] = ["o ", "◦"];

/// The most digits a list number has: a letter may hold hundreds of comments
/// (numbered lists inside them are shorter), while four digits are mostly a
/// year that a line break put at the start of a line ("Act of\n1934. See").
const MAX_NUMBER_DIGITS: usize = 3;

/// "1000. Please tell us": a paragraph numbered "N. " with any number of
/// digits, and the text after it. Only the expected next comment number makes
/// such a paragraph a comment, so a year cannot start one.
pub fn numbered_paragraph(text: &str) -> Option<(u32, &str)> {
    let text = text.trim_start();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = text[digits..].strip_prefix(". ")?;
    let number = text[..digits].parse().ok()?;
    Some((number, rest.trim_start()))
}

/// The list marker that starts `text`, and the text after it.
pub fn marker(text: &str) -> Option<(Marker, &str)> {
    let text = text.trim_start();
    let first = text.chars().next()?;
    if let Some(rest) = SUB_BULLETS.iter().find_map(|b| text.strip_prefix(b))
        && !rest.trim().is_empty()
    {
        return Some((Marker::SubBullet, rest.trim_start()));
    }
    if BULLETS.contains(&first) {
        let rest = &text[first.len_utf8()..];
        let spaced = rest.starts_with(char::is_whitespace);
        if (spaced || is_solid_bullet(first)) && !rest.trim().is_empty() {
            return Some((Marker::Bullet, rest.trim_start()));
        }
        return None;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if (1..=MAX_NUMBER_DIGITS).contains(&digits) {
        let delimiter = text[digits..].chars().next()?;
        let rest = &text[digits + delimiter.len_utf8()..];
        if matches!(delimiter, '.' | ')') && rest.starts_with(' ') {
            let number = text[..digits].parse().ok()?;
            return Some((Marker::Ordered { number, delimiter }, rest.trim_start()));
        }
        return None;
    }
    label(text)
}

/// `(a)`, `(1)`, `(iv)`, `a)`, `a.`, `iv)`.
fn label(text: &str) -> Option<(Marker, &str)> {
    let (inner, after) = if let Some(rest) = text.strip_prefix('(') {
        let close = rest.find(')')?;
        (&rest[..close], &rest[close + 1..])
    } else {
        let end = text.find([')', '.'])?;
        (&text[..end], &text[end + 1..])
    };
    let roman = !inner.is_empty() && inner.len() <= 4 && inner.chars().all(|c| "ivxl".contains(c));
    let letter = inner.len() == 1 && inner.chars().all(|c| c.is_ascii_lowercase());
    let number = text.starts_with('(')
        && (1..=2).contains(&inner.len())
        && inner.chars().all(|c| c.is_ascii_digit());
    if (roman || letter || number) && after.starts_with(' ') && !after.trim().is_empty() {
        let label = text[..text.len() - after.len()].to_owned();
        return Some((Marker::Label(label), after.trim_start()));
    }
    None
}

/// A run of lines between blank lines (or list items), as the splitter found it.
#[derive(Debug, Clone)]
pub struct Chunk<'a> {
    /// The lines, in order.
    pub lines: Vec<&'a str>,
    /// True when page furniture was removed just before the chunk.
    pub after_furniture: bool,
}

/// Whether a line ends a sentence (closing quotes and brackets aside).
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', ' ']);
    trimmed.ends_with(['.', '?', '!', ':'])
}

/// Joins the lines of one paragraph (see the module notes on hyphens).
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        append(&mut out, line);
    }
    out
}

/// Appends the next line of a paragraph to `out`.
fn append(out: &mut String, next: &str) {
    if out.is_empty() {
        out.push_str(next);
        return;
    }
    if out.ends_with('\u{ad}') {
        out.pop();
        out.push_str(next);
        return;
    }
    let mut chars = out.chars().rev();
    let last = chars.next();
    let before = chars.next();
    let glued =
        matches!(last, Some('-' | '–' | '—' | '/')) && before.is_some_and(|c| !c.is_whitespace());
    if !glued {
        out.push(' ');
    }
    out.push_str(next);
}

/// One block of a comment.
#[derive(Debug, Clone)]
enum Block {
    Paragraph(String),
    Item(Marker, String),
}

/// The chunks of a comment as Markdown.
pub fn to_markdown(chunks: &[Chunk]) -> String {
    let mut blocks: Vec<Block> = Vec::new();
    for chunk in chunks {
        let Some(first) = chunk.lines.first() else {
            continue;
        };
        if let Some((marker, rest)) = marker(first) {
            let text = join_lines(std::iter::once(rest).chain(chunk.lines[1..].iter().copied()));
            blocks.push(Block::Item(marker, text));
            continue;
        }
        let text = join_lines(chunk.lines.iter().copied());
        let continues = |previous: &str| {
            !ends_sentence(previous)
                && (text.starts_with(|c: char| c.is_lowercase()) || chunk.after_furniture)
        };
        match blocks.last_mut() {
            Some(Block::Paragraph(previous) | Block::Item(_, previous)) if continues(previous) => {
                append(previous, &text);
            }
            _ => blocks.push(Block::Paragraph(text)),
        }
    }
    render(&blocks)
}

/// Writes blocks: paragraphs apart, items of one list on consecutive lines.
fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    let mut parent_width = 2;
    for block in blocks {
        match block {
            Block::Item(Marker::Ordered { number, .. }, _) => {
                parent_width = number.to_string().len() + 2;
            }
            Block::Item(Marker::SubBullet, _) => {}
            _ => parent_width = 2,
        }
        if let Some(previous) = previous {
            let same_list = match (previous, block) {
                (Block::Item(a, _), Block::Item(b, _)) => {
                    family(a) == family(b) || *b == Marker::SubBullet || *a == Marker::SubBullet
                }
                _ => false,
            };
            out.push_str(if same_list { "\n" } else { "\n\n" });
        }
        match block {
            Block::Paragraph(text) => out.push_str(&escape(text)),
            Block::Item(Marker::Bullet, text) => {
                out.push_str("- ");
                out.push_str(&escape_inline(text));
            }
            Block::Item(Marker::SubBullet, text) => {
                out.push_str(&" ".repeat(parent_width));
                out.push_str("- ");
                out.push_str(&escape_inline(text));
            }
            Block::Item(Marker::Ordered { number, delimiter }, text) => {
                out.push_str(&format!("{number}{delimiter} {}", escape_inline(text)));
            }
            Block::Item(Marker::Label(label), text) => {
                out.push_str(&format!("- {label} {}", escape_inline(text)));
            }
        }
        previous = Some(block);
    }
    out
}

/// Which Markdown list an item belongs to.
fn family(marker: &Marker) -> char {
    match marker {
        Marker::Bullet | Marker::SubBullet | Marker::Label(_) => '-',
        Marker::Ordered { delimiter, .. } => *delimiter,
    }
}

/// Escapes what would make a paragraph's start read as Markdown structure.
fn escape(text: &str) -> String {
    let text = escape_inline(text);
    if text.starts_with(['-', '*', '+', '#', '>']) {
        return format!("\\{text}");
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    text
}

/// Escapes what Markdown would not print as written: `<` before a letter (raw
/// HTML), `*` (emphasis), `` ` `` (code) and a backslash.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let tag = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/');
        if tag || matches!(c, '*' | '`' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk<'a>(lines: &[&'a str], after_furniture: bool) -> Chunk<'a> {
        Chunk {
            lines: lines.to_vec(),
            after_furniture,
        }
    }

    #[test]
    fn hyphens_at_line_ends_are_kept() {
        assert_eq!(
            join_lines(["the climate-", "related risks"]),
            "the climate-related risks"
        );
        assert_eq!(join_lines(["U.S.-", "designated"]), "U.S.-designated");
        assert_eq!(
            join_lines(["at (202) 551-", "3470 if"]),
            "at (202) 551-3470 if"
        );
        assert_eq!(join_lines(["disclo\u{ad}", "sure"]), "disclosure");
        assert_eq!(join_lines(["a -", "b"]), "a - b");
    }

    #[test]
    fn markdown_syntax_in_the_text_is_escaped() {
        let chunks = [chunk(&["1934. See <b> and 2019* or `x` \\n"], false)];
        assert_eq!(
            to_markdown(&chunks),
            "1934\\. See \\<b> and 2019\\* or \\`x\\` \\\\n"
        );
    }

    #[test]
    fn a_number_followed_by_a_wide_character_is_not_a_marker() {
        // Found by fuzzing: the delimiter after the digits may be any character.
        assert_eq!(marker("1\u{e0} x"), None);
        assert_eq!(marker("12\u{2014} x"), None);
    }

    #[test]
    fn markers_are_recognised() {
        assert_eq!(marker("\u{f0b7} the company").unwrap().1, "the company");
        assert_eq!(marker("– Total").unwrap().0, Marker::Bullet);
        assert_eq!(
            marker("2. We note").unwrap().0,
            Marker::Ordered {
                number: 2,
                delimiter: '.'
            }
        );
        assert_eq!(marker("(iv) the").unwrap().0, Marker::Label("(iv)".into()));
        assert_eq!(marker("a) first").unwrap().0, Marker::Label("a)".into()));
        assert!(marker("A. Selected Financial Data").is_none());
        assert!(marker("2016 was").is_none());
        assert!(marker("-$5 million").is_none());
        assert_eq!(marker("o the amount").unwrap().0, Marker::SubBullet);
        assert!(marker("of the amount").is_none());
    }

    #[test]
    fn second_level_bullets_nest() {
        let chunks = [
            chunk(&["Tell us:"], false),
            chunk(&["1. the amounts:"], false),
            chunk(&["o by segment; and"], false),
            chunk(&["o by country;"], false),
            chunk(&["2. the reasons."], false),
        ];
        assert_eq!(
            to_markdown(&chunks),
            "Tell us:\n\n1. the amounts:\n   - by segment; and\n   - by country;\n2. the reasons."
        );
    }

    #[test]
    fn pages_breaks_rejoin_and_lists_stay_tight() {
        let chunks = [
            chunk(&["Tell us"], false),
            chunk(&["more about it. Ensure the following:"], false),
            chunk(&["- first;"], false),
            chunk(&["- second; and"], true),
            chunk(&["- third"], false),
            chunk(&["Alternatively, disclose it."], false),
        ];
        assert_eq!(
            to_markdown(&chunks),
            "Tell us more about it. Ensure the following:\n\n- first;\n- second; and\n- third\n\nAlternatively, disclose it."
        );
    }
}
