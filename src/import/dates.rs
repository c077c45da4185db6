//! Dates as staff letters write them: "August 16, 2017".

use time::{Date, Month};

const MONTHS: [(&str, Month); 12] = [
    ("January", Month::January),
    ("February", Month::February),
    ("March", Month::March),
    ("April", Month::April),
    ("May", Month::May),
    ("June", Month::June),
    ("July", Month::July),
    ("August", Month::August),
    ("September", Month::September),
    ("October", Month::October),
    ("November", Month::November),
    ("December", Month::December),
];

/// The first "Month D, YYYY" date in `text`, with the byte range it covers.
pub fn find_date(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let mut from = 0;
    while from < text.len() {
        let rest = &text[from..];
        let (offset, month) = MONTHS
            .iter()
            .filter_map(|(name, month)| rest.find(name).map(|i| (i, (*name, *month))))
            .min_by_key(|(i, _)| *i)?;
        let start = from + offset;
        if let Some((date, len)) = date_at(&text[start..], month) {
            return Some((date, start..start + len));
        }
        from = start + month.0.len();
    }
    None
}

/// Parses "Month D, YYYY" at the start of `text`; returns the date and its length.
fn date_at(text: &str, (name, month): (&str, Month)) -> Option<(Date, usize)> {
    let rest = text.strip_prefix(name)?.strip_prefix(' ')?;
    let day_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if day_len == 0 || day_len > 2 {
        return None;
    }
    let day: u8 = rest[..day_len].parse().ok()?;
    let after_day = rest[day_len..]
        .strip_prefix(',')
        .unwrap_or(&rest[day_len..]);
    let after_day = after_day.strip_prefix(' ')?;
    let year_len = after_day.bytes().take_while(u8::is_ascii_digit).count();
    if year_len != 4 {
        return None;
    }
    let year: i32 = after_day[..4].parse().ok()?;
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let len = text.len() - after_day.len() + 4;
    Some((date, len))
}

/// The date when `text` is nothing but a date (ignoring surrounding spaces).
pub fn whole_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let (date, range) = find_date(text)?;
    (range.start == 0 && range.end == text.len()).then_some(date)
}

/// `YYYY-MM-DD`.
pub fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates_inside_text() {
        let (date, range) =
            find_date("Form 20-F for the Fiscal Year Ended December 31, 2016").unwrap();
        assert_eq!(iso(date), "2016-12-31");
        assert_eq!(range.end, 53);
        assert_eq!(iso(whole_date("August 16, 2017").unwrap()), "2017-08-16");
        assert!(whole_date("August 16, 2017 Page 2").is_none());
        assert!(find_date("May be in March").is_none());
    }
}
