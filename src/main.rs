//! The `respond` binary: parse the command line, run it, exit with its status.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

fn main() -> std::process::ExitCode {
    respond::cli::run(respond::cli::Cli::parse())
}
