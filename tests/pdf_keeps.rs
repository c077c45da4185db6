//! Page fill and keeps: no heading, caption or title is among the last two
//! lines of a page, on letters that put a heading at every position near a
//! page foot and on the shipped example; "Re:" and "cc:" lines hang beside
//! their label.

mod common;

use common::pages::{doc, meta};
use respond::build::{Built, build_letter};
use respond::render::markdown::Templates;
use respond::render::pdf::mark::{Mark, Role};
use respond::render::pdf::{PageLayout, Styles, layout, verify_placement};
use respond::world::World;

fn filler(words: usize) -> String {
    let pool = [
        "the",
        "Company",
        "respectfully",
        "advises",
        "Staff",
        "disclosure",
    ];
    (0..words)
        .map(|i| pool[i % pool.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every page but the last: the texts of its last two lines, each marked
/// whether it is a heading line (a heading, a caption or a title).
fn stranded(pages: &[PageLayout]) -> Vec<String> {
    let mut found = Vec::new();
    for page in &pages[..pages.len().saturating_sub(1)] {
        let tail = page.boxes.iter().rev().take(2);
        for b in tail.filter(|b| b.heading) {
            found.push(format!("page {}: {:?}", page.number, page.text_of(b)));
        }
    }
    found
}

/// A redline-like letter: an item heading, its caption, a quoted passage
/// with a title inside it, shifted by `lead` words of text before it.
fn letter_with_headings(lead: usize) -> String {
    let mut md = format!("{}\n\n", filler(40 + lead));
    for k in 0..12 {
        md.push_str(&format!(
            "## {k}. Item 5. Operating and Financial Review, page 7{k}\n\n\
             Response to comment {k} · 90 words inserted · 3 words deleted\n\n\
             > Gross Profit\n>\n> {}\n\n\
             **{k}. Please tell us {}.**\n\n{}\n\n",
            filler(20 + (k * 23) % 70),
            filler(25),
            filler(15 + (k * 11) % 60),
        ));
    }
    md
}

#[test]
fn no_heading_caption_or_title_is_among_the_last_two_lines_of_a_page() {
    let mut pages_seen = 0;
    // One word more each time moves every heading through every position
    // near a page foot.
    for lead in (0..160).step_by(3) {
        let doc = doc(&letter_with_headings(lead));
        let pages = layout(&doc, &meta(), &Styles::default());
        verify_placement(&doc, &pages).expect("pages hold the document");
        assert!(pages.len() >= 3);
        let found = stranded(&pages);
        assert!(found.is_empty(), "lead {lead}: {found:?}");
        pages_seen += pages.len();
    }
    assert!(pages_seen > 100);
}

#[test]
fn headings_are_marked_as_such_so_the_check_above_can_see_them() {
    let doc = doc(&letter_with_headings(0));
    let pages = layout(&doc, &meta(), &Styles::default());
    let headings: Vec<String> = pages
        .iter()
        .flat_map(|p| p.boxes.iter().filter(|b| b.heading).map(|b| p.text_of(b)))
        .collect();
    assert!(headings.iter().any(|t| t.starts_with("3. Item 5.")));
    assert!(
        headings
            .iter()
            .any(|t| t.starts_with("Response to comment 3"))
    );
    assert!(headings.iter().any(|t| t == "Gross Profit"));
    // A sentence is not a title.
    assert!(!headings.iter().any(|t| t.starts_with("the Company")));
}

/// The example's letter and redline as Markdown.
fn example_markdown() -> Vec<(String, String)> {
    let world = World::new(common::repo());
    let sources = world
        .read_letter(&common::example_dir())
        .expect("example reads");
    let templates = Templates::new(&[]).unwrap();
    let writers = [respond::render::writers::writer("md").unwrap()];
    let out = match build_letter(&sources, &templates, &writers) {
        Built::Letter(out, _) => out,
        Built::Refused(diags) | Built::Failed(_, diags) => panic!(
            "{:?}",
            diags.iter().map(|d| d.render_short()).collect::<Vec<_>>()
        ),
    };
    out.files
        .iter()
        .map(|f| (f.name.clone(), String::from_utf8(f.bytes.clone()).unwrap()))
        .collect()
}

#[test]
fn the_example_strands_no_heading_and_fits_in_twenty_one_pages() {
    let files = example_markdown();
    assert_eq!(files.len(), 2, "letter and redline");
    for (name, md) in &files {
        let doc = doc(md);
        let pages = layout(&doc, &meta(), &Styles::default());
        verify_placement(&doc, &pages).expect("pages hold the document");
        let found = stranded(&pages);
        assert!(found.is_empty(), "{name}: {found:?}");
        if name == "letter.md" {
            assert!(pages.len() <= 21, "{} pages", pages.len());
        }
    }
}

/// Left edges of the words of the paragraph that starts with `label`, by baseline.
fn line_starts(pages: &[PageLayout], label: &str) -> Vec<(f32, String)> {
    let marks: Vec<&Mark> = pages[0].marks.iter().collect();
    let start = marks
        .iter()
        .position(|m| m.fragment().is_some_and(|f| f.text == label))
        .expect("label on page 1");
    let Mark::Text {
        role: Role::Words(run),
        ..
    } = marks[start]
    else {
        panic!("label is not text of the document");
    };
    let mut starts: Vec<(f32, String)> = Vec::new();
    let mut baseline = f32::NAN;
    for m in &marks[start..] {
        if let Mark::Text {
            x,
            baseline: b,
            fragment,
            role: Role::Words(r),
        } = m
            && r == run
            && *b != baseline
        {
            baseline = *b;
            starts.push((*x, fragment.text.clone()));
        }
    }
    starts
}

#[test]
fn re_and_cc_lines_hang_beside_their_label() {
    let md = "Dear Sirs:\n\n\
              **Re: Example Holdings, Inc. (the “Company”) and a name long enough to wrap onto a second line of its own\\\n\
              Form 20-F for the Fiscal Year ended December 31, 2013\\\n\
              Filed April 30, 2014 (File No. 001-35126)**\n\n\
              Text.\n\n\
              cc: Josh Sheng, Chief Financial Officer\\\n\
              Z. Julie Gao, Esq., Skadden, Arps, Slate, Meagher & Flom LLP\n";
    let doc = doc(md);
    let pages = layout(&doc, &meta(), &Styles::default());
    verify_placement(&doc, &pages).expect("pages hold the document");
    let left = Styles::default().page.margin_left;
    for label in ["Re:", "cc:"] {
        let starts = line_starts(&pages, label);
        assert!(starts.len() >= 2, "{label}: {starts:?}");
        // The label at the margin, every line after it at one indent beside it.
        assert!((starts[0].0 - left).abs() < 0.01, "{starts:?}");
        for (x, word) in &starts[1..] {
            assert!(
                (*x - starts[1].0).abs() < 0.01 && *x > left + 18.0,
                "{label}: {word:?} at {x}, not hanging: {starts:?}"
            );
        }
    }
}

#[test]
fn a_letterhead_is_centred_at_the_top_of_page_one_in_the_pdf_and_the_html() {
    let md = "# Example Holdings, Inc.\n\n\
              1 Main Street, Suite 100\\\n\
              Springfield, Illinois 62701\n\n\
              December 9, 2014\n\n\
              Dear Sirs:\n";
    let doc = doc(md);
    let styles = Styles::default();
    let pages = layout(&doc, &meta(), &styles);
    verify_placement(&doc, &pages).expect("pages hold the document");
    let centre = styles.page.width / 2.0;
    let line_centre = |first: &str| {
        let marks: Vec<&Mark> = pages[0]
            .marks
            .iter()
            .filter(|m| m.fragment().is_some())
            .collect();
        let start = marks
            .iter()
            .position(|m| m.fragment().unwrap().text.starts_with(first))
            .expect("line on page 1");
        let Mark::Text { baseline, .. } = marks[start] else {
            unreachable!()
        };
        let same: Vec<&&Mark> = marks
            .iter()
            .filter(|m| matches!(m, Mark::Text { baseline: b, .. } if b == baseline))
            .collect();
        let left = same
            .iter()
            .map(|m| m.bounds().left)
            .fold(f32::MAX, f32::min);
        let right = same.iter().map(|m| m.bounds().right).fold(0.0, f32::max);
        (left + right) / 2.0
    };
    for first in ["Example", "1", "Springfield,"] {
        let c = line_centre(first);
        assert!(
            (c - centre).abs() < 1.0,
            "{first}: centred at {c}, page centre {centre}"
        );
    }
    // The date under the letterhead stays flush left.
    assert!(line_centre("December") < centre - 100.0);
    let html = respond::render::html::render_html(&doc, &Default::default());
    assert!(
        html.contains("<p style=\"margin: 0 0 12pt 0; text-align: center\">1 Main Street"),
        "{html}"
    );
}
