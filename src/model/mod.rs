//! Model stage: raw YAML values → a validated, typed [`Letter`].
//!
//! Dates are parsed, defaults applied, Markdown fields parsed (forbidden HTML
//! reported at its place in the YAML), and comment numbers checked.

mod comment;
mod date;
mod letter;
mod plain;
mod text;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use comment::{Comment, ResponsePart, Revision, legend};
pub use date::{long_date, month_name, parse_date};
pub use letter::{
    Addressee, Company, ConfidentialTreatment, Filing, Letter, Signatory, Translation, defined_term,
};
pub use plain::PlainText;
pub use text::{Markdown, TextOrigin};

use crate::diagnostic::Diagnostics;
use crate::load::raw::{RawComment, RawLetter, RawPart};
use crate::load::{Loaded, LoadedLetter, SourceMap};
use crate::parallel::map_reporting;

/// The SEC's street address, used when `address` is not given.
pub const SEC_ADDRESS: [&str; 2] = ["100 F Street, N.E.", "Washington, D.C. 20549"];

/// Builds the typed letter; `None` when any field is invalid.
pub fn model(loaded: LoadedLetter) -> (Option<Letter>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let letter_map = Arc::new(loaded.letter.map);
    let raw = loaded.letter.raw;
    let origin = |pointer: &str| TextOrigin {
        map: Arc::clone(&letter_map),
        pointer: pointer.to_owned(),
    };
    let date = date_field(&raw.date, origin("/date"), &mut diags);
    let staff_letter = date_field(&raw.staff_letter, origin("/staff_letter"), &mut diags);
    let fiscal_year_end = date_field(
        &raw.filing.fiscal_year_end,
        origin("/filing/fiscal_year_end"),
        &mut diags,
    );
    let filed = date_field(&raw.filing.filed, origin("/filing/filed"), &mut diags);
    let markdown = |text: &Option<String>, pointer: &str, diags: &mut Diagnostics| {
        text.as_ref()
            .map(|t| Markdown::parse(t.clone(), origin(pointer), diags))
    };
    let intro = markdown(&raw.intro, "/intro", &mut diags);
    let closing = markdown(&raw.closing, "/closing", &mut diags);
    let lines = |lines: &Option<Vec<String>>, pointer: &str, diags: &mut Diagnostics| {
        plain_lines(
            lines.as_deref().unwrap_or_default(),
            pointer,
            &letter_map,
            diags,
        )
    };
    let letterhead = lines(&raw.letterhead, "/letterhead", &mut diags);
    let cc = lines(&raw.cc, "/cc", &mut diags);
    if let Some(t) = &raw.translation
        && !(t.rate.is_finite() && t.rate > 0.0)
    {
        diags.push(
            letter_map
                .value("/translation/rate")
                .error("the translation rate must be a positive number")
                .with_hint("write the rate as units of `from` per one unit of `to`, e.g. 6.0537"),
        );
    }
    let comments = comments(loaded.comments, loaded.complete, &mut diags);
    if raw.confidential_treatment.is_none() {
        require_ct_settings(
            intro
                .iter()
                .chain(&closing)
                .chain(comments.iter().flat_map(Comment::markdown_fields)),
            letterhead
                .iter()
                .chain(&cc)
                .chain(comments.iter().flat_map(Comment::plain_fields)),
            &mut diags,
        );
    }
    let letter_level_ok = !diags.has_errors();
    let (Some(date), Some(staff_letter), Some(fiscal_year_end), Some(filed)) =
        (date, staff_letter, fiscal_year_end, filed)
    else {
        return (None, diags);
    };
    if !letter_level_ok {
        return (None, diags);
    }
    let RawLetter {
        filing,
        company,
        signatory,
        ..
    } = raw.clone();
    let form = filing.form.trim().to_owned();
    let revision_author = raw
        .revision_author
        .clone()
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| company.name.clone());
    let letter = Letter {
        id: loaded.id,
        date,
        via: raw.via.clone().unwrap_or_else(|| "VIA EDGAR".to_owned()),
        letterhead,
        addressees: raw
            .addressees
            .iter()
            .map(|a| Addressee {
                name: a.name.clone(),
                title: a.title.clone(),
                salutation: a.salutation.clone().unwrap_or_else(|| a.name.clone()),
            })
            .collect(),
        office: raw
            .office
            .clone()
            .map(|o| o.into_vec())
            .unwrap_or_else(|| vec!["Division of Corporation Finance".to_owned()]),
        address: raw
            .address
            .clone()
            .unwrap_or_else(|| SEC_ADDRESS.iter().map(|s| (*s).to_owned()).collect()),
        company: letter::Company {
            name: company.name,
            short: company.short.unwrap_or_else(|| "the Company".to_owned()),
        },
        filing: Filing {
            short: filing
                .short
                .unwrap_or_else(|| format!("the {} {}", fiscal_year_end.year(), form)),
            form,
            fiscal_year_end,
            fiscal_year_end_origin: origin("/filing/fiscal_year_end"),
            filed,
            file_number: filing.file_number,
        },
        staff_letter,
        staff_letter_origin: origin("/staff_letter"),
        date_origin: origin("/date"),
        intro,
        closing,
        acknowledgments: raw.acknowledgments.unwrap_or(false),
        signatory: Signatory {
            name: signatory.name,
            title: signatory.title,
        },
        cc,
        translation: raw.translation.as_ref().map(|t| Translation {
            from: t.from.clone(),
            to: t.to.clone(),
            rate: t.rate,
        }),
        confidential_treatment: raw.confidential_treatment.as_ref().map(|c| {
            ConfidentialTreatment {
                requested_by: c.requested_by.clone(),
                page_code: c.page_code.clone(),
            }
        }),
        revision_author,
        comments,
    };
    (Some(letter), diags)
}

