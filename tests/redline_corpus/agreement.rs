//! Agreement of two redlines of the same pair, word by word: for each word
//! of the original, whether it is struck; for each word of the revision,
//! whether it is underlined. A word is a run of text between spaces, from
//! its first letter, digit or currency sign to its last letter, digit or
//! percent sign; two redlines agree on a word when they mark the same
//! characters of it, so a figure struck apart from its sign is a miss.

use respond::markdown::{Doc, InlineContent};

/// Words marked by the reference, by the redline measured, and by both alike.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    /// Words the reference marks.
    pub expected: usize,
    /// Words the redline measured marks.
    pub found: usize,
    /// Words both mark, and mark alike.
    pub agreed: usize,
}

impl Tally {
    /// The share of the words found that the reference marks too.
    pub fn precision(&self) -> f64 {
        ratio(self.agreed, self.found)
    }

    /// The share of the words the reference marks that were found.
    pub fn recall(&self) -> f64 {
        ratio(self.agreed, self.expected)
    }

    /// Adds another tally.
    pub fn add(&mut self, other: Tally) {
        self.expected += other.expected;
        self.found += other.found;
        self.agreed += other.agreed;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Agreement on insertions and on deletions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Agreement {
    /// Words underlined in the revision.
    pub inserted: Tally,
    /// Words struck in the original.
    pub deleted: Tally,
}

impl Agreement {
    /// Adds another agreement.
    pub fn add(&mut self, other: Agreement) {
        self.inserted.add(other.inserted);
        self.deleted.add(other.deleted);
    }
}

/// Which text of a redline to read.
#[derive(Clone, Copy)]
enum View {
    /// The original: everything but insertions; deletions are marked.
    Original,
    /// The revision: everything but deletions; insertions are marked.
    Revised,
}

/// Compares the redline `found` with the reference `expected`, both of the
/// pair `original` → `revised`; an error when either does not read back to
/// the pair's texts.
pub fn agreement(
    original: &Doc,
    revised: &Doc,
    expected: &Doc,
    found: &Doc,
) -> Result<Agreement, String> {
    Ok(Agreement {
        inserted: tally(revised, expected, found, View::Revised)?,
        deleted: tally(original, expected, found, View::Original)?,
    })
}

fn tally(truth: &Doc, expected: &Doc, found: &Doc, view: View) -> Result<Tally, String> {
    let text = text_of(truth);
    let expected = marks(expected, view, &text).map_err(|e| format!("reference: {e}"))?;
    let found = marks(found, view, &text).map_err(|e| format!("redline: {e}"))?;
    let mut tally = Tally::default();
    for word in words(&text) {
        let (e, f) = (&expected[word.clone()], &found[word]);
        let (e_marked, f_marked) = (e.contains(&true), f.contains(&true));
        tally.expected += usize::from(e_marked);
        tally.found += usize::from(f_marked);
        tally.agreed += usize::from(e_marked && e == f);
    }
    Ok(tally)
}

/// The characters of a document's text pieces, in order, spaces included.
fn text_of(doc: &Doc) -> Vec<char> {
    pieces(doc, |_| Some(false))
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// The text pieces of a document as characters with a mark, keeping only
/// the pieces `keep` gives a mark for.
fn pieces(
    doc: &Doc,
    keep: impl Fn(&respond::markdown::Style) -> Option<bool>,
) -> Vec<(char, bool)> {
    let mut out = Vec::new();
    doc.visit_inlines(&mut |inlines| {
        for inline in inlines {
            let Some(mark) = keep(&inline.style) else {
                continue;
            };
            match &inline.content {
                InlineContent::Text(t) => out.extend(t.chars().map(|c| (c, mark))),
                InlineContent::SoftBreak | InlineContent::HardBreak => out.push((' ', mark)),
                InlineContent::FootnoteRef(_) => {}
            }
            // Each inline list (paragraph, cell) ends with a space.
        }
        out.push((' ', false));
    });
    out
}

/// The marks of one view of a redline, one for each character of `text`
/// that is not a space (spaces may differ: a redline may add one between a
/// deletion and an insertion).
fn marks(redline: &Doc, view: View, text: &[char]) -> Result<Vec<bool>, String> {
    let kept = pieces(redline, |s| match view {
        View::Original if s.inserted => None,
        View::Original => Some(s.deleted || s.strike),
        View::Revised if s.deleted || s.strike => None,
        View::Revised => Some(s.inserted),
    });
    let solid: Vec<(char, bool)> = kept
        .into_iter()
        .filter(|(c, _)| !c.is_whitespace())
        .collect();
    let truth: Vec<char> = text
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace())
        .collect();
    if let Some(at) =
        (0..truth.len().max(solid.len())).find(|&k| truth.get(k) != solid.get(k).map(|p| &p.0))
    {
        let show = |chars: &mut dyn Iterator<Item = char>| {
            chars
                .skip(at.saturating_sub(20))
                .take(40)
                .collect::<String>()
        };
        return Err(format!(
            "the text differs at character {at}: `{}` where the pair has `{}`",
            show(&mut solid.iter().map(|p| p.0)),
            show(&mut truth.iter().copied())
        ));
    }
    Ok(solid.into_iter().map(|(_, mark)| mark).collect())
}

/// The words of `text`, as ranges of its characters that are not spaces.
fn words(text: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut solid = 0;
    let mut chunk: Vec<char> = Vec::new();
    let mut flush = |chunk: &mut Vec<char>, end: usize| {
        let starts = |c: &char| c.is_alphanumeric() || "$€£¥".contains(*c);
        let ends = |c: &char| c.is_alphanumeric() || *c == '%';
        if let (Some(first), Some(last)) =
            (chunk.iter().position(starts), chunk.iter().rposition(ends))
            && first <= last
        {
            let start = end - chunk.len();
            out.push(start + first..start + last + 1);
        }
        chunk.clear();
    };
    for &c in text {
        if c.is_whitespace() {
            flush(&mut chunk, solid);
        } else {
            chunk.push(c);
            solid += 1;
        }
    }
    flush(&mut chunk, solid);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{author, read_redline};

    fn agreement_of(original: &str, revised: &str, expected: &str, found: &str) -> Agreement {
        agreement(
            &author(original, "original"),
            &author(revised, "revised"),
            &read_redline(expected, "expected"),
            &read_redline(found, "found"),
        )
        .unwrap()
    }

    #[test]
    fn a_figure_struck_apart_from_its_sign_is_a_miss() {
        let a = agreement_of(
            "The loss was $(1,234).",
            "The loss was $(1,310).",
            "The loss was ~~$(1,234)~~ <ins>$(1,310)</ins>.",
            "The loss was $~~(1,234)~~ <ins>(1,310)</ins>.",
        );
        let (ins, del) = (a.inserted, a.deleted);
        assert_eq!((ins.expected, ins.found, ins.agreed), (1, 1, 0));
        assert_eq!((del.expected, del.found, del.agreed), (1, 1, 0));
    }

    #[test]
    fn an_unchanged_word_marked_costs_precision_and_spaces_do_not_count() {
        let a = agreement_of(
            "rates that reflect current conditions",
            "rates reflecting current conditions",
            "rates ~~that reflect~~ <ins>reflecting</ins> current conditions",
            "~~rates that reflect~~<ins>rates reflecting</ins>  current conditions",
        );
        let (ins, del) = (a.inserted, a.deleted);
        assert_eq!((ins.expected, ins.found, ins.agreed), (1, 2, 1));
        assert_eq!((del.expected, del.found, del.agreed), (2, 3, 2));
        assert!((del.precision() - 2.0 / 3.0).abs() < 1e-9 && del.recall() == 1.0);
    }

    #[test]
    fn a_redline_that_loses_text_is_an_error() {
        let result = agreement(
            &author("a b c", "original"),
            &author("a c", "revised"),
            &read_redline("a ~~b~~ c", "expected"),
            &read_redline("a c", "found"),
        );
        assert!(result.is_err());
    }
}
