//! The benchmark suite (`cargo bench`): the example letter, synthetic letters of
//! growing size, redlines of growing passages, a repository of 200 letters
//! built and rebuilt unchanged, and `respond build` beside pandoc turning the
//! same letter's Markdown into HTML (pandoc must be installed: `.ci/run`
//! installs it). Results and the machine they were measured on are in
//! docs/benchmarks.md.

mod synth;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use respond::build::build_letter;
use respond::markdown::{Doc, parse};
use respond::redline::redline;
use respond::render::markdown::Templates;
use respond::render::writers::writers;
use respond::world::World;

fn example(c: &mut Criterion) {
    let world = World::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("responses/21vianet-2014-12-09");
    let sources = world.read_letter(&dir).expect("example reads");
    let templates = Templates::new(&[]).expect("templates load");
    c.bench_function("example/all formats (in memory)", |b| {
        b.iter(|| build_letter(&sources, &templates, writers()))
    });
    // What `respond watch` does after a save: read the letter's files again and build.
    c.bench_function("example/rebuild after a save (read + all formats)", |b| {
        b.iter(|| {
            let sources = world.read_letter(&dir).expect("example reads");
            build_letter(&sources, &templates, writers())
        })
    });
    let project = tempfile::tempdir().expect("temp dir");
    copy_tree(&dir, &project.path().join("responses/21vianet-2014-12-09"));
    c.bench_function("example/respond build (process)", |b| {
        b.iter(|| run_build(project.path(), &["--no-cache"]))
    });
}

/// The PDF of the example letter: layout, the placement check every build
/// runs on it, and the drawing.
fn pdf(c: &mut Criterion) {
    use respond::markdown::parse_rendered;
    use respond::render::pdf::{PdfMeta, Styles, document::write_pdf, layout, verify_placement};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("responses/21vianet-2014-12-09");
    let world = World::new(env!("CARGO_MANIFEST_DIR"));
    let sources = world.read_letter(&dir).expect("example reads");
    let templates = Templates::new(&[]).expect("templates load");
    let markdown = [respond::render::writers::writer("md").expect("the Markdown writer")];
    let respond::build::Built::Letter(output, _) = build_letter(&sources, &templates, &markdown)
    else {
        panic!("the example builds")
    };
    let letter = output
        .files
        .into_iter()
        .find(|f| f.name == "letter.md")
        .expect("letter.md");
    let (doc, _) = parse_rendered(&String::from_utf8_lossy(&letter.bytes));
    let meta = PdfMeta::default();
    let styles = Styles::default();
    let pages = layout(&doc, &meta, &styles);
    c.bench_function("pdf/layout (example letter)", |b| {
        b.iter(|| layout(&doc, &meta, &styles))
    });
    c.bench_function("pdf/verify_placement (example letter)", |b| {
        b.iter(|| verify_placement(&doc, &pages))
    });
    c.bench_function("pdf/write (example letter)", |b| {
        b.iter(|| write_pdf(&pages, &meta, &styles).expect("the example assembles"))
    });
}

fn letters(c: &mut Criterion) {
    let mut group = c.benchmark_group("letter");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let templates = Templates::new(&[]).expect("templates load");
    for comments in [10usize, 100, 1000] {
        let project = tempfile::tempdir().expect("temp dir");
        synth::write_letter(project.path(), "synthetic", comments, 7);
        let world = World::new(project.path());
        let sources = world
            .read_letter(&project.path().join("responses/synthetic"))
            .expect("synthetic letter reads");
        group.bench_with_input(BenchmarkId::new("comments", comments), &sources, |b, s| {
            b.iter(|| build_letter(s, &templates, writers()))
        });
    }
    group.finish();
}

fn parsed(text: &str) -> Doc {
    parse(text).0
}

fn redlines(c: &mut Criterion) {
    let mut group = c.benchmark_group("redline");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for words in [1_000usize, 10_000, 100_000] {
        let mut rng = synth::Rng::new(words as u64);
        let original = synth::passage(&mut rng, words);
        for percent in [1usize, 10] {
            let revised = synth::revise_passage(&mut rng, &original, percent);
            let (a, b) = (parsed(&original), parsed(&revised));
            group.bench_with_input(
                BenchmarkId::new(format!("{percent}% edited"), words),
                &(a, b),
                |bench, (a, b)| bench.iter(|| redline(a, b)),
            );
        }
        let (a, b) = (parsed(&original), parsed(&synth::reversed(&original)));
        group.bench_with_input(
            BenchmarkId::new("reversed", words),
            &(a, b),
            |bench, (a, b)| bench.iter(|| redline(a, b)),
        );
    }
    group.finish();
}

fn repository(c: &mut Criterion) {
    let mut group = c.benchmark_group("repository");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let project = tempfile::tempdir().expect("temp dir");
    for i in 0..200u64 {
        synth::write_letter(project.path(), &format!("letter-{i:03}"), 12, i + 1);
    }
    group.bench_function("200 letters, parallel", |b| {
        b.iter(|| run_build(project.path(), &["--no-cache"]))
    });
    group.bench_function("200 letters, one after another", |b| {
        b.iter(|| run_build(project.path(), &["--jobs", "1", "--no-cache"]))
    });
    // The cache: every letter's key matches and its outputs still hash as recorded.
    run_build(project.path(), &[]);
    group.bench_function("200 letters, nothing changed", |b| {
        b.iter(|| run_build(project.path(), &[]))
    });
    group.finish();
}

/// `respond build` of a whole letter (every default format, as a process,
/// no cache) beside `pandoc letter.md -o letter.html` on the Markdown that
/// build wrote, for the example and a letter of 1,000 comments.
fn versus_pandoc(c: &mut Criterion) {
    let mut group = c.benchmark_group("versus pandoc");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("responses/21vianet-2014-12-09");
    let cases = [("example", None), ("1000 comments", Some(1000usize))];
    for (name, comments) in cases {
        let project = tempfile::tempdir().expect("temp dir");
        let id = match comments {
            Some(n) => {
                synth::write_letter(project.path(), "synthetic", n, 7);
                "synthetic"
            }
            None => {
                copy_tree(
                    &example,
                    &project.path().join("responses/21vianet-2014-12-09"),
                );
                "21vianet-2014-12-09"
            }
        };
        run_build(project.path(), &["--no-cache"]);
        let markdown = project.path().join("output").join(id).join("letter.md");
        let html = project.path().join("pandoc.html");
        group.bench_function(format!("{name}: respond build"), |b| {
            b.iter(|| run_build(project.path(), &["--no-cache"]))
        });
        group.bench_function(format!("{name}: pandoc letter.md -o letter.html"), |b| {
            b.iter(|| run_pandoc(&markdown, &html))
        });
    }
    group.finish();
}

fn run_pandoc(markdown: &Path, html: &Path) {
    let status = Command::new("pandoc")
        .arg(markdown)
        .arg("-o")
        .arg(html)
        .status()
        .unwrap_or_else(|e| {
            panic!("pandoc does not run ({e}): install it with `apt-get install pandoc`")
        });
    assert!(status.success(), "pandoc failed on {}", markdown.display());
}

fn run_build(root: &Path, extra: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_respond"))
        .arg("build")
        .args(extra)
        .arg("--quiet")
        .current_dir(root)
        .status()
        .expect("respond runs");
    assert!(
        status.success(),
        "respond build failed in {}",
        root.display()
    );
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create");
    for entry in std::fs::read_dir(from).expect("read") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

criterion_group!(
    benches,
    example,
    pdf,
    letters,
    redlines,
    repository,
    versus_pandoc
);
criterion_main!(benches);
