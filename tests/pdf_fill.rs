//! Page fill: no page but the last ends three or more lines early where the
//! text could have gone on — neither to keep a long footnote whole (its last
//! lines continue on the next page instead) nor to keep the tail of a staff
//! comment with its response (the comment then ends the page whole).

mod common;

use common::pages::{doc, meta};
use respond::render::pdf::mark::Mark;
use respond::render::pdf::{PageLayout, Styles, layout, verify_placement};

fn filler(words: usize) -> String {
    let pool = ["the", "Company", "respectfully", "advises", "Staff", "that"];
    (0..words)
        .map(|i| pool[i % pool.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The height a page leaves empty between its last line of text and its
/// footnotes (or the bottom of its text block).
fn empty_height(page: &PageLayout, styles: &Styles) -> f32 {
    let text_end = page
        .boxes
        .iter()
        .map(|b| b.bottom())
        .fold(page.text_block.top, f32::max);
    let notes_top = page
        .marks
        .iter()
        .filter_map(|m| match m {
            // The short rule over the footnotes, half their gap above them.
            Mark::Rule { x0, x1, y, .. }
                if (x1 - x0 - styles.footnotes.rule_length).abs() < 0.01 =>
            {
                Some(y - styles.footnotes.gap / 2.0)
            }
            _ => None,
        })
        .fold(page.text_block.bottom, f32::min);
    notes_top - text_end
}

/// Pages (but the last) that leave `room` or more empty.
fn short_pages(md: &str, styles: &Styles, room: f32) -> Vec<String> {
    let doc = doc(md);
    let pages = layout(&doc, &meta(), styles);
    verify_placement(&doc, &pages).expect("pages hold the document");
    pages[..pages.len() - 1]
        .iter()
        .filter(|p| empty_height(p, styles) >= room)
        .map(|p| format!("page {}: {:.0} pt empty", p.number, empty_height(p, styles)))
        .collect()
}

/// Text, then a paragraph whose first line cites a footnote of a dozen
/// lines, then more text.
fn long_note_letter(lead: usize) -> String {
    format!(
        "{}\n\n{}\n\nBy reference[^n] {}\n\n{}\n\n{}\n\n[^n]: {}\n",
        filler(300),
        filler(60 + lead),
        filler(90),
        filler(120),
        filler(200),
        filler(170),
    )
}

/// Text, then staff comments of five and six lines, each followed by its
/// response.
fn comments_letter(lead: usize) -> String {
    let mut md = format!("{}\n\n{}\n\n", filler(300), filler(60 + lead));
    for k in 1..=8 {
        md.push_str(&format!(
            "**{k}. {}.**\n\n{}\n\n",
            filler(60 + (k % 2) * 14),
            filler(70)
        ));
    }
    md
}

#[test]
fn a_long_footnote_continues_rather_than_leave_its_page_short() {
    let styles = Styles::default();
    // A paragraph citing a note starts on a page when its first two lines
    // and two lines of the note fit: less than that may stay empty.
    let fs = &styles.footnotes;
    let room =
        styles.paragraph_spacing + 2.0 * styles.leading + fs.gap + 2.0 * (fs.leading + fs.between);
    let mut pages_seen = 0;
    for lead in (0..200).step_by(4) {
        let md = long_note_letter(lead);
        let short = short_pages(&md, &styles, room);
        assert!(short.is_empty(), "lead {lead}: {short:?}");
        pages_seen += 1;
    }
    assert!(pages_seen >= 50);
}

#[test]
fn a_staff_comment_ends_its_page_whole_rather_than_leave_it_short() {
    let styles = Styles::default();
    // Room for a paragraph's space and three lines.
    let room = styles.paragraph_spacing + 3.0 * styles.leading;
    for lead in (0..200).step_by(3) {
        let short = short_pages(&comments_letter(lead), &styles, room);
        assert!(short.is_empty(), "lead {lead}: {short:?}");
    }
}

#[test]
fn the_measure_of_an_empty_page_foot_sees_a_short_page() {
    // A heading travels with two lines of what follows: near a page foot it
    // leaves its page short on purpose, and the measure above must see that.
    let styles = Styles::default();
    let found = (0..120).step_by(4).any(|extra| {
        let md = format!(
            "{}\n\n## A heading near the foot\n\n{}\n",
            filler(400 + extra),
            filler(200)
        );
        !short_pages(&md, &styles, 3.0 * styles.leading).is_empty()
    });
    assert!(found);
}
