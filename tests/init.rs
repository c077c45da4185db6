//! `respond init`: staff letters in tests/fixtures/init/ → letter projects.

use std::fs;
use std::path::{Path, PathBuf};

use respond::cli::init::{self, InitError};
use respond::diagnostic::{Diagnostics, SourceFile};
use respond::import::{self, ImportError, StaffLetter, dates::iso, review::Review};
use respond::load::raw::{RawComment, RawLetter};
use respond::load::{FileKind, load_file};
use time::{Date, Month};

#[path = "init/letters.rs"]
mod letters;
#[path = "init/pdf_letter.rs"]
mod pdf_letter;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/init")
        .join(name)
}

fn letter(name: &str) -> StaffLetter {
    let bytes = fs::read(fixture(name)).unwrap();
    let text = import::detect::decode(&bytes).unwrap();
    import::import(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn today() -> Date {
    Date::from_calendar_date(2026, Month::November, 23).unwrap()
}

fn headings(letter: &StaffLetter, number: usize) -> Vec<&str> {
    letter.comments[number - 1]
        .headings
        .iter()
        .map(String::as_str)
        .collect()
}

const VIANET: &str = "21vianet-staff-letter-2017-08-16.txt";

/// The five comments of the 21Vianet letter, typed out from the letter.
const VIANET_COMMENTS: [&str; 5] = [
    "We continue to evaluate your response to prior comment 1 regarding your bad debt allowances provided for trade receivables and have the following comments. Provide us with the amounts of revenue you recognized from the two state-owned enterprise customers during fiscal 2016 and the most recent interim period. Confirm that you are not transacting with these customers subsequent to writing-off their receivable balances. Clarify why the receivables were deemed uncollectible while you identify these customers as \"large and reputable and would generally not default on payments.\" Indicate why you believe revenue recognition was appropriate for these customers when revenue was recognized and how you determined that collection was probable at that time. Tell us more about recent events such as loss of customers and the “clean-up” of long-aging receivables as mentioned in your earnings call on May 26, 2017. Indicate how you plan to provide disclosures in your future filings that address these events or trends, if material.",
    "In your response to prior comment 1, you mentioned that RMB 37.9 million of bad debt allowance was provided for your loan receivable from a related party. Please provide corresponding disclosure in your future filings pursuant to ASC 850-10-50, if a material receivable balance from this party remains outstanding. Tell us how you assessed the recoverability of the remaining receivables from this party as of December 31, 2016, if any.",
    "Similarly to your response to prior comments 2, please ensure the reconciliations with the most directly comparable GAAP measures are provided for your segment Adjusted EBITDA in your future earnings releases. Refer to Item 100(a) of Regulation G.",
    "We note your response to prior comment 3. Please ensure in your future earnings releases that the tax effect of your non-GAAP adjustments is disclosed as a separate reconciling item. Disclose in future filings and in earnings releases how you determined the income tax effects. Refer to Question 102.11 of the updated Non-GAAP Compliance and Disclosure Interpretations issued on May 17, 2016.",
    "Tell us whether your MNS reporting unit was at risk of failing step 1 and the percentage by which its estimated fair value exceeded its carrying value as of October 1 and December 31, 2016, respectively. Please tell us whether you conducted a more recent impairment assessment. In this regard, indicate whether the sustained decrease in your market capitalization and continued losses in your MNS reporting unit have triggered an impairment test. If not, explain in detail why you believe a triggering event has not occurred. Refer to ASC 350-20-35-30. Further, consider adding disclosures to future filings if goodwill impairment charge could occur if the market capitalization and MNS’s results do not improve. In addition, to the extent any reporting unit is at risk of failing step 1, ensure your future filings disclose the following:

- The percentage by which fair value exceeded carrying value as of the date of the most recent impairment test;
- How the key assumptions were determined and the degree of uncertainty associated with the key assumptions. The discussion regarding uncertainty should provide specifics to the extent possible; and
- A description of potential events and/or changes in circumstances that could reasonably be expected to negatively affect the key assumptions.

Alternatively, if true, disclose that material goodwill does not exist at reporting units that are at risk of failing step 1 or that no reporting units are at risk.",
];

#[test]
fn vianet_comments_are_the_letters_text() {
    let letter = letter(VIANET);
    assert_eq!(letter.comments.len(), 5);
    for (i, (comment, expected)) in letter.comments.iter().zip(VIANET_COMMENTS).enumerate() {
        assert_eq!(comment.number as usize, i + 1);
        assert_eq!(comment.text, expected, "comment {}", i + 1);
    }
}

#[test]
fn vianet_page_header_inside_comment_5_is_removed() {
    let letter = letter(VIANET);
    let text = &letter.comments[4].text;
    for furniture in ["Page 3", "Terry Wang", "August 16, 2017", "21Vianet Group"] {
        assert!(!text.contains(furniture), "{furniture:?} left in comment 5");
    }
    let items: Vec<&str> = text.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(items.len(), 3);
    assert!(
        text.contains("impairment test;\n- How the key assumptions"),
        "the list is broken: {text}"
    );
}

#[test]
fn vianet_heading_paths_nest() {
    let letter = letter(VIANET);
    let first = [
        "Item 3. Key Information",
        "A. Selected Financial Data, page 3",
    ];
    let second = [
        "Item 3. Key Information",
        "Discussion of Non-GAAP Financial Measures, page 5",
    ];
    assert_eq!(headings(&letter, 1), first);
    assert_eq!(headings(&letter, 2), first);
    assert_eq!(headings(&letter, 3), second);
    assert_eq!(headings(&letter, 4), second);
    assert_eq!(
        headings(&letter, 5),
        [
            "Item 5. Operating and Financial Review and Prospects",
            "Critical Accounting Policies",
            "Goodwill, page 84"
        ]
    );
    assert_eq!(letter.heading_count(), 3);
}

#[test]
fn vianet_header_re_block_and_contacts() {
    let letter = letter(VIANET);
    assert_eq!(iso(letter.date), "2017-08-16");
    assert_eq!(letter.addressee.name, "Terry Wang");
    assert_eq!(
        letter.addressee.title.as_deref(),
        Some("Chief Financial Officer")
    );
    assert_eq!(
        letter.addressee.company.as_deref(),
        Some("21Vianet Group, Inc.")
    );
    assert_eq!(letter.addressee.address.len(), 2);
    assert_eq!(letter.salutation.as_deref(), Some("Mr. Wang"));
    assert_eq!(letter.re.company.as_deref(), Some("21Vianet Group, Inc."));
    let filing = letter.filing().unwrap();
    assert_eq!(filing.form.as_deref(), Some("20-F"));
    assert_eq!(iso(filing.fiscal_year_end.unwrap()), "2016-12-31");
    assert_eq!(iso(filing.filed.unwrap()), "2017-04-12");
    assert_eq!(letter.re.file_number.as_deref(), Some("001-35126"));
    assert_eq!(letter.contacts.len(), 1);
    assert_eq!(letter.contacts[0].name, "Mengyao Lu");
    assert_eq!(
        letter.contacts[0].title.as_deref(),
        Some("Staff Accountant")
    );
    let signatory = letter.signatory.as_ref().unwrap();
    assert_eq!(signatory.name, "Stephen Krikorian");
    assert_eq!(signatory.title.as_deref(), Some("Accounting Branch Chief"));
    assert_eq!(
        letter.office,
        ["Office of Information Technologies and Services"]
    );
    assert!(letter.unplaced.is_empty(), "{:?}", letter.unplaced);
    assert_eq!(init::default_letter_id(&letter), "2017-08-16-20f-2016");
}

/// Loads a written file with the project's loader and returns its diagnostics.
fn load<T: serde::de::DeserializeOwned>(path: &Path, kind: FileKind) -> (Option<T>, Diagnostics) {
    let file = SourceFile::new(path, fs::read_to_string(path).unwrap());
    let mut diags = Diagnostics::new();
    let loaded = load_file::<T>(&file, kind, &mut diags);
    (loaded.map(|l| l.raw), diags)
}

#[test]
fn vianet_project_loads_without_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("responses/2017-08-16-20f-2016");
    let report = init::run(&fixture(VIANET), &out, false, today()).unwrap();
    assert_eq!(
        report.to_string().lines().next().unwrap(),
        "21Vianet Group, Inc. · Form 20-F FY2016 · 5 comments · 3 headings"
    );

    let (raw, diags) = load::<RawLetter>(&out.join("letter.yaml"), FileKind::Letter);
    assert!(diags.is_empty(), "{:?}", diags.iter().collect::<Vec<_>>());
    let raw = raw.unwrap();
    assert_eq!(raw.date, "2026-11-23");
    assert_eq!(raw.staff_letter, "2017-08-16");
    assert_eq!(raw.company.name, "21Vianet Group, Inc.");
    assert_eq!(raw.filing.form, "20-F");
    assert_eq!(raw.filing.fiscal_year_end, "2016-12-31");
    assert_eq!(raw.filing.filed, "2017-04-12");
    assert_eq!(raw.filing.file_number, "001-35126");
    let names: Vec<&str> = raw.addressees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Stephen Krikorian", "Mengyao Lu"]);
    assert_eq!(raw.signatory.name, "[Signatory name]");
    let text = fs::read_to_string(out.join("letter.yaml")).unwrap();
    assert!(text.contains(
        "# The staff letter was addressed to Terry Wang, Chief Financial Officer, 21Vianet Group, Inc.\nsignatory:\n  name: \"[Signatory name]\"  # fill in\n"
    ), "{text}");

    let mut files: Vec<PathBuf> = fs::read_dir(out.join("comments"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "01-selected-financial-data.yaml",
            "02-selected-financial-data.yaml",
            "03-discussion-of-non-gaap-financial-measures.yaml",
            "04-discussion-of-non-gaap-financial-measures.yaml",
            "05-goodwill.yaml"
        ]
    );
    for (i, path) in files.iter().enumerate() {
        let (raw, diags) = load::<RawComment>(path, FileKind::Comment);
        assert!(
            diags.is_empty(),
            "{}: {:?}",
            path.display(),
            diags.iter().collect::<Vec<_>>()
        );
        let raw = raw.unwrap();
        assert_eq!(raw.number as usize, i + 1);
        assert_eq!(raw.comment.trim_end(), VIANET_COMMENTS[i]);
        assert!(raw.response.unwrap().is_empty());
    }
    let text = fs::read_to_string(&files[4]).unwrap();
    assert!(text.contains("comment: |\n  Tell us whether"), "{text}");
}

#[test]
fn run_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("letter");
    init::run(&fixture(VIANET), &out, false, today()).unwrap();
    fs::write(out.join("letter.yaml"), "edited: true\n").unwrap();
    fs::write(out.join("README.md"), "notes\n").unwrap();

    let error = init::run(&fixture(VIANET), &out, false, today()).unwrap_err();
    assert!(matches!(error, InitError::Exists { .. }));
    assert_eq!(error.exit_code(), 2);
    assert!(error.to_string().contains("--force"));
    assert_eq!(
        fs::read_to_string(out.join("letter.yaml")).unwrap(),
        "edited: true\n"
    );

    init::run(&fixture(VIANET), &out, true, today()).unwrap();
    assert!(
        fs::read_to_string(out.join("letter.yaml"))
            .unwrap()
            .contains("staff_letter: 2017-08-16")
    );
    assert_eq!(
        fs::read_to_string(out.join("README.md")).unwrap(),
        "notes\n"
    );
    assert_eq!(fs::read_dir(out.join("comments")).unwrap().count(), 5);
    let leftovers = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "staging folders left behind");
}

