//! Rule 83 page furniture: "Confidential Treatment Requested by …" at the top of
//! every page (the first line of the top margin's furniture, above the
//! running header) and the page code (`ABC-001`, `ABC-002`, …) at its foot.
//! Both sit in the margins; the page breaker leaves room for the request line
//! (see [`super::pages::TopMargin`]).

use super::fonts::fonts;
use super::mark::{Mark, Role, baseline_in};
use super::pages::PageLayout;
use super::style::{FaceId, Styles};

/// The confidential treatment marks of every page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfidentialMarks {
    /// Who requests confidential treatment.
    pub requested_by: String,
    /// The page code prefix; pages are numbered `{page_code}-001`, ….
    pub page_code: String,
}

/// The page code of page `number`: `EXH-001`.
pub fn page_code(prefix: &str, number: usize) -> String {
    format!("{prefix}-{number:03}")
}

/// Adds the request line and the page code to every page.
pub fn mark_pages(pages: &mut [PageLayout], marks: &ConfidentialMarks, styles: &Styles) {
    let size = styles.header.size;
    let leading = styles.header.leading;
    let request = format!("Confidential Treatment Requested by {}", marks.requested_by);
    for page in pages.iter_mut() {
        // Where the header starts, flush right; the running header follows under it.
        let top = styles.header.top;
        push_text(page, &request, Align::Right, top, size, leading, styles);
        // Half-way into the bottom margin, centred.
        let foot = styles.page.height - (styles.page.margin_bottom + leading) / 2.0;
        let code = page_code(&marks.page_code, page.number);
        push_text(page, &code, Align::Center, foot, size, leading, styles);
    }
}

enum Align {
    Right,
    Center,
}

fn push_text(
    page: &mut PageLayout,
    text: &str,
    align: Align,
    top: f32,
    size: f32,
    leading: f32,
    styles: &Styles,
) {
    let size = fitted_size(text, size, styles.page.measure());
    let width = fonts().width(FaceId::Regular, text, size);
    let x = match align {
        Align::Right => styles.page.width - styles.page.margin_right - width,
        Align::Center => (styles.page.width - width) / 2.0,
    };
    let baseline = top + baseline_in(leading, size);
    page.marks
        .extend(Mark::plain(x, baseline, text, size, Role::Furniture));
}

/// The size at which `text`, meant for `size`, fits in `width` (a long
/// company name in the request line is set smaller rather than run off the
/// paper).
pub fn fitted_size(text: &str, size: f32, width: f32) -> f32 {
    let natural = fonts().width(FaceId::Regular, text, size);
    if natural <= width {
        size
    } else {
        // Widths scale with the size, less the PDF's rounding of each advance.
        size * width / natural * 0.99
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_gets_the_request_and_its_code() {
        let styles = Styles::default();
        let mut pages: Vec<PageLayout> = (1..=3)
            .map(|number| PageLayout {
                number,
                ..PageLayout::default()
            })
            .collect();
        let marks = ConfidentialMarks {
            requested_by: "Example Holdings, Inc.".into(),
            page_code: "EXH".into(),
        };
        mark_pages(&mut pages, &marks, &styles);
        for page in &pages {
            let texts: Vec<&str> = page
                .marks
                .iter()
                .filter_map(Mark::fragment)
                .map(|f| f.text.as_str())
                .collect();
            assert!(texts.contains(&"Confidential Treatment Requested by Example Holdings, Inc."));
            assert!(
                texts.contains(&page_code("EXH", page.number).as_str()),
                "{texts:?}"
            );
            for m in &page.marks {
                assert!(m.is_furniture());
                if let Mark::Text { baseline, .. } = m {
                    let in_top = *baseline < styles.page.margin_top;
                    let in_bottom = *baseline > styles.page.height - styles.page.margin_bottom;
                    assert!(in_top || in_bottom, "furniture stays in the margins");
                }
            }
        }
        assert_eq!(page_code("EXH", 12), "EXH-012");
    }

    #[test]
    fn a_request_line_too_long_for_the_page_is_set_smaller() {
        let styles = Styles::default();
        let mut pages = vec![PageLayout {
            number: 1,
            ..PageLayout::default()
        }];
        let marks = ConfidentialMarks {
            requested_by: "Example Holdings International Limited, a company incorporated in \
                           the Cayman Islands, on behalf of itself and its subsidiaries"
                .into(),
            page_code: "EXH".into(),
        };
        mark_pages(&mut pages, &marks, &styles);
        let left = pages[0]
            .marks
            .iter()
            .map(|m| m.bounds().left)
            .fold(f32::MAX, f32::min);
        let right = pages[0]
            .marks
            .iter()
            .map(|m| m.bounds().right)
            .fold(0.0, f32::max);
        assert!(left >= styles.page.margin_left - 0.01, "{left}");
        assert!(
            right <= styles.page.width - styles.page.margin_right + 0.01,
            "{right}"
        );
        assert!(pages[0].marks[0].fragment().unwrap().size < styles.header.size);
    }
}
