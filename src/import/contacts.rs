//! The closing of a staff letter: the contacts named before the sign-off ("You may
//! contact Mengyao Lu, Staff Accountant, at (202) 551-7271 … or me at …"), the
//! signatory under it and the office lines.
//!
//! A contact is the name (and the title after its comma) that precedes a phone
//! number; "me" is the signatory. Staff letters never show the staff's own
//! courtesy titles, so a salutation ("Ms. Lu") is only recorded when the text
//! writes one.

use super::StaffMember;
use super::furniture::BodyLine;
use super::header::strip_courtesy;
use super::paragraphs::join_lines;

/// What the closing holds.
#[derive(Debug, Clone, Default)]
pub struct Closing {
    /// Index of the sign-off line ("Sincerely,"): the comments end before it.
    pub start: usize,
    /// The contacts, in order of mention, the signatory ("me") excluded.
    pub contacts: Vec<StaffMember>,
    /// Who signed, when a person did.
    pub signatory: Option<StaffMember>,
    /// Office lines under the signature, e.g. "Office of Manufacturing".
    pub office: Vec<String>,
}

/// Sign-off lines.
const SIGN_OFFS: [&str; 6] = [
    "sincerely,",
    "sincerely",
    "very truly yours,",
    "regards,",
    "best regards,",
    "respectfully,",
];

/// Reads the closing of a letter body.
pub fn parse(body: &[BodyLine]) -> Closing {
    let start = body
        .iter()
        .rposition(|l| SIGN_OFFS.contains(&l.text.to_lowercase().as_str()))
        .unwrap_or(body.len());
    let text = contact_text(&body[..start]);
    let contacts = contacts(&text);
    let (mut signatory, office) = signature(body.get(start + 1..).unwrap_or_default());
    if let Some(person) = signatory.as_mut()
        && let Some(named) = contacts.iter().find(|c| c.name == person.name)
    {
        person.title = person.title.take().or_else(|| named.title.clone());
    }
    let contacts = contacts
        .into_iter()
        .filter(|c| signatory.as_ref().is_none_or(|s| s.name != c.name))
        .collect();
    Closing {
        start,
        contacts,
        signatory,
        office,
    }
}

/// The paragraphs just before the sign-off that name contacts, joined.
fn contact_text(before: &[BodyLine]) -> String {
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in before {
        if line.text.is_empty() {
            paragraphs.push(Vec::new());
        } else if let Some(last) = paragraphs.last_mut() {
            last.push(&line.text);
        }
    }
    let mut picked: Vec<String> = paragraphs
        .iter()
        .rev()
        .filter(|p| !p.is_empty())
        .take(4)
        .map(|p| join_lines(p.iter().copied()))
        .filter(|p| p.to_lowercase().contains("contact") && find_phone(p, 0).is_some())
        .collect();
    picked.reverse();
    picked.join(" ")
}

/// The contacts named before phone numbers ("me", the signatory, left out).
fn contacts(text: &str) -> Vec<StaffMember> {
    let mut found: Vec<StaffMember> = Vec::new();
    let mut from = 0;
    while let Some(phone) = find_phone(text, from) {
        let segment = &text[from..phone.start];
        from = phone.end;
        match person(segment) {
            Some(Mention::Person(p)) if !found.iter().any(|f| f.name == p.name) => found.push(p),
            _ => {}
        }
    }
    found
}

/// Who a stretch of text before a phone number names.
enum Mention {
    /// "me": the signatory.
    Me,
    /// A named staff member.
    Person(StaffMember),
}

/// The person at the end of `segment` ("… Please contact Michael Kennedy, Staff Attorney, at").
fn person(segment: &str) -> Option<Mention> {
    let lower = segment.to_lowercase();
    let mut s = match lower.rfind("contact ") {
        Some(i) => &segment[i + "contact ".len()..],
        None => segment,
    };
    s = s.trim_start_matches([',', ';', ' ']);
    for joiner in ["or ", "and "] {
        s = s.strip_prefix(joiner).unwrap_or(s);
    }
    let s = s.trim_end();
    let s = s
        .strip_suffix(" at")
        .or_else(|| s.strip_suffix(",at"))
        .unwrap_or(s);
    let s = s.trim_end_matches([',', ' ']);
    if s == "me" || s.ends_with(" me") {
        return Some(Mention::Me);
    }
    let (name, title) = match s.split_once(", ") {
        Some((name, title)) => (name, Some(title.trim().trim_end_matches(',').to_owned())),
        None => (s, None),
    };
    let bare = strip_courtesy(name);
    let words: Vec<&str> = bare.split_whitespace().collect();
    let is_name = (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && !w.contains(|c: char| c.is_ascii_digit())
        });
    if !is_name {
        return None;
    }
    let salutation = (bare != name.trim()).then(|| {
        let courtesy = name.split_whitespace().next().unwrap_or("");
        format!("{courtesy} {}", words.last().unwrap_or(&""))
    });
    Some(Mention::Person(StaffMember {
        name: bare,
        title: title.filter(|t| !t.is_empty()),
        salutation,
    }))
}

