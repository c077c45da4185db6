//! Load stage: the YAML files of one letter → raw serde values with a source map.
//!
//! Every problem becomes a [`Diagnostic`]; a file with a syntax error is reported
//! and skipped, and schema violations of all files are reported together.

pub mod duplicate_keys;
mod mistakes;
pub mod raw;
pub mod source_map;
pub mod validate;

use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_json::Value as Json;

use crate::diagnostic::{Diagnostic, Diagnostics, Location, SourceFile};
use crate::parallel::map_reporting;
use raw::{RawComment, RawLetter};
pub use source_map::SourceMap;
pub use validate::FileKind;

/// The source files of one letter, as read from disk by the [`crate::world`] boundary.
#[derive(Debug, Clone)]
pub struct LetterSources {
    /// The letter id: the name of its folder under `responses/`.
    pub id: String,
    /// `letter.yaml`.
    pub letter: Arc<SourceFile>,
    /// `comments/*.yaml`, sorted by file name.
    pub comments: Vec<Arc<SourceFile>>,
}

/// One file's raw value together with the positions of its nodes.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// The deserialized value.
    pub raw: T,
    /// Where each node of the file is.
    pub map: SourceMap,
}

/// A letter's files, parsed and schema-checked.
#[derive(Debug, Clone)]
pub struct LoadedLetter {
    /// The letter id.
    pub id: String,
    /// `letter.yaml`.
    pub letter: Loaded<RawLetter>,
    /// The comment files that loaded, sorted by file name.
    pub comments: Vec<Loaded<RawComment>>,
    /// False when some comment file could not be loaded (its problems are reported).
    pub complete: bool,
}

/// Parses and schema-checks every file of a letter.
///
/// `None` when `letter.yaml` itself cannot be loaded; comment files that fail
/// are reported and left out (the result is then marked incomplete), so the
/// later stages can still report problems in the files that did load.
pub fn load(sources: &LetterSources) -> (Option<LoadedLetter>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let letter = load_file::<RawLetter>(&sources.letter, FileKind::Letter, &mut diags);
    // The comment files are read on every core; their findings are
    // reported in file order all the same.
    let comments = map_reporting(&sources.comments, &mut diags, |file, found| {
        load_file::<RawComment>(file, FileKind::Comment, found)
    });
    let complete = comments.iter().all(Option::is_some);
    let loaded = letter.map(|letter| LoadedLetter {
        id: sources.id.clone(),
        letter,
        comments: comments.into_iter().flatten().collect(),
        complete,
    });
    (loaded, diags)
}

/// Parses one YAML file of `kind` into `T`, reporting every problem found.
pub fn load_file<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
    kind: FileKind,
    diags: &mut Diagnostics,
) -> Option<Loaded<T>> {
    let value: serde_yaml::Value = match serde_yaml::from_str(&file.text) {
        Ok(value) => value,
        Err(error) => {
            diags.push(syntax_error(file, &error));
            return None;
        }
    };
    let map = SourceMap::build(file);
    let mut found = Vec::new();
    let json = to_json(&value, "", &map, &mut found);
    if found.is_empty() {
        found.extend(validate::validate(kind, &json, &map));
    }
    if !found.is_empty() {
        diags.extend(found);
        return None;
    }
    crate::confidential::fields::refuse_elsewhere(kind, &json, &map, diags);
    match serde_json::from_value::<T>(json) {
        Ok(raw) => Some(Loaded { raw, map }),
        Err(error) => {
            diags.push(
                Location::start_of(file)
                    .error(format!(
                        "this file does not have the expected shape: {error}"
                    ))
                    .with_hint("compare with the file format in the README"),
            );
            None
        }
    }
}

/// A serde_yaml error as a diagnostic: at the mistake itself where it can be
/// found, else at the position the parser reports.
fn syntax_error(file: &Arc<SourceFile>, error: &serde_yaml::Error) -> Diagnostic {
    let message = error.to_string();
    let message = match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    };
    let (line, column) = error
        .location()
        .map_or((1, 1), |at| (at.line(), at.column()));
    if file.text.trim().is_empty() {
        return Location::start_of(file)
            .error(format!("YAML syntax error: {message}"))
            .with_hint("the file is empty: write the fields described in the README");
    }
    if message.contains("recursion limit") || message.contains("repetition limit") {
        return Location::new(file, line, column)
            .error(format!("YAML syntax error: {message}"))
            .with_hint("the file nests or repeats too deeply: write the values out plainly");
    }
    mistakes::syntax_error(file, line, column, &message)
}

