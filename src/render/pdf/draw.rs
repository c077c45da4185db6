//! Laid-out pages → printpdf drawing operations.
//!
//! Every fragment is placed at its own absolute position (that is how justified
//! spacing reaches the page: `Tw` has no effect on embedded CID fonts), kerning
//! pairs become `TJ` adjustments, and rules are stroked lines.

use printpdf::{
    Color, FontId, Line, LinePoint, Op, PdfFontHandle, Point, Pt, Rgb, TextItem, TextMatrix,
};

use super::fonts::fonts;
use super::mark::Mark;
use super::pages::PageLayout;
use super::style::FaceId;
use super::text::Fragment;

/// The resource name of a face in every PDF (fixed, so output is reproducible).
pub fn font_id(face: FaceId) -> FontId {
    FontId(
        match face {
            FaceId::Regular => "F1",
            FaceId::Bold => "F2",
            FaceId::Italic => "F3",
            FaceId::BoldItalic => "F4",
            FaceId::Symbols => "F5",
        }
        .to_owned(),
    )
}

/// The operations that draw `page` on paper `height` points tall.
pub fn page_ops(page: &PageLayout, height: f32) -> Vec<Op> {
    let black = Color::Rgb(Rgb {
        r: 0.0,
        g: 0.0,
        b: 0.0,
        icc_profile: None,
    });
    let mut ops = vec![
        Op::SetFillColor { col: black.clone() },
        Op::SetOutlineColor { col: black },
        Op::StartTextSection,
    ];
    let mut current: Option<(FaceId, f32)> = None;
    let mut run: Option<Run> = None;
    for mark in &page.marks {
        let Mark::Text {
            x,
            baseline,
            fragment,
            ..
        } = mark
        else {
            continue;
        };
        if fragment.text.is_empty() {
            continue;
        }
        if let Some(r) = run.as_mut()
            && r.extend(*x, *baseline, fragment)
        {
            continue;
        }
        if let Some(r) = run.take() {
            ops.push(r.finish());
        }
        if current != Some((fragment.face, fragment.size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(fragment.face)),
                size: Pt(fragment.size),
            });
            current = Some((fragment.face, fragment.size));
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(*x), Pt(height - baseline)),
        });
        let mut r = Run {
            face: fragment.face,
            size: fragment.size,
            baseline: *baseline,
            end: *x,
            items: Vec::new(),
        };
        r.push_text(fragment);
        run = Some(r);
    }
    if let Some(r) = run.take() {
        ops.push(r.finish());
    }
    ops.push(Op::EndTextSection);
    let mut thickness = None;
    for mark in &page.marks {
        if let Mark::Rule {
            x0,
            x1,
            y,
            thickness: t,
        } = mark
        {
            if thickness != Some(*t) {
                ops.push(Op::SetOutlineThickness { pt: Pt(*t) });
                thickness = Some(*t);
            }
            let point = |x: f32| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(height - y),
                },
                bezier: false,
            };
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![point(*x0), point(*x1)],
                    is_closed: false,
                },
            });
        }
    }
    ops
}

/// Fragments of one face and size on one baseline, shown by a single `TJ`.
/// Real space characters separate the words (so copied text has its spaces),
/// each followed by the adjustment that gives the space its justified width.
struct Run {
    face: FaceId,
    size: f32,
    baseline: f32,
    /// Where the pen stands after the last fragment.
    end: f32,
    items: Vec<TextItem>,
}

impl Run {
    /// Adds `fragment` if it continues this run; false if it must start its own.
    fn extend(&mut self, x: f32, baseline: f32, fragment: &Fragment) -> bool {
        let gap = x - self.end;
        if fragment.face != self.face
            || fragment.size != self.size
            || (baseline - self.baseline).abs() > 0.001
            || !(-0.001..=2.0 * self.size).contains(&gap)
        {
            return false;
        }
        if gap > 0.001 {
            let space = fonts().face(self.face).advance(' ', self.size);
            self.items.push(TextItem::Text(" ".to_owned()));
            let adjust = -(gap - space) * 1000.0 / self.size;
            if adjust.abs() > 0.001 {
                self.items.push(TextItem::Offset(adjust));
            }
        }
        self.end = x;
        self.push_text(fragment);
        true
    }

    fn push_text(&mut self, fragment: &Fragment) {
        self.items.extend(kerned(fragment));
        self.end += fragment.width;
    }

    fn finish(self) -> Op {
        let mut items: Vec<TextItem> = Vec::with_capacity(self.items.len());
        for item in self.items {
            match (items.last_mut(), item) {
                (Some(TextItem::Text(prev)), TextItem::Text(next)) => prev.push_str(&next),
                (_, item) => items.push(item),
            }
        }
        Op::ShowText { items }
    }
}

/// The fragment's text split at kerning pairs, with `TJ` adjustments between.
fn kerned(fragment: &Fragment) -> Vec<TextItem> {
    let face = fonts().face(fragment.face);
    let mut items = Vec::new();
    let mut run = String::new();
    let mut previous: Option<char> = None;
    for c in fragment.drawn().chars() {
        if let Some(p) = previous {
            let kern = face.kern_units(p, c);
            if kern != 0 {
                items.push(TextItem::Text(std::mem::take(&mut run)));
                // TJ numbers are thousandths of an em; positive moves left.
                items.push(TextItem::Offset(
                    -f32::from(kern) * 1000.0 / face.units_per_em(),
                ));
            }
        }
        run.push(c);
        previous = Some(c);
    }
    items.push(TextItem::Text(run));
    items
}
