//! Rendering the evaluated report into the files of the site, as values: nothing here
//! touches the output folder (see [`crate::output`]).

pub mod bodies;
pub mod charts;
pub mod data;
pub mod data_money;
pub mod layout;
pub mod links;
pub mod money;
pub mod money_pages;
pub mod monitoring;
pub mod pages;
pub mod paths;
pub mod registry;
pub mod reviews;
pub mod theme;
pub mod views;

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::diag::{Diagnostic, Diagnostics};
use crate::era::FiscalYear;
use crate::evaluate::{Evaluation, IndicatorYear};
use crate::model::{Indicator, Report};
use crate::tr;
use pages::SiteContext;
use theme::Theme;

/// A file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Site-relative path with `/` separators.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// A page waiting to be rendered.
pub struct Page {
    /// Site-relative path.
    pub path: String,
    /// Template name.
    pub template: &'static str,
    /// The view, serialised once for the template engine.
    pub context: tera::Context,
    /// The content file the page comes from, for error messages.
    pub source: String,
    /// Files that go with the page (its charts as .svg files).
    pub files: Vec<OutputFile>,
    /// Why the view could not be handed to the template engine, reported when the page is
    /// rendered (in the report's language, which the theme knows).
    broken: Option<String>,
}

impl Page {
    /// A page from a typed view; a view the template engine cannot take is an error naming
    /// the page when it is rendered, never an empty page.
    pub fn new<V: Serialize>(
        path: &str,
        template: &'static str,
        view: &V,
        source: &str,
    ) -> Result<Page, Diagnostic> {
        let (context, broken) = match tera::Context::from_serialize(view) {
            Ok(c) => (c, None),
            Err(e) => (tera::Context::new(), Some(e.to_string())),
        };
        Ok(Page {
            path: path.to_string(),
            template,
            context,
            source: source.to_string(),
            files: Vec::new(),
            broken,
        })
    }

    /// Adds files that go with the page.
    pub fn with_files(mut self, files: Vec<OutputFile>) -> Page {
        self.files = files;
        self
    }

    /// Renders the page with the theme's template.
    pub fn render(&self, theme: &Theme) -> Result<OutputFile, Diagnostic> {
        let fail = |e: &str| {
            let message = tr!(
                theme.lang(),
                msg.page_error,
                path = self.path,
                template = self.template,
                error = e
            );
            Diagnostic::error(&self.source, 0, 0, message)
        };
        if let Some(e) = &self.broken {
            return Err(fail(e));
        }
        theme
            .render(self.template, &self.context)
            .map(|html| OutputFile {
                path: self.path.clone(),
                bytes: html.into_bytes(),
            })
            .map_err(|e| fail(&e))
    }
}

/// An indicator's evaluation for a year. Pages are only made for years the evaluation
/// covers, so a miss is a defect of nenpo; it is reported, never a panic.
pub(crate) fn evaluated<'a>(
    cx: &SiteContext<'a>,
    ind: &Indicator,
    year: FiscalYear,
    source: &str,
) -> Result<&'a IndicatorYear, Diagnostic> {
    cx.ev
        .indicator(&ind.id, year)
        .ok_or_else(|| not_evaluated(source, &format!("{} {year}", ind.id)))
}

/// The error for a page asking for something the evaluation does not hold.
pub(crate) fn not_evaluated(source: &str, what: &str) -> Diagnostic {
    Diagnostic::error(
        source,
        0,
        0,
        format!("internal error: {what} was not evaluated (please report this to nenpo)"),
    )
}

