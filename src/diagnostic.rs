//! Diagnostics: every problem found in a letter project, with the place it was found.
//!
//! Stages return diagnostics as values; only the command line prints them
//! (see [`Diagnostic::render_human`] and [`Diagnostic::render_short`]).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use unicode_width::UnicodeWidthChar;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    /// The input cannot be built as it stands.
    Error,
    /// The input builds, but a reviewer should look at it.
    Warning,
}

impl Severity {
    /// The lowercase word used in printed diagnostics.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What kind of problem a finding is, which decides the exit status and whether
/// a letter that builds is ready to file.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Kind {
    /// A mistake in the input (exit status 1).
    #[default]
    Mistake,
    /// A file that could not be read (exit status 2: an I/O problem, not the input's).
    Unreadable,
    /// Something a draft may still have but a filed letter may not: a placeholder
    /// left from `respond init`, an unanswered comment, an implausible date.
    Unfinished,
}

/// A source file as read from disk: its path (as shown to the user) and its text.
#[derive(Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Path shown in diagnostics, relative to the project where possible.
    pub path: PathBuf,
    /// The whole text of the file.
    pub text: String,
}

impl SourceFile {
    /// Wraps a file's path and text for sharing between stages. A byte-order
    /// mark at the start is dropped: editors do not count it as a column, and
    /// YAML parsers would read it as text.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Arc<SourceFile> {
        let mut text = text.into();
        if text.starts_with(BYTE_ORDER_MARK) {
            text.drain(..BYTE_ORDER_MARK.len_utf8());
        }
        Arc::new(SourceFile {
            path: path.into(),
            text,
        })
    }

    /// The text of 1-based line `line`, without its line ending.
    pub fn line_text(&self, line: usize) -> Option<&str> {
        self.text
            .split('\n')
            .nth(line.checked_sub(1)?)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }

    /// The 1-based line and column (in characters) of byte offset `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// The byte offset of 1-based `line` and character `column`, clamped to the line.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let mut start = 0;
        for _ in 1..line {
            match self.text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => return self.text.len(),
            }
        }
        let rest = &self.text[start..];
        let line_len = rest.find('\n').unwrap_or(rest.len());
        let within = rest[..line_len]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_len, |(i, _)| i);
        start + within
    }
}

/// U+FEFF, which some Windows editors write at the start of a UTF-8 file.
const BYTE_ORDER_MARK: char = '\u{feff}';

/// The largest char boundary of `s` at or before `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A place in a source file: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file the place is in.
    pub file: Arc<SourceFile>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Location {
    /// The place at 1-based `line`, `column` of `file`.
    pub fn new(file: &Arc<SourceFile>, line: usize, column: usize) -> Location {
        Location {
            file: Arc::clone(file),
            line: line.max(1),
            column: column.max(1),
        }
    }

    /// The place of byte `offset` in `file`.
    pub fn at_offset(file: &Arc<SourceFile>, offset: usize) -> Location {
        let (line, column) = file.line_col(offset);
        Location::new(file, line, column)
    }

    /// The start of `file`.
    pub fn start_of(file: &Arc<SourceFile>) -> Location {
        Location::new(file, 1, 1)
    }

    /// An error at this place.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, self.clone(), message)
    }

    /// A warning at this place.
    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, self.clone(), message)
    }
}

/// One finding: what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where the problem is.
    pub location: Location,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
    /// What kind of problem it is.
    pub kind: Kind,
}

impl Diagnostic {
    /// A finding of `severity` at `location`.
    pub fn new(severity: Severity, location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            location,
            message: message.into(),
            hint: None,
            kind: Kind::Mistake,
        }
    }

    /// Marks the finding as a file that could not be read (an I/O problem).
    pub fn unreadable(mut self) -> Diagnostic {
        self.kind = Kind::Unreadable;
        self
    }

    /// Marks the finding as something only a draft may have (see [`Kind::Unfinished`]).
    pub fn unfinished(mut self) -> Diagnostic {
        self.kind = Kind::Unfinished;
        self
    }

    /// Adds the sentence that tells the user how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// True for errors (which stop a build).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: severity: message` on one line, for editors.
    pub fn render_short(&self) -> String {
        let mut out = format!(
            "{}:{}:{}: {}: {}",
            display_path(&self.location.file.path),
            self.location.line,
            self.location.column,
            self.severity.label(),
            self.message
        );
        if let Some(hint) = &self.hint {
            let _ = write!(out, " ({hint})");
        }
        out
    }

    /// The human format: message, place, the quoted line with a caret, and the hint.
    pub fn render_human(&self) -> String {
        let loc = &self.location;
        let mut out = format!("{}: {}\n", self.severity.label(), self.message);
        let line_no = loc.line.to_string();
        let pad = " ".repeat(line_no.len());
        let _ = writeln!(
            out,
            "{pad}--> {}:{}:{}",
            display_path(&loc.file.path),
            loc.line,
            loc.column
        );
        if let Some(text) = loc.file.line_text(loc.line) {
            let (shown, caret) = window(text, loc.column);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line_no} | {shown}");
            let _ = writeln!(out, "{pad} | {}^", " ".repeat(caret));
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "{pad} = help: {hint}");
        }
        out
    }
}

/// The most terminal columns a quoted line takes, so that with its line number
/// the quote and its caret fit in 80 columns.
const QUOTE_WIDTH: usize = 72;

