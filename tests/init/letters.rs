//! The fixture letters drawn as PDFs (see `pdf_letter.rs`); their words are
//! made up, their shapes are those of real staff letters.

use super::pdf_letter::{LEFT, LetterPdf, PageStyle};

const INDENT: f32 = 108.0;

/// The top of a letter: date, addressee, Re: block, salutation.
fn header(pdf: &mut LetterPdf, company: &str, form: &str) {
    pdf.line(400.0, "March 28, 2023");
    pdf.blank(1.0);
    pdf.lines(
        LEFT,
        &[
            "David Michels",
            "Chief Financial Officer",
            company,
            "1001 Louisiana Street, Suite 1000",
            "Houston, Texas 77002",
        ],
    );
    pdf.blank(1.0);
    pdf.cells(&[(INDENT, "**Re:**"), (144.0, &format!("**{company}**"))]);
    pdf.lines(
        144.0,
        &[
            &format!("**{form}**"),
            "**Filed February 8, 2023**",
            "**File No. 001-35081**",
        ],
    );
    pdf.blank(1.0);
    pdf.line(LEFT, "Dear David Michels:");
    pdf.blank(1.0);
}

/// The closing: contacts, sign-off, office.
fn closing(pdf: &mut LetterPdf) {
    pdf.lines(
        INDENT,
        &["We remind you that the company and its management are responsible for the accuracy"],
    );
    pdf.lines(LEFT, &["and adequacy of their disclosures, notwithstanding any review, comments, action or absence", "of action by the staff."]);
    pdf.blank(1.0);
    pdf.lines(
        INDENT,
        &["You may contact Jane Roe, Staff Accountant, at (202) 551-3202 or me at (202) 551-3344"],
    );
    pdf.line(LEFT, "with any questions.");
    pdf.blank(1.0);
    pdf.lines(300.0, &["Sincerely,"]);
    pdf.blank(2.0);
    pdf.lines(
        300.0,
        &[
            "Division of Corporation Finance",
            "Office of Energy & Transportation",
        ],
    );
}

/// Running header of the letters after page 1.
fn style(page_numbers: bool) -> PageStyle {
    PageStyle {
        header: vec![
            "David Michels".into(),
            "Contoso Pipelines, Inc.".into(),
            "March 28, 2023".into(),
        ],
        template: vec![
            "FirstName LastNameDavid Michels".into(),
            "Comapany NameContoso Pipelines, Inc.".into(),
            "March 28, 2023 Page 2".into(),
        ],
        page_numbers,
    }
}

