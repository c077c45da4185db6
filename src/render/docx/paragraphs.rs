//! Blocks → WordprocessingML paragraphs: body text, headings (Word's heading
//! styles, so the navigation pane lists them), the staff's comments (bold, and
//! listed in the navigation pane under their heading), quotations (revised
//! passages), lists, code, the closing's keep-together group, and the "Re:"
//! and "cc:" blocks with their lines aligned after the label.

use super::footnotes::Notes;
use super::numbering::{ListKind, Numbering};
use super::paragraph_props::ParagraphProps;
use super::revisions::{Revisions, whole_change};
use super::styles::{Measures, StyleId};
use crate::markdown::{Block, Inline, InlineContent, Style};
use crate::render::label::split_label;
use crate::render::letterhead::Letterhead;
use crate::render::pdf::flow::is_ornament;

/// Writes blocks as the XML of a story (the body, or one footnote).
pub struct Body<'a> {
    /// The XML written so far.
    pub out: String,
    /// Tracked change ids, author and date.
    pub revisions: &'a mut Revisions,
    /// Footnote numbers and which references have been placed.
    pub notes: &'a mut Notes,
    /// The lists written so far.
    pub numbering: &'a mut Numbering,
    /// Indents and spacing, from the house style.
    pub measures: &'a Measures,
}

/// Where a block sits: its indents, its list nesting, its base style.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Left indent, twips.
    pub left: i64,
    /// Right indent, twips.
    pub right: i64,
    /// How many lists enclose the block.
    pub list_depth: usize,
    /// The style of a plain paragraph here.
    pub style: StyleId,
    /// Inside a quotation.
    pub quote: bool,
    /// Keep with the next paragraph (a keep-together group).
    pub keep: bool,
    /// Inside a footnote: references to other notes print as numbers.
    pub in_note: bool,
}

impl Frame {
    /// The frame of the body's top level.
    pub fn body() -> Frame {
        Frame {
            left: 0,
            right: 0,
            list_depth: 0,
            style: StyleId::Normal,
            quote: false,
            keep: false,
            in_note: false,
        }
    }

    /// The frame of a footnote's text.
    pub fn note() -> Frame {
        Frame {
            style: StyleId::FootnoteText,
            in_note: true,
            ..Frame::body()
        }
    }
}

