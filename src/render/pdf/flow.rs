//! The vertical list: blocks of the document → boxes stacked down the page.
//!
//! Every line of text, table row and rule becomes a [`VBox`] of known height with
//! its marks placed relative to the box's top; [`Flow::Space`] separates blocks and
//! vanishes at the top of a page. Each box says whether a page may break after it
//! (headings keep with the next block, no lone first or last line of a
//! paragraph, keep-together groups) so the page breaker needs no knowledge of blocks.

use std::collections::BTreeMap;

use crate::markdown::{Block, Inline, InlineContent};

use super::lines::{LineAlign, SetLine, set_paragraph};
use super::mark::{Mark, Role, baseline_in};
use super::style::{LetterheadAlign, Styles};
use super::table::layout_table;
use super::text::{Item, NoteNumbers, TextStyle, itemize, split_overlong};
use crate::render::label::split_label;
use crate::render::letterhead::{Letterhead, find_letterhead};

/// A box of the vertical list: one line, one table row or one rule.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VBox {
    /// Height.
    pub height: f32,
    /// What is drawn in it.
    pub marks: Vec<Mark>,
    /// Footnotes cited in it (they go to the foot of its page).
    pub notes: Vec<usize>,
    /// A page must not break right after this box.
    pub keep_with_next: bool,
    /// A page should not break right after this box, unless keeping it would
    /// leave a quarter of the page empty.
    pub keep_soft: bool,
    /// When a page breaks right before this box, repeat these header rows first
    /// (an index into [`Layout::headers`]).
    pub repeat: Option<usize>,
    /// A heading line (for tests and diagnostics).
    pub heading: bool,
}

impl VBox {
    /// The box's text fragments joined by spaces (for tests and diagnostics).
    pub fn text(&self) -> String {
        let texts: Vec<&str> = self
            .marks
            .iter()
            .filter_map(Mark::fragment)
            .map(|f| f.text.as_str())
            .collect();
        texts.join(" ")
    }
}

/// An element of the vertical list.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    /// A box.
    Box(VBox),
    /// Vertical space between blocks, dropped at the top of a page.
    Space(f32),
}

/// The document as a vertical list, plus what the page breaker needs beside it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// The body, top to bottom.
    pub flow: Vec<Flow>,
    /// Header rows of tables, repeated after a page break inside the table.
    pub headers: Vec<Vec<VBox>>,
    /// Each footnote's lines, by the number it prints.
    pub notes: BTreeMap<usize, Vec<VBox>>,
    /// What the PDF's outline (bookmarks) lists, in order: each heading of
    /// the letter itself (not of a quoted passage) and each staff comment.
    pub outline: Vec<Bookmark>,
}

/// An entry of the PDF's outline before it is placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    /// Nesting level: a heading's level; a staff comment nests under them all.
    pub level: u8,
    /// What the outline shows.
    pub title: String,
    /// The run of text it marks (see [`Role::Words`]).
    pub run: u32,
}

/// The outline level of a staff comment: below every heading level.
pub const COMMENT_LEVEL: u8 = 7;

/// Where a block is being set: its left edge and width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Left edge from the page's left edge.
    pub left: f32,
    /// Width available.
    pub width: f32,
}

impl Frame {
    fn indent(self, left: f32, right: f32) -> Frame {
        // Never narrower than a few points, so deeply nested blocks still get set.
        let width = (self.width - left - right).max(self.width.min(24.0));
        let left = (self.left + left).min(self.left + self.width - width);
        Frame { left, width }
    }
}

/// Builds the vertical list of `blocks` and the footnotes `notes` (each with
/// the number it prints, in numbering order).
pub fn build(
    blocks: &[Block],
    notes: &[(usize, &[Block])],
    numbers: &NoteNumbers,
    styles: &Styles,
) -> Layout {
    let frame = Frame {
        left: styles.page.margin_left,
        width: styles.page.measure(),
    };
    let mut b = Builder {
        styles,
        numbers,
        layout: Layout::default(),
        list_level: 0,
        next_run: 0,
        under_title: false,
        letterhead: None,
    };
    let mut flow = Vec::new();
    b.letterhead = find_letterhead(blocks).map(|l| l.index);
    b.blocks(blocks, frame, 0, &mut flow);
    b.layout.flow = flow;
    for &(number, note) in notes {
        let lines = b.footnote(number, note, frame);
        b.layout.notes.insert(number, lines);
    }
    b.layout
}

