//! Step 4 of the cleanup: a pure insertion or deletion that could sit at
//! several places (`a <ins>b a</ins>` or `<ins>a b</ins> a`) is moved to the
//! one whose edges fall on the best boundaries, on diff-match-patch's scale:
//! sentence ends, then spaces, then punctuation, with a point for each end
//! that is not a space.

use std::ops::Range;

use super::cleanup::{Side, tidy};
use super::diff::Run;
use super::tokenize::{Token, TokenKind};

/// Moves each pure insertion or deletion to its best place (step 4).
pub(super) fn slide(old: &Side, new: &Side, mut runs: Vec<Run>) -> Vec<Run> {
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
        // An edit never slides up against another change: merging two edits
        // into one replacement is the fold step's decision, not the slide's.
        let room_left = po.len().saturating_sub(usize::from(i > 1));
        let room_right = no.len().saturating_sub(usize::from(i + 2 < runs.len()));
        let shift = best_shift(side, range, room_left, room_right);
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
    tidy(runs)
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
    } else if is(x, TokenKind::Space) || is(y, TokenKind::Space) || closes(x, y) {
        2
    } else if mark(x) || mark(y) {
        1
    } else {
        0
    }
}

/// A word followed by the mark that ends its clause (`financing,` or
/// `financing.`): as good a place to start or end an edit as a space.
fn closes(x: &Token, y: &Token) -> bool {
    x.is_word()
        && y.kind == TokenKind::Punct
        && matches!(
            y.text.as_str(),
            "," | ";" | ":" | "." | ")" | "!" | "?" | "\u{201d}"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::diff::token_ids;
    use crate::redline::tokenize::tokenize;

    #[test]
    fn an_added_sentence_moves_to_the_sentence_boundary() {
        let old = tokenize("It rose. It fell.");
        let new = tokenize("It rose. It grew. It fell.");
        let (old_ids, new_ids) = token_ids(&old, &new);
        let (a, b) = (Side::new(&old, &old_ids), Side::new(&new, &new_ids));
        // As a comparison may place it: "It rose. It <ins>grew. It </ins>fell."
        let runs = vec![
            Run::Equal {
                old: 0..7,
                new: 0..7,
            },
            Run::Change {
                old: 7..7,
                new: 7..12,
            },
            Run::Equal {
                old: 7..9,
                new: 12..14,
            },
        ];
        // Moved to "It rose. <ins>It grew.</ins> It fell."
        assert_eq!(
            slide(&a, &b, runs),
            vec![
                Run::Equal {
                    old: 0..4,
                    new: 0..4
                },
                Run::Change {
                    old: 4..4,
                    new: 4..9
                },
                Run::Equal {
                    old: 4..9,
                    new: 9..14
                },
            ]
        );
    }

    #[test]
    fn boundaries_rank_sentence_ends_over_spaces_over_punctuation() {
        let t = tokenize("a. b,c");
        assert_eq!(boundary(Some(&t[1]), Some(&t[2])), 3);
        assert_eq!(boundary(Some(&t[0]), Some(&t[1])), 2);
        assert_eq!(boundary(Some(&t[4]), Some(&t[5])), 1);
        assert_eq!(boundary(Some(&t[2]), Some(&t[3])), 2);
        assert_eq!(boundary(None, Some(&t[0])), 6);
    }
}
