//! Financial tables: column widths from content, figures right-aligned on their
//! digits, header rows under a rule (repeated after a page break), total rows
//! with a rule above their figures, and rows kept whole unless taller than a
//! third of the page (see [`super::row`]).

use crate::markdown::{Inline, Table};
use crate::render::table::{RowKind, is_figure};

use super::columns::{column_widths, fit_style};
use super::flow::{Builder, Flow, Frame, VBox};
use super::fonts::fonts;
use super::lines::LineAlign;
use super::mark::Mark;
use super::row::{RowStyle, SetCell, row_boxes};
use super::style::{FaceId, TableStyle};
use super::text::TextStyle;

/// The financial reading of a table: which columns hold figures, how many rows
/// are headings and which rows are totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableShape {
    /// For each column, whether it is a column of figures.
    pub numeric: Vec<bool>,
    /// How many rows (the GFM header row first) are header rows.
    pub header_rows: usize,
    /// For each row (the GFM header row first), whether it is a total row.
    pub total: Vec<bool>,
    /// The shared reading the shape was taken from (spans, grand totals).
    pub shared: crate::render::table::TableLayout,
}

/// Classifies `table` with the rules the HTML writer uses too
/// ([`crate::render::table::classify`]), so both formats agree on which columns
/// hold figures, which rows head the table and which are totals.
pub(super) fn classify(table: &Table) -> TableShape {
    let shared = crate::render::table::classify(table);
    TableShape {
        header_rows: shared
            .rows
            .iter()
            .take_while(|k| **k == RowKind::Header)
            .count(),
        total: shared.rows.iter().map(|k| *k == RowKind::Total).collect(),
        numeric: shared.numeric.clone(),
        shared,
    }
}

/// Sets `table` as row boxes appended to `out`.
pub(super) fn layout_table(b: &mut Builder, table: &Table, frame: Frame, out: &mut Vec<Flow>) {
    let shape = classify(table);
    if shape.numeric.is_empty() {
        return;
    }
    let rows: Vec<&Vec<Vec<Inline>>> = std::iter::once(&table.header).chain(&table.rows).collect();
    let style = fit_style(&rows, &shape, frame.width, &b.styles.table);
    let widths = column_widths(&rows, &shape, frame.width, &style);
    let lefts: Vec<f32> = widths
        .iter()
        .scan(frame.left, |x, w| {
            let left = *x;
            *x += w;
            Some(left)
        })
        .collect();
    let grid = Grid {
        left: frame.left,
        right: frame.left + widths.iter().sum::<f32>(),
        paren: fonts().face(FaceId::Regular).advance(')', style.size),
        rows: RowStyle {
            padding: style.row_padding,
            leading: style.leading,
            split_above: b.styles.page.body_height() / 3.0,
        },
        header: b.layout.headers.len(),
        shape,
        style,
        widths,
        lefts,
    };
    b.layout.headers.push(Vec::new());
    // Each cell is a run of the document's text, numbered row by row.
    let mut run = b.next_run;
    let mut set_rows: Vec<Vec<VBox>> = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        set_rows.push(grid.row(b, r, row, run));
        run += row.len() as u32;
    }
    b.next_run = run;
    let header_rows = grid.shape.header_rows.min(set_rows.len());
    b.layout.headers[grid.header] = set_rows[..header_rows].iter().flatten().cloned().collect();
    let short = b.styles.page.body_height() / 3.0;
    keep_rows_together(&mut set_rows, &grid.shape, short);
    out.extend(set_rows.into_iter().flatten().map(Flow::Box));
}

/// Where a table's columns and rules go.
struct Grid {
    shape: TableShape,
    style: TableStyle,
    widths: Vec<f32>,
    lefts: Vec<f32>,
    /// The table's left and right edges.
    left: f32,
    right: f32,
    /// Width of a closing parenthesis, which hangs after a figure.
    paren: f32,
    rows: RowStyle,
    /// The table's index in [`super::flow::Layout::headers`].
    header: usize,
}

impl Grid {
    /// Sets row `r`, whose first cell is run `run`, as one box or slices.
    fn row(&self, b: &mut Builder, r: usize, row: &[Vec<Inline>], run: u32) -> Vec<VBox> {
        let (shape, style) = (&self.shape, &self.style);
        let is_header = r < shape.header_rows;
        let mut cells = Vec::new();
        let mut col = 0;
        while col < shape.numeric.len() {
            let span = if is_header {
                shape.shared.header_span(row, col)
            } else {
                1
            };
            // The first column's text lines up with the body text at the margin.
            let left_pad = if col == 0 { 0.0 } else { style.cell_padding };
            let spanned: f32 = self.widths[col..col + span].iter().sum();
            let frame = Frame {
                left: self.lefts[col] + left_pad,
                width: (spanned - left_pad - style.cell_padding).max(1.0),
            };
            let role = match (is_header, shape.numeric[col]) {
                (true, true) => CellRole::ColumnHead,
                (true, false) => CellRole::Label { bottom: true },
                (false, true) => CellRole::Figure { paren: self.paren },
                (false, false) => CellRole::Label { bottom: false },
            };
            b.next_run = run + col as u32;
            let cell = row.get(col).map_or(&[][..], Vec::as_slice);
            cells.push(set_cell(b, style, cell, frame, role));
            col += span;
        }
        // Column heads sit on the rule and figures on the last line of a wrapped label.
        let mut slices = row_boxes(cells, self.rows);
        self.rule(r, &mut slices);
        for slice in &mut slices {
            if is_header {
                slice.keep_with_next = true;
            } else {
                slice.repeat = Some(self.header);
            }
        }
        slices
    }

