//! A goal's page for a year: its measures with their indicators (table and trend charts),
//! the goal's grade summary and chart, its projects with 決算・予算, and the evaluation. The
//! print view shows the same content for every goal of the year.

use serde::Serialize;

use super::SiteContext;
use crate::diag::{Diagnostic, Lang};
use crate::era::FiscalYear;
use crate::evaluate::{GoalSummary, IndicatorYear};
use crate::markdown::{self, Heading, render_inline};
use crate::model::{Goal, Indicator, Measure, Plan, Year};
use crate::site::charts::{self, ChartView};
use crate::site::layout::{Layout, Link};
use crate::site::money_pages::{GoalMoney, goal_money};
use crate::site::paths;
use crate::site::reviews::{ReviewView, review_views};
use crate::site::views::{
    IndicatorRow, SummaryView, goal_number, indicator_row, link, shown_statuses, summary_view,
};
use crate::site::{OutputFile, Page, evaluated};
use crate::tr;

/// A measure section of a goal page.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureView {
    /// 施策番号.
    pub id: String,
    /// Anchor.
    pub anchor: String,
    /// Title with glossary links.
    pub title_html: String,
    /// Title as written.
    pub title_text: String,
    /// 担当課.
    pub department: Option<String>,
    /// Description (HTML).
    pub description_html: Option<String>,
    /// Indicator rows.
    pub indicators: Vec<IndicatorRow>,
    /// Each indicator's trend up to the year, with the data behind it.
    pub trends: Vec<TrendFigure>,
}

/// A trend chart with the table of values it plots.
#[derive(Debug, Clone, Serialize)]
pub struct TrendFigure {
    /// Indicator name.
    pub name: String,
    /// 単位.
    pub unit: String,
    /// The chart.
    pub chart: ChartView,
    /// Year by year: label, target, actual.
    pub rows: Vec<TrendRow>,
}

/// One year of a trend's data table.
#[derive(Debug, Clone, Serialize)]
pub struct TrendRow {
    /// 令和3年度.
    pub year: String,
    /// 目標値.
    pub target: String,
    /// 実績値 or 未集計.
    pub actual: String,
}

/// The trend figure of an indicator up to a year.
fn trend_figure(cx: &SiteContext, ind: &Indicator, upto: FiscalYear, from: &str) -> TrendFigure {
    let series: Vec<&IndicatorYear> = cx.ev.trend(&ind.id, Some(upto)).collect();
    let f = &cx.fmt;
    let rows = series
        .iter()
        .map(|r| TrendRow {
            year: f.year_label(r.year),
            target: r.target.as_ref().map_or_else(
                || f.words().no_figure.into(),
                |t| {
                    let note = f.target_note(t, ind).unwrap_or_default();
                    format!("{}{note}", f.target(t, ind))
                },
            ),
            actual: f.actual(r.actual, ind.decimals),
        })
        .collect();
    TrendFigure {
        name: markdown::strip_marks(&ind.name),
        unit: ind.unit.clone(),
        chart: charts::trend(cx, ind, &series, Some(upto), from),
        rows,
    }
}

/// Everything the goal page shows for a year.
#[derive(Debug, Clone, Serialize)]
pub struct GoalContent {
    /// 目標1.
    pub number: String,
    /// Title with glossary links.
    pub title_html: String,
    /// Title as plain text.
    pub title_text: String,
    /// 計画名.
    pub plan_title: String,
    /// Description (HTML).
    pub description_html: Option<String>,
    /// Grade distribution.
    pub summary: SummaryView,
    /// Measures with their indicators.
    pub measures: Vec<MeasureView>,
    /// Projects of the goal's measures and their 施策コスト.
    pub money: GoalMoney,
    /// Under a measure without indicators: where to read instead (only sections the page
    /// has).
    pub no_indicators: String,
    /// Evaluation (HTML).
    pub evaluation_html: Option<String>,
    /// Evaluation layers side by side (1次評価, 2次評価 …).
    pub reviews: Vec<ReviewView>,
    /// 今後の方向性.
    pub outlook: Option<String>,
    /// Link to the managing body.
    pub body: Option<Link>,
    /// Anchor prefix, unique within the print view.
    pub anchor: String,
    /// 達成率 of every indicator against 100 %; none when the goal has no indicator.
    pub summary_chart: Option<ChartView>,
    /// 決算 vs 予算 of the projects.
    pub budget_chart: Option<ChartView>,
    /// フルコスト of the projects by part, when costs are given.
    pub cost_chart: Option<ChartView>,
    /// What the symbols on the page mean (statuses, the sign of a fall).
    pub legend: Vec<String>,
}

