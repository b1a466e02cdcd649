//! Open data: each year's indicators and projects as CSV (UTF-8, optional BOM, one value per
//! cell, 西暦 with 和暦 beside, units in their own column, the 全国地方公共団体コード first when
//! set) and as JSON, with a page that lists them.

use rust_decimal::Decimal;
use serde::Serialize;

use super::layout::Layout;
use super::paths::{self, relative};
use super::views::plan_active;
use super::{OutputFile, Page};
use crate::evaluate::{Rate, evaluate_indicator, outcome_rate};
use crate::markdown::strip_marks;
use crate::model::{Report, Year};

/// A year's indicators as rows of open data.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRecord {
    /// 全国地方公共団体コード.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// 年度（西暦）.
    pub fiscal_year: i32,
    /// 年度（和暦）.
    pub fiscal_year_wareki: String,
    /// 計画ID.
    pub plan_id: String,
    /// 計画名.
    pub plan: String,
    /// 目標ID.
    pub goal_id: String,
    /// 施策ID.
    pub measure_id: String,
    /// 指標ID.
    pub indicator_id: String,
    /// 指標名.
    pub indicator: String,
    /// 単位.
    pub unit: String,
    /// 基準年度.
    pub baseline_year: Option<i32>,
    /// 基準値.
    pub baseline: Option<Decimal>,
    /// 目標値.
    pub target: Option<Decimal>,
    /// 実績値.
    pub actual: Option<Decimal>,
    /// 達成率（%）.
    pub rate: Option<Decimal>,
    /// 達成率の状態: 計算, 公表値, 達成, 未達成, 未集計, 目標なし.
    pub rate_status: String,
    /// 評価.
    pub grade: Option<String>,
    /// 備考.
    pub note: Option<String>,
}

/// A year's projects as rows of open data.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectRecord {
    /// 全国地方公共団体コード.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// 年度（西暦）.
    pub fiscal_year: i32,
    /// 年度（和暦）.
    pub fiscal_year_wareki: String,
    /// 事業名.
    pub project: String,
    /// 計画ID.
    pub plan_id: String,
    /// 施策ID.
    pub measure_id: String,
    /// 区分.
    pub status: String,
    /// 決算額（千円）.
    pub settled_thousand_yen: Option<Decimal>,
    /// 翌年度予算額（千円）.
    pub budget_thousand_yen: Option<Decimal>,
    /// 成果指標.
    pub outcome: Option<String>,
    /// 成果指標の単位.
    pub outcome_unit: Option<String>,
    /// 実績.
    pub outcome_actual: Option<Decimal>,
    /// 目標値.
    pub outcome_target: Option<Decimal>,
    /// 達成率（%）.
    pub outcome_rate: Option<Decimal>,
}

fn rate_status(r: Rate) -> &'static str {
    match r {
        Rate::Value(_) => "計算",
        Rate::Given(_) => "公表値",
        Rate::Met => "達成",
        Rate::NotMet => "未達成",
        Rate::NotCollected => "未集計",
        Rate::NoTarget => "目標なし",
    }
}

/// The indicator records of a year.
pub fn indicator_records(report: &Report, year: &Year) -> Vec<IndicatorRecord> {
    let code = report.config.code.clone();
    report
        .plans
        .iter()
        .filter(|p| plan_active(p, year))
        .flat_map(|p| p.goals.iter().map(move |g| (p, g)))
        .flat_map(|(p, g)| g.indicators().map(move |(m, i)| (p, g, m, i)))
        .map(|(p, g, m, i)| {
            let r = evaluate_indicator(report, p, i, year);
            IndicatorRecord {
                code: code.clone(),
                fiscal_year: year.year.0,
                fiscal_year_wareki: year.year.wareki(),
                plan_id: p.id.clone(),
                plan: p.title.clone(),
                goal_id: g.id.clone(),
                measure_id: m.id.clone(),
                indicator_id: i.id.clone(),
                indicator: strip_marks(&i.name),
                unit: i.unit.clone(),
                baseline_year: i.baseline.map(|b| b.year.0),
                baseline: i.baseline.map(|b| b.value),
                target: r.target,
                actual: r.actual,
                rate: r.rate.value(),
                rate_status: rate_status(r.rate).into(),
                grade: r.grade.map(|g| g.mark),
                note: r.note,
            }
        })
        .collect()
}

/// The project records of a year.
pub fn project_records(report: &Report, year: &Year) -> Vec<ProjectRecord> {
    year.projects
        .iter()
        .map(|p| ProjectRecord {
            code: report.config.code.clone(),
            fiscal_year: year.year.0,
            fiscal_year_wareki: year.year.wareki(),
            project: p.name.clone(),
            plan_id: p.plan.clone(),
            measure_id: p.measure.clone(),
            status: p.status.label().into(),
            settled_thousand_yen: p.settled,
            budget_thousand_yen: p.budget,
            outcome: p.outcome.as_ref().map(|o| o.name.clone()),
            outcome_unit: p.outcome.as_ref().map(|o| o.unit.clone()),
            outcome_actual: p.outcome.as_ref().and_then(|o| o.actual),
            outcome_target: p.outcome.as_ref().and_then(|o| o.target),
            outcome_rate: p
                .outcome
                .as_ref()
                .and_then(|o| outcome_rate(o, report.config.project_rate_decimals).value()),
        })
        .collect()
}

