//! A monitoring site's page: what it is, and each group's items measured there across every
//! year, with the 適合 marks.

use serde::Serialize;

use super::group::TableView;
use super::{CellTable, ColumnView, RowView, column_standard, value_label};
use crate::diag::Diagnostic;
use crate::era::FiscalYear;
use crate::monitoring::{Dataset, Group, Site};
use crate::site::Page;
use crate::site::layout::{Layout, Link};
use crate::site::pages::SiteContext;
use crate::site::paths;
use crate::site::views::link;
use crate::tr;

#[derive(Serialize)]
struct SiteView {
    layout: Layout,
    kind: Option<String>,
    class: Option<String>,
    address: Option<String>,
    note: Option<String>,
    items: Vec<Link>,
    groups: Vec<SiteGroup>,
}

#[derive(Serialize)]
struct SiteGroup {
    name: String,
    table: TableView,
}

/// The years with a reading of any of `datasets` at `site`, oldest first.
fn site_years(cx: &SiteContext, datasets: &[&Dataset], site: &str) -> Vec<FiscalYear> {
    let mon = &cx.report.monitoring;
    mon.years
        .iter()
        .filter(|y| {
            datasets
                .iter()
                .any(|d| mon.reading(y.year, &d.id, site).is_some())
        })
        .map(|y| y.year)
        .collect()
}

/// A group's table on a site's page (a row per year, a column per item), and the links of
/// its items; none when the site has no reading of the group.
fn site_group(
    cx: &SiteContext,
    site: &Site,
    g: &Group,
    path: &str,
    items: &mut Vec<Link>,
) -> Option<SiteGroup> {
    let mon = &cx.report.monitoring;
    let lang = cx.report.config.lang;
    let datasets: Vec<&Dataset> = mon
        .group_datasets(&g.id)
        .filter(|d| d.site(&site.id).is_some())
        .filter(|d| {
            mon.years
                .iter()
                .any(|y| mon.reading(y.year, &d.id, &site.id).is_some())
        })
        .collect();
    let years = site_years(cx, &datasets, &site.id);
    let latest = *years.last()?;
    let mut t = CellTable::new(cx, &format!("{}-", g.id));
    let cols: Vec<(ColumnView, Option<String>)> = datasets
        .iter()
        .map(|d| {
            let own = d.standard_for(&site.id, latest);
            let (standard, shown) = column_standard(&t.spell, d, own, latest);
            let c = ColumnView {
                title: d.title.clone(),
                unit: (!d.unit.is_empty()).then(|| tr!(lang, page.paren, x = d.unit)),
                statistic: d.statistic.clone(),
                standard,
                href: None,
            };
            (c, shown)
        })
        .collect();
    let labels: Vec<String> = datasets.iter().map(|d| value_label(lang, d)).collect();
    let rows = years
        .iter()
        .map(|y| RowView {
            head: year_head(cx, g, *y, path),
            kind: None,
            class: None,
            standard: None,
            cells: datasets
                .iter()
                .zip(&cols)
                .zip(&labels)
                .map(|((d, (_, shown)), l)| t.cell(d, &site.id, *y, shown.as_deref(), l))
                .collect(),
        })
        .collect();
    items.extend(datasets.iter().map(|d| {
        link(
            path,
            &paths::monitoring_group(latest, &g.id),
            d.title.clone(),
        )
    }));
    Some(SiteGroup {
        name: g.name.clone(),
        table: TableView {
            head: lang.text().page.year.to_string(),
            caption: tr!(
                lang,
                mon.words.site_caption,
                site = site.name,
                group = g.name
            ),
            columns: cols.into_iter().map(|(c, _)| c).collect(),
            show_kind: false,
            show_class: false,
            show_standard: false,
            rows,
            legend: t.seen.legend(&t.spell),
            notes: t.notes.into_vec(),
        },
    })
}

/// A year's row head: a link to the group's page of that year, when it has one.
fn year_head(cx: &SiteContext, g: &Group, y: FiscalYear, path: &str) -> Link {
    if cx.report.monitoring.group_has_data(&g.id, y) {
        link(
            path,
            &paths::monitoring_group(y, &g.id),
            cx.fmt.year_label(y),
        )
    } else {
        Link {
            label: cx.fmt.year_label(y),
            href: String::new(),
        }
    }
}

/// A site's page.
pub fn site_page(cx: &SiteContext, site: &Site) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let mon = &report.monitoring;
    let lang = report.config.lang;
    let path = paths::monitoring_site(&site.id);
    let mut items = Vec::new();
    let groups: Vec<SiteGroup> = mon
        .groups
        .iter()
        .filter_map(|g| site_group(cx, site, g, &path, &mut items))
        .collect();
    let latest = mon.years.iter().rev().find(|y| mon.has_data(y.year));
    let crumb = latest
        .map(|y| paths::monitoring(y.year))
        .unwrap_or_default();
    let title = lang.text().mon.page.title;
    let crumbs: Vec<(&str, &str)> = if crumb.is_empty() {
        Vec::new()
    } else {
        vec![(title, crumb.as_str())]
    };
    let view = SiteView {
        layout: Layout::new(report, &path, &site.name).crumbs(&path, &crumbs),
        kind: site.kind.clone(),
        class: site.class.clone(),
        address: site.address.clone(),
        note: site.note.clone(),
        items,
        groups,
    };
    let source = mon
        .datasets
        .iter()
        .find(|d| d.site(&site.id).is_some())
        .map(|d| d.file.clone())
        .unwrap_or_default();
    Page::new(&path, "monitoring_site.html", &view, &source)
}
