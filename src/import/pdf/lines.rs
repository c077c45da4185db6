//! Glyphs → lines: glyphs that share a baseline form a line, read left to
//! right whatever order they were drawn in (staff letters draw a comment's
//! number after its paragraph).
//!
//! - A run of smaller glyphs raised above (or dropped below) a line's
//!   baseline — a footnote marker, an ordinal's "th", a trademark sign —
//!   belongs to that line: "8th" stays, "TM" becomes "™", a footnote marker
//!   becomes superscript digits ("disclosed¹").
//! - A space goes where the gap between two glyphs is wider than a sixth of
//!   the font size, unless the text has one there already.
//! - A glyph drawn twice at the same place (fake bold) counts once.
//! - Gaps wider than an inch split a line into separate lines (a letterhead's
//!   left and right columns).
//! - Ligatures become their letters; no-break spaces plain spaces.

use super::Glyph;
use super::document::Rect;

/// Gap (as a share of the font size) that is a space between words.
const SPACE_GAP: f32 = 0.16;
/// Gap (points) that separates two columns of one baseline.
const COLUMN_GAP: f32 = 72.0;

/// One line of text on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Page index, from 0.
    pub page: usize,
    /// Baseline.
    pub y: f32,
    /// Left end.
    pub x0: f32,
    /// Right end.
    pub x1: f32,
    /// The largest font size on the line.
    pub size: f32,
    /// The text, spaces between words, no space at either end.
    pub text: String,
    /// The page's visible area.
    pub area: Rect,
}

/// A line being built: its glyphs.
struct Row {
    y: f32,
    size: f32,
    glyphs: Vec<Glyph>,
}

/// The lines of one page, top to bottom, left to right.
pub fn assemble(glyphs: Vec<Glyph>, area: Rect) -> Vec<TextLine> {
    let mut glyphs: Vec<Glyph> = glyphs.into_iter().filter_map(clean).collect();
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let rows = attach_raised(baseline_rows(glyphs));
    let mut lines: Vec<TextLine> = rows
        .into_iter()
        .flat_map(|row| split_columns(row.glyphs))
        .filter_map(|glyphs| line(glyphs, area))
        .collect();
    lines.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    lines
}

/// A glyph with its text normalised; `None` when nothing printable is left.
fn clean(mut glyph: Glyph) -> Option<Glyph> {
    let mut text = String::new();
    for c in glyph.text.chars() {
        match c {
            'ﬀ' => text.push_str("ff"),
            'ﬁ' => text.push_str("fi"),
            'ﬂ' => text.push_str("fl"),
            'ﬃ' => text.push_str("ffi"),
            'ﬄ' => text.push_str("ffl"),
            'ﬅ' | 'ﬆ' => text.push_str("st"),
            '\u{a0}' | '\t' | '\u{2002}'..='\u{200a}' => text.push(' '),
            '\u{200b}' | '\u{feff}' => {}
            c if c.is_control() => {}
            c => text.push(c),
        }
    }
    glyph.text = text;
    (!glyph.text.is_empty()).then_some(glyph)
}

/// Glyphs (sorted top to bottom) grouped by baseline.
fn baseline_rows(glyphs: Vec<Glyph>) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for glyph in glyphs {
        match rows.last_mut() {
            Some(row) if (row.y - glyph.y).abs() <= 0.2 * row.size.max(glyph.size) => {
                row.size = row.size.max(glyph.size);
                row.glyphs.push(glyph);
            }
            _ => rows.push(Row {
                y: glyph.y,
                size: glyph.size,
                glyphs: vec![glyph],
            }),
        }
    }
    rows
}

/// Joins rows of small raised or lowered glyphs to the line they belong to
/// (the next row for a raised one, the previous for a lowered one).
fn attach_raised(rows: Vec<Row>) -> Vec<Row> {
    let host: Vec<Option<usize>> = (0..rows.len())
        .map(|i| {
            let above = i.checked_sub(1);
            if rows
                .get(i + 1)
                .is_some_and(|next| belongs(&rows[i], next, true))
            {
                Some(i + 1)
            } else {
                above.filter(|&p| belongs(&rows[i], &rows[p], false))
            }
        })
        .collect();
    let root = |mut i: usize| {
        // Hosts are strictly larger, so this ends.
        while let Some(h) = host[i] {
            i = h;
        }
        i
    };
    let roots: Vec<usize> = (0..rows.len()).map(root).collect();
    let mut slots: Vec<Option<Row>> = rows.into_iter().map(Some).collect();
    for (i, &r) in roots.iter().enumerate() {
        if r != i
            && let Some(small) = slots[i].take()
            && let Some(Some(target)) = slots.get_mut(r)
        {
            target.glyphs.extend(small.glyphs);
        }
    }
    slots.into_iter().flatten().collect()
}

