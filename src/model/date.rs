//! Calendar dates as letters write them.

use time::{Date, Month};

/// Parses `YYYY-MM-DD` into a date, or says what is wrong with it.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let t = text.trim();
    let parts: Vec<&str> = t.split('-').collect();
    let well_formed = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
    if !well_formed {
        return Err(format!("`{t}` is not a date in the form YYYY-MM-DD"));
    }
    let year: i32 = parts[0]
        .parse()
        .map_err(|_| format!("`{t}` has an invalid year"))?;
    let month: u8 = parts[1]
        .parse()
        .map_err(|_| format!("`{t}` has an invalid month"))?;
    let day: u8 = parts[2]
        .parse()
        .map_err(|_| format!("`{t}` has an invalid day"))?;
    let month = Month::try_from(month).map_err(|_| format!("`{t}` has no month {:02}", month))?;
    Date::from_calendar_date(year, month, day).map_err(|_| {
        format!(
            "`{t}` is not a day of the calendar ({} has no day {day})",
            month_name(month)
        )
    })
}

/// "December 9, 2014".
pub fn long_date(date: Date) -> String {
    format!(
        "{} {}, {}",
        month_name(date.month()),
        date.day(),
        date.year()
    )
}

/// The English name of a month.
pub fn month_name(month: Month) -> &'static str {
    match month {
        Month::January => "January",
        Month::February => "February",
        Month::March => "March",
        Month::April => "April",
        Month::May => "May",
        Month::June => "June",
        Month::July => "July",
        Month::August => "August",
        Month::September => "September",
        Month::October => "October",
        Month::November => "November",
        Month::December => "December",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let d = parse_date("2014-12-09").unwrap();
        assert_eq!(long_date(d), "December 9, 2014");
    }

    #[test]
    fn rejects_bad_dates_with_reasons() {
        assert!(
            parse_date("2014-13-09")
                .unwrap_err()
                .contains("no month 13")
        );
        assert!(
            parse_date("2014-02-30")
                .unwrap_err()
                .contains("February has no day 30")
        );
        assert!(parse_date("Dec 9 2014").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("2014-1-09").is_err());
    }
}