impl Body<'_> {
    /// Writes `blocks` in `frame`.
    pub fn blocks(&mut self, blocks: &[Block], frame: &Frame) {
        for (i, block) in blocks.iter().enumerate() {
            // Lines under a centred heading (a letterhead's address, a title
            // block) are centred too, as in the PDF.
            let under_title = i > 0
                && matches!(&blocks[i - 1], Block::Heading { level, .. }
                    if self.measures.styles.heading(*level).centered);
            match block {
                Block::Paragraph(inlines) if under_title => {
                    let props = ParagraphProps {
                        align: Some("center"),
                        ..self.framed(frame, inlines)
                    };
                    self.write_paragraph(&props, inlines, frame);
                }
                _ => self.block(block, frame),
            }
        }
    }

    /// The letterhead in its styles (see [`super::styles`]), with a rule under
    /// its last paragraph if the house style asks for one.
    pub fn letterhead(&mut self, lh: Letterhead, frame: &Frame) {
        let look = &self.measures.styles.letterhead;
        // Word measures a paragraph border in eighths of a point.
        let rule = look
            .rule
            .then(|| ((look.rule_thickness * 8.0).round() as i64).max(2));
        let last = lh.lines.len();
        let props = ParagraphProps {
            style: Some(StyleId::Letterhead),
            keep_next: true,
            rule_under: if last == 0 { rule } else { None },
            ..self.framed(frame, lh.name)
        };
        self.write_paragraph(&props, lh.name, frame);
        for (i, block) in lh.lines.iter().enumerate() {
            match block {
                Block::Paragraph(inlines) => {
                    let props = ParagraphProps {
                        style: Some(StyleId::LetterheadAddress),
                        keep_next: i + 1 < last,
                        rule_under: if i + 1 == last { rule } else { None },
                        ..self.framed(frame, inlines)
                    };
                    self.write_paragraph(&props, inlines, frame);
                }
                other => self.block(other, frame),
            }
        }
    }

    fn block(&mut self, block: &Block, frame: &Frame) {
        match block {
            Block::Paragraph(inlines) => self.paragraph(inlines, frame),
            Block::Heading { level, content } => {
                let props = ParagraphProps {
                    style: Some(StyleId::Heading(*level)),
                    ..self.framed(frame, content)
                };
                self.write_paragraph(&props, content, frame);
            }
            Block::List { start, items } => self.list(*start, items, frame),
            Block::Quote(blocks) => self.quote(blocks, frame),
            Block::Table(table) => self.table(table, frame),
            Block::Rule => {
                // A thematic break is the centred "* * * *" before a closing.
                let stars = [Inline::text("* * * *", Style::default())];
                let props = ParagraphProps {
                    align: Some("center"),
                    ..self.framed(frame, &stars)
                };
                self.write_paragraph(&props, &stars, frame);
            }
            Block::Code(code) => self.code(code, frame),
            Block::KeepTogether(blocks) => {
                let last = blocks.len().saturating_sub(1);
                for (i, block) in blocks.iter().enumerate() {
                    let inner = Frame {
                        keep: frame.keep || i < last,
                        ..*frame
                    };
                    self.block(block, &inner);
                }
            }
        }
    }

    /// A quotation (a revised passage): indented on both sides.
    fn quote(&mut self, blocks: &[Block], frame: &Frame) {
        let indent = self.measures.quote_indent;
        let inner = Frame {
            left: frame.left + indent,
            right: frame.right + indent,
            style: if frame.in_note {
                frame.style
            } else {
                StyleId::Quote
            },
            quote: true,
            ..*frame
        };
        self.blocks(blocks, &inner);
    }

    /// A code block: one paragraph of its lines, in the code style.
    fn code(&mut self, code: &str, frame: &Frame) {
        if let Block::Paragraph(inlines) = crate::markdown::code_paragraph(code, Style::default()) {
            let props = ParagraphProps {
                style: Some(StyleId::Code),
                ..self.framed(frame, &inlines)
            };
            self.write_paragraph(&props, &inlines, frame);
        }
    }

    /// The properties every paragraph in `frame` shares.
    pub fn framed(&self, frame: &Frame, inlines: &[Inline]) -> ParagraphProps {
        ParagraphProps {
            style: Some(frame.style),
            keep_next: frame.keep,
            keep_lines: frame.keep,
            indent: (frame.left != 0 || frame.right != 0).then_some((frame.left, frame.right, 0)),
            mark: whole_change(inlines),
            ..ParagraphProps::default()
        }
    }

    fn paragraph(&mut self, inlines: &[Inline], frame: &Frame) {
        let mut props = self.framed(frame, inlines);
        let has_breaks = inlines
            .iter()
            .any(|i| i.content == InlineContent::HardBreak);
        if frame.list_depth == 0 && !frame.quote && !frame.in_note && is_staff_comment(inlines) {
            props.style = Some(StyleId::StaffComment);
        }
        if let Some(labelled) = labelled_lines(inlines) {
            let hang = self.measures.quote_indent;
            props.indent = Some((frame.left + hang, frame.right, hang));
            props.align = Some("left");
            return self.write_paragraph(&props, &labelled, frame);
        }
        if has_breaks {
            // Lines of an address or a signature are set flush left, not justified.
            props.align = Some("left");
        }
        if is_ornament(inlines) {
            // A separator such as "* * * *" is centred, as in the PDF.
            props.align = Some("center");
        }
        self.write_paragraph(&props, inlines, frame);
    }

    /// Writes one `w:p`.
    pub fn write_paragraph(&mut self, props: &ParagraphProps, inlines: &[Inline], frame: &Frame) {
        self.out.push_str("<w:p>");
        let ppr = props.xml(self.revisions);
        self.out.push_str(&ppr);
        self.runs(inlines, frame);
        self.out.push_str("</w:p>");
    }

    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], frame: &Frame) {
        let kind = if start.is_some() {
            ListKind::Decimal
        } else {
            ListKind::Bullet
        };
        let level = frame.list_depth.min(8);
        let id = self.numbering.add(kind, start.unwrap_or(1), level);
        let indent = self.measures.list_indent;
        let inner = Frame {
            left: frame.left + indent,
            list_depth: frame.list_depth + 1,
            style: if frame.in_note {
                frame.style
            } else {
                StyleId::ListParagraph
            },
            ..*frame
        };
        for (i, item) in items.iter().enumerate() {
            let last_item = i + 1 == items.len();
            for (k, block) in item.iter().enumerate() {
                let Block::Paragraph(inlines) = block else {
                    self.block(block, &inner);
                    continue;
                };
                let mut props = self.framed(&inner, inlines);
                if k == 0 {
                    props.numbering = Some((id, level));
                    props.indent = Some((inner.left, frame.right, indent));
                }
                // The list ends with a paragraph's space; its items are closer.
                let closes = last_item && k + 1 == item.len() && frame.list_depth == 0;
                props.after = Some(if closes {
                    self.measures.paragraph_after
                } else {
                    self.measures.list_after
                });
                self.write_paragraph(&props, inlines, &inner);
            }
        }
    }
}

/// A staff comment as the letter prints it: a bold paragraph that starts with
/// its number ("**1. With a view towards…**").
fn is_staff_comment(inlines: &[Inline]) -> bool {
    let text: String = inlines.iter().map(Inline::plain).collect();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let numbered = digits > 0 && text[digits..].starts_with(". ");
    let all_bold = inlines
        .iter()
        .filter(|i| !i.plain().trim().is_empty())
        .all(|i| i.style.bold);
    numbered && all_bold
}

/// A "Re:" or "cc:" paragraph of several lines with a tab after its label, so
/// that the lines align at the hanging indent; `None` for any other paragraph.
fn labelled_lines(inlines: &[Inline]) -> Option<Vec<Inline>> {
    let (mut out, rest) = split_label(inlines)?;
    let style = out.first()?.style;
    out.push(Inline::text("\t", style));
    out.extend(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bold(text: &str) -> Inline {
        Inline::text(
            text,
            Style {
                bold: true,
                ..Style::default()
            },
        )
    }

    #[test]
    fn a_bold_numbered_paragraph_is_a_staff_comment() {
        assert!(is_staff_comment(&[bold("12. Please tell us more.")]));
        assert!(!is_staff_comment(&[bold("Please tell us more.")]));
        assert!(!is_staff_comment(&[
            bold("1. Tell us "),
            Inline::text("more.", Style::default())
        ]));
        assert!(!is_staff_comment(&[bold("2013 was a year.")]));
    }

    #[test]
    fn re_and_cc_blocks_get_a_tab_after_the_label() {
        let inlines = vec![
            bold("Re: Example Holdings, Inc."),
            Inline {
                content: InlineContent::HardBreak,
                style: Style::default(),
            },
            bold("Form 10-K"),
        ];
        let out = labelled_lines(&inlines).unwrap();
        let text: Vec<&str> = out.iter().map(Inline::plain).collect();
        assert_eq!(
            text,
            ["Re:", "\t", "Example Holdings, Inc.", " ", "Form 10-K"]
        );
        assert!(labelled_lines(&[bold("Re: one line only")]).is_none());
    }
}
