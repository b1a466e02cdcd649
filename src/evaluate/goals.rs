//! A goal's summary for a year: how many indicators earned each grade, how many are counted
//! apart and why, and the goal's own grade by the report's goal rule
//! (`[evaluation] goal_rule`, see [`GoalRule`]).

use rust_decimal::Decimal;

use super::rules::{self, Overflow};
use super::types::{Apart, GoalRule, GoalSummary, GradeMark, IndicatorYear, Rate};
use super::{Entries, Evaluation, overflow_at};
use crate::config::Scale;
use crate::figure::Status;
use crate::model::{Goal, Indicator, Plan, Report, Year};

/// What the goal rule reads from one indicator: its rate in percent (達成 as 100, 未達成 as
/// 0, which is how they are graded) and the rank of its grade.
struct Rated<'a> {
    indicator: &'a Indicator,
    rate: Option<Decimal>,
    met: bool,
    rank: usize,
}

/// A goal's grades for a year.
pub(super) fn summarize_goal(
    report: &Report,
    plan: &Plan,
    goal: &Goal,
    year: &Year,
    entries: &Entries,
    ev: &Evaluation,
    diags: &mut crate::diag::Diagnostics,
) -> GoalSummary {
    let scale = report.scale_for(plan, year);
    let rule = report.config.goal_rule;
    let results: Vec<(&Indicator, &IndicatorYear)> = goal
        .indicators()
        .filter_map(|(_, i)| ev.indicator(&i.id, year.year).map(|r| (i, r)))
        .collect();
    let counts = scale
        .grades
        .iter()
        .map(|g| {
            let n = results
                .iter()
                .filter(|(_, r)| r.grade.as_ref().is_some_and(|x| x.mark == g.mark))
                .count();
            (GradeMark::of(scale, g, false), n)
        })
        .collect();
    let rated: Vec<Rated> = results.iter().filter_map(|(i, r)| rated(i, r)).collect();
    let apart = apart(&results);
    let rate = match rule_rate(rule, &rated, report.config.rate_decimals) {
        Ok(r) => r,
        Err(Overflow) => {
            // The largest rate is the one to look at first (the first of equals).
            let worst = rated
                .iter()
                .rev()
                .max_by_key(|r| r.rate.map(|v| v.abs()))
                .map(|r| r.indicator);
            let lang = report.config.lang;
            let what = crate::tr!(lang, msg.overflow_mean, goal = goal.id);
            let entry = worst.and_then(|i| entries.get(i.id.as_str()).copied());
            diags.push(overflow_at(
                year.actuals_file.as_deref().unwrap_or(&plan.file),
                entry.map(|a| a.pos).unwrap_or_default(),
                &what,
                lang,
            ));
            None
        }
    };
    let manual = year
        .evaluation(&plan.id, &goal.id)
        .and_then(|e| e.grade.as_deref())
        .and_then(|m| scale.find(m))
        .map(|g| GradeMark::of(scale, g, true));
    let computed = match rule {
        GoalRule::Lowest => lowest(scale, &rated),
        _ => rate.map(|m| GradeMark::of(scale, scale.grade_for(m), false)),
    };
    GoalSummary {
        goal: goal.id.clone(),
        counts,
        total: results.len(),
        graded: rated.len(),
        apart,
        grade: manual.or(computed),
        rate,
        rule,
    }
}

/// An indicator as the goal rule reads it; none when it has no grade a rate can earn.
fn rated<'a>(i: &'a Indicator, r: &IndicatorYear) -> Option<Rated<'a>> {
    let g = r.grade.as_ref().filter(|g| g.rated)?;
    let (rate, met) = match r.rate {
        Rate::Value(v) | Rate::Given(v) => (Some(v), v >= Decimal::ONE_HUNDRED),
        Rate::Met => (Some(Decimal::ONE_HUNDRED), true),
        Rate::NotMet => (Some(Decimal::ZERO), false),
        // A grade given by hand where no rate is: it counts by its grade only.
        Rate::Status(_) | Rate::NoTarget => (None, g.rank == 0),
    };
    Some(Rated {
        indicator: i,
        rate,
        met,
        rank: g.rank,
    })
}

/// Indicators without a grade a rate can earn, by why, in legend order.
fn apart(results: &[(&Indicator, &IndicatorYear)]) -> Vec<(Apart, usize)> {
    let mut out: Vec<(Apart, usize)> = Vec::new();
    for (_, r) in results {
        let why = match (&r.grade, r.rate) {
            (Some(g), _) if g.rated => continue,
            (Some(g), _) => Apart::Unrated(g.label.clone()),
            (None, Rate::Status(s)) => Apart::Status(s),
            (None, _) => Apart::NoTarget,
        };
        match out.iter_mut().find(|(a, _)| *a == why) {
            Some((_, n)) => *n += 1,
            None => out.push((why, 1)),
        }
    }
    out.sort();
    out
}

/// The rate the goal's grade comes from, by the rule; none for `lowest` or no rates.
fn rule_rate(rule: GoalRule, rated: &[Rated], decimals: u32) -> Result<Option<Decimal>, Overflow> {
    let rates: Vec<Decimal> = rated.iter().filter_map(|r| r.rate).collect();
    match rule {
        GoalRule::Mean => rules::mean_rate(&rates, decimals),
        GoalRule::MeanCapped => {
            let capped: Vec<Decimal> = rates
                .iter()
                .map(|r| (*r).min(Decimal::ONE_HUNDRED))
                .collect();
            rules::mean_rate(&capped, decimals)
        }
        GoalRule::ShareMet => {
            if rated.is_empty() {
                return Ok(None);
            }
            let met = rated.iter().filter(|r| r.met).count();
            let share = Decimal::from(met * 100)
                .checked_div(Decimal::from(rated.len()))
                .ok_or(Overflow)?;
            Ok(Some(crate::num::round_half_up(share, decimals)))
        }
        GoalRule::Lowest => Ok(None),
    }
}

/// The lowest grade among the indicators.
fn lowest(scale: &Scale, rated: &[Rated]) -> Option<GradeMark> {
    let rank = rated.iter().map(|r| r.rank).max()?;
    scale
        .grades
        .get(rank)
        .map(|g| GradeMark::of(scale, g, false))
}

/// A status that counts as not collected, for plan summaries.
pub(super) fn is_not_collected(r: &IndicatorYear) -> bool {
    r.rate == Rate::Status(Status::NotCollected)
}
