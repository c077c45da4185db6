//! The top of a staff letter: letterhead (ignored), date, addressee block,
//! Re: block and salutation. The body starts after the salutation.

use time::Date;

use super::dates::{find_date, whole_date};
use super::furniture::Hints;
use super::{Addressee, FilingRef, ImportError, Line, ReBlock};

/// What the header holds, and where the body starts.
#[derive(Debug, Clone)]
pub struct Header {
    /// The letter's date.
    pub date: Date,
    /// The company officer written to.
    pub addressee: Addressee,
    /// The Re: block.
    pub re: ReBlock,
    /// The salutation's name, e.g. "Mr. Wang".
    pub salutation: Option<String>,
    /// Index (into the lines) of the first line after the salutation.
    pub body_start: usize,
    /// Lines of the header that fit nowhere (e.g. a stray company name in the Re: block).
    pub unplaced: Vec<Line>,
}

impl Header {
    /// What running page headers repeat: the addressee, the company, the date.
    pub fn furniture_hints(&self) -> Hints {
        let mut names = vec![self.addressee.name.clone()];
        names.extend(self.addressee.company.clone());
        names.extend(self.re.company.clone());
        Hints {
            names,
            date: self.date,
            page_starts: Vec::new(),
        }
    }
}

/// Delivery lines that may sit between the date and the addressee.
const DELIVERY: [&str; 6] = [
    "via e-mail",
    "via email",
    "by e-mail",
    "via facsimile",
    "via edgar",
    "via u.s. mail",
];

/// Parses the header of a staff letter.
pub fn parse(lines: &[Line]) -> Result<Header, ImportError> {
    let not_letter = |missing: &str, line: Option<usize>| ImportError::NotStaffLetter {
        missing: missing.to_owned(),
        line,
    };
    let date_at = lines
        .iter()
        .take(80)
        .position(|l| whole_date(&plain(&l.text)).is_some())
        .ok_or_else(|| {
            not_letter(
                "no letter date (a line such as \"August 16, 2017\") near the top",
                None,
            )
        })?;
    let date = whole_date(&plain(&lines[date_at].text)).unwrap_or(Date::MIN);
    let re_at = lines[date_at..]
        .iter()
        .take(60)
        .position(|l| re_text(&l.text).is_some())
        .map(|i| i + date_at)
        .ok_or_else(|| match order_title(lines) {
            Some(title) => not_letter(
                &format!("it is a Commission order (\"{title}\"), which has no comments to answer"),
                None,
            ),
            None => not_letter(
                "no \"Re:\" block naming the company and the filing",
                Some(lines[date_at].number),
            ),
        })?;

    let addressee_lines: Vec<String> = lines[date_at + 1..re_at]
        .iter()
        .map(|l| plain(&l.text))
        .filter(|t| !t.is_empty() && !DELIVERY.contains(&t.to_lowercase().as_str()))
        .collect();
    let mut re_lines = vec![lines[re_at].clone()];
    re_lines[0].text = re_text(&lines[re_at].text).unwrap_or_default();
    let mut next = re_at + 1;
    if re_lines[0].text.is_empty() {
        // "Re:" alone, its block after a blank line (pdftotext's default mode).
        while lines.get(next).is_some_and(|l| plain(&l.text).is_empty()) {
            next += 1;
        }
        if let Some(line) = lines.get(next) {
            re_lines[0] = Line {
                number: line.number,
                text: plain(&line.text),
            };
            next += 1;
        }
    }
    while let Some(line) = lines.get(next) {
        let text = plain(&line.text);
        if is_salutation(&text) {
            break;
        }
        if text.is_empty() {
            // HTML letters may set each Re: line as its own paragraph.
            let following = lines[next..]
                .iter()
                .map(|l| plain(&l.text))
                .find(|t| !t.is_empty());
            if following.is_some_and(|t| continues_re(&t)) {
                next += 1;
                continue;
            }
            break;
        }
        re_lines.push(Line {
            number: line.number,
            text,
        });
        next += 1;
    }
    let mut unplaced = Vec::new();
    let mut addressee = parse_addressee(&addressee_lines, &re_lines);
    let re = parse_re(&re_lines, addressee.company.as_deref(), &mut unplaced);
    if addressee.company.is_none() {
        addressee.company = re.company.clone();
    }

    let (salutation, body_start) = match lines[next..]
        .iter()
        .take(10)
        .position(|l| is_salutation(&plain(&l.text)))
    {
        Some(i) => {
            let text = plain(&lines[next + i].text);
            let name = text.strip_prefix("Dear ").unwrap_or(&text);
            let name = name.trim_end_matches([':', ',']).trim();
            (Some(name.to_owned()), next + i + 1)
        }
        None => (None, next),
    };
    Ok(Header {
        date,
        addressee,
        re,
        salutation,
        body_start,
        unplaced,
    })
}

