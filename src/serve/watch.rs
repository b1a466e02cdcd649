//! Watching the report for saves: content/, assets/ and themes/ recursively and book.toml,
//! debounced (one save fires several events) and filtered (editor backups, swap files and
//! the output folder never trigger a rebuild).

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

/// Quiet time after the last event of a save before it is reported. Editors write a file in
/// a few milliseconds (write, rename, chmod), so a short wait merges a save into one batch.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// Folders watched recursively, when they exist.
const FOLDERS: &[&str] = &["content", "assets", "themes"];

type Inner = Debouncer<notify_debouncer_full::notify::RecommendedWatcher, RecommendedCache>;

/// A running watcher; dropping it stops watching and closes the channel it sends on.
pub(crate) struct Watcher {
    _debouncer: Arc<Mutex<Inner>>,
}

impl Watcher {
    /// Watches the report at `root`, sending each batch of relevant changed paths to `tx`.
    pub fn start(
        root: &Path,
        tx: Sender<Vec<PathBuf>>,
        events: super::EventSink,
    ) -> Result<Watcher, notify_debouncer_full::notify::Error> {
        let root = root.to_path_buf();
        let handler_root = root.clone();
        // The handler adds watches for assets/ or themes/ created after the start, so it
        // reaches the debouncer through a slot filled right after creation.
        let slot: Arc<Mutex<Option<std::sync::Weak<Mutex<Inner>>>>> = Arc::new(Mutex::new(None));
        let handler_slot = slot.clone();
        let debouncer = new_debouncer(
            DEBOUNCE,
            Some(Duration::from_millis(5)),
            move |res: DebounceEventResult| {
                let events = match res {
                    Ok(ev) => ev,
                    Err(errors) => {
                        for e in errors {
                            events(super::Event::WatchError(e.to_string()));
                        }
                        return;
                    }
                };
                let mut paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                    .flat_map(|e| e.paths.iter().cloned())
                    .filter(|p| relevant(&handler_root, p))
                    .collect();
                paths.sort();
                paths.dedup();
                for p in &paths {
                    if is_new_top_folder(&handler_root, p) {
                        let weak = handler_slot.lock().ok().and_then(|s| s.clone());
                        if let Some(d) = weak.and_then(|w| w.upgrade())
                            && let Ok(mut d) = d.lock()
                        {
                            let _ = d.watch(p, RecursiveMode::Recursive);
                        }
                    }
                }
                if !paths.is_empty() {
                    let _ = tx.send(paths);
                }
            },
        )?;
        let debouncer = Arc::new(Mutex::new(debouncer));
        {
            let mut d = debouncer.lock().unwrap_or_else(|e| e.into_inner());
            // The root itself only for book.toml and new top folders: not the output folder
            // or anything else below it.
            d.watch(&root, RecursiveMode::NonRecursive)?;
            for f in FOLDERS {
                let dir = root.join(f);
                if dir.is_dir() {
                    d.watch(&dir, RecursiveMode::Recursive)?;
                }
            }
        }
        *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::downgrade(&debouncer));
        Ok(Watcher {
            _debouncer: debouncer,
        })
    }
}

/// Whether a changed path can change the site.
pub(crate) fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some(name) = parts.last() else {
        return false;
    };
    // Editors' backups, swap and lock files: vim's .x.swp and 4913, emacs' #x# and .#x.
    if name.starts_with('.') || name.starts_with('#') || name.ends_with('~') || name == "4913" {
        return false;
    }
    match parts.first().map(String::as_str) {
        Some("book.toml") => parts.len() == 1,
        Some(top) => FOLDERS.contains(&top),
        None => false,
    }
}

fn is_new_top_folder(root: &Path, path: &Path) -> bool {
    path.parent() == Some(root)
        && path.is_dir()
        && path
            .file_name()
            .is_some_and(|n| FOLDERS.contains(&n.to_string_lossy().as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_count_and_editor_files_do_not() {
        let root = Path::new("/r");
        for yes in [
            "/r/book.toml",
            "/r/content/2021/index.md",
            "/r/assets/a.pdf",
            "/r/themes/x/static/style.css",
            "/r/content",
        ] {
            assert!(relevant(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/r/public/index.html",
            "/r/target/debug/x",
            "/r/content/2021/.index.md.swp",
            "/r/content/2021/index.md~",
            "/r/content/2021/4913",
            "/r/content/#index.md#",
            "/r/Cargo.toml",
            "/elsewhere/content/a.md",
        ] {
            assert!(!relevant(root, Path::new(no)), "{no}");
        }
    }
}
