//! A table's column widths: from content, squeezed to the measure, and for a
//! table that cannot fit at its type size (many columns in a narrow frame),
//! the smaller size it is set at so that no character runs out of its column.

use crate::markdown::Inline;
use crate::render::table::is_figure;

use super::fonts::fonts;
use super::style::{FaceId, TableStyle};
use super::table::TableShape;

/// The table style scaled down, when needed, so that every column can hold
/// its widest character with its padding within `measure`.
pub(super) fn fit_style(
    rows: &[&Vec<Vec<Inline>>],
    shape: &TableShape,
    measure: f32,
    style: &TableStyle,
) -> TableStyle {
    let need: f32 = least_widths(rows, shape, style.size, style.cell_padding)
        .iter()
        .sum();
    if need <= measure {
        return style.clone();
    }
    // Widths, padding and leading all scale with the size; keep a little room.
    let scale = measure / need * 0.98;
    TableStyle {
        size: style.size * scale,
        leading: style.leading * scale,
        cell_padding: style.cell_padding * scale,
        row_padding: style.row_padding * scale,
        min_column: style.min_column * scale,
        rule: style.rule,
        double_rule_gap: style.double_rule_gap,
    }
}

/// The least width of each column: its widest character (a closing
/// parenthesis hanging after a figure), with the padding on each side (none
/// left of the first column, whose text lines up with the margin).
fn least_widths(
    rows: &[&Vec<Vec<Inline>>],
    shape: &TableShape,
    size: f32,
    padding: f32,
) -> Vec<f32> {
    let columns = shape.numeric.len();
    let paren = fonts().face(FaceId::Regular).advance(')', size);
    let mut least: Vec<f32> = (0..columns)
        .map(|col| {
            let pads = if col == 0 { padding } else { 2.0 * padding };
            pads + if shape.numeric[col] { paren } else { 0.0 }
        })
        .collect();
    let mut widest = vec![0.0_f32; columns];
    for row in rows {
        for (col, cell) in row.iter().enumerate().take(columns) {
            for inline in cell {
                for c in inline.plain().chars() {
                    widest[col] = widest[col].max(widest_glyph(c, size));
                }
            }
        }
    }
    for (l, w) in least.iter_mut().zip(widest) {
        *l += w;
    }
    least
}

/// The advance of `c` in the widest face it may be set in.
fn widest_glyph(c: char, size: f32) -> f32 {
    let fonts = fonts();
    [
        FaceId::Regular,
        FaceId::Bold,
        FaceId::Italic,
        FaceId::BoldItalic,
    ]
    .into_iter()
    .map(|face| fonts.face(fonts.covering(face, c)).advance(c, size))
    .fold(0.0, f32::max)
}

/// Column widths that fill `measure`: figure columns as wide as their widest
/// entry, the first column takes the rest; when that is not enough, every
/// column is squeezed towards the width of its longest word, and when even
/// that is too wide, towards the width of its widest character (which
/// [`fit_style`] makes sure fits).
pub(super) fn column_widths(
    rows: &[&Vec<Vec<Inline>>],
    shape: &TableShape,
    measure: f32,
    style: &TableStyle,
) -> Vec<f32> {
    let (natural, minimum) = content_widths(rows, shape, style.size, style.cell_padding);
    let columns = natural.len();
    let total: f32 = natural.iter().sum();
    if total <= measure {
        let mut widths = natural;
        widths[0] += measure - total;
        return widths;
    }
    // Too wide: give each column its minimum, then share what is left by natural excess.
    let min_total: f32 = minimum.iter().sum();
    if min_total <= measure {
        return share(&minimum, &natural, measure);
    }
    // Even the words do not fit: every column gets its widest character, and
    // what is left goes first to the columns whose longest words are short.
    let least = least_widths(rows, shape, style.size, style.cell_padding);
    let floor: Vec<f32> = (0..columns)
        .map(|c| least[c].max(style.min_column.min(measure / columns as f32)))
        .collect();
    let floor = if floor.iter().sum::<f32>() <= measure {
        floor
    } else {
        least
    };
    let wanted: Vec<f32> = minimum.iter().zip(&floor).map(|(m, f)| m.max(*f)).collect();
    fill(&floor, &wanted, measure)
}

/// `base` widths plus what is left of `measure`, given out so that the
/// columns wanting least get all they want first, and the rest share what
/// remains equally (a column of short figures keeps its figures whole beside
/// a column of one enormous word).
fn fill(base: &[f32], wanted: &[f32], measure: f32) -> Vec<f32> {
    let mut widths = base.to_vec();
    let mut spare = (measure - base.iter().sum::<f32>()).max(0.0);
    let mut order: Vec<usize> = (0..base.len()).collect();
    order.sort_by(|&a, &b| (wanted[a] - base[a]).total_cmp(&(wanted[b] - base[b])));
    for (k, &col) in order.iter().enumerate() {
        let fair = spare / (order.len() - k) as f32;
        let give = (wanted[col] - base[col]).max(0.0).min(fair);
        widths[col] += give;
        spare -= give;
    }
    widths
}

