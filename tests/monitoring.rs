//! 環境の現況 (SPEC §12) on the bundled example and on broken copies of it: each value's
//! 適合 mark as a reader sees it, the counts of the summary sentences, the open data rows,
//! the charts' series, indicators fed by a dataset, `new-year`, and every class of mistake
//! reported with its file and line.

mod common;

use common::{replace, write};

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use nenpo::content::load_report;
use nenpo::site::OutputFile;

/// The example, built once.
fn site() -> &'static [OutputFile] {
    static SITE: OnceLock<Vec<OutputFile>> = OnceLock::new();
    SITE.get_or_init(|| build(&common::example()))
}

fn build(root: &Path) -> Vec<OutputFile> {
    match nenpo::build::render_report(root) {
        Ok((_, files, _)) => files,
        Err(f) => panic!("{}", f.diagnostics.render(f.lang, false)),
    }
}

/// Text of an element, whitespace collapsed.
fn text_of(e: scraper::ElementRef<'_>) -> String {
    e.text().collect::<String>().split_whitespace().collect()
}

/// The cells of the row headed `row` in the table whose caption contains `caption`.
fn row(html: &str, caption: &str, row: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let table = scraper::Selector::parse("table").unwrap();
    let cap = scraper::Selector::parse("caption").unwrap();
    let tr = scraper::Selector::parse("tbody tr").unwrap();
    let th = scraper::Selector::parse("th").unwrap();
    let td = scraper::Selector::parse("td").unwrap();
    for t in doc.select(&table) {
        let Some(c) = t.select(&cap).next() else {
            continue;
        };
        if !text_of(c).contains(caption) {
            continue;
        }
        for r in t.select(&tr) {
            if r.select(&th).next().map(text_of).as_deref() == Some(row) {
                return r.select(&td).map(text_of).collect();
            }
        }
    }
    panic!("no row {row} in a table «{caption}»");
}

/// A copy of the example broken by `edit`: its diagnostics, rendered in Japanese.
fn broken(edit: impl FnOnce(&Path)) -> nenpo::diag::Diagnostics {
    let dir = common::example_copy();
    edit(dir.path());
    load_report(dir.path()).diagnostics
}

/// Asserts a problem at `file:line` whose message contains `words` (an error unless
/// `warning`).
fn assert_reported(
    d: &nenpo::diag::Diagnostics,
    file: &str,
    line: u32,
    words: &str,
    warning: bool,
) {
    let hit = d.sorted().into_iter().any(|x| {
        x.file == file
            && x.line == line
            && x.message.contains(words)
            && (x.severity == nenpo::diag::Severity::Warning) == warning
    });
    assert!(
        hit,
        "expected {file}:{line} 「{words}」, got:\n{}",
        d.render(nenpo::diag::Lang::Ja, false)
    );
}

/// The line of the first occurrence of `needle` in a file of the example.
fn line_of(rel: &str, needle: &str) -> u32 {
    let text = fs::read_to_string(common::example().join(rel)).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() as u32 + 1
}

#[test]
fn each_value_carries_its_judgement_as_published() {
    let water = common::page(site(), "2021/monitoring/water/index.html");
    // A value over its site's standard (B類型, 3mg/L), with its footnote.
    let bod = &row(water, "水質の測定結果（令和3年度）", "本町橋")[2];
    assert!(bod.starts_with("3.4×不適合※1"), "{bod}");
    assert!(water.contains("夏季の少雨により流量が少なかったため"));
    // Within the range standard of pH.
    assert_eq!(row(water, "水質の測定結果", "本町橋")[4], "7.9○適合");
    // A lower limit (DO ≥ 5).
    assert!(row(water, "水質の測定結果", "市境")[3].starts_with("6.1○適合"));

    let water18 = common::page(site(), "2018/monitoring/water/index.html");
    // Below the limit of quantification, printed as written, meets an upper limit.
    assert!(row(water18, "水質の測定結果", "桜川上流（水源の森前）")[2].starts_with("<0.5○適合"));
    // The standard in force that year: 中井堀 was D類型 (8mg/L) until 2018 ...
    assert!(row(water18, "水質の測定結果", "中井第一橋")[2].starts_with("6.0○適合"));
    // ... and C類型 (5mg/L) from 2019.
    let water19 = common::page(site(), "2019/monitoring/water/index.html");
    assert!(row(water19, "水質の測定結果", "中井第一橋")[2].starts_with("5.2×不適合"));

    let air18 = common::page(site(), "2018/monitoring/air/index.html");
    // meets: false — within 0.10 but published as not meeting (two days in a row).
    let spm = &row(air18, "大気の測定結果", "国道局")[2];
    assert!(spm.starts_with("0.052×不適合＊"), "{spm}");
    let air19 = common::page(site(), "2019/monitoring/air/index.html");
    // 欠測: printed as the status, no mark.
    assert!(row(air19, "大気の測定結果", "桜川局")[2].starts_with("欠測※"));
    // judged: false — printed, not assessed.
    assert!(row(air19, "大気の測定結果", "国道局")[4].starts_with("11.0－評価の対象外"));
    // Ox is not measured at 国道局: —, and the legend says what that means.
    assert_eq!(row(air19, "大気の測定結果", "国道局")[3], "—");
    assert!(air19.contains("—：測定を行っていない項目"));
    assert!(air19.contains("欠測：機器の故障や保守などにより測定できなかったもの"));
}

