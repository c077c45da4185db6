//! The command line: clap definitions and one file per subcommand.

pub mod against;
pub mod build;
pub mod check;
pub mod circulate;
pub mod completions;
pub mod init;
pub mod schema;
pub mod ui;
pub mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diagnostic::Diagnostic;

/// respond — SEC comment-response letters and redlines from YAML.
#[derive(Debug, Parser)]
#[command(name = "respond", version, about, long_about = None)]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
    /// Print only diagnostics (no progress lines).
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print each file written, with its size.
    #[arg(long, short, global = true)]
    pub verbose: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the letter, the redline and their HTML/PDF into output/.
    Build(BuildArgs),
    /// Check that letters are ready to file (errors, placeholders, tick and tie); one summary line per letter; writes nothing.
    Check(CheckArgs),
    /// Scaffold a letter project from the SEC staff comment letter (EDGAR's PDF, its text or HTML).
    Init(InitArgs),
    /// Print the JSON Schema of letter.yaml and of a comment file.
    Schema(SchemaArgs),
    /// Build once, then rebuild a letter every time one of its files is saved.
    Watch(WatchArgs),
    /// Record the current commit as a circulated draft (a git tag per letter).
    Circulate(CirculateArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `respond man > respond.1`.
    Man(ManArgs),
}

/// Arguments of `respond init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The staff letter: the PDF as EDGAR serves it (read directly; nothing else
    /// needs installing), or its text (any pdftotext mode, or EDGAR's full-text
    /// .txt) or EDGAR HTML.
    pub staff_letter: PathBuf,
    /// The letter folder to create (default: responses/<staff letter date>-<form>-<fiscal year>).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Overwrite an existing letter project.
    #[arg(long)]
    pub force: bool,
}

/// The `--format` names: one per writer in the registry.
fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        crate::render::writers::writers().iter().map(|w| w.name()),
    )
}

/// The writers for the `--format` names given, in registry order; every writer when none is given.
pub fn selected_writers(names: &[String]) -> Vec<&'static dyn crate::render::writers::Writer> {
    crate::render::writers::writers()
        .iter()
        .copied()
        .filter(|w| names.is_empty() || names.iter().any(|n| n == w.name()))
        .collect()
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DiagnosticFormat {
    /// Message, place, the quoted line with a caret, and a hint.
    #[default]
    Human,
    /// One line per finding: file:line:col: severity: message.
    Short,
}

/// Arguments of `respond build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Letter folders to build (default: every letter under responses/).
    pub dirs: Vec<PathBuf>,
    /// Formats to write, comma-separated (default: every format). The letter's
    /// folder is written whole: files of formats not asked for are removed.
    #[arg(long, value_delimiter = ',', value_parser = format_names())]
    pub format: Vec<String>,
    /// Output folder.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// How to print diagnostics.
    #[arg(
        long = "diagnostics",
        value_name = "FORMAT",
        value_enum,
        default_value_t
    )]
    pub diagnostic_format: DiagnosticFormat,
    /// Also write output/<letter-id>.blackline/: the letter compared word by word with an
    /// earlier version (a git revision such as HEAD~1 or a tag, a folder holding an
    /// earlier build, or `circulated` for the last circulated draft).
    #[arg(long, value_name = "REF")]
    pub against: Option<String>,
    /// Letters built at the same time (default: one per core).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Build every letter, even one whose outputs are up to date.
    #[arg(long)]
    pub no_cache: bool,
}

/// Arguments of `respond check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Letter folders to check (default: every letter under responses/).
    pub dirs: Vec<PathBuf>,
    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
    /// How to print findings (`short` for editors: file:line:col: severity: message).
    #[arg(
        long = "diagnostics",
        alias = "format",
        value_name = "FORMAT",
        value_enum,
        default_value_t
    )]
    pub diagnostic_format: DiagnosticFormat,
}

/// Arguments of `respond schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema to print (default: both, as one JSON object).
    #[arg(value_enum)]
    pub which: Option<SchemaKind>,
    /// Write letter.schema.json and comment.schema.json into DIR instead of printing.
    #[arg(long, value_name = "DIR", conflicts_with = "which")]
    pub write: Option<PathBuf>,
}

/// Arguments of `respond watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// A letter folder, or a project folder holding responses/ (default: the current folder).
    pub dir: Option<PathBuf>,
    /// Formats to write, comma-separated (default: every format).
    #[arg(long, value_delimiter = ',', value_parser = format_names())]
    pub format: Vec<String>,
    /// Output folder (default: output/ in the project folder).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Rebuild every letter at the start, even one whose outputs are up to date.
    #[arg(long)]
    pub no_cache: bool,
}

