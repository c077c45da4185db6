//! Cross-references to comments of the staff letter answered must name a comment it has.
//!
//! Recognised, in any letter case: "comment 7", "comment No. 7", "comment No.7",
//! "comment #7", "comments 3 and 4", "comments 3, 4 and 5", "comments 3 or 4",
//! "comments 3 through 5" (also "to" and dashes; every number of the range is
//! checked). Not checked, because they point at another letter: a reference
//! preceded by "prior", "previous" or "earlier" ("prior comment 3" is a comment
//! of the previous staff letter), and one followed in the same sentence by
//! "letter dated" or "prior letter" (also "previous", "earlier"). Only the company's own text is searched: the staff's
//! comments refer to earlier letters, and filed passages do not cite comments.

use super::prose::{Prose, word_start};
use crate::diagnostic::Diagnostics;
use crate::model::{Letter, Markdown, ResponsePart};

/// Words before "comment" that make it a comment of an earlier letter.
const EARLIER: [&str; 3] = ["prior", "previous", "earlier"];

/// Markers between "comment" and its number.
const NUMBER_MARKS: [&str; 6] = ["numbers", "number", "nos.", "no.", "no", "#"];

/// Words joining a list of comment numbers; `true` for a range.
const JOINS: [(&str, bool); 9] = [
    (", and ", false),
    (", or ", false),
    (" and ", false),
    (" or ", false),
    (", ", false),
    (" through ", true),
    (" to ", true),
    ("-", true),
    ("–", true),
];

/// Checks every cross-reference in the response text, revision intros, intro and closing.
pub fn check(letter: &Letter, diags: &mut Diagnostics) {
    let count = letter.comments.len() as u64;
    let mut fields: Vec<&Markdown> = letter.intro.iter().chain(&letter.closing).collect();
    for comment in &letter.comments {
        for part in &comment.response {
            match part {
                ResponsePart::Text(text) => fields.push(text),
                ResponsePart::Revise(revision) => fields.extend(&revision.intro),
            }
        }
    }
    for field in fields {
        let prose = Prose::new(&field.source);
        for (number, at) in references(&prose.text) {
            if (1..=count).contains(&number) {
                continue;
            }
            diags.push(
                field
                    .locate(prose.source_offset(at))
                    .error(format!(
                        "cross-reference to comment {number}, but the staff letter has comments 1 to {count}"
                    ))
                    .with_hint(format!(
                        "correct the number; if it means a comment of an earlier staff letter, write \"prior comment {number}\""
                    )),
            );
        }
    }
}

/// Every comment number referred to in `text`, with the byte offset of its digits.
fn references(text: &str) -> Vec<(u64, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for (at, _) in lower.match_indices("comment") {
        if !word_start(&lower, at) || follows_earlier(&lower[..at]) {
            continue;
        }
        let mut i = at + "comment".len();
        if lower[i..].starts_with('s') {
            i += 1;
        }
        let gap = leading_space(&lower[i..]);
        if gap == 0 {
            continue;
        }
        i += gap;
        if let Some(mark) = NUMBER_MARKS.iter().find(|m| {
            lower[i..].starts_with(*m)
                && lower[i + m.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == ' ' || c.is_ascii_digit())
        }) {
            i += mark.len();
            i += leading_space(&lower[i..]);
        }
        let numbers = number_list(&lower, i);
        if numbers.is_empty() {
            continue;
        }
        let end = numbers.last().map_or(i, |n| n.2);
        if names_another_letter(&lower[end..]) {
            continue;
        }
        found.extend(numbers.into_iter().map(|(n, at, _)| (n, at)));
    }
    found
}

/// The length in bytes of the whitespace at the start of `text`.
fn leading_space(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// True when the word before a "comment" is "prior", "previous" or "earlier".
fn follows_earlier(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    EARLIER.contains(&word)
}

/// True when the rest of the sentence names another letter: "letter dated …", "prior letter".
fn names_another_letter(after: &str) -> bool {
    let mut end = after.find(". ").unwrap_or(after.len()).min(120);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    let sentence = &after[..end];
    sentence.contains("letter dated")
        || EARLIER
            .iter()
            .any(|w| sentence.contains(&format!("{w} letter")))
}

/// The numbers of a list starting at `start`: (number, start, end) of each, ranges expanded.
fn number_list(text: &str, start: usize) -> Vec<(u64, usize, usize)> {
    let mut out: Vec<(u64, usize, usize)> = Vec::new();
    let mut i = start;
    let mut range = false;
    while let Some((number, len)) = comment_number(&text[i..]) {
        if range && let Some(&(from, _, _)) = out.last() {
            // Check every comment of a range, but do not expand a nonsensical one.
            for n in from.saturating_add(1)..number.min(from.saturating_add(100)) {
                out.push((n, i, i + len));
            }
        }
        out.push((number, i, i + len));
        i += len;
        let Some(&(join, is_range)) = JOINS.iter().find(|(j, _)| text[i..].starts_with(j)) else {
            break;
        };
        if comment_number(&text[i + join.len()..]).is_none() {
            break;
        }
        range = is_range;
        i += join.len();
    }
    out
}

/// A comment number at the start of `text`: digits not followed by more of a figure.
fn comment_number(text: &str) -> Option<(u64, usize)> {
    let len = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if len == 0 || len > 4 {
        return None;
    }
    let rest = &text[len..];
    let continues_figure = [",", "."].iter().any(|p| {
        rest.strip_prefix(p)
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    }) || rest.starts_with('%');
    if continues_figure {
        return None;
    }
    Some((text[..len].parse().ok()?, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<u64> {
        references(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn the_usual_forms_are_recognised() {
        assert_eq!(
            numbers("the Company's response to the Staff's comment No. 7"),
            [7]
        );
        assert_eq!(numbers("see comment No.7 above"), [7]);
        assert_eq!(numbers("Comment 7."), [7]);
        assert_eq!(numbers("comments 3 and 4"), [3, 4]);
        assert_eq!(numbers("comments 3, 4 and 5"), [3, 4, 5]);
        assert_eq!(numbers("comments 3 through 5"), [3, 4, 5]);
        assert_eq!(numbers("comment #12"), [12]);
    }

    #[test]
    fn references_to_earlier_letters_are_ignored() {
        assert!(numbers("our response to prior comment 3").is_empty());
        assert!(numbers("the previous comments 3 and 4").is_empty());
        assert!(numbers("comment 2 of the Staff's letter dated June 1, 2014").is_empty());
        assert!(numbers("Comment 12 of the prior letter — the Company").is_empty());
    }

    #[test]
    fn other_uses_of_the_word_are_ignored() {
        assert!(numbers("the comment letter of 2014").is_empty());
        assert!(numbers("the Staff's comments, the Company").is_empty());
        assert!(numbers("commentary 3").is_empty());
        assert!(numbers("comment 2,000 units").is_empty());
    }

    #[test]
    fn the_offset_is_the_number() {
        let text = "see comment No. 9 above";
        assert_eq!(references(text), [(9, text.find('9').unwrap())]);
    }
}
