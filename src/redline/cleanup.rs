//! Semantic cleanup of a token comparison, so a redline reads as a lawyer
//! would mark it up by hand.
//!
//! 1. Fold: an unchanged stretch between two changes whose weight is no more
//!    than the size of the change on each side of it is absorbed into them
//!    (diff-match-patch's `cleanupSemantic` equality elimination, counted in
//!    tokens rather than characters). A rewritten clause then reads as one
//!    deletion followed by one insertion. Spaces and punctuation weigh
//!    nothing, so they always fold; figures and capitalised defined terms
//!    weigh double, so they stay as anchors. An equality between two pure
//!    insertions (or two pure deletions) stays: folding it would add markup.
//! 2. Trim: tokens a change starts or ends with on both sides go back to the
//!    unchanged text.
//! 3. Slide: a pure insertion or deletion that could sit at several places
//!    is moved to the one whose edges fall on the best boundaries (sentence
//!    ends, then spaces, then punctuation) and that does not start or end
//!    with a space when another place avoids it.

use std::ops::Range;

use super::diff::Run;
use super::tokenize::{Token, TokenKind};

/// Capitalised words too common to anchor a redline.
const COMMON: &[&str] = &[
    "The", "This", "That", "These", "Those", "Such", "In", "On", "As", "At", "For", "If", "It",
    "We", "Our", "An", "A", "To", "Of", "By", "And", "Or", "Any", "All", "Each",
];

/// One side of the comparison: its tokens, their comparison ids and weights.
pub(crate) struct Side<'a> {
    tokens: &'a [Token],
    ids: &'a [u32],
    /// Prefix sums of [`change_units`].
    units: Vec<usize>,
    /// Prefix sums of [`anchor_weight`].
    anchors: Vec<usize>,
}

impl<'a> Side<'a> {
    /// Prepares a side of the comparison.
    pub(crate) fn new(tokens: &'a [Token], ids: &'a [u32]) -> Side<'a> {
        let prefix = |weigh: fn(&Token) -> usize| {
            let mut sums = Vec::with_capacity(tokens.len() + 1);
            sums.push(0);
            for t in tokens {
                sums.push(sums[sums.len() - 1] + weigh(t));
            }
            sums
        };
        Side {
            tokens,
            ids,
            units: prefix(change_units),
            anchors: prefix(anchor_weight),
        }
    }

    fn units(&self, r: &Range<usize>) -> usize {
        self.units[r.end] - self.units[r.start]
    }

    fn anchors(&self, r: &Range<usize>) -> usize {
        self.anchors[r.end] - self.anchors[r.start]
    }
}

/// The size a change contributes, in half words: words and figures 2,
/// punctuation and breaks 1, spaces 0.
fn change_units(t: &Token) -> usize {
    match t.kind {
        TokenKind::Word | TokenKind::Number | TokenKind::Note => 2,
        TokenKind::Punct | TokenKind::Break => 1,
        TokenKind::Space => 0,
    }
}

/// How strongly an unchanged token holds two changes apart, in half words.
fn anchor_weight(t: &Token) -> usize {
    match t.kind {
        TokenKind::Number | TokenKind::Note => 4,
        TokenKind::Word if is_defined_term(&t.text) => 4,
        TokenKind::Word => 2,
        TokenKind::Punct | TokenKind::Break | TokenKind::Space => 0,
    }
}

/// A capitalised word (`Company`, `PRC`) that is not a common sentence opener.
fn is_defined_term(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !COMMON.contains(&word)
}

/// Runs all three cleanup steps.
pub(crate) fn clean_up(old: &Side, new: &Side, runs: Vec<Run>) -> Vec<Run> {
    let runs = fold(old, new, runs);
    let runs = trim(old, new, runs);
    slide(old, new, runs)
}

/// Folds light equalities into the changes around them (step 1).
fn fold(old: &Side, new: &Side, runs: Vec<Run>) -> Vec<Run> {
    let size = |o: &Range<usize>, n: &Range<usize>| old.units(o).max(new.units(n));
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        let Run::Change {
            old: mut o,
            new: mut n,
        } = run
        else {
            out.push(run);
            continue;
        };
        // Merging can make the change heavy enough to absorb earlier equalities too.
        while let [
            ..,
            Run::Change { old: ao, new: an },
            Run::Equal { old: eo, .. },
        ] = out.as_slice()
        {
            let weight = old.anchors(eo);
            // Between two insertions (or two deletions) folding would only
            // strike and re-insert unchanged text.
            let same_sort = (ao.is_empty() && o.is_empty()) || (an.is_empty() && n.is_empty());
            if same_sort || weight > size(ao, an) || weight > size(&o, &n) {
                break;
            }
            o = ao.start..o.end;
            n = an.start..n.end;
            out.truncate(out.len() - 2);
        }
        out.push(Run::Change { old: o, new: n });
    }
    out
}

