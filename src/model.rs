//! The report as a typed model: plans, goals, measures, indicators, fiscal years, projects,
//! bodies and meetings, with every cross-reference already checked. Read-only once loaded.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::config::Config;
use crate::era::{Date, FiscalYear};
use crate::figure::{Number, Value};

mod project;
mod targets;

use crate::i18n::Lang;
pub use project::{Amount, Cost, MoneyRates, Outcome, Project, ProjectStatus};
pub use targets::{Milestone, Reduction, Target, TargetGoal, Trend};

/// A whole report, loaded and checked.
#[derive(Debug, Clone)]
pub struct Report {
    /// book.toml.
    pub config: Config,
    /// content/index.md.
    pub home: Document,
    /// Plans in id order.
    pub plans: Vec<Plan>,
    /// Fiscal years, oldest first.
    pub years: Vec<Year>,
    /// Governance bodies by weight, then id.
    pub bodies: Vec<Body>,
    /// 用語解説 in the editor's order.
    pub glossary: Vec<GlossaryEntry>,
    /// Files under assets/, relative to the project root, sorted.
    pub assets: Vec<Asset>,
    /// 環境の現況: measured items, sites and each year's values (SPEC §12).
    pub monitoring: crate::monitoring::Monitoring,
}

/// A Markdown text and where it came from.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Source path relative to the project root.
    pub file: String,
    /// Title from front matter, or the first `#` heading.
    pub title: Option<String>,
    /// The Markdown body.
    pub markdown: String,
    /// The line the body starts on.
    pub body_line: u32,
}

/// A plan (計画) and its goals.
#[derive(Debug, Clone)]
pub struct Plan {
    /// File stem of content/plans/<id>.yaml.
    pub id: String,
    /// Source path.
    pub file: String,
    /// 計画名.
    pub title: String,
    /// A short name for navigation.
    pub short_title: Option<String>,
    /// First and last fiscal year.
    pub period: (FiscalYear, FiscalYear),
    /// Grade scale of this plan, if not the report's default.
    pub scale: Option<String>,
    /// The plan's default formula.
    pub rate: RateFormula,
    /// Id of the body that manages the plan.
    pub body: Option<String>,
    /// Markdown description.
    pub description: Option<String>,
    /// 目標.
    pub goals: Vec<Goal>,
}

/// A goal (目標 / 基本目標).
#[derive(Debug, Clone)]
pub struct Goal {
    /// Id, unique within its plan.
    pub id: String,
    /// 目標名.
    pub title: String,
    /// Markdown description.
    pub description: Option<String>,
    /// 施策.
    pub measures: Vec<Measure>,
}

/// A measure (施策).
#[derive(Debug, Clone)]
pub struct Measure {
    /// Id such as 1-1-1, unique within its plan.
    pub id: String,
    /// 施策名.
    pub title: String,
    /// 担当課.
    pub department: Option<String>,
    /// Markdown description.
    pub description: Option<String>,
    /// 指標.
    pub indicators: Vec<Indicator>,
}

/// Whether higher or lower values are better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Higher is better.
    #[default]
    Up,
    /// Lower is better.
    Down,
}

/// What a yearly value means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorKind {
    /// Each year's own value.
    #[default]
    Level,
    /// A running total (累計): each year's actual is the total so far.
    Cumulative,
}

/// How 達成率 is computed (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RateFormula {
    /// actual / target (up) or target / actual (down).
    #[default]
    Ratio,
    /// (actual − baseline) / (target − baseline).
    Progress,
}

/// A place in a content file, for messages: 1-based, 0 when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line.
    pub line: u32,
    /// Column in characters.
    pub column: u32,
}

/// A value in a fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearValue {
    /// The fiscal year.
    pub year: FiscalYear,
    /// The value.
    pub value: Decimal,
}

/// An indicator (指標 / 数値目標).
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Id, unique across the report: actuals are keyed by it.
    pub id: String,
    /// 指標名.
    pub name: String,
    /// 単位 (empty only when the plan says so: `unit: ""`).
    pub unit: String,
    /// Higher or lower is better.
    pub direction: Direction,
    /// Level or cumulative.
    pub kind: IndicatorKind,
    /// 策定時の数値.
    pub baseline: Option<YearValue>,
    /// 目標値 and its year.
    pub target: Option<Target>,
    /// 中間目標, by year.
    pub milestones: Vec<Milestone>,
    /// Yearly step of the target path.
    pub per_year: Option<Number>,
    /// Targets print as bounds: 「1,075g以下」 (down), 「80%以上」 (up).
    pub bound: bool,
    /// Formula in force (the indicator's, else the plan's).
    pub rate: RateFormula,
    /// Decimals shown for values, if fixed.
    pub decimals: Option<u32>,
    /// 出典.
    pub source: Option<String>,
    /// What is counted.
    pub definition: Option<String>,
    /// The monitoring dataset and site its actuals come from, instead of actuals.yaml.
    pub from: Option<FedBy>,
    /// Where its id is written in the plan file.
    pub pos: Pos,
}

