//! `respond build`: every letter, all or nothing.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::ui::{Ui, print_error};
use super::{BuildArgs, EXIT_INPUT, EXIT_IO, Format, against, letter_dirs, print_diagnostics};
use crate::build::{Formats, LetterOutput, build_letter, template_diagnostic};
use crate::diagnostic::{Diagnostics, Kind};
use crate::output::write_all;
use crate::parallel::{default_jobs, map_in_order};
use crate::render::markdown::Templates;
use crate::world::World;

/// What building one letter produced.
struct LetterResult<B> {
    diags: Diagnostics,
    output: Option<(LetterOutput, Duration)>,
    blackline: Option<B>,
}

/// Builds the letters (in parallel) and writes their outputs only if every letter built.
pub fn run(args: &BuildArgs, ui: &Ui) -> ExitCode {
    let world = World::new(".");
    let dirs = match letter_dirs(&world, &args.dirs) {
        Ok(dirs) => dirs,
        Err(message) => {
            print_error(&message);
            return ExitCode::from(EXIT_IO);
        }
    };
    let too_much = world.check_budget(&dirs);
    if !too_much.is_empty() {
        print_diagnostics(&too_much.into_sorted(), args.diagnostic_format);
        return ExitCode::from(EXIT_INPUT);
    }
    let overrides = match world.template_overrides() {
        Ok(o) => o,
        Err(e) => {
            print_error(&format!("cannot read templates/: {e}"));
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
    let baseline = match args
        .against
        .as_deref()
        .map(|r| against::Baseline::resolve(r, &world))
    {
        None => None,
        Some(Ok(baseline)) => Some(baseline),
        Some(Err(message)) => {
            print_error(&message);
            return ExitCode::from(EXIT_IO);
        }
    };
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    let results = map_in_order(&dirs, jobs, |dir| {
        let started = Instant::now();
        let sources = match world.read_letter(dir) {
            Ok(s) => s,
            Err(d) => {
                return LetterResult {
                    diags: d,
                    output: None,
                    blackline: None,
                };
            }
        };
        let (output, diags) = build_letter(&sources, &templates, formats);
        let blackline = match (&output, &baseline) {
            (Some(_), Some(baseline)) => {
                Some(baseline.blackline_files(&world, dir, &sources, &templates, formats))
            }
            _ => None,
        };
        LetterResult {
            diags,
            output: output.map(|o| (o, started.elapsed())),
            blackline,
        }
    });
    let mut diags = Diagnostics::new();
    let mut problems = Vec::new();
    let mut summaries = Vec::new();
    let mut built: Vec<(LetterOutput, Duration)> = Vec::new();
    for result in results {
        diags.extend(result.diags);
        if let Some((mut output, took)) = result.output {
            match result.blackline {
                Some(Ok((files, summary))) => {
                    output.files.extend(files);
                    summaries.push(summary);
                }
                Some(Err(problem)) => problems.push(problem),
                None => {}
            }
            built.push((output, took));
        }
    }
    let has_errors = diags.has_errors() || !problems.is_empty();
    let unreadable = diags.has_unreadable();
    let drafts: Vec<(String, usize)> = built
        .iter()
        .map(|(output, _)| (output.id.clone(), unfinished_in(&diags, &output.id)))
        .filter(|(_, n)| *n > 0)
        .collect();
    print_diagnostics(&diags.into_sorted(), args.diagnostic_format);
    for problem in &problems {
        print_error(problem);
    }
    if has_errors {
        ui.status("nothing written: fix the errors above and build again");
        return ExitCode::from(if unreadable { EXIT_IO } else { EXIT_INPUT });
    }
    let out = match world.confine(&args.out) {
        Ok(out) => out,
        Err(message) => {
            print_error(&format!("--out {message}"));
            return ExitCode::from(EXIT_IO);
        }
    };
    for (output, _) in &built {
        if let Err(message) = world.confine(&out.join(&output.id)) {
            print_error(&format!("output folder {message}"));
            return ExitCode::from(EXIT_IO);
        }
    }
    let files: Vec<_> = built.iter().flat_map(|(o, _)| o.files.clone()).collect();
    match write_all(&out, &world.staging_dir(), &files) {
        Ok(_) => {
            for (output, took) in &built {
                ui.letter_written("built", &output.id, &output.files, &args.out, *took);
            }
            for summary in &summaries {
                ui.status(summary);
            }
            for (id, n) in &drafts {
                ui.status(&format!(
                    "{id}: a working draft, not ready to file: {n} placeholder{} or unanswered comment{} (listed above; `respond check` must pass before filing)",
                    if *n == 1 { "" } else { "s" },
                    if *n == 1 { "" } else { "s" },
                ));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_error(&format!("cannot write to {}: {e}", args.out.display()));
            ExitCode::from(EXIT_IO)
        }
    }
}

/// How many findings in `diags` make letter `id` a draft that is not ready to file.
fn unfinished_in(diags: &Diagnostics, id: &str) -> usize {
    diags
        .iter()
        .filter(|d| d.kind == Kind::Unfinished)
        .filter(|d| {
            d.location
                .file
                .path
                .components()
                .any(|c| c.as_os_str() == std::ffi::OsStr::new(id))
        })
        .count()
}
