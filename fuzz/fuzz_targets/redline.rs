//! The redline engine on two arbitrary texts: never a panic; accepting every
//! change gives the revised text back and rejecting every change the original.
//! Texts are compared as their tokens less whitespace: a space added or removed
//! beside punctuation is deliberately left unmarked (the revision's spacing wins).
#![no_main]

use libfuzzer_sys::fuzz_target;
use respond::markdown::parse;
use respond::redline::{TokenKind, accept, redline, reject, tokenize};

fn words(text: &str) -> Vec<String> {
    tokenize(text)
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
    assert_eq!(words(&accept(&r.doc).plain_text()), words(&b.plain_text()));
    assert_eq!(words(&reject(&r.doc).plain_text()), words(&a.plain_text()));
});
