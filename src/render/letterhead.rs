//! The letterhead that opens a letter, as every writer finds it.
//!
//! The letter template writes a `letterhead` as a keep-together group
//! opening with a level-1 heading (the name) and the address lines under
//! it. Each writer sets that group in the house style's
//! [`LetterheadStyle`](super::pdf::style::LetterheadStyle): the name's size,
//! small capitals, alignment, and a rule under it.

use crate::markdown::{Block, Inline};

/// A letterhead's parts.
#[derive(Debug, Clone, Copy)]
pub struct Letterhead<'a> {
    /// Its place among the document's blocks.
    pub index: usize,
    /// The name.
    pub name: &'a [Inline],
    /// The blocks under the name (the address lines).
    pub lines: &'a [Block],
}

/// The letterhead of a document: a keep-together group that opens with a
/// level-1 heading and stands before any other heading (a Rule 83 request
/// line may come first).
pub fn find_letterhead(blocks: &[Block]) -> Option<Letterhead<'_>> {
    for (index, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading { .. } => return None,
            Block::KeepTogether(inner) => {
                if let Some((
                    Block::Heading {
                        level: 1,
                        content: name,
                    },
                    lines,
                )) = inner.split_first()
                {
                    return Some(Letterhead { index, name, lines });
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse_rendered;

    fn blocks(md: &str) -> Vec<Block> {
        let (doc, issues) = parse_rendered(md);
        assert!(issues.is_empty(), "{issues:?}");
        doc.blocks
    }

    #[test]
    fn the_group_opening_with_a_title_is_the_letterhead() {
        let doc = blocks(
            "**Request line**\n\n<!-- keep-together -->\n\n# Firm\n\n1 Main St.\\\nCity\n\n<!-- /keep-together -->\n\nDate\n",
        );
        let lh = find_letterhead(&doc).expect("a letterhead");
        assert_eq!(lh.index, 1);
        assert_eq!(lh.name[0].plain(), "Firm");
        assert_eq!(lh.lines.len(), 1);
    }

    #[test]
    fn a_title_alone_or_a_group_after_a_heading_is_none() {
        assert!(find_letterhead(&blocks("# Redline\n\n**Company**\\\nForm 20-F\n")).is_none());
        assert!(
            find_letterhead(&blocks(
                "# Redline\n\n<!-- keep-together -->\n\n# Firm\n\n<!-- /keep-together -->\n"
            ))
            .is_none()
        );
        assert!(
            find_letterhead(&blocks(
                "Text\n\n<!-- keep-together -->\n\nVery truly yours,\n\n/s/ X\n\n<!-- /keep-together -->\n"
            ))
            .is_none()
        );
    }
}
