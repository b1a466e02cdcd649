//! Open data: each year's indicators and projects as CSV (UTF-8, optional BOM, one value per
//! cell, 西暦 with 和暦 beside, units in their own column, the 全国地方公共団体コード first when
//! set; column names and statuses in the report's language) and as JSON. Both carry every figure in the one machine spelling of
//! [`crate::format`]: the digits a page shows without grouping or unit (`60.0`, `-1234.5`),
//! as CSV cells and as JSON strings; a missing figure is an empty cell and JSON `null`.

use serde::Serialize;

use super::OutputFile;
use super::pages::SiteContext;
use crate::diag::Diagnostic;
use crate::figure::Value;
use crate::format::{machine_figure, machine_rate, status_name};
use crate::markdown::strip_marks;
use crate::model::Year;

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
    pub baseline: Option<String>,
    /// 目標値.
    pub target: Option<String>,
    /// 実績値.
    pub actual: Option<String>,
    /// 達成率（%）.
    pub rate: Option<String>,
    /// 達成率の状態: 計算, 公表値, 達成, 未達成, 未集計, 目標値なし.
    pub rate_status: String,
    /// 評価.
    pub grade: Option<String>,
    /// 備考.
    pub note: Option<String>,
    /// 実績値の状態: 未集計, 該当なし, 不明, 秘匿 (empty for a number).
    pub actual_status: Option<String>,
    /// 実績値は概数 (約).
    pub actual_approx: bool,
    /// 目標値の状態 (empty for a number).
    pub target_status: Option<String>,
    /// 目標値は概数 (約).
    pub target_approx: bool,
    /// 目標（計画の表記）: the target as the plan words it (1,075g以下, 増加, 100〜120).
    pub target_wording: Option<String>,
}

/// The number of a figure for machines, its status's name, and whether it is 約.
fn machine_parts(
    lang: crate::diag::Lang,
    v: Option<Value>,
    decimals: Option<u32>,
) -> (Option<String>, Option<String>, bool) {
    match v {
        Some(Value::Number(n)) => (Some(machine_figure(n.value, decimals)), None, n.approx),
        Some(Value::Status(s)) => (None, Some(status_name(lang, s).to_string()), false),
        None => (None, None, false),
    }
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
    pub settled_thousand_yen: Option<String>,
    /// 翌年度予算額（千円）.
    pub budget_thousand_yen: Option<String>,
    /// 成果指標.
    pub outcome: Option<String>,
    /// 成果指標の単位.
    pub outcome_unit: Option<String>,
    /// 実績.
    pub outcome_actual: Option<String>,
    /// 目標値.
    pub outcome_target: Option<String>,
    /// 達成率（%）.
    pub outcome_rate: Option<String>,
    /// 決算額の状態.
    pub settled_status: Option<String>,
    /// 予算額の状態.
    pub budget_status: Option<String>,
    /// 成果の実績の状態.
    pub outcome_actual_status: Option<String>,
    /// Money of SPEC §11: every input and computed column.
    pub money: super::data_money::MoneyRecord,
}

/// The indicator records of a year: every indicator of the plans active that year.
pub fn indicator_records(
    cx: &SiteContext,
    year: &Year,
) -> Result<Vec<IndicatorRecord>, Diagnostic> {
    let code = cx.report.config.code.clone();
    let mut out = Vec::new();
    for p in cx
        .report
        .plans
        .iter()
        .filter(|p| cx.ev.plan_active(&p.id, year.year))
    {
        for g in &p.goals {
            for (m, i) in g.indicators() {
                let r = super::evaluated(cx, i, year.year, &p.file)?;
                let lang = cx.report.config.lang;
                let (actual, actual_status, actual_approx) =
                    machine_parts(lang, Some(r.actual), i.decimals);
                let target = r.target.as_ref();
                let (_, target_status, _) = machine_parts(
                    lang,
                    target.and_then(|t| match &t.value {
                        crate::evaluate::TargetValue::Status(s) => Some(Value::Status(*s)),
                        _ => None,
                    }),
                    None,
                );
                let number = target.and_then(|t| t.number());
                out.push(IndicatorRecord {
                    code: code.clone(),
                    fiscal_year: year.year.0,
                    fiscal_year_wareki: cx.fmt.wareki(year.year),
                    plan_id: p.id.clone(),
                    plan: p.title.clone(),
                    goal_id: g.id.clone(),
                    measure_id: m.id.clone(),
                    indicator_id: i.id.clone(),
                    indicator: strip_marks(&i.name),
                    unit: i.unit.clone(),
                    baseline_year: i.baseline.map(|b| b.year.0),
                    baseline: i.baseline.map(|b| machine_figure(b.value, i.decimals)),
                    target: number.map(|n| machine_figure(n.value, i.decimals)),
                    actual,
                    rate: machine_rate(r.rate),
                    rate_status: cx.fmt.rate_status(r.rate).into(),
                    grade: r.grade.as_ref().map(|g| g.mark.clone()),
                    note: r.note.clone(),
                    actual_status,
                    actual_approx,
                    target_status,
                    target_approx: number.is_some_and(|n| n.approx),
                    target_wording: target.map(|t| cx.fmt.target_with_unit(t, i)),
                });
            }
        }
    }
    Ok(out)
}

