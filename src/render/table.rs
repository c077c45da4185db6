//! How a letter's table is read: which rows are headings, which are totals,
//! which columns hold figures.
//!
//! The HTML and PDF writers both lay tables out from [`classify`], so a table
//! looks the same in every format. The rules:
//!
//! - A *figure* is a number as a financial table prints it: `1,234`, `(1,234)`
//!   (negative), `-1,234`, `12.5%`, `RMB1.2`, `US$7.8`, `$1,234`, `¥8`, optionally
//!   followed by `million`/`billion`/`thousand`; a lone `—`, `–` or `-` is nil.
//!   See [`parse_figure`].
//! - The GFM header row is always a header row. The body rows that follow it
//!   are header rows too while they have some text outside the first column and
//!   no figure there (a year such as `2013` is a heading, not a figure):
//!   `| | VIEs | non-VIEs |` then `| | (in thousands of RMB) | |`.
//! - A body row whose first cell starts with "Total" (any case) is a total row.
//! - A column is numeric when more than half of its non-empty body cells are
//!   figures; a numeric column is right-aligned, its headings centred.
//!   Alignment written in the GFM delimiter row (`---:`, `:---`, `:---:`) wins
//!   over this guess, for headings too.
//! - In a numeric column holding a figure in parentheses, the other figures are
//!   set in by the width of `)` so that the digits line up (accounting style).
//! - The rule under the last header row spans every column except a first
//!   column that is blank in all header rows (the label column), and is left
//!   out when the header rows are blank altogether; the rule above
//!   a total row spans the numeric columns (every column but the first when no
//!   column is numeric).

use crate::markdown::{Align, Inline, Table};

/// What a row of a table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A heading row: the GFM header row and the figure-free rows after it.
    Header,
    /// An ordinary row of figures.
    Body,
    /// A row whose first cell starts with "Total": ruled above.
    Total,
}

/// A table's layout facts, shared by every writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableLayout {
    /// The number of columns (the widest row).
    pub columns: usize,
    /// The kind of each row: index 0 is the GFM header row, then the body rows.
    pub rows: Vec<RowKind>,
    /// The effective alignment of each column (never [`Align::None`]).
    pub align: Vec<Align>,
    /// Which columns have an alignment written in the GFM delimiter row.
    pub written: Vec<bool>,
    /// Which columns hold figures.
    pub numeric: Vec<bool>,
    /// Which numeric columns hold a negative figure in parentheses: there the
    /// other figures stand in by the width of `)` so that the digits line up.
    pub paren: Vec<bool>,
    /// Which columns carry the rule under the last header row.
    pub header_rule: Vec<bool>,
    /// Which columns carry the rule above a total row.
    pub total_rule: Vec<bool>,
}

impl TableLayout {
    /// The alignment of a header row's cell: centred over a numeric column's
    /// figures unless the author wrote an alignment; the column's otherwise.
    pub fn header_align(&self, col: usize) -> Align {
        match self.align.get(col) {
            Some(Align::Right) if self.numeric[col] && !self.written[col] => Align::Center,
            Some(align) => *align,
            None => Align::Left,
        }
    }

    /// The index (into [`TableLayout::rows`]) of the last header row.
    pub fn last_header_row(&self) -> usize {
        self.rows
            .iter()
            .take_while(|k| **k == RowKind::Header)
            .count()
            .saturating_sub(1)
    }

    /// Whether row `r` is the grand total: a total row that ends the table,
    /// ruled above like any total and with a double rule under its figures.
    pub fn is_grand_total(&self, r: usize) -> bool {
        r + 1 == self.rows.len() && self.rows.get(r) == Some(&RowKind::Total)
    }

    /// How many columns header cell `col` of `row` covers: a heading over
    /// figures extends right over the empty header cells after it ("Onshore"
    /// over two columns, "(in thousands of RMB)" over all of them).
    pub fn header_span(&self, row: &[Vec<Inline>], col: usize) -> usize {
        let blank = |c: &[Inline]| c.iter().all(|i| i.plain().trim().is_empty());
        let columns = self.numeric.len();
        if !self.numeric.get(col).copied().unwrap_or(false) || row.get(col).is_none_or(|c| blank(c))
        {
            return 1;
        }
        1 + (col + 1..columns)
            .take_while(|&c| self.numeric[c] && row.get(c).is_none_or(|cell| blank(cell)))
            .count()
    }
}

