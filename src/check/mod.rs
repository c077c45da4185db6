//! Check stage: lints over the typed letter, the "tick and tie" a reviewer does by hand.
//!
//! [`check`] runs every lint family and returns their findings; each finding
//! points at the YAML file, line and column of the text that holds it. Errors
//! stop a build; warnings are printed beside the output.

mod balance;
mod dates;
pub mod figures;
mod footnotes;
mod glyphs;
mod inference;
mod legend;
pub mod placeholders;
mod prose;
mod references;
mod structure;
pub mod summary;
mod tables;
mod translation;

use crate::diagnostic::Diagnostics;
use crate::model::{Letter, Markdown, ResponsePart};

/// Which command the checks run for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `respond check`: a letter must be ready to file.
    Check,
    /// `respond build`: a working draft still builds; what only a draft may
    /// have (placeholders, unanswered comments, an implausible date) is a warning.
    Build,
}

/// Runs every check over `letter`.
pub fn check(letter: &Letter, mode: Mode) -> Diagnostics {
    let mut diags = Diagnostics::new();
    structure::check(letter, mode, &mut diags);
    placeholders::check(letter, mode, &mut diags);
    references::check(letter, &mut diags);
    footnotes::check(letter, &mut diags);
    balance::check(letter, &mut diags);
    translation::check(letter, &mut diags);
    tables::check(letter, &mut diags);
    dates::check(letter, mode, crate::world::today(), &mut diags);
    legend::check(letter, &mut diags);
    inference::check(letter, &mut diags);
    glyphs::check(letter, &mut diags);
    diags
}

/// The Markdown fields the company writes in its own voice: the letter's intro
/// and closing, response text, and the intro and revised text of each revision.
///
/// The staff's comments (quoted verbatim) and the passages as filed (`original`,
/// also verbatim) are left out: a finding there could not be fixed by editing.
fn company_text(letter: &Letter) -> Vec<&Markdown> {
    let mut fields: Vec<&Markdown> = letter.intro.iter().chain(&letter.closing).collect();
    for comment in &letter.comments {
        for part in &comment.response {
            match part {
                ResponsePart::Text(text) => fields.push(text),
                ResponsePart::Revise(revision) => {
                    fields.extend(&revision.intro);
                    fields.push(&revision.revised);
                }
            }
        }
    }
    fields
}
