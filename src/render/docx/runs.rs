//! Inline pieces → runs: bold, italic, underline and strike-through as run
//! properties, a revision's insertions and deletions as tracked changes
//! around their runs, and footnote references as Word footnote references.

use super::footnotes::{NoteRef, reference_xml};
use super::paragraphs::{Body, Frame};
use super::revisions::{Change, Revisions};
use super::styles::StyleId;
use super::xml::escape_into;
use crate::markdown::{Inline, InlineContent, Style};

impl Body<'_> {
    /// Writes `inlines` as runs, each inserted or deleted stretch inside one
    /// `w:ins` or `w:del`, adjacent text of one style in one run.
    pub fn runs(&mut self, inlines: &[Inline], frame: &Frame) {
        let mut open: Option<Change> = None;
        let mut pending: Option<(Style, String)> = None;
        for inline in inlines {
            let text = match &inline.content {
                InlineContent::Text(text) => Some(text.as_str()),
                InlineContent::SoftBreak => Some(" "),
                InlineContent::HardBreak | InlineContent::FootnoteRef(_) => None,
            };
            if let (Some(text), Some((style, buffer))) = (text, pending.as_mut())
                && *style == inline.style
            {
                buffer.push_str(text);
                continue;
            }
            self.flush(&mut pending);
            self.switch(&mut open, Change::of(&inline.style));
            match &inline.content {
                InlineContent::HardBreak => {
                    self.out.push_str("<w:r>");
                    self.out.push_str(&run_props(&inline.style, None));
                    self.out.push_str("<w:br/></w:r>");
                }
                InlineContent::FootnoteRef(label) => self.note_ref(label, &inline.style, frame),
                _ => pending = text.map(|t| (inline.style, t.to_owned())),
            }
        }
        self.flush(&mut pending);
        self.switch(&mut open, None);
    }

    /// Closes the change `open` and opens `want`, when they differ.
    fn switch(&mut self, open: &mut Option<Change>, want: Option<Change>) {
        if *open == want {
            return;
        }
        if let Some(c) = *open {
            self.out.push_str(&Revisions::close(c));
        }
        if let Some(c) = want {
            let tag = self.revisions.open(c);
            self.out.push_str(&tag);
        }
        *open = want;
    }

    fn flush(&mut self, pending: &mut Option<(Style, String)>) {
        if let Some((style, text)) = pending.take() {
            self.text_run(&text, &style, None);
        }
    }

    /// One run of `text`; tabs and line feeds become Word's own.
    fn text_run(&mut self, text: &str, style: &Style, char_style: Option<StyleId>) {
        if text.is_empty() {
            return;
        }
        let element = if style.deleted { "w:delText" } else { "w:t" };
        self.out.push_str("<w:r>");
        self.out.push_str(&run_props(style, char_style));
        let mut rest = text;
        while !rest.is_empty() {
            let end = rest.find(['\t', '\n']).unwrap_or(rest.len());
            if end > 0 {
                self.out
                    .push_str(&format!("<{element} xml:space=\"preserve\">"));
                escape_into(&mut self.out, &rest[..end]);
                self.out.push_str(&format!("</{element}>"));
            }
            match rest[end..].chars().next() {
                Some('\t') => self.out.push_str("<w:tab/>"),
                Some(_) => self.out.push_str("<w:br/>"),
                None => {}
            }
            rest = rest.get(end + 1..).unwrap_or_default();
        }
        self.out.push_str("</w:r>");
    }

    fn note_ref(&mut self, label: &str, style: &Style, frame: &Frame) {
        let plain = Style {
            inserted: style.inserted,
            deleted: style.deleted,
            ..Style::default()
        };
        match self.notes.reference(label, frame.in_note) {
            NoteRef::Placed(id) => self.out.push_str(&format!(
                "<w:r>{}{}</w:r>",
                run_props(&plain, Some(StyleId::FootnoteReference)),
                reference_xml(self.notes, id)
            )),
            NoteRef::Number(n) => {
                self.text_run(&n.to_string(), &plain, Some(StyleId::FootnoteReference))
            }
            NoteRef::Unknown => self.text_run(
                &format!("[{label}]"),
                &plain,
                Some(StyleId::FootnoteReference),
            ),
        }
    }
}

