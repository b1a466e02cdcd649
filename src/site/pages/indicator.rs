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
use crate::site::views::{GradeView, direction_words, goal_number, link, shown_statuses};
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
    status: bool,
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
    legend: Vec<String>,
}

fn year_row(
    cx: &SiteContext,
    plan: &Plan,
    goal: &Goal,
    ind: &Indicator,
    r: &IndicatorYear,
    from: &str,
) -> IndicatorYearRow {
    let f = &cx.fmt;
    IndicatorYearRow {
        year: f.year(r.year),
        href: relative(from, &paths::goal(r.year, &plan.id, &goal.id)),
        target: r.target.as_ref().map_or_else(
            || f.words().no_figure.into(),
            |t| {
                format!(
                    "{}{}",
                    f.target(t, ind),
                    f.target_note(t, ind).unwrap_or_default()
                )
            },
        ),
        actual: f.actual(r.actual, ind.decimals),
        rate: f.rate(r.rate),
        rate_given: matches!(r.rate, Rate::Given(_)),
        grade: r.grade.as_ref().map(GradeView::of),
        change: r.change.map(|c| f.points(c)),
        note: r.note.clone(),
        status: r.actual.status().is_some(),
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

/// The baseline and the final target of an indicator page, each with its year; the final
/// target as the plan words it, with a reduction's value and the milestones after it.
fn reference_values(cx: &SiteContext, ind: &Indicator) -> (String, String) {
    let f = &cx.fmt;
    let with_year = |text: String, year| {
        tr!(
            cx.lang(),
            words.value_year,
            value = text,
            year = f.year(year)
        )
    };
    let baseline = ind.baseline.map_or_else(
        || f.words().no_figure.to_string(),
        |b| {
            with_year(
                format!("{}{}", f.figure(b.value, ind.decimals), ind.unit),
                b.year,
            )
        },
    );
    let mut final_target = ind.target.as_ref().map_or_else(
        || f.words().no_figure.to_string(),
        |t| with_year(f.final_target(t, ind), t.year),
    );
    // A reduction's value: 「平成30年度比 20%削減（…）（目標値 14,800t-CO2）」.
    if let Some(t) = &ind.target
        && let crate::model::TargetGoal::Reduce(r) = &t.goal
        && let Some(n) = cx.ev.reduced(&ind.id)
    {
        let value = crate::evaluate::YearTarget {
            value: crate::evaluate::TargetValue::Reduce {
                value: n,
                reduction: r.clone(),
            },
            source: crate::evaluate::TargetSource::Final,
            label: None,
        };
        final_target.push_str(&f.target_note(&value, ind).unwrap_or_default());
    }
    for m in &ind.milestones {
        let t = crate::evaluate::YearTarget::of_value(
            m.value,
            crate::evaluate::TargetSource::Milestone,
        );
        let words = format!(
            "{} {}",
            f.milestone_label(m.label.as_deref()),
            f.target_with_unit(&t, ind)
        );
        final_target.push_str(cx.report.config.lang.text().page.list_sep);
        final_target.push_str(&with_year(words, m.year));
    }
    (baseline, final_target)
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
    let f = &cx.fmt;
    let path = paths::indicator(&ind.id);
    let series: Vec<&IndicatorYear> = cx.ev.trend(&ind.id, None).collect();
    let rows = series
        .iter()
        .map(|r| year_row(cx, plan, goal, ind, r, &path))
        .collect();
    let falls = series.iter().any(|r| {
        r.change
            .is_some_and(|c| c.is_sign_negative() && !c.is_zero())
    });
    let legend = f.legend(&shown_statuses(series.iter().copied()), falls);
    let (baseline, final_target) = reference_values(cx, ind);
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
        baseline,
        final_target,
        per_year: ind.per_year.map(|p| {
            let v = f.value(crate::figure::Value::Number(p), None);
            tr!(
                cx.lang(),
                words.per_year,
                value = format!("{v}{}", ind.unit)
            )
        }),
        rows,
        legend,
    };
    let files = vec![view.chart.output()];
    Ok(Page::new(&path, "indicator.html", &view, &plan.file)?.with_files(files))
}
