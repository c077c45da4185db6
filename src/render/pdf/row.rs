//! A table row: its set cells side by side in one box, or, when the row is
//! tall, in slices cut between lines, so a row taller than a page continues
//! on the next one instead of running off the foot of the page.

use super::flow::VBox;

/// A cell's lines, each with its top below the cell's top.
pub(super) struct SetCell {
    /// The lines, top to bottom.
    pub(super) lines: Vec<(f32, VBox)>,
    /// Height of the lines together.
    pub(super) height: f32,
    /// Aligned to the bottom of the row (figures and column heads).
    pub(super) bottom: bool,
}

/// How rows are set.
#[derive(Debug, Clone, Copy)]
pub(super) struct RowStyle {
    /// Space above and below the row's text.
    pub(super) padding: f32,
    /// The least height of a row's text (one line).
    pub(super) leading: f32,
    /// A row taller than this may be broken across pages.
    pub(super) split_above: f32,
}

/// The boxes of one row, top to bottom: one box, or for a row taller than
/// [`RowStyle::split_above`] one box per band of lines no line crosses. A page
/// may break between two slices, but never after the first or before the last
/// (no line of a cell alone at the foot or head of a page).
pub(super) fn row_boxes(cells: Vec<SetCell>, style: RowStyle) -> Vec<VBox> {
    let height = cells.iter().map(|c| c.height).fold(style.leading, f32::max);
    let mut lines: Vec<(f32, VBox)> = Vec::new();
    for cell in cells {
        let dy = if cell.bottom {
            height - cell.height
        } else {
            0.0
        };
        lines.extend(cell.lines.into_iter().map(|(top, line)| (top + dy, line)));
    }
    let bounds = if height + 2.0 * style.padding > style.split_above {
        cuts(&lines, height)
    } else {
        vec![0.0, height]
    };
    let n = bounds.len() - 1;
    let mut slices: Vec<VBox> = (0..n)
        .map(|k| VBox {
            height: bounds[k + 1] - bounds[k]
                + if k == 0 { style.padding } else { 0.0 }
                + if k + 1 == n { style.padding } else { 0.0 },
            keep_with_next: k + 1 < n && (k == 0 || k + 2 >= n),
            ..VBox::default()
        })
        .collect();
    for (top, line) in lines {
        let k = bounds[1..n]
            .iter()
            .take_while(|&&b| b <= top + 0.01)
            .count();
        let dy = top - bounds[k] + if k == 0 { style.padding } else { 0.0 };
        let slice = &mut slices[k];
        slice.marks.extend(line.marks.iter().map(|m| m.shifted(dy)));
        slice.notes.extend(line.notes);
    }
    slices
}

/// Where a row of `height` may be cut: 0, every place between lines that no
/// line of another cell crosses, and `height`.
fn cuts(lines: &[(f32, VBox)], height: f32) -> Vec<f32> {
    let mut spans: Vec<(f32, f32)> = lines
        .iter()
        .map(|(top, line)| (*top, top + line.height))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut bounds = vec![0.0];
    let mut reach = 0.0_f32;
    for (top, bottom) in spans {
        let last = bounds.last().copied().unwrap_or(0.0);
        if top >= reach - 0.01 && top > last + 0.01 && top < height - 0.01 {
            bounds.push(top);
        }
        reach = reach.max(bottom);
    }
    bounds.push(height);
    bounds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::mark::{Mark, Role};
    use crate::render::pdf::text::Fragment;

    fn line(text: &str, height: f32) -> VBox {
        VBox {
            height,
            marks: vec![Mark::Text {
                x: 0.0,
                baseline: 9.0,
                fragment: Fragment {
                    text: text.into(),
                    face: crate::render::pdf::style::FaceId::Regular,
                    size: 10.0,
                    rise: 0.0,
                    underline: false,
                    strike: false,
                    width: 10.0,
                    confidential: false,
                    run_start: false,
                    caps: false,
                },
                role: Role::Words(0),
            }],
            ..VBox::default()
        }
    }

    fn cell(texts: &[&str], bottom: bool) -> SetCell {
        SetCell {
            lines: texts
                .iter()
                .enumerate()
                .map(|(i, t)| (i as f32 * 12.0, line(t, 12.0)))
                .collect(),
            height: texts.len() as f32 * 12.0,
            bottom,
        }
    }

    const STYLE: RowStyle = RowStyle {
        padding: 1.5,
        leading: 12.0,
        split_above: 40.0,
    };

    #[test]
    fn a_short_row_is_one_box() {
        let boxes = row_boxes(vec![cell(&["a", "b"], false), cell(&["1"], true)], STYLE);
        assert_eq!(boxes.len(), 1);
        assert_eq!(boxes[0].height, 27.0);
        // The figure sits on the label's last line.
        let baselines: Vec<f32> = boxes[0]
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { baseline, .. } => Some(*baseline),
                Mark::Rule { .. } => None,
            })
            .collect();
        assert_eq!(baselines, [10.5, 22.5, 22.5]);
    }

    #[test]
    fn a_tall_row_is_cut_between_lines_keeping_two_at_each_end() {
        let label = ["a", "b", "c", "d", "e", "f"];
        let boxes = row_boxes(vec![cell(&label, false), cell(&["1"], true)], STYLE);
        assert_eq!(boxes.len(), 6);
        let total: f32 = boxes.iter().map(|b| b.height).sum();
        assert!((total - (72.0 + 3.0)).abs() < 0.001);
        assert_eq!(boxes[5].text(), "f 1");
        assert_eq!(boxes[0].text(), "a");
        let keeps: Vec<bool> = boxes.iter().map(|b| b.keep_with_next).collect();
        assert_eq!(keeps, [true, false, false, false, true, false]);
        // Every line's baseline is where it was in the whole row.
        let mut top = 0.0;
        for (k, b) in boxes.iter().enumerate() {
            if let Some(Mark::Text { baseline, .. }) = b.marks.first() {
                assert!((top + baseline - (1.5 + 12.0 * k as f32 + 9.0)).abs() < 0.001);
            }
            top += b.height;
        }
    }

    #[test]
    fn no_cut_crosses_a_line_of_another_cell() {
        let mut tall = cell(&["x"], false);
        tall.lines[0].1.height = 30.0;
        tall.height = 30.0;
        let boxes = row_boxes(vec![cell(&["a", "b", "c", "d"], false), tall], STYLE);
        // Lines "b" and "c" start inside the 30-point line: one slice, then "d".
        let texts: Vec<String> = boxes.iter().map(VBox::text).collect();
        assert_eq!(texts, ["a b c x", "d"]);
    }
}
