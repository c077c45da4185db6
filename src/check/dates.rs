//! Dates that cannot be right: a reply dated before the letter it answers or
//! implausibly far in the future, a fiscal year that ends after the filing
//! that reports it.

use time::Date;

use super::Mode;
use crate::diagnostic::Diagnostics;
use crate::model::{Letter, long_date};

/// How far after today a letter may be dated: a response is due within weeks,
/// and a date further out is a typing mistake (a wrong year or month).
pub const FURTHEST_AHEAD_DAYS: i64 = 90;

/// Checks the letter date against the staff letter and `today`, and the fiscal
/// year end against the filing date. A letter date that cannot be filed is an
/// error for `respond check` and a warning for a draft build.
pub fn check(letter: &Letter, mode: Mode, today: Date, diags: &mut Diagnostics) {
    let at = letter.date_origin.start();
    let flag = |message: String| match mode {
        Mode::Check => at.error(message),
        Mode::Build => at.warning(message),
    };
    if letter.date < letter.staff_letter {
        diags.push(
            flag(format!(
                "the letter is dated {}, before the staff letter it answers ({})",
                long_date(letter.date),
                long_date(letter.staff_letter)
            ))
            .with_hint("check `date` and `staff_letter` in letter.yaml"),
        );
    }
    if (letter.date - today).whole_days() > FURTHEST_AHEAD_DAYS {
        diags.push(
            flag(format!(
                "the letter is dated {}, more than {FURTHEST_AHEAD_DAYS} days from today ({})",
                long_date(letter.date),
                long_date(today)
            ))
            .with_hint("check the year and month of `date` in letter.yaml"),
        );
    }
    if letter.filing.fiscal_year_end > letter.filing.filed {
        diags.push(
            letter
                .filing
                .fiscal_year_end_origin
                .start()
                .warning(format!(
                    "the fiscal year ends {}, after the filing date ({})",
                    long_date(letter.filing.fiscal_year_end),
                    long_date(letter.filing.filed)
                ))
                .with_hint("check `fiscal_year_end` and `filed` under `filing` in letter.yaml"),
        );
    }
}
