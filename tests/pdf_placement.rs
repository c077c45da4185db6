//! The PDF layout never drops, doubles or hides text: tall table rows continue
//! on the next page, over-long words are broken, nothing is drawn over the page
//! furniture, and the placement check catches every way pages can go wrong.

use respond::markdown::{Doc, parse_rendered};
use respond::render::pdf::mark::{Mark, Role};
use respond::render::pdf::{
    ConfidentialMarks, PageLayout, PdfMeta, PlacementError, Styles, layout, render_pdf,
    verify_placement,
};

fn meta() -> PdfMeta {
    PdfMeta {
        header_lines: vec![
            "Securities and Exchange Commission".into(),
            "December 9, 2014".into(),
        ],
        confidential: Some(ConfidentialMarks {
            requested_by: "Example Holdings, Inc.".into(),
            page_code: "EXH".into(),
        }),
        ..PdfMeta::default()
    }
}

fn doc(md: &str) -> Doc {
    let (doc, issues) = parse_rendered(md);
    assert!(issues.is_empty(), "{issues:?}");
    doc
}

fn pages_of(doc: &Doc) -> Vec<PageLayout> {
    layout(doc, &meta(), &Styles::default())
}

/// The document's words as the pages hold them, in order (furniture, bullets
/// and repeated table headers aside).
fn placed_text(pages: &[PageLayout]) -> String {
    let mut text = String::new();
    for page in pages {
        for mark in &page.marks {
            if let Mark::Text {
                fragment,
                role: Role::Words(_),
                ..
            } = mark
            {
                text.push_str(&fragment.text);
                text.push(' ');
            }
        }
    }
    text
}

/// Marks of text that end below the text block.
fn below_the_text_block(pages: &[PageLayout]) -> Vec<String> {
    let bottom = {
        let s = Styles::default();
        s.page.height - s.page.margin_bottom
    };
    pages
        .iter()
        .flat_map(|p| &p.marks)
        .filter(|m| !m.is_furniture() && m.bounds().bottom > bottom + 1.0)
        .filter_map(|m| m.fragment().map(|f| f.text.clone()))
        .collect()
}

