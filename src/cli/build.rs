//! `respond build`: every letter, all or nothing.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::ui::{Ui, print_error};
use super::{
    BuildArgs, EXIT_INPUT, EXIT_IO, Project, against, open_project, print_diagnostics,
    selected_writers,
};
use crate::build::{Built, LetterOutput, build_letter, scan_files, write_documents};
use crate::diagnostic::{Diagnostics, Kind};
use crate::error::Error;
use crate::output::{Folder, write_folders};
use crate::parallel::{default_jobs, map_in_order};
use crate::render::markdown::Templates;
use crate::render::writers::{Writer, WrittenFile};
use crate::world::World;

/// The suffix of a letter's blackline folder: `output/<letter-id>.blackline/`.
pub const BLACKLINE_FOLDER_SUFFIX: &str = ".blackline";

/// What building one letter produced.
struct LetterResult {
    built: Built,
    took: Duration,
    blackline: Option<Result<(Vec<WrittenFile>, String), BlacklineProblem>>,
}

/// Why a blackline was not made.
enum BlacklineProblem {
    /// The earlier version could not be found or rendered.
    Baseline(Error),
    /// It would show confidential text.
    Leaks(Diagnostics),
    /// Something failed that the input did not cause.
    Internal(Error),
}

/// Builds the letters (in parallel) and writes their outputs only if every letter built.
pub fn run(args: &BuildArgs, ui: &Ui) -> ExitCode {
    let Project {
        world,
        dirs,
        templates,
    } = match open_project(&args.dirs, args.diagnostic_format) {
        Ok(project) => project,
        Err(code) => return code,
    };
    let writers = selected_writers(&args.format);
    let baseline = match args
        .against
        .as_deref()
        .map(|r| against::Baseline::resolve(r, &world))
    {
        None => None,
        Some(Ok(baseline)) => Some(baseline),
        Some(Err(error)) => {
            print_error(&error.to_string());
            return ExitCode::from(EXIT_IO);
        }
    };
    let out = match world.confine(&args.out) {
        Ok(out) => out,
        Err(message) => {
            print_error(&format!("--out {message}"));
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
                    built: Built::Refused(d),
                    took: started.elapsed(),
                    blackline: None,
                };
            }
        };
        let built = build_letter(&sources, &templates, &writers);
        let blackline = match (&built, &baseline) {
            (Built::Letter(output, _), Some(baseline)) => Some(blackline(
                baseline, &world, dir, &sources, &templates, &writers, output,
            )),
            _ => None,
        };
        LetterResult {
            built,
            took: started.elapsed(),
            blackline,
        }
    });
    let mut diags = Diagnostics::new();
    let mut problems = Vec::new();
    let mut internal = Vec::new();
    let mut summaries = Vec::new();
    let mut built: Vec<(LetterOutput, Duration)> = Vec::new();
    let mut folders = Vec::new();
    for result in results {
        let result = match result {
            Ok(result) => result,
            Err(error) => {
                internal.push(error);
                continue;
            }
        };
        match result.built {
            Built::Letter(output, found) => {
                diags.extend(found);
                match result.blackline {
                    Some(Ok((files, summary))) => {
                        folders.push(Folder {
                            name: format!("{}{BLACKLINE_FOLDER_SUFFIX}", output.id),
                            files,
                        });
                        summaries.push(summary);
                    }
                    Some(Err(BlacklineProblem::Baseline(problem))) => {
                        problems.push(problem.to_string())
                    }
                    Some(Err(BlacklineProblem::Leaks(found))) => diags.extend(found),
                    Some(Err(BlacklineProblem::Internal(error))) => internal.push(error),
                    None => {}
                }
                folders.push(Folder {
                    name: output.id.clone(),
                    files: output.files.clone(),
                });
                built.push((output, result.took));
            }
            Built::Refused(found) => diags.extend(found),
            Built::Failed(error, found) => {
                diags.extend(found);
                internal.push(error);
            }
        }
    }
    let has_errors = diags.has_errors() || !problems.is_empty() || !internal.is_empty();
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
    for error in &internal {
        print_error(&error.to_string());
    }
    if has_errors {
        ui.status("nothing written: fix the errors above and build again");
        let code = if internal.is_empty() && !unreadable {
            EXIT_INPUT
        } else {
            EXIT_IO
        };
        return ExitCode::from(code);
    }
    // A filing build leaves no blackline of an earlier round behind.
    let stale: Vec<String> = if baseline.is_none() {
        built
            .iter()
            .map(|(o, _)| format!("{}{BLACKLINE_FOLDER_SUFFIX}", o.id))
            .collect()
    } else {
        Vec::new()
    };
    match write_folders(&out, &folders, &stale) {
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
            print_error(&format!(
                "cannot write to {}: {e}; nothing was changed",
                args.out.display()
            ));
            ExitCode::from(EXIT_IO)
        }
    }
}

/// The blackline of one letter against `baseline`, written and verified by
/// `writers` and scanned for the letter's secrets.
fn blackline(
    baseline: &against::Baseline,
    world: &World,
    dir: &std::path::Path,
    sources: &crate::load::LetterSources,
    templates: &Templates,
    writers: &[&dyn Writer],
    output: &LetterOutput,
) -> Result<(Vec<WrittenFile>, String), BlacklineProblem> {
    let (document, summary) = baseline
        .blackline_document(world, dir, sources, templates, &output.secrets)
        .map_err(BlacklineProblem::Baseline)?;
    let files = write_documents(std::slice::from_ref(&document), writers)
        .map_err(BlacklineProblem::Internal)?;
    let leaks = scan_files(&files, &output.secrets).map_err(BlacklineProblem::Internal)?;
    if !leaks.is_empty() {
        let mut diags = Diagnostics::new();
        diags.extend(leaks);
        return Err(BlacklineProblem::Leaks(diags));
    }
    Ok((files, summary))
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
