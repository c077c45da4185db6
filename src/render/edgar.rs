//! A check of HTML against the EDGAR rules in SPEC §5 (EDGAR Filer Manual
//! vol. II §5.2.2 as validators encode it).
//!
//! [`validate_edgar_html`] scans the text with a small tag scanner of its own:
//! it never panics and reports every violation it finds, each with its line.
//! It checks:
//! - a byte-order mark, and any character that is not printable ASCII, tab, LF or CR;
//! - a `<` or `&` in text that does not start a tag or a character reference;
//! - tags outside EDGAR's list (`ins`, `del`, `s`, `span`, `style`, `script`, …
//!   are named with a hint), unterminated tags and comments, `<?…?>`;
//! - a table inside a table; more or fewer than one `<html>`;
//! - `xmlns` and `on*` (event handler) attributes; `style` values that load
//!   anything (`url(`, `expression(`, `@import`, `javascript:`);
//! - links: every `href` must be `#name` and name an anchor (`<a name>` or an
//!   `id`) that exists in the document; `src` attributes are refused.

/// One broken EDGAR rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgarViolation {
    /// 1-based line of the HTML text.
    pub line: usize,
    /// What is wrong, and where it matters how to fix it.
    pub message: String,
}

/// The tags EDGAR accepts in an HTML document.
pub const ALLOWED_TAGS: &[&str] = &[
    "html",
    "head",
    "title",
    "body",
    "p",
    "div",
    "br",
    "hr",
    "b",
    "i",
    "u",
    "strike",
    "em",
    "strong",
    "sup",
    "sub",
    "font",
    "center",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ol",
    "ul",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "a",
    "pre",
];

/// Tags EDGAR names as forbidden, with the reason or the replacement.
const FORBIDDEN_TAGS: &[(&str, &str)] = &[
    ("ins", "use <u> for insertions"),
    ("del", "use <strike> for deletions"),
    ("s", "use <strike>"),
    ("span", "use <font> or a style on the enclosing block"),
    ("style", "style only with inline style= attributes"),
    ("script", "EDGAR suspends filings with active content"),
    ("link", "a document may not load other files"),
    ("iframe", "a document may not embed other documents"),
    ("object", "EDGAR suspends filings with active content"),
    ("embed", "EDGAR suspends filings with active content"),
    ("form", "EDGAR suspends filings with active content"),
    ("input", "EDGAR suspends filings with active content"),
    ("base", "a document may not set a base address"),
    ("q", "use quotation marks (&#8220; &#8221;)"),
    ("col", "set widths on the cells"),
    ("colgroup", "set widths on the cells"),
    ("thead", "put header rows directly in <table>"),
    ("tbody", "put rows directly in <table>"),
    ("tfoot", "put rows directly in <table>"),
];

/// Checks `html` against EDGAR's rules; an empty list means it may be filed.
pub fn validate_edgar_html(html: &str) -> Vec<EdgarViolation> {
    let mut scan = Scanner::new(html);
    scan.check_bytes();
    scan.check_markup();
    scan.finish()
}

/// A start or end tag as scanned.
struct Tag {
    /// Lowercased name.
    name: String,
    /// True for `</name>`.
    end: bool,
    /// Lowercased attribute names with their values (raw, unquoted).
    attrs: Vec<(String, String)>,
}

struct Scanner<'a> {
    source: &'a str,
    text: &'a [u8],
    line_starts: Vec<usize>,
    violations: Vec<(usize, String)>,
    /// Link targets with the offset of the link.
    links: Vec<(usize, String)>,
    anchors: Vec<String>,
    html_elements: usize,
    table_depth: usize,
}

