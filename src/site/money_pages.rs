//! The money tables of each page: a goal's project table and 施策コスト sheet, and the
//! 予算・決算 summary of a year (by plan and goal, by category) and of every year (the data
//! page).

use super::money::{
    COST_COLS, CellView, Col, EXECUTION_COLS, MAIN_COLS, MoneyTable, SUMMARY_COLS, Speller,
    TableRow, category_table, figures_row, heads, present,
};
use super::pages::SiteContext;
use super::views::{ProjectRow, project_row};
use crate::diag::Diagnostic;
use crate::evaluate::{Column, MoneyRow, YearMoney};
use crate::model::{Goal, Plan, Project, Year};
use crate::site::views::goal_number;

/// A goal's money tables.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct GoalMoney {
    /// 主な事業: every project serving the goal's measures.
    pub projects: Option<MoneyTable>,
    /// 予算の執行状況: the money columns beyond 決算額 and 予算額.
    pub execution: Option<MoneyTable>,
    /// 施策コスト of those with `cost`.
    pub cost: Option<MoneyTable>,
}

/// The projects serving a goal's measures, with their index in projects.yaml.
pub fn goal_projects<'a>(
    plan: &Plan,
    goal: &Goal,
    year: &'a Year,
) -> impl Iterator<Item = (usize, &'a Project)> {
    let measures: Vec<String> = goal.measures.iter().map(|m| m.id.clone()).collect();
    let plan = plan.id.clone();
    year.projects
        .iter()
        .enumerate()
        .filter(move |(_, p)| measures.iter().any(|m| p.serves(&plan, m)))
}

/// A non-figure cell.
fn text_cell(label: &str, text: String) -> CellView {
    CellView {
        label: label.into(),
        text,
        html: None,
        parts: Vec::new(),
        given: false,
        num: false,
        rate: false,
    }
}

/// The goal's project table, budget execution table and 施策コスト sheet for a year; none
/// without projects.
pub fn goal_money(
    cx: &SiteContext,
    plan: &Plan,
    goal: &Goal,
    year: &Year,
    from: &str,
) -> Result<GoalMoney, Diagnostic> {
    let Some(money) = cx.ev.money(year.year) else {
        return Ok(GoalMoney::default());
    };
    let mine: Vec<(usize, &Project)> = goal_projects(plan, goal, year).collect();
    if mine.is_empty() {
        return Ok(GoalMoney::default());
    }
    let sp = Speller {
        cx,
        year: year.year,
    };
    let rows = || mine.iter().map(|(i, _)| &money.projects[*i]);
    let views: Vec<ProjectRow> = mine
        .iter()
        .map(|(i, p)| project_row(cx, year, *i, p))
        .collect::<Result<_, _>>()?;
    let extra = Extra {
        outcome: views.iter().any(|v| v.outcome.is_some()),
    };
    let tally = money
        .tallies
        .iter()
        .find(|t| t.plan == plan.id && t.goal.as_deref() == Some(goal.id.as_str()))
        .map(|t| &t.row);
    let cols = present(MAIN_COLS, rows());
    let lines: Vec<TableRow> = mine
        .iter()
        .zip(&views)
        .map(|((i, p), v)| {
            let cx3 = (plan, goal, from);
            project_line(cx, &sp, &cols, &extra, (p, v, &money.projects[*i]), cx3)
        })
        .collect();
    let m = &cx.lang().text().money;
    let mut head_list = vec![super::money::Head {
        label: cx.lang().text().page.measure.into(),
        num: false,
    }];
    head_list.extend(heads(&sp, &cols));
    head_list.extend(extra.heads(cx));
    let mut projects = MoneyTable {
        class: "projects-table",
        caption: match cols.is_empty() {
            true => m.projects_title.into(),
            false => sp.caption(m.projects_title),
        },
        name_head: cx.lang().text().money.project_name.into(),
        span: head_list.len() + 1,
        heads: head_list,
        rows: lines,
        notes: Vec::new(),
    };
    let restated: Vec<bool> = projects.rows.iter().map(|r| r.restated).collect();
    if let (false, Some(t)) = (cols.is_empty() || mine.len() < 2, tally) {
        let mut total = figures_row(&sp, "total", m.total.into(), &cols, t);
        let blank = text_cell(cx.lang().text().page.measure, String::new());
        total.cells.insert(0, blank);
        total.cells.extend(extra.blanks(cx));
        projects.rows.push(total);
    }
    Ok(GoalMoney {
        projects: Some(projects),
        execution: execution_table(&sp, &mine, money, tally, &restated),
        cost: cost_table(&sp, &mine, money),
    })
}