/// The next phone number at or after `from`: "(202) 551-3488", "202-551-3167" or "202.551.3167".
fn find_phone(text: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let digits = |at: usize, n: usize| {
        at + n <= bytes.len() && bytes[at..at + n].iter().all(u8::is_ascii_digit)
    };
    (from..bytes.len()).find_map(|i| {
        let bracketed = bytes[i] == b'('
            && digits(i + 1, 3)
            && bytes.get(i + 4) == Some(&b')')
            && bytes.get(i + 5) == Some(&b' ')
            && digits(i + 6, 3)
            && bytes.get(i + 9) == Some(&b'-')
            && digits(i + 10, 4);
        if bracketed {
            return Some(i..i + 14);
        }
        let separated = |c: Option<&u8>| matches!(c, Some(b'-' | b'.'));
        let dashed = (i == 0 || !bytes[i - 1].is_ascii_digit())
            && digits(i, 3)
            && separated(bytes.get(i + 3))
            && digits(i + 4, 3)
            && separated(bytes.get(i + 7))
            && digits(i + 8, 4);
        dashed.then_some(i..i + 12)
    })
}

/// The signatory and office lines after the sign-off.
fn signature(after: &[BodyLine]) -> (Option<StaffMember>, Vec<String>) {
    let mut lines: Vec<&str> = Vec::new();
    let mut signed: Option<String> = None;
    for line in after {
        let text = line.text.as_str();
        if text.to_lowercase().starts_with("cc:") {
            break;
        }
        if let Some(rest) = text.strip_prefix("/s/") {
            let rest = rest.trim();
            if !rest.ends_with(" for") {
                signed = Some(rest.to_owned());
            }
        } else if !text.is_empty() {
            lines.push(text);
        }
    }
    let is_office = |t: &str| {
        [
            "Division of",
            "Office of",
            "AD Office",
            "Securities and Exchange",
        ]
        .iter()
        .any(|p| t.starts_with(p))
    };
    let office_at = lines
        .iter()
        .position(|t| is_office(t))
        .unwrap_or(lines.len());
    let mut office: Vec<String> = Vec::new();
    for line in &lines[office_at..] {
        match office.last_mut() {
            Some(last) if line.starts_with(char::is_lowercase) || line.starts_with("and ") => {
                last.push(' ');
                last.push_str(line);
            }
            _ => office.push((*line).to_owned()),
        }
    }
    let person_lines = &lines[..office_at];
    let signatory = match person_lines.split_first() {
        Some((first, rest)) => {
            let (name, title) = match first.split_once(", ") {
                Some((name, title)) => (name, Some(title.to_owned())),
                None => (*first, None),
            };
            let mut titles: Vec<String> = title.into_iter().collect();
            titles.extend(rest.iter().map(|t| t.trim_end_matches('/').to_owned()));
            // "Cecilia Blye, Chief" / "Office of Global Security Risk": the office
            // completes a bare "Chief".
            if titles.len() == 1
                && titles[0] == "Chief"
                && let Some(office) = office.first()
            {
                titles[0] = format!("Chief, {office}");
            }
            Some(StaffMember {
                name: name.to_owned(),
                title: (!titles.is_empty()).then(|| titles.join(", ")),
                salutation: None,
            })
        }
        None => signed.map(|name| StaffMember {
            name,
            title: None,
            salutation: None,
        }),
    };
    (signatory, office)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text_lines;

    fn body(text: &str) -> Vec<BodyLine> {
        text_lines(text)
            .into_iter()
            .map(|l| BodyLine {
                number: l.number,
                text: l.text,
                after_furniture: false,
            })
            .collect()
    }

    #[test]
    fn reads_contacts_signatory_and_office() {
        let text = "You may contact Donna Di Silvio, Staff Accountant, at (202) 551-3202 or William\nThompson, Accounting Branch Chief, at (202) 551-3344 if you have questions. Please contact Ms. Jane Roe, Staff Attorney, at 202-551-3832, or me\nat (202) 551-3720 with any other questions.\n\nSincerely,\n\n/s/ Lisa M. Kohl for\n\nMara L. Ransom\nAssistant Director\nOffice of Consumer Products\n\ncc: Steven P. Whaley";
        let closing = parse(&body(text));
        assert_eq!(closing.start, 4);
        let names: Vec<&str> = closing.contacts.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Donna Di Silvio", "William Thompson", "Jane Roe"]);
        assert_eq!(
            closing.contacts[1].title.as_deref(),
            Some("Accounting Branch Chief")
        );
        assert_eq!(closing.contacts[2].salutation.as_deref(), Some("Ms. Roe"));
        let signatory = closing.signatory.unwrap();
        assert_eq!(signatory.name, "Mara L. Ransom");
        assert_eq!(signatory.title.as_deref(), Some("Assistant Director"));
        assert_eq!(closing.office, ["Office of Consumer Products"]);
    }
}
