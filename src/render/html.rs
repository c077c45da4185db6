//! Placeholder HTML writer.

use crate::markdown::Doc;

/// What the HTML writer needs besides the document.
pub struct HtmlMeta {
    /// The document title.
    pub title: String,
}

/// Writes the document as HTML.
pub fn render_html(doc: &Doc, meta: &HtmlMeta) -> String {
    format!(
        "<html><head><title>{}</title></head><body><pre>{}</pre></body></html>\n",
        meta.title,
        doc.plain_text()
    )
}
