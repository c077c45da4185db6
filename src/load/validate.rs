//! Checks a parsed YAML file against the JSON Schema of its raw type and turns
//! every violation into a diagnostic at the right line and column.

use std::sync::OnceLock;

use serde_json::Value as Json;

use super::source_map::SourceMap;
use crate::diagnostic::Diagnostic;

/// Which file kind a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `letter.yaml`.
    Letter,
    /// `comments/NN-*.yaml`.
    Comment,
}

struct Compiled {
    schema: Json,
    validator: jsonschema::Validator,
}

fn compiled(kind: FileKind) -> &'static Compiled {
    static LETTER: OnceLock<Compiled> = OnceLock::new();
    static COMMENT: OnceLock<Compiled> = OnceLock::new();
    let (cell, raw) = match kind {
        FileKind::Letter => (&LETTER, super::raw::letter_schema as fn() -> Json),
        FileKind::Comment => (&COMMENT, super::raw::comment_schema as fn() -> Json),
    };
    cell.get_or_init(|| {
        let mut schema = raw();
        strip_null(&mut schema);
        let validator = jsonschema::validator_for(&schema)
            .unwrap_or_else(|e| panic!("generated schema must compile: {e}"));
        Compiled { schema, validator }
    })
}

/// Removes the "may be null" alternatives the generator adds for optional fields:
/// the loader drops null values before validating, so absent and null mean the same.
fn strip_null(schema: &mut Json) {
    match schema {
        Json::Object(map) => {
            if let Some(Json::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types[0].clone();
                    map.insert(String::from("type"), only);
                }
            }
            if let Some(Json::Array(branches)) = map.get("anyOf").cloned() {
                let kept: Vec<Json> = branches
                    .into_iter()
                    .filter(|b| b.get("type").and_then(Json::as_str) != Some("null"))
                    .collect();
                map.remove("anyOf");
                if kept.len() == 1 {
                    if let Json::Object(inner) = &kept[0] {
                        for (k, v) in inner {
                            map.entry(k.clone()).or_insert_with(|| v.clone());
                        }
                    }
                } else {
                    map.insert(String::from("anyOf"), Json::Array(kept));
                }
            }
            for value in map.values_mut() {
                strip_null(value);
            }
        }
        Json::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

/// Every schema violation of `instance`, located through `map`.
pub fn validate(kind: FileKind, instance: &Json, map: &SourceMap) -> Vec<Diagnostic> {
    let compiled = compiled(kind);
    let mut out = Vec::new();
    for error in compiled.validator.iter_errors(instance) {
        let pointer = error.instance_path().as_str().to_owned();
        out.extend(describe(
            compiled,
            &pointer,
            error.kind(),
            error.instance(),
            map,
        ));
    }
    out
}

fn describe(
    compiled: &Compiled,
    pointer: &str,
    kind: &jsonschema::error::ValidationErrorKind,
    instance: &Json,
    map: &SourceMap,
) -> Vec<Diagnostic> {
    use jsonschema::error::ValidationErrorKind as K;
    let field = field_name(pointer);
    match kind {
        K::AdditionalProperties { unexpected } => {
            let known = properties_at(&compiled.schema, pointer);
            unexpected
                .iter()
                .map(|name| {
                    let at = format!("{pointer}/{}", name.replace('~', "~0").replace('/', "~1"));
                    let d = map.key(&at).error(format!("unknown field `{name}`"));
                    match closest(name, &known) {
                        Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                        None => d.with_hint(format!(
                            "the fields allowed here are: {}",
                            known
                                .iter()
                                .map(|k| format!("`{k}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    }
                })
                .collect()
        }
        K::Required { property } => {
            let name = property.as_str().unwrap_or("?");
            let place = if pointer.is_empty() {
                "this file".to_owned()
            } else {
                format!("`{field}`")
            };
            let hint = match name {
                "original" => "add `original:` with the passage as filed; for wholly new disclosure write `original: \"\"`".to_owned(),
                _ => format!(
                    "add `{name}: …` ({})",
                    describe_field(&compiled.schema, pointer, name)
                ),
            };
            let found = map
                .value(pointer)
                .error(format!("missing field `{name}` in {place}"))
                .with_hint(hint);
            vec![super::mistakes::swallowed_field(map, pointer, name).unwrap_or(found)]
        }
        K::Type { .. } | K::AnyOf { .. } | K::OneOfNotValid { .. } => {
            let expected = expected_at(&compiled.schema, pointer);
            if let Some(found) = field_without_space(instance, &expected, pointer, map) {
                return vec![found];
            }
            vec![
                map.value(pointer)
                    .error(format!(
                        "`{field}` should be {expected}, not {}",
                        json_kind(instance)
                    ))
                    .with_hint(format!("write {expected} here")),
            ]
        }
        K::Minimum { limit } => vec![
            map.value(pointer)
                .error(format!("`{field}` must be at least {limit}"))
                .with_hint("use a positive number"),
        ],
        _ => vec![
            map.value(pointer)
                .error(format!("`{field}` is not valid here: {}", kind_text(kind)))
                .with_hint("compare with the file format in the README"),
        ],
    }
}

/// Text such as `text:x` where a mapping was expected: a field name without
/// the space YAML needs after its colon.
fn field_without_space(
    instance: &Json,
    expected: &str,
    pointer: &str,
    map: &SourceMap,
) -> Option<Diagnostic> {
    let text = instance.as_str()?;
    let (name, value) = text.split_once(':')?;
    let known = super::raw::field_names().iter().any(|n| n == name);
    if !known || !expected.contains("mapping") || value.starts_with(char::is_whitespace) {
        return None;
    }
    let at = map.value(pointer);
    let at =
        crate::diagnostic::Location::new(&at.file, at.line, at.column + name.chars().count() + 1);
    Some(
        at.error(format!(
            "no space after `{name}:`: YAML reads `{text}` as text, not as the field `{name}`"
        ))
        .with_hint(format!("write `{name}: {value}`")),
    )
}

fn kind_text(kind: &jsonschema::error::ValidationErrorKind) -> String {
    format!("{kind:?}").chars().take(80).collect()
}

/// The last named segment of a pointer, for messages (`addressees[0].name` style).
fn field_name(pointer: &str) -> String {
    let mut out = String::new();
    for seg in pointer.split('/').skip(1) {
        if seg.chars().all(|c| c.is_ascii_digit()) {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg.replace("~1", "/").replace("~0", "~"));
        }
    }
    if out.is_empty() {
        "document".to_owned()
    } else {
        out
    }
}

/// A name for the kind of a JSON value, as a user would say it of YAML.
fn json_kind(value: &Json) -> &'static str {
    match value {
        Json::Null => "nothing",
        Json::Bool(_) => "true/false",
        Json::Number(_) => "a number",
        Json::String(_) => "text",
        Json::Array(_) => "a list",
        Json::Object(_) => "a mapping of fields",
    }
}

/// Follows `$ref` to the definition it names.
fn resolve<'a>(root: &'a Json, schema: &'a Json) -> &'a Json {
    let mut current = schema;
    for _ in 0..16 {
        match current.get("$ref").and_then(Json::as_str) {
            Some(r) => match r
                .strip_prefix("#/$defs/")
                .and_then(|n| root.get("$defs")?.get(n))
            {
                Some(next) => current = next,
                None => break,
            },
            None => break,
        }
    }
    current
}

/// The subschema describing the value at `pointer`.
fn schema_at<'a>(root: &'a Json, pointer: &str) -> Option<&'a Json> {
    let mut current = resolve(root, root);
    for seg in pointer.split('/').skip(1) {
        let next = if let Some(props) = current.get("properties") {
            props.get(seg.replace("~1", "/").replace("~0", "~"))?
        } else {
            current.get("items")?
        };
        current = resolve(root, next);
    }
    Some(current)
}

fn properties_at(root: &Json, pointer: &str) -> Vec<String> {
    schema_at(root, pointer)
        .and_then(|s| s.get("properties"))
        .and_then(Json::as_object)
        .map(|props| props.keys().cloned().collect())
        .unwrap_or_default()
}

fn describe_field(root: &Json, pointer: &str, name: &str) -> String {
    schema_at(root, &format!("{pointer}/{name}"))
        .and_then(|s| s.get("description"))
        .and_then(Json::as_str)
        .unwrap_or("required")
        .trim_end_matches('.')
        .to_owned()
}

/// What the schema expects at `pointer`, in words.
fn expected_at(root: &Json, pointer: &str) -> String {
    let Some(schema) = schema_at(root, pointer) else {
        return "a different kind of value".to_owned();
    };
    let mut kinds: Vec<&str> = Vec::new();
    let mut add = |s: &Json| match s.get("type") {
        Some(Json::String(t)) => kinds.push(type_word(t)),
        Some(Json::Array(ts)) => ts
            .iter()
            .filter_map(Json::as_str)
            .for_each(|t| kinds.push(type_word(t))),
        _ => {}
    };
    add(schema);
    if let Some(Json::Array(branches)) = schema.get("anyOf") {
        for b in branches {
            add(resolve(root, b));
        }
    }
    kinds.dedup();
    if kinds.is_empty() {
        "a different kind of value".to_owned()
    } else {
        kinds.join(" or ")
    }
}

fn type_word(t: &str) -> &'static str {
    match t {
        "string" => "text",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "array" => "a list",
        "object" => "a mapping of fields",
        _ => "a value",
    }
}

/// The known name closest to `name`, if it is close enough to be a likely typo.
pub fn closest<'a>(name: &str, known: &'a [String]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, k)| k.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_suggests_typos_only() {
        let known = vec![
            "addressees".to_owned(),
            "address".to_owned(),
            "date".to_owned(),
        ];
        assert_eq!(closest("adressees", &known), Some("addressees"));
        assert_eq!(closest("zzz", &known), None);
    }

    #[test]
    fn field_names_read_like_paths() {
        assert_eq!(field_name("/addressees/0/name"), "addressees[0].name");
        assert_eq!(field_name(""), "document");
    }
}
