//! How long `respond watch` takes to rebuild the example letter after a save:
//! read its files, build every output in memory, per set of formats.
//!
//! `cargo bench --bench rebuild` prints the median and slowest of 30 rebuilds
//! (set `REBUILDS` for more); `cargo test --benches` runs it once as a smoke test.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use respond::build::{Formats, build_letter};
use respond::render::markdown::Templates;
use respond::world::World;

fn main() {
    let smoke = std::env::args().all(|a| a != "--bench");
    let rebuilds: usize = if smoke {
        1
    } else {
        std::env::var("REBUILDS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(30)
    };
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let world = World::new(&repo);
    let letter = repo.join("responses/21vianet-2014-12-09");
    let templates = Templates::new(&[]).expect("built-in templates load");
    let sets = [
        (
            "md",
            Formats {
                markdown: true,
                html: false,
                pdf: false,
            },
        ),
        (
            "md,html",
            Formats {
                markdown: true,
                html: true,
                pdf: false,
            },
        ),
        ("md,html,pdf", Formats::ALL),
    ];
    for (name, formats) in sets {
        let mut times: Vec<Duration> = (0..rebuilds)
            .map(|_| {
                let started = Instant::now();
                let sources = world.read_letter(&letter).expect("the example reads");
                let (output, _) = build_letter(&sources, &templates, formats);
                assert!(output.is_some(), "the example builds");
                started.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "rebuild example letter ({name}): median {:.1} ms, slowest {:.1} ms over {rebuilds}",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1])
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
