//! Paragraphs for text that lost them: pdftotext's default and `-raw` modes
//! write a letter without blank lines between paragraphs, a comment number
//! or bullet on a line of its own (default mode), and a comment number after
//! the paragraph it belongs to when the letter draws it last (raw mode).
//!
//! Text is reflowed only when it lacks paragraph breaks (few sentence ends
//! are followed by a blank line); `-layout` text, HTML and the PDF reader's
//! output pass unchanged. Then, after the salutation:
//! - a bare "1." or bullet goes to the start of its paragraph: the next line
//!   when a blank line or a heading separates it from the text before, else
//!   the first line of the paragraph above it (a line a heading could be
//!   ends that search, unless the line under it goes on in lower case);
//! - a blank line goes before a numbered or bulleted line that follows a
//!   finished line or a heading, after a sentence that ends short of the
//!   measure (a paragraph's last line), and before a heading that follows a
//!   finished sentence.

use super::Line;
use super::comments::ends_with_reference_word;
use super::paragraphs::{ends_sentence, marker};

/// Share of sentence-ending lines followed by a blank line below which a
/// text counts as having lost its paragraph breaks.
const SPARSE: f32 = 0.3;
/// Words a line of running text ends with and a heading does not.
const JOINERS: [&str; 9] = ["and", "or", "of", "the", "to", "in", "for", "a", "an"];

/// Share of the measure under which a sentence-ending line ends its paragraph.
const SHORT: f32 = 0.8;

/// The lines with paragraph breaks restored, when they were lost;
/// `page_starts` are the numbers of the lines that start a page.
pub fn reflow(lines: Vec<Line>, page_starts: &[usize]) -> Vec<Line> {
    let start = lines
        .iter()
        .position(|l| is_salutation(&l.text))
        .map_or(0, |i| i + 1);
    if start == 0 {
        return lines;
    }
    if !is_sparse(&lines[start..], page_starts) {
        return separate_headings(lines, start);
    }
    let (head, body) = lines.split_at(start);
    let body = place_bare_markers(body.to_vec());
    let mut out = head.to_vec();
    out.extend(break_paragraphs(&body));
    out
}

fn is_salutation(text: &str) -> bool {
    let text = text.trim();
    text.starts_with("Dear ") || text.starts_with("Ladies and Gentlemen")
}

/// `-layout` text keeps its paragraphs, but some pdftotext versions run a
/// heading into the paragraph above it: a blank line goes between a sentence
/// end and a heading set further left than it (the comment's text is indented
/// under its number, its headings are not) that a blank line, a numbered line
/// or another heading follows.
fn separate_headings(lines: Vec<Line>, start: usize) -> Vec<Line> {
    let measure = measure(&lines[start..]);
    let indent = |text: &str| text.len() - text.trim_start().len();
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        let previous = lines[..i].last().map_or("", |l| l.text.as_str());
        let next = lines.get(i + 1).map_or("", |l| l.text.trim());
        if i > start
            && ends_sentence(previous.trim())
            && indent(&line.text) + 4 <= indent(previous)
            && !starts_item(text)
            && is_heading_like(text, measure)
            && (next.is_empty() || starts_item(next) || is_heading_like(next, measure))
        {
            out.push(Line {
                number: line.number,
                text: String::new(),
            });
        }
        out.push(line.clone());
    }
    out
}

/// Whether few sentence ends are followed by a blank line (blank lines
/// before a bare marker or a new page aside: those come in every mode).
fn is_sparse(body: &[Line], page_starts: &[usize]) -> bool {
    let mut ends = 0usize;
    let mut spaced = 0usize;
    for (i, line) in body.iter().enumerate() {
        let text = line.text.trim();
        if ends_sentence(text) && !is_bare_marker(text) && text.len() > 20 {
            ends += 1;
            let blank = body.get(i + 1).is_some_and(|n| n.text.trim().is_empty());
            let after = body[i + 1..].iter().find(|n| !n.text.trim().is_empty());
            let incidental =
                after.is_some_and(|n| is_bare_marker(&n.text) || page_starts.contains(&n.number));
            if blank && !incidental {
                spaced += 1;
            }
        }
    }
    ends >= 3 && (spaced as f32) < SPARSE * ends as f32 || intro_unspaced(body)
}

/// Whether the staff's opening paragraphs, which are always apart, run
/// together: the first lines after the salutation hold two sentence ends and
/// no blank line.
fn intro_unspaced(body: &[Line]) -> bool {
    let intro: Vec<&str> = body
        .iter()
        .map(|l| l.text.trim())
        .take(8)
        .take_while(|t| !starts_item(t))
        .collect();
    let ends = intro.iter().filter(|t| ends_sentence(t)).count();
    !intro.is_empty() && ends >= 2 && !intro.iter().any(|t| t.is_empty())
}

