//! Breaking the vertical list into pages, with footnotes and the running header.
//!
//! Pages are filled one box at a time; when a box does not fit, the page ends at
//! the last place a break is allowed (see [`VBox::keep_with_next`]). Footnotes go
//! to the foot of the page whose text cites them, under a short rule; a footnote
//! too long for what is left of the page continues at the foot of the next one,
//! and so does a page's last footnote when keeping it whole would end the page
//! three lines early or more. A soft keep yields when honouring it would leave
//! a quarter of the page empty, or cut a paragraph and leave three lines or
//! more empty.
//! Pages 2 and later start with the running header. A table broken across pages
//! repeats its header rows.

use std::collections::BTreeSet;

use super::flow::{Flow, Layout, VBox};
use super::mark::{Mark, Rect, Role, baseline_in};
use super::style::Styles;

/// One laid-out page: everything on it, positioned from the page's top-left corner.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageLayout {
    /// Page number, from 1.
    pub number: usize,
    /// Text and rules; `baseline`/`y` are distances from the page's top edge.
    pub marks: Vec<Mark>,
    /// The body boxes placed on the page, for checks: where each sits and
    /// which of [`PageLayout::marks`] are its own (not a copy of them).
    pub boxes: Vec<PlacedBox>,
    /// Footnotes whose first line is on this page.
    pub notes: Vec<usize>,
    /// The text block: everything but page furniture lies inside it.
    pub text_block: Rect,
    /// The bookmarks whose text starts on this page.
    pub outline: Vec<super::outline::OutlineEntry>,
}

/// A body box as placed on its page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlacedBox {
    /// Its top edge, down from the page's top edge.
    pub top: f32,
    /// Its height.
    pub height: f32,
    /// A heading line (see [`VBox::heading`]).
    pub heading: bool,
    /// A page must not break right after it (see [`VBox::keep_with_next`]).
    pub keep_with_next: bool,
    /// Footnotes cited in it.
    pub notes: Vec<usize>,
    /// Its marks: this range of the page's [`PageLayout::marks`].
    pub marks: std::ops::Range<usize>,
}

impl PlacedBox {
    /// Its bottom edge, down from the page's top edge.
    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }
}

impl PageLayout {
    /// The marks of `placed`, a box of this page, where the page draws them.
    pub fn marks_of(&self, placed: &PlacedBox) -> &[Mark] {
        self.marks.get(placed.marks.clone()).unwrap_or(&[])
    }

    /// The text of `placed`, a box of this page: its fragments joined by
    /// spaces (for tests and diagnostics).
    pub fn text_of(&self, placed: &PlacedBox) -> String {
        let texts: Vec<&str> = self
            .marks_of(placed)
            .iter()
            .filter_map(Mark::fragment)
            .map(|f| f.text.as_str())
            .collect();
        texts.join(" ")
    }

    /// Appends the marks of `b`, set with its top edge at `top` (each mark
    /// passed through `place`), and records where the box went.
    fn place_box(&mut self, b: &VBox, top: f32, place: impl Fn(&Mark) -> Mark) {
        let start = self.marks.len();
        self.marks.extend(b.marks.iter().map(place));
        self.boxes.push(PlacedBox {
            top,
            height: b.height,
            heading: b.heading,
            keep_with_next: b.keep_with_next,
            notes: b.notes.clone(),
            marks: start..self.marks.len(),
        });
    }
}

/// The text block of every page: the paper less its margins.
pub fn text_block(styles: &Styles) -> Rect {
    let page = &styles.page;
    Rect {
        left: page.margin_left,
        top: page.margin_top,
        right: page.width - page.margin_right,
        bottom: page.height - page.margin_bottom,
    }
}

/// What the top margin of each page holds: lines printed on every page (the
/// Rule 83 request line), then, from page 2, the running header and "Page N".
#[derive(Debug, Clone, Copy, Default)]
pub struct TopMargin<'a> {
    /// Lines of furniture at the top of every page, above the running header.
    pub every_page: usize,
    /// The running header's lines on pages 2 and later ("Page N" follows them).
    pub running: &'a [String],
}

