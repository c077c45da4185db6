//! `respond watch`.

use std::process::ExitCode;

use super::WatchArgs;
use super::ui::Ui;

/// Watches.
pub fn run(_args: &WatchArgs, _ui: &Ui) -> ExitCode {
    ExitCode::SUCCESS
}
