//! `respond completions SHELL` and `respond man`: generated from the clap definitions.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use super::{Cli, EXIT_IO, ManArgs};

/// Prints the completion script for `shell` on standard output.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "respond", &mut out);
    emit(&out)
}

/// Prints a manual page (roff) on standard output — `respond(1)`, or
/// `respond-COMMAND(1)` for a command — or writes every page into `--out`.
/// Every page that `respond(1)` names exists.
pub fn man(args: &ManArgs) -> ExitCode {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    if let Some(dir) = &args.out {
        let written =
            std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(command, dir));
        return match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                super::ui::print_error(&format!("cannot write to {}: {e}", dir.display()));
                ExitCode::from(EXIT_IO)
            }
        };
    }
    let page = match &args.command {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
                super::ui::print_error(&format!(
                    "there is no command `{name}`; the commands are {}",
                    names.join(", ")
                ));
                return ExitCode::from(EXIT_IO);
            }
        },
    };
    let mut out = Vec::new();
    match clap_mangen::Man::new(page).render(&mut out) {
        Ok(()) => emit(&out),
        Err(e) => {
            super::ui::print_error(&format!("cannot write the manual page: {e}"));
            ExitCode::from(EXIT_IO)
        }
    }
}

fn emit(bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            super::ui::print_error(&format!("cannot write to standard output: {e}"));
            ExitCode::from(EXIT_IO)
        }
    }
}
