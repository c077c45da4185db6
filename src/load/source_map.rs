//! Where each YAML node starts: a map from JSON-pointer paths to file positions.
//!
//! serde_yaml reports positions only for its own errors. Findings about values
//! that parsed fine (a bad date, a wrong figure inside a block scalar) need the
//! position of the value, and of text inside it; this module reads the file's
//! event stream once (saphyr-parser) and records every node's position and style.

use std::collections::HashMap;
use std::sync::Arc;

use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::diagnostic::{Location, SourceFile};

/// Nodes nested deeper than this are not mapped (the loader rejects such files anyway).
const MAX_DEPTH: usize = 64;

/// How a scalar was written, which decides how offsets inside it map to the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarKind {
    /// Plain, unquoted.
    Plain,
    /// 'single' quoted (`''` stands for one quote).
    SingleQuoted,
    /// "double" quoted (backslash escapes).
    DoubleQuoted,
    /// A `|` block: each line of the value is a line of the file.
    Literal,
    /// A `>` block.
    Folded,
}

/// The recorded position of one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSpan {
    /// 1-based line and column of the node's key, for mapping values.
    pub key: Option<(usize, usize)>,
    /// 1-based line and column where the value starts.
    pub value: (usize, usize),
    /// Byte offset in the file just past the node.
    pub end: usize,
    /// How the scalar was written; `None` for mappings and sequences.
    pub scalar: Option<ScalarKind>,
}

/// Positions of every node of one YAML file, keyed by JSON pointer (`/response/2/revise/original`).
#[derive(Debug, Clone)]
pub struct SourceMap {
    file: Arc<SourceFile>,
    nodes: HashMap<String, NodeSpan>,
}

enum Frame {
    Mapping {
        key: Option<(String, (usize, usize))>,
    },
    Sequence {
        index: usize,
    },
}

impl SourceMap {
    /// Reads the positions of every node of `file`; a syntax error ends the map early.
    pub fn build(file: &Arc<SourceFile>) -> SourceMap {
        let mut nodes = HashMap::new();
        let mut frames: Vec<Frame> = Vec::new();
        let mut path: Vec<String> = Vec::new();
        let mut parser = Parser::new_from_str(&file.text);
        while let Some(Ok((event, span))) = parser.next_event() {
            let start = (span.start.line(), span.start.col() + 1);
            let end = file.offset_of(span.end.line(), span.end.col() + 1);
            match event {
                Event::Scalar(value, style, _, _) => {
                    if let Some(Frame::Mapping { key }) = frames.last_mut()
                        && key.is_none()
                    {
                        *key = Some((value.into_owned(), start));
                        continue;
                    }
                    let kind = match style {
                        ScalarStyle::Plain => ScalarKind::Plain,
                        ScalarStyle::SingleQuoted => ScalarKind::SingleQuoted,
                        ScalarStyle::DoubleQuoted => ScalarKind::DoubleQuoted,
                        ScalarStyle::Literal => ScalarKind::Literal,
                        ScalarStyle::Folded => ScalarKind::Folded,
                    };
                    record(&mut nodes, &mut frames, &path, start, end, Some(kind));
                    advance(&mut frames);
                }
                Event::Alias(_) => {
                    if let Some(Frame::Mapping { key }) = frames.last_mut()
                        && key.is_none()
                    {
                        *key = Some((String::from("*alias"), start));
                        continue;
                    }
                    record(&mut nodes, &mut frames, &path, start, end, None);
                    advance(&mut frames);
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    if let Some(Frame::Mapping { key }) = frames.last_mut()
                        && key.is_none()
                    {
                        // A complex key: give it a placeholder name and map nothing inside.
                        *key = Some((String::from("?"), start));
                    }
                    let segment = record(&mut nodes, &mut frames, &path, start, end, None);
                    if frames.len() >= MAX_DEPTH {
                        break;
                    }
                    if let Some(segment) = segment {
                        path.push(segment);
                    }
                    frames.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Mapping { key: None }
                    } else {
                        Frame::Sequence { index: 0 }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    frames.pop();
                    if !frames.is_empty() {
                        path.pop();
                    }
                    if let Some(span) = nodes.get_mut(&pointer(&path)) {
                        span.end = span.end.max(end);
                    }
                    advance(&mut frames);
                }
                Event::DocumentEnd => break,
                _ => {}
            }
        }
        SourceMap {
            file: Arc::clone(file),
            nodes,
        }
    }

    /// The file this map describes.
    pub fn file(&self) -> &Arc<SourceFile> {
        &self.file
    }

    /// The recorded span of the node at `pointer`, if any.
    pub fn node(&self, pointer: &str) -> Option<&NodeSpan> {
        self.nodes.get(pointer)
    }

    /// Where the value at `pointer` starts; the nearest mapped ancestor, or the file start.
    pub fn value(&self, pointer: &str) -> Location {
        self.nearest(pointer, |span| span.value)
    }

