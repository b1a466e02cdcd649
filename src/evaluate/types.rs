//! What the evaluation stage returns: every indicator's targets, rates, grades and changes
//! per fiscal year, goal and plan summaries, and projects' outcome rates, with the lookups
//! pages, charts and open data read them through.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use rust_decimal::Decimal;

use crate::config::{Grade, Scale};
use crate::era::FiscalYear;
use crate::figure::{Number, Status, Value};
use crate::model::{Reduction, Trend};

/// An achievement rate, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rate {
    /// Computed and rounded to the report's decimals.
    Value(Decimal),
    /// Published by the city by hand, shown as given.
    Given(Decimal),
    /// No rate is defined (zero target, a trend or a range) and the target was met: 達成.
    Met,
    /// No rate is defined and the target was not met: 未達成.
    NotMet,
    /// The actual or the target is a status (未集計, 該当なし …): not graded, counted apart.
    Status(Status),
    /// No target for the year.
    NoTarget,
}

impl Rate {
    /// No actual yet.
    pub const NOT_COLLECTED: Rate = Rate::Status(Status::NotCollected);

    /// The number, when there is one.
    pub fn value(self) -> Option<Decimal> {
        match self {
            Rate::Value(v) | Rate::Given(v) => Some(v),
            _ => None,
        }
    }
}

/// Where a year's target came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetSource {
    /// Given in that year's actuals.yaml.
    Given,
    /// A milestone (中間目標) of the plan for that year.
    Milestone,
    /// baseline + per_year × years.
    PerYear,
    /// The plan's final target: in its target year, or every year for a trend or range.
    Final,
}

/// A year's target as evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetValue {
    /// A value to reach.
    Number(Number),
    /// None set that year (「－」) or another status: the rate prints it.
    Status(Status),
    /// A reduction from a base year, with the value it comes to (computed, or as published).
    Reduce {
        /// The target value.
        value: Number,
        /// How the plan wrote it.
        reduction: Reduction,
    },
    /// 増加・減少・維持 from the baseline.
    Trend {
        /// Which way.
        trend: Trend,
        /// The baseline it is measured from.
        baseline: Decimal,
        /// How far still counts as 維持.
        tolerance: Decimal,
    },
    /// Inside a range.
    Range {
        /// Lower end.
        min: Number,
        /// Upper end.
        max: Number,
    },
}

/// A fiscal year's target: what it is, where it came from, and a milestone's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearTarget {
    /// The target.
    pub value: TargetValue,
    /// Where it came from.
    pub source: TargetSource,
    /// The milestone's label (中間目標), when it is one.
    pub label: Option<String>,
}

impl YearTarget {
    /// A target from a value (given in actuals.yaml, a milestone, the final value).
    pub fn of_value(v: Value, source: TargetSource) -> YearTarget {
        YearTarget {
            value: match v {
                Value::Number(n) => TargetValue::Number(n),
                Value::Status(s) => TargetValue::Status(s),
            },
            source,
            label: None,
        }
    }

    /// The number graded against and plotted, when there is one.
    pub fn number(&self) -> Option<Number> {
        self.value.number()
    }
}

impl TargetValue {
    /// The number graded against and plotted, when there is one.
    pub fn number(&self) -> Option<Number> {
        match self {
            TargetValue::Number(n) | TargetValue::Reduce { value: n, .. } => Some(*n),
            _ => None,
        }
    }
}

/// What an indicator is counted as when it has no rated grade: a status of its figures,
/// no target that year, or a grade given by hand that no rate earns (評価対象外).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Apart {
    /// 未集計, 該当なし, 不明, 秘匿.
    Status(Status),
    /// No target for the year.
    NoTarget,
    /// A grade only given by hand: its label.
    Unrated(String),
}

pub use crate::config::GoalRule;

/// A grade as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradeMark {
    /// A, ◎ …
    pub mark: String,
    /// 達成 …
    pub label: String,
    /// Given by hand rather than computed.
    pub manual: bool,
    /// Position in the scale, 0 for the top grade (pages colour grades by it).
    pub rank: usize,
    /// Whether a rate can earn the grade (it has a `min`); others are only given by hand.
    pub rated: bool,
}

impl GradeMark {
    /// The grade of `scale` with this mark as shown.
    pub(super) fn of(scale: &Scale, g: &Grade, manual: bool) -> GradeMark {
        GradeMark {
            mark: g.mark.clone(),
            label: g.label.clone(),
            manual,
            rank: scale
                .grades
                .iter()
                .position(|x| x.mark == g.mark)
                .unwrap_or(0),
            rated: g.min.is_some(),
        }
    }
}

/// An indicator evaluated for one fiscal year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorYear {
    /// The fiscal year.
    pub year: FiscalYear,
    /// 目標値 for the year.
    pub target: Option<YearTarget>,
    /// 実績値, or a status.
    pub actual: Value,
    /// 達成率.
    pub rate: Rate,
    /// 評価.
    pub grade: Option<GradeMark>,
    /// Why the grade was given by hand.
    pub grade_note: Option<String>,
    /// A remark on the value.
    pub note: Option<String>,
    /// Change of the rate from the previous fiscal year, in points.
    pub change: Option<Decimal>,
    /// Whether actuals.yaml lists the indicator for this year at all.
    pub listed: bool,
    /// Whether the year is on the indicator's trend (its page, its charts): inside its
    /// plan's period, or listed in actuals.yaml.
    pub shown: bool,
}

