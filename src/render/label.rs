//! "Re:" and "cc:" blocks: a label beside lines that hang under each other,
//! set alike by every writer.

use crate::markdown::{Inline, InlineContent};

/// Splits a "Re:" or "cc:" paragraph of several lines into its label and the
/// lines that hang beside it; `None` for any other paragraph.
pub fn split_label(inlines: &[Inline]) -> Option<(Vec<Inline>, Vec<Inline>)> {
    if !inlines
        .iter()
        .any(|i| i.content == InlineContent::HardBreak)
    {
        return None;
    }
    let first = inlines.first()?;
    let InlineContent::Text(text) = &first.content else {
        return None;
    };
    let label = ["Re:", "RE:", "cc:", "CC:", "Cc:"]
        .into_iter()
        .find(|l| text.starts_with(l) && text[l.len()..].starts_with([' ', '\u{a0}']))?;
    let mut rest = inlines[1..].to_vec();
    let after = text[label.len()..].trim_start();
    if !after.is_empty() {
        rest.insert(0, Inline::text(after, first.style));
    }
    Some((vec![Inline::text(label, first.style)], rest))
}
