//! Accepting or rejecting every change of a redline, or hiding its deletions.

use crate::markdown::{Block, Doc, Footnote, Inline, InlineContent, Style};

/// The redline with every change accepted: deleted text dropped, inserted
/// text kept as ordinary text. Gives back the revised passage.
pub fn accept(doc: &Doc) -> Doc {
    resolve(doc, |s| s.deleted, true)
}

/// The redline with every change rejected: inserted text dropped, deleted
/// text kept as ordinary text. Gives back the original passage.
pub fn reject(doc: &Doc) -> Doc {
    resolve(doc, |s| s.inserted, true)
}

/// The redline without its deletions but with its insertions still marked
/// (a letter's `show_deletions: false`): deleted text, table rows, tables and
/// footnotes are dropped as [`accept`] drops them.
pub fn hide_deletions(doc: &Doc) -> Doc {
    resolve(doc, |s| s.deleted, false)
}

/// Drops the pieces for which `dropped` holds (and table rows, tables and
/// footnotes left with nothing else), then clears the redline marks if asked.
fn resolve(doc: &Doc, dropped: fn(&Style) -> bool, clear_marks: bool) -> Doc {
    let resolve_blocks = |blocks: &[Block]| {
        let mut part = Doc {
            blocks: blocks.to_vec(),
            footnotes: Vec::new(),
        };
        drop_table_parts(&mut part.blocks, dropped);
        part.remove_inlines(|i| dropped(&i.style));
        if clear_marks {
            part.add_style(|s| {
                s.inserted = false;
                s.deleted = false;
            });
        }
        part.visit_inlines_mut(&mut |inlines| *inlines = join_text(std::mem::take(inlines)));
        part.blocks
    };
    Doc {
        blocks: resolve_blocks(&doc.blocks),
        footnotes: doc
            .footnotes
            .iter()
            .map(|note| Footnote {
                label: note.label.clone(),
                blocks: resolve_blocks(&note.blocks),
            })
            .filter(|note| !note.blocks.is_empty())
            .collect(),
    }
}

/// Joins neighbouring text pieces of the same style, as the parser does.
fn join_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        if let (
            Some(Inline {
                content: InlineContent::Text(last),
                style,
            }),
            InlineContent::Text(text),
        ) = (out.last_mut(), &inline.content)
            && *style == inline.style
        {
            last.push_str(text);
            continue;
        }
        out.push(inline);
    }
    out
}

/// True when a row has pieces and all of them are dropped.
fn wholly(cells: &[Vec<Inline>], dropped: fn(&Style) -> bool) -> bool {
    let mut pieces = cells.iter().flatten().peekable();
    pieces.peek().is_some() && pieces.all(|i| dropped(&i.style))
}

/// Removes table rows whose every piece is dropped, and tables whose header is.
fn drop_table_parts(blocks: &mut Vec<Block>, dropped: fn(&Style) -> bool) {
    blocks.retain(|b| !matches!(b, Block::Table(t) if wholly(&t.header, dropped)));
    for block in blocks.iter_mut() {
        match block {
            Block::Table(table) => table.rows.retain(|row| !wholly(row, dropped)),
            Block::List { items, .. } => items
                .iter_mut()
                .for_each(|item| drop_table_parts(item, dropped)),
            Block::Quote(inner) | Block::KeepTogether(inner) => drop_table_parts(inner, dropped),
            _ => {}
        }
    }
}
