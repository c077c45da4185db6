//! Writing outputs: each letter's folder as one generation, all letters or none.
//!
//! A build writes every folder it produces (`output/<letter-id>/`, and a
//! blackline's `output/<letter-id>.blackline/`) whole into a hidden staging
//! folder beside it, then swaps each staged folder with the old one in a
//! single `renameat2(RENAME_EXCHANGE)`, so a reader — or a build killed at any
//! moment — sees a folder from one build or the other, never a mix. If a
//! swap fails, the folders already swapped are swapped back. The old
//! generations are removed last. A file in a letter's folder that respond did
//! not write stops the build before anything changes: the folder is replaced
//! whole, and nothing of the user's may be lost with it. Builds into one output
//! folder take turns (a lock on the folder), and each cleans up the staging
//! folders a killed build left behind.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::error::Error;
use crate::render::writers::{WrittenFile, is_staff_copy, writer_for_file};

/// The prefix of staging folders in the output folder.
const STAGING_PREFIX: &str = ".respond-";

/// One folder of outputs: a letter's, or its blackline's.
#[derive(Debug, Clone)]
pub struct Folder {
    /// The folder's name under the output folder, e.g. the letter id.
    pub name: String,
    /// Its files, named relative to it.
    pub files: Vec<WrittenFile>,
}

/// Writes each folder as one generation under `out`, and removes the folders
/// named in `remove` (stale blacklines); all of it, or on error none of it.
/// Returns the paths written.
pub fn write_folders(
    out: &Path,
    folders: &[Folder],
    remove: &[String],
) -> Result<Vec<PathBuf>, Error> {
    fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let _lock = lock(out)?;
    clean_strays(out)?;
    let mut staged = Vec::with_capacity(folders.len());
    for folder in folders {
        let target = target(out, &folder.name)?;
        refuse_foreign_files(&target)?;
        staged.push((stage(out, folder)?, target));
    }
    for name in remove {
        refuse_foreign_files(&target(out, name)?)?;
    }
    let pairs: Vec<(PathBuf, PathBuf)> = staged
        .iter()
        .map(|(dir, target)| (dir.path().to_path_buf(), target.clone()))
        .collect();
    swap_all(&pairs, &mut RealFiles).map_err(|e| Error::io(out, e))?;
    // The staged paths now hold the old generations: dropping them removes them.
    drop(staged);
    for name in remove {
        discard(out, &target(out, name)?)?;
    }
    Ok(folders
        .iter()
        .flat_map(|f| {
            f.files
                .iter()
                .map(move |file| out.join(&f.name).join(&file.name))
        })
        .collect())
}

/// `out/<name>`, when `name` is one plain folder name.
fn target(out: &Path, name: &str) -> Result<PathBuf, Error> {
    let plain = Path::new(name)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
        && !name.is_empty()
        && !name.contains('/')
        && !name.starts_with(STAGING_PREFIX);
    if !plain {
        return Err(Error::io(
            out.join(name),
            io::Error::other("not a plain folder name"),
        ));
    }
    Ok(out.join(name))
}

/// Writes a folder's files into a new hidden staging folder in `out`.
fn stage(out: &Path, folder: &Folder) -> Result<TempDir, Error> {
    let dir = tempfile::Builder::new()
        .prefix(&format!("{STAGING_PREFIX}new-"))
        .tempdir_in(out)
        .map_err(|e| Error::io(out, e))?;
    for file in &folder.files {
        if file.name.contains('/') || file.name.starts_with('.') || file.name.is_empty() {
            return Err(Error::writer(&file.name, "not a plain file name"));
        }
        let path = dir.path().join(&file.name);
        // The staff's copy is confidential: readable by its owner only, from the start.
        let mode = if is_staff_copy(&file.name) {
            0o600
        } else {
            0o644
        };
        write_file(&path, &file.bytes, mode).map_err(|e| Error::io(&path, e))?;
    }
    set_mode(dir.path(), 0o755).map_err(|e| Error::io(dir.path(), e))?;
    Ok(dir)
}

