//! The shapes of the YAML editors write, exactly as SPEC §3–7 names their keys. Unknown keys
//! are rejected so that a typo is caught instead of silently ignored.

use std::fmt;

use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

pub use super::written::{RawAmount, Scalar, Written};
use crate::era::{Date, FiscalYear};
use crate::model::{Direction, IndicatorKind, Outlook, ProjectStatus, RateFormula, Trend};

/// A figure as written, with its place in the file.
pub type RawFigure = Spanned<Written>;

/// An id as written: editors write goal ids as `1` or `"1"`, both mean the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Id(pub String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Id, E> {
                Ok(Id(v.trim().to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// content/plans/<plan-id>.yaml
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    pub title: String,
    pub short_title: Option<String>,
    pub period: Spanned<(FiscalYear, FiscalYear)>,
    pub scale: Option<Spanned<String>>,
    pub rate: Option<RateFormula>,
    pub body: Option<Spanned<String>>,
    pub description: Option<String>,
    pub goals: Vec<RawGoal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGoal {
    pub id: Spanned<Id>,
    pub title: String,
    pub description: Option<String>,
    #[serde(default)]
    pub measures: Vec<RawMeasure>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeasure {
    pub id: Spanned<Id>,
    pub title: String,
    pub department: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub id: Spanned<Id>,
    pub name: String,
    /// Required: `unit: ""` says on purpose that there is none.
    pub unit: Option<String>,
    /// Required: a default would silently mean 高いほど良い.
    pub direction: Option<Direction>,
    #[serde(default)]
    pub kind: IndicatorKind,
    pub baseline: Option<RawBaseline>,
    pub target: Option<Spanned<RawTarget>>,
    #[serde(default)]
    pub milestones: Vec<RawMilestone>,
    pub per_year: Option<RawFigure>,
    #[serde(default)]
    pub bound: bool,
    pub rate: Option<RateFormula>,
    pub decimals: Option<u32>,
    pub source: Option<String>,
    pub definition: Option<String>,
    pub from: Option<super::raw_monitoring::RawFrom>,
}

/// `baseline: { year: 2019, value: 70.0 }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBaseline {
    pub year: Spanned<FiscalYear>,
    pub value: RawFigure,
}

/// `target:` in one of its forms (SPEC §10): `{ year, value }`, `{ year, reduce, from,
/// unit }`, `{ year, trend }`, `{ year, min, max }`; which one is checked by the resolver.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    pub year: Spanned<FiscalYear>,
    pub value: Option<RawFigure>,
    #[serde(default)]
    pub approx: bool,
    pub reduce: Option<RawFigure>,
    pub from: Option<Spanned<FiscalYear>>,
    pub unit: Option<String>,
    pub trend: Option<Spanned<Trend>>,
    pub tolerance: Option<RawFigure>,
    pub min: Option<RawFigure>,
    pub max: Option<RawFigure>,
}

/// `milestones: [{ year: 2025, value: 1075, label: 中間目標 }]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMilestone {
    pub year: Spanned<FiscalYear>,
    pub value: RawFigure,
    #[serde(default)]
    pub approx: bool,
    pub label: Option<String>,
}

/// content/<year>/actuals.yaml: indicator id → that year's values.
pub type RawActuals = IndexMap<Spanned<Id>, RawActual>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActual {
    pub actual: Option<RawFigure>,
    pub target: Option<RawFigure>,
    pub note: Option<String>,
    pub grade: Option<Spanned<String>>,
    pub grade_note: Option<String>,
    pub rate: Option<RawFigure>,
}

