//! `respond build`: every letter, all or nothing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::ui::{Ui, print_error};
use super::{
    BuildArgs, EXIT_INPUT, EXIT_IO, Project, against, open_project, print_diagnostics,
    selected_writers,
};
use crate::build::{Built, LetterOutput, build_letter, write_documents};
use crate::cache::{self, Cache};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::error::Error;
use crate::load::LetterSources;
use crate::output::{Folder, write_folders};
use crate::parallel::{default_jobs, map_in_order};
use crate::render::markdown::Templates;
use crate::render::writers::{Writer, WrittenFile};
use crate::world::World;

/// The suffix of a letter's blackline folder: `output/<letter-id>.blackline/`.
pub const BLACKLINE_FOLDER_SUFFIX: &str = ".blackline";

/// What building one letter produced.
struct LetterResult {
    /// The letter id.
    id: String,
    /// `None` when the cache found the letter's outputs up to date; then
    /// `replayed` holds the warnings its last build gave.
    built: Option<Built>,
    replayed: Vec<Diagnostic>,
    /// The cache key of its inputs (when the cache is in use).
    key: Option<String>,
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

/// Everything a build needs besides the letters.
struct Setup<'a> {
    world: World,
    templates: Templates,
    overrides: Vec<(String, String)>,
    writers: Vec<&'static dyn Writer>,
    baseline: Option<against::Baseline>,
    /// The cache, unless `--no-cache` or `--against` bypasses it.
    cache: Option<Cache>,
    out: PathBuf,
    args: &'a BuildArgs,
}

/// A letter built in this run, to be written and recorded in the cache.
struct BuiltLetter {
    output: LetterOutput,
    took: Duration,
    /// The cache key of its inputs (when the cache is in use).
    key: Option<String>,
    /// The warnings it gave, which the cache keeps to print again.
    warnings: Vec<Diagnostic>,
}

/// What the letters' results come to.
#[derive(Default)]
struct Outcome {
    diags: Diagnostics,
    problems: Vec<String>,
    internal: Vec<Error>,
    summaries: Vec<String>,
    built: Vec<BuiltLetter>,
    unchanged: Vec<String>,
    folders: Vec<Folder>,
}

/// Builds the letters (in parallel) and writes their outputs only if every letter built.
pub fn run(args: &BuildArgs, ui: &Ui) -> ExitCode {
    let setup = match setup(args) {
        Ok(setup) => setup,
        Err(code) => return code,
    };
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    let dirs = setup.dirs.clone();
    let results = map_in_order(&dirs, jobs, |dir| build_one(&setup.setup, dir));
    let outcome = collect(results);
    finish(&setup.setup, outcome, ui)
}

/// The setup and the letter folders.
struct Prepared<'a> {
    setup: Setup<'a>,
    dirs: Vec<PathBuf>,
}

fn setup(args: &BuildArgs) -> Result<Prepared<'_>, ExitCode> {
    let Project {
        world,
        dirs,
        templates,
    } = open_project(&args.dirs, args.diagnostic_format)?;
    let fail = |message: String| {
        print_error(&message);
        ExitCode::from(EXIT_IO)
    };
    let baseline = args
        .against
        .as_deref()
        .map(|r| against::Baseline::resolve(r, &world))
        .transpose()
        .map_err(|e| fail(e.to_string()))?;
    let out = world
        .confine(&args.out)
        .map_err(|message| fail(format!("--out {message}")))?;
    let cache = if args.no_cache || baseline.is_some() {
        None
    } else {
        Some(Cache::new(
            world.cache_dir().map_err(|e| fail(e.to_string()))?,
        ))
    };
    let overrides = world
        .template_overrides()
        .map_err(|e| fail(format!("cannot read templates/: {e}")))?;
    Ok(Prepared {
        setup: Setup {
            world,
            templates,
            overrides,
            writers: selected_writers(&args.format),
            baseline,
            cache,
            out,
            args,
        },
        dirs,
    })
}

/// Reads and builds one letter, unless the cache finds its outputs up to date.
fn build_one(setup: &Setup, dir: &Path) -> LetterResult {
    let started = Instant::now();
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sources = match setup.world.read_letter(dir) {
        Ok(s) => s,
        Err(d) => {
            return LetterResult {
                id,
                built: Some(Built::Refused(d)),
                replayed: Vec::new(),
                key: None,
                took: started.elapsed(),
                blackline: None,
            };
        }
    };
    let key = setup.cache.as_ref().map(|cache| {
        let key = cache::key(
            &sources,
            &setup.overrides,
            &setup.writers,
            crate::world::source_date_epoch(),
        );
        (cache, key)
    });
    if let Some((cache, key)) = &key
        && let Some(replayed) = cache.fresh(&sources, key, &setup.out.join(&sources.id))
    {
        return LetterResult {
            id,
            built: None,
            replayed,
            key: None,
            took: started.elapsed(),
            blackline: None,
        };
    }
    let built = build_letter(&sources, &setup.templates, &setup.writers);
    let blackline = match (&built, &setup.baseline) {
        (Built::Letter(output, _), Some(baseline)) => {
            Some(blackline(baseline, setup, dir, &sources, output))
        }
        _ => None,
    };
    LetterResult {
        id,
        built: Some(built),
        replayed: Vec::new(),
        key: key.map(|(_, key)| key),
        took: started.elapsed(),
        blackline,
    }
}