impl<'a> Scanner<'a> {
    fn new(source: &'a str) -> Scanner<'a> {
        let text = source.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(
                text.iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Scanner {
            source,
            text,
            line_starts,
            violations: Vec::new(),
            links: Vec::new(),
            anchors: Vec::new(),
            html_elements: 0,
            table_depth: 0,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|start| *start <= offset)
    }

    fn report(&mut self, offset: usize, message: impl Into<String>) {
        self.violations.push((offset, message.into()));
    }

    /// The byte rules: no BOM; only printable ASCII, tab, LF and CR (one report per line).
    fn check_bytes(&mut self) {
        if self.text.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.report(
                0,
                "the file starts with a byte-order mark; save it without one",
            );
        }
        let mut last_line = 0;
        for (offset, ch) in self.source.char_indices() {
            let allowed = matches!(ch, ' '..='~' | '\t' | '\n' | '\r');
            if allowed || (offset == 0 && ch == '\u{feff}') {
                continue;
            }
            let line = self.line_of(offset);
            if line == last_line {
                continue;
            }
            last_line = line;
            let column = offset - self.line_starts[line - 1] + 1;
            let message = if ch.is_control() {
                format!(
                    "byte column {column}: character U+{:04X} is not printable ASCII; remove it",
                    ch as u32
                )
            } else {
                format!(
                    "byte column {column}: character U+{:04X} is not ASCII; write it as &#{};",
                    ch as u32, ch as u32
                )
            };
            self.report(offset, message);
        }
    }

    /// The tag rules, in one pass over the text.
    fn check_markup(&mut self) {
        let mut pos = 0;
        while pos < self.text.len() {
            match self.text[pos] {
                b'<' => pos = self.markup_at(pos),
                b'&' => {
                    if !is_reference(&self.text[pos..]) {
                        self.report(pos, "a bare & in text; write it as &amp;");
                    }
                    pos += 1;
                }
                _ => pos += 1,
            }
        }
    }

    /// Handles whatever starts with `<` at `pos`; returns where scanning continues.
    fn markup_at(&mut self, pos: usize) -> usize {
        let rest = &self.text[pos..];
        if rest.starts_with(b"<!--") {
            return match find(rest, b"-->", 4) {
                Some(end) => pos + end + 3,
                None => {
                    self.report(pos, "a comment is never closed with -->");
                    self.text.len()
                }
            };
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            if rest.starts_with(b"<?") {
                self.report(pos, "processing instructions (<?…?>) are not allowed");
            }
            return match find(rest, b">", 2) {
                Some(end) => pos + end + 1,
                None => {
                    self.report(pos, "a declaration is never closed with >");
                    self.text.len()
                }
            };
        }
        let (end, name_start) = match rest.get(1) {
            Some(b'/') => (true, 2),
            _ => (false, 1),
        };
        if !rest.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            self.report(pos, "a bare < in text; write it as &lt;");
            return pos + 1;
        }
        let Some((tag, len)) = scan_tag(rest, name_start, end) else {
            self.report(pos, "a tag is never closed with >");
            return self.text.len();
        };
        self.check_tag(pos, &tag);
        let after = pos + len;
        // The content of script and style is raw text up to its end tag.
        if !tag.end && (tag.name == "script" || tag.name == "style") {
            let close = format!("</{}", tag.name);
            return match find_ignore_case(&self.text[after..], close.as_bytes()) {
                Some(at) => after + at,
                None => self.text.len(),
            };
        }
        after
    }

    fn check_tag(&mut self, pos: usize, tag: &Tag) {
        let name = tag.name.as_str();
        if !tag.end {
            if let Some((_, why)) = FORBIDDEN_TAGS.iter().find(|(n, _)| *n == name) {
                self.report(pos, format!("<{name}> is not allowed in EDGAR HTML: {why}"));
            } else if !ALLOWED_TAGS.contains(&name) {
                self.report(pos, format!("<{name}> is not on EDGAR's list of HTML tags"));
            }
        }
        if tag.end {
            if name == "table" {
                self.table_depth = self.table_depth.saturating_sub(1);
            }
            return;
        }
        match name {
            "html" => {
                self.html_elements += 1;
                if self.html_elements == 2 {
                    self.report(pos, "a second <html> element; a document has exactly one");
                }
            }
            "table" => {
                if self.table_depth > 0 {
                    self.report(
                        pos,
                        "a table inside a table; EDGAR does not allow nested tables",
                    );
                }
                self.table_depth += 1;
            }
            _ => {}
        }
        for (attr, value) in &tag.attrs {
            self.check_attr(pos, name, attr, value);
        }
    }

    fn check_attr(&mut self, pos: usize, tag: &str, attr: &str, value: &str) {
        if attr == "xmlns" || attr.starts_with("xmlns:") {
            self.report(pos, format!("<{tag}> has an xmlns attribute; remove it"));
        } else if attr.starts_with("on") {
            self.report(
                pos,
                format!("<{tag}> has an event handler `{attr}`: EDGAR suspends active content"),
            );
        } else if attr == "style" {
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            for bad in ["url(", "expression(", "@import", "javascript:"] {
                if squeezed.contains(bad) {
                    self.report(
                        pos,
                        format!("<{tag}> style contains `{bad}`: a document may not load anything"),
                    );
                }
            }
        } else if attr == "href" {
            match value.trim().strip_prefix('#') {
                Some(target) if !target.is_empty() => self.links.push((pos, target.to_owned())),
                _ => self.report(
                    pos,
                    format!(
                        "link to `{value}`: EDGAR allows only links to #anchors inside the document"
                    ),
                ),
            }
        } else if attr == "src" || attr == "background" || attr == "action" {
            self.report(
                pos,
                format!("<{tag}> has a `{attr}` attribute: a document may not load anything"),
            );
        } else if attr == "id" || (attr == "name" && tag == "a") {
            self.anchors.push(value.trim().to_owned());
        }
    }

