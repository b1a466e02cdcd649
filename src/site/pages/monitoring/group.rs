//! A monitoring group's page in a year (大気, 水質 …): the summary sentence of each item, the
//! site × item table with each value's 適合 mark, and per item its trend over the years up
//! to the page's year, as a chart with the table beside it. The print view shows the same
//! content for every group.

use serde::Serialize;

use super::{CellTable, ColumnView, NoteView, RowView, column, spell, value_label};
use crate::diag::Diagnostic;
use crate::era::FiscalYear;
use crate::monitoring::{Dataset, Group, Monitoring};
use crate::site::Page;
use crate::site::charts::ChartView;
use crate::site::layout::{Layout, Link};
use crate::site::monitoring::charts::{item_chart, item_sites, item_years};
use crate::site::pages::SiteContext;
use crate::site::paths::{self, relative};
use crate::site::views::link;
use crate::tr;

/// The site × item table of a group in a year.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    /// The caption.
    pub caption: String,
    /// The heading of the first column (測定地点, 年度).
    pub head: String,
    /// Items.
    pub columns: Vec<ColumnView>,
    /// Whether any site has a 種別 / 類型 to show.
    pub show_kind: bool,
    /// Whether any site has a 類型.
    pub show_class: bool,
    /// Whether each row states its own standard.
    pub show_standard: bool,
    /// Sites.
    pub rows: Vec<RowView>,
    /// Footnotes.
    pub notes: Vec<NoteView>,
    /// Legend lines.
    pub legend: Vec<String>,
}

/// An item's section: its sentence, standard, chart and the table of its years.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    /// Element id of the section.
    pub anchor: String,
    /// 項目名.
    pub title: String,
    /// 「…は、3局中3局で環境基準を達成しました。」
    pub sentence: String,
    /// 評価に用いる値.
    pub statistic: Option<String>,
    /// The standard in words.
    pub standard: String,
    /// The standard in the law's words.
    pub standard_text: Option<String>,
    /// The dataset's remark.
    pub note: Option<String>,
    /// The trend chart.
    pub chart: ChartView,
    /// The table beside it: sites × years.
    pub trend: TableView,
}

/// Everything a group shows for a year.
#[derive(Debug, Clone, Serialize)]
pub struct GroupContent {
    /// Group id.
    pub id: String,
    /// What element ids start with (empty on the group's own page).
    pub prefix: String,
    /// 大気.
    pub name: String,
    /// The group's page, from the page showing this.
    pub href: String,
    /// One sentence per item.
    pub sentences: Vec<String>,
    /// The year's table.
    pub table: TableView,
    /// Each item.
    pub items: Vec<ItemView>,
}

/// The datasets of a group with readings in a year.
pub fn year_datasets<'a>(mon: &'a Monitoring, group: &str, year: FiscalYear) -> Vec<&'a Dataset> {
    let Some(y) = mon.year(year) else {
        return Vec::new();
    };
    mon.group_datasets(group)
        .filter(|d| y.readings.get(&d.id).is_some_and(|r| !r.is_empty()))
        .collect()
}

/// The content of a group for `year` on the page at `path`; element ids start with
/// `prefix` (empty on the group's own page).
pub fn group_content(
    cx: &SiteContext,
    year: FiscalYear,
    group: &Group,
    path: &str,
    prefix: &str,
) -> GroupContent {
    let mon = &cx.report.monitoring;
    let spell = spell(cx);
    let datasets = year_datasets(mon, &group.id, year);
    let sentences = datasets
        .iter()
        .filter_map(|d| {
            cx.ev
                .monitoring()
                .summary(year, &d.id)
                .map(|s| spell.summary(&d.title, s, d.counter))
        })
        .collect();
    let table = year_table(cx, year, group, &datasets, path, prefix);
    let items = datasets
        .iter()
        .map(|d| item_view(cx, d, year, path, prefix))
        .collect();
    GroupContent {
        id: group.id.clone(),
        prefix: prefix.to_string(),
        name: group.name.clone(),
        href: relative(path, &paths::monitoring_group(year, &group.id)),
        sentences,
        table,
        items,
    }
}