#[test]
fn bad_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("letter");
    let error = init::run(&fixture("review-completed.txt"), &out, false, today()).unwrap_err();
    assert_eq!(error.exit_code(), 1);
    assert!(
        error.to_string().contains("completed its review"),
        "{error}"
    );
    assert!(!out.exists());

    let pdf = dir.path().join("letter.pdf");
    fs::write(&pdf, b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n").unwrap();
    let error = init::run(&pdf, &out, false, today()).unwrap_err();
    assert_eq!(error.exit_code(), 1);
    assert!(
        error
            .to_string()
            .contains("this PDF cannot be read as a staff letter: the file is damaged"),
        "{error}"
    );

    let prose = dir.path().join("notes.txt");
    fs::write(&prose, "Shopping list\n\nmilk\n").unwrap();
    let error = init::run(&prose, &out, false, today()).unwrap_err();
    assert!(matches!(
        error,
        InitError::Input {
            error: ImportError::NotStaffLetter { .. },
            ..
        }
    ));

    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: ", prose.display())),
        "{error}"
    );
    assert!(error.to_string().contains("no letter date"), "{error}");

    let file = dir.path().join("file");
    fs::write(&file, "x").unwrap();
    let error = init::run(&fixture(VIANET), &file, true, today()).unwrap_err();
    assert_eq!(error.exit_code(), 2);
    assert!(error.to_string().contains("not a folder"), "{error}");

    let missing = init::run(&dir.path().join("none.txt"), &out, false, today()).unwrap_err();
    assert_eq!(missing.exit_code(), 2);
    assert!(!out.exists());
}