    /// Where the key of the value at `pointer` is written (falls back to the value).
    pub fn key(&self, pointer: &str) -> Location {
        self.nearest(pointer, |span| span.key.unwrap_or(span.value))
    }

    fn nearest(&self, pointer: &str, pick: impl Fn(&NodeSpan) -> (usize, usize)) -> Location {
        let mut p = pointer;
        loop {
            if let Some(span) = self.nodes.get(p) {
                let (line, column) = pick(span);
                return Location::new(&self.file, line, column);
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return Location::start_of(&self.file),
            }
        }
    }

    /// The place of byte `offset` inside the string value at `pointer`.
    ///
    /// Exact for `|` blocks and single-line scalars; for other styles the text
    /// around the offset is searched for in the node's part of the file.
    pub fn text_offset(&self, pointer: &str, value: &str, offset: usize) -> Location {
        let Some(span) = self.nodes.get(pointer) else {
            return self.value(pointer);
        };
        let offset = crate::diagnostic::floor_char_boundary(value, offset.min(value.len()));
        let before = &value[..offset];
        let line_in_value = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column_in_line = before[line_start..].chars().count();
        match span.scalar {
            Some(ScalarKind::Literal) => {
                let first = self.literal_first_line(span.value.0);
                let indent = block_indent(&self.file, first);
                Location::new(
                    &self.file,
                    first + line_in_value,
                    indent + column_in_line + 1,
                )
            }
            Some(ScalarKind::Plain) if !value.contains('\n') && self.single_line(span) => {
                Location::new(&self.file, span.value.0, span.value.1 + column_in_line)
            }
            Some(kind @ (ScalarKind::SingleQuoted | ScalarKind::DoubleQuoted))
                if !value.contains('\n') && self.single_line(span) =>
            {
                let start = self.file.offset_of(span.value.0, span.value.1 + 1);
                let written = written_chars(&self.file.text[start..], kind, column_in_line);
                Location::new(&self.file, span.value.0, span.value.1 + 1 + written)
            }
            _ => self.search(span, &value[offset..]),
        }
    }

    /// The first content line of a `|` block the parser reports at `line`: the
    /// parser gives the first content line, but be safe if it gave the indicator's.
    fn literal_first_line(&self, line: usize) -> usize {
        let is_indicator = |n: usize| {
            self.file
                .line_text(n)
                .is_some_and(ends_with_block_indicator)
        };
        if line > 1 && is_indicator(line - 1) {
            line
        } else if is_indicator(line) {
            line + 1
        } else {
            line
        }
    }

    fn single_line(&self, span: &NodeSpan) -> bool {
        let start = self.file.offset_of(span.value.0, span.value.1);
        !self.file.text[start..span.end.max(start)]
            .trim_end()
            .contains('\n')
    }

    fn search(&self, span: &NodeSpan, rest: &str) -> Location {
        let start = self.file.offset_of(span.value.0, span.value.1);
        let region = &self.file.text[start..span.end.clamp(start, self.file.text.len())];
        let needle: String = rest
            .split('\n')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        if !needle.is_empty()
            && let Some(i) = region.find(&needle)
        {
            return Location::at_offset(&self.file, start + i);
        }
        Location::new(&self.file, span.value.0, span.value.1)
    }
}

/// How many characters of a quoted scalar's source (`source` starts after the
/// opening quote) spell its first `value_chars` characters: an escape such as
/// `\u00e9` or `''` is one character of the value but several of the file.
fn written_chars(source: &str, kind: ScalarKind, value_chars: usize) -> usize {
    let mut chars = source.chars();
    let mut written = 0;
    for _ in 0..value_chars {
        let Some(c) = chars.next() else { break };
        written += 1;
        let extra = match (kind, c) {
            (ScalarKind::SingleQuoted, '\'') => 1,
            (ScalarKind::DoubleQuoted, '\\') => match chars.clone().next() {
                Some('x') => 3,
                Some('u') => 5,
                Some('U') => 9,
                Some(_) => 1,
                None => 0,
            },
            _ => 0,
        };
        for _ in 0..extra {
            if chars.next().is_some() {
                written += 1;
            }
        }
    }
    written
}

/// True for a line ending in a block scalar indicator after a key or dash: `text: |`, `- |-`, `key: >2 # note`.
pub(crate) fn ends_with_block_indicator(line: &str) -> bool {
    let code = match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    };
    let code = code.trim_end();
    let body = code.trim_end_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit());
    let Some(before) = body.strip_suffix(['|', '>']) else {
        return false;
    };
    let before = before.trim_end();
    before.ends_with(':') || before.ends_with('-') || before.is_empty()
}

/// The indentation (in characters) of the first non-blank line at or after `line`.
fn block_indent(file: &SourceFile, line: usize) -> usize {
    let mut n = line;
    while let Some(text) = file.line_text(n) {
        if !text.trim().is_empty() {
            return text.chars().take_while(|c| *c == ' ').count();
        }
        n += 1;
    }
    0
}

