//! `respond schema` describes the YAML files the loader reads: the shipped
//! example validates against it, a misspelled field does not, every field has a
//! description, and `--write` writes the files editors point at.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn printed_schema(which: &str) -> Value {
    let out = common::respond(&common::repo(), &["schema", which]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the schema is JSON")
}

fn yaml_as_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn comment_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::example_dir().join("comments"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("the schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_example_letter_validates() {
    let schema = printed_schema("letter");
    let letter = yaml_as_json(&common::example_dir().join("letter.yaml"));
    assert_eq!(errors(&schema, &letter), Vec::<String>::new());
}

#[test]
fn every_example_comment_validates() {
    let schema = printed_schema("comment");
    let files = comment_files();
    assert_eq!(files.len(), 16);
    for file in files {
        let comment = yaml_as_json(&file);
        assert_eq!(
            errors(&schema, &comment),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
    }
}

#[test]
fn a_misspelled_field_is_rejected() {
    let schema = printed_schema("letter");
    let mut letter = yaml_as_json(&common::example_dir().join("letter.yaml"));
    let fields = letter.as_object_mut().unwrap();
    let addressees = fields.remove("addressees").unwrap();
    fields.insert("adressees".to_owned(), addressees);
    let found = errors(&schema, &letter);
    assert!(
        found.iter().any(|e| e.contains("adressees")),
        "the misspelling is named: {found:?}"
    );

    let schema = printed_schema("comment");
    let mut comment = yaml_as_json(&comment_files()[6]);
    let part = &mut comment["response"][1]["revise"];
    let revised = part.as_object_mut().unwrap().remove("revised").unwrap();
    part.as_object_mut()
        .unwrap()
        .insert("revsied".to_owned(), revised);
    assert!(!errors(&schema, &comment).is_empty());
}

/// Every `properties` entry anywhere in `schema`, with its path.
fn properties<'a>(schema: &'a Value, at: String, out: &mut Vec<(String, &'a Value)>) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                if key == "properties"
                    && let Value::Object(props) = value
                {
                    for (name, prop) in props {
                        out.push((format!("{at}.{name}"), prop));
                        properties(prop, format!("{at}.{name}"), out);
                    }
                } else {
                    properties(value, format!("{at}/{key}"), out);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                properties(item, at.clone(), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_field_has_a_description() {
    for which in ["letter", "comment"] {
        let schema = printed_schema(which);
        let mut props = Vec::new();
        properties(&schema, which.to_owned(), &mut props);
        assert!(props.len() > 5, "{which}: {props:?}");
        for (path, prop) in props {
            let description = prop.get("description").and_then(Value::as_str);
            assert!(
                description.is_some_and(|d| !d.trim().is_empty()),
                "{path} has no description"
            );
        }
    }
}

#[test]
fn write_puts_both_schemas_in_a_folder() {
    let project = tempfile::tempdir().unwrap();
    let out = common::respond(project.path(), &["schema", "--write", ".respond"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (file, which) in [
        ("letter.schema.json", "letter"),
        ("comment.schema.json", "comment"),
    ] {
        let written: Value = serde_json::from_slice(
            &std::fs::read(project.path().join(".respond").join(file)).unwrap(),
        )
        .unwrap();
        assert_eq!(written, printed_schema(which), "{file}");
    }
}

#[test]
fn the_modelines_point_at_the_written_schemas() {
    use respond::cli::schema::{SCHEMA_MODELINE_COMMENT, SCHEMA_MODELINE_LETTER};
    let letter_dir = Path::new("responses/x");
    for (modeline, from) in [
        (SCHEMA_MODELINE_LETTER, letter_dir.to_path_buf()),
        (SCHEMA_MODELINE_COMMENT, letter_dir.join("comments")),
    ] {
        let target = modeline
            .strip_prefix("# yaml-language-server: $schema=")
            .expect("a yaml-language-server modeline");
        let mut resolved = from.clone();
        for part in Path::new(target).components() {
            match part {
                std::path::Component::ParentDir => {
                    resolved.pop();
                }
                other => resolved.push(other),
            }
        }
        assert!(
            resolved.starts_with(".respond"),
            "{modeline} resolves to {}",
            resolved.display()
        );
    }
}
