//! Projects (事業) of a year and their money (SPEC §5, §11): budgets, execution, cost and
//! the grouping a city's 決算 table uses.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Direction, Pos};
use crate::figure::Value;
use crate::i18n::Lang;

/// 新規 / 充実 / 継続 / 拡充 / 縮小 / 廃止 / 完了 (editors may write either word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProjectStatus {
    /// 新規.
    #[serde(alias = "新規")]
    New,
    /// 充実.
    #[serde(alias = "充実")]
    Enhanced,
    /// 継続.
    #[default]
    #[serde(alias = "継続")]
    Continued,
    /// 拡充.
    #[serde(alias = "拡充")]
    Expanded,
    /// 縮小.
    #[serde(alias = "縮小")]
    Reduced,
    /// 廃止.
    #[serde(alias = "廃止")]
    Abolished,
    /// 完了.
    #[serde(alias = "完了")]
    Completed,
}

impl ProjectStatus {
    /// The label tables show, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        let words = lang.text().words.project_status;
        words[self as usize]
    }
}

/// A money figure written as one number or as named parts that sum
/// (`personnel: { 直接人件費: 800, 間接人件費: 200 }`).
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The number, or the sum of the parts.
    pub total: Decimal,
    /// The parts as written, in file order; empty for a single number.
    pub parts: Vec<(String, Decimal)>,
}

/// What a project costs beyond its 決算額 (施策コスト).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cost {
    /// 人件費.
    pub personnel: Option<Amount>,
    /// 間接費 (overheads allocated to the project).
    pub indirect: Option<Amount>,
    /// 特定財源.
    pub specific_revenue: Option<Amount>,
    /// 人工 (投入人員), in persons.
    pub staff: Option<Amount>,
    /// 受益者数 for 一人あたりコスト.
    pub beneficiaries: Option<Decimal>,
}

/// Money rates the city published by hand, printed instead of the computed ones (※).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MoneyRates {
    /// 執行率.
    pub execution_rate: Option<Decimal>,
    /// 前年度対比 (of 決算額).
    pub yoy: Option<Decimal>,
    /// 構成比.
    pub share: Option<Decimal>,
    /// 進捗率.
    pub progress: Option<Decimal>,
}

/// A project (事業) of a year.
#[derive(Debug, Clone)]
pub struct Project {
    /// 事業名.
    pub name: String,
    /// A stable id across years, when given.
    pub id: Option<String>,
    /// Plan id of its home measure.
    pub plan: String,
    /// Home measure id.
    pub measure: String,
    /// Further measures it serves (plan id, measure id), listed there with 〔再掲〕.
    pub also: Vec<(String, String)>,
    /// Grouping path for 小計 (会計, 款 …); empty when not grouped.
    pub category: Vec<String>,
    /// 担当課.
    pub department: Option<String>,
    /// 新規 / 充実 / 継続 …
    pub status: ProjectStatus,
    /// 当初予算額.
    pub initial_budget: Option<Value>,
    /// 予算現額 (after 補正・流用).
    pub current_budget: Option<Value>,
    /// 決算額 (支出済額).
    pub settled: Option<Value>,
    /// 翌年度繰越額.
    pub carried: Option<Value>,
    /// Next year's 予算額.
    pub budget: Option<Value>,
    /// 計画事業費 over the plan period.
    pub planned_total: Option<Value>,
    /// 実績 over the plan period, where only the total is published.
    pub settled_total: Option<Value>,
    /// 人件費, 間接費, 特定財源, 人工, 受益者数.
    pub cost: Option<Cost>,
    /// Rates published by hand.
    pub published: MoneyRates,
    /// 実施状況 / 成果, Markdown.
    pub result: Option<String>,
    /// 成果指標.
    pub outcome: Option<Outcome>,
    /// A remark.
    pub note: Option<String>,
    /// Where its name is written in projects.yaml.
    pub pos: Pos,
}

impl Project {
    /// Whether it serves the measure, at home or as 〔再掲〕.
    pub fn serves(&self, plan: &str, measure: &str) -> bool {
        (self.plan == plan && self.measure == measure)
            || self.also.iter().any(|(p, m)| p == plan && m == measure)
    }

    /// Whether it is listed under the measure only as 〔再掲〕.
    pub fn restated(&self, plan: &str, measure: &str) -> bool {
        !(self.plan == plan && self.measure == measure) && self.serves(plan, measure)
    }
}

/// A project's outcome indicator.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// 指標名.
    pub name: String,
    /// 単位.
    pub unit: String,
    /// 実績 (未集計 when nothing is written).
    pub actual: Value,
    /// 目標値.
    pub target: Option<Value>,
    /// Higher or lower is better.
    pub direction: Direction,
    /// A rate published by hand.
    pub rate: Option<Decimal>,
}
