//! Money tables as cities publish them (SPEC §11): the goal page's project table with every
//! money column any row has, 実施状況 and 備考; the 施策コスト table; and a year's 予算・決算
//! summary by plan, goal and category. A column appears when any row has it; a table with
//! no row is not drawn.

use serde::Serialize;

use super::pages::SiteContext;
use crate::era::FiscalYear;
use crate::evaluate::{Column, Line, MoneyRow, Rate, YearMoney};
use crate::model::{Amount, Project, Year};
use crate::tr;

/// A money table ready for the template.
#[derive(Debug, Clone, Serialize)]
pub struct MoneyTable {
    /// CSS class: projects-table, cost-table, money-summary.
    pub class: &'static str,
    /// Caption with the unit.
    pub caption: String,
    /// Header of the first (row name) column.
    pub name_head: String,
    /// Headers of the other columns.
    pub heads: Vec<Head>,
    /// Rows in order.
    pub rows: Vec<TableRow>,
    /// How many columns a row has, with its name (for a full-width 実施状況 line).
    pub span: usize,
    /// Notes under the table (※, the year compared with).
    pub notes: Vec<String>,
}

/// A column header.
#[derive(Debug, Clone, Serialize)]
pub struct Head {
    /// The label.
    pub label: String,
    /// Right-aligned figures.
    pub num: bool,
}

/// One row of a money table.
#[derive(Debug, Clone, Serialize)]
pub struct TableRow {
    /// project, subtotal or total.
    pub kind: &'static str,
    /// The row's name.
    pub name: String,
    /// 新規, 充実 … (empty for 継続).
    pub flag: String,
    /// 担当課 or the measure; shown small under the name.
    pub meta: String,
    /// 〔再掲〕: listed here, counted under its home measure.
    pub restated: bool,
    /// Nesting depth of a 小計.
    pub depth: usize,
    /// One cell per header.
    pub cells: Vec<CellView>,
    /// 実施状況 (HTML), on a full-width line below.
    pub result_html: Option<String>,
    /// 備考, on a full-width line below.
    pub note: Option<String>,
}

/// A table cell.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// The column's label (the phone layout shows it beside the value).
    pub label: String,
    /// The text.
    pub text: String,
    /// HTML (実施状況), shown instead of the text.
    pub html: Option<String>,
    /// Named parts of the amount: 「直接人件費 800」.
    pub parts: Vec<String>,
    /// Published by hand (※).
    pub given: bool,
    /// Right-aligned.
    pub num: bool,
    /// A rate (執行率, 構成比 …).
    pub rate: bool,
}

/// What a column of a money table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    /// An amount.
    Amount(Column),
    /// 執行率.
    Execution,
    /// 増減額 of a column.
    Diff(Column),
    /// 前年度対比 of a column.
    Ratio(Column),
    /// 執行率 change in points.
    ExecutionChange,
    /// 進捗率.
    Progress,
    /// 構成比.
    Share,
    /// 事業数.
    Count,
    /// 受益者数.
    Beneficiaries,
    /// 一人あたりコスト.
    PerPerson,
}

impl Col {
    /// Whether the row has a value in the column.
    fn has(self, r: &MoneyRow) -> bool {
        match self {
            Col::Amount(c) => r.amounts.get(c).is_some(),
            Col::Execution => r.execution_rate.is_some(),
            Col::Diff(c) => r.change(c).is_some(),
            Col::Ratio(c) => r.change(c).and_then(|c| c.ratio).is_some(),
            Col::ExecutionChange => r.execution_change.is_some(),
            Col::Progress => r.progress.is_some(),
            Col::Share => r.share.is_some(),
            Col::Count => r.count > 0,
            Col::Beneficiaries => r.beneficiaries.is_some(),
            Col::PerPerson => r.per_person.is_some(),
        }
    }
}

/// The money columns of the goal page's project table (beside the outcome).
pub const MAIN_COLS: &[Col] = &[Col::Amount(Column::Settled), Col::Amount(Column::Budget)];

/// The columns of a budget execution table, in the order a 決算 table prints them.
pub const EXECUTION_COLS: &[Col] = &[
    Col::Amount(Column::InitialBudget),
    Col::Amount(Column::CurrentBudget),
    Col::Amount(Column::Settled),
    Col::Execution,
    Col::Amount(Column::Carried),
    Col::Amount(Column::Unused),
    Col::Diff(Column::Settled),
    Col::Ratio(Column::Settled),
    Col::ExecutionChange,
    Col::Amount(Column::PlannedTotal),
    Col::Amount(Column::SettledTotal),
    Col::Progress,
];