#[test]
fn summary_sentences_count_the_judged_sites() {
    let said = |path: &str, sentence: &str| {
        let html = common::page(site(), path);
        assert!(html.contains(sentence), "{path}: {sentence}");
    };
    said(
        "2021/monitoring/water/index.html",
        "BOD（生物化学的酸素要求量）は、8地点中5地点で環境基準を達成しました。",
    );
    said(
        "2021/monitoring/air/index.html",
        "光化学オキシダント（Ox）は、2局中0局で環境基準を達成しました。",
    );
    said(
        "2018/monitoring/air/index.html",
        "浮遊粒子状物質（SPM）は、3局中2局で環境基準を達成しました。",
    );
    said(
        "2019/monitoring/air/index.html",
        "浮遊粒子状物質（SPM）は、2局中2局で環境基準を達成しました。このほか、1局は欠測です。",
    );
    said(
        "2019/monitoring/air/index.html",
        "微小粒子状物質（PM2.5）は、2局中2局で環境基準を達成しました。このほか、1局は評価の対象外です。",
    );
    said(
        "2017/monitoring/noise/index.html",
        "道路交通騒音（夜間）は、3地点中2地点で環境基準を達成しました。",
    );
    // The year's overview counts the same.
    let overview = common::page(site(), "2021/monitoring/index.html");
    assert_eq!(
        row(
            overview,
            "水質の環境基準の達成状況",
            "BOD（生物化学的酸素要求量）"
        )[1],
        "8地点中5地点で達成"
    );
    // The indicator the city publishes from the same data agrees: 5 of 8 is 62.5%.
    let goal = common::page(site(), "2021/kankyo/3/index.html");
    assert!(goal.contains("62.5"));
}

