//! Gives the binary an identity derived from everything that shapes its
//! output — the source, templates, fonts and locked dependencies — so the build
//! cache never serves files a different respond wrote.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

const INPUTS: [&str; 5] = ["src", "templates", "assets", "Cargo.lock", "Cargo.toml"];

fn main() {
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        hasher.write(file.to_string_lossy().as_bytes());
        match std::fs::read(file) {
            Ok(bytes) => hasher.write(&bytes),
            Err(e) => panic!("cannot read {}: {e}", file.display()),
        }
    }
    println!(
        "cargo:rustc-env=RESPOND_BUILD_ID={}-{:016x}",
        env!("CARGO_PKG_VERSION"),
        hasher.finish()
    );
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => panic!("cannot read {}: {e}", path.display()),
        };
        entries.sort();
        for entry in entries {
            collect(&entry, out);
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}
