//! Incremental rebuilds for a year's actuals.yaml, the file editors save most: the file is
//! read again on its own, the report evaluated again (milliseconds), and only the pages
//! that show an indicator whose evaluation changed are rendered again — the home page, the
//! open data page and files, and from the first changed year on the year pages, print
//! views and the pages of the goals they belong to, with the indicators' own pages. Anything the file alone
//! cannot settle (a problem in it, a warning about it, pages that would appear or go)
//! needs the full build.

use std::collections::BTreeSet;
use std::path::Path;

use super::{Built, Outcome, render_jobs, split_print_views};
use crate::diag::display_path;
use crate::era::FiscalYear;
use crate::evaluate::{Evaluation, evaluate, plausibility};
use crate::model::{Actual, Report};
use crate::site::pages::SiteContext;
use crate::site::registry::{self, PageJob};
use crate::site::theme::Theme;

/// A year's actuals.yaml as saved, read on its own.
pub(crate) struct ActualsEdit {
    year: usize,
    rel: String,
    text: String,
    actuals: Vec<(String, Actual)>,
}

/// The edit a changed path makes to a year's actuals: `Some(None)` when its text is as
/// built, `None` when the path is no actuals.yaml of the model or needs the full build.
pub(crate) fn actuals_edit(root: &Path, built: &Built, path: &Path) -> Option<Option<ActualsEdit>> {
    let rel = display_path(root, path);
    let report = &built.report;
    let year = report
        .years
        .iter()
        .position(|y| y.actuals_file.as_deref() == Some(rel.as_str()))?;
    if path.is_symlink() {
        return None;
    }
    let old = built.warnings.source(&rel)?;
    let text = crate::source::read_text(path, &rel, report.config.lang).ok()?;
    if text == old {
        return Some(None);
    }
    // A warning about the file as built may be gone now: only a full check can say.
    if built.warnings.sorted().iter().any(|d| d.file == rel) {
        return None;
    }
    let actuals = crate::content::resolve::reread_actuals(report, year, &rel, &text)?;
    Some(Some(ActualsEdit {
        year,
        rel,
        text,
        actuals,
    }))
}

/// Applies an edit of a year's actuals to `built`.
pub(crate) fn apply_actuals(root: &Path, built: &mut Built, edit: ActualsEdit) -> Outcome {
    let mut report = built.report.clone();
    report.years[edit.year].actuals = edit.actuals;
    let Ok(ev) = evaluate(&report) else {
        return Outcome::NeedsFull;
    };
    if plausibility(&report, &ev).sorted()
        != plausibility(&built.report, &built.evaluation).sorted()
        || registry::page_jobs(&report, &ev)
            != registry::page_jobs(&built.report, &built.evaluation)
    {
        return Outcome::NeedsFull;
    }
    let (ids, from) = changed(&built.evaluation, &ev, &report);
    let Some(from) = from else {
        // A comment or a spelling that reads the same: nothing shown changed.
        keep(built, report, ev, &edit.rel, &edit.text);
        return Outcome::Unchanged;
    };
    let Ok(theme) = Theme::load(root, &report.config.theme, report.config.lang) else {
        return Outcome::NeedsFull;
    };
    let jobs: Vec<PageJob> = registry::page_jobs(&report, &ev)
        .into_iter()
        .filter(|j| shows(*j, &report, &ids, from))
        .collect();
    let (later, now) = split_print_views(jobs);
    let Some(mut files) = render_jobs(built, &report, &ev, &theme, &now) else {
        return Outcome::NeedsFull;
    };
    let cx = SiteContext::new(&report, &ev);
    for y in report.years.iter().filter(|y| y.year >= from) {
        match crate::site::data::data_files(&cx, y) {
            Ok(f) => files.extend(f),
            Err(_) => return Outcome::NeedsFull,
        }
    }
    built.pending = later;
    keep(built, report, ev, &edit.rel, &edit.text);
    Outcome::Updated(files)
}

fn keep(built: &mut Built, report: Report, ev: Evaluation, rel: &str, text: &str) {
    built.report = report;
    built.evaluation = ev;
    built.warnings.add_source(rel, text);
}

/// The indicators whose evaluation changed, and the first year any of them changed in.
fn changed(
    old: &Evaluation,
    new: &Evaluation,
    report: &Report,
) -> (BTreeSet<String>, Option<FiscalYear>) {
    let mut ids = BTreeSet::new();
    let mut from: Option<FiscalYear> = None;
    for (_, _, _, ind) in report.indicators() {
        let (a, b) = (old.indicator_years(&ind.id), new.indicator_years(&ind.id));
        if a == b {
            continue;
        }
        ids.insert(ind.id.clone());
        let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let first = [a.get(same), b.get(same)]
            .into_iter()
            .flatten()
            .map(|r| r.year)
            .min();
        from = match (from, first) {
            (Some(f), Some(y)) => Some(f.min(y)),
            (f, y) => f.or(y),
        };
    }
    (ids, from)
}

/// Whether a page shows an evaluation that changed from `from` on.
fn shows(job: PageJob, report: &Report, ids: &BTreeSet<String>, from: FiscalYear) -> bool {
    let after = |y: usize| report.years[y].year >= from;
    match job {
        PageJob::Home | PageJob::Data => true,
        PageJob::Year(y) | PageJob::Print(y) | PageJob::MonitoringYear(y) => after(y),
        PageJob::Goal { year, plan, goal } => {
            let g = &report.plans[plan].goals[goal];
            after(year) && g.indicators().any(|(_, i)| ids.contains(&i.id))
        }
        PageJob::MonitoringGroup { year, .. } => after(year),
        PageJob::Indicator {
            plan,
            goal,
            measure,
            indicator,
        } => {
            let m = &report.plans[plan].goals[goal].measures[measure];
            ids.contains(&m.indicators[indicator].id)
        }
        _ => false,
    }
}