#[test]
fn review_completed_letter_has_no_comments() {
    let text = fs::read_to_string(fixture("review-completed.txt")).unwrap();
    assert_eq!(
        import::import(&text).unwrap_err(),
        ImportError::NoComments {
            review: Review::Completed,
            sentence: Some(String::from("We have completed our review of your filing.")),
        }
    );
}

#[test]
fn wrapped_and_numbered_headings() {
    let letter = letter("headings-wrapped-and-numbered.txt");
    assert_eq!(letter.comments.len(), 3);
    assert_eq!(
        headings(&letter, 1),
        [
            "Management's Discussion and Analysis of Financial Condition and Results of Operations and Quantitative and Qualitative Disclosures About Market Risk",
            "Liquidity and Capital Resources, page 41"
        ]
    );
    assert_eq!(
        headings(&letter, 2),
        [
            "Notes to Consolidated Financial Statements",
            "1. Summary of Significant Accounting Policies",
            "Revenue Recognition for Multiple-Element Arrangements and Customer Loyalty Programs, page F-9"
        ]
    );
    assert_eq!(
        headings(&letter, 3),
        [
            "Notes to Consolidated Financial Statements",
            "4. Income Taxes, page F-22"
        ]
    );
    assert_eq!(
        letter.comments[0].text,
        "Please tell us, and disclose in future filings:\n\n1. the amount of cash held by foreign subsidiaries;\n2. whether you intend to repatriate those amounts; and\n3. the tax consequences of repatriation."
    );
    assert_eq!(
        letter.comments[1].text,
        "We note that you recognize revenue from loyalty programs when points are redeemed. Please tell us how you estimate breakage and the climate-related factors you consider, if any."
    );
    assert!(
        letter.comments[2]
            .text
            .starts_with("Tell us why the valuation")
    );
    assert_eq!(
        letter.addressee.title.as_deref(),
        Some("Executive Vice President and Chief Financial Officer")
    );
    assert_eq!(letter.contacts[0].name, "Ana Ortiz");
    assert_eq!(letter.contacts[0].salutation.as_deref(), Some("Ms. Ortiz"));
    assert_eq!(letter.contacts[1].name, "Paul Chen");
    assert_eq!(
        letter.contacts[1].title.as_deref(),
        Some("Senior Staff Accountant")
    );
    assert_eq!(letter.signatory.as_ref().unwrap().name, "Robert Klein");
}

