//! The words of 環境の現況 (SPEC §12), in both languages: page labels (templates read them as
//! `tm`), the words code puts into sentences, tables, charts and data files, the messages of
//! `check`, and what `nenpo new-year` writes into monitoring.yaml. Kept in a file of its own
//! so the monitoring feature is one place in the catalogue.

use serde::Serialize;

/// Everything the monitoring pages and checks write in one language.
#[derive(Debug, Serialize)]
pub struct Monitoring {
    /// Page labels, `tm.…` in templates.
    pub page: MonitoringPage,
    /// Words code puts into pages, charts and data files.
    pub words: MonitoringWords,
    /// Diagnostics.
    pub msg: MonitoringMessages,
    /// monitoring.yaml written by `nenpo new-year`.
    pub files: MonitoringFiles,
}

/// Fixed text of the monitoring pages.
#[derive(Debug, Serialize)]
pub struct MonitoringPage {
    pub title: &'static str,
    pub intro: &'static str,
    pub item: &'static str,
    pub standard: &'static str,
    pub attainment: &'static str,
    pub attainment_title: &'static str,
    pub results_title: &'static str,
    pub site_kind: &'static str,
    pub address: &'static str,
    pub class: &'static str,
    pub statistic: &'static str,
    /// A column's standard: `{standard}`.
    pub standard_is: &'static str,
    /// A cell's own standard, under its value: `{standard}`.
    pub cell_standard: &'static str,
    pub trend_title: &'static str,
    /// `{item}`.
    pub trend_figcaption: &'static str,
    pub notes_title: &'static str,
    pub given: &'static str,
    pub sites_title: &'static str,
    pub site_items: &'static str,
    pub site_note: &'static str,
    pub data_csv: &'static str,
    /// `{count}`.
    pub data_count: &'static str,
    pub data_about: &'static str,
}