fn numbered_words(n: usize) -> String {
    (0..n)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_table_row_taller_than_a_page_continues_on_the_next_page() {
    let md = format!(
        "Intro paragraph.\n\n| Item | 2013 |\n|---|--:|\n| {} | 1,234 |\n| Total | 9,999 |\n\nAfter the table.\n",
        numbered_words(1000)
    );
    let doc = doc(&md);
    let pages = pages_of(&doc);
    assert_eq!(verify_placement(&doc, &pages), Ok(()));
    assert!(below_the_text_block(&pages).is_empty());
    // Each of the 1,000 words once, in order.
    let placed = placed_text(&pages);
    let words: Vec<&str> = placed
        .split_whitespace()
        .filter(|w| w.starts_with('w'))
        .collect();
    assert_eq!(words.len(), 1000);
    assert!(words.iter().enumerate().all(|(i, w)| *w == format!("w{i}")));
    assert!(pages.len() >= 2);
    // The row starts on the first page (no page of the header alone) and the
    // continuation is headed by the header row again.
    assert!(
        pages[0]
            .marks
            .iter()
            .any(|m| m.fragment().is_some_and(|f| f.text == "w0"))
    );
    for page in &pages[1..] {
        let repeated: Vec<&str> = page
            .marks
            .iter()
            .filter(|m| matches!(m.role(), Some(Role::Repeat(_))))
            .filter_map(|m| m.fragment().map(|f| f.text.as_str()))
            .collect();
        if page.marks.iter().any(|m| {
            m.fragment()
                .is_some_and(|f| f.text.starts_with('w') && f.text[1..].parse::<u32>().is_ok())
        }) {
            assert_eq!(repeated, ["Item", "2013"], "page {}", page.number);
        }
    }
    assert!(render_pdf(&doc, &meta()).is_ok());
}

#[test]
fn tall_cells_side_by_side_continue_together() {
    let md = format!(
        "| Label | Note | 2013 |\n|---|---|--:|\n| {} | {} | (1,234) |\n",
        numbered_words(700),
        numbered_words(500).replace('w', "n")
    );
    let doc = doc(&md);
    let pages = pages_of(&doc);
    assert_eq!(verify_placement(&doc, &pages), Ok(()));
    assert!(below_the_text_block(&pages).is_empty());
    let placed = placed_text(&pages);
    assert_eq!(
        placed.matches(" w").count() + usize::from(placed.starts_with('w')),
        700
    );
    assert_eq!(placed.matches(" n").count(), 500);
}

#[test]
fn a_word_wider_than_the_measure_is_broken_wherever_it_stands() {
    // The longest word the Markdown reader accepts.
    let long = "x".repeat(1000);
    let md = format!(
        "{long}\n\n### {long}\n\n> - {long}\n\n| Item | 2013 |\n|---|--:|\n| {long} | 1 |\n\nA note.[^a]\n\n[^a]: {long}\n"
    );
    let doc = doc(&md);
    let pages = pages_of(&doc);
    assert_eq!(verify_placement(&doc, &pages), Ok(()));
    assert!(below_the_text_block(&pages).is_empty());
    let styles = Styles::default();
    let right = styles.page.width - styles.page.margin_right;
    for page in &pages {
        for mark in &page.marks {
            assert!(mark.bounds().right <= right + 0.05, "{mark:?}");
        }
    }
    let xs: usize = placed_text(&pages).matches('x').count();
    assert_eq!(xs, 5 * 1000);
}

#[test]
fn nothing_is_drawn_over_the_page_furniture() {
    let mut md = String::new();
    for k in 0..30 {
        md.push_str(&format!(
            "Paragraph {k}: {}[^n{k}]\n\n",
            numbered_words(120)
        ));
        md.push_str(&format!(
            "| Item | 2013 |\n|---|--:|\n| {} | {k} |\n\n",
            numbered_words(40 + k * 13)
        ));
    }
    for k in 0..30 {
        md.push_str(&format!("[^n{k}]: {}\n\n", numbered_words(30 + k * 7)));
    }
    let doc = doc(&md);
    let pages = pages_of(&doc);
    assert_eq!(verify_placement(&doc, &pages), Ok(()));
    assert!(pages.len() > 10);
    for page in &pages {
        let furniture: Vec<_> = page
            .marks
            .iter()
            .filter(|m| m.is_furniture())
            .map(Mark::bounds)
            .collect();
        // Request line and page code on every page, the running header after the first.
        assert!(furniture.len() >= if page.number == 1 { 2 } else { 5 });
        for mark in page.marks.iter().filter(|m| !m.is_furniture()) {
            let b = mark.bounds();
            assert!(
                furniture.iter().all(|f| !f.overlaps(&b)),
                "page {}: {mark:?}",
                page.number
            );
        }
    }
}

/// A document of a few pages and its layout, for breaking on purpose.
fn sample() -> (Doc, Vec<PageLayout>) {
    let md = format!(
        "First paragraph with a note.[^a]\n\n{}\n\n| Item | 2013 |\n|---|--:|\n| Cash | 1,234 |\n\n- alpha beta\n- gamma\n\n[^a]: The note's own words.\n",
        numbered_words(900)
    );
    let doc = doc(&md);
    let pages = pages_of(&doc);
    assert_eq!(verify_placement(&doc, &pages), Ok(()));
    assert!(pages.len() >= 2);
    (doc, pages)
}

/// Index of the mark showing `text` on page `page`.
fn find(pages: &[PageLayout], page: usize, text: &str) -> usize {
    pages[page]
        .marks
        .iter()
        .position(|m| m.fragment().is_some_and(|f| f.text == text))
        .unwrap_or_else(|| panic!("`{text}` not on page {}", page + 1))
}

#[test]
fn a_lost_word_is_named_with_the_words_before_it() {
    let (doc, mut pages) = sample();
    let at = find(&pages, 0, "w5");
    pages[0].marks.remove(at);
    let error = verify_placement(&doc, &pages).unwrap_err();
    assert_eq!(
        error,
        PlacementError::Missing {
            words: "w5".into(),
            after: "w0 w1 w2 w3 w4".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "would lose the words “w5” after “w0 w1 w2 w3 w4”"
    );
    // A footnote's words are checked too.
    let (doc, mut pages) = sample();
    let at = find(&pages, 0, "own");
    pages[0].marks.remove(at);
    assert!(matches!(
        verify_placement(&doc, &pages),
        Err(PlacementError::Missing { words, .. }) if words == "own"
    ));
}

#[test]
fn a_doubled_or_reordered_word_is_caught() {
    let (doc, mut pages) = sample();
    let at = find(&pages, 0, "w7");
    let copy = pages[0].marks[at].clone();
    pages[0].marks.insert(at + 1, copy);
    assert!(matches!(
        verify_placement(&doc, &pages),
        Err(PlacementError::Doubled { words, .. }) if words == "w7"
    ));
    // A word of the first paragraph placed after words of the second.
    let (doc, mut pages) = sample();
    let at = find(&pages, 0, "First");
    let mark = pages[0].marks.remove(at);
    let later = find(&pages, 0, "w5");
    pages[0].marks.insert(later + 1, mark);
    assert!(matches!(
        verify_placement(&doc, &pages),
        Err(PlacementError::OutOfOrder { words, .. }) if words == "First"
    ));
}

#[test]
fn text_outside_the_text_block_or_over_furniture_is_caught() {
    let (doc, mut pages) = sample();
    let at = find(&pages, 0, "w3");
    pages[0].marks[at] = pages[0].marks[at].shifted(700.0);
    assert!(matches!(
        verify_placement(&doc, &pages),
        Err(PlacementError::Misplaced {
            place: "outside the text block",
            page: 1,
            ..
        })
    ));
    // Over the running header of page 2: the header is in the top margin, so
    // text over it is outside the text block.
    let (doc, mut pages) = sample();
    let header = find(&pages, 1, "Page 2");
    let top = pages[1].marks[header].bounds().top;
    let word = pages[1]
        .marks
        .iter()
        .position(|m| matches!(m.role(), Some(Role::Words(_))))
        .unwrap();
    let dy = top - pages[1].marks[word].bounds().top;
    pages[1].marks[word] = pages[1].marks[word].shifted(dy);
    let error = verify_placement(&doc, &pages).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("outside the text block on page 2"),
        "{error}"
    );
    // Furniture set down in the text block, where the text goes.
    let (doc, mut pages) = sample();
    let header = find(&pages, 1, "Page 2");
    pages[1].marks[header] = pages[1].marks[header].shifted(200.0);
    let error = verify_placement(&doc, &pages).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("inside the text block on page 2"),
        "{error}"
    );
}

