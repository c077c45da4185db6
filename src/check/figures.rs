//! Figures as letters print them: `1,336.5`, `145.8 million`, `1 billion`,
//! `19,641,000`, and in tables `(1,234)` for a negative and `—` for nil.
//!
//! A [`Number`] keeps the digits exactly (a mantissa and the count of decimals),
//! so table columns add up without floating-point error and the rounding of a
//! printed figure is known from its last digit.

/// A decimal number as printed: `mantissa × 10^-decimals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// The digits without separators or point, with the sign.
    pub mantissa: i128,
    /// How many digits follow the decimal point.
    pub decimals: u32,
}

impl Number {
    /// Zero with no decimals (a nil cell).
    pub const ZERO: Number = Number {
        mantissa: 0,
        decimals: 0,
    };

    /// The value as a float.
    pub fn value(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.decimals as i32)
    }

    /// Half a unit of the last printed digit: the most the printed figure can be off by rounding.
    pub fn half_unit(self) -> f64 {
        0.5 / 10f64.powi(self.decimals as i32)
    }

    /// The mantissa at `decimals` places (`decimals` must be at least `self.decimals`).
    pub fn at_decimals(self, decimals: u32) -> i128 {
        self.mantissa * 10i128.pow(decimals.saturating_sub(self.decimals))
    }
}

/// The word after a figure that scales it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// `thousand`
    Thousand,
    /// `million`
    Million,
    /// `billion`
    Billion,
}

impl Scale {
    /// How many units one of this scale is.
    pub fn factor(self) -> f64 {
        match self {
            Scale::Thousand => 1e3,
            Scale::Million => 1e6,
            Scale::Billion => 1e9,
        }
    }

    /// The word as printed.
    pub fn word(self) -> &'static str {
        match self {
            Scale::Thousand => "thousand",
            Scale::Million => "million",
            Scale::Billion => "billion",
        }
    }
}

/// The factor of an optional scale (1 when there is none).
pub fn factor(scale: Option<Scale>) -> f64 {
    scale.map_or(1.0, Scale::factor)
}

/// A figure with its optional scale word, e.g. `145.8 million`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    /// The digits.
    pub number: Number,
    /// The scale word, if one follows.
    pub scale: Option<Scale>,
    /// Bytes of text the amount takes, scale word included.
    pub len: usize,
}

/// Reads the number at the start of `text`: digits grouped by commas, then decimals.
///
/// A comma counts only when exactly three digits follow it, so "RMB100, and"
/// reads as 100. Returns the number and the bytes it takes.
pub fn parse_number(text: &str) -> Option<(Number, usize)> {
    let bytes = text.as_bytes();
    if !bytes.first()?.is_ascii_digit() {
        return None;
    }
    let mut mantissa: i128 = 0;
    let mut i = 0;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(i128::from(bytes[i] - b'0'))?;
            i += 1;
        }
        let grouped = bytes.get(i) == Some(&b',')
            && bytes.len() >= i + 4
            && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
            && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit);
        if !grouped {
            break;
        }
        i += 1;
    }
    let mut decimals = 0;
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(i128::from(bytes[i] - b'0'))?;
            decimals += 1;
            i += 1;
        }
    }
    Some((Number { mantissa, decimals }, i))
}

/// Reads a figure and an optional scale word (`thousand`, `million`, `billion`).
pub fn parse_amount(text: &str) -> Option<Amount> {
    let (number, mut len) = parse_number(text)?;
    let rest = &text[len..];
    let gap = rest.len() - rest.trim_start().len();
    let spaces = rest[..gap].chars().count();
    let word_start = &rest[gap..];
    let word_len = word_start
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(word_start.len());
    let scale = match word_start[..word_len].to_ascii_lowercase().as_str() {
        "thousand" => Some(Scale::Thousand),
        "million" => Some(Scale::Million),
        "billion" => Some(Scale::Billion),
        _ => None,
    };
    let scale = scale.filter(|_| spaces <= 2);
    if scale.is_some() {
        len += gap + word_len;
    }
    Some(Amount { number, scale, len })
}

/// Reads a table cell: `1,234`, `(1,234)` (negative), `—` or `-` (nil), with an
/// optional currency prefix. `None` for text, blanks and percentages.
pub fn parse_cell(text: &str) -> Option<Number> {
    let t = text.trim();
    if matches!(t, "—" | "–" | "-" | "--") {
        return Some(Number::ZERO);
    }
    let (negative, inner) = match t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => match t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
            Some(inner) => (true, inner.trim()),
            None => (false, t),
        },
    };
    let inner = ["US$", "RMB", "$"]
        .iter()
        .find_map(|p| inner.strip_prefix(p))
        .unwrap_or(inner)
        .trim_start();
    let (number, len) = parse_number(inner)?;
    if len != inner.len() {
        return None;
    }
    Some(Number {
        mantissa: if negative {
            -number.mantissa
        } else {
            number.mantissa
        },
        decimals: number.decimals,
    })
}

/// Prints `mantissa × 10^-decimals` with thousands separators: `-1,234.5`.
pub fn format_grouped(mantissa: i128, decimals: u32) -> String {
    let digits = mantissa.unsigned_abs().to_string();
    let decimals = decimals as usize;
    let digits = format!("{digits:0>width$}", width = decimals + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals);
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if mantissa < 0 { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// Rounds `value` to `decimals` places and prints it grouped.
pub fn format_value(value: f64, decimals: u32) -> String {
    let mantissa = (value * 10f64.powi(decimals as i32)).round() as i128;
    format_grouped(mantissa, decimals)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Number {
        parse_number(text).unwrap().0
    }

    #[test]
    fn numbers_with_groups_and_decimals() {
        assert_eq!(
            number("1,336.5 million"),
            Number {
                mantissa: 13365,
                decimals: 1
            }
        );
        assert_eq!(number("19,641,000.").value(), 19_641_000.0);
        assert_eq!(parse_number("100, and").unwrap().1, 3);
        assert_eq!(parse_number("1,2345").unwrap().1, 1);
        assert!(parse_number("x1").is_none());
    }

    #[test]
    fn amounts_with_scale_words() {
        let a = parse_amount("145.8 million (US$").unwrap();
        assert_eq!(a.scale, Some(Scale::Million));
        assert_eq!(a.len, "145.8 million".len());
        let b = parse_amount("1 billion").unwrap();
        assert_eq!(b.scale, Some(Scale::Billion));
        let c = parse_amount("58.9 (US$9.7 million)").unwrap();
        assert_eq!((c.scale, c.len), (None, 4));
        assert_eq!(parse_amount("7 millionaires").unwrap().scale, None);
    }

    #[test]
    fn table_cells() {
        assert_eq!(parse_cell("(1,234)").unwrap().mantissa, -1234);
        assert_eq!(parse_cell(" — "), Some(Number::ZERO));
        assert_eq!(parse_cell("$1,000.5").unwrap().mantissa, 10005);
        assert_eq!(parse_cell("12%"), None);
        assert_eq!(parse_cell("(in thousands of RMB)"), None);
        assert_eq!(parse_cell(""), None);
    }

    #[test]
    fn grouped_printing() {
        assert_eq!(format_grouped(1_163_458, 0), "1,163,458");
        assert_eq!(format_grouped(-13365, 1), "-1,336.5");
        assert_eq!(format_grouped(5, 2), "0.05");
        assert_eq!(format_value(7.8299, 1), "7.8");
        assert_eq!(format_value(165.19, 1), "165.2");
    }
}
