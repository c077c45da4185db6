//! `respond build`: every letter, all or nothing.

use std::process::ExitCode;

use super::{BuildArgs, EXIT_INPUT, EXIT_IO, Format, letter_dirs, print_diagnostics};
use crate::build::{Formats, build_letter, template_diagnostic};
use crate::diagnostic::Diagnostics;
use crate::output::write_all;
use crate::render::markdown::Templates;
use crate::world::World;

/// Builds the letters and writes their outputs only if every letter built.
pub fn run(args: &BuildArgs) -> ExitCode {
    let world = World::new(".");
    let dirs = match letter_dirs(&world, &args.dirs) {
        Ok(dirs) => dirs,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(EXIT_IO);
        }
    };
    let overrides = match world.template_overrides() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: cannot read templates/: {e}");
            return ExitCode::from(EXIT_IO);
        }
    };
    let templates = match Templates::new(&overrides) {
        Ok(t) => t,
        Err(error) => {
            print_diagnostics(&[template_diagnostic(&error)], args.diagnostic_format);
            return ExitCode::from(EXIT_INPUT);
        }
    };
    let formats = Formats {
        markdown: args.format.contains(&Format::Md),
        html: args.format.contains(&Format::Html),
        pdf: args.format.contains(&Format::Pdf),
    };
    let mut diags = Diagnostics::new();
    let mut files = Vec::new();
    let mut built = Vec::new();
    for dir in &dirs {
        let sources = match world.read_letter(dir) {
            Ok(s) => s,
            Err(d) => {
                diags.extend(d);
                continue;
            }
        };
        let (output, found) = build_letter(&sources, &templates, formats);
        diags.extend(found);
        if let Some(output) = output {
            built.push((output.id.clone(), output.files.len()));
            files.extend(output.files);
        }
    }
    let has_errors = diags.has_errors();
    print_diagnostics(&diags.into_sorted(), args.diagnostic_format);
    if has_errors {
        eprintln!("nothing written: fix the errors above and build again");
        return ExitCode::from(EXIT_INPUT);
    }
    let out = match world.confine(&args.out) {
        Ok(out) => out,
        Err(message) => {
            eprintln!("error: --out {message}");
            return ExitCode::from(EXIT_IO);
        }
    };
    for (id, _) in &built {
        if let Err(message) = world.confine(&out.join(id)) {
            eprintln!("error: output folder {message}");
            return ExitCode::from(EXIT_IO);
        }
    }
    match write_all(&out, &world.staging_dir(), &files) {
        Ok(_) => {
            for (id, count) in built {
                eprintln!(
                    "built {id}: {count} files in {}",
                    args.out.join(&id).display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write to {}: {e}", args.out.display());
            ExitCode::from(EXIT_IO)
        }
    }
}
