//! The open data page: the data files of every year, and how to read them.

use serde::Serialize;

use super::SiteContext;
use crate::diag::Diagnostic;
use crate::site::Page;
use crate::site::layout::Layout;
use crate::site::paths::{self, relative};

#[derive(Serialize)]
struct DataRow {
    year: String,
    indicators_csv: String,
    projects_csv: String,
    json: String,
    indicators: usize,
    projects: usize,
    /// The year's 環境の現況 CSV and its number of values, when it has one.
    monitoring_csv: Option<String>,
    monitoring: usize,
}

#[derive(Serialize)]
struct DataView {
    layout: Layout,
    rows: Vec<DataRow>,
    bom: bool,
    code: Option<String>,
    has_monitoring: bool,
    money: Option<crate::site::money::MoneyTable>,
}

/// The open data page.
pub fn data_page(cx: &SiteContext) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let path = paths::DATA;
    let view = DataView {
        layout: Layout::new(report, path, report.config.lang.text().words.open_data)
            .crumbs(path, &[]),
        rows: report
            .years
            .iter()
            .rev()
            .map(|y| DataRow {
                year: cx.fmt.year(y.year),
                indicators_csv: relative(path, &format!("data/{}-indicators.csv", y.year)),
                projects_csv: relative(path, &format!("data/{}-projects.csv", y.year)),
                json: relative(path, &format!("data/{}.json", y.year)),
                // The CSV lists every indicator of the plans active that year.
                indicators: report
                    .plans
                    .iter()
                    .filter_map(|p| cx.ev.plan(&p.id, y.year))
                    .map(|py| py.indicators)
                    .sum(),
                projects: y.projects.len(),
                monitoring_csv: report
                    .monitoring
                    .has_data(y.year)
                    .then(|| relative(path, &crate::site::data::monitoring_csv(y.year))),
                monitoring: report
                    .monitoring
                    .year(y.year)
                    .map_or(0, |m| m.readings.values().map(|r| r.len()).sum()),
            })
            .collect(),
        bom: report.config.csv_bom,
        code: report.config.code.clone(),
        has_monitoring: report
            .years
            .iter()
            .any(|y| report.monitoring.has_data(y.year)),
        money: crate::site::money_pages::years_summary(cx),
    };
    Page::new(path, "data.html", &view, "book.toml")
}