    fn finish(mut self) -> Vec<EdgarViolation> {
        if self.html_elements == 0 {
            self.report(0, "no <html> element; a document has exactly one");
        }
        let links = std::mem::take(&mut self.links);
        for (pos, target) in links {
            if !self.anchors.contains(&target) {
                self.report(
                    pos,
                    format!("link to #{target}, but no anchor of that name exists"),
                );
            }
        }
        let mut found: Vec<(usize, String)> = std::mem::take(&mut self.violations);
        found.sort_by_key(|(offset, _)| *offset);
        found
            .into_iter()
            .map(|(offset, message)| EdgarViolation {
                line: self.line_of(offset),
                message,
            })
            .collect()
    }
}

/// Scans a tag whose name starts at `name_start` of `rest` (which starts with `<`):
/// its name and attributes, and its length up to and including `>`.
fn scan_tag(rest: &[u8], name_start: usize, end: bool) -> Option<(Tag, usize)> {
    let mut i = name_start;
    while rest.get(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
        i += 1;
    }
    let name = String::from_utf8_lossy(&rest[name_start..i]).to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while rest
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            i += 1;
        }
        match rest.get(i)? {
            b'>' => {
                let tag = Tag { name, end, attrs };
                return Some((tag, i + 1));
            }
            _ => {
                let start = i;
                while rest
                    .get(i)
                    .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
                {
                    i += 1;
                }
                // A stray `/` or `=` is skipped so that the loop always advances.
                if i == start {
                    i += 1;
                    continue;
                }
                let attr = String::from_utf8_lossy(&rest[start..i]).to_ascii_lowercase();
                while rest.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                let mut value = String::new();
                if rest.get(i) == Some(&b'=') {
                    i += 1;
                    while rest.get(i).is_some_and(u8::is_ascii_whitespace) {
                        i += 1;
                    }
                    let (v, next) = scan_value(rest, i)?;
                    value = v;
                    i = next;
                }
                attrs.push((attr, value));
            }
        }
    }
}

/// Scans an attribute value at `i`: quoted or bare. Returns it and the offset after it.
fn scan_value(rest: &[u8], i: usize) -> Option<(String, usize)> {
    match rest.get(i)? {
        quote @ (b'"' | b'\'') => {
            let len = find(&rest[i + 1..], &[*quote], 0)?;
            let value = String::from_utf8_lossy(&rest[i + 1..i + 1 + len]).into_owned();
            Some((value, i + 1 + len + 1))
        }
        _ => {
            let mut j = i;
            while rest
                .get(j)
                .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
            {
                j += 1;
            }
            Some((String::from_utf8_lossy(&rest[i..j]).into_owned(), j))
        }
    }
}

/// True when `text` (starting with `&`) starts a character reference: `&name;`, `&#123;`, `&#x1F;`.
fn is_reference(text: &[u8]) -> bool {
    let body = &text[1..];
    let (digits, hex): (&[u8], bool) = match body {
        [b'#', b'x' | b'X', rest @ ..] => (rest, true),
        [b'#', rest @ ..] => (rest, false),
        _ => {
            let len = body
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            return len > 0 && body.get(len) == Some(&b';');
        }
    };
    let len = digits
        .iter()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    len > 0 && digits.get(len) == Some(&b';')
}

