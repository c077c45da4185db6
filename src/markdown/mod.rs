//! The Markdown document model shared by every stage.
//!
//! Author Markdown (comments, responses, revised passages) is parsed once into a
//! [`Doc`]; the redline engine compares two `Doc`s and marks inserted and deleted
//! text in the styles of a third; the Markdown writer turns a `Doc` back into
//! text for the letter templates. Inline content is a flat list of styled
//! pieces, so a redline marker can never cut through a bold span or a table cell.

mod notes;
mod parse;
mod quotes;
mod write;

pub use notes::{footnote_order, printed_numbers};

pub use parse::{
    MAX_NESTING, MAX_WORD_CHARS, MarkdownIssue, inline_tag, parse, parse_rendered, parser_options,
};
pub use write::{escape_text, to_markdown};

/// A parsed Markdown text: its blocks and its footnote definitions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    /// The blocks in order.
    pub blocks: Vec<Block>,
    /// Footnote definitions, in the order they were written.
    pub footnotes: Vec<Footnote>,
}

/// A footnote definition: `[^label]: text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    /// The label as written (without `^`).
    pub label: String,
    /// The footnote's content.
    pub blocks: Vec<Block>,
}

/// A block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A heading of level 1–6.
    Heading {
        /// 1 for `#`, 2 for `##`, ….
        level: u8,
        /// The heading text.
        content: Vec<Inline>,
    },
    /// A bulleted (`start` is `None`) or numbered list.
    List {
        /// The number of the first item of a numbered list.
        start: Option<u64>,
        /// Each item's blocks.
        items: Vec<Vec<Block>>,
    },
    /// An indented quotation.
    Quote(Vec<Block>),
    /// A GFM table.
    Table(Table),
    /// A thematic break.
    Rule,
    /// A code block, verbatim.
    Code(String),
    /// Blocks a page break must not separate (from `<!-- keep-together -->` …
    /// `<!-- /keep-together -->` in a template; never in author text).
    KeepTogether(Vec<Block>),
}

/// A GFM table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Alignment of each column as written in the delimiter row.
    pub align: Vec<Align>,
    /// The header row's cells.
    pub header: Vec<Vec<Inline>>,
    /// The body rows' cells.
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// Column alignment of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Not specified.
    None,
    /// `:---`
    Left,
    /// `:---:`
    Center,
    /// `---:`
    Right,
}

/// A piece of inline content with its style.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Inline {
    /// What the piece is.
    pub content: InlineContent,
    /// How it is styled.
    pub style: Style,
}

/// The kinds of inline content.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InlineContent {
    /// Text.
    Text(String),
    /// A line break inside a paragraph that renders as a space.
    SoftBreak,
    /// A forced line break.
    HardBreak,
    /// A reference to a footnote, by label.
    FootnoteRef(String),
}

/// The styles an inline piece can carry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Style {
    /// `**bold**`
    pub bold: bool,
    /// `*italic*`
    pub italic: bool,
    /// `<u>underlined</u>`
    pub underline: bool,
    /// `~~struck through~~` as written by the author.
    pub strike: bool,
    /// `` `code` ``
    pub code: bool,
    /// `<ct>confidential</ct>` (Rule 83).
    pub confidential: bool,
    /// Inserted by a revision (redline).
    pub inserted: bool,
    /// Deleted by a revision (redline).
    pub deleted: bool,
}

impl Inline {
    /// A text piece with `style`.
    pub fn text(text: impl Into<String>, style: Style) -> Inline {
        Inline {
            content: InlineContent::Text(text.into()),
            style,
        }
    }

    /// The piece's text as plain text (a break is a space, a footnote reference is empty).
    pub fn plain(&self) -> &str {
        match &self.content {
            InlineContent::Text(t) => t,
            InlineContent::SoftBreak | InlineContent::HardBreak => " ",
            InlineContent::FootnoteRef(_) => "",
        }
    }
}

impl Block {
    /// Calls `f` on every inline list of this block and the blocks inside it.
    pub fn visit_inlines_mut(&mut self, f: &mut dyn FnMut(&mut Vec<Inline>)) {
        match self {
            Block::Paragraph(content) | Block::Heading { content, .. } => f(content),
            Block::List { items, .. } => items
                .iter_mut()
                .flatten()
                .for_each(|b| b.visit_inlines_mut(f)),
            Block::Quote(blocks) | Block::KeepTogether(blocks) => {
                blocks.iter_mut().for_each(|b| b.visit_inlines_mut(f))
            }
            Block::Table(table) => {
                table.header.iter_mut().for_each(&mut *f);
                table.rows.iter_mut().flatten().for_each(&mut *f);
            }
            Block::Rule | Block::Code(_) => {}
        }
    }

    /// Calls `f` on every inline list of this block and the blocks inside it.
    pub fn visit_inlines(&self, f: &mut dyn FnMut(&[Inline])) {
        match self {
            Block::Paragraph(content) | Block::Heading { content, .. } => f(content),
            Block::List { items, .. } => items.iter().flatten().for_each(|b| b.visit_inlines(f)),
            Block::Quote(blocks) | Block::KeepTogether(blocks) => {
                blocks.iter().for_each(|b| b.visit_inlines(f))
            }
            Block::Table(table) => {
                table.header.iter().for_each(|c| f(c));
                table.rows.iter().flatten().for_each(|c| f(c));
            }
            Block::Rule | Block::Code(_) => {}
        }
    }

