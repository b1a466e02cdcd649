//! Evaluation, the stage between loading and rendering: [`evaluate`] walks the report once and
//! returns an [`Evaluation`] holding each indicator's target, 達成率, grade and change from the
//! previous year for every fiscal year, each goal's and plan's summary, and each project's
//! outcome rate. Pages, charts and open data only read that value; the rules themselves
//! (`rules`) are private to this module, so nothing else can compute a rate.
//!
//! Arithmetic is checked: a value too large to compute with is a content error naming the
//! file and line it came from, reported by `check` and `build` alike.

mod goals;
mod money;
mod monitoring;
mod plausible;
mod rules;
mod types;

use std::collections::HashMap;

use indexmap::IndexMap;

pub use money::{Amounts, Change, Column, Line, MoneyRow, Tally, YearMoney};
pub use monitoring::{ItemSummary, Judged, Judgement, MonitoringEval};
pub use plausible::plausibility;
pub use types::{
    Apart, Evaluation, GoalRule, GoalSummary, GradeMark, IndicatorYear, PlanYear, Rate,
    TargetSource, TargetValue, YearTarget,
};

use crate::diag::{Diagnostic, Diagnostics, Lang};
use crate::era::FiscalYear;
use crate::figure::{Number, Value};
use crate::model::{Actual, Indicator, Plan, Pos, Report, TargetGoal, Year};
use rules::Overflow;

/// The actuals.yaml entries of one year by indicator id.
type Entries<'a> = HashMap<&'a str, &'a Actual>;