const INDICATOR_HEADER: &[&str] = &[
    "全国地方公共団体コード",
    "年度",
    "年度（和暦）",
    "計画ID",
    "計画名",
    "目標ID",
    "施策ID",
    "指標ID",
    "指標名",
    "単位",
    "基準年度",
    "基準値",
    "目標値",
    "実績値",
    "達成率（%）",
    "達成率の状態",
    "評価",
    "備考",
];
const PROJECT_HEADER: &[&str] = &[
    "全国地方公共団体コード",
    "年度",
    "年度（和暦）",
    "事業名",
    "計画ID",
    "施策ID",
    "区分",
    "決算額（千円）",
    "翌年度予算額（千円）",
    "成果指標",
    "成果指標の単位",
    "実績",
    "目標値",
    "達成率（%）",
];

fn cell(d: Option<Decimal>) -> String {
    d.map(|v| v.normalize().to_string()).unwrap_or_default()
}

fn to_csv(header: &[&str], rows: Vec<Vec<String>>, with_code: bool, bom: bool) -> Vec<u8> {
    let skip = usize::from(!with_code);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into memory cannot fail.
    let _ = w.write_record(&header[skip..]);
    for r in rows {
        let _ = w.write_record(&r[skip..]);
    }
    let body = w.into_inner().unwrap_or_default();
    let mut out = if bom {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    out.extend(body);
    out
}

/// The data files of a year: indicators and projects as CSV and JSON.
pub fn data_files(report: &Report, year: &Year) -> Vec<OutputFile> {
    let code = report.config.code.clone().unwrap_or_default();
    let with_code = report.config.code.is_some();
    let bom = report.config.csv_bom;
    let inds = indicator_records(report, year);
    let projs = project_records(report, year);
    let ind_rows = inds
        .iter()
        .map(|r| {
            vec![
                code.clone(),
                r.fiscal_year.to_string(),
                r.fiscal_year_wareki.clone(),
                r.plan_id.clone(),
                r.plan.clone(),
                r.goal_id.clone(),
                r.measure_id.clone(),
                r.indicator_id.clone(),
                r.indicator.clone(),
                r.unit.clone(),
                r.baseline_year.map(|y| y.to_string()).unwrap_or_default(),
                cell(r.baseline),
                cell(r.target),
                cell(r.actual),
                cell(r.rate),
                r.rate_status.clone(),
                r.grade.clone().unwrap_or_default(),
                r.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let proj_rows = projs
        .iter()
        .map(|r| {
            vec![
                code.clone(),
                r.fiscal_year.to_string(),
                r.fiscal_year_wareki.clone(),
                r.project.clone(),
                r.plan_id.clone(),
                r.measure_id.clone(),
                r.status.clone(),
                cell(r.settled_thousand_yen),
                cell(r.budget_thousand_yen),
                r.outcome.clone().unwrap_or_default(),
                r.outcome_unit.clone().unwrap_or_default(),
                cell(r.outcome_actual),
                cell(r.outcome_target),
                cell(r.outcome_rate),
            ]
        })
        .collect();
    #[derive(Serialize)]
    struct YearJson<'a> {
        fiscal_year: i32,
        fiscal_year_wareki: String,
        indicators: &'a [IndicatorRecord],
        projects: &'a [ProjectRecord],
    }
    let json = serde_json::to_vec_pretty(&YearJson {
        fiscal_year: year.year.0,
        fiscal_year_wareki: year.year.wareki(),
        indicators: &inds,
        projects: &projs,
    })
    .unwrap_or_default();
    let y = year.year;
    vec![
        OutputFile {
            path: format!("data/{y}-indicators.csv"),
            bytes: to_csv(INDICATOR_HEADER, ind_rows, with_code, bom),
        },
        OutputFile {
            path: format!("data/{y}-projects.csv"),
            bytes: to_csv(PROJECT_HEADER, proj_rows, with_code, bom),
        },
        OutputFile {
            path: format!("data/{y}.json"),
            bytes: json,
        },
    ]
}

#[derive(Serialize)]
struct DataRow {
    year: String,
    indicators_csv: String,
    projects_csv: String,
    json: String,
    indicators: usize,
    projects: usize,
}

#[derive(Serialize)]
struct DataView {
    layout: Layout,
    rows: Vec<DataRow>,
    bom: bool,
    code: Option<String>,
}

/// The open data page.
pub fn data_page(report: &Report) -> Page {
    let path = paths::DATA;
    let view = DataView {
        layout: Layout::new(report, path, "オープンデータ").crumbs(path, &[]),
        rows: report
            .years
            .iter()
            .rev()
            .map(|y| DataRow {
                year: y.year.display(report.config.era),
                indicators_csv: relative(path, &format!("data/{}-indicators.csv", y.year)),
                projects_csv: relative(path, &format!("data/{}-projects.csv", y.year)),
                json: relative(path, &format!("data/{}.json", y.year)),
                indicators: indicator_records(report, y).len(),
                projects: y.projects.len(),
            })
            .collect(),
        bom: report.config.csv_bom,
        code: report.config.code.clone(),
    };
    Page::new(path, "data.html", &view, "book.toml")
}
