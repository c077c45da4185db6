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

/// The headers of a document whose running header shows `lines` then "Page N".
pub fn headers(
    lines: &[String],
    confidential: Option<&ConfidentialMarks>,
    styles: &Styles,
) -> Headers {
    // The request stands apart from the lines under it, as in the PDF's margin.
    let request = confidential.map(|ct| {
        line(
            &format!("Confidential Treatment Requested by {}", ct.requested_by),
            "right",
            twips(styles.header.leading),
        )
    });
    // Below the request, or an empty line, page 1 is the letter's own.
    let first = request.clone().unwrap_or_else(|| line("", "left", 0));
    let mut running = request.unwrap_or_default();
    for text in lines {
        running.push_str(&line(text, "left", 0));
    }
    let gap = twips(styles.header.gap);
    running.push_str(&format!(
        "<w:p><w:pPr><w:pStyle w:val=\"{}\"/><w:spacing w:after=\"{gap}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
        StyleId::Header.id()
    ));
    Headers {
        first: part(&first),
        running: part(&running),
    }
}

/// One header paragraph, with `after` twips of space after it.
fn line(text: &str, align: &str, after: i64) -> String {
    let spacing = if after > 0 {
        format!("<w:spacing w:after=\"{after}\"/>")
    } else {
        String::new()
    };
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
