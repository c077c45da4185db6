//! The house style: every size, margin, spacing and face choice, in one place.
//!
//! [`Styles::default`] is the built-in house style: a firm that wants 11 pt
//! text, wider margins or bold italic headings changes it (or builds its own
//! [`Styles`]); the layout code only reads these values. All lengths are
//! PostScript points (1/72 inch).

/// One of the embedded faces: the four of Liberation Serif, and the symbol
/// face for characters they lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaceId {
    /// Liberation Serif Regular.
    Regular,
    /// Liberation Serif Bold.
    Bold,
    /// Liberation Serif Italic.
    Italic,
    /// Liberation Serif Bold Italic.
    BoldItalic,
    /// Symbols the serif lacks (a subset of DejaVu Sans), in any style.
    Symbols,
}

impl FaceId {
    /// The face for a combination of bold and italic.
    pub fn from_flags(bold: bool, italic: bool) -> FaceId {
        match (bold, italic) {
            (false, false) => FaceId::Regular,
            (true, false) => FaceId::Bold,
            (false, true) => FaceId::Italic,
            (true, true) => FaceId::BoldItalic,
        }
    }

    /// The face whose underline and strike-out metrics rules through this
    /// face's text follow, so a rule runs level through a symbol.
    pub fn rule_face(self) -> FaceId {
        match self {
            FaceId::Symbols => FaceId::Regular,
            other => other,
        }
    }

    /// Whether the face is bold.
    pub fn is_bold(self) -> bool {
        matches!(self, FaceId::Bold | FaceId::BoldItalic)
    }

    /// Whether the face is italic.
    pub fn is_italic(self) -> bool {
        matches!(self, FaceId::Italic | FaceId::BoldItalic)
    }
}

/// The page: paper size and margins.
#[derive(Debug, Clone, PartialEq)]
pub struct PageStyle {
    /// Paper width (US Letter: 8.5 in).
    pub width: f32,
    /// Paper height (US Letter: 11 in).
    pub height: f32,
    /// Top margin: distance from the paper's top edge to the top of the first line.
    pub margin_top: f32,
    /// Bottom margin: the lowest footnote or text line ends above it.
    pub margin_bottom: f32,
    /// Left margin.
    pub margin_left: f32,
    /// Right margin.
    pub margin_right: f32,
}

impl PageStyle {
    /// Width of the text block.
    pub fn measure(&self) -> f32 {
        (self.width - self.margin_left - self.margin_right).max(1.0)
    }

    /// Height of the text block.
    pub fn body_height(&self) -> f32 {
        (self.height - self.margin_top - self.margin_bottom).max(1.0)
    }
}

/// How a heading of one level is set.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingStyle {
    /// Type size.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Italic face.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
    /// Centred on the measure (otherwise flush left).
    pub centered: bool,
}

/// How a financial table is set.
#[derive(Debug, Clone, PartialEq)]
pub struct TableStyle {
    /// Type size of the cells.
    pub size: f32,
    /// Line height of the cells.
    pub leading: f32,
    /// Space left and right of each column's content.
    pub cell_padding: f32,
    /// Extra space above and below each row.
    pub row_padding: f32,
    /// Thickness of the rule under the header rows and above total rows.
    pub rule: f32,
    /// Narrowest a column may be squeezed to before its text is broken anywhere.
    pub min_column: f32,
    /// Space between the two rules of the double rule under a grand total.
    pub double_rule_gap: f32,
}

/// The running header on pages 2 and later, set in the top margin as a word
/// processor sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderStyle {
    /// Type size.
    pub size: f32,
    /// Line height.
    pub leading: f32,
    /// Least space between the header's last line and the first line of text:
    /// a header that reaches past the top margin pushes the text down.
    pub gap: f32,
    /// Distance from the paper's top edge to the top of the header's first
    /// line (Word's "header from top").
    pub top: f32,
}

/// How a quoted passage (a revised disclosure) is set apart from the letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteStyle {
    /// Opening and closing quotation marks around the passage, not indented.
    Marks,
    /// Indented on both sides, without added quotation marks.
    Indent,
    /// Quotation marks and indentation.
    Both,
}

impl QuoteStyle {
    /// Whether the passage is wrapped in quotation marks.
    pub fn marks(self) -> bool {
        matches!(self, QuoteStyle::Marks | QuoteStyle::Both)
    }

    /// Whether the passage is indented.
    pub fn indents(self) -> bool {
        matches!(self, QuoteStyle::Indent | QuoteStyle::Both)
    }
}

/// Where the lines of a letterhead stand on the measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterheadAlign {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// The letterhead at the top of page 1: the name (in the level-1 heading's
/// face) and the address lines under it.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterheadStyle {
    /// Type size of the name.
    pub size: f32,
    /// The name in small capitals (lowercase letters as capitals at
    /// [`SMALL_CAPS_SCALE`] of the size).
    pub small_caps: bool,
    /// A rule across the measure under the letterhead.
    pub rule: bool,
    /// Thickness of that rule.
    pub rule_thickness: f32,
    /// Where the name and the address lines stand.
    pub align: LetterheadAlign,
}

