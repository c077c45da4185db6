//! `respond schema`: the JSON Schema of the YAML files, from the loader's own types.
//!
//! Editors that speak yaml-language-server (VS Code with the Red Hat YAML
//! extension, Neovim, Helix, …) use the schema for validation, hover help and
//! completion. `respond schema --write .respond` writes both files; the
//! modelines below point a letter project's YAML files at them.

use std::path::Path;
use std::process::ExitCode;

use super::{EXIT_IO, SchemaArgs, SchemaKind};
use crate::load::raw::{comment_schema, letter_schema};
use crate::output::{OutputFile, write_all};

/// Where `respond init` and the README put the schema files, relative to the project.
pub const SCHEMA_DIR: &str = ".respond";
/// The letter schema's file name.
pub const LETTER_SCHEMA_FILE: &str = "letter.schema.json";
/// The comment schema's file name.
pub const COMMENT_SCHEMA_FILE: &str = "comment.schema.json";

pub use crate::load::raw::{SCHEMA_MODELINE_COMMENT, SCHEMA_MODELINE_LETTER};

/// Prints the requested schema (both by default) as pretty JSON, or writes both files.
pub fn run(args: &SchemaArgs) -> ExitCode {
    if let Some(dir) = &args.write {
        return write(dir);
    }
    let value = match args.which {
        Some(SchemaKind::Letter) => letter_schema(),
        Some(SchemaKind::Comment) => comment_schema(),
        None => serde_json::json!({ "letter": letter_schema(), "comment": comment_schema() }),
    };
    println!("{}", pretty(&value));
    ExitCode::SUCCESS
}

/// The schema files as written by `respond schema --write`.
pub fn schema_files() -> Vec<OutputFile> {
    [
        (LETTER_SCHEMA_FILE, letter_schema()),
        (COMMENT_SCHEMA_FILE, comment_schema()),
    ]
    .into_iter()
    .map(|(name, value)| OutputFile {
        path: name.into(),
        bytes: format!("{}\n", pretty(&value)).into_bytes(),
    })
    .collect()
}

fn write(dir: &Path) -> ExitCode {
    match write_all(dir, &schema_files()) {
        Ok(paths) => {
            for path in paths {
                println!("{}", crate::diagnostic::display_path(&path));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            super::ui::print_error(&format!("cannot write to {}: {e}", dir.display()));
            ExitCode::from(EXIT_IO)
        }
    }
}

fn pretty(value: &serde_json::Value) -> String {
    // `{:#}` is serde_json's pretty printing, which cannot fail for a `Value`.
    format!("{value:#}")
}