impl TopMargin<'_> {
    /// How many lines of furniture the top margin of page `number` holds.
    pub fn lines(&self, number: usize) -> usize {
        let running = if number > 1 {
            self.running.len() + 1
        } else {
            0
        };
        self.every_page + running
    }

    /// The text block of page `number`: the paper less its margins, and less
    /// whatever of the furniture (set from [`super::style::HeaderStyle::top`]
    /// down) reaches past the top margin, with the header's gap under it.
    pub fn text_block(&self, number: usize, styles: &Styles) -> Rect {
        let mut block = text_block(styles);
        let lines = self.lines(number);
        if lines > 0 {
            let h = &styles.header;
            let furniture_bottom = h.top + lines as f32 * h.leading;
            block.top = block.top.max(furniture_bottom + h.gap);
        }
        block
    }
}

/// Breaks `layout` into pages under the furniture of `margin`.
pub fn paginate(layout: &Layout, styles: &Styles, margin: TopMargin) -> Vec<PageLayout> {
    let mut pages = Vec::new();
    let mut carried: Vec<NoteLine> = Vec::new();
    let mut placed_notes: BTreeSet<usize> = BTreeSet::new();
    let flow = &layout.flow;
    let mut i = 0;
    while i < flow.len() || !carried.is_empty() {
        let number = pages.len() + 1;
        let block = margin.text_block(number, styles);
        let top = block.top;
        let avail = block.bottom - top;
        while let Some(Flow::Space(_)) = flow.get(i) {
            i += 1;
        }
        let repeat = repeated_header(flow.get(i), layout, number, avail);
        let start = PageStart {
            start: i,
            avail,
            repeat: &repeat,
            carried: &carried,
            placed: &placed_notes,
            continue_note: false,
        };
        let fill = fill_with_notes(start, layout, styles);
        let mut page = PageLayout {
            number,
            text_block: block,
            ..PageLayout::default()
        };
        if number > 1 {
            draw_header(&mut page, &margin, number, styles);
        }
        let mut y = top;
        for b in &repeat {
            page.place_box(b, y, |m| repeat_of(m).shifted(y));
            y += b.height;
        }
        for &(k, at) in &fill.boxes {
            if let Flow::Box(b) = &flow[k] {
                page.place_box(b, top + at, |m| m.shifted(top + at));
            }
        }
        // Footnotes: carried lines first, then the notes first cited on this page.
        let mut lines = std::mem::take(&mut carried);
        for &n in &fill.notes {
            if placed_notes.insert(n) {
                page.notes.push(n);
                let note = layout.notes.get(&n).map_or(&[][..], Vec::as_slice);
                lines.extend(note.iter().enumerate().map(|(index, line)| NoteLine {
                    line: line.clone(),
                    index,
                    left: note.len() - index - 1,
                }));
            }
        }
        let room = styles.page.height - styles.page.margin_bottom - fill.bottom;
        carried = place_footnotes(&mut page, lines, room, styles);
        pages.push(page);
        if fill.next == i && fill.boxes.is_empty() && carried.is_empty() {
            break; // Nothing could be placed: stop rather than loop.
        }
        i = fill.next;
    }
    pages
}

/// The header rows of the table that continues at the top of page `number`:
/// none on the first page, and none when they would take more than a third
/// of the page (a header that tall is printed once).
fn repeated_header(first: Option<&Flow>, layout: &Layout, number: usize, avail: f32) -> Vec<VBox> {
    let header = match first {
        Some(Flow::Box(b)) if number > 1 => b.repeat.and_then(|h| layout.headers.get(h)),
        _ => None,
    };
    match header {
        Some(rows) if rows.iter().map(|r| r.height).sum::<f32>() <= avail / 3.0 => rows.clone(),
        _ => Vec::new(),
    }
}

/// A mark of a repeated header row: its words are a copy, not new text.
fn repeat_of(mark: &Mark) -> Mark {
    match mark.role() {
        Some(Role::Words(run)) => mark.with_role(Role::Repeat(run)),
        _ => mark.clone(),
    }
}