pub(super) struct Builder<'a> {
    pub(super) styles: &'a Styles,
    pub(super) numbers: &'a NoteNumbers,
    pub(super) layout: Layout,
    /// How many lists enclose the block being set (bullets alternate by level).
    pub(super) list_level: usize,
    /// The number of the next run of text set (see [`Role::Words`]).
    pub(super) next_run: u32,
    /// The block being set follows a centred heading: lines under it (a
    /// letterhead's address, a title block) are centred too.
    pub(super) under_title: bool,
    /// Which top-level block is the letterhead.
    pub(super) letterhead: Option<usize>,
}

impl Builder<'_> {
    fn blocks(&mut self, blocks: &[Block], frame: Frame, depth: usize, out: &mut Vec<Flow>) {
        self.blocks_spaced(blocks, frame, depth, self.styles.paragraph_spacing, out);
    }

    fn blocks_spaced(
        &mut self,
        blocks: &[Block],
        frame: Frame,
        depth: usize,
        gap: f32,
        out: &mut Vec<Flow>,
    ) {
        // Whether the block before is a heading, or a title or caption set with one.
        let mut after_heading = false;
        for (i, block) in blocks.iter().enumerate() {
            if i > 0 {
                // A heading path (Item, section, caption) reads as one group.
                let headings = matches!(blocks[i - 1], Block::Heading { .. })
                    && matches!(block, Block::Heading { .. });
                out.push(Flow::Space(if headings { gap / 2.0 } else { gap }));
            }
            let first = out.len();
            self.under_title = i > 0
                && matches!(&blocks[i - 1], Block::Heading { level, .. } if self.styles.heading(*level).centered);
            let letterhead = (depth == 0 && self.letterhead == Some(i))
                .then(|| find_letterhead(blocks))
                .flatten();
            match letterhead {
                Some(lh) => self.set_letterhead(lh, frame, out),
                None => self.block(block, frame, depth, out),
            }
            self.under_title = false;
            // A short list item is not a title.
            let titles = self.list_level == 0;
            after_heading = keep_with_heading(block, after_heading, titles, &mut out[first..]);
        }
    }

    fn block(&mut self, block: &Block, frame: Frame, depth: usize, out: &mut Vec<Flow>) {
        // Deeply nested input is flattened rather than indented off the page.
        let depth = depth + 1;
        match block {
            Block::Paragraph(inlines) => {
                if let Some((label, rest)) = split_label(inlines) {
                    let lines = self.labelled(&label, &rest, frame);
                    push_paragraph(lines, out);
                    return;
                }
                let align = if is_ornament(inlines) || (self.under_title && has_hard_break(inlines))
                {
                    LineAlign::Center
                } else if has_hard_break(inlines) {
                    LineAlign::Left
                } else {
                    LineAlign::Justify
                };
                let base = TextStyle::plain(self.styles.size);
                if depth == 1 && all_bold(inlines) && is_numbered(inlines) {
                    self.bookmark(COMMENT_LEVEL, inlines);
                }
                let mut lines = self.paragraph(inlines, base, frame, align, self.styles.leading);
                // "… as follows:" introduces what comes next and stays with it,
                // and so does a staff comment (a bold paragraph) with its response.
                if (ends_with_colon(inlines) || all_bold(inlines))
                    && let Some(last) = lines.last_mut()
                {
                    last.keep_soft = true;
                }
                push_paragraph(lines, out);
            }
            Block::Heading { level, content } => {
                if depth == 1 {
                    self.bookmark(*level, content);
                }
                let h = self.styles.heading(*level);
                let base = TextStyle {
                    size: h.size,
                    bold: h.bold,
                    italic: h.italic,
                    underline: h.underline,
                    small_caps: false,
                };
                let align = if h.centered {
                    LineAlign::Center
                } else {
                    LineAlign::Left
                };
                let leading = self.styles.leading * h.size / self.styles.size;
                for mut line in self.paragraph(content, base, frame, align, leading) {
                    line.keep_with_next = true;
                    line.heading = true;
                    out.push(Flow::Box(line));
                }
            }
            Block::List { start, items } => self.list(*start, items, frame, depth, out),
            Block::Quote(inner) => {
                // A house style that quotes with marks alone does not indent.
                let indent = if depth > 8 || !self.styles.quote_style.indents() {
                    0.0
                } else {
                    self.styles.quote_indent
                };
                self.blocks(inner, frame.indent(indent, indent), depth, out);
            }
            Block::Table(table) => layout_table(self, table, frame, out),
            Block::Rule => out.push(Flow::Box(VBox {
                height: self.styles.leading,
                marks: vec![Mark::Rule {
                    x0: frame.left,
                    x1: frame.left + frame.width,
                    y: self.styles.leading / 2.0,
                    thickness: self.styles.table.rule,
                }],
                ..VBox::default()
            })),
            Block::Code(code) => {
                let inlines = code_inlines(code);
                let base = TextStyle::plain(self.styles.size);
                let lines =
                    self.paragraph(&inlines, base, frame, LineAlign::Left, self.styles.leading);
                push_paragraph(lines, out);
            }
            Block::KeepTogether(inner) => {
                let mut group = Vec::new();
                self.blocks(inner, frame, depth, &mut group);
                let height: f32 = group.iter().map(flow_height).sum();
                // A group taller than half a page may break like ordinary text.
                if height < self.styles.page.body_height() / 2.0 {
                    keep_together(&mut group);
                }
                out.extend(group);
            }
        }
    }

    /// The letterhead as the house style sets it: the name in the level-1
    /// heading's face at the letterhead's size (small capitals if asked),
    /// the address lines under it, both aligned alike, and a rule under
    /// them if asked; kept together.
    fn set_letterhead(&mut self, lh: Letterhead, frame: Frame, out: &mut Vec<Flow>) {
        let style = self.styles.letterhead.clone();
        let h1 = self.styles.heading(1);
        let align = match style.align {
            LetterheadAlign::Left => LineAlign::Left,
            LetterheadAlign::Center => LineAlign::Center,
            LetterheadAlign::Right => LineAlign::Right,
        };
        let base = TextStyle {
            size: style.size,
            bold: h1.bold,
            italic: h1.italic,
            underline: h1.underline,
            small_caps: style.small_caps,
        };
        let leading = self.styles.leading * (style.size / self.styles.size).max(1.0);
        let mut group = Vec::new();
        for mut line in self.paragraph(lh.name, base, frame, align, leading) {
            line.heading = true;
            group.push(Flow::Box(line));
        }
        for block in lh.lines {
            group.push(Flow::Space(self.styles.paragraph_spacing));
            match block {
                Block::Paragraph(inlines) => {
                    let base = TextStyle::plain(self.styles.size);
                    let lines = self.paragraph(inlines, base, frame, align, self.styles.leading);
                    group.extend(lines.into_iter().map(Flow::Box));
                }
                other => self.block(other, frame, 1, &mut group),
            }
        }
        if style.rule {
            group.push(Flow::Box(rule_under(
                frame,
                self.styles.paragraph_spacing,
                style.rule_thickness,
            )));
        }
        keep_together(&mut group);
        out.extend(group);
    }

    fn list(
        &mut self,
        start: Option<u64>,
        items: &[Vec<Block>],
        frame: Frame,
        depth: usize,
        out: &mut Vec<Flow>,
    ) {
        let indent = if depth > 8 {
            0.0
        } else {
            self.styles.list_indent
        };
        let inner = frame.indent(indent, 0.0);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(Flow::Space(self.styles.list_item_spacing));
            }
            let marker = match start {
                Some(n) => format!("{}.", n.saturating_add(i as u64)),
                None => if self.list_level.is_multiple_of(2) {
                    "\u{2022}"
                } else {
                    "\u{2013}"
                }
                .to_owned(),
            };
            let first = out.len();
            // The blocks of one item (a paragraph and a nested list) sit as close as items.
            self.list_level += 1;
            self.blocks_spaced(item, inner, depth, self.styles.list_item_spacing, out);
            self.list_level -= 1;
            let first_box = out[first..].iter_mut().find_map(|f| match f {
                Flow::Box(b) => Some(b),
                Flow::Space(_) => None,
            });
            let size = self.styles.size;
            let marker_box = match first_box {
                Some(b) => b,
                None => {
                    out.push(Flow::Box(VBox {
                        height: self.styles.leading,
                        ..VBox::default()
                    }));
                    match out.last_mut() {
                        Some(Flow::Box(b)) => b,
                        _ => continue,
                    }
                }
            };
            // The marker sits on the first line's baseline, no larger than its
            // text (a table's first row is set smaller than the body).
            let (baseline, size) = marker_box
                .marks
                .iter()
                .find_map(|m| match m {
                    Mark::Text {
                        baseline, fragment, ..
                    } if fragment.rise == 0.0 => Some((*baseline, fragment.size.min(size))),
                    _ => None,
                })
                .unwrap_or_else(|| (baseline_in(self.styles.leading, size), size));
            marker_box.marks.extend(Mark::plain(
                frame.left,
                baseline,
                &marker,
                size,
                Role::ListMarker,
            ));
        }
    }

    /// Sets a paragraph's lines as boxes, `leading` apart: the next run of
    /// the document's text.
    pub(super) fn paragraph(
        &mut self,
        inlines: &[Inline],
        base: TextStyle,
        frame: Frame,
        align: LineAlign,
        leading: f32,
    ) -> Vec<VBox> {
        let role = Role::Words(self.next_run);
        self.next_run += 1;
        let items = split_overlong(
            itemize(inlines, base, self.styles, self.numbers),
            frame.width,
        );
        set_paragraph(&items, frame.width, align)
            .into_iter()
            .map(|line| line_box(line, frame.left, leading, base.size, role))
            .collect()
    }

    /// Records an outline entry for the run about to be set from `inlines`.
    /// Confidential text never goes into a title, in either copy: it shows
    /// as the public copy's mark.
    fn bookmark(&mut self, level: u8, inlines: &[Inline]) {
        let mut text = String::new();
        for (i, inline) in inlines.iter().enumerate() {
            if !inline.style.confidential {
                text.push_str(inline.plain());
            } else if i == 0 || !inlines[i - 1].style.confidential {
                text.push_str(super::text::REDACTION_MARK);
            }
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        // A comment's opening words name it; the outline is not the letter.
        let keep = if level == COMMENT_LEVEL {
            12
        } else {
            usize::MAX
        };
        let mut title = words
            .iter()
            .take(keep)
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if words.len() > keep {
            title.push_str(" \u{2026}");
        }
        self.layout.outline.push(Bookmark {
            level,
            title,
            run: self.next_run,
        });
    }

    /// A "Re:" or "cc:" block as one run: the label at the frame's left edge
    /// and the lines hanging beside it, each starting at the same indent.
    fn labelled(&mut self, label: &[Inline], rest: &[Inline], frame: Frame) -> Vec<VBox> {
        let base = TextStyle::plain(self.styles.size);
        let leading = self.styles.leading;
        let role = Role::Words(self.next_run);
        self.next_run += 1;
        let label_items = itemize(label, base, self.styles, self.numbers);
        let label_width: f32 = label_items.iter().map(Item::width).sum();
        let space = self.styles.size / 2.0;
        let indent = (label_width + space)
            .max(self.styles.hanging_indent)
            .min(frame.width / 3.0);
        let hung = frame.indent(indent, 0.0);
        let items = split_overlong(itemize(rest, base, self.styles, self.numbers), hung.width);
        let mut lines: Vec<VBox> = set_paragraph(&items, hung.width, LineAlign::Left)
            .into_iter()
            .map(|line| line_box(line, hung.left, leading, base.size, role))
            .collect();
        let label_lines = set_paragraph(&label_items, indent, LineAlign::Left)
            .into_iter()
            .map(|line| line_box(line, frame.left, leading, base.size, role));
        let label_marks: Vec<Mark> = label_lines.flat_map(|b| b.marks).collect();
        match lines.first_mut() {
            Some(first) => {
                // The label's words come first in the run, as in the document.
                let mut marks = label_marks;
                marks.append(&mut first.marks);
                first.marks = marks;
            }
            None => lines.push(VBox {
                height: leading,
                marks: label_marks,
                ..VBox::default()
            }),
        }
        lines
    }

    fn footnote(&mut self, number: usize, blocks: &[Block], frame: Frame) -> Vec<VBox> {
        let fs = &self.styles.footnotes;
        let text_frame = frame.indent(fs.indent, 0.0);
        let base = TextStyle::plain(fs.size);
        let mut lines = Vec::new();
        for block in blocks {
            let inlines = block_inlines(block);
            lines.extend(self.paragraph(
                &inlines,
                base,
                text_frame,
                LineAlign::Justify,
                fs.leading,
            ));
        }
        if lines.is_empty() {
            lines.push(VBox {
                height: fs.leading,
                ..VBox::default()
            });
        }
        let size = fs.size * self.styles.superscript_scale;
        let text = number.to_string();
        let baseline = baseline_in(fs.leading, fs.size) - fs.size * self.styles.superscript_rise;
        // Space above each footnote, part of its first line so it travels with it.
        let between = fs.between;
        lines[0].marks = lines[0].marks.iter().map(|m| m.shifted(between)).collect();
        lines[0].height += between;
        lines[0].marks.extend(Mark::plain(
            frame.left,
            baseline + between,
            &text,
            size,
            Role::NoteNumber,
        ));
        lines
    }
}

