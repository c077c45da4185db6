//! The PDF reader of `respond init` on arbitrary bytes: never a panic, and
//! whatever it reads goes through the rest of the importer too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(lines) = respond::import::pdf::read(data) {
        let _ = respond::import::import_lines(&lines);
    }
});
