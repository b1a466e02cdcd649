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
pub mod stream;
pub mod theme;
pub mod views;

use std::path::Path;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::diag::{Diagnostic, Diagnostics};
use crate::era::FiscalYear;
use crate::evaluate::{Evaluation, IndicatorYear};
use crate::model::{Indicator, Report};
use crate::tr;
use pages::SiteContext;
pub use stream::{Discard, Memory, Sink, SiteSummary, render_site_into};
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

/// Builds every file of the site from the report and its evaluation, in memory. The result
/// is sorted by path, so the same report gives the same files in the same order at any
/// thread count.
pub fn render_site(
    report: &Report,
    ev: &Evaluation,
    root: &Path,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let memory = Memory::default();
    render_site_into(report, ev, root, &memory)?;
    Ok(memory.into_files())
}

/// Two pages at one address would overwrite each other: a chapter named `print.md` and the
/// print view, say. That is the editor's to fix, so it names both sources.
fn check_unique_paths(
    pages: &[(String, String)],
    lang: crate::diag::Lang,
    diags: &mut Diagnostics,
) {
    let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for (path, source) in pages {
        if let Some(first) = seen.insert(path, source) {
            diags.push(
                Diagnostic::error(
                    source,
                    0,
                    0,
                    tr!(lang, msg.page_clash, path = path, first = first),
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
    paths: &[String],
    sources: &[(String, String)],
    lang: crate::diag::Lang,
    diags: &mut Diagnostics,
) {
    let source = |p: &str| -> String {
        sources
            .iter()
            .find(|(path, _)| path == p)
            .map_or_else(|| p.to_string(), |(_, s)| s.to_string())
    };
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for path in paths {
        // macOS also treats the composed and decomposed spellings of が as one name.
        let key: String = path.nfc().collect::<String>().to_lowercase();
        let Some(first) = seen.insert(key, path) else {
            continue;
        };
        diags.push(
            Diagnostic::error(
                source(path),
                0,
                0,
                match lang {
                    crate::diag::Lang::Ja => format!(
                        "「{}」と「{first}」は大文字・小文字（または文字の表し方）だけが違うため、Windows や macOS のサーバーでは同じファイルになります",
                        path
                    ),
                    crate::diag::Lang::En => format!(
                        "{} and {first} differ only in case and are one file on Windows and macOS servers",
                        path
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

/// sitemap.xml lists every page; with no base_url its addresses are site-relative.
fn sitemap(report: &Report, paths: &[String]) -> OutputFile {
    let base = report
        .config
        .base_url
        .as_deref()
        .map(|b| format!("{}/", b.trim_end_matches('/')))
        .unwrap_or_default();
    let mut pages: Vec<&str> = paths
        .iter()
        .map(String::as_str)
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