/// Where an indicator fed by monitoring data takes its actuals (`from:` in the plan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FedBy {
    /// Dataset id.
    pub dataset: String,
    /// Site id.
    pub site: String,
    /// Where the dataset id is written.
    pub pos: Pos,
    /// Where the site id is written.
    pub site_pos: Pos,
}

/// A fiscal year's content folder.
#[derive(Debug, Clone)]
pub struct Year {
    /// The fiscal year.
    pub year: FiscalYear,
    /// Folder name under content/.
    pub dir: String,
    /// Page title, if the editor set one.
    pub title: Option<String>,
    /// 発行 line: 「令和6年度版（令和5年度実績）」.
    pub edition: Option<String>,
    /// Publication date.
    pub published: Option<Date>,
    /// Grade scale for the year.
    pub scale: Option<String>,
    /// The year's overview narrative.
    pub narrative: Document,
    /// `draft: true`: shown by `serve`, left out by `build`.
    pub draft: bool,
    /// Indicator id → values, in file order.
    pub actuals: Vec<(String, Actual)>,
    /// The actuals.yaml the values come from, when the year has one.
    pub actuals_file: Option<String>,
    /// 主要事業.
    pub projects: Vec<Project>,
    /// The projects.yaml the projects come from, when the year has one.
    pub projects_file: Option<String>,
    /// Evaluations of goals.
    pub evaluations: Vec<GoalEvaluation>,
    /// Meetings held, by date.
    pub meetings: Vec<Meeting>,
    /// Further chapters by weight, then slug.
    pub chapters: Vec<Chapter>,
}

impl Year {
    /// The values of an indicator for this year.
    pub fn actual(&self, indicator: &str) -> Option<&Actual> {
        self.actuals
            .iter()
            .find(|(id, _)| id == indicator)
            .map(|(_, a)| a)
    }

    /// The evaluation of a goal.
    pub fn evaluation(&self, plan: &str, goal: &str) -> Option<&GoalEvaluation> {
        self.evaluations
            .iter()
            .find(|e| e.plan == plan && e.goal == goal)
    }
}

/// One indicator's entry in actuals.yaml.
#[derive(Debug, Clone, Default)]
pub struct Actual {
    /// 実績値, or a status (未集計 when nothing is written).
    pub actual: Value,
    /// The year's target, overriding the planned one (a status: none set that year).
    pub target: Option<Value>,
    /// A remark shown with the value.
    pub note: Option<String>,
    /// A grade given by hand.
    pub grade: Option<String>,
    /// Why the grade was given by hand.
    pub grade_note: Option<String>,
    /// A rate the city published by hand.
    pub rate: Option<Decimal>,
    /// Where the entry's key is written in actuals.yaml.
    pub pos: Pos,
}

/// 今後の方向性.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Outlook {
    /// 拡充.
    #[serde(rename = "拡充")]
    Expand,
    /// 継続.
    #[serde(rename = "継続")]
    Continue,
    /// 見直し.
    #[serde(rename = "見直し")]
    Review,
    /// 縮小.
    #[serde(rename = "縮小")]
    Reduce,
    /// 廃止.
    #[serde(rename = "廃止")]
    Abolish,
}

impl Outlook {
    /// The label pages show, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        let [expand, keep, review, reduce, abolish] = lang.text().words.outlook;
        match self {
            Outlook::Expand => expand,
            Outlook::Continue => keep,
            Outlook::Review => review,
            Outlook::Reduce => reduce,
            Outlook::Abolish => abolish,
        }
    }
}

/// The evaluation of one goal in one year.
#[derive(Debug, Clone)]
pub struct GoalEvaluation {
    /// Plan id.
    pub plan: String,
    /// Goal id.
    pub goal: String,
    /// A grade that overrides the computed one.
    pub grade: Option<String>,
    /// 今後の方向性.
    pub outlook: Option<Outlook>,
    /// Review layers in order: 1次評価 (担当課), 2次評価 (審議会) …
    pub reviews: Vec<Review>,
    /// 自己評価, 審議会の評価 … in Markdown.
    pub doc: Document,
}

