//! Monitoring rows of the spreadsheet desk (SPEC §14 with §12): the template lists every
//! measured item × site of the year with its standard and value; the import writes what a
//! clerk types (numbers as written, statuses, 欠測, <0.5, ND) into monitoring.yaml in place,
//! keeps what the city wrote beside a value, and writes neither file while a cell is bad.

mod common;
use common::nenpo;

use std::path::{Path, PathBuf};

use nenpo::era::FiscalYear;
use nenpo::sheet::read::{self, Raw};
use nenpo::sheet::yaml_edit::current_entries;
use nenpo::sheet::{ImportOptions, Imported, Outcome, import, report, template};

const YEAR: FiscalYear = FiscalYear(2021);
const ACTUALS: &str = "content/2021/actuals.yaml";
const MONITORING: &str = "content/2021/monitoring.yaml";

fn read_file(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap()
}

/// A UTF-8 CSV in the template's layout with rows (ID, 実績値, 備考).
fn sheet(dir: &Path, name: &str, year_cell: &str, rows: &[(&str, &str, &str)]) -> PathBuf {
    let mut text = format!(
        "さくら台市の環境　実績値の入力シート\r\n年度,{year_cell}\r\n\r\n\r\nID,計画,目標,指標名,単位,目標値,実績値,備考\r\n"
    );
    for (id, value, note) in rows {
        let q = |s: &str| {
            if s.contains(',') {
                format!("\"{s}\"")
            } else {
                s.to_string()
            }
        };
        text.push_str(&format!("{id},,,,,,{},{}\r\n", q(value), q(note)));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn run(root: &Path, sheet: &Path, options: ImportOptions) -> (Imported, String) {
    let done = import(root, sheet, YEAR, options).unwrap();
    let words = report::render(&done, &sheet.display().to_string());
    (done, words)
}

/// The template's rows as text.
fn rows_of(path: &Path) -> Vec<Vec<String>> {
    let book = read::read(&std::fs::read(path).unwrap()).unwrap();
    let grid = book.grids.into_iter().next().unwrap();
    grid.rows
        .iter()
        .map(|r| r.iter().map(Raw::text).collect())
        .collect()
}

fn row<'a>(rows: &'a [Vec<String>], id: &str) -> Option<&'a Vec<String>> {
    rows.iter().find(|r| r.first().is_some_and(|x| x == id))
}

/// A column of a measured value's row in the year's open data.
fn mon_csv(files: &[nenpo::site::OutputFile], slot: &str, column: &str) -> String {
    let csv = common::page(files, "data/2021-monitoring.csv");
    let mut r =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let head = r.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let (ds, site, c) = (col("項目ID"), col("地点ID"), col(column));
    r.records()
        .map(Result::unwrap)
        .find(|rec| format!("{}/{}", &rec[ds], &rec[site]) == slot)
        .map(|rec| rec[c].to_string())
        .unwrap_or_else(|| panic!("{slot} not in the CSV"))
}