    /// Appends the text of every inline list and code block, in order.
    fn collect_text(&self, parts: &mut Vec<String>) {
        match self {
            Block::Code(code) => parts.push(code.trim_end_matches('\n').to_owned()),
            Block::List { items, .. } => items.iter().flatten().for_each(|b| b.collect_text(parts)),
            Block::Quote(blocks) | Block::KeepTogether(blocks) => {
                blocks.iter().for_each(|b| b.collect_text(parts))
            }
            _ => self.visit_inlines(&mut |inlines| {
                parts.push(inlines.iter().map(Inline::plain).collect::<String>())
            }),
        }
    }
}

impl Doc {
    /// True when the document has no blocks.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// Calls `f` on every inline list, footnotes included.
    pub fn visit_inlines_mut(&mut self, f: &mut dyn FnMut(&mut Vec<Inline>)) {
        for block in &mut self.blocks {
            block.visit_inlines_mut(f);
        }
        for note in &mut self.footnotes {
            for block in &mut note.blocks {
                block.visit_inlines_mut(f);
            }
        }
    }

    /// Calls `f` on every inline list, footnotes included.
    pub fn visit_inlines(&self, f: &mut dyn FnMut(&[Inline])) {
        for block in &self.blocks {
            block.visit_inlines(f);
        }
        for note in &self.footnotes {
            for block in &note.blocks {
                block.visit_inlines(f);
            }
        }
    }

    /// Adds `style` to every inline piece (e.g. bold for a staff comment).
    pub fn add_style(&mut self, add: impl Fn(&mut Style)) {
        self.visit_inlines_mut(&mut |inlines| inlines.iter_mut().for_each(|i| add(&mut i.style)));
    }

    /// Renames every footnote label, in references and definitions.
    pub fn rename_footnotes(&mut self, rename: impl Fn(&str) -> String) {
        for note in &mut self.footnotes {
            note.label = rename(&note.label);
        }
        self.visit_inlines_mut(&mut |inlines| {
            for inline in inlines.iter_mut() {
                if let InlineContent::FootnoteRef(label) = &mut inline.content {
                    *label = rename(label);
                }
            }
        });
    }

    /// The document's text without markup, code blocks included: blocks
    /// separated by blank lines.
    pub fn plain_text(&self) -> String {
        let mut parts = Vec::new();
        let notes = self.footnotes.iter().flat_map(|n| &n.blocks);
        for block in self.blocks.iter().chain(notes) {
            block.collect_text(&mut parts);
        }
        parts.join("\n\n")
    }

    /// True when any piece carries a style for which `test` holds.
    pub fn any_style(&self, test: impl Fn(&Style) -> bool) -> bool {
        let mut found = false;
        self.visit_inlines(&mut |inlines| found |= inlines.iter().any(|i| test(&i.style)));
        found
    }

    /// True when the text refers to a footnote.
    pub fn any_footnote_ref(&self) -> bool {
        let mut found = false;
        self.visit_inlines(&mut |inlines| {
            found |= inlines
                .iter()
                .any(|i| matches!(i.content, InlineContent::FootnoteRef(_)))
        });
        found
    }

    /// Removes every piece for which `drop` holds, and blocks left empty by it.
    pub fn remove_inlines(&mut self, drop: impl Fn(&Inline) -> bool) {
        self.visit_inlines_mut(&mut |inlines| inlines.retain(|i| !drop(i)));
        prune(&mut self.blocks);
    }
}

/// A code block as a paragraph of code lines in `style` (plus the code style),
/// so a style such as confidential or deleted reaches every line.
pub fn code_paragraph(code: &str, style: Style) -> Block {
    let style = Style {
        code: true,
        ..style
    };
    let mut pieces = Vec::new();
    for (k, line) in code.trim_end_matches('\n').split('\n').enumerate() {
        if k > 0 {
            pieces.push(Inline {
                content: InlineContent::HardBreak,
                style,
            });
        }
        if !line.is_empty() {
            pieces.push(Inline::text(line, style));
        }
    }
    Block::Paragraph(pieces)
}

/// Marks every piece of `blocks` confidential; code blocks become paragraphs
/// of code text so the mark reaches them.
pub fn make_confidential(blocks: &mut [Block]) {
    for block in blocks.iter_mut() {
        match block {
            Block::Code(code) => {
                let style = Style {
                    confidential: true,
                    ..Style::default()
                };
                *block = code_paragraph(code, style);
            }
            Block::List { items, .. } => items.iter_mut().for_each(|i| make_confidential(i)),
            Block::Quote(inner) | Block::KeepTogether(inner) => make_confidential(inner),
            _ => block.visit_inlines_mut(&mut |inlines| {
                inlines.iter_mut().for_each(|i| i.style.confidential = true)
            }),
        }
    }
}

/// Drops paragraphs, headings, items and quotes that have become empty.
fn prune(blocks: &mut Vec<Block>) {
    for block in blocks.iter_mut() {
        match block {
            Block::List { items, .. } => {
                items.iter_mut().for_each(prune);
                items.retain(|item| !item.is_empty());
            }
            Block::Quote(inner) | Block::KeepTogether(inner) => prune(inner),
            _ => {}
        }
    }
    blocks.retain(|block| match block {
        Block::Paragraph(c) | Block::Heading { content: c, .. } => c.iter().any(|i| {
            !i.plain().trim().is_empty() || matches!(i.content, InlineContent::FootnoteRef(_))
        }),
        Block::List { items, .. } => !items.is_empty(),
        Block::Quote(inner) | Block::KeepTogether(inner) => !inner.is_empty(),
        _ => true,
    });
}
