//! Footnotes that would print wrong: a reference `[^2]` with no definition in
//! its field is printed literally, brackets and all (an error, at the reference), and a
//! definition nothing cites is printed anyway, unnumbered in the text (a
//! warning, at the definition).
//!
//! Each text field is its own Markdown document, so a reference and its
//! definition must be in the same field.

use std::collections::BTreeSet;

use crate::diagnostic::Diagnostics;
use crate::markdown::InlineContent;
use crate::model::{Letter, Markdown};

/// Checks the footnotes of every text field of the letter.
pub fn check(letter: &Letter, diags: &mut Diagnostics) {
    for field in letter.markdown_fields() {
        check_field(field, diags);
    }
}

fn check_field(field: &Markdown, diags: &mut Diagnostics) {
    if !field.source.contains("[^") {
        return;
    }
    let defined: BTreeSet<&str> = field
        .doc
        .footnotes
        .iter()
        .map(|n| n.label.as_str())
        .collect();
    let mut cited = BTreeSet::new();
    field.doc.visit_inlines(&mut |inlines| {
        for inline in inlines {
            if let InlineContent::FootnoteRef(label) = &inline.content {
                cited.insert(label.clone());
            }
        }
    });
    for (offset, label, is_definition) in labels(&field.source) {
        if is_definition {
            if !cited.contains(label) && defined.contains(label) {
                diags.push(
                    field
                        .locate(offset)
                        .warning(format!(
                            "footnote `[^{label}]` is defined but nothing cites it"
                        ))
                        .with_hint(format!(
                            "cite it in the text as `[^{label}]`, or delete the definition"
                        )),
                );
            }
        } else if !defined.contains(label) {
            diags.push(
                field
                    .locate(offset)
                    .error(format!(
                        "footnote `[^{label}]` has no definition; it would print as “[^{label}]”"
                    ))
                    .with_hint(format!(
                        "add a line `[^{label}]: …` with the footnote's text after the paragraph, in the same field"
                    )),
            );
        }
    }
}

/// Every `[^label]` in `source`: its byte offset, its label, and whether it
/// starts a definition (`[^label]:` at the start of a line).
fn labels(source: &str) -> Vec<(usize, &str, bool)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        let first = line.len() - line.trim_start().len();
        let mut from = 0;
        while let Some(i) = line[from..].find("[^").map(|i| i + from) {
            from = i + 2;
            let rest = &line[i + 2..];
            let Some(end) = rest.find(|c: char| c == ']' || c.is_whitespace() || c == '[') else {
                break;
            };
            if !rest[end..].starts_with(']') || end == 0 {
                continue;
            }
            let is_definition = i == first && rest[end + 1..].starts_with(':');
            out.push((line_start + i, &rest[..end], is_definition));
            from = i + 2 + end + 1;
        }
        line_start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_definitions_are_told_apart() {
        let source = "Text[^1] and [^a].\n\n[^1]: The note.\n  [^b]: Another.\n";
        let found: Vec<(&str, bool)> = labels(source).into_iter().map(|(_, l, d)| (l, d)).collect();
        assert_eq!(
            found,
            vec![("1", false), ("a", false), ("1", true), ("b", true)]
        );
    }

    #[test]
    fn an_undefined_reference_stays_text_in_the_parsed_document() {
        let (doc, _) = crate::markdown::parse("Text[^2] here.\n");
        assert!(doc.footnotes.is_empty());
        assert!(!doc.any_footnote_ref());
    }
}