/// One layer of an evaluation (1次評価, 2次評価 …).
#[derive(Debug, Clone)]
pub struct Review {
    /// Who reviewed: 担当課, 環境審議会.
    pub by: String,
    /// The grade they gave, a mark of the year's scale.
    pub grade: Option<String>,
    /// What they wrote, in Markdown.
    pub comment: Option<String>,
}

/// A further chapter of a year (環境の現況 …).
#[derive(Debug, Clone)]
pub struct Chapter {
    /// File stem.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Order.
    pub weight: i64,
    /// The text.
    pub doc: Document,
}

/// A governance body (審議会, 推進会議 …).
#[derive(Debug, Clone)]
pub struct Body {
    /// File stem of content/bodies/<id>.md.
    pub id: String,
    /// 名称.
    pub name: String,
    /// 種別.
    pub kind: String,
    /// 設置根拠.
    pub basis: Option<String>,
    /// 会長・議長.
    pub chair: Option<String>,
    /// 構成員.
    pub members: Vec<Member>,
    /// 事務局.
    pub secretariat: Option<String>,
    /// Relations to other bodies.
    pub relations: Vec<Relation>,
    /// Order.
    pub weight: i64,
    /// 役割・所掌事務.
    pub doc: Document,
}

/// A group of members of a body.
#[derive(Debug, Clone)]
pub struct Member {
    /// 区分.
    pub role: String,
    /// 人数.
    pub count: Option<u32>,
}

/// A relation from one body to another (諮問, 答申, 報告 …).
#[derive(Debug, Clone)]
pub struct Relation {
    /// Id of the other body.
    pub to: String,
    /// 諮問, 答申 …
    pub kind: String,
    /// A remark.
    pub note: Option<String>,
}

/// A meeting of a body.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// File stem, unique within the year.
    pub slug: String,
    /// Id of the body.
    pub body: String,
    /// 第N回.
    pub number: Option<u32>,
    /// A title other than 「第N回 会議名」.
    pub title: Option<String>,
    /// 開催日.
    pub date: Date,
    /// 時間.
    pub time: Option<String>,
    /// 場所.
    pub place: Option<String>,
    /// 議長.
    pub chair: Option<String>,
    /// 出席者, as written (「（代理）」 kept).
    pub attendees: Vec<String>,
    /// 欠席者.
    pub absent: Vec<String>,
    /// 事務局.
    pub staff: Vec<String>,
    /// 公開.
    pub open: bool,
    /// 傍聴者数.
    pub observers: Option<u32>,
    /// 議題.
    pub agenda: Vec<String>,
    /// 資料.
    pub materials: Vec<Material>,
    /// 議事概要 and minutes.
    pub doc: Document,
}

/// A meeting material.
#[derive(Debug, Clone)]
pub struct Material {
    /// 資料名.
    pub title: String,
    /// Path relative to the project root (under assets/).
    pub file: String,
    /// Size in bytes.
    pub size: u64,
}

/// A 用語解説 entry.
#[derive(Debug, Clone)]
pub struct GlossaryEntry {
    /// 用語.
    pub term: String,
    /// 解説.
    pub definition: String,
}

/// A file under assets/.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to the project root.
    pub path: String,
}

impl Report {
    /// The plan with this id.
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    /// The year with this number.
    pub fn year(&self, y: FiscalYear) -> Option<&Year> {
        self.years.iter().find(|x| x.year == y)
    }

    /// The latest fiscal year.
    pub fn latest_year(&self) -> Option<&Year> {
        self.years.last()
    }

    /// Every indicator with its plan and goal, in plan order.
    pub fn indicators(&self) -> impl Iterator<Item = (&Plan, &Goal, &Measure, &Indicator)> {
        self.plans.iter().flat_map(|p| {
            p.goals.iter().flat_map(move |g| {
                g.measures
                    .iter()
                    .flat_map(move |m| m.indicators.iter().map(move |i| (p, g, m, i)))
            })
        })
    }

    /// The scale in force for a plan in a year: the year's, else the plan's, else the default.
    pub fn scale_for(&self, plan: &Plan, year: &Year) -> &crate::config::Scale {
        let name = year
            .scale
            .as_deref()
            .or(plan.scale.as_deref())
            .unwrap_or(&self.config.default_scale);
        self.config.scale(name)
    }
}

impl Plan {
    /// The goal with this id.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The name shown in navigation.
    pub fn short_name(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

impl Goal {
    /// Every indicator of the goal with its measure.
    pub fn indicators(&self) -> impl Iterator<Item = (&Measure, &Indicator)> {
        self.measures
            .iter()
            .flat_map(|m| m.indicators.iter().map(move |i| (m, i)))
    }
}
