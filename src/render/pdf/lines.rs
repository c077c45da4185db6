//! Setting a paragraph's lines: breaks chosen by [`super::breaks`], spaces
//! stretched or shrunk to justify, underline and strike-out rules following
//! the marked words. The last line (and each line ending in a hard break) is
//! set at natural spacing.

use super::breaks::{first_fit, total_fit};
use super::fonts::fonts;
use super::text::{Fragment, Item};

/// How the lines of a paragraph are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineAlign {
    /// Flush left and right; the last line flush left.
    Justify,
    /// Flush left, ragged right.
    Left,
    /// Centred.
    Center,
    /// Flush right, ragged left.
    Right,
}

/// A fragment placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Distance from the start of the line.
    pub x: f32,
    /// The text and its look (its `rise` is relative to the baseline).
    pub fragment: Fragment,
}

/// An underline or strike-out rule, relative to the line's start and baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleSpan {
    /// Left end.
    pub x0: f32,
    /// Right end.
    pub x1: f32,
    /// Height of the rule's centre above the baseline.
    pub y: f32,
    /// Thickness.
    pub thickness: f32,
}

/// A set line: its fragments, rules and the footnotes it cites.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetLine {
    /// The fragments, left to right.
    pub placed: Vec<Placed>,
    /// Underline and strike-out rules.
    pub rules: Vec<RuleSpan>,
    /// Footnote numbers referenced on the line.
    pub notes: Vec<usize>,
    /// Width actually covered by the line's content.
    pub width: f32,
    /// Largest type size on the line (for its height).
    pub size: f32,
}

/// Breaks `items` into lines no wider than `measure` and sets them.
pub fn set_paragraph(items: &[Item], measure: f32, align: LineAlign) -> Vec<SetLine> {
    let breaks = match align {
        LineAlign::Justify => {
            total_fit(items, measure).unwrap_or_else(|| first_fit(items, measure))
        }
        LineAlign::Left | LineAlign::Center | LineAlign::Right => first_fit(items, measure),
    };
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for b in breaks {
        let line_items = trim(&items[start..b.end]);
        let ratio = match align {
            // A last line is set at natural spacing, unless it must shrink to fit.
            LineAlign::Justify if b.natural => ratio(line_items, measure).min(0.0),
            LineAlign::Justify => ratio(line_items, measure),
            LineAlign::Left | LineAlign::Center | LineAlign::Right => 0.0,
        };
        let mut line = set_line(line_items, ratio);
        let room = (measure - line.width).max(0.0);
        let shift = match align {
            LineAlign::Center => room / 2.0,
            LineAlign::Right => room,
            LineAlign::Justify | LineAlign::Left => 0.0,
        };
        if shift > 0.0 {
            line.placed.iter_mut().for_each(|p| p.x += shift);
            line.rules.iter_mut().for_each(|r| {
                r.x0 += shift;
                r.x1 += shift;
            });
        }
        lines.push(line);
        start = b.end;
    }
    lines
}

/// Drops spaces, joints and breaks at either end of a line.
fn trim(items: &[Item]) -> &[Item] {
    let is_word = |i: &Item| matches!(i, Item::Word { .. });
    let start = items.iter().position(is_word).unwrap_or(items.len());
    let end = items.iter().rposition(is_word).map_or(start, |e| e + 1);
    &items[start..end.max(start)]
}

/// The adjustment ratio that makes `items` fill `measure`: positive stretches,
/// negative shrinks (never below -1).
fn ratio(items: &[Item], measure: f32) -> f32 {
    let (mut width, mut stretch, mut shrink) = (0.0, 0.0, 0.0);
    for item in items {
        width += item.width();
        if let Item::Space {
            stretch: y,
            shrink: z,
            ..
        } = item
        {
            stretch += y;
            shrink += z;
        }
    }
    if width < measure && stretch > 0.0 {
        (measure - width) / stretch
    } else if width > measure && shrink > 0.0 {
        ((measure - width) / shrink).max(-1.0)
    } else {
        0.0
    }
}