/// The `w:rPr` of a run in `style`, in the order the schema requires.
pub fn run_props(style: &Style, char_style: Option<StyleId>) -> String {
    let mut x = String::new();
    let char_style = char_style.or(style.code.then_some(StyleId::CodeChar));
    if let Some(id) = char_style {
        x.push_str(&format!("<w:rStyle w:val=\"{}\"/>", id.id()));
    }
    if style.bold {
        x.push_str("<w:b/>");
    }
    if style.italic {
        x.push_str("<w:i/>");
    }
    if style.strike {
        x.push_str("<w:strike/>");
    }
    if style.underline {
        x.push_str("<w:u w:val=\"single\"/>");
    }
    if x.is_empty() {
        x
    } else {
        format!("<w:rPr>{x}</w:rPr>")
    }
}

#[cfg(test)]
mod tests {
    use super::super::footnotes::Notes;
    use super::super::numbering::Numbering;
    use super::super::styles::Measures;
    use super::*;
    use crate::markdown::Doc;

    fn write(inlines: &[Inline]) -> String {
        let date = time::Date::from_calendar_date(2014, time::Month::December, 9).unwrap();
        let mut revisions = Revisions::new("Co", date);
        let mut notes = Notes::new(&Doc::default());
        let mut numbering = Numbering::default();
        let measures = Measures::of(&crate::render::pdf::Styles::default());
        let mut body = Body {
            out: String::new(),
            revisions: &mut revisions,
            notes: &mut notes,
            numbering: &mut numbering,
            measures: &measures,
        };
        body.runs(inlines, &Frame::body());
        body.out
    }

    fn styled(text: &str, f: impl Fn(&mut Style)) -> Inline {
        let mut style = Style::default();
        f(&mut style);
        Inline::text(text, style)
    }

    #[test]
    fn insertions_and_deletions_are_tracked_changes() {
        let xml = write(&[
            styled("The Company will ", |_| {}),
            styled("revise", |s| s.deleted = true),
            styled("amend", |s| s.inserted = true),
            styled(" it.", |_| {}),
        ]);
        assert_eq!(
            xml,
            "<w:r><w:t xml:space=\"preserve\">The Company will </w:t></w:r>\
             <w:del w:id=\"1\" w:author=\"Co\" w:date=\"2014-12-09T00:00:00Z\"><w:r><w:delText xml:space=\"preserve\">revise</w:delText></w:r></w:del>\
             <w:ins w:id=\"2\" w:author=\"Co\" w:date=\"2014-12-09T00:00:00Z\"><w:r><w:t xml:space=\"preserve\">amend</w:t></w:r></w:ins>\
             <w:r><w:t xml:space=\"preserve\"> it.</w:t></w:r>"
        );
    }

    #[test]
    fn formatting_is_run_properties_and_text_of_one_style_is_one_run() {
        let xml = write(&[
            styled("bold ", |s| s.bold = true),
            styled("and more", |s| s.bold = true),
            styled("struck", |s| {
                s.strike = true;
                s.underline = true;
                s.italic = true
            }),
        ]);
        assert!(
            xml.starts_with(
                "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">bold and more</w:t></w:r>"
            ),
            "{xml}"
        );
        assert!(
            xml.contains("<w:rPr><w:i/><w:strike/><w:u w:val=\"single\"/></w:rPr>"),
            "{xml}"
        );
    }

    #[test]
    fn tabs_breaks_and_markup_characters_are_written_as_word_writes_them() {
        let xml = write(&[
            styled("a\tb & <c>", |_| {}),
            Inline {
                content: InlineContent::HardBreak,
                style: Style::default(),
            },
            styled("d", |_| {}),
        ]);
        assert!(
            xml.contains("a</w:t><w:tab/><w:t xml:space=\"preserve\">b &amp; &lt;c&gt;"),
            "{xml}"
        );
        assert!(xml.contains("<w:r><w:br/></w:r>"), "{xml}");
    }
}
