//! Redacting text that is confidential now from a document written before it
//! was marked (an earlier draft compared in a blackline).

use crate::markdown::{Doc, InlineContent};

use super::scan::MIN_ALONE_CHARS;
use super::secrets::{Secret, SecretKind};
use super::{REDACTION_MARK, normalize};

/// Replaces with `[***]` every occurrence in `doc` of a confidential span of
/// `secrets` (a short span only where the word beside it matches too). What
/// this misses — a span cut by markup — the leak scan still catches.
pub fn redact_known(doc: &mut Doc, secrets: &[Secret]) {
    let spans: Vec<&Secret> = secrets
        .iter()
        .filter(|s| s.kind == SecretKind::Span)
        .collect();
    if spans.is_empty() {
        return;
    }
    doc.visit_inlines_mut(&mut |inlines| {
        for inline in inlines.iter_mut() {
            if let InlineContent::Text(text) = &mut inline.content {
                let mut treated = normalize(text);
                let mut changed = false;
                for secret in &spans {
                    changed |= replace_secret(&mut treated, secret);
                }
                if changed {
                    *text = treated;
                }
            }
        }
    });
}

/// Replaces `secret` in `text` (already normalised); true when anything changed.
fn replace_secret(text: &mut String, secret: &Secret) -> bool {
    if secret.text.is_empty() {
        return false;
    }
    if secret.text.chars().count() >= MIN_ALONE_CHARS || secret.words_beside.is_empty() {
        if !text.contains(&secret.text) {
            return false;
        }
        *text = text.replace(&secret.text, REDACTION_MARK);
        return true;
    }
    let mut changed = false;
    for (before, after) in &secret.words_beside {
        let (from, to) = match (before, after) {
            (Some(word), None) => (
                format!("{word} {}", secret.text),
                format!("{word} {REDACTION_MARK}"),
            ),
            (None, Some(word)) => (
                format!("{} {word}", secret.text),
                format!("{REDACTION_MARK} {word}"),
            ),
            _ => continue,
        };
        if text.contains(&from) {
            *text = text.replace(&from, &to);
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Location, SourceFile};
    use crate::markdown::parse;

    fn secret(text: &str, before: Option<&str>, after: Option<&str>) -> Secret {
        let file = SourceFile::new("x.yaml", "");
        Secret::new(
            text,
            before,
            after,
            SecretKind::Span,
            Location::start_of(&file),
        )
    }

    #[test]
    fn long_spans_anywhere_and_short_ones_beside_their_words() {
        let (mut doc, _) = parse("A margin of 7% in 2014 on Project Quokka, and 7% elsewhere.");
        redact_known(
            &mut doc,
            &[
                secret("Project Quokka", None, None),
                secret("7%", Some("of"), Some("in")),
            ],
        );
        assert_eq!(
            doc.plain_text(),
            "A margin of [***] in 2014 on [***], and 7% elsewhere."
        );
    }
}