impl GoalContent {
    /// Every chart of the goal, as files.
    pub fn chart_files(&self) -> Vec<OutputFile> {
        self.summary_chart
            .iter()
            .chain(&self.budget_chart)
            .chain(&self.cost_chart)
            .chain(
                self.measures
                    .iter()
                    .flat_map(|m| m.trends.iter().map(|t| &t.chart)),
            )
            .map(ChartView::output)
            .collect()
    }
}

/// A measure of the goal with its indicators' rows and trends for the year.
fn measure_view(
    cx: &SiteContext,
    plan: &Plan,
    m: &Measure,
    year: &Year,
    anchor_prefix: &str,
    from: &str,
) -> Result<MeasureView, Diagnostic> {
    let indicators = m
        .indicators
        .iter()
        .map(|i| {
            let r = evaluated(cx, i, year.year, &plan.file)?;
            Ok(cx.with(from, |c| indicator_row(cx, &m.id, i, r, from, c)))
        })
        .collect::<Result<_, Diagnostic>>()?;
    Ok(MeasureView {
        id: m.id.clone(),
        anchor: format!("m-{anchor_prefix}-{}", paths::segment(&m.id)),
        title_html: cx.with(from, |c| render_inline(&m.title, c)),
        title_text: m.title.clone(),
        department: m.department.clone(),
        description_html: m.description.as_ref().map(|d| cx.render(from, d).html),
        indicators,
        trends: m
            .indicators
            .iter()
            .map(|i| trend_figure(cx, i, year.year, from))
            .collect(),
    })
}

/// The table of contents of a goal's content: measures, projects, evaluation headings.
fn goal_headings(
    lang: Lang,
    measures: &[MeasureView],
    has_projects: bool,
    evaluation: Option<&markdown::Rendered>,
    anchor_prefix: &str,
) -> Vec<Heading> {
    let mut headings: Vec<Heading> = measures
        .iter()
        .map(|m| Heading {
            level: 2,
            id: m.anchor.clone(),
            text: tr!(
                lang,
                words.measure_heading,
                id = m.id,
                title = markdown::strip_marks(&m.title_text)
            ),
        })
        .collect();
    if has_projects {
        headings.push(Heading {
            level: 2,
            id: format!("projects-{anchor_prefix}"),
            text: lang.text().page.projects_title.into(),
        });
    }
    if let Some(r) = evaluation {
        headings.push(Heading {
            level: 2,
            id: format!("evaluation-{anchor_prefix}"),
            text: lang.text().page.evaluation.into(),
        });
        headings.extend(r.headings.iter().cloned().map(|mut h| {
            h.level += 1;
            h
        }));
    }
    headings
}

