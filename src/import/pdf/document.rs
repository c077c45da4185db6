//! The PDF file through lopdf: load it, list its pages with their boxes,
//! content and resources, and read objects through references. The only
//! module of the reader that knows how lopdf loads and decompresses.

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::import::ImportError;

/// The most bytes a page's content (or one font or form stream) may
/// decompress to: staff letters use a few kilobytes.
pub const MAX_STREAM: usize = 16 * 1024 * 1024;

/// The most pages read.
pub const MAX_PAGES: usize = 500;

/// How deep references and parent chains are followed.
const MAX_DEPTH: usize = 32;

/// A page rectangle: lower left and upper right corners.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f32,
    /// Bottom edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge.
    pub y1: f32,
}

impl Rect {
    /// US Letter, the size of a page that gives none.
    pub const LETTER: Rect = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 612.0,
        y1: 792.0,
    };

    /// Whether the point lies inside, with a margin of `slack`.
    pub fn contains(&self, x: f32, y: f32, slack: f32) -> bool {
        x >= self.x0 - slack && x <= self.x1 + slack && y >= self.y0 - slack && y <= self.y1 + slack
    }
}

/// One page, ready to interpret.
pub struct Page<'a> {
    /// The visible area (crop box, else media box).
    pub area: Rect,
    /// The decompressed content streams, joined.
    pub content: Vec<u8>,
    /// Resource dictionaries to search, the page's own first.
    pub resources: Vec<&'a Dictionary>,
}

/// Loads a PDF from memory; encrypted files (which need a password) are refused.
pub fn load(bytes: &[u8]) -> Result<Document, ImportError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM),
        ..Default::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| {
        ImportError::UnreadablePdf {
            reason: format!("the file is damaged or not a PDF ({e})"),
        }
    })?;
    if doc.is_encrypted() {
        return Err(ImportError::UnreadablePdf {
            reason: String::from("it is encrypted; save an unprotected copy from EDGAR"),
        });
    }
    Ok(doc)
}

/// The pages of the document, in order (at most [`MAX_PAGES`]).
pub fn pages(doc: &Document) -> Vec<Page<'_>> {
    doc.page_iter()
        .take(MAX_PAGES)
        .map(|id| page(doc, id))
        .collect()
}

/// One page's box, content and resources.
fn page(doc: &Document, id: ObjectId) -> Page<'_> {
    let content = doc
        .get_page_content_with_limit(id, MAX_STREAM)
        .unwrap_or_default();
    let resources = match doc.get_page_resources(id) {
        Ok((own, inherited)) => own
            .into_iter()
            .chain(
                inherited
                    .into_iter()
                    .filter_map(|r| doc.get_dictionary(r).ok()),
            )
            .collect(),
        Err(_) => Vec::new(),
    };
    let area = inherited_box(doc, id, b"CropBox")
        .or_else(|| inherited_box(doc, id, b"MediaBox"))
        .unwrap_or(Rect::LETTER);
    Page {
        area,
        content,
        resources,
    }
}

/// A page box, looked up through the page's parents.
fn inherited_box(doc: &Document, id: ObjectId, key: &[u8]) -> Option<Rect> {
    let mut node = doc.get_dictionary(id).ok()?;
    for _ in 0..MAX_DEPTH {
        if let Some(rect) = node.get(key).ok().and_then(|o| rect(doc, o)) {
            return Some(rect);
        }
        node = resolve(doc, node.get(b"Parent").ok())?.as_dict().ok()?;
    }
    None
}

/// `[x0 y0 x1 y1]`, normalised so x0 < x1 and y0 < y1.
fn rect(doc: &Document, object: &Object) -> Option<Rect> {
    let items = resolve(doc, Some(object))?.as_array().ok()?;
    let n: Vec<f32> = items
        .iter()
        .filter_map(|o| resolve(doc, Some(o))?.as_float().ok())
        .filter(|f| f.is_finite())
        .collect();
    let [a, b, c, d] = n[..] else {
        return None;
    };
    let r = Rect {
        x0: a.min(c),
        y0: b.min(d),
        x1: a.max(c),
        y1: b.max(d),
    };
    (r.x1 - r.x0 > 1.0 && r.y1 - r.y0 > 1.0).then_some(r)
}

/// An object with references followed (a bounded number of times).
pub fn resolve<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Object> {
    let mut object = object?;
    for _ in 0..MAX_DEPTH {
        match object {
            Object::Reference(id) => object = doc.get_object(*id).ok()?,
            other => return Some(other),
        }
    }
    None
}

/// A name object's text.
pub fn name(doc: &Document, object: Option<&Object>) -> Option<String> {
    resolve(doc, object)?
        .as_name()
        .ok()
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

/// A stream's decompressed bytes (at most [`MAX_STREAM`]).
pub fn stream_bytes(doc: &Document, object: &Object) -> Option<Vec<u8>> {
    let stream = resolve(doc, Some(object))?.as_stream().ok()?;
    if stream.dict.get(b"Filter").is_err() {
        return (stream.content.len() <= MAX_STREAM).then(|| stream.content.clone());
    }
    stream.decompressed_content_with_limit(MAX_STREAM).ok()
}

/// A named resource of a category (`Font`, `XObject`), searched in order.
pub fn resource<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    category: &[u8],
    key: &[u8],
) -> Option<&'a Object> {
    resources.iter().find_map(|dict| {
        let group = resolve(doc, dict.get(category).ok())?.as_dict().ok()?;
        group.get(key).ok()
    })
}
