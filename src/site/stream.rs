//! Rendering a site as a stream: pages are made a few hundred at a time on every thread and
//! each is handed to a [`Sink`] as soon as it is rendered, so a build holds the pages in
//! flight, never the whole site. What the checks and the search index need of every page
//! (its links, its text) is kept as a digest.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;

use super::links::{LinkTable, page_links};
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

/// Hands files to the sink once each, and keeps what the checks need of them.
struct Collector<'a> {
    sink: &'a dyn Sink,
    search: bool,
    written: Mutex<HashSet<String>>,
    failed: Mutex<Option<String>>,
    got: Mutex<Gathered>,
}

/// Everything kept of the stream for the search index and the checks at the end.
#[derive(Default)]
struct Gathered {
    links: LinkTable,
    docs: Vec<Doc>,
    /// (job number, page, source) of every page rendered, duplicates included.
    pages: Vec<(usize, String, String)>,
    /// Problems of pages, by job number.
    problems: Vec<(usize, Diagnostic)>,
}

impl Collector<'_> {
    /// Writes `file`, made from the content file `source`, unless a file of that path was
    /// written already (a chart both a goal page and the print view show), and keeps the
    /// links and the text of an HTML file.
    fn put(&self, file: OutputFile, source: &str) {
        if !lock(&self.written).insert(file.path.clone()) {
            return;
        }
        if file.path.ends_with(".html") {
            let links = page_links(&file.path, &file.bytes);
            let doc = (self.search && crate::search::is_indexed(&file.path))
                .then(|| crate::search::extract::extract(&file.path, &file.bytes))
                .filter(|d| !d.is_empty());
            let mut got = lock(&self.got);
            got.links.add(&file.path, source, links);
            got.docs.extend(doc);
        }
        if lock(&self.failed).is_none()
            && let Err(e) = self.sink.put(file)
        {
            lock(&self.failed).get_or_insert(e);
        }
    }

    /// Writes a file that is its own source (a theme file, a data file, an asset).
    fn put_own(&self, file: OutputFile) {
        let source = file.path.clone();
        self.put(file, &source);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
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
        got: Mutex::default(),
    };
    render_pages(&cx, &theme, &col);
    for f in theme.static_files() {
        col.put_own(f);
    }
    let data: Vec<Result<(), Diagnostic>> = report
        .years
        .par_iter()
        .map(|y| {
            super::data::data_files(&cx, y).map(|fs| fs.into_iter().for_each(|f| col.put_own(f)))
        })
        .collect();
    let mut late = Diagnostics::default();
    data.into_iter()
        .filter_map(Result::err)
        .for_each(|d| late.push(d));
    copy_assets(report, root, &col, &mut late);
    finish(report, &theme, col, late)
}

/// Copies the editors' files under assets/ as they are.
fn copy_assets(report: &Report, root: &Path, col: &Collector, diags: &mut Diagnostics) {
    let read: Vec<Result<(), Diagnostic>> = report
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
    read.into_iter()
        .filter_map(Result::err)
        .for_each(|d| diags.push(d));
}

/// Renders the pages on every thread, writing each with its charts as soon as it is made:
/// no page waits for another, and none is kept once written.
fn render_pages(cx: &SiteContext, theme: &Theme, col: &Collector) {
    let jobs = registry::page_jobs(cx.report, cx.ev);
    jobs.par_iter().enumerate().for_each(|(i, j)| {
        let done = j.render(cx).and_then(|page| {
            let html = page.render(theme)?;
            Ok((page, html))
        });
        match done {
            Ok((page, html)) => {
                let Page {
                    path,
                    source,
                    files,
                    ..
                } = page;
                std::iter::once(html)
                    .chain(files)
                    .for_each(|f| col.put(f, &source));
                lock(&col.got).pages.push((i, path, source));
            }
            Err(d) => lock(&col.got).problems.push((i, d)),
        }
    });
}

/// The search index and the sitemap, which need every page, then the checks of the whole
/// site.
fn finish(
    report: &Report,
    theme: &Theme,
    col: Collector,
    late: Diagnostics,
) -> Result<SiteSummary, Diagnostics> {
    let lang = report.config.lang;
    let mut index_problem = None;
    if report.config.search {
        let mut docs = std::mem::take(&mut lock(&col.got).docs);
        crate::search::sort_docs(&mut docs);
        match crate::search::search_files_owned(report, theme, docs) {
            Ok(files) => files.into_iter().for_each(|f| col.put_own(f)),
            Err(d) => index_problem = Some(d),
        }
    }
    let written = |col: &Collector| {
        let mut paths: Vec<String> = lock(&col.written).iter().cloned().collect();
        paths.sort_unstable();
        paths
    };
    col.put_own(super::sitemap(report, &written(&col)));
    let paths = written(&col);
    let mut got = std::mem::take(&mut *lock(&col.got));
    let mut diags = Diagnostics::default();
    got.problems.sort_by_key(|(i, _)| *i);
    got.problems.into_iter().for_each(|(_, d)| diags.push(d));
    diags.extend(late);
    index_problem.into_iter().for_each(|d| diags.push(d));
    if let Some(e) = lock(&col.failed).take() {
        diags.push(Diagnostic::error("book.toml", 0, 0, e));
    }
    got.pages.sort_by_key(|(i, _, _)| *i);
    let pages: Vec<(String, String)> = got.pages.into_iter().map(|(_, p, s)| (p, s)).collect();
    super::check_unique_paths(&pages, lang, &mut diags);
    super::check_case_collisions(&paths, &pages, lang, &mut diags);
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
