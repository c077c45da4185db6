//! The whole pipeline for one letter: compile → check → documents → writers
//! (each file verified whole) → leak scan. Nothing here touches the disk.

use std::path::PathBuf;
use std::sync::Arc;

use crate::check::{Mode, check};
use crate::confidential::{self, Redacted, Secret, SecretKind, Version, redact};
use crate::diagnostic::{Diagnostic, Diagnostics, Location, SourceFile};
use crate::error::{Error, catch_panic};
use crate::load::{self, LetterSources};
use crate::markdown::parse_rendered;
use crate::model::{self, Letter, long_date};
use crate::parallel::{default_jobs, map_in_order};
use crate::render::markdown::{LETTER_TEMPLATE, REDLINE_TEMPLATE, TemplateError, Templates};
use crate::render::note_labels::NoteNumbering;
use crate::render::pdf::{ConfidentialMarks, PdfDate};
use crate::render::view::letter_view;
use crate::render::writers::{
    Document, DocumentMeta, Rendition, TrackedChanges, Writer, WrittenFile, is_staff_copy,
    write_verified, writer_for_file,
};

/// The files built for one letter, and what its public files must never contain.
#[derive(Debug, Clone)]
pub struct LetterOutput {
    /// The letter id: the name of its folder under the output folder.
    pub id: String,
    /// The files, named relative to the letter's output folder.
    pub files: Vec<WrittenFile>,
    /// The letter's confidential spans and internal notes.
    pub secrets: Vec<Secret>,
}

/// What a letter's build came to.
#[derive(Debug)]
pub enum Built {
    /// Every file built and verified.
    Letter(LetterOutput, Diagnostics),
    /// The input has errors (in the diagnostics); nothing was built.
    Refused(Diagnostics),
    /// Something failed that the input did not cause; nothing was built.
    Failed(Error, Diagnostics),
}

