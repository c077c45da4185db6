//! `respond init STAFF_LETTER`: reads an SEC staff letter and writes a new letter
//! project (`letter.yaml` and `comments/NN-*.yaml`).
//!
//! Nothing is written unless the whole letter was read: the files are written
//! to a temporary folder beside the project and moved into place at the end.
//! An existing project is only replaced with `force`; then `letter.yaml` and
//! `comments/` are replaced and any other files in the folder are kept.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use time::Date;

use crate::diagnostic::display_path;
use crate::import::scaffold::{ProjectFile, scaffold};
use crate::import::{self, ImportError, Line, StaffLetter};

/// What `init` found and wrote, for the user; displays as lines without a final
/// line break.
#[derive(Debug, Clone)]
pub struct InitReport {
    /// The company, as named in the Re: block.
    pub company: Option<String>,
    /// The form commented on, e.g. "20-F".
    pub form: Option<String>,
    /// The fiscal year of the filing.
    pub fiscal_year: Option<i32>,
    /// How many comments were found.
    pub comments: usize,
    /// How many distinct heading paths the comments have.
    pub headings: usize,
    /// The staff contacts who became addressees.
    pub addressees: Vec<String>,
    /// The project folder written.
    pub out: PathBuf,
    /// The files written, relative to `out`.
    pub files: Vec<String>,
    /// Lines of the staff letter that could not be placed.
    pub unplaced: Vec<Line>,
}

impl fmt::Display for InitReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = vec![self.company.clone().unwrap_or_else(|| "[company?]".into())];
        let mut filing = format!("Form {}", self.form.as_deref().unwrap_or("?"));
        if let Some(year) = self.fiscal_year {
            filing.push_str(&format!(" FY{year}"));
        }
        parts.push(filing);
        parts.push(plural(self.comments, "comment"));
        parts.push(plural(self.headings, "heading"));
        let mut lines = vec![parts.join(" · ")];
        if !self.addressees.is_empty() {
            lines.push(format!("addressees: {}", self.addressees.join(", ")));
        }
        lines.push(format!(
            "wrote {} ({} files)",
            display_path(&self.out),
            self.files.len()
        ));
        for line in &self.unplaced {
            lines.push(format!(
                "could not place line {}: {}",
                line.number, line.text
            ));
        }
        write!(f, "{}", lines.join("\n"))
    }
}

/// "1 comment", "5 comments".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Why `init` did not write a project.
#[derive(Debug)]
pub enum InitError {
    /// The input is not a staff letter `init` can read (exit 1).
    Input {
        /// The staff letter file.
        path: PathBuf,
        /// What is wrong with it.
        error: ImportError,
    },
    /// The project folder already holds a project and `--force` was not given (exit 2).
    Exists {
        /// The project folder.
        path: PathBuf,
    },
    /// Reading or writing failed (exit 2).
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
}

impl InitError {
    /// The process exit code: 1 for bad input, 2 for usage and I/O problems (SPEC §7).
    pub fn exit_code(&self) -> i32 {
        match self {
            InitError::Input { .. } => 1,
            InitError::Exists { .. } | InitError::Io { .. } => 2,
        }
    }
}

impl fmt::Display for InitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InitError::Input {
                path,
                error: ImportError::NotStaffLetter { missing, line },
            } => {
                let at = line.map(|l| format!(":{l}")).unwrap_or_default();
                write!(
                    f,
                    "{}{at}: this does not look like an SEC staff letter: {missing}",
                    display_path(path)
                )
            }
            InitError::Input { path, error } => write!(f, "{}: {error}", display_path(path)),
            InitError::Exists { path } => write!(
                f,
                "{}: a letter project already exists here; choose another folder with --out, or pass --force to replace its letter.yaml and comments/",
                display_path(path)
            ),
            InitError::Io { path, source } => write!(f, "{}: {source}", display_path(path)),
        }
    }
}

impl std::error::Error for InitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InitError::Input { error, .. } => Some(error),
            InitError::Io { source, .. } => Some(source),
            InitError::Exists { .. } => None,
        }
    }
}

/// Runs `respond init`: reads the staff letter, writes the project, returns the report to print.
pub fn run(input: &Path, out: &Path, force: bool, today: Date) -> Result<InitReport, InitError> {
    let letter = read(input)?;
    write(&letter, input, out, force, today)
}

