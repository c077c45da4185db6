//! The house style file, `style.yaml` at the project root: sizes, margins,
//! spacing, heading styles (a letterhead's first line is set as a level-1
//! heading), the running header and quoted passages. Every value is optional; what the file leaves out keeps the
//! built-in default ([`Styles::default`], the one place defaults live).
//!
//! ```yaml
//! body: { size: 12, leading: 14, paragraph_spacing: 12 }
//! page: { margin_top: 72, margin_bottom: 72, margin_left: 72, margin_right: 72 }
//! headings:            # level 1 (#) first; deeper levels use the last entry
//!   - { size: 14, bold: true, centered: true }
//! header: { size: 10, leading: 12, top: 30, gap: 6 }
//! quotes: { style: marks, indent: 36 }   # marks, indent or both
//! hanging_indent: 36   # "Re:" and "cc:" blocks
//! letterhead: { size: 14, small_caps: false, rule: false, align: center }
//! ```

use serde::Deserialize;

use super::pdf::style::{HeadingStyle, LetterheadAlign, QuoteStyle, Styles};
use crate::load::duplicate_keys::duplicate_key;

/// The house style file's name, at the project root.
pub const STYLE_FILE: &str = "style.yaml";

/// A house style file that could not be read: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleError {
    /// What is wrong, and how to fix it.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct StyleFile {
    body: Option<Body>,
    page: Option<Page>,
    headings: Option<Vec<Heading>>,
    header: Option<Header>,
    footnotes: Option<Sized>,
    table: Option<Sized>,
    quotes: Option<Quotes>,
    hanging_indent: Option<f32>,
    letterhead: Option<Letterhead>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Letterhead {
    size: Option<f32>,
    small_caps: Option<bool>,
    rule: Option<bool>,
    align: Option<AlignChoice>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum AlignChoice {
    Left,
    Center,
    Right,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Body {
    size: Option<f32>,
    leading: Option<f32>,
    paragraph_spacing: Option<f32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Page {
    width: Option<f32>,
    height: Option<f32>,
    margin_top: Option<f32>,
    margin_bottom: Option<f32>,
    margin_left: Option<f32>,
    margin_right: Option<f32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Heading {
    size: f32,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    centered: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    size: Option<f32>,
    leading: Option<f32>,
    top: Option<f32>,
    gap: Option<f32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sized {
    size: Option<f32>,
    leading: Option<f32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Quotes {
    style: Option<QuoteChoice>,
    indent: Option<f32>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum QuoteChoice {
    Marks,
    Indent,
    Both,
}

/// The house style `text` (the contents of `style.yaml`) describes, over
/// the built-in defaults.
pub fn parse_style(text: &str) -> Result<Styles, StyleError> {
    if let Some(d) = duplicate_key(text) {
        return Err(StyleError {
            message: format!(
                "`{}` is given twice in the same place (first on line {}, column {}); keep one of them",
                d.key, d.first.0, d.first.1
            ),
            line: d.again.0,
            column: d.again.1,
        });
    }
    let file: StyleFile = if text.trim().is_empty() {
        StyleFile::default()
    } else {
        serde_yaml::from_str::<Option<StyleFile>>(text)
            .map_err(|e| yaml_error(&e))?
            .unwrap_or_default()
    };
    let mut s = Styles::default();
    apply(&file, &mut s);
    check(&s, text)?;
    Ok(s)
}

fn apply(file: &StyleFile, s: &mut Styles) {
    let set = |slot: &mut f32, value: Option<f32>| {
        if let Some(v) = value {
            *slot = v;
        }
    };
    if let Some(b) = &file.body {
        set(&mut s.size, b.size);
        set(&mut s.leading, b.leading);
        set(&mut s.paragraph_spacing, b.paragraph_spacing);
    }
    if let Some(p) = &file.page {
        set(&mut s.page.width, p.width);
        set(&mut s.page.height, p.height);
        set(&mut s.page.margin_top, p.margin_top);
        set(&mut s.page.margin_bottom, p.margin_bottom);
        set(&mut s.page.margin_left, p.margin_left);
        set(&mut s.page.margin_right, p.margin_right);
    }
    if let Some(headings) = &file.headings {
        s.headings = headings.iter().map(heading_style).collect();
    }
    if let Some(h) = &file.header {
        set(&mut s.header.size, h.size);
        set(&mut s.header.leading, h.leading);
        set(&mut s.header.top, h.top);
        set(&mut s.header.gap, h.gap);
    }
    if let Some(f) = &file.footnotes {
        set(&mut s.footnotes.size, f.size);
        set(&mut s.footnotes.leading, f.leading);
    }
    if let Some(t) = &file.table {
        set(&mut s.table.size, t.size);
        set(&mut s.table.leading, t.leading);
    }
    if let Some(q) = &file.quotes {
        set(&mut s.quote_indent, q.indent);
        if let Some(choice) = q.style {
            s.quote_style = match choice {
                QuoteChoice::Marks => QuoteStyle::Marks,
                QuoteChoice::Indent => QuoteStyle::Indent,
                QuoteChoice::Both => QuoteStyle::Both,
            };
        }
    }
    set(&mut s.hanging_indent, file.hanging_indent);
    if let Some(l) = &file.letterhead {
        set(&mut s.letterhead.size, l.size);
        let lh = &mut s.letterhead;
        lh.small_caps = l.small_caps.unwrap_or(lh.small_caps);
        lh.rule = l.rule.unwrap_or(lh.rule);
        if let Some(align) = l.align {
            lh.align = match align {
                AlignChoice::Left => LetterheadAlign::Left,
                AlignChoice::Center => LetterheadAlign::Center,
                AlignChoice::Right => LetterheadAlign::Right,
            };
        }
    }
}

fn heading_style(h: &Heading) -> HeadingStyle {
    HeadingStyle {
        size: h.size,
        bold: h.bold,
        italic: h.italic,
        underline: h.underline,
        centered: h.centered,
    }
}

/// Refuses values no page can be set with, naming the key's line.
fn check(s: &Styles, text: &str) -> Result<(), StyleError> {
    let sizes = [
        ("size", s.size),
        ("size", s.header.size),
        ("size", s.footnotes.size),
        ("size", s.table.size),
    ]
    .into_iter()
    .chain(s.headings.iter().map(|h| ("size", h.size)));
    for (key, v) in sizes {
        if !(4.0..=72.0).contains(&v) {
            return Err(at_key(
                text,
                key,
                format!("`{key}: {v}` is not a type size: use 4 to 72 points"),
            ));
        }
    }
    let name = s.letterhead.size;
    if !(4.0..=72.0).contains(&name) {
        return Err(at_path(
            text,
            &["letterhead", "size"],
            format!("the letterhead's `size: {name}` is not a type size: use 4 to 72 points"),
        ));
    }
    let lengths = [
        ("leading", s.leading, s.size),
        ("leading", s.header.leading, s.header.size),
        ("leading", s.footnotes.leading, s.footnotes.size),
        ("leading", s.table.leading, s.table.size),
    ];
    for (key, leading, size) in lengths {
        if !(size..=size * 4.0).contains(&leading) {
            return Err(at_key(
                text,
                key,
                format!("`{key}: {leading}` must be from the type size ({size}) to four times it"),
            ));
        }
    }
    let page = &s.page;
    let margins = [
        ("margin_top", page.margin_top, page.height),
        ("margin_bottom", page.margin_bottom, page.height),
        ("margin_left", page.margin_left, page.width),
        ("margin_right", page.margin_right, page.width),
    ];
    for (key, v, across) in margins {
        if !(0.0..=across / 3.0).contains(&v) {
            return Err(at_key(
                text,
                key,
                format!("`{key}: {v}` leaves no room for the text: use 0 to a third of the paper"),
            ));
        }
    }
    let spaces = [
        ("paragraph_spacing", s.paragraph_spacing),
        ("top", s.header.top),
        ("gap", s.header.gap),
        ("indent", s.quote_indent),
        ("hanging_indent", s.hanging_indent),
    ];
    for (key, v) in spaces {
        if !(0.0..=144.0).contains(&v) {
            return Err(at_key(
                text,
                key,
                format!("`{key}: {v}` is out of range: use 0 to 144 points"),
            ));
        }
    }
    for (key, v) in [("width", page.width), ("height", page.height)] {
        if !(144.0..=2000.0).contains(&v) {
            return Err(at_key(
                text,
                key,
                format!("`{key}: {v}` is not a paper size: use 144 to 2000 points"),
            ));
        }
    }
    Ok(())
}

/// An error at `path`'s last key inside the first mapping its earlier keys
/// name ("letterhead", then its "size"), or where `at_key` finds the last key.
fn at_path(text: &str, path: &[&str], message: String) -> StyleError {
    let mut from = 0;
    for (k, key) in path.iter().enumerate() {
        let pattern = format!("{key}:");
        let found = text[from..].match_indices(&pattern).find(|&(at, _)| {
            let before = text[..from + at].chars().last();
            before.is_none_or(|c| c.is_whitespace() || c == '{' || c == ',')
        });
        match found {
            Some((at, _)) if k + 1 == path.len() => {
                let offset = from + at;
                let line = text[..offset].matches('\n').count() + 1;
                let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
                let column = text[start..offset].chars().count() + 1;
                return StyleError {
                    message,
                    line,
                    column,
                };
            }
            Some((at, _)) => from += at + pattern.len(),
            None => break,
        }
    }
    at_key(text, path.last().copied().unwrap_or(""), message)
}

/// An error at the first line that sets `key` (line 1 if none does).
fn at_key(text: &str, key: &str, message: String) -> StyleError {
    let pattern = format!("{key}:");
    let found = text.lines().enumerate().find_map(|(i, line)| {
        let at = line.find(&pattern)?;
        let before = line[..at].chars().last();
        before
            .is_none_or(|c| c.is_whitespace() || c == '{' || c == ',')
            .then_some((i + 1, line[..at].chars().count() + 1))
    });
    let (line, column) = found.unwrap_or((1, 1));
    StyleError {
        message,
        line,
        column,
    }
}

fn yaml_error(e: &serde_yaml::Error) -> StyleError {
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    // serde_yaml appends " at line N column M"; the place is given apart.
    let text = e.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text).to_owned();
    StyleError {
        message,
        line,
        column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_the_built_in_style() {
        assert_eq!(parse_style("").unwrap(), Styles::default());
        assert_eq!(parse_style("# nothing\n").unwrap(), Styles::default());
    }

    #[test]
    fn values_given_replace_the_defaults_and_the_rest_stay() {
        let s = parse_style(
            "body: { size: 11, leading: 13 }\nquotes: { style: marks }\nhanging_indent: 48\n",
        )
        .unwrap();
        assert_eq!(s.size, 11.0);
        assert_eq!(s.leading, 13.0);
        assert_eq!(s.quote_style, QuoteStyle::Marks);
        assert_eq!(s.hanging_indent, 48.0);
        assert_eq!(s.page, Styles::default().page);
        assert_eq!(s.headings, Styles::default().headings);
    }

    #[test]
    fn a_misspelt_key_is_refused_at_its_line_and_column() {
        let e = parse_style("body:\n  size: 11\n  leadin: 13\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3), "{e:?}");
        assert!(e.message.contains("leadin"), "{e:?}");
    }

    #[test]
    fn a_key_given_twice_is_refused_where_it_is_repeated() {
        let e = parse_style("body:\n  size: 11\nquotes: { style: marks }\nbody:\n  size: 12\n")
            .unwrap_err();
        assert_eq!((e.line, e.column), (4, 1), "{e:?}");
        assert!(
            e.message.contains("`body`") && e.message.contains("line 1"),
            "{e:?}"
        );
        let e = parse_style("body: { size: 11, leading: 13, size: 12 }\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 32), "{e:?}");
    }

    #[test]
    fn the_letterhead_is_set_as_the_file_says_and_the_rest_stays() {
        let s = parse_style("letterhead: { size: 18, small_caps: true, rule: true }\n").unwrap();
        assert_eq!(s.letterhead.size, 18.0);
        assert!(s.letterhead.small_caps && s.letterhead.rule);
        assert_eq!(s.letterhead.align, Styles::default().letterhead.align);
        let s = parse_style("letterhead:\n  align: left\n").unwrap();
        assert_eq!(s.letterhead.align, LetterheadAlign::Left);
        assert_eq!(s.letterhead.size, Styles::default().letterhead.size);
    }

    #[test]
    fn a_wrong_letterhead_value_is_refused_at_its_key() {
        let e = parse_style("body: { size: 12 }\nletterhead:\n  size: 200\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3), "{e:?}");
        assert!(e.message.contains("letterhead"), "{e:?}");
        let e = parse_style("letterhead: { align: justified }\n").unwrap_err();
        assert_eq!(e.line, 1, "{e:?}");
        assert!(e.message.contains("center"), "{e:?}");
        let e = parse_style("letterhead: { smallcaps: true }\n").unwrap_err();
        assert!(e.message.contains("small_caps"), "{e:?}");
    }

    #[test]
    fn a_wrong_quote_style_names_the_choices() {
        let e = parse_style("quotes: { style: italics }\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("marks"), "{e:?}");
    }

    #[test]
    fn an_impossible_value_is_refused_at_its_key() {
        let e = parse_style("body:\n  size: 0\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3), "{e:?}");
        assert!(e.message.contains("type size"));
        let e = parse_style("page: { margin_left: 400 }\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 9), "{e:?}");
        let e = parse_style("body: { size: .nan }\n").unwrap_err();
        assert!(e.message.contains("type size"), "{e:?}");
    }
}