/// What goes on one page.
struct Fill {
    /// Indices of the flow's boxes on the page, with their top below the body's top.
    boxes: Vec<(usize, f32)>,
    /// Footnotes first cited by those boxes (by the numbers they print), in
    /// order of citation: numbering order, which a redline's notes (printed
    /// with the letter's numbers) follow too.
    notes: Vec<usize>,
    /// Index of the first flow element of the next page.
    next: usize,
    /// Where the body ends, from the page's top.
    bottom: f32,
}

/// What the page being filled starts with.
#[derive(Clone, Copy)]
struct PageStart<'a> {
    /// Index of the first flow element to place.
    start: usize,
    /// Height from the top of the text to the bottom margin.
    avail: f32,
    /// Table header rows repeated at the top.
    repeat: &'a [VBox],
    /// Footnote lines continued from the previous page.
    carried: &'a [NoteLine],
    /// Footnotes already placed on earlier pages.
    placed: &'a BTreeSet<usize>,
    /// Whether the page's last footnote may continue on the next page (at
    /// least two of its lines stay) so that more text fits.
    continue_note: bool,
}

/// Fills a page keeping its footnotes whole where it can, or — when that
/// would end the page [`FILL_LINES`] or more lines of text sooner — letting
/// the last footnote continue on the next page: a footnote reserved whole
/// must not leave a page several lines short.
fn fill_with_notes(start: PageStart, layout: &Layout, styles: &Styles) -> Fill {
    let whole = fill_page(start, layout, styles);
    if layout.notes.is_empty() || whole.next >= layout.flow.len() {
        return whole;
    }
    let continued = fill_page(
        PageStart {
            continue_note: true,
            ..start
        },
        layout,
        styles,
    );
    let gained = unused(&whole, start, layout, styles) - unused(&continued, start, layout, styles);
    if gained >= FILL_LINES * styles.leading - 0.01 {
        continued
    } else {
        whole
    }
}

/// The height a page filled with `fill` leaves empty: what its text and its
/// footnotes, each whole, do not take.
fn unused(fill: &Fill, start: PageStart, layout: &Layout, styles: &Styles) -> f32 {
    let top = styles.page.height - styles.page.margin_bottom - start.avail;
    let carried: f32 = start.carried.iter().map(|l| l.line.height).sum();
    let notes: f32 = fill
        .notes
        .iter()
        .map(|&n| note_height(layout, n, usize::MAX))
        .sum::<f32>()
        + carried.min(start.avail / 2.0);
    let area = if notes > 0.0 {
        styles.footnotes.gap + notes
    } else {
        0.0
    };
    (start.avail - (fill.bottom - top) - area).max(0.0)
}

/// How many more lines of text a page must hold for its last footnote to be
/// continued on the next page rather than kept whole.
const FILL_LINES: f32 = 3.0;