/// The rows of a table in order: the GFM header row, then the body rows.
pub fn all_rows(table: &Table) -> Vec<&[Vec<Inline>]> {
    std::iter::once(table.header.as_slice())
        .chain(table.rows.iter().map(Vec::as_slice))
        .collect()
}

/// A cell's text without markup; footnote references are left out.
pub fn cell_text(cell: &[Inline]) -> String {
    cell.iter().map(Inline::plain).collect::<String>()
}

/// Classifies a table's rows and columns by the rules in the module documentation.
pub fn classify(table: &Table) -> TableLayout {
    let rows = all_rows(table);
    let texts: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| cell_text(c).trim().to_owned()).collect())
        .collect();
    let columns = texts
        .iter()
        .map(Vec::len)
        .chain([table.align.len()])
        .max()
        .unwrap_or(0);

    let extra_headers = texts[1..]
        .iter()
        .take_while(|row| is_heading_row(row))
        .count();
    // A table with no figure rows at all is plain text: only the GFM header heads it.
    let extra_headers = if extra_headers + 1 == texts.len() {
        0
    } else {
        extra_headers
    };
    let kinds: Vec<RowKind> = texts
        .iter()
        .enumerate()
        .map(|(i, row)| {
            if i <= extra_headers {
                RowKind::Header
            } else if row.first().is_some_and(|c| is_total_label(c)) {
                RowKind::Total
            } else {
                RowKind::Body
            }
        })
        .collect();

    let numeric: Vec<bool> = (0..columns)
        .map(|col| {
            let cells: Vec<&str> = texts
                .iter()
                .zip(&kinds)
                .filter(|(_, k)| **k != RowKind::Header)
                .filter_map(|(row, _)| row.get(col).map(String::as_str))
                .filter(|t| !t.is_empty())
                .collect();
            let figures = cells.iter().filter(|t| is_figure(t)).count();
            !cells.is_empty() && figures * 2 > cells.len()
        })
        .collect();
    let paren = (0..columns)
        .map(|col| {
            numeric[col]
                && texts
                    .iter()
                    .zip(&kinds)
                    .filter(|(_, k)| **k != RowKind::Header)
                    .any(|(row, _)| {
                        row.get(col)
                            .is_some_and(|t| t.ends_with(')') && is_figure(t))
                    })
        })
        .collect();
    let written = (0..columns)
        .map(|col| table.align.get(col).is_some_and(|a| *a != Align::None))
        .collect();
    let align = (0..columns)
        .map(
            |col| match table.align.get(col).copied().unwrap_or(Align::None) {
                Align::None if numeric[col] => Align::Right,
                Align::None => Align::Left,
                written => written,
            },
        )
        .collect();

    let label_column_blank = texts[..=extra_headers]
        .iter()
        .all(|row| row.first().is_none_or(String::is_empty));
    let headers_blank = texts[..=extra_headers]
        .iter()
        .all(|row| row.iter().all(String::is_empty));
    let header_rule = (0..columns)
        .map(|col| {
            let label_column = col == 0 && label_column_blank && columns > 1;
            !headers_blank && !label_column
        })
        .collect();
    let any_numeric = numeric.iter().any(|n| *n);
    let total_rule = (0..columns)
        .map(|col| {
            if any_numeric {
                numeric[col]
            } else {
                col > 0 || columns == 1
            }
        })
        .collect();

    TableLayout {
        columns,
        rows: kinds,
        align,
        written,
        numeric,
        paren,
        header_rule,
        total_rule,
    }
}

/// True when a row (cell texts) reads as a heading: text outside the first
/// column, and no figure there other than a year.
fn is_heading_row(row: &[String]) -> bool {
    let rest = row.get(1..).unwrap_or_default();
    rest.iter().any(|c| !c.is_empty()) && !rest.iter().any(|c| is_figure(c) && !is_year(c))
}