/// A block of a footnote as one run of text (a footnote is set as plain
/// paragraphs): its pieces of text, and the lines of its code, one per line.
pub fn block_inlines(block: &Block) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut push = |inlines: &[Inline]| {
        if !out.is_empty() {
            out.push(Inline {
                content: InlineContent::HardBreak,
                style: Default::default(),
            });
        }
        out.extend(inlines.iter().cloned());
    };
    match block {
        Block::Code(code) => push(&code_inlines(code)),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| push(&block_inlines(b))),
        Block::Quote(blocks) | Block::KeepTogether(blocks) => {
            blocks.iter().for_each(|b| push(&block_inlines(b)))
        }
        other => other.visit_inlines(&mut push),
    }
    out
}

/// A code block's lines as text pieces with a hard break between lines;
/// spaces become no-break spaces so they are kept.
fn code_inlines(code: &str) -> Vec<Inline> {
    code.trim_end_matches('\n')
        .split('\n')
        .enumerate()
        .flat_map(|(i, line)| {
            let brk = (i > 0).then(|| Inline {
                content: InlineContent::HardBreak,
                style: Default::default(),
            });
            let text = line.replace(' ', "\u{a0}");
            brk.into_iter()
                .chain([Inline::text(text, Default::default())])
        })
        .collect()
}

