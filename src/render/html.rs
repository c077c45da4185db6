//! The letter's [`Doc`] → EDGAR-ready HTML (SPEC §5).
//!
//! The output is printable ASCII plus LF (every other character a decimal
//! reference), uses only tags on EDGAR's list, and styles only with inline
//! `style=` attributes, so [`super::edgar::validate_edgar_html`] accepts it.
//! It is set like a letter from Word: Times New Roman 12 pt, justified
//! paragraphs with a line of space after, bold headings at body size,
//! quotations indented half an inch on both sides, financial tables ruled and
//! aligned by [`super::table::classify`], footnotes numbered in order of first
//! reference and printed at the end.

use super::letterhead::{Letterhead, find_letterhead};
use super::pdf::Styles;
use super::pdf::style::LetterheadAlign;
use super::table::{self, RowKind, TableLayout};
use crate::markdown::{
    Align, Block, Doc, Inline, InlineContent, Style, Table, footnote_order, printed_numbers,
};

/// What the HTML writer needs besides the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlMeta {
    /// The `<title>`, e.g. "Response to SEC comment letter dated November 17, 2014".
    pub title: String,
    /// A line set flush right above the document (the Rule 83 request line).
    pub banner: Option<String>,
    /// The house style: headings, quoted passages and hanging indents are set
    /// as in the PDF.
    pub styles: Styles,
}

const FONT: &str = "font-family: 'Times New Roman', Times, serif";
const PARAGRAPH: &str = "margin: 0 0 12pt 0; text-align: justify";
/// Paragraphs of short lines (address, signature) are not justified.
const LINES: &str = "margin: 0 0 12pt 0; text-align: left";
/// A separator line ("* * * *"), centred as the PDF sets it.
const CENTERED: &str = "margin: 0 0 12pt 0; text-align: center";
const RULE: &str = "1px solid #000000";
/// A superscript that does not open up the spacing of its line.
const SUP: &str = "<sup style=\"line-height: 0\">";

/// Writes `doc` as a complete EDGAR HTML document.
pub fn render_html(doc: &Doc, meta: &HtmlMeta) -> String {
    // Units ("Item 5.", "page 76") never break across lines.
    let doc = &crate::render::units::bind_units(doc);
    let mut w = Writer {
        out: String::new(),
        numbers: printed_numbers(&footnote_order(doc)),
        notes: footnote_order(doc),
        doc,
        styles: &meta.styles,
    };
    w.out.push_str("<html>\n<head>\n<title>");
    w.out.push_str(&escape_html(&meta.title));
    w.out.push_str("</title>\n</head>\n");
    w.out.push_str(&format!(
        "<body style=\"{FONT}; font-size: 12pt; color: #000000; background-color: #ffffff\">\n"
    ));
    w.out
        .push_str("<div style=\"max-width: 6.5in; margin: 0.5in auto 0.5in auto\">\n");
    if let Some(banner) = &meta.banner {
        w.out.push_str(&format!(
            "<p style=\"margin: 0 0 12pt 0; text-align: right\">{}</p>\n",
            escape_html(banner)
        ));
    }
    match find_letterhead(&doc.blocks) {
        Some(lh) => {
            w.blocks(&doc.blocks[..lh.index], 0);
            w.letterhead(lh);
            w.blocks(&doc.blocks[lh.index + 1..], 0);
        }
        None => w.blocks(&doc.blocks, 0),
    }
    w.footnotes();
    w.out.push_str("</div>\n</body>\n</html>\n");
    w.out
}

/// Escapes text for HTML: `<`, `>`, `&` and `"` as references, every
/// character outside printable ASCII as a decimal reference (`&#8212;`), tabs
/// as `&#9;`; other control characters are dropped. LF is kept.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\n' | ' '..='~' => out.push(ch),
            '\t' => out.push_str("&#9;"),
            c if c.is_control() => {}
            c => out.push_str(&format!("&#{};", c as u32)),
        }
    }
    out
}

/// An inline style that needs a tag of its own, in nesting order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Bold,
    Italic,
    Underline,
    Strike,
    Code,
}

