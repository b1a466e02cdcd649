//! The rebuild thread: takes batches of changed paths from the watcher, merges what piled up
//! during the previous rebuild, skips saves that changed nothing, re-renders only the changed
//! chapter where that is safe and rebuilds everything otherwise, then swaps the snapshot and
//! tells browsers to reload.

use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Instant;

use super::incremental::{self, Built};
use super::{Event, EventSink, Shared, page};
use crate::build::BuildFailure;
use crate::diag::{Diagnostic, Diagnostics};

/// How the whole site is built: [`crate::build::render`], or in tests a stand-in.
pub(crate) type RenderFn = fn(&Path) -> Result<crate::build::Rendered, BuildFailure>;

/// Owns the last good build and brings the served snapshot up to date.
pub(crate) struct Rebuilder {
    root: PathBuf,
    render: RenderFn,
    shared: Arc<Shared>,
    events: EventSink,
    /// The last good build, while the content has no errors; the base of incremental steps.
    built: Option<Built>,
    /// The content of each changed path as the last rebuild saw it, to skip repeated events
    /// for one save (and saves that change nothing).
    seen: HashMap<PathBuf, Option<u64>>,
}

impl Rebuilder {
    pub fn new(
        root: PathBuf,
        shared: Arc<Shared>,
        events: EventSink,
        render: RenderFn,
    ) -> Rebuilder {
        Rebuilder {
            root,
            render,
            shared,
            events,
            built: None,
            seen: HashMap::new(),
        }
    }

    /// Waits for changes until the watcher goes away.
    pub fn run(mut self, rx: mpsc::Receiver<Vec<PathBuf>>) {
        while let Ok(batch) = rx.recv() {
            let mut paths: BTreeSet<PathBuf> = batch.into_iter().collect();
            // One save may arrive as several batches; take whatever is already waiting.
            while let Ok(more) = rx.try_recv() {
                paths.extend(more);
            }
            if self
                .shared
                .stopping
                .load(std::sync::atomic::Ordering::SeqCst)
            {
                break;
            }
            // A bug that panics must not end the thread: the preview would then serve the
            // old site forever. The error page shows it and the next save tries again.
            if let Err(payload) = catch_unwind(AssertUnwindSafe(|| self.changed(paths))) {
                self.failed_with_panic(payload.as_ref());
            }
        }
    }

    /// Rebuilds for a set of changed paths.
    pub fn changed(&mut self, paths: BTreeSet<PathBuf>) {
        let fresh: Vec<PathBuf> = paths
            .into_iter()
            .filter(|p| {
                let now = fingerprint(p);
                self.seen.insert(p.clone(), now) != Some(now)
            })
            .collect();
        if fresh.is_empty() {
            return;
        }
        let started = Instant::now();
        if let Some(built) = self.built.as_mut() {
            let root = &self.root;
            let step = catch_unwind(AssertUnwindSafe(|| incremental::apply(root, built, &fresh)))
                // After a panic the base may be half-updated: only a full build is trusted.
                .unwrap_or(incremental::Outcome::NeedsFull);
            match step {
                incremental::Outcome::Unchanged => return,
                incremental::Outcome::Updated(files) => {
                    let pages = built.pages();
                    let warnings = built.warnings.clone();
                    let fresh = built.fresh_docs(&files);
                    self.publish(|s| s.put(files));
                    (self.events)(Event::Built {
                        pages,
                        took: started.elapsed(),
                        incremental: true,
                        warnings,
                    });
                    // The pages are shown; the year's print view and the search index follow.
                    let root = &self.root;
                    let print = self.built.as_mut().and_then(|b| {
                        catch_unwind(AssertUnwindSafe(|| b.catch_up(root)))
                            .ok()
                            .flatten()
                    });
                    match print {
                        None => return self.full(),
                        Some(files) if !files.is_empty() => self.publish(|s| s.put(files)),
                        Some(_) => {}
                    }
                    let reindexed = self.built.as_mut().and_then(|b| {
                        catch_unwind(AssertUnwindSafe(|| b.reindex(root, fresh)))
                            .ok()
                            .flatten()
                    });
                    if let Some(index) = reindexed {
                        self.publish_quietly(|s| s.put(index));
                    }
                    return;
                }
                incremental::Outcome::NeedsFull => {}
            }
        }
        self.full();
    }

    /// Builds everything again; a panic on the way shows as an error like any other.
    pub fn full(&mut self) {
        let started = Instant::now();
        let render = self.render;
        let root = &self.root;
        let outcome = match catch_unwind(AssertUnwindSafe(|| render(root))) {
            Ok(outcome) => outcome,
            Err(payload) => {
                self.failed_with_panic(payload.as_ref());
                return;
            }
        };
        match outcome {
            Ok(r) => {
                let built = Built::new(r.report, r.evaluation, &r.files, r.warnings);
                let map = r
                    .files
                    .into_iter()
                    .map(|f| (f.path, Arc::from(f.bytes)))
                    .collect();
                let pages = built.pages();
                let warnings = built.warnings.clone();
                self.built = Some(built);
                self.publish(|s| {
                    s.files = map;
                    s.failure = None;
                });
                (self.events)(Event::Built {
                    pages,
                    took: started.elapsed(),
                    incremental: false,
                    warnings,
                });
            }
            Err(f) => self.failed(f.diagnostics, f.lang),
        }
    }

    /// Shows the error page until a rebuild succeeds.
    fn failed(&mut self, diagnostics: Diagnostics, lang: crate::diag::Lang) {
        self.built = None;
        let html: Arc<str> = Arc::from(page::error_page(&diagnostics, lang));
        // The last good files stay, so the stylesheet and images still load.
        self.publish(|s| s.failure = Some(html));
        (self.events)(Event::Failed { diagnostics });
    }

    /// A rebuild that panicked: a fault of nenpo's, not of the content, said as such.
    fn failed_with_panic(&mut self, payload: &(dyn std::any::Any + Send)) {
        let lang = self.shared.lang;
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let mut d = Diagnostics::default();
        d.push(
            Diagnostic::error(
                "nenpo",
                0,
                0,
                match lang {
                    crate::diag::Lang::Ja => {
                        format!("内部エラーでサイトを作れませんでした（nenpo の不具合です）: {what}")
                    }
                    crate::diag::Lang::En => {
                        format!("an internal error stopped the build (a bug in nenpo): {what}")
                    }
                },
            )
            .with_hint(lang.pick(
                "原稿を保存し直すと、もう一度作ります。直らないときは、この画面の内容を添えて nenpo の担当者に知らせてください",
                "save a file to try again; if it persists, report this page to the nenpo maintainers",
            )),
        );
        self.failed(d, lang);
    }

    /// Changes the snapshot without telling browsers: files no open page shows (the search
    /// index, which the 検索 page reads when it is next used).
    fn publish_quietly<R>(&self, change: impl FnOnce(&mut super::Snapshot) -> R) -> R {
        let mut s = self
            .shared
            .snapshot
            .write()
            .unwrap_or_else(|e| e.into_inner());
        change(&mut s)
    }

    /// Changes the snapshot, counts the version and tells browsers to reload.
    fn publish(&self, change: impl FnOnce(&mut super::Snapshot)) {
        let version = self.publish_quietly(|s| {
            change(s);
            s.version += 1;
            s.version
        });
        self.shared.notify(version);
    }
}

/// A hash of a file's bytes, or none when it is gone (or is a folder).
fn fingerprint(path: &std::path::Path) -> Option<u64> {
    let bytes = std::fs::read(path).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    Some(h.finish())
}
