//! Writing XML text: escaping, units, and the namespaces every part declares.
//!
//! Parts are written as strings, element by element, in one fixed order, so
//! the same document always gives the same bytes.

/// The declaration that starts every XML part.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The WordprocessingML namespace (`w:`).
pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The relationships namespace used inside parts (`r:`).
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The `xmlns` attributes of a WordprocessingML part's root element.
pub fn namespaces() -> String {
    format!("xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"")
}

/// Appends `text` escaped for a text node or a double-quoted attribute value.
/// Characters XML 1.0 does not allow (control characters other than tab,
/// line feed and carriage return; U+FFFE and U+FFFF) are dropped.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// `text` escaped for a text node or a double-quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// True for a character XML 1.0 allows in a document (tab, line feed and
/// carriage return aside).
fn allowed(c: char) -> bool {
    !c.is_control() && c != '\u{FFFE}' && c != '\u{FFFF}'
}

/// Points as twentieths of a point (twips), the unit of most WordprocessingML lengths.
pub fn twips(points: f32) -> i64 {
    (f64::from(points) * 20.0).round() as i64
}

/// Points as half-points, the unit of type sizes.
pub fn half_points(points: f32) -> i64 {
    (f64::from(points) * 2.0).round() as i64
}

/// Points as eighths of a point, the unit of rule thickness.
pub fn eighths(points: f32) -> i64 {
    (f64::from(points) * 8.0).round().max(2.0) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_forbidden_ones_dropped() {
        assert_eq!(
            escape("a < b & \"c\" > d\u{1}\u{FFFF}é"),
            "a &lt; b &amp; &quot;c&quot; &gt; dé"
        );
        assert_eq!(escape("tab\there"), "tab\there");
    }

    #[test]
    fn units_round_to_whole_numbers() {
        assert_eq!(twips(72.0), 1440);
        assert_eq!(twips(0.5), 10);
        assert_eq!(half_points(12.0), 24);
        assert_eq!(half_points(10.5), 21);
        assert_eq!(eighths(0.5), 4);
        assert_eq!(eighths(0.0), 2, "a rule is never thinner than Word's least");
    }
}
