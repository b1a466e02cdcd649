//! English: for reports a city publishes in English (`language = "en"`). Editors' own text
//! stays as they wrote it; everything nenpo adds is here.

use super::keys::*;

/// The English catalogue.
pub const CATALOGUE: Catalogue = Catalogue {
    page: PAGE,
    cal: CALENDAR,
    words: super::en_words::WORDS,
    chart: super::en_words::CHART,
    data: super::en_words::DATA,
    msg: MESSAGES,
    files: FILES,
    cli: CLI,
    fig: super::published_en::FIGURES,
    content: super::published_en::CONTENT,
    mon: super::monitoring::EN,
    desk: super::desk::EN,
    search: super::search::EN,
    money: super::money::EN,
};

const PAGE: Page = Page {
    list_sep: ", ",
    paren: " ({x})",
    lparen: " (",
    rparen: ")",
    gap: " ",
    meta_sep: " · ",

    skip_link: "Skip to main content",
    nav_main: "Main pages",
    nav_breadcrumbs: "You are here",
    year_switcher: "Switch fiscal year",
    year_switcher_label: "Fiscal year",
    year_switcher_none: "There is no such page for this year",
    updated: "Updated: ",
    print_link: "Print view (the whole report for this year)",
    toc_title: "On this page",
    pager: "Previous and next pages",
    pager_prev: "Previous",
    pager_next: "Next",
    feedback: "Send us your comments on this report",
    contact: "Contact",
    footer: "{org} {title}",

    not_found: "The page you are looking for was not found. It may have been moved or deleted.",
    not_found_before: "Please look for it from the ",
    not_found_home: "home page",
    not_found_after: " or in the list of years below.",

    plan: "Plan",
    goal: "Goal",
    measure: "Measure",
    department: "Department",
    unit: "Unit",
    year: "Fiscal year",
    baseline: "Baseline",
    target: "Target",
    actual: "Actual",
    rate: "Achievement",
    grade: "Evaluation",
    change: "Change from the previous year",
    note: "Notes",
    final_target: "Final target",
    not_collected: "Not yet collected",
    rate_given: "Rate as published by the city",
    grade_manual: "Evaluated by hand",
    svg_download: "download as SVG",
    secretariat: "Secretariat",
    chair: "Chair",
    meetings_held: "Meetings held",
    glossary: "Glossary",
    goals_status: "Progress by goal",
    summary_caption: "{plan}: evaluation of each goal (number of indicators)",

    latest_report: "Latest report: {year}",
    read_report: "Read the report for {year}",
    years_title: "Reports by fiscal year",

    plan_period: "Plan period: {period}",
    year_chart_caption: "Figure: average achievement of each goal; the figures are in the table above",
    year_chapters: "Chapters for this year",
    year_meetings: "Meetings this year",

    goal_grade: "Goal evaluation",
    indicators_status: "Progress of the indicators",
    indicator_count: "Indicators",
    outlook: "Future direction",
    summary_chart_caption: "Figure: achievement of each indicator; the tables are under each measure below",
    managed_by: "Progress of this plan is reviewed by: ",
    measure_id: "Measure {id}",
    measure_department: "Department: {department}",
    measure_indicators: "Indicators of measure {id}",
    indicator_name: "Indicator",
    indicator_unit: "Unit: {unit}",
    cumulative: "cumulative",
    indicator_final: "final target {target} ({year})",
    trend_caption: "{name} by year (unit: {unit})",
    trend_figcaption: "Figure and table: {name} by year",
    trend_download: "download the figure as SVG",
    projects_title: "Main projects",
    budget_chart_caption: "Figure: settled and budgeted amounts of each project; the figures are in the table below",
    evaluation: "Evaluation",
    legend: "※ in the evaluation column marks an evaluation given by hand by the department; ※ in the achievement column marks a rate published by the city as is. “Not yet collected” marks indicators whose actual value has not been collected yet.",

    indicator_definition: "Definition",
    direction: "Desired direction",
    value_kind: "Kind of value",
    per_year_target: "Target for each year",
    formula: "How achievement is calculated",
    source: "Source",
    history_title: "Year by year",
    history_chart_caption: "Figure: target and actual value by year; the figures are in the table below",
    history_caption: "{name}: target, actual value and achievement by year (unit: {unit})",

    bodies_intro: "The following bodies review, evaluate and coordinate the plan so that it moves forward.",
    diagram_caption: "How the plan is promoted",
    bodies_relations: "How the bodies relate",
    bodies_list: "List of bodies",
    body_kind: "Type",
    body_basis: "Established under",
    body_members: "Members",
    body_member_total: "Total {total}",
    body_plans: "Plans it reviews",
    body_role: "Role and responsibilities",
    body_relations: "Relations with other bodies",
    relation_to_before: "{kind} to ",
    relation_to_after: "",
    relation_from_before: "{kind} from ",
    relation_from_after: "",
    body_no_meetings: "No meetings are listed.",

    meeting_body: "Body",
    meeting_when: "Date and time",
    meeting_place: "Place",
    meeting_chair: "Chair",
    meeting_attendees: "Present",
    meeting_absent: "Absent",
    meeting_open: "Open to the public",
    meeting_public: "Open",
    meeting_closed: "Closed",
    meeting_observers: "Observers",
    meeting_agenda: "Agenda",
    meeting_materials: "Documents",
    meeting_material: "{title} ({kind}, {size})",
    meeting_minutes: "Minutes",

    print_published: "Published {date}",
    print_hint: "This page is for printing. Use your browser's Print command to print it on A4 paper or save it as a PDF. ",
    print_back: "Back to the normal view",
    print_toc: "Contents",
    print_overview: "Overview",

    glossary_intro: "Terms marked with an asterisk in the text are explained here.",

    data_intro: "The figures of the indicators and projects in this report are published in machine-readable files. Anyone may use them freely.",
    data_caption: "Data files by fiscal year",
    data_indicators_csv: "Indicators (CSV)",
    data_projects_csv: "Projects (CSV)",
    data_json: "Indicators and projects (JSON)",
    data_indicators: "{count} indicators",
    data_projects: "{count} projects",
    data_format: "File format",
    data_encoding: "The files are UTF-8 with CRLF line endings.",
    data_encoding_bom: "The files are UTF-8 with a byte-order mark (Excel opens them as they are) and CRLF line endings.",
    data_cells: "Column names are in English. Each cell holds one value. Units are in their own column; number columns hold digits only.",
    data_numbers: "Numbers are the digits the page shows without thousands separators or %, with the same decimals (the page's 1,234.5 is 1234.5, 87.0% is 87.0). JSON writes numbers as strings (\"87.0\") and a missing value as null.",
    data_years: "Fiscal years are given both as Western years and in the Japanese era (FY2023 is Reiwa 5).",
    data_code: "The first column is the local government code ({code}).",
    data_not_collected: "The rate status column says how a rate came about: \"computed\" by the formula, \"published\" by the city as is, or \"Met\" and \"Not met\" where a target has no rate. For an indicator whose actual value has not been collected yet, the actual and achievement rate columns are empty and its status is \"Not yet collected\"; an indicator with no target for the year has \"No target\".",
};

