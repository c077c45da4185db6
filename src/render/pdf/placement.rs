//! The placement check: every word of the document is on the pages exactly
//! once and in order, inside the text block and clear of the page furniture,
//! every character in a face that can show it, and nothing else is drawn but
//! the numbers, bullets, rules and furniture the layout adds.
//!
//! The layout tags every piece of text with what it is ([`Role`]); the
//! document's own words carry the number of their run (a paragraph, heading,
//! table cell, code block or footnote block). The check reads the same runs
//! from the document on its own and compares them, character by character
//! (spaces aside), with what the pages hold. It only walks the marks once, so
//! it costs little beside the layout and runs on every PDF written.

use std::fmt;

use crate::markdown::{Block, Doc, Inline, InlineContent};

use super::fonts::fonts;
use super::mark::{Mark, Rect, Role};
use super::pages::PageLayout;
use super::text::NoteNumbers;

/// Why the pages do not show the document as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementError {
    /// Words of the document are on no page.
    Missing {
        /// The first words missing.
        words: String,
        /// The words before them.
        after: String,
    },
    /// Words are placed more than once.
    Doubled {
        /// The words placed again.
        words: String,
        /// The words before them.
        after: String,
    },
    /// Text is placed that differs from the document's.
    Changed {
        /// What the document has.
        expected: String,
        /// What the page shows instead.
        placed: String,
        /// The words before them.
        after: String,
    },
    /// Words are placed after words that follow them in the document.
    OutOfOrder {
        /// The words placed too late.
        words: String,
        /// Page they are on.
        page: usize,
    },
    /// A character is set in a face that cannot show it.
    Uncovered {
        /// The character.
        c: char,
        /// The text it is in.
        text: String,
        /// Page it is on.
        page: usize,
    },
    /// Text or a rule lies outside the text block or over page furniture.
    Misplaced {
        /// The text (or "a rule").
        text: String,
        /// Page it is on.
        page: usize,
        /// Where: "outside the text block", "inside the text block" (furniture
        /// set where the text goes) or "over the page furniture".
        place: &'static str,
    },
    /// Text the layout adds that is not a number, bullet or furniture.
    Unknown {
        /// The text.
        text: String,
        /// Page it is on.
        page: usize,
    },
    /// A page with nothing on it but furniture.
    BlankPage {
        /// Its number.
        page: usize,
    },
    /// The pages could not be put together into one file.
    Unassembled {
        /// Why.
        why: String,
    },
}

impl fmt::Display for PlacementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let after = |a: &str| {
            if a.is_empty() {
                String::new()
            } else {
                format!(" after “{a}”")
            }
        };
        match self {
            PlacementError::Missing { words, after: a } => {
                write!(f, "would lose the words “{words}”{}", after(a))
            }
            PlacementError::Doubled { words, after: a } => {
                write!(f, "would print the words “{words}” twice{}", after(a))
            }
            PlacementError::Changed {
                expected,
                placed,
                after: a,
            } => write!(
                f,
                "would print “{placed}” instead of “{expected}”{}",
                after(a)
            ),
            PlacementError::OutOfOrder { words, page } => {
                write!(f, "would print “{words}” out of order on page {page}")
            }
            PlacementError::Uncovered { c, text, page } => write!(
                f,
                "cannot show {} in “{text}” on page {page}: no embedded font has it",
                super::fonts::describe(*c)
            ),
            PlacementError::Misplaced { text, page, place } => {
                write!(f, "would draw “{text}” {place} on page {page}")
            }
            PlacementError::Unknown { text, page } => {
                write!(
                    f,
                    "would print “{text}”, which is not in the document, on page {page}"
                )
            }
            PlacementError::BlankPage { page } => write!(f, "would leave page {page} blank"),
            PlacementError::Unassembled { why } => {
                write!(f, "could not be put together: {why}")
            }
        }
    }
}

impl std::error::Error for PlacementError {}

