//! `respond watch`: build once, then rebuild a letter each time one of its
//! files is saved.
//!
//! Each letter is built and written on its own, all or nothing, so a broken
//! save prints its diagnostics and leaves that letter's last good output in
//! place; the loop carries on until interrupted. A change in `templates/`
//! (also one created while watching) rebuilds every letter; changes under the
//! output folder are ignored.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::build::BLACKLINE_FOLDER_SUFFIX;
use super::ui::{Ui, print_error, print_warning};
use super::{DiagnosticFormat, EXIT_IO, WatchArgs, print_diagnostics};
use crate::build::{Built, build_letter, template_diagnostic};
use crate::cache::{self, Cache};
use crate::diagnostic::display_path;
use crate::error::Error;
use crate::output::{Folder, write_folders};
use crate::render::markdown::Templates;
use crate::render::writers::Writer;
use crate::world::World;
use crate::world::source_date_epoch;

/// How long the file system must be quiet before a save counts as finished.
const SETTLE: Duration = Duration::from_millis(50);

/// Where a watched project keeps its files (all absolute).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The project root, holding `responses/` and `templates/`.
    pub root: PathBuf,
    /// The one letter folder watched, or `None` for every letter under `responses/`.
    pub only: Option<PathBuf>,
    /// The output folder.
    pub out: PathBuf,
}

/// The letters a change to one path makes stale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Affected {
    /// No output depends on the path.
    Nothing,
    /// The letter in this folder.
    Letter(PathBuf),
    /// Every letter (a template changed).
    Every,
}

impl Layout {
    /// `responses/` under the root.
    pub fn responses(&self) -> PathBuf {
        self.root.join("responses")
    }

