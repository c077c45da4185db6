//! Page furniture found by where it sits: the running header at the top of
//! every page after the first (the addressee, the company, the date and a
//! "Page N" line, in that order or with the date beside "Page N"), and a page
//! number standing alone at the foot of a page. Hidden template text never
//! gets here (the interpreter drops what is not painted); the letterhead and
//! the logo's text layer are left to the text stage, which knows their words.

use super::lines::TextLine;
use crate::import::dates::find_date;

/// Share of the page height, from the top, where a running header may end.
const HEADER_ZONE: f32 = 0.3;
/// Share of the page height, from the bottom, where a page number may stand.
const FOOTER_ZONE: f32 = 0.12;
/// How many lines from the top a header's "Page N" line may be.
const HEADER_LINES: usize = 8;

/// The pages' lines without running headers and page numbers.
pub fn strip(pages: Vec<Vec<TextLine>>) -> Vec<Vec<TextLine>> {
    pages
        .into_iter()
        .enumerate()
        .map(|(index, mut lines)| {
            if index > 0
                && let Some(end) = header_end(&lines)
            {
                lines.drain(..=end);
            }
            if lines.last().is_some_and(is_footer_number) {
                lines.pop();
            }
            lines
        })
        .collect()
}

/// Index of the last line of the running header at the top of a page.
fn header_end(lines: &[TextLine]) -> Option<usize> {
    lines
        .iter()
        .take(HEADER_LINES)
        .take_while(|l| l.y >= l.area.y1 - HEADER_ZONE * height(l))
        .position(|l| is_page_marker(&l.text))
}

/// A page number alone near the foot of the page.
fn is_footer_number(line: &TextLine) -> bool {
    let text = line.text.trim();
    let bare = text.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    line.y <= line.area.y0 + FOOTER_ZONE * height(line)
        && (is_page_marker(text)
            || !bare.is_empty() && bare.len() <= 3 && bare.chars().all(|c| c.is_ascii_digit()))
}

fn height(line: &TextLine) -> f32 {
    line.area.y1 - line.area.y0
}

/// "Page 2", "Page 2 of 5", "March 28, 2023 Page 2".
pub fn is_page_marker(text: &str) -> bool {
    let text = match find_date(text) {
        Some((_, range)) if range.start == 0 => text[range.end..].trim(),
        _ => text.trim(),
    };
    let Some(rest) = text.strip_prefix("Page ") else {
        return false;
    };
    let parts: Vec<&str> = rest.split(" of ").collect();
    parts.len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::pdf::document::Rect;

    fn line(y: f32, text: &str) -> TextLine {
        TextLine {
            page: 1,
            y,
            x0: 72.0,
            x1: 300.0,
            size: 12.0,
            text: text.to_owned(),
            area: Rect::LETTER,
        }
    }

    #[test]
    fn headers_and_page_numbers_go() {
        let first = vec![line(700.0, "July 8, 2016"), line(500.0, "Page 1 text")];
        let second = vec![
            line(740.0, "M. Brett Biggs"),
            line(726.0, "Wal-Mart Stores, Inc."),
            line(712.0, "July 8, 2016"),
            line(698.0, "Page 2"),
            line(670.0, "in net sales."),
            line(40.0, "2"),
        ];
        let pages = strip(vec![first.clone(), second]);
        assert_eq!(pages[0], first);
        let texts: Vec<&str> = pages[1].iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["in net sales."]);
    }

    #[test]
    fn a_page_line_in_the_body_stays() {
        let second = vec![line(400.0, "Goodwill, page 84"), line(380.0, "Page 45")];
        assert_eq!(strip(vec![vec![], second.clone()])[1], second);
        assert!(is_page_marker("March 28, 2023 Page 2"));
        assert!(is_page_marker("Page 2 of 3"));
        assert!(!is_page_marker("Page two"));
    }
}
