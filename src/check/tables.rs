//! Tables foot: every total row (first cell starting with "Total") adds up to
//! the rows above it, column by column.
//!
//! The rows summed run back to the previous total row or to the header rows.
//! A grand total ("Total liabilities and equity") that instead adds the earlier
//! totals plus the rows after the last one is accepted too. `—` is nil and
//! `(1,234)` is negative; rows with no figure (sub-headings, "(in thousands of
//! RMB)") are skipped and name the columns.

use super::company_text;
use super::figures::{Number, format_grouped, parse_cell};
use crate::diagnostic::Diagnostics;
use crate::markdown::{Block, Inline, Table};
use crate::model::{Letter, Markdown};

/// Checks every table in the company's text.
pub fn check(letter: &Letter, diags: &mut Diagnostics) {
    for field in company_text(letter) {
        let mut tables = Vec::new();
        collect_tables(&field.doc.blocks, &mut tables);
        if tables.is_empty() {
            continue;
        }
        let rows = source_tables(&field.source);
        for (index, table) in tables.into_iter().enumerate() {
            for finding in foot(table) {
                let offset = rows
                    .get(index)
                    .and_then(|t| t.get(finding.row + 2))
                    .and_then(|line| cell_offset(&field.source, *line, finding.column))
                    .unwrap_or(0);
                report(field, offset, &finding, diags);
            }
        }
    }
}

/// A total that does not foot.
#[derive(Debug, Clone, PartialEq)]
struct Unfooted {
    /// Body row index of the total row.
    row: usize,
    /// Column index.
    column: usize,
    /// The column's header text.
    header: String,
    /// The total's label, e.g. "Total".
    label: String,
    /// The total as printed.
    printed: Number,
    /// What the rows add up to, at the same number of decimals.
    sum: i128,
    decimals: u32,
}

fn report(field: &Markdown, offset: usize, f: &Unfooted, diags: &mut Diagnostics) {
    let printed = f.printed.at_decimals(f.decimals);
    diags.push(
        field
            .locate(offset)
            .warning(format!(
                "\"{}\" in column \"{}\" does not foot: {} printed, the rows above add up to {} (difference {})",
                f.label,
                f.header,
                format_grouped(printed, f.decimals),
                format_grouped(f.sum, f.decimals),
                format_grouped(printed - f.sum, f.decimals),
            ))
            .with_hint("correct the total or the figure in the rows above it"),
    );
}

fn collect_tables<'a>(blocks: &'a [Block], out: &mut Vec<&'a Table>) {
    for block in blocks {
        match block {
            Block::Table(table) => out.push(table),
            Block::List { items, .. } => items.iter().for_each(|b| collect_tables(b, out)),
            Block::Quote(inner) | Block::KeepTogether(inner) => collect_tables(inner, out),
            _ => {}
        }
    }
}

fn cell_text(cell: &[Inline]) -> String {
    cell.iter()
        .map(Inline::plain)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Every total row that does not foot, column by column.
fn foot(table: &Table) -> Vec<Unfooted> {
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| cell_text(c)).collect())
        .collect();
    let figures: Vec<Vec<Option<Number>>> = rows
        .iter()
        .map(|r| {
            let label = is_year_row(r);
            r.iter()
                .skip(1)
                .map(|c| parse_cell(c).filter(|_| !label))
                .collect()
        })
        .collect();
    let headers = headers(table, &rows, &figures);
    let mut findings = Vec::new();
    let mut totals: Vec<usize> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let is_total = row
            .first()
            .is_some_and(|c| c.to_ascii_lowercase().starts_with("total"));
        if !is_total {
            continue;
        }
        let start = totals.last().map_or(0, |t| t + 1);
        for (c, total) in figures[r].iter().enumerate() {
            let Some(total) = *total else { continue };
            let above = column(&figures, start..r, c);
            let earlier = column(&figures, totals.iter().copied(), c);
            if let Some((sum, decimals)) = shortfall(total, &above, &earlier) {
                findings.push(Unfooted {
                    row: r,
                    column: c + 1,
                    header: headers.get(c).cloned().unwrap_or_default(),
                    label: row[0].clone(),
                    printed: total,
                    sum,
                    decimals,
                });
            }
        }
        totals.push(r);
    }
    findings
}

/// True for a header row of years under a blank first cell: "| | 2012 | 2013 |".
fn is_year_row(row: &[String]) -> bool {
    let is_year = |c: &str| {
        c.len() == 4
            && c.chars().all(|d| d.is_ascii_digit())
            && (c.starts_with("19") || c.starts_with("20"))
    };
    row.first().is_some_and(String::is_empty)
        && row[1..].iter().any(|c| is_year(c))
        && row[1..].iter().all(|c| c.is_empty() || is_year(c))
}

/// The figures of column `c` (counting after the label column) in `rows`.
fn column(
    figures: &[Vec<Option<Number>>],
    rows: impl IntoIterator<Item = usize>,
    c: usize,
) -> Vec<Number> {
    rows.into_iter()
        .filter_map(|r| figures[r].get(c).copied().flatten())
        .collect()
}

