//! The page registry: every page a site has, by kind, with the documents whose Markdown it
//! shows. A full build renders every job; `serve` re-renders the jobs that show an edited
//! document. Both read this one list, so the preview cannot drift from a build.

use super::pages::{self, SiteContext};
use super::{OutputFile, Page, bodies, paths};
use crate::diag::Diagnostic;
use crate::evaluate::Evaluation;
use crate::model::Report;

/// A content document whose Markdown body pages show, by its place in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// content/index.md.
    Home,
    /// A body's file, by index in `report.bodies`.
    Body(usize),
    /// A year's index.md, by index in `report.years`.
    Year(usize),
    /// A goal's evaluation: year index, index in the year's evaluations.
    Evaluation(usize, usize),
    /// A meeting: year index, index in the year's meetings.
    Meeting(usize, usize),
    /// A chapter: year index, index in the year's chapters.
    Chapter(usize, usize),
}

/// One page of the site, by kind, with indices into the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageJob {
    /// The home page.
    Home,
    /// The 404 page.
    NotFound,
    /// The open data page.
    Data,
    /// The glossary.
    Glossary,
    /// A year's overview.
    Year(usize),
    /// A year's print view.
    Print(usize),
    /// A goal's page in a year its plan is active.
    Goal {
        /// Year index.
        year: usize,
        /// Plan index.
        plan: usize,
        /// Goal index in the plan.
        goal: usize,
    },
    /// A year's chapter.
    Chapter {
        /// Year index.
        year: usize,
        /// Chapter index in the year.
        chapter: usize,
    },
    /// A meeting.
    Meeting {
        /// Year index.
        year: usize,
        /// Meeting index in the year.
        meeting: usize,
    },
    /// An indicator's page.
    Indicator {
        /// Plan index.
        plan: usize,
        /// Goal index in the plan.
        goal: usize,
        /// Measure index in the goal.
        measure: usize,
        /// Indicator index in the measure.
        indicator: usize,
    },
    /// A year's 環境の現況.
    MonitoringYear(usize),
    /// A monitoring group's page in a year.
    MonitoringGroup {
        /// Year index.
        year: usize,
        /// Group index in `report.monitoring.groups`.
        group: usize,
    },
    /// A monitoring site's page, by index in `report.monitoring.sites`.
    MonitoringSite(usize),
    /// The 推進体制 overview with its diagram.
    Bodies,
    /// A body's page.
    Body(usize),
}

/// Every page of the site, in a fixed order.
pub fn page_jobs(report: &Report, ev: &Evaluation) -> Vec<PageJob> {
    let mut jobs = vec![PageJob::Home, PageJob::NotFound];
    if !report.years.is_empty() {
        jobs.push(PageJob::Data);
    }
    if !report.glossary.is_empty() {
        jobs.push(PageJob::Glossary);
    }
    for (yi, y) in report.years.iter().enumerate() {
        jobs.push(PageJob::Year(yi));
        jobs.push(PageJob::Print(yi));
        for (pi, p) in report.plans.iter().enumerate() {
            if ev.plan_active(&p.id, y.year) {
                jobs.extend((0..p.goals.len()).map(|gi| PageJob::Goal {
                    year: yi,
                    plan: pi,
                    goal: gi,
                }));
            }
        }
        jobs.extend((0..y.chapters.len()).map(|ci| PageJob::Chapter {
            year: yi,
            chapter: ci,
        }));
        jobs.extend((0..y.meetings.len()).map(|mi| PageJob::Meeting {
            year: yi,
            meeting: mi,
        }));
        jobs.extend(monitoring_jobs(report, yi));
    }
    for (pi, p) in report.plans.iter().enumerate() {
        for (gi, g) in p.goals.iter().enumerate() {
            for (mi, m) in g.measures.iter().enumerate() {
                jobs.extend((0..m.indicators.len()).map(|ii| PageJob::Indicator {
                    plan: pi,
                    goal: gi,
                    measure: mi,
                    indicator: ii,
                }));
            }
        }
    }
    let mon = &report.monitoring;
    jobs.extend(
        mon.sites
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                mon.years
                    .iter()
                    .any(|y| y.readings.values().any(|r| r.contains_key(&s.id)))
            })
            .map(|(i, _)| PageJob::MonitoringSite(i)),
    );
    if !report.bodies.is_empty() {
        jobs.push(PageJob::Bodies);
        jobs.extend((0..report.bodies.len()).map(PageJob::Body));
    }
    jobs
}

