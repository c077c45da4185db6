//! Earlier versions of a letter: git revisions and circulated-draft tags, and
//! folders holding an earlier build.
//!
//! This is the only module that runs `git` (through its command line, so the
//! user's own configuration, credentials and hooks apply as usual) and, with
//! [`crate::world`], the only one that reads project files.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::Error;
use time::{Date, OffsetDateTime};

use crate::model::parse_date;

/// The git work tree that holds a letter project.
#[derive(Debug, Clone)]
pub struct Repo {
    top: PathBuf,
}

/// A file of a letter folder as it was at a revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileAtRevision {
    /// Path relative to the top of the work tree, e.g. `responses/x/letter.yaml`.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
}

/// A circulated draft: the tag `respond/<letter-id>/<YYYY-MM-DD>-<n>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CirculatedDraft {
    /// The full tag name.
    pub tag: String,
    /// The day the draft was circulated.
    pub date: Date,
    /// The draft's number on that day: 1, 2, ….
    pub number: u32,
}

/// The prefix of every circulated-draft tag of letter `id`.
pub fn circulated_prefix(id: &str) -> String {
    format!("respond/{id}/")
}

/// Reads a circulated-draft tag name of letter `id`; `None` for other tags.
pub fn parse_circulated_tag(id: &str, tag: &str) -> Option<CirculatedDraft> {
    let rest = tag.strip_prefix(&circulated_prefix(id))?;
    let (date, number) = rest.rsplit_once('-')?;
    Some(CirculatedDraft {
        tag: tag.to_owned(),
        date: parse_date(date).ok()?,
        number: number.parse().ok().filter(|n| *n > 0)?,
    })
}

/// The tag for the next draft of letter `id` circulated on `date`, given the
/// letter's existing drafts: `respond/<id>/<date>-<n>`, n one more than that day's last.
pub fn next_circulated_tag(id: &str, date: Date, existing: &[CirculatedDraft]) -> String {
    let number = existing
        .iter()
        .filter(|d| d.date == date)
        .map(|d| d.number)
        .max()
        .unwrap_or(0)
        + 1;
    format!("{}{date}-{number}", circulated_prefix(id))
}

/// The last of `drafts`: the latest date, then the highest number that day.
pub fn latest(drafts: &[CirculatedDraft]) -> Option<&CirculatedDraft> {
    drafts.iter().max_by_key(|d| (d.date, d.number))
}

impl Repo {
    /// The work tree holding `dir`, or why there is none.
    pub fn discover(dir: &Path) -> Result<Repo, Error> {
        let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| {
            Error::usage(format!("{} is not in a git repository ({e})", shown(dir)))
        })?;
        Ok(Repo {
            top: PathBuf::from(top.trim_end_matches(['\n', '\r'])),
        })
    }

    /// `path` (absolute or relative to the current folder) relative to the top of the work tree.
    pub fn relative(&self, path: &Path) -> Result<PathBuf, Error> {
        let full = std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?;
        let top = std::fs::canonicalize(&self.top).unwrap_or_else(|_| self.top.clone());
        full.strip_prefix(&top).map(Path::to_path_buf).map_err(|_| {
            Error::usage(format!(
                "{} is outside the git work tree {}",
                shown(path),
                shown(&top)
            ))
        })
    }

    /// The commit `rev` names (a hash, branch, tag, `HEAD~1`, …).
    pub fn commit(&self, rev: &str) -> Result<String, Error> {
        self.run(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .map(|hash| hash.trim().to_owned())
        .map_err(|_| Error::usage(format!("`{rev}` is neither a folder nor a git revision")))
    }

    /// The date of commit `rev` (the committer's date, as `git log --format=%cs`).
    pub fn commit_date(&self, rev: &str) -> Result<Date, Error> {
        let text = self.run(&["log", "-1", "--format=%cs", rev, "--"])?;
        parse_date(text.trim())
            .map_err(|e| Error::usage(format!("git gave no date for `{rev}`: {e}")))
    }

    /// Every file under `dir` (relative to the top of the work tree) at `rev`.
    pub fn files_at(&self, rev: &str, dir: &Path) -> Result<Vec<FileAtRevision>, Error> {
        let dir = git_path(dir);
        let listing = self.run(&[
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            rev,
            "--",
            &format!("{dir}/"),
        ])?;
        let mut files = Vec::new();
        for path in listing.split('\0').filter(|p| !p.is_empty()) {
            let text = self.run(&["show", &format!("{rev}:{path}")])?;
            files.push(FileAtRevision {
                path: PathBuf::from(path),
                text,
            });
        }
        Ok(files)
    }

    /// The circulated drafts of letter `id`, oldest first (by date, then number).
    pub fn circulated_drafts(&self, id: &str) -> Result<Vec<CirculatedDraft>, Error> {
        let pattern = format!("{}*", circulated_prefix(id));
        let listing = self.run(&["tag", "--list", &pattern])?;
        let mut drafts: Vec<CirculatedDraft> = listing
            .lines()
            .filter_map(|tag| parse_circulated_tag(id, tag.trim()))
            .collect();
        drafts.sort_by_key(|d| (d.date, d.number));
        Ok(drafts)
    }

    /// Whether `path` (relative to the top of the work tree) exists at `rev`.
    pub fn exists_at(&self, rev: &str, path: &Path) -> bool {
        self.run(&["cat-file", "-e", &format!("{rev}:{}", git_path(path))])
            .is_ok()
    }

    /// Creates the lightweight tag `name` on `rev`.
    pub fn tag(&self, name: &str, rev: &str) -> Result<(), Error> {
        self.run(&["tag", name, rev]).map(drop)
    }

    /// Whether `dir` (relative to the top) has changes not yet committed.
    pub fn has_uncommitted_changes(&self, dir: &Path) -> Result<bool, Error> {
        let status = self.run(&["status", "--porcelain", "--", &git_path(dir)])?;
        Ok(!status.trim().is_empty())
    }

    fn run(&self, args: &[&str]) -> Result<String, Error> {
        git(&self.top, args)
    }
}

