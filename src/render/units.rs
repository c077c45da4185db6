//! No-break spaces where a line break would split a unit a reader takes as
//! one: "Item 5.", "page 76", "Rule 83", "Section IV.C", "Form 20-F",
//! "December 31, 2013", "US$ 1.2 million", "(852) 3740 4891".
//!
//! The PDF, HTML and DOCX writers set the document through [`bind_units`];
//! the Markdown keeps plain spaces. A no-break space is whitespace to the
//! placement check, the read-back verification and the leak scan alike.

use crate::markdown::{Block, Doc, InlineContent};

/// The no-break space.
pub const NBSP: char = '\u{a0}';

/// Words a number or a designation follows: "Item 5.", "page F-61", "No. 001-35126".
const DESIGNATORS: &[&str] = &[
    "Item",
    "Items",
    "item",
    "items",
    "Rule",
    "Rules",
    "rule",
    "Section",
    "Sections",
    "section",
    "page",
    "pages",
    "Page",
    "Pages",
    "Note",
    "Notes",
    "note",
    "Form",
    "Forms",
    "No.",
    "Nos.",
    "Release",
    "Article",
    "Schedule",
    "Exhibit",
    "Regulation",
    "Part",
    "Chapter",
    "Annex",
    "paragraph",
    "Paragraph",
    "comment",
    "Comment",
    "§",
    "¶",
];

/// Currency marks a figure follows: "US$ 1.2", "RMB 513.3".
const CURRENCIES: &[&str] = &["US$", "HK$", "RMB", "$", "€", "£", "¥", "USD", "EUR"];

/// Words of scale a figure precedes: "1.2 million".
const SCALES: &[&str] = &[
    "million", "billion", "thousand", "trillion", "percent", "per", "%", "days", "months", "years",
];

/// Month names a day follows: "December 31".
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A copy of `doc` with the spaces inside units made no-break spaces, in
/// its text and footnotes; table cells are left alone (a narrow column
/// must be free to break "December 31, 2013").
pub fn bind_units(doc: &Doc) -> Doc {
    let mut doc = doc.clone();
    bind_blocks(&mut doc.blocks);
    for note in &mut doc.footnotes {
        bind_blocks(&mut note.blocks);
    }
    doc
}

fn bind_blocks(blocks: &mut [Block]) {
    for block in blocks {
        match block {
            Block::Table(_) => {}
            Block::Quote(inner) | Block::KeepTogether(inner) => bind_blocks(inner),
            Block::List { items, .. } => items.iter_mut().for_each(|item| bind_blocks(item)),
            other => other.visit_inlines_mut(&mut |inlines| {
                for inline in inlines.iter_mut() {
                    if let InlineContent::Text(text) = &mut inline.content {
                        *text = bind_text(text);
                    }
                }
            }),
        }
    }
}

/// `text` with a no-break space for each plain space between two words that
/// [`binds`] keeps together.
pub fn bind_text(text: &str) -> String {
    if !text.contains(' ') {
        return text.to_owned();
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    // Whether the word before belongs to a telephone number.
    let mut phone = false;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let before = words[i - 1];
            let earlier = (i >= 2).then(|| words[i - 2]);
            phone = continues_phone(phone, before, word);
            out.push(if phone || binds(earlier, before, word) {
                NBSP
            } else {
                ' '
            });
        }
        out.push_str(word);
    }
    out
}

/// Whether `b` is the next group of a telephone number that `a` starts
/// (an area code) or continues (`phone`: `a` is one of its groups), so that
/// "(852) 3740 4891", "+86 10 8456 2121" and "(202) 551-3735" each stay on
/// one line whole. A group followed by punctuation ends the number.
fn continues_phone(phone: bool, a: &str, b: &str) -> bool {
    let b_bare = b.trim_end_matches(PUNCTUATION_AFTER);
    let a_opens = is_area_code(a) || (phone && is_digit_group(a));
    a_opens && !b_bare.is_empty() && is_digit_group(b_bare)
}

/// What may close a word after a unit: brackets, quotes, punctuation.
const PUNCTUATION_AFTER: [char; 10] = [')', ']', '”', '’', '"', '\'', ',', ';', ':', '.'];