/// Chooses the boxes of one page: as many as fit with their footnotes, ending
/// at the last allowed break.
fn fill_page(page: PageStart, layout: &Layout, styles: &Styles) -> Fill {
    let PageStart {
        start,
        avail,
        repeat,
        carried,
        placed,
        continue_note,
    } = page;
    let flow = &layout.flow;
    let top = styles.page.height - styles.page.margin_bottom - avail;
    let fs = &styles.footnotes;
    let carried_h: f32 = carried
        .iter()
        .map(|l| l.line.height)
        .sum::<f32>()
        .min(avail / 2.0);
    let mut used: f32 = repeat.iter().map(|b| b.height).sum();
    let mut notes: Vec<usize> = Vec::new();
    let mut notes_h = 0.0;
    let mut boxes: Vec<(usize, f32)> = Vec::new();
    // The last allowed break.
    let mut last_ok: Option<Break> = None;
    // The same, ignoring soft keeps.
    let mut last_hard_ok: Option<Break> = None;
    let mut pending_space = 0.0;
    // What continuing the last note placed so far would save.
    let mut last_saving = 0.0;
    let mut j = start;
    while j < flow.len() {
        match &flow[j] {
            Flow::Space(s) => {
                if !boxes.is_empty() {
                    pending_space += s;
                }
            }
            Flow::Box(b) => {
                let fresh: Vec<usize> = b
                    .notes
                    .iter()
                    .copied()
                    .filter(|n| !placed.contains(n) && !notes.contains(n))
                    .collect();
                let fresh_h: f32 = fresh
                    .iter()
                    .map(|&n| note_height(layout, n, usize::MAX))
                    .sum();
                let fresh_min: f32 = fresh.iter().map(|&n| note_height(layout, n, 2)).sum();
                // What continuing the page's last note on the next page saves.
                let cut = match fresh.last() {
                    Some(&n) if continue_note => note_saving(layout, n),
                    Some(_) => 0.0,
                    None => last_saving,
                };
                let area = |h: f32| {
                    if h + carried_h > 0.0 {
                        fs.gap + h + carried_h
                    } else {
                        0.0
                    }
                };
                let body = used + pending_space + b.height;
                let fits = body + area(notes_h + fresh_h) <= avail + 0.01
                    || (!fresh.is_empty() && body + area(notes_h + fresh_min) <= avail + 0.01)
                    || (cut > 0.0 && body + area(notes_h + fresh_h - cut) <= avail + 0.01);
                if !fits {
                    if boxes.is_empty() {
                        // Taller than a page on its own: place it anyway.
                        boxes.push((j, used));
                        notes.extend(fresh);
                        used = body;
                        j += 1;
                    } else if let Some(b) = choose_break(last_ok, last_hard_ok, flow, avail, styles)
                    {
                        boxes.truncate(b.boxes);
                        notes.truncate(b.notes);
                        used = b.used;
                        j = b.next;
                    }
                    return finish(boxes, notes, j, top + used);
                }
                boxes.push((j, used + pending_space));
                used = body;
                pending_space = 0.0;
                notes_h += fresh_h;
                last_saving = cut;
                notes.extend(fresh);
                if !b.keep_with_next {
                    let here = Some(Break {
                        next: j + 1,
                        boxes: boxes.len(),
                        notes: notes.len(),
                        used,
                        unused: (avail - used - area(notes_h)).max(0.0),
                    });
                    last_hard_ok = here;
                    if !b.keep_soft {
                        last_ok = here;
                    }
                }
            }
        }
        j += 1;
    }
    finish(boxes, notes, j, top + used)
}

/// A place the page may end, as the page stands there.
#[derive(Debug, Clone, Copy)]
struct Break {
    /// Index of the first flow element of the next page.
    next: usize,
    /// How many boxes the page keeps.
    boxes: usize,
    /// How many footnotes it keeps.
    notes: usize,
    /// The height of its text.
    used: f32,
    /// What its text and whole footnotes leave empty.
    unused: f32,
}

/// The break to take when the page is full: the last one that honours every
/// keep, unless a later one that ignores soft keeps fills a quarter of a page
/// more — or, where honouring the soft keep cuts a paragraph anyway (the
/// break falls between two of its lines, so only its tail travels with what
/// follows) and would leave [`FILL_LINES`] lines or more of the page empty,
/// any more: a page is filled before a paragraph is cut to keep its last
/// lines company.
fn choose_break(
    all: Option<Break>,
    hard: Option<Break>,
    flow: &[Flow],
    avail: f32,
    styles: &Styles,
) -> Option<Break> {
    match (all, hard) {
        (Some(a), Some(h)) => {
            let quarter = h.used - a.used > avail / 4.0;
            let cuts = matches!(flow.get(a.next), Some(Flow::Box(_)))
                && matches!(flow.get(a.next.wrapping_sub(1)), Some(Flow::Box(_)));
            let fills = h.used > a.used
                && h.unused < a.unused
                && a.unused >= FILL_LINES * styles.leading - 0.01;
            Some(if quarter || (cuts && fills) { h } else { a })
        }
        (Some(a), None) => Some(a),
        (None, h) => h,
    }
}