/// Builds every file of the site from the report and its evaluation. The result is sorted
/// by path, so the same report gives the same files in the same order at any thread count.
pub fn render_site(
    report: &Report,
    ev: &Evaluation,
    root: &Path,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let theme = Theme::load(root, &report.config.theme, report.config.lang)?;
    let cx = SiteContext::new(report, ev);
    let mut diags = Diagnostics::default();
    let built: Vec<Result<Page, Diagnostic>> = registry::page_jobs(report, ev)
        .par_iter()
        .map(|j| j.render(&cx))
        .collect();
    let pages: Vec<Page> = built
        .into_iter()
        .filter_map(|r| r.map_err(|d| diags.push(d)).ok())
        .collect();
    let rendered: Vec<Result<OutputFile, Diagnostic>> =
        pages.par_iter().map(|p| p.render(&theme)).collect();
    check_unique_paths(&pages, report.config.lang, &mut diags);
    let mut files = Vec::with_capacity(rendered.len() + 64);
    for r in rendered {
        match r {
            Ok(f) => files.push(f),
            Err(d) => diags.push(d),
        }
    }
    files.extend(theme.static_files());
    let data: Vec<Result<Vec<OutputFile>, Diagnostic>> = report
        .years
        .par_iter()
        .map(|y| data::data_files(&cx, y))
        .collect();
    for d in data {
        match d {
            Ok(f) => files.extend(f),
            Err(d) => diags.push(d),
        }
    }
    files.extend(copy_assets(report, root, &mut diags));
    if report.config.search {
        match crate::search::render(report, &theme, &files) {
            Ok(f) => files.extend(f),
            Err(d) => diags.push(d),
        }
    }
    files.push(sitemap(report, &files));
    files.extend(pages.iter().flat_map(|p| p.files.iter().cloned()));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    // The print view and a goal page embed the same charts; the file is written once.
    files.dedup_by(|a, b| a.path == b.path);
    let sources: Vec<(&str, &str)> = pages
        .iter()
        .map(|p| (p.path.as_str(), p.source.as_str()))
        .collect();
    check_case_collisions(&files, &sources, report.config.lang, &mut diags);
    for d in links::check_links(&files, &sources, report.config.lang) {
        diags.push(d);
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(files)
}

/// Two pages at one address would overwrite each other: a chapter named `print.md` and the
/// print view, say. That is the editor's to fix, so it names both sources.
fn check_unique_paths(pages: &[Page], lang: crate::diag::Lang, diags: &mut Diagnostics) {
    let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for p in pages {
        if let Some(first) = seen.insert(&p.path, &p.source) {
            diags.push(
                Diagnostic::error(
                    &p.source,
                    0,
                    0,
                    tr!(lang, msg.page_clash, path = p.path, first = first),
                )
                .with_hint(lang.text().msg.page_clash_hint),
            );
        }
    }
}

/// Web servers on Windows and macOS see `Map.pdf` and `map.pdf` as one file, so one would
/// silently replace the other when the site is copied there (and macOS sees the two Unicode
/// spellings of `が` as one). Ids are lower-case, so this
/// concerns file names under assets/ (and a page beside such a file).
fn check_case_collisions(
    files: &[OutputFile],
    sources: &[(&str, &str)],
    lang: crate::diag::Lang,
    diags: &mut Diagnostics,
) {
    let source = |p: &str| -> String {
        sources
            .iter()
            .find(|(path, _)| *path == p)
            .map_or_else(|| p.to_string(), |(_, s)| s.to_string())
    };
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for f in files {
        // macOS also treats the composed and decomposed spellings of が as one name.
        let key: String = f.path.nfc().collect::<String>().to_lowercase();
        let Some(first) = seen.insert(key, &f.path) else {
            continue;
        };
        diags.push(
            Diagnostic::error(
                source(&f.path),
                0,
                0,
                match lang {
                    crate::diag::Lang::Ja => format!(
                        "「{}」と「{first}」は大文字・小文字（または文字の表し方）だけが違うため、Windows や macOS のサーバーでは同じファイルになります",
                        f.path
                    ),
                    crate::diag::Lang::En => format!(
                        "{} and {first} differ only in case and are one file on Windows and macOS servers",
                        f.path
                    ),
                },
            )
            .with_hint(lang.pick(
                "どちらかのファイル名を変えてください",
                "rename one of them",
            )),
        );
    }
}

/// The 推進体制図 of every body and relation, bodies in their page order.
pub(crate) fn promotion_diagram(report: &Report) -> String {
    let nodes: Vec<crate::diagram::Node> = report
        .bodies
        .iter()
        .map(|b| crate::diagram::Node {
            id: b.id.clone(),
            name: b.name.clone(),
            kind: b.kind.clone(),
        })
        .collect();
    let edges: Vec<crate::diagram::Edge> = report
        .bodies
        .iter()
        .flat_map(|b| {
            b.relations.iter().map(move |r| crate::diagram::Edge {
                from: b.id.clone(),
                to: r.to.clone(),
                label: r.kind.clone(),
            })
        })
        .collect();
    crate::diagram::render_diagram(
        report.config.lang,
        "suishin",
        &tr!(
            report.config.lang,
            chart.diagram_title,
            org = report.config.organization
        ),
        &nodes,
        &edges,
    )
}

fn copy_assets(report: &Report, root: &Path, diags: &mut Diagnostics) -> Vec<OutputFile> {
    let read: Vec<Result<OutputFile, Diagnostic>> = report
        .assets
        .par_iter()
        .map(|a| {
            std::fs::read(root.join(&a.path))
                .map(|bytes| OutputFile {
                    path: a.path.clone(),
                    bytes,
                })
                .map_err(|e| {
                    Diagnostic::error(
                        &a.path,
                        0,
                        0,
                        tr!(report.config.lang, msg.cannot_read, error = e),
                    )
                })
        })
        .collect();
    read.into_iter()
        .filter_map(|r| r.map_err(|d| diags.push(d)).ok())
        .collect()
}

/// sitemap.xml lists every page; with no base_url its addresses are site-relative.
fn sitemap(report: &Report, files: &[OutputFile]) -> OutputFile {
    let base = report
        .config
        .base_url
        .as_deref()
        .map(|b| format!("{}/", b.trim_end_matches('/')))
        .unwrap_or_default();
    let mut pages: Vec<&str> = files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| p.ends_with(".html") && *p != paths::NOT_FOUND)
        .collect();
    pages.sort_unstable();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let lastmod = report
        .latest_year()
        .and_then(|y| y.published)
        .map(|d| d.iso());
    for p in pages {
        let loc = p.strip_suffix("index.html").unwrap_or(p);
        xml.push_str(&format!(
            "  <url><loc>{}</loc>",
            crate::markdown::escape(&format!("{base}{loc}"))
        ));
        if let Some(l) = &lastmod {
            xml.push_str(&format!("<lastmod>{l}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".into(),
        bytes: xml.into_bytes(),
    }
}