    /// The rules of row `r`: over a total's figures (and a double rule under
    /// a grand total's), under the last header row.
    fn rule(&self, r: usize, slices: &mut [VBox]) {
        let style = &self.style;
        if self.shape.total.get(r) == Some(&true) {
            let grand = self.shape.shared.is_grand_total(r);
            // The double rule goes under the row's last line, in room added for it.
            let under = slices.last().map_or(0.0, |b| b.height);
            if grand && let Some(last) = slices.last_mut() {
                last.height += style.double_rule_gap + 2.0 * style.rule;
            }
            let last = slices.len() - 1;
            for col in (0..self.shape.numeric.len()).filter(|&c| self.shape.numeric[c]) {
                // Over the figures, a hanging parenthesis included.
                let x0 = self.lefts[col] + style.cell_padding;
                let x1 = self.lefts[col] + self.widths[col] - style.cell_padding + self.paren;
                let rule = |y: f32| Mark::Rule {
                    x0,
                    x1,
                    y,
                    thickness: style.rule,
                };
                slices[0].marks.push(rule(style.rule / 2.0));
                if grand {
                    let first = under + style.rule / 2.0;
                    slices[last].marks.push(rule(first));
                    slices[last]
                        .marks
                        .push(rule(first + style.rule + style.double_rule_gap));
                }
            }
        }
        if r + 1 == self.shape.header_rows
            && let Some(last) = slices.last_mut()
        {
            last.marks.push(Mark::Rule {
                x0: self.left,
                x1: self.right,
                y: last.height - style.rule / 2.0,
                thickness: style.rule,
            });
        }
    }
}

/// A table shorter than `short` is broken only to avoid a gap; none may break
/// before a total row, nor leave a single body row at its start or end on a
/// page of its own.
fn keep_rows_together(rows: &mut [Vec<VBox>], shape: &TableShape, short: f32) {
    let body = rows.len().saturating_sub(shape.header_rows);
    let height: f32 = rows.iter().flatten().map(|b| b.height).sum();
    if height < short {
        let count = rows.iter().map(Vec::len).sum::<usize>();
        for b in rows.iter_mut().flatten().take(count.saturating_sub(1)) {
            b.keep_soft = true;
        }
    }
    let n = rows.len();
    for (r, row) in rows.iter_mut().enumerate() {
        let next_is_total = shape.total.get(r + 1) == Some(&true);
        let first_body = r == shape.header_rows && body >= 3;
        let next_is_last = r + 2 == n && body >= 3;
        if let Some(last) = row.last_mut() {
            last.keep_with_next |= next_is_total || first_body || next_is_last;
        }
    }
}

/// How a cell is set.
#[derive(Debug, Clone, Copy, PartialEq)]
enum CellRole {
    /// Text, flush left; `bottom` when it sits on the row's last line.
    Label { bottom: bool },
    /// A heading over figure columns: centred, on the row's last line.
    ColumnHead,
    /// A figure: flush right on its last digit, a closing parenthesis hanging
    /// `paren` points into the padding; on the row's last line.
    Figure { paren: f32 },
}

fn set_cell(
    b: &mut Builder,
    style: &TableStyle,
    cell: &[Inline],
    frame: Frame,
    role: CellRole,
) -> SetCell {
    let (size, leading) = (style.size, style.leading);
    let align = match role {
        CellRole::ColumnHead => LineAlign::Center,
        CellRole::Label { .. } | CellRole::Figure { .. } => LineAlign::Left,
    };
    let figure = is_figure(&cell.iter().map(Inline::plain).collect::<String>());
    let lines = b.paragraph(cell, TextStyle::plain(size), frame, align, leading);
    let mut set = SetCell {
        lines: Vec::with_capacity(lines.len()),
        height: 0.0,
        bottom: !matches!(role, CellRole::Label { bottom: false }),
    };
    for mut line in lines {
        if let CellRole::Figure { paren } = role {
            let right = line_right(&line).unwrap_or(frame.left);
            let hang = if figure && ends_with_paren(&line) {
                paren
            } else {
                0.0
            };
            let shift = frame.left + frame.width + hang - right;
            line.marks = line.marks.iter().map(|m| m.moved(shift, 0.0)).collect();
        }
        let height = line.height;
        set.lines.push((set.height, line));
        set.height += height;
    }
    set
}

