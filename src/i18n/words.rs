//! The entries of the words code puts into pages, charts and data files (as opposed to the
//! templates' fixed text in [`super::Page`]). Values are in `ja_words.rs` and `en_words.rs`.

use serde::Serialize;

/// Words that code (not templates) puts into pages and data files: how figures are spelt,
/// statuses, navigation, and the small phrases views assemble.
#[derive(Debug, Serialize)]
pub struct Words {
    /// The built-in `standard` grade scale's labels, A to D, then the ungraded one.
    pub standard_grades: [&'static str; 5],

    // Figures (crate::format).
    /// A table cell with no figure: —.
    pub no_figure: &'static str,
    /// No actual yet: 未集計.
    pub not_collected: &'static str,
    /// No target for the year: 目標値なし.
    pub no_target: &'static str,
    /// A target met where no rate is defined: 達成.
    pub met: &'static str,
    /// A target not met where no rate is defined: 未達成.
    pub not_met: &'static str,
    /// A rate computed by the formula, in open data: 計算.
    pub computed: &'static str,
    /// A rate the city published by hand, in open data: 公表値.
    pub published: &'static str,
    /// After a change of rate: ポイント.
    pub points: &'static str,
    /// Before a fall (△1.3ポイント).
    pub fall: &'static str,
    /// Before a rise.
    pub rise: &'static str,
    /// Before no change.
    pub even: &'static str,
    /// 新規, 充実, 継続, 拡充, 縮小, 廃止, 完了 (in [`crate::model::ProjectStatus`] order).
    pub project_status: [&'static str; 7],
    /// 拡充, 継続, 見直し, 縮小, 廃止.
    pub outlook: [&'static str; 5],

    // Navigation and page titles (site/layout.rs, site/pages).
    pub home: &'static str,
    /// A year's overview in the menu and breadcrumbs: `{year}`.
    pub year_report: &'static str,
    pub bodies: &'static str,
    pub open_data: &'static str,
    /// The `<title>`: `{title}` of the page, `{site}` of the report.
    pub head_title: &'static str,
    pub not_found_title: &'static str,
    /// The print view's title: `{title}` (the year's report).
    pub print_title: &'static str,
    /// The year's overview in previous/next links.
    pub overview: &'static str,

    // Views (site/views.rs, site/pages).
    /// 目標1: `{id}`.
    pub goal_number: &'static str,
    /// A plan period: `{from}`, `{to}`.
    pub period: &'static str,
    /// A measure in a table of contents: `{id}`, `{title}`.
    pub measure_heading: &'static str,
    /// The settled-accounts column and series: `{year}`.
    pub settled: &'static str,
    /// The budget column and series: `{year}`.
    pub budget: &'static str,
    pub direction_up: &'static str,
    pub direction_down: &'static str,
    pub kind_level: &'static str,
    pub kind_cumulative: &'static str,
    pub formula_ratio_up: &'static str,
    pub formula_ratio_down: &'static str,
    pub formula_progress: &'static str,
    /// A value with its year: `{value}`, `{year}`.
    pub value_year: &'static str,
    /// A per-year target: `{value}`.
    pub per_year: &'static str,

    // Governance pages (site/bodies.rs).
    /// A meeting without a title of its own: `{n}`, `{name}`.
    pub meeting_number: &'static str,
    /// An outgoing relation: `{other}`, `{kind}`.
    pub relation_to: &'static str,
    /// An incoming relation: `{other}`, `{kind}`.
    pub relation_from: &'static str,
    /// A relation in the overview's list: `{from}`, `{to}`, `{kind}`.
    pub relation_line: &'static str,
    /// A number of people: `{n}`.
    pub people: &'static str,
    /// A material whose file has no extension.
    pub file_kind_other: &'static str,
    pub am: &'static str,
    pub pm: &'static str,
    /// A time on the hour: `{ampm}`, `{h}`.
    pub time_hour: &'static str,
    /// A time with minutes: `{ampm}`, `{h}`, `{m}`.
    pub time_minute: &'static str,
    /// From one time to another: `{from}`, `{to}`.
    pub time_range: &'static str,

    // Markdown (markdown.rs).
    /// The label before a question in a Q&A list.
    pub qa_question: &'static str,
    /// The label before an answer.
    pub qa_answer: &'static str,
    /// The mark after a glossary term.
    pub term_mark: &'static str,
}

/// The words of charts and the 推進体制図: titles, legends, notes and the text read aloud.
#[derive(Debug, Serialize)]
pub struct ChartWords {
    /// Between the items of a description's list.
    pub item_sep: &'static str,
    /// Between sentences of a description.
    pub sentence_sep: &'static str,
    /// What a chart says when it cannot be drawn.
    pub fallback: &'static str,

    // Titles (site/charts.rs, site/mod.rs).
    /// `{goal}`, `{year}`.
    pub goal_summary_title: &'static str,
    /// `{plan}`, `{year}`.
    pub plan_summary_title: &'static str,
    /// `{goal}`.
    pub budget_title: &'static str,
    /// `{org}`.
    pub diagram_title: &'static str,

    // Trend charts.
    pub actual: &'static str,
    pub target_each_year: &'static str,
    /// After a series that is a running total.
    pub cumulative_suffix: &'static str,
    /// `{mark}`: a value with its year.
    pub baseline_legend: &'static str,
    /// `{mark}`.
    pub final_legend: &'static str,
    /// A milestone: `{name}` (中間目標), `{mark}`.
    pub milestone_legend: &'static str,
    /// `{unit}`.
    pub unit: &'static str,
    pub cumulative: &'static str,
    pub lower_is_better: &'static str,
    pub no_data: &'static str,
    /// Description: `{title}`.
    pub trend_empty: &'static str,
    pub trend_what: &'static str,
    pub trend_what_cumulative: &'static str,
    /// `{title}`, `{from}`, `{to}`, `{what}`.
    pub trend_intro: &'static str,
    pub trend_lower_is_better: &'static str,
    /// `{year}`, `{value}`.
    pub trend_baseline: &'static str,
    /// `{year}`, `{value}`.
    pub trend_final: &'static str,
    /// A milestone: `{name}`, `{year}`, `{value}`.
    pub trend_milestone: &'static str,
    /// After the baseline and final target.
    pub trend_refs_end: &'static str,
    /// The first actual when there are several: `{year}`, `{value}`.
    pub trend_first_actual: &'static str,
    /// The latest actual: `{year}`, `{value}`.
    pub trend_last_actual: &'static str,
    /// The latest actual against its target: `{target}`.
    pub trend_above: &'static str,
    pub trend_met: &'static str,
    pub trend_below: &'static str,
    pub trend_within: &'static str,
    /// After the latest actual when its year has no target.
    pub trend_no_target: &'static str,
    pub trend_no_actual: &'static str,
    /// `{years}`.
    pub trend_missing: &'static str,
    /// Years with a status other than 未集計: `{years}`, `{why}` (該当なし).
    pub trend_missing_as: &'static str,

    // Goal summaries.
    pub rate_axis: &'static str,
    pub target_100: &'static str,
    pub grade: &'static str,
    /// `{title}`.
    pub summary_empty: &'static str,
    /// `{label}`, `{rate}`.
    pub summary_item: &'static str,
    /// `{label}`, `{rate}`, `{grade}`.
    pub summary_item_grade: &'static str,
    /// `{title}`, `{items}`, `{measured}`, `{reached}`.
    pub summary_desc: &'static str,

    // Budget charts.
    pub money_unit_line: &'static str,
    pub not_stated: &'static str,
    /// `{value}`.
    pub money_amount: &'static str,
    /// `{label}`, `{settled}`, `{settled_amount}`, `{budget}`, `{budget_amount}`.
    pub budget_item: &'static str,
    /// `{title}`.
    pub budget_empty: &'static str,
    /// `{title}`, `{settled}`, `{budget}`, `{items}`.
    pub budget_desc: &'static str,

    // The 推進体制図's description.
    /// `{name}`, `{kind}`.
    pub diagram_body_kind: &'static str,
    /// `{list}`.
    pub diagram_bodies: &'static str,
    pub diagram_relations: &'static str,
    /// `{from}`, `{to}`.
    pub diagram_edge: &'static str,
    /// `{from}`, `{to}`, `{label}`.
    pub diagram_edge_label: &'static str,
}

/// The column names of the open data CSV files.
#[derive(Debug, Serialize)]
pub struct DataWords {
    /// The indicators file, the local government code first.
    pub indicator_header: [&'static str; 18],
    /// The projects file.
    pub project_header: [&'static str; 14],
}
