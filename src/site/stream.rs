//! Rendering a site as a stream: pages are made a few hundred at a time on every thread and
//! each is handed to a [`Sink`] as soon as it is rendered, so a build holds the pages in
//! flight, never the whole site. What the checks and the search index need of every page
//! (its links, its text) is kept as a digest.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;

use super::links::{LinkTable, PageLink, page_links};
use super::pages::SiteContext;
use super::theme::Theme;
use super::{OutputFile, Page, registry};
use crate::diag::{Diagnostic, Diagnostics};
use crate::evaluate::Evaluation;
use crate::model::Report;
use crate::search::Doc;

/// Where the files of a site go as they are rendered.
pub trait Sink: Sync {
    /// Takes one file. Called from several threads at once, in no fixed order; what a file
    /// holds never depends on the order. An error is the reason, worded for the editor.
    fn put(&self, file: OutputFile) -> Result<(), String>;
}

/// Keeps every file in memory (what `serve` and the tests read).
#[derive(Debug, Default)]
pub struct Memory(Mutex<Vec<OutputFile>>);

impl Memory {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Memory {
    fn put(&self, file: OutputFile) -> Result<(), String> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

/// Keeps nothing: what `nenpo check` renders into, checking all a build checks.
#[derive(Debug, Default)]
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: OutputFile) -> Result<(), String> {
        Ok(())
    }
}

/// What a rendered site holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SiteSummary {
    /// Files written.
    pub files: usize,
    /// HTML pages among them.
    pub pages: usize,
}

/// Pages rendered between two hand-overs of digests: enough to keep every thread busy,
/// few enough that the pages in flight stay a small part of the site.
const CHUNK: usize = 128;

/// What is kept of a written HTML file.
struct Digest {
    path: String,
    source: String,
    links: Vec<PageLink>,
    doc: Option<Doc>,
}

/// Hands files to the sink once each, and collects what the checks need.
struct Collector<'a> {
    sink: &'a dyn Sink,
    search: bool,
    written: Mutex<HashSet<String>>,
    failed: Mutex<Option<String>>,
}

impl Collector<'_> {
    /// Writes `file`, made from the content file `source`, unless a file of that path was
    /// written already (a chart both a goal page and another page show); returns the
    /// digest of a written HTML file.
    fn put(&self, file: OutputFile, source: &str) -> Option<Digest> {
        let fresh = lock(&self.written).insert(file.path.clone());
        if !fresh {
            return None;
        }
        let digest = file.path.ends_with(".html").then(|| Digest {
            links: page_links(&file.path, &file.bytes),
            doc: (self.search && crate::search::is_indexed(&file.path))
                .then(|| crate::search::extract::extract(&file.path, &file.bytes))
                .filter(|d| !d.is_empty()),
            path: file.path.clone(),
            source: source.to_string(),
        });
        if lock(&self.failed).is_none()
            && let Err(e) = self.sink.put(file)
        {
            lock(&self.failed).get_or_insert(e);
        }
        digest
    }
}

