//! Typed views of the evaluated model that templates render: every number already formatted
//! the way the page shows it, so templates hold no logic beyond loops and conditions.

use rust_decimal::Decimal;
use serde::Serialize;

use super::layout::Link;
use super::paths::{self, relative};
use crate::evaluate::{
    GoalSummary, IndicatorYear, Rate, evaluate_indicator, outcome_rate, points_text, summarize_goal,
};
use crate::markdown::{MarkdownContext, render_inline};
use crate::model::{Direction, Goal, Indicator, IndicatorKind, Plan, Project, Report, Year};
use crate::num::{format_fixed, format_plain};

/// A value as an indicator shows it: its fixed decimals if set, else as written.
pub fn format_value(ind: &Indicator, v: Option<Decimal>) -> String {
    match (v, ind.decimals) {
        (None, _) => "—".into(),
        (Some(v), Some(d)) => format_fixed(v, d),
        (Some(v), None) => format_plain(v),
    }
}

/// An amount in 千円 with separators.
pub fn format_amount(v: Option<Decimal>) -> String {
    v.map(format_plain).unwrap_or_else(|| "—".into())
}

/// A grade cell.
#[derive(Debug, Clone, Serialize)]
pub struct GradeView {
    /// A, ◎.
    pub mark: String,
    /// 達成.
    pub label: String,
    /// Given by hand.
    pub manual: bool,
    /// A CSS class by position in the scale (g0 is the top).
    pub class: String,
}

/// One indicator row of a goal's table.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    /// Indicator id.
    pub id: String,
    /// Link to the indicator page.
    pub href: String,
    /// Name with glossary links (HTML); not for use inside another link.
    pub name_html: String,
    /// Plain name.
    pub name: String,
    /// 単位.
    pub unit: String,
    /// 施策番号.
    pub measure: String,
    /// ↑ higher is better / ↓ lower is better, in words.
    pub direction: String,
    /// 累計 for cumulative indicators.
    pub cumulative: bool,
    /// 基準値 with its year.
    pub baseline: String,
    /// 基準年度.
    pub baseline_year: String,
    /// 最終目標 with its year.
    pub final_target: String,
    /// 最終目標年度.
    pub final_year: String,
    /// The year's target.
    pub target: String,
    /// The year's actual.
    pub actual: String,
    /// No actual yet.
    pub not_collected: bool,
    /// 達成率 text.
    pub rate: String,
    /// The rate was published by hand.
    pub rate_given: bool,
    /// 評価.
    pub grade: Option<GradeView>,
    /// Why the grade was given by hand.
    pub grade_note: Option<String>,
    /// Change from the previous year.
    pub change: Option<String>,
    /// A remark on the value.
    pub note: Option<String>,
}

/// Builds the row of an indicator for a year.
pub fn indicator_row(
    report: &Report,
    plan: &Plan,
    measure_id: &str,
    ind: &Indicator,
    year: &Year,
    from: &str,
    md: &MarkdownContext,
) -> IndicatorRow {
    let r = evaluate_indicator(report, plan, ind, year);
    row_from_result(report, plan, measure_id, ind, year, &r, from, md)
}