#[test]
fn open_data_has_a_row_per_value_with_standard_and_judgement() {
    let csv = common::page(site(), "data/2021-monitoring.csv");
    let mut r = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let find = |item: &str, site: &str| {
        rows.iter()
            .find(|x| &x[col("項目ID")] == item && &x[col("地点ID")] == site)
            .unwrap_or_else(|| panic!("{item} {site}"))
    };
    let bod = find("bod", "honcho-bashi");
    assert_eq!(&bod[col("測定値")], "3.4");
    assert_eq!(&bod[col("環境基準（上限）")], "3");
    assert_eq!(&bod[col("環境基準（下限）")], "");
    assert_eq!(&bod[col("適合の判定")], "不適合");
    assert_eq!(
        &bod[col("備考")],
        "夏季の少雨により流量が少なかったため、高い値となりました。"
    );
    let ph = find("ph", "shikyo");
    assert_eq!(
        (&ph[col("環境基準（下限）")], &ph[col("環境基準（上限）")]),
        ("6.5", "8.5")
    );
    assert_eq!(&find("no2", "honcho")[col("測定値")], "0.027");
    // One row per dataset × site read that year.
    assert_eq!(rows.len(), 3 + 3 + 2 + 3 + 3 + 8 * 3 + 3 + 3 + 2 + 2);

    let csv18 = common::page(site(), "data/2018-monitoring.csv");
    let rows18: Vec<csv::StringRecord> =
        csv::Reader::from_reader(csv18.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
    let find18 = |item: &str, site: &str| {
        rows18
            .iter()
            .find(|x| &x[col("項目ID")] == item && &x[col("地点ID")] == site)
            .unwrap()
    };
    let below = find18("bod", "sakura-jogen");
    assert_eq!(&below[col("測定値")], "");
    assert_eq!(&below[col("測定値の表記")], "<0.5");
    assert_eq!(&below[col("値の状態")], "定量下限値未満");
    assert_eq!(&below[col("定量下限値")], "0.5");
    assert_eq!(&below[col("適合の判定")], "適合");
    let spm = find18("spm", "kokudo");
    assert_eq!(
        (
            &spm[col("測定値")],
            &spm[col("適合の判定")],
            &spm[col("判定の方法")]
        ),
        ("0.052", "不適合", "市の判定")
    );

    let json: serde_json::Value =
        serde_json::from_str(common::page(site(), "data/2019.json")).unwrap();
    let missing = json["monitoring"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dataset_id"] == "spm" && r["site_id"] == "sakuragawa")
        .unwrap();
    assert_eq!(missing["value"], serde_json::Value::Null);
    assert_eq!(missing["value_text"], "欠測");
    assert_eq!(missing["value_status"], "欠測");
    assert_eq!(missing["judgement"], serde_json::Value::Null);
    // The data page links the CSV.
    assert!(common::page(site(), "data/index.html").contains("2021-monitoring.csv"));
}

#[test]
fn trend_charts_plot_each_sites_values_in_its_own_style() {
    let svg = common::page(site(), "charts/2021-mon-no2.svg");
    let doc = roxmltree::Document::parse(svg).unwrap();
    let class_has = |n: &roxmltree::Node<'_, '_>, c: &str| {
        n.attribute("class")
            .is_some_and(|x| x.split(' ').any(|y| y == c))
    };
    let mut styles = Vec::new();
    for s in ["s1", "s2", "s3"] {
        let line = doc
            .descendants()
            .find(|n| class_has(n, "site-line") && class_has(n, s))
            .unwrap();
        styles.push((
            line.attribute("stroke").unwrap().to_string(),
            line.attribute("stroke-dasharray").unwrap_or("").to_string(),
        ));
    }
    styles.dedup();
    assert_eq!(styles.len(), 3, "{styles:?}");
    // The standard is drawn at 0.06 on the value axis and labelled with its wording.
    let standard = doc
        .descendants()
        .find(|n| class_has(n, "standard-line"))
        .unwrap();
    let ys: Vec<&str> = standard
        .attribute("points")
        .unwrap()
        .split(' ')
        .map(|p| p.split(',').nth(1).unwrap())
        .collect();
    let tick = doc
        .descendants()
        .find(|n| class_has(n, "tick-label") && n.text() == Some("0.06"))
        .unwrap();
    assert!(ys.iter().all(|y| Some(*y) == tick.attribute("y")), "{ys:?}");
    let label = doc
        .descendants()
        .find(|n| class_has(n, "standard-label"))
        .unwrap();
    assert_eq!(label.text(), Some("環境基準 0.06ppm以下"));
    // The legend names the stations; the description gives first and latest values.
    let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
    let desc = desc.text().unwrap();
    assert!(desc.contains("環境基準は0.06ppm以下です。"), "{desc}");
    assert!(
        desc.contains("国道局は平成29年度が0.040ppm、令和3年度が0.035ppm"),
        "{desc}"
    );
    // The water items, with a standard per site, are small multiples.
    let bod = common::page(site(), "charts/2021-mon-bod.svg");
    assert_eq!(bod.matches("class=\"panel-title\"").count(), 8);
    // The group page embeds the chart with the table beside it.
    let air = common::page(site(), "2021/monitoring/air/index.html");
    assert!(air.contains("二酸化窒素（NO2）の経年変化（単位：ppm）"));
    assert_eq!(
        row(air, "二酸化窒素（NO2）の経年変化", "国道局"),
        [
            "0.040○適合",
            "0.039○適合",
            "0.037○適合",
            "0.034○適合",
            "0.035○適合"
        ]
    );
}

#[test]
fn pages_link_up_and_the_print_view_holds_the_monitoring_data() {
    let year = common::page(site(), "2021/index.html");
    assert!(year.contains("monitoring/index.html"));
    let print = common::page(site(), "2021/print/index.html");
    assert!(print.contains("id=\"p-monitoring\""));
    assert!(
        print.contains("BOD（生物化学的酸素要求量）は、8地点中5地点で環境基準を達成しました。")
    );
    assert!(print.contains("id=\"mon-water-item-bod\""));
    // A year folder with only monitoring data reads as such: no empty goal section.
    let y2017 = common::page(site(), "2017/index.html");
    assert!(!y2017.contains("id=\"goals-title\""));
    assert!(y2017.contains("monitoring/index.html"));
    // A site's page lists its items across years.
    let site_page = common::page(site(), "monitoring/sites/nakai/index.html");
    // 中井堀 was re-designated in 2019: the years before show the standard of their own year.
    assert_eq!(
        row(site_page, "中井第一橋の水質の測定結果", "令和元年度")[0],
        "5.2×不適合"
    );
    assert_eq!(
        row(site_page, "中井第一橋の水質の測定結果", "平成30年度")[0],
        "6.0○適合基準8mg/L以下"
    );
    let sitemap = common::page(site(), "sitemap.xml");
    assert!(sitemap.contains("2021/monitoring/water/"));
    assert!(sitemap.contains("monitoring/sites/honcho/"));
}

#[test]
fn values_keep_the_digits_they_were_written_with() {
    let dir = common::example_copy();
    let root = dir.path();
    replace(root, "content/monitoring/no2.yaml", "decimals: 3\n", "");
    replace(
        root,
        "content/2021/monitoring.yaml",
        "honcho: 0.027",
        "honcho: 0.0270",
    );
    replace(
        root,
        "content/2021/monitoring.yaml",
        "sakuragawa: 0.025",
        "sakuragawa: 0.03",
    );
    let files = build(root);
    let air = common::page(&files, "2021/monitoring/air/index.html");
    assert!(row(air, "大気の測定結果", "本町局")[1].starts_with("0.0270○"));
    assert!(row(air, "大気の測定結果", "桜川局")[1].starts_with("0.03○"));
}

#[test]
fn an_indicator_takes_its_actuals_from_a_dataset() {
    // The example's no2-kokudo reads `from: { dataset: no2, site: kokudo }`.
    let ind = common::page(site(), "indicators/no2-kokudo/index.html");
    // 2021: actual 0.035 from monitoring.yaml, target 0.039 − 3 × 0.001 = 0.036, rate
    // (lower is better) 0.036 ÷ 0.035 = 102.9%.
    let r = row(ind, "国道局の二酸化窒素濃度", "令和3年度（2021年度）");
    assert_eq!(&r[..3], ["0.036", "0.035", "102.9%"]);
    let dir = common::example_copy();
    let root = dir.path();
    // A target in actuals.yaml still counts; an actual there is refused.
    write(
        root,
        "content/2021/actuals.yaml",
        &format!(
            "{}\nno2-kokudo: {{ actual: 0.030 }}\n",
            fs::read_to_string(root.join("content/2021/actuals.yaml")).unwrap()
        ),
    );
    let d = load_report(root).diagnostics;
    let line = fs::read_to_string(root.join("content/2021/actuals.yaml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("no2-kokudo"))
        .unwrap() as u32
        + 1;
    assert_reported(
        &d,
        "content/2021/actuals.yaml",
        line,
        "測定項目「no2」から取るため",
        false,
    );
    // An unknown site is named with the nearest one.
    replace(
        root,
        "content/plans/kankyo.yaml",
        "site: kokudo",
        "site: kokdo",
    );
    let d = load_report(root).diagnostics;
    let text = d.render(nenpo::diag::Lang::Ja, false);
    assert!(
        text.contains("測定項目「no2」の測定地点に「kokdo」はありません"),
        "{text}"
    );
    assert!(text.contains("「kokudo」の誤りではありませんか"), "{text}");
}

#[test]
fn new_year_writes_every_site_of_every_item_as_null() {
    let dir = common::example_copy();
    let root = dir.path();
    let made = nenpo::new_year::new_year(root, nenpo::era::FiscalYear(2022)).unwrap();
    assert_eq!(made.monitoring, 3 + 3 + 2 + 3 + 3 + 8 * 3 + 3 + 3 + 2 + 2);
    assert!(
        made.describe()
            .contains("monitoring.yaml に測定値の欄を 48 か所作りました。")
    );
    let text = fs::read_to_string(root.join("content/2022/monitoring.yaml")).unwrap();
    assert!(text.contains("no2:\n  honcho: null   # 本町局\n"), "{text}");
    assert!(text.contains("# BOD（生物化学的酸素要求量）（mg/L、日間平均値の75%値）"));
    // The new year loads cleanly: null is 未集計, not a missing value.
    let loaded = load_report(root);
    assert!(loaded.report.is_some());
    let warnings: Vec<String> = loaded
        .diagnostics
        .sorted()
        .iter()
        .filter(|d| d.file.contains("2022"))
        .map(|d| d.to_string())
        .collect();
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn mistakes_in_a_years_values_name_the_file_and_line() {
    let rel = "content/2021/monitoring.yaml";
    let d = broken(|r| {
        replace(r, rel, "no2:\n", "no3:\n");
        replace(r, rel, "  honcho: 0.034\n", "  honcho: 0.034ppm\n");
        replace(r, rel, "  sakuragawa: 0.032\n", "  sakuragawa: 39,5\n");
        replace(r, rel, "  sakura-bashi: 1.9\n", "  sakurabashi: 1.9\n");
        replace(r, rel, "  honcho: 0.109\n", "  honcho: 良好\n");
        replace(
            r,
            rel,
            "  road-kendo: 60\n",
            "  road-kendo: { value: 60, meets: true, judged: false }\n",
        );
    });
    let line = |needle: &str| line_of(rel, needle);
    assert_reported(
        &d,
        rel,
        line("no2:"),
        "測定項目「no3」は content/monitoring/ にありません",
        false,
    );
    let text = d.render(nenpo::diag::Lang::Ja, false);
    assert!(text.contains("「no2」の誤りではありませんか"), "{text}");
    assert_reported(
        &d,
        rel,
        line("  honcho: 0.034"),
        "「ppm」は数値に含められません",
        false,
    );
    assert_reported(
        &d,
        rel,
        line("  sakuragawa: 0.032"),
        "桁区切りの「,」は3桁ごとです",
        false,
    );
    assert_reported(
        &d,
        rel,
        line("  sakura-bashi: 1.9"),
        "測定地点に「sakurabashi」はありません",
        false,
    );
    assert!(
        text.contains("「sakura-bashi」の誤りではありませんか"),
        "{text}"
    );
    assert_reported(&d, rel, line("  honcho: 0.109"), "「良好」", false);
    assert_reported(
        &d,
        rel,
        line("  road-kendo: 60"),
        "meets と judged: false は同時に書けません",
        false,
    );
    // The column is the value's: 「honcho: 」 is 10 characters.
    let ppm = d
        .sorted()
        .into_iter()
        .find(|x| x.message.contains("ppm"))
        .unwrap();
    assert_eq!(ppm.column, 11);
    // A site left out is a warning, at its dataset.
    let d = broken(|r| replace(r, rel, "  kokudo: 0.035\n", ""));
    assert_reported(
        &d,
        rel,
        line("no2:"),
        "測定地点「kokudo」の値がありません",
        true,
    );
    // YAML splits `{ a: 0,025 }` at the comma; nenpo says so instead of reading 0.
    let d = broken(|r| {
        replace(
            r,
            rel,
            "no2:\n  honcho: 0.027\n  sakuragawa: 0.025\n  kokudo: 0.035\n",
            "no2: { honcho: 0.027, sakuragawa: 0,025, kokudo: 0.035 }\n",
        )
    });
    assert_reported(
        &d,
        rel,
        line("no2:"),
        "「0,025」の「,」で、値が2つに分かれています",
        false,
    );
}

#[test]
fn mistakes_in_a_dataset_name_the_file_and_line() {
    let rel = "content/monitoring/ph.yaml";
    let d = broken(|r| {
        replace(
            r,
            rel,
            "  min: 6.5\n  max: 8.5\n",
            "  min: 8.5\n  max: 6.5\n",
        )
    });
    assert_reported(
        &d,
        rel,
        line_of(rel, "min: 6.5"),
        "環境基準の下限（min: 8.5）が上限（max: 6.5）より大きくなっています",
        false,
    );
    let rel = "content/monitoring/no2.yaml";
    let d = broken(|r| replace(r, rel, "unit: ppm\n", ""));
    assert_reported(
        &d,
        rel,
        line_of(rel, "title:"),
        "unit（単位）がありません",
        false,
    );
    let d = broken(|r| {
        replace(r, rel, "counter: 局\n", "counter: 箇所\n");
        replace(r, rel, "  max: 0.06\n", "  max: 約0.06\n");
    });
    assert_reported(
        &d,
        rel,
        line_of(rel, "counter:"),
        "counter は「局」か「地点」です",
        false,
    );
    assert_reported(
        &d,
        rel,
        line_of(rel, "  max: 0.06"),
        "「約」は数値に含められません",
        false,
    );
    let d = broken(|r| {
        replace(
            r,
            "content/monitoring/spm.yaml",
            "group: 大気\n",
            "group: 公害苦情\n",
        );
        replace(
            r,
            "content/monitoring/ox.yaml",
            "sites: [honcho, sakuragawa]",
            "sites: [honcho, sakuragawa, hoshizora]",
        );
    });
    assert_reported(
        &d,
        "content/monitoring/spm.yaml",
        2,
        "分類「公害苦情」のページの場所（ID）が決められません",
        false,
    );
    assert_reported(
        &d,
        "content/monitoring/ox.yaml",
        line_of("content/monitoring/ox.yaml", "sites:"),
        "測定地点「hoshizora」の名前（name）が、どの測定項目にも書かれていません",
        false,
    );
    let d = broken(|r| {
        replace(
            r,
            "content/monitoring/spm.yaml",
            "sites: [honcho, sakuragawa, kokudo]",
            "sites: [honcho, sakuragawa, kokudo, { id: honcho, name: 本町測定局 }]",
        )
    });
    let text = d.render(nenpo::diag::Lang::Ja, false);
    assert!(
        text.contains("測定地点「honcho」が2回書かれています"),
        "{text}"
    );
    let d = broken(|r| {
        replace(
            r,
            "content/monitoring/ox.yaml",
            "sites: [honcho, sakuragawa]",
            "sites: [{ id: honcho, name: 本町測定局 }, sakuragawa]",
        )
    });
    let text = d.render(nenpo::diag::Lang::Ja, false);
    assert!(text.contains("測定地点「honcho」のnameが、content/monitoring/no2.yaml では「本町局」、ここでは「本町測定局」です"), "{text}");
}

#[test]
fn english_pages_say_the_same_in_english() {
    let dir = common::example_copy();
    let root = dir.path();
    replace(root, "book.toml", "language = \"ja\"", "language = \"en\"");
    let files = build(root);
    let water = common::page(&files, "2021/monitoring/water/index.html");
    assert!(water.contains(
        "BOD（生物化学的酸素要求量）: the environmental standard was met at 5 of 8 sites."
    ));
    let air = common::page(&files, "2019/monitoring/air/index.html");
    assert!(air.contains("Besides: missing at 1 station."), "{air}");
    assert!(air.contains("Missing"));
}

#[test]
fn readings_as_real_tables_write_them_are_printed_as_written_and_judged() {
    let dir = common::example_copy();
    let root = dir.path();
    let rel = "content/2021/monitoring.yaml";
    replace(root, rel, "  sakura-jogen: 1.4\n", "  sakura-jogen: ND\n");
    replace(
        root,
        rel,
        "  sakura-bashi: 1.9\n",
        "  sakura-bashi: \"＜0.5\"\n",
    );
    // A limit of quantification above the standard (5mg/L): cannot be judged.
    replace(root, rel, "  shikyo: 5.6\n", "  shikyo: \"<8\"\n");
    // Below a limit that is under a lower limit (DO ≥ 5): fails.
    replace(
        root,
        rel,
        "  honcho-bashi: 7.9\n",
        "  honcho-bashi: \"<0.5\"\n",
    );
    replace(root, rel, "  kokudo: 9.7\n", "  kokudo: 欠測\n");
    replace(root, rel, "  honcho: 0.027\n", "  honcho: \"０．０２７\"\n");
    // An item with no standard (NO), written under a key YAML would read as false unless
    // quoted, and a site that has no value this year.
    write(
        root,
        "content/monitoring/no.yaml",
        "title: 一酸化窒素（NO）\ngroup: 大気\nunit: ppm\ndecimals: 3\ncounter: 局\nweight: 6\n\
         sites: [honcho, { id: minami, name: 南町局 }]\n",
    );
    let text = fs::read_to_string(root.join(rel)).unwrap();
    write(root, rel, &format!("{text}\nno:\n  honcho: 0.005\n"));
    let d = load_report(root).diagnostics;
    let no_line = text.lines().count() as u32 + 2;
    assert_reported(&d, rel, no_line, "boolean", false);
    let hint = d.sorted().into_iter().find(|x| x.line == no_line).unwrap();
    assert!(
        format!("{hint:?}").contains("\\\"no\\\": のように引用符で囲んでください"),
        "{hint:?}"
    );
    write(root, rel, &format!("{text}\n\"no\":\n  honcho: 0.005\n"));
    let d = load_report(root).diagnostics;
    assert_reported(&d, rel, no_line, "測定地点「minami」の値がありません", true);

    let files = build(root);
    let water = common::page(&files, "2021/monitoring/water/index.html");
    let cell =
        |site: &str, col: usize| row(water, "水質の測定結果（令和3年度）", site)[col].clone();
    assert_eq!(cell("桜川上流（水源の森前）", 2), "ND○適合基準2mg/L以下");
    assert_eq!(cell("桜川橋", 2), "＜0.5○適合基準2mg/L以下");
    assert_eq!(cell("市境", 2), "<8－判定できない値基準5mg/L以下");
    assert_eq!(cell("本町橋", 3), "<0.5×不適合基準5mg/L以上");
    assert!(water.contains(
        "BOD（生物化学的酸素要求量）は、7地点中5地点で環境基準を達成しました。このほか、1地点は判定できない値です。"
    ));
    assert!(water.contains("DO（溶存酸素量）は、8地点中7地点で環境基準を達成しました。"));
    assert!(water.contains("－：判定できない値（定量下限値が環境基準より高いため）"));
    assert!(water.contains("「ND」は不検出を表します"));

    let air = common::page(&files, "2021/monitoring/air/index.html");
    let cells = row(air, "大気の測定結果（令和3年度）", "本町局");
    // Full-width digits read as the number; no standard: the value alone.
    assert_eq!(cells[1], "0.027○適合");
    assert_eq!(cells[6], "0.005");
    assert_eq!(row(air, "大気の測定結果（令和3年度）", "国道局")[4], "欠測");
    assert!(air.contains(
        "微小粒子状物質（PM2.5）は、2局中2局で環境基準を達成しました。このほか、1局は欠測です。"
    ));
    assert!(air.contains("一酸化窒素（NO）には環境基準が定められていません。"));
    // The open data keeps ND and the unjudged value apart from numbers.
    let csv = common::page(&files, "data/2021-monitoring.csv");
    let line = csv
        .lines()
        .find(|l| l.contains(",bod,") && l.contains(",shikyo,"))
        .unwrap();
    assert!(line.contains(",,<8,定量下限値未満,8,"), "{line}");
    assert!(line.contains(",判定不能,"), "{line}");
}

#[test]
fn dataset_and_site_ids_that_would_make_bad_paths_are_refused() {
    let rel = "content/monitoring/ox.yaml";
    let d = broken(|r| {
        replace(
            r,
            rel,
            "sites: [honcho, sakuragawa]",
            "sites: [honcho, sakuragawa, { id: \"../../evil\", name: 南町局 }]",
        );
        fs::copy(
            r.join("content/monitoring/no2.yaml"),
            r.join("content/monitoring/NO2 old.yaml"),
        )
        .unwrap();
    });
    assert_reported(
        &d,
        rel,
        line_of(rel, "sites:"),
        "測定地点のID「../../evil」に使えない文字（「/」）が含まれています",
        false,
    );
    assert_reported(
        &d,
        "content/monitoring/NO2 old.yaml",
        0,
        "測定項目のID（ファイル名）「NO2 old」に大文字が含まれています",
        false,
    );
}
