//! A comment file of arbitrary text beside a valid letter.yaml, through the
//! loader, the model and every check (placeholders, footnotes, balanced marks,
//! figures): never a panic, and every finding renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use respond::build::compile;
use respond::check::summary::{Contents, Obstacles, Summary};
use respond::check::{Mode, check};
use respond::diagnostic::SourceFile;
use respond::load::LetterSources;

const LETTER: &str = include_str!("../../tests/fixtures/check/footnotes/responses/sample/letter.yaml");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let sources = LetterSources {
        id: "fuzz".to_owned(),
        letter: SourceFile::new("responses/fuzz/letter.yaml", LETTER),
        comments: vec![SourceFile::new("responses/fuzz/comments/01-fuzz.yaml", text)],
    };
    let (letter, mut diags) = compile(&sources);
    let contents = letter.as_ref().map(|letter| {
        diags.extend(check(letter, Mode::Check));
        diags.extend(check(letter, Mode::Build));
        Contents::of(letter, None)
    });
    let found: Vec<_> = diags.into_iter().collect();
    for d in &found {
        let _ = d.render_human();
        let _ = d.render_short();
    }
    let unanswered = contents.map_or(0, |c| c.comments - c.responses);
    let summary = Summary {
        id: "fuzz".to_owned(),
        contents,
        obstacles: Obstacles::of(&found, unanswered),
    };
    let _ = summary.to_string();
});
