//! Accepting or rejecting every change of a redline.

use crate::markdown::{Block, Doc, Footnote, Inline, Style};

/// The redline with every change accepted: deleted text dropped, inserted
/// text kept as ordinary text. Gives back the revised passage.
pub fn accept(doc: &Doc) -> Doc {
    resolve(doc, |s| s.deleted)
}

/// The redline with every change rejected: inserted text dropped, deleted
/// text kept as ordinary text. Gives back the original passage.
pub fn reject(doc: &Doc) -> Doc {
    resolve(doc, |s| s.inserted)
}

/// Drops the pieces for which `dropped` holds (and table rows, tables and
/// footnotes left with nothing else), then clears the redline marks.
fn resolve(doc: &Doc, dropped: fn(&Style) -> bool) -> Doc {
    let resolve_blocks = |blocks: &[Block]| {
        let mut part = Doc {
            blocks: blocks.to_vec(),
            footnotes: Vec::new(),
        };
        drop_table_parts(&mut part.blocks, dropped);
        part.remove_inlines(|i| dropped(&i.style));
        part.add_style(|s| {
            s.inserted = false;
            s.deleted = false;
        });
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
