//! The staff-letter importer on arbitrary bytes: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = respond::import::detect::decode(data) {
        let _ = respond::import::import(&text);
    }
});
