//! What every page carries, as city pages do: breadcrumbs, the year switcher, previous/next,
//! a table of contents, 更新日, the お問い合わせ先 block and the ご意見 link.

use serde::Serialize;

use super::paths::{self, relative};
use crate::era::FiscalYear;
use crate::markdown::Heading;
use crate::model::Report;
use crate::tr;

/// A link as templates use it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    /// Visible text.
    pub label: String,
    /// Relative href.
    pub href: String,
}

/// One entry of the year switcher.
#[derive(Debug, Clone, Serialize)]
pub struct YearLink {
    /// 令和5年度.
    pub label: String,
    /// The same page in that year, when it exists.
    pub href: Option<String>,
    /// The page's own year.
    pub current: bool,
}

/// The frame around a page's content.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// `lang` attribute.
    pub lang: String,
    /// Report title.
    pub site_title: String,
    /// The line under the title (`subtitle` in book.toml).
    pub site_subtitle: Option<String>,
    /// Publisher.
    pub organization: String,
    /// The page's `<h1>`.
    pub title: String,
    /// The `<title>`: page, then report.
    pub head_title: String,
    /// Link to the site root's index.html.
    pub home_href: String,
    /// Link to the stylesheet.
    pub css_href: String,
    /// Top navigation.
    pub nav: Vec<Link>,
    /// Breadcrumbs before the current page.
    pub breadcrumbs: Vec<Link>,
    /// Years to switch to.
    pub years: Vec<YearLink>,
    /// Previous page within the year.
    pub prev: Option<Link>,
    /// Next page within the year.
    pub next: Option<Link>,
    /// Table of contents (long pages only).
    pub toc: Vec<Heading>,
    /// 更新日 in words.
    pub updated: Option<String>,
    /// 更新日 as yyyy-mm-dd.
    pub updated_iso: Option<String>,
    /// お問い合わせ先, line by line.
    pub contact: Vec<String>,
    /// ご意見 link.
    pub feedback_url: Option<String>,
    /// The address of this page on the public site.
    pub canonical: Option<String>,
    /// The year's print view, on pages of a year.
    pub print_href: Option<String>,
}

/// Headings needed before a page gets a table of contents.
const TOC_MIN_HEADINGS: usize = 4;

impl Layout {
    /// The frame for the page at `path` (site-relative).
    pub fn new(report: &Report, path: &str, title: &str) -> Layout {
        let c = &report.config;
        let fmt = crate::format::Formatter::new(c);
        let text = c.lang.text();
        let w = &text.words;
        let latest = report.latest_year();
        let nav_items: Vec<(String, String)> = [
            Some((w.home.to_string(), paths::HOME.to_string())),
            latest.map(|y| {
                (
                    tr!(c.lang, words.year_report, year = fmt.year_label(y.year)),
                    paths::year(y.year),
                )
            }),
            (!report.bodies.is_empty()).then(|| (w.bodies.to_string(), paths::BODIES.to_string())),
            (!report.glossary.is_empty())
                .then(|| (text.page.glossary.to_string(), paths::GLOSSARY.to_string())),
            (!report.years.is_empty()).then(|| (w.open_data.to_string(), paths::DATA.to_string())),
        ]
        .into_iter()
        .flatten()
        .collect();
        let head_title = if path == paths::HOME {
            c.title.clone()
        } else {
            tr!(c.lang, words.head_title, title = title, site = c.title)
        };
        let updated = latest.and_then(|y| y.published);
        Layout {
            lang: c.language.clone(),
            site_title: c.title.clone(),
            site_subtitle: c.subtitle.clone(),
            organization: c.organization.clone(),
            title: title.to_string(),
            head_title,
            home_href: relative(path, paths::HOME),
            css_href: relative(path, paths::CSS),
            nav: nav_items
                .into_iter()
                .map(|(label, to)| Link {
                    label,
                    href: relative(path, &to),
                })
                .collect(),
            breadcrumbs: Vec::new(),
            years: Vec::new(),
            prev: None,
            next: None,
            toc: Vec::new(),
            updated: updated.map(|d| fmt.date(d)),
            updated_iso: updated.map(|d| d.iso()),
            contact: c
                .contact
                .as_deref()
                .map(|t| t.lines().map(str::to_string).collect())
                .unwrap_or_default(),
            feedback_url: c.feedback_url.clone(),
            canonical: c.base_url.as_ref().map(|b| {
                format!(
                    "{}/{}",
                    b.trim_end_matches('/'),
                    path.trim_end_matches("index.html")
                )
            }),
            print_href: None,
        }
    }

    /// Adds breadcrumbs (home first, the page itself excluded).
    pub fn crumbs(mut self, path: &str, items: &[(&str, &str)]) -> Layout {
        let home = crate::i18n::Lang::from_code(&self.lang).text().words.home;
        self.breadcrumbs = std::iter::once((home, paths::HOME))
            .chain(items.iter().copied())
            .map(|(label, to)| Link {
                label: label.to_string(),
                href: relative(path, to),
            })
            .collect();
        self
    }

    /// A year switcher: `target(year)` is the same page in another year, if it exists.
    pub fn year_switcher(
        mut self,
        report: &Report,
        path: &str,
        current: FiscalYear,
        target: impl Fn(FiscalYear) -> Option<String>,
    ) -> Layout {
        let fmt = crate::format::Formatter::new(&report.config);
        self.years = report
            .years
            .iter()
            .map(|y| YearLink {
                label: fmt.year_label(y.year),
                href: target(y.year).map(|t| relative(path, &t)),
                current: y.year == current,
            })
            .collect();
        self.print_href = Some(relative(path, &paths::print(current)));
        if let Some(d) = report.year(current).and_then(|y| y.published) {
            self.updated = Some(fmt.date(d));
            self.updated_iso = Some(d.iso());
        }
        self
    }

    /// Previous and next pages within a sequence.
    pub fn neighbours(mut self, path: &str, seq: &[(String, String)]) -> Layout {
        if let Some(i) = seq.iter().position(|(p, _)| p == path) {
            let link = |(p, l): &(String, String)| Link {
                label: l.clone(),
                href: relative(path, p),
            };
            self.prev = i.checked_sub(1).map(|j| link(&seq[j]));
            self.next = seq.get(i + 1).map(link);
        }
        self
    }

    /// A table of contents from the headings, when the page is long enough to need one.
    pub fn with_toc(mut self, headings: Vec<Heading>) -> Layout {
        if headings.len() >= TOC_MIN_HEADINGS {
            self.toc = headings.into_iter().filter(|h| h.level <= 3).collect();
        }
        self
    }
}
