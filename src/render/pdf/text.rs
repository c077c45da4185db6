//! Styled inline pieces → measured words and spaces (the input of line breaking).

use std::collections::HashMap;

use crate::markdown::{Inline, InlineContent, Style};

use super::fonts::{fonts, shown};
use super::style::SMALL_CAPS_SCALE;
use super::style::{FaceId, Styles};

/// A run of text in one face and size, part of a word.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// The text, in characters as drawn (see [`super::fonts::shown`]).
    pub text: String,
    /// The face.
    pub face: FaceId,
    /// Type size in points.
    pub size: f32,
    /// Baseline shift in points (a footnote reference is raised).
    pub rise: f32,
    /// Underlined (an insertion or `<u>`).
    pub underline: bool,
    /// Struck through (a deletion or `~~`).
    pub strike: bool,
    /// Advance width in points (a confidential run's first word may be wider
    /// than its glyphs: see [`REDACTION_MARK`]).
    pub width: f32,
    /// Part of a confidential run (the staff's copy; the public copy is the
    /// same layout with these fragments redacted).
    pub confidential: bool,
    /// The first fragment of a confidential run: where the public copy prints `[***]`.
    pub run_start: bool,
    /// Drawn in capitals (small capitals: the text keeps its lowercase
    /// letters, the page shows them as capitals at a smaller size).
    pub caps: bool,
}

impl Fragment {
    /// The characters the page shows: the text, in capitals where the
    /// fragment is set in small capitals.
    pub fn drawn(&self) -> String {
        if self.caps {
            self.text.chars().map(capital).collect()
        } else {
            self.text.clone()
        }
    }
}

/// The capital of `c`, where it has a single one; `c` otherwise.
pub fn capital(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// What the public copy prints at the start of each confidential run.
pub use crate::confidential::REDACTION_MARK;

/// A unit of a paragraph for the line breaker.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A word: fragments set without a break between them.
    Word {
        /// The word's fragments in order.
        fragments: Vec<Fragment>,
        /// Total width.
        width: f32,
        /// Numbers of the footnotes referenced inside the word.
        notes: Vec<usize>,
    },
    /// An interword space.
    Space {
        /// Natural width.
        width: f32,
        /// How far it may stretch.
        stretch: f32,
        /// How far it may shrink.
        shrink: f32,
        /// Drawn underlined when the words on both sides are.
        underline: bool,
        /// Drawn struck through when the words on both sides are.
        strike: bool,
    },
    /// A place inside a word where a line may break (after a dash or hyphen, or
    /// anywhere in an over-long word), with the demerits of breaking there; no
    /// hyphen is ever added.
    Joint(f32),
    /// A forced line break.
    Break,
}

impl Item {
    /// The natural width.
    pub fn width(&self) -> f32 {
        match self {
            Item::Word { width, .. } | Item::Space { width, .. } => *width,
            Item::Joint(_) | Item::Break => 0.0,
        }
    }
}

/// The base look of a paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Type size.
    pub size: f32,
    /// Bold throughout (a heading).
    pub bold: bool,
    /// Italic throughout.
    pub italic: bool,
    /// Underlined throughout.
    pub underline: bool,
    /// Lowercase letters as small capitals (a letterhead's name).
    pub small_caps: bool,
}

impl TextStyle {
    /// Body text at `size`.
    pub fn plain(size: f32) -> TextStyle {
        TextStyle {
            size,
            bold: false,
            italic: false,
            underline: false,
            small_caps: false,
        }
    }
}

/// Demerits of breaking after a dash or a hyphen between words.
pub const DASH_PENALTY: f32 = 50.0;
/// Demerits of breaking inside an over-long word.
pub const OVERLONG_PENALTY: f32 = 100.0;

/// Footnote labels → their printed numbers (1, 2, 3 … in order of first reference).
pub type NoteNumbers = HashMap<String, usize>;

