//! Writing outputs: all files of a build, or none.
//!
//! Each file goes to a temporary file beside its destination; only when every
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
pub fn write_all(out_dir: &Path, files: &[OutputFile]) -> io::Result<Vec<PathBuf>> {
    let mut staged: Vec<(NamedTempFile, PathBuf)> = Vec::with_capacity(files.len());
    for file in files {
        let dest = out_dir.join(&file.path);
        let dir = dest.parent().unwrap_or(out_dir);
        std::fs::create_dir_all(dir)?;
        let mut temp = NamedTempFile::new_in(dir)?;
        temp.write_all(&file.bytes)?;
        temp.as_file().sync_all()?;
        staged.push((temp, dest));
    }
    let mut written = Vec::with_capacity(staged.len());
    for (temp, dest) in staged {
        temp.persist(&dest).map_err(|e| e.error)?;
        written.push(dest);
    }
    Ok(written)
}
