//! `respond schema`: the JSON Schema of the YAML files, from the loader's own types.

use std::process::ExitCode;

use super::{SchemaArgs, SchemaKind};
use crate::load::raw::{comment_schema, letter_schema};

/// Prints the requested schema (both by default) as pretty JSON.
pub fn run(args: &SchemaArgs) -> ExitCode {
    let value = match args.which {
        Some(SchemaKind::Letter) => letter_schema(),
        Some(SchemaKind::Comment) => comment_schema(),
        None => serde_json::json!({ "letter": letter_schema(), "comment": comment_schema() }),
    };
    match serde_json::to_string_pretty(&value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(super::EXIT_IO)
        }
    }
}
