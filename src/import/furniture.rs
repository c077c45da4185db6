//! Page furniture: what a printed letter repeats on its pages rather than says.
//!
//! Removed wherever it falls, even in the middle of a sentence:
//! - running page headers ending in a "Page N" line, with the lines above it that
//!   a header repeats (addressee, company, letter date, or template text such as
//!   "FirstName LastNameDavid Michels" / "Comapany NameKinder Morgan, Inc."): the
//!   four-line style (name / company / date / Page N) and the two-line style
//!   (date / Page N);
//! - bare page numbers standing alone between blank lines;
//! - letterhead and logo lines ("DIVISION OF CORPORATION FINANCE", "Mail Stop
//!   4561", "United States securities and exchange commission logo").
//!
//! The line after a removed run is flagged, so paragraph assembly can re-join a
//! sentence that a page break interrupted.

use time::Date;

use super::Line;
use super::dates::{find_date, whole_date};
use super::header::strip_courtesy;

/// What the running headers of this letter repeat.
#[derive(Debug, Clone)]
pub struct Hints {
    /// The addressee's name and the company name(s).
    pub names: Vec<String>,
    /// The letter's date.
    pub date: Date,
    /// Numbers of the lines a form feed starts (pdftotext starts each page so).
    pub page_starts: Vec<usize>,
}

/// A body line that survived furniture removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLine {
    /// Line number in the input.
    pub number: usize,
    /// The text.
    pub text: String,
    /// True when page furniture was removed just before this line.
    pub after_furniture: bool,
}

/// Letterhead lines, compared exactly (upper case as printed).
const LETTERHEAD: [&str; 7] = [
    "DIVISION OF",
    "CORPORATION FINANCE",
    "DIVISION OF CORPORATION FINANCE",
    "UNITED STATES",
    "SECURITIES AND EXCHANGE COMMISSION",
    "WASHINGTON, D.C. 20549",
    "WASHINGTON, DC 20549",
];