/// Keeps `group` on one page: no break after any of its boxes but the last.
fn keep_together(group: &mut [Flow]) {
    let last_box = group.iter().rposition(|f| matches!(f, Flow::Box(_)));
    for (i, f) in group.iter_mut().enumerate() {
        if let Flow::Box(b) = f
            && Some(i) != last_box
        {
            b.keep_with_next = true;
        }
    }
}

/// Keeps a heading with what follows it: a heading, a caption under it (a
/// one-line paragraph) and a title standing alone (a one-line paragraph
/// without closing punctuation, such as a quoted passage's "Gross Profit")
/// join one group that may not end a page, and the first line after the
/// group keeps with the next, so a heading always travels with at least two
/// lines of what follows. `boxes` is what `block` was set as (`titles`: whether
/// a title may stand here, which it does not in a list); returns whether
/// the block belongs to a heading group.
fn keep_with_heading(block: &Block, after_heading: bool, titles: bool, boxes: &mut [Flow]) -> bool {
    let lines = boxes.iter().filter(|f| matches!(f, Flow::Box(_))).count();
    let grouped = match block {
        Block::Heading { .. } => true,
        Block::Paragraph(inlines) => lines == 1 && (after_heading || (titles && is_title(inlines))),
        _ => false,
    };
    if grouped {
        for f in boxes.iter_mut() {
            if let Flow::Box(b) = f {
                b.keep_with_next = true;
                b.heading = true;
            }
        }
    } else if after_heading
        && let Some(Flow::Box(b)) = boxes.iter_mut().find(|f| matches!(f, Flow::Box(_)))
    {
        b.keep_with_next = true;
    }
    grouped
}

