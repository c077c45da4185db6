//! Author Markdown → [`Doc`], with every construct EDGAR forbids reported.

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

use super::{Align, Block, Doc, Footnote, Inline, InlineContent, Style, Table};

/// The one set of Markdown options used everywhere: for author text and for the
/// rendered letter that the HTML and PDF writers read.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Something in author Markdown that cannot be rendered, at a byte offset of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownIssue {
    /// Byte offset in the Markdown text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Tables wider than this are refused (a filing's tables have a few columns).
pub const MAX_TABLE_COLUMNS: usize = 64;
/// Lists and quotes nested deeper than this are refused.
pub const MAX_NESTING: usize = 24;
/// How many levels of lists and quotes a template may add around author text
/// (a revised passage is quoted): the rendered letter may nest this much deeper.
pub const TEMPLATE_NESTING: usize = 4;
/// A run of text without a space longer than this is refused (a missing space or a pasted blob).
pub const MAX_WORD_CHARS: usize = 1000;

/// A container being built while walking the events.
enum Frame {
    /// A block container; `pending` holds the text of a tight list item not yet in a paragraph.
    Blocks {
        blocks: Vec<Block>,
        pending: Vec<Inline>,
    },
    Inlines(Vec<Inline>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Table {
        align: Vec<Align>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        row: Vec<Vec<Inline>>,
        in_head: bool,
    },
    Footnote(String),
    Group,
}

/// Which Markdown is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Text an author typed: only `<u>` and `<ct>` tags are allowed.
    Author,
    /// A rendered letter (template output): also `<ins>` and keep-together comments.
    Rendered,
}

/// Parses author Markdown into a [`Doc`], reporting raw HTML other than `<u>`
/// and `<ct>`, links, images and HTML blocks.
pub fn parse(text: &str) -> (Doc, Vec<MarkdownIssue>) {
    parse_mode(text, Mode::Author)
}

/// Parses a rendered letter (`letter.md`): `<ins>` marks insertions, `~~`
/// deletions (as the letter's Markdown writes them), and
/// `<!-- keep-together -->` … `<!-- /keep-together -->` groups blocks.
/// The HTML and PDF writers read the letter through this function.
pub fn parse_rendered(text: &str) -> (Doc, Vec<MarkdownIssue>) {
    parse_mode(text, Mode::Rendered)
}

/// The style `~~` sets: an author's strike-through, or in a rendered letter a
/// revision's deletion (which the writers show struck through and a DOCX
/// tracks as a deletion).
fn struck(style: &mut Style, mode: Mode) -> &mut bool {
    match mode {
        Mode::Author => &mut style.strike,
        Mode::Rendered => &mut style.deleted,
    }
}