/// Sites with a reading of any of `datasets` in `year`, in the order the datasets list them.
fn year_sites<'a>(
    mon: &'a Monitoring,
    datasets: &[&Dataset],
    year: FiscalYear,
) -> Vec<&'a crate::monitoring::Site> {
    let mut ids: Vec<&str> = Vec::new();
    for d in datasets {
        for s in &d.sites {
            if mon.reading(year, &d.id, &s.site).is_some() && !ids.contains(&s.site.as_str()) {
                ids.push(&s.site);
            }
        }
    }
    ids.into_iter().filter_map(|id| mon.site(id)).collect()
}

/// The site × item table of the year.
fn year_table(
    cx: &SiteContext,
    year: FiscalYear,
    group: &Group,
    datasets: &[&Dataset],
    path: &str,
    prefix: &str,
) -> TableView {
    let mon = &cx.report.monitoring;
    let mut t = CellTable::new(cx, &format!("{prefix}results-"));
    let cols: Vec<(ColumnView, Option<String>)> = datasets
        .iter()
        .map(|d| column(&t.spell, d, year, Some(format!("#{prefix}item-{}", d.id))))
        .collect();
    let sites = year_sites(mon, datasets, year);
    let lang = t.spell.lang;
    // On a phone the table becomes a card per site; each value is named with its unit.
    let labels: Vec<String> = datasets.iter().map(|d| value_label(lang, d)).collect();
    let rows = sites
        .iter()
        .map(|s| RowView {
            head: link(path, &paths::monitoring_site(&s.id), s.name.clone()),
            kind: s.kind.clone(),
            class: s.class.clone(),
            standard: None,
            cells: datasets
                .iter()
                .zip(&cols)
                .zip(&labels)
                .map(|((d, (_, shown)), label)| t.cell(d, &s.id, year, shown.as_deref(), label))
                .collect(),
        })
        .collect();
    TableView {
        head: lang.text().mon.words.site_heading.to_string(),
        caption: tr!(
            lang,
            mon.words.results_caption,
            group = group.name,
            year = cx.fmt.year_label(year)
        ),
        columns: cols.into_iter().map(|(c, _)| c).collect(),
        show_kind: sites.iter().any(|s| s.kind.is_some()),
        show_class: sites.iter().any(|s| s.class.is_some()),
        show_standard: false,
        rows,
        legend: t.seen.legend(&t.spell),
        notes: t.notes.into_vec(),
    }
}

