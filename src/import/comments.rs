//! Splits the body of a staff letter into numbered comments with heading paths.
//!
//! The body is cut into chunks (runs of lines between blank lines, and before a
//! line that starts a list item or a numbered paragraph after a finished line).
//! A chunk that starts "N. " with the next comment number starts a comment,
//! unless it is a numbered heading ("1. Summary of Significant Accounting
//! Policies": one short title line) or an item of a numbered list inside the
//! current comment (a list restarts at 1; an item is taken for a list item
//! when the same number appears again before the next comment number, or when
//! it continues a list in lower case or after an item ending in ";", "," or
//! "and"/"or"). Heading lines directly above a comment
//! are its headings (see [`super::headings`]). The last comment ends where the
//! closing boilerplate starts ("We urge all persons …", "In closing, we remind
//! you …", "You may contact …").

use super::Line;
use super::StaffComment;
use super::furniture::BodyLine;
use super::headings;
use super::paragraphs::{self, Chunk, Marker, marker, numbered_paragraph};

/// The comments and the lines that fit nowhere.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The comments, numbered 1, 2, 3 ….
    pub comments: Vec<StaffComment>,
    /// Lines of the introduction or between parts that are not standard text.
    pub unplaced: Vec<Line>,
}

/// How the staff's opening paragraphs start (standard text, not comments).
const INTRO: [&str; 12] = [
    "we have reviewed",
    "we have limited our review",
    "we have completed",
    "in some of our comments",
    "please respond",
    "after reviewing",
    "our review with respect",
    "unless we note otherwise",
    "we have the following",
    "we ask you to",
    "in our comments",
    "please note that",
];

/// How the closing boilerplate after the last comment starts.
const CLOSING: [&str; 18] = [
    "please refer to rules 460 and 461",
    "refer to rules 460 and 461",
    "we will consider a written request",
    "a request for acceleration",
    "we urge all persons",
    "in closing, we remind you",
    "in responding to our comments",
    "we remind you that",
    "you may contact",
    "please contact",
    "please direct any questions",
    "if you have any questions",
    "if you have questions",
    "notwithstanding our comments",
    "we also remind you",
    "please allow adequate time",
    "we will consider a written request for acceleration",
    "please furnish a request for acceleration",
];

/// A chunk: its lines (indices into the body) and what preceded it.
#[derive(Debug, Clone)]
struct Unit {
    lines: Vec<usize>,
    after_furniture: bool,
}

/// Finds the comments in the body (the lines between salutation and signature).
pub fn split(body: &[BodyLine]) -> Found {
    let units = units(body);
    let (starts, stray) = comment_starts(&units, body);
    let mut found = Found::default();
    found.unplaced.extend(stray.iter().map(|&u| {
        let line = &body[units[u].lines[0]];
        Line {
            number: line.number,
            text: format!("{} (numbered out of sequence)", line.text),
        }
    }));
    let Some(&last_start) = starts.last() else {
        return found;
    };
    let end = closing_start(&units, body, last_start);
    let heading_starts: Vec<usize> = starts
        .iter()
        .enumerate()
        .map(|(k, &s)| {
            let floor = if k == 0 { 0 } else { starts[k - 1] + 1 };
            heading_start(&units, body, s, floor)
        })
        .collect();
    found
        .unplaced
        .extend(intro_unplaced(&units[..heading_starts[0]], body));

    let mut path: Vec<String> = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let stop = heading_starts.get(k + 1).copied().unwrap_or(end);
        path = headings::nest(
            &path,
            &heading_group(&units[heading_starts[k]..start], body),
        );
        found.comments.push(StaffComment {
            number: u32::try_from(k + 1).unwrap_or(u32::MAX),
            headings: path.clone(),
            text: comment_markdown(&units[start..stop], body),
            line: body[units[start].lines[0]].number,
        });
    }
    found
}

/// The texts of a unit's lines.
fn texts<'a>(unit: &Unit, body: &'a [BodyLine]) -> Vec<&'a str> {
    unit.lines.iter().map(|&i| body[i].text.as_str()).collect()
}

/// The first unit after the last comment's start where the closing boilerplate begins.
fn closing_start(units: &[Unit], body: &[BodyLine], last_start: usize) -> usize {
    units[last_start + 1..]
        .iter()
        .position(|u| {
            let lower = body[u.lines[0]].text.to_lowercase();
            CLOSING.iter().any(|c| lower.starts_with(c))
        })
        .map_or(units.len(), |i| i + last_start + 1)
}