/// Every feature of the issue in one letter, drawn as iText draws: no blank
/// lines, paragraphs set apart by space, hanging comment numbers.
pub fn features() -> Vec<u8> {
    let mut pdf = LetterPdf::new(style(true));
    header(
        &mut pdf,
        "Contoso Pipelines, Inc.",
        "Form 10-K for the Fiscal Year Ended December 31, 2022",
    );
    pdf.lines(
        INDENT,
        &["We have limited our review of your filing to the financial statements and related"],
    );
    pdf.lines(LEFT, &["disclosures and have the following comments."]);
    pdf.blank(0.5);
    pdf.lines(
        INDENT,
        &["After reviewing your response to these comments, we may have additional comments."],
    );
    pdf.blank(0.5);
    pdf.lines(
        LEFT,
        &["Form 10-K for the Fiscal Year Ended December 31, 2022"],
    );
    pdf.blank(0.5);
    pdf.lines(
        LEFT,
        &[
            "Management’s Discussion and Analysis of Financial Condition and Results of",
            "Operations",
            "Results of Operations, page 39",
        ],
    );
    pdf.blank(0.5);
    pdf.numbered(
        LEFT,
        "1.",
        INDENT,
        &[
            "We note that your climate-",
            "related risks are discussed in the 8^{th} section of your filing under Contoso",
            "Energy^{TM} and that the amounts disclosed^{1} there differ. Please re-",
            "vise your disclosure to explain the difference.",
        ],
    );
    pdf.blank(0.5);
    pdf.lines(
        INDENT,
        &["Please also tell us how you will revise future filings."],
    );
    pdf.blank(0.5);
    pdf.lines(LEFT, &["Non-GAAP Financial Measures, page 44"]);
    pdf.blank(0.5);
    pdf.numbered(
        LEFT,
        "2.",
        INDENT,
        &[
            "We note that you describe “Adjusted EBITDA” as a measure of the Company’s",
            "performance. Please address the following:",
        ],
    );
    pdf.blank(0.5);
    pdf.bullet(
        126.0,
        144.0,
        &["Tell us why the measure excludes", "maintenance costs; and"],
    );
    pdf.blank(0.5);
    pdf.bullet(126.0, 144.0, &["Explain how the measure is used."]);
    pdf.blank(0.5);
    pdf.lines(
        INDENT,
        &[
            "We also note that the measure is described as the primary measure of performance",
            "in your earnings releases and in the discussion of your results, while your segment",
            "disclosures describe a different measure.",
        ],
    );
    pdf.blank(0.5);
    pdf.lines(
        INDENT,
        &[
            "In addition, revise your reconciliation so that it begins with net income, the most",
            "directly comparable measure calculated in accordance with generally accepted",
            "accounting principles, and show each adjustment on its own line so that investors",
            "can follow the calculation from the one measure to the other without having to",
            "refer to other parts of the filing, and tell us how you considered Question 100.01 of",
            "the Non-GAAP Compliance and Disclosure Interpretations in presenting the",
            "measure with equal or greater prominence.",
        ],
    );
    pdf.blank(0.5);
    pdf.lines(LEFT, &["Notes to Consolidated Financial Statements"]);
    pdf.lines(LEFT, &["6. Impairment of Long-Lived Assets, page F-97"]);
    pdf.blank(0.5);
    pdf.numbered(
        LEFT,
        "3.",
        INDENT,
        &["Tell us how you determined that the signi{fi}cant decline in throughput did not"],
    );
    pdf.line_spaced_by_offsets(
        INDENT,
        "indicate that the carrying amount of the Gulf Coast assets may not be",
    );
    pdf.line_in_form(INDENT, "recoverable. Refer to ASC 360-10-35-21.");
    pdf.blank(0.5);
    pdf.line_twice(LEFT, "Exhibit 99.1");
    pdf.blank(0.5);
    pdf.numbered(
        LEFT,
        "4.",
        INDENT,
        &["Please file the consent of the expert named in the exhibit."],
    );
    pdf.blank(0.5);
    closing(&mut pdf);
    pdf.finish()
}

/// A letter without comments saying `sentence` (its lines).
pub fn without_comments(lines: &[&str]) -> Vec<u8> {
    let mut pdf = LetterPdf::new(style(false));
    header(
        &mut pdf,
        "Contoso Pipelines, Inc.",
        "Registration Statement on Form S-1",
    );
    pdf.lines(INDENT, &lines[..1]);
    pdf.lines(LEFT, &lines[1..]);
    pdf.blank(1.0);
    closing(&mut pdf);
    pdf.finish()
}

/// A letter with `count` one-line comments, Word style (blank lines between).
pub fn many_comments(count: usize) -> Vec<u8> {
    let mut pdf = LetterPdf::new(style(false));
    header(
        &mut pdf,
        "Contoso Pipelines, Inc.",
        "Form 10-K for the Fiscal Year Ended December 31, 2022",
    );
    pdf.lines(
        INDENT,
        &["We have reviewed your filing and have the following comments."],
    );
    pdf.blank(1.0);
    for n in 1..=count {
        let text = format!("Please tell us how you account for arrangement {n}.");
        pdf.numbered(LEFT, &format!("{n}."), INDENT, &[&text]);
        pdf.blank(1.0);
    }
    closing(&mut pdf);
    pdf.finish()
}