fn finish(boxes: Vec<(usize, f32)>, notes: Vec<usize>, next: usize, bottom: f32) -> Fill {
    Fill {
        boxes,
        notes,
        next,
        bottom,
    }
}

/// Height of the first `lines` lines of footnote `n`.
fn note_height(layout: &Layout, n: usize, lines: usize) -> f32 {
    layout
        .notes
        .get(&n)
        .map_or(0.0, |l| l.iter().take(lines).map(|b| b.height).sum())
}

/// How much shorter footnote `n` is at the foot of its page when all but its
/// first two lines continue on the next page.
fn note_saving(layout: &Layout, n: usize) -> f32 {
    note_height(layout, n, usize::MAX) - note_height(layout, n, 2)
}

/// Places footnote lines at the foot of the page, as many as `room` allows;
/// returns the lines that continue on the next page.
fn place_footnotes(
    page: &mut PageLayout,
    lines: Vec<NoteLine>,
    room: f32,
    styles: &Styles,
) -> Vec<NoteLine> {
    let fs = &styles.footnotes;
    if lines.is_empty() {
        return lines;
    }
    let mut fit = 0;
    let mut h = fs.gap;
    for l in &lines {
        if h + l.line.height > room + 0.01 && fit > 0 {
            break;
        }
        h += l.line.height;
        fit += 1;
    }
    // A footnote split across pages leaves no single last line on the next
    // page when three or more lines can stay behind.
    if fit < lines.len() && lines[fit - 1].left == 1 && lines[fit - 1].index >= 2 {
        fit -= 1;
        h -= lines[fit].line.height;
    }
    let bottom = styles.page.height - styles.page.margin_bottom;
    let mut y = bottom - (h - fs.gap);
    page.marks.push(Mark::Rule {
        x0: styles.page.margin_left,
        x1: styles.page.margin_left + fs.rule_length.min(styles.page.measure()),
        y: y - fs.gap / 2.0,
        thickness: fs.rule,
    });
    let mut rest = lines;
    let tail = rest.split_off(fit);
    for l in rest {
        page.marks.extend(l.line.marks.iter().map(|m| m.shifted(y)));
        y += l.line.height;
    }
    tail
}

/// A line of a footnote on its way to the foot of a page.
#[derive(Debug, Clone)]
struct NoteLine {
    line: VBox,
    /// Its position in the footnote, from 0.
    index: usize,
    /// How many lines of the footnote follow it.
    left: usize,
}

