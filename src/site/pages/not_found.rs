//! The 404 page.

use serde::Serialize;

use super::{SiteContext, YearItem, year_items};
use crate::diag::Diagnostic;
use crate::site::Page;
use crate::site::layout::Layout;
use crate::site::paths;

#[derive(Serialize)]
struct NotFoundView {
    layout: Layout,
    years: Vec<YearItem>,
}

/// The 404 page. Servers show it at any depth, so its links are absolute from the site
/// root only where a base_url is known; otherwise relative to the root, as it is served.
pub fn not_found(cx: &SiteContext) -> Result<Page, Diagnostic> {
    let path = paths::NOT_FOUND;
    let view = NotFoundView {
        layout: Layout::new(cx.report, path, cx.lang().text().words.not_found_title)
            .crumbs(path, &[]),
        years: year_items(cx, path),
    };
    Page::new(path, "404.html", &view, "book.toml")
}