impl Collector<'_> {
    /// Writes a file that is its own source (a theme file, a data file, an asset).
    fn put_own(&self, file: OutputFile) -> Option<Digest> {
        let source = file.path.clone();
        self.put(file, &source)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Everything gathered from the stream for the checks at the end.
#[derive(Default)]
struct Gathered {
    links: LinkTable,
    docs: Vec<Doc>,
    /// (page, source) of every page rendered, duplicates included.
    pages: Vec<(String, String)>,
}

impl Gathered {
    fn add(&mut self, d: Digest) {
        self.links.add(&d.path, &d.source, d.links);
        self.docs.extend(d.doc);
    }

    fn add_all(&mut self, d: impl IntoIterator<Item = Digest>) {
        d.into_iter().for_each(|d| self.add(d));
    }
}

/// Renders every file of the site from the report and its evaluation into `sink`. The
/// files are the same at any thread count; on an error the sink may hold part of the site,
/// which the caller discards.
pub fn render_site_into(
    report: &Report,
    ev: &Evaluation,
    root: &Path,
    sink: &dyn Sink,
) -> Result<SiteSummary, Diagnostics> {
    let theme = Theme::load(root, &report.config.theme, report.config.lang)?;
    let cx = SiteContext::new(report, ev);
    let col = Collector {
        sink,
        search: report.config.search,
        written: Mutex::default(),
        failed: Mutex::default(),
    };
    let mut diags = Diagnostics::default();
    let mut got = Gathered::default();
    render_pages(&cx, &theme, &col, &mut got, &mut diags);
    for f in theme.static_files() {
        got.add_all(col.put_own(f));
    }
    let data: Vec<Result<Vec<Digest>, Diagnostic>> = report
        .years
        .par_iter()
        .map(|y| {
            super::data::data_files(&cx, y)
                .map(|fs| fs.into_iter().filter_map(|f| col.put_own(f)).collect())
        })
        .collect();
    for d in data {
        match d {
            Ok(ds) => ds.into_iter().for_each(|d| got.add(d)),
            Err(d) => diags.push(d),
        }
    }
    copy_assets(report, root, &col, &mut got, &mut diags);
    finish(report, &theme, col, got, diags)
}

/// Copies the editors' files under assets/ as they are.
fn copy_assets(
    report: &Report,
    root: &Path,
    col: &Collector,
    got: &mut Gathered,
    diags: &mut Diagnostics,
) {
    let read: Vec<Result<Option<Digest>, Diagnostic>> = report
        .assets
        .par_iter()
        .map(|a| {
            std::fs::read(root.join(&a.path))
                .map(|bytes| {
                    col.put_own(OutputFile {
                        path: a.path.clone(),
                        bytes,
                    })
                })
                .map_err(|e| {
                    let message = crate::tr!(report.config.lang, msg.cannot_read, error = e);
                    Diagnostic::error(&a.path, 0, 0, message)
                })
        })
        .collect();
    for r in read {
        match r {
            Ok(d) => got.add_all(d),
            Err(d) => diags.push(d),
        }
    }
}

/// A page written with its files: their digests, the page's path and its source.
type WrittenPage = (Vec<Digest>, String, String);

/// Renders the pages a chunk at a time, writing each with its charts as soon as it is made.
fn render_pages(
    cx: &SiteContext,
    theme: &Theme,
    col: &Collector,
    got: &mut Gathered,
    diags: &mut Diagnostics,
) {
    let jobs = registry::page_jobs(cx.report, cx.ev);
    for chunk in jobs.chunks(CHUNK) {
        let done: Vec<Result<WrittenPage, Diagnostic>> = chunk
            .par_iter()
            .map(|j| {
                let page = j.render(cx)?;
                let html = page.render(theme)?;
                let Page {
                    path,
                    source,
                    files,
                    ..
                } = page;
                let digests = std::iter::once(html)
                    .chain(files)
                    .filter_map(|f| col.put(f, &source))
                    .collect();
                Ok((digests, path, source))
            })
            .collect();
        for r in done {
            match r {
                Ok((digests, path, source)) => {
                    digests.into_iter().for_each(|d| got.add(d));
                    got.pages.push((path, source));
                }
                Err(d) => diags.push(d),
            }
        }
    }
}

/// The search index and the sitemap, which need every page, then the checks of the whole
/// site.
fn finish(
    report: &Report,
    theme: &Theme,
    col: Collector,
    mut got: Gathered,
    mut diags: Diagnostics,
) -> Result<SiteSummary, Diagnostics> {
    let lang = report.config.lang;
    if report.config.search {
        crate::search::sort_docs(&mut got.docs);
        let docs: Vec<&Doc> = got.docs.iter().collect();
        let index = crate::search::search_files(report, theme, &docs);
        drop(docs);
        got.docs = Vec::new();
        match index {
            Ok(files) => files.into_iter().for_each(|f| got.add_all(col.put_own(f))),
            Err(d) => diags.push(d),
        }
    }
    let written = |col: &Collector| {
        let mut paths: Vec<String> = lock(&col.written).iter().cloned().collect();
        paths.sort_unstable();
        paths
    };
    col.put_own(super::sitemap(report, &written(&col)));
    let paths = written(&col);
    if let Some(e) = lock(&col.failed).take() {
        diags.push(Diagnostic::error("book.toml", 0, 0, e));
    }
    super::check_unique_paths(&got.pages, lang, &mut diags);
    super::check_case_collisions(&paths, &got.pages, lang, &mut diags);
    let existing: HashSet<&str> = paths.iter().map(String::as_str).collect();
    for d in got.links.check(&existing, lang) {
        diags.push(d);
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(SiteSummary {
        files: paths.len(),
        pages: paths.iter().filter(|p| p.ends_with(".html")).count(),
    })
}
