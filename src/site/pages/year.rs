//! A year's overview page: the narrative, each active plan's goals with their grades and a
//! chart of their mean rates, the year's chapters and meetings.

use serde::Serialize;

use super::{MeetingItem, SiteContext, meeting_items};
use crate::diag::Diagnostic;
use crate::model::Year;
use crate::site::Page;
use crate::site::charts::{self, ChartView};
use crate::site::layout::{Layout, Link};
use crate::site::money::MoneyTable;
use crate::site::money_pages::year_summary;
use crate::site::paths::{self, relative};
use crate::site::views::{PlanItem, link, plan_items};

#[derive(Serialize)]
struct YearView {
    layout: Layout,
    year_label: String,
    edition: Option<String>,
    narrative_html: String,
    plans: Vec<PlanItem>,
    plan_charts: Vec<ChartView>,
    chapters: Vec<Link>,
    meetings: Vec<MeetingItem>,
    print_href: String,
    money: Vec<MoneyTable>,
}

/// A year's overview page.
pub fn year(cx: &SiteContext, year: &Year) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let path = paths::year(year.year);
    let title = year
        .title
        .clone()
        .unwrap_or_else(|| cx.year_crumb(year.year));
    let narrative = cx.render(&path, &year.narrative.markdown);
    let view = YearView {
        layout: Layout::new(report, &path, &title)
            .crumbs(&path, &[])
            .year_switcher(report, &path, year.year, |y| Some(paths::year(y)))
            .neighbours(&path, cx.sequence(year.year))
            .with_toc(narrative.headings.clone()),
        year_label: cx.fmt.year(year.year),
        edition: year.edition.clone(),
        narrative_html: narrative.html,
        plans: cx.with(&path, |c| plan_items(cx, year, &path, c)),
        plan_charts: report
            .plans
            .iter()
            .filter_map(|p| cx.ev.plan(&p.id, year.year).map(|py| (p, py)))
            .filter(|(_, py)| py.indicators > 0)
            .map(|(p, py)| charts::plan_summary(cx, p, py, &path))
            .collect(),
        chapters: year
            .chapters
            .iter()
            .map(|c| link(&path, &paths::chapter(year.year, &c.slug), c.title.clone()))
            .chain(report.monitoring.has_data(year.year).then(|| {
                link(
                    &path,
                    &paths::monitoring(year.year),
                    report.config.lang.text().mon.words.year_link,
                )
            }))
            .collect(),
        meetings: meeting_items(report, year, &path),
        print_href: relative(&path, &paths::print(year.year)),
        money: year_summary(cx, year),
    };
    let files = view.plan_charts.iter().map(ChartView::output).collect();
    Ok(Page::new(&path, "year.html", &view, &year.narrative.file)?.with_files(files))
}
