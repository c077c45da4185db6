//! Writes synthetic letter projects for measuring `respond build` from the outside:
//!
//! ```sh
//! cargo run --release --example synth -- /tmp/big 1 1000   # one letter of 1,000 comments
//! cargo run --release --example synth -- /tmp/repo 200 12  # 200 letters of 12 comments
//! ```

#[path = "../benches/synth/mod.rs"]
mod synth;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: synth DIR LETTERS COMMENTS_PER_LETTER");
        std::process::exit(2);
    }
    let root = std::path::Path::new(&args[1]);
    let letters: usize = args[2].parse().expect("LETTERS is a number");
    let comments: usize = args[3].parse().expect("COMMENTS_PER_LETTER is a number");
    for i in 0..letters {
        synth::write_letter(root, &format!("letter-{i:03}"), comments, i as u64 + 1);
    }
    println!(
        "wrote {letters} letters of {comments} comments under {}",
        root.display()
    );
}
