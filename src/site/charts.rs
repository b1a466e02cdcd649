//! Chart inputs from the evaluation, and the chart views pages embed: the SVG inline and the
//! same chart as a file to download. Every figure a chart prints is spelt by
//! [`crate::format`] from the exact decimal; only its position is a float.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rust_decimal::Decimal;
use serde::Serialize;

use super::pages::SiteContext;
use super::paths::{self, relative};
use super::views::goal_number;
use super::{OutputFile, evaluated};
use crate::chart::{
    self, BudgetBar, ChartSvg, CostBar, CostWords, Figure, Marker, Missing, RateBar, TrendInput,
    TrendPoint,
};
use crate::diag::Diagnostic;
use crate::era::FiscalYear;
use crate::evaluate::{Column, IndicatorYear, PlanYear, YearTarget};
use crate::figure::{Status, Value};
use crate::format::shown;
use crate::markdown::strip_marks;
use crate::model::{Direction, Goal, Indicator, IndicatorKind, Plan, TargetGoal, Year};
use crate::tr;

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
    pub(crate) fn new(svg: &ChartSvg, file: String, from: &str) -> ChartView {
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

/// Charts a goal page and the year's print view share. Both embed the same charts, so each
/// is drawn by whichever page comes first and handed to the other, then forgotten: a chart
/// waits here only until its second page takes it, which keeps memory flat. A third asker
/// would draw it again; drawing is deterministic, so no byte depends on which page drew.
#[derive(Debug, Default)]
pub struct ChartCache {
    waiting: Mutex<HashMap<String, Arc<ChartSvg>>>,
}

impl ChartCache {
    /// The chart of the file `file`, drawn by `draw` unless another page drew it already.
    pub(crate) fn get_or_draw(&self, file: &str, draw: impl FnOnce() -> ChartSvg) -> Arc<ChartSvg> {
        match self.get_or_try_draw(file, || Ok::<_, std::convert::Infallible>(draw())) {
            Ok(svg) => svg,
            Err(never) => match never {},
        }
    }

    /// [`ChartCache::get_or_draw`] for drawings that may fail.
    fn get_or_try_draw<E>(
        &self,
        file: &str,
        draw: impl FnOnce() -> Result<ChartSvg, E>,
    ) -> Result<Arc<ChartSvg>, E> {
        // A poisoned lock only means another page panicked mid-insert; the map is intact.
        let waiting = || self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(svg) = waiting().remove(file) {
            return Ok(svg);
        }
        // Drawn outside the lock, so pages draw different charts in parallel.
        let svg = Arc::new(draw()?);
        waiting().insert(file.to_string(), svg.clone());
        Ok(svg)
    }
}

/// A figure as the report shows it: the value rounded as its text is, and the text (約
/// included); none for a status.
fn figure(cx: &SiteContext, v: Value, decimals: Option<u32>) -> Option<Figure> {
    let n = v.number()?;
    Some(Figure {
        value: shown(n, decimals),
        text: cx.fmt.value(v, decimals),
        with_unit: false,
    })
}

/// A year's target as the chart plots and words it; none when it has no number (a trend,
/// a range or a status: the tables say it).
fn target_figure(cx: &SiteContext, ind: &Indicator, t: &YearTarget) -> Option<Figure> {
    let n = t.number()?;
    Some(Figure {
        value: shown(n.value, ind.decimals),
        text: cx.fmt.target_with_unit(t, ind),
        with_unit: true,
    })
}

/// Why a year has no actual, when it is not 未集計 spelt the default way.
fn missing(cx: &SiteContext, v: Value) -> Option<Missing> {
    let s = v.status()?;
    let lang = cx.report.config.lang;
    let symbol = cx.fmt.status(s).to_string();
    let plain = s == Status::NotCollected && symbol == lang.text().fig.status_symbols[s.index()];
    let name = crate::format::status_name(lang, s).to_string();
    (!plain).then_some(Missing { symbol, name })
}

/// The finest decimals among the values, which the y axis never steps below.
fn decimals_of(ind: &Indicator, values: &[Decimal]) -> u32 {
    ind.decimals.unwrap_or_else(|| {
        values
            .iter()
            .map(|v| v.normalize().scale())
            .max()
            .unwrap_or(0)
            .min(2)
    })
}

/// The trend chart of an indicator from its evaluated years (see
/// [`crate::evaluate::Evaluation::trend`]); `upto` names the file (every year when `None`).
pub fn trend(
    cx: &SiteContext,
    ind: &Indicator,
    series: &[&IndicatorYear],
    upto: Option<FiscalYear>,
    from: &str,
) -> ChartView {
    let draw = || chart::render_trend(&trend_input(cx, ind, series));
    match upto {
        // A year's trend is on the goal page and in the print view.
        Some(y) => {
            let file = paths::chart_file(&format!("{y}-trend-{}", ind.id));
            ChartView::new(&cx.charts.get_or_draw(&file, draw), file, from)
        }
        None => ChartView::new(
            &draw(),
            paths::chart_file(&format!("trend-{}", ind.id)),
            from,
        ),
    }
}

/// What a trend chart plots: the evaluated years, the baseline and the final target.
fn trend_input(cx: &SiteContext, ind: &Indicator, series: &[&IndicatorYear]) -> TrendInput {
    let f = &cx.fmt;
    let mut values: Vec<Decimal> = series.iter().filter_map(|r| r.actual.number()).collect();
    values.extend(ind.baseline.map(|b| b.value));
    let marker = |year: FiscalYear, value: Figure, name: Option<String>| Marker {
        long_label: f.year_label(year),
        short_label: f.year_short(year),
        value,
        name,
    };
    let final_target = ind.target.as_ref().and_then(|t| {
        let value = match &t.goal {
            TargetGoal::Value(v) => target_figure(
                cx,
                ind,
                &YearTarget::of_value(*v, crate::evaluate::TargetSource::Final),
            )?,
            TargetGoal::Reduce(r) => target_figure(
                cx,
                ind,
                &YearTarget {
                    value: crate::evaluate::TargetValue::Reduce {
                        value: cx.ev.reduced(&ind.id)?,
                        reduction: r.clone(),
                    },
                    source: crate::evaluate::TargetSource::Final,
                    label: None,
                },
            )?,
            TargetGoal::Trend { .. } | TargetGoal::Range { .. } => return None,
        };
        Some(marker(t.year, value, None))
    });
    let milestones = ind
        .milestones
        .iter()
        .filter_map(|m| {
            let t = YearTarget::of_value(m.value, crate::evaluate::TargetSource::Milestone);
            let name = f.milestone_label(m.label.as_deref());
            Some(marker(m.year, target_figure(cx, ind, &t)?, Some(name)))
        })
        .collect();
    TrendInput {
        id: format!("trend-{}", ind.id),
        title: strip_marks(&ind.name),
        unit: ind.unit.clone(),
        decimals: decimals_of(ind, &values),
        lower_is_better: ind.direction == Direction::Down,
        cumulative: ind.kind == IndicatorKind::Cumulative,
        points: series
            .iter()
            .map(|r| TrendPoint {
                short_label: f.year_short(r.year),
                long_label: f.year_label(r.year),
                actual: figure(cx, r.actual, ind.decimals),
                target: r.target.as_ref().and_then(|t| target_figure(cx, ind, t)),
                missing: missing(cx, r.actual),
            })
            .collect(),
        baseline: ind.baseline.map(|b| {
            let v = figure(cx, Value::exact(b.value), ind.decimals).unwrap_or_default();
            marker(b.year, v, None)
        }),
        final_target,
        milestones,
        lang: cx.lang(),
    }
}

/// Each indicator's 達成率 for the year against 100 %.
pub fn goal_summary(
    cx: &SiteContext,
    plan: &Plan,
    goal: &Goal,
    year: &Year,
    from: &str,
) -> Result<ChartView, Diagnostic> {
    let file = paths::chart_file(&format!("{}-{}-{}-summary", year.year, plan.id, goal.id));
    let svg = cx.charts.get_or_try_draw(&file, || {
        let bars = goal
            .indicators()
            .map(|(_, i)| {
                let r = evaluated(cx, i, year.year, &plan.file)?;
                Ok(RateBar {
                    label: strip_marks(&i.name),
                    rate: r.rate.value(),
                    rate_text: cx.fmt.rate_or_reason(r.rate),
                    grade_mark: r.grade.as_ref().map(|g| g.mark.clone()),
                })
            })
            .collect::<Result<Vec<_>, Diagnostic>>()?;
        let id = format!("summary-{}-{}-{}", year.year, plan.id, goal.id);
        let title = tr!(
            cx.lang(),
            chart.goal_summary_title,
            goal = goal_number(cx.lang(), goal),
            year = cx.fmt.year_label(year.year)
        );
        Ok(chart::render_goal_summary(cx.lang(), &id, &title, &bars))
    })?;
    Ok(ChartView::new(&svg, file, from))
}

/// Each goal's mean rate for the year: the year overview's picture of a plan.
pub fn plan_summary(cx: &SiteContext, plan: &Plan, py: &PlanYear, from: &str) -> ChartView {
    let year = py.year;
    let bars: Vec<RateBar> = plan
        .goals
        .iter()
        .zip(&py.goals)
        .map(|(g, s)| RateBar {
            label: format!("{} {}", goal_number(cx.lang(), g), strip_marks(&g.title)),
            rate: s.rate,
            rate_text: s
                .rate
                .map(|m| cx.fmt.percent(m))
                .or_else(|| s.grade.as_ref().map(|g| g.label.clone()))
                .unwrap_or_else(|| cx.fmt.words().not_collected.into()),
            grade_mark: s.grade.as_ref().map(|g| g.mark.clone()),
        })
        .collect();
    let id = format!("plan-{}-{}", year, plan.id);
    let title = tr!(
        cx.lang(),
        chart.plan_summary_title,
        plan = plan.short_name(),
        year = cx.fmt.year_label(year)
    );
    ChartView::new(
        &chart::render_goal_summary(cx.lang(), &id, &title, &bars),
        paths::chart_file(&format!("{}-{}-summary", year, plan.id)),
        from,
    )
}

/// A project's name with its 執行率 where it has one: 「公共施設照明LED化事業（執行率 109.2%）」.
fn with_execution_rate(
    cx: &SiteContext,
    p: &crate::model::Project,
    year: &Year,
    money: Option<&crate::evaluate::YearMoney>,
) -> String {
    let rate = year
        .projects
        .iter()
        .position(|q| std::ptr::eq(q, p))
        .and_then(|i| money?.projects.get(i)?.execution_rate);
    match rate {
        Some(r) => {
            let m = &cx.lang().text().money;
            let x = format!("{} {}", m.execution_rate, cx.fmt.rate(r));
            format!("{}{}", p.name, tr!(cx.lang(), page.paren, x = x))
        }
        None => p.name.clone(),
    }
}

/// 予算 vs 決算 of the goal's projects; none when no project of the goal has an amount
/// that year (a chart of 「記載なし」 bars says nothing).
pub fn budgets(
    cx: &SiteContext,
    plan: &Plan,
    goal: &Goal,
    year: &Year,
    from: &str,
) -> Option<ChartView> {
    let mut projects = year
        .projects
        .iter()
        .filter(|p| p.plan == plan.id && goal.measures.iter().any(|m| m.id == p.measure))
        .peekable();
    projects.peek()?;
    let amount = |v: Option<crate::figure::Value>| v.and_then(|v| v.number()).is_some();
    if !year
        .projects
        .iter()
        .filter(|p| p.plan == plan.id && goal.measures.iter().any(|m| m.id == p.measure))
        .any(|p| amount(p.settled) || amount(p.budget))
    {
        return None;
    }
    let file = paths::chart_file(&format!("{}-{}-{}-budgets", year.year, plan.id, goal.id));
    let svg = cx.charts.get_or_draw(&file, || {
        let money = cx.ev.money(year.year);
        let bars: Vec<BudgetBar> = projects
            .map(|p| BudgetBar {
                label: with_execution_rate(cx, p, year, money),
                budget: p.budget.and_then(|v| figure(cx, v, None)),
                settled: p.settled.and_then(|v| figure(cx, v, None)),
            })
            .collect();
        let next = FiscalYear(year.year.0 + 1);
        let id = format!("budget-{}-{}-{}", year.year, plan.id, goal.id);
        let unit = cx.report.config.money.unit.label(cx.lang());
        let title = tr!(
            cx.lang(),
            chart.budget_title,
            goal = goal_number(cx.lang(), goal),
            unit = unit
        );
        chart::render_budgets(
            cx.lang(),
            &id,
            &title,
            &tr!(
                cx.lang(),
                words.settled,
                year = cx.fmt.year_label(year.year)
            ),
            &tr!(cx.lang(), words.budget, year = cx.fmt.year_label(next)),
            unit,
            &bars,
        )
    });
    Some(ChartView::new(&svg, file, from))
}

/// The フルコスト of the goal's projects broken into 事業費, 人件費 and 間接費; none when no
/// project of the goal has a `cost` with a フルコスト that year.
pub fn costs(
    cx: &SiteContext,
    plan: &Plan,
    goal: &Goal,
    year: &Year,
    from: &str,
) -> Option<ChartView> {
    let money = cx.ev.money(year.year)?;
    let amount = |d: Option<rust_decimal::Decimal>| {
        d.and_then(|d| figure(cx, crate::figure::Value::exact(d), None))
    };
    let bars: Vec<CostBar> = year
        .projects
        .iter()
        .zip(&money.projects)
        .filter(|(p, _)| {
            p.cost.is_some() && p.plan == plan.id && goal.measures.iter().any(|m| m.id == p.measure)
        })
        .filter_map(|(p, m)| {
            let a = &m.amounts;
            Some(CostBar {
                label: p.name.clone(),
                parts: [
                    amount(a.get(Column::Settled)),
                    amount(a.get(Column::Personnel)),
                    amount(a.get(Column::Indirect)),
                ],
                total: amount(a.get(Column::FullCost))?,
            })
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    let file = paths::chart_file(&format!("{}-{}-{}-costs", year.year, plan.id, goal.id));
    let svg = cx.charts.get_or_draw(&file, || {
        let lang = cx.lang();
        let w = &lang.text().money;
        let unit = cx.report.config.money.unit.label(lang);
        let unit_line = crate::i18n::fill(w.cost_unit_line, &[("unit", &unit)]);
        let words = CostWords {
            parts: [w.cost_settled, w.personnel, w.indirect],
            total: w.full_cost,
            unit,
            unit_line: &unit_line,
            amount: w.cost_amount,
        };
        let id = format!("cost-{}-{}-{}", year.year, plan.id, goal.id);
        let title = tr!(lang, money.cost_chart_title, goal = goal_number(lang, goal));
        chart::render_costs(lang, &id, &title, words, &bars)
    });
    Some(ChartView::new(&svg, file, from))
}
