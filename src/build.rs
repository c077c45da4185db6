//! The whole pipeline for one letter: load → model → check → redline → render.

use std::path::PathBuf;
use std::sync::Arc;

use crate::check::{Mode, check};
use crate::diagnostic::{Diagnostics, Location, SourceFile};
use crate::load::{self, LetterSources};
use crate::markdown::parse_rendered;
use crate::model::{self, Letter, long_date};
use crate::output::OutputFile;
use crate::render::html::{HtmlMeta, render_html};
use crate::render::markdown::{LETTER_TEMPLATE, REDLINE_TEMPLATE, TemplateError, Templates};
use crate::render::view::letter_view;

/// Which output formats to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// `letter.md`, `redline.md`.
    pub markdown: bool,
    /// `letter.htm`, `redline.htm`.
    pub html: bool,
    /// `letter.pdf`, `redline.pdf`.
    pub pdf: bool,
}

impl Formats {
    /// Every format.
    pub const ALL: Formats = Formats {
        markdown: true,
        html: true,
        pdf: true,
    };
}

/// The files built for one letter.
#[derive(Debug, Clone)]
pub struct LetterOutput {
    /// The letter id.
    pub id: String,
    /// The files, with paths relative to the output folder.
    pub files: Vec<OutputFile>,
}

/// Loads and validates a letter; `None` when it has errors.
pub fn load_letter(sources: &LetterSources) -> (Option<Letter>, Diagnostics) {
    let (loaded, mut diags) = load::load(sources);
    let Some(loaded) = loaded else {
        return (None, diags);
    };
    let (letter, more) = model::model(loaded);
    diags.extend(more);
    if diags.has_errors() {
        return (None, diags);
    }
    (letter, diags)
}

/// Loads, validates and checks a letter; `None` when it has errors.
pub fn check_letter(sources: &LetterSources, mode: Mode) -> (Option<Letter>, Diagnostics) {
    let (letter, mut diags) = load_letter(sources);
    let Some(letter) = letter else {
        return (None, diags);
    };
    diags.extend(check(&letter, mode));
    if diags.has_errors() {
        return (None, diags);
    }
    (Some(letter), diags)
}

/// Builds every requested output of one letter in memory.
pub fn build_letter(
    sources: &LetterSources,
    templates: &Templates,
    formats: Formats,
) -> (Option<LetterOutput>, Diagnostics) {
    let (letter, mut diags) = check_letter(sources, Mode::Build);
    let Some(letter) = letter else {
        return (None, diags);
    };
    match render_letter(&letter, templates, formats) {
        Ok(files) => (
            Some(LetterOutput {
                id: letter.id.clone(),
                files,
            }),
            diags,
        ),
        Err(error) => {
            diags.push(template_diagnostic(&error));
            (None, diags)
        }
    }
}

/// Renders the letter and its redline in every requested format.
pub fn render_letter(
    letter: &Letter,
    templates: &Templates,
    formats: Formats,
) -> Result<Vec<OutputFile>, TemplateError> {
    let view = letter_view(letter);
    let title = format!(
        "Response to SEC comment letter dated {}",
        long_date(letter.staff_letter)
    );
    let mut files = Vec::new();
    for (template, stem, doc_title) in [
        (LETTER_TEMPLATE, "letter", title.clone()),
        (
            REDLINE_TEMPLATE,
            "redline",
            format!("Redline of revised disclosure: {title}"),
        ),
    ] {
        let markdown = templates.render(template, &view)?;
        let path = |ext: &str| PathBuf::from(&letter.id).join(format!("{stem}.{ext}"));
        let (doc, _) = parse_rendered(&markdown);
        if formats.html {
            let html = render_html(
                &doc,
                &HtmlMeta {
                    title: doc_title.clone(),
                },
            );
            files.push(OutputFile {
                path: path("htm"),
                bytes: html.into_bytes(),
            });
        }
        if formats.markdown {
            files.push(OutputFile {
                path: path("md"),
                bytes: markdown.into_bytes(),
            });
        }
    }
    Ok(files)
}

/// A template problem as a diagnostic on the template file.
pub fn template_diagnostic(error: &TemplateError) -> crate::diagnostic::Diagnostic {
    let file: Arc<SourceFile> = SourceFile::new(PathBuf::from("templates").join(&error.name), "");
    Location::start_of(&file)
        .error(format!(
            "template `{}` failed: {}",
            error.name, error.message
        ))
        .with_hint(
            "fix the template (Tera syntax), or delete it from templates/ to use the built-in one",
        )
}
