//! Markdown renderer: the letter and the redline as Markdown, through Tera templates.
//!
//! The default templates are embedded in the binary; a project may override
//! either by putting a file of the same name in its own `templates/` folder.

use tera::{Context, Tera};

use super::view::LetterView;

/// The letter template's file name.
pub const LETTER_TEMPLATE: &str = "letter.md.tera";
/// The redline template's file name.
pub const REDLINE_TEMPLATE: &str = "redline.md.tera";

const DEFAULT_LETTER: &str = include_str!("../../templates/letter.md.tera");
const DEFAULT_REDLINE: &str = include_str!("../../templates/redline.md.tera");

/// A template that could not be loaded or rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The template's file name.
    pub name: String,
    /// What went wrong, as Tera reports it (with its own line and column).
    pub message: String,
}

/// The letter templates, defaults replaced by a project's overrides.
pub struct Templates {
    tera: Tera,
}

impl Templates {
    /// Loads the templates; `overrides` maps a file name to the project's own text.
    pub fn new(overrides: &[(String, String)]) -> Result<Templates, TemplateError> {
        let mut tera = Tera::new();
        for (name, default) in [
            (LETTER_TEMPLATE, DEFAULT_LETTER),
            (REDLINE_TEMPLATE, DEFAULT_REDLINE),
        ] {
            let text = overrides
                .iter()
                .find(|(n, _)| n == name)
                .map_or(default, |(_, t)| t.as_str());
            tera.add_raw_template(name, text)
                .map_err(|e| TemplateError {
                    name: name.to_owned(),
                    message: error_chain(&e),
                })?;
        }
        Ok(Templates { tera })
    }

    /// Renders `template` with the letter's values.
    pub fn render(&self, template: &str, view: &LetterView) -> Result<String, TemplateError> {
        let fail = |e: &dyn std::error::Error| TemplateError {
            name: template.to_owned(),
            message: error_chain(e),
        };
        let context = Context::from_serialize(view).map_err(|e| fail(&e))?;
        let text = self.tera.render(template, &context).map_err(|e| fail(&e))?;
        Ok(tidy(&text))
    }
}

/// An error and its causes, one per line.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str("\n  ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// Collapses runs of blank lines left by template logic; ends with one newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    let mut in_fence = false;
    for line in text.lines() {
        let trimmed = line.trim_end();
        if trimmed.starts_with("```") {
            in_fence = !in_fence;
        }
        if trimmed.is_empty() && !in_fence {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() && blank_run > 0 {
            out.push('\n');
        }
        blank_run = 0;
        out.push_str(if in_fence {
            line
        } else {
            line.trim_end_matches(' ')
        });
        out.push('\n');
    }
    out
}