/// True for a label that starts with "Total" (any case).
pub fn is_total_label(text: &str) -> bool {
    text.trim_start()
        .get(..5)
        .is_some_and(|head| head.eq_ignore_ascii_case("total"))
}

/// True for a bare year such as `2013` (a column heading, not an amount).
pub fn is_year(text: &str) -> bool {
    let t = text.trim();
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && matches!(t.parse::<u32>(), Ok(1900..=2100))
}

/// True when `text` is a figure (see [`parse_figure`]).
pub fn is_figure(text: &str) -> bool {
    parse_figure(text).is_some()
}

/// The value of a figure as a financial table prints it, or `None` for text.
///
/// `—`, `–` and `-` are nil (0); `(1,234)` and `-1,234` are negative; a
/// currency prefix (`RMB`, `US$`, `HK$`, `$`, `¥`, `€`, `£`), a trailing `%`
/// and a scale word (`thousand`, `million`, `billion`) are allowed and ignored:
/// the value is the number as printed.
pub fn parse_figure(text: &str) -> Option<f64> {
    let t = text.trim();
    if matches!(t, "\u{2014}" | "\u{2013}" | "-") {
        return Some(0.0);
    }
    let (t, paren) = match t.strip_prefix('(') {
        Some(inner) => (inner.strip_suffix(')')?.trim(), true),
        None => (t, false),
    };
    let (t, minus) = match t.strip_prefix(['-', '\u{2212}', '\u{2013}']) {
        Some(rest) => (rest.trim_start(), true),
        None => (t, false),
    };
    if paren && minus {
        return None;
    }
    let t = ["RMB", "US$", "HK$", "$", "\u{a5}", "\u{20ac}", "\u{a3}"]
        .iter()
        .find_map(|c| t.strip_prefix(c))
        .unwrap_or(t)
        .trim_start();
    let t = [" thousand", " million", " billion"]
        .iter()
        .find_map(|w| t.strip_suffix(w))
        .unwrap_or(t);
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    let value = parse_grouped(t)?;
    Some(if paren || minus { -value } else { value })
}