/// "1." or a bullet alone on a line.
fn is_bare_marker(text: &str) -> bool {
    let text = text.trim();
    let number = text
        .strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.len() <= 4 && n.chars().all(|c| c.is_ascii_digit()));
    let bullet = text.chars().count() == 1
        && text
            .chars()
            .all(|c| matches!(c, '•' | '▪' | '●' | '■') || ('\u{f000}'..='\u{f0ff}').contains(&c));
    number || bullet
}

/// Moves each bare marker to the line its paragraph starts on.
fn place_bare_markers(mut lines: Vec<Line>) -> Vec<Line> {
    let measure = measure(&lines);
    let mut i = 0;
    while i < lines.len() {
        if !is_bare_marker(&lines[i].text) {
            i += 1;
            continue;
        }
        let column = lines[i..]
            .iter()
            .take_while(|l| {
                is_bare_marker(&l.text)
                    && marker(&format!("{} x", l.text.trim()))
                        .is_some_and(|(m, _)| m == super::paragraphs::Marker::Bullet)
            })
            .count();
        if column >= 2 {
            distribute_bullets(&mut lines, i, column);
            continue;
        }
        let marker = lines[i].text.trim().to_owned();
        let next = (i + 1..lines.len()).find(|&j| !lines[j].text.trim().is_empty());
        let previous = (0..i).rev().find(|&j| !lines[j].text.trim().is_empty());
        let forward = next.is_some_and(|n| n > i + 1)
            || previous.is_none_or(|p| is_heading_like(&lines[p].text, measure));
        let target = if forward {
            next
        } else {
            previous.map(|p| paragraph_start(&lines, p, measure))
        };
        match target {
            Some(t) => {
                let text = lines[t].text.trim().to_owned();
                lines[t].text = format!("{marker} {text}");
                let end = next.filter(|_| forward).unwrap_or(i + 1);
                lines.drain(i..end);
                if t < i {
                    i += 1;
                }
            }
            None => i += 1,
        }
    }
    lines
}

/// A column of `count` bare bullets at `at` (pdftotext's default mode sets a
/// list's bullets apart from its items): the bullets go to the lines that
/// start the items, the first line after the column and each line after one
/// that ends an item (";", "; and", "; or", ".").
fn distribute_bullets(lines: &mut Vec<Line>, at: usize, count: usize) {
    let bullet = lines[at].text.trim().to_owned();
    lines.drain(at..at + count);
    while lines.get(at).is_some_and(|l| l.text.trim().is_empty()) {
        lines.remove(at);
    }
    let mut left = count;
    let mut item_starts = true;
    for line in lines[at..].iter_mut() {
        let text = line.text.trim().to_owned();
        if left == 0 || text.is_empty() {
            break;
        }
        if item_starts {
            line.text = format!("{bullet} {text}");
            left -= 1;
        }
        item_starts = text.ends_with([';', '.'])
            || [" and", " or"]
                .iter()
                .any(|w| text.ends_with(w) && text.contains(';'));
    }
}

/// The first line of the paragraph that line `last` belongs to: up to a
/// blank line, a heading or a short sentence end; when that search runs into
/// another numbered paragraph, up to the nearest sentence end instead.
fn paragraph_start(lines: &[Line], last: usize, measure: f32) -> usize {
    let start = scan_up(lines, last, |above, current| {
        is_heading_like(above, measure) && !current.starts_with(char::is_lowercase)
            || ends_sentence(above) && (above.chars().count() as f32) < SHORT * measure
    });
    if marker(lines[start].text.trim()).is_none() || start == last {
        return start;
    }
    scan_up(lines, last, |above, _| ends_sentence(above))
}

/// Goes up from `last` while the line above is text that `stops` does not end.
fn scan_up(lines: &[Line], last: usize, stops: impl Fn(&str, &str) -> bool) -> usize {
    let mut start = last;
    while start > 0 {
        let above = lines[start - 1].text.trim();
        let current = lines[start].text.trim();
        if above.is_empty() || marker(current).is_some() || stops(above, current) {
            break;
        }
        start -= 1;
    }
    start
}

/// A line shorter than the measure that does not end like a sentence and
/// starts like a title.
fn is_heading_like(text: &str, measure: f32) -> bool {
    let text = text.trim();
    !text.is_empty()
        && (text.chars().count() as f32) < SHORT * measure
        && !ends_sentence(text)
        && !text.ends_with([',', ';'])
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !text
            .split_whitespace()
            .last()
            .is_some_and(|w| ["and", "or", "of", "the", "to", "in", "for"].contains(&w))
}

/// Whether a line starts a list item or a numbered paragraph.
fn starts_item(text: &str) -> bool {
    marker(text).is_some()
}

/// A line a heading could be, whatever its length: no sentence end, a
/// capital or digit first, and no last word that running text goes on from
/// ("and", "Note").
fn could_be_heading(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && !ends_sentence(text)
        && !text.ends_with([',', ';'])
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !ends_with_reference_word(text)
        && !text
            .split_whitespace()
            .last()
            .is_some_and(|w| JOINERS.contains(&w))
}