/// The offset of `needle` in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > haystack.len() {
        return None;
    }
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A clean document with `body` inside; an anchor `top` exists.
    fn doc(body: &str) -> String {
        format!(
            "<html>\n<head>\n<title>T</title>\n</head>\n<body>\n<p><a name=\"top\"></a>Text &amp; more &#8212; fine.</p>\n{body}\n</body>\n</html>\n"
        )
    }

    /// The single violation of `html`, asserting there is exactly one.
    fn one_violation(html: &str) -> EdgarViolation {
        let found = validate_edgar_html(html);
        assert_eq!(found.len(), 1, "{found:#?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn a_clean_document_passes() {
        let html = doc(
            "<table style=\"border-collapse: collapse\"><tr><td align=right>1</td></tr></table>\n<p><sup><a href=\"#top\">1</a></sup><br><u>in</u> <strike>out</strike></p>\n<!-- a comment with <span> -->",
        );
        assert_eq!(validate_edgar_html(&html), vec![]);
    }

    #[test]
    fn rejects_non_ascii_characters_with_their_line() {
        let v = one_violation(&doc("<p>em \u{2014} dash</p>"));
        assert_eq!(v.line, 7);
        assert!(v.message.contains("&#8212;"), "{}", v.message);
        let v = one_violation(&doc("<p>bell \u{7} here</p>"));
        assert!(v.message.contains("U+0007"));
    }

    #[test]
    fn rejects_a_byte_order_mark() {
        let v = one_violation(&format!("\u{feff}{}", doc("")));
        assert_eq!(v.line, 1);
        assert!(v.message.contains("byte-order mark"));
    }

    #[test]
    fn rejects_span() {
        assert!(
            one_violation(&doc("<p><span>x</span></p>"))
                .message
                .contains("<span>")
        );
    }

    #[test]
    fn rejects_ins_and_del() {
        assert!(
            one_violation(&doc("<p><ins>x</ins></p>"))
                .message
                .contains("<u>")
        );
        assert!(
            one_violation(&doc("<p><DEL>x</DEL></p>"))
                .message
                .contains("<strike>")
        );
        assert!(
            one_violation(&doc("<p><s>x</s></p>"))
                .message
                .contains("<s>")
        );
    }

    #[test]
    fn rejects_script() {
        let v = one_violation(&doc("<script>if (a < b && c) { x(); }</script>"));
        assert!(v.message.contains("<script>"));
    }

    #[test]
    fn rejects_style_elements() {
        let v = one_violation(&doc("<style>p { color: red }</style>"));
        assert!(v.message.contains("<style>"));
    }

    #[test]
    fn rejects_nested_tables() {
        let v = one_violation(&doc(
            "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>",
        ));
        assert!(v.message.contains("nested"));
        // Two tables one after the other are fine.
        let two = doc("<table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>");
        assert_eq!(validate_edgar_html(&two), vec![]);
    }

    #[test]
    fn rejects_two_html_elements_and_none() {
        let v = one_violation(&format!("{}<html><body></body></html>", doc("")));
        assert!(v.message.contains("second <html>"));
        assert!(one_violation("<p>x</p>").message.contains("no <html>"));
    }

    #[test]
    fn rejects_xmlns() {
        let html = doc("").replace("<html>", "<html xmlns=\"http://www.w3.org/1999/xhtml\">");
        assert!(one_violation(&html).message.contains("xmlns"));
    }

    #[test]
    fn rejects_event_handlers() {
        let v = one_violation(&doc("<p onclick=\"alert(1)\">x</p>"));
        assert!(v.message.contains("onclick"));
        let v = one_violation(&doc("<p ONMOUSEOVER=x>x</p>"));
        assert!(v.message.contains("onmouseover"));
    }

    #[test]
    fn rejects_url_in_styles() {
        let v = one_violation(&doc("<div style=\"background:url(x)\">x</div>"));
        assert!(v.message.contains("url("));
        let v = one_violation(&doc("<div style='background: URL (x)'>x</div>"));
        assert!(v.message.contains("url("));
    }

    #[test]
    fn rejects_http_links() {
        let v = one_violation(&doc("<p><a href=\"http://example.com\">x</a></p>"));
        assert!(v.message.contains("http://example.com"));
        let v = one_violation(&doc("<p><a href=\"https://example.com\">x</a></p>"));
        assert!(v.message.contains("#anchors"));
    }

    #[test]
    fn rejects_mailto_links() {
        let v = one_violation(&doc("<p><a href=\"mailto:staff@sec.gov\">x</a></p>"));
        assert!(v.message.contains("mailto:"));
    }

    #[test]
    fn rejects_links_to_missing_anchors() {
        let v = one_violation(&doc("<p><a href=\"#missing\">x</a></p>"));
        assert_eq!(v.line, 7);
        assert!(v.message.contains("#missing"));
        // An id is an anchor too, wherever it is.
        let ok = doc("<p><a href=\"#later\">x</a></p><p id=\"later\">y</p>");
        assert_eq!(validate_edgar_html(&ok), vec![]);
    }

    #[test]
    fn rejects_unknown_tags_bare_markup_characters_and_broken_tags() {
        assert!(one_violation(&doc("<img alt=x>")).message.contains("<img>"));
        assert!(one_violation(&doc("<p>a < b</p>")).message.contains("&lt;"));
        assert!(one_violation(&doc("<p>AT&T</p>")).message.contains("&amp;"));
        assert!(
            one_violation(&format!("{}<p", doc("")))
                .message
                .contains("never closed")
        );
        assert!(
            one_violation(&format!("{}<!-- x", doc("")))
                .message
                .contains("never closed")
        );
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC*") {
            let _ = validate_edgar_html(&text);
        }

        #[test]
        fn never_panics_on_markup_soup(text in "[<>/=\"'a-z!#&;: \n\u{2014}-]*") {
            let _ = validate_edgar_html(&text);
        }
    }
}
