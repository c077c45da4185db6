//! Writing outputs: all files of a build, or none.
//!
//! Each file goes to a temporary file in a staging folder; only when every
//! file has been written are they renamed into place, so a failed build leaves
//! `output/` exactly as it was and a crash never leaves a truncated file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// One file to write: its path under the output folder and its bytes.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Path relative to the output folder, e.g. `2014-12-09-20f/letter.md`.
    pub path: PathBuf,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// Writes every file under `out_dir`, atomically as a set as far as the file system allows.
///
/// Files are first written in full under `staging` (a folder outside `out_dir`
/// on the same file system), then renamed into place; a crash or a kill can
/// leave stray files in `staging`, never a partial file in `out_dir`. The data
/// is not forced to disk before the rename: outputs are rebuilt from the
/// sources at any time, and a sync per file would cost more than the build.
pub fn write_all(out_dir: &Path, staging: &Path, files: &[OutputFile]) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(staging)?;
    let mut staged: Vec<(NamedTempFile, PathBuf)> = Vec::with_capacity(files.len());
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
        let dest = out_dir.join(&file.path);
        let dir = dest.parent().unwrap_or(out_dir);
        std::fs::create_dir_all(dir)?;
        let mut temp = tempfile::Builder::new()
            .prefix("respond-")
            .tempfile_in(staging)?;
        temp.write_all(&file.bytes)?;
        // Temporary files are private; outputs are ordinary files others may read.
        set_readable(temp.as_file())?;
        staged.push((temp, dest));
    }
    let mut written = Vec::with_capacity(staged.len());
    for (temp, dest) in staged {
        temp.persist(&dest).map_err(|e| e.error)?;
        written.push(dest);
    }
    Ok(written)
}

#[cfg(unix)]
fn set_readable(file: &std::fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_readable(_file: &std::fs::File) -> io::Result<()> {
    Ok(())
}