/// `None` when `total` equals the rows `above` it, or the `earlier` totals plus
/// those rows (a grand total); otherwise the rows' sum and its decimals.
fn shortfall(total: Number, above: &[Number], earlier: &[Number]) -> Option<(i128, u32)> {
    let decimals = above
        .iter()
        .chain(earlier)
        .chain([&total])
        .map(|n| n.decimals)
        .max()
        .unwrap_or(0);
    let sum = |ns: &[Number]| ns.iter().map(|n| n.at_decimals(decimals)).sum::<i128>();
    let printed = total.at_decimals(decimals);
    let rows = sum(above);
    let grand = !earlier.is_empty() && sum(earlier) + rows == printed;
    (rows != printed && !grand).then_some((rows, decimals))
}

/// The header text of each figure column: the header cell and the texts of the
/// figure-less rows before the first figure, units in parentheses left out.
fn headers(table: &Table, rows: &[Vec<String>], figures: &[Vec<Option<Number>>]) -> Vec<String> {
    let leading = figures
        .iter()
        .take_while(|r| r.iter().all(Option::is_none))
        .count();
    let columns = table.header.len().saturating_sub(1);
    (1..=columns)
        .map(|c| {
            let parts: Vec<String> = std::iter::once(cell_text(&table.header[c]))
                .chain(rows[..leading].iter().filter_map(|r| r.get(c).cloned()))
                .filter(|t| !t.is_empty() && !t.starts_with('('))
                .collect();
            if parts.is_empty() {
                format!("column {}", c + 1)
            } else {
                parts.join(" ")
            }
        })
        .collect()
}

/// The byte offset of each line of each table in `source`: header, delimiter, body rows.
fn source_tables(source: &str) -> Vec<Vec<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        lines.push((start, line.trim_end_matches(['\n', '\r'])));
        start += line.len();
    }
    let mut tables = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        if lines[i].1.contains('|') && is_delimiter_row(lines[i + 1].1) {
            let mut table = vec![lines[i].0, lines[i + 1].0];
            let mut j = i + 2;
            while j < lines.len() && lines[j].1.contains('|') && !lines[j].1.trim().is_empty() {
                table.push(lines[j].0);
                j += 1;
            }
            tables.push(table);
            i = j;
        } else {
            i += 1;
        }
    }
    tables
}

fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.contains('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// The offset of the first character of cell `column` of the row starting at `line`.
fn cell_offset(source: &str, line: usize, column: usize) -> Option<usize> {
    let text = &source[line..];
    let text = &text[..text.find('\n').unwrap_or(text.len())];
    let indent = text.len() - text.trim_start().len();
    let mut cells = Vec::new();
    let mut cell_start = indent;
    let mut escaped = false;
    if text[indent..].starts_with('|') {
        cell_start += 1;
    }
    let first = cell_start;
    for (i, c) in text.char_indices().skip_while(|(i, _)| *i < first) {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => {
                cells.push(cell_start);
                cell_start = i + 1;
            }
            _ => escaped = false,
        }
    }
    cells.push(cell_start);
    let start = *cells.get(column)?;
    let cell = &text[start..];
    Some(line + start + (cell.len() - cell.trim_start().len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    const CASH: &str = "\
| | Onshore | | Offshore |
|---|---:|---:|---:|
| | VIEs | non-VIEs | non-VIEs |
| | (in thousands of RMB) | | |
| Cash | 260,438 | 287,480 | 910,938 |
| Restricted | 3,020 | — | 190,000 |
| Short-term | 900,000 | (1,000) | 201,826 |
| Total | 1,163,458 | 286,480 | 1,302,765 |
";

    fn table(text: &str) -> Table {
        let (doc, _) = parse(text);
        let mut tables = Vec::new();
        collect_tables(&doc.blocks, &mut tables);
        tables[0].clone()
    }

    #[test]
    fn a_wrong_total_names_its_column_and_the_difference() {
        let findings = foot(&table(CASH));
        assert_eq!(findings.len(), 1, "{findings:?}");
        let f = &findings[0];
        assert_eq!((f.row, f.column), (5, 3));
        assert_eq!(f.header, "Offshore non-VIEs");
        assert_eq!(f.sum, 1_302_764);
        assert_eq!(f.printed.mantissa, 1_302_765);
    }

    #[test]
    fn subtotals_and_grand_totals_foot() {
        let text = "\
| | 2013 |
|---|---:|
| Cash | 10 |
| Receivables | 5 |
| Total current assets | 15 |
| Equipment | 20 |
| Total non-current assets | 20 |
| Total assets | 35 |
";
        assert!(foot(&table(text)).is_empty());
    }

    #[test]
    fn a_row_of_years_is_a_header() {
        let text = "\
| | Year ended December 31, | |
|---|---:|---:|
| | 2012 | 2013 |
| Revenue | 1,500 | 1,969 |
| Other | — | 31 |
| Total | 1,500 | 2,000 |
";
        let t = table(text);
        assert!(foot(&t).is_empty());
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| cell_text(c)).collect())
            .collect();
        assert!(is_year_row(&rows[0]));
        assert!(!is_year_row(&rows[1]));
    }

    #[test]
    fn cells_are_located_in_the_source() {
        let tables = source_tables(CASH);
        assert_eq!(tables[0].len(), 8);
        let line = tables[0][2 + 5];
        let offset = cell_offset(CASH, line, 3).unwrap();
        assert!(CASH[offset..].starts_with("1,302,765"));
    }
}
