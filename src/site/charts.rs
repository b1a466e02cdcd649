//! Chart inputs from the evaluated model, and the chart views pages embed: the SVG inline
//! and the same chart as a file to download.

use serde::Serialize;

use super::OutputFile;
use super::paths::{self, relative};
use crate::chart::{self, BudgetBar, ChartSvg, Marker, RateBar, TrendInput, TrendPoint};
use crate::era::FiscalYear;
use crate::evaluate::{IndicatorYear, Rate, evaluate_indicator, summarize_goal};
use crate::markdown::strip_marks;
use crate::model::{Direction, Goal, Indicator, IndicatorKind, Plan, Report, Year};
use crate::num::Num;

/// A chart as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// The SVG, inline: the wide and the narrow layout (the stylesheet shows one).
    pub svg: String,
    /// Link to the standalone .svg file.
    pub href: String,
    /// Site path of the file.
    #[serde(skip)]
    pub file: String,
    /// Length of the wide layout at the start of `svg`: the file's content.
    #[serde(skip)]
    wide_len: usize,
}

impl ChartView {
    fn new(svg: ChartSvg, file: String, from: &str) -> ChartView {
        ChartView {
            href: relative(from, &file),
            wide_len: svg.wide.len(),
            svg: svg.inline(),
            file,
        }
    }

    /// The chart as its own file: the wide layout.
    pub fn output(&self) -> OutputFile {
        OutputFile {
            path: self.file.clone(),
            bytes: chart::standalone(&self.svg[..self.wide_len]).into_bytes(),
        }
    }
}

/// Years an indicator is shown in: inside its plan's period or with data, up to `upto`.
pub fn indicator_years<'a>(
    report: &'a Report,
    plan: &Plan,
    ind: &Indicator,
    upto: Option<FiscalYear>,
) -> Vec<&'a Year> {
    report
        .years
        .iter()
        .filter(|y| upto.is_none_or(|u| y.year <= u))
        .filter(|y| {
            y.actual(&ind.id).is_some() || (plan.period.0..=plan.period.1).contains(&y.year)
        })
        .collect()
}

fn decimals_of(ind: &Indicator, values: &[rust_decimal::Decimal]) -> u32 {
    ind.decimals.unwrap_or_else(|| {
        values
            .iter()
            .map(|v| v.normalize().scale())
            .max()
            .unwrap_or(0)
            .min(2)
    })
}

/// An indicator evaluated for each year it is shown in, up to `upto` (every year when
/// `None`): what a trend chart plots and the table beside it lists.
pub fn trend_series<'a>(
    report: &'a Report,
    plan: &Plan,
    ind: &Indicator,
    upto: Option<FiscalYear>,
) -> Vec<(&'a Year, IndicatorYear)> {
    indicator_years(report, plan, ind, upto)
        .into_iter()
        .map(|y| (y, evaluate_indicator(report, plan, ind, y)))
        .collect()
}

/// The trend chart of an indicator from its evaluated years (see [`trend_series`]); `upto`
/// names the file (every year when `None`).
pub fn trend(
    report: &Report,
    ind: &Indicator,
    series: &[(&Year, IndicatorYear)],
    upto: Option<FiscalYear>,
    from: &str,
) -> ChartView {
    let era = report.config.era;
    let mut values: Vec<rust_decimal::Decimal> =
        series.iter().filter_map(|(_, r)| r.actual).collect();
    values.extend(ind.baseline.map(|b| b.value));
    let marker = |yv: crate::model::YearValue| Marker {
        long_label: yv.year.label(era),
        short_label: yv.year.short(era),
        value: Num(yv.value).as_f64(),
    };
    let input = TrendInput {
        id: format!("trend-{}", ind.id),
        title: strip_marks(&ind.name),
        unit: ind.unit.clone(),
        decimals: decimals_of(ind, &values),
        lower_is_better: ind.direction == Direction::Down,
        cumulative: ind.kind == IndicatorKind::Cumulative,
        points: series
            .iter()
            .map(|(y, r)| TrendPoint {
                short_label: y.year.short(era),
                long_label: y.year.label(era),
                actual: r.actual.map(|v| Num(v).as_f64()),
                target: r.target.map(|v| Num(v).as_f64()),
            })
            .collect(),
        baseline: ind.baseline.map(marker),
        final_target: ind.target.map(marker),
    };
    let file = match upto {
        Some(y) => paths::chart_file(&format!("{y}-trend-{}", ind.id)),
        None => paths::chart_file(&format!("trend-{}", ind.id)),
    };
    ChartView::new(chart::render_trend(&input), file, from)
}

