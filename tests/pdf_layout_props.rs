//! Properties of the PDF layout over generated documents (paragraphs, headings,
//! nested lists and quotes, tables with very tall cells and very long words,
//! footnotes long and short, code blocks): every word is placed exactly once
//! and in order, nothing is set outside the text block or over the page
//! furniture, and no page is blank.

use proptest::prelude::*;
use respond::markdown::parse_rendered;
use respond::render::pdf::mark::Mark;
use respond::render::pdf::{ConfidentialMarks, PdfMeta, Styles, layout, verify_placement};

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z]{1,12}",
        3 => "[A-Z][a-z]{0,8}",
        2 => "[0-9]{1,3}(,[0-9]{3}){0,2}",
        1 => Just("self-built".to_owned()),
        1 => Just("Item 5—B.".to_owned()),
        1 => Just("✓".to_owned()),
        1 => Just("₹1,200".to_owned()),
        1 => "[a-z]{30,90}",
    ]
}

fn styled(w: String, k: u8) -> String {
    match k % 7 {
        0 => format!("**{w}**"),
        1 => format!("*{w}*"),
        2 => format!("<ins>{w}</ins>"),
        3 => format!("~~{w}~~"),
        _ => w,
    }
}

fn words(range: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec((word(), any::<u8>()), range).prop_map(|ws| {
        ws.into_iter()
            .map(|(w, k)| styled(w, k))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A word as long as the Markdown reader allows, or nearly.
fn long_word() -> impl Strategy<Value = String> {
    (200usize..1000, "[a-z]").prop_map(|(n, c)| c.repeat(n))
}

fn table() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        8 => words(1..6),
        1 => words(100..500),
        1 => long_word(),
        3 => "\\(?[0-9]{1,3}(,[0-9]{3}){0,2}\\)?",
    ];
    (1usize..5, prop::collection::vec(cell, 1..16)).prop_map(|(cols, cells)| {
        let mut t = format!(
            "| Label |{}\n|---|{}\n",
            " 2013 |".repeat(cols),
            "--:|".repeat(cols)
        );
        for row in cells.chunks(cols + 1) {
            t.push('|');
            for c in row {
                t.push_str(&format!(" {} |", c.replace('|', "/")));
            }
            t.push('\n');
        }
        t.push_str(&format!("| Total |{}\n", " 9,999 |".repeat(cols)));
        t
    })
}

fn code() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z]{1,8}( {1,4}[a-z0-9=;]{1,10}){0,6}", 1..30)
        .prop_map(|lines| format!("```\n{}\n```", lines.join("\n")))
}

/// Indents every line after the first by `n` spaces (blank lines stay blank).
fn indent(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 || l.is_empty() {
                l.to_owned()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn block() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        6 => words(1..80),
        2 => words(1..12).prop_map(|p| format!("### {p}")),
        2 => table(),
        1 => code(),
        1 => (words(1..10), long_word()).prop_map(|(p, w)| format!("{p} {w}")),
        1 => Just("---".to_owned()),
    ];
    leaf.prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            (prop::collection::vec(inner.clone(), 1..4), any::<bool>()).prop_map(
                |(items, numbered)| {
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            let marker = if numbered {
                                format!("{}. ", i + 1)
                            } else {
                                "- ".to_owned()
                            };
                            format!("{marker}{}", indent(item, marker.len()))
                        })
                        .collect::<Vec<_>>()
                        .join("\n\n")
                }
            ),
            prop::collection::vec(inner, 1..3).prop_map(|blocks| {
                blocks
                    .join("\n\n")
                    .lines()
                    .map(|l| format!("> {l}").trim_end().to_owned())
                    .collect::<Vec<_>>()
                    .join("\n")
            }),
        ]
    })
}

fn footnote() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => words(1..30),
        1 => words(150..600),
        1 => (words(1..40), words(1..40)).prop_map(|(a, b)| format!("{a}\n\n    {b}")),
    ]
}

/// A document: blocks, footnotes cited from paragraphs among them (some never
/// cited), as Markdown.
fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(block(), 0..8),
        prop::collection::vec((footnote(), any::<u8>()), 0..4),
    )
        .prop_map(|(mut blocks, notes)| {
            for (k, (_, at)) in notes.iter().enumerate() {
                if at % 5 != 0 {
                    let place = usize::from(*at) % (blocks.len() + 1);
                    blocks.insert(place, format!("As noted.[^f{k}] More text here."));
                }
            }
            for (k, (text, _)) in notes.iter().enumerate() {
                blocks.push(format!("[^f{k}]: {text}"));
            }
            blocks.join("\n\n")
        })
}

fn meta(confidential: bool) -> PdfMeta {
    PdfMeta {
        header_lines: vec![
            "Securities and Exchange Commission".into(),
            "December 9, 2014".into(),
        ],
        confidential: confidential.then(|| ConfidentialMarks {
            requested_by: "Example Holdings, Inc.".into(),
            page_code: "EXH".into(),
        }),
        ..PdfMeta::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn every_word_is_placed_once_inside_the_text_block(md in document(), confidential in any::<bool>()) {
        let (doc, issues) = parse_rendered(&md);
        prop_assert!(issues.is_empty(), "{issues:?}");
        let styles = Styles::default();
        let pages = layout(&doc, &meta(confidential), &styles);
        prop_assert!(!pages.is_empty());
        // Every word once, in order; inside the text block; clear of the
        // furniture; no page blank.
        if let Err(e) = verify_placement(&doc, &pages) {
            return Err(TestCaseError::fail(format!("{e}\n{e:?}")));
        }
        // The same geometry, checked here without the placement check.
        let page = &styles.page;
        for p in &pages {
            for m in p.marks.iter().filter(|m| !m.is_furniture()) {
                let b = m.bounds();
                prop_assert!(b.left >= page.margin_left - 0.05 && b.right <= page.width - page.margin_right + 0.05,
                    "{m:?} on page {}", p.number);
                prop_assert!(b.top >= page.margin_top - 1.0 && b.bottom <= page.height - page.margin_bottom + 1.0,
                    "{m:?} on page {}", p.number);
            }
            if pages.len() > 1 {
                prop_assert!(p.marks.iter().any(|m| !m.is_furniture()), "page {} is blank", p.number);
            }
        }
        let words_in = doc.plain_text().chars().filter(|c| !c.is_whitespace()).count();
        let drawn: usize = pages
            .iter()
            .flat_map(|p| &p.marks)
            .filter(|m| matches!(m.role(), Some(respond::render::pdf::mark::Role::Words(_))))
            .filter_map(Mark::fragment)
            .map(|f| f.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        // Footnote references add their numbers to the words drawn.
        prop_assert!(drawn >= words_in, "{drawn} characters drawn of {words_in}");
    }
}
