//! The public copy of a confidential letter: the staff's copy's pages with
//! every confidential fragment redacted, so both copies paginate alike and a
//! page code names the same page in each (the redacted span keeps its place).

use super::mark::Mark;
use super::pages::PageLayout;
use super::text::REDACTION_MARK;

/// `pages` with each confidential run's first fragment printed as `[***]` and
/// the rest of the run left blank (its underline or strike-through stays, so
/// a redacted insertion or deletion still shows as one).
pub fn redact_pages(pages: &[PageLayout]) -> Vec<PageLayout> {
    pages
        .iter()
        .map(|page| PageLayout {
            number: page.number,
            marks: page.marks.iter().map(redact_mark).collect(),
            // Marks are redacted one for one, so each box keeps its range.
            boxes: page.boxes.clone(),
            notes: page.notes.clone(),
            text_block: page.text_block,
            // Bookmark titles never hold confidential text (see `flow`).
            outline: page.outline.clone(),
        })
        .collect()
}

fn redact_mark(mark: &Mark) -> Mark {
    match mark {
        Mark::Text {
            x,
            baseline,
            fragment,
            role,
        } if fragment.confidential => {
            let mut fragment = fragment.clone();
            fragment.text = if fragment.run_start {
                REDACTION_MARK.to_owned()
            } else {
                String::new()
            };
            fragment.confidential = false;
            Mark::Text {
                x: *x,
                baseline: *baseline,
                fragment,
                role: *role,
            }
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::confidential::{Version, apply};
    use crate::markdown::parse;
    use crate::render::pdf::{PdfMeta, Styles, layout};

    fn page_texts(pages: &[PageLayout]) -> Vec<String> {
        pages
            .iter()
            .map(|p| {
                p.marks
                    .iter()
                    .filter_map(Mark::fragment)
                    .map(|f| f.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn the_public_copy_is_the_staff_layout_with_each_run_redacted_once() {
        let long = "The Zenith programme runs for many years and covers a great deal of ground. "
            .repeat(60);
        let source = format!(
            "Revenue from <ct>Zenith Aerospace</ct> rose by <ct>7</ct> percent.\n\n<ct>{long}</ct>\n\nAfter the span.\n"
        );
        let (mut doc, _) = parse(&source);
        apply(&mut doc, Version::Staff);
        let styles = Styles::default();
        let staff = layout(&doc, &PdfMeta::default(), &styles);
        let public = redact_pages(&staff);
        assert!(staff.len() >= 2, "the span crosses a page break");
        assert_eq!(public.len(), staff.len());
        let texts = page_texts(&public).join("\n");
        assert!(
            !texts.contains("Zenith") && !texts.contains("programme"),
            "{texts}"
        );
        assert_eq!(texts.matches(REDACTION_MARK).count(), 3, "{texts}");
        assert!(texts.contains("After the span."));
        // Everything not confidential sits exactly where the staff's copy has it.
        for (s, p) in staff.iter().zip(&public) {
            for (a, b) in s.marks.iter().zip(&p.marks) {
                if let (
                    Mark::Text {
                        x: xa,
                        baseline: ya,
                        fragment: fa,
                        ..
                    },
                    Mark::Text {
                        x: xb,
                        baseline: yb,
                        ..
                    },
                ) = (a, b)
                {
                    assert_eq!((xa, ya), (xb, yb));
                    if !fa.confidential {
                        assert_eq!(a, b);
                    }
                }
            }
        }
    }

    #[test]
    fn a_short_span_leaves_room_for_the_mark() {
        let (mut doc, _) = parse("a <ct>7</ct> b\n");
        apply(&mut doc, Version::Staff);
        let pages = layout(&doc, &PdfMeta::default(), &Styles::default());
        let marks: Vec<(f32, f32, String)> = redact_pages(&pages)[0]
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { x, fragment, .. } => Some((*x, fragment.width, fragment.text.clone())),
                Mark::Rule { .. } => None,
            })
            .collect();
        let mark = marks
            .iter()
            .position(|(_, _, t)| t == REDACTION_MARK)
            .unwrap();
        let face =
            crate::render::pdf::fonts::fonts().face(crate::render::pdf::style::FaceId::Regular);
        let (x, _, _) = &marks[mark];
        let (next_x, _, next) = &marks[mark + 1];
        assert_eq!(next, "b");
        assert!(x + face.width(REDACTION_MARK, 12.0) <= *next_x, "{marks:?}");
    }
}