/// Reads and parses a staff letter file.
pub fn read(input: &Path) -> Result<StaffLetter, InitError> {
    let bytes = fs::read(input).map_err(|source| InitError::Io {
        path: input.to_owned(),
        source,
    })?;
    let input_error = |error| InitError::Input {
        path: input.to_owned(),
        error,
    };
    import::import_file(&bytes).map_err(input_error)
}

/// The default project folder name for a staff letter, e.g. `2017-08-16-20f-2016`
/// (the CLI puts it under `responses/`).
pub fn default_letter_id(letter: &StaffLetter) -> String {
    import::scaffold::default_letter_id(letter)
}

/// Writes the project for an already parsed staff letter read from `input`.
pub fn write(
    letter: &StaffLetter,
    input: &Path,
    out: &Path,
    force: bool,
    today: Date,
) -> Result<InitReport, InitError> {
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| InitError::Io { path, source }
    };
    if out.exists() && !out.is_dir() {
        return Err(InitError::Io {
            path: out.to_owned(),
            source: io::Error::new(io::ErrorKind::AlreadyExists, "exists and is not a folder"),
        });
    }
    let exists = out.join("letter.yaml").exists() || out.join("comments").exists();
    if exists && !force {
        return Err(InitError::Exists {
            path: out.to_owned(),
        });
    }
    let source = input
        .file_name()
        .map_or_else(|| display_path(input), |n| n.to_string_lossy().into_owned());
    let files = scaffold(letter, today, &source);
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io_error(&parent))?;
    let staging = tempfile::Builder::new()
        .prefix(".respond-init-")
        .tempdir_in(&parent)
        .map_err(io_error(&parent))?;
    write_files(staging.path(), &files)?;
    if out.is_dir() {
        let comments = out.join("comments");
        if comments.exists() {
            fs::remove_dir_all(&comments).map_err(io_error(&comments))?;
        }
        for name in ["letter.yaml", "comments"] {
            fs::rename(staging.path().join(name), out.join(name)).map_err(io_error(out))?;
        }
    } else {
        let staged = staging.keep();
        if let Err(source) = fs::rename(&staged, out) {
            let _ = fs::remove_dir_all(&staged);
            return Err(InitError::Io {
                path: out.to_owned(),
                source,
            });
        }
    }
    Ok(InitReport {
        company: letter.re.company.clone(),
        form: letter.filing().and_then(|f| f.form.clone()),
        fiscal_year: letter
            .filing()
            .and_then(|f| f.fiscal_year_end)
            .map(|d| d.year()),
        comments: letter.comments.len(),
        headings: letter.heading_count(),
        addressees: letter
            .signatory
            .iter()
            .chain(&letter.contacts)
            .map(|p| p.name.clone())
            .collect(),
        out: out.to_owned(),
        files: files.into_iter().map(|f| f.path).collect(),
        unplaced: letter.unplaced.clone(),
    })
}

/// Writes the files under `root`.
fn write_files(root: &Path, files: &[ProjectFile]) -> Result<(), InitError> {
    fs::create_dir_all(root.join("comments")).map_err(|source| InitError::Io {
        path: root.join("comments"),
        source,
    })?;
    for file in files {
        let path = root.join(&file.path);
        fs::write(&path, &file.text).map_err(|source| InitError::Io { path, source })?;
    }
    Ok(())
}

/// The `respond init` command: parse, write, print the report, return the exit status.
pub fn main(args: &super::InitArgs) -> std::process::ExitCode {
    let today = time::OffsetDateTime::now_utc().date();
    let result = read(&args.staff_letter).and_then(|letter| {
        let out = args
            .out
            .clone()
            .unwrap_or_else(|| PathBuf::from("responses").join(default_letter_id(&letter)));
        write(&letter, &args.staff_letter, &out, args.force, today).map(|report| (report, out))
    });
    match result {
        Ok((report, out)) => {
            println!("{report}");
            write_schemas_beside(&out);
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            std::process::ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
    }
}

/// For a project under `responses/`, writes the schema files the modelines point
/// to (`.respond/*.schema.json` at the project root), so editors validate at once.
fn write_schemas_beside(out: &Path) {
    let Some(responses) = out
        .parent()
        .filter(|p| p.file_name().is_some_and(|n| n == "responses"))
    else {
        return;
    };
    let root = responses
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = root.join(".respond");
    if let Err(e) = crate::output::write_all(&dir, &super::schema::schema_files()) {
        eprintln!(
            "warning: could not write the editor schemas to {}: {e}",
            dir.display()
        );
    }
}