impl Mark {
    fn open(self) -> &'static str {
        match self {
            Mark::Bold => "<b>",
            Mark::Italic => "<i>",
            Mark::Underline => "<u>",
            Mark::Strike => "<strike>",
            Mark::Code => "<font style=\"font-family: 'Courier New', Courier, monospace\">",
        }
    }

    fn close(self) -> &'static str {
        match self {
            Mark::Bold => "</b>",
            Mark::Italic => "</i>",
            Mark::Underline => "</u>",
            Mark::Strike => "</strike>",
            Mark::Code => "</font>",
        }
    }

    /// The tags for a style: insertions are underlined, deletions struck
    /// through; confidential text is ordinary text (it is redacted earlier).
    fn of(style: Style) -> Vec<Mark> {
        [
            (style.bold, Mark::Bold),
            (style.italic, Mark::Italic),
            (style.underline || style.inserted, Mark::Underline),
            (style.strike || style.deleted, Mark::Strike),
            (style.code, Mark::Code),
        ]
        .into_iter()
        .filter_map(|(on, mark)| on.then_some(mark))
        .collect()
    }
}

struct Writer<'a> {
    out: String,
    /// Footnote labels in numbering order.
    notes: Vec<String>,
    /// The number each of `notes` prints.
    numbers: Vec<usize>,
    doc: &'a Doc,
    styles: &'a Styles,
}