    /// `templates/` under the root.
    pub fn templates(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// Which letters a change to `path` affects. Editors' backup and lock files
    /// (hidden names, `#…#`, `…~`) and anything in the output folder affect nothing.
    pub fn affected(&self, path: &Path) -> Affected {
        if path.starts_with(&self.out) || is_scratch(path) {
            return Affected::Nothing;
        }
        // The house style sets every letter.
        if path == self.root.join(crate::render::style::STYLE_FILE) {
            return Affected::Every;
        }
        if let Ok(rest) = path.strip_prefix(self.templates()) {
            let is_template = path.extension().is_some_and(|e| e == "tera");
            return if rest.as_os_str().is_empty() || is_template {
                Affected::Every
            } else {
                Affected::Nothing
            };
        }
        let (letter, rest) = match &self.only {
            Some(only) => match path.strip_prefix(only) {
                Ok(rest) => (only.clone(), names(rest)),
                Err(_) => return Affected::Nothing,
            },
            None => match path.strip_prefix(self.responses()).map(names) {
                Ok(parts) if !parts.is_empty() => {
                    (self.responses().join(&parts[0]), parts[1..].to_vec())
                }
                _ => return Affected::Nothing,
            },
        };
        let is_yaml = |name: &str| name.ends_with(".yaml") || name.ends_with(".yml");
        let parts: Vec<&str> = rest.iter().map(String::as_str).collect();
        match parts.as_slice() {
            [] | ["letter.yaml"] | ["comments"] => Affected::Letter(letter),
            ["comments", file] if is_yaml(file) => Affected::Letter(letter),
            _ => Affected::Nothing,
        }
    }
}

fn names(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

fn is_scratch(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~')
}

/// Builds every watched letter, then rebuilds on each save until interrupted.
pub fn run(args: &WatchArgs, ui: &Ui) -> ExitCode {
    let layout = match layout(args) {
        Ok(layout) => layout,
        Err(message) => {
            print_error(&message.to_string());
            return ExitCode::from(EXIT_IO);
        }
    };
    let writers = super::selected_writers(&args.format);
    let (tx, rx) = mpsc::channel();
    let mut files = match WatchedFiles::start(&layout, tx) {
        Ok(files) => files,
        Err(message) => {
            print_error(&message.to_string());
            return ExitCode::from(EXIT_IO);
        }
    };
    let world = World::new(&layout.root);
    let cache = if args.no_cache {
        None
    } else {
        match world.cache_dir() {
            Ok(dir) => Some(Cache::new(dir)),
            Err(error) => {
                print_error(&error.to_string());
                return ExitCode::from(EXIT_IO);
            }
        }
    };
    let watcher = Watcher {
        world,
        layout,
        writers,
        ui: *ui,
        cache,
    };
    watcher.rebuild(&watcher.all_letters(), "built");
    ui.status(&format!(
        "watching {} for changes (Ctrl-C to stop)",
        files.describe(&watcher.world)
    ));
    for result in rx {
        match result {
            Ok(events) => {
                files.follow_templates(&watcher.layout);
                let paths = events
                    .iter()
                    .filter(|e| !e.kind.is_access())
                    .flat_map(|e| e.paths.iter());
                let stale = watcher.stale(paths);
                watcher.rebuild(&stale, "rebuilt");
            }
            Err(errors) => {
                for e in errors {
                    print_warning(&format!("file watcher: {e}"));
                }
            }
        }
    }
    ExitCode::SUCCESS
}

/// The folders being watched: the letters recursively, `templates/` once it
/// exists, and the project root itself (only to notice `templates/` appear).
struct WatchedFiles {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    letters: PathBuf,
    templates: Option<PathBuf>,
}

impl WatchedFiles {
    fn start(
        layout: &Layout,
        events: mpsc::Sender<DebounceEventResult>,
    ) -> Result<WatchedFiles, Error> {
        let debouncer = new_debouncer(SETTLE, None, events)
            .map_err(|e| Error::usage(format!("cannot watch files: {e}")))?;
        let mut files = WatchedFiles {
            debouncer,
            letters: layout.only.clone().unwrap_or_else(|| layout.responses()),
            templates: None,
        };
        let letters = files.letters.clone();
        files.watch(&letters, RecursiveMode::Recursive)?;
        files.watch(&layout.root, RecursiveMode::NonRecursive)?;
        files.follow_templates(layout);
        Ok(files)
    }

    /// Starts watching `templates/` if it has appeared.
    fn follow_templates(&mut self, layout: &Layout) {
        let templates = layout.templates();
        if self.templates.is_none() && templates.is_dir() {
            match self.watch(&templates, RecursiveMode::Recursive) {
                Ok(()) => self.templates = Some(templates),
                Err(error) => print_warning(&error.to_string()),
            }
        }
    }

    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> Result<(), Error> {
        self.debouncer
            .watch(path, mode)
            .map_err(|e| Error::usage(format!("cannot watch {}: {e}", path.display())))
    }

    /// "responses/ and templates/".
    fn describe(&self, world: &World) -> String {
        let shown = |p: &PathBuf| format!("{}/", display_path(&world.shown(p)));
        std::iter::once(&self.letters)
            .chain(&self.templates)
            .map(shown)
            .collect::<Vec<_>>()
            .join(" and ")
    }
}

/// The project folder, the letter watched (if one) and the output folder, from the arguments.
fn layout(args: &WatchArgs) -> Result<Layout, Error> {
    let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let canonical = |p: &Path| std::fs::canonicalize(p).map_err(|e| Error::io(p, e));
    let (root, only) = if dir.join("letter.yaml").is_file() {
        (canonical(&cwd)?, Some(canonical(&dir)?))
    } else if dir.join("responses").is_dir() {
        (canonical(&dir)?, None)
    } else {
        return Err(Error::usage(format!(
            "{} is neither a letter folder (with letter.yaml) nor a project folder (with responses/)",
            dir.display()
        )));
    };
    let out = match &args.out {
        Some(out) if out.is_absolute() => out.clone(),
        Some(out) => canonical(&cwd)?.join(out),
        None => root.join("output"),
    };
    let out = World::new(&root)
        .confine(&out)
        .map_err(|message| Error::usage(format!("--out {message}")))?;
    Ok(Layout { root, only, out })
}

struct Watcher {
    world: World,
    layout: Layout,
    writers: Vec<&'static dyn Writer>,
    ui: Ui,
    /// The build cache (the same one `respond build` keeps), unless `--no-cache`.
    cache: Option<Cache>,
}

impl Watcher {
    /// Every letter watched, sorted.
    fn all_letters(&self) -> Vec<PathBuf> {
        match &self.layout.only {
            Some(only) => vec![only.clone()],
            None => match self.world.letter_dirs() {
                Ok(dirs) => dirs,
                Err(e) => {
                    print_error(&format!("cannot read responses/: {e}"));
                    Vec::new()
                }
            },
        }
    }

    /// The letters made stale by changes to `paths`, sorted and without repeats.
    fn stale<'a>(&self, paths: impl Iterator<Item = &'a PathBuf>) -> Vec<PathBuf> {
        let mut letters = BTreeSet::new();
        for path in paths {
            match self.layout.affected(path) {
                Affected::Nothing => {}
                Affected::Letter(dir) => {
                    letters.insert(dir);
                }
                Affected::Every => return self.all_letters(),
            }
        }
        letters.into_iter().collect()
    }

    /// Builds each letter and writes its outputs if it built; prints one line or the diagnostics.
    fn rebuild(&self, letters: &[PathBuf], verb: &str) {
        if letters.is_empty() {
            return;
        }
        let Some((templates, overrides)) = self.templates() else {
            return;
        };
        for dir in letters {
            if !dir.join("letter.yaml").is_file() {
                continue;
            }
            self.rebuild_letter(dir, (&templates, &overrides), verb);
        }
    }

    fn templates(&self) -> Option<(Templates, Vec<(String, String)>)> {
        let overrides = match self.world.template_overrides() {
            Ok(o) => o,
            Err(e) => {
                print_error(&format!("cannot read templates/: {e}"));
                return None;
            }
        };
        match Templates::new(&overrides) {
            Ok(t) => Some((t, overrides)),
            Err(error) => {
                print_diagnostics(&[template_diagnostic(&error)], DiagnosticFormat::Human);
                None
            }
        }
    }

    fn rebuild_letter(
        &self,
        dir: &Path,
        (templates, overrides): (&Templates, &[(String, String)]),
        verb: &str,
    ) {
        let started = Instant::now();
        let id = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut key = None;
        let built = match self.world.read_letter(dir) {
            Ok(sources) => {
                if let Some(cache) = &self.cache {
                    let k = cache::key(&sources, overrides, &self.writers, source_date_epoch());
                    if let Some(replayed) = cache.fresh(&sources, &k, &self.layout.out.join(&id)) {
                        print_diagnostics(&replayed, DiagnosticFormat::Human);
                        self.ui
                            .status(&format!("unchanged {id}: its outputs are up to date"));
                        return;
                    }
                    key = Some(k);
                }
                build_letter(&sources, templates, &self.writers)
            }
            Err(diags) => Built::Refused(diags),
        };
        let (output, warnings) = match built {
            Built::Letter(output, diags) => {
                let warnings = diags.into_sorted();
                print_diagnostics(&warnings, DiagnosticFormat::Human);
                (output, warnings)
            }
            Built::Refused(diags) => {
                print_diagnostics(&diags.into_sorted(), DiagnosticFormat::Human);
                self.ui.status(&format!(
                    "{id}: not rebuilt; the last good output is unchanged"
                ));
                return;
            }
            Built::Failed(error, diags) => {
                print_diagnostics(&diags.into_sorted(), DiagnosticFormat::Human);
                print_error(&error.to_string());
                self.ui.status(&format!(
                    "{id}: not rebuilt; the last good output is unchanged"
                ));
                return;
            }
        };
        let folder = Folder {
            name: output.id.clone(),
            files: output.files.clone(),
        };
        let stale = [format!("{}{BLACKLINE_FOLDER_SUFFIX}", output.id)];
        let written = write_folders(&self.layout.out, &[folder], &stale).and_then(|_| {
            match (&self.cache, &key) {
                (Some(cache), Some(key)) => cache.record(&output.id, key, &output.files, &warnings),
                (Some(cache), None) => cache.forget(&output.id),
                (None, _) => Ok(()),
            }
        });
        match written {
            Ok(()) => self.ui.letter_written(
                verb,
                &output.id,
                &output.files,
                &self.world.shown(&self.layout.out),
                started.elapsed(),
            ),
            Err(e) => print_error(&format!(
                "cannot write to {}: {e}",
                self.layout.out.display()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> Layout {
        Layout {
            root: PathBuf::from("/p"),
            only: None,
            out: PathBuf::from("/p/output"),
        }
    }

    fn letter(id: &str) -> Affected {
        Affected::Letter(PathBuf::from("/p/responses").join(id))
    }

    #[test]
    fn a_comment_or_the_letter_file_affects_its_letter() {
        let p = project();
        assert_eq!(
            p.affected(Path::new("/p/responses/a/comments/01-x.yaml")),
            letter("a")
        );
        assert_eq!(
            p.affected(Path::new("/p/responses/b/letter.yaml")),
            letter("b")
        );
        assert_eq!(
            p.affected(Path::new("/p/responses/b/comments")),
            letter("b")
        );
        assert_eq!(p.affected(Path::new("/p/responses/b")), letter("b"));
    }

    #[test]
    fn templates_affect_every_letter() {
        let p = project();
        assert_eq!(
            p.affected(Path::new("/p/templates/letter.md.tera")),
            Affected::Every
        );
        assert_eq!(p.affected(Path::new("/p/templates")), Affected::Every);
        assert_eq!(
            p.affected(Path::new("/p/templates/notes.txt")),
            Affected::Nothing
        );
        assert_eq!(p.affected(Path::new("/p/style.yaml")), Affected::Every);
        assert_eq!(p.affected(Path::new("/p/notes.yaml")), Affected::Nothing);
    }

    #[test]
    fn outputs_scratch_files_and_other_files_affect_nothing() {
        let p = project();
        for path in [
            "/p/output/a/letter.md",
            "/p/responses/a/comments/.01-x.yaml.swp",
            "/p/responses/a/comments/01-x.yaml~",
            "/p/responses/a/comments/#01-x.yaml#",
            "/p/responses/a/comments/4913",
            "/p/responses/a/README.md",
            "/p/responses",
            "/p/Cargo.toml",
        ] {
            assert_eq!(p.affected(Path::new(path)), Affected::Nothing, "{path}");
        }
    }

    #[test]
    fn an_output_folder_inside_the_letters_is_still_ignored() {
        let p = Layout {
            out: PathBuf::from("/p/responses/a/comments/out"),
            ..project()
        };
        assert_eq!(
            p.affected(Path::new("/p/responses/a/comments/out/x.yaml")),
            Affected::Nothing
        );
    }

    #[test]
    fn one_watched_letter_may_live_anywhere() {
        let p = Layout {
            only: Some(PathBuf::from("/elsewhere/draft")),
            ..project()
        };
        assert_eq!(
            p.affected(Path::new("/elsewhere/draft/comments/02.yml")),
            Affected::Letter(PathBuf::from("/elsewhere/draft"))
        );
        assert_eq!(
            p.affected(Path::new("/p/responses/a/letter.yaml")),
            Affected::Nothing
        );
        assert_eq!(
            p.affected(Path::new("/p/templates/letter.md.tera")),
            Affected::Every
        );
    }
}
