//! [`Doc`] → Markdown text, for the letter templates.
//!
//! The output parses back (with [`super::parser_options`]) to the same
//! document: text is escaped, style markers hug non-space text, and redline
//! insertions and deletions are written as `<ins>…</ins>` and `~~…~~`.

use super::{Align, Block, Doc, Inline, InlineContent, Style, Table};

/// Writes a document as Markdown: blocks, then footnote definitions.
pub fn to_markdown(doc: &Doc) -> String {
    let mut parts: Vec<String> = Vec::new();
    write_blocks(&doc.blocks, &mut parts);
    for note in &doc.footnotes {
        let mut inner = Vec::new();
        write_blocks(&note.blocks, &mut inner);
        let body = inner.join("\n\n");
        let mut text = format!("[^{}]: ", note.label);
        text.push_str(&indent_rest(&body, "    "));
        parts.push(text);
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn write_blocks(blocks: &[Block], parts: &mut Vec<String>) {
    let mut previous_bullet = false;
    for block in blocks {
        let bullet = if previous_bullet { "*" } else { "-" };
        previous_bullet = matches!(block, Block::List { start: None, .. }) && !previous_bullet;
        parts.push(write_block(block, bullet));
    }
}

fn write_block(block: &Block, bullet: &str) -> String {
    match block {
        Block::Paragraph(inlines) => write_inlines(inlines, false),
        Block::Heading { level, content } => {
            format!(
                "{} {}",
                "#".repeat(usize::from((*level).clamp(1, 6))),
                write_inlines(content, false)
            )
        }
        Block::List { start, items } => write_list(*start, items, bullet),
        Block::Quote(blocks) => {
            let mut inner = Vec::new();
            write_blocks(blocks, &mut inner);
            inner
                .join("\n\n")
                .split('\n')
                .map(|line| {
                    if line.is_empty() {
                        ">".to_owned()
                    } else {
                        format!("> {line}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        Block::Table(table) => write_table(table),
        Block::Rule => "---".to_owned(),
        Block::KeepTogether(blocks) => {
            let mut inner = Vec::new();
            write_blocks(blocks, &mut inner);
            format!(
                "<!-- keep-together -->\n\n{}\n\n<!-- /keep-together -->",
                inner.join("\n\n")
            )
        }
        Block::Code(code) => {
            let longest = longest_run(code, '`');
            let fence = "`".repeat((longest + 1).max(3));
            format!(
                "{fence}\n{}{}{fence}",
                code,
                if code.ends_with('\n') || code.is_empty() {
                    ""
                } else {
                    "\n"
                }
            )
        }
    }
}

fn write_list(start: Option<u64>, items: &[Vec<Block>], bullet: &str) -> String {
    let loose = items.iter().any(|item| {
        item.iter()
            .filter(|b| !matches!(b, Block::List { .. }))
            .count()
            > 1
    });
    let mut rendered = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let marker = match start {
            Some(n) => format!("{}. ", n + i as u64),
            None => format!("{bullet} "),
        };
        let pad = " ".repeat(marker.len());
        let mut inner = Vec::new();
        write_blocks(item, &mut inner);
        let body = if loose {
            inner.join("\n\n")
        } else {
            inner.join("\n")
        };
        let body = if body.is_empty() {
            String::new()
        } else {
            indent_rest(&body, &pad)
        };
        rendered.push(format!("{marker}{body}").trim_end().to_owned());
    }
    rendered.join(if loose { "\n\n" } else { "\n" })
}

fn write_table(table: &Table) -> String {
    let columns = table.align.len().max(table.header.len()).max(1);
    let row = |cells: &[Vec<Inline>]| {
        let mut line = String::from("|");
        for c in 0..columns {
            let text = cells
                .get(c)
                .map(|cell| write_inlines(cell, true))
                .unwrap_or_default();
            line.push(' ');
            line.push_str(&text);
            line.push_str(" |");
        }
        line
    };
    let mut lines = vec![row(&table.header)];
    let mut delimiter = String::from("|");
    for c in 0..columns {
        delimiter.push_str(match table.align.get(c).copied().unwrap_or(Align::None) {
            Align::None => "---|",
            Align::Left => ":--|",
            Align::Center => ":-:|",
            Align::Right => "--:|",
        });
    }
    lines.push(delimiter);
    for cells in &table.rows {
        lines.push(row(cells));
    }
    lines.join("\n")
}

/// Indents every line after the first by `pad` (blank lines stay empty).
fn indent_rest(text: &str, pad: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(pad);
            }
        }
        out.push_str(line);
    }
    out
}

fn longest_run(text: &str, ch: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == ch { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// A style marker, outermost first in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Confidential,
    Inserted,
    Deleted,
    Underline,
    Bold,
    Italic,
}

impl Mark {
    fn open(self) -> &'static str {
        match self {
            Mark::Confidential => "<ct>",
            Mark::Inserted => "<ins>",
            Mark::Deleted => "~~",
            Mark::Underline => "<u>",
            Mark::Bold => "**",
            Mark::Italic => "*",
        }
    }

    fn close(self) -> &'static str {
        match self {
            Mark::Confidential => "</ct>",
            Mark::Inserted => "</ins>",
            Mark::Deleted => "~~",
            Mark::Underline => "</u>",
            Mark::Bold => "**",
            Mark::Italic => "*",
        }
    }
}

fn marks(style: &Style) -> Vec<Mark> {
    let mut out = Vec::new();
    if style.confidential {
        out.push(Mark::Confidential);
    }
    if style.inserted {
        out.push(Mark::Inserted);
    }
    if style.deleted || style.strike {
        out.push(Mark::Deleted);
    }
    if style.underline {
        out.push(Mark::Underline);
    }
    if style.bold {
        out.push(Mark::Bold);
    }
    if style.italic {
        out.push(Mark::Italic);
    }
    out
}

/// Writes inline pieces as Markdown; `in_cell` writes breaks as spaces.
fn write_inlines(inlines: &[Inline], in_cell: bool) -> String {
    let mut out = String::new();
    let mut open: Vec<Mark> = Vec::new();
    let mut line_start = true;
    for inline in merge(inlines) {
        let want = marks(&inline.style);
        let (lead, body) = match &inline.content {
            InlineContent::Text(t) if !inline.style.code => {
                let t = t.replace('\n', " ");
                let trimmed = t.trim_start_matches(' ').len();
                let lead = t.len() - trimmed;
                (t[..lead].to_owned(), Piece::Text(t[lead..].to_owned()))
            }
            InlineContent::Text(t) => (String::new(), Piece::Code(t.replace('\n', " "))),
            InlineContent::SoftBreak => (String::new(), Piece::Space),
            InlineContent::HardBreak if in_cell => (String::new(), Piece::Space),
            InlineContent::HardBreak => (String::new(), Piece::Break),
            InlineContent::FootnoteRef(label) => (String::new(), Piece::Note(label.clone())),
        };
        let common = open.iter().zip(&want).take_while(|(a, b)| a == b).count();
        let needs_change = common < open.len() || common < want.len();
        if needs_change && !matches!(body, Piece::Space) && !body.is_empty() {
            close_marks(&mut out, &mut open, common);
            out.push_str(&lead);
            if !lead.is_empty() {
                line_start = false;
            }
            for mark in &want[common..] {
                out.push_str(mark.open());
                open.push(*mark);
                line_start = false;
            }
        } else {
            out.push_str(&lead);
            if !lead.is_empty() {
                line_start = false;
            }
        }
        match body {
            Piece::Text(text) => {
                escape_into(&mut out, &text, line_start);
                line_start = false;
            }
            Piece::Code(code) => {
                let fence = "`".repeat(longest_run(&code, '`') + 1);
                let pad = if code.starts_with('`') || code.ends_with('`') {
                    " "
                } else {
                    ""
                };
                out.push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
                line_start = false;
            }
            Piece::Space => out.push(' '),
            Piece::Break => {
                let trailing = out.len() - out.trim_end_matches(' ').len();
                out.truncate(out.len() - trailing);
                out.push_str("\\\n");
                line_start = true;
            }
            Piece::Note(label) => {
                out.push_str(&format!("[^{label}]"));
                line_start = false;
            }
        }
    }
    close_marks(&mut out, &mut open, 0);
    out.trim_end_matches(' ').to_owned()
}

enum Piece {
    Text(String),
    Code(String),
    Space,
    Break,
    Note(String),
}

impl Piece {
    fn is_empty(&self) -> bool {
        match self {
            Piece::Text(t) => t.is_empty(),
            _ => false,
        }
    }
}

/// Closes open marks down to `keep`, moving trailing spaces outside the markers.
fn close_marks(out: &mut String, open: &mut Vec<Mark>, keep: usize) {
    if open.len() <= keep {
        return;
    }
    let trailing = out.len() - out.trim_end_matches(' ').len();
    let spaces = out.split_off(out.len() - trailing);
    while open.len() > keep {
        if let Some(mark) = open.pop() {
            out.push_str(mark.close());
        }
    }
    out.push_str(&spaces);
}

/// Joins neighbouring text pieces of the same style.
fn merge(inlines: &[Inline]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        if let (
            InlineContent::Text(t),
            Some(Inline {
                content: InlineContent::Text(prev),
                style,
            }),
        ) = (&inline.content, out.last_mut())
            && *style == inline.style
        {
            prev.push_str(t);
            continue;
        }
        out.push(inline.clone());
    }
    out
}

/// Escapes `text` so Markdown reads it as plain text.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, true);
    out
}

