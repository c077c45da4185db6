//! `respond circulate`: record the current commit as a circulated draft of each
//! letter, as the git tag `respond/<letter-id>/<YYYY-MM-DD>-<n>`, so that
//! `respond build --against circulated` can compare with it later.

use std::process::ExitCode;

use time::OffsetDateTime;

use super::ui::{Ui, print_error, print_warning};
use super::{CirculateArgs, EXIT_IO, letter_dirs};
use crate::history::{Repo, next_circulated_tag};
use crate::world::World;

/// Tags HEAD for every letter and prints each tag on standard output.
pub fn run(args: &CirculateArgs, ui: &Ui) -> ExitCode {
    let world = World::new(".");
    match circulate(&world, args) {
        Ok(tags) => {
            for tag in &tags {
                println!("{tag}");
            }
            ui.status(&format!(
                "recorded {} circulated draft{}; compare with it later: respond build --against circulated",
                tags.len(),
                if tags.len() == 1 { "" } else { "s" }
            ));
            ExitCode::SUCCESS
        }
        Err(message) => {
            print_error(&message);
            ExitCode::from(EXIT_IO)
        }
    }
}

fn circulate(world: &World, args: &CirculateArgs) -> Result<Vec<String>, String> {
    let dirs = letter_dirs(world, &args.dirs)?;
    let repo = Repo::discover(world.root()).map_err(|e| e.to_string())?;
    repo.commit("HEAD")
        .map_err(|_| {
            "the repository has no commit yet: commit the letter, then circulate it".to_owned()
        })
        .map_err(|e| e.to_string())?;
    let today = OffsetDateTime::now_utc().date();
    let mut tags = Vec::new();
    for dir in &dirs {
        let id = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = repo.relative(dir).map_err(|e| e.to_string())?;
        if !repo.exists_at("HEAD", &folder.join("letter.yaml")) {
            return Err(format!(
                "{} is not committed yet: commit the letter, then circulate it",
                crate::diagnostic::display_path(&folder)
            ));
        }
        if repo
            .has_uncommitted_changes(&folder)
            .map_err(|e| e.to_string())?
        {
            print_warning(&format!(
                "{} has changes that are not committed; the draft recorded is the last commit",
                crate::diagnostic::display_path(&folder)
            ));
        }
        tags.push(next_circulated_tag(
            &id,
            today,
            &repo.circulated_drafts(&id).map_err(|e| e.to_string())?,
        ));
    }
    // Every letter was checked before the first tag, so a refusal tags nothing.
    for tag in &tags {
        repo.tag(tag, "HEAD").map_err(|e| e.to_string())?;
    }
    Ok(tags)
}