/// The goal page's budget execution table: every money column beyond 決算額 and 翌年度予算額
/// that some project has; none when they have no other.
fn execution_table(
    sp: &Speller,
    mine: &[(usize, &Project)],
    money: &YearMoney,
    tally: Option<&MoneyRow>,
    restated: &[bool],
) -> Option<MoneyTable> {
    let rows = || mine.iter().map(|(i, _)| &money.projects[*i]);
    let cols = present(EXECUTION_COLS, rows());
    if cols.iter().all(|c| *c == Col::Amount(Column::Settled)) {
        return None;
    }
    let m = &sp.cx.lang().text().money;
    let mut lines: Vec<TableRow> = mine
        .iter()
        .zip(restated)
        .map(|((i, p), &restated)| TableRow {
            restated,
            ..figures_row(sp, "project", p.name.clone(), &cols, &money.projects[*i])
        })
        .collect();
    if let (true, Some(t)) = (mine.len() > 1, tally) {
        lines.push(figures_row(sp, "total", m.total.into(), &cols, t));
    }
    let given = mine.iter().any(|(_, p)| p.published != Default::default());
    Some(MoneyTable {
        class: "execution-table",
        caption: sp.caption(m.execution_title),
        name_head: sp.cx.lang().text().money.project_name.into(),
        span: cols.len() + 1,
        heads: heads(sp, &cols),
        rows: lines,
        notes: sp.notes(money, &cols, given),
    })
}

/// Whether a project table has the outcome columns.
struct Extra {
    outcome: bool,
}

impl Extra {
    fn labels(&self, cx: &SiteContext) -> Vec<&'static str> {
        let t = &cx.lang().text().page;
        let m = &cx.lang().text().money;
        match self.outcome {
            true => vec![m.outcome, m.outcome_actual, t.target, t.rate],
            false => Vec::new(),
        }
    }

    fn heads(&self, cx: &SiteContext) -> Vec<super::money::Head> {
        self.labels(cx)
            .into_iter()
            .enumerate()
            .map(|(i, l)| super::money::Head {
                label: l.into(),
                num: i > 0,
            })
            .collect()
    }

    fn blanks(&self, cx: &SiteContext) -> Vec<CellView> {
        self.labels(cx)
            .into_iter()
            .map(|l| text_cell(l, String::new()))
            .collect()
    }
}

/// One project's line: name, measure, money columns, outcome; 実施状況 and 備考 below it.
fn project_line(
    cx: &SiteContext,
    sp: &Speller,
    cols: &[Col],
    extra: &Extra,
    (p, v, r): (&Project, &ProjectRow, &MoneyRow),
    (plan, goal, from): (&Plan, &Goal, &str),
) -> TableRow {
    let t = &cx.lang().text().page;
    let here = goal.measures.iter().map(|x| x.id.as_str());
    let home = p.plan == plan.id && here.clone().any(|x| x == p.measure);
    let measure = match home {
        true => p.measure.clone(),
        false => here
            .filter(|x| p.serves(&plan.id, x))
            .collect::<Vec<_>>()
            .join(cx.lang().text().msg.list_sep),
    };
    let mut cells = vec![text_cell(t.measure, measure)];
    cells.extend(cols.iter().map(|&c| sp.cell(c, r, Some(p))));
    if extra.outcome {
        let m = &cx.lang().text().money;
        let blank = || cx.fmt.words().no_figure.to_string();
        let o = v.outcome.as_ref();
        let name = o.map_or_else(blank, |o| {
            if o.unit.is_empty() {
                o.name.clone()
            } else {
                format!(
                    "{}{}",
                    o.name,
                    crate::tr!(cx.lang(), page.paren, x = o.unit)
                )
            }
        });
        cells.push(text_cell(m.outcome, name));
        for (label, text) in [
            (m.outcome_actual, o.map_or_else(blank, |o| o.actual.clone())),
            (t.target, o.map_or_else(blank, |o| o.target.clone())),
            (t.rate, o.map_or_else(blank, |o| o.rate.clone())),
        ] {
            let mut c = text_cell(label, text);
            c.num = true;
            c.rate = label == t.rate;
            cells.push(c);
        }
        if let (Some(o), Some(last)) = (o, cells.last_mut()) {
            last.given = o.rate_given;
        }
    }
    TableRow {
        result_html: p.result.as_ref().map(|md| cx.render(from, md).html),
        note: p.note.clone(),
        kind: "project",
        name: p.name.clone(),
        flag: v.flag.clone(),
        meta: p.department.clone().unwrap_or_default(),
        restated: !home,
        depth: 0,
        cells,
    }
}