/// The part of `line` shown under a diagnostic, and the terminal column (from 0)
/// of the caret under 1-based character `column`.
///
/// Tabs are shown as one space; wide characters (CJK, most emoji) take two
/// columns, so the caret is padded by display width, not by characters. A line
/// wider than [`QUOTE_WIDTH`] is cut to a window around the column, each cut
/// marked with "…".
pub fn window(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<(char, usize)> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .map(|c| (c, c.width().unwrap_or(0)))
        .collect();
    let at = column.saturating_sub(1).min(chars.len());
    let total: usize = chars.iter().map(|&(_, w)| w).sum();
    let (start, end) = if total <= QUOTE_WIDTH {
        (0, chars.len())
    } else {
        window_bounds(&chars, at)
    };
    let mut shown = String::new();
    let mut caret = 0;
    if start > 0 {
        shown.push('…');
        caret += 1;
    }
    for (i, &(c, w)) in chars.iter().enumerate().take(end).skip(start) {
        shown.push(c);
        if i < at {
            caret += w;
        }
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

/// The character range of a window of at most [`QUOTE_WIDTH`] columns (with
/// room for the two "…") that holds character `at` about a third of the way in.
fn window_bounds(chars: &[(char, usize)], at: usize) -> (usize, usize) {
    let budget = QUOTE_WIDTH - 2;
    let mut start = at;
    let mut used = 0;
    while start > 0 && used + chars[start - 1].1 <= budget / 3 {
        start -= 1;
        used += chars[start].1;
    }
    // Start the window at a word rather than inside one, when one is near.
    if start > 0
        && let Some(space) = chars[start..at]
            .iter()
            .take(12)
            .position(|&(c, _)| c == ' ')
    {
        start += space + 1;
    }
    let mut end = start;
    let mut used = 0;
    while end < chars.len() && used + chars[end].1 <= budget {
        used += chars[end].1;
        end += 1;
    }
    // Near the end of the line: spend what is left on text before the column.
    while start > 0 && used + chars[start - 1].1 <= budget {
        start -= 1;
        used += chars[start].1;
    }
    (start, end.max(at.min(chars.len())))
}

/// A path as printed in diagnostics, with forward slashes on every platform.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Diagnostics gathered by a stage, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Diagnostics {
        Diagnostics(Vec::new())
    }

    /// Adds one finding.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds every finding of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// True when any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// True when a file could not be read (exit status 2).
    pub fn has_unreadable(&self) -> bool {
        self.0.iter().any(|d| d.kind == Kind::Unreadable)
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The findings in the order found.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// The findings, sorted by file, line and column (errors first on ties).
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| {
            (
                &a.location.file.path,
                a.location.line,
                a.location.column,
                a.severity,
            )
                .cmp(&(
                    &b.location.file.path,
                    b.location.line,
                    b.location.column,
                    b.severity,
                ))
        });
        self.0.dedup();
        self.0
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("a.yaml", "one\ntwo — x\nthree");
        let offset = file.text.find('x').unwrap();
        assert_eq!(file.line_col(offset), (2, 7));
        assert_eq!(file.offset_of(2, 7), offset);
    }

    #[test]
    fn a_byte_order_mark_is_not_text_and_not_a_column() {
        let file = SourceFile::new("a.yaml", "\u{feff}date: x\n");
        assert_eq!(file.text, "date: x\n");
        assert_eq!(file.line_col(file.text.find('x').unwrap()), (1, 7));
    }

    #[test]
    fn the_caret_is_padded_by_display_width() {
        let (shown, caret) = window("  - text: \"中文中文 <b>\"", 17);
        assert_eq!(shown, "  - text: \"中文中文 <b>\"");
        // 11 narrow columns, four wide characters and a space before the `<`.
        assert_eq!(caret, 11 + 8 + 1);
        let (_, caret) = window("\ta: b", 4);
        assert_eq!(caret, 3);
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_column() {
        let line = format!("{}TARGET{}", "a ".repeat(200), " b".repeat(200));
        let column = line.find("TARGET").unwrap() + 1;
        let (shown, caret) = window(&line, column);
        assert!(shown.width() <= QUOTE_WIDTH, "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        let before: String = shown.chars().take(caret).collect();
        assert!(
            shown[before.len()..].starts_with("TARGET"),
            "{shown} / {caret}"
        );
        // At the very end of a long line the window ends there.
        let (shown, caret) = window(&line, line.chars().count());
        assert!(shown.starts_with('…') && !shown.ends_with('…'), "{shown}");
        assert_eq!(caret, shown.chars().count() - 1);
    }

    #[test]
    fn human_format_quotes_line_with_caret() {
        let file = SourceFile::new("letter.yaml", "date: 2014-13-09\n");
        let d = Location::new(&file, 1, 7)
            .error("invalid date")
            .with_hint("write YYYY-MM-DD");
        let text = d.render_human();
        assert!(text.contains("--> letter.yaml:1:7"), "{text}");
        assert!(text.contains("1 | date: 2014-13-09"), "{text}");
        assert!(text.contains("  |       ^"), "{text}");
        assert!(text.contains("= help: write YYYY-MM-DD"), "{text}");
        assert_eq!(
            d.render_short(),
            "letter.yaml:1:7: error: invalid date (write YYYY-MM-DD)"
        );
    }
}