/// Draws the running header and "Page N" in the top margin, under the lines
/// printed on every page.
fn draw_header(page: &mut PageLayout, margin: &TopMargin, number: usize, styles: &Styles) {
    let h = &styles.header;
    let page_line = format!("Page {number}");
    let lines = margin.running.iter().chain(std::iter::once(&page_line));
    for (k, text) in lines.enumerate() {
        let size = super::furniture::fitted_size(text, h.size, styles.page.measure());
        let row = (margin.every_page + k) as f32;
        let baseline = h.top + row * h.leading + baseline_in(h.leading, size);
        page.marks.extend(Mark::plain(
            styles.page.margin_left,
            baseline,
            text,
            size,
            Role::Furniture,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse_rendered;
    use crate::render::pdf::{PdfMeta, layout};

    fn pages_of(md: &str) -> Vec<PageLayout> {
        let (doc, issues) = parse_rendered(md);
        assert!(issues.is_empty(), "{issues:?}");
        let meta = PdfMeta {
            header_lines: vec![
                "Securities and Exchange Commission".into(),
                "December 9, 2014".into(),
            ],
            ..PdfMeta::default()
        };
        layout(&doc, &meta, &Styles::default())
    }

    fn filler(words: usize) -> String {
        (0..words)
            .map(|i| {
                [
                    "disclosure",
                    "the",
                    "Company",
                    "respectfully",
                    "advises",
                    "Staff",
                ][i % 6]
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn no_heading_ends_a_page_and_no_paragraph_leaves_a_lone_line() {
        // Shift the headings through every position near the foot of the page.
        for extra in 0..12 {
            let mut md = format!("{}\n\n", filler(40 + extra * 9));
            for k in 0..14 {
                md.push_str(&format!(
                    "### Heading {k}\n\n{}\n\n",
                    filler(30 + (k * 17) % 90)
                ));
            }
            let pages = pages_of(&md);
            assert!(pages.len() >= 2);
            for page in &pages[..pages.len() - 1] {
                let last = page.boxes.last().expect("page has boxes");
                assert!(!last.heading, "page {} ends with a heading", page.number);
                assert!(
                    !last.keep_with_next,
                    "page {} breaks where it must not",
                    page.number
                );
            }
        }
    }

    #[test]
    fn paragraphs_forbid_breaks_after_their_first_and_before_their_last_line() {
        let pages = pages_of(&filler(200));
        let boxes: Vec<&PlacedBox> = pages.iter().flat_map(|p| p.boxes.iter()).collect();
        let n = boxes.len();
        assert!(n >= 5, "{n}");
        let keeps: Vec<bool> = boxes.iter().map(|b| b.keep_with_next).collect();
        assert!(keeps[0] && keeps[n - 2] && !keeps[n - 1]);
        assert!(keeps[1..n - 2].iter().all(|k| !k));
    }

    #[test]
    fn a_table_repeats_its_header_rows_on_the_next_page() {
        let mut md =
            String::from("| Item | 2013 | 2012 |\n|---|--:|--:|\n| | (in thousands) | |\n");
        for i in 0..80 {
            md.push_str(&format!(
                "| Row {i} | {},{:03} | ({}) |\n",
                i + 1,
                i * 7 % 1000,
                i * 13
            ));
        }
        md.push_str("| Total | 9,999 | 8,888 |\n");
        let pages = pages_of(&md);
        assert!(pages.len() >= 2);
        for page in &pages[1..] {
            let first: Vec<String> = page.boxes.iter().take(2).map(|b| page.text_of(b)).collect();
            assert_eq!(first[0], "Item 2013 2012", "page {}", page.number);
            assert_eq!(first[1], "(in thousands)", "page {}", page.number);
        }
        // Every body row appears exactly once, in order.
        let rows: Vec<String> = pages
            .iter()
            .flat_map(|p| p.boxes.iter().map(|b| p.text_of(b)))
            .filter(|t| t.starts_with("Row "))
            .collect();
        assert_eq!(rows.len(), 80);
        assert!(rows[79].starts_with("Row 79 "));
        // No page holds a lone body row, and the total stays with the rows above it.
        for page in &pages {
            let body: Vec<String> = page
                .boxes
                .iter()
                .map(|b| page.text_of(b))
                .filter(|t| t.starts_with("Row ") || t.starts_with("Total"))
                .collect();
            assert!(body.len() >= 2, "page {}: {body:?}", page.number);
            assert!(!body[0].starts_with("Total"), "page {}", page.number);
        }
    }

    #[test]
    fn footnotes_sit_at_the_foot_of_the_page_that_cites_them() {
        let mut md = String::new();
        for k in 1..=6 {
            md.push_str(&format!(
                "{} cited here.[^n{k}] {}\n\n",
                filler(120),
                filler(60)
            ));
        }
        for k in 1..=6 {
            md.push_str(&format!("[^n{k}]: Footnote {k} says {}.\n\n", filler(25)));
        }
        let pages = pages_of(&md);
        let styles = Styles::default();
        let mut seen = Vec::new();
        for page in &pages {
            // The footnote number printed in the text on this page…
            let cited: Vec<usize> = page.boxes.iter().flat_map(|b| b.notes.clone()).collect();
            for n in &page.notes {
                assert!(
                    cited.contains(n),
                    "note {n} on page {} is not cited there",
                    page.number
                );
                // "Footnote {n} says …": the footnote's own text, found by its number.
                let texts: Vec<(&str, f32)> = page
                    .marks
                    .iter()
                    .filter_map(|m| match m {
                        Mark::Text {
                            baseline, fragment, ..
                        } => Some((fragment.text.as_str(), *baseline)),
                        Mark::Rule { .. } => None,
                    })
                    .collect();
                let number = n.to_string();
                let at = texts
                    .windows(2)
                    .find(|w| w[0].0 == "Footnote" && w[1].0 == number)
                    .map(|w| w[0].1);
                let body_bottom = page.boxes.last().map_or(0.0, PlacedBox::bottom);
                let at = at.expect("footnote text on the page");
                assert!(at > body_bottom, "footnote above the text's end");
                assert!(at <= styles.page.height - styles.page.margin_bottom);
            }
            seen.extend(page.notes.iter().copied());
        }
        assert_eq!(seen, vec![1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn a_footnote_nothing_cites_goes_to_the_last_page() {
        let md = format!(
            "{}[^a]\n\n{}\n\n[^a]: Cited.\n\n[^b]: Never cited.\n",
            filler(50),
            filler(900)
        );
        let pages = pages_of(&md);
        assert!(pages.len() >= 2);
        assert_eq!(pages[0].notes, vec![1]);
        assert_eq!(pages.last().unwrap().notes, vec![2]);
    }

    #[test]
    fn a_long_footnote_continues_on_the_next_page() {
        let md = format!(
            "{}[^long]\n\n{}\n\n[^long]: {}\n",
            filler(450),
            filler(300),
            filler(900)
        );
        let pages = pages_of(&md);
        assert!(pages.len() >= 2);
        let footnote_lines = |p: &PageLayout| {
            let bottom = p.boxes.last().map_or(0.0, PlacedBox::bottom);
            p.marks
                .iter()
                .filter(|m| matches!(m, Mark::Text { baseline, fragment, .. } if *baseline > bottom && fragment.size < 11.0))
                .count()
        };
        let cited_on = pages
            .iter()
            .position(|p| p.notes.contains(&1))
            .expect("the footnote starts somewhere");
        assert!(footnote_lines(&pages[cited_on]) > 0);
        assert!(
            footnote_lines(&pages[cited_on + 1]) >= 2,
            "no continuation, or a lone line"
        );
        let styles = Styles::default();
        for p in &pages {
            for m in &p.marks {
                if let Mark::Text { baseline, .. } = m {
                    assert!(*baseline <= styles.page.height - styles.page.margin_bottom + 0.01);
                }
            }
        }
    }

    /// Distinct baselines of footnote text (small type below the body) on a page.
    fn footnote_line_count(p: &PageLayout) -> usize {
        let bottom = p.boxes.last().map_or(0.0, PlacedBox::bottom);
        let mut baselines: Vec<i32> = p
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text {
                    baseline, fragment, ..
                } if *baseline > bottom && fragment.size == 10.0 => Some(*baseline as i32),
                _ => None,
            })
            .collect();
        baselines.dedup();
        baselines.len()
    }

    #[test]
    fn a_split_footnote_leaves_no_lone_line_on_the_next_page() {
        let mut splits = 0;
        for body in (380..560).step_by(6) {
            let md = format!(
                "{}[^a]\n\n{}\n\n[^a]: {}\n",
                filler(body),
                filler(400),
                filler(70)
            );
            let pages = pages_of(&md);
            let first = pages.iter().position(|p| p.notes.contains(&1)).unwrap();
            let next = pages.get(first + 1).map_or(0, footnote_line_count);
            if next > 0 {
                splits += 1;
                assert!(
                    next >= 2,
                    "body {body}: one line of the footnote alone on page {}",
                    first + 2
                );
            }
        }
        assert!(splits > 0, "no case split the footnote");
    }

    #[test]
    fn the_running_header_starts_on_page_two() {
        let pages = pages_of(&filler(1500));
        assert!(pages.len() >= 2);
        let has = |p: &PageLayout, t: &str| {
            p.marks
                .iter()
                .any(|m| matches!(m, Mark::Text { fragment, .. } if fragment.text == t))
        };
        assert!(!has(&pages[0], "Securities and Exchange Commission"));
        for p in &pages[1..] {
            assert!(has(p, "Securities and Exchange Commission"));
            assert!(has(p, &format!("Page {}", p.number)));
        }
    }
}