/// Lines of the introduction that are not the staff's standard opening text.
fn intro_unplaced(intro: &[Unit], body: &[BodyLine]) -> Vec<Line> {
    intro
        .iter()
        .filter(|u| {
            let lower = body[u.lines[0]].text.to_lowercase();
            !INTRO.iter().any(|p| lower.starts_with(p))
        })
        .flat_map(|u| {
            u.lines.iter().map(|&i| Line {
                number: body[i].number,
                text: body[i].text.clone(),
            })
        })
        .collect()
}

/// The headings of heading units; lines wrap only within a unit.
fn heading_group(units: &[Unit], body: &[BodyLine]) -> Vec<String> {
    units
        .iter()
        .flat_map(|u| headings::group(&texts(u, body)))
        .collect()
}

/// A comment's units as Markdown, without the comment's number.
fn comment_markdown(units: &[Unit], body: &[BodyLine]) -> String {
    let chunks: Vec<Chunk> = units
        .iter()
        .enumerate()
        .map(|(j, u)| {
            let mut lines = texts(u, body);
            if j == 0
                && let Some((_, rest)) = numbered_paragraph(lines[0])
            {
                lines[0] = rest;
            }
            Chunk {
                lines,
                after_furniture: u.after_furniture,
            }
        })
        .collect();
    paragraphs::to_markdown(&chunks)
}

/// Cuts the body into chunks.
fn units(body: &[BodyLine]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut current: Option<Unit> = None;
    let mut gap = false;
    for (i, line) in body.iter().enumerate() {
        gap |= line.after_furniture;
        if line.text.is_empty() {
            units.extend(current.take());
            continue;
        }
        let breaks = current.as_ref().is_some_and(|u| {
            let previous = &body[*u.lines.last().unwrap_or(&i)].text;
            starts_new_chunk(previous, &line.text, &body[u.lines[0]].text)
                || starts_after_headings(&texts(u, body), &line.text)
                || starts_closing(previous, &line.text)
        });
        if breaks {
            units.extend(current.take());
        }
        match current.as_mut() {
            Some(unit) => unit.lines.push(i),
            None => {
                current = Some(Unit {
                    lines: vec![i],
                    after_furniture: gap,
                });
                gap = false;
            }
        }
    }
    units.extend(current);
    units
}

/// Whether `line` starts the closing boilerplate right after a finished
/// sentence, with no blank line between (some extractions drop it).
fn starts_closing(previous: &str, line: &str) -> bool {
    let lower = line.to_lowercase();
    paragraphs::ends_sentence(previous) && CLOSING.iter().any(|c| lower.starts_with(c))
}

/// Whether `line` is a numbered paragraph right under heading lines (no blank
/// line between): the lines so far are all headings and the last is a title.
fn starts_after_headings(lines: &[&str], line: &str) -> bool {
    let numbered = matches!(
        marker(line),
        Some((Marker::Ordered { delimiter: '.', .. }, _))
    );
    numbered
        && !lines.last().is_some_and(|l| ends_with_reference_word(l))
        && lines
            .first()
            .is_some_and(|l| l.starts_with(char::is_uppercase))
        && lines.iter().all(|l| is_heading_line(l))
        && lines.last().is_some_and(|l| is_title(l) || cites_page(l))
}

/// `…, page 101`: a heading's page citation ends the line.
fn cites_page(line: &str) -> bool {
    line.rsplit_once(", page ")
        .is_some_and(|(_, page)| !page.contains(' ') && page.contains(|c: char| c.is_ascii_digit()))
}

