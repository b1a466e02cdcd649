//! The print view: the whole year's report on one page, for printing to A4.

use serde::Serialize;

use super::glossary::{GlossaryItem, glossary_items};
use super::goal::{GoalContent, goal_content};
use super::{MeetingItem, SiteContext, meeting_items, strip_leading_h2};
use crate::diag::Diagnostic;
use crate::model::Year;
use crate::site::Page;
use crate::site::layout::Layout;
use crate::site::paths::{self, relative};
use crate::site::views::{PlanItem, plan_items};

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
    /// 環境の現況: every group of the year.
    monitoring: Vec<super::monitoring::group::GroupContent>,
}

/// Every goal of the plans active in the year, as the goal pages show them.
fn print_goals(cx: &SiteContext, year: &Year, path: &str) -> Result<Vec<PrintGoal>, Diagnostic> {
    let mut goals = Vec::new();
    for p in &cx.report.plans {
        let Some(py) = cx.ev.plan(&p.id, year.year) else {
            continue;
        };
        for (g, summary) in p.goals.iter().zip(&py.goals) {
            let (goal, _) = goal_content(cx, p, g, summary, year, path, 3)?;
            goals.push(PrintGoal { goal });
        }
    }
    Ok(goals)
}

/// The whole year's report on one page, for printing.
pub fn print(cx: &SiteContext, year: &Year) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let path = paths::print(year.year);
    let title = crate::tr!(
        cx.lang(),
        words.print_title,
        title = cx.year_crumb(year.year)
    );
    let narrative = cx.render(&path, &year.narrative.markdown);
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
    let year_crumb = cx.year_crumb(year.year);
    let view = PrintView {
        layout: Layout::new(report, &path, &title)
            .crumbs(&path, &[(year_crumb.as_str(), year_path.as_str())])
            .year_switcher(report, &path, year.year, |y| Some(paths::print(y))),
        year_label: cx.fmt.year(year.year),
        edition: year.edition.clone(),
        published: year.published.map(|d| cx.fmt.date(d)),
        narrative_html: narrative.html,
        plans: cx.with(&path, |c| plan_items(cx, year, &path, c)),
        goals: print_goals(cx, year, &path)?,
        chapters,
        meetings: meeting_items(report, year, &path),
        glossary: glossary_items(report),
        web_href: relative(&path, &year_path),
        monitoring: report
            .monitoring
            .groups_in(year.year)
            .map(|g| {
                let prefix = format!("mon-{}-", paths::segment(&g.id));
                super::monitoring::group::group_content(cx, year.year, g, &path, &prefix)
            })
            .collect(),
    };
    Page::new(&path, "print.html", &view, &year.narrative.file)
}