#[test]
fn page_headers_are_removed_even_mid_sentence() {
    let letter = letter("page-headers.txt");
    assert_eq!(letter.comments.len(), 3);
    let texts: Vec<&str> = letter.comments.iter().map(|c| c.text.as_str()).collect();
    // Four-line header (name / company / date / Page 2) between paragraphs of a sentence.
    assert_eq!(
        texts[0],
        "You disclose that gross margin declined because of lower factory utilization and higher warranty costs. Please quantify the effect of each factor and tell us whether you expect these trends to continue. Refer to Item 303(a)(3)(ii) of Regulation S-K."
    );
    // Two-line header (date / Page 3) inside a paragraph, then a bare page number.
    assert_eq!(
        texts[1],
        "Please expand your discussion of the inventory write-down of $8.1 million to explain the events that led to it, the products affected and the amounts you expect to recover through sales of the written-down inventory."
    );
    // Template header ("FirstName LastName…", "Comapany Name…") mid-sentence.
    assert_eq!(
        texts[2],
        "Please provide the tabular reconciliation of changes in your aggregate product warranty liability required by ASC 460-10-50-8(c). In doing so, show separately the warranties issued during the period and the changes in the liability for pre-existing warranties."
    );
    assert_eq!(
        headings(&letter, 1),
        [
            "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations",
            "Results of Operations, page 32"
        ]
    );
    assert_eq!(
        headings(&letter, 3),
        [
            "Item 8. Financial Statements and Supplementary Data",
            "Note 6. Warranty Obligations, page 61"
        ]
    );
    assert!(letter.unplaced.is_empty(), "{:?}", letter.unplaced);
}

#[test]
fn every_bullet_style_becomes_a_markdown_list() {
    let letter = letter("bullet-styles.txt");
    assert_eq!(letter.comments.len(), 8);
    let lists: Vec<Vec<&str>> = letter
        .comments
        .iter()
        .map(|c| c.text.split("\n\n").nth(1).unwrap().lines().collect())
        .collect();
    assert_eq!(
        lists[0],
        [
            "- the changes that occurred during the year;",
            "- the investments and progress made to convert them; and",
            "- the reasons any remained undeveloped for five years or more."
        ]
    );
    assert_eq!(lists[1].len(), 3, "private-use bullets: {:?}", lists[1]);
    assert_eq!(
        lists[1][0],
        "- the principal sources of the products to be delivered;"
    );
    assert_eq!(
        lists[2][2],
        "- explain why the measure is useful to investors."
    );
    assert_eq!(
        lists[3],
        [
            "- Maintenance capital expenditures are presented net of reimbursements from customers. Tell us why.",
            "- Proceeds from asset sales are added back. Tell us why this is appropriate."
        ]
    );
    assert_eq!(
        lists[4][0],
        "- a) take-or-pay contracts with minimum volume commitments;"
    );
    assert_eq!(lists[4][2], "- c) percent-of-proceeds arrangements.");
    assert_eq!(lists[5][1], "- (2) revenue by geographic area; and");
    assert_eq!(
        lists[6][1],
        "- (ii) the expiry of your primary gathering contract."
    );
    assert_eq!(
        lists[7],
        [
            "- the contracted volumes:",
            "  - by customer; and",
            "  - by contract term;",
            "- the throughput for 2021."
        ]
    );
    assert_eq!(
        headings(&letter, 5),
        [
            "Form 10-K for the Fiscal Year Ended December 31, 2021",
            "Financial Statements",
            "Note 4 - Revenue, page F-15"
        ]
    );
}

