//! Lines → the letter's text, a blank line between paragraphs.
//!
//! A paragraph ends where the gap to the next baseline is clearly wider than
//! the body's line spacing, or where the next line is indented like a first
//! line (further in than the line before and the line after it). At a page
//! break the paragraph goes on when the page's last line does not end a
//! sentence, or fills the measure and the next page's first line is neither
//! indented nor a heading (short, no sentence end); a numbered paragraph or a
//! bullet always starts anew.

use super::lines::TextLine;
use crate::import::paragraphs::{ends_sentence, marker};
use crate::import::{Line, clean_line};

/// A gap this many times the line spacing ends a paragraph.
const PARAGRAPH_GAP: f32 = 1.4;

/// The text lines of the letter, numbered from 1.
pub fn text_lines(pages: &[Vec<TextLine>]) -> Vec<Line> {
    let spacing = line_spacing(pages);
    let mut out: Vec<Line> = Vec::new();
    let mut previous: Option<&TextLine> = None;
    for page in pages {
        let right = page.iter().map(|l| l.x1).fold(0.0, f32::max);
        for (i, line) in page.iter().enumerate() {
            let breaks = match previous {
                None => false,
                Some(before) if before.page != line.page => {
                    !continues_on_next_page(before, line, right)
                }
                Some(before) => ends_paragraph(before, line, page.get(i + 1), spacing),
            };
            if breaks {
                push(&mut out, String::new());
            }
            push(&mut out, line.text.clone());
            previous = Some(line);
        }
    }
    out
}

/// Appends a line, cleaned as text input is (no control characters,
/// byte-order marks or non-characters, which YAML cannot hold).
fn push(out: &mut Vec<Line>, text: String) {
    out.push(Line {
        number: out.len() + 1,
        text: clean_line(&text),
    });
}

/// The most common distance between consecutive baselines of a page.
fn line_spacing(pages: &[Vec<TextLine>]) -> f32 {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for page in pages {
        for pair in page.windows(2) {
            let gap = pair[0].y - pair[1].y;
            if gap > 0.5 * pair[1].size && gap < 3.0 * pair[1].size {
                let key = (gap * 2.0).round() as i32;
                match counts.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((key, 1)),
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(k, n)| (*n, -*k))
        .map_or(14.0, |(k, _)| *k as f32 / 2.0)
}

/// Whether a paragraph ends between two lines of one page.
fn ends_paragraph(a: &TextLine, b: &TextLine, after: Option<&TextLine>, spacing: f32) -> bool {
    let gap = a.y - b.y;
    let normal = spacing.max(1.05 * b.size.min(a.size));
    if gap > PARAGRAPH_GAP * normal {
        return true;
    }
    let indent = 0.8 * b.size;
    let first_line = b.x0 > a.x0 + indent
        && after.is_some_and(|c| c.x0 < b.x0 - indent && a.y - c.y < 2.0 * PARAGRAPH_GAP * normal);
    first_line && ends_sentence(&a.text)
}

/// Whether the paragraph at the foot of one page goes on at the top of the next.
fn continues_on_next_page(a: &TextLine, b: &TextLine, right: f32) -> bool {
    if marker(&b.text).is_some() {
        return false;
    }
    let full = a.x1 >= right - 5.0 * a.size;
    let indented = b.x0 > a.x0 + 0.8 * b.size;
    // A short line without a sentence end at the top of a page is a heading.
    let heading = b.x1 < right - 5.0 * b.size && !ends_sentence(&b.text);
    !ends_sentence(&a.text) || full && !indented && !heading
}
