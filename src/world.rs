//! The one boundary with the file system: reading a project's files.
//!
//! Every other stage works on values, so tests can run in memory and builds
//! are reproducible.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics, Location, SourceFile};
use crate::load::LetterSources;

/// Files larger than this are refused rather than parsed.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// A letter whose files add up to more than this is refused. Building takes
/// up to about 170 bytes of memory per byte of YAML (a long revised passage
/// compared word by word, then typeset), so this bounds one letter near 700 MB;
/// a real letter of sixteen comments is under 100 KB.
pub const MAX_LETTER_BYTES: u64 = 4 * 1024 * 1024;
/// A build or check whose letters add up to more than this is refused before
/// anything is read, so that letters built side by side stay near 2 GB.
pub const MAX_BUILD_BYTES: u64 = 12 * 1024 * 1024;
/// Letters with more comment files than this are refused.
pub const MAX_COMMENTS: usize = 2000;

/// `SOURCE_DATE_EPOCH` (seconds since 1970), the reproducible-builds convention
/// for the date a build records; `None` when unset or not a number.
pub fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

/// Today's date (UTC), for the check that a letter is not dated implausibly
/// far ahead (the one reading of the clock outside `respond init` and `circulate`).
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// A letter project on disk: `responses/`, `templates/` and `output/` under one root.
#[derive(Debug, Clone)]
pub struct World {
    root: PathBuf,
}

impl World {
    /// The project rooted at `root` (made absolute, links resolved, when it exists).
    pub fn new(root: impl Into<PathBuf>) -> World {
        let root = root.into();
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        World { root }
    }

    /// `path` resolved (links followed, `..` removed) if it stays inside the project;
    /// for a path that does not exist yet, its nearest existing ancestor is resolved.
    pub fn confine(&self, path: &Path) -> Result<PathBuf, String> {
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.root.join(path)
        };
        let mut existing = absolute.as_path();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent;
                }
                _ => break,
            }
        }
        let mut resolved = std::fs::canonicalize(existing)
            .map_err(|e| format!("cannot resolve {}: {e}", path.display()))?;
        for name in rest.iter().rev() {
            if name == ".." {
                return Err(format!("{} leaves the project folder", path.display()));
            }
            resolved.push(name);
        }
        if resolved.starts_with(&self.root) {
            Ok(resolved)
        } else {
            Err(format!(
                "{} is outside the project folder {}",
                path.display(),
                self.root.display()
            ))
        }
    }

    /// The project root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every letter folder under `responses/` (those holding a `letter.yaml`), sorted.
    pub fn letter_dirs(&self) -> io::Result<Vec<PathBuf>> {
        let responses = self.root.join("responses");
        let mut dirs = Vec::new();
        for entry in std::fs::read_dir(&responses)? {
            let path = entry?.path();
            if path.is_dir() && path.join("letter.yaml").is_file() {
                dirs.push(path);
            }
        }
        dirs.sort();
        Ok(dirs)
    }

    /// Reads a letter folder's `letter.yaml` and `comments/*.yaml`.
    pub fn read_letter(&self, dir: &Path) -> Result<LetterSources, Diagnostics> {
        let mut diags = Diagnostics::new();
        let dir = match self.confine(dir) {
            Ok(dir) if dir.starts_with(self.root.join("responses")) => dir,
            Ok(_) | Err(_) => {
                let file = SourceFile::new(self.shown(&dir.join("letter.yaml")), "");
                diags.push(
                    Location::start_of(&file)
                        .error(format!("{} is not a letter folder under responses/ of this project", dir.display()))
                        .with_hint("letters live in responses/<letter-id>/; run respond from the project folder")
                        .unreadable(),
                );
                return Err(diags);
            }
        };
        let dir = dir.as_path();
        let id = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let letter = self.read_source(&dir.join("letter.yaml"), &mut diags);
        let comments_dir = dir.join("comments");
        let mut paths = match comment_paths(&comments_dir) {
            Ok(paths) => paths,
            Err(e) => {
                diags.push(
                    Location::start_of(&letter)
                        .error(format!(
                            "cannot read the folder {}: {e}",
                            crate::diagnostic::display_path(&self.shown(&comments_dir))
                        ))
                        .with_hint("check the folder's permissions")
                        .unreadable(),
                );
                return Err(diags);
            }
        };
        paths.sort();
        if paths.len() > MAX_COMMENTS {
            diags.push(
                Location::start_of(&letter)
                    .error(format!("this letter has {} comment files; the limit is {MAX_COMMENTS}", paths.len()))
                    .with_hint("a staff letter has at most a few hundred comments; check the comments/ folder"),
            );
            return Err(diags);
        }
        let total = letter.text.len() as u64 + files_size(&paths);
        if total > MAX_LETTER_BYTES {
            diags.push(
                Location::start_of(&letter)
                    .error(format!(
                        "this letter's files add up to {total} bytes; the limit for one letter is {MAX_LETTER_BYTES}"
                    ))
                    .with_hint("a letter of many comments is usually under 200 KB: look for a pasted file or a runaway paste in comments/"),
            );
            return Err(diags);
        }
        let comments: Vec<Arc<SourceFile>> = paths
            .iter()
            .map(|p| self.read_source(p, &mut diags))
            .collect();
        if paths.is_empty() {
            diags.push(
                Location::start_of(&letter)
                    .error(format!(
                        "no comment files in {}",
                        crate::diagnostic::display_path(&self.shown(&comments_dir))
                    ))
                    .with_hint("add one file per staff comment, e.g. comments/01-revenue.yaml with `number`, `comment` and `response`"),
            );
        }
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(LetterSources {
            id,
            letter,
            comments,
        })
    }

    /// Refuses, before anything is read, letters whose files add up to more than
    /// [`MAX_BUILD_BYTES`] together: one error at the first letter past the limit.
    pub fn check_budget(&self, dirs: &[PathBuf]) -> Diagnostics {
        let mut diags = Diagnostics::new();
        let mut total = 0u64;
        for dir in dirs {
            let mut files = vec![dir.join("letter.yaml")];
            files.extend(comment_paths(&dir.join("comments")).unwrap_or_default());
            total += files_size(&files);
            if total > MAX_BUILD_BYTES {
                let file = SourceFile::new(self.shown(&dir.join("letter.yaml")), "");
                diags.push(
                    Location::start_of(&file)
                        .error(format!(
                            "the {} letters add up to more than {MAX_BUILD_BYTES} bytes of YAML by this one (the limit for one run)",
                            dirs.len()
                        ))
                        .with_hint("build or check fewer letters at a time: name their folders, e.g. `respond build responses/<letter-id>`"),
                );
                break;
            }
        }
        diags
    }

    /// The project's own template overrides: `(file name, text)` for each
    /// `templates/*.tera`, and the house style `style.yaml` at the root when
    /// there is one (so the build cache's key covers it too).
    pub fn template_overrides(&self) -> io::Result<Vec<(String, String)>> {
        let dir = self.root.join("templates");
        let mut out = Vec::new();
        let style = self.root.join(crate::render::style::STYLE_FILE);
        if style.is_file() {
            let inside = self.confine(&style).map_err(io::Error::other)?;
            out.push((
                crate::render::style::STYLE_FILE.to_owned(),
                std::fs::read_to_string(inside)?,
            ));
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            out.sort();
            return Ok(out);
        };
        for entry in entries {
            let path = entry?.path();
            if path.extension().and_then(|e| e.to_str()) == Some("tera")
                && let Some(name) = path.file_name().and_then(|n| n.to_str())
            {
                let inside = self.confine(&path).map_err(io::Error::other)?;
                out.push((name.to_owned(), std::fs::read_to_string(inside)?));
            }
        }
        out.sort();
        Ok(out)
    }

    /// The build cache's folder, `.respond/cache`, which must stay inside the project.
    pub fn cache_dir(&self) -> Result<PathBuf, crate::error::Error> {
        self.confine(Path::new(".respond/cache"))
            .map_err(|message| crate::error::Error::usage(format!(".respond/cache: {message}; the build cache must stay inside the project (remove the link)")))
    }

    /// A path as shown to the user: relative to the project root when inside it.
    pub fn shown(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.to_path_buf())
    }

    /// Reads one source file; problems become diagnostics on an empty stand-in.
    fn read_source(&self, path: &Path, diags: &mut Diagnostics) -> Arc<SourceFile> {
        let shown = self.shown(path);
        let read = match self.confine(path) {
            Ok(inside) => read_text(&inside),
            Err(message) => Err(ReadProblem {
                message: format!("{message} (a link to a file outside the project?)"),
                hint: "copy the file into the project instead of linking to it".to_owned(),
                text_before: String::new(),
                unreadable: false,
            }),
        };
        match read {
            Ok(text) => SourceFile::new(shown, text),
            Err(problem) => {
                let file = SourceFile::new(shown, problem.text_before);
                let at = Location::at_offset(&file, file.text.len());
                let mut found =
                    Diagnostic::new(crate::diagnostic::Severity::Error, at, problem.message)
                        .with_hint(problem.hint);
                if problem.unreadable {
                    found = found.unreadable();
                }
                diags.push(found);
                file
            }
        }
    }
}