/// One entry of content/<year>/projects.yaml (SPEC §5, §11).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProject {
    pub name: Spanned<String>,
    pub id: Option<Spanned<Id>>,
    pub measure: Option<Spanned<Id>>,
    pub measures: Option<Vec<Spanned<Id>>>,
    #[serde(default)]
    pub category: Vec<Spanned<String>>,
    pub department: Option<String>,
    #[serde(default)]
    pub status: ProjectStatus,
    pub initial_budget: Option<RawFigure>,
    pub current_budget: Option<RawFigure>,
    pub settled: Option<RawFigure>,
    pub carried: Option<RawFigure>,
    pub budget: Option<RawFigure>,
    pub planned_total: Option<RawFigure>,
    pub settled_total: Option<RawFigure>,
    pub cost: Option<RawCost>,
    pub published: Option<RawMoneyRates>,
    pub result: Option<String>,
    pub outcome: Option<RawOutcome>,
    pub note: Option<String>,
}

/// `cost:` of a project: each part a number or named parts that sum.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCost {
    pub personnel: Option<Spanned<RawAmount>>,
    pub indirect: Option<Spanned<RawAmount>>,
    pub specific_revenue: Option<Spanned<RawAmount>>,
    pub staff: Option<Spanned<RawAmount>>,
    pub beneficiaries: Option<RawFigure>,
}

/// `published:` money rates of a project, given by hand.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMoneyRates {
    pub execution_rate: Option<RawFigure>,
    pub yoy: Option<RawFigure>,
    pub share: Option<RawFigure>,
    pub progress: Option<RawFigure>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcome {
    pub name: String,
    #[serde(default)]
    pub unit: String,
    pub actual: Option<RawFigure>,
    pub target: Option<RawFigure>,
    #[serde(default)]
    pub direction: Direction,
    pub rate: Option<RawFigure>,
}

/// Front matter of content/index.md and of chapters.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawChapterFront {
    pub title: Option<String>,
    #[serde(default)]
    pub weight: i64,
}

/// Front matter of content/<year>/index.md.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawYearFront {
    pub title: Option<String>,
    pub edition: Option<String>,
    pub published: Option<Date>,
    pub scale: Option<Spanned<String>>,
    /// Shown by `serve`, left out by `build`.
    #[serde(default)]
    pub draft: bool,
}

/// Front matter of content/<year>/evaluations/<goal-id>.md.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawEvaluationFront {
    pub plan: Option<Spanned<String>>,
    pub goal: Option<Spanned<Id>>,
    pub grade: Option<Spanned<String>>,
    pub outlook: Option<Outlook>,
    pub reviews: Option<Spanned<Vec<RawReview>>>,
}

/// One layer of `reviews:` in an evaluation's front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    pub by: String,
    pub grade: Option<Spanned<String>>,
    pub comment: Option<String>,
}

/// Front matter of content/bodies/<id>.md.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBodyFront {
    pub name: String,
    #[serde(default)]
    pub kind: String,
    pub basis: Option<String>,
    pub chair: Option<String>,
    #[serde(default)]
    pub members: Vec<RawMember>,
    pub secretariat: Option<String>,
    #[serde(default)]
    pub relations: Vec<RawRelation>,
    #[serde(default)]
    pub weight: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMember {
    pub role: String,
    pub count: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    pub to: Spanned<String>,
    pub kind: String,
    pub note: Option<String>,
}

/// Front matter of content/<year>/meetings/<slug>.md.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeetingFront {
    pub body: Spanned<String>,
    pub number: Option<u32>,
    pub title: Option<String>,
    pub date: Spanned<Date>,
    pub time: Option<String>,
    pub place: Option<String>,
    pub chair: Option<String>,
    #[serde(default)]
    pub attendees: Vec<String>,
    #[serde(default)]
    pub absent: Vec<String>,
    #[serde(default)]
    pub staff: Vec<String>,
    #[serde(default = "yes")]
    pub open: bool,
    pub observers: Option<u32>,
    #[serde(default)]
    pub agenda: Vec<String>,
    #[serde(default)]
    pub materials: Vec<RawMaterial>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMaterial {
    pub title: String,
    pub file: Spanned<String>,
}

/// content/glossary.yaml: term → definition, in the editor's order.
pub type RawGlossary = IndexMap<Spanned<String>, String>;
