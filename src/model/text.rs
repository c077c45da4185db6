//! Markdown fields of the YAML files, parsed, with the place they came from.

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::SourceMap;
use crate::markdown::{self, Doc};

/// Where a text field was written: its file's source map and its JSON pointer.
#[derive(Debug, Clone)]
pub struct TextOrigin {
    /// Positions of the file the text is in.
    pub map: Arc<SourceMap>,
    /// The field's path in the file, e.g. `/response/2/revise/original`.
    pub pointer: String,
}

impl TextOrigin {
    /// Where the field's value starts.
    pub fn start(&self) -> Location {
        self.map.value(&self.pointer)
    }
}

/// A Markdown field: its source text, its parsed document and its origin.
#[derive(Debug, Clone)]
pub struct Markdown {
    /// The text as written in the YAML file.
    pub source: String,
    /// The parsed document.
    pub doc: Doc,
    /// Where the text was written.
    pub origin: TextOrigin,
}

impl Markdown {
    /// Parses `source`, reporting forbidden constructs at their place in the YAML file.
    pub fn parse(source: String, origin: TextOrigin, diags: &mut Diagnostics) -> Markdown {
        let (doc, issues) = markdown::parse(&source);
        for issue in issues {
            diags.push(
                origin
                    .map
                    .text_offset(&origin.pointer, &source, issue.offset)
                    .error(issue.message)
                    .with_hint(issue.hint),
            );
        }
        Markdown {
            source,
            doc,
            origin,
        }
    }

    /// The place of byte `offset` of the source text in the YAML file.
    pub fn locate(&self, offset: usize) -> Location {
        self.origin
            .map
            .text_offset(&self.origin.pointer, &self.source, offset)
    }

    /// An error at byte `offset` of the source text.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        self.locate(offset).error(message)
    }

    /// True when the text has no content.
    pub fn is_blank(&self) -> bool {
        self.source.trim().is_empty()
    }
}