/// Checks that `pages` show `doc` whole: see the module documentation.
pub fn verify_placement(doc: &Doc, pages: &[PageLayout]) -> Result<(), PlacementError> {
    let runs = Runs::of(doc);
    let mut tally = Tally {
        placed: vec![String::new(); runs.text.len()],
        reached: [0; 2],
        runs: &runs,
    };
    for page in pages {
        if pages.len() > 1 && page.marks.iter().all(Mark::is_furniture) {
            return Err(PlacementError::BlankPage { page: page.number });
        }
        tally.page(page)?;
    }
    tally.finish()
}

/// What the pages hold of each run so far.
struct Tally<'a> {
    runs: &'a Runs,
    /// Each run's text placed so far, without spaces.
    placed: Vec<String>,
    /// The last group seen in the body (0) and in the footnotes (1).
    reached: [usize; 2],
}

impl Tally<'_> {
    fn page(&mut self, page: &PageLayout) -> Result<(), PlacementError> {
        let furniture: Vec<Rect> = page
            .marks
            .iter()
            .filter(|m| m.is_furniture())
            .map(Mark::bounds)
            .collect();
        // The repeated header rows on the page, run by run.
        let mut repeats: Vec<(u32, String)> = Vec::new();
        for mark in &page.marks {
            check_position(mark, page, &furniture)?;
            let Mark::Text { fragment, role, .. } = mark else {
                continue;
            };
            check_glyphs(fragment, page.number)?;
            let text = fragment.text.as_str();
            match *role {
                Role::Words(run) => self.words(run, text, page.number)?,
                Role::Repeat(run) => match repeats.iter_mut().find(|(r, _)| *r == run) {
                    Some((_, copy)) => copy.push_str(text),
                    None => repeats.push((run, text.to_owned())),
                },
                Role::NoteNumber if is_number(text) => {}
                Role::ListMarker if is_list_marker(text) => {}
                Role::Furniture => {}
                Role::NoteNumber | Role::ListMarker => return Err(unknown(text, page.number)),
            }
        }
        for (run, text) in repeats {
            let copy: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let cell = self.runs.cells.get(run as usize) == Some(&true);
            if !cell || self.runs.text.get(run as usize) != Some(&copy) {
                return Err(unknown(&text, page.number));
            }
        }
        Ok(())
    }

    /// Adds words of `run`, which must not come after a later group's.
    fn words(&mut self, run: u32, text: &str, page: usize) -> Result<(), PlacementError> {
        let Some(placed) = self.placed.get_mut(run as usize) else {
            return Err(unknown(text, page));
        };
        let (stream, group) = self.runs.groups[run as usize];
        if group < self.reached[stream] {
            return Err(PlacementError::OutOfOrder {
                words: text.to_owned(),
                page,
            });
        }
        self.reached[stream] = group;
        placed.extend(text.chars().filter(|c| !c.is_whitespace()));
        Ok(())
    }

    /// Every run placed whole: the first that is not, with its words.
    fn finish(self) -> Result<(), PlacementError> {
        let runs = self.runs;
        for (run, (expected, got)) in runs.text.iter().zip(&self.placed).enumerate() {
            if expected != got {
                let words: Vec<String> = runs.source[run]
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect();
                return Err(difference(&words, expected, got));
            }
        }
        Ok(())
    }
}

fn unknown(text: &str, page: usize) -> PlacementError {
    PlacementError::Unknown {
        text: text.to_owned(),
        page,
    }
}