/// Each indicator's 達成率 for the year against 100 %.
pub fn goal_summary(
    report: &Report,
    plan: &Plan,
    goal: &Goal,
    year: &Year,
    from: &str,
) -> ChartView {
    let bars: Vec<RateBar> = goal
        .indicators()
        .map(|(_, i)| {
            let r = evaluate_indicator(report, plan, i, year);
            RateBar {
                label: strip_marks(&i.name),
                rate: r.rate.value().map(|v| Num(v).as_f64()),
                rate_text: match r.rate {
                    Rate::NotCollected => "未集計".into(),
                    Rate::NoTarget => "目標値なし".into(),
                    other => other.text(),
                },
                grade_mark: r.grade.map(|g| g.mark),
            }
        })
        .collect();
    let id = format!("summary-{}-{}-{}", year.year, plan.id, goal.id);
    let title = format!(
        "{}の指標の達成率（{}）",
        crate::site::views::goal_number(goal),
        year.year.label(report.config.era)
    );
    ChartView::new(
        chart::render_goal_summary(&id, &title, &bars),
        paths::chart_file(&format!("{}-{}-{}-summary", year.year, plan.id, goal.id)),
        from,
    )
}

/// Each goal's mean rate for the year: the year overview's picture of a plan.
pub fn plan_summary(report: &Report, plan: &Plan, year: &Year, from: &str) -> ChartView {
    let bars: Vec<RateBar> = plan
        .goals
        .iter()
        .map(|g| {
            let s = summarize_goal(report, plan, g, year);
            RateBar {
                label: format!(
                    "{} {}",
                    crate::site::views::goal_number(g),
                    strip_marks(&g.title)
                ),
                rate: s.mean_rate.map(|v| Num(v).as_f64()),
                rate_text: s
                    .mean_rate
                    .map(|m| format!("{m}%"))
                    .unwrap_or_else(|| "未集計".into()),
                grade_mark: s.grade.map(|g| g.mark),
            }
        })
        .collect();
    let id = format!("plan-{}-{}", year.year, plan.id);
    let title = format!(
        "{}：目標ごとの達成率の平均（{}）",
        plan.short_name(),
        year.year.label(report.config.era)
    );
    ChartView::new(
        chart::render_goal_summary(&id, &title, &bars),
        paths::chart_file(&format!("{}-{}-summary", year.year, plan.id)),
        from,
    )
}

/// 予算 vs 決算 of the goal's projects; none when the goal has no projects that year.
pub fn budgets(
    report: &Report,
    plan: &Plan,
    goal: &Goal,
    year: &Year,
    from: &str,
) -> Option<ChartView> {
    let to_i64 = |d: Option<rust_decimal::Decimal>| d.map(|v| Num(v).as_f64().round() as i64);
    let bars: Vec<BudgetBar> = year
        .projects
        .iter()
        .filter(|p| p.plan == plan.id && goal.measures.iter().any(|m| m.id == p.measure))
        .map(|p| BudgetBar {
            label: p.name.clone(),
            budget: to_i64(p.budget),
            settled: to_i64(p.settled),
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    let next = FiscalYear(year.year.0 + 1);
    let id = format!("budget-{}-{}-{}", year.year, plan.id, goal.id);
    let title = format!(
        "{}の主な事業の決算額と予算額（千円）",
        crate::site::views::goal_number(goal)
    );
    Some(ChartView::new(
        chart::render_budgets(
            &id,
            &title,
            &format!("{}決算", year.year.label(report.config.era)),
            &format!("{}予算", next.label(report.config.era)),
            &bars,
        ),
        paths::chart_file(&format!("{}-{}-{}-budgets", year.year, plan.id, goal.id)),
        from,
    ))
}