#[test]
fn the_template_lists_each_item_at_each_site_with_its_standard_and_value() {
    let dir = common::example_copy();
    let root = dir.path();
    let t = root.join("t.xlsx");
    let made = template(root, YEAR, Some(&t)).unwrap();
    assert_eq!((made.rows, made.monitoring), (18, 48));
    let rows = rows_of(&t);
    assert_eq!(
        row(&rows, "no2/honcho").unwrap()[..7],
        [
            "no2/honcho",
            "環境の現況",
            "大気",
            "二酸化窒素（NO2）／本町局",
            "ppm",
            "0.06以下",
            "0.027"
        ]
    );
    // A site's own standard, a range (～: CP932 has no 〜), none, and the city's note.
    assert_eq!(row(&rows, "bod/shikyo").unwrap()[5], "5以下");
    assert_eq!(row(&rows, "ph/nakai").unwrap()[5], "6.5～8.5");
    assert_eq!(row(&rows, "nox/honcho").unwrap()[5], "");
    assert_eq!(
        row(&rows, "bod/honcho-bashi").unwrap()[7],
        "夏季の少雨により流量が少なかったため、高い値となりました。"
    );
    assert!(rows[3][0].contains("欠測"), "how to fill monitoring rows");
    // Identity locked and values open on a monitoring row too; 欠測 in its dropdown only.
    let at = rows.iter().position(|r| r[0] == "no2/honcho").unwrap() as u32;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&t).unwrap();
    let styles = wb.worksheet_style("実績値").unwrap();
    let locked = |r: u32, c: u32| {
        styles
            .get((r, c))
            .and_then(|s| s.protection.as_ref())
            .is_none_or(|p| p.locked)
    };
    assert!(locked(at, 0) && locked(at, 5) && !locked(at, 6) && !locked(at, 7));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&t).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    let list =
        |rows: &str, words: &str| format!("sqref=\"{rows}\"><formula1>\"{words}\"</formula1>");
    assert!(xml.contains(&list("G6:G23", "未集計,該当なし,不明,秘匿")));
    assert!(xml.contains(&list("G24:G71", "未集計,該当なし,不明,秘匿,欠測")));
    // Another year: the standard in force then, and only the sites measured then.
    let t18 = root.join("t18.csv");
    template(root, FiscalYear(2018), Some(&t18)).unwrap();
    let rows = rows_of(&t18);
    assert_eq!(row(&rows, "bod/nakai").unwrap()[5], "8以下");
    assert!(
        row(&rows, "pm25/sakuragawa").is_none(),
        "measured from 2019"
    );
    assert!(row(&rows, "pm25/honcho").is_some());
}

/// Every form SPEC §12 allows, typed as a clerk types it: written to monitoring.yaml as an
/// editor writes it, each on its own line, printed in the pages and the open data; a second
/// import changes nothing.
#[test]
fn every_value_of_section_12_is_written_as_an_editor_writes_it() {
    let dir = common::example_copy();
    let root = dir.path();
    let forms: [(&str, &str, &str); 14] = [
        ("no2/honcho", "0.030", "0.030"),
        ("no2/sakuragawa", "０．０３１", "0.031"),
        ("pm25/honcho", "1,234.5", "1234.5"),
        ("ph/honcho-bashi", "△1.5", "-1.5"),
        ("ph/goryu-mae", "▲2", "-2"),
        ("ox/honcho", "欠測", "欠測"),
        ("ox/sakuragawa", "－", "該当なし"),
        ("nox/honcho", "…", "不明"),
        ("nox/sakuragawa", "秘匿", "秘匿"),
        ("pm25/kokudo", "未集計", "null"),
        ("dioxin-air/honcho", "<0.5", "\"<0.5\""),
        ("dioxin-air/kokudo", "ＮＤ", "\"ND\""),
        ("dioxin-water/shikyo", "0.5未満", "\"0.5未満\""),
        (
            "bod/honcho-bashi",
            "3.50",
            "{ value: 3.50, note: 夏季の少雨により流量が少なかったため、高い値となりました。 }",
        ),
    ];
    let rows: Vec<(&str, &str, &str)> = forms.iter().map(|(i, t, _)| (*i, *t, "")).collect();
    let csv = sheet(root, "forms.csv", "令和3年度", &rows);
    let (before, actuals) = (read_file(root, MONITORING), read_file(root, ACTUALS));
    let count = |files: &[nenpo::site::OutputFile], page: &str, text: &str| {
        common::page(files, page).matches(text).count()
    };
    let air = "2021/monitoring/air/index.html";
    let dioxins = "2021/monitoring/dioxins/index.html";
    let old = nenpo::build::render_report(root).unwrap().1;
    // The CLI, with the year in 和暦.
    let out = nenpo(
        root,
        &["import", csv.to_str().unwrap(), "--year", "令和3年度"],
    );
    let words = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(out.status.code(), Some(0), "{words}");
    assert!(words.contains("取り込めないセル 0 件"), "{words}");
    assert!(words.contains("「－」を 該当なし と読みました"), "{words}");
    assert!(
        words.contains("「０．０３１」を 0.031 と読みました（全角を半角に）"),
        "{words}"
    );
    assert!(
        words.contains("「1,234.5」を 1234.5 と読みました（桁区切りの「,」を除く）"),
        "{words}"
    );
    assert!(words.contains("「ＮＤ」を ND と読みました"), "{words}");
    let after = read_file(root, MONITORING);
    let written = current_entries(&after).unwrap();
    for (slot, typed, want) in forms {
        let (ds, site) = slot.split_once('/').unwrap();
        assert_eq!(written[ds][site], want, "{slot}: typed {typed}");
    }
    assert_eq!(
        read_file(root, ACTUALS),
        actuals,
        "no indicator row: untouched"
    );
    assert_eq!(before.lines().count(), after.lines().count());
    let changed = before.lines().zip(after.lines()).filter(|(a, b)| a != b);
    assert_eq!(
        changed.count(),
        forms.len(),
        "only the values' lines change"
    );

    let files = nenpo::build::render_report(root).unwrap().1;
    assert_eq!(mon_csv(&files, "no2/honcho", "測定値"), "0.030");
    // Written as typed; printed with the dataset's `decimals: 1`.
    assert_eq!(mon_csv(&files, "ph/goryu-mae", "測定値"), "-2.0");
    assert_eq!(mon_csv(&files, "ox/honcho", "値の状態"), "欠測");
    assert_eq!(mon_csv(&files, "dioxin-air/kokudo", "測定値の表記"), "ND");
    // The group pages print the new values (each in the year's table and the trend table).
    for (page, text) in [
        (air, "mv\">0.030<"),
        (air, "mv\">0.031<"),
        (dioxins, "mv\">&lt;0.5<"),
        (dioxins, "mv\">ND<"),
        (dioxins, "mv\">0.5未満<"),
    ] {
        assert!(
            count(&files, page, text) > count(&old, page, text),
            "{page}: {text} {} {}",
            count(&files, page, text),
            count(&old, page, text)
        );
    }

    let (again, words) = run(root, &csv, ImportOptions::default());
    assert!(matches!(again.outcome, Outcome::NothingToChange), "{words}");
    assert!(
        words.contains("変更はありません（content/2021/monitoring.yaml はそのままです）"),
        "{words}"
    );
    assert_eq!(read_file(root, MONITORING), after);
}

