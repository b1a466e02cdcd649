//! The entries every catalogue has. Field names say where an entry is used; `{name}` in a
//! value is a placeholder (see [`super::fill`]).

use serde::Serialize;

/// Everything nenpo writes in one language.
#[derive(Debug, Serialize)]
pub struct Catalogue {
    /// Fixed text of the pages, as templates read it (`t.…`).
    pub page: Page,
    /// Years and dates.
    pub cal: Calendar,
    /// Diagnostics and the messages of the commands.
    pub msg: Messages,
    /// `nenpo --help` and usage errors.
    pub cli: Cli,
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
    /// `{rate}`.
    pub goal_mean: &'static str,
    pub indicators_status: &'static str,
    pub indicator_count: &'static str,
    /// `{rate}`.
    pub goal_mean_rate: &'static str,
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
    pub no_indicators: &'static str,
    pub projects_title: &'static str,
    pub budget_chart_caption: &'static str,
    pub projects_caption: &'static str,
    pub project_name: &'static str,
    /// A money column's heading: `{year}`.
    pub thousand_yen: &'static str,
    pub outcome: &'static str,
    pub outcome_actual: &'static str,
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
    pub data_years: &'static str,
    /// `{code}`.
    pub data_code: &'static str,
    pub data_not_collected: &'static str,
}

/// Years and dates.
#[derive(Debug, Serialize)]
pub struct Calendar {
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
pub struct Messages {
    // diag.rs: how a diagnostic is labelled.
    pub error: &'static str,
    pub warning: &'static str,
    pub hint: &'static str,
    /// `{errors}`, `{warnings}`.
    pub summary: &'static str,
}

/// `nenpo --help` and usage errors.
#[derive(Debug, Serialize)]
pub struct Cli {
    pub about: &'static str,
}
