//! A paragraph's properties (`w:pPr`): style, keeps, list membership,
//! spacing, indents, alignment and a tracked change of its paragraph mark,
//! always in the order the schema requires.

use super::revisions::{Change, Revisions};
use super::styles::StyleId;

/// A paragraph's properties, written in the order the schema requires.
#[derive(Debug, Clone, Default)]
pub struct ParagraphProps {
    /// Its style (none for Normal).
    pub style: Option<StyleId>,
    /// Keep with the next paragraph.
    pub keep_next: bool,
    /// Keep its lines on one page.
    pub keep_lines: bool,
    /// List membership: the list's id and the level.
    pub numbering: Option<(usize, usize)>,
    /// Space after, twips, when not the style's.
    pub after: Option<i64>,
    /// Left and right indent and hanging indent, twips.
    pub indent: Option<(i64, i64, i64)>,
    /// Alignment when not the style's: `left`, `center`, `right`, `both`.
    pub align: Option<&'static str>,
    /// The paragraph mark is inserted or deleted with the paragraph's words.
    pub mark: Option<Change>,
    /// A rule under the paragraph, its width in eighths of a point.
    pub rule_under: Option<i64>,
}

impl ParagraphProps {
    /// The `w:pPr` element (empty when nothing is set).
    pub fn xml(&self, revisions: &mut Revisions) -> String {
        let mut x = String::new();
        if let Some(style) = self.style.filter(|s| *s != StyleId::Normal) {
            x.push_str(&format!("<w:pStyle w:val=\"{}\"/>", style.id()));
        }
        if self.keep_next {
            x.push_str("<w:keepNext/>");
        }
        if self.keep_lines {
            x.push_str("<w:keepLines/>");
        }
        if let Some((id, level)) = self.numbering {
            x.push_str(&format!(
                "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr>"
            ));
        }
        if let Some(width) = self.rule_under {
            x.push_str(&format!(
                "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"{width}\" w:space=\"6\" w:color=\"000000\"/></w:pBdr>"
            ));
        }
        if let Some(after) = self.after {
            x.push_str(&format!("<w:spacing w:after=\"{after}\"/>"));
        }
        if let Some((left, right, hanging)) = self.indent {
            x.push_str(&format!("<w:ind w:left=\"{left}\" w:right=\"{right}\""));
            if hanging > 0 {
                x.push_str(&format!(" w:hanging=\"{hanging}\""));
            }
            x.push_str("/>");
        }
        if let Some(align) = self.align {
            x.push_str(&format!("<w:jc w:val=\"{align}\"/>"));
        }
        if let Some(change) = self.mark {
            x.push_str(&format!("<w:rPr>{}</w:rPr>", revisions.mark(change)));
        }
        if x.is_empty() {
            x
        } else {
            format!("<w:pPr>{x}</w:pPr>")
        }
    }
}
