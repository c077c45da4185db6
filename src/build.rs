//! The whole pipeline for one letter: load → model → check → redline → render.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::{Mode, check};
use crate::diagnostic::{Diagnostic, Diagnostics, Location, SourceFile};
use crate::load::{self, LetterSources};
use crate::markdown::parse_rendered;
use crate::model::{self, Letter, long_date};
use crate::output::OutputFile;
use crate::parallel::{default_jobs, map_in_order};
use crate::render::confidential::{self, Version};
use crate::render::html::{HtmlMeta, render_html};
use crate::render::markdown::{LETTER_TEMPLATE, REDLINE_TEMPLATE, TemplateError, Templates};
use crate::render::pdf::{ConfidentialMarks, PdfDate, PdfMeta, PlacementError, render_pdf};
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
    let (letter, mut diags) = load_letter(sources);
    let Some(letter) = letter else {
        return (None, diags);
    };
    // The checks and the rendering only read the letter: run them side by side.
    let (found, rendered) = std::thread::scope(|scope| {
        let checks = scope.spawn(|| check(&letter, Mode::Build));
        let rendered = render_letter(&letter, templates, formats);
        (checks.join().unwrap_or_default(), rendered)
    });
    diags.extend(found);
    if diags.has_errors() {
        return (None, diags);
    }
    let files = match rendered {
        Ok(files) => files,
        Err(RenderError::Template(error)) => {
            diags.push(template_diagnostic(&error));
            return (None, diags);
        }
        Err(RenderError::Incomplete(incomplete)) => {
            let file = letter.date_origin.map.file();
            diags.push(
                Location::start_of(file)
                    .error(incomplete.to_string())
                    .with_hint(
                        "this is a defect of respond, not of the letter; nothing was written",
                    ),
            );
            return (None, diags);
        }
    };
    let leaks = scan_for_leaks(&letter, &files);
    if !leaks.is_empty() {
        diags.extend(leaks);
        return (None, diags);
    }
    (
        Some(LetterOutput {
            id: letter.id.clone(),
            files,
        }),
        diags,
    )
}

/// Reads every public output back and reports any confidential span or internal
/// note found in it. The staff's unredacted copies are not scanned.
pub fn scan_for_leaks(letter: &Letter, files: &[OutputFile]) -> Vec<Diagnostic> {
    let secrets = letter.secrets();
    if secrets.is_empty() {
        return Vec::new();
    }
    let texts: Vec<&str> = secrets.iter().map(|(text, _)| text.as_str()).collect();
    let mut found = Vec::new();
    for file in files {
        let name = file.path.to_string_lossy();
        if name.contains(".unredacted.") {
            continue;
        }
        let readable = match file.path.extension().and_then(|e| e.to_str()) {
            Some("pdf") => confidential::pdf_text(&file.bytes),
            Some("htm") => confidential::html_text(&String::from_utf8_lossy(&file.bytes)),
            Some("md") => confidential::markdown_text(&String::from_utf8_lossy(&file.bytes)),
            _ => String::from_utf8_lossy(&file.bytes).into_owned(),
        };
        for i in confidential::leaks(&readable, &texts) {
            let (text, at) = &secrets[i];
            let shown: String = text.chars().take(40).collect();
            found.push(
                at.error(format!("confidential text “{shown}” would appear in {name}"))
                    .with_hint("mark every occurrence with <ct>…</ct>, or remove it from internal notes that leak into text; nothing was written"),
            );
        }
    }
    found
}

/// What the HTML and PDF writers print besides the document itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentMeta {
    /// Document title (HTML `<title>`, PDF metadata).
    pub title: String,
    /// Author (the company).
    pub author: String,
    /// Running header lines on pages 2+ (before "Page N").
    pub header_lines: Vec<String>,
    /// The date and time the PDF records as its creation date.
    pub date: PdfDate,
    /// Rule 83 page marks, for a letter with a confidential treatment request.
    pub confidential: Option<ConfidentialMarks>,
}

impl DocumentMeta {
    /// The metadata of a letter's documents.
    pub fn for_letter(letter: &Letter, title: String) -> DocumentMeta {
        DocumentMeta {
            title,
            author: letter.company.name.clone(),
            header_lines: vec![
                "Securities and Exchange Commission".to_owned(),
                long_date(letter.date),
            ],
            date: document_date(letter.date, crate::world::source_date_epoch()),
            confidential: letter
                .confidential_treatment
                .as_ref()
                .map(|ct| ConfidentialMarks {
                    requested_by: ct.requested_by.clone(),
                    page_code: ct.page_code.clone(),
                }),
        }
    }
}