/// Evaluates the whole report. Every overflow is collected, not only the first.
pub fn evaluate(report: &Report) -> Result<Evaluation, Diagnostics> {
    let entries: Vec<Entries> = report.years.iter().map(entries_of).collect();
    let mut diags = Diagnostics::default();
    let mut ev = Evaluation::default();
    for plan in &report.plans {
        let active: Vec<usize> = (0..report.years.len())
            .filter(|&yi| plan_active(plan, &report.years[yi], &entries[yi]))
            .collect();
        for goal in &plan.goals {
            for (_, ind) in goal.indicators() {
                let reduced = reduced_target(report, plan, ind, &entries, &mut diags);
                if let Some(n) = reduced {
                    ev.reduced.insert(ind.id.clone(), n);
                }
                let years = IndicatorInput {
                    report,
                    plan,
                    ind,
                    reduced,
                };
                let years = years.all(&active, &entries, &mut diags);
                ev.indicators.insert(ind.id.clone(), years);
            }
        }
        let plan_years = active
            .iter()
            .map(|&yi| {
                plan_year(
                    report,
                    plan,
                    &report.years[yi],
                    &entries[yi],
                    &ev,
                    &mut diags,
                )
            })
            .collect();
        ev.plans.insert(plan.id.clone(), plan_years);
    }
    for year in &report.years {
        let rates = year
            .projects
            .iter()
            .map(|p| {
                let o = p.outcome.as_ref()?;
                rules::outcome_rate(o, report.config.project_rate_decimals)
                    .map_err(|Overflow| diags.push(outcome_overflow(report, year, p)))
                    .ok()
            })
            .collect();
        ev.outcomes.insert(year.year, rates);
    }
    ev.monitoring = monitoring::evaluate_monitoring(&report.monitoring);
    money_years(report, &mut ev, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(ev)
}

/// The targets of a fiscal year not yet in the report (what `nenpo new-year` writes): every
/// indicator of the plans in force that year, in plan order, with its planned target.
pub fn planned_targets(
    report: &Report,
    year: FiscalYear,
) -> Result<IndexMap<String, Option<YearTarget>>, Diagnostics> {
    let mut diags = Diagnostics::default();
    let entries: Vec<Entries> = report.years.iter().map(entries_of).collect();
    let mut out = IndexMap::new();
    for (plan, _, _, ind) in report.indicators() {
        if !(plan.period.0..=plan.period.1).contains(&year) {
            continue;
        }
        let reduced = reduced_target(report, plan, ind, &entries, &mut diags);
        match rules::target_for(ind, year, None, true, reduced) {
            Ok(t) => {
                out.insert(ind.id.clone(), t);
            }
            Err(Overflow) => diags.push(target_overflow(report, plan, ind, year)),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(out)
}

/// The actuals.yaml entries of a year by indicator id.
fn entries_of(y: &Year) -> Entries<'_> {
    y.actuals.iter().map(|(id, a)| (id.as_str(), a)).collect()
}

/// The value of an indicator's reduction target: as published, else computed from the base
/// year's actual (its actuals.yaml entry, or the baseline of that year). A base year with no
/// actual is an error at the target.
fn reduced_target(
    report: &Report,
    plan: &Plan,
    ind: &Indicator,
    entries: &[Entries],
    diags: &mut Diagnostics,
) -> Option<Number> {
    let t = ind.target.as_ref()?;
    let TargetGoal::Reduce(r) = &t.goal else {
        return None;
    };
    if let Some(p) = r.published {
        return Some(Number {
            approx: p.approx || r.amount.approx,
            ..p
        });
    }
    let from_actuals = report
        .years
        .iter()
        .zip(entries)
        .find(|(y, _)| y.year == r.from)
        .and_then(|(_, e)| e.get(ind.id.as_str()))
        .and_then(|a| a.actual.number());
    let base = from_actuals.or_else(|| ind.baseline.filter(|b| b.year == r.from).map(|b| b.value));
    let lang = report.config.lang;
    let Some(base) = base else {
        let f = crate::format::Formatter::new(&report.config);
        let year = f.year_label(r.from);
        let target = f.reduction_words(r);
        let msg = crate::tr!(lang, content.reduce_no_base, year = year, target = target);
        let hint = crate::tr!(
            lang,
            content.reduce_no_base_hint,
            year = year,
            dir = r.from.0
        );
        diags.push(Diagnostic::error(&plan.file, t.pos.line, t.pos.column, msg).with_hint(hint));
        return None;
    };
    match rules::reduced(r, base, ind.decimals) {
        Ok(n) => Some(n),
        Err(Overflow) => {
            diags.push(target_overflow(report, plan, ind, t.year));
            None
        }
    }
}

/// A plan has something to show in a year inside its period, or with data for any of its
/// indicators.
fn plan_active(plan: &Plan, year: &Year, entries: &Entries) -> bool {
    (plan.period.0..=plan.period.1).contains(&year.year)
        || plan.goals.iter().any(|g| {
            g.indicators()
                .any(|(_, i)| entries.contains_key(i.id.as_str()))
        })
}

/// An indicator to evaluate, with what it needs beyond its plan.
struct IndicatorInput<'a> {
    report: &'a Report,
    plan: &'a Plan,
    ind: &'a Indicator,
    /// The value its reduction target comes to.
    reduced: Option<Number>,
}

impl IndicatorInput<'_> {
    /// An indicator in each year its plan is active, with the change from the year before.
    fn all(
        &self,
        active: &[usize],
        entries: &[Entries],
        diags: &mut Diagnostics,
    ) -> Vec<IndicatorYear> {
        let (report, ind) = (self.report, self.ind);
        let mut out: Vec<IndicatorYear> = Vec::with_capacity(active.len());
        for &yi in active {
            let year = &report.years[yi];
            let entry = entries[yi].get(ind.id.as_str()).copied();
            let mut r = match self.year(year, entry) {
                Ok(r) => r,
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            };
            // A year the plan is not active in has no entry, so no rate to compare with.
            let before = out
                .last()
                .filter(|p| p.year.0 == year.year.0 - 1)
                .map(|p| p.rate);
            match rules::change(r.rate, before) {
                Ok(c) => r.change = c,
                Err(Overflow) => diags.push(entry_overflow(
                    report,
                    year,
                    ind,
                    entry,
                    report.config.lang.text().msg.overflow_change,
                )),
            }
            out.push(r);
        }
        out
    }

    /// An indicator in one year, without the change from the year before.
    fn year(&self, year: &Year, entry: Option<&Actual>) -> Result<IndicatorYear, Diagnostic> {
        let (report, plan, ind) = (self.report, self.plan, self.ind);
        let scale = report.scale_for(plan, year);
        // Outside the plan's period (the base year before it starts, say) only a target given
        // for that year counts: the per-year path would grade the baseline against itself.
        let in_period = (plan.period.0..=plan.period.1).contains(&year.year);
        let given = entry.and_then(|a| a.target);
        let target = rules::target_for(ind, year.year, given, in_period, self.reduced)
            .map_err(|Overflow| target_overflow(report, plan, ind, year.year))?;
        // An indicator fed by a dataset takes its actual from the year's reading there.
        let fed = ind
            .from
            .as_ref()
            .map(|f| report.monitoring.reading(year.year, &f.dataset, &f.site));
        let actual = match fed {
            Some(r) => r
                .and_then(|r| r.value.number())
                .map_or(Value::NOT_COLLECTED, Value::exact),
            None => entry.map(|a| a.actual).unwrap_or_default(),
        };
        let rate = match entry.and_then(|a| a.rate) {
            Some(given) => Rate::Given(given),
            None => rules::rate_for(
                actual,
                target.as_ref(),
                ind.rate,
                ind.direction,
                ind.baseline.map(|b| b.value),
                report.config.rate_decimals,
            )
            .map_err(|Overflow| {
                entry_overflow(
                    report,
                    year,
                    ind,
                    entry,
                    report.config.lang.text().msg.overflow_rate,
                )
            })?,
        };
        let grade = match entry.and_then(|a| a.grade.as_deref()) {
            Some(mark) => scale.find(mark).map(|g| GradeMark::of(scale, g, true)),
            None => rules::grade_for_rate(scale, rate),
        };
        Ok(IndicatorYear {
            year: year.year,
            target,
            actual,
            rate,
            grade,
            grade_note: entry.and_then(|a| a.grade_note.clone()),
            note: entry
                .and_then(|a| a.note.clone())
                .or_else(|| fed.flatten().and_then(|r| r.note.clone())),
            change: None,
            listed: entry.is_some() || fed.flatten().is_some(),
            shown: entry.is_some() || fed.flatten().is_some() || in_period,
        })
    }
}

