//! A year's 環境の現況: each group with its items, their standard and how many sites met it,
//! linked to the group's page; and every site measured that year.

use serde::Serialize;

use super::group::item_links;
use super::spell;
use crate::diag::Diagnostic;
use crate::era::FiscalYear;
use crate::site::Page;
use crate::site::layout::{Layout, Link};
use crate::site::pages::SiteContext;
use crate::site::paths;
use crate::site::views::link;
use crate::tr;

#[derive(Serialize)]
struct OverviewRow {
    item: Link,
    standard: String,
    attainment: String,
    others: Option<String>,
}

#[derive(Serialize)]
struct OverviewGroup {
    name: String,
    link: Link,
    caption: String,
    rows: Vec<OverviewRow>,
}

#[derive(Serialize)]
struct MonitoringYearView {
    layout: Layout,
    groups: Vec<OverviewGroup>,
    sites: Vec<Link>,
}

/// A year's 環境の現況 page.
pub fn monitoring_year(cx: &SiteContext, year: FiscalYear) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let mon = &report.monitoring;
    let lang = report.config.lang;
    let spell = spell(cx);
    let path = paths::monitoring(year);
    let title = lang.text().mon.page.title;
    let groups = mon
        .groups_in(year)
        .map(|g| {
            let rows = item_links(mon, &g.id, year, &path)
                .into_iter()
                .filter_map(|(item, id)| {
                    let ds = mon.dataset(&id)?;
                    let summary = cx.ev.monitoring().summary(year, &id)?;
                    let own = ds.standard.for_year(year);
                    Some(OverviewRow {
                        item,
                        standard: super::column_standard(&spell, ds, own, year).0,
                        attainment: spell.summary_short(summary, ds.counter),
                        others: spell.others(summary, ds.counter),
                    })
                })
                .collect();
            OverviewGroup {
                name: g.name.clone(),
                link: link(
                    &path,
                    &paths::monitoring_group(year, &g.id),
                    tr!(lang, mon.words.group_link, group = g.name),
                ),
                caption: tr!(lang, mon.words.overview_caption, group = g.name),
                rows,
            }
        })
        .collect();
    let sites = mon
        .sites
        .iter()
        .filter(|s| {
            mon.year(year)
                .is_some_and(|y| y.readings.values().any(|r| r.contains_key(&s.id)))
        })
        .map(|s| link(&path, &paths::monitoring_site(&s.id), s.name.clone()))
        .collect();
    let year_path = paths::year(year);
    let year_crumb = cx.year_crumb(year);
    let view = MonitoringYearView {
        layout: Layout::new(report, &path, title)
            .crumbs(&path, &[(year_crumb.as_str(), year_path.as_str())])
            .year_switcher(report, &path, year, |y| {
                mon.has_data(y).then(|| paths::monitoring(y))
            })
            .neighbours(&path, cx.sequence(year)),
        groups,
        sites,
    };
    let source = mon.year(year).map(|y| y.file.clone()).unwrap_or_default();
    Page::new(&path, "monitoring.html", &view, &source)
}