/// Words a number follows in running text ("Note\n2. …" is a wrapped line,
/// not a numbered paragraph).
const REFERENCE_WORDS: [&str; 26] = [
    "note",
    "notes",
    "item",
    "items",
    "rule",
    "section",
    "paragraph",
    "question",
    "part",
    "comment",
    "comments",
    "exhibit",
    "schedule",
    "article",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether a line ends with a word that a number continues.
pub fn ends_with_reference_word(line: &str) -> bool {
    let last = line.rsplit(' ').next().unwrap_or("").to_lowercase();
    REFERENCE_WORDS.contains(&last.as_str())
}

/// Whether `line` starts a new chunk although no blank line precedes it.
fn starts_new_chunk(previous: &str, line: &str, chunk_first: &str) -> bool {
    let Some((kind, _)) = marker(line) else {
        return false;
    };
    let finished = paragraphs::ends_sentence(previous)
        || previous.ends_with(';')
        || [" and", " or"]
            .iter()
            .any(|w| previous.ends_with(w) && previous.contains(';'));
    let in_list = marker(chunk_first).is_some();
    match kind {
        Marker::Bullet => {
            let shape = line.trim_start().chars().next();
            shape.is_some_and(paragraphs::is_solid_bullet) || finished || in_list
        }
        Marker::SubBullet => finished || in_list,
        Marker::Ordered { number, .. } => {
            let next_item = matches!(
                marker(chunk_first),
                Some((Marker::Ordered { number: first, .. }, _)) if first + 1 == number
            );
            (finished || next_item) && !ends_with_reference_word(previous)
        }
        Marker::Label(_) => previous.ends_with(':') || in_list && finished,
    }
}

/// Indices of the units that start comments 1, 2, 3 ….
/// Also returns the numbered paragraphs that fit neither the comment sequence
/// nor a list (a number out of sequence may hide a comment).
fn comment_starts(units: &[Unit], body: &[BodyLine]) -> (Vec<usize>, Vec<usize>) {
    let numbered: Vec<Option<u32>> = units
        .iter()
        .map(|u| match numbered_paragraph(&body[u.lines[0]].text) {
            Some((number, _)) if !is_numbered_heading(u, body) => Some(number),
            _ => None,
        })
        .collect();
    let mut starts = Vec::new();
    let mut stray = Vec::new();
    let mut expected = 1;
    let mut list_next: Option<u32> = None;
    for (i, number) in numbered.iter().enumerate() {
        let Some(n) = *number else { continue };
        if n >= 1000 && n != expected {
            // Four digits out of sequence are a year at a line's start.
            continue;
        }
        let in_comment = !starts.is_empty();
        if n == expected {
            let floor = starts.last().map_or(0, |s| s + 1);
            let headed = heading_start(units, body, i, floor) < i;
            let repeated = numbered[i + 1..]
                .iter()
                .flatten()
                .take_while(|&&m| m != expected + 1)
                .any(|&m| m == n);
            let rest = numbered_paragraph(&body[units[i].lines[0]].text).map_or("", |(_, r)| r);
            let lower = rest.starts_with(|c: char| c.is_lowercase());
            let before = i
                .checked_sub(1)
                .and_then(|p| units[p].lines.last())
                .map_or("", |&l| body[l].text.as_str());
            let unfinished =
                before.ends_with([';', ',']) || before.ends_with(" and") || before.ends_with(" or");
            let continues = list_next == Some(n) && (lower || unfinished);
            let list_item = in_comment && !headed && (repeated || continues);
            if !list_item {
                starts.push(i);
                expected += 1;
                list_next = None;
                continue;
            }
        }
        if in_comment && (n == 1 || list_next == Some(n)) {
            list_next = Some(n + 1);
        } else if n != expected {
            stray.push(i);
        }
    }
    (starts, stray)
}

/// "1. Summary of Significant Accounting Policies": one short line, no final
/// punctuation, most words capitalised.
fn is_numbered_heading(unit: &Unit, body: &[BodyLine]) -> bool {
    unit.lines.len() == 1
        && is_heading_line(&body[unit.lines[0]].text)
        && is_title(&body[unit.lines[0]].text)
}

/// Whether most words of four letters or more start with a capital.
fn is_title(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4 && !w.starts_with("page"))
        .collect();
    let capitals = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    !words.is_empty() && capitals * 4 >= words.len() * 3
}

/// The first unit of the heading lines directly above unit `start`, not
/// reaching below `floor`; `start` itself when there are none.
fn heading_start(units: &[Unit], body: &[BodyLine], start: usize, floor: usize) -> usize {
    let mut first = start;
    while first > floor && first - 1 < units.len() && is_heading_unit(&units[first - 1], body) {
        first -= 1;
    }
    first
}

/// Whether every line of a unit can be a heading line.
fn is_heading_unit(unit: &Unit, body: &[BodyLine]) -> bool {
    let first = &body[unit.lines[0]].text;
    let numbered = matches!(marker(first), Some((Marker::Ordered { .. }, _)));
    if numbered && !is_numbered_heading(unit, body) {
        return false;
    }
    if !numbered && marker(first).is_some() || unit.lines.len() > 6 {
        return false;
    }
    first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“".contains(c))
        && unit.lines.iter().all(|&i| is_heading_line(&body[i].text))
}

