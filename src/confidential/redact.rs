//! A letter in one version: the only form in which templates and writers see it.

use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostic::SourceFile;
use crate::load::SourceMap;
use crate::markdown::{Doc, InlineContent, to_markdown};
use crate::model::{Letter, Markdown, PlainText, ResponsePart, TextOrigin};
use crate::redline::count_changes;

use super::{REDACTION_MARK, Version, apply};

/// A letter with every confidential span treated for one version, no internal
/// notes, and origins that no longer reach the YAML files' text. Only
/// [`redact`] makes one, so whatever takes a `Redacted` cannot print source text.
#[derive(Debug, Clone)]
pub struct Redacted {
    letter: Letter,
    version: Version,
}

impl Redacted {
    /// The treated letter.
    pub fn letter(&self) -> &Letter {
        &self.letter
    }

    /// The version it was treated for.
    pub fn version(&self) -> Version {
        self.version
    }
}

/// The letter as `version` prints it.
pub fn redact(letter: &Letter, version: Version) -> Redacted {
    let mut out = letter.clone();
    let mut origins = Detacher::default();
    for field in [&mut out.intro, &mut out.closing].into_iter().flatten() {
        treat_markdown(field, version, &mut origins);
    }
    for line in out.letterhead.iter_mut().chain(out.cc.iter_mut()) {
        treat_plain(line, version, &mut origins);
    }
    out.staff_letter_origin = origins.detach(&out.staff_letter_origin);
    out.date_origin = origins.detach(&out.date_origin);
    out.filing.fiscal_year_end_origin = origins.detach(&out.filing.fiscal_year_end_origin);
    for comment in &mut out.comments {
        comment.notes = None;
        comment.number_origin = origins.detach(&comment.number_origin);
        comment.response_origin = origins.detach(&comment.response_origin);
        treat_markdown(&mut comment.text, version, &mut origins);
        for heading in &mut comment.headings {
            treat_plain(heading, version, &mut origins);
        }
        for part in &mut comment.response {
            match part {
                ResponsePart::Text(text) => treat_markdown(text, version, &mut origins),
                ResponsePart::Revise(revision) => {
                    for field in [&mut revision.location, &mut revision.page]
                        .into_iter()
                        .flatten()
                    {
                        treat_plain(field, version, &mut origins);
                    }
                    if let Some(intro) = &mut revision.intro {
                        treat_markdown(intro, version, &mut origins);
                    }
                    treat_markdown(&mut revision.original, version, &mut origins);
                    treat_markdown(&mut revision.revised, version, &mut origins);
                    revision.origin = origins.detach(&revision.origin);
                    let redline = &mut revision.redline;
                    let mut public = redline.doc.clone();
                    apply(&mut public, Version::Public);
                    // Both copies print the public counts: a count must not
                    // reveal how many words a span holds.
                    (redline.words_inserted, redline.words_deleted) = public_counts(&public);
                    redline.doc = match version {
                        Version::Staff => {
                            let mut staff = redline.doc.clone();
                            apply(&mut staff, Version::Staff);
                            staff
                        }
                        Version::Public | Version::Plain => public,
                    };
                }
            }
        }
    }
    Redacted {
        letter: out,
        version,
    }
}

/// Counts of a public redline in which each `[***]` counts as one word.
fn public_counts(public: &Doc) -> (usize, usize) {
    let mut doc = public.clone();
    doc.visit_inlines_mut(&mut |inlines| {
        for inline in inlines.iter_mut() {
            if let InlineContent::Text(text) = &mut inline.content
                && text.as_str() == REDACTION_MARK
            {
                *text = "redacted".to_owned();
            }
        }
    });
    count_changes(&doc)
}

fn treat_markdown(field: &mut Markdown, version: Version, origins: &mut Detacher) {
    apply(&mut field.doc, version);
    field.source = to_markdown(&field.doc);
    field.origin = origins.detach(&field.origin);
}

fn treat_plain(field: &mut PlainText, version: Version, origins: &mut Detacher) {
    let mut text = String::with_capacity(field.text.len());
    let mut spans = Vec::new();
    for (piece, confidential) in field.pieces() {
        match (confidential, version) {
            (false, _) => text.push_str(piece),
            (true, Version::Staff) => {
                let start = text.len();
                text.push('[');
                text.push_str(piece);
                text.push(']');
                spans.push(start..text.len());
            }
            (true, Version::Public | Version::Plain) => text.push_str(REDACTION_MARK),
        }
    }
    let mut treated = field.with_text(text, spans);
    treated.origin = origins.detach(&field.origin);
    *field = treated;
}

/// Replaces origins by ones naming the same file and field over an empty text,
/// one empty map per file.
#[derive(Default)]
struct Detacher {
    maps: HashMap<*const SourceMap, Arc<SourceMap>>,
}

impl Detacher {
    fn detach(&mut self, origin: &TextOrigin) -> TextOrigin {
        let key = Arc::as_ptr(&origin.map);
        let map = self.maps.entry(key).or_insert_with(|| {
            let file = SourceFile::new(origin.map.file().path.clone(), "");
            Arc::new(SourceMap::build(&file))
        });
        TextOrigin {
            map: Arc::clone(map),
            pointer: origin.pointer.clone(),
        }
    }
}
