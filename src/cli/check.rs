//! `respond check`: load and check letters, print findings and one summary line
//! per letter, write nothing.

use std::path::Path;
use std::process::ExitCode;

use super::ui::{Ui, print_error};
use super::{CheckArgs, EXIT_INPUT, EXIT_IO, Project, open_project, print_diagnostics};
use crate::build::{DocumentsError, compile, documents, template_diagnostic};
use crate::check::summary::{Contents, Obstacles, Summary};
use crate::check::{Mode, check};
use crate::diagnostic::Location;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::model::Letter;
use crate::parallel::{default_jobs, map_in_order};
use crate::render::markdown::Templates;
use crate::render::pdf::{PdfMeta, layout};
use crate::world::World;

/// Checks the letters and exits 0 (clean or warnings only), 1 (errors, or
/// warnings with `--deny-warnings`) or 2 (usage or I/O).
pub fn run(args: &CheckArgs, ui: &Ui) -> ExitCode {
    let Project {
        world,
        dirs,
        templates,
    } = match open_project(&args.dirs, args.diagnostic_format) {
        Ok(project) => project,
        Err(code) => return code,
    };
    let checked = map_in_order(&dirs, default_jobs(), |dir| {
        check_one(&world, dir, &templates)
    });
    let mut diags = Diagnostics::new();
    let mut summaries = Vec::new();
    let mut internal = Vec::new();
    for checked in checked {
        match checked {
            Ok((found, summary)) => {
                diags.extend(found);
                summaries.push(summary);
            }
            Err(error) => internal.push(error),
        }
    }
    let unreadable = diags.has_unreadable();
    let sorted = diags.into_sorted();
    let errors = sorted.iter().any(|d| d.severity == Severity::Error);
    let warnings = sorted.iter().any(|d| d.severity == Severity::Warning);
    print_diagnostics(&sorted, args.diagnostic_format);
    if ui.verbosity > super::ui::Verbosity::Quiet {
        for summary in &summaries {
            println!("{summary}");
        }
    }
    for error in &internal {
        print_error(&error.to_string());
    }
    if unreadable || !internal.is_empty() {
        ExitCode::from(EXIT_IO)
    } else if errors || (warnings && args.deny_warnings) {
        ExitCode::from(EXIT_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads, loads and checks one letter: its findings and its summary line.
fn check_one(world: &World, dir: &Path, templates: &Templates) -> (Vec<Diagnostic>, Summary) {
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (letter, mut diags) = match world.read_letter(dir) {
        Ok(sources) => compile(&sources),
        Err(diags) => (None, diags),
    };
    let contents = letter.as_ref().map(|letter| {
        diags.extend(check(letter, Mode::Check));
        let pages = match page_count(letter, templates) {
            Ok(pages) => Some(pages),
            Err(DocumentsError::Template(error)) => {
                diags.push(template_diagnostic(&error));
                None
            }
            Err(DocumentsError::Internal(error)) => {
                let file = &letter.date_origin.map.file();
                diags.push(Location::start_of(file).error(error.to_string()));
                None
            }
        };
        Contents::of(letter, pages)
    });
    let found: Vec<Diagnostic> = diags.into_iter().collect();
    let unanswered = contents.map_or(0, |c| c.comments - c.responses);
    let summary = Summary {
        id,
        contents,
        obstacles: Obstacles::of(&found, unanswered),
    };
    (found, summary)
}

/// The pages of the letter's PDF, laid out as `respond build` would (a
/// confidential letter's two copies paginate alike), without drawing it.
fn page_count(letter: &Letter, templates: &Templates) -> Result<usize, DocumentsError> {
    let documents = documents(letter, templates)?;
    let Some(document) = documents.first() else {
        return Ok(0);
    };
    let doc = &document.staff.as_ref().unwrap_or(&document.public).doc;
    let meta = &document.meta;
    let pdf = PdfMeta {
        title: meta.title.clone(),
        author: meta.author.clone(),
        header_lines: meta.header_lines.clone(),
        confidential: meta.confidential.clone(),
        date: meta.date,
    };
    Ok(layout(doc, &pdf, &meta.styles).len())
}