/// A short line that does not end like a sentence.
fn is_heading_line(text: &str) -> bool {
    let text = text.trim();
    let words = text.split_whitespace().count();
    !text.is_empty()
        && text.chars().count() <= 130
        && words <= 20
        && !text.ends_with(['.', ';', ':', ',', '?', '!'])
        || text.ends_with(',') && text.chars().count() <= 100 && words <= 16
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text_lines;

    fn body(text: &str) -> Vec<BodyLine> {
        text_lines(text)
            .into_iter()
            .map(|l| BodyLine {
                number: l.number,
                text: l.text.trim().to_owned(),
                after_furniture: false,
            })
            .collect()
    }

    #[test]
    fn numbered_list_items_and_headings_are_not_comments() {
        let text = "We have reviewed your filing.\n\nNotes to Financial Statements\n\n1. Summary of Significant Accounting Policies\n\nRevenue, page F-9\n\n1. Please tell us:\n\n1. how you allocate;\n2. why you defer; and\n3. when you recognize.\n\n2. We note your response.\n\nYou may contact me.";
        let found = split(&body(text));
        assert_eq!(found.comments.len(), 2);
        assert_eq!(
            found.comments[0].headings,
            [
                "Notes to Financial Statements",
                "1. Summary of Significant Accounting Policies",
                "Revenue, page F-9"
            ]
        );
        assert_eq!(
            found.comments[0].text,
            "Please tell us:\n\n1. how you allocate;\n2. why you defer; and\n3. when you recognize."
        );
        assert_eq!(found.comments[1].text, "We note your response.");
        assert_eq!(found.comments[1].headings, found.comments[0].headings);
        assert!(found.unplaced.is_empty());
    }

    #[test]
    fn a_comment_may_follow_its_heading_without_a_blank_line() {
        let text = "We have reviewed your filing.\n\nResults of Operations\nOverview, page 39\n1. We note that you refer to Note\n2. Please revise.\n\nYou may contact me.";
        let found = split(&body(text));
        assert_eq!(found.comments.len(), 1);
        assert_eq!(
            found.comments[0].headings,
            ["Results of Operations", "Overview, page 39"]
        );
        assert_eq!(
            found.comments[0].text,
            "We note that you refer to Note 2. Please revise."
        );
        let text = "General\n\n1. Tell us what you expect for the year ending March\n31. Please also revise.\n\nYou may contact me.";
        let found = split(&body(text));
        assert_eq!(
            found.comments[0].text,
            "Tell us what you expect for the year ending March 31. Please also revise."
        );
        assert!(found.unplaced.is_empty());
    }

    #[test]
    fn a_comment_may_follow_a_quoted_heading_that_cites_a_page() {
        let text = "General\n\"Spend normalizes . . .\", page 101\n1. Please revise the graphics.\n\nYou may contact me.";
        let found = split(&body(text));
        assert_eq!(found.comments.len(), 1);
        assert_eq!(
            found.comments[0].headings,
            ["General", "\"Spend normalizes . . .\", page 101"]
        );
    }

    #[test]
    fn the_closing_ends_the_last_comment_without_a_blank_line() {
        let text = "General\n\n1. Please revise.\nIn closing, we remind you that the company is responsible.\n\nSincerely,";
        let found = split(&body(text));
        assert_eq!(found.comments[0].text, "Please revise.");
    }

    #[test]
    fn a_list_continues_after_an_unfinished_item() {
        let text = "General\n\n1. Tell us:\n\n1. How you allocate; and\n2. How you defer.\n\nYou may contact me.";
        let found = split(&body(text));
        assert_eq!(found.comments.len(), 1);
        assert_eq!(
            found.comments[0].text,
            "Tell us:\n\n1. How you allocate; and\n2. How you defer."
        );
    }

    #[test]
    fn numbers_out_of_sequence_are_reported() {
        let text = "General\n\n1. Please revise.\n\n3. Please explain.\n\nYou may contact me.";
        let found = split(&body(text));
        assert_eq!(found.comments.len(), 1);
        assert_eq!(
            found.comments[0].text,
            "Please revise.\n\n3. Please explain."
        );
        assert_eq!(found.unplaced.len(), 1);
        assert_eq!(found.unplaced[0].number, 5);
    }

    #[test]
    fn four_digit_comment_numbers_count_but_years_do_not() {
        let mut text = String::from("General\n\n");
        for n in 1..=1001 {
            text.push_str(&format!(
                "{n}. Please revise item {n} in fiscal\n2016. Refer to it.\n\n"
            ));
        }
        text.push_str("You may contact me.");
        let found = split(&body(&text));
        assert_eq!(found.comments.len(), 1001);
        assert_eq!(
            found.comments[1000].text,
            "Please revise item 1001 in fiscal 2016. Refer to it."
        );
        assert!(found.unplaced.is_empty());
    }
}