/// The columns of a 施策コスト sheet.
pub const COST_COLS: &[Col] = &[
    Col::Amount(Column::Settled),
    Col::Amount(Column::Personnel),
    Col::Amount(Column::Indirect),
    Col::Amount(Column::FullCost),
    Col::Amount(Column::SpecificRevenue),
    Col::Amount(Column::GeneralRevenue),
    Col::Amount(Column::Staff),
    Col::Beneficiaries,
    Col::PerPerson,
];

/// The columns of a year's 予算・決算 summary.
pub const SUMMARY_COLS: &[Col] = &[
    Col::Count,
    Col::Amount(Column::CurrentBudget),
    Col::Amount(Column::Settled),
    Col::Execution,
    Col::Amount(Column::Unused),
    Col::Share,
    Col::Diff(Column::Settled),
    Col::Ratio(Column::Settled),
    Col::Amount(Column::Budget),
];

/// Spells money columns and cells for one year.
pub struct Speller<'a> {
    /// The site.
    pub cx: &'a SiteContext<'a>,
    /// The year.
    pub year: FiscalYear,
}

impl Speller<'_> {
    /// A column's header, with the year where a 決算 table names it.
    pub fn head(&self, col: Col) -> String {
        let cx = self.cx;
        let m = &cx.lang().text().money;
        let fy = |y: i32| cx.fmt.year_label(FiscalYear(y));
        match col {
            Col::Amount(Column::Settled) => tr!(cx.lang(), words.settled, year = fy(self.year.0)),
            Col::Amount(Column::Budget) => tr!(cx.lang(), words.budget, year = fy(self.year.0 + 1)),
            Col::Amount(c) => amount_label(m, c).into(),
            Col::Execution => m.execution_rate.into(),
            Col::Diff(_) => m.change.into(),
            Col::Ratio(_) => m.yoy.into(),
            Col::ExecutionChange => m.execution_change.into(),
            Col::Progress => m.progress.into(),
            Col::Share => m.share.into(),
            Col::Count => m.count.into(),
            Col::Beneficiaries => m.beneficiaries.into(),
            Col::PerPerson => {
                let unit = cx.report.config.money.per_person_unit.label(cx.lang());
                tr!(cx.lang(), money.per_person, unit = unit)
            }
        }
    }

    /// A column's label beside each value in the phone layout: the header with the unit of
    /// an amount, since the caption is out of sight there.
    pub fn cell_label(&self, col: Col) -> String {
        let money = match col {
            Col::Amount(c) | Col::Diff(c) => c.is_money(),
            _ => false,
        };
        let head = self.head(col);
        if !money {
            return head;
        }
        let lang = self.cx.lang();
        let unit = self.cx.report.config.money.unit.label(lang);
        format!("{head}{}", tr!(lang, page.paren, x = unit))
    }

    /// A row's cell in a column.
    pub fn cell(&self, col: Col, r: &MoneyRow, p: Option<&Project>) -> CellView {
        let f = &self.cx.fmt;
        let none = || f.words().no_figure.to_string();
        let rate = |x: Option<Rate>| {
            (
                x.map_or_else(none, |x| f.rate(x)),
                matches!(x, Some(Rate::Given(_))),
            )
        };
        let (text, given) = match col {
            Col::Amount(c) => (f.figure_or_none(r.amounts.get(c), None), false),
            Col::Execution => rate(r.execution_rate),
            Col::Diff(c) => (f.figure_or_none(r.change(c).map(|c| c.diff), None), false),
            Col::Ratio(c) => rate(r.change(c).and_then(|c| c.ratio)),
            Col::ExecutionChange => (r.execution_change.map_or_else(none, |p| f.points(p)), false),
            Col::Progress => rate(r.progress),
            Col::Share => rate(r.share),
            Col::Count => (r.count.to_string(), false),
            Col::Beneficiaries => (f.figure_or_none(r.beneficiaries, None), false),
            Col::PerPerson => (f.figure_or_none(r.per_person, None), false),
        };
        CellView {
            label: self.cell_label(col),
            text,
            html: None,
            parts: p.map(|p| self.parts(col, p)).unwrap_or_default(),
            given,
            num: true,
            rate: matches!(
                col,
                Col::Execution | Col::Ratio(_) | Col::Progress | Col::Share
            ),
        }
    }

    /// The named parts of a cost amount, as written.
    fn parts(&self, col: Col, p: &Project) -> Vec<String> {
        let Some(cost) = &p.cost else {
            return Vec::new();
        };
        let amount: Option<&Amount> = match col {
            Col::Amount(Column::Personnel) => cost.personnel.as_ref(),
            Col::Amount(Column::Indirect) => cost.indirect.as_ref(),
            Col::Amount(Column::SpecificRevenue) => cost.specific_revenue.as_ref(),
            Col::Amount(Column::Staff) => cost.staff.as_ref(),
            _ => None,
        };
        amount
            .map(|a| {
                a.parts
                    .iter()
                    .map(|(name, v)| format!("{name} {}", self.cx.fmt.figure(*v, None)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The table's caption: its title and the money unit.
    pub fn caption(&self, title: &str) -> String {
        let unit = self.cx.report.config.money.unit.label(self.cx.lang());
        format!(
            "{title}{}",
            tr!(self.cx.lang(), money.unit_caption, unit = unit)
        )
    }

    /// The notes under a table: the year compared with, and ※.
    pub fn notes(&self, money: &YearMoney, cols: &[Col], given: bool) -> Vec<String> {
        let mut notes = Vec::new();
        let compares = cols
            .iter()
            .any(|c| matches!(c, Col::Diff(_) | Col::Ratio(_) | Col::ExecutionChange));
        if let (true, Some(prev)) = (compares, money.previous) {
            let year = self.cx.fmt.year_label(prev);
            notes.push(tr!(self.cx.lang(), money.compared_with, year = year));
        }
        if given {
            notes.push(self.cx.lang().text().money.published_note.into());
        }
        notes
    }
}

/// The label of an amount column.
pub fn amount_label(m: &crate::i18n::MoneyWords, c: Column) -> &'static str {
    match c {
        Column::InitialBudget => m.initial_budget,
        Column::CurrentBudget => m.current_budget,
        Column::Settled => m.settled,
        Column::Carried => m.carried,
        Column::Unused => m.unused,
        Column::Budget => m.budget,
        Column::Personnel => m.personnel,
        Column::Indirect => m.indirect,
        Column::FullCost => m.full_cost,
        Column::SpecificRevenue => m.specific_revenue,
        Column::GeneralRevenue => m.general_revenue,
        Column::Staff => m.staff,
        Column::PlannedTotal => m.planned_total,
        Column::SettledTotal => m.settled_total,
    }
}

/// The columns of `cols` that some row has.
pub fn present<'a>(cols: &[Col], rows: impl Iterator<Item = &'a MoneyRow> + Clone) -> Vec<Col> {
    cols.iter()
        .copied()
        .filter(|c| rows.clone().any(|r| c.has(r)))
        .collect()
}

/// A row of figures named `name`.
pub fn figures_row(
    sp: &Speller,
    kind: &'static str,
    name: String,
    cols: &[Col],
    r: &MoneyRow,
) -> TableRow {
    TableRow {
        kind,
        name,
        flag: String::new(),
        meta: String::new(),
        restated: false,
        depth: 0,
        cells: cols.iter().map(|&c| sp.cell(c, r, None)).collect(),
        result_html: None,
        note: None,
    }
}

/// The category-grouped table of a year: projects and 小計 at every level, then 合計; none
/// when no project has a category.
pub fn category_table(cx: &SiteContext, year: &Year, money: &YearMoney) -> Option<MoneyTable> {
    if money.lines.is_empty() {
        return None;
    }
    let sp = Speller {
        cx,
        year: year.year,
    };
    let m = &cx.lang().text().money;
    let mut cols = vec![Col::Count];
    cols.extend(present(
        &SUMMARY_COLS[1..],
        money.projects.iter().chain([&money.total]),
    ));
    let mut rows = Vec::new();
    for line in &money.lines {
        rows.push(match line {
            Line::Project(i) => {
                let p = &year.projects[*i];
                let mut row =
                    figures_row(&sp, "project", p.name.clone(), &cols, &money.projects[*i]);
                row.depth = p.category.len();
                row.meta = p.department.clone().unwrap_or_default();
                row
            }
            Line::Subtotal { path, row } => {
                let last = path.last().cloned().unwrap_or_default();
                let name = tr!(cx.lang(), money.subtotal, name = last);
                let mut r = figures_row(&sp, "subtotal", name, &cols, row);
                r.depth = path.len() - 1;
                r
            }
        });
    }
    rows.push(figures_row(
        &sp,
        "total",
        m.total.into(),
        &cols,
        &money.total,
    ));
    Some(MoneyTable {
        class: "money-summary",
        span: cols.len() + 1,
        caption: sp.caption(m.category_title),
        name_head: m.category.into(),
        notes: sp.notes(money, &cols, money.published),
        heads: heads(&sp, &cols),
        rows,
    })
}

/// The headers of columns.
pub fn heads(sp: &Speller, cols: &[Col]) -> Vec<Head> {
    cols.iter()
        .map(|&c| Head {
            label: sp.head(c),
            num: true,
        })
        .collect()
}
