//! The HTML sets what the PDF sets: heading levels in their sizes and faces,
//! table headings spanning the columns they head, centred separators,
//! hanging "Re:" lines, and a double rule under a grand total in both.

use respond::markdown::parse_rendered;
use respond::render::edgar::validate_edgar_html;
use respond::render::html::{HtmlMeta, render_html};
use respond::render::pdf::mark::Mark;
use respond::render::pdf::{PdfMeta, Styles, layout};

const TABLE: &str = "| | Onshore | | Offshore |\n|---|--:|--:|--:|\n\
| | VIEs | non-VIEs | non-VIEs |\n| | (in thousands of RMB) | | |\n\
| Cash and cash equivalent | 260,438 | 287,480 | 910,938 |\n\
| Restricted cash | 3,020 | — | 190,000 |\n\
| Total | 1,163,458 | 287,480 | 1,521,820 |\n";

fn html_of(md: &str) -> String {
    let (doc, issues) = parse_rendered(md);
    assert!(issues.is_empty(), "{issues:?}");
    let html = render_html(&doc, &HtmlMeta::default());
    assert_eq!(validate_edgar_html(&html), vec![]);
    html
}

#[test]
fn table_headings_span_the_columns_they_head() {
    let html = html_of(TABLE);
    assert!(html.contains("<td colspan=\"2\" style=\""), "{html}");
    assert!(html.contains("Onshore</td>"));
    assert!(html.contains("<td colspan=\"3\" style=\""), "{html}");
    let units = html.find("(in thousands of RMB)").unwrap();
    let open = html[..units].rfind("<td").unwrap();
    assert!(html[open..units].contains("colspan=\"3\""));
    assert!(html[open..units].contains("text-align: center"));
    // Every row still covers four columns.
    for row in html.split("<tr>").skip(1) {
        let row = &row[..row.find("</tr>").unwrap()];
        let cells: usize = row
            .match_indices("<td")
            .map(|(i, _)| {
                let tag = &row[i..i + row[i..].find('>').unwrap()];
                tag.split("colspan=\"")
                    .nth(1)
                    .map_or(1, |n| n[..n.find('"').unwrap()].parse().unwrap())
            })
            .sum();
        assert_eq!(cells, 4, "{row}");
    }
}

#[test]
fn a_grand_total_has_a_double_rule_under_its_figures_in_both_formats() {
    let html = html_of(TABLE);
    let total = &html[html.find(">Total<").unwrap()..];
    assert_eq!(
        total.matches("border-bottom: 3px double").count(),
        3,
        "{total}"
    );
    // A total that does not end the table is ruled above only.
    let mid = html_of(&TABLE.replace("| Restricted cash |", "| Total cash |"));
    let first = &mid[mid.find(">Total cash<").unwrap()..mid.find(">Total<").unwrap()];
    assert!(first.contains("border-top"));
    assert!(!first.contains("double"));

    let (doc, _) = parse_rendered(TABLE);
    let pages = layout(&doc, &PdfMeta::default(), &Styles::default());
    let page = &pages[0];
    let total = page.boxes.last().unwrap();
    assert!(page.text_of(total).starts_with("Total"));
    let rules: Vec<f32> = page
        .marks_of(total)
        .iter()
        .filter_map(|m| match m {
            Mark::Rule { y, .. } => Some(*y - total.top),
            Mark::Text { .. } => None,
        })
        .collect();
    // Three figure columns: a rule above each, and two under each.
    assert_eq!(rules.len(), 9, "{rules:?}");
    let under = rules.iter().filter(|y| **y > total.height / 2.0).count();
    assert_eq!(under, 6);
    assert!(total.top >= 0.0);
}

#[test]
fn headings_separators_and_hanging_lines_are_set_as_in_the_pdf() {
    let html = html_of(
        "#### Risk Factors\n\n##### Risks Related to Our Business\n\n\\* \\* \\* \\*\n\n\
         **Re: Example Holdings, Inc.\\\nForm 10-K**\n",
    );
    let styles = Styles::default();
    assert!(styles.heading(4).underline && styles.heading(5).italic);
    let h4 = &html[html.find("<h4").unwrap()..html.find("</h4>").unwrap()];
    assert!(
        h4.contains("text-decoration: underline") && h4.contains("font-weight: bold"),
        "{h4}"
    );
    let h5 = &html[html.find("<h5").unwrap()..html.find("</h5>").unwrap()];
    assert!(h5.contains("font-style: italic"), "{h5}");
    assert!(html.contains("<p style=\"margin: 0 0 12pt 0; text-align: center\">* * * *</p>"));
    assert!(html.contains(&format!("width: {}pt", styles.hanging_indent)));
}