fn escape_into(out: &mut String, text: &str, line_start: bool) {
    let mut digits_only_so_far = line_start;
    for (i, c) in text.chars().enumerate() {
        let at_start = line_start && i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '|' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if digits_only_so_far && i > 0 => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        digits_only_so_far = digits_only_so_far && c.is_ascii_digit();
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn round_trip(text: &str) {
        let (doc, issues) = parse(text);
        assert!(issues.is_empty(), "{issues:?}");
        let written = to_markdown(&doc);
        let (again, _) = parse(&written);
        assert_eq!(doc, again, "written:\n{written}");
    }

    #[test]
    fn round_trips_common_constructs() {
        round_trip("Plain *italic* **bold** <u>under</u> ~~gone~~ text.\n");
        round_trip("1986. was a year\n\n- a\n- b\n  - nested\n\n2. two\n3. three\n");
        round_trip("> quoted **text**\n>\n> second\n");
        round_trip("| A | B |\n|---|--:|\n| x \\| y | (1,234) |\n| Total | — |\n");
        round_trip("Note here.[^a]\n\n[^a]: The note.\n\n    More of it.\n");
        round_trip("Escapes: \\* \\_ \\[x\\] a<b & c # d ~ e ` f\n");
        round_trip("line one\\\nline two\n");
        round_trip("- one\n\n  para two\n- three\n");
    }

    #[test]
    fn markers_hug_text() {
        let s = Style {
            inserted: true,
            ..Style::default()
        };
        let doc = Doc {
            blocks: vec![Block::Paragraph(vec![
                Inline::text("keep", Style::default()),
                Inline::text(" new words ", s),
                Inline::text("end", Style::default()),
            ])],
            footnotes: vec![],
        };
        assert_eq!(to_markdown(&doc), "keep <ins>new words</ins> end\n");
        let d = Style {
            deleted: true,
            ..Style::default()
        };
        let doc = Doc {
            blocks: vec![Block::Paragraph(vec![
                Inline::text("foo", Style::default()),
                Inline::text(",", d),
                Inline::text(" bar", Style::default()),
            ])],
            footnotes: vec![],
        };
        let md = to_markdown(&doc);
        let (back, _) = parse(&md);
        assert_eq!(
            back.blocks,
            vec![Block::Paragraph(vec![
                Inline::text("foo", Style::default()),
                Inline::text(
                    ",",
                    Style {
                        strike: true,
                        ..Style::default()
                    }
                ),
                Inline::text(" bar", Style::default()),
            ])]
        );
    }
}
