//! Heading paths: how the headings above a comment combine with the path of the
//! comment before it.
//!
//! Staff letters print only the headings that change, so a comment's path is the
//! previous path with its tail replaced by the new headings. How much of the tail
//! is replaced depends on the level of the first new heading, which is read from
//! its wording (staff letters have no other signal; layout is lost in the text):
//!
//! | level | headings | examples |
//! |---|---|---|
//! | 0 document | a filing or a response letter | "Form 10-K for the Fiscal Year Ended …", "Form 8-K furnished …", "Amendment No. 1 to Registration Statement on Form S-1", "Response Letter Dated …" |
//! | 1 exhibit | an exhibit of the filing | "Exhibit 13", "Exhibit 99.2 Investor Letter, page 21" |
//! | 2 part | an Item, Part or a top-level section | "Item 5. Operating and Financial Review and Prospects", "Management's Discussion and Analysis …", "Risk Factors", "Financial Statements", "Notes to Consolidated Financial Statements", "Consolidated Statements of Cash Flows" |
//! | 3 note | a note to the financial statements | "Note 9. Taxes, page 45", "1. Summary of Significant Accounting Policies" |
//! | 4 section | any other heading | "Critical Accounting Policies", "Results of Operations" |
//! | 5 topic | any other heading that cites a page | "Goodwill, page 84" |
//!
//! The new path keeps the previous path's headings of a level strictly above the
//! first new heading's level and appends the new headings. A note's parent can
//! only be a financial-statements heading ("Financial Statements", "Notes to …"),
//! so other part-level headings are dropped before a note.
//!
//! A heading may wrap onto a second line: the next line continues it when it
//! starts in lower case or with a bracket ("(“MD&A”)"), or when the line ends with a comma, a
//! dash, "page" or a joining word ("and", "of", "the", …). Otherwise each line is
//! a heading of its own, as in letters that print a path on consecutive lines.

/// Words that end a line only when the heading continues on the next.
const JOINING: [&str; 12] = [
    "and", "of", "the", "for", "to", "in", "on", "or", "&", "page", "pages", "with",
];

/// Headings from consecutive heading lines, wrapped lines joined.
pub fn group(lines: &[&str]) -> Vec<String> {
    let mut headings: Vec<String> = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match headings.last_mut() {
            // A heading drawn twice (fake bold) comes twice in some extractions.
            Some(last) if last == line => {}
            Some(last) if last.ends_with('\u{ad}') => {
                last.pop();
                last.push_str(line);
            }
            Some(last) if continues(last, line) => {
                if !(last.ends_with('-') || last.ends_with('—')) {
                    last.push(' ');
                }
                last.push_str(line);
            }
            _ => headings.push(line.to_owned()),
        }
    }
    headings
}

/// Whether `next` continues the heading `current` on a new line.
fn continues(current: &str, next: &str) -> bool {
    let last_word = current.rsplit(' ').next().unwrap_or("").to_lowercase();
    let page_number = !next.contains(' ') && next.contains(|c: char| c.is_ascii_digit());
    next.starts_with(char::is_lowercase)
        || next.starts_with('(')
        || page_number
        || current.ends_with([',', '-', '—', '–'])
        || JOINING.contains(&last_word.as_str())
}

/// The path of a comment whose own headings are `group`, after a comment whose
/// path was `previous`.
pub fn nest(previous: &[String], group: &[String]) -> Vec<String> {
    let Some(first) = group.first() else {
        return previous.to_vec();
    };
    let level = level(first);
    let mut path: Vec<String> = previous
        .iter()
        .take_while(|h| self::level(h) < level)
        .cloned()
        .collect();
    if level == Level::Note {
        while path
            .last()
            .is_some_and(|h| self::level(h) == Level::Part && !is_statements_container(h))
        {
            path.pop();
        }
    }
    path.extend(group.iter().cloned());
    path
}

/// The level of a heading, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// A filing or a response letter.
    Document,
    /// An exhibit of the filing.
    Exhibit,
    /// An Item, Part or top-level section of the filing.
    Part,
    /// A note to the financial statements.
    Note,
    /// Any other heading.
    Section,
    /// Any other heading that cites a page: the innermost level.
    Topic,
}

/// Top-level sections of 10-K, 20-F and registration statements, by how they start.
const PARTS: [&str; 11] = [
    "item ",
    "part ",
    "management's discussion",
    "management’s discussion",
    "financial statements",
    "consolidated financial statements",
    "notes to ",
    "consolidated statements",
    "consolidated statement",
    "consolidated balance sheet",
    "selected financial data",
];

/// Top-level sections whose name is the whole heading (a page citation aside).
const PARTS_EXACT: [&str; 6] = [
    "general",
    "business",
    "risk factors",
    "legal proceedings",
    "properties",
    "exhibits",
];