const CALENDAR: CalendarWords = CalendarWords {
    eras: ["Reiwa", "Heisei", "Showa", "Taisho", "Meiji"],
    first_year: "1",
    fy_wareki: "{era} {n}",
    fy_seireki: "FY{year}",
    fy_both: "{seireki} ({wareki})",
    // English readers know Western dates; the era stays in fiscal years, where cities use it.
    date_wareki: "{month_name} {day}, {year}",
    date_seireki: "{month_name} {day}, {year}",
    date_weekday: "{date} ({weekday})",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
};

const MESSAGES: Messages = Messages {
    list_sep: ", ",

    error: "error",
    warning: "warning",
    hint: "help",
    summary: "errors: {errors}, warnings: {warnings}",

    did_you_mean: "did you mean `{name}`?",
    did_you_mean_keys: "did you mean `{name}`? (valid keys: {keys})",
    did_you_mean_values: "did you mean `{name}`? (allowed values: {values})",
    did_you_mean_scales: "did you mean `{name}`? (defined: {names})",
    valid_keys: "valid keys: {keys}",
    valid_values: "allowed values: {values}",
    defined_scales: "defined scales: {names}",
    missing_key: "required key `{key}` is missing",

    no_book: "book.toml is missing",
    no_book_hint: "run nenpo in the report's folder (or name it with -C), or start a new report with `nenpo init <folder>`",
    book_unknown_key: "unknown key `{key}` in book.toml",
    book_title_hint: "add title = \"…\" under [report]",
    book_syntax: "book.toml is not valid TOML: {detail}",
    title_empty: "title is empty",
    scale_undefined: "grade scale `{name}` is not defined",
    scale_order: "scale `{name}`: list the grades highest min first (`{mark}`)",
    scale_twice: "scale `{name}` lists grade `{mark}` twice",
    scale_no_min: "scale `{name}` needs at least one grade with a min",
    decimals_range: "decimals must be between 0 and 4",
    code_digits: "local government code `{code}` is not 6 digits",
    code_check_digit: "the check digit of local government code `{code}` is wrong (it should be {expected})",
    code_hint: "write the 6-digit local government code, check digit included",

    yaml_unknown_key: "unknown key `{key}`",
    yaml_add_key: "add `{key}: …`",
    yaml_bad_value: "`{value}` is not an allowed value",
    yaml_key_twice: "key `{key}` appears twice",
    yaml_a_key_twice: "a key appears twice",
    yaml_remove_one: "remove one of them",
    yaml_syntax: "YAML syntax error ({detail})",
    yaml_syntax_hint: "check the indentation, the space after the colon of `key: value`, and quotes left open",
    yaml_type: "expected {expected}, found {found}",
    yaml_found_text: "text {text}",
    yaml_found_list: "a list",
    yaml_found_map: "`key: value` pairs",
    expect_fiscal_year: "a fiscal year (2023, FY2023, R5 …)",
    expect_date: "a date (2023-11-20 …)",
    expect_number: "a number",
    expect_integer: "a whole number",
    expect_id: "an id (letters and digits)",
    expect_text: "text",
    expect_bool: "true or false",
    expect_list: "a list (lines starting with -, or [ ])",
    expect_map: "`key: value` pairs",
    expect_other: "{what}",
    hint_number: "write the number alone, without units, commas or words (null when not yet collected)",
    hint_fiscal_year: "write it like 2023, FY2023, R5 or H29",
    hint_date: "write it like 2023-11-20",
    hint_quote_bool: "YAML reads no, yes, on, off, true and false as true/false; as an id or a text, quote it, as \"no\":",

    no_content: "the content folder is missing",
    no_content_hint: "create content/ next to book.toml",
    unknown_place: "this file does not belong in the content tree",
    unknown_place_hint: "this file is not read: move it to its place in the content tree (plans/, bodies/, a year folder, glossary.yaml, index.md) or to assets/",
    year_dir_hint: "name year folders by the Western year, like 2023 (`{dir}` is not a fiscal year)",
    no_front_matter: "the front matter is missing",
    no_front_matter_hint: "start the file with settings between `---` lines (---\n{example}\n---)",
    front_matter_open: "the front matter is never closed",
    front_matter_open_hint: "add a line holding only `---` after the front matter",
    cannot_read: "cannot read the file: {error}",
    not_utf8: "the file is not UTF-8",
    not_utf8_sjis: "the file is not UTF-8 (it looks like Shift_JIS)",
    utf8_hint: "save the file again with the UTF-8 encoding",

    output_is_project: "the output folder {path} is the report's folder itself (or holds it); set [build] output in book.toml to a folder such as public",
    output_inside: "the output folder {path} is inside {dir}/; choose a folder apart from the content",
    output_not_ours: "the output folder {path} holds files nenpo did not write; empty it after checking, or choose another folder",
    cannot_create: "cannot create {path}: {error}",
    cannot_write: "cannot write {path}: {error}",
    cannot_remove: "cannot remove {path}: {error}",
    cannot_move: "cannot move {path}: {error}",
    output_marker: "nenpo wrote this folder. Every build writes it anew.\n",

    stage_load: "loading",
    stage_evaluate: "evaluating",
    stage_render: "rendering",
    stage_write: "writing",
    timings: "timings: {list}",
    timing: "{stage} {secs} s",
    build_done: "wrote {pages} pages ({files} files) to {dir} in {secs} s",
    build_failed: "The output folder was left as it was.",
    check_ok: "No problems found.",
    pdf_done: "printed the {year} report to {pdf} ({pages} pages, {browser}, {secs} s)",
    pdf_failed: "No PDF was made: the content has errors.",
    serving: "Serving the preview at {url}. Open it in a browser.\nSaved changes reload the page; press Ctrl+C to stop.",
    serve_built: "built",
    serve_rebuilt: "rebuilt",
    serve_changed_only: ", changed pages only",
    serve_log: "[{time}] {done} ({pages} pages, {secs} s{how})",
    serve_failed: "The content has errors (also shown in the browser). Fix them and save to rebuild.",
    watch_problem: "file watcher problem: {error}",
    watch_failed: "cannot watch files: {error}",
    port_busy: "cannot listen on port {port} ({error}); choose another, like --port 3001",
    ports_busy: "ports 3000-3010 are all in use ({error}); choose a free one with --port",
    serve_not_found: "Not found",
    serve_page_title: "The content has errors",
    serve_page_lead: "Fix the places below and save: this page reloads by itself.",
    serve_page_details: "Details",
    init_done: "Created a new report in {dir} ({files} files). Next:\n\n\
\x20 cd {dir}\n\
\x20 nenpo serve    preview in a browser while you edit (Ctrl+C to stop)\n\
\x20 nenpo check    look for mistakes in the content\n\
\x20 nenpo build    write the site to public/\n\n\
First change the city's name and contact in book.toml, then the content in content/.\n\
The lines starting with # in each file explain what to write.",
    init_not_empty: "the folder {dir} is not empty, so nothing was written; name a new folder",
    new_year_bad_year: "`{year}` is not a fiscal year: write it like 2025, FY2025 or R7.",
    new_year_failed: "The content has errors: no folder was created.",
    new_year_exists: "{dir} exists already; nothing was written, so nothing is overwritten",
    new_year_done: "Created {dir} ({year}).\n\
\x20 index.md       the year's overview: write its text\n\
\x20 actuals.yaml   {indicators} indicators ({targets} with a target): write each actual value at actual:\n\
\x20 projects.yaml  {projects}\n\
When done, run nenpo check.",
    new_year_projects: "{count} projects carried over from {from}: write the settled amounts, budgets and outcomes",
    new_year_no_projects: "the previous year has no projects, so only an example is there",

    page_error: "{path} ({template}): {error}",
    page_clash: "page {path} would overwrite the page made from {first}",
    page_clash_hint: "rename the file (a chapter may not be named print, meetings or a plan id)",
    templates_unreadable: "cannot load the templates: {error}",
    broken_link: "broken link `{url}` on {page}",
    broken_link_hint: "check the link target; files are linked as assets/…",

    overflow: "{what} is too large to compute (beyond about ±7.9e28)",
    overflow_hint: "check the digits of the values (a wrong unit or a misplaced separator?)",
    overflow_mean: "the mean achievement rate of goal `{goal}`",
    overflow_target: "the {year} target of indicator `{id}` (baseline + per_year × years)",
    overflow_entry: "{figure} of indicator `{id}` in {year}",
    overflow_outcome: "the outcome rate of project `{name}`",
    overflow_rate: "the achievement rate",
    overflow_change: "the change from the previous year",

    pdf_bad_year: "cannot read the fiscal year \"{text}\"; write 2023 or R5",
    pdf_no_report: "there is no report for fiscal year {year} ({wareki}); years: {years}",
    pdf_year_item: "{year} ({wareki})",
    pdf_nothing: "there is no fiscal year to print (no content/<year>/ folder)",
    pdf_chromium_given: "the browser given with --chromium, {path}, does not exist.",
    pdf_no_chromium: "no Chromium, Google Chrome or Microsoft Edge found to print the PDF with.",
    pdf_install:
        "Install one (Debian/Ubuntu: sudo apt install chromium) and try again, or name it with
--chromium PATH. A browser's Print → Save as PDF on the print view works too.",
    pdf_cannot_start: "cannot start {path}: {error}",
    pdf_timeout: "{path} did not finish within {secs} s and was stopped",
    pdf_print_failed: "{path} did not print the PDF (exit status {code}).\n{log}",
    pdf_not_pdf: "the PDF's name {path} does not end in .pdf; give -o a name like report-2023.pdf",
    pdf_is_book: "the PDF's name {path} is the report's book.toml",
    pdf_inside: "the PDF's name {path} is inside the report's {dir}/; choose a place outside it",
    pdf_symlink: "the PDF's name {path} is a symbolic link; give a plain file name",
    pdf_is_dir: "the PDF's name {path} is a folder; name the file, as in {example}",
    pdf_example_name: "report.pdf",
    pdf_not_ours: "{path} exists and is not a PDF nenpo wrote, so it is left alone; remove it or choose another name",
    pdf_cannot_write: "cannot write {path}: {error}",
};

