//! An indicator's page: its definition, the trend over every year it shows in, and the table
//! of every year's target, actual, rate, grade and change.

use serde::Serialize;

use super::SiteContext;
use crate::diag::{Diagnostic, Lang};
use crate::evaluate::{IndicatorYear, Rate};
use crate::markdown::{self, render_inline};
use crate::model::{Direction, Goal, Indicator, IndicatorKind, Measure, Plan, RateFormula};
use crate::site::Page;
use crate::site::charts::{self, ChartView};
use crate::site::layout::{Layout, Link};
use crate::site::paths::{self, relative};
use crate::site::views::{GradeView, direction_words, goal_number, link};
use crate::tr;

/// One year's row on an indicator page.
#[derive(Debug, Clone, Serialize)]
struct IndicatorYearRow {
    year: String,
    href: String,
    target: String,
    actual: String,
    rate: String,
    rate_given: bool,
    grade: Option<GradeView>,
    change: Option<String>,
    note: Option<String>,
    not_collected: bool,
}

#[derive(Serialize)]
struct IndicatorView {
    layout: Layout,
    chart: ChartView,
    name_html: String,
    unit: String,
    direction: String,
    kind: String,
    formula: String,
    definition: Option<String>,
    source: Option<String>,
    plan: String,
    goal: Link,
    measure: String,
    department: Option<String>,
    baseline: String,
    final_target: String,
    per_year: Option<String>,
    rows: Vec<IndicatorYearRow>,
}

fn year_row(
    cx: &SiteContext,
    plan: &Plan,
    goal: &Goal,
    ind: &Indicator,
    r: &IndicatorYear,
    from: &str,
) -> IndicatorYearRow {
    let f = cx.fmt;
    IndicatorYearRow {
        year: f.year(r.year),
        href: relative(from, &paths::goal(r.year, &plan.id, &goal.id)),
        target: f.figure_or_none(r.target, ind.decimals),
        actual: f.actual(r.actual, ind.decimals),
        rate: f.rate(r.rate),
        rate_given: matches!(r.rate, Rate::Given(_)),
        grade: r.grade.as_ref().map(GradeView::of),
        change: r.change.map(|c| f.points(c)),
        note: r.note.clone(),
        not_collected: r.rate == Rate::NotCollected,
    }
}

fn formula_words(lang: Lang, ind: &Indicator) -> &'static str {
    let w = &lang.text().words;
    match (ind.rate, ind.direction) {
        (RateFormula::Ratio, Direction::Up) => w.formula_ratio_up,
        (RateFormula::Ratio, Direction::Down) => w.formula_ratio_down,
        (RateFormula::Progress, _) => w.formula_progress,
    }
}

/// An indicator's page: every year in one table.
pub fn indicator(
    cx: &SiteContext,
    plan: &Plan,
    goal: &Goal,
    measure: &Measure,
    ind: &Indicator,
) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let f = cx.fmt;
    let path = paths::indicator(&ind.id);
    let series: Vec<&IndicatorYear> = cx.ev.trend(&ind.id, None).collect();
    let rows = series
        .iter()
        .map(|r| year_row(cx, plan, goal, ind, r, &path))
        .collect();
    let with_year = |yv: Option<crate::model::YearValue>| match yv {
        Some(v) => tr!(
            cx.lang(),
            words.value_year,
            value = format!("{}{}", f.figure(v.value, ind.decimals), ind.unit),
            year = f.year(v.year)
        ),
        None => f.words().no_figure.to_string(),
    };
    let latest_goal_year = series.last().map(|r| r.year).unwrap_or(plan.period.0);
    let goal_path = paths::goal(latest_goal_year, &plan.id, &goal.id);
    let goal_title = format!(
        "{} {}",
        goal_number(cx.lang(), goal),
        markdown::strip_marks(&goal.title)
    );
    let name = markdown::strip_marks(&ind.name);
    let view = IndicatorView {
        chart: charts::trend(cx, ind, &series, None, &path),
        layout: Layout::new(report, &path, &name)
            .crumbs(&path, &[(goal_title.as_str(), goal_path.as_str())]),
        name_html: cx.with(&path, |c| render_inline(&ind.name, c)),
        unit: ind.unit.clone(),
        direction: direction_words(cx.lang(), ind.direction).into(),
        kind: match ind.kind {
            IndicatorKind::Level => f.words().kind_level.into(),
            IndicatorKind::Cumulative => f.words().kind_cumulative.into(),
        },
        formula: formula_words(cx.lang(), ind).into(),
        definition: ind.definition.clone(),
        source: ind.source.clone(),
        plan: plan.title.clone(),
        goal: link(&path, &goal_path, goal_title.clone()),
        measure: format!("{} {}", measure.id, markdown::strip_marks(&measure.title)),
        department: measure.department.clone(),
        baseline: with_year(ind.baseline),
        final_target: with_year(ind.target),
        per_year: ind.per_year.map(|p| {
            tr!(
                cx.lang(),
                words.per_year,
                value = format!("{}{}", f.figure(p, None), ind.unit)
            )
        }),
        rows,
    };
    let files = vec![view.chart.output()];
    Ok(Page::new(&path, "indicator.html", &view, &plan.file)?.with_files(files))
}