/// A short line that names what follows rather than saying something: no
/// closing punctuation, at most eight words, not a separator.
fn is_title(inlines: &[Inline]) -> bool {
    let text: String = inlines.iter().map(Inline::plain).collect();
    let text = text.trim();
    let closing = [
        '.', ',', ';', ':', '?', '!', ')', ']', '\u{201d}', '"', '\u{2019}',
    ];
    !text.is_empty()
        && text.split_whitespace().count() <= 8
        && !text.ends_with(closing)
        && !text.starts_with("/s/")
        && !is_ornament(inlines)
        && text.chars().any(char::is_alphabetic)
}

/// A box `height` tall with a rule of `thickness` across `frame` at its foot
/// (the rule under a letterhead).
fn rule_under(frame: Frame, height: f32, thickness: f32) -> VBox {
    VBox {
        height,
        marks: vec![Mark::Rule {
            x0: frame.left,
            x1: frame.left + frame.width,
            y: height - thickness / 2.0,
            thickness,
        }],
        ..VBox::default()
    }
}

/// A separator line such as "* * * *", set centred (here and in the DOCX).
pub(crate) fn is_ornament(inlines: &[Inline]) -> bool {
    let text: String = inlines.iter().map(Inline::plain).collect();
    text.contains('*') && text.chars().all(|c| c == '*' || c.is_whitespace())
}