/// Words code puts into pages, charts and data files.
#[derive(Debug, Serialize)]
pub struct MonitoringWords {
    /// ○, ×, the mark of a value that is not assessed, and the mark of a judgement the
    /// city published.
    pub marks: [&'static str; 4],
    /// The status symbols in English builds, in [`crate::figure::Status::ALL`] order
    /// (Japanese uses the statuses' own symbols).
    pub status_symbols: [&'static str; 5],
    /// What each status means, in the legend, same order.
    pub status_meanings: [&'static str; 5],
    /// Each status in a sentence (「1局は欠測」), same order.
    pub status_names: [&'static str; 5],
    /// A legend entry: `{symbol}`, `{meaning}`.
    pub legend_entry: &'static str,
    /// 局 for one and for many.
    pub station: [&'static str; 2],
    /// 地点 for one and for many.
    pub site: [&'static str; 2],
    /// `{item}`, `{met}`, `{total}`, `{counter}`.
    pub summary: &'static str,
    /// The same, short, for a table cell: `{met}`, `{total}`, `{counter}`.
    pub summary_short: &'static str,
    /// Values not counted: `{list}`.
    pub summary_others: &'static str,
    /// One kind of value not counted: `{count}`, `{counter}`, `{what}`.
    pub summary_other: &'static str,
    /// `{item}`.
    pub summary_none_judged: &'static str,
    /// `{item}`.
    pub summary_no_standard: &'static str,
    pub no_standard: &'static str,
    pub not_judged: &'static str,
    pub undetermined: &'static str,
    /// `{value}`.
    pub standard_max: &'static str,
    /// `{value}`.
    pub standard_min: &'static str,
    /// `{min}`, `{max}`.
    pub standard_range: &'static str,
    /// A standard in force from a year: `{standard}`, `{year}`.
    pub standard_from: &'static str,
    /// `{standard}`.
    pub chart_standard: &'static str,
    /// `{unit}`.
    pub chart_unit: &'static str,
    /// `{item}`.
    pub chart_title: &'static str,
    pub chart_no_data: &'static str,
    /// `{item}`, `{statistic}`, `{first}`, `{last}`.
    pub desc_intro: &'static str,
    /// The same without a statistic: `{item}`, `{first}`, `{last}`.
    pub desc_intro_plain: &'static str,
    /// `{standard}`.
    pub desc_standard: &'static str,
    /// `{site}`, `{first_year}`, `{first}`, `{last_year}`, `{last}`.
    pub desc_site: &'static str,
    /// `{site}`, `{year}`, `{value}`.
    pub desc_site_one: &'static str,
    /// `{site}`.
    pub desc_site_none: &'static str,
    /// Between the sites of the description.
    pub desc_sep: &'static str,
    /// Between the sentences of the description.
    pub desc_gap: &'static str,
    /// 適合, 不適合, 評価対象外, 判定不能, 基準なし (open data).
    pub judgements: [&'static str; 5],
    /// The judgement's basis in open data: by the standard, published by the city.
    pub bases: [&'static str; 2],
    /// What a value is, in open data: below the limit, not detected.
    pub value_kinds: [&'static str; 2],
    /// A footnote's mark: `{n}`.
    pub note_mark: &'static str,
    /// The CSV header.
    pub csv_header: [&'static str; 21],
    /// An item in the print view's table of contents and in a year's chapter list.
    pub year_link: &'static str,
    /// A group's page title: `{group}`.
    pub group_title: &'static str,
    /// The overview table of a group: `{group}`.
    pub overview_caption: &'static str,
    /// `{group}`.
    pub group_link: &'static str,
    /// `{group}`, `{year}`.
    pub results_caption: &'static str,
    pub site_heading: &'static str,
    pub standard_by_site: &'static str,
    /// `{item}`, `{unit}`.
    pub trend_caption: &'static str,
    /// `{item}`.
    pub trend_caption_no_unit: &'static str,
    /// An item with its unit, naming a value on a phone: `{item}`, `{unit}`.
    pub item_with_unit: &'static str,
    pub legend_meets: &'static str,
    pub legend_fails: &'static str,
    pub legend_not_judged: &'static str,
    /// A value below a limit of quantification that lies above the standard.
    pub legend_undetermined: &'static str,
    pub legend_not_measured: &'static str,
    pub legend_below: &'static str,
    pub legend_given: &'static str,
    pub meets: &'static str,
    pub fails: &'static str,
    /// `{site}`, `{group}`.
    pub site_caption: &'static str,
}

/// Diagnostics about monitoring files.
#[derive(Debug, Serialize)]
pub struct MonitoringMessages {
    /// `{id}`.
    pub unknown_dataset: &'static str,
    /// `{list}`.
    pub datasets_are: &'static str,
    pub no_datasets: &'static str,
    /// `{dataset}`, `{id}`.
    pub unknown_site: &'static str,
    /// `{list}`.
    pub sites_are: &'static str,
    /// `{id}`, `{dataset}`, `{other}`.
    pub site_elsewhere: &'static str,
    /// `{before}`, `{after}`.
    pub split_number: &'static str,
    /// `{before}`, `{after}`, `{joined}`.
    pub split_number_hint: &'static str,
    pub value_hint: &'static str,
    pub limit_not_number: &'static str,
    pub limit_hint: &'static str,
    pub meets_and_not_judged: &'static str,
    pub meets_and_not_judged_hint: &'static str,
    /// `{value}`.
    pub meets_without_value: &'static str,
    pub meets_without_value_hint: &'static str,
    /// `{min}`, `{max}`.
    pub min_over_max: &'static str,
    pub min_over_max_hint: &'static str,
    /// `{from}`, `{until}`.
    pub years_reversed: &'static str,
    pub unit_missing: &'static str,
    pub unit_missing_hint: &'static str,
    /// `{value}`.
    pub counter_unknown: &'static str,
    pub counter_hint: &'static str,
    /// `{name}`.
    pub group_no_id: &'static str,
    /// `{name}`.
    pub group_no_id_hint: &'static str,
    /// `{id}`.
    pub group_bad_id: &'static str,
    /// What an id names, in the id checks' messages: a dataset's file name.
    pub id_dataset: &'static str,
    /// … and a site's id.
    pub id_site: &'static str,
    /// `{id}`, `{a}`, `{b}`.
    pub group_two_names: &'static str,
    pub group_two_names_hint: &'static str,
    /// `{id}`.
    pub site_no_name: &'static str,
    /// `{id}`.
    pub site_no_name_hint: &'static str,
    /// `{id}`, `{field}`, `{a}`, `{b}`, `{file}`.
    pub site_differs: &'static str,
    pub site_differs_hint: &'static str,
    /// `{id}`.
    pub site_twice: &'static str,
    pub no_sites: &'static str,
    pub no_sites_hint: &'static str,
    /// `{year}`, `{dataset}`, `{site}`.
    pub site_missing: &'static str,
    /// `{site}`.
    pub site_missing_hint: &'static str,
    pub decimals_range: &'static str,
    /// `{id}`, `{dataset}`.
    pub from_with_actual: &'static str,
    pub from_with_actual_hint: &'static str,
    /// `{count}`.
    pub new_year_monitoring: &'static str,
}

/// What `nenpo new-year` writes into the year's monitoring.yaml.
#[derive(Debug, Serialize)]
pub struct MonitoringFiles {
    /// The opening comment: `{year}`.
    pub head: &'static str,
    /// The comment before a dataset's sites: `{title}`, `{details}`.
    pub item: &'static str,
    /// After an indicator fed by a dataset in actuals.yaml: `{dataset}`, `{site}`.
    pub fed: &'static str,
}

/// Japanese.
pub const JA: Monitoring = Monitoring {
    page: MonitoringPage {
        title: "環境の現況",
        intro: "市内の測定地点で行った測定の結果と、環境基準の達成状況です。項目ごとの経年変化は、各分類のページに掲載しています。",
        item: "項目",
        standard: "環境基準",
        attainment: "達成状況",
        attainment_title: "環境基準の達成状況",
        results_title: "測定結果",
        site_kind: "種別",
        address: "所在地",
        class: "類型",
        statistic: "評価に用いる値",
        standard_is: "環境基準：{standard}",
        cell_standard: "基準 {standard}",
        trend_title: "経年変化",
        trend_figcaption: "図：{item}の経年変化",
        notes_title: "注",
        given: "市の判定",
        sites_title: "測定地点",
        site_items: "測定項目",
        site_note: "備考",
        data_csv: "環境の現況（CSV）",
        data_count: "測定値 {count}件",
        data_about: "環境の現況（CSV）は、測定項目・測定地点ごとに1行で、測定値、環境基準（下限・上限）と適合の判定を載せています。定量下限値未満・不検出・欠測の値は「測定値」の列が空欄で、「測定値の表記」の列にページと同じ表記があります。",
    },
    words: MonitoringWords {
        marks: ["○", "×", "－", "＊"],
        status_symbols: ["未集計", "－", "…", "x", "欠測"],
        status_meanings: [
            "まだ集計していないもの",
            "該当するものがないもの",
            "不明なもの",
            "公表していないもの",
            "機器の故障や保守などにより測定できなかったもの",
        ],
        status_names: ["未集計", "該当なし", "不明", "非公表", "欠測"],
        legend_entry: "{symbol}：{meaning}",
        station: ["局", "局"],
        site: ["地点", "地点"],
        summary: "{item}は、{total}{counter}中{met}{counter}で環境基準を達成しました。",
        summary_short: "{total}{counter}中{met}{counter}で達成",
        summary_others: "このほか、{list}です。",
        summary_other: "{count}{counter}は{what}",
        summary_none_judged: "{item}は、この年度は環境基準による評価を行っていません。",
        summary_no_standard: "{item}には環境基準が定められていません。",
        no_standard: "なし",
        not_judged: "評価の対象外",
        undetermined: "判定できない値",
        standard_max: "{value}以下",
        standard_min: "{value}以上",
        standard_range: "{min}〜{max}",
        standard_from: "{standard}（{year}から）",
        chart_standard: "環境基準 {standard}",
        chart_unit: "単位：{unit}",
        chart_title: "{item}の経年変化",
        chart_no_data: "データがありません",
        desc_intro: "{item}（{statistic}）の{first}から{last}までの測定地点別の推移。",
        desc_intro_plain: "{item}の{first}から{last}までの測定地点別の推移。",
        desc_standard: "環境基準は{standard}です。",
        desc_site: "{site}は{first_year}が{first}、{last_year}が{last}",
        desc_site_one: "{site}は{year}が{value}",
        desc_site_none: "{site}は数値がありません",
        desc_sep: "。",
        desc_gap: "",
        judgements: ["適合", "不適合", "評価対象外", "判定不能", "基準なし"],
        bases: ["基準値との比較", "市の判定"],
        value_kinds: ["定量下限値未満", "不検出"],
        csv_header: [
            "全国地方公共団体コード",
            "年度",
            "年度（和暦）",
            "分類",
            "項目ID",
            "項目名",
            "単位",
            "評価に用いる値",
            "地点ID",
            "地点名",
            "類型",
            "測定値",
            "測定値の表記",
            "値の状態",
            "定量下限値",
            "環境基準（下限）",
            "環境基準（上限）",
            "環境基準",
            "適合の判定",
            "判定の方法",
            "備考",
        ],
        year_link: "環境の現況（測定結果）",
        note_mark: "※{n}",
        group_title: "環境の現況（{group}）",
        overview_caption: "{group}の環境基準の達成状況",
        group_link: "{group}の測定結果",
        results_caption: "{group}の測定結果（{year}）",
        site_heading: "測定地点",
        standard_by_site: "地点ごとに定めています",
        trend_caption: "{item}の経年変化（単位：{unit}）",
        trend_caption_no_unit: "{item}の経年変化",
        item_with_unit: "{item}（{unit}）",
        legend_meets: "○：環境基準に適合",
        legend_fails: "×：環境基準に不適合",
        legend_not_judged: "－：評価の対象外（測定時間の不足などによるもの）",
        legend_undetermined: "－：判定できない値（定量下限値が環境基準より高いため）",
        legend_not_measured: "—：測定を行っていない項目",
        legend_below: "「<」「未満」は定量下限値未満、「ND」は不検出を表します。",
        legend_given: "＊：測定値だけでは判定できない条件（2日以上の連続した超過など）により、市が判定したもの",
        meets: "適合",
        fails: "不適合",
        site_caption: "{site}の{group}の測定結果（年度別）",
    },
    msg: MonitoringMessages {
        unknown_dataset: "測定項目「{id}」は content/monitoring/ にありません",
        datasets_are: "測定項目: {list}",
        no_datasets: "content/monitoring/ に測定項目のファイル（例: no2.yaml）を置いてください",
        unknown_site: "測定項目「{dataset}」の測定地点に「{id}」はありません",
        sites_are: "この項目の測定地点: {list}",
        site_elsewhere: "「{id}」は「{other}」の測定地点です。{dataset} でも測定しているなら、content/monitoring/{dataset}.yaml の sites に加えてください",
        split_number: "「{before},{after}」の「,」で、値が2つに分かれています（YAML の {{ }} の中では「,」が区切りになります）",
        split_number_hint: "\"{before},{after}\" のように引用符で囲むか、{joined} と書いてください（小数点なら {before}.{after}）",
        value_hint: "数値を書きます（例: 0.031）。欠測は 欠測、定量下限値未満は \"<0.5\"、不検出は ND、まだ集計していない値は null と書きます",
        limit_not_number: "環境基準の値は数値で書きます",
        limit_hint: "max: 0.06 のように数値だけを書きます。単位は unit に書きます",
        meets_and_not_judged: "meets と judged: false は同時に書けません",
        meets_and_not_judged_hint: "市が公表した判定なら meets を、評価しない値なら judged: false を、どちらか一方だけ書きます",
        meets_without_value: "数値のない値（{value}）には meets を書けません",
        meets_without_value_hint: "meets を消してください。数値のない値は環境基準の評価に数えません",
        min_over_max: "環境基準の下限（min: {min}）が上限（max: {max}）より大きくなっています",
        min_over_max_hint: "min と max を確かめてください。範囲は min に小さい方、max に大きい方を書きます（例: pH は min: 6.5, max: 8.5）",
        years_reversed: "from（{from}）が until（{until}）より後になっています",
        unit_missing: "unit（単位）がありません",
        unit_missing_hint: "unit: ppm のように単位を書きます。pH のように単位のない項目は unit: \"\" と書きます",
        counter_unknown: "counter は「局」か「地点」です（「{value}」と書かれています）",
        counter_hint: "測定局なら counter: 局、それ以外は counter: 地点 と書きます（書かなければ 地点）",
        group_no_id: "分類「{name}」のページの場所（ID）が決められません",
        group_no_id_hint: "group: {{ id: kogai, name: {name} }} のように、半角英数字のIDを添えてください",
        group_bad_id: "分類のID「{id}」には半角の英小文字・数字・「-」だけが使えます",
        id_dataset: "測定項目のID（ファイル名）",
        id_site: "測定地点のID",
        group_two_names: "分類のID「{id}」に2つの名前（「{a}」と「{b}」）があります",
        group_two_names_hint: "同じ分類の測定項目には、同じ group を書いてください",
        site_no_name: "測定地点「{id}」の名前（name）が、どの測定項目にも書かれていません",
        site_no_name_hint: "いずれかの測定項目の sites に {{ id: {id}, name: 本町局 }} のように名前を書きます",
        site_differs: "測定地点「{id}」の{field}が、{file} では「{a}」、ここでは「{b}」です",
        site_differs_hint: "同じIDの測定地点は同じ内容で書くか、片方だけに書いてください。別の地点なら別のIDを付けます",
        site_twice: "測定地点「{id}」が2回書かれています",
        no_sites: "測定地点（sites）がありません",
        no_sites_hint: "sites: に { id: honcho, name: 本町局 } のように測定地点を書きます",
        site_missing: "{year}の「{dataset}」に、測定地点「{site}」の値がありません",
        site_missing_hint: "値を書いてください。まだ集計していなければ {site}: null、測定できなかったときは {site}: 欠測 と書きます。測定をやめた地点は、測定項目のファイルの sites に until: を書きます",
        decimals_range: "decimals（小数点以下の桁数）は 0 から 6 までです",
        from_with_actual: "指標「{id}」の実績値は測定項目「{dataset}」から取るため、actuals.yaml に actual は書けません",
        from_with_actual_hint: "actual を消してください（目標値 target は書けます）",
        new_year_monitoring: "monitoring.yaml に測定値の欄を {count} か所作りました。",
    },
    files: MonitoringFiles {
        head: "# {year}の環境の現況（測定結果）です。\n# 測定項目（content/monitoring/ のファイル名）ごとに、測定地点ごとの値を書きます。\n# 書き方の例: 0.031（数値。書いた桁のまま表示します）、欠測、\"<0.5\"（定量下限値未満）、ND（不検出）、\n# null（まだ集計していない値）。注記や市の判定は { value: 0.064, meets: false, note: \"…\" } のように書きます。\n",
        item: "\n# {title}（{details}）\n",
        fed: "（実績値は monitoring.yaml の {dataset} の {site} から取ります）",
    },
};

/// English.
pub const EN: Monitoring = Monitoring {
    page: MonitoringPage {
        title: "State of the environment",
        intro: "Measurements at the monitoring sites in the city, and whether they meet the environmental quality standards. Each group's page shows every item's trend over the years.",
        item: "Item",
        standard: "Environmental standard",
        attainment: "Attainment",
        attainment_title: "Attainment of the environmental standards",
        results_title: "Measurement results",
        site_kind: "Type",
        address: "Address",
        class: "Class",
        statistic: "Value assessed",
        standard_is: "Standard: {standard}",
        cell_standard: "standard {standard}",
        trend_title: "Trend",
        trend_figcaption: "Chart: {item} by year",
        notes_title: "Notes",
        given: "judged by the city",
        sites_title: "Sites",
        site_items: "Items measured",
        site_note: "Note",
        data_csv: "State of the environment (CSV)",
        data_count: "{count} values",
        data_about: "The state-of-the-environment CSV has one row per item and site, with the value, the standard (lower and upper limit) and whether it is met. A value below the limit of quantification, not detected or missing leaves the value column empty; the column beside it shows it as the page does.",
    },
    words: MonitoringWords {
        marks: ["○", "×", "–", "*"],
        status_symbols: ["Not collected", "–", "…", "x", "Missing"],
        status_meanings: [
            "not collected yet",
            "not applicable",
            "unknown",
            "withheld",
            "not measured because of equipment failure or maintenance",
        ],
        status_names: [
            "not collected",
            "not applicable",
            "unknown",
            "withheld",
            "missing",
        ],
        legend_entry: "{symbol}: {meaning}",
        station: ["station", "stations"],
        site: ["site", "sites"],
        summary: "{item}: the environmental standard was met at {met} of {total} {counter}.",
        summary_short: "met at {met} of {total} {counter}",
        summary_others: "Besides: {list}.",
        summary_other: "{what} at {count} {counter}",
        summary_none_judged: "{item} was not assessed against the environmental standard this year.",
        summary_no_standard: "{item} has no environmental standard.",
        no_standard: "none",
        not_judged: "not assessed",
        undetermined: "a value that cannot be judged",
        standard_max: "≤ {value}",
        standard_min: "≥ {value}",
        standard_range: "{min}–{max}",
        standard_from: "{standard} (from {year})",
        chart_standard: "Standard {standard}",
        chart_unit: "Unit: {unit}",
        chart_title: "{item} by year",
        chart_no_data: "No data",
        desc_intro: "{item} ({statistic}) at each site from {first} to {last}.",
        desc_intro_plain: "{item} at each site from {first} to {last}.",
        desc_standard: "The environmental standard is {standard}.",
        desc_site: "{site}: {first} in {first_year}, {last} in {last_year}",
        desc_site_one: "{site}: {value} in {year}",
        desc_site_none: "{site}: no values",
        desc_sep: ". ",
        desc_gap: " ",
        judgements: [
            "meets",
            "fails",
            "not assessed",
            "undetermined",
            "no standard",
        ],
        bases: ["by the standard", "published by the city"],
        value_kinds: ["below the limit of quantification", "not detected"],
        csv_header: [
            "Local government code",
            "Fiscal year",
            "Fiscal year (era)",
            "Group",
            "Item ID",
            "Item",
            "Unit",
            "Value assessed",
            "Site ID",
            "Site",
            "Class",
            "Value",
            "Value as printed",
            "Value status",
            "Limit of quantification",
            "Standard (lower)",
            "Standard (upper)",
            "Standard",
            "Judgement",
            "Judged by",
            "Note",
        ],
        year_link: "State of the environment (measurements)",
        note_mark: "[{n}]",
        group_title: "State of the environment: {group}",
        overview_caption: "Attainment of the environmental standards: {group}",
        group_link: "Measurement results: {group}",
        results_caption: "Measurement results: {group} ({year})",
        site_heading: "Site",
        standard_by_site: "set for each site",
        trend_caption: "{item} by year (unit: {unit})",
        trend_caption_no_unit: "{item} by year",
        item_with_unit: "{item} ({unit})",
        legend_meets: "○: meets the environmental standard",
        legend_fails: "×: does not meet the environmental standard",
        legend_not_judged: "–: not assessed (too few hours measured, for example)",
        legend_undetermined: "–: cannot be judged (the limit of quantification is above the standard)",
        legend_not_measured: "—: not measured",
        legend_below: "“<” marks a value below the limit of quantification; “ND”, not detected.",
        legend_given: "*: judged by the city on conditions the value alone does not show (exceedances on two or more consecutive days, for example)",
        meets: "meets",
        fails: "does not meet",
        site_caption: "{site}: {group} by year",
    },
    msg: MonitoringMessages {
        unknown_dataset: "there is no dataset `{id}` in content/monitoring/",
        datasets_are: "datasets: {list}",
        no_datasets: "put a file for each measured item in content/monitoring/ (no2.yaml, for example)",
        unknown_site: "dataset `{dataset}` has no site `{id}`",
        sites_are: "sites of this dataset: {list}",
        site_elsewhere: "`{id}` is a site of `{other}`; if {dataset} is measured there too, add it to the sites of content/monitoring/{dataset}.yaml",
        split_number: "the comma in `{before},{after}` splits the value in two (inside YAML's {{ }} a comma separates entries)",
        split_number_hint: "quote it as \"{before},{after}\" or write {joined} ({before}.{after} for a decimal)",
        value_hint: "write a number (0.031), \"<0.5\" for a value below the limit of quantification, ND when not detected, null when not collected yet, or a status word (see the guide)",
        limit_not_number: "a standard's limit must be a number",
        limit_hint: "write the number alone, as max: 0.06; the unit goes in `unit`",
        meets_and_not_judged: "`meets` and `judged: false` cannot be given together",
        meets_and_not_judged_hint: "give `meets` for the city's published judgement or `judged: false` for a value that is not assessed, not both",
        meets_without_value: "a value without a number ({value}) cannot take `meets`",
        meets_without_value_hint: "remove `meets`: values without a number are not counted in the assessment",
        min_over_max: "the standard's lower limit (min: {min}) is above its upper limit (max: {max})",
        min_over_max_hint: "check min and max: a range has the smaller value as min and the larger as max (pH: min: 6.5, max: 8.5)",
        years_reversed: "`from` ({from}) is after `until` ({until})",
        unit_missing: "`unit` is missing",
        unit_missing_hint: "write the unit, as unit: ppm; for an item without a unit (pH) write unit: \"\"",
        counter_unknown: "counter must be `station` or `site`, not `{value}`",
        counter_hint: "counter: station for monitoring stations, counter: site otherwise (the default)",
        group_no_id: "the group `{name}` needs an id for its page",
        group_no_id_hint: "write group: {{ id: complaints, name: {name} }} with an ASCII id",
        group_bad_id: "a group id may only hold lower-case ASCII letters, digits and `-`: `{id}`",
        id_dataset: "dataset id (file name)",
        id_site: "site id",
        group_two_names: "the group id `{id}` has two names (`{a}` and `{b}`)",
        group_two_names_hint: "write the same group in every dataset of the group",
        site_no_name: "no dataset gives the name of site `{id}`",
        site_no_name_hint: "give it in the sites of one dataset: {{ id: {id}, name: … }}",
        site_differs: "the {field} of site `{id}` is `{a}` in {file} but `{b}` here",
        site_differs_hint: "describe a site the same way everywhere, or in one dataset only; a different site needs its own id",
        site_twice: "site `{id}` is listed twice",
        no_sites: "the dataset has no sites",
        no_sites_hint: "list its sites under sites:, as { id: honcho, name: Honcho station }",
        site_missing: "{year}: dataset `{dataset}` has no value for site `{site}`",
        site_missing_hint: "write its value, or {site}: null when it is not collected yet; a site no longer measured gets until: in the dataset's sites",
        decimals_range: "decimals must be between 0 and 6",
        from_with_actual: "indicator `{id}` takes its actuals from dataset `{dataset}`, so actuals.yaml cannot give `actual`",
        from_with_actual_hint: "remove `actual` (a `target` may stay)",
        new_year_monitoring: "monitoring.yaml has {count} values to fill in.",
    },
    files: MonitoringFiles {
        head: "# State of the environment (measurements) of {year}.\n# For each dataset (a file name in content/monitoring/), the value at each site.\n# Write 0.031 (a number, shown with the digits written), \"<0.5\" (below the limit),\n# ND (not detected) or null (not collected yet); notes as { value: 0.064, meets: false, note: \"…\" }.\n",
        item: "\n# {title} ({details})\n",
        fed: " (the actual comes from {dataset} at {site} in monitoring.yaml)",
    },
};