fn parse_mode(text: &str, mode: Mode) -> (Doc, Vec<MarkdownIssue>) {
    let mut issues = Vec::new();
    let mut stack: Vec<Frame> = vec![blocks_frame()];
    let mut footnotes: Vec<Footnote> = Vec::new();
    let mut style = Style::default();
    let mut code_text = String::new();
    let mut in_code_block = false;
    let mut depth = 0usize;
    let max_depth = match mode {
        Mode::Author => MAX_NESTING,
        Mode::Rendered => MAX_NESTING + TEMPLATE_NESTING,
    };
    for (event, range) in Parser::new_ext(text, parser_options()).into_offset_iter() {
        let offset = range.start;
        match event {
            Event::Start(tag) => {
                if starts_block(&tag) {
                    flush_pending(&mut stack);
                }
                match tag {
                Tag::BlockQuote(_) | Tag::List(_) if depth >= max_depth => {
                    issues.push(MarkdownIssue {
                        offset,
                        message: format!("lists or quotes are nested more than {MAX_NESTING} levels deep"),
                        hint: "flatten the structure; check for stray `>` or list markers".into(),
                    });
                    return (Doc::default(), issues);
                }
                Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell => stack.push(Frame::Inlines(Vec::new())),
                Tag::BlockQuote(_) => {
                    depth += 1;
                    stack.push(blocks_frame());
                }
                Tag::List(start) => {
                    depth += 1;
                    stack.push(Frame::List { start, items: Vec::new() });
                }
                Tag::Item => stack.push(blocks_frame()),
                Tag::Table(aligns) if aligns.len() > MAX_TABLE_COLUMNS => {
                    issues.push(MarkdownIssue {
                        offset,
                        message: format!("this table has {} columns; the limit is {MAX_TABLE_COLUMNS}", aligns.len()),
                        hint: "split the table, or check for stray `|` characters".into(),
                    });
                    return (Doc::default(), issues);
                }
                Tag::Table(aligns) => stack.push(Frame::Table {
                    align: aligns.iter().map(|a| match a {
                        Alignment::None => Align::None,
                        Alignment::Left => Align::Left,
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                    }).collect(),
                    header: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                    in_head: false,
                }),
                Tag::TableHead => {
                    if let Some(Frame::Table { in_head, .. }) = stack.last_mut() {
                        *in_head = true;
                    }
                }
                Tag::TableRow => {}
                Tag::FootnoteDefinition(label) => {
                    stack.push(Frame::Footnote(label.to_string()));
                    stack.push(blocks_frame());
                }
                Tag::CodeBlock(_) => {
                    in_code_block = true;
                    code_text.clear();
                }
                Tag::Emphasis => style.italic = true,
                Tag::Strong => style.bold = true,
                Tag::Strikethrough => *struck(&mut style, mode) = true,
                Tag::Link { dest_url, .. } => issues.push(MarkdownIssue {
                    offset,
                    message: format!("links are not allowed in a letter filed on EDGAR (`{dest_url}`)"),
                    hint: "write the address as plain text, without [ ]( ) or < >".into(),
                }),
                Tag::Image { .. } => issues.push(MarkdownIssue {
                    offset,
                    message: "images are not allowed in a response letter".into(),
                    hint: "remove the image; describe it in words or attach it separately".into(),
                }),
                Tag::HtmlBlock if mode == Mode::Rendered => {}
                Tag::HtmlBlock => issues.push(MarkdownIssue {
                    offset,
                    message: "raw HTML is not allowed here".into(),
                    hint: "use Markdown; only <u>…</u> (underline) and <ct>…</ct> (confidential) may appear, inside a paragraph; keep internal remarks in `notes:`".into(),
                }),
                _ => {}
            }
            }
            Event::End(tag) => match tag {
                TagEnd::Paragraph => {
                    let inlines = pop_inlines(&mut stack);
                    push_block(&mut stack, Block::Paragraph(inlines));
                }
                TagEnd::Heading(level) => {
                    let content = pop_inlines(&mut stack);
                    push_block(&mut stack, Block::Heading { level: level as u8, content });
                }
                TagEnd::BlockQuote(_) => {
                    depth = depth.saturating_sub(1);
                    let blocks = pop_blocks(&mut stack);
                    push_block(&mut stack, Block::Quote(blocks));
                }
                TagEnd::Item => {
                    let blocks = pop_blocks(&mut stack);
                    if let Some(Frame::List { items, .. }) = stack.last_mut() {
                        items.push(blocks);
                    }
                }
                TagEnd::List(_) => {
                    depth = depth.saturating_sub(1);
                    if let Some(Frame::List { start, items }) = stack.pop() {
                        push_block(&mut stack, Block::List { start, items });
                    }
                }
                TagEnd::TableCell => {
                    let cell = pop_inlines(&mut stack);
                    if let Some(Frame::Table { row, .. }) = stack.last_mut() {
                        row.push(cell);
                    }
                }
                TagEnd::TableHead => {
                    if let Some(Frame::Table { header, row, in_head, .. }) = stack.last_mut() {
                        *header = std::mem::take(row);
                        *in_head = false;
                    }
                }
                TagEnd::TableRow => {
                    if let Some(Frame::Table { rows, row, .. }) = stack.last_mut() {
                        rows.push(std::mem::take(row));
                    }
                }
                TagEnd::Table => {
                    if let Some(Frame::Table { align, header, rows, .. }) = stack.pop() {
                        push_block(&mut stack, Block::Table(Table { align, header, rows }));
                    }
                }
                TagEnd::FootnoteDefinition => {
                    let blocks = pop_blocks(&mut stack);
                    match stack.pop() {
                        Some(Frame::Footnote(label)) if footnotes.iter().any(|n| n.label == label) => {
                            issues.push(MarkdownIssue {
                                offset,
                                message: format!("footnote `[^{label}]` is defined twice"),
                                hint: "give each footnote its own label, or delete the second definition".into(),
                            });
                        }
                        Some(Frame::Footnote(label)) => footnotes.push(Footnote { label, blocks }),
                        _ => {}
                    }
                }
                TagEnd::CodeBlock => {
                    in_code_block = false;
                    let code = std::mem::take(&mut code_text);
                    let block = if style.confidential {
                        super::code_paragraph(&code, style)
                    } else {
                        Block::Code(code)
                    };
                    push_block(&mut stack, block);
                }
                TagEnd::Emphasis => style.italic = false,
                TagEnd::Strong => style.bold = false,
                TagEnd::Strikethrough => *struck(&mut style, mode) = false,
                _ => {}
            },
            Event::Text(t) => {
                if let Some(len) = longest_word(&t).filter(|&n| n > MAX_WORD_CHARS) {
                    issues.push(MarkdownIssue {
                        offset,
                        message: format!("a single word of {len} characters; the limit is {MAX_WORD_CHARS}"),
                        hint: "a space or line break is probably missing, or binary data was pasted".into(),
                    });
                    return (Doc::default(), issues);
                }
                if in_code_block {
                    code_text.push_str(&t);
                } else {
                    push_text(&mut stack, &t, style);
                }
            }
            Event::Code(t) => {
                let mut s = style;
                s.code = true;
                push_text(&mut stack, &t, s);
            }
            Event::SoftBreak => push_inline(&mut stack, InlineContent::SoftBreak, style),
            Event::HardBreak => push_inline(&mut stack, InlineContent::HardBreak, style),
            Event::FootnoteReference(label) => push_inline(&mut stack, InlineContent::FootnoteRef(label.to_string()), style),
            Event::InlineHtml(html) => match inline_tag(&html) {
                Some(("u", open)) => style.underline = open,
                Some(("ct", open)) => style.confidential = open,
                Some(("ins", open)) if mode == Mode::Rendered => style.inserted = open,
                _ => issues.push(MarkdownIssue {
                    offset,
                    message: format!("raw HTML `{}` is not allowed", html.trim()),
                    hint: "EDGAR rejects active content: use Markdown (**bold**, *italic*), <u>…</u> to underline or <ct>…</ct> for confidential text; write a literal < as \\<".into(),
                }),
            },
            Event::Html(html) if mode == Mode::Rendered => match html.trim() {
                "<!-- keep-together -->" => {
                    flush_pending(&mut stack);
                    stack.push(Frame::Group);
                    stack.push(blocks_frame());
                }
                "<!-- /keep-together -->" => {
                    let blocks = pop_blocks(&mut stack);
                    if let Some(Frame::Group) = stack.last() {
                        stack.pop();
                        push_block(&mut stack, Block::KeepTogether(blocks));
                    } else {
                        // An unmatched close: keep the blocks where they are.
                        stack.push(blocks_frame());
                        for b in blocks {
                            push_block(&mut stack, b);
                        }
                    }
                }
                _ => {}
            },
            Event::Html(_) => {}
            Event::Rule => {
                flush_pending(&mut stack);
                push_block(&mut stack, Block::Rule)
            }
            Event::TaskListMarker(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }
    // Close groups a template left open.
    while stack.len() > 1 {
        let blocks = pop_blocks(&mut stack);
        if let Some(Frame::Group) = stack.last() {
            stack.pop();
        }
        for b in blocks {
            push_block(&mut stack, b);
        }
        if !matches!(stack.last(), Some(Frame::Blocks { .. })) {
            stack.pop();
        }
    }
    let blocks = match stack.into_iter().next() {
        Some(Frame::Blocks {
            mut blocks,
            pending,
        }) => {
            flush_into(&mut blocks, pending);
            blocks
        }
        _ => Vec::new(),
    };
    let mut doc = Doc { blocks, footnotes };
    doc.visit_inlines_mut(&mut |inlines| super::quotes::face_quotes(inlines));
    (doc, issues)
}

/// Recognises `<u>`, `</u>`, `<ct>`, `</ct>`, `<ins>`, `</ins>` (any case, optional
/// spaces); returns the tag and whether it opens.
pub fn inline_tag(html: &str) -> Option<(&'static str, bool)> {
    let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?.trim();
    let (name, open) = match inner.strip_prefix('/') {
        Some(rest) => (rest.trim(), false),
        None => (inner, true),
    };
    match name.to_ascii_lowercase().as_str() {
        "u" => Some(("u", open)),
        "ct" => Some(("ct", open)),
        "ins" => Some(("ins", open)),
        _ => None,
    }
}

/// The length in characters of the longest run without whitespace.
fn longest_word(text: &str) -> Option<usize> {
    text.split_whitespace().map(|w| w.chars().count()).max()
}

fn blocks_frame() -> Frame {
    Frame::Blocks {
        blocks: Vec::new(),
        pending: Vec::new(),
    }
}

/// True for tags that open a block (and so end a tight item's loose text).
fn starts_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
    )
}

