//! The entries every catalogue has. Field names say where an entry is used; `{name}` in a
//! value is a placeholder (see [`super::fill`]).

use serde::Serialize;

pub use super::words::{ChartWords, DataWords, Words};

/// Everything nenpo writes in one language.
#[derive(Debug, Serialize)]
pub struct Catalogue {
    /// Fixed text of the pages, as templates read it (`t.…`).
    pub page: Page,
    /// Years and dates.
    pub cal: CalendarWords,
    /// Words that code puts into pages and data files.
    pub words: Words,
    /// Words of charts and the 推進体制図.
    pub chart: ChartWords,
    /// Open data's column names.
    pub data: DataWords,
    /// Diagnostics and the messages of the commands.
    pub msg: Messages,
    /// What `nenpo new-year` writes into the new year's files for the editor.
    pub files: Files,
    /// `nenpo --help` and usage errors.
    pub cli: Cli,
    /// Figures as published: statuses, 約, target wording, legends.
    pub fig: super::published::FigureWords,
    /// Messages about content files.
    pub content: super::published::ContentMessages,
    /// 環境の現況: monitoring pages, checks and files.
    pub mon: super::monitoring::Monitoring,
    /// `nenpo template` and `nenpo import`, `init --example`, `serve --open`.
    pub desk: super::desk::Desk,
    /// The site search.
    pub search: super::search::SearchWords,
    /// Money: budgets, execution and cost.
    pub money: super::money::MoneyWords,
}

/// Fixed text of the pages. Templates read these as `{{ t.key }}`, and patterns with
/// placeholders as `{{ t.key | fill(name=value) }}`.
#[derive(Debug, Serialize)]
pub struct Page {
    // Punctuation that differs between the languages.
    /// Between the items of a list written in a line.
    pub list_sep: &'static str,
    /// A parenthesis around a note: `{x}` inside.
    pub paren: &'static str,
    /// The opening of a parenthesis that holds a link.
    pub lparen: &'static str,
    /// Its closing.
    pub rparen: &'static str,
    /// Between two short items on one line (a date and a time).
    pub gap: &'static str,
    /// Between facts in an indicator's small print.
    pub meta_sep: &'static str,

    // base.html: the frame of every page.
    pub skip_link: &'static str,
    pub nav_main: &'static str,
    pub nav_breadcrumbs: &'static str,
    pub year_switcher: &'static str,
    pub year_switcher_label: &'static str,
    pub year_switcher_none: &'static str,
    pub updated: &'static str,
    pub print_link: &'static str,
    pub toc_title: &'static str,
    pub pager: &'static str,
    pub pager_prev: &'static str,
    pub pager_next: &'static str,
    pub feedback: &'static str,
    pub contact: &'static str,
    /// The footer line: `{org}` and `{title}`.
    pub footer: &'static str,

    // 404.html.
    pub not_found: &'static str,
    pub not_found_before: &'static str,
    pub not_found_home: &'static str,
    pub not_found_after: &'static str,

    // Shared table headings and words.
    pub plan: &'static str,
    pub goal: &'static str,
    pub measure: &'static str,
    pub department: &'static str,
    pub unit: &'static str,
    pub year: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub actual: &'static str,
    pub rate: &'static str,
    pub grade: &'static str,
    pub change: &'static str,
    pub note: &'static str,
    pub final_target: &'static str,
    pub not_collected: &'static str,
    pub rate_given: &'static str,
    pub grade_manual: &'static str,
    pub svg_download: &'static str,
    pub secretariat: &'static str,
    pub chair: &'static str,
    pub meetings_held: &'static str,
    pub glossary: &'static str,
    pub goals_status: &'static str,
    /// A summary table's caption: `{plan}`.
    pub summary_caption: &'static str,

    // home.html.
    /// `{year}`.
    pub latest_report: &'static str,
    /// `{year}`.
    pub read_report: &'static str,
    pub years_title: &'static str,

    // year.html.
    /// `{period}`.
    pub plan_period: &'static str,
    pub year_chart_caption: &'static str,
    pub year_chapters: &'static str,
    pub year_meetings: &'static str,

