//! The home page: the report's introduction, the latest year's plans and every year.

use serde::Serialize;

use super::{SiteContext, YearItem, year_items};
use crate::diag::Diagnostic;
use crate::site::Page;
use crate::site::layout::Layout;
use crate::site::paths;
use crate::site::views::{PlanItem, plan_items};

#[derive(Serialize)]
struct HomeView {
    layout: Layout,
    intro_html: String,
    latest: Option<YearItem>,
    plans: Vec<PlanItem>,
    years: Vec<YearItem>,
}

/// The home page.
pub fn home(cx: &SiteContext) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let path = paths::HOME;
    let intro = cx.render(path, &report.home.markdown);
    let latest = report.latest_year();
    let view = HomeView {
        layout: Layout::new(report, path, &report.config.title).with_toc(Vec::new()),
        intro_html: intro.html,
        latest: latest.map(|y| YearItem::of(cx, y, path)),
        plans: latest
            .map(|y| cx.with(path, |c| plan_items(cx, y, path, c)))
            .unwrap_or_default(),
        years: year_items(cx, path),
    };
    Page::new(path, "home.html", &view, &report.home.file)
}