/// The lines without page furniture.
pub fn strip(lines: &[Line], hints: &Hints) -> Vec<BodyLine> {
    let texts: Vec<&str> = lines.iter().map(|l| l.text.trim()).collect();
    let mut removed = vec![false; lines.len()];
    for (i, text) in texts.iter().enumerate() {
        if is_page_marker(text) && is_running_header(&texts, i, hints) {
            removed[i] = true;
            let mut up = i;
            while up > 0 && is_header_line(texts[up - 1], hints) {
                up -= 1;
                removed[up] = true;
            }
            let mut down = i + 1;
            while down < texts.len() && is_header_line(texts[down], hints) {
                removed[down] = true;
                down += 1;
            }
        } else if is_template_text(text)
            || is_letterhead(text)
            || is_bare_page_number(&texts, i)
            || is_page_foot(&texts, i, lines, hints)
        {
            removed[i] = true;
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if hints.page_starts.contains(&line.number) {
            for j in i..lines.len() {
                let text = texts[j];
                if text.is_empty() {
                    continue;
                }
                if !is_header_fragment(text, hints) {
                    break;
                }
                removed[j] = true;
            }
        }
    }
    let mut out = Vec::new();
    let mut gap = false;
    for (line, gone) in lines.iter().zip(removed) {
        if gone {
            gap = true;
            continue;
        }
        out.push(BodyLine {
            number: line.number,
            text: line.text.trim().to_owned(),
            after_furniture: gap && !line.text.trim().is_empty(),
        });
        if !line.text.trim().is_empty() {
            gap = false;
        }
    }
    out
}

/// Whether the page marker at `i` belongs to a running header or stands alone
/// as a page number; a heading that wraps onto a "Page 45" line does neither.
fn is_running_header(texts: &[&str], i: usize, hints: &Hints) -> bool {
    let blank = |j: Option<usize>| j.and_then(|j| texts.get(j)).is_none_or(|t| t.is_empty());
    let dated = find_date(texts[i]).is_some_and(|(_, range)| range.start == 0);
    dated
        || i.checked_sub(1)
            .is_some_and(|j| is_header_line(texts[j], hints))
        || blank(i.checked_sub(1)) && blank(Some(i + 1))
}

/// "Page 3", "Page 3 of 5", "March 28, 2023 Page 2", "- 3 -".
fn is_page_marker(text: &str) -> bool {
    let after_date = match find_date(text) {
        Some((_, range)) if range.start == 0 => text[range.end..].trim(),
        _ => text,
    };
    if let Some(rest) = after_date.strip_prefix("Page ") {
        let mut parts = rest.split(" of ");
        return parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            && rest.split(" of ").count() <= 2;
    }
    let dashed = text.trim_matches(['-', ' ']);
    text.starts_with('-')
        && text.ends_with('-')
        && !dashed.is_empty()
        && dashed.chars().all(|c| c.is_ascii_digit())
}

/// A line a running header repeats above (or below) its "Page N" line.
fn is_header_line(text: &str, hints: &Hints) -> bool {
    if text.is_empty() {
        return false;
    }
    whole_date(text) == Some(hints.date)
        || is_page_marker(text)
        || is_template_text(text)
        || text == "FirstName LastName"
        || hints
            .names
            .iter()
            .any(|n| !n.is_empty() && same_name(n, &strip_courtesy(text)))
}

/// Template words that pdftotext's default mode runs into the header's own
/// words ("LastNameDavid", "NameKinder").
const TEMPLATE_WORDS: [&str; 5] = ["FirstName", "LastName", "Comapany", "Company", "Name"];

/// A line made only of the words a running header repeats, in any order and
/// in pieces, as pdftotext's default mode breaks a header with hidden
/// template text: "March2 28, 2023 Page 2", "LastNameDavid", "Inc.".
fn is_header_fragment(text: &str, hints: &Hints) -> bool {
    let date = super::dates::iso(hints.date);
    let mut vocabulary: Vec<String> = hints
        .names
        .iter()
        .flat_map(|n| words(n))
        .chain(words(&format!("{} {}", hints.date.month(), date)))
        .collect();
    vocabulary.extend(["page", "mr", "ms", "mrs", "dr"].map(String::from));
    let mut any = false;
    for token in text.split_whitespace() {
        let mut rest = token;
        while let Some(after) = TEMPLATE_WORDS.iter().find_map(|t| rest.strip_prefix(t)) {
            rest = after;
            any = true;
        }
        for word in words(rest) {
            let number = word.len() <= 4 && word.chars().all(|c| c.is_ascii_digit());
            if !number && !vocabulary.contains(&word) {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Lower-case words of a text, letters and digits apart ("March2" → "march", "2").
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let kind = |c: char| c.is_ascii_digit();
        let boundary =
            !c.is_alphanumeric() || current.chars().last().is_some_and(|l| kind(l) != kind(c));
        if boundary && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Names compared by their letters and digits only ("Inc." and "Inc" match).
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    key(a) == key(b)
}

/// Placeholder text an EDGAR letter template leaves in page headers.
fn is_template_text(text: &str) -> bool {
    text.starts_with("FirstName LastName")
        || text.starts_with("Comapany Name")
        || text.starts_with("Company Name")
}

/// Letterhead, logo and mail-stop lines.
fn is_letterhead(text: &str) -> bool {
    LETTERHEAD.contains(&text)
        || text
            .to_lowercase()
            .contains("securities and exchange commission logo")
        || text
            .strip_prefix("Mail Stop ")
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

/// A page's number alone on the line right above the next page's form feed
/// (after a blank line, or the page's own number when no blank line comes first).
fn is_page_foot(texts: &[&str], i: usize, lines: &[Line], hints: &Hints) -> bool {
    let text = texts[i];
    let Some(page) = lines
        .get(i + 1)
        .and_then(|next| hints.page_starts.iter().position(|&s| s == next.number))
    else {
        return false;
    };
    let after_blank = i.checked_sub(1).is_some_and(|p| texts[p].is_empty());
    !text.is_empty()
        && text.len() <= 3
        && text.chars().all(|c| c.is_ascii_digit())
        && (after_blank || text.parse::<usize>().is_ok_and(|n| n == page + 1))
}

/// A number of one to three digits alone between blank lines.
fn is_bare_page_number(texts: &[&str], i: usize) -> bool {
    let text = texts[i];
    let blank = |j: Option<usize>| j.and_then(|j| texts.get(j)).is_none_or(|t| t.is_empty());
    !text.is_empty()
        && text.len() <= 3
        && text.chars().all(|c| c.is_ascii_digit())
        && blank(i.checked_sub(1))
        && blank(Some(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text_lines;

    #[test]
    fn removes_running_headers_wherever_they_fall() {
        let text = "we note that\nAugust 16, 2017\nPage 3\nthe company\n\nMr. Terry Wang\n21Vianet Group, Inc\nAugust 16, 2017\nPage 4\n\nmore\n\n7\n\nend";
        let hints = Hints {
            names: vec!["Terry Wang".into(), "21Vianet Group, Inc.".into()],
            date: whole_date("August 16, 2017").unwrap(),
            page_starts: vec![],
        };
        let out = strip(&text_lines(text), &hints);
        let kept: Vec<&str> = out.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            kept,
            ["we note that", "the company", "", "", "more", "", "", "end"]
        );
        assert!(out[1].after_furniture);
        assert!(out[4].after_furniture);
        assert!(out[7].after_furniture);
        assert!(!out[0].after_furniture);
    }

    #[test]
    fn a_header_broken_into_pieces_after_a_form_feed_goes() {
        let text = "have a material impact\n\nDavid Michels\nFirstName\nLastNameDavid\nKinder Morgan,\nInc.\nNameKinder Morgan, Inc.\nMarch\n28, 2023\nMarch2 28, 2023 Page 2\nPage\nFirstName LastName\n\nreasonably likely to cause";
        let hints = Hints {
            names: vec!["David Michels".into(), "Kinder Morgan, Inc.".into()],
            date: whole_date("March 28, 2023").unwrap(),
            page_starts: vec![3],
        };
        let out = strip(&text_lines(text), &hints);
        let kept: Vec<&str> = out
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            kept,
            ["have a material impact", "reasonably likely to cause"]
        );
        assert!(out.last().unwrap().after_furniture);
    }

    #[test]
    fn a_heading_wrapped_onto_a_page_line_stays() {
        let hints = Hints {
            names: vec![],
            date: whole_date("August 16, 2017").unwrap(),
            page_starts: vec![],
        };
        let text = "Goodwill and Intangible Assets,\nPage 45\n\n1. We note";
        let out = strip(&text_lines(text), &hints);
        assert_eq!(out.len(), 4);
    }
}
