//! What a plan sets as an indicator's target (SPEC §10): a value (or a status), a reduction
//! from a base year's actual, a trend, or a range; and interim targets (中間目標).

use rust_decimal::Decimal;
use serde::Deserialize;

use super::Pos;
use crate::era::FiscalYear;
use crate::figure::{Number, Value};

/// An indicator's final target (目標値) and the year it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// 目標年度.
    pub year: FiscalYear,
    /// What the target is.
    pub goal: TargetGoal,
    /// Where `target:` is written in the plan file.
    pub pos: Pos,
}

/// The kinds of target a plan writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetGoal {
    /// A value to reach (or, as a status, none set: 「－」).
    Value(Value),
    /// 「平成17年度比 15%削減」: a reduction from a base year's actual.
    Reduce(Reduction),
    /// 増加・減少・維持 from the baseline; applies to every year of the plan's period.
    Trend {
        /// Which way.
        trend: Trend,
        /// How far from the baseline still counts as 維持.
        tolerance: Decimal,
    },
    /// 「100〜120」: met inside the range; applies to every year of the plan's period.
    Range {
        /// The lower end.
        min: Number,
        /// The upper end.
        max: Number,
    },
}

impl TargetGoal {
    /// A trend or a range holds for every year of the plan, not only the target year.
    pub fn every_year(&self) -> bool {
        matches!(self, TargetGoal::Trend { .. } | TargetGoal::Range { .. })
    }
}

/// A target written as a reduction: `{ reduce: 15, from: 2005, unit: "%" }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reduction {
    /// How much less (15), with 約 when the plan wrote it so.
    pub amount: Number,
    /// The base year whose actual it is measured from.
    pub from: FiscalYear,
    /// `%` for a share of the base year's actual; else the amount is in this unit.
    pub unit: String,
    /// The target as the city published it (`value:` beside `reduce:`); else computed.
    pub published: Option<Number>,
}

impl Reduction {
    /// Whether the amount is a percentage of the base year's actual.
    pub fn percent(&self) -> bool {
        matches!(self.unit.as_str(), "%" | "％" | "")
    }
}

/// 増加・減少・維持.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Trend {
    /// 増加: above the baseline.
    #[serde(rename = "increase", alias = "増加")]
    Increase,
    /// 減少: below the baseline.
    #[serde(rename = "decrease", alias = "減少")]
    Decrease,
    /// 維持: within the tolerance of the baseline.
    #[serde(rename = "maintain", alias = "維持")]
    Maintain,
}

/// An interim target (中間目標): its year's target unless actuals.yaml gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    /// The year.
    pub year: FiscalYear,
    /// The value to reach.
    pub value: Value,
    /// What the plan calls it (中間目標).
    pub label: Option<String>,
}