/// A footnote's number: digits.
fn is_number(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// A bullet, a dash, or a number with its full stop.
fn is_list_marker(text: &str) -> bool {
    matches!(text, "\u{2022}" | "\u{2013}")
        || text
            .strip_suffix('.')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Room for the small overhang of raised footnote references and hanging
/// parentheses, in points.
const SLACK_Y: f32 = 1.0;
const SLACK_X: f32 = 0.05;

fn check_position(
    mark: &Mark,
    page: &PageLayout,
    furniture: &[Rect],
) -> Result<(), PlacementError> {
    let bounds = mark.bounds();
    let block = page.text_block;
    if mark.is_furniture() {
        // In the margins, across the same width as the text, never in the text block.
        let across = bounds.left >= block.left - SLACK_X && bounds.right <= block.right + SLACK_X;
        let place = if !across {
            "outside the text block"
        } else if block.overlaps(&bounds) {
            "inside the text block"
        } else {
            return Ok(());
        };
        return Err(PlacementError::Misplaced {
            text: mark.fragment().map_or_else(String::new, |f| f.text.clone()),
            page: page.number,
            place,
        });
    }
    let inside = bounds.left >= block.left - SLACK_X
        && bounds.right <= block.right + SLACK_X
        && bounds.top >= block.top - SLACK_Y
        && bounds.bottom <= block.bottom + SLACK_Y;
    let place = if !inside {
        "outside the text block"
    } else if furniture.iter().any(|f| f.overlaps(&bounds)) {
        "over the page furniture"
    } else {
        return Ok(());
    };
    Err(PlacementError::Misplaced {
        text: mark
            .fragment()
            .map_or_else(|| "a rule".to_owned(), |f| f.text.clone()),
        page: page.number,
        place,
    })
}

fn check_glyphs(fragment: &super::text::Fragment, page: usize) -> Result<(), PlacementError> {
    let fonts = fonts();
    match fragment
        .text
        .chars()
        .find(|&c| !fonts.shows(fragment.face, c))
    {
        Some(c) => Err(PlacementError::Uncovered {
            c,
            text: fragment.text.clone(),
            page,
        }),
        None => Ok(()),
    }
}

/// How many words of context an error quotes.
const CONTEXT: usize = 6;

/// The first difference between a run's text and what was placed of it.
fn difference(words: &[String], expected: &str, got: &str) -> PlacementError {
    let e: Vec<char> = expected.chars().collect();
    let g: Vec<char> = got.chars().collect();
    // The difference starts at the beginning of the word it falls in, so a
    // letter shared by two words is never split between them.
    let first = e.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let prefix = word_start(words, first);
    let room = e.len().min(g.len()) - prefix;
    let suffix = e
        .iter()
        .rev()
        .zip(g.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let (e_mid, g_mid) = (prefix..e.len() - suffix, prefix..g.len() - suffix);
    let after = quote(words, words_before(words, prefix), CONTEXT);
    if g_mid.is_empty() {
        let first = word_at(words, e_mid.start);
        let last = word_at(words, e_mid.end.saturating_sub(1)) + 1;
        let shown = last.min(first + CONTEXT * 2);
        let mut lost = quote(words, shown, shown - first);
        if shown < last {
            lost.push_str(" …");
        }
        return PlacementError::Missing { words: lost, after };
    }
    let placed: String = g[g_mid].iter().collect();
    if e_mid.is_empty() {
        return PlacementError::Doubled {
            words: clip(&placed),
            after,
        };
    }
    PlacementError::Changed {
        expected: clip(&e[e_mid].iter().collect::<String>()),
        placed: clip(&placed),
        after,
    }
}

/// Index of the word holding character `at` of the run's text (spaces aside).
fn word_at(words: &[String], at: usize) -> usize {
    let mut seen = 0;
    for (i, w) in words.iter().enumerate() {
        seen += w.chars().count();
        if at < seen {
            return i;
        }
    }
    words.len().saturating_sub(1)
}

/// Where the word holding character `at` starts (spaces aside).
fn word_start(words: &[String], at: usize) -> usize {
    let mut seen = 0;
    for w in words {
        let len = w.chars().count();
        if at < seen + len {
            return seen;
        }
        seen += len;
    }
    seen.min(at)
}

/// How many whole words lie before character `at`.
fn words_before(words: &[String], at: usize) -> usize {
    let mut seen = 0;
    words
        .iter()
        .take_while(|w| {
            seen += w.chars().count();
            seen <= at
        })
        .count()
}

/// Up to `count` words ending before word `end`.
fn quote(words: &[String], end: usize, count: usize) -> String {
    let end = end.min(words.len());
    words[end.saturating_sub(count)..end].join(" ")
}

fn clip(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        text.chars().take(MAX).chain(['…']).collect()
    }
}

/// The document's runs of text, in the order the layout numbers them.
struct Runs {
    /// Each run's text without spaces.
    text: Vec<String>,
    /// Each run's text as written (for the words an error quotes).
    source: Vec<String>,
    /// Each run's stream (0 body, 1 footnotes) and group: runs of one group
    /// (the cells of a table row) may be placed side by side; groups follow
    /// each other.
    groups: Vec<(usize, usize)>,
    /// Which runs are table cells.
    cells: Vec<bool>,
    numbers: NoteNumbers,
    stream: usize,
    next_group: usize,
}

impl Runs {
    fn of(doc: &Doc) -> Runs {
        let (numbers, notes, _) = super::ordered_notes(doc);
        let mut runs = Runs {
            text: Vec::new(),
            source: Vec::new(),
            groups: Vec::new(),
            cells: Vec::new(),
            numbers,
            stream: 0,
            next_group: 0,
        };
        runs.blocks(&doc.blocks);
        runs.stream = 1;
        for (_, note) in notes {
            for block in note {
                let mut text = String::new();
                runs.block_text(block, &mut text);
                runs.push(text, false);
            }
        }
        runs
    }

    fn push(&mut self, text: String, cell: bool) {
        self.text
            .push(text.chars().filter(|c| !c.is_whitespace()).collect());
        self.source.push(text);
        self.groups.push((self.stream, self.next_group));
        self.cells.push(cell);
        if !cell {
            self.next_group += 1;
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Paragraph(inlines)
                | Block::Heading {
                    content: inlines, ..
                } => {
                    let text = self.inline_text(inlines);
                    self.push(text, false);
                }
                Block::Code(code) => self.push(code.clone(), false),
                Block::List { items, .. } => items.iter().for_each(|item| self.blocks(item)),
                Block::Quote(inner) | Block::KeepTogether(inner) => self.blocks(inner),
                Block::Table(table) => {
                    for row in std::iter::once(&table.header).chain(&table.rows) {
                        for cell in row {
                            let text = self.inline_text(cell);
                            self.push(text, true);
                        }
                        self.next_group += 1;
                    }
                }
                Block::Rule => {}
            }
        }
    }

    /// All the text of a footnote's block, nested blocks and code included.
    fn block_text(&self, block: &Block, out: &mut String) {
        match block {
            Block::Paragraph(inlines)
            | Block::Heading {
                content: inlines, ..
            } => {
                out.push_str(&self.inline_text(inlines));
            }
            Block::Code(code) => out.push_str(code),
            Block::List { items, .. } => {
                items.iter().flatten().for_each(|b| self.block_text(b, out))
            }
            Block::Quote(inner) | Block::KeepTogether(inner) => {
                inner.iter().for_each(|b| self.block_text(b, out))
            }
            Block::Table(table) => std::iter::once(&table.header)
                .chain(&table.rows)
                .flatten()
                .for_each(|cell| out.push_str(&self.inline_text(cell))),
            Block::Rule => {}
        }
        out.push(' ');
    }

    /// The text the layout sets for `inlines`: breaks as spaces, footnote
    /// references as their numbers (`*` for a reference to no footnote).
    fn inline_text(&self, inlines: &[Inline]) -> String {
        let mut text = String::new();
        for inline in inlines {
            match &inline.content {
                InlineContent::Text(t) => text.push_str(t),
                InlineContent::SoftBreak | InlineContent::HardBreak => text.push(' '),
                InlineContent::FootnoteRef(label) => match self.numbers.get(label) {
                    Some(n) => text.push_str(&n.to_string()),
                    None => text.push('*'),
                },
            }
        }
        text
    }
}
