//! Dates that cannot be right: a reply dated before the letter it answers, a
//! fiscal year that ends after the filing that reports it.

use crate::diagnostic::Diagnostics;
use crate::model::{Letter, long_date};

/// Checks the letter date against the staff letter, and the fiscal year end against the filing date.
pub fn check(letter: &Letter, diags: &mut Diagnostics) {
    if letter.date < letter.staff_letter {
        diags.push(
            letter
                .date_origin
                .start()
                .warning(format!(
                    "the letter is dated {}, before the staff letter it answers ({})",
                    long_date(letter.date),
                    long_date(letter.staff_letter)
                ))
                .with_hint("check `date` and `staff_letter` in letter.yaml"),
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
