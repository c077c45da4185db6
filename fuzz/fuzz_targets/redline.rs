//! The redline engine on two arbitrary texts: never a panic; accepting every
//! change gives the revised text back and rejecting every change the original.
//! Texts are compared as their tokens less whitespace: a space added or removed
//! beside punctuation is deliberately left unmarked (the revision's spacing wins),
//! and footnote definitions are taken by label (a definition the revision moves
//! is shown once, where the revision puts it; notes are numbered by reference).
#![no_main]

use libfuzzer_sys::fuzz_target;
use respond::markdown::{Doc, parse};
use respond::redline::{TokenKind, accept, redline, reject, tokenize};

fn words(doc: &Doc) -> Vec<String> {
    let mut doc = doc.clone();
    doc.footnotes.sort_by(|a, b| a.label.cmp(&b.label));
    tokenize(&doc.plain_text())
        .into_iter()
        .filter(|t| t.kind != TokenKind::Space)
        .map(|t| t.text)
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (old, new) = text.split_once('\u{0}').unwrap_or((text, ""));
    let (a, _) = parse(old);
    let (b, _) = parse(new);
    let r = redline(&a, &b);
    assert_eq!(words(&accept(&r.doc)), words(&b));
    assert_eq!(words(&reject(&r.doc)), words(&a));
});
