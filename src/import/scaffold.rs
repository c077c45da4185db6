//! A [`StaffLetter`] → the text of a new letter project: `letter.yaml` and one
//! `comments/NN-<slug>.yaml` per comment (SPEC §1–3).
//!
//! The YAML is written by hand so that it reads like a file a person wrote: the
//! staff's comment is a `|` literal block (verbatim and readable), and every
//! field the staff letter does not supply holds a bracketed placeholder such as
//! `"[Signatory name]"` with a `# fill in` comment.
//!
//! The response's addressees are the staff letter's signatory (when a person
//! signed) followed by the contacts named in its closing, in order of mention.
//! Staff letters never give the staff's courtesy titles, so each addressee's
//! salutation is their full name (the staff's own style, "Dear David
//! Michels:") unless the letter wrote one, with a comment offering "Mr./Ms.".
//! The response's own signatory and closing are the company's, so they are
//! placeholders.

use time::Date;

use super::StaffLetter;
use super::dates::iso;

/// One file of the project, its path relative to the project folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFile {
    /// E.g. `letter.yaml` or `comments/05-goodwill.yaml`.
    pub path: String,
    /// The file's text.
    pub text: String,
}

use crate::load::raw::{SCHEMA_MODELINE_COMMENT, SCHEMA_MODELINE_LETTER};

/// The default office line.
const DIVISION: &str = "Division of Corporation Finance";

/// All files of the project for `letter`, dated `today`; `source` names the staff letter file.
pub fn scaffold(letter: &StaffLetter, today: Date, source: &str) -> Vec<ProjectFile> {
    // Each file starts with the modeline that gives editors the schema.
    let mut files = vec![ProjectFile {
        path: String::from("letter.yaml"),
        text: format!(
            "{SCHEMA_MODELINE_LETTER}\n{}",
            letter_yaml(letter, today, source)
        ),
    }];
    // Numbers are padded to the widest one so the files list in comment order.
    let width = letter
        .comments
        .iter()
        .map(|c| c.number.to_string().len())
        .max()
        .unwrap_or(2)
        .max(2);
    files.extend(letter.comments.iter().map(|comment| ProjectFile {
        path: format!("comments/{:0width$}-{}.yaml", comment.number, slug(comment)),
        text: format!("{SCHEMA_MODELINE_COMMENT}\n{}", comment_yaml(comment)),
    }));
    files
}

/// The default letter id: `<staff letter date>-<form, lower case, no dash>-<fiscal year>`,
/// e.g. `2017-08-16-20f-2016`.
pub fn default_letter_id(letter: &StaffLetter) -> String {
    let mut id = iso(letter.date);
    if let Some(filing) = letter.filing() {
        if let Some(form) = &filing.form {
            id.push('-');
            id.extend(
                form.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .flat_map(|c| c.to_lowercase()),
            );
        }
        if let Some(end) = filing.fiscal_year_end {
            id.push_str(&format!("-{}", end.year()));
        }
    }
    id
}