    // Goal pages (macros.html).
    pub goal_grade: &'static str,
    pub indicators_status: &'static str,
    pub indicator_count: &'static str,
    pub outlook: &'static str,
    pub summary_chart_caption: &'static str,
    pub managed_by: &'static str,
    /// `{id}`.
    pub measure_id: &'static str,
    /// `{department}`.
    pub measure_department: &'static str,
    /// `{id}`.
    pub measure_indicators: &'static str,
    pub indicator_name: &'static str,
    /// `{unit}`.
    pub indicator_unit: &'static str,
    pub cumulative: &'static str,
    /// `{target}`, `{year}`.
    pub indicator_final: &'static str,
    /// `{name}`, `{unit}`.
    pub trend_caption: &'static str,
    /// `{name}`.
    pub trend_figcaption: &'static str,
    pub trend_download: &'static str,
    pub projects_title: &'static str,
    pub budget_chart_caption: &'static str,
    pub evaluation: &'static str,
    pub legend: &'static str,

    // indicator.html.
    pub indicator_definition: &'static str,
    pub direction: &'static str,
    pub value_kind: &'static str,
    pub per_year_target: &'static str,
    pub formula: &'static str,
    pub source: &'static str,
    pub history_title: &'static str,
    pub history_chart_caption: &'static str,
    /// `{name}`, `{unit}`.
    pub history_caption: &'static str,

    // bodies.html and body.html.
    pub bodies_intro: &'static str,
    pub diagram_caption: &'static str,
    pub bodies_relations: &'static str,
    pub bodies_list: &'static str,
    pub body_kind: &'static str,
    pub body_basis: &'static str,
    pub body_members: &'static str,
    /// `{total}`.
    pub body_member_total: &'static str,
    pub body_plans: &'static str,
    pub body_role: &'static str,
    pub body_relations: &'static str,
    /// Before and after the other body's link on an outgoing relation: `{kind}`.
    pub relation_to_before: &'static str,
    pub relation_to_after: &'static str,
    /// The same for an incoming relation.
    pub relation_from_before: &'static str,
    pub relation_from_after: &'static str,
    pub body_no_meetings: &'static str,

    // meeting.html.
    pub meeting_body: &'static str,
    pub meeting_when: &'static str,
    pub meeting_place: &'static str,
    pub meeting_chair: &'static str,
    pub meeting_attendees: &'static str,
    pub meeting_absent: &'static str,
    pub meeting_open: &'static str,
    pub meeting_public: &'static str,
    pub meeting_closed: &'static str,
    pub meeting_observers: &'static str,
    pub meeting_agenda: &'static str,
    pub meeting_materials: &'static str,
    /// `{title}`, `{kind}`, `{size}`.
    pub meeting_material: &'static str,
    pub meeting_minutes: &'static str,

    // print.html.
    /// `{date}`.
    pub print_published: &'static str,
    pub print_hint: &'static str,
    pub print_back: &'static str,
    pub print_toc: &'static str,
    pub print_overview: &'static str,

    // glossary.html.
    pub glossary_intro: &'static str,

    // data.html.
    pub data_intro: &'static str,
    pub data_caption: &'static str,
    pub data_indicators_csv: &'static str,
    pub data_projects_csv: &'static str,
    pub data_json: &'static str,
    /// `{count}`.
    pub data_indicators: &'static str,
    /// `{count}`.
    pub data_projects: &'static str,
    pub data_format: &'static str,
    pub data_encoding: &'static str,
    pub data_encoding_bom: &'static str,
    pub data_cells: &'static str,
    pub data_numbers: &'static str,
    pub data_years: &'static str,
    /// `{code}`.
    pub data_code: &'static str,
    pub data_not_collected: &'static str,
}

