//! The catalogue's words for figures as published (SPEC §10) and the messages about what
//! editors write in content files: number reading, targets, ids and cross-file checks,
//! plausibility warnings. Kept in a group of their own beside [`super::keys`].

use serde::Serialize;

/// Words pages, charts and data files use for figures.
#[derive(Debug, Serialize)]
pub struct FigureWords {
    /// What each status means, in [`crate::figure::Status::ALL`] order.
    pub status_names: [&'static str; 5],
    /// The symbol each status prints as by default, in the same order.
    pub status_symbols: [&'static str; 5],
    /// An approximate value: `{value}`.
    pub approx: &'static str,
    /// A target that is an upper bound (direction down): `{value}` with its unit.
    pub bound_max: &'static str,
    /// A target that is a lower bound (direction up): `{value}` with its unit.
    pub bound_min: &'static str,
    /// A reduction target: `{year}` (the base year), `{amount}` (with its unit).
    pub reduce: &'static str,
    /// 増加, 減少, 維持.
    pub trends: [&'static str; 3],
    /// A range target: `{min}`, `{max}`.
    pub range: &'static str,
    /// What a milestone is called when the plan gives it no label.
    pub milestone: &'static str,
    /// A note after a target: `{x}`.
    pub target_note: &'static str,
    /// A computed reduction target's value: `{value}` with its unit.
    pub reduce_value: &'static str,
    /// A legend line for a symbol: `{symbol}`, `{names}`.
    pub legend_status: &'static str,
    /// Between two statuses that share a symbol.
    pub legend_names_sep: &'static str,
    /// The legend line when a fall prints with another symbol than the grade mark:
    /// `{symbol}`, `{mark}`.
    pub legend_negative: &'static str,
    /// How many indicators a goal's grade rests on: `{total}`, `{graded}`.
    pub graded_count: &'static str,
    /// Indicators counted apart: `{count}`, `{what}`.
    pub apart_count: &'static str,
    /// Between the parts of a count.
    pub count_sep: &'static str,
    /// The goal's rate by rule: `{rate}`. mean, mean_capped, share_met, lowest.
    pub goal_rules: [&'static str; 4],
    /// A goal graded by its lowest indicator: no rate.
    pub goal_rule_lowest: &'static str,
    /// Open data's indicator columns about statuses, 約 and target wording.
    pub data_indicator_columns: [&'static str; 5],
    /// Open data's project columns about statuses.
    pub data_project_columns: [&'static str; 3],
}

/// Messages about content files (`tr!(lang, content.key, …)`).
#[derive(Debug, Serialize)]
pub struct ContentMessages {
    // Figures.
    pub figure_list: &'static str,
    pub figure_list_hint: &'static str,
    pub no_value: &'static str,
    pub no_value_hint: &'static str,
    pub approx_here: &'static str,
    pub approx_hint: &'static str,
    /// `{status}`.
    pub approx_status: &'static str,
    /// `{status}`.
    pub status_here: &'static str,
    pub status_here_hint: &'static str,
    /// `{text}`, `{key}`, `{first}`, `{rest}`.
    pub flow_split: &'static str,
    /// `{plain}`, `{text}`.
    pub flow_split_hint: &'static str,
    /// A number refused inside `{ }`: `{message}`.
    pub flow_split_bad: &'static str,
    pub approx_key_hint: &'static str,

    // YAML mistakes that are not about figures.
    pub fullwidth_space: &'static str,
    pub fullwidth_space_hint: &'static str,
    /// `{key}`.
    pub fullwidth_colon: &'static str,
    /// `{key}`.
    pub fullwidth_colon_hint: &'static str,
    /// `{date}`, `{month}`, `{days}`.
    pub no_such_date: &'static str,
    pub no_such_date_hint: &'static str,

    // Indicators and their targets.
    pub unit_missing: &'static str,
    pub unit_missing_hint: &'static str,
    pub direction_missing: &'static str,
    pub direction_missing_hint: &'static str,
    pub target_kind_none: &'static str,
    pub target_kind_hint: &'static str,
    /// `{keys}`.
    pub target_kind_many: &'static str,
    /// `{key}`, `{with}`.
    pub target_key_alone: &'static str,
    pub reduce_from: &'static str,
    pub reduce_example: &'static str,
    /// `{year}`, `{target}`.
    pub reduce_no_base: &'static str,
    /// `{year}`, `{dir}`.
    pub reduce_no_base_hint: &'static str,
    pub trend_baseline: &'static str,
    pub trend_baseline_hint: &'static str,
    pub range_half: &'static str,
    pub range_order: &'static str,
    pub range_hint: &'static str,
    /// `{year}`.
    pub milestone_twice: &'static str,
    pub per_year_baseline: &'static str,
    pub per_year_baseline_hint: &'static str,
    /// `{target}`, `{baseline}`.
    pub target_before_baseline: &'static str,
    pub decimals_range: &'static str,
    pub progress_baseline: &'static str,

    // Ids and references.
    /// `{what}`, `{id}`.
    pub unknown_id: &'static str,
    /// `{ids}`.
    pub valid_ids: &'static str,
    pub check_id: &'static str,
    /// `{what}`, `{id}`.
    pub duplicate_id: &'static str,
    pub duplicate_id_hint: &'static str,
    /// `{id}`, `{file}`.
    pub indicator_id_twice: &'static str,
    pub indicator_id_twice_hint: &'static str,
    pub what_indicator: &'static str,
    pub what_measure: &'static str,
    pub what_goal: &'static str,
    pub what_plan: &'static str,
    pub what_body: &'static str,
    pub what_evaluation: &'static str,
    /// `{year}`, `{dirs}`.
    pub year_dirs: &'static str,
    pub year_dirs_hint: &'static str,
    /// `{name}`.
    pub scale_not_defined: &'static str,
    pub period_order: &'static str,
    pub period_order_hint: &'static str,
    /// `{name}`.
    pub project_twice: &'static str,
    /// `{goal}`, `{plans}`.
    pub goal_in_plans: &'static str,
    /// `{plan}`.
    pub goal_in_plans_hint: &'static str,
    /// `{n}`.
    pub meeting_number_twice: &'static str,
    /// `{date}`, `{year}`.
    pub meeting_date_year: &'static str,
    pub meeting_date_year_hint: &'static str,
    /// `{grade}`, `{scale}`.
    pub grade_not_in_scale: &'static str,
    /// `{marks}`.
    pub grade_not_in_scale_hint: &'static str,
    /// `{id}`.
    pub measure_in_plans: &'static str,
    /// `{list}`.
    pub measure_in_plans_hint: &'static str,
    /// `{path}`.
    pub path_leaves: &'static str,
    pub path_leaves_hint: &'static str,
    /// `{path}`.
    pub file_missing: &'static str,
    pub file_missing_hint: &'static str,
    /// `{term}`.
    pub glossary_missing: &'static str,
    /// `{name}`, `{term}`.
    pub glossary_missing_near: &'static str,
    /// `{term}`.
    pub glossary_missing_hint: &'static str,
    pub relation_self: &'static str,
    /// `{to}`, `{kind}`.
    pub relation_twice: &'static str,

    // How problems are listed.
    /// `{count}`.
    pub fix_first: &'static str,
    /// `{count}`, `{places}`.
    pub same_more: &'static str,

    // book.toml.
    /// `{value}`.
    pub negative_value: &'static str,
    pub negative_hint: &'static str,
    /// `{symbol}`.
    pub symbol_empty: &'static str,

    // Plausibility warnings.
    /// `{rate}`.
    pub warn_rate_high: &'static str,
    /// `{rate}`.
    pub warn_rate_negative: &'static str,
    pub warn_rate_hint: &'static str,
    /// `{prev}`, `{now}`.
    pub warn_cumulative_down: &'static str,
    pub warn_cumulative_down_hint: &'static str,
    /// `{prev}`, `{now}`.
    pub warn_jump: &'static str,
    pub warn_jump_hint: &'static str,
    /// `{year}`.
    pub warn_project_period: &'static str,
    pub warn_project_period_hint: &'static str,
    /// `{text}`.
    pub warn_placeholder: &'static str,
    pub warn_placeholder_hint: &'static str,
    pub warn_no_published: &'static str,
    pub warn_no_published_hint: &'static str,
    /// Drafts left out of a build: `{years}`.
    pub drafts_skipped: &'static str,
    /// `check --strict`: warnings count as errors.
    pub strict_failed: &'static str,
}
