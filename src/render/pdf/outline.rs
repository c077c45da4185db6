//! The PDF's outline: a bookmark for each heading of the letter and each
//! staff comment, nested as the headings nest (in the redline, a bookmark for
//! each revised passage under the title).
//!
//! printpdf's own bookmarks are flat and sorted by name within a page, so
//! the outline is written into the finished file with lopdf.

use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::flow::Bookmark;
use super::mark::{Mark, Role};
use super::pages::PageLayout;

/// A bookmark placed on its page.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// Nesting level (see [`Bookmark::level`]).
    pub level: u8,
    /// What the outline shows.
    pub title: String,
    /// Top of the marked text, down from the page's top edge.
    pub top: f32,
}

/// Puts each bookmark on the page where its text starts: one pass over the
/// pages finds where each run of text first appears.
pub fn place_bookmarks(pages: &mut [PageLayout], bookmarks: &[Bookmark]) {
    let wanted: HashSet<u32> = bookmarks.iter().map(|b| b.run).collect();
    let mut first: HashMap<u32, (usize, f32)> = HashMap::new();
    for (i, page) in pages.iter().enumerate() {
        for mark in &page.marks {
            if let Mark::Text {
                role: Role::Words(run),
                ..
            } = mark
                && wanted.contains(run)
            {
                first.entry(*run).or_insert((i, mark.bounds().top));
            }
        }
    }
    for bookmark in bookmarks {
        if let Some(&(i, top)) = first.get(&bookmark.run) {
            pages[i].outline.push(OutlineEntry {
                level: bookmark.level,
                title: bookmark.title.clone(),
                top,
            });
        }
    }
}

/// One node of the outline tree.
struct Node {
    entry: OutlineEntry,
    page: usize,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// Writes the outline of `pages` into `doc` (nothing when no page has a bookmark).
pub fn write_outline(doc: &mut Document, pages: &[PageLayout], page_height: f32) {
    let nodes = tree(pages);
    if nodes.is_empty() {
        return;
    }
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = nodes.iter().map(|_| doc.new_object_id()).collect();
    let top_level: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].parent.is_none())
        .collect();
    let mut place = vec![0; nodes.len()];
    for list in nodes.iter().map(|n| &n.children).chain([&top_level]) {
        for (at, &child) in list.iter().enumerate() {
            place[child] = at;
        }
    }
    for (i, node) in nodes.iter().enumerate() {
        let siblings = match node.parent {
            Some(p) => &nodes[p].children,
            None => &top_level,
        };
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&node.entry.title));
        dict.set("Parent", node.parent.map_or(root, |p| ids[p]));
        let at = place[i];
        if at > 0 {
            dict.set("Prev", ids[siblings[at - 1]]);
        }
        if let Some(&next) = siblings.get(at + 1) {
            dict.set("Next", ids[next]);
        }
        if let (Some(&first), Some(&last)) = (node.children.first(), node.children.last()) {
            dict.set("First", ids[first]);
            dict.set("Last", ids[last]);
            dict.set("Count", descendants(&nodes, i) as i64);
        }
        if let Some(&page) = page_ids.get(node.page) {
            let top = (page_height - node.entry.top).max(0.0);
            dict.set(
                "Dest",
                vec![
                    Object::Reference(page),
                    "XYZ".into(),
                    Object::Null,
                    Object::Real(top),
                    Object::Null,
                ],
            );
        }
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", "Outlines");
    if let (Some(&first), Some(&last)) = (top_level.first(), top_level.last()) {
        outlines.set("First", ids[first]);
        outlines.set("Last", ids[last]);
    }
    outlines.set("Count", nodes.len() as i64);
    doc.objects.insert(root, Object::Dictionary(outlines));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Outlines", root);
        catalog.set("PageMode", "UseOutlines");
    }
}

/// The bookmarks of `pages` as a tree: each entry under the nearest entry
/// before it of a lower level.
fn tree(pages: &[PageLayout]) -> Vec<Node> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (page, layout) in pages.iter().enumerate() {
        for entry in &layout.outline {
            while open
                .last()
                .is_some_and(|&o| nodes[o].entry.level >= entry.level)
            {
                open.pop();
            }
            let parent = open.last().copied();
            let index = nodes.len();
            if let Some(p) = parent {
                nodes[p].children.push(index);
            }
            nodes.push(Node {
                entry: entry.clone(),
                page,
                parent,
                children: Vec::new(),
            });
            open.push(index);
        }
    }
    nodes
}

fn descendants(nodes: &[Node], i: usize) -> usize {
    nodes[i]
        .children
        .iter()
        .map(|&c| 1 + descendants(nodes, c))
        .sum()
}

/// A PDF text string: ASCII as it is, anything else as UTF-16BE with its mark.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}