#[test]
fn re_block_with_two_filings() {
    let letter = letter("re-two-filings.txt");
    let forms: Vec<Option<&str>> = letter
        .re
        .filings
        .iter()
        .map(|f| f.form.as_deref())
        .collect();
    assert_eq!(forms, [Some("10-K"), Some("10-Q")]);
    assert_eq!(iso(letter.re.filings[0].filed.unwrap()), "2022-03-01");
    assert_eq!(iso(letter.re.filings[1].filed.unwrap()), "2022-08-05");
    assert_eq!(letter.re.file_number.as_deref(), Some("001-40000"));
    assert_eq!(letter.comments.len(), 2);
    assert_eq!(
        headings(&letter, 2),
        [
            "Form 10-Q for the Quarterly Period Ended June 30, 2022",
            "Note 3. Inventories, page 9"
        ]
    );
    let files = import::scaffold::scaffold(&letter, today(), "re-two-filings.txt");
    assert!(files[0].text.contains(
        "# The staff letter also concerns: Form 10-Q for the Quarterly Period Ended June 30, 2022"
    ));
    assert!(files[0].text.contains("filed: 2022-03-01"));
}

#[test]
fn re_block_with_response_dated_line() {
    let letter = letter("re-response-dated.txt");
    assert_eq!(iso(letter.re.response_dated.unwrap()), "2023-06-30");
    // A company name the letter template left in the Re: block is reported, and
    // the addressee's company is taken.
    assert_eq!(
        letter.re.company.as_deref(),
        Some("Contoso Technology Ltd.")
    );
    assert_eq!(letter.unplaced.len(), 1);
    assert_eq!(letter.unplaced[0].number, 11);
    assert_eq!(letter.unplaced[0].text, "Fourth Coffee Holdings Corp.");
    let filing = letter.filing().unwrap();
    assert_eq!(filing.form.as_deref(), Some("20-F"));
    assert!(filing.filed.is_none());
    assert_eq!(letter.comments.len(), 1);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p");
    let report = init::run(&fixture("re-response-dated.txt"), &out, false, today()).unwrap();
    let shown = report.to_string();
    assert!(
        shown.starts_with("Contoso Technology Ltd. · Form 20-F FY2022 · 1 comment · 1 heading\n"),
        "{shown}"
    );
    assert!(
        shown.ends_with("\ncould not place line 11: Fourth Coffee Holdings Corp."),
        "{shown}"
    );
    let text = fs::read_to_string(out.join("letter.yaml")).unwrap();
    assert!(
        text.contains("filed: \"[YYYY-MM-DD]\"  # fill in: the staff letter does not say"),
        "{text}"
    );
    assert!(text.contains("follows up on the response dated June 30, 2023"));
    let (raw, diags) = load::<RawLetter>(&out.join("letter.yaml"), FileKind::Letter);
    assert!(diags.is_empty());
    assert_eq!(raw.unwrap().addressees.len(), 2);
}

#[test]
fn edgar_html_letter() {
    let letter = letter("edgar-letter.htm");
    assert_eq!(iso(letter.date), "2012-03-05");
    assert_eq!(letter.addressee.name, "Henrik Larsen");
    assert_eq!(letter.re.company.as_deref(), Some("Tailspin Toys A/S"));
    assert_eq!(
        iso(letter.filing().unwrap().fiscal_year_end.unwrap()),
        "2010-12-31"
    );
    assert_eq!(letter.comments.len(), 2);
    assert_eq!(
        letter.comments[0].text,
        "We note that you fund operations through your parent’s cash pool. Please disclose:\n\n- the terms of the cash pool arrangement;\n- the amounts you deposited and borrowed at year end; and\n- how you classify these balances in your statement of cash flows."
    );
    assert_eq!(
        headings(&letter, 1),
        [
            "Item 5. Operating and Financial Review and Prospects",
            "Liquidity and Capital Resources, page 44"
        ]
    );
    assert_eq!(
        headings(&letter, 2),
        ["Note 12 – Research & Development Costs, page F-30"]
    );
    assert_eq!(
        letter.comments[1].text,
        "Please tell us how you determined that development costs did not meet the capitalization criteria in paragraph 57 of IAS 38 “Intangible Assets.”"
    );
    let source = fs::read_to_string(fixture("edgar-letter.htm")).unwrap();
    let line = source
        .lines()
        .position(|l| l.starts_with("<p>1. We note"))
        .unwrap();
    assert_eq!(
        letter.comments[0].line,
        line + 1,
        "lines count in the HTML source"
    );
    assert_eq!(letter.contacts[0].name, "Kevin Doyle");
    assert_eq!(letter.signatory.as_ref().unwrap().name, "Anne Meyer");
}

