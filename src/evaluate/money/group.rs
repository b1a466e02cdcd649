//! The grouped view of a year's money: 小計 at every level of the projects' `category`
//! paths, the 合計, 構成比 of every row and 小計, and the sums by plan and goal; each compared
//! with the same group of the previous year.

use super::super::rules::Overflow;
use super::super::types::Rate;
use super::rules::{compare, share, sum};
use super::types::{Line, MoneyRow, Tally, YearMoney};
use crate::config::Money;
use crate::model::{Report, Year};

/// Fills in the lines, 合計, 構成比 and tallies of a year whose project rows are computed.
pub(super) fn grouped(
    report: &Report,
    year: &Year,
    mut projects: Vec<MoneyRow>,
    previous: Option<&YearMoney>,
    s: &Money,
) -> Result<YearMoney, Overflow> {
    let mut total = sum(&projects, s)?;
    if let Some(prev) = previous {
        compare(&mut total, &prev.total, s)?;
    }
    for (row, p) in projects.iter_mut().zip(&year.projects) {
        share(row, &total.amounts, s)?;
        if let Some(v) = p.published.share {
            row.share = Some(Rate::Given(v));
        }
    }
    let whole = total.amounts;
    share(&mut total, &whole, s)?;
    let paths: Vec<&[String]> = year
        .projects
        .iter()
        .map(|p| p.category.as_slice())
        .collect();
    let mut lines = Vec::new();
    if paths.iter().any(|p| !p.is_empty()) {
        let cx = Groups {
            paths: &paths,
            projects: &projects,
            total: &total,
            previous,
            s,
        };
        cx.level(&[], &(0..paths.len()).collect::<Vec<_>>(), &mut lines)?;
    }
    let mut tallies = tallies(report, year, &projects, previous, s)?;
    for t in &mut tallies {
        share(&mut t.row, &total.amounts, s)?;
    }
    Ok(YearMoney {
        previous: None,
        projects,
        lines,
        total,
        tallies,
        published: false,
    })
}

/// What building the grouped lines reads.
struct Groups<'a> {
    paths: &'a [&'a [String]],
    projects: &'a [MoneyRow],
    total: &'a MoneyRow,
    previous: Option<&'a YearMoney>,
    s: &'a Money,
}

impl Groups<'_> {
    /// The lines under `prefix`: its own projects, then each child group (in order of first
    /// appearance) followed by its 小計. At the top, projects with no category come last.
    fn level(
        &self,
        prefix: &[String],
        members: &[usize],
        out: &mut Vec<Line>,
    ) -> Result<(), Overflow> {
        let depth = prefix.len();
        let own: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| self.paths[i].len() == depth)
            .collect();
        if depth > 0 {
            out.extend(own.iter().map(|&i| Line::Project(i)));
        }
        let mut children: Vec<&String> = Vec::new();
        for &i in members {
            if let Some(name) = self.paths[i].get(depth)
                && !children.contains(&name)
            {
                children.push(name);
            }
        }
        for name in children {
            let mut path = prefix.to_vec();
            path.push(name.clone());
            let inner: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| self.paths[i].get(depth) == Some(name))
                .collect();
            self.level(&path, &inner, out)?;
            let mut row = sum(inner.iter().map(|&i| &self.projects[i]), self.s)?;
            share(&mut row, &self.total.amounts, self.s)?;
            if let Some(prev) = self.previous.and_then(|p| subtotal(p, &path)) {
                compare(&mut row, prev, self.s)?;
            }
            out.push(Line::Subtotal {
                path,
                row: Box::new(row),
            });
        }
        if depth == 0 {
            out.extend(own.iter().map(|&i| Line::Project(i)));
        }
        Ok(())
    }
}

/// The previous year's 小計 of the same path.
fn subtotal<'a>(prev: &'a YearMoney, path: &[String]) -> Option<&'a MoneyRow> {
    prev.lines.iter().find_map(|l| match l {
        Line::Subtotal { path: p, row } if p == path => Some(&**row),
        _ => None,
    })
}

/// Sums by plan and by goal of the projects' home measures, in plan order; only plans and
/// goals with projects.
fn tallies(
    report: &Report,
    year: &Year,
    rows: &[MoneyRow],
    previous: Option<&YearMoney>,
    s: &Money,
) -> Result<Vec<Tally>, Overflow> {
    let mut out = Vec::new();
    for plan in &report.plans {
        let goal_of = |i: usize| {
            let p = &year.projects[i];
            (p.plan == plan.id)
                .then(|| {
                    plan.goals
                        .iter()
                        .find(|g| g.measures.iter().any(|m| m.id == p.measure))
                })
                .flatten()
                .map(|g| g.id.clone())
        };
        let homes: Vec<(usize, Option<String>)> = (0..rows.len())
            .filter(|&i| year.projects[i].plan == plan.id)
            .map(|i| (i, goal_of(i)))
            .collect();
        if homes.is_empty() {
            continue;
        }
        let mut push = |goal: Option<String>, members: Vec<usize>| -> Result<(), Overflow> {
            let mut row = sum(members.iter().map(|&i| &rows[i]), s)?;
            let prev = previous.and_then(|p| {
                p.tallies
                    .iter()
                    .find(|t| t.plan == plan.id && t.goal == goal)
            });
            if let Some(prev) = prev {
                compare(&mut row, &prev.row, s)?;
            }
            out.push(Tally {
                plan: plan.id.clone(),
                goal,
                row,
            });
            Ok(())
        };
        push(None, homes.iter().map(|(i, _)| *i).collect())?;
        for g in &plan.goals {
            let members: Vec<usize> = homes
                .iter()
                .filter(|(_, goal)| goal.as_deref() == Some(g.id.as_str()))
                .map(|(i, _)| *i)
                .collect();
            if !members.is_empty() {
                push(Some(g.id.clone()), members)?;
            }
        }
    }
    Ok(out)
}