#[test]
fn a_bad_monitoring_cell_leaves_both_files_byte_identical() {
    let dir = common::example_copy();
    let root = dir.path();
    let before = (read_file(root, ACTUALS), read_file(root, MONITORING));
    let good = [("shi-jimu-co2", "17700", ""), ("no2/honcho", "0.029", "")];
    let cases: [(&str, &str, &str); 6] = [
        (
            "no2/honchoo",
            "0.03",
            "A8  no2/honchoo  「no2/honchoo」という測定項目と測定地点の組はありません。「no2/honcho」の誤りではありませんか",
        ),
        ("no3/honcho", "0.03", "A8  no3/honcho  「no3/honcho」という"),
        ("spm/honcho", "約0.03", "G8  spm/honcho"),
        ("spm/honcho", "0.03ppm", "「ppm」は数値に含められません"),
        ("spm/honcho", "39,5", "桁区切りの「,」は3桁ごとです"),
        (
            "no2/honcho",
            "0.031",
            "ID「no2/honcho」の行がほかにもあります（A7）",
        ),
    ];
    for (i, (id, value, says)) in cases.iter().enumerate() {
        let rows = [good[0], good[1], (*id, *value, "")];
        let csv = sheet(root, &format!("bad{i}.csv"), "R3", &rows);
        let (done, words) = run(root, &csv, ImportOptions::default());
        assert!(matches!(done.outcome, Outcome::Refused), "{words}");
        assert!(words.contains(says), "expected {says}\n{words}");
        assert!(words.contains("何も書き込んでいません"), "{words}");
        let now = (read_file(root, ACTUALS), read_file(root, MONITORING));
        assert!(now == before, "{id} {value} wrote");
    }
    // --partial writes the cells that could be read, into both files.
    let rows = [good[0], good[1], ("spm/honcho", "約0.03", "")];
    let csv = sheet(root, "partial.csv", "R3", &rows);
    let partial = ImportOptions {
        partial: true,
        dry_run: false,
    };
    let (done, words) = run(root, &csv, partial);
    assert!(matches!(done.outcome, Outcome::Written), "{words}");
    assert!(read_file(root, ACTUALS).contains("  actual: 17700\n"));
    let mon = read_file(root, MONITORING);
    assert!(mon.contains("no2:\n  honcho: 0.029\n"), "{mon}");
    assert!(
        mon.contains("spm:\n  honcho: 0.034\n"),
        "the bad cell is left alone"
    );
}

