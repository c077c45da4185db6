//! Text a letter must not be filed with: placeholders such as those `respond
//! init` writes ("[Signatory name]", "[Closing paragraph: …]"), the drafting
//! conventions "TBD", "[●]", "[__]" and "XX", and a salutation that is a bare
//! full name ("Dear Stephen Krikorian:").
//!
//! The rule is general rather than a list of `init`'s strings, so placeholders
//! a person types follow it too: a bracketed phrase that starts with a capital
//! letter and is not part of a word ("[T]he", an alteration in a quotation,
//! is not), a bracket of filler characters, or one of the words above. The
//! staff's comments, the passages as filed and internal notes are not
//! searched: they are quoted verbatim or never printed.

use std::sync::Arc;

use super::Mode;
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::SourceMap;
use crate::model::{Letter, Markdown, ResponsePart};

/// Editorial notes in brackets that are not placeholders (compared in lower case).
const EDITORIAL: [&str; 10] = [
    "emphasis added",
    "emphasis supplied",
    "sic",
    "footnote omitted",
    "footnotes omitted",
    "citation omitted",
    "citations omitted",
    "internal citations omitted",
    "internal quotation marks omitted",
    "alteration in original",
];

/// Words that mark text still to be written.
const TO_BE_DECIDED: [&str; 3] = ["TBD", "TBA", "TBC"];

/// Currency codes written directly before a figure ("RMBXX million").
const CURRENCIES: [&str; 7] = ["RMB", "USD", "EUR", "GBP", "HKD", "CNY", "JPY"];

/// Courtesy titles a salutation starts with ("Mr. Wilson").
const TITLES: [&str; 14] = [
    "Mr", "Ms", "Mrs", "Miss", "Mx", "Dr", "Prof", "Messrs", "Mses", "Mmes", "Hon", "Judge", "Sir",
    "Madam",
];

/// One placeholder found in a text: its byte range and the text itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// Byte offset of the placeholder in the text.
    pub offset: usize,
    /// The placeholder as written.
    pub text: String,
}

/// Reports every placeholder in the company's own text and every bare-name salutation.
pub fn check(letter: &Letter, mode: Mode, diags: &mut Diagnostics) {
    let map = &letter.date_origin.map;
    for (pointer, value) in letter_fields(letter) {
        for found in find(&value) {
            diags.push(finding(
                mode,
                map.text_offset(&pointer, &value, found.offset),
                &found.text,
            ));
        }
    }
    for field in markdown_fields(letter) {
        for found in find(&field.source) {
            diags.push(finding(mode, field.locate(found.offset), &found.text));
        }
    }
    for comment in &letter.comments {
        for part in &comment.response {
            let ResponsePart::Revise(revision) = part else {
                continue;
            };
            for value in revision.location.iter().chain(&revision.page) {
                for found in find(&value.text) {
                    diags.push(finding(mode, value.locate(found.offset), &found.text));
                }
            }
        }
    }
    for field in letter.letterhead.iter().chain(&letter.cc) {
        for found in find(&field.text) {
            diags.push(finding(mode, field.locate(found.offset), &found.text));
        }
    }
    salutations(letter, map, mode, diags);
}

/// An error for `respond check`, a warning for a draft build.
fn finding(mode: Mode, at: Location, text: &str) -> Diagnostic {
    let message = format!("placeholder “{text}” is still in the letter");
    let found = match mode {
        Mode::Check => at.error(message),
        Mode::Build => at.warning(message),
    };
    found
        .with_hint("replace it with the real text before the letter is filed")
        .unfinished()
}