/// A plan's goals summarised for a year, from its indicators already evaluated in `ev`.
fn plan_year(
    report: &Report,
    plan: &Plan,
    year: &Year,
    entries: &Entries,
    ev: &Evaluation,
    diags: &mut Diagnostics,
) -> PlanYear {
    let goals: Vec<GoalSummary> = plan
        .goals
        .iter()
        .map(|g| goals::summarize_goal(report, plan, g, year, entries, ev, diags))
        .collect();
    let results: Vec<&IndicatorYear> = plan
        .goals
        .iter()
        .flat_map(|g| g.indicators())
        .filter_map(|(_, i)| ev.indicator(&i.id, year.year))
        .collect();
    PlanYear {
        year: year.year,
        goals,
        indicators: results.len(),
        graded: results.iter().filter(|r| r.grade.is_some()).count(),
        not_collected: results
            .iter()
            .filter(|r| goals::is_not_collected(r))
            .count(),
    }
}

/// A year in a message: 令和5年度; FY2023.
fn message_year(lang: Lang, year: FiscalYear) -> String {
    crate::era::Calendar::new(crate::era::EraStyle::Both, lang).year_label(year)
}

/// A figure too large to compute with, at a place in a content file.
fn overflow_at(file: &str, pos: Pos, what: &str, lang: Lang) -> Diagnostic {
    let message = crate::tr!(lang, msg.overflow, what = what);
    Diagnostic::error(file, pos.line, pos.column, message).with_hint(lang.text().msg.overflow_hint)
}

/// The per-year target path left the range: the plan file, at the indicator.
fn target_overflow(report: &Report, plan: &Plan, ind: &Indicator, year: FiscalYear) -> Diagnostic {
    let lang = report.config.lang;
    let what = crate::tr!(
        lang,
        msg.overflow_target,
        id = ind.id,
        year = message_year(lang, year)
    );
    overflow_at(&plan.file, ind.pos, &what, lang)
}

/// A figure of an actuals.yaml entry left the range: that file, at the entry.
fn entry_overflow(
    report: &Report,
    year: &Year,
    ind: &Indicator,
    entry: Option<&Actual>,
    figure: &str,
) -> Diagnostic {
    let lang = report.config.lang;
    let what = crate::tr!(
        lang,
        msg.overflow_entry,
        id = ind.id,
        year = message_year(lang, year.year),
        figure = figure
    );
    let file = year.actuals_file.as_deref().unwrap_or(&year.dir);
    overflow_at(file, entry.map(|a| a.pos).unwrap_or_default(), &what, lang)
}

/// Every year's money, each compared with the previous fiscal year when the report has it.
fn money_years(report: &Report, ev: &mut Evaluation, diags: &mut Diagnostics) {
    for (yi, year) in report.years.iter().enumerate() {
        let previous = yi
            .checked_sub(1)
            .map(|p| &report.years[p])
            .filter(|p| p.year.0 + 1 == year.year.0)
            .and_then(|p| ev.money.get(&p.year));
        match money::year_money(report, yi, previous) {
            Ok(m) => {
                ev.money.insert(year.year, m);
            }
            Err((i, Overflow)) => {
                let p = year.projects.get(i).or(year.projects.last());
                if let Some(p) = p {
                    diags.push(outcome_overflow(report, year, p));
                }
            }
        }
    }
}

fn outcome_overflow(report: &Report, year: &Year, p: &crate::model::Project) -> Diagnostic {
    let lang = report.config.lang;
    let what = crate::tr!(lang, msg.overflow_outcome, name = p.name);
    let file = year.projects_file.as_deref().unwrap_or(&year.dir);
    overflow_at(file, p.pos, &what, lang)
}