/// Whether small row `small` sits on `line`: raised above its baseline (when
/// `raised`) or dropped below it, within the line's height and width.
fn belongs(small: &Row, line: &Row, raised: bool) -> bool {
    if small.size >= 0.85 * line.size {
        return false;
    }
    let rise = if raised {
        small.y - line.y
    } else {
        line.y - small.y
    };
    let limit = if raised { 0.6 } else { 0.35 };
    let (x0, x1) = extent(&small.glyphs);
    let (lx0, lx1) = extent(&line.glyphs);
    rise > 0.0 && rise <= limit * line.size && x0 <= lx1 + line.size && x1 >= lx0 - line.size
}

/// Left and right ends of some glyphs.
fn extent(glyphs: &[Glyph]) -> (f32, f32) {
    glyphs.iter().fold((f32::MAX, f32::MIN), |(a, b), g| {
        (a.min(g.x), b.max(g.x + g.width))
    })
}

/// A row's glyphs left to right, duplicates dropped, cut where a gap is a column gap.
fn split_columns(mut glyphs: Vec<Glyph>) -> Vec<Vec<Glyph>> {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut columns: Vec<Vec<Glyph>> = Vec::new();
    let mut right = f32::MIN;
    for glyph in glyphs {
        let gap = glyph.x - right;
        match columns.last_mut() {
            Some(column) if gap <= COLUMN_GAP => {
                let duplicate = column.iter().rev().take(4).any(|g| {
                    g.text == glyph.text
                        && (g.x - glyph.x).abs() < 0.3 * g.width.max(1.0)
                        && (g.y - glyph.y).abs() < 1.0
                });
                if !duplicate {
                    column.push(glyph.clone());
                }
            }
            _ => columns.push(vec![glyph.clone()]),
        }
        if glyph.text.trim().is_empty() {
            continue;
        }
        right = right.max(glyph.x + glyph.width);
    }
    columns
}

/// The text of a raised run: an ordinal's letters after a digit stay as
/// they are ("8th"), "TM" and "SM" become their signs, digits (a footnote
/// marker) become superscript digits so they never run into the word or
/// figure before them; anything else stays as written.
fn superscript(run: &str, before: Option<char>) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let run = run.trim();
    let ordinal = ["st", "nd", "rd", "th"].contains(&run);
    match run {
        "TM" => String::from("™"),
        "SM" => String::from("℠"),
        _ if ordinal && before.is_some_and(|c| c.is_ascii_digit()) => run.to_owned(),
        _ if !run.is_empty() && run.chars().all(|c| c.is_ascii_digit()) => run
            .chars()
            .filter_map(|c| c.to_digit(10))
            .filter_map(|d| DIGITS.get(d as usize))
            .collect(),
        _ => run.to_owned(),
    }
}

/// The text line of some glyphs (left to right); `None` when only spaces.
fn line(glyphs: Vec<Glyph>, area: Rect) -> Option<TextLine> {
    let first = glyphs.iter().find(|g| !g.text.trim().is_empty())?;
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f32::max);
    let body = glyphs
        .iter()
        .filter(|g| g.size >= 0.85 * size)
        .map(|g| g.y)
        .next()
        .unwrap_or(first.y);
    let mut text = String::new();
    let mut raised = String::new();
    let mut right: Option<f32> = None;
    let mut x1 = first.x;
    for g in &glyphs {
        let is_raised = g.size < 0.85 * size && g.y > body + 0.15 * size;
        if !is_raised && !raised.is_empty() {
            text.push_str(&superscript(
                &std::mem::take(&mut raised),
                text.chars().last(),
            ));
        }
        if let Some(r) = right
            && g.x - r > SPACE_GAP * g.size.min(size)
            && !text.ends_with(' ')
            && !g.text.starts_with(' ')
        {
            text.push(' ');
        }
        if is_raised {
            raised.push_str(&g.text);
        } else {
            text.push_str(&g.text);
        }
        right = Some(right.map_or(g.x + g.width, |r| r.max(g.x + g.width)));
        if !g.text.trim().is_empty() {
            x1 = x1.max(g.x + g.width);
        }
    }
    text.push_str(&superscript(&raised, text.chars().last()));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(TextLine {
        page: first.page,
        y: body,
        x0: first.x,
        x1,
        size,
        text,
        area,
    })
}
