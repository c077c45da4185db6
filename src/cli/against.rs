//! `respond build --against REF`: the letter compared with an earlier version
//! of itself, written as `letter.blackline.md/.htm/.pdf/.docx` in its own
//! folder, `output/<letter-id>.blackline/`, apart from the filing outputs. In
//! the DOCX the changes since the earlier draft are tracked changes by
//! "Blackline", dated the earlier draft's date.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use time::Date;

use crate::blackline::{compare, cover_line};
use crate::build::{DocumentsError, compile, document_meta, render_markdown, rendition, versions};
use crate::confidential::Secret;
use crate::diagnostic::SourceFile;
use crate::error::Error;
use crate::history::{self, FileAtRevision, Repo};
use crate::load::LetterSources;
use crate::model::{Letter, long_date};
use crate::render::markdown::Templates;
use crate::render::writers::{Document, TrackedChanges};
use crate::world::World;

/// The file stem of the blackline documents.
pub const BLACKLINE_STEM: &str = "letter.blackline";

/// The author of a blackline's tracked changes.
pub const BLACKLINE_AUTHOR: &str = "Blackline";

/// The earlier version a blackline compares with.
#[derive(Debug, Clone)]
pub enum Baseline {
    /// A folder holding an earlier build: `<folder>/<letter-id>/letter.md`.
    Folder(PathBuf),
    /// A git revision (commit, branch, tag, `HEAD~1`, …).
    Revision {
        /// The work tree.
        repo: Repo,
        /// The revision as the user wrote it.
        rev: String,
    },
    /// The last circulated draft of each letter (see `respond circulate`).
    Circulated(Repo),
}

impl Baseline {
    /// Reads `--against REF`: the word `circulated`, an existing folder, or a git revision.
    pub fn resolve(reference: &str, world: &World) -> Result<Baseline, Error> {
        if reference == "circulated" {
            return Ok(Baseline::Circulated(Repo::discover(world.root())?));
        }
        let folder = Path::new(reference);
        if folder.is_dir() {
            return Ok(Baseline::Folder(folder.to_path_buf()));
        }
        let repo = Repo::discover(world.root())
            .map_err(|e| Error::usage(format!("`{reference}` is not a folder, and {e}")))?;
        repo.commit(reference)?;
        Ok(Baseline::Revision {
            repo,
            rev: reference.to_owned(),
        })
    }

    /// The blackline of the letter in `dir` (whose current sources are
    /// `sources`) as a document for the writers, and a line saying what changed
    /// for the progress report. Text confidential now is redacted from the
    /// earlier version too (`secrets`), even where that draft had not marked it.
    pub fn blackline_document(
        &self,
        world: &World,
        dir: &Path,
        sources: &LetterSources,
        templates: &Templates,
        secrets: &[Secret],
    ) -> Result<(Document, String), Error> {
        let (old_markdown, date) = self.earlier_letter(world, dir, &sources.id)?;
        let letter = compile(sources)
            .0
            .ok_or_else(|| Error::usage(format!("{} has errors", sources.id)))?;
        let new_markdown = render(&letter, templates)?;
        let cover = cover_line(date);
        let compared = compare(&old_markdown, &new_markdown, &cover, secrets)?;
        let title = format!(
            "Response to SEC comment letter dated {}: {}",
            long_date(letter.staff_letter),
            cover.to_lowercase()
        );
        let mut public = rendition(&format!("{BLACKLINE_STEM}.md"), compared.markdown)?;
        // The compared document itself, where a change since the draft and
        // the letter's own struck passages are still told apart.
        public.doc = compared.doc;
        let mut meta = document_meta(&letter, title);
        meta.changes = TrackedChanges {
            author: BLACKLINE_AUTHOR.to_owned(),
            date,
        };
        let document = Document {
            stem: BLACKLINE_STEM.to_owned(),
            meta,
            public,
            staff: None,
        };
        let summary = format!(
            "blackline of {}: {} word{} inserted, {} deleted since the draft of {}",
            letter.id,
            compared.words_inserted,
            if compared.words_inserted == 1 {
                ""
            } else {
                "s"
            },
            compared.words_deleted,
            long_date(date)
        );
        Ok((document, summary))
    }