/// Loads and models a letter, each revision's redline computed once; `None`
/// when it has errors.
pub fn compile(sources: &LetterSources) -> (Option<Letter>, Diagnostics) {
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

/// Compiles and checks a letter; `None` when it has errors.
pub fn check_letter(sources: &LetterSources, mode: Mode) -> (Option<Letter>, Diagnostics) {
    let (letter, mut diags) = compile(sources);
    let Some(letter) = letter else {
        return (None, diags);
    };
    diags.extend(check(&letter, mode));
    if diags.has_errors() {
        return (None, diags);
    }
    (Some(letter), diags)
}

/// Builds one letter in memory with `writers`; a panic anywhere inside is caught.
pub fn build_letter(
    sources: &LetterSources,
    templates: &Templates,
    writers: &[&dyn Writer],
) -> Built {
    match catch_panic(&sources.id, || build_caught(sources, templates, writers)) {
        Ok(built) => built,
        Err(error) => Built::Failed(error, Diagnostics::new()),
    }
}

fn build_caught(sources: &LetterSources, templates: &Templates, writers: &[&dyn Writer]) -> Built {
    let (letter, mut diags) = compile(sources);
    let Some(letter) = letter else {
        return Built::Refused(diags);
    };
    // The checks and the rendering only read the letter: run them side by side.
    let (found, documents) = std::thread::scope(|scope| {
        let checks = scope.spawn(|| catch_panic("the checks", || check(&letter, Mode::Build)));
        let documents = documents(&letter, templates);
        let found = checks
            .join()
            .unwrap_or_else(|payload| Err(Error::panic("the checks", payload.as_ref())));
        (found, documents)
    });
    match found {
        Ok(found) => diags.extend(found),
        Err(error) => return Built::Failed(error, diags),
    }
    if diags.has_errors() {
        return Built::Refused(diags);
    }
    let documents = match documents {
        Ok(documents) => documents,
        Err(DocumentsError::Template(error)) => {
            diags.push(template_diagnostic(&error));
            return Built::Refused(diags);
        }
        Err(DocumentsError::Internal(error)) => return Built::Failed(error, diags),
    };
    let secrets = confidential::secrets(&letter);
    let (files, leaks) = match write_documents(&documents, writers, &secrets) {
        Ok(written) => written,
        Err(error) => return Built::Failed(error, diags),
    };
    if !leaks.is_empty() {
        diags.extend(leaks);
        return Built::Refused(diags);
    }
    Built::Letter(
        LetterOutput {
            id: letter.id.clone(),
            files,
            secrets,
        },
        diags,
    )
}

/// Why the documents of a letter could not be made.
#[derive(Debug)]
pub enum DocumentsError {
    /// A template failed (the project's own template, or its values).
    Template(TemplateError),
    /// The rendered letter could not be read back.
    Internal(Error),
}

/// The letter and its redline, each in its public version and, with a
/// confidential treatment request, the staff's copy.
pub fn documents(letter: &Letter, templates: &Templates) -> Result<Vec<Document>, DocumentsError> {
    let title = format!(
        "Response to SEC comment letter dated {}",
        long_date(letter.staff_letter)
    );
    let (public, staff) = versions(letter);
    let public = render_markdown(&public, templates)?;
    let staff = match staff.map(|s| render_markdown(&s, templates)).transpose()? {
        Some([letter, redline]) => [Some(letter), Some(redline)],
        None => [None, None],
    };
    let mut out = Vec::new();
    for (((stem, doc_title), public), staff) in [
        ("letter", title.clone()),
        ("redline", format!("Redline of revised disclosure: {title}")),
    ]
    .into_iter()
    .zip(public)
    .zip(staff)
    {
        let mut meta = document_meta(letter, doc_title);
        meta.styles = templates.styles().clone();
        if stem == "redline" {
            // The redline is not addressed to the Commission: its header names
            // the company and what the document is.
            meta.header_lines = vec![
                letter.company.name.clone(),
                "Revised disclosure".to_owned(),
                long_date(letter.date),
            ];
        }
        out.push(Document {
            stem: stem.to_owned(),
            meta,
            public,
            staff,
        });
    }
    Ok(out)
}

/// The letter and its redline for one version, rendered and parsed: once
/// to learn the letter's footnote numbering, then (when there are footnotes)
/// again with every note labelled by its number in the letter, so the
/// redline prints the letter's numbers.
pub fn render_markdown(
    redacted: &Redacted,
    templates: &Templates,
) -> Result<[Rendition; 2], DocumentsError> {
    // The letter and the redline are rendered and read side by side.
    let render = |numbering: &NoteNumbering| -> Result<[Rendition; 2], DocumentsError> {
        let view = letter_view(redacted, templates.styles(), numbering);
        let both = [
            (LETTER_TEMPLATE, "letter.md"),
            (REDLINE_TEMPLATE, "redline.md"),
        ];
        let mut read = map_in_order(&both, 2, |&(template, name)| {
            let markdown = templates
                .render(template, &view)
                .map_err(DocumentsError::Template)?;
            rendition(name, markdown).map_err(DocumentsError::Internal)
        })
        .into_iter()
        .map(|r| r.map_err(DocumentsError::Internal).and_then(|read| read));
        match (read.next(), read.next()) {
            (Some(letter), Some(redline)) => Ok([letter?, redline?]),
            _ => Err(DocumentsError::Internal(Error::writer(
                "letter.md",
                "the letter and redline were not both rendered",
            ))),
        }
    };
    let first = render(&NoteNumbering::default())?;
    let numbering = NoteNumbering::of(&first[0].doc, &first[1].doc);
    if numbering.is_empty() {
        return Ok(first);
    }
    render(&numbering)
}

/// The public version of a letter and, with a confidential treatment request, the staff's copy.
pub fn versions(letter: &Letter) -> (Redacted, Option<Redacted>) {
    if letter.confidential_treatment.is_some() {
        (
            redact(letter, Version::Public),
            Some(redact(letter, Version::Staff)),
        )
    } else {
        (redact(letter, Version::Plain), None)
    }
}

/// Rendered Markdown parsed for the writers. The templates' output must read
/// back cleanly: anything the Markdown reader refuses here is a fault of ours
/// (author text was checked when it was loaded), never a reason to write less.
pub fn rendition(name: &str, markdown: String) -> Result<Rendition, Error> {
    let (doc, issues) = parse_rendered(&markdown);
    if let Some(issue) = issues.first() {
        return Err(Error::writer(
            name,
            format!(
                "the rendered Markdown cannot be read back: {}",
                issue.message
            ),
        ));
    }
    Ok(Rendition::new(markdown, doc))
}

/// Writes every document with every writer, one document and writer per
/// core (the typeset formats, which take longest, first); each file verified
/// whole and each public one scanned for `secrets` as soon as it is written.
/// Returns the files, in the order of documents and writers, and the leaks found.
pub fn write_documents(
    documents: &[Document],
    writers: &[&dyn Writer],
    secrets: &[Secret],
) -> Result<(Vec<WrittenFile>, Vec<Diagnostic>), Error> {
    let jobs: Vec<(&Document, &dyn Writer)> = documents
        .iter()
        .flat_map(|d| writers.iter().map(move |w| (d, *w)))
        .collect();
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| !jobs[i].1.typesets());
    let scheduled: Vec<(&Document, &dyn Writer)> = order.iter().map(|&i| jobs[i]).collect();
    let done = map_in_order(&scheduled, default_jobs(), |(d, w)| {
        let mut files = write_verified(*w, d, !secrets.is_empty())?;
        let leaks = scan_files(&mut files, secrets)?;
        Ok::<_, Error>((files, leaks))
    });
    let mut in_order: Vec<_> = order.into_iter().zip(done).collect();
    in_order.sort_by_key(|&(i, _)| i);
    let (mut files, mut leaks) = (Vec::new(), Vec::new());
    for (_, result) in in_order {
        let (written, found) = result??;
        files.extend(written);
        leaks.extend(found);
    }
    Ok((files, leaks))
}