/// Records the node starting at `start` under the current path; returns its path segment.
fn record(
    nodes: &mut HashMap<String, NodeSpan>,
    frames: &mut [Frame],
    path: &[String],
    start: (usize, usize),
    end: usize,
    scalar: Option<ScalarKind>,
) -> Option<String> {
    let (segment, key) = match frames.last() {
        None => (None, None),
        Some(Frame::Mapping { key }) => match key {
            Some((name, at)) => (Some(escape_segment(name)), Some(*at)),
            None => (Some(String::from("?")), None),
        },
        Some(Frame::Sequence { index }) => (Some(index.to_string()), None),
    };
    let mut full: Vec<&str> = path.iter().map(String::as_str).collect();
    if let Some(s) = &segment {
        full.push(s);
    }
    let pointer = if full.is_empty() {
        String::new()
    } else {
        format!("/{}", full.join("/"))
    };
    nodes.entry(pointer).or_insert(NodeSpan {
        key,
        value: start,
        end,
        scalar,
    });
    segment
}

/// Moves the innermost container past the node just finished.
fn advance(frames: &mut [Frame]) {
    match frames.last_mut() {
        Some(Frame::Mapping { key }) => *key = None,
        Some(Frame::Sequence { index }) => *index += 1,
        None => {}
    }
}

/// A JSON pointer segment: `~` and `/` escaped as RFC 6901 says.
fn escape_segment(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// Joins path segments into a JSON pointer.
fn pointer(path: &[String]) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("/{}", path.join("/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "number: 7\nheadings: [A, \"B, page 4\"]\ncomment: |\n  First line.\n  Second RMB1 line.\nresponse:\n  - text: plain words here\n  - revise:\n      revised: >\n        folded text\n        goes on\n";

    #[test]
    fn maps_keys_and_values() {
        let file = SourceFile::new("c.yaml", TEXT);
        let map = SourceMap::build(&file);
        let loc = map.value("/number");
        assert_eq!((loc.line, loc.column), (1, 9));
        let loc = map.key("/comment");
        assert_eq!((loc.line, loc.column), (3, 1));
        let loc = map.value("/headings/1");
        assert_eq!((loc.line, loc.column), (2, 15));
        let loc = map.key("/response/1/revise/revised");
        assert_eq!((loc.line, loc.column), (9, 7));
    }

    #[test]
    fn offsets_inside_literal_blocks_are_exact() {
        let file = SourceFile::new("c.yaml", TEXT);
        let map = SourceMap::build(&file);
        let value = "First line.\nSecond RMB1 line.\n";
        let loc = map.text_offset("/comment", value, value.find("RMB1").unwrap());
        assert_eq!((loc.line, loc.column), (5, 10));
    }

    #[test]
    fn literal_blocks_starting_with_a_pipe_are_mapped_exactly() {
        let text = "response:\n  - text: |\n      | a | b |\n      |---|---|\n";
        let file = SourceFile::new("c.yaml", text);
        let map = SourceMap::build(&file);
        let value = "| a | b |\n|---|---|\n";
        let loc = map.text_offset("/response/0/text", value, 2);
        assert_eq!((loc.line, loc.column), (3, 9));
    }

    #[test]
    fn offsets_inside_plain_and_folded_scalars() {
        let file = SourceFile::new("c.yaml", TEXT);
        let map = SourceMap::build(&file);
        let loc = map.text_offset("/response/0/text", "plain words here", 6);
        assert_eq!((loc.line, loc.column), (7, 17));
        let value = "folded text goes on\n";
        let loc = map.text_offset(
            "/response/1/revise/revised",
            value,
            value.find("goes").unwrap(),
        );
        assert_eq!((loc.line, loc.column), (11, 9));
    }

    #[test]
    fn offsets_inside_quoted_scalars_count_escapes_as_written() {
        let text = "a: \"é\\u00e9\\\" <b>\"\nb: 'it''s <b>'\nc: \"中文中文 <b>\"\n";
        let file = SourceFile::new("c.yaml", text);
        let map = SourceMap::build(&file);
        let value = "éé\" <b>";
        let loc = map.text_offset("/a", value, value.find('<').unwrap());
        let line = file.line_text(1).unwrap();
        assert_eq!(
            loc.column,
            line[..line.find('<').unwrap()].chars().count() + 1
        );
        let loc = map.text_offset("/b", "it's <b>", 5);
        assert_eq!((loc.line, loc.column), (2, 11));
        let value = "中文中文 <b>";
        let loc = map.text_offset("/c", value, value.find('<').unwrap());
        assert_eq!((loc.line, loc.column), (3, 10));
    }

    #[test]
    fn unknown_paths_fall_back_to_nearest_ancestor() {
        let file = SourceFile::new("c.yaml", TEXT);
        let map = SourceMap::build(&file);
        let loc = map.value("/response/1/revise/original");
        assert_eq!(loc.line, 9);
    }
}