/// Moves tokens common to the start or end of both sides of a change into
/// the unchanged text (step 2).
fn trim(old: &Side, new: &Side, runs: Vec<Run>) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len());
    for run in runs {
        match run {
            Run::Equal { old: o, new: n } => push_equal(&mut out, o, n),
            Run::Change { old: o, new: n } => {
                let pairs = o.clone().zip(n.clone());
                let head = pairs.take_while(|&(i, j)| old.ids[i] == new.ids[j]).count();
                let (o_rest, n_rest) = (o.start + head..o.end, n.start + head..n.end);
                let tail = o_rest
                    .clone()
                    .rev()
                    .zip(n_rest.clone().rev())
                    .take_while(|&(i, j)| old.ids[i] == new.ids[j])
                    .count();
                push_equal(&mut out, o.start..o.start + head, n.start..n.start + head);
                out.push(Run::Change {
                    old: o_rest.start..o_rest.end - tail,
                    new: n_rest.start..n_rest.end - tail,
                });
                push_equal(&mut out, o.end - tail..o.end, n.end - tail..n.end);
            }
        }
    }
    out.retain(|run| !matches!(run, Run::Change { old, new } if old.is_empty() && new.is_empty()));
    out
}

/// Appends an equal stretch, joining it to an equal stretch just before it.
fn push_equal(out: &mut Vec<Run>, o: Range<usize>, n: Range<usize>) {
    if o.is_empty() {
        return;
    }
    if let Some(Run::Equal { old, new }) = out.last_mut() {
        if old.end == o.start {
            old.end = o.end;
            new.end = n.end;
            return;
        }
    }
    out.push(Run::Equal { old: o, new: n });
}

/// Moves each pure insertion or deletion to its best place (step 3).
fn slide(old: &Side, new: &Side, mut runs: Vec<Run>) -> Vec<Run> {
    for i in 1..runs.len().saturating_sub(1) {
        let (
            Run::Equal { old: po, new: pn },
            Run::Change { old: o, new: n },
            Run::Equal { old: no, new: nn },
        ) = (&runs[i - 1], &runs[i], &runs[i + 1])
        else {
            continue;
        };
        let (side, range) = match (o.is_empty(), n.is_empty()) {
            (true, false) => (new, n.clone()),
            (false, true) => (old, o.clone()),
            _ => continue,
        };
        let shift = best_shift(side, range, po.len(), no.len());
        if shift == 0 {
            continue;
        }
        let moved = |r: &Range<usize>, start: bool, end: bool| {
            let by = |x: usize, yes: bool| {
                if yes {
                    x.saturating_add_signed(shift)
                } else {
                    x
                }
            };
            by(r.start, start)..by(r.end, end)
        };
        let before = Run::Equal {
            old: moved(po, false, true),
            new: moved(pn, false, true),
        };
        let change = Run::Change {
            old: moved(o, true, true),
            new: moved(n, true, true),
        };
        let after = Run::Equal {
            old: moved(no, true, false),
            new: moved(nn, true, false),
        };
        runs[i - 1] = before;
        runs[i] = change;
        runs[i + 1] = after;
    }
    runs.retain(|run| match run {
        Run::Equal { old, .. } => !old.is_empty(),
        Run::Change { .. } => true,
    });
    runs
}

/// The shift (negative: left) that puts the edit `range` of `side` at its best
/// place, given `room_left` and `room_right` unchanged tokens around it.
fn best_shift(side: &Side, range: Range<usize>, room_left: usize, room_right: usize) -> isize {
    let ids = side.ids;
    let mut left = 0;
    while left < room_left && ids[range.start - left - 1] == ids[range.end - left - 1] {
        left += 1;
    }
    let mut right = 0;
    while right < room_right && ids[range.start + right] == ids[range.end + right] {
        right += 1;
    }
    let mut best = (0, score(side, range.clone()));
    for shift in -(left as isize)..=(right as isize) {
        let candidate =
            range.start.saturating_add_signed(shift)..range.end.saturating_add_signed(shift);
        let points = score(side, candidate);
        // Ties keep the place the comparison chose, else the leftmost.
        if points > best.1 {
            best = (shift, points);
        }
    }
    best.0
}

/// How well an edit at `range` sits: the strength of its two boundaries, plus
/// one for each end that is not a space.
fn score(side: &Side, range: Range<usize>) -> usize {
    let t = side.tokens;
    let before = range.start.checked_sub(1).map(|k| &t[k]);
    let solid = |k: usize| usize::from(t[k].kind != TokenKind::Space);
    boundary(before, t.get(range.start))
        + boundary(t.get(range.end - 1), t.get(range.end))
        + solid(range.start)
        + solid(range.end - 1)
}

/// The strength of a boundary between two tokens (diff-match-patch's scale).
fn boundary(x: Option<&Token>, y: Option<&Token>) -> usize {
    let (Some(x), Some(y)) = (x, y) else {
        return 6;
    };
    let is = |t: &Token, k: TokenKind| t.kind == k;
    let mark = |t: &Token| matches!(t.kind, TokenKind::Punct | TokenKind::Note);
    if is(x, TokenKind::Break) || is(y, TokenKind::Break) {
        4
    } else if mark(x) && is(y, TokenKind::Space) {
        3
    } else if is(x, TokenKind::Space) || is(y, TokenKind::Space) {
        2
    } else if mark(x) || mark(y) {
        1
    } else {
        0
    }
}
