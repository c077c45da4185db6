//! What the command line prints besides diagnostics: progress lines, their
//! verbosity, and colour (only on a terminal, never when `NO_COLOR` is set).

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use crate::diagnostic::{Severity, display_path};
use crate::render::writers::WrittenFile;

/// How much the commands print besides diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    /// Diagnostics only.
    Quiet,
    /// One line per letter.
    Normal,
    /// One line per letter, then each file with its size.
    Verbose,
}

/// The printing settings of one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ui {
    /// How much to print.
    pub verbosity: Verbosity,
}

impl Ui {
    /// The settings from the global `--quiet` / `--verbose` flags.
    pub fn new(quiet: bool, verbose: bool) -> Ui {
        let verbosity = if quiet {
            Verbosity::Quiet
        } else if verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        };
        Ui { verbosity }
    }

    /// Prints a progress line to standard error unless quiet.
    pub fn status(&self, line: &str) {
        if self.verbosity > Verbosity::Quiet {
            eprintln!("{line}");
        }
    }

    /// Prints what was written for one letter: a line, and with `--verbose` each file and its size.
    pub fn letter_written(
        &self,
        verb: &str,
        id: &str,
        files: &[WrittenFile],
        out: &Path,
        took: Duration,
    ) {
        if self.verbosity == Verbosity::Quiet {
            return;
        }
        eprintln!("{}", letter_line(verb, id, files, took));
        if self.verbosity == Verbosity::Verbose {
            for file in files {
                eprintln!(
                    "  {} ({} bytes)",
                    display_path(&out.join(id).join(&file.name)),
                    file.bytes.len()
                );
            }
        }
    }
}

/// "built 21vianet: letter.md, letter.htm, letter.pdf (3 pages) in 41 ms".
pub fn letter_line(verb: &str, id: &str, files: &[WrittenFile], took: Duration) -> String {
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    let pages = files
        .iter()
        .find(|f| f.name == "letter.pdf")
        .and_then(|f| pdf_pages(&f.bytes))
        .map(|n| format!(" ({n} page{})", if n == 1 { "" } else { "s" }))
        .unwrap_or_default();
    format!(
        "{verb} {id}: {}{pages} in {} ms",
        names.join(", "),
        took.as_millis()
    )
}

/// The page count of a PDF, when it can be read.
fn pdf_pages(bytes: &[u8]) -> Option<usize> {
    lopdf::Document::load_mem(bytes)
        .ok()
        .map(|doc| doc.get_pages().len())
}

/// Whether to colour standard error: a terminal, and `NO_COLOR` unset or empty.
pub fn colour_enabled() -> bool {
    colour_wanted(
        std::io::stderr().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    )
}

/// The colour rule, apart from the environment: see <https://no-color.org>.
pub fn colour_wanted(terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    terminal && no_color.is_none_or(|v| v.is_empty())
}

const RED_BOLD: &str = "\x1b[1;31m";
const YELLOW_BOLD: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

/// Colours the severity label of a rendered diagnostic (red "error", yellow
/// "warning"): at the start (human format) or after the position (short format).
pub fn paint_severity(text: &str, severity: Severity, colour: bool) -> String {
    if !colour {
        return text.to_owned();
    }
    let label = severity.label();
    let start = if text.starts_with(&format!("{label}:")) {
        Some(0)
    } else {
        text.find(&format!(": {label}: ")).map(|i| i + 2)
    };
    let Some(start) = start else {
        return text.to_owned();
    };
    let paint = match severity {
        Severity::Error => RED_BOLD,
        Severity::Warning => YELLOW_BOLD,
    };
    let end = start + label.len();
    format!("{}{paint}{label}{RESET}{}", &text[..start], &text[end..])
}

/// "error: {message}" on standard error, coloured on a terminal.
pub fn print_error(message: &str) {
    let label = paint_severity("error:", Severity::Error, colour_enabled());
    eprintln!("{label} {message}");
}

/// "warning: {message}" on standard error, coloured on a terminal.
pub fn print_warning(message: &str) {
    let label = paint_severity("warning:", Severity::Warning, colour_enabled());
    eprintln!("{label} {message}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(colour_wanted(true, None));
        assert!(colour_wanted(true, Some(OsStr::new(""))));
        assert!(!colour_wanted(true, Some(OsStr::new("1"))));
        assert!(!colour_wanted(false, None));
    }

    #[test]
    fn errors_are_red_and_warnings_yellow() {
        let human = paint_severity("error: bad\n --> a.yaml:1:1", Severity::Error, true);
        assert!(human.starts_with("\x1b[1;31merror\x1b[0m: bad"));
        let short = paint_severity("a.yaml:1:2: warning: odd", Severity::Warning, true);
        assert_eq!(short, "a.yaml:1:2: \x1b[1;33mwarning\x1b[0m: odd");
        assert_eq!(
            paint_severity("error: bad", Severity::Error, false),
            "error: bad"
        );
    }

    #[test]
    fn the_letter_line_names_files_and_milliseconds() {
        let files = vec![
            WrittenFile {
                name: "letter.md".into(),
                bytes: b"a".to_vec(),
                public: true,
                read_back: None,
            },
            WrittenFile {
                name: "letter.htm".into(),
                bytes: b"b".to_vec(),
                public: true,
                read_back: None,
            },
        ];
        assert_eq!(
            letter_line("built", "x", &files, Duration::from_millis(12)),
            "built x: letter.md, letter.htm in 12 ms"
        );
    }
}