/// Reports each secret found in a public file of `files`, at the place the
/// secret is written, from the text each file was read back as when it was
/// verified (read again if it was not); the read-back text is let go.
fn scan_files(files: &mut [WrittenFile], secrets: &[Secret]) -> Result<Vec<Diagnostic>, Error> {
    let mut found = Vec::new();
    for file in files.iter_mut() {
        let read_back = file.read_back.take();
        if secrets.is_empty() || is_staff_copy(&file.name) {
            continue;
        }
        let text = match read_back {
            Some(read_back) => read_back.all(),
            None => writer_for_file(&file.name)
                .ok_or_else(|| Error::writer(&file.name, "no writer reads this kind of file"))?
                .public_text(&file.bytes)?,
        };
        for leak in confidential::scan(&text, secrets) {
            found.push(leak_diagnostic(&secrets[leak.secret], &file.name));
        }
    }
    Ok(found)
}

/// The diagnostic for `secret` found in `file`.
pub fn leak_diagnostic(secret: &Secret, file: &str) -> Diagnostic {
    let shown: String = secret.text.chars().take(40).collect();
    match secret.kind {
        SecretKind::Span => secret
            .at
            .error(format!("confidential text “{shown}” would appear in {file}"))
            .with_hint("mark every occurrence with <ct>…</ct> (the same figure in a translation or a total too); nothing was written"),
        SecretKind::Note => secret
            .at
            .error(format!("words of an internal note (“{shown}”) would appear in {file}"))
            .with_hint("notes are never printed: reword the letter's text or the note; nothing was written"),
    }
}

/// The metadata of a letter's documents.
pub fn document_meta(letter: &Letter, title: String) -> DocumentMeta {
    DocumentMeta {
        title,
        author: letter.company.name.clone(),
        header_lines: vec![
            "Securities and Exchange Commission".to_owned(),
            long_date(letter.date),
        ],
        date: document_date(letter.date, crate::world::source_date_epoch()),
        styles: crate::render::pdf::Styles::default(),
        confidential: letter
            .confidential_treatment
            .as_ref()
            .map(|ct| ConfidentialMarks {
                requested_by: ct.requested_by.clone(),
                page_code: ct.page_code.clone(),
            }),
        changes: TrackedChanges {
            author: letter.revision_author.trim().to_owned(),
            date: letter.date,
        },
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

/// A template problem as a diagnostic on the template file.
pub fn template_diagnostic(error: &TemplateError) -> Diagnostic {
    let text = error.place.as_ref().map_or("", |p| p.text.as_str());
    let (line, column) = error.place.as_ref().map_or((1, 1), |p| (p.line, p.column));
    if error.name == crate::render::style::STYLE_FILE {
        let file: Arc<SourceFile> = SourceFile::new(PathBuf::from(&error.name), text);
        return Location::new(&file, line, column)
            .error(format!("house style `{}`: {}", error.name, error.message))
            .with_hint("fix the value (see the README's \"House style\"), or delete the key to keep the built-in one");
    }
    let file: Arc<SourceFile> = SourceFile::new(PathBuf::from("templates").join(&error.name), text);
    Location::new(&file, line, column)
        .error(format!(
            "template `{}` failed: {}",
            error.name, error.message
        ))
        .with_hint(
            "fix the template (Tera syntax), or delete it from templates/ to use the built-in one",
        )
}