/// Turns styled inline pieces into words and spaces measured in `base`'s size.
pub fn itemize(
    inlines: &[Inline],
    base: TextStyle,
    styles: &Styles,
    notes: &NoteNumbers,
) -> Vec<Item> {
    let mut builder = Builder {
        items: Vec::new(),
        word: Vec::new(),
        word_notes: Vec::new(),
        run_start: false,
    };
    let mut previous: Option<&Style> = None;
    for inline in inlines {
        let look = Look::of(&inline.style, base);
        // A run splits where its redline mark changes, as the public version's `[***]` do.
        builder.run_start = inline.style.confidential
            && previous.is_none_or(|p| {
                !p.confidential
                    || (p.inserted, p.deleted) != (inline.style.inserted, inline.style.deleted)
            });
        previous = Some(&inline.style);
        match &inline.content {
            InlineContent::Text(text) => {
                for c in text.chars() {
                    if c == ' ' || c == '\n' || c == '\t' {
                        builder.space(look);
                    } else if base.small_caps && capital(c) != c {
                        let small = Look {
                            size: look.size * SMALL_CAPS_SCALE,
                            caps: true,
                            ..look
                        };
                        builder.push_char(c, small, 0.0);
                    } else {
                        builder.push_char(c, look, 0.0);
                    }
                }
            }
            InlineContent::SoftBreak => builder.space(look),
            InlineContent::HardBreak => builder.hard_break(),
            InlineContent::FootnoteRef(label) => {
                let number = notes.get(label).copied().unwrap_or(0);
                let text = if number == 0 {
                    "*".to_owned()
                } else {
                    number.to_string()
                };
                let small = Look {
                    size: base.size * styles.superscript_scale,
                    underline: false,
                    strike: false,
                    ..look
                };
                for c in text.chars() {
                    builder.push_char(c, small, base.size * styles.superscript_rise);
                }
                if number > 0 {
                    builder.word_notes.push(number);
                }
            }
        }
    }
    builder.end_word();
    while matches!(builder.items.last(), Some(Item::Space { .. } | Item::Break)) {
        builder.items.pop();
    }
    reserve_redaction_marks(&mut builder.items);
    let space = fonts().face(FaceId::Regular).advance(' ', base.size);
    finish_spaces(&mut builder.items, space, styles);
    builder.items
}

/// The resolved look of one inline piece.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Look {
    face: FaceId,
    size: f32,
    underline: bool,
    strike: bool,
    confidential: bool,
    caps: bool,
}

impl Look {
    fn of(style: &Style, base: TextStyle) -> Look {
        Look {
            face: FaceId::from_flags(style.bold || base.bold, style.italic || base.italic),
            size: base.size,
            underline: style.underline || style.inserted || base.underline,
            strike: style.strike || style.deleted,
            confidential: style.confidential,
            caps: false,
        }
    }
}

struct Builder {
    items: Vec<Item>,
    word: Vec<Fragment>,
    word_notes: Vec<usize>,
    /// The next character begins a confidential run.
    run_start: bool,
}

impl Builder {
    fn push_char(&mut self, c: char, look: Look, rise: f32) {
        let c = shown(c);
        // A small capital is measured (and drawn) as its capital.
        let drawn = if look.caps { capital(c) } else { c };
        let face_id = fonts().covering(look.face, drawn);
        let face = fonts().face(face_id);
        let run_start = std::mem::take(&mut self.run_start);
        if let Some(last) = self.word.last_mut()
            && last.face == face_id
            && last.size == look.size
            && last.rise == rise
            && last.underline == look.underline
            && last.strike == look.strike
            && last.confidential == look.confidential
            && last.caps == look.caps
            && !run_start
        {
            let before = last.text.chars().next_back();
            let before = before.map(|p| if look.caps { capital(p) } else { p });
            let kern = before.map_or(0, |p| face.kern_units(p, drawn));
            last.width +=
                face.advance(drawn, look.size) + f32::from(kern) * look.size / face.units_per_em();
            last.text.push(c);
            return;
        }
        self.word.push(Fragment {
            text: c.to_string(),
            face: face_id,
            size: look.size,
            rise,
            underline: look.underline,
            strike: look.strike,
            width: face.advance(drawn, look.size),
            confidential: look.confidential,
            run_start,
            caps: look.caps,
        });
    }

    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let fragments = std::mem::take(&mut self.word);
        let notes = std::mem::take(&mut self.word_notes);
        let mut pieces = split_at_dashes(fragments).into_iter().peekable();
        while let Some(fragments) = pieces.next() {
            let width = fragments.iter().map(|f| f.width).sum();
            let last = pieces.peek().is_none();
            self.items.push(Item::Word {
                fragments,
                width,
                notes: if last { notes.clone() } else { Vec::new() },
            });
            if !last {
                self.items.push(Item::Joint(DASH_PENALTY));
            }
        }
    }

    fn space(&mut self, look: Look) {
        self.end_word();
        match self.items.last_mut() {
            // Runs of spaces collapse; the space stays marked if any of them is.
            Some(Item::Space {
                underline, strike, ..
            }) => {
                *underline |= look.underline;
                *strike |= look.strike;
            }
            None | Some(Item::Break) => {}
            Some(_) => self.items.push(Item::Space {
                width: 0.0,
                stretch: 0.0,
                shrink: 0.0,
                underline: look.underline,
                strike: look.strike,
            }),
        }
    }

    fn hard_break(&mut self) {
        self.end_word();
        if matches!(self.items.last(), Some(Item::Space { .. })) {
            self.items.pop();
        }
        self.items.push(Item::Break);
    }
}