fn collect(results: Vec<Result<LetterResult, Error>>) -> Outcome {
    let mut o = Outcome::default();
    for result in results {
        let result = match result {
            Ok(result) => result,
            Err(error) => {
                o.internal.push(error);
                continue;
            }
        };
        match result.built {
            None => {
                o.diags.extend(result.replayed);
                o.unchanged.push(result.id);
            }
            Some(Built::Letter(output, found)) => {
                let warnings: Vec<Diagnostic> = found.iter().cloned().collect();
                o.diags.extend(found);
                match result.blackline {
                    Some(Ok((files, summary))) => {
                        o.folders.push(Folder {
                            name: format!("{}{BLACKLINE_FOLDER_SUFFIX}", output.id),
                            files,
                        });
                        o.summaries.push(summary);
                    }
                    Some(Err(BlacklineProblem::Baseline(problem))) => {
                        o.problems.push(problem.to_string())
                    }
                    Some(Err(BlacklineProblem::Leaks(found))) => o.diags.extend(found),
                    Some(Err(BlacklineProblem::Internal(error))) => o.internal.push(error),
                    None => {}
                }
                o.folders.push(Folder {
                    name: output.id.clone(),
                    files: output.files.clone(),
                });
                o.built.push(BuiltLetter {
                    output,
                    took: result.took,
                    key: result.key,
                    warnings,
                });
            }
            Some(Built::Refused(found)) => o.diags.extend(found),
            Some(Built::Failed(error, found)) => {
                o.diags.extend(found);
                o.internal.push(error);
            }
        }
    }
    o
}

/// Prints what the letters came to and, if every one built, writes them.
fn finish(setup: &Setup, o: Outcome, ui: &Ui) -> ExitCode {
    let args = setup.args;
    let has_errors = o.diags.has_errors() || !o.problems.is_empty() || !o.internal.is_empty();
    let unreadable = o.diags.has_unreadable();
    let drafts: Vec<(String, usize)> = o
        .built
        .iter()
        .map(|b| &b.output.id)
        .chain(&o.unchanged)
        .map(|id| (id.clone(), unfinished_in(&o.diags, id)))
        .filter(|(_, n)| *n > 0)
        .collect();
    print_diagnostics(&o.diags.into_sorted(), args.diagnostic_format);
    for problem in &o.problems {
        print_error(problem);
    }
    for error in &o.internal {
        print_error(&error.to_string());
    }
    if has_errors {
        ui.status("nothing written: fix the errors above and build again");
        let code = if o.internal.is_empty() && !unreadable {
            EXIT_INPUT
        } else {
            EXIT_IO
        };
        return ExitCode::from(code);
    }
    // A filing build leaves no blackline of an earlier round behind.
    let stale: Vec<String> = if setup.baseline.is_none() {
        o.built
            .iter()
            .map(|b| b.output.id.as_str())
            .chain(o.unchanged.iter().map(String::as_str))
            .map(|id| format!("{id}{BLACKLINE_FOLDER_SUFFIX}"))
            .collect()
    } else {
        Vec::new()
    };
    if let Err(e) = write_folders(&setup.out, &o.folders, &stale) {
        print_error(&format!(
            "cannot write to {}: {e}; nothing was changed",
            args.out.display()
        ));
        return ExitCode::from(EXIT_IO);
    }
    if let Err(e) = record(setup, &o.built) {
        print_error(&format!(
            "the letters were written, but the build cache could not be updated: {e}"
        ));
        return ExitCode::from(EXIT_IO);
    }
    for b in &o.built {
        ui.letter_written("built", &b.output.id, &b.output.files, &args.out, b.took);
    }
    for id in &o.unchanged {
        ui.status(&format!("unchanged {id}: its outputs are up to date"));
    }
    for summary in &o.summaries {
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

/// Records each letter built in the cache (a letter whose record cannot be
/// written is forgotten, so it is built in full next time).
fn record(setup: &Setup, built: &[BuiltLetter]) -> Result<(), Error> {
    let Some(cache) = &setup.cache else {
        return Ok(());
    };
    for b in built {
        match &b.key {
            Some(key) => cache.record(&b.output.id, key, &b.output.files, &b.warnings)?,
            None => cache.forget(&b.output.id)?,
        }
    }
    Ok(())
}

/// The blackline of one letter against `baseline`, written and verified by
/// the build's writers and scanned for the letter's secrets.
fn blackline(
    baseline: &against::Baseline,
    setup: &Setup,
    dir: &Path,
    sources: &LetterSources,
    output: &LetterOutput,
) -> Result<(Vec<WrittenFile>, String), BlacklineProblem> {
    let (document, summary) = baseline
        .blackline_document(
            &setup.world,
            dir,
            sources,
            &setup.templates,
            &output.secrets,
        )
        .map_err(BlacklineProblem::Baseline)?;
    let (files, leaks) = write_documents(
        std::slice::from_ref(&document),
        &setup.writers,
        &output.secrets,
    )
    .map_err(BlacklineProblem::Internal)?;
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