const FILES: Files = Files {
    index_md: "---\n# The overview of {year}. docs/writing-content.md (chapter 5) explains the front matter between the --- lines.\n\
title: Overview of {year}\n\
# The edition line: the year of publication and the year reported on\n\
edition: {next} edition ({year} results)\n\
# Once the publication date is set, remove the leading \"# \" and write it.\n\
# published: {published}\n\
# A draft year is not published (build leaves it out; serve shows it). Remove the next line when it is done.\n\
draft: true\n\
---\n\
Write an overview of the year's work in three to six paragraphs.\n\n\
## Main work\n\n\
Headings appear in the page's table of contents.\n",
    actuals_head: "# The indicators' actual values for {year} (created by nenpo new-year).\n\
# actual: the actual value. Leave it null while it is not yet collected (the page says so).\n\
# target: the year's target, computed from the plan file.\n\
# Notes go in note:, a hand-given evaluation in grade: and grade_note: (docs/writing-content.md, chapter 6).\n",
    actuals_goal: "\n# ── {plan} goal {goal} {title}\n",
    actuals_details: " ({list})",
    cumulative: "cumulative",
    lower_is_better: "lower is better",
    no_target: " the plan gives no target for this year; write target: if there is one",
    projects_head: "# The main projects of {year} (created by nenpo new-year).\n",
    projects_example: "# Start each project with \"-\" and remove the [] on the last line (docs/writing-content.md, chapter 7).\n\
# - name: Project name\n\
#   measure: \"plan-id:measure\"\n\
#   department: Department\n\
#   status: new\n\
#   settled: 1000\n\
#   budget: 1200\n\
#   outcome: {{ name: Outcome indicator, unit: cases, actual: 10, target: 12 }}\n\
[]\n",
    projects_carried: "# The projects of {prev}, carried over. Fill in:\n\
#   settled: the settled amount of {year} (thousand yen)  budget: the budget of {next} (thousand yen)  outcome actual: the outcome\n\
# Mark new projects status: new and enlarged ones enhanced. Remove the projects that ended.\n",
};