#[test]
fn what_the_city_wrote_beside_a_value_is_kept() {
    let dir = common::example_copy();
    let root = dir.path();
    let text = read_file(root, MONITORING)
        .replace(
            "spm:\n  honcho: 0.034\n",
            "spm:\n  honcho: { value: 0.034, meets: false, note: 2日連続で基準超過 }  # 市の判定\n",
        )
        .replace(
            "no2:\n  honcho: 0.027\n",
            "no2:\n  honcho:\n    value: 0.027\n    note: 移設\n",
        );
    std::fs::write(root.join(MONITORING), &text).unwrap();
    let csv = sheet(
        root,
        "kept.csv",
        "R3",
        &[
            ("spm/honcho", "0.036", ""),
            ("spm/kokudo", "", "測定機を更新"),
            ("pm25/honcho", "8.9", "春季に高い値"),
        ],
    );
    let (done, words) = run(root, &csv, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::Written), "{words}");
    let after = read_file(root, MONITORING);
    let expected = text
        .replace(
            "{ value: 0.034, meets: false",
            "{ value: 0.036, meets: false",
        )
        .replace(
            "  kokudo: 0.039\n",
            "  kokudo: { value: 0.039, note: 測定機を更新 }\n",
        )
        .replace(
            "  honcho: 8.6\n",
            "  honcho: { value: 8.9, note: 春季に高い値 }\n",
        );
    assert_eq!(after, expected);
    // A value written over several lines is not rewritten: both files stay as they are.
    let before = (read_file(root, ACTUALS), after);
    let csv = sheet(
        root,
        "block.csv",
        "R3",
        &[("shi-jimu-co2", "17700", ""), ("no2/honcho", "0.05", "")],
    );
    let (done, words) = run(root, &csv, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::CheckFailed(_)), "{words}");
    assert!(
        words.contains("no2 の honcho は、nenpo が書き換えられない書き方"),
        "{words}"
    );
    assert!((read_file(root, ACTUALS), read_file(root, MONITORING)) == before);
}

#[test]
fn a_year_without_monitoring_yaml_gets_one() {
    let dir = common::example_copy();
    let root = dir.path();
    std::fs::remove_file(root.join(MONITORING)).unwrap();
    let csv = sheet(
        root,
        "first.csv",
        "R3",
        &[("no2/honcho", "0.028", ""), ("no2/kokudo", "0.036", "")],
    );
    let (done, words) = run(root, &csv, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::Written), "{words}");
    assert_eq!(
        read_file(root, MONITORING),
        "# 二酸化窒素（NO2）\nno2:\n  honcho: 0.028\n  kokudo: 0.036\n"
    );
    let files = nenpo::build::render_report(root).unwrap().1;
    assert_eq!(mon_csv(&files, "no2/kokudo", "測定値"), "0.036");
}

#[test]
fn an_english_sheet_reads_missing_and_words_monitoring_rows_in_english() {
    let dir = common::example_copy();
    let root = dir.path();
    let book = read_file(root, "book.toml");
    std::fs::write(
        root.join("book.toml"),
        book.replace("language = \"ja\"", "language = \"en\""),
    )
    .unwrap();
    let t = root.join("t.csv");
    template(root, YEAR, Some(&t)).unwrap();
    let rows = rows_of(&t);
    assert_eq!(row(&rows, "no2/honcho").unwrap()[5], "≤ 0.06");
    let csv = sheet(
        root,
        "en.csv",
        "FY2021",
        &[("ox/honcho", "missing", ""), ("ox/sakuragwa", "0.1", "")],
    );
    let (done, words) = run(root, &csv, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::Refused), "{words}");
    assert!(words.contains("did you mean “ox/sakuragawa”?"), "{words}");
    assert!(words.contains("Actual from 0.109 to missing"), "{words}");
    assert!(!nenpo::i18n::has_japanese(&words), "{words}");
}
