//! What the layout draws on a page: text and rules, each piece of text saying
//! what it is, so the placement check can tell the document's words from the
//! numbers, bullets and page furniture the layout adds.

use super::fonts::fonts;
use super::style::FaceId;
use super::text::Fragment;

/// What a piece of text on the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The document's own words: part of run `n`, one paragraph, heading,
    /// table cell, code block or footnote block, numbered in document order
    /// (the body first, then the footnotes in the order they are numbered).
    /// A footnote reference belongs to the run it is printed in.
    Words(u32),
    /// A table's header row printed again at the top of a page: a copy of run `n`.
    Repeat(u32),
    /// A footnote's number in front of the footnote.
    NoteNumber,
    /// A list item's bullet or number.
    ListMarker,
    /// Page furniture: the running header with its page number, and the
    /// Rule 83 request line and page code.
    Furniture,
}

/// Something drawn, positioned from the page's left edge and the top of its
/// box (a line, a row) or, once placed, of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A fragment of text on a baseline.
    Text {
        /// Left end, from the page's left edge.
        x: f32,
        /// Baseline, down from the top (`rise` already applied).
        baseline: f32,
        /// The text and its look.
        fragment: Fragment,
        /// What the text is.
        role: Role,
    },
    /// A horizontal rule: a table rule, an underline or strike-out, the
    /// footnote separator or a thematic break.
    Rule {
        /// Left end.
        x0: f32,
        /// Right end.
        x1: f32,
        /// Centre of the rule, down from the top.
        y: f32,
        /// Thickness.
        thickness: f32,
    },
}

/// A rectangle on the page, in points from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Right edge.
    pub right: f32,
    /// Bottom edge.
    pub bottom: f32,
}

impl Rect {
    /// True when `other` lies inside this rectangle, give or take `slack` points.
    pub fn contains(&self, other: &Rect, slack: f32) -> bool {
        other.left >= self.left - slack
            && other.right <= self.right + slack
            && other.top >= self.top - slack
            && other.bottom <= self.bottom + slack
    }

    /// True when the two rectangles share more than a hairline.
    pub fn overlaps(&self, other: &Rect) -> bool {
        const HAIR: f32 = 0.01;
        self.left < other.right - HAIR
            && other.left < self.right - HAIR
            && self.top < other.bottom - HAIR
            && other.top < self.bottom - HAIR
    }
}

/// How far glyphs reach above and below the baseline, as a fraction of the size.
const ASCENT: f32 = 0.891;
const DESCENT: f32 = 0.216;

impl Mark {
    /// The text fragment, when the mark is text.
    pub fn fragment(&self) -> Option<&Fragment> {
        match self {
            Mark::Text { fragment, .. } => Some(fragment),
            Mark::Rule { .. } => None,
        }
    }

    /// What the text is, when the mark is text.
    pub fn role(&self) -> Option<Role> {
        match self {
            Mark::Text { role, .. } => Some(*role),
            Mark::Rule { .. } => None,
        }
    }

    /// True for page furniture (running header, page number, Rule 83 marks).
    pub fn is_furniture(&self) -> bool {
        self.role() == Some(Role::Furniture)
    }

    /// Plain text in the regular face from `x` on `baseline` (page furniture,
    /// footnote numbers), one mark per run of characters in one face: a
    /// character the regular face lacks is set in the symbol face.
    pub fn plain(x: f32, baseline: f32, text: &str, size: f32, role: Role) -> Vec<Mark> {
        let mut marks = Vec::new();
        let mut x = x;
        for fragment in fonts().fragments(FaceId::Regular, text, size) {
            let width = fragment.width;
            marks.push(Mark::Text {
                x,
                baseline,
                fragment,
                role,
            });
            x += width;
        }
        marks
    }

    /// Moves the mark `dy` points down.
    pub fn shifted(&self, dy: f32) -> Mark {
        self.moved(0.0, dy)
    }

    /// Moves the mark `dx` points right and `dy` points down.
    pub fn moved(&self, dx: f32, dy: f32) -> Mark {
        match self {
            Mark::Text {
                x,
                baseline,
                fragment,
                role,
            } => Mark::Text {
                x: x + dx,
                baseline: baseline + dy,
                fragment: fragment.clone(),
                role: *role,
            },
            Mark::Rule {
                x0,
                x1,
                y,
                thickness,
            } => Mark::Rule {
                x0: x0 + dx,
                x1: x1 + dx,
                y: y + dy,
                thickness: *thickness,
            },
        }
    }

    /// The same mark with another role (text only).
    pub fn with_role(&self, new: Role) -> Mark {
        match self {
            Mark::Text {
                x,
                baseline,
                fragment,
                ..
            } => Mark::Text {
                x: *x,
                baseline: *baseline,
                fragment: fragment.clone(),
                role: new,
            },
            Mark::Rule { .. } => self.clone(),
        }
    }

    /// The area the mark covers: a text's advance from ascender to descender,
    /// a rule's length and thickness.
    pub fn bounds(&self) -> Rect {
        match self {
            Mark::Text {
                x,
                baseline,
                fragment,
                ..
            } => Rect {
                left: *x,
                right: x + fragment.width,
                top: baseline - ASCENT * fragment.size,
                bottom: baseline + DESCENT * fragment.size,
            },
            Mark::Rule {
                x0,
                x1,
                y,
                thickness,
            } => Rect {
                left: *x0,
                right: *x1,
                top: y - thickness / 2.0,
                bottom: y + thickness / 2.0,
            },
        }
    }
}

/// Where the baseline sits in a line box of height `leading` for text of `size`.
pub fn baseline_in(leading: f32, size: f32) -> f32 {
    let ascent = size * ASCENT;
    let descent = size * DESCENT;
    ascent + ((leading - ascent - descent) / 2.0).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_switches_to_the_symbol_face_for_what_the_serif_lacks() {
        let marks = Mark::plain(72.0, 100.0, "Done ✓ today", 12.0, Role::Furniture);
        let faces: Vec<(&str, FaceId)> = marks
            .iter()
            .filter_map(Mark::fragment)
            .map(|f| (f.text.as_str(), f.face))
            .collect();
        assert_eq!(
            faces,
            [
                ("Done ", FaceId::Regular),
                ("✓", FaceId::Symbols),
                (" today", FaceId::Regular)
            ]
        );
        // The pieces follow each other without a gap.
        let b: Vec<Rect> = marks.iter().map(Mark::bounds).collect();
        assert!((b[0].right - b[1].left).abs() < 0.001 && (b[1].right - b[2].left).abs() < 0.001);
        assert!(b.iter().all(|r| r.top < 100.0 && r.bottom > 100.0));
    }

    #[test]
    fn rectangles_overlap_only_when_they_share_area() {
        let a = Rect {
            left: 0.0,
            top: 0.0,
            right: 10.0,
            bottom: 10.0,
        };
        let touching = Rect {
            left: 10.0,
            top: 0.0,
            right: 20.0,
            bottom: 10.0,
        };
        let inside = Rect {
            left: 2.0,
            top: 2.0,
            right: 5.0,
            bottom: 5.0,
        };
        assert!(!a.overlaps(&touching) && a.overlaps(&inside) && inside.overlaps(&a));
        assert!(a.contains(&inside, 0.0) && !inside.contains(&a, 0.0));
    }
}