/// The whole project each fixture scaffolds, as one text (re-bless with
/// `INSTA_UPDATE=always cargo test --test init`).
#[test]
fn scaffolded_projects_match_snapshots() {
    for name in [
        VIANET,
        "headings-wrapped-and-numbered.txt",
        "page-headers.txt",
        "bullet-styles.txt",
        "re-two-filings.txt",
        "re-response-dated.txt",
        "edgar-letter.htm",
    ] {
        let files = import::scaffold::scaffold(&letter(name), today(), name);
        let shown: String = files
            .iter()
            .map(|f| format!("==> {} <==\n{}", f.path, f.text))
            .collect::<Vec<_>>()
            .join("\n");
        let stem = name.split('.').next().unwrap_or(name);
        insta::assert_snapshot!(stem, shown);
    }
}

/// Words of a text, whitespace, Markdown list markers and quote shapes aside
/// (the renderer's smart punctuation curls straight quotes).
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| *w != "-")
        .map(|w| w.replace(['“', '”'], "\"").replace(['‘', '’'], "'"))
        .collect()
}

#[test]
fn comments_are_clean_markdown_that_reads_as_the_letter() {
    for name in [
        VIANET,
        "headings-wrapped-and-numbered.txt",
        "page-headers.txt",
        "bullet-styles.txt",
        "re-two-filings.txt",
        "re-response-dated.txt",
        "edgar-letter.htm",
    ] {
        for comment in letter(name).comments {
            let (doc, issues) = respond::markdown::parse(&comment.text);
            assert!(issues.is_empty(), "{name} {}: {issues:?}", comment.number);
            assert!(!doc.blocks.is_empty());
        }
    }
    let letter = letter(VIANET);
    for (comment, expected) in letter.comments.iter().zip(VIANET_COMMENTS) {
        let (doc, _) = respond::markdown::parse(&comment.text);
        assert_eq!(words(&doc.plain_text()), words(expected));
    }
    let (doc, _) = respond::markdown::parse(&letter.comments[4].text);
    let lists: Vec<usize> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            respond::markdown::Block::List { items, .. } => Some(items.len()),
            _ => None,
        })
        .collect();
    assert_eq!(lists, [3], "comment 5 has one list of three items");
}

/// A staff letter with `count` numbered comments, each naming its own number.
fn letter_with_comments(count: usize) -> String {
    let mut text = String::from(
        "August 16, 2017\n\nTerry Wang\nChief Financial Officer\n21Vianet Group, Inc.\n\nRe: 21Vianet Group, Inc.\nForm 20-F for the Fiscal Year Ended December 31, 2016\nFiled April 12, 2017\nFile No. 001-35126\n\nDear Mr. Wang:\n\nWe have reviewed your filing.\n\n",
    );
    for n in 1..=count {
        text.push_str(&format!(
            "{n}. Please tell us how you account for arrangement {n}.\n\n"
        ));
    }
    text.push_str("You may contact Mengyao Lu, Staff Accountant, at (202) 551-7271.\n\nSincerely,\n\nStephen Krikorian\nAccounting Branch Chief\n");
    text
}

#[test]
fn comments_numbered_past_99_each_get_their_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("letter.txt");
    fs::write(&input, letter_with_comments(120)).unwrap();
    let out = dir.path().join("project");
    let report = init::run(&input, &out, false, today()).unwrap();
    assert_eq!(report.comments, 120);
    let mut names: Vec<String> = fs::read_dir(out.join("comments"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 120);
    // Padded to three digits, the files list in comment order.
    assert!(names[0].starts_with("001-"), "{}", names[0]);
    assert!(names[99].starts_with("100-"), "{}", names[99]);
    for (i, name) in names.iter().enumerate() {
        let (raw, diags) = load::<RawComment>(&out.join("comments").join(name), FileKind::Comment);
        assert!(diags.is_empty(), "{name}");
        let raw = raw.unwrap();
        assert_eq!(raw.number as usize, i + 1);
        assert_eq!(
            raw.comment.trim_end(),
            format!("Please tell us how you account for arrangement {}.", i + 1)
        );
    }
}

