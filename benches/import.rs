//! `respond init` on staff letters as EDGAR serves them (`cargo bench --bench
//! import`): the PDF fixtures under tests/fixtures/init/pdf/ (drawn like real
//! letters: a two-page letter with every feature, a letter of 120 comments,
//! a review-completed letter), read and parsed into a staff letter, and the
//! same letter's text as pdftotext writes it. The target is under 50 ms a letter.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use respond::import::{import, import_file, pdf};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/init")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pdf_letters(c: &mut Criterion) {
    for name in ["features", "many-comments", "review-completed"] {
        let bytes = fixture(&format!("pdf/{name}.pdf"));
        c.bench_function(&format!("init/pdf {name} (read + parse)"), |b| {
            b.iter(|| import_file(&bytes))
        });
    }
    let bytes = fixture("pdf/features.pdf");
    c.bench_function("init/pdf features (text lines only)", |b| {
        b.iter(|| pdf::read(&bytes))
    });
}

fn text_letters(c: &mut Criterion) {
    for mode in ["layout", "default", "raw"] {
        let text = String::from_utf8(fixture(&format!("text/features.{mode}.txt"))).expect("UTF-8");
        c.bench_function(&format!("init/text features ({mode})"), |b| {
            b.iter(|| import(&text))
        });
    }
}

criterion_group!(benches, pdf_letters, text_letters);
criterion_main!(benches);