fn line_right(line: &VBox) -> Option<f32> {
    line.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { x, fragment, .. } => Some(x + fragment.width),
            Mark::Rule { .. } => None,
        })
        .reduce(f32::max)
}

fn ends_with_paren(line: &VBox) -> bool {
    line.marks
        .iter()
        .rev()
        .find_map(Mark::fragment)
        .is_some_and(|f| f.text.ends_with(')'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{Block, parse};

    fn table(md: &str) -> Table {
        match parse(md).0.blocks.into_iter().next() {
            Some(Block::Table(t)) => t,
            other => panic!("{other:?}"),
        }
    }

    pub(crate) const VIANET: &str = "| | Onshore | Offshore |\n|---|--:|--:|\n| | <u>VIEs</u> | non-VIEs |\n| | (in thousands of RMB) | |\n| Cash and cash equivalent | 260,438 | 910,938 |\n| Restricted cash | 3,020 | — |\n| Loss | (1,234) | 7 |\n| Total | 1,163,458 | 1,521,820 |\n";

    #[test]
    fn classifies_figures_headers_and_totals() {
        let shape = classify(&table(VIANET));
        assert_eq!(shape.numeric, vec![false, true, true]);
        assert_eq!(shape.header_rows, 3);
        assert_eq!(
            shape.total,
            vec![false, false, false, false, false, false, true]
        );
        assert!(
            is_figure("(1,234)") && is_figure("—") && is_figure("12.5%") && is_figure("US$7.8")
        );
        assert!(!is_figure("(in thousands of RMB)") && !is_figure("2013 20-F"));
        let years = table(
            "| | As of December 31, | |\n|---|--:|--:|\n| | 2013 | 2012 |\n| Cash | 1,234 | 567 |\n",
        );
        assert_eq!(classify(&years).header_rows, 2);
    }

    fn text_marks(md: &str) -> Vec<(String, f32, f32)> {
        let (doc, _) = parse(md);
        let layout = crate::render::pdf::flow::build(
            &doc.blocks,
            &[],
            &Default::default(),
            &crate::render::pdf::Styles::default(),
        );
        let mut out = Vec::new();
        let mut top = 0.0;
        for f in &layout.flow {
            if let Flow::Box(b) = f {
                for m in &b.marks {
                    if let Mark::Text {
                        x,
                        baseline,
                        fragment,
                        ..
                    } = m
                    {
                        out.push((fragment.text.clone(), x + fragment.width, top + baseline));
                    }
                }
                top += b.height;
            }
        }
        out
    }

    #[test]
    fn figures_align_on_their_digits_and_parentheses_hang() {
        let marks = text_marks(VIANET);
        let right = |t: &str| marks.iter().find(|m| m.0 == t).unwrap().1;
        assert!((right("260,438") - right("3,020")).abs() < 0.01);
        let paren = fonts().face(FaceId::Regular).advance(')', 10.0);
        assert!((right("(1,234)") - paren - right("3,020")).abs() < 0.01);
        assert!(
            (right("910,938") - 540.0 + 5.0).abs() < 0.01,
            "last column flush with the measure less padding"
        );
    }

    #[test]
    fn figures_sit_on_the_last_line_of_a_wrapped_label() {
        let label = "Bank borrowing, non-current portion, net of unamortized issuance costs and discounts, \
                     secured by pledges of equipment";
        let md = format!(
            "| | 2013 | 2012 |\n|---|--:|--:|\n| {label} | 1,234,567,890 | 2,345,678,901 |\n"
        );
        let marks = text_marks(&md);
        let baseline = |t: &str| marks.iter().find(|m| m.0 == t).unwrap().2;
        let last_label_line = marks
            .iter()
            .filter(|m| m.0 != "1,234,567,890")
            .map(|m| m.2)
            .fold(0.0, f32::max);
        assert!(
            baseline("Bank") < baseline("1,234,567,890"),
            "the label wraps"
        );
        assert!((baseline("1,234,567,890") - last_label_line).abs() < 0.01);
    }

    #[test]
    fn widths_fill_the_measure_or_squeeze() {
        let t = table(VIANET);
        let rows: Vec<&Vec<Vec<Inline>>> = std::iter::once(&t.header).chain(&t.rows).collect();
        let shape = classify(&t);
        let style = crate::render::pdf::Styles::default().table;
        let w = column_widths(&rows, &shape, 468.0, &style);
        assert!((w.iter().sum::<f32>() - 468.0).abs() < 0.01);
        assert!(w[0] > w[1]);
        let w = column_widths(&rows, &shape, 60.0, &style);
        assert!(w.iter().sum::<f32>() <= 60.01);
    }
}