/// Places the items of one line, spaces adjusted by `ratio`.
fn set_line(items: &[Item], ratio: f32) -> SetLine {
    let mut line = SetLine::default();
    let mut x = 0.0;
    let mut pending_space: Option<(f32, bool, bool)> = None;
    for item in items {
        match item {
            Item::Word {
                fragments, notes, ..
            } => {
                if let Some((w, under, strike)) = pending_space.take() {
                    let first = fragments.first();
                    let prev = line.placed.last().map(|p| &p.fragment);
                    if let (Some(a), Some(b)) = (prev, first) {
                        if under && a.underline && b.underline {
                            push_rule(
                                &mut line.rules,
                                x,
                                x + w,
                                fonts().face(a.face.rule_face()).underline(a.size),
                            );
                        }
                        if strike && a.strike && b.strike {
                            push_rule(
                                &mut line.rules,
                                x,
                                x + w,
                                fonts().face(a.face.rule_face()).strikeout(a.size),
                            );
                        }
                    }
                    x += w;
                }
                for fragment in fragments {
                    let face = fonts().face(fragment.face.rule_face());
                    if fragment.underline {
                        push_rule(
                            &mut line.rules,
                            x,
                            x + fragment.width,
                            face.underline(fragment.size),
                        );
                    }
                    if fragment.strike {
                        push_rule(
                            &mut line.rules,
                            x,
                            x + fragment.width,
                            face.strikeout(fragment.size),
                        );
                    }
                    line.size = line.size.max(fragment.size);
                    line.placed.push(Placed {
                        x,
                        fragment: fragment.clone(),
                    });
                    x += fragment.width;
                }
                line.notes.extend(notes);
            }
            Item::Space {
                width,
                stretch,
                shrink,
                underline,
                strike,
            } => {
                let w = if ratio >= 0.0 {
                    width + ratio * stretch
                } else {
                    width + ratio * shrink
                };
                pending_space = Some((w, *underline, *strike));
            }
            Item::Joint(_) | Item::Break => {}
        }
    }
    line.width = x;
    line
}

/// Adds a rule, merging it with the previous one when they meet at the same height.
fn push_rule(rules: &mut Vec<RuleSpan>, x0: f32, x1: f32, metric: super::fonts::RuleMetric) {
    if let Some(last) = rules.iter_mut().rev().find(|r| {
        (r.y - metric.center).abs() < 0.01 && (r.thickness - metric.thickness).abs() < 0.01
    }) && (last.x1 - x0).abs() < 0.01
    {
        last.x1 = x1;
        return;
    }
    rules.push(RuleSpan {
        x0,
        x1,
        y: metric.center,
        thickness: metric.thickness,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{Inline, Style};
    use crate::render::pdf::style::Styles;
    use crate::render::pdf::text::{NoteNumbers, TextStyle, itemize, split_overlong};

    const MEASURE: f32 = 468.0;

    fn items(text: &str) -> Vec<Item> {
        itemize(
            &[Inline::text(text, Style::default())],
            TextStyle::plain(12.0),
            &Styles::default(),
            &NoteNumbers::new(),
        )
    }

    fn sample() -> String {
        "The Company respectfully advises the Staff that the lessors of its self-built data \
         centers normally do not have the right to terminate the leases prior to expiration of \
         the terms unless the Company is in material breach of the lease agreements or the leased \
         premises become unavailable for reasons beyond the lessors' control. Situations that will \
         give rise to the lessors' termination rights normally include one or more of the \
         following: (i) material breach by the Company, such as failing to pay rent for an \
         extended period of time."
            .to_owned()
    }

    fn right_edge(line: &SetLine) -> f32 {
        line.placed.last().map_or(0.0, |p| p.x + p.fragment.width)
    }

    #[test]
    fn justified_lines_fill_the_measure_and_the_last_is_ragged() {
        let lines = set_paragraph(&items(&sample()), MEASURE, LineAlign::Justify);
        assert!(lines.len() >= 4, "{}", lines.len());
        for line in &lines[..lines.len() - 1] {
            assert!(
                (right_edge(line) - MEASURE).abs() < 0.05,
                "{}",
                right_edge(line)
            );
        }
        let last = lines.last().unwrap();
        assert!(right_edge(last) < MEASURE - 20.0);
        for line in &lines {
            assert!(right_edge(line) <= MEASURE + 0.05);
        }
    }

    #[test]
    fn total_fit_avoids_very_loose_lines() {
        let lines = set_paragraph(&items(&sample()), MEASURE, LineAlign::Justify);
        let space = 3.0;
        for line in &lines[..lines.len() - 1] {
            let gaps: Vec<f32> = line
                .placed
                .windows(2)
                .map(|w| w[1].x - (w[0].x + w[0].fragment.width))
                .filter(|g| *g > 0.5)
                .collect();
            let widest = gaps.iter().copied().fold(0.0, f32::max);
            assert!(widest < space * 2.3, "space of {widest} pt");
        }
    }

    #[test]
    fn every_word_is_placed_once_in_order() {
        let text = sample();
        let lines = set_paragraph(&items(&text), MEASURE, LineAlign::Justify);
        let mut rebuilt = String::new();
        for line in &lines {
            if !rebuilt.is_empty() && !rebuilt.ends_with(['-', '\u{2014}']) {
                rebuilt.push(' ');
            }
            let mut end = None;
            for p in &line.placed {
                if end.is_some_and(|e: f32| p.x - e > 0.5) {
                    rebuilt.push(' ');
                }
                rebuilt.push_str(&p.fragment.text);
                end = Some(p.x + p.fragment.width);
            }
        }
        assert_eq!(rebuilt, text);
    }

    #[test]
    fn hard_breaks_end_lines_and_ragged_text_fits() {
        let mut it = items("Craig Wilson, Senior Assistant Chief Accountant");
        it.push(Item::Break);
        it.extend(items("Division of Corporation Finance"));
        let lines = set_paragraph(&it, MEASURE, LineAlign::Justify);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].placed[0].fragment.text, "Division");
        let lines = set_paragraph(&items(&sample()), 200.0, LineAlign::Left);
        assert!(lines.iter().all(|l| l.width <= 200.0));
    }

    #[test]
    fn an_overlong_word_is_placed_without_overflow() {
        let it = split_overlong(items(&format!("a {} b", "W".repeat(300))), MEASURE);
        let lines = set_paragraph(&it, MEASURE, LineAlign::Justify);
        assert!(lines.len() >= 3);
        assert!(lines.iter().all(|l| l.width <= MEASURE + 0.05));
        assert!(set_paragraph(&[], MEASURE, LineAlign::Justify).len() <= 1);
    }
}