/// The PDF fixtures and the letters they are drawn from (`tests/init/letters.rs`).
fn pdf_fixtures() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("features", letters::features()),
        (
            "review-completed",
            letters::without_comments(&[
                "We have completed our review of your filing. We remind you that the company and its",
                "management are responsible for the accuracy and adequacy of their disclosures.",
            ]),
        ),
        (
            "not-reviewed",
            letters::without_comments(&[
                "This is to advise you that we have not reviewed and will not review your registration",
                "statement.",
            ]),
        ),
        (
            "no-further-comments",
            letters::without_comments(&[
                "We have reviewed your response dated March 1, 2023 and have no further comments",
                "at this time.",
            ]),
        ),
        ("many-comments", letters::many_comments(120)),
    ]
}

/// The committed PDF fixtures are what the generator draws (re-bless with
/// `UPDATE_FIXTURES=1 cargo test --test init`), so the benchmark and the
/// text fixtures made from them stay in step with the tests.
#[test]
fn pdf_fixtures_are_current() {
    let dir = fixture("pdf");
    for (name, bytes) in pdf_fixtures() {
        let path = dir.join(format!("{name}.pdf"));
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            fs::create_dir_all(&dir).unwrap();
            fs::write(&path, &bytes).unwrap();
        }
        let committed = fs::read(&path).unwrap_or_default();
        assert!(
            committed == bytes,
            "{} is stale: run UPDATE_FIXTURES=1 cargo test --test init",
            path.display()
        );
    }
}

/// A PDF fixture read as `init` reads it.
fn pdf_letter(name: &str) -> Result<StaffLetter, ImportError> {
    import::import_file(&fs::read(fixture(&format!("pdf/{name}.pdf"))).unwrap())
}

#[test]
fn pdf_comments_come_verbatim_with_their_heading_paths() {
    let letter = pdf_letter("features").unwrap();
    assert_eq!(letter.comments.len(), 4);
    let mdna = [
        "Form 10-K for the Fiscal Year Ended December 31, 2022",
        "Management’s Discussion and Analysis of Financial Condition and Results of Operations",
    ];
    // A heading that wraps is one heading; the comment number, drawn after its
    // paragraph, still starts it.
    assert_eq!(
        headings(&letter, 1),
        [mdna[0], mdna[1], "Results of Operations, page 39"]
    );
    assert_eq!(
        letter.comments[0].text,
        "We note that your climate-related risks are discussed in the 8th section of your filing under Contoso Energy™ and that the amounts disclosed¹ there differ. Please revise your disclosure to explain the difference.\n\nPlease also tell us how you will revise future filings."
    );
    assert_eq!(
        headings(&letter, 2),
        [mdna[0], mdna[1], "Non-GAAP Financial Measures, page 44"]
    );
    let second = &letter.comments[1].text;
    assert!(
        second.starts_with("We note that you describe “Adjusted EBITDA” as a measure of the Company’s performance. Please address the following:\n\n- Tell us why the measure excludes maintenance costs; and\n- Explain how the measure is used.\n\n"),
        "{second}"
    );
    // The paragraph a page break cut (running header and white template text
    // between its halves) is one paragraph again.
    assert!(
        second.ends_with("tell us how you considered Question 100.01 of the Non-GAAP Compliance and Disclosure Interpretations in presenting the measure with equal or greater prominence."),
        "{second}"
    );
    // A numbered heading is a heading, not comment 6.
    assert_eq!(
        headings(&letter, 3),
        [
            mdna[0],
            "Notes to Consolidated Financial Statements",
            "6. Impairment of Long-Lived Assets, page F-97"
        ]
    );
    // A ligature, words set apart by TJ offsets, text in a form XObject.
    assert_eq!(
        letter.comments[2].text,
        "Tell us how you determined that the significant decline in throughput did not indicate that the carrying amount of the Gulf Coast assets may not be recoverable. Refer to ASC 360-10-35-21."
    );
    // A heading drawn twice (fake bold) reads once.
    assert_eq!(headings(&letter, 4), [mdna[0], "Exhibit 99.1"]);
    assert_eq!(
        letter.comments[3].text,
        "Please file the consent of the expert named in the exhibit."
    );
}

#[test]
fn pdf_header_contacts_and_no_furniture() {
    let letter = pdf_letter("features").unwrap();
    assert_eq!(iso(letter.date), "2023-03-28");
    assert_eq!(letter.addressee.name, "David Michels");
    assert_eq!(
        letter.re.company.as_deref(),
        Some("Contoso Pipelines, Inc.")
    );
    let filing = letter.filing().unwrap();
    assert_eq!(filing.form.as_deref(), Some("10-K"));
    assert_eq!(iso(filing.filed.unwrap()), "2023-02-08");
    assert_eq!(letter.re.file_number.as_deref(), Some("001-35081"));
    assert_eq!(letter.contacts[0].name, "Jane Roe");
    assert!(letter.unplaced.is_empty(), "{:?}", letter.unplaced);
    let all: String = letter.comments.iter().map(|c| c.text.clone()).collect();
    for furniture in [
        "FirstName",
        "Comapany",
        "Page 2",
        "logo",
        "March 28",
        "\u{f0b7}",
    ] {
        assert!(!all.contains(furniture), "{furniture:?} in the comments");
    }
}

