//! A redacted figure must not be computable from what stays public: a
//! convenience translation beside it, a percentage in its sentence, or a total
//! row of a table column in which it is the only hidden figure.

use super::company_text;
use crate::diagnostic::Diagnostics;
use crate::markdown::{Block, Inline, Table};
use crate::model::{Letter, Markdown};
use crate::render::table::{cell_text, is_figure, is_total_label};

/// Checks every confidential figure in the company's text.
pub fn check(letter: &Letter, diags: &mut Diagnostics) {
    if letter.confidential_treatment.is_none() {
        return;
    }
    for field in company_text(letter) {
        if !field.doc.any_style(|s| s.confidential) {
            continue;
        }
        field
            .doc
            .visit_inlines(&mut |inlines| prose(field, inlines, diags));
        let mut tables = Vec::new();
        collect_tables(&field.doc.blocks, &mut tables);
        for table in tables {
            totals(field, table, diags);
        }
    }
}

/// A confidential figure with a translation or a percentage beside it in the same sentence.
fn prose(field: &Markdown, inlines: &[Inline], diags: &mut Diagnostics) {
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for inline in inlines {
        pieces.push((inline.plain().to_owned(), inline.style.confidential));
    }
    for (i, (text, secret)) in pieces.iter().enumerate() {
        if !secret || !text.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let after: String = pieces[i + 1..]
            .iter()
            .take_while(|(_, s)| !s)
            .map(|(t, _)| t.as_str())
            .collect();
        let before: String = pieces[..i]
            .iter()
            .rev()
            .take_while(|(_, s)| !s)
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let sentence_after = after.split(". ").next().unwrap_or("");
        let sentence_before = before.rsplit(". ").next().unwrap_or("");
        let translation = sentence_after
            .trim_start()
            .strip_prefix('(')
            .and_then(|rest| rest.split(')').next())
            .filter(|inside| inside.chars().any(|c| c.is_ascii_digit()));
        let percentage = [sentence_before, sentence_after]
            .into_iter()
            .flat_map(|s| s.split_whitespace())
            .find(|w| w.contains('%') && w.chars().any(|c| c.is_ascii_digit()));
        let (shown, what) = match (translation, percentage) {
            (Some(t), _) => (format!("({t})"), "translation"),
            (None, Some(p)) => (
                p.trim_matches(|c: char| c == ',' || c == '.').to_owned(),
                "percentage",
            ),
            (None, None) => continue,
        };
        warn(field, &shown, what, diags);
    }
}

/// A total row whose column holds exactly one confidential figure: the total
/// less the open figures gives it away.
fn totals(field: &Markdown, table: &Table, diags: &mut Diagnostics) {
    let columns = table.header.len();
    for column in 1..columns {
        let mut hidden = 0;
        for row in &table.rows {
            let Some(cell) = row.get(column) else {
                continue;
            };
            let label = row.first().map(|c| cell_text(c)).unwrap_or_default();
            let text = cell_text(cell);
            let secret = cell.iter().any(|i| i.style.confidential);
            if is_total_label(&label) {
                if hidden == 1 && !secret && is_figure(text.trim()) {
                    warn(field, text.trim(), "total", diags);
                }
                hidden = 0;
            } else if secret
                && cell
                    .iter()
                    .any(|i| i.plain().chars().any(|c| c.is_ascii_digit()))
            {
                hidden += 1;
            }
        }
    }
}

fn warn(field: &Markdown, shown: &str, what: &str, diags: &mut Diagnostics) {
    let offset = field.source.find(shown).unwrap_or(0);
    diags.push(
        field
            .locate(offset)
            .warning(format!(
                "the {what} “{shown}” lets a reader work out a confidential figure beside it"
            ))
            .with_hint("mark it <ct>…</ct> as well, or drop it from the public text"),
    );
}

fn collect_tables<'a>(blocks: &'a [Block], out: &mut Vec<&'a Table>) {
    for block in blocks {
        match block {
            Block::Table(t) => out.push(t),
            Block::List { items, .. } => items.iter().for_each(|i| collect_tables(i, out)),
            Block::Quote(inner) | Block::KeepTogether(inner) => collect_tables(inner, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;
    use crate::load::SourceMap;
    use crate::model::TextOrigin;
    use std::sync::Arc;

    fn findings(text: &str) -> Vec<String> {
        let file = SourceFile::new(
            "c.yaml",
            format!("text: |\n  {}\n", text.replace('\n', "\n  ")),
        );
        let origin = TextOrigin {
            map: Arc::new(SourceMap::build(&file)),
            pointer: "/text".into(),
        };
        let mut diags = Diagnostics::new();
        let field = Markdown::parse(text.to_owned(), origin, &mut diags);
        field
            .doc
            .visit_inlines(&mut |inlines| prose(&field, inlines, &mut diags));
        let mut tables = Vec::new();
        collect_tables(&field.doc.blocks, &mut tables);
        for t in tables {
            totals(&field, t, &mut diags);
        }
        diags.iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn a_translation_or_a_percentage_beside_a_hidden_figure_is_flagged() {
        let found = findings("Revenue was <ct>RMB145.8 million</ct> (US$24.1 million) in 2023.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("translation “(US$24.1 million)”"),
            "{found:?}"
        );
        let found = findings("Revenue was <ct>RMB145.8 million</ct>, or 13.8% of the total.");
        assert!(found[0].contains("percentage “13.8%”"), "{found:?}");
        assert!(findings("Revenue was <ct>RMB145.8 million</ct>. Costs rose 4%.").is_empty());
        assert!(findings("The customer is <ct>Zenith</ct> (a US company).").is_empty());
    }

    #[test]
    fn a_total_over_one_hidden_figure_is_flagged() {
        let table = "| Customer | Revenue |\n|---|--:|\n| A | <ct>145,800</ct> |\n| Others | 912,300 |\n| Total | 1,058,100 |\n";
        let found = findings(table);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("total “1,058,100”"), "{found:?}");
        let two = "| Customer | Revenue |\n|---|--:|\n| A | <ct>145,800</ct> |\n| B | <ct>12,300</ct> |\n| Others | 900,000 |\n| Total | 1,058,100 |\n";
        assert!(findings(two).is_empty());
    }
}
