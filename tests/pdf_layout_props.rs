//! Properties of the PDF layout over generated documents: it never panics,
//! nothing is set outside the text block, and every word is placed once.

use proptest::prelude::*;
use respond::markdown::parse_rendered;
use respond::render::pdf::mark::Mark;
use respond::render::pdf::{PdfMeta, Styles, layout};

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,12}",
        "[A-Z][a-z]{0,8}",
        "[0-9]{1,3}(,[0-9]{3}){0,2}",
        Just("self-built".to_owned()),
        Just("Item 5—B.".to_owned()),
        "[a-z]{30,90}",
    ]
}

fn styled(w: String, k: u8) -> String {
    match k % 6 {
        0 => format!("**{w}**"),
        1 => format!("*{w}*"),
        2 => format!("<ins>{w}</ins>"),
        3 => format!("~~{w}~~"),
        _ => w,
    }
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec((word(), any::<u8>()), 1..60).prop_map(|ws| {
        ws.into_iter()
            .map(|(w, k)| styled(w, k))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        paragraph(),
        paragraph().prop_map(|p| format!("### {}", p.chars().take(80).collect::<String>())),
        paragraph().prop_map(|p| format!("> {p}")),
        prop::collection::vec(paragraph(), 1..4).prop_map(|items| items
            .iter()
            .map(|i| format!("1. {i}\n   - {i}"))
            .collect::<Vec<_>>()
            .join("\n")),
        (1usize..6, 1usize..12).prop_map(|(cols, rows)| {
            let mut t = format!(
                "| Label |{}\n|---|{}\n",
                " Year |".repeat(cols),
                "--:|".repeat(cols)
            );
            for r in 0..rows {
                t.push_str(&format!(
                    "| Row {r} long label text |{}\n",
                    " (1,234) |".repeat(cols)
                ));
            }
            t.push_str(&format!("| Total |{}\n", " 9,999 |".repeat(cols)));
            t
        }),
        paragraph().prop_map(|p| format!("{p}[^n]\n\n[^n]: {p}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn layout_stays_inside_the_text_block(blocks in prop::collection::vec(block(), 0..12)) {
        let md = blocks.join("\n\n");
        let (doc, _) = parse_rendered(&md);
        let styles = Styles::default();
        let meta = PdfMeta { header_lines: vec!["Securities and Exchange Commission".into()], ..PdfMeta::default() };
        let pages = layout(&doc, &meta, &styles);
        prop_assert!(!pages.is_empty());
        let page = &styles.page;
        for p in &pages {
            for m in &p.marks {
                match m {
                    Mark::Text { x, baseline, fragment, .. } => {
                        prop_assert!(*x >= page.margin_left - 0.01, "{x} {}", fragment.text);
                        prop_assert!(x + fragment.width <= page.width - page.margin_right + 0.05,
                            "`{}` ends at {}", fragment.text, x + fragment.width);
                        prop_assert!(*baseline > page.margin_top && *baseline <= page.height - page.margin_bottom + 0.01,
                            "baseline {baseline} on page {}", p.number);
                    }
                    Mark::Rule { x0, x1, .. } => {
                        prop_assert!(*x0 >= page.margin_left - 0.01 && *x1 <= page.width - page.margin_right + 4.0);
                    }
                }
            }
        }
    }
}
