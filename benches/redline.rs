//! Timings of the redline engine: `cargo bench --bench redline`.
//!
//! A plain timing loop (no benchmark framework): each case runs a few times
//! and the fastest run is printed, so the figures are comparable between
//! versions on one machine. Tests never assert on time; this is where speed
//! is watched, in particular on dissimilar input, where the comparison must
//! stay bounded.

use std::hint::black_box;
use std::time::{Duration, Instant};

use respond::markdown::{Block, Doc, Inline, Style, parse};
use respond::redline::redline;

/// A paragraph of `words` words drawn from a small legal vocabulary.
fn prose(words: usize, seed: usize) -> String {
    const VOCAB: &[&str] = &[
        "the",
        "Company",
        "will",
        "revise",
        "its",
        "disclosure",
        "in",
        "future",
        "filings",
        "RMB1,336.5",
        "million",
        "(US$220.8",
        "million)",
        "as",
        "of",
        "December",
        "31,",
        "2013.",
        "PRC",
        "subsidiaries",
        "and",
        "VIEs",
        "hold",
        "licenses",
        "Form",
        "20-F",
        "U.S.",
        "GAAP",
    ];
    (0..words)
        .map(|k| VOCAB[(k * 7 + seed * 13 + k / 5) % VOCAB.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every `every`-th word replaced, as a revision might.
fn edited(text: &str, every: usize) -> String {
    text.split(' ')
        .enumerate()
        .map(|(k, w)| if k % every == every - 1 { "revised" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

fn paragraph(text: &str) -> Doc {
    Doc {
        blocks: vec![Block::Paragraph(vec![Inline::text(text, Style::default())])],
        footnotes: vec![],
    }
}

fn time(name: &str, runs: usize, mut f: impl FnMut()) {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        f();
        best = best.min(start.elapsed());
    }
    println!("{name:<48} {best:>12.3?}");
}

fn main() {
    let passages: Vec<String> = (0..40).map(|p| prose(120, p)).collect();
    let original = parse(&passages.join("\n\n")).0;
    let revised_text: Vec<String> = passages.iter().map(|p| edited(p, 9)).collect();
    let revised = parse(&revised_text.join("\n\n")).0;
    time("40 paragraphs, every 9th word revised", 10, || {
        black_box(redline(&original, &revised));
    });

    let long = prose(10_000, 1);
    let (a, b) = (paragraph(&long), paragraph(&edited(&long, 25)));
    time("one 10,000-word paragraph, scattered edits", 5, || {
        black_box(redline(&a, &b));
    });

    let words: Vec<String> = (0..100_000).map(|k| format!("w{}", k % 997)).collect();
    let reversed: Vec<&str> = words.iter().rev().map(String::as_str).collect();
    let (a, b) = (paragraph(&words.join(" ")), paragraph(&reversed.join(" ")));
    time("100,000 words against the same words reversed", 3, || {
        black_box(redline(&a, &b));
    });
}