/// The project records of a year.
pub fn project_records(cx: &SiteContext, year: &Year) -> Vec<ProjectRecord> {
    let lang = cx.report.config.lang;
    let amount = |v: Option<Value>| machine_parts(lang, v, None).0;
    let status = |v: Option<Value>| machine_parts(lang, v, None).1;
    year.projects
        .iter()
        .enumerate()
        .map(|(i, p)| ProjectRecord {
            code: cx.report.config.code.clone(),
            fiscal_year: year.year.0,
            fiscal_year_wareki: cx.fmt.wareki(year.year),
            project: p.name.clone(),
            plan_id: p.plan.clone(),
            measure_id: p.measure.clone(),
            status: cx.fmt.project_status(p.status).into(),
            settled_thousand_yen: amount(p.settled),
            budget_thousand_yen: amount(p.budget),
            outcome: p.outcome.as_ref().map(|o| o.name.clone()),
            outcome_unit: p.outcome.as_ref().map(|o| o.unit.clone()),
            outcome_actual: amount(p.outcome.as_ref().map(|o| o.actual)),
            outcome_target: amount(p.outcome.as_ref().and_then(|o| o.target)),
            outcome_rate: cx.ev.outcome(year.year, i).and_then(machine_rate),
            settled_status: status(p.settled),
            budget_status: status(p.budget),
            outcome_actual_status: status(p.outcome.as_ref().map(|o| o.actual)),
            money: super::data_money::money_record(
                cx,
                p,
                cx.ev.money(year.year).and_then(|m| m.projects.get(i)),
            ),
        })
        .collect()
}

fn to_csv(
    header: &[&str],
    more: &[&str],
    rows: Vec<Vec<String>>,
    with_code: bool,
    bom: bool,
) -> Result<Vec<u8>, String> {
    let skip = usize::from(!with_code);
    let mut out = if bom {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut out);
    let columns: Vec<&str> = header[skip..].iter().chain(more).copied().collect();
    w.write_record(&columns).map_err(|e| e.to_string())?;
    for r in rows {
        w.write_record(&r[skip..]).map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())?;
    drop(w);
    Ok(out)
}

fn indicator_row(code: &str, r: &IndicatorRecord) -> Vec<String> {
    let cell = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        code.to_string(),
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
        cell(&r.baseline),
        cell(&r.target),
        cell(&r.actual),
        cell(&r.rate),
        r.rate_status.clone(),
        cell(&r.grade),
        cell(&r.note),
        cell(&r.actual_status),
        r.actual_approx.to_string(),
        cell(&r.target_status),
        r.target_approx.to_string(),
        cell(&r.target_wording),
    ]
}

fn project_row(code: &str, r: &ProjectRecord) -> Vec<String> {
    let cell = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        code.to_string(),
        r.fiscal_year.to_string(),
        r.fiscal_year_wareki.clone(),
        r.project.clone(),
        r.plan_id.clone(),
        r.measure_id.clone(),
        r.status.clone(),
        cell(&r.settled_thousand_yen),
        cell(&r.budget_thousand_yen),
        cell(&r.outcome),
        cell(&r.outcome_unit),
        cell(&r.outcome_actual),
        cell(&r.outcome_target),
        cell(&r.outcome_rate),
        cell(&r.settled_status),
        cell(&r.budget_status),
        cell(&r.outcome_actual_status),
    ]
}

