//! Laid-out pages → printpdf drawing operations.
//!
//! Every fragment is placed at its own absolute position (that is how justified
//! spacing reaches the page: `Tw` has no effect on embedded CID fonts), kerning
//! pairs become `TJ` adjustments, and rules are stroked lines.

use printpdf::{
    Color, FontId, Line, LinePoint, Op, PdfFontHandle, Point, Pt, Rgb, TextItem, TextMatrix,
};

use super::flow::Mark;
use super::fonts::fonts;
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
    for mark in &page.marks {
        if let Mark::Text {
            x,
            baseline,
            fragment,
        } = mark
        {
            if fragment.text.is_empty() {
                continue;
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
            ops.push(Op::ShowText {
                items: kerned(fragment),
            });
        }
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

/// The fragment's text split at kerning pairs, with `TJ` adjustments between.
fn kerned(fragment: &Fragment) -> Vec<TextItem> {
    let face = fonts().face(fragment.face);
    let mut items = Vec::new();
    let mut run = String::new();
    let mut previous: Option<char> = None;
    for c in fragment.text.chars() {
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