/// Builds the row of an indicator from its evaluation for the year.
#[allow(clippy::too_many_arguments)]
pub fn row_from_result(
    report: &Report,
    plan: &Plan,
    measure_id: &str,
    ind: &Indicator,
    year: &Year,
    r: &IndicatorYear,
    from: &str,
    md: &MarkdownContext,
) -> IndicatorRow {
    let era = report.config.era;
    let scale = report.scale_for(plan, year);
    let grade = r.grade.as_ref().map(|g| GradeView {
        class: format!(
            "g{}",
            scale
                .grades
                .iter()
                .position(|x| x.mark == g.mark)
                .unwrap_or(0)
        ),
        mark: g.mark.clone(),
        label: g.label.clone(),
        manual: g.manual,
    });
    IndicatorRow {
        id: ind.id.clone(),
        href: relative(from, &paths::indicator(&ind.id)),
        name_html: render_inline(&ind.name, md),
        name: crate::markdown::strip_marks(&ind.name),
        unit: ind.unit.clone(),
        measure: measure_id.to_string(),
        direction: direction_words(ind.direction).into(),
        cumulative: ind.kind == IndicatorKind::Cumulative,
        baseline: format_value(ind, ind.baseline.map(|b| b.value)),
        baseline_year: ind.baseline.map(|b| b.year.short(era)).unwrap_or_default(),
        final_target: format_value(ind, ind.target.map(|t| t.value)),
        final_year: ind.target.map(|t| t.year.short(era)).unwrap_or_default(),
        target: format_value(ind, r.target),
        actual: if r.actual.is_none() {
            "未集計".into()
        } else {
            format_value(ind, r.actual)
        },
        not_collected: r.rate == Rate::NotCollected,
        rate: r.rate.text(),
        rate_given: matches!(r.rate, Rate::Given(_)),
        grade,
        grade_note: r.grade_note.clone(),
        change: r.change.map(points_text),
        note: r.note.clone(),
    }
}

/// 「高いほど良い」/「低いほど良い」.
pub fn direction_words(d: Direction) -> &'static str {
    match d {
        Direction::Up => "高いほど良い",
        Direction::Down => "低いほど良い",
    }
}

/// A project row.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectRow {
    /// 事業名.
    pub name: String,
    /// 施策番号.
    pub measure: String,
    /// 新規 / 充実, empty for 継続.
    pub flag: String,
    /// 担当課.
    pub department: String,
    /// 決算額 (千円).
    pub settled: String,
    /// 予算額 (千円).
    pub budget: String,
    /// 成果指標.
    pub outcome: Option<OutcomeView>,
    /// 備考.
    pub note: Option<String>,
}

/// A project's outcome indicator.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeView {
    /// 指標名.
    pub name: String,
    /// 単位.
    pub unit: String,
    /// 実績.
    pub actual: String,
    /// 目標値.
    pub target: String,
    /// 達成率.
    pub rate: String,
    /// Published by hand.
    pub rate_given: bool,
}

/// Builds a project row.
pub fn project_row(report: &Report, p: &Project) -> ProjectRow {
    let d = report.config.project_rate_decimals;
    ProjectRow {
        name: p.name.clone(),
        measure: p.measure.clone(),
        flag: match p.status {
            crate::model::ProjectStatus::Continued => String::new(),
            s => s.label().into(),
        },
        department: p.department.clone().unwrap_or_default(),
        settled: format_amount(p.settled),
        budget: format_amount(p.budget),
        outcome: p.outcome.as_ref().map(|o| {
            let rate = outcome_rate(o, d);
            OutcomeView {
                name: o.name.clone(),
                unit: o.unit.clone(),
                actual: o
                    .actual
                    .map(format_plain)
                    .unwrap_or_else(|| "未集計".into()),
                target: o.target.map(format_plain).unwrap_or_else(|| "—".into()),
                rate: rate.text(),
                rate_given: matches!(rate, Rate::Given(_)),
            }
        }),
        note: p.note.clone(),
    }
}

/// A goal's grade distribution for a year.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryView {
    /// Count per grade, in scale order.
    pub counts: Vec<CountView>,
    /// 未集計.
    pub not_collected: usize,
    /// Indicators in all.
    pub total: usize,
    /// The goal's grade.
    pub grade: Option<GradeView>,
    /// Mean rate in words.
    pub mean_rate: Option<String>,
}

/// One grade's count.
#[derive(Debug, Clone, Serialize)]
pub struct CountView {
    /// A.
    pub mark: String,
    /// 達成.
    pub label: String,
    /// How many.
    pub count: usize,
    /// CSS class.
    pub class: String,
}

