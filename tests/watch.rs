//! `respond watch` on a copy of the example: picks up an edit, survives a YAML
//! syntax error without touching the last good output, and recovers.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Kills the watcher when the test ends, passing or failing.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Polls `ready` every 20 ms for up to 20 s.
fn wait_until(what: &str, stderr: &Arc<Mutex<String>>, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ready() {
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}; watch printed:\n{}",
            stderr.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Saves like an editor does: a scratch file beside the target, renamed over it.
fn save(path: &Path, text: &str) {
    let scratch = path.with_file_name(".respond-test-save");
    std::fs::write(&scratch, text).unwrap();
    std::fs::rename(&scratch, path).unwrap();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// A running `respond watch` and everything it has printed on standard error.
struct Watch {
    _child: KillOnDrop,
    stderr: Arc<Mutex<String>>,
}

impl Watch {
    fn start(root: &Path) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_respond"))
            .args(["watch", "--format", "md"])
            .current_dir(root)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("respond watch starts");
        let mut pipe = child.stderr.take().unwrap();
        let guard = KillOnDrop(child);
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let watch = Watch {
            _child: guard,
            stderr,
        };
        watch.wait_for_output("watching");
        watch
    }

    fn printed(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    fn wait_for_output(&self, text: &str) {
        wait_until(text, &self.stderr, || self.printed().contains(text));
    }
}

#[test]
fn writing_outputs_triggers_no_rebuild_and_a_template_change_rebuilds() {
    let project = common::example_project();
    let root = project.path();
    let templates = root.join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let template =
        std::fs::read_to_string(common::repo().join("templates/letter.md.tera")).unwrap();
    std::fs::write(templates.join("letter.md.tera"), &template).unwrap();

    let watch = Watch::start(root);
    // The first build wrote output/; that must not wake the watcher.
    std::thread::sleep(Duration::from_millis(300));
    assert!(!watch.printed().contains("rebuilt"), "{}", watch.printed());

    save(
        &templates.join("letter.md.tera"),
        &format!("{template}\nTemplate marker paragraph.\n"),
    );
    let letter_md = root.join("output/21vianet-2014-12-09/letter.md");
    wait_until("the template change to be rebuilt", &watch.stderr, || {
        read(&letter_md).contains("Template marker paragraph.")
    });
}

#[test]
fn watch_rebuilds_on_save_survives_a_syntax_error_and_recovers() {
    let project = common::example_project();
    let root = project.path();
    let letter_md = root.join("output/21vianet-2014-12-09/letter.md");
    let comment = root.join("responses/21vianet-2014-12-09/comments/04-cabinet-utilization.yaml");
    let original = read(&comment);
    assert!(original.contains("key metrics"));

    let watch = Watch::start(root);
    assert!(read(&letter_md).contains("key metrics"));
    assert!(
        watch
            .printed()
            .contains("built 21vianet-2014-12-09: letter.md")
    );

    save(&comment, &original.replace("key metrics", "key indicators"));
    wait_until("the edit to be rebuilt", &watch.stderr, || {
        read(&letter_md).contains("key indicators")
    });
    let good = read(&letter_md);
    watch.wait_for_output("rebuilt 21vianet-2014-12-09");

    save(&comment, &format!("{original}extra: [unclosed\n"));
    watch.wait_for_output("not rebuilt; the last good output is unchanged");
    let printed = watch.printed();
    assert!(
        printed.contains("error: YAML syntax error")
            && printed.contains("comments/04-cabinet-utilization.yaml:"),
        "{printed}"
    );
    assert_eq!(
        read(&letter_md),
        good,
        "a broken save never clobbers the output"
    );

    save(&comment, &original.replace("key metrics", "key measures"));
    wait_until("the fixed file to be rebuilt", &watch.stderr, || {
        read(&letter_md).contains("key measures")
    });
}

#[test]
fn watch_refuses_a_folder_that_is_not_a_project() {
    let empty = tempfile::tempdir().unwrap();
    let out = common::respond(empty.path(), &["watch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither a letter folder"));
}

#[test]
fn a_templates_folder_created_while_watching_is_followed() {
    let project = common::example_project();
    let root = project.path();
    let watch = Watch::start(root);
    let template =
        std::fs::read_to_string(common::repo().join("templates/letter.md.tera")).unwrap();
    let letter_md = root.join("output/21vianet-2014-12-09/letter.md");

    let templates = root.join("templates");
    std::fs::create_dir(&templates).unwrap();
    save(
        &templates.join("letter.md.tera"),
        &format!("{template}\nFirst template marker.\n"),
    );
    wait_until("the new template to be used", &watch.stderr, || {
        read(&letter_md).contains("First template marker.")
    });
    save(
        &templates.join("letter.md.tera"),
        &format!("{template}\nSecond template marker.\n"),
    );
    wait_until(
        "an edit in the new folder to be rebuilt",
        &watch.stderr,
        || read(&letter_md).contains("Second template marker."),
    );
}
