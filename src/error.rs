//! Failures that are not in the letter's text: one enum, reported as an error
//! line (exit status 2) with nothing written.
//!
//! Problems in the YAML files are [`crate::diagnostic::Diagnostic`]s; this type
//! is for everything else — a request that cannot be carried out as asked (a
//! git revision that does not exist, a folder outside the project), a panic
//! caught in one letter's build, an output that fails its self-verification, a
//! file system error.

use std::fmt;
use std::path::PathBuf;

/// Something went wrong that is not a mistake in the letter's text.
#[derive(Debug)]
pub enum Error {
    /// What was asked cannot be done as asked; the message says what to do.
    Usage(String),
    /// Code panicked while building a letter; the panic was caught.
    Panic {
        /// What was being built (a letter id, a file).
        what: String,
        /// The panic's message.
        message: String,
    },
    /// A written file does not hold every word of its document.
    Incomplete {
        /// The file, relative to the output folder.
        file: String,
        /// The first words missing, and where they should have been.
        missing: String,
    },
    /// An HTML output breaks the EDGAR rules.
    Edgar {
        /// The file.
        file: String,
        /// What the validator found.
        violations: Vec<String>,
    },
    /// A writer could not produce or read back its file.
    Writer {
        /// The file.
        file: String,
        /// What happened.
        message: String,
    },
    /// The file system failed.
    Io {
        /// The path involved.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

impl Error {
    /// A request that cannot be carried out: `message` says why and what to do.
    pub fn usage(message: impl Into<String>) -> Error {
        Error::Usage(message.into())
    }

    /// A writer failure on `file`.
    pub fn writer(file: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Writer {
            file: file.into(),
            message: message.into(),
        }
    }

    /// An I/O failure at `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A caught panic while building `what`, from its payload.
    pub fn panic(what: impl Into<String>, payload: &(dyn std::any::Any + Send)) -> Error {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Error::Panic {
            what: what.into(),
            message,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) => f.write_str(message),
            Error::Panic { what, message } => {
                write!(f, "internal error while building {what}: {message}")
            }
            Error::Incomplete { file, missing } => {
                write!(
                    f,
                    "internal error: {file} would not hold the whole document ({missing})"
                )
            }
            Error::Edgar { file, violations } => write!(
                f,
                "internal error: {file} breaks the EDGAR HTML rules: {}",
                violations.join("; ")
            ),
            Error::Writer { file, message } => {
                write!(f, "internal error writing {file}: {message}")
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Runs `f`, turning a panic into [`Error::Panic`] about `what`.
pub fn catch_panic<R>(what: &str, f: impl FnOnce() -> R) -> Result<R, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|payload| Error::panic(what, payload.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error_with_its_message() {
        let err = catch_panic("letter x", || -> u8 { panic!("broken {}", 7) }).unwrap_err();
        assert_eq!(
            err.to_string(),
            "internal error while building letter x: broken 7"
        );
        assert_eq!(catch_panic("y", || 3).unwrap(), 3);
    }
}