/// Summarises a goal for a year.
pub fn summary_view(report: &Report, plan: &Plan, goal: &Goal, year: &Year) -> SummaryView {
    let s: GoalSummary = summarize_goal(report, plan, goal, year);
    let scale = report.scale_for(plan, year);
    let class_of = |mark: &str| {
        format!(
            "g{}",
            scale
                .grades
                .iter()
                .position(|x| x.mark == mark)
                .unwrap_or(0)
        )
    };
    SummaryView {
        total: goal.indicators().count(),
        counts: s
            .counts
            .iter()
            .filter(|(g, n)| *n > 0 || scale.find(&g.mark).is_some_and(|x| x.min.is_some()))
            .map(|(g, n)| CountView {
                class: class_of(&g.mark),
                mark: g.mark.clone(),
                label: g.label.clone(),
                count: *n,
            })
            .collect(),
        not_collected: s.not_collected,
        grade: s.grade.as_ref().map(|g| GradeView {
            class: class_of(&g.mark),
            mark: g.mark.clone(),
            label: g.label.clone(),
            manual: g.manual,
        }),
        mean_rate: s.mean_rate.map(|m| format!("{m}%")),
    }
}

/// A goal in a list, with its summary for a year.
#[derive(Debug, Clone, Serialize)]
pub struct GoalItem {
    /// 目標1.
    pub number: String,
    /// Title with glossary links.
    pub title_html: String,
    /// Link to the goal page.
    pub href: String,
    /// Grade distribution.
    pub summary: SummaryView,
}

/// A plan with its goals, for overview pages.
#[derive(Debug, Clone, Serialize)]
pub struct PlanItem {
    /// 計画名.
    pub title: String,
    /// 計画期間 in words.
    pub period: String,
    /// Goals.
    pub goals: Vec<GoalItem>,
    /// Grades of the scale in force, for table headers.
    pub grade_heads: Vec<CountView>,
}

/// The plans with their goals' summaries for a year, linked from the page `from`.
pub fn plan_items(report: &Report, year: &Year, from: &str, md: &MarkdownContext) -> Vec<PlanItem> {
    report
        .plans
        .iter()
        .filter(|p| plan_active(p, year))
        .map(|p| {
            let goals: Vec<GoalItem> = p
                .goals
                .iter()
                .map(|g| GoalItem {
                    number: goal_number(g),
                    title_html: render_inline(&g.title, md),
                    href: relative(from, &paths::goal(year.year, &p.id, &g.id)),
                    summary: summary_view(report, p, g, year),
                })
                .collect();
            PlanItem {
                title: p.title.clone(),
                period: period_words(report, p),
                grade_heads: goals
                    .first()
                    .map(|g| g.summary.counts.clone())
                    .unwrap_or_default(),
                goals,
            }
        })
        .collect()
}

/// Whether a plan has anything to show in a year: inside its period, or with data.
pub fn plan_active(plan: &Plan, year: &Year) -> bool {
    (plan.period.0..=plan.period.1).contains(&year.year)
        || plan
            .goals
            .iter()
            .any(|g| g.indicators().any(|(_, i)| year.actual(&i.id).is_some()))
}

/// 目標1 for goal id 1; ids that are not numbers are shown as written.
pub fn goal_number(g: &Goal) -> String {
    if g.id.chars().all(|c| c.is_ascii_digit()) {
        format!("目標{}", g.id)
    } else {
        g.id.clone()
    }
}

/// 計画期間：令和元年度〜令和10年度.
pub fn period_words(report: &Report, p: &Plan) -> String {
    let e = report.config.era;
    format!("{}〜{}", p.period.0.display(e), p.period.1.display(e))
}

/// A link to a page in a list.
pub fn link(from: &str, to: &str, label: impl Into<String>) -> Link {
    Link {
        label: label.into(),
        href: relative(from, to),
    }
}