    /// The letter `id` as rendered at the baseline, and the baseline's date.
    fn earlier_letter(&self, world: &World, dir: &Path, id: &str) -> Result<(String, Date), Error> {
        match self {
            Baseline::Folder(folder) => history::earlier_build(folder, id),
            Baseline::Revision { repo, rev } => {
                let markdown = render_at(repo, rev, world, dir, id)?;
                Ok((markdown, repo.commit_date(rev)?))
            }
            Baseline::Circulated(repo) => {
                let drafts = repo.circulated_drafts(id)?;
                let last = history::latest(&drafts).ok_or_else(|| {
                    Error::usage(format!(
                        "{id} has never been circulated (no tag {}…); run `respond circulate` when a draft goes out",
                        history::circulated_prefix(id)
                    ))
                })?;
                let markdown = render_at(repo, &last.tag, world, dir, id)?;
                Ok((markdown, last.date))
            }
        }
    }
}

/// The letter as rendered for EDGAR: with a confidential treatment request,
/// the public version (`[***]` in place of each confidential span), as the
/// blackline may travel as far as the letter itself.
fn render(letter: &Letter, templates: &Templates) -> Result<String, Error> {
    let (public, _) = versions(letter);
    match render_markdown(&public, templates) {
        Ok([letter, _]) => Ok(letter.markdown),
        Err(DocumentsError::Template(e)) => Err(Error::usage(format!(
            "template `{}` failed: {}",
            e.name, e.message
        ))),
        Err(DocumentsError::Internal(e)) => Err(e),
    }
}

/// Renders letter `id` from its files and the project's templates as they were at `rev`.
fn render_at(repo: &Repo, rev: &str, world: &World, dir: &Path, id: &str) -> Result<String, Error> {
    let folder = repo.relative(dir)?;
    let files = repo.files_at(rev, &folder)?;
    let sources = sources_at(rev, id, &folder, files)?;
    let templates_dir = repo.relative(world.root())?.join("templates");
    let overrides: Vec<(String, String)> = repo
        .files_at(rev, &templates_dir)?
        .into_iter()
        .filter(|f| f.path.parent() == Some(templates_dir.as_path()))
        .filter(|f| f.path.extension().is_some_and(|e| e == "tera"))
        .filter_map(|f| Some((f.path.file_name()?.to_string_lossy().into_owned(), f.text)))
        .collect();
    let templates = Templates::new(&overrides).map_err(|e| {
        Error::usage(format!(
            "template `{}` as of `{rev}` failed: {}",
            e.name, e.message
        ))
    })?;
    let (letter, diags) = compile(&sources);
    let Some(letter) = letter else {
        let errors = diags.iter().filter(|d| d.is_error()).count();
        return Err(Error::usage(format!(
            "{id} as of `{rev}` has {errors} error{} and cannot be compared; compare with another revision",
            if errors == 1 { "" } else { "s" }
        )));
    };
    render(&letter, &templates)
}

/// A letter's sources from its files at a revision; paths shown as `rev:path`.
fn sources_at(
    rev: &str,
    id: &str,
    folder: &Path,
    files: Vec<FileAtRevision>,
) -> Result<LetterSources, Error> {
    let source = |f: FileAtRevision| -> Arc<SourceFile> {
        SourceFile::new(
            format!("{rev}:{}", crate::diagnostic::display_path(&f.path)),
            f.text,
        )
    };
    let comments_dir = folder.join("comments");
    let mut letter = None;
    let mut comments = Vec::new();
    for file in files {
        if file.path == folder.join("letter.yaml") {
            letter = Some(source(file));
        } else if file.path.parent() == Some(comments_dir.as_path())
            && file
                .path
                .extension()
                .is_some_and(|e| e == "yaml" || e == "yml")
        {
            comments.push(file);
        }
    }
    let letter =
        letter.ok_or_else(|| Error::usage(format!("{id} has no letter.yaml as of `{rev}`")))?;
    comments.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(LetterSources {
        id: id.to_owned(),
        letter,
        comments: comments.into_iter().map(source).collect(),
    })
}