/// The plain text fields of `letter.yaml` with their JSON pointers.
fn letter_fields(letter: &Letter) -> Vec<(String, String)> {
    let mut out = vec![("/via".to_owned(), letter.via.clone())];
    let list = |out: &mut Vec<(String, String)>, name: &str, items: &[String]| {
        for (i, item) in items.iter().enumerate() {
            out.push((format!("/{name}/{i}"), item.clone()));
        }
    };
    for (i, a) in letter.addressees.iter().enumerate() {
        out.push((format!("/addressees/{i}/name"), a.name.clone()));
        if let Some(title) = &a.title {
            out.push((format!("/addressees/{i}/title"), title.clone()));
        }
        if a.salutation != a.name {
            out.push((format!("/addressees/{i}/salutation"), a.salutation.clone()));
        }
    }
    list(&mut out, "office", &letter.office);
    list(&mut out, "address", &letter.address);
    out.push(("/company/name".to_owned(), letter.company.name.clone()));
    out.push(("/company/short".to_owned(), letter.company.short.clone()));
    out.push(("/filing/form".to_owned(), letter.filing.form.clone()));
    out.push((
        "/filing/file_number".to_owned(),
        letter.filing.file_number.clone(),
    ));
    out.push(("/filing/short".to_owned(), letter.filing.short.clone()));
    out.push(("/signatory/name".to_owned(), letter.signatory.name.clone()));
    if let Some(title) = &letter.signatory.title {
        out.push(("/signatory/title".to_owned(), title.clone()));
    }
    if let Some(ct) = &letter.confidential_treatment {
        out.push((
            "/confidential_treatment/requested_by".to_owned(),
            ct.requested_by.clone(),
        ));
        out.push((
            "/confidential_treatment/page_code".to_owned(),
            ct.page_code.clone(),
        ));
    }
    out
}

/// The Markdown fields in the company's voice: intro, closing, response text,
/// and each revision's intro and revised passage.
fn markdown_fields(letter: &Letter) -> Vec<&Markdown> {
    super::company_text(letter)
}

/// Salutations that are a bare full name: "Dear Stephen Krikorian:" reads as a
/// form letter; a response greets the staff by title and surname.
fn salutations(letter: &Letter, map: &Arc<SourceMap>, mode: Mode, diags: &mut Diagnostics) {
    for (i, addressee) in letter.addressees.iter().enumerate() {
        let salutation = addressee.salutation.split_whitespace().collect::<Vec<_>>();
        let name = addressee.name.split_whitespace().collect::<Vec<_>>();
        let titled = salutation
            .first()
            .is_some_and(|w| TITLES.contains(&w.trim_end_matches('.')));
        if titled || salutation.len() < 2 || salutation != name {
            continue;
        }
        let written = format!("/addressees/{i}/salutation");
        let at = if map.node(&written).is_some() {
            map.value(&written)
        } else {
            map.key(&format!("/addressees/{i}/name"))
        };
        let surname = name.last().copied().unwrap_or_default();
        let message = format!(
            "the salutation is the bare name “{}”; the letter would open “Dear {}:”",
            addressee.salutation, addressee.salutation
        );
        let found = match mode {
            Mode::Check => at.error(message),
            Mode::Build => at.warning(message),
        };
        diags.push(
            found
                .with_hint(format!(
                    "write `salutation: Mr. {surname}` or `salutation: Ms. {surname}`"
                ))
                .unfinished(),
        );
    }
}

/// Every placeholder in `text`, in order.
pub fn find(text: &str) -> Vec<Placeholder> {
    let mut out = brackets(text);
    out.extend(words(text));
    out.sort_by_key(|p| p.offset);
    out
}

/// Bracketed placeholders: "[Signatory name]", "[●]", "[__]".
fn brackets(text: &str) -> Vec<Placeholder> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find('[').map(|i| i + from) {
        from = i + 1;
        let rest = &text[i + 1..];
        let Some(len) = rest.find([']', '[', '\n']) else {
            break;
        };
        if !rest[len..].starts_with(']') {
            continue;
        }
        let inner = &rest[..len];
        let after = rest[len + 1..].chars().next();
        if is_placeholder(inner, after) {
            out.push(Placeholder {
                offset: i,
                text: text[i..i + len + 2].to_owned(),
            });
            from = i + len + 2;
        }
    }
    out
}