fn date_field(text: &str, origin: TextOrigin, diags: &mut Diagnostics) -> Option<time::Date> {
    match parse_date(text) {
        Ok(date) => Some(date),
        Err(reason) => {
            diags.push(
                origin
                    .start()
                    .error(reason)
                    .with_hint("write the date as YYYY-MM-DD, e.g. 2014-12-09"),
            );
            None
        }
    }
}

/// Types every comment file and checks that the numbers run 1, 2, 3 … without gaps or repeats.
fn comments(
    files: Vec<Loaded<RawComment>>,
    complete: bool,
    diags: &mut Diagnostics,
) -> Vec<Comment> {
    // The numbers are checked in file order; the comments that pass are
    // then read (Markdown, redlines) on every core.
    let mut accepted: Vec<(Arc<SourceMap>, RawComment)> = Vec::new();
    let mut seen: BTreeMap<i64, String> = BTreeMap::new();
    for file in files {
        let map = Arc::new(file.map);
        let raw = file.raw;
        let path = crate::diagnostic::display_path(&map.file().path);
        if raw.number < 1 || raw.number > i64::from(u32::MAX) {
            diags.push(
                map.value("/number")
                    .error(format!(
                        "comment number {} is not a positive whole number",
                        raw.number
                    ))
                    .with_hint("number the comments 1, 2, 3 … as in the staff letter"),
            );
            continue;
        }
        if let Some(first) = seen.get(&raw.number) {
            diags.push(
                map.value("/number")
                    .error(format!(
                        "comment number {} is used twice (also in {first})",
                        raw.number
                    ))
                    .with_hint("each comment file needs its own number, as in the staff letter"),
            );
            continue;
        }
        seen.insert(raw.number, path);
        accepted.push((map, raw));
    }
    let mut out = map_reporting(&accepted, diags, |(map, raw), found| {
        comment(map, raw, found)
    });
    out.sort_by_key(|c| c.number);
    if !complete {
        // A file that failed to load would show up as a spurious gap.
        return out;
    }
    for (i, comment) in out.iter().enumerate() {
        let expected = i as u32 + 1;
        if comment.number != expected {
            diags.push(
                comment
                    .number_origin
                    .start()
                    .error(format!("comment {} follows comment {}; comment {expected} is missing", comment.number, expected - 1))
                    .with_hint(format!("add the file for comment {expected} or renumber so the comments run 1, 2, 3 …")),
            );
            break;
        }
    }
    out
}

/// One comment file's comment, its response parts (with their redlines) read.
fn comment(map: &Arc<SourceMap>, raw: &RawComment, diags: &mut Diagnostics) -> Comment {
    let origin = |pointer: &str| TextOrigin {
        map: Arc::clone(map),
        pointer: pointer.to_owned(),
    };
    let text = Markdown::parse(raw.comment.clone(), origin("/comment"), diags);
    let response = raw
        .response
        .clone()
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .filter_map(|(i, part)| response_part(part, &format!("/response/{i}"), map, diags))
        .collect();
    Comment {
        number: raw.number as u32,
        number_origin: origin("/number"),
        headings: plain_lines(
            raw.headings.as_deref().unwrap_or_default(),
            "/headings",
            map,
            diags,
        ),
        text,
        response,
        response_origin: origin("/response"),
        notes: raw.notes.clone(),
    }
}