fn flush_into(blocks: &mut Vec<Block>, pending: Vec<Inline>) {
    if !pending.is_empty() {
        blocks.push(Block::Paragraph(pending));
    }
}

fn flush_pending(stack: &mut [Frame]) {
    if let Some(Frame::Blocks { blocks, pending }) = stack.last_mut() {
        let pending = std::mem::take(pending);
        flush_into(blocks, pending);
    }
}

fn inline_target(stack: &mut [Frame]) -> Option<&mut Vec<Inline>> {
    match stack.last_mut() {
        Some(Frame::Inlines(inlines)) => Some(inlines),
        Some(Frame::Blocks { pending, .. }) => Some(pending),
        _ => None,
    }
}

fn push_text(stack: &mut [Frame], text: &str, style: Style) {
    if let Some(inlines) = inline_target(stack) {
        if let Some(Inline {
            content: InlineContent::Text(prev),
            style: s,
        }) = inlines.last_mut()
            && *s == style
        {
            prev.push_str(text);
            return;
        }
        inlines.push(Inline::text(text, style));
    }
}

fn push_inline(stack: &mut [Frame], content: InlineContent, style: Style) {
    if let Some(inlines) = inline_target(stack) {
        inlines.push(Inline { content, style });
    }
}

fn push_block(stack: &mut [Frame], block: Block) {
    flush_pending(stack);
    if let Some(Frame::Blocks { blocks, .. }) = stack.last_mut() {
        blocks.push(block);
    }
}