/// A goal's grades for a year: how many indicators earned each grade, how many are counted
/// apart and why, and the goal's own grade by the goal rule. The counts add up:
/// `total == graded + apart`, and `counts` covers every indicator with a grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalSummary {
    /// Goal id.
    pub goal: String,
    /// Count per grade of the scale, in scale order (grades with no indicator included).
    pub counts: Vec<(GradeMark, usize)>,
    /// Indicators of the goal.
    pub total: usize,
    /// Indicators with a grade a rate can earn: what the goal's grade rests on.
    pub graded: usize,
    /// The others, by why (only reasons that occur, in legend order).
    pub apart: Vec<(Apart, usize)>,
    /// The goal's grade: the evaluation's by hand, else by the goal rule.
    pub grade: Option<GradeMark>,
    /// The rate the computed grade came from (mean, capped mean or share met).
    pub rate: Option<Decimal>,
    /// The rule in force.
    pub rule: GoalRule,
}

impl GoalSummary {
    /// Indicators whose actual is not yet collected.
    pub fn not_collected(&self) -> usize {
        self.apart
            .iter()
            .filter(|(a, _)| *a == Apart::Status(Status::NotCollected))
            .map(|(_, n)| n)
            .sum()
    }
}

/// A plan in a year it has something to show: inside its period, or with data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanYear {
    /// The fiscal year.
    pub year: FiscalYear,
    /// Each goal's summary, in the plan's order.
    pub goals: Vec<GoalSummary>,
    /// Indicators of the plan.
    pub indicators: usize,
    /// Of those, how many have a grade.
    pub graded: usize,
    /// Of those, how many are 未集計.
    pub not_collected: usize,
}

/// The evaluated report: computed once after loading, read by every page, chart and data
/// file. Nothing outside the evaluation stage computes a target, rate or grade.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// Indicator id → every year its plan is active, oldest first.
    pub(super) indicators: IndexMap<String, Vec<IndicatorYear>>,
    /// Plan id → every year it is active, oldest first.
    pub(super) plans: IndexMap<String, Vec<PlanYear>>,
    /// Fiscal year → each project's outcome rate, in projects.yaml order.
    pub(super) outcomes: BTreeMap<FiscalYear, Vec<Option<Rate>>>,
    /// Indicator id → the value its reduction target comes to.
    pub(super) reduced: IndexMap<String, Number>,
    /// 環境の現況: every reading judged, every item counted.
    pub(super) monitoring: super::MonitoringEval,
    /// Fiscal year → its money (SPEC §11).
    pub(super) money: BTreeMap<FiscalYear, super::money::YearMoney>,
}

fn by_year<T>(items: &[T], year: FiscalYear, key: impl Fn(&T) -> FiscalYear) -> Option<&T> {
    items
        .binary_search_by_key(&year, key)
        .ok()
        .map(|i| &items[i])
}

impl Evaluation {
    /// Every year an indicator is evaluated in (its plan's active years), oldest first.
    pub fn indicator_years(&self, indicator: &str) -> &[IndicatorYear] {
        self.indicators
            .get(indicator)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// An indicator in a year its plan is active.
    pub fn indicator(&self, indicator: &str, year: FiscalYear) -> Option<&IndicatorYear> {
        by_year(self.indicator_years(indicator), year, |r| r.year)
    }

    /// The years an indicator's trend shows, up to `upto` (every year when `None`).
    pub fn trend(
        &self,
        indicator: &str,
        upto: Option<FiscalYear>,
    ) -> impl Iterator<Item = &IndicatorYear> {
        self.indicator_years(indicator)
            .iter()
            .filter(move |r| r.shown && upto.is_none_or(|u| r.year <= u))
    }

    /// Every year a plan is active in, oldest first.
    pub fn plan_years(&self, plan: &str) -> &[PlanYear] {
        self.plans.get(plan).map(Vec::as_slice).unwrap_or(&[])
    }

    /// A plan in a year, when it has something to show that year.
    pub fn plan(&self, plan: &str, year: FiscalYear) -> Option<&PlanYear> {
        by_year(self.plan_years(plan), year, |p| p.year)
    }

    /// Whether a plan has anything to show in a year: inside its period, or with data.
    pub fn plan_active(&self, plan: &str, year: FiscalYear) -> bool {
        self.plan(plan, year).is_some()
    }

    /// A goal's summary in a year its plan is active.
    pub fn goal(&self, plan: &str, goal: &str, year: FiscalYear) -> Option<&GoalSummary> {
        self.plan(plan, year)
            .and_then(|p| p.goals.iter().find(|g| g.goal == goal))
    }

    /// The value an indicator's reduction target comes to (computed from the base year's
    /// actual, or as published).
    pub fn reduced(&self, indicator: &str) -> Option<Number> {
        self.reduced.get(indicator).copied()
    }

    /// The judgements of 環境の現況.
    pub fn monitoring(&self) -> &super::MonitoringEval {
        &self.monitoring
    }

    /// The outcome rate of the year's project at `index` in projects.yaml; none when the
    /// project has no outcome indicator.
    pub fn outcome(&self, year: FiscalYear, index: usize) -> Option<Rate> {
        self.outcomes
            .get(&year)
            .and_then(|v| v.get(index).copied().flatten())
    }

    /// The money of a year: every project's columns and rates, 小計, 合計 and tallies.
    pub fn money(&self, year: FiscalYear) -> Option<&super::money::YearMoney> {
        self.money.get(&year)
    }
}