/// The files of a `comments/` folder that the loader reads: every `.yaml` or
/// `.yml` entry that is not a folder (a broken link is kept, to be reported as
/// unreadable rather than skipped). A missing folder has none.
fn comment_paths(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if !path.is_dir()
            && matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            )
        {
            paths.push(path);
        }
    }
    Ok(paths)
}

/// The bytes that reading `files` would read: their sizes added up. A file
/// that cannot be read, or is over [`MAX_FILE_BYTES`], is not read (reading it
/// reports it on its own), so it counts as empty.
fn files_size(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .filter(|&len| len <= MAX_FILE_BYTES)
        .sum()
}

struct ReadProblem {
    message: String,
    hint: String,
    text_before: String,
    /// The file could not be read at all (an I/O problem rather than bad input).
    unreadable: bool,
}

fn read_text(path: &Path) -> Result<String, ReadProblem> {
    let problem = |message: String, hint: &str, unreadable: bool| ReadProblem {
        message,
        hint: hint.to_owned(),
        text_before: String::new(),
        unreadable,
    };
    let cannot_read = |e: io::Error| {
        problem(
            format!("cannot read this file: {e}"),
            "check that the file exists, is not a broken link, and is readable (its permissions)",
            true,
        )
    };
    let too_big = |len: u64| {
        problem(
            format!("this file is {len} bytes; the limit is {MAX_FILE_BYTES}"),
            "split the letter into smaller comment files",
            false,
        )
    };
    let meta = std::fs::metadata(path).map_err(cannot_read)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len()));
    }
    // Read at most one byte past the limit, in case the file grew since.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        ReadProblem {
            message: format!(
                "this file is not UTF-8 text (byte {:#04x} at offset {valid})",
                bytes[valid]
            ),
            hint: "save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)"
                .to_owned(),
            text_before: String::from_utf8_lossy(&bytes[..valid]).into_owned(),
            unreadable: false,
        }
    })
}
