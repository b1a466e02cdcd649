//! Typed views of the evaluated report that templates render: every figure already spelt by
//! [`crate::format`], so templates hold no logic beyond loops and conditions.

use serde::Serialize;

use super::layout::Link;
use super::pages::SiteContext;
use super::paths::{self, relative};
use crate::diag::{Diagnostic, Lang};
use crate::evaluate::{Apart, GoalRule, GoalSummary, GradeMark, IndicatorYear, Rate};
use crate::figure::Status;
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
    /// The year's target, as the plan words it.
    pub target: String,
    /// After the target: a milestone's name, a reduction's value.
    pub target_note: Option<String>,
    /// The year's actual (約980), or its status symbol.
    pub actual: String,
    /// The actual is a status (未集計, 該当なし …), not a number.
    pub status: bool,
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
    let f = &cx.fmt;
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
        final_target: ind
            .target
            .as_ref()
            .map_or_else(|| f.words().no_figure.into(), |t| f.final_target(t, ind)),
        final_year: ind
            .target
            .as_ref()
            .map(|t| f.year_short(t.year))
            .unwrap_or_default(),
        target: r
            .target
            .as_ref()
            .map_or_else(|| f.words().no_figure.into(), |t| f.target(t, ind)),
        target_note: r.target.as_ref().and_then(|t| f.target_note(t, ind)),
        actual: f.actual(r.actual, ind.decimals),
        status: r.actual.status().is_some(),
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
    let f = &cx.fmt;
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
                target: f.amount(o.target),
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
    /// Indicators without a rated grade, by why: with the counts per grade they add up to
    /// the total.
    pub apart: Vec<CountView>,
    /// Indicators in all.
    pub total: usize,
    /// The goal's grade.
    pub grade: Option<GradeView>,
    /// The goal rule's rate in words: （達成率の平均 83.4%、各指標100%を上限）.
    pub rule_text: Option<String>,
    /// 「4指標中3指標で評価、1指標は未集計」.
    pub count_text: String,
    /// Whether some indicator is counted apart.
    pub partial: bool,
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

/// What an indicator counted apart is called in a summary.
fn apart_label(cx: &SiteContext, a: &Apart) -> String {
    let lang = cx.report.config.lang;
    match a {
        Apart::Status(s) => crate::format::status_name(lang, *s).to_string(),
        Apart::NoTarget => cx.fmt.words().no_target.to_string(),
        Apart::Unrated(label) => label.clone(),
    }
}

/// 「4指標中3指標で評価、1指標は未集計」.
fn count_text(cx: &SiteContext, s: &GoalSummary) -> String {
    let lang = cx.report.config.lang;
    let fig = &lang.text().fig;
    let mut parts = vec![crate::tr!(
        lang,
        fig.graded_count,
        total = s.total,
        graded = s.graded
    )];
    for (a, n) in &s.apart {
        parts.push(crate::tr!(
            lang,
            fig.apart_count,
            count = n,
            what = apart_label(cx, a)
        ));
    }
    parts.join(fig.count_sep)
}

/// The goal rule's rate in words.
fn rule_text(cx: &SiteContext, s: &GoalSummary) -> Option<String> {
    let lang = cx.report.config.lang;
    let [mean, capped, share, lowest] = lang.text().fig.goal_rules;
    let pattern = match s.rule {
        GoalRule::Mean => mean,
        GoalRule::MeanCapped => capped,
        GoalRule::ShareMet => share,
        GoalRule::Lowest => {
            return s
                .grade
                .as_ref()
                .filter(|g| !g.manual)
                .map(|_| lowest.into());
        }
    };
    s.rate
        .map(|r| crate::i18n::fill(pattern, &[("rate", &cx.fmt.percent(r))]))
}

/// The view of a goal's summary for a year.
pub fn summary_view(cx: &SiteContext, s: &GoalSummary) -> SummaryView {
    SummaryView {
        // Grades only given by hand (評価対象外) are counted apart, by their label.
        counts: s
            .counts
            .iter()
            .filter(|(g, _)| g.rated)
            .map(|(g, n)| CountView {
                class: format!("g{}", g.rank),
                mark: g.mark.clone(),
                label: g.label.clone(),
                count: *n,
            })
            .collect(),
        not_collected: s.not_collected(),
        apart: s
            .apart
            .iter()
            .map(|(a, n)| CountView {
                mark: String::new(),
                label: apart_label(cx, a),
                count: *n,
                class: "apart".into(),
            })
            .collect(),
        grade: s.grade.as_ref().map(GradeView::of),
        rule_text: rule_text(cx, s),
        count_text: count_text(cx, s),
        partial: s.graded < s.total,
        total: s.total,
    }
}

/// The statuses a set of rows shows (actuals, and rates that print a status), for the
/// legend.
pub fn shown_statuses<'a>(rows: impl Iterator<Item = &'a IndicatorYear>) -> Vec<Status> {
    let mut out = Vec::new();
    for r in rows {
        let rate = match r.rate {
            Rate::Status(s) => Some(s),
            _ => None,
        };
        for s in r.actual.status().into_iter().chain(rate) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
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
        .filter_map(|(p, py)| {
            let goals: Vec<GoalItem> = p
                .goals
                .iter()
                .zip(&py.goals)
                .filter(|(_, s)| s.total > 0)
                .map(|(g, s)| GoalItem {
                    number: goal_number(cx.lang(), g),
                    title_html: render_inline(&g.title, md),
                    href: relative(from, &paths::goal(year.year, &p.id, &g.id)),
                    summary: summary_view(cx, s),
                })
                .collect();
            (!goals.is_empty()).then(|| PlanItem {
                title: p.title.clone(),
                period: period_words(cx, p),
                grade_heads: goals
                    .first()
                    .map(|g| g.summary.counts.clone())
                    .unwrap_or_default(),
                goals,
            })
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