/// The text of `<folder>/<letter-id>/letter.md` from an earlier build, and the
/// day (UTC) it was last modified.
pub fn earlier_build(folder: &Path, id: &str) -> Result<(String, Date), Error> {
    let path = folder.join(id).join("letter.md");
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .map_err(|e| Error::io(&path, e))?;
    Ok((text, OffsetDateTime::from(modified).date()))
}

fn git(cwd: &Path, args: &[&str]) -> Result<String, Error> {
    let output = Command::new("git")
        .args(args)
        .current_dir(cwd)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|e| Error::usage(format!("cannot run git: {e}")))?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(Error::usage(if message.is_empty() {
            format!("`git {}` failed", args.join(" "))
        } else {
            message
        }));
    }
    String::from_utf8(output.stdout).map_err(|_| {
        Error::usage(format!(
            "`git {}` printed text that is not UTF-8",
            args.join(" ")
        ))
    })
}

/// A repository path with forward slashes, as git writes them.
fn git_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn shown(path: &Path) -> String {
    crate::diagnostic::display_path(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    fn day(d: u8) -> Date {
        Date::from_calendar_date(2026, Month::November, d).unwrap()
    }

    #[test]
    fn circulated_tags_are_read_back() {
        let draft = parse_circulated_tag("x", "respond/x/2026-11-20-12").unwrap();
        assert_eq!((draft.date, draft.number), (day(20), 12));
        assert_eq!(parse_circulated_tag("x", "respond/y/2026-11-20-1"), None);
        assert_eq!(parse_circulated_tag("x", "respond/x/2026-11-20"), None);
        assert_eq!(parse_circulated_tag("x", "respond/x/2026-11-20-0"), None);
        assert_eq!(parse_circulated_tag("x", "v1.0"), None);
    }

    #[test]
    fn the_next_tag_counts_within_the_day() {
        let existing: Vec<CirculatedDraft> = [
            "respond/x/2026-11-20-1",
            "respond/x/2026-11-21-1",
            "respond/x/2026-11-21-2",
        ]
        .iter()
        .filter_map(|t| parse_circulated_tag("x", t))
        .collect();
        assert_eq!(
            next_circulated_tag("x", day(21), &existing),
            "respond/x/2026-11-21-3"
        );
        assert_eq!(
            next_circulated_tag("x", day(22), &existing),
            "respond/x/2026-11-22-1"
        );
    }

    #[test]
    fn the_latest_draft_compares_numbers_as_numbers() {
        let drafts: Vec<CirculatedDraft> = [
            "respond/x/2026-11-21-10",
            "respond/x/2026-11-21-9",
            "respond/x/2026-11-20-11",
        ]
        .iter()
        .filter_map(|t| parse_circulated_tag("x", t))
        .collect();
        assert_eq!(latest(&drafts).unwrap().tag, "respond/x/2026-11-21-10");
        assert_eq!(latest(&[]), None);
    }
}