/// Converts a YAML value to JSON for schema validation; nulls are dropped (absent).
fn to_json(
    value: &serde_yaml::Value,
    pointer: &str,
    map: &SourceMap,
    found: &mut Vec<Diagnostic>,
) -> Json {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => Json::Null,
        Y::Bool(b) => Json::Bool(*b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Json::from(i)
            } else if let Some(u) = n.as_u64() {
                Json::from(u)
            } else {
                match n.as_f64().and_then(serde_json::Number::from_f64) {
                    Some(f) => Json::Number(f),
                    None => {
                        found.push(
                            map.value(pointer)
                                .error("this number is not finite")
                                .with_hint("write an ordinary decimal number"),
                        );
                        Json::Null
                    }
                }
            }
        }
        Y::String(s) => Json::String(s.clone()),
        Y::Sequence(items) => Json::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| to_json(v, &format!("{pointer}/{i}"), map, found))
                .collect(),
        ),
        Y::Mapping(entries) => {
            let mut object = serde_json::Map::new();
            for (key, v) in entries {
                let name = match key {
                    Y::String(s) => s.clone(),
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    _ => {
                        found.push(
                            map.value(pointer)
                                .error("a field name here is not plain text")
                                .with_hint("field names are single words such as `date`"),
                        );
                        continue;
                    }
                };
                let child = format!("{pointer}/{}", name.replace('~', "~0").replace('/', "~1"));
                let converted = to_json(v, &child, map, found);
                if !converted.is_null() {
                    object.insert(name, converted);
                }
            }
            Json::Object(object)
        }
        Y::Tagged(tagged) => {
            found.push(
                map.value(pointer)
                    .error(format!("YAML tag `{}` is not supported", tagged.tag))
                    .with_hint("remove the `!tag` and write the value plainly"),
            );
            Json::Null
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(text: &str) -> (Option<Loaded<RawComment>>, Vec<Diagnostic>) {
        let file = SourceFile::new("comments/01-a.yaml", text);
        let mut diags = Diagnostics::new();
        let loaded = load_file::<RawComment>(&file, FileKind::Comment, &mut diags);
        (loaded, diags.into_sorted())
    }

    #[test]
    fn loads_a_valid_comment() {
        let (loaded, diags) =
            comment("number: 1\ncomment: Tell us.\nresponse:\n  - text: We will.\n");
        assert!(diags.is_empty(), "{diags:?}");
        let raw = loaded.unwrap().raw;
        assert_eq!(raw.number, 1);
        assert_eq!(raw.response.unwrap()[0].text.as_deref(), Some("We will."));
    }

    #[test]
    fn reports_every_problem_of_a_file() {
        let (loaded, diags) = comment("number: one\ncomment: Tell us.\nrespons:\n  - text: x\n");
        assert!(loaded.is_none());
        let messages: Vec<String> = diags.iter().map(Diagnostic::render_short).collect();
        assert!(
            messages.iter().any(|m| m
                .starts_with("comments/01-a.yaml:1:9: error: `number` should be a whole number")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m
                .starts_with("comments/01-a.yaml:3:1: error: unknown field `respons`")
                && m.contains("did you mean `response`?")),
            "{messages:?}"
        );
    }

    #[test]
    fn reports_missing_fields_and_syntax_errors() {
        let (_, diags) = comment("number: 2\nresponse: []\n");
        assert!(
            diags
                .iter()
                .any(|d| d.message.contains("missing field `comment`")),
            "{diags:?}"
        );
        let (_, diags) = comment("number: 2\ncomment: \"unclosed\n");
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].message.starts_with("YAML syntax error"),
            "{diags:?}"
        );
        assert!(diags[0].location.line >= 2);
    }

    #[test]
    fn nested_unknown_fields_are_located() {
        let (_, diags) =
            comment("number: 2\ncomment: x\nresponse:\n  - revise:\n      revisd: y\n");
        let short: Vec<String> = diags.iter().map(Diagnostic::render_short).collect();
        assert!(
            short.iter().any(|m| m
                .starts_with("comments/01-a.yaml:5:7: error: unknown field `revisd`")
                && m.contains("`revised`")),
            "{short:?}"
        );
    }
}