/// The goal's content for a year, rendered for the page at `from` with its evaluation's
/// headings at `level`.
pub fn goal_content(
    cx: &SiteContext,
    plan: &Plan,
    goal: &Goal,
    summary: &GoalSummary,
    year: &Year,
    from: &str,
    level: u8,
) -> Result<(GoalContent, Vec<Heading>), Diagnostic> {
    let report = cx.report;
    let anchor_prefix = format!("{}-{}", paths::segment(&plan.id), paths::segment(&goal.id));
    let measures = goal
        .measures
        .iter()
        .map(|m| measure_view(cx, plan, m, year, &anchor_prefix, from))
        .collect::<Result<Vec<_>, Diagnostic>>()?;
    let money = goal_money(cx, plan, goal, year, from)?;
    let evaluation = year.evaluation(&plan.id, &goal.id);
    let eval_prefix = if level > 2 {
        format!("{anchor_prefix}-")
    } else {
        String::new()
    };
    let eval_rendered =
        evaluation.map(|e| cx.render_in(from, &e.doc.markdown, level + 1, &eval_prefix));
    let headings = goal_headings(
        cx.lang(),
        &measures,
        money.projects.is_some(),
        eval_rendered.as_ref(),
        &anchor_prefix,
    );
    let legend = goal_legend(cx, goal, year);
    let content = GoalContent {
        number: goal_number(cx.lang(), goal),
        title_html: cx.with(from, |c| render_inline(&goal.title, c)),
        title_text: markdown::strip_marks(&goal.title),
        plan_title: plan.title.clone(),
        description_html: goal.description.as_ref().map(|d| cx.render(from, d).html),
        summary: summary_view(cx, summary),
        measures,
        no_indicators: no_indicators_text(
            cx.lang(),
            money.projects.is_some(),
            evaluation.is_some(),
        ),
        money,
        evaluation_html: eval_rendered.map(|r| r.html),
        reviews: evaluation
            .map(|e| review_views(cx, plan, year, e, from))
            .unwrap_or_default(),
        outlook: evaluation
            .and_then(|e| e.outlook)
            .map(|o| cx.fmt.outlook(o).to_string()),
        body: plan
            .body
            .as_deref()
            .and_then(|b| report.body(b))
            .map(|b| link(from, &paths::body(&b.id), b.name.clone())),
        summary_chart: match summary.total {
            0 => None,
            _ => Some(charts::goal_summary(cx, plan, goal, year, from)?),
        },
        budget_chart: charts::budgets(cx, plan, goal, year, from),
        cost_chart: charts::costs(cx, plan, goal, year, from),
        anchor: anchor_prefix,
        legend,
    };
    Ok((content, headings))
}

/// Under a measure without indicators: that it has none, and where to read instead, naming
/// only the sections the page has.
fn no_indicators_text(lang: Lang, projects: bool, evaluation: bool) -> String {
    let m = &lang.text().money;
    let see = match (projects, evaluation) {
        (true, true) => m.see_both,
        (true, false) => m.see_projects,
        (false, true) => m.see_evaluation,
        (false, false) => "",
    };
    format!("{}{see}", m.no_indicators)
}

/// The legend of a goal's content: every status its tables and trend tables show, and the
/// sign of a fall where it is not the report's own.
fn goal_legend(cx: &SiteContext, goal: &Goal, year: &Year) -> Vec<String> {
    let shown: Vec<&IndicatorYear> = goal
        .indicators()
        .flat_map(|(_, i)| cx.ev.trend(&i.id, Some(year.year)))
        .collect();
    let falls = goal.indicators().any(|(_, i)| {
        cx.ev
            .indicator(&i.id, year.year)
            .and_then(|r| r.change)
            .is_some_and(|c| c.is_sign_negative() && !c.is_zero())
    });
    let statuses = shown_statuses(shown.into_iter());
    cx.fmt.legend(&statuses, falls)
}

#[derive(Serialize)]
struct GoalView {
    layout: Layout,
    goal: GoalContent,
}

/// A goal's page for a year.
pub fn goal(
    cx: &SiteContext,
    plan: &Plan,
    goal: &Goal,
    summary: &GoalSummary,
    year: &Year,
) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let path = paths::goal(year.year, &plan.id, &goal.id);
    let (content, headings) = goal_content(cx, plan, goal, summary, year, &path, 2)?;
    let title = format!("{} {}", content.number, markdown::strip_marks(&goal.title));
    let year_path = paths::year(year.year);
    let year_crumb = cx.year_crumb(year.year);
    let view = GoalView {
        layout: Layout::new(report, &path, &title)
            .crumbs(&path, &[(year_crumb.as_str(), year_path.as_str())])
            .year_switcher(report, &path, year.year, |y| {
                cx.ev
                    .plan_active(&plan.id, y)
                    .then(|| paths::goal(y, &plan.id, &goal.id))
            })
            .neighbours(&path, cx.sequence(year.year))
            .with_toc(headings),
        goal: content,
    };
    let source = year
        .evaluation(&plan.id, &goal.id)
        .map(|e| e.doc.file.clone())
        .unwrap_or_else(|| plan.file.clone());
    let files = view.goal.chart_files();
    Ok(Page::new(&path, "goal.html", &view, &source)?.with_files(files))
}