/// Arguments of `respond circulate`: the letters must be named, or `--all` given,
/// so that a draft is never recorded for a letter that was not sent.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("letters").required(true).args(["dirs", "all"])))]
pub struct CirculateArgs {
    /// Letter folders to record, e.g. responses/2014-12-09-20f-2013.
    pub dirs: Vec<PathBuf>,
    /// Record every letter under responses/.
    #[arg(long, conflicts_with = "dirs")]
    pub all: bool,
}

/// Arguments of `respond man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print, e.g. `build` for respond-build(1) (default: respond(1)).
    #[arg(value_name = "COMMAND", conflicts_with = "out")]
    pub command: Option<String>,
    /// Write respond.1 and one page per command (respond-build.1, …) into DIR instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Arguments of `respond completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The YAML file kinds with a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// letter.yaml
    Letter,
    /// comments/NN-*.yaml
    Comment,
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let ui = ui::Ui::new(cli.quiet, cli.verbose);
    match cli.command {
        Command::Build(args) => build::run(&args, &ui),
        Command::Check(args) => check::run(&args, &ui),
        Command::Init(args) => init::main(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Watch(args) => watch::run(&args, &ui),
        Command::Circulate(args) => circulate::run(&args, &ui),
        Command::Completions(args) => completions::completions(args.shell),
        Command::Man(args) => completions::man(&args),
    }
}

/// Exit status: the input has errors.
pub const EXIT_INPUT: u8 = 1;
/// Exit status: usage or I/O error.
pub const EXIT_IO: u8 = 2;

/// Prints diagnostics to standard error in `format`.
pub fn print_diagnostics(diagnostics: &[Diagnostic], format: DiagnosticFormat) {
    let colour = ui::colour_enabled();
    let mut out = String::new();
    for d in diagnostics {
        let text = match format {
            DiagnosticFormat::Human => d.render_human(),
            DiagnosticFormat::Short => d.render_short(),
        };
        out.push_str(&ui::paint_severity(&text, d.severity, colour));
        out.push('\n');
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    if format == DiagnosticFormat::Human && !diagnostics.is_empty() {
        out.push_str(&format!(
            "{} error{}, {} warning{}\n",
            errors,
            plural(errors),
            warnings,
            plural(warnings)
        ));
    }
    eprint!("{out}");
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What `build` and `check` start from: the project, its letters, its templates.
pub struct Project {
    /// The project folder.
    pub world: crate::world::World,
    /// The letter folders to work on.
    pub dirs: Vec<PathBuf>,
    /// The templates, the project's overrides applied.
    pub templates: crate::render::markdown::Templates,
}

/// Opens the project in the current folder for the letters `dirs` (every
/// letter when empty): the letters found and within the read budget, the
/// templates loaded. A problem is printed, and the exit code returned.
pub fn open_project(dirs: &[PathBuf], format: DiagnosticFormat) -> Result<Project, ExitCode> {
    let world = crate::world::World::new(".");
    let dirs = letter_dirs(&world, dirs).map_err(|message| {
        ui::print_error(&message);
        ExitCode::from(EXIT_IO)
    })?;
    let too_much = world.check_budget(&dirs);
    if !too_much.is_empty() {
        print_diagnostics(&too_much.into_sorted(), format);
        return Err(ExitCode::from(EXIT_INPUT));
    }
    let overrides = world.template_overrides().map_err(|e| {
        ui::print_error(&format!("cannot read templates/: {e}"));
        ExitCode::from(EXIT_IO)
    })?;
    let templates = crate::render::markdown::Templates::new(&overrides).map_err(|error| {
        print_diagnostics(&[crate::build::template_diagnostic(&error)], format);
        ExitCode::from(EXIT_INPUT)
    })?;
    Ok(Project {
        world,
        dirs,
        templates,
    })
}

/// The letter folders to work on: those given, or every letter under `responses/`.
pub fn letter_dirs(world: &crate::world::World, dirs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    if !dirs.is_empty() {
        for dir in dirs {
            if !dir.join("letter.yaml").is_file() {
                return Err(format!(
                    "{} is not a letter folder (it has no letter.yaml)",
                    dir.display()
                ));
            }
        }
        return Ok(dirs.to_vec());
    }
    let found = world
        .letter_dirs()
        .map_err(|e| format!("cannot read responses/ in {}: {e}", world.root().display()))?;
    if found.is_empty() {
        return Err("no letters found: responses/ has no folder with a letter.yaml".to_owned());
    }
    Ok(found)
}