/// Years and dates.
#[derive(Debug, Serialize)]
pub struct CalendarWords {
    /// The eras newest first, in the order of [`crate::era`]'s table.
    pub eras: [&'static str; 5],
    /// How the first year of an era is written (元).
    pub first_year: &'static str,
    /// A fiscal year by era: `{era}`, `{n}`.
    pub fy_wareki: &'static str,
    /// A fiscal year by 西暦: `{year}`.
    pub fy_seireki: &'static str,
    /// Both: `{wareki}`, `{seireki}`.
    pub fy_both: &'static str,
    /// A calendar date by era: `{era}`, `{n}`, `{year}`, `{month}`, `{month_name}`, `{day}`.
    pub date_wareki: &'static str,
    /// A calendar date by 西暦, with the same placeholders.
    pub date_seireki: &'static str,
    /// A date with its weekday: `{date}`, `{weekday}`.
    pub date_weekday: &'static str,
    /// Monday first.
    pub weekdays: [&'static str; 7],
    /// January first.
    pub months: [&'static str; 12],
}

/// Diagnostics and the messages of the commands.
#[derive(Debug, Serialize)]
// Each field is named after the message it holds; `{name}` marks what is filled in.
pub struct Messages {
    /// Between the items of a list in a message.
    pub list_sep: &'static str,

    // diag.rs: how a diagnostic is labelled.
    pub error: &'static str,
    pub warning: &'static str,
    pub hint: &'static str,
    pub summary: &'static str,

    // Suggestions shared by book.toml and YAML.
    pub did_you_mean: &'static str,
    pub did_you_mean_keys: &'static str,
    pub did_you_mean_values: &'static str,
    pub did_you_mean_scales: &'static str,
    pub valid_keys: &'static str,
    pub valid_values: &'static str,
    pub defined_scales: &'static str,
    pub missing_key: &'static str,

    // config.rs: book.toml.
    pub no_book: &'static str,
    pub no_book_hint: &'static str,
    pub book_unknown_key: &'static str,
    pub book_title_hint: &'static str,
    pub book_syntax: &'static str,
    pub title_empty: &'static str,
    pub scale_undefined: &'static str,
    pub scale_order: &'static str,
    pub scale_twice: &'static str,
    pub scale_no_min: &'static str,
    pub decimals_range: &'static str,
    pub code_digits: &'static str,
    pub code_check_digit: &'static str,
    pub code_hint: &'static str,

    // content/yaml.rs: YAML problems.
    pub yaml_unknown_key: &'static str,
    pub yaml_add_key: &'static str,
    pub yaml_bad_value: &'static str,
    pub yaml_key_twice: &'static str,
    pub yaml_a_key_twice: &'static str,
    pub yaml_remove_one: &'static str,
    pub yaml_syntax: &'static str,
    pub yaml_syntax_hint: &'static str,
    pub yaml_type: &'static str,
    pub yaml_found_text: &'static str,
    pub yaml_found_list: &'static str,
    pub yaml_found_map: &'static str,
    pub expect_fiscal_year: &'static str,
    pub expect_date: &'static str,
    pub expect_number: &'static str,
    pub expect_integer: &'static str,
    pub expect_id: &'static str,
    pub expect_text: &'static str,
    pub expect_bool: &'static str,
    pub expect_list: &'static str,
    pub expect_map: &'static str,
    pub expect_other: &'static str,
    pub hint_number: &'static str,
    pub hint_fiscal_year: &'static str,
    pub hint_date: &'static str,
    /// An id or a text read by YAML as true/false (`no:`, `on:`): quote it.
    pub hint_quote_bool: &'static str,

    // content/load.rs and source.rs: files and folders.
    pub no_content: &'static str,
    pub no_content_hint: &'static str,
    pub unknown_place: &'static str,
    pub unknown_place_hint: &'static str,
    pub year_dir_hint: &'static str,
    pub no_front_matter: &'static str,
    pub no_front_matter_hint: &'static str,
    pub front_matter_open: &'static str,
    pub front_matter_open_hint: &'static str,
    pub cannot_read: &'static str,
    pub not_utf8: &'static str,
    pub not_utf8_sjis: &'static str,
    pub utf8_hint: &'static str,

    // output.rs: the output folder.
    pub output_is_project: &'static str,
    pub output_inside: &'static str,
    pub output_not_ours: &'static str,
    pub cannot_create: &'static str,
    pub cannot_write: &'static str,
    pub cannot_remove: &'static str,
    pub cannot_move: &'static str,
    pub output_marker: &'static str,

    // The commands' own lines (main.rs, cli/progress.rs).
    pub stage_load: &'static str,
    /// The evaluation stage.
    pub stage_evaluate: &'static str,
    pub stage_render: &'static str,
    pub stage_write: &'static str,
    pub timings: &'static str,
    pub timing: &'static str,
    pub build_done: &'static str,
    pub build_failed: &'static str,
    pub check_ok: &'static str,
    pub pdf_done: &'static str,
    pub pdf_failed: &'static str,
    pub serving: &'static str,
    pub serve_built: &'static str,
    pub serve_rebuilt: &'static str,
    pub serve_changed_only: &'static str,
    pub serve_log: &'static str,
    pub serve_failed: &'static str,
    pub watch_problem: &'static str,
    pub watch_failed: &'static str,
    pub port_busy: &'static str,
    pub ports_busy: &'static str,
    pub serve_not_found: &'static str,
    pub serve_page_title: &'static str,
    pub serve_page_lead: &'static str,
    pub serve_page_details: &'static str,
    pub init_done: &'static str,
    pub init_not_empty: &'static str,
    pub new_year_bad_year: &'static str,
    pub new_year_failed: &'static str,
    pub new_year_exists: &'static str,
    pub new_year_done: &'static str,
    pub new_year_projects: &'static str,
    pub new_year_no_projects: &'static str,

    // site/: pages, links and theme.
    pub page_error: &'static str,
    pub page_clash: &'static str,
    pub page_clash_hint: &'static str,
    pub templates_unreadable: &'static str,
    pub broken_link: &'static str,
    pub broken_link_hint: &'static str,

    // evaluate/: a figure too large to compute with.
    pub overflow: &'static str,
    pub overflow_hint: &'static str,
    pub overflow_mean: &'static str,
    pub overflow_target: &'static str,
    pub overflow_entry: &'static str,
    pub overflow_outcome: &'static str,
    pub overflow_rate: &'static str,
    pub overflow_change: &'static str,

    // pdf/.
    pub pdf_bad_year: &'static str,
    pub pdf_no_report: &'static str,
    pub pdf_year_item: &'static str,
    pub pdf_nothing: &'static str,
    pub pdf_chromium_given: &'static str,
    pub pdf_no_chromium: &'static str,
    /// After either of the two above, on the next line.
    pub pdf_install: &'static str,
    pub pdf_cannot_start: &'static str,
    pub pdf_timeout: &'static str,
    pub pdf_print_failed: &'static str,
    pub pdf_not_pdf: &'static str,
    pub pdf_is_book: &'static str,
    pub pdf_inside: &'static str,
    pub pdf_symlink: &'static str,
    pub pdf_is_dir: &'static str,
    /// The file name `pdf_is_dir` suggests.
    pub pdf_example_name: &'static str,
    pub pdf_not_ours: &'static str,
    pub pdf_cannot_write: &'static str,
}

/// What `nenpo new-year` writes into the new year's files: comments and examples for the
/// editor. `{year}` is the new year, `{next}` the year after, `{prev}` the year carried over.
#[derive(Debug, Serialize)]
pub struct Files {
    /// index.md: `{year}`, `{next}`, `{published}` (a date in the next year).
    pub index_md: &'static str,
    /// actuals.yaml's opening comment: `{year}`.
    pub actuals_head: &'static str,
    /// The comment before a goal's indicators: `{plan}`, `{goal}`, `{title}`.
    pub actuals_goal: &'static str,
    /// Details after an indicator's name: `{list}`.
    pub actuals_details: &'static str,
    pub cumulative: &'static str,
    pub lower_is_better: &'static str,
    /// After an indicator whose target the plan does not give.
    pub no_target: &'static str,
    /// projects.yaml's opening comment: `{year}`.
    pub projects_head: &'static str,
    /// How to write projects, when there are none to carry over.
    pub projects_example: &'static str,
    /// What to fill in for carried-over projects: `{prev}`, `{year}`, `{next}`.
    pub projects_carried: &'static str,
}

/// `nenpo --help` and usage errors. `value_*` name what an argument holds.
#[derive(Debug, Serialize)]
pub struct Cli {
    pub about: &'static str,
    pub usage: &'static str,
    pub usage_label: &'static str,
    pub commands: &'static str,
    pub options: &'static str,
    pub arguments: &'static str,
    pub after_help: &'static str,
    pub help: &'static str,
    pub version: &'static str,
    pub root: &'static str,
    pub quiet: &'static str,
    pub verbose: &'static str,
    pub value_folder: &'static str,
    pub value_file: &'static str,
    pub value_port: &'static str,
    pub value_year: &'static str,
    pub value_place: &'static str,
    pub build: &'static str,
    pub build_usage: &'static str,
    pub build_output: &'static str,
    pub check: &'static str,
    pub check_usage: &'static str,
    pub check_strict: &'static str,
    pub serve: &'static str,
    pub serve_usage: &'static str,
    pub serve_after: &'static str,
    pub serve_port: &'static str,
    pub init: &'static str,
    pub init_usage: &'static str,
    pub init_after: &'static str,
    pub init_dir: &'static str,
    pub new_year: &'static str,
    pub new_year_usage: &'static str,
    pub new_year_after: &'static str,
    pub new_year_year: &'static str,
    pub pdf: &'static str,
    pub pdf_usage: &'static str,
    pub pdf_after: &'static str,
    pub pdf_year: &'static str,
    pub pdf_output: &'static str,
    pub pdf_chromium: &'static str,
    pub no_command: &'static str,
    pub no_option: &'static str,
    pub missing_argument: &'static str,
    pub bad_value: &'static str,
    pub see_help: &'static str,
}
