//! Typed views of the evaluated report that templates render: every figure already spelt by
//! [`crate::format`], so templates hold no logic beyond loops and conditions.

use serde::Serialize;

use super::layout::Link;
use super::pages::SiteContext;
use super::paths::{self, relative};
use crate::diag::{Diagnostic, Lang};
use crate::evaluate::{GoalSummary, GradeMark, IndicatorYear, Rate};
use crate::markdown::{MarkdownContext, render_inline};
use crate::model::{Direction, Goal, Indicator, IndicatorKind, Plan, Project, Year};
use crate::tr;

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

impl GradeView {
    /// The view of an evaluated grade.
    pub fn of(g: &GradeMark) -> GradeView {
        GradeView {
            mark: g.mark.clone(),
            label: g.label.clone(),
            manual: g.manual,
            class: format!("g{}", g.rank),
        }
    }
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

/// The row of an indicator from its evaluation for a year, linked from the page `from`.
pub fn indicator_row(
    cx: &SiteContext,
    measure_id: &str,
    ind: &Indicator,
    r: &IndicatorYear,
    from: &str,
    md: &MarkdownContext,
) -> IndicatorRow {
    let f = cx.fmt;
    IndicatorRow {
        id: ind.id.clone(),
        href: relative(from, &paths::indicator(&ind.id)),
        name_html: render_inline(&ind.name, md),
        name: crate::markdown::strip_marks(&ind.name),
        unit: ind.unit.clone(),
        measure: measure_id.to_string(),
        direction: direction_words(cx.lang(), ind.direction).into(),
        cumulative: ind.kind == IndicatorKind::Cumulative,
        baseline: f.figure_or_none(ind.baseline.map(|b| b.value), ind.decimals),
        baseline_year: ind
            .baseline
            .map(|b| f.year_short(b.year))
            .unwrap_or_default(),
        final_target: f.figure_or_none(ind.target.map(|t| t.value), ind.decimals),
        final_year: ind.target.map(|t| f.year_short(t.year)).unwrap_or_default(),
        target: f.figure_or_none(r.target, ind.decimals),
        actual: f.actual(r.actual, ind.decimals),
        not_collected: r.rate == Rate::NotCollected,
        rate: f.rate(r.rate),
        rate_given: matches!(r.rate, Rate::Given(_)),
        grade: r.grade.as_ref().map(GradeView::of),
        grade_note: r.grade_note.clone(),
        change: r.change.map(|c| f.points(c)),
        note: r.note.clone(),
    }
}

/// 「高いほど良い」/「低いほど良い」.
pub fn direction_words(lang: Lang, d: Direction) -> &'static str {
    let w = &lang.text().words;
    match d {
        Direction::Up => w.direction_up,
        Direction::Down => w.direction_down,
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

/// The row of the project at `index` in the year's projects.yaml.
pub fn project_row(
    cx: &SiteContext,
    year: &Year,
    index: usize,
    p: &Project,
) -> Result<ProjectRow, Diagnostic> {
    let f = cx.fmt;
    let outcome = match &p.outcome {
        Some(o) => {
            let rate = cx.ev.outcome(year.year, index).ok_or_else(|| {
                let source = year.projects_file.as_deref().unwrap_or(&year.dir);
                super::not_evaluated(source, &format!("{} {}", p.name, year.year))
            })?;
            Some(OutcomeView {
                name: o.name.clone(),
                unit: o.unit.clone(),
                actual: f.actual(o.actual, None),
                target: f.figure_or_none(o.target, None),
                rate: f.rate(rate),
                rate_given: matches!(rate, Rate::Given(_)),
            })
        }
        None => None,
    };
    Ok(ProjectRow {
        name: p.name.clone(),
        measure: p.measure.clone(),
        flag: match p.status {
            crate::model::ProjectStatus::Continued => String::new(),
            s => f.project_status(s).into(),
        },
        department: p.department.clone().unwrap_or_default(),
        settled: f.amount(p.settled),
        budget: f.amount(p.budget),
        outcome,
        note: p.note.clone(),
    })
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

/// The view of a goal's summary for a year.
pub fn summary_view(cx: &SiteContext, s: &GoalSummary) -> SummaryView {
    SummaryView {
        total: s.total,
        // Grades only given by hand are listed when some indicator has one.
        counts: s
            .counts
            .iter()
            .filter(|(g, n)| *n > 0 || g.rated)
            .map(|(g, n)| CountView {
                class: format!("g{}", g.rank),
                mark: g.mark.clone(),
                label: g.label.clone(),
                count: *n,
            })
            .collect(),
        not_collected: s.not_collected,
        grade: s.grade.as_ref().map(GradeView::of),
        mean_rate: s.mean_rate.map(|m| cx.fmt.percent(m)),
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

/// The plans active in a year with their goals' summaries, linked from the page `from`.
pub fn plan_items(
    cx: &SiteContext,
    year: &Year,
    from: &str,
    md: &MarkdownContext,
) -> Vec<PlanItem> {
    cx.report
        .plans
        .iter()
        .filter_map(|p| cx.ev.plan(&p.id, year.year).map(|py| (p, py)))
        .map(|(p, py)| {
            let goals: Vec<GoalItem> = p
                .goals
                .iter()
                .zip(&py.goals)
                .map(|(g, s)| GoalItem {
                    number: goal_number(cx.lang(), g),
                    title_html: render_inline(&g.title, md),
                    href: relative(from, &paths::goal(year.year, &p.id, &g.id)),
                    summary: summary_view(cx, s),
                })
                .collect();
            PlanItem {
                title: p.title.clone(),
                period: period_words(cx, p),
                grade_heads: goals
                    .first()
                    .map(|g| g.summary.counts.clone())
                    .unwrap_or_default(),
                goals,
            }
        })
        .collect()
}

/// 目標1 for goal id 1; ids that are not numbers are shown as written.
pub fn goal_number(lang: Lang, g: &Goal) -> String {
    if g.id.chars().all(|c| c.is_ascii_digit()) {
        tr!(lang, words.goal_number, id = g.id)
    } else {
        g.id.clone()
    }
}

/// 計画期間：令和元年度〜令和10年度.
pub fn period_words(cx: &SiteContext, p: &Plan) -> String {
    tr!(
        cx.lang(),
        words.period,
        from = cx.fmt.year(p.period.0),
        to = cx.fmt.year(p.period.1)
    )
}

/// A link to a page in a list.
pub fn link(from: &str, to: &str, label: impl Into<String>) -> Link {
    Link {
        label: label.into(),
        href: relative(from, to),
    }
}