/// Parses `1,234,567.89`: digits, commas only between groups of three, one point.
fn parse_grouped(t: &str) -> Option<f64> {
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let int_ok = if int.contains(',') {
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or_default();
        (1..=3).contains(&first.len())
            && all_digits(first)
            && groups.all(|g| g.len() == 3 && all_digits(g))
    } else {
        all_digits(int) && (!int.is_empty() || frac.is_some())
    };
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && all_digits(f));
    if !int_ok || !frac_ok {
        return None;
    }
    let digits: String = int.chars().filter(|c| *c != ',').collect();
    format!("0{digits}.{}", frac.unwrap_or("0")).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{Block, parse_rendered};

    fn table(md: &str) -> Table {
        let (doc, issues) = parse_rendered(md);
        assert!(issues.is_empty(), "{issues:?}");
        match doc.blocks.into_iter().next() {
            Some(Block::Table(t)) => t,
            other => panic!("not a table: {other:?}"),
        }
    }

    #[test]
    fn figures_parse_as_printed() {
        assert_eq!(parse_figure("1,234"), Some(1234.0));
        assert_eq!(parse_figure("(1,234)"), Some(-1234.0));
        assert_eq!(parse_figure("-1,234.5"), Some(-1234.5));
        assert_eq!(parse_figure("12.5%"), Some(12.5));
        assert_eq!(parse_figure("RMB1.2"), Some(1.2));
        assert_eq!(parse_figure("US$7.8 million"), Some(7.8));
        assert_eq!(parse_figure("\u{2014}"), Some(0.0));
        assert_eq!(parse_figure(" 910,938 "), Some(910_938.0));
        assert_eq!(parse_figure(".5"), Some(0.5));
        for text in [
            "",
            "VIEs",
            "1,23",
            "12,34,567",
            "(1,234",
            "(-5)",
            "RMB",
            "1.2.3",
            "2013 20-F",
            ",123",
            "(in thousands of RMB)",
        ] {
            assert_eq!(parse_figure(text), None, "{text:?}");
        }
    }

    #[test]
    fn total_labels_and_years() {
        assert!(is_total_label("Total"));
        assert!(is_total_label("  total assets"));
        assert!(!is_total_label("Subtotal"));
        assert!(!is_total_label("Tot"));
        assert!(is_year("2013"));
        assert!(!is_year("1,234"));
        assert!(!is_year("3000"));
    }

    #[test]
    fn a_table_with_several_header_rows() {
        let t = table(
            "| | Onshore | | Offshore |\n|---|---|---|---|\n| | VIEs | non-VIEs | non-VIEs |\n| | (in thousands of RMB) | | |\n| Cash and cash equivalent | 260,438 | 287,480 | 910,938 |\n| Restricted cash-current | 3,020 | \u{2014} | 190,000 |\n| Total | 1,163,458 | 287,480 | 1,521,820 |\n",
        );
        let layout = classify(&t);
        use RowKind::*;
        assert_eq!(layout.rows, vec![Header, Header, Header, Body, Body, Total]);
        assert_eq!(layout.last_header_row(), 2);
        assert_eq!(layout.numeric, vec![false, true, true, true]);
        assert_eq!(
            layout.align,
            vec![Align::Left, Align::Right, Align::Right, Align::Right]
        );
        assert_eq!(layout.header_rule, vec![false, true, true, true]);
        assert_eq!(layout.paren, vec![false; 4]);
        assert_eq!(layout.header_align(0), Align::Left);
        assert_eq!(layout.header_align(1), Align::Center);
        assert_eq!(layout.total_rule, vec![false, true, true, true]);
        let rows = all_rows(&t);
        assert_eq!(
            layout.header_span(rows[0], 1),
            2,
            "Onshore spans VIEs and non-VIEs"
        );
        assert_eq!(layout.header_span(rows[0], 3), 1);
        assert_eq!(
            layout.header_span(rows[2], 1),
            3,
            "the units span every figure column"
        );
        assert_eq!(
            layout.header_span(rows[0], 0),
            1,
            "the label column never spans"
        );
    }

    #[test]
    fn years_head_columns_and_written_alignment_wins() {
        let t = table(
            "| | 2012 | 2013 |\n|:--|:-:|---|\n| | 2012 | 2013 |\n| Revenue | 1,000 | (200) |\n| Total revenue | 1,000 | (200) |\n",
        );
        let layout = classify(&t);
        assert_eq!(layout.rows[1], RowKind::Header);
        assert_eq!(layout.rows[3], RowKind::Total);
        assert_eq!(layout.align, vec![Align::Left, Align::Center, Align::Right]);
        assert_eq!(layout.written, vec![true, true, false]);
        assert_eq!(layout.header_align(1), Align::Center);
        assert_eq!(layout.header_align(2), Align::Center);
        assert_eq!(layout.paren, vec![false, false, true]);
    }

    #[test]
    fn a_text_table_has_one_header_row_and_no_numeric_columns() {
        let t = table(
            "| Term | Meaning |\n|---|---|\n| VIE | variable interest entity |\n| PRC | China |\n",
        );
        let layout = classify(&t);
        assert_eq!(
            layout.rows,
            vec![RowKind::Header, RowKind::Body, RowKind::Body]
        );
        assert_eq!(layout.numeric, vec![false, false]);
        assert_eq!(layout.header_rule, vec![true, true]);
        assert_eq!(layout.total_rule, vec![false, true]);
    }

    #[test]
    fn a_blank_header_row_is_not_ruled() {
        let t = table("| | |\n|---|---|\n| Cash | 1,000 |\n| Total | 1,000 |\n");
        let layout = classify(&t);
        assert_eq!(layout.header_rule, vec![false, false]);
        assert_eq!(layout.total_rule, vec![false, true]);
    }

    #[test]
    fn a_section_label_row_is_not_a_header() {
        let t = table("| | 2013 |\n|---|---|\n| Current assets: | |\n| Cash | 1,000 |\n");
        assert_eq!(classify(&t).rows[1], RowKind::Body);
    }
}