#[test]
fn pdf_letters_without_comments_say_why() {
    let cases = [
        (
            "review-completed",
            Review::Completed,
            "We have completed our review of your filing.",
        ),
        (
            "not-reviewed",
            Review::NotReviewed,
            "This is to advise you that we have not reviewed and will not review your registration statement.",
        ),
        (
            "no-further-comments",
            Review::NoFurtherComments,
            "We have reviewed your response dated March 1, 2023 and have no further comments at this time.",
        ),
    ];
    for (name, review, sentence) in cases {
        let error = pdf_letter(name).unwrap_err();
        assert_eq!(
            error,
            ImportError::NoComments {
                review: review.clone(),
                sentence: Some(sentence.to_owned())
            },
            "{name}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p");
    let error = init::run(&fixture("pdf/not-reviewed.pdf"), &out, false, today()).unwrap_err();
    assert_eq!(error.exit_code(), 1);
    assert!(
        error.to_string().contains("the staff has not reviewed and will not review the filing: this letter has no comments to answer"),
        "{error}"
    );
    assert!(!out.exists());
}

#[test]
fn pdf_with_120_comments_keeps_them_all() {
    let letter = pdf_letter("many-comments").unwrap();
    assert_eq!(letter.comments.len(), 120);
    for (i, comment) in letter.comments.iter().enumerate() {
        assert_eq!(comment.number as usize, i + 1);
        assert_eq!(
            comment.text,
            format!("Please tell us how you account for arrangement {}.", i + 1)
        );
    }
}

#[test]
fn pdf_that_is_damaged_or_has_no_text_is_an_input_error() {
    let mut bytes = fs::read(fixture("pdf/features.pdf")).unwrap();
    bytes.truncate(bytes.len() / 3);
    let error = import::import_file(&bytes).unwrap_err();
    assert!(
        matches!(error, ImportError::UnreadablePdf { .. }),
        "{error}"
    );
    let blank = pdf_letter::LetterPdf::new(pdf_letter::PageStyle::default()).finish();
    let error = import::import_file(&blank).unwrap_err();
    assert!(error.to_string().contains("no text layer"), "{error}");
}

/// The features letter as pdftotext writes it in each mode (made from
/// `pdf/features.pdf` with `pdftotext`, `-layout` and `-raw`) and as EDGAR's
/// full-text `.txt` wraps it.
const TEXT_MODES: [&str; 4] = ["default", "layout", "raw", "edgar"];

/// What pdftotext loses that the PDF reader keeps: superscripts come as
/// plain text ("EnergyTM", "disclosed1").
fn as_pdftotext_writes(text: &str) -> String {
    text.replace('™', "TM").replace('¹', "1")
}

#[test]
fn every_pdftotext_mode_gives_the_pdfs_comments() {
    let from_pdf = pdf_letter("features").unwrap();
    for mode in TEXT_MODES {
        let name = format!("text/features.{mode}.txt");
        let letter = letter(&name);
        assert_eq!(letter.comments.len(), 4, "{mode}");
        assert_eq!(letter.re, from_pdf.re, "{mode}");
        assert_eq!(letter.addressee, from_pdf.addressee, "{mode}");
        assert_eq!(letter.contacts, from_pdf.contacts, "{mode}");
        for (text, pdf) in letter.comments.iter().zip(&from_pdf.comments) {
            assert_eq!(text.headings, pdf.headings, "{mode} comment {}", pdf.number);
            if pdf.number == 1 && mode == "default" {
                // The default mode joins a hyphenated line end ("climaterelated")
                // and the paragraph after a full last line.
                assert!(
                    text.text
                        .starts_with("We note that your climaterelated risks"),
                    "{}",
                    text.text
                );
                continue;
            }
            assert_eq!(
                text.text,
                as_pdftotext_writes(&pdf.text),
                "{mode} comment {}",
                pdf.number
            );
        }
    }
}

/// The project the features PDF scaffolds, as one text (re-bless with
/// `INSTA_UPDATE=always cargo test --test init`).
#[test]
fn pdf_project_matches_snapshot() {
    let letter = pdf_letter("features").unwrap();
    let files = import::scaffold::scaffold(&letter, today(), "features.pdf");
    let shown: String = files
        .iter()
        .map(|f| format!("==> {} <==\n{}", f.path, f.text))
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("pdf-features", shown);
}