/// Whether `[inner]`, followed by `after`, is a placeholder.
fn is_placeholder(inner: &str, after: Option<char>) -> bool {
    let trimmed = inner.trim();
    // A Markdown link or footnote, or an alteration inside a word ("[T]he").
    if inner.starts_with('^') || matches!(after, Some('(' | '[')) {
        return false;
    }
    if after.is_some_and(char::is_alphanumeric) {
        return false;
    }
    if trimmed
        .chars()
        .all(|c| matches!(c, '●' | '•' | '_' | '?' | ' '))
    {
        return true;
    }
    let lower = trimmed.trim_end_matches('.').to_lowercase();
    if EDITORIAL.contains(&lower.as_str()) {
        return false;
    }
    let mut chars = trimmed.chars();
    chars.next().is_some_and(char::is_uppercase)
        && trimmed.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// "TBD" and runs of "XX" standing for a figure ("RMBXX million", "20XX", "XX,XXX").
fn words(text: &str) -> Vec<Placeholder> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let starts_word = i == 0
            || !is_letter(text, i)
            || (text[i..].starts_with("XX") && CURRENCIES.iter().any(|c| text[..i].ends_with(c)));
        if !starts_word || !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        if let Some(word) = TO_BE_DECIDED.iter().find(|w| text[i..].starts_with(**w))
            && !letter_at(text, i + word.len())
        {
            out.push(Placeholder {
                offset: i,
                text: (*word).to_owned(),
            });
            i += word.len();
            continue;
        }
        if text[i..].starts_with("XX") {
            let mut end = i;
            while end < text.len() && matches!(bytes[end], b'X' | b',' | b'.') {
                end += 1;
            }
            let token = text[i..end].trim_end_matches([',', '.']);
            if !letter_at(text, i + token.len()) {
                out.push(Placeholder {
                    offset: i,
                    text: token.to_owned(),
                });
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// True when the character ending just before byte `i` is a letter.
fn is_letter(text: &str, i: usize) -> bool {
    text.is_char_boundary(i)
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
}

/// True when the character starting at byte `i` is a letter.
fn letter_at(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        find(text).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn init_placeholders_are_found() {
        for placeholder in [
            "[Signatory name]",
            "[Signatory title]",
            "[Closing paragraph: whom the staff may contact with questions about this letter.]",
            "[Response to be provided]",
            "[Mr./Ms. Lastname]",
            "[YYYY-MM-DD]",
            "[File No.]",
            "[Title]",
        ] {
            assert_eq!(texts(placeholder), vec![placeholder.to_owned()]);
        }
    }

    #[test]
    fn drafting_conventions_are_found() {
        assert_eq!(
            texts("revenue of RMB[●] million and [__] customers, TBD"),
            vec!["[●]", "[__]", "TBD"]
        );
        assert_eq!(
            texts("US$XX million (RMBXX million) in 20XX; XX,XXX units."),
            vec!["XX", "XX", "XX", "XX,XXX"]
        );
    }

    #[test]
    fn brackets_in_ordinary_prose_are_not_placeholders() {
        for text in [
            "“[T]he Company believes …”",
            "the [***] of the agreement",
            "a footnote[^1] and a [link](#x)",
            "lower-case [the Company] alteration",
            "as it said [emphasis added]",
            "“[Sic] …” and [...] omissions",
            "XXL and TBDX and OXXO",
            "[x]",
        ] {
            assert!(texts(text).is_empty(), "{text}: {:?}", texts(text));
        }
    }

    #[test]
    fn offsets_point_at_the_placeholder() {
        let text = "Dear é [Name], TBD";
        let found = find(text);
        assert_eq!(&text[found[0].offset..], "[Name], TBD");
        assert_eq!(&text[found[1].offset..], "TBD");
    }
}
