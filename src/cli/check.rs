//! `respond check`: load and check letters, print findings, write nothing.

use std::process::ExitCode;

use super::{CheckArgs, EXIT_INPUT, EXIT_IO, letter_dirs, print_diagnostics};
use crate::build::check_letter;
use crate::check::Mode;
use crate::diagnostic::{Diagnostics, Severity};
use crate::world::World;

/// Checks the letters and exits 0 (clean or warnings only), 1 (errors) or 2 (I/O).
pub fn run(args: &CheckArgs) -> ExitCode {
    let world = World::new(".");
    let dirs = match letter_dirs(&world, &args.dirs) {
        Ok(dirs) => dirs,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(EXIT_IO);
        }
    };
    let mut diags = Diagnostics::new();
    for dir in &dirs {
        match world.read_letter(dir) {
            Ok(sources) => diags.extend(check_letter(&sources, Mode::Check).1),
            Err(d) => diags.extend(d),
        }
    }
    let sorted = diags.into_sorted();
    let errors = sorted.iter().any(|d| d.severity == Severity::Error);
    let warnings = sorted.iter().any(|d| d.severity == Severity::Warning);
    print_diagnostics(&sorted, args.format);
    if errors || (warnings && args.deny_warnings) {
        ExitCode::from(EXIT_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}
