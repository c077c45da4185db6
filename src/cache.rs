//! The build cache: a letter is not built again when nothing it is built from
//! has changed and its output folder is still exactly as its last build left it.
//!
//! A letter's key hashes every input of its build: its YAML files, the
//! project's templates, the formats asked for, `SOURCE_DATE_EPOCH`, and the
//! identity of the respond binary itself (a hash of its source, templates,
//! fonts and locked dependencies, made when it was compiled). After a build
//! the cache records, in `.respond/cache/<letter-id>.json`, the key and the
//! hash of every file written. A later build reuses the letter only when the
//! key is the same and every file in `output/<letter-id>/` still hashes to what
//! was recorded — an edited, deleted or added output means a rebuild.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

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

    /// True when the letter `id` was last built from `key` and `folder` still
    /// holds exactly the files that build wrote. Anything unreadable counts as
    /// not fresh.
    pub fn is_fresh(&self, id: &str, key: &str, folder: &Path) -> bool {
        let Ok(text) = std::fs::read_to_string(self.record_path(id)) else {
            return false;
        };
        let Ok(record) = serde_json::from_str::<Record>(&text) else {
            return false;
        };
        record.key == key && folder_hashes(folder).is_some_and(|files| files == record.files)
    }

    /// Records that letter `id` was built from `key` into `files`.
    pub fn record(&self, id: &str, key: &str, files: &[WrittenFile]) -> Result<(), Error> {
        let record = Record {
            key: key.to_owned(),
            files: files
                .iter()
                .map(|f| (f.name.clone(), hash(&f.bytes)))
                .collect(),
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
        assert!(!cache.is_fresh("a", "k", &folder), "nothing recorded yet");
        cache
            .record("a", "k", &[written("letter.md", "one")])
            .unwrap();
        assert!(cache.is_fresh("a", "k", &folder));
        assert!(!cache.is_fresh("a", "other key", &folder));
        std::fs::write(folder.join("letter.md"), "edited").unwrap();
        assert!(!cache.is_fresh("a", "k", &folder), "an edited output");
        std::fs::write(folder.join("letter.md"), "one").unwrap();
        std::fs::write(folder.join("letter.htm"), "added").unwrap();
        assert!(!cache.is_fresh("a", "k", &folder), "an added output");
        std::fs::remove_file(folder.join("letter.htm")).unwrap();
        std::fs::remove_file(folder.join("letter.md")).unwrap();
        assert!(!cache.is_fresh("a", "k", &folder), "a deleted output");
        cache.forget("a").unwrap();
        cache.forget("a").unwrap();
    }
}
