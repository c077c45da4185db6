//! A generator of synthetic but realistic letter projects and passage pairs
//! for the benchmarks: legal-prose vocabulary, figures with translations,
//! tables that foot, footnotes. Deterministic: the same seed gives the same text.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic pseudo-random generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "The Company",
    "Management",
    "The Staff",
    "Our self-built data centers",
    "The Group's PRC subsidiaries",
    "The audit committee",
    "Net revenues",
    "The 2016 Bonds",
    "Cost of revenues",
    "The VIEs",
];
const VERBS: &[&str] = &[
    "respectfully advises",
    "will revise",
    "has considered",
    "believes",
    "recognized",
    "acknowledges",
    "will disclose",
    "evaluated",
    "reclassified",
    "determined",
];
const OBJECTS: &[&str] = &[
    "the disclosure in future filings",
    "the carrying value of goodwill",
    "the effective tax rate",
    "the material covenants of its outstanding debt",
    "the days sales outstanding ratio",
    "the impact of acquired businesses",
    "the cabinet utilization rate",
    "its non-GAAP financial measures",
    "the convenience translation",
    "the allowance for doubtful accounts",
];
const TAILS: &[&str] = &[
    "pursuant to ASC 350-20-35-30",
    "as disclosed on page F-35 of the 2013 20-F",
    "in accordance with U.S. GAAP",
    "under Item 5.B of Form 20-F",
    "for the year ended December 31, 2013",
    "e.g. in the MD&A",
    "as of the most recent balance sheet date",
    "consistent with Section IV.C of SEC Release 33-8350",
];

/// The translation rate used by the generated letters (RMB per US$).
pub const RATE: f64 = 6.0537;

/// A sentence of legal prose, sometimes with a translated figure.
pub fn sentence(rng: &mut Rng) -> String {
    let mut s = format!(
        "{} {} {} {}",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(TAILS)
    );
    if rng.below(3) == 0 {
        let rmb = (rng.below(20_000) as f64 + 100.0) / 10.0;
        let usd = rmb / RATE;
        let _ = write!(
            s,
            ", which amounted to RMB{rmb:.1} million (US${usd:.1} million)"
        );
    }
    s.push('.');
    s
}

/// A paragraph of `n` sentences.
pub fn paragraph(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// A table of figures whose total row foots.
pub fn table(rng: &mut Rng) -> String {
    let mut out = String::from("| | 2012 | 2013 |\n|---|--:|--:|\n");
    let mut totals = [0i64; 2];
    for label in [
        "Cash and cash equivalents",
        "Restricted cash",
        "Short-term investments",
    ] {
        let a = rng.below(900_000) as i64 + 1_000;
        let b = rng.below(900_000) as i64 + 1_000;
        totals[0] += a;
        totals[1] += b;
        let _ = writeln!(out, "| {label} | {} | {} |", thousands(a), thousands(b));
    }
    let _ = writeln!(
        out,
        "| Total | {} | {} |",
        thousands(totals[0]),
        thousands(totals[1])
    );
    out
}

fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Indents every line of `text` by `n` spaces (for a YAML `|` block).
fn indent(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of `letter.yaml` for a generated letter.
pub fn letter_yaml() -> String {
    "date: 2014-12-09\naddressees:\n  - {name: Craig Wilson, title: Senior Assistant Chief Accountant, salutation: Mr. Wilson}\ncompany: {name: \"Example Group, Inc.\"}\nfiling: {form: 20-F, fiscal_year_end: 2013-12-31, filed: 2014-04-09, file_number: 001-35126}\nstaff_letter: 2014-11-17\ntranslation: {from: RMB, to: US$, rate: 6.0537}\nsignatory: {name: Jane Doe, title: Chief Financial Officer}\n".to_owned()
}

/// The text of comment file number `n`: a comment, response text with a
/// footnote, every third comment a table, and a revised passage.
pub fn comment_yaml(rng: &mut Rng, n: usize) -> String {
    let comment = paragraph(rng, 3);
    let mut text = format!(
        "{}[^1]\n\n{}\n\n[^1]: {}\n",
        paragraph(rng, 4),
        paragraph(rng, 3),
        sentence(rng)
    );
    if n.is_multiple_of(3) {
        text = format!("{}\n\n{}", text, table(rng));
    }
    let original = paragraph(rng, 5);
    let revised = edit_words(rng, &original, 10);
    format!(
        "number: {n}\nheadings: [\"Item 5. Operating and Financial Review and Prospects\", \"Section {}, page {}\"]\ncomment: |\n{}\nresponse:\n  - text: |\n{}\n  - revise:\n      location: \"Item 5. Operating and Financial Review and Prospects—B. Liquidity\"\n      page: \"{}\"\n      original: |\n{}\n      revised: |\n{}\n",
        n / 5 + 1,
        40 + n,
        indent(&comment, 2),
        indent(&text, 6),
        40 + n,
        indent(&original, 8),
        indent(&revised, 8)
    )
}

/// Writes a letter project with `comments` comments under `root/responses/<id>/`.
pub fn write_letter(root: &Path, id: &str, comments: usize, seed: u64) {
    let dir = root.join("responses").join(id);
    std::fs::create_dir_all(dir.join("comments")).expect("create letter folder");
    std::fs::write(dir.join("letter.yaml"), letter_yaml()).expect("write letter.yaml");
    let mut rng = Rng::new(seed);
    for n in 1..=comments {
        std::fs::write(
            dir.join(format!("comments/{n:04}.yaml")),
            comment_yaml(&mut rng, n),
        )
        .expect("write comment");
    }
}

/// `text` with about `percent`% of its words replaced, deleted or inserted.
pub fn edit_words(rng: &mut Rng, text: &str, percent: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(' ') {
        if rng.below(100) < percent {
            match rng.below(3) {
                0 => out.push(
                    rng.pick(&["substantially", "materially", "approximately", "RMB1,450.9"])
                        .to_owned(),
                ),
                1 => {}
                _ => {
                    out.push(word.to_owned());
                    out.push(
                        rng.pick(&["further", "also", "respectively", "non-PRC"])
                            .to_owned(),
                    );
                }
            }
        } else {
            out.push(word.to_owned());
        }
    }
    out.join(" ")
}

/// A passage of about `words` words in paragraphs of about 80 words.
pub fn passage(rng: &mut Rng, words: usize) -> String {
    let mut paragraphs = Vec::new();
    let mut count = 0;
    while count < words {
        let p = paragraph(rng, 4);
        count += p.split(' ').count();
        paragraphs.push(p);
    }
    paragraphs.join("\n\n")
}

/// `text` with its paragraphs edited at `percent`% and two paragraphs moved to the end.
pub fn revise_passage(rng: &mut Rng, text: &str, percent: usize) -> String {
    let mut paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| edit_words(rng, p, percent))
        .collect();
    for _ in 0..2.min(paragraphs.len()) {
        let i = rng.below(paragraphs.len());
        let moved = paragraphs.remove(i);
        paragraphs.push(moved);
    }
    paragraphs.join("\n\n")
}

/// The pathological pair's second half: the same words in reverse order.
pub fn reversed(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().rev().collect();
    words.join(" ")
}