/// A year's 環境の現況 and its groups' pages, when the year has monitoring data.
fn monitoring_jobs(report: &Report, yi: usize) -> Vec<PageJob> {
    let mon = &report.monitoring;
    let y = report.years[yi].year;
    if !mon.has_data(y) {
        return Vec::new();
    }
    let mut jobs = vec![PageJob::MonitoringYear(yi)];
    jobs.extend(
        mon.groups
            .iter()
            .enumerate()
            .filter(|(_, g)| mon.group_has_data(&g.id, y))
            .map(|(gi, _)| PageJob::MonitoringGroup {
                year: yi,
                group: gi,
            }),
    );
    jobs
}

impl PageJob {
    /// Whether the page shows the Markdown body of `doc`.
    pub fn shows(&self, report: &Report, doc: Doc) -> bool {
        match (*self, doc) {
            (PageJob::Home, Doc::Home) => true,
            (PageJob::Body(b), Doc::Body(d)) => b == d,
            (PageJob::Year(y), Doc::Year(d)) => y == d,
            // The print view holds the year's narrative, every goal's evaluation and every
            // chapter.
            (PageJob::Print(y), Doc::Year(d) | Doc::Evaluation(d, _) | Doc::Chapter(d, _)) => {
                y == d
            }
            (PageJob::Goal { year, plan, goal }, Doc::Evaluation(d, e)) => {
                let (p, ev) = (&report.plans[plan], &report.years[d].evaluations[e]);
                year == d && ev.plan == p.id && ev.goal == p.goals[goal].id
            }
            (PageJob::Chapter { year, chapter }, Doc::Chapter(d, c)) => (year, chapter) == (d, c),
            (PageJob::Meeting { year, meeting }, Doc::Meeting(d, m)) => (year, meeting) == (d, m),
            _ => false,
        }
    }

    /// Builds the page.
    pub fn render(&self, cx: &SiteContext) -> Result<Page, Diagnostic> {
        let report = cx.report;
        match *self {
            PageJob::Home => pages::home::home(cx),
            PageJob::NotFound => pages::not_found::not_found(cx),
            PageJob::Data => pages::data::data_page(cx),
            PageJob::Glossary => pages::glossary::glossary(report),
            PageJob::Year(y) => pages::year::year(cx, &report.years[y]),
            PageJob::Print(y) => pages::print::print(cx, &report.years[y]),
            PageJob::Goal { year, plan, goal } => {
                let (y, p) = (&report.years[year], &report.plans[plan]);
                let g = &p.goals[goal];
                let summary = cx.ev.goal(&p.id, &g.id, y.year).ok_or_else(|| {
                    super::not_evaluated(&p.file, &format!("{}:{} {}", p.id, g.id, y.year))
                })?;
                pages::goal::goal(cx, p, g, summary, y)
            }
            PageJob::Chapter { year, chapter } => {
                let y = &report.years[year];
                pages::chapter::chapter(cx, y, &y.chapters[chapter])
            }
            PageJob::Meeting { year, meeting } => {
                let y = &report.years[year];
                bodies::meeting(cx, y, &y.meetings[meeting])
            }
            PageJob::Indicator {
                plan,
                goal,
                measure,
                indicator,
            } => {
                let p = &report.plans[plan];
                let g = &p.goals[goal];
                let m = &g.measures[measure];
                pages::indicator::indicator(cx, p, g, m, &m.indicators[indicator])
            }
            PageJob::Bodies => {
                // Drawn once: inline on the page and, as the page's file, for download.
                let svg = super::promotion_diagram(report);
                let file = OutputFile {
                    path: paths::DIAGRAM.into(),
                    bytes: crate::chart::standalone(&svg).into_bytes(),
                };
                Ok(bodies::bodies(cx, Some((svg, paths::DIAGRAM.to_string())))?
                    .with_files(vec![file]))
            }
            PageJob::Body(b) => bodies::body(cx, &report.bodies[b]),
            PageJob::MonitoringYear(y) => {
                pages::monitoring::year::monitoring_year(cx, report.years[y].year)
            }
            PageJob::MonitoringGroup { year, group } => pages::monitoring::group::group_page(
                cx,
                report.years[year].year,
                &report.monitoring.groups[group],
            ),
            PageJob::MonitoringSite(s) => {
                pages::monitoring::site::site_page(cx, &report.monitoring.sites[s])
            }
        }
    }
}
