//! The glossary page (用語解説); the print view carries the same entries.

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::glossary::anchor;
use crate::model::Report;
use crate::site::Page;
use crate::site::layout::Layout;
use crate::site::paths;

/// A glossary entry as shown.
#[derive(Serialize)]
pub struct GlossaryItem {
    term: String,
    id: String,
    definition: String,
}

/// Every glossary entry, in the editor's order.
pub fn glossary_items(report: &Report) -> Vec<GlossaryItem> {
    report
        .glossary
        .iter()
        .map(|g| GlossaryItem {
            term: g.term.clone(),
            id: anchor(&g.term),
            definition: g.definition.clone(),
        })
        .collect()
}

#[derive(Serialize)]
struct GlossaryView {
    layout: Layout,
    entries: Vec<GlossaryItem>,
}

/// The glossary page.
pub fn glossary(report: &Report) -> Result<Page, Diagnostic> {
    let path = paths::GLOSSARY;
    let view = GlossaryView {
        layout: Layout::new(report, path, report.config.lang.text().page.glossary)
            .crumbs(path, &[]),
        entries: glossary_items(report),
    };
    Page::new(path, "glossary.html", &view, "content/glossary.yaml")
}