fn write_file(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    // The umask may have narrowed the mode; outputs are meant to be read.
    set_mode(path, mode)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Refuses a folder holding anything respond does not write there (a file of
/// another kind, a subfolder), and a folder that is a link or not a folder;
/// dot files (a file manager's) go with it.
fn refuse_foreign_files(dir: &Path) -> Result<(), Error> {
    if let Ok(meta) = dir.symlink_metadata()
        && !meta.is_dir()
    {
        return Err(Error::io(
            dir,
            io::Error::other(
                "this is a link or a file, not a folder respond wrote; remove it first",
            ),
        ));
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
        let ours = kind.is_file() && writer_for_file(&name).is_some();
        if !ours && !name.starts_with('.') {
            return Err(Error::io(
                entry.path(),
                io::Error::other(
                    "respond did not write this; the folder is replaced whole on every build, so move it out of the output folder first",
                ),
            ));
        }
    }
    Ok(())
}

/// Renames a folder out of the way, then deletes it (a build killed meanwhile
/// leaves a staging folder, which the next build removes).
fn discard(out: &Path, dir: &Path) -> Result<(), Error> {
    if !dir.exists() {
        return Ok(());
    }
    let trash = tempfile::Builder::new()
        .prefix(&format!("{STAGING_PREFIX}old-"))
        .tempdir_in(out)
        .map_err(|e| Error::io(out, e))?;
    let into = trash.path().join("folder");
    fs::rename(dir, &into).map_err(|e| Error::io(dir, e))?;
    drop(trash);
    Ok(())
}

/// Removes staging folders that a killed build left in `out`.
fn clean_strays(out: &Path) -> Result<(), Error> {
    for entry in fs::read_dir(out).map_err(|e| Error::io(out, e))? {
        let entry = entry.map_err(|e| Error::io(out, e))?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with(STAGING_PREFIX)
            && entry.file_type().is_ok_and(|t| t.is_dir())
        {
            fs::remove_dir_all(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}

/// An exclusive lock on the output folder, held while the guard lives.
fn lock(out: &Path) -> Result<File, Error> {
    let dir = File::open(out).map_err(|e| Error::io(out, e))?;
    #[cfg(unix)]
    rustix::fs::flock(&dir, rustix::fs::FlockOperation::LockExclusive)
        .map_err(|e| Error::io(out, e.into()))?;
    Ok(dir)
}

/// The two renames a generation swap needs.
pub trait Renames {
    /// Swaps two paths in one step.
    fn exchange(&mut self, a: &Path, b: &Path) -> io::Result<()>;
    /// Moves `from` to `to`, which must not exist.
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
}

/// The real file system.
pub struct RealFiles;

impl Renames for RealFiles {
    #[cfg(target_os = "linux")]
    fn exchange(&mut self, a: &Path, b: &Path) -> io::Result<()> {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
    }

    #[cfg(not(target_os = "linux"))]
    fn exchange(&mut self, a: &Path, b: &Path) -> io::Result<()> {
        // Without an atomic exchange: three renames; a crash between them
        // leaves `b` missing for a moment, never mixed.
        let aside = b.with_extension("respond-swap");
        fs::rename(b, &aside)?;
        if let Err(e) = fs::rename(a, b) {
            fs::rename(&aside, b)?;
            return Err(e);
        }
        fs::rename(&aside, a)
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        if to.exists() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "target exists",
            ));
        }
        fs::rename(from, to)
    }
}

/// Moves each staged folder into place: swapped with the old generation (which
/// ends up at the staged path), or renamed when there was none. On a failure,
/// undoes the folders already moved and returns the error.
pub fn swap_all(pairs: &[(PathBuf, PathBuf)], fs_ops: &mut dyn Renames) -> io::Result<()> {
    let mut done: Vec<(usize, bool)> = Vec::new();
    for (i, (staged, target)) in pairs.iter().enumerate() {
        let existed = target.symlink_metadata().is_ok();
        let moved = if existed {
            fs_ops.exchange(staged, target)
        } else {
            fs_ops.rename(staged, target)
        };
        if let Err(error) = moved {
            for &(k, existed) in done.iter().rev() {
                let (staged, target) = &pairs[k];
                let undone = if existed {
                    fs_ops.exchange(staged, target)
                } else {
                    fs_ops.rename(target, staged)
                };
                if let Err(undo) = undone {
                    return Err(io::Error::other(format!(
                        "{error}; and undoing the folders already written failed: {undo} ({} is from this build)",
                        target.display()
                    )));
                }
            }
            return Err(error);
        }
        done.push((i, existed));
    }
    Ok(())
}

/// One file to write outside a letter's outputs (schema files): path and bytes.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Path relative to the folder written into.
    pub path: PathBuf,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// Writes each file under `dir` through a temporary file renamed into place,
/// so no file is ever left half-written.
pub fn write_all(dir: &Path, files: &[OutputFile]) -> io::Result<Vec<PathBuf>> {
    fs::create_dir_all(dir)?;
    let mut staged = Vec::with_capacity(files.len());
    for file in files {
        if file
            .path
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Err(io::Error::other(format!(
                "refusing to write {}: not a plain relative path",
                file.path.display()
            )));
        }
        let dest = dir.join(&file.path);
        let parent = dest.parent().unwrap_or(dir);
        fs::create_dir_all(parent)?;
        let mut temp = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .tempfile_in(parent)?;
        temp.write_all(&file.bytes)?;
        set_mode(temp.path(), 0o644)?;
        staged.push((temp, dest));
    }
    let mut written = Vec::with_capacity(staged.len());
    for (temp, dest) in staged {
        temp.persist(&dest).map_err(|e| e.error)?;
        written.push(dest);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> WrittenFile {
        WrittenFile {
            name: name.to_owned(),
            bytes: text.as_bytes().to_vec(),
            public: !is_staff_copy(name),
            read_back: None,
        }
    }

    fn folder(name: &str, files: &[(&str, &str)]) -> Folder {
        Folder {
            name: name.to_owned(),
            files: files.iter().map(|(n, t)| file(n, t)).collect(),
        }
    }

    fn read(path: &Path) -> String {
        fs::read_to_string(path).unwrap()
    }

    #[test]
    fn a_folder_is_replaced_whole_and_no_staging_is_left() {
        let out = tempfile::tempdir().unwrap();
        write_folders(
            out.path(),
            &[folder("a", &[("letter.md", "1"), ("letter.pdf", "1")])],
            &[],
        )
        .unwrap();
        write_folders(out.path(), &[folder("a", &[("letter.md", "2")])], &[]).unwrap();
        assert_eq!(read(&out.path().join("a/letter.md")), "2");
        assert!(!out.path().join("a/letter.pdf").exists());
        let names: Vec<String> = fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["a"]);
    }

    #[test]
    fn a_foreign_file_stops_the_write_before_anything_changes() {
        let out = tempfile::tempdir().unwrap();
        write_folders(out.path(), &[folder("a", &[("letter.md", "1")])], &[]).unwrap();
        fs::write(out.path().join("a/notes.txt"), "mine").unwrap();
        let err =
            write_folders(out.path(), &[folder("a", &[("letter.md", "2")])], &[]).unwrap_err();
        assert!(err.to_string().contains("notes.txt"), "{err}");
        assert_eq!(read(&out.path().join("a/letter.md")), "1");
        assert_eq!(read(&out.path().join("a/notes.txt")), "mine");
    }

    #[cfg(unix)]
    #[test]
    fn the_staff_copy_is_private_and_the_rest_readable() {
        use std::os::unix::fs::PermissionsExt;
        let out = tempfile::tempdir().unwrap();
        write_folders(
            out.path(),
            &[folder(
                "a",
                &[("letter.pdf", "p"), ("letter.unredacted.pdf", "s")],
            )],
            &[],
        )
        .unwrap();
        let mode = |p: &str| {
            fs::metadata(out.path().join(p))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode("a/letter.unredacted.pdf"), 0o600);
        assert_eq!(mode("a/letter.pdf"), 0o644);
        assert_eq!(mode("a"), 0o755);
    }

    #[test]
    fn strays_of_a_killed_build_are_cleaned_and_stale_folders_removed() {
        let out = tempfile::tempdir().unwrap();
        fs::create_dir(out.path().join(".respond-new-abc")).unwrap();
        fs::write(
            out.path().join(".respond-new-abc/letter.unredacted.pdf"),
            "s",
        )
        .unwrap();
        write_folders(
            out.path(),
            &[folder("a.blackline", &[("letter.blackline.md", "b")])],
            &[],
        )
        .unwrap();
        write_folders(
            out.path(),
            &[folder("a", &[("letter.md", "1")])],
            &["a.blackline".to_owned()],
        )
        .unwrap();
        assert!(!out.path().join(".respond-new-abc").exists());
        assert!(!out.path().join("a.blackline").exists());
        assert!(out.path().join("a/letter.md").exists());
    }

    /// Real renames, except that the `fail_at`-th move fails.
    struct FailingAt {
        calls: usize,
        fail_at: usize,
    }

    impl Renames for FailingAt {
        fn exchange(&mut self, a: &Path, b: &Path) -> io::Result<()> {
            self.calls += 1;
            if self.calls == self.fail_at {
                return Err(io::Error::other("injected failure"));
            }
            RealFiles.exchange(a, b)
        }

        fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
            self.calls += 1;
            if self.calls == self.fail_at {
                return Err(io::Error::other("injected failure"));
            }
            RealFiles.rename(from, to)
        }
    }

    #[test]
    fn a_move_failing_midway_changes_nothing() {
        for fail_at in 1..=3 {
            let out = tempfile::tempdir().unwrap();
            for name in ["a", "b"] {
                fs::create_dir(out.path().join(name)).unwrap();
                fs::write(out.path().join(name).join("letter.md"), "old").unwrap();
            }
            let mut pairs = Vec::new();
            for name in ["a", "b", "c"] {
                let staged = out.path().join(format!(".respond-new-{name}"));
                fs::create_dir(&staged).unwrap();
                fs::write(staged.join("letter.md"), "new").unwrap();
                pairs.push((staged, out.path().join(name)));
            }
            let mut ops = FailingAt { calls: 0, fail_at };
            assert!(swap_all(&pairs, &mut ops).is_err());
            assert_eq!(
                read(&out.path().join("a/letter.md")),
                "old",
                "fail at {fail_at}"
            );
            assert_eq!(
                read(&out.path().join("b/letter.md")),
                "old",
                "fail at {fail_at}"
            );
            assert!(!out.path().join("c").exists(), "fail at {fail_at}");
            for (staged, _) in &pairs {
                assert_eq!(read(&staged.join("letter.md")), "new");
            }
        }
    }
}