/// The body with a blank line between paragraphs.
fn break_paragraphs(body: &[Line]) -> Vec<Line> {
    let measure = measure(body);
    let mut out: Vec<Line> = Vec::with_capacity(body.len() * 5 / 4);
    for (i, line) in body.iter().enumerate() {
        let text = line.text.trim();
        let previous = out
            .last()
            .map(|l: &Line| l.text.trim().to_owned())
            .unwrap_or_default();
        if !text.is_empty() && !previous.is_empty() {
            let finished = ends_sentence(&previous) || previous.ends_with(';');
            let short = (previous.chars().count() as f32) < SHORT * measure;
            let next = body.get(i + 1).map(|l| l.text.trim()).unwrap_or("");
            let breaks = starts_item(text) && (finished || could_be_heading(&previous))
                || ends_sentence(&previous) && short
                || ends_sentence(&previous)
                    && is_heading_like(text, measure)
                    && (starts_item(next)
                        || next.starts_with(|c: char| c.is_uppercase()) && !ends_sentence(next));
            if breaks {
                out.push(Line {
                    number: line.number,
                    text: String::new(),
                });
            }
        }
        out.push(line.clone());
    }
    out
}

/// The length of a full line: the longest lines of the body, give or take.
fn measure(body: &[Line]) -> f32 {
    let mut lengths: Vec<usize> = body
        .iter()
        .map(|l| l.text.trim().chars().count())
        .filter(|&n| n >= 20)
        .collect();
    lengths.sort_unstable();
    let at = lengths.len() * 9 / 10;
    lengths
        .get(at.min(lengths.len().saturating_sub(1)))
        .map_or(80.0, |&n| n as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text_lines;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    const BODY: &str = "Dear Ms. Roe:\nWe have reviewed your filing and have the following comments. In some of our\ncomments, we may ask you to provide us with information.\nResults of Operations, page 39\n";

    #[test]
    fn restores_paragraphs_and_numbers_of_the_default_mode() {
        let text = format!(
            "{BODY}1.\n\nWe note your disclosure indicating that you evaluate performance using the\nmeasures we describe. Please revise.\nTell us more about it.\nRisk Factors\n2.\n\nPlease explain.\nSincerely,"
        );
        let out = reflow(text_lines(&text), &[]);
        assert_eq!(
            texts(&out)[1..],
            [
                "We have reviewed your filing and have the following comments. In some of our",
                "comments, we may ask you to provide us with information.",
                "",
                "Results of Operations, page 39",
                "",
                "1. We note your disclosure indicating that you evaluate performance using the",
                "measures we describe. Please revise.",
                "",
                "Tell us more about it.",
                "",
                "Risk Factors",
                "",
                "2. Please explain.",
                "",
                "Sincerely,",
            ]
        );
    }

    #[test]
    fn moves_a_number_drawn_after_its_paragraph_to_its_start() {
        let text = format!(
            "{BODY}We note your disclosure indicating that you evaluate performance using the\nmeasures we describe. Please revise the discussion of your results.\n1.\nPlease also tell us more about the measures and the reasons for them.\nSincerely,"
        );
        let out = reflow(text_lines(&text), &[]);
        assert_eq!(
            texts(&out)[4..7],
            [
                "Results of Operations, page 39",
                "",
                "1. We note your disclosure indicating that you evaluate performance using the",
            ]
        );
    }

    #[test]
    fn a_column_of_bullets_goes_to_its_items() {
        let text = format!(
            "{BODY}1.\n\nDiscuss the consequences, such as the following:\n•\n•\n\ndecreased demand for goods that produce\nemissions; and\nincreased demand for goods that result in lower emissions.\nTell us more about it.\nSincerely,"
        );
        let out = reflow(text_lines(&text), &[]);
        assert_eq!(
            texts(&out)[7..11],
            [
                "",
                "• decreased demand for goods that produce",
                "emissions; and",
                "• increased demand for goods that result in lower emissions.",
            ]
        );
    }

    #[test]
    fn a_layout_heading_run_into_the_paragraph_above_is_set_apart() {
        let text = "Dear Ms. Roe:\n\n     We have reviewed your filing and have the following comments. In some of\nour comments, we ask for information.\n\n1.   Please expand your discussion and analysis to address revenues, cost of sales\n     as referenced above.\nNon-GAAP Financial Measures, page 44\n\n2.   We note that you describe measures.\n\nSincerely,";
        let out = reflow(text_lines(text), &[]);
        assert_eq!(
            texts(&out)[6..9],
            [
                "     as referenced above.",
                "",
                "Non-GAAP Financial Measures, page 44"
            ]
        );
    }

    #[test]
    fn text_with_paragraph_breaks_is_left_alone() {
        let text = "Dear Ms. Roe:\n\nWe have reviewed your filing and have comments.\n\nPlease respond to these comments within ten days.\n\nAfter reviewing your response, we may have more.\n\nSincerely,";
        let lines = text_lines(text);
        assert_eq!(reflow(lines.clone(), &[]), lines);
    }
}
