//! One document in one version: confidential runs replaced or bracketed.

use crate::markdown::{Block, Doc, Inline, InlineContent, Style, make_confidential};

use super::{REDACTION_MARK, Version};

/// Applies `version` to every confidential run of `doc`.
///
/// A run is a stretch of confidential pieces with the same redline mark, so a
/// confidential figure changed inside a revision shows both a struck and an
/// underlined `[***]` (the legend stays true). A footnote cited only from
/// confidential text is confidential as a whole. In the staff's copy the
/// brackets belong to the run (the PDF lays both copies out alike).
pub fn apply(doc: &mut Doc, version: Version) {
    mark_dependent_footnotes(doc);
    doc.visit_inlines_mut(&mut |inlines| {
        if inlines.iter().any(|i| i.style.confidential) {
            *inlines = apply_runs(std::mem::take(inlines), version);
        }
    });
}

fn apply_runs(old: Vec<Inline>, version: Version) -> Vec<Inline> {
    let mut out = Vec::with_capacity(old.len());
    let mut i = 0;
    while i < old.len() {
        if !old[i].style.confidential {
            out.push(old[i].clone());
            i += 1;
            continue;
        }
        let start = i;
        let key = run_key(&old[start].style);
        while i < old.len() && old[i].style.confidential && run_key(&old[i].style) == key {
            i += 1;
        }
        let style = old[start].style;
        match version {
            Version::Public | Version::Plain => out.push(Inline::text(
                REDACTION_MARK,
                Style {
                    confidential: false,
                    ..style
                },
            )),
            Version::Staff => {
                out.push(Inline::text("[", style));
                out.extend(old[start..i].iter().cloned());
                out.push(Inline::text("]", style));
            }
        }
    }
    out
}

/// The marks that split a confidential run: a redline's insertion and deletion.
fn run_key(style: &Style) -> (bool, bool) {
    (style.inserted, style.deleted)
}

/// Marks as confidential every footnote cited only from confidential text
/// (directly, or from notes that are themselves confidential).
pub(super) fn mark_dependent_footnotes(doc: &mut Doc) {
    let mut cited = Vec::new();
    let mut open = Vec::new();
    let refs = |blocks: &[Block], open_refs: &mut Vec<String>, all: &mut Vec<String>| {
        for block in blocks {
            block.visit_inlines(&mut |inlines| {
                for inline in inlines {
                    if let InlineContent::FootnoteRef(label) = &inline.content {
                        all.push(label.clone());
                        if !inline.style.confidential {
                            open_refs.push(label.clone());
                        }
                    }
                }
            });
        }
    };
    refs(&doc.blocks, &mut open, &mut cited);
    for note in &doc.footnotes {
        refs(&note.blocks, &mut Vec::new(), &mut cited);
    }
    // Notes reachable from open text through open references stay open.
    let mut k = 0;
    while k < open.len() {
        let label = open[k].clone();
        if let Some(note) = doc.footnotes.iter().find(|n| n.label == label) {
            let mut more = Vec::new();
            refs(&note.blocks, &mut more, &mut Vec::new());
            for m in more {
                if !open.contains(&m) {
                    open.push(m);
                }
            }
        }
        k += 1;
    }
    for note in &mut doc.footnotes {
        if cited.contains(&note.label) && !open.contains(&note.label) {
            make_confidential(&mut note.blocks);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{parse, to_markdown};

    #[test]
    fn the_public_version_replaces_each_span() {
        let (mut doc, issues) =
            parse("Revenue was <ct>RMB145.8 million</ct> and **<ct>secret</ct> plan**.");
        assert!(issues.is_empty());
        apply(&mut doc, Version::Public);
        let md = to_markdown(&doc);
        assert!(!md.contains("RMB145.8") && !md.contains("secret"), "{md}");
        assert_eq!(md.matches("\\[\\*\\*\\*\\]").count(), 2, "{md}");
    }

    #[test]
    fn the_staff_copy_brackets_each_span_and_keeps_it_marked() {
        let (mut doc, _) = parse("Revenue was <ct>RMB145.8 million</ct>.");
        apply(&mut doc, Version::Staff);
        assert_eq!(doc.plain_text(), "Revenue was [RMB145.8 million].");
        let crate::markdown::Block::Paragraph(p) = &doc.blocks[0] else {
            panic!()
        };
        let marked: String = p
            .iter()
            .filter(|i| i.style.confidential)
            .map(Inline::plain)
            .collect();
        assert_eq!(marked, "[RMB145.8 million]");
    }

    #[test]
    fn a_changed_confidential_figure_shows_a_deletion_and_an_insertion() {
        let del = Style {
            confidential: true,
            deleted: true,
            ..Style::default()
        };
        let ins = Style {
            confidential: true,
            inserted: true,
            ..Style::default()
        };
        let mut doc = Doc {
            blocks: vec![crate::markdown::Block::Paragraph(vec![
                Inline::text("Margin of ", Style::default()),
                Inline::text("7%", del),
                Inline::text("8%", ins),
            ])],
            footnotes: Vec::new(),
        };
        apply(&mut doc, Version::Public);
        let crate::markdown::Block::Paragraph(p) = &doc.blocks[0] else {
            panic!()
        };
        assert!(
            p.iter()
                .any(|i| i.style.deleted && i.plain() == REDACTION_MARK)
        );
        assert!(
            p.iter()
                .any(|i| i.style.inserted && i.plain() == REDACTION_MARK)
        );
    }

    #[test]
    fn a_footnote_cited_only_from_confidential_text_is_confidential() {
        let (mut doc, _) = parse(
            "Open text <ct>hidden[^1]</ct> and open[^2].\n\n[^1]: The secret note.\n\n[^2]: An open note.\n",
        );
        apply(&mut doc, Version::Public);
        let text = doc.plain_text();
        assert!(!text.contains("secret note"), "{text}");
        assert!(text.contains("An open note."), "{text}");
    }
}