fn all_bold(inlines: &[Inline]) -> bool {
    inlines
        .iter()
        .filter(|i| !i.plain().trim().is_empty())
        .all(|i| i.style.bold)
        && inlines.iter().any(|i| !i.plain().trim().is_empty())
}

/// A paragraph that opens with its number, "12. …" (a staff comment).
fn is_numbered(inlines: &[Inline]) -> bool {
    let text: String = inlines.iter().map(Inline::plain).collect();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && text[digits..].starts_with(". ")
}

fn ends_with_colon(inlines: &[Inline]) -> bool {
    let text: String = inlines.iter().map(Inline::plain).collect();
    text.trim_end().ends_with(':')
}

fn has_hard_break(inlines: &[Inline]) -> bool {
    inlines
        .iter()
        .any(|i| matches!(i.content, InlineContent::HardBreak))
}

/// A set line of run `role` as a box whose marks start at `left`.
pub(super) fn line_box(line: SetLine, left: f32, leading: f32, base_size: f32, role: Role) -> VBox {
    let height = leading * (line.size / base_size).max(1.0);
    let baseline = baseline_in(height, line.size.max(base_size));
    let mut marks: Vec<Mark> = line
        .placed
        .into_iter()
        .map(|p| Mark::Text {
            x: left + p.x,
            baseline: baseline - p.fragment.rise,
            fragment: p.fragment,
            role,
        })
        .collect();
    marks.extend(line.rules.into_iter().map(|r| Mark::Rule {
        x0: left + r.x0,
        x1: left + r.x1,
        y: baseline - r.y,
        thickness: r.thickness,
    }));
    VBox {
        height,
        marks,
        notes: line.notes,
        ..VBox::default()
    }
}

/// Adds a paragraph's lines, forbidding a break after its first line (no orphan)
/// and before its last (no widow).
fn push_paragraph(mut lines: Vec<VBox>, out: &mut Vec<Flow>) {
    let n = lines.len();
    if n >= 2 {
        lines[0].keep_with_next = true;
        lines[n - 2].keep_with_next = true;
    }
    out.extend(lines.into_iter().map(Flow::Box));
}

/// The height of a flow element.
pub fn flow_height(f: &Flow) -> f32 {
    match f {
        Flow::Box(b) => b.height,
        Flow::Space(s) => *s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse_rendered;

    fn texts(md: &str) -> Vec<(String, f32)> {
        let (doc, _) = parse_rendered(md);
        let layout = build(&doc.blocks, &[], &NoteNumbers::new(), &Styles::default());
        layout
            .flow
            .iter()
            .filter_map(|f| match f {
                Flow::Box(b) => Some(b),
                Flow::Space(_) => None,
            })
            .flat_map(|b| b.marks.iter())
            .filter_map(|m| match m {
                Mark::Text { x, fragment, .. } => Some((fragment.text.clone(), *x)),
                Mark::Rule { .. } => None,
            })
            .collect()
    }

    #[test]
    fn lists_hang_their_markers_and_alternate_bullets_by_level() {
        let marks = texts("> - outer item\n>   - inner item\n");
        let x = |t: &str| marks.iter().find(|m| m.0 == t).map(|m| m.1).unwrap();
        let styles = Styles::default();
        let left = styles.page.margin_left + styles.quote_indent;
        assert_eq!(x("\u{2022}"), left);
        assert_eq!(x("outer"), left + styles.list_indent);
        assert_eq!(x("\u{2013}"), left + styles.list_indent);
        assert_eq!(x("inner"), left + 2.0 * styles.list_indent);
    }

    #[test]
    fn a_wrapped_item_hangs_under_its_text() {
        let item = "word ".repeat(120);
        let marks = texts(&format!("1. {item}\n"));
        let styles = Styles::default();
        let text_left = styles.page.margin_left + styles.list_indent;
        let starts: Vec<f32> = marks
            .iter()
            .filter(|m| m.0 == "word")
            .map(|m| m.1)
            .collect();
        assert!(starts.iter().all(|&x| x >= text_left - 0.01));
        assert!(
            starts
                .iter()
                .filter(|&&x| (x - text_left).abs() < 0.01)
                .count()
                >= 3
        );
        assert_eq!(
            marks.iter().find(|m| m.0 == "1.").unwrap().1,
            styles.page.margin_left
        );
    }
}