/// The PDF's date: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the
/// letter's own date at midnight UTC — never the clock.
pub fn document_date(letter_date: time::Date, source_date_epoch: Option<i64>) -> PdfDate {
    let at = source_date_epoch
        .and_then(|secs| time::OffsetDateTime::from_unix_timestamp(secs).ok())
        .unwrap_or_else(|| letter_date.midnight().assume_utc());
    PdfDate {
        year: at.year(),
        month: u8::from(at.month()),
        day: at.day(),
        hour: at.hour(),
        minute: at.minute(),
        second: at.second(),
    }
}

/// Why a letter's documents could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// A template failed.
    Template(TemplateError),
    /// A document would not hold every word of the letter.
    Incomplete(IncompleteDocument),
}

impl From<TemplateError> for RenderError {
    fn from(error: TemplateError) -> Self {
        RenderError::Template(error)
    }
}

/// A rendered document that would not show the letter whole.
#[derive(Debug)]
pub struct IncompleteDocument {
    /// The file, e.g. `example/letter.pdf`.
    pub path: PathBuf,
    /// What is wrong with it.
    pub error: PlacementError,
}

impl std::fmt::Display for IncompleteDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "internal error: {} {}", self.path.display(), self.error)
    }
}

/// Renders the letter and its redline in every requested format. A letter with
/// a confidential treatment request gets the public version (spans replaced by
/// `[***]`) and, as PDF, the staff's copy (`*.unredacted.pdf`, spans bracketed).
pub fn render_letter(
    letter: &Letter,
    templates: &Templates,
    formats: Formats,
) -> Result<Vec<OutputFile>, RenderError> {
    let title = format!(
        "Response to SEC comment letter dated {}",
        long_date(letter.staff_letter)
    );
    let versions: &[Version] = if letter.confidential_treatment.is_some() {
        &[Version::Public, Version::Unredacted]
    } else {
        &[Version::Plain]
    };
    // Every document of the letter, then all of them rendered at once, one per core.
    let mut documents = Vec::new();
    for &version in versions {
        let view = letter_view(letter, version);
        for (template, stem, doc_title) in [
            (LETTER_TEMPLATE, "letter", title.clone()),
            (
                REDLINE_TEMPLATE,
                "redline",
                format!("Redline of revised disclosure: {title}"),
            ),
        ] {
            let markdown = templates.render(template, &view)?;
            let meta = DocumentMeta::for_letter(letter, doc_title);
            let (stem, formats) = if version == Version::Unredacted {
                let pdf_only = Formats {
                    markdown: false,
                    html: false,
                    pdf: formats.pdf,
                };
                (format!("{stem}.unredacted"), pdf_only)
            } else {
                (stem.to_owned(), formats)
            };
            documents.push((stem, markdown, meta, formats));
        }
    }
    let dir = PathBuf::from(&letter.id);
    let mut files = Vec::new();
    for rendered in map_in_order(
        &documents,
        default_jobs(),
        |(stem, markdown, meta, formats)| {
            document_files(&dir, stem, markdown.clone(), meta, *formats)
        },
    ) {
        files.extend(rendered.map_err(RenderError::Incomplete)?);
    }
    Ok(files)
}

/// One rendered Markdown document in every requested format: `{stem}.md`,
/// `{stem}.htm`, `{stem}.pdf` under `dir`. The HTML and PDF are written from
/// the Markdown as parsed once, so the three never disagree.
pub fn document_files(
    dir: &Path,
    stem: &str,
    markdown: String,
    meta: &DocumentMeta,
    formats: Formats,
) -> Result<Vec<OutputFile>, IncompleteDocument> {
    let path = |ext: &str| dir.join(format!("{stem}.{ext}"));
    let mut files = Vec::new();
    let (doc, _) = parse_rendered(&markdown);
    if formats.html {
        let html = render_html(
            &doc,
            &HtmlMeta {
                title: meta.title.clone(),
                banner: meta
                    .confidential
                    .as_ref()
                    .map(|ct| format!("Confidential Treatment Requested by {}", ct.requested_by)),
            },
        );
        files.push(OutputFile {
            path: path("htm"),
            bytes: html.into_bytes(),
        });
    }
    if formats.pdf {
        let pdf = render_pdf(
            &doc,
            &PdfMeta {
                title: meta.title.clone(),
                author: meta.author.clone(),
                header_lines: meta.header_lines.clone(),
                confidential: meta.confidential.clone(),
                date: meta.date,
            },
        )
        .map_err(|error| IncompleteDocument {
            path: path("pdf"),
            error,
        })?;
        files.push(OutputFile {
            path: path("pdf"),
            bytes: pdf,
        });
    }
    if formats.markdown {
        files.push(OutputFile {
            path: path("md"),
            bytes: markdown.into_bytes(),
        });
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