/// An item's section: sentence, standard, chart and the sites × years table.
fn item_view(
    cx: &SiteContext,
    ds: &Dataset,
    year: FiscalYear,
    path: &str,
    prefix: &str,
) -> ItemView {
    let mon = &cx.report.monitoring;
    let mut t = CellTable::new(cx, &format!("{prefix}{}-", ds.id));
    let lang = t.spell.lang;
    let years = item_years(mon, ds, year);
    let sites = item_sites(mon, ds, &years);
    let (col, shown) = column(&t.spell, ds, year, None);
    let year_labels: Vec<String> = years.iter().map(|y| cx.fmt.year_label(*y)).collect();
    // Where sites have standards of their own, each row states its site's (as in force
    // in the page's year) and a cell repeats a standard only where it differs.
    let spell = t.spell.clone();
    let row_standard = |site: &str| {
        shown.is_none().then(|| {
            ds.standard_for(site, year)
                .and_then(|st| spell.standard(st, &ds.unit))
        })
    };
    let rows = sites
        .iter()
        .map(|s| {
            let standard = row_standard(&s.id).flatten();
            let own = standard.clone().or_else(|| shown.clone());
            RowView {
                head: link(path, &paths::monitoring_site(&s.id), s.name.clone()),
                kind: s.kind.clone(),
                class: s.class.clone(),
                standard,
                cells: years
                    .iter()
                    .zip(&year_labels)
                    .map(|(y, label)| t.cell(ds, &s.id, *y, own.as_deref(), label))
                    .collect(),
            }
        })
        .collect();
    let sentence = cx
        .ev
        .monitoring()
        .summary(year, &ds.id)
        .map(|s| t.spell.summary(&ds.title, s, ds.counter))
        .unwrap_or_default();
    ItemView {
        anchor: format!("{prefix}item-{}", ds.id),
        title: ds.title.clone(),
        sentence,
        statistic: ds.statistic.clone(),
        standard: col.standard.clone(),
        standard_text: ds.standard.for_year(year).and_then(|s| s.text.clone()),
        note: ds.note.clone(),
        chart: item_chart(cx, ds, year, path),
        trend: TableView {
            caption: trend_caption(lang, ds),
            head: lang.text().mon.words.site_heading.to_string(),
            columns: year_labels.iter().map(|y| year_column(y)).collect(),
            show_kind: false,
            show_class: false,
            show_standard: shown.is_none(),
            rows,
            legend: t.seen.legend(&t.spell),
            notes: t.notes.into_vec(),
        },
    }
}

/// The caption of an item's sites × years table.
fn trend_caption(lang: crate::diag::Lang, ds: &Dataset) -> String {
    if ds.unit.is_empty() {
        tr!(lang, mon.words.trend_caption_no_unit, item = ds.title)
    } else {
        tr!(
            lang,
            mon.words.trend_caption,
            item = ds.title,
            unit = ds.unit
        )
    }
}

/// A year's column of an item's sites × years table.
fn year_column(label: &str) -> ColumnView {
    ColumnView {
        title: label.to_string(),
        unit: None,
        statistic: None,
        standard: String::new(),
        href: None,
    }
}

#[derive(Serialize)]
struct GroupView {
    layout: Layout,
    content: GroupContent,
}

/// A group's page in a year.
pub fn group_page(cx: &SiteContext, year: FiscalYear, group: &Group) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let mon = &report.monitoring;
    let path = paths::monitoring_group(year, &group.id);
    let lang = report.config.lang;
    let title = tr!(lang, mon.words.group_title, group = group.name);
    let year_path = paths::year(year);
    let year_crumb = cx.year_crumb(year);
    let mon_path = paths::monitoring(year);
    let mon_title = lang.text().mon.page.title;
    let content = group_content(cx, year, group, &path, "");
    let files = content.items.iter().map(|i| i.chart.output()).collect();
    let gid = group.id.clone();
    let view = GroupView {
        layout: Layout::new(report, &path, &title)
            .crumbs(
                &path,
                &[
                    (year_crumb.as_str(), year_path.as_str()),
                    (mon_title, mon_path.as_str()),
                ],
            )
            .year_switcher(report, &path, year, |y| {
                mon.group_has_data(&gid, y)
                    .then(|| paths::monitoring_group(y, &gid))
            })
            .neighbours(&path, cx.sequence(year)),
        content,
    };
    let source = mon.year(year).map(|y| y.file.clone()).unwrap_or_default();
    Ok(Page::new(&path, "monitoring_group.html", &view, &source)?.with_files(files))
}

/// The links of a group's items, for the year's overview.
pub fn item_links(
    mon: &Monitoring,
    group: &str,
    year: FiscalYear,
    from: &str,
) -> Vec<(Link, String)> {
    year_datasets(mon, group, year)
        .into_iter()
        .map(|d| {
            (
                Link {
                    label: d.title.clone(),
                    href: format!(
                        "{}#item-{}",
                        relative(from, &paths::monitoring_group(year, group)),
                        d.id
                    ),
                },
                d.id.clone(),
            )
        })
        .collect()
}
