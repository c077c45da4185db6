//! Page headers: the first page has its own (empty, or the Rule 83 request
//! line), and from page 2 the running header prints its lines and "Page N",
//! N a `PAGE` field that Word and LibreOffice fill in, as the PDF does.

use super::styles::StyleId;
use super::xml::{DECLARATION, escape, namespaces, twips};
use crate::render::pdf::{ConfidentialMarks, Styles};

/// The first page's header and the running header of the later pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headers {
    /// `word/header1.xml`: page 1.
    pub first: String,
    /// `word/header2.xml`: pages 2 and later.
    pub running: String,
}

/// How far below the paper's top edge a header starts: half the top margin,
/// which leaves the Rule 83 request above the margin, where the PDF prints it.
pub fn header_distance(styles: &Styles) -> f32 {
    styles.page.margin_top / 2.0
}

/// The headers of a document whose running header shows `lines` then "Page N".
/// As in the PDF, the running header's lines start at the top margin and the
/// text below them after the header's gap; the request line, if any, stands
/// above the margin.
pub fn headers(
    lines: &[String],
    confidential: Option<&ConfidentialMarks>,
    styles: &Styles,
) -> Headers {
    let drop = styles.page.margin_top - header_distance(styles);
    let request = confidential.map(|ct| {
        line(
            &format!("Confidential Treatment Requested by {}", ct.requested_by),
            "right",
            Space {
                before: 0,
                after: twips(drop - styles.header.leading).max(0),
            },
        )
    });
    // Below the request, or an empty line, page 1 is the letter's own.
    let first = request
        .clone()
        .unwrap_or_else(|| line("", "left", Space::default()));
    // The first line of the running header moves down to the top margin.
    let mut before = if request.is_some() { 0 } else { twips(drop) };
    let mut running = request.unwrap_or_default();
    for text in lines {
        let space = Space {
            before: std::mem::take(&mut before),
            after: 0,
        };
        running.push_str(&line(text, "left", space));
    }
    running.push_str(&page_number(Space {
        before,
        after: twips(styles.header.gap),
    }));
    Headers {
        first: part(&first),
        running: part(&running),
    }
}

/// The running header's last line, "Page N", N a `PAGE` field.
fn page_number(space: Space) -> String {
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{}</w:pPr><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
        StyleId::Header.id(),
        space.xml()
    )
}

/// Space before and after a header paragraph, twips.
#[derive(Debug, Clone, Copy, Default)]
struct Space {
    before: i64,
    after: i64,
}

impl Space {
    /// The `w:spacing` element, or nothing when there is no space to set.
    fn xml(self) -> String {
        match (self.before, self.after) {
            (0, 0) => String::new(),
            (0, after) => format!("<w:spacing w:after=\"{after}\"/>"),
            (before, 0) => format!("<w:spacing w:before=\"{before}\"/>"),
            (before, after) => format!("<w:spacing w:before=\"{before}\" w:after=\"{after}\"/>"),
        }
    }
}

/// One header paragraph with `space` around it.
fn line(text: &str, align: &str, space: Space) -> String {
    let spacing = space.xml();
    let run = if text.is_empty() {
        String::new()
    } else {
        format!(
            "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(text)
        )
    };
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{spacing}<w:jc w:val=\"{align}\"/></w:pPr>{run}</w:p>",
        StyleId::Header.id()
    )
}

fn part(paragraphs: &str) -> String {
    format!("{DECLARATION}<w:hdr {}>{paragraphs}</w:hdr>", namespaces())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines() -> Vec<String> {
        vec![
            "Securities and Exchange Commission".into(),
            "December 9, 2014".into(),
        ]
    }

    #[test]
    fn the_running_header_has_its_lines_and_a_page_field_and_page_one_has_neither() {
        let h = headers(&lines(), None, &Styles::default());
        assert!(h.running.contains(">Securities and Exchange Commission<"));
        assert!(h.running.contains(">December 9, 2014<"));
        assert!(
            h.running
                .contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>")
        );
        assert!(!h.first.contains("Securities"));
        // The first line comes down from the header's edge to the top margin.
        assert!(
            h.running
                .contains("<w:spacing w:before=\"720\"/><w:jc w:val=\"left\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Securities"),
            "{}",
            h.running
        );
        assert!(!h.first.contains("PAGE"));
    }

    #[test]
    fn a_confidential_letter_heads_every_page_with_the_request() {
        let marks = ConfidentialMarks {
            requested_by: "Example Holdings, Inc.".into(),
            page_code: "EXH".into(),
        };
        let h = headers(&lines(), Some(&marks), &Styles::default());
        let request = "Confidential Treatment Requested by Example Holdings, Inc.";
        assert!(h.first.contains(request) && h.running.contains(request));
        assert!(h.running.find(request) < h.running.find("Securities"));
    }
}