/// The size of a small capital relative to a capital.
pub const SMALL_CAPS_SCALE: f32 = 0.8;

/// Footnotes at the foot of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct FootnoteStyle {
    /// Type size.
    pub size: f32,
    /// Line height.
    pub leading: f32,
    /// Space between the last text line and the footnote rule.
    pub gap: f32,
    /// Length of the short rule above the footnotes.
    pub rule_length: f32,
    /// Thickness of that rule.
    pub rule: f32,
    /// Space above each footnote.
    pub between: f32,
    /// Indent of the footnote text after its number.
    pub indent: f32,
}

/// Every style of the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Styles {
    /// Paper and margins.
    pub page: PageStyle,
    /// Body type size.
    pub size: f32,
    /// Body line height (baseline to baseline).
    pub leading: f32,
    /// Space between paragraphs and other blocks.
    pub paragraph_spacing: f32,
    /// Headings by level, `#` first; deeper levels use the last entry.
    pub headings: Vec<HeadingStyle>,
    /// Left and right indent of a quotation (a revised passage), when
    /// `quote_style` indents.
    pub quote_indent: f32,
    /// How a revised passage is set apart: quotation marks, indentation or both.
    pub quote_style: QuoteStyle,
    /// Width of the label column of a "Re:" or "cc:" block; its lines hang
    /// beside the label.
    pub hanging_indent: f32,
    /// Indent of each list level; the marker hangs in it.
    pub list_indent: f32,
    /// Space between list items.
    pub list_item_spacing: f32,
    /// Size of a footnote reference relative to the text it follows.
    pub superscript_scale: f32,
    /// Rise of a footnote reference as a fraction of the text size.
    pub superscript_rise: f32,
    /// Interword space may stretch by this fraction of its natural width.
    pub space_stretch: f32,
    /// Interword space may shrink by this fraction of its natural width.
    pub space_shrink: f32,
    /// Tables.
    pub table: TableStyle,
    /// Footnotes.
    pub footnotes: FootnoteStyle,
    /// The running header.
    pub header: HeaderStyle,
    /// The letterhead.
    pub letterhead: LetterheadStyle,
}

impl Default for Styles {
    fn default() -> Self {
        let heading = |size, bold, italic, underline, centered| HeadingStyle {
            size,
            bold,
            italic,
            underline,
            centered,
        };
        Styles {
            page: PageStyle {
                width: 612.0,
                height: 792.0,
                margin_top: 72.0,
                margin_bottom: 72.0,
                margin_left: 72.0,
                margin_right: 72.0,
            },
            size: 12.0,
            leading: 14.0,
            paragraph_spacing: 12.0,
            headings: vec![
                heading(14.0, true, false, false, true),
                heading(12.0, true, false, false, false),
                heading(12.0, true, false, false, false),
                heading(12.0, true, false, true, false),
                heading(12.0, true, true, false, false),
                heading(12.0, false, true, false, false),
            ],
            quote_indent: 36.0,
            quote_style: QuoteStyle::Indent,
            hanging_indent: 36.0,
            list_indent: 36.0,
            list_item_spacing: 6.0,
            superscript_scale: 0.65,
            superscript_rise: 0.38,
            space_stretch: 0.6,
            space_shrink: 0.3,
            table: TableStyle {
                size: 10.0,
                leading: 12.0,
                cell_padding: 5.0,
                row_padding: 1.5,
                rule: 0.5,
                min_column: 12.0,
                double_rule_gap: 1.5,
            },
            footnotes: FootnoteStyle {
                size: 10.0,
                leading: 11.5,
                gap: 18.0,
                rule_length: 144.0,
                rule: 0.5,
                between: 2.0,
                indent: 14.0,
            },
            // Three lines from 30 pt down end 6 pt above the 1-inch margin:
            // the running header takes no room from the text.
            header: HeaderStyle {
                size: 10.0,
                leading: 12.0,
                gap: 6.0,
                top: 30.0,
            },
            letterhead: LetterheadStyle {
                size: 14.0,
                small_caps: false,
                rule: false,
                rule_thickness: 0.75,
                align: LetterheadAlign::Center,
            },
        }
    }
}

impl Styles {
    /// The style of a heading of `level` (1 for `#`).
    pub fn heading(&self, level: u8) -> HeadingStyle {
        let index = usize::from(level.max(1) - 1).min(self.headings.len().saturating_sub(1));
        self.headings.get(index).cloned().unwrap_or(HeadingStyle {
            size: self.size,
            bold: true,
            italic: false,
            underline: false,
            centered: false,
        })
    }
}
