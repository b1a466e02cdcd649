//! Money of SPEC §11, computed once per fiscal year: each project's 不用額, 執行率, フルコスト,
//! 一般財源, 一人あたりコスト and 進捗率; its change from the previous year (matched by `id`,
//! else by name); 小計 at every level of `category`, 合計, 構成比 and 事業数; and the sums by
//! plan and goal. Every figure is an exact decimal; every sum, difference and quotient is
//! checked.

mod group;
mod rules;
#[cfg(test)]
mod tests;
mod types;

use rust_decimal::Decimal;

pub use types::{Amounts, Change, Column, Line, MoneyRow, Tally, YearMoney};

use super::rules::Overflow;
use super::types::Rate;
use crate::config::Money;
use crate::model::{Project, Report, Year};

/// The money of the year at `yi` in `report.years`; `previous` is the previous fiscal
/// year's, when the report has it.
pub(super) fn year_money(
    report: &Report,
    yi: usize,
    previous: Option<&YearMoney>,
) -> Result<YearMoney, (usize, Overflow)> {
    let year = &report.years[yi];
    let settings = report.config.money;
    let prev_year = previous.and_then(|_| yi.checked_sub(1).map(|p| &report.years[p]));
    let mut projects = Vec::with_capacity(year.projects.len());
    for (i, p) in year.projects.iter().enumerate() {
        let mut row = project_row(report, yi, p, &settings).map_err(|o| (i, o))?;
        if let (Some(prev), Some(py)) = (previous, prev_year)
            && let Some(j) = py.projects.iter().position(|q| same(p, q))
        {
            rules::compare(&mut row, &prev.projects[j], &settings).map_err(|o| (i, o))?;
        }
        if let Some(yoy) = p.published.yoy {
            let change = row.changes[Column::Settled.index()].get_or_insert(Change {
                diff: Decimal::ZERO,
                ratio: None,
            });
            change.ratio = Some(Rate::Given(yoy));
        }
        projects.push(row);
    }
    let at_end = year.projects.len();
    let mut money =
        group::grouped(report, year, projects, previous, &settings).map_err(|o| (at_end, o))?;
    money.previous = previous.and(prev_year.map(|y| y.year));
    money.published = year.projects.iter().any(|p| {
        let r = p.published;
        r.execution_rate.is_some() || r.yoy.is_some() || r.share.is_some() || r.progress.is_some()
    });
    Ok(money)
}

/// The same project in another year: by `id` where both have one, else by name.
pub(super) fn same(a: &Project, b: &Project) -> bool {
    match (&a.id, &b.id) {
        (Some(x), Some(y)) => x == y,
        _ => a.name == b.name,
    }
}

/// A project's own columns and rates (no comparison yet, no share).
fn project_row(
    report: &Report,
    yi: usize,
    p: &Project,
    settings: &Money,
) -> Result<MoneyRow, Overflow> {
    let num = |v: Option<crate::figure::Value>| v.and_then(|v| v.number());
    let mut a = Amounts::default();
    a.set(Column::InitialBudget, num(p.initial_budget));
    a.set(Column::CurrentBudget, num(p.current_budget));
    a.set(Column::Settled, num(p.settled));
    a.set(Column::Carried, num(p.carried));
    a.set(Column::Budget, num(p.budget));
    if let (Some(cur), Some(set), Some(car)) = (
        a.get(Column::CurrentBudget),
        a.get(Column::Settled),
        a.get(Column::Carried),
    ) {
        let unused = cur.checked_sub(set).and_then(|d| d.checked_sub(car));
        a.set(Column::Unused, Some(unused.ok_or(Overflow)?));
    }
    let mut beneficiaries = None;
    if let Some(cost) = &p.cost {
        rules::cost_columns(&mut a, cost)?;
        beneficiaries = cost.beneficiaries;
    }
    let (planned, actual) = period_totals(report, yi, p)?;
    a.set(Column::PlannedTotal, planned);
    a.set(Column::SettledTotal, actual);
    let mut row = MoneyRow {
        amounts: a,
        count: 1,
        beneficiaries,
        ..MoneyRow::default()
    };
    rules::rates(&mut row, settings)?;
    if let Some(r) = p.published.execution_rate {
        row.execution_rate = Some(Rate::Given(r));
    }
    if let Some(r) = p.published.progress {
        row.progress = Some(Rate::Given(r));
    }
    if let (Some(full), Some(b)) = (a.get(Column::FullCost), beneficiaries) {
        row.per_person = Some(rules::per_person(full, b, settings)?);
    }
    Ok(row)
}

/// 計画事業費 (A), the latest given up to this year, and 実績 (B): `settled_total` as
/// published (the latest up to this year), else the sum of `settled` over the home plan's
/// years present up to this one. (B) is only computed where there is an (A) to measure it
/// against.
fn period_totals(
    report: &Report,
    yi: usize,
    p: &Project,
) -> Result<(Option<Decimal>, Option<Decimal>), Overflow> {
    let period = report
        .plan(&p.plan)
        .map(|plan| plan.period)
        .unwrap_or((report.years[yi].year, report.years[yi].year));
    let mine: Vec<(&Year, &Project)> = report.years[..=yi]
        .iter()
        .filter(|y| (period.0..=period.1).contains(&y.year))
        .filter_map(|y| y.projects.iter().find(|q| same(p, q)).map(|q| (y, q)))
        .collect();
    let latest = |f: fn(&Project) -> Option<crate::figure::Value>| {
        mine.iter()
            .rev()
            .find_map(|(_, q)| f(q).and_then(|v| v.number()))
    };
    let planned = latest(|q| q.planned_total);
    let given = latest(|q| q.settled_total);
    let actual = match (given, planned) {
        (Some(b), _) => Some(b),
        (None, Some(_)) => {
            let mut sum = Decimal::ZERO;
            for (_, q) in &mine {
                if let Some(v) = q.settled.and_then(|v| v.number()) {
                    sum = sum.checked_add(v).ok_or(Overflow)?;
                }
            }
            Some(sum)
        }
        (None, None) => None,
    };
    Ok((planned, actual))
}