/// Reads a heading's level from its wording.
pub fn level(heading: &str) -> Level {
    let lower = heading.to_lowercase();
    let starts = |p: &str| lower.starts_with(p);
    if (starts("form ") && lower[5..].starts_with(|c: char| c.is_ascii_alphanumeric()))
        || starts("amendment no")
        || starts("registration statement")
        || starts("draft registration statement")
        || starts("post-effective amendment")
        || starts("schedule 14")
        || starts("preliminary proxy")
        || starts("definitive proxy")
        || starts("annual report on form")
        || starts("response letter dated")
        || starts("response dated")
        || starts("correspondence dated")
    {
        Level::Document
    } else if starts("exhibit ") {
        Level::Exhibit
    } else if PARTS.iter().any(|p| starts(p)) || PARTS_EXACT.contains(&without_page(&lower)) {
        Level::Part
    } else if starts("note ") && lower[5..].starts_with(|c: char| c.is_ascii_digit())
        || is_numbered_title(heading)
    {
        Level::Note
    } else if cites_page(&lower) {
        Level::Topic
    } else {
        Level::Section
    }
}

/// The heading without a trailing page citation.
fn without_page(lower: &str) -> &str {
    match lower.rfind("page") {
        Some(i) if cites_page(lower) => lower[..i].trim_end_matches([' ', ',']),
        _ => lower,
    }
}

/// "1. Summary of Significant Accounting Policies": a number, then a title.
fn is_numbered_title(heading: &str) -> bool {
    let digits = heading.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && heading[digits..].starts_with(". ")
}

/// ", page 84", ", pages 43-55", "page F-12".
fn cites_page(lower: &str) -> bool {
    lower
        .rfind("page")
        .is_some_and(|i| lower[i..].split_whitespace().count() <= 2 && i > 0)
}

/// Headings under which the notes to the financial statements sit.
fn is_statements_container(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    lower.starts_with("financial statements")
        || lower.starts_with("consolidated financial statements")
        || lower.starts_with("notes to ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn wrapped_lines_join_and_consecutive_headings_stay_apart() {
        assert_eq!(
            group(&[
                "Consolidated Statements of Shareholders’ Equity and Redeemable Noncontrolling Interest, page",
                "29",
            ]),
            path(&[
                "Consolidated Statements of Shareholders’ Equity and Redeemable Noncontrolling Interest, page 29"
            ])
        );
        assert_eq!(
            group(&[
                "Management's Discussion and Analysis",
                "Results of Operations",
                "Overview, page 39"
            ])
            .len(),
            3
        );
        assert_eq!(
            group(&[
                "Management's Discussion and Analysis of Financial Condition and",
                "Results of Operations"
            ]),
            path(&[
                "Management's Discussion and Analysis of Financial Condition and Results of Operations"
            ])
        );
    }

    #[test]
    fn new_headings_replace_the_tail_of_the_path_by_level() {
        let first = nest(
            &[],
            &path(&[
                "Item 3. Key Information",
                "A. Selected Financial Data, page 3",
            ]),
        );
        let second = nest(
            &first,
            &path(&["Discussion of Non-GAAP Financial Measures, page 5"]),
        );
        assert_eq!(
            second,
            path(&[
                "Item 3. Key Information",
                "Discussion of Non-GAAP Financial Measures, page 5"
            ])
        );
        let third = nest(
            &second,
            &path(&[
                "Item 5. Operating and Financial Review and Prospects",
                "Critical Accounting Policies",
                "Goodwill, page 84",
            ]),
        );
        assert_eq!(third.len(), 3);
        assert_eq!(
            third[0],
            "Item 5. Operating and Financial Review and Prospects"
        );

        let mdna = path(&[
            "Form 10-K for the Fiscal Year Ended December 30, 2022",
            "Management's Discussion and Analysis",
            "Operations Review, page 33",
        ]);
        let note = nest(
            &mdna,
            &path(&[
                "Note 1: Significant Accounting Policies",
                "Revenue Recognition, page 69",
            ]),
        );
        assert_eq!(note[0], mdna[0]);
        assert_eq!(note[1], "Note 1: Significant Accounting Policies");
        let note9 = nest(&note, &path(&["Note 9: Goodwill, page 79"]));
        assert_eq!(
            note9,
            path(&[
                "Form 10-K for the Fiscal Year Ended December 30, 2022",
                "Note 9: Goodwill, page 79"
            ])
        );
        let other = nest(
            &note9,
            &path(&[
                "Form 8-K furnished October 26, 2023",
                "Exhibit 99.2 Investor Letter, page 21",
            ]),
        );
        assert_eq!(other.len(), 2);
    }
}