const CLI: Cli = Cli {
    about: "nenpo — builds the annual progress report of a municipal plan as a website.",
    usage: "nenpo [options] <command>",
    usage_label: "Usage: ",
    commands: "Commands",
    options: "Options",
    arguments: "Arguments",
    after_help: "\
Most used first:
  nenpo init sakuradai     create a folder for a new report
  nenpo serve              preview in a browser while you edit (Ctrl+C to stop)
  nenpo check              look for mistakes in the content
  nenpo build              write the site to public/
  nenpo new-year 2025      create the folder for fiscal year 2025
  nenpo pdf                print the latest year's report to an A4 PDF

Help on a command: nenpo <command> --help
Exit codes: 0 success, 1 mistakes in the content, 2 mistakes in the command line",
    help: "show this help",
    version: "show the version",
    root: "the report's folder (where book.toml is); the current folder if left out",
    quiet: "show no progress (mistakes are still shown)",
    verbose: "also show how long each stage took",
    value_folder: "folder",
    value_file: "file",
    value_port: "port",
    value_year: "year",
    value_place: "path",
    build: "write the report as a website (to public/ unless told otherwise)",
    build_usage: "nenpo build [-o folder]",
    build_output: "the output folder (overrides [build] output in book.toml)",
    check: "check the content and show every problem (file, line, column, how to fix it)",
    check_usage: "nenpo check [--strict]",
    check_strict: "treat warnings as failures too (exit code 1)",
    serve: "preview in a browser while you edit (every save updates the page)",
    serve_usage: "nenpo serve [--port port]",
    serve_after: "Open the address shown (http://127.0.0.1:3000/ or similar) in a browser.\n\
Saving a file updates the open page. When the content has mistakes, the page shows\n\
where they are and how to fix them. Only this computer can see the preview.",
    serve_port: "the port to use (the first free one from 3000 if left out)",
    init: "create a new report with example content",
    init_usage: "nenpo init <folder>",
    init_after: "Example: nenpo init kankyo-nenpo\n\
book.toml and content/ get the example content of the fictional city of Wakaba.\n\
The lines starting with # in each file explain what to write.",
    init_dir: "the folder to create (made if missing; nothing is written if it is not empty)",
    new_year: "create the folder for a new fiscal year (indicators listed, targets filled in)",
    new_year_usage: "nenpo new-year <year>",
    new_year_after: "Example: nenpo new-year 2025 (FY2025 and R7 work too)\n\
Creates content/2025/ with index.md, actuals.yaml (the year's indicators and targets)\n\
and projects.yaml (the previous year's projects carried over). An existing folder is never overwritten.",
    new_year_year: "the fiscal year (2025, FY2025, R7 …)",
    pdf: "write the site and print a year's print view to an A4 PDF with this computer's Chromium",
    pdf_usage: "nenpo pdf [year] [-o file] [--chromium path]",
    pdf_after: "Example: nenpo pdf (the latest year), nenpo pdf 2023 -o report-2023.pdf\n\
Looks for Chromium, Google Chrome or Microsoft Edge on the PATH and where they are usually installed.\n\
The contents list gets each chapter's page number, and the headings become PDF bookmarks.",
    pdf_year: "the fiscal year (2023, FY2023, R5 …); the latest if left out",
    pdf_output: "where to save the PDF (a name ending in .pdf; <output>/<year>/nenpo-<year>.pdf if left out); never inside the content folders or over a file nenpo did not write",
    pdf_chromium: "the browser to use (Chromium, Google Chrome, Microsoft Edge); found by itself if left out",
    no_command: "there is no command `{name}`.",
    no_option: "there is no option `{name}`.",
    missing_argument: "give {name}.",
    bad_value: "`{value}` cannot be used for {name}.",
    see_help: "See nenpo --help for how to use it.",
};