/// The 施策コスト sheet of the projects with `cost`.
fn cost_table(sp: &Speller, mine: &[(usize, &Project)], money: &YearMoney) -> Option<MoneyTable> {
    let costed: Vec<(usize, &Project)> = mine
        .iter()
        .copied()
        .filter(|(_, p)| p.cost.is_some())
        .collect();
    if costed.is_empty() {
        return None;
    }
    let rows = || costed.iter().map(|(i, _)| &money.projects[*i]);
    let cols = present(COST_COLS, rows());
    let m = &sp.cx.lang().text().money;
    let table_rows: Vec<TableRow> = costed
        .iter()
        .map(|(i, p)| TableRow {
            kind: "project",
            name: p.name.clone(),
            flag: String::new(),
            meta: p.department.clone().unwrap_or_default(),
            restated: false,
            depth: 0,
            cells: cols
                .iter()
                .map(|&c| sp.cell(c, &money.projects[*i], Some(p)))
                .collect(),
            result_html: None,
            note: None,
        })
        .collect();
    Some(MoneyTable {
        class: "cost-table",
        span: cols.len() + 1,
        caption: sp.caption(m.cost_title),
        name_head: sp.cx.lang().text().money.project_name.into(),
        heads: heads(sp, &cols),
        rows: table_rows,
        notes: Vec::new(),
    })
}

/// A year's 予算・決算 summary: by plan and goal, and by category; none without money.
pub fn year_summary(cx: &SiteContext, year: &Year) -> Vec<MoneyTable> {
    let Some(money) = cx.ev.money(year.year).filter(|m| m.any()) else {
        return Vec::new();
    };
    let sp = Speller {
        cx,
        year: year.year,
    };
    let m = &cx.lang().text().money;
    let rows = money.tallies.iter().map(|t| &t.row).chain([&money.total]);
    let mut cols = vec![Col::Count];
    cols.extend(present(&SUMMARY_COLS[1..], rows));
    let mut table_rows = Vec::new();
    for t in &money.tallies {
        let Some(plan) = cx.report.plan(&t.plan) else {
            continue;
        };
        let (kind, name) = match &t.goal {
            None => ("subtotal", plan.short_name().to_string()),
            Some(g) => {
                let goal = plan.goal(g);
                let name = goal.map_or_else(
                    || g.clone(),
                    |g| {
                        format!(
                            "{} {}",
                            goal_number(cx.lang(), g),
                            crate::markdown::strip_marks(&g.title)
                        )
                    },
                );
                ("project", name)
            }
        };
        let mut row = figures_row(&sp, kind, name, &cols, &t.row);
        row.depth = usize::from(t.goal.is_some());
        table_rows.push(row);
    }
    table_rows.push(figures_row(
        &sp,
        "total",
        m.total.into(),
        &cols,
        &money.total,
    ));
    let mut out = vec![MoneyTable {
        class: "money-summary",
        span: cols.len() + 1,
        caption: sp.caption(m.summary_by_goal),
        name_head: cx.lang().text().page.goal.into(),
        notes: sp.notes(money, &cols, false),
        heads: heads(&sp, &cols),
        rows: table_rows,
    }];
    out.extend(category_table(cx, year, money));
    out
}

/// Every year's 合計 (the data page): none when no year has money.
pub fn years_summary(cx: &SiteContext) -> Option<MoneyTable> {
    let years: Vec<(&Year, &YearMoney)> = cx
        .report
        .years
        .iter()
        .filter_map(|y| cx.ev.money(y.year).filter(|m| m.any()).map(|m| (y, m)))
        .collect();
    let (last, _) = years.last()?;
    let sp = Speller {
        cx,
        year: last.year,
    };
    let m = &cx.lang().text().money;
    let wanted = [
        Col::Count,
        Col::Amount(Column::CurrentBudget),
        Col::Amount(Column::Settled),
        Col::Execution,
        Col::Amount(Column::Budget),
    ];
    let cols = present(&wanted, years.iter().map(|(_, m)| &m.total));
    let rows = years
        .iter()
        .map(|(y, money)| {
            let ys = Speller { cx, year: y.year };
            let mut r = figures_row(
                &ys,
                "project",
                cx.fmt.year_label(y.year),
                &cols,
                &money.total,
            );
            for (cell, &c) in r.cells.iter_mut().zip(&cols) {
                cell.label = plain_head(&sp, c);
            }
            r
        })
        .collect();
    Some(MoneyTable {
        class: "money-summary",
        span: cols.len() + 1,
        caption: sp.caption(m.summary_title),
        name_head: cx.lang().text().page.year.into(),
        heads: cols
            .iter()
            .map(|&c| super::money::Head {
                label: plain_head(&sp, c),
                num: true,
            })
            .collect(),
        rows,
        notes: Vec::new(),
    })
}

/// A header without a year in it (the data page spans years).
fn plain_head(sp: &Speller, c: Col) -> String {
    let m = &sp.cx.lang().text().money;
    match c {
        Col::Amount(col) => super::money::amount_label(m, col).into(),
        other => sp.head(other),
    }
}
