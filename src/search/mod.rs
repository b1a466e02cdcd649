//! Site search (SPEC §13): an index of the rendered pages written as script files, and the
//! 検索 page that queries it in the browser (theme/static/search.js), from file:// and under
//! any sub-path, with nothing sent anywhere.
//!
//! Japanese has no spaces between words, so the index keys are character pairs (bigrams)
//! over normalised text, which find every match without a dictionary; pages whose keys
//! match are then checked for the whole phrase against their stored text in the browser.

pub mod extract;
pub mod index;
pub mod postings;
pub mod text;

use rayon::prelude::*;
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::model::Report;
use crate::site::OutputFile;
use crate::site::layout::Layout;
use crate::site::paths;
use crate::site::theme::Theme;
pub use extract::Doc;

/// The 検索 page.
pub const PAGE: &str = "search/index.html";

/// Whether a page of the site goes into the index: not the search page itself, not the
/// 404 page, and not the print views, which repeat a year's pages in one.
pub fn is_indexed(path: &str) -> bool {
    path.ends_with(".html") && path != PAGE && path != paths::NOT_FOUND && !is_print_view(path)
}

fn is_print_view(path: &str) -> bool {
    path.strip_suffix("/print/index.html")
        .is_some_and(|y| !y.is_empty() && y.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads the searchable text of the site's pages, in index order.
pub fn extract_docs(files: &[OutputFile]) -> Vec<Doc> {
    let mut docs: Vec<Doc> = files
        .par_iter()
        .filter(|f| is_indexed(&f.path))
        .map(|f| extract::extract(&f.path, &f.bytes))
        .filter(|d| !d.is_empty())
        .collect();
    sort_docs(&mut docs);
    docs
}

/// Index order, which is the order of equally good results: pages that belong to no year
/// (bodies, indicators, the glossary) first, then the years from the latest back, each by
/// address.
pub fn sort_docs<D: std::borrow::Borrow<Doc>>(docs: &mut [D]) {
    docs.sort_by(|a, b| {
        let (a, b) = (a.borrow(), b.borrow());
        let year = |d: &Doc| {
            let first = d.path.split('/').next().unwrap_or("");
            let is_year = first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit());
            is_year.then(|| std::cmp::Reverse(first.to_string()))
        };
        year(a).cmp(&year(b)).then_with(|| a.path.cmp(&b.path))
    });
}

/// The index of `docs` (in index order, see [`sort_docs`]) and the 検索 page that reads it.
pub fn search_files(
    report: &Report,
    theme: &Theme,
    docs: &[&Doc],
) -> Result<Vec<OutputFile>, Diagnostic> {
    let index = index::build_index(docs);
    let mut files = index.files;
    files.push(search_page(report, theme, &index.version)?);
    Ok(files)
}

/// [`search_files`] of pages it may drop once their text is written (what a build does).
pub fn search_files_owned(
    report: &Report,
    theme: &Theme,
    docs: Vec<Doc>,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let index = index::build_index_owned(docs);
    let mut files = index.files;
    files.push(search_page(report, theme, &index.version)?);
    Ok(files)
}

/// Everything search adds to a rendered site.
pub fn render(
    report: &Report,
    theme: &Theme,
    files: &[OutputFile],
) -> Result<Vec<OutputFile>, Diagnostic> {
    let docs = extract_docs(files);
    search_files(report, theme, &docs.iter().collect::<Vec<_>>())
}

#[derive(Serialize)]
struct SearchView {
    layout: Layout,
    /// Changes with the index, so browsers never combine shards of two builds.
    version: String,
}

fn search_page(report: &Report, theme: &Theme, version: &str) -> Result<OutputFile, Diagnostic> {
    let view = SearchView {
        layout: Layout::new(report, PAGE, report.config.lang.text().search.title).crumbs(PAGE, &[]),
        version: version.to_string(),
    };
    let context = tera::Context::from_serialize(&view).unwrap_or_default();
    theme
        .render("search.html", &context)
        .map(|html| OutputFile {
            path: PAGE.into(),
            bytes: html.into_bytes(),
        })
        .map_err(|e| Diagnostic::error("themes", 0, 0, format!("{PAGE} (search.html): {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_views_the_404_page_and_the_search_page_are_not_indexed() {
        assert!(is_indexed("2021/kankyo/1/index.html"));
        assert!(is_indexed("index.html"));
        assert!(is_indexed("2021/torikumi/print/index.html"));
        assert!(!is_indexed("2021/print/index.html"));
        assert!(!is_indexed("404.html"));
        assert!(!is_indexed(PAGE));
        assert!(!is_indexed("static/style.css"));
    }

    #[test]
    fn pages_of_no_year_come_first_then_the_latest_year() {
        let mut docs: Vec<Doc> = [
            "2020/a/index.html",
            "2021/index.html",
            "glossary/index.html",
        ]
        .iter()
        .map(|p| Doc {
            path: p.to_string(),
            ..Doc::default()
        })
        .collect();
        sort_docs(&mut docs);
        let order: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            order,
            [
                "glossary/index.html",
                "2021/index.html",
                "2020/a/index.html"
            ]
        );
    }
}