/// `letter.yaml`.
fn letter_yaml(letter: &StaffLetter, today: Date, source: &str) -> String {
    let mut y = Yaml::default();
    y.comment(&format!(
        "Scaffolded by `respond init` from the staff letter of {} ({source}).",
        long_date(letter.date)
    ));
    y.comment("Check every field; \"[...]\" placeholders mark what the staff letter does not say.");
    y.field(0, "date", &iso(today), None);
    y.field(0, "via", "VIA EDGAR", None);
    y.key(0, "addressees");
    let mut people: Vec<&super::StaffMember> = letter.signatory.iter().collect();
    people.extend(letter.contacts.iter());
    if people.is_empty() {
        y.item_field(2, "name", "[Staff member's name]", Some("fill in"));
        y.field(4, "title", "[Title]", Some("fill in"));
        y.field(4, "salutation", "[Mr./Ms. Lastname]", Some("fill in"));
    }
    for person in people {
        y.item_field(2, "name", &person.name, None);
        match &person.title {
            Some(title) => y.field(4, "title", title, None),
            None => y.field(4, "title", "[Title]", Some("fill in")),
        }
        match &person.salutation {
            Some(s) => y.field(4, "salutation", s, None),
            None => {
                let last = surname(&person.name);
                y.field(
                    4,
                    "salutation",
                    &person.name,
                    Some(&format!("or \"Mr. {last}\" / \"Ms. {last}\"")),
                );
            }
        }
    }
    y.key(0, "office");
    y.item(2, DIVISION);
    for line in letter.office.iter().filter(|l| l.as_str() != DIVISION) {
        y.item(2, line);
    }
    y.key(0, "company");
    match &letter.re.company {
        Some(name) => y.field(2, "name", name, None),
        None => y.field(2, "name", "[Company name]", Some("fill in")),
    }
    y.key(0, "filing");
    let filing = letter.filing();
    let form = filing.and_then(|f| f.form.clone());
    y.maybe(2, "form", form.as_deref(), "[Form]");
    let fiscal = filing.and_then(|f| f.fiscal_year_end).map(iso);
    y.maybe(2, "fiscal_year_end", fiscal.as_deref(), "[YYYY-MM-DD]");
    let filed = filing.and_then(|f| f.filed).map(iso);
    y.maybe(2, "filed", filed.as_deref(), "[YYYY-MM-DD]");
    y.maybe(
        2,
        "file_number",
        letter.re.file_number.as_deref(),
        "[File No.]",
    );
    for other in letter.re.filings.iter().skip(1) {
        y.comment(&format!(
            "The staff letter also concerns: {}",
            other.description
        ));
    }
    if let Some(response) = letter.re.response_dated {
        y.comment(&format!(
            "The staff letter follows up on the response dated {}.",
            long_date(response)
        ));
    }
    y.field(0, "staff_letter", &iso(letter.date), None);
    y.block(
        0,
        "closing",
        "[Closing paragraph: whom the staff may contact with questions about this letter.]",
        Some("fill in"),
    );
    if !letter.addressee.name.is_empty() {
        let mut to = letter.addressee.name.clone();
        for part in [&letter.addressee.title, &letter.addressee.company]
            .into_iter()
            .flatten()
        {
            to.push_str(", ");
            to.push_str(part);
        }
        if !to.ends_with('.') {
            to.push('.');
        }
        y.comment(&format!("The staff letter was addressed to {to}"));
    }
    y.key(0, "signatory");
    y.field(2, "name", "[Signatory name]", Some("fill in"));
    y.field(2, "title", "[Signatory title]", Some("fill in"));
    y.out
}

/// One comment file.
fn comment_yaml(comment: &super::StaffComment) -> String {
    let mut y = Yaml::default();
    y.line(&format!("number: {}", comment.number));
    if !comment.headings.is_empty() {
        y.key(0, "headings");
        for heading in &comment.headings {
            y.line(&format!("  - {}", quoted(heading)));
        }
    }
    y.block(0, "comment", &comment.text, None);
    y.line("response: []");
    y.out
}

/// A file name part from the comment's innermost heading, else its first words.
fn slug(comment: &super::StaffComment) -> String {
    let source = comment
        .headings
        .last()
        .map(|h| strip_page(strip_label(h)).to_owned())
        .unwrap_or_else(|| {
            comment
                .text
                .split_whitespace()
                .take(5)
                .collect::<Vec<_>>()
                .join(" ")
        });
    let mut slug = String::new();
    let source = source.replace(['’', '\''], "");
    for word in source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
    {
        if slug.len() + word.len() > 40 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().flat_map(char::to_lowercase));
    }
    if slug.is_empty() {
        String::from("comment")
    } else {
        slug
    }
}

/// "A. Selected Financial Data" → "Selected Financial Data"; "Note 9. Taxes" → "Taxes".
fn strip_label(heading: &str) -> &str {
    let mut rest = heading;
    for prefix in ["Item ", "Note ", "Part "] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let label_end = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '.' | ':' | '-' | '–' | '—'))
        .map(|(i, c)| (i, i + c.len_utf8()));
    match label_end {
        Some((i, after)) if i <= 4 && rest[after..].starts_with(' ') => rest[after..].trim_start(),
        _ => heading,
    }
}

/// "Goodwill, page 84" → "Goodwill".
fn strip_page(heading: &str) -> &str {
    match heading.rfind(", page") {
        Some(i) => &heading[..i],
        None => heading,
    }
}