/// Whether the space between `a` and `b` (after `earlier`) must not break.
fn binds(earlier: Option<&str>, a: &str, b: &str) -> bool {
    let a_bare = a.trim_start_matches(['(', '[', '“', '‘', '"', '\'']);
    let b_bare = b.trim_end_matches(PUNCTUATION_AFTER);
    if a_bare.is_empty() || b_bare.is_empty() {
        return false;
    }
    (DESIGNATORS.contains(&a_bare) && is_designation(b_bare))
        || (CURRENCIES.contains(&a_bare) && starts_with_digit(b_bare))
        || (is_figure(a_bare) && SCALES.contains(&b_bare))
        || (MONTHS.contains(&a_bare) && is_day(b_bare))
        || (is_day_comma(a_bare) && earlier.is_some_and(|e| MONTHS.contains(&e)) && is_year(b_bare))
        || (is_area_code(a) && is_digit_group(b_bare))
        || (earlier.is_some_and(is_area_code) && is_digit_group(a) && is_digit_group(b_bare))
}

fn starts_with_digit(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// "5", "5.", "F-61", "IV.C", "3(a)", "20-F", "001-35126".
fn is_designation(s: &str) -> bool {
    if starts_with_digit(s) {
        return true;
    }
    let mut chars = s.chars();
    let first = chars.next();
    let roman = s
        .split(['.', '('])
        .next()
        .is_some_and(|head| !head.is_empty() && head.chars().all(|c| "IVXL".contains(c)));
    roman || (first.is_some_and(|c| c.is_ascii_uppercase()) && s[1..].starts_with('-'))
}

/// "1.2", "US$9.7", "RMB513.3", "84.8".
fn is_figure(s: &str) -> bool {
    let digits = s.trim_start_matches(|c: char| !c.is_ascii_digit());
    !digits.is_empty()
        && s.len() - digits.len() <= 4
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

fn is_day(s: &str) -> bool {
    (1..=2).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
}

fn is_day_comma(s: &str) -> bool {
    s.strip_suffix(',').is_some_and(is_day)
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.chars().all(|c| c.is_ascii_digit())
}

/// The start of a telephone number: "(852)", "(010)", "+86".
fn is_area_code(s: &str) -> bool {
    let digits = |d: &str| (1..=4).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit());
    s.strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .or_else(|| s.strip_prefix('+'))
        .is_some_and(digits)
}

/// A group of a telephone number after its start: "3740", "8456-2121".
fn is_digit_group(s: &str) -> bool {
    (2..=9).contains(&s.len())
        && s.chars().all(|c| c.is_ascii_digit() || c == '-')
        && starts_with_digit(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(text: &str) -> String {
        bind_text(text).replace(NBSP, "~")
    }

    #[test]
    fn units_are_bound() {
        assert_eq!(
            bound("under “Item 5. Operating"),
            "under “Item~5. Operating"
        );
        assert_eq!(bound("currently on page 76 of"), "currently on page~76 of");
        assert_eq!(bound("pursuant to Rule 83 (17"), "pursuant to Rule~83 (17");
        assert_eq!(bound("Section IV.C of"), "Section~IV.C of");
        assert_eq!(
            bound("as of December 31, 2013 the"),
            "as of December~31,~2013 the"
        );
        assert_eq!(bound("was US$ 1.2 million in"), "was US$~1.2~million in");
        assert_eq!(bound("at (852) 3740 4891 or"), "at (852)~3740~4891 or");
        assert_eq!(bound("call +86 10 8456"), "call +86~10~8456");
        assert_eq!(
            bound("call +86 10 8456 2121 or"),
            "call +86~10~8456~2121 or"
        );
        assert_eq!(bound("at (202) 551-3735 with"), "at (202)~551-3735 with");
        assert_eq!(bound("at +1 202 551 3735."), "at +1~202~551~3735.");
        assert_eq!(bound("(File No. 001-35126)"), "(File No.~001-35126)");
        assert_eq!(bound("page F-61 of Form 20-F"), "page~F-61 of Form~20-F");
    }

    #[test]
    fn a_telephone_number_is_bound_whole_and_ends_at_punctuation() {
        assert_eq!(
            bound("Mr. Cai at (852) 3740 4891, or 2013 to 2014"),
            "Mr. Cai at (852)~3740~4891, or 2013 to 2014"
        );
        assert_eq!(
            bound("(852) 3740 4891 and +86 10 8456 2121 are"),
            "(852)~3740~4891 and +86~10~8456~2121 are"
        );
    }

    #[test]
    fn ordinary_words_are_left_to_break() {
        for text in [
            "the Company will revise its disclosure",
            "in 2012 and 2013, respectively",
            "from 2012 2013 onwards",
            "May I note that",
            "the page is blank",
            "Item and Note headings",
        ] {
            assert_eq!(bound(text), text, "{text}");
        }
    }
}