/// The title of a Commission order ("ORDER DECLARING REGISTRATION EFFECTIVE
/// …"), which EDGAR files among staff letters, when the text is one.
fn order_title(lines: &[Line]) -> Option<String> {
    let at = lines
        .iter()
        .take(60)
        .position(|l| plain(&l.text).starts_with("ORDER "))?;
    let title: Vec<String> = lines[at..]
        .iter()
        .take(4)
        .map(|l| plain(&l.text))
        .take_while(|t| !t.is_empty() && !t.chars().any(char::is_lowercase))
        .collect();
    Some(title.join(" "))
}

/// "Dear Mr. Wang:", "Ladies and Gentlemen:".
fn is_salutation(text: &str) -> bool {
    text.starts_with("Dear ")
        || ["Ladies and Gentlemen", "Gentlemen", "Sir or Madam"]
            .iter()
            .any(|s| text.trim_end_matches([':', ',']) == *s)
}

/// A header line without the bold markers some conversions leave (`**Re: …**`).
fn plain(text: &str) -> String {
    text.trim().trim_matches('*').trim().to_owned()
}

/// The text after "Re:" when the line opens the Re: block.
fn re_text(text: &str) -> Option<String> {
    let text = plain(text);
    let rest = text
        .strip_prefix("Re:")
        .or_else(|| text.strip_prefix("RE:"))
        .or_else(|| text.strip_prefix("Re :"))?;
    Some(rest.trim().to_owned())
}

/// Legal-form endings that mark the company line of an address block.
const COMPANY_ENDINGS: [&str; 31] = [
    "a/s",
    "asa",
    "ab",
    "gmbh",
    "b.v.",
    "s.p.a.",
    "oyj",
    "inc.",
    "inc",
    "corporation",
    "corp.",
    "corp",
    "ltd.",
    "ltd",
    "limited",
    "company",
    "co.",
    "llc",
    "l.l.c.",
    "l.p.",
    "lp",
    "plc",
    "n.v.",
    "s.a.",
    "ag",
    "se",
    "group",
    "holdings",
    "trust",
    "bancorp",
    "incorporated",
];

/// Whether a line names a company by its legal form.
fn looks_like_company(text: &str) -> bool {
    let lower = text.to_lowercase();
    let last = lower.rsplit([' ', ',']).next().unwrap_or("");
    COMPANY_ENDINGS.contains(&last)
}

/// Name, title lines, company line (named in the Re: block or by its legal
/// form), address lines.
fn parse_addressee(lines: &[String], re_lines: &[Line]) -> Addressee {
    let Some(first) = lines.first() else {
        return Addressee::default();
    };
    let name = strip_courtesy(first);
    let in_re = |l: &str| re_lines.iter().any(|r| normalize(&r.text) == normalize(l));
    let company_at = lines
        .iter()
        .skip(1)
        .position(|l| in_re(l))
        .or_else(|| lines.iter().skip(1).position(|l| looks_like_company(l)))
        .map(|i| i + 1);
    let title_end = company_at.unwrap_or(lines.len().min(2));
    let title = join_wrapped(&lines[1..title_end]);
    let address_start = company_at.map_or(title_end, |i| i + 1);
    Addressee {
        name,
        title: (!title.is_empty()).then_some(title),
        company: company_at.map(|i| lines[i].clone()),
        address: lines[address_start..].to_vec(),
    }
}

/// Joins lines that wrap one phrase ("Executive Vice President and" / "Chief
/// Financial Officer"); separate phrases are joined with a comma.
pub fn join_wrapped(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        let wraps = ["and", "of", "&", "for", "the"]
            .iter()
            .any(|w| out.ends_with(&format!(" {w}")))
            || out.ends_with(',')
            || line.starts_with(|c: char| c.is_lowercase());
        out.push_str(if wraps { " " } else { ", " });
        out.push_str(line);
    }
    out
}

/// A name without "Mr.", "Ms.", "Mrs.", "Dr.".
pub fn strip_courtesy(name: &str) -> String {
    let name = name.trim();
    for prefix in ["Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Miss "] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest.trim().to_owned();
        }
    }
    name.to_owned()
}

