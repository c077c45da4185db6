//! A build killed at any moment leaves every letter's folder from one build:
//! never a letter whose files come from two.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const LETTERS: usize = 12;
const TRIES: usize = 100;

/// A project of `LETTERS` small letters, each closing with `generation N`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = common::repo().join("tests/fixtures/confidential/responses/2024-03-01-10k-2023");
    for i in 0..LETTERS {
        common::copy_tree(
            &fixture,
            &dir.path().join(format!("responses/letter-{i:02}")),
        );
    }
    set_generation(dir.path(), 0);
    dir
}

/// Rewrites every letter's closing to name generation `n`.
fn set_generation(root: &Path, n: usize) {
    for i in 0..LETTERS {
        let path = root.join(format!("responses/letter-{i:02}/letter.yaml"));
        let text = std::fs::read_to_string(&path).unwrap();
        let start = text.find("closing: |\n").unwrap() + "closing: |\n".len();
        let end = start + text[start..].find('\n').unwrap();
        let closing = format!("  Please contact the undersigned (generation {n}).");
        std::fs::write(
            &path,
            format!("{}{closing}{}", &text[..start], &text[end..]),
        )
        .unwrap();
    }
}

/// The generation each file of a letter's output folder names.
fn generations(dir: &Path) -> Vec<(String, Option<usize>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let n = text
            .split("(generation ")
            .nth(1)
            .and_then(|rest| rest.split(')').next())
            .and_then(|n| n.parse().ok());
        out.push((path.file_name().unwrap().to_string_lossy().into_owned(), n));
    }
    out.sort();
    out
}

fn build(root: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_respond"))
        .args(["build", "--format", "md,html", "--quiet"])
        .current_dir(root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("respond starts")
}

/// Waits until the build has started writing (a staging folder exists in the
/// output folder), it has ended, or `limit` microseconds have passed.
fn wait_for_staging(root: &Path, child: &mut std::process::Child, limit: u64) {
    let started = Instant::now();
    while started.elapsed().as_micros() < u128::from(limit) {
        if matches!(child.try_wait(), Ok(Some(_))) {
            return;
        }
        let staging = std::fs::read_dir(root.join("output")).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with(".respond-new-"))
        });
        if staging {
            return;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn a_killed_build_never_leaves_a_letter_mixing_two_builds() {
    let project = project();
    let root = project.path();
    let started = Instant::now();
    assert!(build(root).wait().unwrap().success());
    let full = started.elapsed().as_micros() as u64;
    let mut random = Lcg(20141209);
    let mut completed = 0;
    // Tries killed while the letters were being swapped in (some new, some old).
    let mut midway = 0;
    for attempt in 1..=TRIES {
        set_generation(root, attempt);
        let mut child = build(root);
        if attempt % 2 == 0 {
            // Anywhere from the start to a little after a full build would end.
            std::thread::sleep(Duration::from_micros(random.below(full + full / 5)));
        } else {
            // While the outputs are being written: once staging has begun.
            wait_for_staging(root, &mut child, full * 2);
            std::thread::sleep(Duration::from_micros(random.below(3_000)));
        }
        let _ = child.kill();
        if child.wait().unwrap().success() {
            completed += 1;
        }
        let mut seen = std::collections::BTreeSet::new();
        for i in 0..LETTERS {
            let dir = root.join(format!("output/letter-{i:02}"));
            let found = generations(&dir);
            let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(
                names,
                ["letter.htm", "letter.md", "redline.htm", "redline.md"],
                "attempt {attempt}: {}",
                dir.display()
            );
            let letter: Vec<Option<usize>> = found
                .iter()
                .filter(|(n, _)| n.starts_with("letter."))
                .map(|(_, g)| *g)
                .collect();
            assert!(letter[0].is_some(), "attempt {attempt}: {found:?}");
            assert_eq!(
                letter[0],
                letter[1],
                "attempt {attempt}: {} mixes builds",
                dir.display()
            );
            seen.insert(letter[0]);
        }
        if seen.len() > 1 {
            midway += 1;
        }
    }
    // The tries really did interrupt builds, and some builds finished.
    assert!(completed < TRIES, "no build was interrupted");
    eprintln!(
        "{TRIES} tries: {completed} builds finished, {midway} killed while swapping letters in"
    );
    // The next build cleans what the killed ones left behind.
    assert!(build(root).wait().unwrap().success());
    let strays = std::fs::read_dir(root.join("output"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count();
    assert_eq!(strays, 0);
}
