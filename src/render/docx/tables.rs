//! Tables as Word tables, set by the shared table rules
//! ([`crate::render::table::classify`]): figure columns right-aligned, their
//! headings centred, spanning the blank header cells after them, a rule
//! under the header rows across the table (as the PDF draws it) and above
//! the figures of total rows, header rows repeated after a
//! page break, rows never split. Column widths come from the content, as in
//! the PDF: figure columns as wide as their widest entry, the first column
//! takes the rest of the measure.

use super::paragraph_props::ParagraphProps;
use super::paragraphs::{Body, Frame};
use super::revisions::whole_change;
use super::styles::StyleId;
use super::xml::{eighths, twips};
use crate::markdown::{Align, Inline, Table};
use crate::render::pdf::fonts::fonts;
use crate::render::pdf::style::FaceId;
use crate::render::table::{RowKind, TableLayout, all_rows, cell_text, classify};

impl Body<'_> {
    /// Writes `table`, then a paragraph of the space that follows a block.
    pub fn table(&mut self, table: &Table, frame: &Frame) {
        let layout = classify(table);
        if layout.columns == 0 {
            return;
        }
        let rows = all_rows(table);
        let padding = twips(self.measures.styles.table.cell_padding);
        // The cells' text, not their edges, lines up with the text around the table.
        let measure = self.measures.measure - frame.left - frame.right + 2 * padding;
        let widths = self.column_widths(&rows, &layout, measure);
        let row_padding = twips(self.measures.styles.table.row_padding);
        self.out.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/>",
            widths.iter().sum::<i64>()
        ));
        self.out.push_str(&format!(
            "<w:tblInd w:w=\"{}\" w:type=\"dxa\"/>",
            frame.left - padding
        ));
        self.out.push_str(&format!(
            "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"{row_padding}\" w:type=\"dxa\"/><w:left w:w=\"{padding}\" w:type=\"dxa\"/><w:bottom w:w=\"{row_padding}\" w:type=\"dxa\"/><w:right w:w=\"{padding}\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
        ));
        for w in &widths {
            self.out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        self.out.push_str("</w:tblGrid>");
        let keeps = self.row_keeps(&layout);
        for (r, row) in rows.iter().enumerate() {
            let row_frame = Frame {
                keep: keeps[r],
                ..*frame
            };
            self.row(&layout, r, row, &widths, &row_frame);
        }
        self.out.push_str("</w:tbl>");
        // The space after a table, as after a paragraph; it also keeps two
        // tables from running together.
        self.out.push_str(&format!(
            "<w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/></w:pPr></w:p>",
            self.measures.paragraph_after.max(20)
        ));
    }

    /// Which rows keep with the row after them (their paragraphs carry
    /// `w:keepNext`), by the PDF's rules: a table shorter than a third of the
    /// page stays whole; in any table the header rows stay with the first
    /// body row, no page break comes before a total row, and a single body
    /// row is never left alone at a table's start or end. The last row keeps
    /// with nothing, so the table does not pull the text after it along.
    fn row_keeps(&self, layout: &TableLayout) -> Vec<bool> {
        let table = &self.measures.styles.table;
        let n = layout.rows.len();
        let headers = layout
            .rows
            .iter()
            .filter(|k| **k == RowKind::Header)
            .count();
        let body = n - headers;
        let height = n as f32 * (table.leading + 2.0 * table.row_padding);
        let short = height < self.measures.styles.page.body_height() / 3.0;
        (0..n)
            .map(|r| {
                let next_is_total = layout.rows.get(r + 1) == Some(&RowKind::Total);
                let before_body = r + 1 == headers;
                let first_body = r == headers && body >= 3;
                let next_is_last = r + 2 == n && body >= 3;
                r + 1 < n && (short || next_is_total || before_body || first_body || next_is_last)
            })
            .collect()
    }

    fn row(
        &mut self,
        layout: &TableLayout,
        r: usize,
        row: &[Vec<Inline>],
        widths: &[i64],
        frame: &Frame,
    ) {
        let kind = layout.rows[r];
        let all: Vec<Inline> = row.iter().flatten().cloned().collect();
        self.out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if kind == RowKind::Header {
            self.out.push_str("<w:tblHeader/>");
        }
        if let Some(change) = whole_change(&all) {
            let mark = self.revisions.mark(change);
            self.out.push_str(&mark);
        }
        self.out.push_str("</w:trPr>");
        let mut col = 0;
        while col < layout.columns {
            let span = if kind == RowKind::Header {
                layout.header_span(row, col)
            } else {
                1
            };
            let cell = row.get(col).map(Vec::as_slice).unwrap_or_default();
            let width: i64 = widths[col..col + span].iter().sum();
            self.cell(layout, r, col, span, width, cell, frame);
            col += span;
        }
        self.out.push_str("</w:tr>");
    }

    #[allow(clippy::too_many_arguments)]
    fn cell(
        &mut self,
        layout: &TableLayout,
        r: usize,
        col: usize,
        span: usize,
        width: i64,
        cell: &[Inline],
        frame: &Frame,
    ) {
        let kind = layout.rows[r];
        let rule = eighths(self.measures.styles.table.rule);
        let border = |side: &str| {
            format!(
                "<w:tcBorders><w:{side} w:val=\"single\" w:sz=\"{rule}\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>"
            )
        };
        self.out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
        ));
        if span > 1 {
            self.out
                .push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
        }
        // As in the PDF, the rule under the header rows runs the table's
        // whole width, the label column included (when the headers are not
        // all blank); the rule over a total covers its figures only.
        let header_ruled = layout.header_rule.iter().any(|ruled| *ruled);
        if kind == RowKind::Header && r == layout.last_header_row() && header_ruled {
            self.out.push_str(&border("bottom"));
        } else if kind == RowKind::Total && layout.total_rule[col] {
            self.out.push_str(&border("top"));
        }
        self.out.push_str("<w:vAlign w:val=\"bottom\"/></w:tcPr>");
        let align = match kind {
            // A heading over several figure columns is centred over them.
            RowKind::Header if span > 1 => Align::Center,
            RowKind::Header => layout.header_align(col),
            _ => layout.align[col],
        };
        let text = cell_text(cell);
        // Figures without a closing parenthesis stand in by its width so the digits line up.
        let paren = kind != RowKind::Header
            && layout.paren[col]
            && align == Align::Right
            && !text.trim_end().ends_with(')');
        let props = ParagraphProps {
            style: Some(StyleId::TableText),
            keep_next: frame.keep,
            indent: paren.then(|| (0, self.paren_width(), 0)),
            align: Some(match align {
                Align::Right => "right",
                Align::Center => "center",
                Align::Left | Align::None => "left",
            }),
            ..ParagraphProps::default()
        };
        let inner = Frame {
            style: StyleId::TableText,
            ..*frame
        };
        self.write_paragraph(&props, cell, &inner);
        self.out.push_str("</w:tc>");
    }

    /// The width of `)` in the table's type, twips.
    fn paren_width(&self) -> i64 {
        let size = self.measures.styles.table.size;
        twips(fonts().face(FaceId::Regular).advance(')', size))
    }

    /// Column widths (twips) that fill `measure`: each column as wide as its
    /// widest entry and the first taking the rest; when that is too wide,
    /// each column squeezed towards its longest word.
    fn column_widths(
        &self,
        rows: &[&[Vec<Inline>]],
        layout: &TableLayout,
        measure: i64,
    ) -> Vec<i64> {
        let (mut natural, minimum) = self.content_widths(rows, layout);
        let total: i64 = natural.iter().sum();
        if total <= measure {
            natural[0] += measure - total;
            return natural;
        }
        let min_total: i64 = minimum.iter().sum();
        if min_total >= measure {
            // Nothing fits: shrink every column in proportion.
            return minimum
                .iter()
                .map(|m| (m * measure / min_total.max(1)).max(1))
                .collect();
        }
        let excess = total - min_total;
        let spare = measure - min_total;
        natural
            .iter()
            .zip(&minimum)
            .map(|(n, m)| m + (n - m) * spare / excess.max(1))
            .collect()
    }

    /// Each column's natural width (its widest entry on one line) and its
    /// least (its longest word; a figure is never broken), padding included.
    /// A header spanning several columns asks its width of all of them.
    fn content_widths(
        &self,
        rows: &[&[Vec<Inline>]],
        layout: &TableLayout,
    ) -> (Vec<i64>, Vec<i64>) {
        let table = &self.measures.styles.table;
        let face = fonts().face(FaceId::Regular);
        // A little room beyond the measured text, as Word's and LibreOffice's
        // own layout of a line may run a point or so longer.
        let width = |t: &str| twips(face.width(t, table.size)) + SLACK;
        let padding = 2 * twips(table.cell_padding);
        let columns = layout.columns;
        let mut natural = vec![padding; columns];
        let mut minimum = vec![padding; columns];
        let mut spans = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let header = layout.rows[r] == RowKind::Header;
            for col in 0..columns.min(row.len()) {
                let text = cell_text(&row[col]);
                let span = if header {
                    layout.header_span(row, col)
                } else {
                    1
                };
                if span > 1 {
                    spans.push((col, span, width(text.trim()) + padding));
                    continue;
                }
                let figure = layout.numeric[col] && !header;
                let hang = if figure { self.paren_width() } else { 0 };
                let whole = width(text.trim()) + hang;
                let longest = text.split_whitespace().map(width).max().unwrap_or(0);
                natural[col] = natural[col].max(whole + padding);
                minimum[col] = minimum[col].max(if figure { whole } else { longest } + padding);
            }
        }
        for (col, span, want) in spans {
            let have: i64 = natural[col..col + span].iter().sum();
            if want > have {
                let extra = (want - have + span as i64 - 1) / span as i64;
                natural[col..col + span]
                    .iter_mut()
                    .for_each(|w| *w += extra);
            }
        }
        (natural, minimum)
    }
}

/// Room added to each measured width, twips.
const SLACK: i64 = 40;
