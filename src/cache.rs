//! The build cache: a letter is not built again when nothing it is built from
//! has changed and its output folder is still exactly as its last build left it.
//!
//! A letter's key hashes every input of its build: its YAML files, the
//! project's templates, the formats asked for, `SOURCE_DATE_EPOCH`, and the
//! identity of the respond binary itself (a hash of its source, templates,
//! fonts and locked dependencies, made when it was compiled). After a build
//! the cache records, in `.respond/cache/<letter-id>.json`, the key and the
//! hash of every file written, and the warnings the build gave. A later build
//! reuses the letter only when the key is the same and every file in
//! `output/<letter-id>/` still hashes to what was recorded — an edited,
//! deleted or added output means a rebuild — and prints the recorded warnings
//! again, at their places in the letter's files, as the build would.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Kind, Location, Severity};
use crate::error::Error;
use crate::load::LetterSources;
use crate::render::writers::{Writer, WrittenFile};

/// The identity of this respond binary (see `build.rs`).
pub const BUILD_ID: &str = env!("RESPOND_BUILD_ID");

/// What the cache keeps of one letter's last build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Record {
    /// The key of the inputs it was built from.
    key: String,
    /// Each file of the letter's output folder and the hash of its bytes.
    files: BTreeMap<String, String>,
    /// The warnings that build gave (a record without them is not reused).
    findings: Vec<Finding>,
}

/// One warning of a cached build, kept to be printed again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Finding {
    file: PathBuf,
    line: usize,
    column: usize,
    severity: Severity,
    kind: Kind,
    message: String,
    hint: Option<String>,
}

impl Finding {
    fn of(d: &Diagnostic) -> Finding {
        Finding {
            file: d.location.file.path.clone(),
            line: d.location.line,
            column: d.location.column,
            severity: d.severity,
            kind: d.kind,
            message: d.message.clone(),
            hint: d.hint.clone(),
        }
    }

    /// The warning at its place in `sources`; `None` when its file is not one
    /// of them or the place is not in it (a record edited by hand).
    fn replay(&self, sources: &LetterSources) -> Option<Diagnostic> {
        let file = std::iter::once(&sources.letter)
            .chain(&sources.comments)
            .find(|f| f.path == self.file)?;
        let line = file.line_text(self.line)?;
        if self.column == 0 || self.column > line.chars().count() + 1 {
            return None;
        }
        Some(Diagnostic {
            severity: self.severity,
            location: Location::new(file, self.line, self.column),
            message: self.message.clone(),
            hint: self.hint.clone(),
            kind: self.kind,
        })
    }
}

/// The cache of a project, in `.respond/cache/`.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