fn pop_inlines(stack: &mut Vec<Frame>) -> Vec<Inline> {
    match stack.pop() {
        Some(Frame::Inlines(inlines)) => inlines,
        Some(other) => {
            stack.push(other);
            Vec::new()
        }
        None => Vec::new(),
    }
}

fn pop_blocks(stack: &mut Vec<Frame>) -> Vec<Block> {
    match stack.pop() {
        Some(Frame::Blocks {
            mut blocks,
            pending,
        }) => {
            flush_into(&mut blocks, pending);
            blocks
        }
        Some(other) => {
            stack.push(other);
            Vec::new()
        }
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_styles_lists_tables_and_footnotes() {
        let (doc, issues) = parse(
            "Some **bold** and <u>under</u> text.[^1]\n\n- one\n- two\n\n| A | B |\n|---|--:|\n| x | 1,234 |\n\n[^1]: A note.\n",
        );
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(doc.blocks.len(), 3);
        let Block::Paragraph(p) = &doc.blocks[0] else {
            panic!()
        };
        assert!(p.iter().any(|i| i.style.bold && i.plain() == "bold"));
        assert!(p.iter().any(|i| i.style.underline && i.plain() == "under"));
        assert!(matches!(p.last().unwrap().content, InlineContent::FootnoteRef(ref l) if l == "1"));
        let Block::List { items, .. } = &doc.blocks[1] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        let Block::Table(t) = &doc.blocks[2] else {
            panic!()
        };
        assert_eq!(t.align, vec![Align::None, Align::Right]);
        assert_eq!(t.rows[0][1][0].plain(), "1,234");
        assert_eq!(doc.footnotes[0].label, "1");
    }

    #[test]
    fn reports_forbidden_html_links_and_images_with_offsets() {
        let text = "Hello <script>alert(1)</script> [x](http://e.com) ![i](a.png)";
        let (_, issues) = parse(text);
        assert_eq!(issues.len(), 4, "{issues:?}");
        assert_eq!(issues[0].offset, text.find("<script>").unwrap());
        assert!(issues[0].message.contains("<script>"));
        let (_, issues) = parse("<div>\nblock\n</div>\n");
        assert_eq!(issues.len(), 1);
    }

    #[test]
    fn rendered_letters_understand_insertions_and_groups() {
        let (doc, issues) = parse_rendered(
            "a <ins>new</ins> b\n\n<!-- keep-together -->\n\nVery truly yours,\n\n/s/ X\n\n<!-- /keep-together -->\n",
        );
        assert!(issues.is_empty(), "{issues:?}");
        let Block::Paragraph(p) = &doc.blocks[0] else {
            panic!()
        };
        assert!(p.iter().any(|i| i.style.inserted && i.plain() == "new"));
        let Block::KeepTogether(group) = &doc.blocks[1] else {
            panic!("{:?}", doc.blocks)
        };
        assert_eq!(group.len(), 2);
        let (_, issues) = parse("a <ins>new</ins> b");
        assert_eq!(issues.len(), 2);
    }

    #[test]
    fn struck_text_is_a_deletion_in_a_rendered_letter_and_a_strike_in_author_text() {
        let piece = |doc: &Doc| match &doc.blocks[0] {
            Block::Paragraph(p) => p.iter().find(|i| i.plain() == "old").cloned(),
            _ => None,
        };
        let (rendered, _) = parse_rendered("keep ~~old~~ text\n");
        let style = piece(&rendered).unwrap().style;
        assert!(style.deleted && !style.strike, "{style:?}");
        let (authored, _) = parse("keep ~~old~~ text\n");
        let style = piece(&authored).unwrap().style;
        assert!(style.strike && !style.deleted, "{style:?}");
    }

    #[test]
    fn refuses_oversized_structures_with_a_clear_issue() {
        let wide = format!("|{}\n|{}\n", " a |".repeat(10_000), "---|".repeat(10_000));
        let (doc, issues) = parse(&wide);
        assert!(doc.is_empty());
        assert!(issues[0].message.contains("10000 columns"), "{issues:?}");
        let deep = ">".repeat(100_000) + " x";
        let (_, issues) = parse(&deep);
        assert!(issues[0].message.contains("nested"), "{issues:?}");
        let word = "x".repeat(1 << 20);
        let (_, issues) = parse(&word);
        assert!(
            issues[0].message.contains("1048576 characters"),
            "{issues:?}"
        );
        let list = "- ".repeat(5_000) + "x";
        let (_, issues) = parse(&list);
        assert!(!issues.is_empty());
    }

    #[test]
    fn quotes_and_lists_nest_to_the_documented_depth_and_no_further() {
        for (depth, ok) in [(MAX_NESTING, true), (MAX_NESTING + 1, false), (48, false)] {
            let quotes = ">".repeat(depth) + " x\n";
            let (_, issues) = parse(&quotes);
            assert_eq!(issues.is_empty(), ok, "{depth} quotes: {issues:?}");
            let lists: String = (0..depth)
                .map(|i| format!("{}- x\n", "  ".repeat(i)))
                .collect();
            let (_, issues) = parse(&lists);
            assert_eq!(issues.is_empty(), ok, "{depth} lists: {issues:?}");
        }
        // The letter quotes a revised passage: its rendered form may nest deeper.
        let quoted = ">".repeat(MAX_NESTING + 1) + " x\n";
        assert!(parse_rendered(&quoted).1.is_empty());
    }

    #[test]
    fn a_footnote_defined_twice_is_reported_and_the_first_kept() {
        let (doc, issues) = parse("Text.[^a]\n\n[^a]: First.\n\n[^a]: Second.\n");
        assert_eq!(doc.footnotes.len(), 1);
        assert_eq!(doc.plain_text(), "Text.\n\nFirst.");
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(issues[0].message.contains("defined twice"));
        assert_eq!(issues[0].offset, "Text.[^a]\n\n[^a]: First.\n\n".len());
    }

    #[test]
    fn plain_text_includes_code_blocks() {
        let (doc, _) = parse("Before.\n\n    let x = 1;\n\n- item\n\n  ```\n  nested\n  ```\n");
        assert_eq!(doc.plain_text(), "Before.\n\nlet x = 1;\n\nitem\n\nnested");
    }

    #[test]
    fn smart_punctuation_curls_quotes() {
        let (doc, _) = parse("the \"Company\" and the Company's");
        assert_eq!(
            doc.plain_text(),
            "the \u{201c}Company\u{201d} and the Company\u{2019}s"
        );
    }
}
