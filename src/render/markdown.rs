//! Markdown renderer: the letter and the redline as Markdown, through Tera templates.
//!
//! The default templates are embedded in the binary; a project may override
//! either by putting a file of the same name in its own `templates/` folder.

use tera::{Context, Tera};

use super::pdf::Styles;
use super::style::{STYLE_FILE, parse_style};
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
    /// Where in a project's own template the problem is, when known.
    pub place: Option<TemplatePlace>,
}

/// A place in a template override: its text, and the 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplatePlace {
    /// The template's whole text.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// The letter templates, defaults replaced by a project's overrides.
pub struct Templates {
    tera: Tera,
    styles: Styles,
}

impl Templates {
    /// Loads the templates; `overrides` maps a file name to the project's own
    /// text (`style.yaml` among them is the house style).
    pub fn new(overrides: &[(String, String)]) -> Result<Templates, TemplateError> {
        let mut tera = Tera::new();
        for (name, default) in [
            (LETTER_TEMPLATE, DEFAULT_LETTER),
            (REDLINE_TEMPLATE, DEFAULT_REDLINE),
        ] {
            let own = overrides.iter().find(|(n, _)| n == name);
            if let Some((_, text)) = own {
                reject_raw_html(name, text)?;
            }
            let text = own.map_or(default, |(_, t)| t.as_str());
            tera.add_raw_template(name, text)
                .map_err(|e| TemplateError {
                    name: name.to_owned(),
                    message: error_chain(&e),
                    place: None,
                })?;
        }
        let styles = match overrides.iter().find(|(n, _)| n == STYLE_FILE) {
            Some((_, text)) => parse_style(text).map_err(|e| TemplateError {
                name: STYLE_FILE.to_owned(),
                message: e.message,
                place: Some(TemplatePlace {
                    text: text.clone(),
                    line: e.line,
                    column: e.column,
                }),
            })?,
            None => Styles::default(),
        };
        Ok(Templates { tera, styles })
    }

    /// The house style: the built-in one, or the project's `style.yaml` over it.
    pub fn styles(&self) -> &Styles {
        &self.styles
    }

    /// Renders `template` with the letter's values.
    pub fn render(&self, template: &str, view: &LetterView) -> Result<String, TemplateError> {
        let fail = |e: &dyn std::error::Error| TemplateError {
            name: template.to_owned(),
            message: error_chain(e),
            place: None,
        };
        let context = Context::from_serialize(view).map_err(|e| fail(&e))?;
        let text = self.tera.render(template, &context).map_err(|e| fail(&e))?;
        Ok(tidy(&text))
    }
}

/// HTML tags a template may write: underlining, insertions and confidential
/// spans, which the letter's Markdown reader understands. Any other tag would
/// be dropped from the HTML and PDF without a word, so it is refused.
const TEMPLATE_TAGS: [&str; 3] = ["u", "ins", "ct"];

/// Refuses raw HTML in a project's template (outside Tera's `{{ }}`, `{% %}`
/// and `{# #}` and HTML comments), naming its line.
fn reject_raw_html(name: &str, text: &str) -> Result<(), TemplateError> {
    let mut i = 0;
    while let Some(found) = text[i..].find(['<', '{']).map(|n| n + i) {
        let rest = &text[found..];
        let skip_to = |end: &str| rest.find(end).map_or(text.len(), |e| found + e + end.len());
        if rest.starts_with("{{") {
            i = skip_to("}}");
        } else if rest.starts_with("{%") {
            i = skip_to("%}");
        } else if rest.starts_with("{#") {
            i = skip_to("#}");
        } else if rest.starts_with("<!--") {
            i = skip_to("-->");
        } else if let Some(tag) = html_tag(rest)
            && !TEMPLATE_TAGS.contains(&tag.to_ascii_lowercase().as_str())
        {
            let before = &text[..found];
            let line = before.matches('\n').count() + 1;
            let column = before[before.rfind('\n').map_or(0, |n| n + 1)..]
                .chars()
                .count()
                + 1;
            let shown: String = rest
                .chars()
                .take_while(|&c| c != '>' && c != '\n')
                .collect();
            return Err(TemplateError {
                name: name.to_owned(),
                message: format!(
                    "raw HTML `{shown}>` is not allowed in a template: it would be dropped from the letter (only <u>, <ins> and <ct> are read)"
                ),
                place: Some(TemplatePlace {
                    text: text.to_owned(),
                    line,
                    column,
                }),
            });
        } else {
            i = found + 1;
        }
    }
    Ok(())
}

/// The tag name of an HTML tag (`<div class="x">`, `</p>`) at the start of `text`.
fn html_tag(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('<')?;
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = &inner[..len];
    let after = inner[len..].chars().next();
    let ends_tag = after.is_some_and(|c| c == '>' || c == '/' || c.is_whitespace() || c == ':');
    (name.starts_with(|c: char| c.is_ascii_alphabetic()) && ends_tag).then_some(name)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str) -> Option<(usize, usize)> {
        Templates::new(&[(LETTER_TEMPLATE.to_owned(), text.to_owned())])
            .err()
            .and_then(|e| e.place)
            .map(|p| (p.line, p.column))
    }

    #[test]
    fn raw_html_in_a_template_is_refused_at_its_line() {
        assert_eq!(
            place("{{ date }}\n\nSee <div class=\"x\">here</div>\n"),
            Some((3, 5))
        );
        assert_eq!(place("a <https://example.com> b\n"), Some((1, 3)));
    }

    #[test]
    fn allowed_tags_comments_and_tera_are_not_html() {
        let text = "<!-- keep-together -->\n<u>{{ date }}</u> {% if x < 3 %}<ct>y</ct>{% endif %} 1 < 2 {# <b> #}\n";
        assert_eq!(place(text), None);
    }
}