/// `base` widths plus what is left of `measure`, shared in proportion to how
/// far each column is from its `wanted` width (never past it while others
/// still want more; equally when none wants more).
fn share(base: &[f32], wanted: &[f32], measure: f32) -> Vec<f32> {
    let spare = (measure - base.iter().sum::<f32>()).max(0.0);
    let excess: f32 = wanted.iter().zip(base).map(|(w, b)| (w - b).max(0.0)).sum();
    base.iter()
        .zip(wanted)
        .map(|(b, w)| {
            if excess > 0.0 {
                b + spare * (w - b).max(0.0) / excess.max(spare)
            } else {
                b + spare / base.len() as f32
            }
        })
        .collect()
}

/// Each column's natural width (its widest entry unbroken) and its minimum
/// (its longest word; a figure is never broken).
fn content_widths(
    rows: &[&Vec<Vec<Inline>>],
    shape: &TableShape,
    size: f32,
    padding: f32,
) -> (Vec<f32>, Vec<f32>) {
    let columns = shape.numeric.len();
    let fonts = fonts();
    let measure_text = |t: &str| fonts.width(FaceId::Regular, t, size);
    let paren = fonts.face(FaceId::Regular).advance(')', size);
    let mut natural = vec![2.0 * padding; columns];
    let mut minimum = vec![2.0 * padding; columns];
    for (r, row) in rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate().take(columns) {
            // A header spanning several columns wraps within them instead of widening one.
            let span = if r < shape.header_rows {
                shape.shared.header_span(row, col)
            } else {
                1
            };
            if span > 1 {
                continue;
            }
            let text: String = cell.iter().map(Inline::plain).collect();
            let whole = measure_text(text.trim());
            let longest_word = text
                .split_whitespace()
                .map(measure_text)
                .fold(0.0, f32::max);
            let figure_body = shape.numeric[col] && r >= shape.header_rows;
            let hang = if figure_body { paren } else { 0.0 };
            natural[col] = natural[col].max(whole + hang + 2.0 * padding);
            // A figure is never broken; text in a column of figures may be.
            let min = if figure_body && is_figure(text.trim()) {
                whole + hang
            } else {
                longest_word + hang
            };
            minimum[col] = minimum[col].max(min + 2.0 * padding);
        }
    }
    // A spanning header asks for its width from the columns it covers.
    for row in rows.iter().take(shape.header_rows) {
        for col in 0..row.len().min(columns) {
            let span = shape.shared.header_span(row, col);
            if span > 1 {
                let text: String = row[col].iter().map(Inline::plain).collect();
                let want = measure_text(text.trim()) + 2.0 * padding;
                let have: f32 = natural[col..col + span].iter().sum();
                if want > have {
                    let extra = (want - have) / span as f32;
                    natural[col..col + span]
                        .iter_mut()
                        .for_each(|w| *w += extra);
                }
            }
        }
    }
    (natural, minimum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{Block, Table, parse};
    use crate::render::pdf::Styles;

    fn widths(md: &str, measure: f32) -> (Vec<f32>, TableStyle) {
        let Some(Block::Table(table)) = parse(md).0.blocks.into_iter().next() else {
            panic!("not a table")
        };
        let table: Table = table;
        let rows: Vec<&Vec<Vec<Inline>>> =
            std::iter::once(&table.header).chain(&table.rows).collect();
        let shape = super::super::table::classify(&table);
        let style = fit_style(&rows, &shape, measure, &Styles::default().table);
        (column_widths(&rows, &shape, measure, &style), style)
    }

    #[test]
    fn short_columns_keep_their_words_beside_one_enormous_word() {
        let long = "x".repeat(900);
        let (w, style) = widths(
            &format!("| Item | 2013 |\n|---|--:|\n| {long} | 1 |\n"),
            468.0,
        );
        assert_eq!(style.size, 10.0);
        let year = fonts().width(FaceId::Regular, "2013", 10.0);
        assert!(w[1] >= year + 2.0 * style.cell_padding, "{w:?}");
        assert!((w.iter().sum::<f32>() - 468.0).abs() < 0.01);
    }

    #[test]
    fn text_in_a_column_of_figures_does_not_starve_the_labels() {
        let words = "note ".repeat(300);
        let (w, _) = widths(
            &format!(
                "| Item | 2013 |\n|---|--:|\n| Cash | 1,234 |\n| Other | {words} |\n| Loans | (5) |\n"
            ),
            468.0,
        );
        // Every label fits on its line; the text in the figure column wraps.
        let label = fonts().width(FaceId::Regular, "Other", 10.0);
        assert!(w[0] >= label + 10.0, "{w:?}");
        assert!((w.iter().sum::<f32>() - 468.0).abs() < 0.01);
    }

    #[test]
    fn a_table_too_wide_for_its_frame_is_set_smaller() {
        let md = format!(
            "|{}\n|{}\n|{}\n",
            " WWWW |".repeat(40),
            "---|".repeat(40),
            " 1 |".repeat(40)
        );
        let (w, style) = widths(&md, 200.0);
        assert!(style.size < 4.0, "{}", style.size);
        assert!(w.iter().sum::<f32>() <= 200.01);
        let widest = fonts().face(FaceId::Bold).advance('W', style.size);
        assert!(
            w[1..]
                .iter()
                .all(|c| *c >= widest + 2.0 * style.cell_padding)
        );
    }
}