impl Writer<'_> {
    fn blocks(&mut self, blocks: &[Block], list_depth: usize) {
        for (i, block) in blocks.iter().enumerate() {
            // Lines under a centred heading (a letterhead's address, a
            // title block) are centred, as in the PDF.
            let under_title = i > 0
                && matches!(&blocks[i - 1], Block::Heading { level, .. } if self.styles.heading(*level).centered);
            match block {
                Block::Paragraph(inlines)
                    if under_title
                        && inlines
                            .iter()
                            .any(|i| i.content == InlineContent::HardBreak) =>
                {
                    self.out.push_str(&format!("<p style=\"{CENTERED}\">"));
                    self.inlines(inlines);
                    self.out.push_str("</p>\n");
                }
                _ => self.block(block, list_depth),
            }
        }
    }

    fn block(&mut self, block: &Block, list_depth: usize) {
        match block {
            Block::Paragraph(inlines) => self.paragraph(inlines),
            Block::Heading { level, content } => self.heading(*level, content),
            Block::List { start, items } => self.list(*start, items, list_depth),
            Block::Quote(blocks) => {
                let indent = if self.styles.quote_style.indents() {
                    self.styles.quote_indent
                } else {
                    0.0
                };
                self.out.push_str(&format!(
                    "<blockquote style=\"margin: 0 {indent}pt 0 {indent}pt\">\n"
                ));
                self.blocks(blocks, list_depth);
                self.out.push_str("</blockquote>\n");
            }
            Block::Table(t) => self.table(t),
            // A thematic break is the centred "* * * *" that letters put before the closing.
            Block::Rule => self
                .out
                .push_str("<p style=\"margin: 0 0 12pt 0; text-align: center\">* * * *</p>\n"),
            Block::Code(code) => {
                self.out.push_str(
                    "<pre style=\"font-family: 'Courier New', Courier, monospace; font-size: 10pt; margin: 0 0 12pt 0\">",
                );
                self.out.push_str(&escape_html(code));
                self.out.push_str("</pre>\n");
            }
            Block::KeepTogether(blocks) => {
                self.out
                    .push_str("<div style=\"break-inside: avoid; page-break-inside: avoid\">\n");
                self.blocks(blocks, list_depth);
                self.out.push_str("</div>\n");
            }
        }
    }

    fn paragraph(&mut self, inlines: &[Inline]) {
        if let Some((label, rest)) = super::label::split_label(inlines) {
            return self.labelled_lines(&label, &rest);
        }
        let has_breaks = inlines
            .iter()
            .any(|i| i.content == InlineContent::HardBreak);
        let style = if is_ornament(inlines) {
            CENTERED
        } else if has_breaks {
            LINES
        } else {
            PARAGRAPH
        };
        self.out.push_str(&format!("<p style=\"{style}\">"));
        self.inlines(inlines);
        self.out.push_str("</p>\n");
    }

    /// "Re:" and "cc:" blocks: the label in its own column, the lines beside it.
    fn labelled_lines(&mut self, label: &[Inline], rest: &[Inline]) {
        let hang = self.styles.hanging_indent;
        self.out.push_str(&format!(
            "<table style=\"border-collapse: collapse; margin: 0 0 12pt 0; {FONT}; font-size: 12pt\">\n<tr>\n<td style=\"padding: 0; width: {hang}pt; vertical-align: top; text-align: left\">"
        ));
        self.inlines(label);
        self.out
            .push_str("</td>\n<td style=\"padding: 0; vertical-align: top; text-align: left\">");
        self.inlines(rest);
        self.out.push_str("</td>\n</tr>\n</table>\n");
    }

    /// A heading, in the size and face the house style gives its level (as
    /// the PDF sets it).
    /// The letterhead as the house style sets it (as the PDF does): the name
    /// in the level-1 heading's face at the letterhead's size, the address
    /// lines, aligned alike, and a rule under them if asked.
    fn letterhead(&mut self, lh: Letterhead) {
        let style = &self.styles.letterhead;
        let h = self.styles.heading(1);
        let align = match style.align {
            LetterheadAlign::Left => "left",
            LetterheadAlign::Center => "center",
            LetterheadAlign::Right => "right",
        };
        let look = format!(
            "font-size: {}pt; text-align: {align}; font-weight: {}; font-style: {}; text-decoration: {}; font-variant: {}",
            style.size,
            if h.bold { "bold" } else { "normal" },
            if h.italic { "italic" } else { "normal" },
            if h.underline { "underline" } else { "none" },
            if style.small_caps {
                "small-caps"
            } else {
                "normal"
            },
        );
        let rule = style.rule.then(|| {
            format!(
                "<hr style=\"margin: 0 0 12pt 0; border: 0; border-top: {}pt solid #000000\">\n",
                style.rule_thickness
            )
        });
        self.out
            .push_str("<div style=\"break-inside: avoid; page-break-inside: avoid\">\n");
        self.out
            .push_str(&format!("<h1 style=\"margin: 0 0 12pt 0; {look}\">"));
        self.inlines(lh.name);
        self.out.push_str("</h1>\n");
        for block in lh.lines {
            match block {
                Block::Paragraph(inlines) => {
                    self.out.push_str(&format!(
                        "<p style=\"margin: 0 0 12pt 0; text-align: {align}\">"
                    ));
                    self.inlines(inlines);
                    self.out.push_str("</p>\n");
                }
                other => self.block(other, 0),
            }
        }
        if let Some(rule) = rule {
            self.out.push_str(&rule);
        }
        self.out.push_str("</div>\n");
    }

    fn heading(&mut self, level: u8, content: &[Inline]) {
        let level = level.clamp(1, 6);
        let h = self.styles.heading(level);
        let look = format!(
            "font-size: {}pt; text-align: {}; font-weight: {}; font-style: {}; text-decoration: {}",
            h.size,
            if h.centered { "center" } else { "left" },
            if h.bold { "bold" } else { "normal" },
            if h.italic { "italic" } else { "normal" },
            if h.underline { "underline" } else { "none" },
        );
        self.out.push_str(&format!(
            "<h{level} style=\"margin: 0 0 12pt 0; {look}; break-after: avoid; page-break-after: avoid\">"
        ));
        self.inlines(content);
        self.out.push_str(&format!("</h{level}>\n"));
    }

    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], depth: usize) {
        let margin = if depth == 0 {
            "margin: 0 0 12pt 0"
        } else {
            "margin: 6pt 0 0 0"
        };
        let (tag, attrs) = match start {
            Some(n) => (
                "ol",
                format!(
                    "{}style=\"{margin}; padding-left: 0.5in; list-style-type: decimal\"",
                    if n == 1 {
                        String::new()
                    } else {
                        format!("start=\"{n}\" ")
                    }
                ),
            ),
            None => {
                let bullet = ["disc", "circle", "square"][depth % 3];
                (
                    "ul",
                    format!("style=\"{margin}; padding-left: 0.5in; list-style-type: {bullet}\""),
                )
            }
        };
        self.out.push_str(&format!("<{tag} {attrs}>\n"));
        for (i, item) in items.iter().enumerate() {
            let gap = if i + 1 == items.len() { "0" } else { "6pt" };
            self.out.push_str(&format!(
                "<li style=\"margin: 0 0 {gap} 0; text-align: justify\">"
            ));
            let rest = match item.split_first() {
                Some((Block::Paragraph(inlines), rest)) => {
                    self.inlines(inlines);
                    rest
                }
                _ => item.as_slice(),
            };
            if !rest.is_empty() {
                self.out.push('\n');
                for block in rest {
                    match block {
                        Block::Paragraph(inlines) => {
                            self.out
                                .push_str("<p style=\"margin: 6pt 0 0 0; text-align: justify\">");
                            self.inlines(inlines);
                            self.out.push_str("</p>\n");
                        }
                        other => self.block(other, depth + 1),
                    }
                }
            }
            self.out.push_str("</li>\n");
        }
        self.out.push_str(&format!("</{tag}>\n"));
    }

    fn table(&mut self, t: &Table) {
        let layout = table::classify(t);
        self.out.push_str(&format!(
            "<table style=\"border-collapse: collapse; margin: 0 0 12pt 0; {FONT}; font-size: 10pt\">\n"
        ));
        let last_header = layout.last_header_row();
        for (r, row) in table::all_rows(t).into_iter().enumerate() {
            let kind = layout.rows[r];
            self.out.push_str("<tr>\n");
            let mut col = 0;
            while col < layout.columns {
                let cell = row.get(col).map(Vec::as_slice).unwrap_or_default();
                let mut style = cell_style(&layout, col, kind, r == last_header, cell);
                // A heading over figures spans the empty header cells after it, as in the PDF.
                let span = if kind == RowKind::Header {
                    layout.header_span(row, col)
                } else {
                    1
                };
                if layout.is_grand_total(r) && layout.total_rule[col] {
                    style.push_str("; border-bottom: 3px double #000000");
                }
                if span > 1 {
                    style = style.replace("text-align: right", "text-align: center");
                    self.out
                        .push_str(&format!("<td colspan=\"{span}\" style=\"{style}\">"));
                } else {
                    self.out.push_str(&format!("<td style=\"{style}\">"));
                }
                self.inlines(cell);
                self.out.push_str("</td>\n");
                col += span;
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</table>\n");
    }

    fn footnotes(&mut self) {
        if self.notes.is_empty() {
            return;
        }
        self.out.push_str(
            "<hr style=\"width: 2in; margin: 24pt auto 12pt 0; border: 0; border-top: 1px solid #000000; text-align: left\">\n<div style=\"font-size: 10pt\">\n",
        );
        let doc = self.doc;
        // Listed by number (a redline may cite the letter's note 4 before its note 2).
        let mut listed: Vec<usize> = (0..self.notes.len()).collect();
        listed.sort_by_key(|&i| self.numbers[i]);
        for i in listed {
            let label = self.notes[i].clone();
            let Some(note) = doc.footnotes.iter().find(|n| n.label == label) else {
                continue;
            };
            let n = self.numbers[i];
            let marker = format!("<a name=\"fn{n}\"></a>{SUP}{n}</sup> ");
            self.out
                .push_str("<p style=\"margin: 0 0 6pt 0; text-align: justify\">");
            self.out.push_str(&marker);
            let rest = match note.blocks.split_first() {
                Some((Block::Paragraph(inlines), rest)) => {
                    self.inlines(inlines);
                    self.out.push_str("</p>\n");
                    rest
                }
                _ => {
                    self.out.push_str("</p>\n");
                    note.blocks.as_slice()
                }
            };
            self.blocks(rest, 0);
        }
        self.out.push_str("</div>\n");
    }

    /// Writes styled pieces, opening and closing tags only where the style changes.
    fn inlines(&mut self, inlines: &[Inline]) {
        let mut open: Vec<Mark> = Vec::new();
        for inline in inlines {
            let want = Mark::of(inline.style);
            let keep = open.iter().zip(&want).take_while(|(a, b)| a == b).count();
            while open.len() > keep {
                if let Some(mark) = open.pop() {
                    self.out.push_str(mark.close());
                }
            }
            for mark in &want[keep..] {
                self.out.push_str(mark.open());
                open.push(*mark);
            }
            match &inline.content {
                InlineContent::Text(text) => self.out.push_str(&escape_html(text)),
                InlineContent::SoftBreak => self.out.push('\n'),
                InlineContent::HardBreak => self.out.push_str("<br>\n"),
                InlineContent::FootnoteRef(label) => self.footnote_ref(label),
            }
        }
        while let Some(mark) = open.pop() {
            self.out.push_str(mark.close());
        }
    }

    fn footnote_ref(&mut self, label: &str) {
        match self.notes.iter().position(|l| l == label) {
            Some(i) => self.out.push_str(&format!(
                "{SUP}<a href=\"#fn{n}\" style=\"color: #000000; text-decoration: none\">{n}</a></sup>",
                n = self.numbers[i]
            )),
            // A reference to a note that does not exist: shown, never linked.
            None => self
                .out
                .push_str(&format!("{SUP}[{}]</sup>", escape_html(label))),
        }
    }
}

/// The inline style of one table cell.
fn cell_style(
    layout: &TableLayout,
    col: usize,
    kind: RowKind,
    last_header: bool,
    cell: &[Inline],
) -> String {
    let align = match kind {
        RowKind::Header => layout.header_align(col),
        _ => layout.align[col],
    };
    let align = match align {
        Align::Right => "right",
        Align::Center => "center",
        Align::Left | Align::None => "left",
    };
    let left = if col == 0 { "0" } else { "6pt" };
    // Figures without a closing parenthesis stand in by its width so digits line up.
    let text = table::cell_text(cell);
    let right = if kind != RowKind::Header
        && layout.paren[col]
        && align == "right"
        && !text.trim_end().ends_with(')')
    {
        "9.5pt"
    } else {
        "6pt"
    };
    let mut style =
        format!("padding: 2pt {right} 2pt {left}; vertical-align: bottom; text-align: {align}");
    if layout.numeric[col] && kind != RowKind::Header {
        style.push_str("; white-space: nowrap");
    }
    if kind == RowKind::Header && last_header && layout.header_rule[col] {
        style.push_str(&format!("; border-bottom: {RULE}"));
    }
    if kind == RowKind::Total && layout.total_rule[col] {
        style.push_str(&format!("; border-top: {RULE}"));
    }
    style
}

/// A separator line such as "* * * *".
fn is_ornament(inlines: &[Inline]) -> bool {
    let text: String = inlines.iter().map(Inline::plain).collect();
    text.contains('*') && text.chars().all(|c| c == '*' || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse_rendered;
    use crate::render::edgar::validate_edgar_html;

    const SAMPLE: &str = include_str!("../../tests/fixtures/render/sample-letter.md");

    fn render(md: &str) -> String {
        let (doc, issues) = parse_rendered(md);
        assert!(issues.is_empty(), "{issues:?}");
        render_html(
            &doc,
            &HtmlMeta {
                title: "Response to SEC comment letter dated November 17, 2014".into(),
                ..HtmlMeta::default()
            },
        )
    }

    /// The table cell whose text is `text`, with its opening tag.
    fn cell<'a>(html: &'a str, text: &str) -> &'a str {
        let end = html
            .find(&format!(">{text}</td>"))
            .unwrap_or_else(|| panic!("no cell {text:?}"));
        let start = html[..end].rfind("<td").unwrap();
        &html[start..end]
    }

    #[test]
    fn the_sample_letter_is_valid_edgar_html() {
        let html = render(SAMPLE);
        assert_eq!(validate_edgar_html(&html), vec![]);
        assert!(
            html.bytes()
                .all(|b| b == b'\n' || (b' '..=b'~').contains(&b))
        );
        assert!(html.starts_with("<html>\n<head>\n<title>Response to SEC comment letter"));
        assert_eq!(html, render(SAMPLE), "output must be deterministic");
    }

    /// The whole output, compared with `tests/fixtures/render/sample-letter.htm`;
    /// `SNAPSHOTS=overwrite cargo test --lib render` re-blesses it.
    #[test]
    fn the_sample_letter_matches_its_snapshot() {
        let html = render(SAMPLE);
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/render/sample-letter.htm"
        );
        if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
            std::fs::write(path, &html).expect("write the snapshot");
        }
        let expected = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            html == expected,
            "{path} differs from the output; re-bless with SNAPSHOTS=overwrite"
        );
    }

    #[test]
    fn a_reference_to_a_missing_note_is_shown_but_not_linked() {
        let doc = Doc {
            blocks: vec![Block::Paragraph(vec![
                Inline::text("A", Style::default()),
                Inline {
                    content: InlineContent::FootnoteRef("gone".into()),
                    style: Style::default(),
                },
            ])],
            footnotes: Vec::new(),
        };
        let html = render_html(&doc, &HtmlMeta::default());
        assert!(html.contains("A<sup style=\"line-height: 0\">[gone]</sup>"));
        assert!(!html.contains("<hr"));
        assert_eq!(validate_edgar_html(&html), vec![]);
    }

    #[test]
    fn redline_markup_becomes_u_and_strike() {
        let html = render(SAMPLE);
        assert!(html.contains("<strike>three to five</strike> <u>three to ten</u>"));
        assert!(html.contains("<u>In addition, although the lessors"));
        assert!(html.contains("<u>Onshore</u>"));
        assert!(!html.contains("<ins>") && !html.contains("<del>") && !html.contains("<s>"));
        assert!(html.contains("<blockquote style=\"margin: 0 36pt 0 36pt\">"));
    }

    #[test]
    fn characters_become_decimal_references() {
        let html = render(SAMPLE);
        assert!(html.contains("Key Information&#8212;D. Risk Factors"));
        assert!(html.contains("&#8220;Staff&#8221;"));
        assert!(html.contains("Company&#8217;s response"));
        assert!(html.contains("&#165;25.2&#160;million"));
        assert!(html.contains("provide services &amp; harm"));
        assert_eq!(
            escape_html("a<b>&\"\t\u{1}\u{a0}"),
            "a&lt;b&gt;&amp;&quot;&#9;&#160;"
        );
    }

    #[test]
    fn styles_nest_and_change_only_where_needed() {
        let html = render("plain **bold *both*** `x < y` <u>*under*</u>");
        assert!(
            html.contains("plain <b>bold <i>both</i></b> <font style=\"font-family: 'Courier New', Courier, monospace\">x &lt; y</font> <i><u>under</u></i>"),
            "{html}"
        );
    }

    #[test]
    fn numeric_columns_are_right_aligned_and_totals_ruled() {
        let html = render(SAMPLE);
        let figure = cell(&html, "260,438");
        assert!(figure.contains("text-align: right"), "{figure}");
        assert!(!figure.contains("border"), "{figure}");
        assert!(cell(&html, "Cash and cash equivalent").contains("text-align: left"));
        let total = cell(&html, "1,163,458");
        assert!(total.contains("border-top: 1px solid #000000"), "{total}");
        assert!(!cell(&html, "Total").contains("border-top"));
        // The rule runs under the last of three header rows, not the first.
        assert!(cell(&html, "(in thousands of RMB)").contains("border-bottom"));
        assert!(!cell(&html, "VIEs").contains("border-bottom"));
        assert!(cell(&html, "VIEs").contains("text-align: center"));
        // Figures beside a (negative) one stand in by the width of the parenthesis.
        assert!(cell(&html, "173,726").contains("padding: 2pt 9.5pt"));
        assert!(cell(&html, "(12,340)").contains("padding: 2pt 6pt"));
    }

    #[test]
    fn footnotes_are_numbered_by_first_reference() {
        let html = render(SAMPLE);
        // [^rev] is cited first though defined last.
        let first = html
            .find("<sup style=\"line-height: 0\"><a href=\"#fn1\"")
            .unwrap();
        let second = html
            .find("<sup style=\"line-height: 0\"><a href=\"#fn2\"")
            .unwrap();
        assert!(first < second);
        assert!(html[..first].contains("page&#160;56 of the 2013 20-F"));
        assert_eq!(html.matches("href=\"#fn1\"").count(), 2);
        let notes = &html[html.find("<hr").unwrap()..];
        assert!(notes.contains(
            "<a name=\"fn1\"></a><sup style=\"line-height: 0\">1</sup> The page numbers refer"
        ));
        assert!(notes.contains(
            "<a name=\"fn2\"></a><sup style=\"line-height: 0\">2</sup> Translations of RMB"
        ));
        assert!(notes.find("name=\"fn1\"") < notes.find("name=\"fn2\""));
    }

    #[test]
    fn undefined_and_unreferenced_notes_never_break_links() {
        let html = render("A[^gone] and B.\n\n[^spare]: Never cited.\n");
        assert!(!html.contains("href"));
        assert!(
            html.contains("<a name=\"fn1\"></a><sup style=\"line-height: 0\">1</sup> Never cited.")
        );
        assert_eq!(validate_edgar_html(&html), vec![]);
    }

    #[test]
    fn letter_blocks_keep_their_shape() {
        let html = render(SAMPLE);
        // Address lines break; they are not justified.
        assert!(html.contains(
            "<p style=\"margin: 0 0 12pt 0; text-align: left\">Craig Wilson, Senior Assistant Chief Accountant<br>\n"
        ));
        // "Re:" hangs beside its lines.
        assert!(html.contains("<b>Re:</b></td>\n<td"));
        assert!(html.contains("<b>21Vianet Group, Inc. (the &#8220;Company&#8221;)<br>"));
        assert!(html.contains(">cc:</td>"));
        assert!(html.contains(
            "<h3 style=\"margin: 0 0 12pt 0; font-size: 12pt; text-align: left; font-weight: bold"
        ));
        assert!(html.contains("<b>1. With a view towards disclosure"));
        assert!(html.contains("<p style=\"margin: 0 0 12pt 0; text-align: center\">* * * *</p>"));
        let group = &html[html.find("<div style=\"break-inside: avoid").unwrap()..];
        assert!(group.find("Very truly yours,") < group.find("</div>"));
        assert!(group.find("Chief Financial Officer") < group.find("</div>"));
    }

    #[test]
    fn lists_nest_with_hanging_indents() {
        let html = render(SAMPLE);
        let ol = html
            .find("<ol style=\"margin: 0 0 12pt 0; padding-left: 0.5in")
            .unwrap();
        let ul = html
            .find("<ul style=\"margin: 6pt 0 0 0; padding-left: 0.5in; list-style-type: circle")
            .unwrap();
        let close = html.find("</ol>").unwrap();
        assert!(ol < ul && ul < close);
        assert!(html.contains("<li style=\"margin: 0 0 6pt 0; text-align: justify\">material breach by the Company, such as:\n<ul"));
        assert!(render("3. three\n4. four\n").contains("<ol start=\"3\" style="));
    }

    #[test]
    fn headings_and_title_are_escaped() {
        let html = render_html(
            &parse_rendered("# Response — “A” & <B>\n").0,
            &HtmlMeta {
                title: "Café <x>".into(),
                ..HtmlMeta::default()
            },
        );
        assert!(html.contains("<title>Caf&#233; &lt;x&gt;</title>"));
        assert!(html.contains("font-size: 14pt; text-align: center"));
        assert!(html.contains("Response &#8212; &#8220;A&#8221; &amp;"));
        assert_eq!(validate_edgar_html(&html), vec![]);
    }

    proptest::proptest! {
        /// Whatever a letter's Markdown holds, the HTML written from it may be filed.
        #[test]
        fn any_markdown_gives_valid_edgar_html(
            md in "([-*_>#|`~:\\[\\]^!()<>/&\"' \n\t]|[a-z0-9]|\u{2014}|\u{201c}|\u{e9}|<ins>|</ins>|<u>|</u>|<script>|\\[\\^1\\]|\\[\\^1\\]: |\\|---\\|)*"
        ) {
            let (doc, _) = parse_rendered(&md);
            let html = render_html(&doc, &HtmlMeta { title: md.clone(), ..HtmlMeta::default() });
            proptest::prop_assert_eq!(validate_edgar_html(&html), vec![]);
        }
    }
}
