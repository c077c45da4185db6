//! Block-level redline: align the blocks, then compare paired blocks inside
//! (words of paragraphs and headings, items of lists, rows and cells of
//! tables, the blocks of quotations); unpaired blocks are wholly deleted or
//! wholly inserted at their place.

use crate::markdown::{Block, Inline, Style, Table, code_paragraph};

use super::align::{Step, Unit, align};
use super::inline::{Mark, diff_inlines, mark_inlines};
use super::tokenize::tokenize;

/// Compares two block lists.
pub(crate) fn compare_blocks(old: &[Block], new: &[Block]) -> Vec<Block> {
    let mut out = Vec::new();
    for step in align(old, new, block_unit) {
        match step {
            Step::Same(_, j) => out.push(new[j].clone()),
            Step::Delete(i) => out.extend(mark_block(&old[i], Mark::Deleted)),
            Step::Insert(j) => out.extend(mark_block(&new[j], Mark::Inserted)),
            Step::Pair(i, j) => out.extend(compare_pair(&old[i], &new[j])),
        }
    }
    out
}

/// Marks every piece of a list of blocks.
pub(crate) fn mark_blocks(blocks: &[Block], mark: Mark) -> Vec<Block> {
    blocks.iter().flat_map(|b| mark_block(b, mark)).collect()
}

/// Marks every piece of a block, inside lists and quotations too. A code
/// block becomes a paragraph of code text so the mark can be shown; an
/// inserted rule stays, a deleted one goes.
fn mark_block(block: &Block, mark: Mark) -> Option<Block> {
    match block {
        Block::Code(code) => Some(code_paragraph(code, mark.apply(Style::default()))),
        Block::Rule if mark == Mark::Deleted => None,
        Block::List { start, items } => Some(Block::List {
            start: *start,
            items: items.iter().map(|item| mark_blocks(item, mark)).collect(),
        }),
        Block::Quote(blocks) => Some(Block::Quote(mark_blocks(blocks, mark))),
        Block::KeepTogether(blocks) => Some(Block::KeepTogether(mark_blocks(blocks, mark))),
        _ => {
            let mut marked = block.clone();
            marked.visit_inlines_mut(&mut |inlines| *inlines = mark_inlines(inlines, mark));
            Some(marked)
        }
    }
}

/// Compares two blocks the aligner paired (always of the same kind).
fn compare_pair(old: &Block, new: &Block) -> Vec<Block> {
    let compared = match (old, new) {
        (Block::Paragraph(a), Block::Paragraph(b)) => Block::Paragraph(diff_inlines(a, b)),
        (Block::Heading { content: a, .. }, Block::Heading { level, content: b }) => {
            Block::Heading {
                level: *level,
                content: diff_inlines(a, b),
            }
        }
        (Block::List { items: a, .. }, Block::List { start, items: b }) => Block::List {
            start: *start,
            items: compare_items(a, b),
        },
        (Block::Quote(a), Block::Quote(b)) => Block::Quote(compare_blocks(a, b)),
        (Block::KeepTogether(a), Block::KeepTogether(b)) => {
            Block::KeepTogether(compare_blocks(a, b))
        }
        (Block::Table(a), Block::Table(b)) if a.header.len() == b.header.len() => {
            Block::Table(compare_tables(a, b))
        }
        _ => {
            let deleted = mark_block(old, Mark::Deleted);
            return deleted
                .into_iter()
                .chain(mark_block(new, Mark::Inserted))
                .collect();
        }
    };
    vec![compared]
}

/// Aligns list items and compares paired ones block by block.
fn compare_items(old: &[Vec<Block>], new: &[Vec<Block>]) -> Vec<Vec<Block>> {
    let describe = |item: &Vec<Block>| Unit {
        key: format!("{item:?}"),
        kind: Some(0),
        words: words_of_blocks(item),
    };
    align(old, new, describe)
        .into_iter()
        .map(|step| match step {
            Step::Same(_, j) => new[j].clone(),
            Step::Delete(i) => mark_blocks(&old[i], Mark::Deleted),
            Step::Insert(j) => mark_blocks(&new[j], Mark::Inserted),
            Step::Pair(i, j) => compare_blocks(&old[i], &new[j]),
        })
        .collect()
}

/// Compares two tables with the same columns: header cell by cell, rows aligned.
fn compare_tables(old: &Table, new: &Table) -> Table {
    let describe = |row: &Vec<Vec<Inline>>| Unit {
        key: format!("{row:?}"),
        kind: Some(0),
        words: row.iter().flat_map(|cell| words_of_inlines(cell)).collect(),
    };
    let rows = align(&old.rows, &new.rows, describe)
        .into_iter()
        .map(|step| match step {
            Step::Same(_, j) => new.rows[j].clone(),
            Step::Delete(i) => mark_row(&old.rows[i], Mark::Deleted),
            Step::Insert(j) => mark_row(&new.rows[j], Mark::Inserted),
            Step::Pair(i, j) => compare_cells(&old.rows[i], &new.rows[j]),
        })
        .collect();
    Table {
        align: new.align.clone(),
        header: compare_cells(&old.header, &new.header),
        rows,
    }
}

fn mark_row(row: &[Vec<Inline>], mark: Mark) -> Vec<Vec<Inline>> {
    row.iter().map(|cell| mark_inlines(cell, mark)).collect()
}

/// Compares two rows cell by cell; a cell only one row has is wholly marked.
fn compare_cells(old: &[Vec<Inline>], new: &[Vec<Inline>]) -> Vec<Vec<Inline>> {
    (0..old.len().max(new.len()))
        .map(|c| match (old.get(c), new.get(c)) {
            (Some(a), Some(b)) => diff_inlines(a, b),
            (Some(a), None) => mark_inlines(a, Mark::Deleted),
            (None, Some(b)) => mark_inlines(b, Mark::Inserted),
            (None, None) => Vec::new(),
        })
        .collect()
}

/// What the aligner compares of a block: its exact content, its kind, its words.
fn block_unit(block: &Block) -> Unit {
    let kind = match block {
        Block::Paragraph(_) => Some(0),
        Block::Heading { .. } => Some(1),
        Block::List { .. } => Some(2),
        Block::Quote(_) => Some(3),
        Block::KeepTogether(_) => Some(4),
        // Tables pair only with tables of as many columns.
        Block::Table(t) => Some(100 + u32::try_from(t.header.len()).unwrap_or(u32::MAX - 100)),
        Block::Rule | Block::Code(_) => None,
    };
    Unit {
        key: format!("{block:?}"),
        kind,
        words: words_of_blocks(std::slice::from_ref(block)),
    }
}

fn words_of_blocks(blocks: &[Block]) -> Vec<String> {
    let mut words = Vec::new();
    for block in blocks {
        block.visit_inlines(&mut |inlines| words.extend(words_of_inlines(inlines)));
        if let Block::Code(code) = block {
            words.extend(code.split_whitespace().map(str::to_owned));
        }
    }
    words
}

fn words_of_inlines(inlines: &[Inline]) -> Vec<String> {
    let text: String = inlines.iter().map(Inline::plain).collect();
    tokenize(&text)
        .into_iter()
        .filter(|t| t.is_word())
        .map(|t| t.text)
        .collect()
}
