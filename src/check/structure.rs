//! The letter's structure: every comment answered, every revision a change.
//!
//! Comment numbering (1..N, no repeats) and forbidden HTML are already
//! reported by the model stage and are not repeated here.

use super::Mode;
use crate::diagnostic::Diagnostics;
use crate::model::{Letter, ResponsePart, Revision};

/// Checks for unanswered comments and revisions that change nothing.
pub fn check(letter: &Letter, mode: Mode, diags: &mut Diagnostics) {
    for comment in &letter.comments {
        if comment.unanswered() {
            let at = comment.response_origin.start();
            let message = format!("comment {} has no response", comment.number);
            let finding = match mode {
                Mode::Check => at.error(message),
                Mode::Build => at.warning(format!(
                    "{message}; the letter shows \"[Response to be provided]\""
                )),
            };
            diags.push(
                finding
                    .with_hint(
                        "write the response under `response:` as `- text: |` followed by the text",
                    )
                    .unfinished(),
            );
        }
        for part in &comment.response {
            if let ResponsePart::Revise(revision) = part
                && normalized(revision, true) == normalized(revision, false)
            {
                let message = if revision.revised.is_blank() {
                    "the revision is empty: `original` and `revised` are both blank"
                } else {
                    "the revised passage is the same as the original"
                };
                diags.push(
                    revision
                        .revised
                        .origin
                        .start()
                        .error(message)
                        .with_hint(
                            "write the passage as it will read under `revised`, or quote it as `text` if nothing changes",
                        ),
                );
            }
        }
    }
}

/// The passage's words, whitespace collapsed, for comparing original and revised.
fn normalized(revision: &Revision, original: bool) -> String {
    let doc = if original {
        &revision.original.doc
    } else {
        &revision.revised.doc
    };
    let mut text = String::new();
    for word in doc.plain_text().split_whitespace() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    text
}