fn response_part(
    part: RawPart,
    pointer: &str,
    map: &Arc<SourceMap>,
    diags: &mut Diagnostics,
) -> Option<ResponsePart> {
    let origin = |p: String| TextOrigin {
        map: Arc::clone(map),
        pointer: p,
    };
    match (part.text, part.revise) {
        (Some(text), None) => Some(ResponsePart::Text(Markdown::parse(
            text,
            origin(format!("{pointer}/text")),
            diags,
        ))),
        (None, Some(rev)) => {
            let base = format!("{pointer}/revise");
            let intro = rev
                .intro
                .map(|t| Markdown::parse(t, origin(format!("{base}/intro")), diags));
            let original = Markdown::parse(rev.original, origin(format!("{base}/original")), diags);
            let revised = Markdown::parse(rev.revised, origin(format!("{base}/revised")), diags);
            let location = rev
                .location
                .map(|l| PlainText::parse(l, origin(format!("{base}/location")), diags));
            let page = rev
                .page
                .map(|p| PlainText::parse(p.to_text(), origin(format!("{base}/page")), diags));
            let redline = crate::redline::redline(&original.doc, &revised.doc);
            Some(ResponsePart::Revise(Box::new(Revision {
                location,
                page,
                intro,
                original,
                revised,
                show_deletions: rev.show_deletions.unwrap_or(true),
                origin: origin(base),
                redline,
            })))
        }
        (Some(_), Some(_)) => {
            diags.push(
                map.value(pointer)
                    .error("a response part has both `text` and `revise`")
                    .with_hint("split it into two parts: `- text: …` and `- revise: …`"),
            );
            None
        }
        (None, None) => {
            diags.push(
                map.value(pointer)
                    .error("a response part needs `text` or `revise`")
                    .with_hint("write `- text: |` followed by the response, or `- revise:` with `original` and `revised`"),
            );
            None
        }
    }
}

/// Reads a list of plain-text lines at `pointer` (`/cc`, `/headings`, …).
fn plain_lines(
    lines: &[String],
    pointer: &str,
    map: &Arc<SourceMap>,
    diags: &mut Diagnostics,
) -> Vec<PlainText> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let origin = TextOrigin {
                map: Arc::clone(map),
                pointer: format!("{pointer}/{i}"),
            };
            PlainText::parse(line.clone(), origin, diags)
        })
        .collect()
}

/// Confidential spans need `confidential_treatment` (who requests it, the page code).
fn require_ct_settings<'a>(
    markdown: impl Iterator<Item = &'a Markdown>,
    mut plain: impl Iterator<Item = &'a PlainText>,
    diags: &mut Diagnostics,
) {
    const HINT: &str =
        "add `confidential_treatment: {requested_by: …, page_code: …}` to letter.yaml";
    const MESSAGE: &str = "confidential text needs a confidential treatment request";
    for field in markdown {
        if field.doc.any_style(|s| s.confidential) {
            let offset = field.source.to_ascii_lowercase().find("<ct").unwrap_or(0);
            diags.push(field.error_at(offset, MESSAGE).with_hint(HINT));
            return;
        }
    }
    if let Some(field) = plain.find(|f| f.is_confidential()) {
        let offset = field.confidential[0].start;
        diags.push(field.locate(offset).error(MESSAGE).with_hint(HINT));
    }
}

impl Comment {
    /// Every Markdown field of the comment and its response, in order.
    pub fn markdown_fields(&self) -> Vec<&Markdown> {
        let mut out = vec![&self.text];
        for part in &self.response {
            match part {
                ResponsePart::Text(m) => out.push(m),
                ResponsePart::Revise(r) => {
                    out.extend(r.intro.iter());
                    out.push(&r.original);
                    out.push(&r.revised);
                }
            }
        }
        out
    }

    /// Every plain-text field of the comment and its response, in order.
    pub fn plain_fields(&self) -> Vec<&PlainText> {
        let mut out: Vec<&PlainText> = self.headings.iter().collect();
        for part in &self.response {
            if let ResponsePart::Revise(r) = part {
                out.extend(r.location.iter().chain(&r.page));
            }
        }
        out
    }
}

impl Letter {
    /// Every Markdown field of the letter, in order.
    pub fn markdown_fields(&self) -> Vec<&Markdown> {
        let mut out: Vec<&Markdown> = self.intro.iter().collect();
        for comment in &self.comments {
            out.extend(comment.markdown_fields());
        }
        out.extend(self.closing.iter());
        out
    }

    /// Every plain-text field that may hold confidential text, in order.
    pub fn plain_fields(&self) -> Vec<&PlainText> {
        let mut out: Vec<&PlainText> = self.letterhead.iter().collect();
        for comment in &self.comments {
            out.extend(comment.plain_fields());
        }
        out.extend(self.cc.iter());
        out
    }
}
