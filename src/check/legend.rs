//! A custom revision intro must not promise markup the passage does not show:
//! "underlined" needs an insertion, "struck through" a deletion, in the
//! redline as printed in the letter (after `show_deletions: false` removes
//! the deleted words).

use super::prose::Prose;
use crate::diagnostic::Diagnostics;
use crate::model::{Letter, Markdown, ResponsePart, Revision};

/// Words that promise underlined insertions.
const UNDERLINE: [&str; 2] = ["underlined", "underlining"];

/// Words that promise struck-through deletions.
const STRIKE: [&str; 5] = [
    "struck",
    "strikethrough",
    "strike-through",
    "strike through",
    "deleted portions",
];

/// Checks the custom intro of every revision.
pub fn check(letter: &Letter, diags: &mut Diagnostics) {
    for comment in &letter.comments {
        for part in &comment.response {
            if let ResponsePart::Revise(revision) = part
                && let Some(intro) = &revision.intro
            {
                check_intro(revision, intro, diags);
            }
        }
    }
}

fn check_intro(revision: &Revision, intro: &Markdown, diags: &mut Diagnostics) {
    let (shown, _) = revision.shown();
    let prose = Prose::new(&intro.source);
    let lower = prose.text.to_ascii_lowercase();
    let promises = [
        (
            UNDERLINE.as_slice(),
            shown.any_style(|s| s.inserted),
            "underlined",
            "insertion",
        ),
        (
            STRIKE.as_slice(),
            shown.any_style(|s| s.deleted),
            "struck-through",
            "deletion",
        ),
    ];
    for (words, present, markup, change) in promises {
        if present {
            continue;
        }
        let Some(at) = words.iter().filter_map(|w| lower.find(w)).min() else {
            continue;
        };
        let why = if !revision.show_deletions && change == "deletion" {
            " (`show_deletions: false` leaves the deleted words out)"
        } else {
            ""
        };
        diags.push(
            intro
                .locate(prose.source_offset(at))
                .warning(format!(
                    "the intro promises {markup} text, but the passage as shown has no {change}{why}"
                ))
                .with_hint("reword the intro, or remove `intro:` so the legend is derived from the redline"),
        );
    }
}
