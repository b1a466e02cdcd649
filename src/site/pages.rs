//! The report's pages: home, each year's overview, goal, indicator and chapter pages, the
//! print view, the glossary and the 404 page. Each builder returns a page to render.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::OutputFile;
use super::Page;
use super::charts::{self, ChartView};
use super::layout::{Layout, Link};
use super::paths::{self, relative};
use super::views::*;
use crate::era::FiscalYear;
use crate::glossary::anchor;
use crate::markdown::{self, Heading, MarkdownContext, render_inline};
use crate::model::{Chapter, Plan, Report, Year};

/// What every page builder shares, computed once per build: glossary terms for Markdown,
/// each year's reading order and which chapters exist in which year.
pub struct SiteContext<'a> {
    terms: Vec<&'a str>,
    sequences: HashMap<FiscalYear, Vec<(String, String)>>,
    chapters: HashSet<(FiscalYear, &'a str)>,
}

impl<'a> SiteContext<'a> {
    /// Prepares the shared parts of a build.
    pub fn new(report: &'a Report) -> SiteContext<'a> {
        SiteContext {
            terms: report.glossary.iter().map(|g| g.term.as_str()).collect(),
            sequences: report
                .years
                .iter()
                .map(|y| (y.year, year_sequence(report, y)))
                .collect(),
            chapters: report
                .years
                .iter()
                .flat_map(|y| y.chapters.iter().map(move |c| (y.year, c.slug.as_str())))
                .collect(),
        }
    }

    /// The pages of a year in reading order.
    pub fn sequence(&self, year: FiscalYear) -> &[(String, String)] {
        self.sequences.get(&year).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether a year has a chapter with this slug.
    pub fn has_chapter(&self, year: FiscalYear, slug: &str) -> bool {
        self.chapters.contains(&(year, slug))
    }

    /// Calls `f` with the Markdown context of the page at `path`.
    pub fn with<R>(&self, path: &str, f: impl FnOnce(&MarkdownContext) -> R) -> R {
        // The print view carries the glossary itself, so its marks link within the page.
        let glossary_href = if path.ends_with("/print/index.html") {
            String::new()
        } else {
            relative(path, paths::GLOSSARY)
        };
        let root = paths::root_prefix(path);
        f(&MarkdownContext {
            terms: &self.terms,
            glossary_href: &glossary_href,
            root: &root,
            min_level: 2,
            id_prefix: "",
        })
    }

    /// Renders a Markdown text for the page at `path`.
    pub fn render(&self, path: &str, text: &str) -> markdown::Rendered {
        self.render_at(path, text, 2)
    }

    /// Renders a Markdown text whose top headings become `<h{min_level}>`.
    pub fn render_at(&self, path: &str, text: &str, min_level: u8) -> markdown::Rendered {
        self.render_in(path, text, min_level, "")
    }

    /// Renders a Markdown text with its heading ids prefixed, for pages holding several texts.
    pub fn render_in(
        &self,
        path: &str,
        text: &str,
        min_level: u8,
        id_prefix: &str,
    ) -> markdown::Rendered {
        self.with(path, |c| {
            markdown::render(
                text,
                &MarkdownContext {
                    min_level,
                    id_prefix,
                    ..*c
                },
            )
        })
    }
}

/// A fiscal year in a list.
#[derive(Debug, Clone, Serialize)]
pub struct YearItem {
    /// 令和5年度（2023年度）.
    pub label: String,
    /// 発行 line.
    pub edition: Option<String>,
    /// Link.
    pub href: String,
}

#[derive(Serialize)]
struct HomeView {
    layout: Layout,
    intro_html: String,
    latest: Option<YearItem>,
    plans: Vec<PlanItem>,
    years: Vec<YearItem>,
}

fn year_label(report: &Report, y: FiscalYear) -> String {
    y.display(report.config.era)
}

fn year_items(report: &Report, from: &str) -> Vec<YearItem> {
    report
        .years
        .iter()
        .rev()
        .map(|y| YearItem {
            label: year_label(report, y.year),
            edition: y.edition.clone(),
            href: relative(from, &paths::year(y.year)),
        })
        .collect()
}

/// The home page.
pub fn home(report: &Report, cx: &SiteContext) -> Page {
    let path = paths::HOME;
    let intro = cx.render(path, &report.home.markdown);
    let latest = report.latest_year();
    let view = HomeView {
        layout: Layout::new(report, path, &report.config.title).with_toc(Vec::new()),
        intro_html: intro.html,
        latest: latest.map(|y| YearItem {
            label: year_label(report, y.year),
            edition: y.edition.clone(),
            href: relative(path, &paths::year(y.year)),
        }),
        plans: latest
            .map(|y| cx.with(path, |c| plan_items(report, y, path, c)))
            .unwrap_or_default(),
        years: year_items(report, path),
    };
    Page::new(path, "home.html", &view, &report.home.file)
}

#[derive(Serialize)]
struct YearView {
    layout: Layout,
    year_label: String,
    edition: Option<String>,
    narrative_html: String,
    plans: Vec<PlanItem>,
    plan_charts: Vec<ChartView>,
    chapters: Vec<Link>,
    meetings: Vec<MeetingItem>,
    print_href: String,
}

/// A meeting in a list.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingItem {
    /// 「第3回 さくら台市環境審議会」.
    pub title: String,
    /// 開催日.
    pub date: String,
    /// Link.
    pub href: String,
}

/// The meetings of a year as list items linked from `from`.
pub fn meeting_items(report: &Report, year: &Year, from: &str) -> Vec<MeetingItem> {
    year.meetings
        .iter()
        .map(|m| MeetingItem {
            title: super::bodies::meeting_title(report, m),
            date: m.date.display(report.config.era),
            href: relative(from, &paths::meeting(year.year, &m.slug)),
        })
        .collect()
}

/// Pages of a year in reading order, for previous/next links.
pub fn year_sequence(report: &Report, year: &Year) -> Vec<(String, String)> {
    let mut seq = vec![(paths::year(year.year), "概要".to_string())];
    for p in report.plans.iter().filter(|p| plan_active(p, year)) {
        for g in &p.goals {
            seq.push((
                paths::goal(year.year, &p.id, &g.id),
                format!("{} {}", goal_number(g), markdown::strip_marks(&g.title)),
            ));
        }
    }
    for c in &year.chapters {
        seq.push((paths::chapter(year.year, &c.slug), c.title.clone()));
    }
    seq
}

/// A year's overview page.
pub fn year(report: &Report, year: &Year, cx: &SiteContext) -> Page {
    let path = paths::year(year.year);
    let label = year_label(report, year.year);
    let title = year
        .title
        .clone()
        .unwrap_or_else(|| format!("{}の報告", year.year.label(report.config.era)));
    let narrative = cx.render(&path, &year.narrative.markdown);
    let view = YearView {
        layout: Layout::new(report, &path, &title)
            .crumbs(&path, &[])
            .year_switcher(report, &path, year.year, |y| Some(paths::year(y)))
            .neighbours(&path, cx.sequence(year.year))
            .with_toc(narrative.headings.clone()),
        year_label: label,
        edition: year.edition.clone(),
        narrative_html: narrative.html,
        plans: cx.with(&path, |c| plan_items(report, year, &path, c)),
        plan_charts: report
            .plans
            .iter()
            .filter(|p| plan_active(p, year))
            .map(|p| charts::plan_summary(report, p, year, &path))
            .collect(),
        chapters: year
            .chapters
            .iter()
            .map(|c| link(&path, &paths::chapter(year.year, &c.slug), c.title.clone()))
            .collect(),
        meetings: meeting_items(report, year, &path),
        print_href: relative(&path, &paths::print(year.year)),
    };
    let files = view.plan_charts.iter().map(ChartView::output).collect();
    Page::new(&path, "year.html", &view, &year.narrative.file).with_files(files)
}

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
fn trend_figure(
    report: &Report,
    plan: &Plan,
    ind: &crate::model::Indicator,
    upto: FiscalYear,
    from: &str,
) -> TrendFigure {
    let series = charts::trend_series(report, plan, ind, Some(upto));
    let rows = series
        .iter()
        .map(|(y, r)| TrendRow {
            year: y.year.label(report.config.era),
            target: format_value(ind, r.target),
            actual: if r.actual.is_none() {
                "未集計".into()
            } else {
                format_value(ind, r.actual)
            },
        })
        .collect();
    TrendFigure {
        name: markdown::strip_marks(&ind.name),
        unit: ind.unit.clone(),
        chart: charts::trend(report, ind, &series, Some(upto), from),
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
    /// Projects of the goal's measures.
    pub projects: Vec<ProjectRow>,
    /// 決算 year label.
    pub settled_year: String,
    /// 予算 year label.
    pub budget_year: String,
    /// Evaluation (HTML).
    pub evaluation_html: Option<String>,
    /// 今後の方向性.
    pub outlook: Option<String>,
    /// Link to the managing body.
    pub body: Option<Link>,
    /// Anchor prefix, unique within the print view.
    pub anchor: String,
    /// 達成率 of every indicator against 100 %.
    pub summary_chart: ChartView,
    /// 決算 vs 予算 of the projects.
    pub budget_chart: Option<ChartView>,
}

impl GoalContent {
    /// Every chart of the goal, as files.
    pub fn chart_files(&self) -> Vec<OutputFile> {
        std::iter::once(&self.summary_chart)
            .chain(&self.budget_chart)
            .chain(
                self.measures
                    .iter()
                    .flat_map(|m| m.trends.iter().map(|t| &t.chart)),
            )
            .map(ChartView::output)
            .collect()
    }
}

/// The goal's content for a year, rendered for the page at `from`.
pub fn goal_content(
    report: &Report,
    plan: &Plan,
    goal: &crate::model::Goal,
    year: &Year,
    from: &str,
    cx: &SiteContext,
    level: u8,
) -> (GoalContent, Vec<Heading>) {
    let anchor_prefix = format!("{}-{}", paths::segment(&plan.id), paths::segment(&goal.id));
    let measures: Vec<MeasureView> = goal
        .measures
        .iter()
        .map(|m| MeasureView {
            id: m.id.clone(),
            anchor: format!("m-{anchor_prefix}-{}", paths::segment(&m.id)),
            title_html: cx.with(from, |c| render_inline(&m.title, c)),
            title_text: m.title.clone(),
            department: m.department.clone(),
            description_html: m.description.as_ref().map(|d| cx.render(from, d).html),
            indicators: m
                .indicators
                .iter()
                .map(|i| {
                    cx.with(from, |c| {
                        indicator_row(report, plan, &m.id, i, year, from, c)
                    })
                })
                .collect(),
            trends: m
                .indicators
                .iter()
                .map(|i| trend_figure(report, plan, i, year.year, from))
                .collect(),
        })
        .collect();
    let projects: Vec<ProjectRow> = year
        .projects
        .iter()
        .filter(|p| p.plan == plan.id && goal.measures.iter().any(|m| m.id == p.measure))
        .map(|p| project_row(report, p))
        .collect();
    let evaluation = year.evaluation(&plan.id, &goal.id);
    let eval_prefix = if level > 2 {
        format!("{anchor_prefix}-")
    } else {
        String::new()
    };
    let eval_rendered =
        evaluation.map(|e| cx.render_in(from, &e.doc.markdown, level + 1, &eval_prefix));
    let mut headings: Vec<Heading> = measures
        .iter()
        .map(|m| Heading {
            level: 2,
            id: m.anchor.clone(),
            text: format!("施策 {} {}", m.id, markdown::strip_marks(&m.title_text)),
        })
        .collect();
    if !projects.is_empty() {
        headings.push(Heading {
            level: 2,
            id: format!("projects-{anchor_prefix}"),
            text: "主な事業".into(),
        });
    }
    if let Some(r) = &eval_rendered {
        headings.push(Heading {
            level: 2,
            id: format!("evaluation-{anchor_prefix}"),
            text: "評価".into(),
        });
        headings.extend(r.headings.iter().cloned().map(|mut h| {
            h.level += 1;
            h
        }));
    }
    let content = GoalContent {
        number: goal_number(goal),
        title_html: cx.with(from, |c| render_inline(&goal.title, c)),
        title_text: markdown::strip_marks(&goal.title),
        plan_title: plan.title.clone(),
        description_html: goal.description.as_ref().map(|d| cx.render(from, d).html),
        summary: summary_view(report, plan, goal, year),
        measures,
        projects,
        settled_year: format!("{}決算", year.year.label(report.config.era)),
        budget_year: format!(
            "{}予算",
            crate::era::FiscalYear(year.year.0 + 1).label(report.config.era)
        ),
        evaluation_html: eval_rendered.map(|r| r.html),
        outlook: evaluation
            .and_then(|e| e.outlook)
            .map(|o| o.label().to_string()),
        body: plan
            .body
            .as_deref()
            .and_then(|b| report.body(b))
            .map(|b| link(from, &paths::body(&b.id), b.name.clone())),
        summary_chart: charts::goal_summary(report, plan, goal, year, from),
        budget_chart: charts::budgets(report, plan, goal, year, from),
        anchor: anchor_prefix,
    };
    (content, headings)
}

#[derive(Serialize)]
struct GoalView {
    layout: Layout,
    goal: GoalContent,
}

/// A goal's page for a year.
pub fn goal(
    report: &Report,
    plan: &Plan,
    goal: &crate::model::Goal,
    year: &Year,
    cx: &SiteContext,
) -> Page {
    let path = paths::goal(year.year, &plan.id, &goal.id);
    let (content, headings) = goal_content(report, plan, goal, year, &path, cx, 2);
    let title = format!("{} {}", content.number, markdown::strip_marks(&goal.title));
    let year_path = paths::year(year.year);
    let year_crumb = format!("{}の報告", year.year.label(report.config.era));
    let plan_id = plan.id.clone();
    let goal_id = goal.id.clone();
    let view = GoalView {
        layout: Layout::new(report, &path, &title)
            .crumbs(&path, &[(year_crumb.as_str(), year_path.as_str())])
            .year_switcher(report, &path, year.year, |y| {
                report
                    .year(y)
                    .filter(|yy| plan_active(plan, yy))
                    .map(|_| paths::goal(y, &plan_id, &goal_id))
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
    Page::new(&path, "goal.html", &view, &source).with_files(files)
}

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

/// An indicator's page: every year in one table.
pub fn indicator(
    report: &Report,
    plan: &Plan,
    goal: &crate::model::Goal,
    measure: &crate::model::Measure,
    ind: &crate::model::Indicator,
    cx: &SiteContext,
) -> Page {
    let path = paths::indicator(&ind.id);
    let era = report.config.era;
    let series = charts::trend_series(report, plan, ind, None);
    let rows = series
        .iter()
        .map(|(y, r)| {
            let row = cx.with(&path, |c| {
                row_from_result(report, plan, &measure.id, ind, y, r, &path, c)
            });
            IndicatorYearRow {
                year: y.year.display(era),
                href: relative(&path, &paths::goal(y.year, &plan.id, &goal.id)),
                target: row.target,
                actual: row.actual,
                rate: row.rate,
                rate_given: row.rate_given,
                grade: row.grade,
                change: row.change,
                note: row.note,
                not_collected: row.not_collected,
            }
        })
        .collect();
    let with_year = |yv: Option<crate::model::YearValue>| {
        yv.map(|v| {
            format!(
                "{}{}（{}）",
                format_value(ind, Some(v.value)),
                ind.unit,
                v.year.display(era)
            )
        })
        .unwrap_or_else(|| "—".into())
    };
    let latest_goal_year = series.last().map(|(y, _)| y.year).unwrap_or(plan.period.0);
    let name = markdown::strip_marks(&ind.name);
    let view = IndicatorView {
        chart: charts::trend(report, ind, &series, None, &path),
        layout: Layout::new(report, &path, &name).crumbs(
            &path,
            &[(
                format!(
                    "{} {}",
                    goal_number(goal),
                    markdown::strip_marks(&goal.title)
                )
                .as_str(),
                paths::goal(latest_goal_year, &plan.id, &goal.id).as_str(),
            )],
        ),
        name_html: cx.with(&path, |c| render_inline(&ind.name, c)),
        unit: ind.unit.clone(),
        direction: direction_words(ind.direction).into(),
        kind: match ind.kind {
            crate::model::IndicatorKind::Level => "各年度の値".into(),
            crate::model::IndicatorKind::Cumulative => "累計値（計画期間の積み上げ）".into(),
        },
        formula: match (ind.rate, ind.direction) {
            (crate::model::RateFormula::Ratio, crate::model::Direction::Up) => {
                "実績値 ÷ 目標値 × 100".into()
            }
            (crate::model::RateFormula::Ratio, crate::model::Direction::Down) => {
                "目標値 ÷ 実績値 × 100".into()
            }
            (crate::model::RateFormula::Progress, _) => {
                "（実績値 − 基準値）÷（目標値 − 基準値）× 100".into()
            }
        },
        definition: ind.definition.clone(),
        source: ind.source.clone(),
        plan: plan.title.clone(),
        goal: link(
            &path,
            &paths::goal(latest_goal_year, &plan.id, &goal.id),
            format!(
                "{} {}",
                goal_number(goal),
                markdown::strip_marks(&goal.title)
            ),
        ),
        measure: format!("{} {}", measure.id, markdown::strip_marks(&measure.title)),
        department: measure.department.clone(),
        baseline: with_year(ind.baseline),
        final_target: with_year(ind.target),
        per_year: ind
            .per_year
            .map(|p| format!("毎年度 {}{}", crate::num::format_plain(p), ind.unit)),
        rows,
    };
    let files = vec![view.chart.output()];
    Page::new(&path, "indicator.html", &view, &plan.file).with_files(files)
}

#[derive(Serialize)]
struct ChapterView {
    layout: Layout,
    body_html: String,
}

/// A chapter page.
pub fn chapter(report: &Report, year: &Year, ch: &Chapter, cx: &SiteContext) -> Page {
    let path = paths::chapter(year.year, &ch.slug);
    let rendered = cx.render(&path, &ch.doc.markdown);
    let year_path = paths::year(year.year);
    let year_crumb = format!("{}の報告", year.year.label(report.config.era));
    let slug = ch.slug.clone();
    let view = ChapterView {
        layout: Layout::new(report, &path, &ch.title)
            .crumbs(&path, &[(year_crumb.as_str(), year_path.as_str())])
            .year_switcher(report, &path, year.year, |y| {
                cx.has_chapter(y, &slug).then(|| paths::chapter(y, &slug))
            })
            .neighbours(&path, cx.sequence(year.year))
            .with_toc(rendered.headings),
        body_html: strip_leading_h2(&rendered.html, &ch.title),
    };
    Page::new(&path, "chapter.html", &view, &ch.doc.file)
}

/// The page's `<h1>` already carries the title; drop a first heading that repeats it.
fn strip_leading_h2(html: &str, title: &str) -> String {
    if let Some(rest) = html.strip_prefix("<h2")
        && let Some(end) = rest.find("</h2>\n")
        && rest[..end].ends_with(&format!(">{title}"))
    {
        return rest[end + 6..].to_string();
    }
    html.to_string()
}

#[derive(Serialize)]
struct GlossaryItem {
    term: String,
    id: String,
    definition: String,
}

#[derive(Serialize)]
struct GlossaryView {
    layout: Layout,
    entries: Vec<GlossaryItem>,
}

fn glossary_items(report: &Report) -> Vec<GlossaryItem> {
    report
        .glossary
        .iter()
        .map(|g| GlossaryItem {
            term: g.term.clone(),
            id: anchor(&g.term),
            definition: g.definition.clone(),
        })
        .collect()
}

/// The glossary page.
pub fn glossary(report: &Report) -> Page {
    let path = paths::GLOSSARY;
    let view = GlossaryView {
        layout: Layout::new(report, path, "用語解説").crumbs(path, &[]),
        entries: glossary_items(report),
    };
    Page::new(path, "glossary.html", &view, "content/glossary.yaml")
}

#[derive(Serialize)]
struct NotFoundView {
    layout: Layout,
    years: Vec<YearItem>,
}

/// The 404 page. Servers show it at any depth, so its links are absolute from the site
/// root only where a base_url is known; otherwise relative to the root, as it is served.
pub fn not_found(report: &Report) -> Page {
    let path = paths::NOT_FOUND;
    let view = NotFoundView {
        layout: Layout::new(report, path, "ページが見つかりません").crumbs(path, &[]),
        years: year_items(report, path),
    };
    Page::new(path, "404.html", &view, "book.toml")
}

#[derive(Serialize)]
struct PrintGoal {
    goal: GoalContent,
}

#[derive(Serialize)]
struct PrintChapter {
    id: String,
    title: String,
    body_html: String,
}

#[derive(Serialize)]
struct PrintView {
    layout: Layout,
    year_label: String,
    edition: Option<String>,
    published: Option<String>,
    narrative_html: String,
    plans: Vec<PlanItem>,
    goals: Vec<PrintGoal>,
    chapters: Vec<PrintChapter>,
    meetings: Vec<MeetingItem>,
    glossary: Vec<GlossaryItem>,
    web_href: String,
}

/// The whole year's report on one page, for printing.
pub fn print(report: &Report, year: &Year, cx: &SiteContext) -> Page {
    let path = paths::print(year.year);
    let title = format!("{}の報告（印刷用）", year.year.label(report.config.era));
    let narrative = cx.render(&path, &year.narrative.markdown);
    let goals = report
        .plans
        .iter()
        .filter(|p| plan_active(p, year))
        .flat_map(|p| p.goals.iter().map(move |g| (p, g)))
        .map(|(p, g)| PrintGoal {
            goal: goal_content(report, p, g, year, &path, cx, 3).0,
        })
        .collect();
    let chapters = year
        .chapters
        .iter()
        .map(|c| PrintChapter {
            id: format!("ch-{}", paths::segment(&c.slug)),
            title: c.title.clone(),
            body_html: strip_leading_h2(
                &cx.render_in(
                    &path,
                    &c.doc.markdown,
                    3,
                    &format!("ch-{}-", paths::segment(&c.slug)),
                )
                .html,
                &c.title,
            ),
        })
        .collect();
    let year_path = paths::year(year.year);
    let year_crumb = format!("{}の報告", year.year.label(report.config.era));
    let view = PrintView {
        layout: Layout::new(report, &path, &title)
            .crumbs(&path, &[(year_crumb.as_str(), year_path.as_str())])
            .year_switcher(report, &path, year.year, |y| Some(paths::print(y))),
        year_label: year_label(report, year.year),
        edition: year.edition.clone(),
        published: year.published.map(|d| d.display(report.config.era)),
        narrative_html: narrative.html,
        plans: cx.with(&path, |c| plan_items(report, year, &path, c)),
        goals,
        chapters,
        meetings: meeting_items(report, year, &path),
        glossary: glossary_items(report),
        web_href: relative(&path, &year_path),
    };
    Page::new(&path, "print.html", &view, &year.narrative.file)
}