/// The surname, with its particle: "Donna Di Silvio" → "Di Silvio".
fn surname(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let particles = [
        "Di", "De", "Del", "Da", "Van", "Von", "Le", "La", "Du", "Dos", "Das",
    ];
    match words.as_slice() {
        [.., particle, last] if words.len() > 2 && particles.contains(particle) => {
            format!("{particle} {last}")
        }
        [.., last] => (*last).to_owned(),
        [] => String::new(),
    }
}

/// "August 16, 2017".
fn long_date(date: Date) -> String {
    format!("{} {}, {}", date.month(), date.day(), date.year())
}

/// A YAML scalar: plain when it reads back as the same string, else double-quoted.
fn scalar(value: &str) -> String {
    let plain_ok = !value.is_empty()
        && !value.starts_with([
            '[', '"', '\'', '{', '*', '&', '!', '|', '>', '%', '@', '`', '#', '-', '?', ':',
        ])
        && !value.contains(": ")
        && !value.contains(" #")
        && value.trim() == value
        && matches!(
            serde_yaml::from_str::<serde_yaml::Value>(value),
            Ok(serde_yaml::Value::String(ref s)) if s == value
        );
    if plain_ok {
        value.to_owned()
    } else {
        quoted(value)
    }
}

/// A double-quoted YAML scalar (JSON string syntax is valid YAML).
fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| format!("\"{value}\""))
}

/// A small writer for the hand-formatted YAML.
#[derive(Default)]
struct Yaml {
    out: String,
}

impl Yaml {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn comment(&mut self, text: &str) {
        self.line(&format!("# {text}"));
    }

    fn key(&mut self, indent: usize, key: &str) {
        self.line(&format!("{}{key}:", " ".repeat(indent)));
    }

    fn field(&mut self, indent: usize, key: &str, value: &str, note: Option<&str>) {
        let note = note.map(|n| format!("  # {n}")).unwrap_or_default();
        self.line(&format!(
            "{}{key}: {}{note}",
            " ".repeat(indent),
            scalar(value)
        ));
    }

    /// A placeholder for a missing value, else the value.
    fn maybe(&mut self, indent: usize, key: &str, value: Option<&str>, placeholder: &str) {
        match value {
            Some(value) => self.field(indent, key, value, None),
            None => self.field(
                indent,
                key,
                placeholder,
                Some("fill in: the staff letter does not say"),
            ),
        }
    }

    /// `- key: value`, the first field of a list item.
    fn item_field(&mut self, indent: usize, key: &str, value: &str, note: Option<&str>) {
        let note = note.map(|n| format!("  # {n}")).unwrap_or_default();
        self.line(&format!(
            "{}- {key}: {}{note}",
            " ".repeat(indent),
            scalar(value)
        ));
    }

    fn item(&mut self, indent: usize, value: &str) {
        self.line(&format!("{}- {}", " ".repeat(indent), scalar(value)));
    }

    /// `key: |` and the text indented under it.
    fn block(&mut self, indent: usize, key: &str, text: &str, note: Option<&str>) {
        let note = note.map(|n| format!(" # {n}")).unwrap_or_default();
        self.line(&format!("{}{key}: |{note}", " ".repeat(indent)));
        let pad = " ".repeat(indent + 2);
        for line in text.trim_end().lines() {
            if line.is_empty() {
                self.line("");
            } else {
                self.line(&format!("{pad}{line}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_stay_plain_when_safe() {
        assert_eq!(scalar("21Vianet Group, Inc."), "21Vianet Group, Inc.");
        assert_eq!(scalar("001-35126"), "001-35126");
        assert_eq!(scalar("[Signatory name]"), "\"[Signatory name]\"");
        assert_eq!(scalar("true"), "\"true\"");
        assert_eq!(scalar("2017"), "\"2017\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
    }

    #[test]
    fn labels_and_pages_leave_the_slug() {
        assert_eq!(
            strip_page(strip_label("A. Selected Financial Data, page 3")),
            "Selected Financial Data"
        );
        assert_eq!(strip_label("Note 9. Taxes, page 45"), "Taxes, page 45");
        assert_eq!(
            strip_label("Note 12 – Research & Development"),
            "Research & Development"
        );
        assert_eq!(
            strip_label("Critical Accounting Policies"),
            "Critical Accounting Policies"
        );
    }
}