/// The Re: block's lines → company, filings, response date and file number.
fn parse_re(lines: &[Line], addressee_company: Option<&str>, unplaced: &mut Vec<Line>) -> ReBlock {
    let mut re = ReBlock::default();
    let mut companies: Vec<&Line> = Vec::new();
    for line in lines {
        let text = line.text.as_str();
        let lower = text.to_lowercase();
        if let Some(number) = file_number(text) {
            re.file_number = Some(number);
        } else if lower.starts_with("response dated")
            || lower.starts_with("response letter dated")
            || lower.starts_with("correspondence dated")
        {
            re.response_dated = find_date(text).map(|(d, _)| d);
        } else if ["filed ", "furnished ", "submitted "]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            match re.filings.last_mut() {
                Some(filing) if filing.filed.is_none() => {
                    filing.filed = find_date(text).map(|(d, _)| d);
                }
                _ => unplaced.push(line.clone()),
            }
        } else if is_filing(text) {
            re.filings.push(parse_filing(text));
        } else {
            companies.push(line);
        }
    }
    let same = |a: &str, b: &str| normalize(a) == normalize(b);
    let chosen = addressee_company
        .and_then(|ac| companies.iter().position(|l| same(&l.text, ac)))
        .unwrap_or(0);
    for (i, line) in companies.iter().enumerate() {
        if i == chosen {
            re.company = Some(line.text.clone());
        } else {
            unplaced.push((*line).clone());
        }
    }
    re
}

/// Lower-case letters and digits only, for comparing names.
fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a line after a blank line still belongs to the Re: block.
fn continues_re(text: &str) -> bool {
    let lower = text.to_lowercase();
    file_number(text).is_some()
        || is_filing(text)
        || [
            "filed ",
            "furnished ",
            "submitted ",
            "response dated",
            "response letter dated",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// "File No. 001-35126" → "001-35126".
fn file_number(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    [
        "file nos.",
        "file no.",
        "file nos:",
        "file no:",
        "file number",
        "file no",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))
    .map(|p| {
        text[p.len()..]
            .trim_start_matches([':', ' '])
            .trim()
            .to_owned()
    })
}

/// Whether a Re: line names a filing.
fn is_filing(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.starts_with("form ")
        || lower.contains(" form ")
        || [
            "amendment no",
            "registration statement",
            "schedule ",
            "annual report",
            "draft registration",
            "preliminary proxy",
            "definitive proxy",
            "offering statement",
            "post-effective amendment",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// One filing line: its form, fiscal year end and filing date where written.
fn parse_filing(text: &str) -> FilingRef {
    let form = text
        .find("Form ")
        .map(|i| {
            text[i + 5..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/'))
                .collect::<String>()
        })
        .filter(|f| !f.is_empty());
    let lower = text.to_lowercase();
    let date_after = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| lower.find(k).map(|i| i + k.len()))
            .and_then(|i| find_date(&text[i..]).map(|(d, _)| d))
    };
    FilingRef {
        description: text.to_owned(),
        form,
        fiscal_year_end: date_after(&["year ended", "period ended", "year end"]),
        filed: date_after(&["filed", "furnished", "submitted"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{dates::iso, text_lines};

    #[test]
    fn reads_addressee_re_block_and_salutation() {
        let text = "Mail Stop 3561\n\nJuly 8, 2016\n\nM. Brett Biggs\nExecutive Vice President and\nChief Financial Officer\nWal-Mart Stores, Inc.\n702 S.W. 8th Street\nBentonville, Arkansas 72716\n\nRe: Wal-Mart Stores, Inc.\nForm 10-K for the Fiscal Year Ended January 31, 2016\nFiled March 30, 2016\nFile No. 1-6991\n\nDear Mr. Biggs:\n\nWe have reviewed";
        let lines = text_lines(text);
        let header = parse(&lines).unwrap();
        assert_eq!(iso(header.date), "2016-07-08");
        assert_eq!(header.addressee.name, "M. Brett Biggs");
        assert_eq!(
            header.addressee.title.as_deref(),
            Some("Executive Vice President and Chief Financial Officer")
        );
        assert_eq!(
            header.addressee.company.as_deref(),
            Some("Wal-Mart Stores, Inc.")
        );
        assert_eq!(header.addressee.address.len(), 2);
        assert_eq!(header.re.company.as_deref(), Some("Wal-Mart Stores, Inc."));
        let filing = &header.re.filings[0];
        assert_eq!(filing.form.as_deref(), Some("10-K"));
        assert_eq!(iso(filing.fiscal_year_end.unwrap()), "2016-01-31");
        assert_eq!(iso(filing.filed.unwrap()), "2016-03-30");
        assert_eq!(header.re.file_number.as_deref(), Some("1-6991"));
        assert_eq!(header.salutation.as_deref(), Some("Mr. Biggs"));
        assert_eq!(lines[header.body_start].text, "");
    }

    #[test]
    fn a_text_without_re_block_is_not_a_staff_letter() {
        let lines = text_lines("August 16, 2017\n\nDear friend,\n\nHello.");
        assert!(matches!(
            parse(&lines),
            Err(ImportError::NotStaffLetter { .. })
        ));
    }
}