/// The hex SHA-256 of `bytes`.
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The key of a letter's build from these inputs.
pub fn key(
    sources: &LetterSources,
    templates: &[(String, String)],
    writers: &[&dyn Writer],
    source_date_epoch: Option<i64>,
) -> String {
    let mut h = Sha256::new();
    let mut part = |label: &str, bytes: &[u8]| {
        h.update(label.as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    part("respond", BUILD_ID.as_bytes());
    part("id", sources.id.as_bytes());
    for file in std::iter::once(&sources.letter).chain(&sources.comments) {
        part("file", file.path.to_string_lossy().as_bytes());
        part("text", file.text.as_bytes());
    }
    for (name, text) in templates {
        part("template", name.as_bytes());
        part("text", text.as_bytes());
    }
    for writer in writers {
        part("format", writer.name().as_bytes());
    }
    part("epoch", format!("{source_date_epoch:?}").as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Cache {
    /// The cache in `dir` (the project's `.respond/cache`, confined by the caller).
    pub fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    fn record_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// The warnings of the letter's last build, when it was built from `key`
    /// (`sources` are what the key was made from) and `folder` still holds
    /// exactly the files that build wrote; `None` means build it. Anything
    /// unreadable counts as not fresh.
    pub fn fresh(
        &self,
        sources: &LetterSources,
        key: &str,
        folder: &Path,
    ) -> Option<Vec<Diagnostic>> {
        let text = std::fs::read_to_string(self.record_path(&sources.id)).ok()?;
        let record = serde_json::from_str::<Record>(&text).ok()?;
        if record.key != key || folder_hashes(folder)? != record.files {
            return None;
        }
        record.findings.iter().map(|f| f.replay(sources)).collect()
    }

    /// Records that letter `id` was built from `key` into `files`, with `findings`.
    pub fn record(
        &self,
        id: &str,
        key: &str,
        files: &[WrittenFile],
        findings: &[Diagnostic],
    ) -> Result<(), Error> {
        let record = Record {
            key: key.to_owned(),
            files: files
                .iter()
                .map(|f| (f.name.clone(), hash(&f.bytes)))
                .collect(),
            findings: findings.iter().map(Finding::of).collect(),
        };
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        let text = serde_json::to_string_pretty(&record)
            .map_err(|e| Error::usage(format!("cannot record the build of {id}: {e}")))?;
        let file = crate::output::OutputFile {
            path: PathBuf::from(format!("{id}.json")),
            bytes: text.into_bytes(),
        };
        crate::output::write_all(&self.dir, &[file]).map_err(|e| Error::io(&self.dir, e))?;
        Ok(())
    }

    /// Forgets letter `id` (its next build is a full one).
    pub fn forget(&self, id: &str) -> Result<(), Error> {
        let path = self.record_path(id);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::io(path, e)),
        }
    }
}

/// Every file of `folder` and the hash of its bytes; `None` when the folder or
/// a file in it cannot be read, or it holds anything but files.
fn folder_hashes(folder: &Path) -> Option<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(folder).ok()? {
        let entry = entry.ok()?;
        if !entry.file_type().ok()?.is_file() {
            return None;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        out.insert(name, hash(&std::fs::read(entry.path()).ok()?));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    fn written(name: &str, text: &str) -> WrittenFile {
        WrittenFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
            public: true,
            read_back: None,
        }
    }

    fn sources(text: &str) -> LetterSources {
        LetterSources {
            id: "a".into(),
            letter: SourceFile::new("responses/a/letter.yaml", text),
            comments: vec![SourceFile::new("responses/a/comments/01.yaml", "number: 1")],
        }
    }

    #[test]
    fn the_key_changes_with_every_input() {
        let all = crate::render::writers::writers();
        let base = key(&sources("date: x"), &[], all, None);
        assert_eq!(base, key(&sources("date: x"), &[], all, None));
        assert_ne!(base, key(&sources("date: y"), &[], all, None));
        let template = [("letter.md.tera".to_owned(), "x".to_owned())];
        assert_ne!(base, key(&sources("date: x"), &template, all, None));
        assert_ne!(base, key(&sources("date: x"), &[], &all[..1], None));
        assert_ne!(base, key(&sources("date: x"), &[], all, Some(1)));
    }

    #[test]
    fn a_letter_is_fresh_only_while_its_outputs_are_untouched() {
        let project = tempfile::tempdir().unwrap();
        let cache = Cache::new(project.path().join("cache"));
        let folder = project.path().join("out/a");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("letter.md"), "one").unwrap();
        let a = sources("date: x");
        let fresh = |key: &str| cache.fresh(&a, key, &folder).is_some();
        assert!(!fresh("k"), "nothing recorded yet");
        cache
            .record("a", "k", &[written("letter.md", "one")], &[])
            .unwrap();
        assert!(fresh("k"));
        assert!(!fresh("other key"));
        std::fs::write(folder.join("letter.md"), "edited").unwrap();
        assert!(!fresh("k"), "an edited output");
        std::fs::write(folder.join("letter.md"), "one").unwrap();
        std::fs::write(folder.join("letter.htm"), "added").unwrap();
        assert!(!fresh("k"), "an added output");
        std::fs::remove_file(folder.join("letter.htm")).unwrap();
        std::fs::remove_file(folder.join("letter.md")).unwrap();
        assert!(!fresh("k"), "a deleted output");
        cache.forget("a").unwrap();
        cache.forget("a").unwrap();
    }

    #[test]
    fn a_cached_letter_gives_its_warnings_again_at_their_places() {
        let project = tempfile::tempdir().unwrap();
        let cache = Cache::new(project.path().join("cache"));
        let folder = project.path().join("out/a");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("letter.md"), "one").unwrap();
        let a = sources("date: x\nsalutation: Jane Roe\n");
        let warning = Location::new(&a.letter, 2, 13)
            .warning("a bare name")
            .with_hint("write Ms. Roe")
            .unfinished();
        cache
            .record(
                "a",
                "k",
                &[written("letter.md", "one")],
                std::slice::from_ref(&warning),
            )
            .unwrap();
        let replayed = cache.fresh(&a, "k", &folder).expect("fresh");
        assert_eq!(replayed, vec![warning]);
        assert_eq!(
            replayed[0].render_short(),
            "responses/a/letter.yaml:2:13: warning: a bare name (write Ms. Roe)"
        );
        // A warning at a place its file does not have: built again.
        let mut record: Record =
            serde_json::from_str(&std::fs::read_to_string(cache.record_path("a")).unwrap())
                .unwrap();
        record.findings[0].line = 99;
        std::fs::write(
            cache.record_path("a"),
            serde_json::to_string(&record).unwrap(),
        )
        .unwrap();
        assert!(cache.fresh(&a, "k", &folder).is_none());
        // A warning in a file the letter no longer has: built again.
        let mut moved = sources("date: x\nsalutation: Jane Roe\n");
        moved.letter = SourceFile::new("responses/a/other.yaml", "date: x");
        assert!(cache.fresh(&moved, "k", &folder).is_none());
    }
}
