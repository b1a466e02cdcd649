//! What the money evaluation returns (SPEC §11): per project and per group, every money
//! column (given or computed), 執行率, the change from the previous year, cost per person,
//! 進捗率 and 構成比.

use rust_decimal::Decimal;

use crate::era::FiscalYear;

use super::super::types::Rate;

/// A money column of a 決算 or 施策コスト table; sums and changes cover each of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// 当初予算額.
    InitialBudget,
    /// 予算現額.
    CurrentBudget,
    /// 決算額.
    Settled,
    /// 翌年度繰越額.
    Carried,
    /// 不用額 (computed).
    Unused,
    /// 翌年度予算額.
    Budget,
    /// 人件費.
    Personnel,
    /// 間接費.
    Indirect,
    /// フルコスト (computed).
    FullCost,
    /// 特定財源.
    SpecificRevenue,
    /// 一般財源 (computed).
    GeneralRevenue,
    /// 人工.
    Staff,
    /// 計画事業費 (A).
    PlannedTotal,
    /// 実績 (B) over the plan period (computed, or as published).
    SettledTotal,
}

impl Column {
    /// Every column, in the order tables show them.
    pub const ALL: [Column; 14] = [
        Column::InitialBudget,
        Column::CurrentBudget,
        Column::Settled,
        Column::Carried,
        Column::Unused,
        Column::Budget,
        Column::Personnel,
        Column::Indirect,
        Column::FullCost,
        Column::SpecificRevenue,
        Column::GeneralRevenue,
        Column::Staff,
        Column::PlannedTotal,
        Column::SettledTotal,
    ];

    /// Its place in [`Column::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Its key in CSV/JSON and in code: settled, current_budget …
    pub fn key(self) -> &'static str {
        [
            "initial_budget",
            "current_budget",
            "settled",
            "carried",
            "unused",
            "budget",
            "personnel",
            "indirect",
            "full_cost",
            "specific_revenue",
            "general_revenue",
            "staff",
            "planned_total",
            "settled_total",
        ][self.index()]
    }

    /// Whether it is an amount of money (人工 is a count of people).
    pub fn is_money(self) -> bool {
        self != Column::Staff
    }
}

/// One value per [`Column`], none where not given (or, for a sum, where no row has it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Amounts(pub [Option<Decimal>; 14]);

impl Amounts {
    /// The value of a column.
    pub fn get(&self, c: Column) -> Option<Decimal> {
        self.0[c.index()]
    }

    pub(super) fn set(&mut self, c: Column, v: Option<Decimal>) {
        self.0[c.index()] = v;
    }
}

/// The change of one column from the previous year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// 増減額 (negative: a fall, printed with △).
    pub diff: Decimal,
    /// 前年度対比 (this ÷ previous × 100, money rate decimals); none when the previous is 0.
    pub ratio: Option<Rate>,
}

/// The money of one project, or the sums of a group, in one year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MoneyRow {
    /// Every column given or computed.
    pub amounts: Amounts,
    /// 執行率 = 決算額 ÷ 予算現額 × 100, or as published.
    pub execution_rate: Option<Rate>,
    /// Per column, the change from the previous year (where both years have it).
    pub changes: [Option<Change>; 14],
    /// The change of 執行率 in points.
    pub execution_change: Option<Decimal>,
    /// 一人あたりコスト in `[evaluation] per_person_unit`.
    pub per_person: Option<Decimal>,
    /// 受益者数.
    pub beneficiaries: Option<Decimal>,
    /// 進捗率 (B)/(A) × 100, or as published.
    pub progress: Option<Rate>,
    /// 構成比 in the year's 合計, or as published.
    pub share: Option<Rate>,
    /// 事業数.
    pub count: usize,
}

impl MoneyRow {
    /// The change of a column from the previous year.
    pub fn change(&self, c: Column) -> Option<Change> {
        self.changes[c.index()]
    }
}

/// A line of the category-grouped table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// The project at this index of projects.yaml.
    Project(usize),
    /// The 小計 of a group: its path (会計, 款 …) and sums.
    Subtotal {
        /// The group's path, outermost first.
        path: Vec<String>,
        /// The sums.
        row: Box<MoneyRow>,
    },
}

/// Sums of the projects whose home is in a plan or goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Plan id.
    pub plan: String,
    /// Goal id, none for the plan's own tally.
    pub goal: Option<String>,
    /// The sums.
    pub row: MoneyRow,
}

/// The money of one fiscal year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearMoney {
    /// The year compared with, when the report has the previous year's projects.
    pub previous: Option<FiscalYear>,
    /// Each project, in projects.yaml order.
    pub projects: Vec<MoneyRow>,
    /// The grouped table in order: projects and 小計 at every level of `category`
    /// (projects with no category last); empty when no project has a category.
    pub lines: Vec<Line>,
    /// 合計 of every project.
    pub total: MoneyRow,
    /// Sums by plan and by goal (each plan, then its goals), home measures only.
    pub tallies: Vec<Tally>,
    /// Whether some rate is published by hand (the ※ note).
    pub published: bool,
}

impl YearMoney {
    /// Whether any project has a value in the column.
    pub fn has(&self, c: Column) -> bool {
        self.projects.iter().any(|p| p.amounts.get(c).is_some())
    }

    /// Whether the year has any money at all.
    pub fn any(&self) -> bool {
        Column::ALL.iter().any(|&c| self.has(c))
    }
}