#[test]
fn a_character_no_font_has_and_a_blank_page_are_caught() {
    let (doc, mut pages) = sample();
    let last = pages.len() - 1;
    let at = find(&pages, last, "alpha");
    if let Mark::Text { fragment, .. } = &mut pages[last].marks[at] {
        fragment.text = "中".into();
    }
    let error = verify_placement(&doc, &pages).unwrap_err();
    assert!(
        matches!(error, PlacementError::Uncovered { c: '中', .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("U+4E2D"), "{error}");
    let (doc, mut pages) = sample();
    let blank = PageLayout {
        number: 99,
        text_block: pages[0].text_block,
        marks: pages[0]
            .marks
            .iter()
            .filter(|m| m.is_furniture())
            .cloned()
            .collect(),
        ..PageLayout::default()
    };
    pages.insert(1, blank);
    assert_eq!(
        verify_placement(&doc, &pages),
        Err(PlacementError::BlankPage { page: 99 })
    );
}

#[test]
fn symbols_the_serif_lacks_print_from_the_symbol_face_and_others_are_refused() {
    let doc_ok = doc("Reviewed ✓ and paid ₹5,000 ⇒ done ☐ ★.\n");
    let pages = pages_of(&doc_ok);
    assert_eq!(verify_placement(&doc_ok, &pages), Ok(()));
    let faces: Vec<_> = pages[0]
        .marks
        .iter()
        .filter_map(Mark::fragment)
        .filter(|f| f.text.contains('✓') || f.text.contains('₹'))
        .map(|f| f.face)
        .collect();
    assert_eq!(faces.len(), 2);
    assert!(
        faces
            .iter()
            .all(|f| *f == respond::render::pdf::style::FaceId::Symbols)
    );
    for text in ["Revenue in 人民币.", "Great 😀 work.", "שלום"] {
        let d = doc(text);
        let error = render_pdf(&d, &meta()).unwrap_err();
        assert!(
            matches!(error, PlacementError::Uncovered { .. }),
            "{text}: {error:?}"
        );
    }
}

#[test]
fn a_table_too_wide_for_its_frame_is_set_smaller_not_off_the_page() {
    let cols = 40;
    let md = format!(
        "> - > |{}\n>   > |{}\n>   > |{}\n",
        " WWWW |".repeat(cols),
        "---|".repeat(cols),
        " (1,234,567) |".repeat(cols)
    );
    let doc = doc(&md);
    let pages = pages_of(&doc);
    assert_eq!(verify_placement(&doc, &pages), Ok(()));
    let sizes: Vec<f32> = pages[0]
        .marks
        .iter()
        .filter_map(Mark::fragment)
        .filter(|f| f.text.contains('W'))
        .map(|f| f.size)
        .collect();
    assert!(
        !sizes.is_empty() && sizes.iter().all(|s| *s < 10.0),
        "{sizes:?}"
    );
    assert_eq!(placed_text(&pages).matches('W').count(), 4 * cols);
}

#[test]
fn a_footnote_nothing_cites_prints_even_without_text() {
    let doc = doc("[^a]: Only a footnote, cited nowhere.\n");
    let pages = pages_of(&doc);
    assert_eq!(verify_placement(&doc, &pages), Ok(()));
    assert!(placed_text(&pages).contains("nowhere."));
}