/// Makes room for `[***]` where each confidential run starts: the run's part
/// of that word is widened to at least the mark's width, so the public copy —
/// the same layout with the run redacted — never prints the mark over the
/// next word.
fn reserve_redaction_marks(items: &mut [Item]) {
    for item in items.iter_mut() {
        let Item::Word {
            fragments, width, ..
        } = item
        else {
            continue;
        };
        let Some(start) = fragments.iter().position(|f| f.run_start) else {
            continue;
        };
        let end = start
            + 1
            + fragments[start + 1..]
                .iter()
                .take_while(|f| f.confidential && !f.run_start)
                .count();
        let run_width: f32 = fragments[start..end].iter().map(|f| f.width).sum();
        let first = &fragments[start];
        let mark = fonts().face(first.face).width(REDACTION_MARK, first.size);
        if run_width < mark {
            fragments[end - 1].width += mark - run_width;
            *width += mark - run_width;
        }
    }
}

/// Splits a word after each em or en dash and after each hyphen joining two
/// words of three or more letters ("self-built", but never "20-F").
fn split_at_dashes(fragments: Vec<Fragment>) -> Vec<Vec<Fragment>> {
    let chars: Vec<char> = fragments.iter().flat_map(|f| f.text.chars()).collect();
    let mut cuts = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 || i + 1 >= chars.len() {
            continue;
        }
        let dash = matches!(c, '\u{2014}' | '\u{2013}');
        let hyphen = c == '-' && {
            let before = chars[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count();
            let after = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .count();
            before >= 3 && after >= 3
        };
        if (dash && chars[i + 1] != c) || hyphen {
            cuts.push(i + 1);
        }
    }
    if cuts.is_empty() {
        return vec![fragments];
    }
    let mut pieces = vec![Vec::new()];
    let mut at = 0;
    for fragment in fragments {
        let face = fonts().face(fragment.face);
        let mut text = String::new();
        for c in fragment.text.chars() {
            if cuts.contains(&at) && !text.is_empty() {
                let done = std::mem::take(&mut text);
                push_piece(&mut pieces, &fragment, done, face);
                pieces.push(Vec::new());
            } else if cuts.contains(&at) && pieces.last().is_some_and(|p| !p.is_empty()) {
                pieces.push(Vec::new());
            }
            text.push(c);
            at += 1;
        }
        if !text.is_empty() {
            push_piece(&mut pieces, &fragment, text, face);
        }
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

fn push_piece(
    pieces: &mut [Vec<Fragment>],
    model: &Fragment,
    text: String,
    face: &super::fonts::Face,
) {
    if let Some(last) = pieces.last_mut() {
        let piece = Fragment {
            text,
            ..model.clone()
        };
        last.push(Fragment {
            width: face.width(&piece.drawn(), model.size),
            ..piece
        });
    }
}

/// Gives every space its width: the regular face's space at the text size.
fn finish_spaces(items: &mut [Item], space: f32, styles: &Styles) {
    for item in items {
        if let Item::Space {
            width,
            stretch,
            shrink,
            ..
        } = item
        {
            *width = space;
            *stretch = space * styles.space_stretch;
            *shrink = space * styles.space_shrink;
        }
    }
}

/// Cuts every word wider than `measure` into pieces that fit, joined by
/// [`Item::Joint`]s, so a line never runs past the measure (a piece is at least
/// one character, even if that character alone is wider).
pub fn split_overlong(items: Vec<Item>, measure: f32) -> Vec<Item> {
    if items.iter().all(|i| i.width() <= measure) {
        return items;
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::Word {
                fragments,
                width,
                notes,
            } if width > measure => split_word(fragments, notes, measure, &mut out),
            other => out.push(other),
        }
    }
    out
}

fn split_word(fragments: Vec<Fragment>, mut notes: Vec<usize>, measure: f32, out: &mut Vec<Item>) {
    let mut piece: Vec<Fragment> = Vec::new();
    let mut piece_width = 0.0;
    for fragment in fragments {
        let face = fonts().face(fragment.face);
        let mut first = true;
        for c in fragment.text.chars() {
            let drawn = if fragment.caps { capital(c) } else { c };
            let w = face.advance(drawn, fragment.size);
            if piece_width + w > measure && piece_width > 0.0 {
                out.push(Item::Word {
                    width: piece_width,
                    fragments: std::mem::take(&mut piece),
                    notes: Vec::new(),
                });
                out.push(Item::Joint(OVERLONG_PENALTY));
                piece_width = 0.0;
            }
            piece_width += w;
            let starts_run = fragment.run_start && first;
            first = false;
            match piece.last_mut() {
                Some(last) if same_look(last, &fragment) && !starts_run => {
                    last.text.push(c);
                    last.width += w;
                }
                _ => piece.push(Fragment {
                    text: c.to_string(),
                    width: w,
                    run_start: starts_run,
                    ..fragment.clone()
                }),
            }
        }
    }
    if !piece.is_empty() {
        out.push(Item::Word {
            width: piece_width,
            fragments: piece,
            notes: std::mem::take(&mut notes),
        });
    }
}

/// True when two fragments differ in nothing but their text.
fn same_look(a: &Fragment, b: &Fragment) -> bool {
    a.face == b.face
        && a.size == b.size
        && a.rise == b.rise
        && a.underline == b.underline
        && a.strike == b.strike
        && a.confidential == b.confidential
        && a.caps == b.caps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, style: Style) -> Inline {
        Inline::text(s, style)
    }

    #[test]
    fn small_capitals_keep_their_letters_and_take_the_width_of_capitals() {
        let inlines = [text("Vianet Smith-Jones", Style::default())];
        let base = TextStyle {
            small_caps: true,
            ..TextStyle::plain(10.0)
        };
        let items = itemize(&inlines, base, &Styles::default(), &NoteNumbers::new());
        let fragments: Vec<&Fragment> = items
            .iter()
            .filter_map(|i| match i {
                Item::Word { fragments, .. } => Some(fragments),
                _ => None,
            })
            .flatten()
            .collect();
        let small = fragments.iter().find(|f| f.text == "ianet").unwrap();
        assert!(small.caps && (small.size - 8.0).abs() < 1e-4);
        assert_eq!(small.drawn(), "IANET");
        let face = fonts().face(small.face);
        assert!((small.width - face.width("IANET", 8.0)).abs() < 0.5);
        // Split at the hyphen, each piece is still measured as drawn.
        for f in fragments.iter().filter(|f| f.caps) {
            assert!(
                (f.width - face.width(&f.drawn(), f.size)).abs() < 0.5,
                "{f:?}"
            );
        }
    }

    #[test]
    fn words_spaces_and_styles() {
        let ins = Style {
            inserted: true,
            ..Style::default()
        };
        let items = itemize(
            &[
                text("the ", Style::default()),
                text("new words", ins),
                text(" here", Style::default()),
            ],
            TextStyle::plain(12.0),
            &Styles::default(),
            &NoteNumbers::new(),
        );
        assert_eq!(items.len(), 7);
        assert!(matches!(&items[2], Item::Word { fragments, .. } if fragments[0].underline));
        assert!(matches!(
            &items[3],
            Item::Space {
                underline: true,
                ..
            }
        ));
        assert!(matches!(
            &items[5],
            Item::Space {
                underline: false,
                ..
            }
        ));
    }

    #[test]
    fn lines_may_break_after_dashes_and_hyphens_between_words() {
        let items = itemize(
            &[text(
                "Key Information—D. Risk self-built 2013 20-F",
                Style::default(),
            )],
            TextStyle::plain(12.0),
            &Styles::default(),
            &NoteNumbers::new(),
        );
        let words: Vec<String> = items
            .iter()
            .map(|i| match i {
                Item::Word { fragments, .. } => fragments.iter().map(|f| f.text.as_str()).collect(),
                Item::Joint(_) => "|".to_owned(),
                _ => " ".to_owned(),
            })
            .collect();
        assert_eq!(
            words.concat(),
            "Key Information—|D. Risk self-|built 2013 20-F"
        );
    }

    #[test]
    fn footnote_references_join_their_word() {
        let notes = NoteNumbers::from([("a".to_owned(), 3)]);
        let items = itemize(
            &[
                text("20-F", Style::default()),
                Inline {
                    content: InlineContent::FootnoteRef("a".into()),
                    style: Style::default(),
                },
            ],
            TextStyle::plain(12.0),
            &Styles::default(),
            &notes,
        );
        let [
            Item::Word {
                fragments, notes, ..
            },
        ] = items.as_slice()
        else {
            panic!("{items:?}")
        };
        assert_eq!(notes, &vec![3]);
        assert_eq!(fragments[1].text, "3");
        assert!(fragments[1].rise > 0.0 && fragments[1].size < 12.0);
    }

    #[test]
    fn overlong_words_are_cut_to_fit() {
        let items = itemize(
            &[text(&"x".repeat(500), Style::default())],
            TextStyle::plain(12.0),
            &Styles::default(),
            &NoteNumbers::new(),
        );
        let items = split_overlong(items, 100.0);
        assert!(items.len() > 3);
        assert!(items.iter().all(|i| i.width() <= 100.0));
        let items = split_overlong(items, 0.5);
        assert!(
            items
                .iter()
                .all(|i| matches!(i, Item::Joint(_)) || i.width() > 0.0)
        );
    }
}
