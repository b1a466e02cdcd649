//! The report's pages, one file per kind: home, each year's overview, goal, indicator and
//! chapter pages, the print view, the open data page, the glossary and the 404 page (the
//! governance pages are in [`super::bodies`]). Each builder reads the report and its
//! evaluation through a [`SiteContext`] and returns a page to render; which pages a site has
//! is decided in one place, [`super::registry`].

pub mod chapter;
pub mod data;
pub mod glossary;
pub mod goal;
pub mod home;
pub mod indicator;
pub mod monitoring;
pub mod not_found;
pub mod print;
pub mod year;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::paths::{self, relative};
use super::views::goal_number;
use crate::diag::Lang;
use crate::era::FiscalYear;
use crate::evaluate::Evaluation;
use crate::format::Formatter;
use crate::markdown::{self, MarkdownContext};
use crate::model::{Report, Year};
use crate::tr;

/// What every page builder shares, computed once per build: the report, its evaluation, the
/// formatter, glossary terms for Markdown, each year's reading order and which chapters
/// exist in which year.
pub struct SiteContext<'a> {
    /// The report.
    pub report: &'a Report,
    /// Its evaluation: every target, rate and grade pages show.
    pub ev: &'a Evaluation,
    /// Spells every figure.
    pub fmt: Formatter,
    /// Charts drawn so far in this build.
    pub charts: super::charts::ChartCache,
    terms: Vec<&'a str>,
    sequences: HashMap<FiscalYear, Vec<(String, String)>>,
    chapters: HashSet<(FiscalYear, &'a str)>,
}

impl<'a> SiteContext<'a> {
    /// Prepares the shared parts of a build.
    pub fn new(report: &'a Report, ev: &'a Evaluation) -> SiteContext<'a> {
        SiteContext {
            report,
            ev,
            fmt: Formatter::for_report(report),
            charts: Default::default(),
            terms: report.glossary.iter().map(|g| g.term.as_str()).collect(),
            sequences: report
                .years
                .iter()
                .map(|y| (y.year, year_sequence(report, ev, y)))
                .collect(),
            chapters: report
                .years
                .iter()
                .flat_map(|y| y.chapters.iter().map(move |c| (y.year, c.slug.as_str())))
                .collect(),
        }
    }

    /// The report's language.
    pub fn lang(&self) -> Lang {
        self.report.config.lang
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
            lang: self.lang(),
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

    /// 「令和3年度の報告」: a year's overview in breadcrumbs.
    pub fn year_crumb(&self, year: FiscalYear) -> String {
        tr!(
            self.lang(),
            words.year_report,
            year = self.fmt.year_label(year)
        )
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

impl YearItem {
    /// A year linked from the page `from`.
    pub fn of(cx: &SiteContext, y: &Year, from: &str) -> YearItem {
        YearItem {
            label: cx.fmt.year(y.year),
            edition: y.edition.clone(),
            href: relative(from, &paths::year(y.year)),
        }
    }
}

/// Every year, newest first, linked from the page `from`.
pub fn year_items(cx: &SiteContext, from: &str) -> Vec<YearItem> {
    cx.report
        .years
        .iter()
        .rev()
        .map(|y| YearItem::of(cx, y, from))
        .collect()
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
            date: Formatter::new(&report.config).date(m.date),
            href: relative(from, &paths::meeting(year.year, &m.slug)),
        })
        .collect()
}

/// Pages of a year in reading order, for previous/next links.
pub fn year_sequence(report: &Report, ev: &Evaluation, year: &Year) -> Vec<(String, String)> {
    let lang = report.config.lang;
    let mut seq = vec![(
        paths::year(year.year),
        lang.text().words.overview.to_string(),
    )];
    for p in report
        .plans
        .iter()
        .filter(|p| ev.plan_active(&p.id, year.year))
    {
        for g in &p.goals {
            seq.push((
                paths::goal(year.year, &p.id, &g.id),
                format!(
                    "{} {}",
                    goal_number(lang, g),
                    markdown::strip_marks(&g.title)
                ),
            ));
        }
    }
    for c in &year.chapters {
        seq.push((paths::chapter(year.year, &c.slug), c.title.clone()));
    }
    seq.extend(monitoring_sequence(report, year.year));
    seq
}

/// The year's 環境の現況 and its groups, in reading order.
fn monitoring_sequence(report: &Report, year: FiscalYear) -> Vec<(String, String)> {
    let mon = &report.monitoring;
    if !mon.has_data(year) {
        return Vec::new();
    }
    let lang = report.config.lang;
    let mut seq = vec![(
        paths::monitoring(year),
        lang.text().mon.page.title.to_string(),
    )];
    seq.extend(mon.groups_in(year).map(|g| {
        (
            paths::monitoring_group(year, &g.id),
            crate::tr!(lang, mon.words.group_title, group = g.name),
        )
    }));
    seq
}

/// The page's `<h1>` already carries the title; drop a first heading that repeats it.
pub fn strip_leading_h2(html: &str, title: &str) -> String {
    if let Some(rest) = html.strip_prefix("<h2")
        && let Some(end) = rest.find("</h2>\n")
        && rest[..end].ends_with(&format!(">{title}"))
    {
        return rest[end + 6..].to_string();
    }
    html.to_string()
}