/// The projects CSV: the columns of SPEC §6, then the money columns of SPEC §11.
fn projects_csv(cx: &SiteContext, projs: &[ProjectRecord], code: &str) -> Result<Vec<u8>, String> {
    let config = &cx.report.config;
    let money: Vec<_> = projs.iter().map(|r| r.money.clone()).collect();
    let (money_head, money_rows) = super::data_money::money_columns(cx, &money);
    let proj_rows = projs
        .iter()
        .zip(money_rows)
        .map(|(r, more)| {
            let mut row = project_row(code, r);
            row.extend(more);
            row
        })
        .collect();
    let fig = &config.lang.text().fig;
    let proj_more: Vec<&str> = fig
        .data_project_columns
        .iter()
        .copied()
        .chain(money_head.iter().map(String::as_str))
        .collect();
    let unit = config.money.unit.label(config.lang);
    let thousand = config.lang.text().money.units[1];
    let header: Vec<String> = config
        .lang
        .text()
        .data
        .project_header
        .iter()
        .map(|h| h.replace(thousand, unit))
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    to_csv(
        &header,
        &proj_more,
        proj_rows,
        config.code.is_some(),
        config.csv_bom,
    )
}

/// The data files of a year: indicators and projects as CSV and JSON.
pub fn data_files(cx: &SiteContext, year: &Year) -> Result<Vec<OutputFile>, Diagnostic> {
    let config = &cx.report.config;
    let columns = &config.lang.text().data;
    let code = config.code.clone().unwrap_or_default();
    let with_code = config.code.is_some();
    let inds = indicator_records(cx, year)?;
    let projs = project_records(cx, year);
    let mon = super::monitoring::data::monitoring_records(cx, year.year);
    #[derive(Serialize)]
    struct YearJson<'a> {
        fiscal_year: i32,
        fiscal_year_wareki: String,
        indicators: &'a [IndicatorRecord],
        projects: &'a [ProjectRecord],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        monitoring: &'a [super::monitoring::data::MonitoringRecord],
    }
    let y = year.year;
    let source = year.actuals_file.as_deref().unwrap_or(&year.narrative.file);
    let fail = |path: &str, e: String| Diagnostic::error(source, 0, 0, format!("{path}: {e}"));
    let ind_path = format!("data/{y}-indicators.csv");
    let proj_path = format!("data/{y}-projects.csv");
    let json_path = format!("data/{y}.json");
    let ind_rows = inds.iter().map(|r| indicator_row(&code, r)).collect();
    let json = serde_json::to_vec_pretty(&YearJson {
        fiscal_year: y.0,
        fiscal_year_wareki: cx.fmt.wareki(y),
        indicators: &inds,
        projects: &projs,
        monitoring: &mon,
    })
    .map_err(|e| fail(&json_path, e.to_string()))?;
    let mut files = Vec::new();
    if !mon.is_empty() {
        let path = monitoring_csv(y);
        let header = &config.lang.text().mon.words.csv_header;
        let rows = mon
            .iter()
            .map(|r| super::monitoring::data::monitoring_row(&code, r))
            .collect();
        files.push(OutputFile {
            bytes: to_csv(header, &[], rows, with_code, config.csv_bom)
                .map_err(|e| fail(&path, e))?,
            path,
        });
    }
    files.extend([
        OutputFile {
            bytes: to_csv(
                &columns.indicator_header,
                &config.lang.text().fig.data_indicator_columns,
                ind_rows,
                with_code,
                config.csv_bom,
            )
            .map_err(|e| fail(&ind_path, e))?,
            path: ind_path,
        },
        OutputFile {
            bytes: projects_csv(cx, &projs, &code).map_err(|e| fail(&proj_path, e))?,
            path: proj_path,
        },
        OutputFile {
            path: json_path,
            bytes: json,
        },
    ]);
    Ok(files)
}

/// The path of a year's 環境の現況 CSV.
pub fn monitoring_csv(y: crate::era::FiscalYear) -> String {
    format!("data/{y}-monitoring.csv")
}