#[cfg(test)]
mod rule_tests {
    use super::*;
    use crate::markdown::Block;
    use crate::markdown::parse_rendered;
    use crate::render::pdf::style::Styles;
    use crate::render::pdf::text::{NoteNumbers, TextStyle, itemize};

    fn line_of(md: &str) -> SetLine {
        let (doc, _) = parse_rendered(md);
        let Some(Block::Paragraph(inlines)) = doc.blocks.first() else {
            panic!("{doc:?}")
        };
        let items = itemize(
            inlines,
            TextStyle::plain(12.0),
            &Styles::default(),
            &NoteNumbers::new(),
        );
        let mut lines = set_paragraph(&items, 468.0, LineAlign::Justify);
        assert_eq!(lines.len(), 1);
        lines.remove(0)
    }

    fn span_of(line: &SetLine, first: &str, last: &str) -> (f32, f32) {
        let a = line
            .placed
            .iter()
            .find(|p| p.fragment.text == first)
            .unwrap();
        let b = line
            .placed
            .iter()
            .find(|p| p.fragment.text == last)
            .unwrap();
        (a.x, b.x + b.fragment.width)
    }

    #[test]
    fn underline_and_strike_cover_exactly_the_marked_words() {
        let line = line_of("keep <ins>new words</ins> then ~~old text~~ end");
        let under: Vec<&RuleSpan> = line.rules.iter().filter(|r| r.y < 0.0).collect();
        let strike: Vec<&RuleSpan> = line.rules.iter().filter(|r| r.y > 0.0).collect();
        assert_eq!(under.len(), 1, "{:?}", line.rules);
        assert_eq!(strike.len(), 1, "{:?}", line.rules);
        let (x0, x1) = span_of(&line, "new", "words");
        assert!((under[0].x0 - x0).abs() < 0.01 && (under[0].x1 - x1).abs() < 0.01);
        let (x0, x1) = span_of(&line, "old", "text");
        assert!((strike[0].x0 - x0).abs() < 0.01 && (strike[0].x1 - x1).abs() < 0.01);
        // The font's own metrics: underline below the baseline, strike through the x-height.
        assert!(under[0].y < -0.5 && under[0].y > -2.5);
        assert!(strike[0].y > 1.5 && strike[0].y < 4.0);
    }

    #[test]
    fn separate_insertions_get_separate_rules() {
        let line = line_of("<ins>one</ins> plain <ins>two</ins>");
        assert_eq!(line.rules.len(), 2, "{:?}", line.rules);
        let (x0, x1) = span_of(&line, "one", "one");
        assert!((line.rules[0].x0 - x0).abs() < 0.01 && (line.rules[0].x1 - x1).abs() < 0.01);
    }

    #[test]
    fn rules_follow_each_line_of_a_wrapped_insertion() {
        let (doc, _) = parse_rendered(&format!(
            "<ins>{}</ins>",
            "inserted words ".repeat(60).trim()
        ));
        let Some(Block::Paragraph(inlines)) = doc.blocks.first() else {
            panic!()
        };
        let items = itemize(
            inlines,
            TextStyle::plain(12.0),
            &Styles::default(),
            &NoteNumbers::new(),
        );
        let lines = set_paragraph(&items, 468.0, LineAlign::Justify);
        assert!(lines.len() > 3);
        for line in &lines {
            assert_eq!(line.rules.len(), 1);
            let first = &line.placed[0];
            let last = line.placed.last().unwrap();
            assert!((line.rules[0].x0 - first.x).abs() < 0.01);
            assert!((line.rules[0].x1 - (last.x + last.fragment.width)).abs() < 0.01);
        }
    }
}
