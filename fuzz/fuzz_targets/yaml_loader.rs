//! The YAML loader and model on arbitrary bytes: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use respond::diagnostic::{Diagnostics, SourceFile};
use respond::load::raw::{RawComment, RawLetter};
use respond::load::{FileKind, load_file};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = SourceFile::new("fuzz.yaml", text);
    let mut diags = Diagnostics::new();
    let _ = load_file::<RawLetter>(&file, FileKind::Letter, &mut diags);
    let _ = load_file::<RawComment>(&file, FileKind::Comment, &mut diags);
    for d in diags.iter() {
        let _ = d.render_human();
    }
});
