//! `nenpo template` and `nenpo import` (SPEC §14): a template filled in as Excel writes it
//! (number cells with number formats in an xlsx; a CP932 CSV with CRLF) is imported, the
//! figures appear in the pages and the open data, and a second import changes nothing. Bad
//! sheets are reported cell by cell and leave actuals.yaml byte-identical.

mod common;
use common::nenpo;

use std::path::{Path, PathBuf};

use nenpo::era::FiscalYear;
use nenpo::sheet::read::{self, Raw};
use nenpo::sheet::{ImportOptions, Imported, Outcome, import, report, template};
use rust_xlsxwriter::{Format, Workbook};

const YEAR: FiscalYear = FiscalYear(2021);
const ACTUALS: &str = "content/2021/actuals.yaml";
const MONITORING: &str = "content/2021/monitoring.yaml";

/// A cell as staff fill it in.
enum Fill {
    /// Typed as text (into the template's text-formatted column, or from a CSV).
    Text(&'static str),
    /// A number cell with a number format, as Excel saves what was typed into a number cell.
    Number(f64, &'static str),
}

/// The template's cells, read back.
fn cells(path: &Path) -> Vec<Vec<Raw>> {
    let book = read::read(&std::fs::read(path).unwrap()).unwrap();
    book.grids.into_iter().next().unwrap().rows
}

fn text(r: &Raw) -> String {
    r.text()
}

/// The template's rows with `fills` put in the 実績値 (G) and 備考 (H) columns, written as an
/// xlsx: the template's text as text, and each filled cell as Excel keeps it.
fn filled_xlsx(template: &Path, out: &Path, fills: &[(&str, Fill, Option<&str>)]) {
    let rows = cells(template);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("実績値").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_blank() {
                sheet.write_string(r as u32, c as u16, text(cell)).unwrap();
            }
        }
        let id = row.first().map(text).unwrap_or_default();
        if let Some((_, fill, note)) = fills.iter().find(|(i, _, _)| *i == id) {
            match fill {
                Fill::Text(t) => {
                    sheet.write_string(r as u32, 6, *t).unwrap();
                }
                Fill::Number(v, f) => {
                    let format = Format::new().set_num_format(*f);
                    sheet
                        .write_number_with_format(r as u32, 6, *v, &format)
                        .unwrap();
                }
            }
            if let Some(n) = note {
                sheet.write_string(r as u32, 7, *n).unwrap();
            }
        }
    }
    book.save(out).unwrap();
}

/// The template's rows with `fills` (text) as Excel's 「CSV (コンマ区切り)」 writes them:
/// CP932, CRLF, fields quoted only when they hold a comma or a quote, and a character CP932
/// lacks (the ³ of mg/m³) saved as `?`.
fn filled_cp932_csv(template: &Path, out: &Path, fills: &[(&str, &str)]) {
    let mut lines = Vec::new();
    for row in cells(template) {
        let mut fields: Vec<String> = row.iter().map(text).collect();
        fields.resize(8, String::new());
        if let Some((_, v)) = fills.iter().find(|(i, _)| *i == fields[0]) {
            fields[6] = v.to_string();
        }
        let quoted: Vec<String> = fields
            .iter()
            .map(|f| {
                if f.contains([',', '"', '\n']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.clone()
                }
            })
            .collect();
        lines.push(quoted.join(","));
    }
    let text: String = (lines.join("\r\n") + "\r\n")
        .chars()
        .map(|c| {
            let (_, _, unmappable) = encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut [0; 4]));
            if unmappable { '?' } else { c }
        })
        .collect();
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable);
    std::fs::write(out, bytes).unwrap();
}

fn actuals(root: &Path) -> Vec<u8> {
    std::fs::read(root.join(ACTUALS)).unwrap()
}

fn monitoring(root: &Path) -> String {
    std::fs::read_to_string(root.join(MONITORING)).unwrap()
}

/// A column of a measured value's open-data row (data/2021-monitoring.csv).
fn mon_field(files: &[nenpo::site::OutputFile], slot: &str, column: &str) -> String {
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

fn run(root: &Path, sheet: &Path, options: ImportOptions) -> (Imported, String) {
    let done = import(root, sheet, YEAR, options).unwrap();
    let words = report::render(&done, &sheet.display().to_string());
    (done, words)
}

fn built(root: &Path) -> Vec<nenpo::site::OutputFile> {
    nenpo::build::render_report(root).unwrap().1
}

/// A column of an indicator's open-data row.
fn csv_field(files: &[nenpo::site::OutputFile], id: &str, column: &str) -> String {
    let csv = common::page(files, "data/2021-indicators.csv");
    let mut r =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let head = r.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let (idc, c) = (col("指標ID"), col(column));
    r.records()
        .map(Result::unwrap)
        .find(|rec| &rec[idc] == id)
        .map(|rec| rec[c].to_string())
        .unwrap_or_else(|| panic!("{id} not in the CSV"))
}

/// The open-data row of an indicator: (実績値, 備考).
fn csv_row(files: &[nenpo::site::OutputFile], id: &str) -> (String, String) {
    let csv = common::page(files, "data/2021-indicators.csv");
    let mut r =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let head = r.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let (idc, actual, note) = (col("指標ID"), col("実績値"), col("備考"));
    for rec in r.records() {
        let rec = rec.unwrap();
        if &rec[idc] == id {
            return (rec[actual].to_string(), rec[note].to_string());
        }
    }
    panic!("{id} not in the CSV");
}

#[test]
fn an_xlsx_filled_as_excel_saves_it_round_trips_into_pages_and_open_data() {
    let dir = common::example_copy();
    let root = dir.path();
    // Without `decimals`, a value prints as written (SPEC §10).
    let plan = root.join("content/plans/kankyo.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let at = text.find("id: recycle-rate").unwrap();
    let cut = at + text[at..].find("            decimals: 1\n").unwrap();
    std::fs::write(&plan, format!("{}{}", &text[..cut], &text[cut + 24..])).unwrap();
    let t = root.join("t.xlsx");
    template(root, YEAR, Some(&t)).unwrap();
    let filled = root.join("filled.xlsx");
    filled_xlsx(
        &t,
        &filled,
        &[
            // 60.30 typed into a cell formatted 0.00: the file holds 60.3.
            (
                "recycle-rate",
                Fill::Number(60.3, "0.00"),
                Some("分別の徹底で改善"),
            ),
            ("shi-jimu-co2", Fill::Number(17660.0, "#,##0"), None),
            ("katei-gomi", Fill::Number(-5.0, "General"), None),
            ("fuho-toki", Fill::Text("１９５"), None),
            ("zeh-hojo", Fill::Text("未集計"), None),
            // Monitoring rows (SPEC §12): a number cell in 0.000, and a full-width value
            // with a note.
            ("no2/honcho", Fill::Number(0.047, "0.000"), None),
            (
                "bod/shikyo",
                Fill::Text("５．７"),
                Some("降雨の影響で高めの値となりました"),
            ),
        ],
    );
    let (done, words) = run(root, &filled, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::Written), "{words}");
    assert!(words.contains("Excel ブック（xlsx）"), "{words}");
    assert!(
        words.contains("実績値!G"),
        "cells named as in Excel: {words}"
    );
    assert!(
        words.contains("「60.3」を 60.30 と読みました（Excel の表示形式のとおり）"),
        "{words}"
    );
    assert!(
        words.contains("「１９５」を 195 と読みました（全角を半角に）"),
        "{words}"
    );
    assert!(
        words.contains("実績値を 77 から 未集計 にします"),
        "{words}"
    );
    assert!(words.contains("取り込めないセル 0 件"), "{words}");
    assert!(
        words.contains("no2/honcho  実績値を 0.027 から 0.047 にします"),
        "{words}"
    );
    assert!(
        words.contains("content/2021/actuals.yaml、content/2021/monitoring.yaml を書き換えました"),
        "{words}"
    );

    let yaml = String::from_utf8(actuals(root)).unwrap();
    assert!(
        yaml.contains("  actual: 60.30\n"),
        "written as Excel shows it: {yaml}"
    );
    let mon = monitoring(root);
    assert!(mon.contains("  honcho: 0.047\n"), "{mon}");
    assert!(
        mon.contains("  shikyo: { value: 5.7, note: 降雨の影響で高めの値となりました }\n"),
        "{mon}"
    );
    let files = built(root);
    // The page prints what the loader reads from `60.30` (60.30 once SPEC §10's written
    // precision reaches the loader; 60.3 from its float before).
    let (rate, note) = csv_row(&files, "recycle-rate");
    assert_eq!(
        rate.parse::<rust_decimal::Decimal>().unwrap(),
        rust_decimal::Decimal::new(603, 1)
    );
    assert_eq!(note, "分別の徹底で改善");
    assert_eq!(csv_row(&files, "shi-jimu-co2").0, "17660");
    assert_eq!(csv_row(&files, "katei-gomi").0, "-5");
    assert_eq!(csv_row(&files, "fuho-toki").0, "195");
    assert_eq!(csv_row(&files, "zeh-hojo").0, "");
    let goal = common::page(&files, "2021/kankyo/2/index.html");
    assert!(goal.contains(&rate) && goal.contains("分別の徹底で改善"));
    assert_eq!(mon_field(&files, "no2/honcho", "測定値"), "0.047");
    assert_eq!(mon_field(&files, "bod/shikyo", "測定値"), "5.7");
    let air = common::page(&files, "2021/monitoring/air/index.html");
    assert!(air.contains(">0.047<"), "the group page prints the value");
    let water = common::page(&files, "2021/monitoring/water/index.html");
    assert!(water.contains(">5.7<") && water.contains("降雨の影響で高めの値となりました"));

    let (before, mon_before) = (actuals(root), monitoring(root));
    let (again, words) = run(root, &filled, ImportOptions::default());
    assert!(matches!(again.outcome, Outcome::NothingToChange), "{words}");
    assert_eq!(actuals(root), before, "a second import changes nothing");
    assert_eq!(monitoring(root), mon_before, "in either file");
}

#[test]
fn a_cp932_csv_from_excel_round_trips_and_only_changed_lines_change() {
    let dir = common::example_copy();
    let root = dir.path();
    let t = root.join("t.csv");
    template(root, YEAR, Some(&t)).unwrap();
    let csv = root.join("excel.csv");
    filled_cp932_csv(
        &t,
        &csv,
        &[
            ("shi-jimu-co2", "17,660"),
            ("koyuchika", "３６．８"),
            ("toshi-koen", "－"),
            ("dioxin-water/shikyo", "＜０．０５"),
            ("ox/honcho", "欠測"),
            ("pm25/kokudo", "１,０２０．５"),
            ("ph/nakai", "▲0.5"),
        ],
    );
    let original = String::from_utf8(actuals(root)).unwrap();
    let mon_original = monitoring(root);
    let (done, words) = run(root, &csv, ImportOptions::default());
    assert!(
        words.contains("CSV、文字コード Shift_JIS（CP932）"),
        "{words}"
    );
    // 「－」 is 該当なし (SPEC §10), written as its word.
    assert!(matches!(done.outcome, Outcome::Written), "{words}");
    assert!(words.contains("「－」を 該当なし と読みました"), "{words}");
    let after = String::from_utf8(actuals(root)).unwrap();
    let changed: Vec<(&str, &str)> = original
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 3, "{changed:?}");
    assert_eq!(original.lines().count(), after.lines().count());
    let files = built(root);
    assert_eq!(csv_row(&files, "shi-jimu-co2").0, "17660");
    assert_eq!(csv_row(&files, "koyuchika").0, "36.8");
    assert_eq!(csv_row(&files, "toshi-koen").0, "");
    assert_eq!(csv_field(&files, "toshi-koen", "実績値の状態"), "該当なし");
    assert!(
        after.contains("toshi-koen:\n  actual: 該当なし\n"),
        "{after}"
    );
    // monitoring.yaml: the four values changed, each on its own line, nothing else.
    let mon = monitoring(root);
    let expected = mon_original
        .replace("  shikyo: 0.30\n", "  shikyo: \"<0.05\"\n")
        .replace("  honcho: 0.109\n", "  honcho: 欠測\n")
        .replace("  kokudo: 9.7\n", "  kokudo: 1020.5\n")
        .replace("  nakai: 7.4\n\n# 道路", "  nakai: -0.5\n\n# 道路");
    assert_eq!(mon, expected, "{words}");
    assert_eq!(
        mon_field(&files, "dioxin-water/shikyo", "測定値の表記"),
        "<0.05"
    );
    assert_eq!(mon_field(&files, "ox/honcho", "値の状態"), "欠測");
    assert_eq!(mon_field(&files, "pm25/kokudo", "測定値"), "1020.5");
    assert_eq!(mon_field(&files, "ph/nakai", "測定値"), "-0.5");
    let dioxins = common::page(&files, "2021/monitoring/dioxins/index.html");
    assert!(dioxins.contains("&lt;0.05"), "printed as written");
    let (again, words) = run(root, &csv, ImportOptions::default());
    assert!(matches!(again.outcome, Outcome::NothingToChange), "{words}");
    assert_eq!(monitoring(root), expected);
}

#[test]
fn a_csv_without_statuses_round_trips_byte_for_byte() {
    let dir = common::example_copy();
    let root = dir.path();
    let t = root.join("t.csv");
    template(root, YEAR, Some(&t)).unwrap();
    let csv = root.join("excel.csv");
    filled_cp932_csv(
        &t,
        &csv,
        &[("shi-jimu-co2", "17,660"), ("kasen-bod", "６５．０")],
    );
    let original = String::from_utf8(actuals(root)).unwrap();
    let (done, words) = run(root, &csv, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::Written), "{words}");
    let expected = original
        .replace("  actual: 17650\n", "  actual: 17660\n")
        .replace("  actual: 62.5\n", "  actual: 65.0\n");
    assert_eq!(
        String::from_utf8(actuals(root)).unwrap(),
        expected,
        "{words}"
    );
    let (again, _) = run(root, &csv, ImportOptions::default());
    assert!(matches!(again.outcome, Outcome::NothingToChange));
    assert_eq!(String::from_utf8(actuals(root)).unwrap(), expected);
}

/// Every status and number form SPEC §10 accepts in actuals.yaml, typed into a sheet as
/// staff type them: each is written as an editor would write it, prints as published, and
/// a second import of the same sheet changes nothing.
#[test]
fn every_status_and_number_form_of_section_10_imports_as_an_editor_writes_it() {
    let dir = common::example_copy();
    let root = dir.path();
    let t = root.join("t.xlsx");
    template(root, YEAR, Some(&t)).unwrap();
    // The template shows the example's 約480 as the city prints it.
    let shown: Vec<Vec<String>> = cells(&t)
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    let cell = |rows: &[Vec<String>], id: &str, c: usize| -> String {
        let row = rows.iter().find(|r| r.first().is_some_and(|x| x == id));
        row.unwrap().get(c).cloned().unwrap_or_default()
    };
    assert_eq!(cell(&shown, "ikimono-chosa", 6), "約480");
    assert_eq!(cell(&shown, "yato-tansui", 5), "1.00～1.50");
    let forms: [(&str, &str, &str); 17] = [
        ("ghg-emission", "－", "該当なし"),
        ("koyuchika", "ー", "該当なし"),
        ("eco-action", "該当なし", "該当なし"),
        ("taiyoko-hojo", "…", "不明"),
        ("toshi-koen", "不明", "不明"),
        ("zeh-hojo", "x", "秘匿"),
        ("kankyo-gakushu", "秘匿", "秘匿"),
        ("demae-koza", "未集計", "null"),
        ("katei-gomi", "約548", "{ value: 548, approx: true }"),
        ("ikimono-chosa", "490", "490"),
        ("shi-jimu-co2", "１７，６６０", "17660"),
        ("fuho-toki", "1,234", "1234"),
        ("recycle-rate", "60.30", "60.30"),
        ("fuho-mishori", "\u{2212}2", "-2"),
        ("kasen-bod", "▲1.5", "-1.5"),
        ("dantai-koshukai", "△3", "-3"),
        (
            "ryokuchi-hozen",
            "約 75.50",
            "{ value: 75.50, approx: true }",
        ),
    ];
    let fills: Vec<(&str, Fill, Option<&str>)> = forms
        .iter()
        .map(|(id, typed, _)| (*id, Fill::Text(typed), None))
        .collect();
    let filled = root.join("filled.xlsx");
    filled_xlsx(&t, &filled, &fills);
    let (done, words) = run(root, &filled, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::Written), "{words}");
    assert!(words.contains("取り込めないセル 0 件"), "{words}");
    assert!(
        words.contains("実績値を 約480 から 490 にします"),
        "{words}"
    );
    assert!(
        words.contains("実績値を 551 から 約548 にします"),
        "{words}"
    );
    let yaml = String::from_utf8(actuals(root)).unwrap();
    let written = nenpo::sheet::yaml_edit::current_values(&yaml, "actual").unwrap();
    for (id, typed, want) in forms {
        assert_eq!(written[id], want, "{id}: typed {typed}");
    }

    let files = built(root);
    for (id, status) in [
        ("ghg-emission", "該当なし"),
        ("taiyoko-hojo", "不明"),
        ("zeh-hojo", "秘匿"),
        ("demae-koza", "未集計"),
    ] {
        assert_eq!(csv_row(&files, id).0, "", "{id}: no number");
        assert_eq!(csv_field(&files, id, "実績値の状態"), status, "{id}");
    }
    assert_eq!(csv_row(&files, "katei-gomi").0, "548");
    assert_eq!(csv_field(&files, "katei-gomi", "実績値は概数"), "true");
    assert_eq!(csv_row(&files, "kasen-bod").0, "-1.5");
    // Written as typed; printed with the indicator's `decimals: 1`.
    assert_eq!(csv_row(&files, "recycle-rate").0, "60.3");
    let gomi = common::page(&files, "indicators/katei-gomi/index.html");
    assert!(gomi.contains("約548"), "the page prints 約548");
    let bod = common::page(&files, "indicators/kasen-bod/index.html");
    // The example's 生物多様性戦略 grades with △, so a negative prints ▲ (SPEC §10).
    assert!(
        bod.contains("▲1.5"),
        "a negative prints with the report's sign"
    );
    let ghg = common::page(&files, "indicators/ghg-emission/index.html");
    assert!(ghg.contains(">－<"), "該当なし prints as its symbol");

    let before = actuals(root);
    let (again, words) = run(root, &filled, ImportOptions::default());
    assert!(matches!(again.outcome, Outcome::NothingToChange), "{words}");
    assert_eq!(actuals(root), before);
    // And a new template shows what was written as the sheet was typed.
    let t2 = root.join("t2.xlsx");
    template(root, YEAR, Some(&t2)).unwrap();
    let again: Vec<Vec<String>> = cells(&t2)
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    assert_eq!(cell(&again, "katei-gomi", 6), "約548");
    assert_eq!(cell(&again, "ghg-emission", 6), "該当なし");
    assert_eq!(cell(&again, "demae-koza", 6), "");
}

/// A CSV sheet with the template's layout and the given data rows.
fn sheet_csv(dir: &Path, name: &str, year_cell: &str, rows: &[&str]) -> PathBuf {
    let mut text = format!(
        "さくら台市の環境　実績値の入力シート\r\n年度,{year_cell}\r\n\r\n\r\nID,計画,目標,指標名,単位,目標値,実績値,備考\r\n"
    );
    for r in rows {
        text.push_str(r);
        text.push_str("\r\n");
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn bad_sheets_are_reported_and_leave_actuals_byte_identical() {
    let dir = common::example_copy();
    let root = dir.path();
    let before = actuals(root);
    let good = "shi-jimu-co2,,,,,,17700,";
    let xlsx = root.join("t.xlsx");
    template(root, YEAR, Some(&xlsx)).unwrap();
    let bytes = std::fs::read(&xlsx).unwrap();
    let corrupt = root.join("corrupt.xlsx");
    std::fs::write(&corrupt, &bytes[..bytes.len() / 2]).unwrap();
    let empty = root.join("empty.csv");
    std::fs::write(&empty, b"").unwrap();
    let cases: Vec<(PathBuf, &str)> = vec![
        (
            sheet_csv(
                root,
                "typo.csv",
                "令和3年度",
                &[good, "ryokuchi-hozn,,,,,,96,"],
            ),
            "「ryokuchi-hozn」という ID の指標はありません。「ryokuchi-hozen」の誤りではありませんか",
        ),
        (
            // 約 is read (約480 is how a city prints an approximate value), but not what
            // follows it here.
            sheet_csv(root, "unit.csv", "R3", &[good, "zeh-hojo,,,,,,約50件,"]),
            "「約50件」の「件」は数値に含められません",
        ),
        (
            sheet_csv(
                root,
                "comma.csv",
                "2021年度",
                &[good, "zeh-hojo,,,,,,\"39,5\","],
            ),
            "桁区切りの「,」は3桁ごとです",
        ),
        (
            sheet_csv(root, "year.csv", "令和2年度（2020年度）", &[good]),
            "このシートは令和2年度のものです（B2「令和2年度」）",
        ),
        (
            sheet_csv(
                root,
                "dup.csv",
                "令和3年度",
                &[good, "shi-jimu-co2,,,,,,17800,"],
            ),
            "ID「shi-jimu-co2」の行がほかにもあります（A7）",
        ),
        (empty, "ファイルが空です"),
        (
            common::fixture("sheets/password.xlsx"),
            "パスワードで保護（暗号化）されたブックは読めません",
        ),
        (corrupt, "ブックが壊れているため読めません"),
        (
            root.join("assets/2021/shingikai-1-shiryo1.pdf"),
            "表計算のファイル（xlsx・xls・ods・CSV）ではありません",
        ),
        (
            sheet_csv(root, "noid.csv", "R3", &[",,,,,,5,"]),
            "ID のない行に値が入力されています",
        ),
    ];
    for (sheet, says) in cases {
        let (done, words) = run(root, &sheet, ImportOptions::default());
        assert!(
            !matches!(done.outcome, Outcome::Written | Outcome::NothingToChange),
            "{}: {words}",
            sheet.display()
        );
        assert!(
            words.contains(says),
            "{}: expected {says}\n{words}",
            sheet.display()
        );
        assert!(words.contains("何も書き込んでいません"), "{words}");
        assert_eq!(actuals(root), before, "{} wrote", sheet.display());
    }
    let headless = root.join("headless.csv");
    std::fs::write(&headless, "a,b\r\n1,2\r\n").unwrap();
    let (_, words) = run(root, &headless, ImportOptions::default());
    assert!(
        words.contains("見出しの行（「ID」と「実績値」の列）が見つかりません"),
        "{words}"
    );
}

#[test]
fn partial_writes_the_readable_cells_and_dry_run_writes_nothing() {
    let dir = common::example_copy();
    let root = dir.path();
    let before = actuals(root);
    let sheet = sheet_csv(
        root,
        "mixed.csv",
        "R3",
        &["shi-jimu-co2,,,,,,17700,", "zeh-hojo,,,,,,50件,"],
    );
    let dry = ImportOptions {
        partial: true,
        dry_run: true,
    };
    let (done, words) = run(root, &sheet, dry);
    assert!(matches!(done.outcome, Outcome::DryRun), "{words}");
    assert!(
        words.contains("実績値を 17650 から 17700 にします"),
        "{words}"
    );
    assert_eq!(actuals(root), before);
    let partial = ImportOptions {
        partial: true,
        dry_run: false,
    };
    let (done, words) = run(root, &sheet, partial);
    assert!(matches!(done.outcome, Outcome::Written), "{words}");
    assert!(words.contains("取り込めないセル 1 件"), "{words}");
    let after = String::from_utf8(actuals(root)).unwrap();
    assert!(after.contains("  actual: 17700\n"));
    assert!(
        after.contains("zeh-hojo:\n  actual: 77\n"),
        "the unreadable cell is left alone"
    );
}

#[test]
fn an_edit_the_reports_check_refuses_is_not_written() {
    let dir = common::example_copy();
    let root = dir.path();
    let before = actuals(root);
    // Readable as a number, but the achievement rate overflows an exact decimal.
    let huge = "9,999,999,999,999,999,999,999,999,999";
    let sheet = sheet_csv(
        root,
        "huge.csv",
        "R3",
        &[&format!("demae-koza,,,,,,\"{huge}\",")],
    );
    let (done, words) = run(root, &sheet, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::CheckFailed(_)), "{words}");
    assert!(words.contains("書き換えると上の誤りが出るため"), "{words}");
    assert_eq!(actuals(root), before);
}

#[test]
fn crlf_bom_and_a_new_entry_keep_the_files_style() {
    let dir = common::example_copy();
    let root = dir.path();
    let original = String::from_utf8(actuals(root)).unwrap();
    // The file as a Windows editor saves it, without the dantai-koshukai entry.
    let cut = original.find("dantai-koshukai:").unwrap();
    let windows = format!(
        "\u{feff}{}",
        original[..cut].trim_end().replace('\n', "\r\n")
    ) + "\r\n";
    std::fs::write(root.join(ACTUALS), &windows).unwrap();
    let sheet = sheet_csv(
        root,
        "new.csv",
        "R3",
        &["dantai-koshukai,,,,,,12,講習会を2回開催"],
    );
    let (done, words) = run(root, &sheet, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::Written), "{words}");
    let after = String::from_utf8(actuals(root)).unwrap();
    assert!(
        after.starts_with(&windows),
        "everything before is byte-identical"
    );
    let added = &after[windows.len()..];
    assert!(
        added.contains("dantai-koshukai:\r\n  actual: 12\r\n  note: 講習会を2回開催\r\n"),
        "{added:?}"
    );
    assert!(!added.replace("\r\n", "").contains('\n'));
}

#[test]
fn the_template_locks_identity_columns_offers_statuses_and_names_the_year() {
    let dir = common::example_copy();
    let root = dir.path();
    let t = root.join("t.xlsx");
    let made = template(root, YEAR, Some(&t)).unwrap();
    assert_eq!(made.rows, 18);
    let rows = cells(&t);
    // no2-kokudo takes its actuals from the monitoring data: no row to fill in.
    assert!(
        rows.iter()
            .all(|r| r.is_empty() || text(&r[0]) != "no2-kokudo")
    );
    assert_eq!(text(&rows[1][1]), "令和3年度（2021年度）");
    let heads: Vec<String> = rows[4].iter().map(text).collect();
    assert_eq!(
        heads,
        [
            "ID",
            "計画",
            "目標",
            "指標名",
            "単位",
            "目標値",
            "実績値",
            "備考"
        ]
    );
    let co2 = rows
        .iter()
        .find(|r| r.first().map(text).as_deref() == Some("shi-jimu-co2"))
        .unwrap();
    assert_eq!(text(&co2[5]), "17390", "the target the evaluation plans");
    assert_eq!(text(&co2[6]), "17650", "the value the file holds");
    // Cells: identity locked, value columns unlocked; the sheet is protected without a
    // password; the value column has the statuses' dropdown.
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&t).unwrap();
    let styles = wb.worksheet_style("実績値").unwrap();
    let locked = |r: u32, c: u32| {
        styles
            .get((r, c))
            .and_then(|s| s.protection.as_ref())
            .is_none_or(|p| p.locked)
    };
    assert!(locked(5, 0) && locked(5, 5));
    assert!(!locked(5, 6) && !locked(5, 7));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&t).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(
        xml.contains("<sheetProtection") && !xml.contains("password"),
        "{xml}"
    );
    assert!(
        xml.contains("type=\"list\"") && xml.contains("未集計,該当なし,不明,秘匿"),
        "{xml}"
    );
    // Nothing is overwritten.
    assert!(matches!(
        template(root, YEAR, Some(&t)),
        Err(nenpo::sheet::DeskError::Exists(_))
    ));
}

#[test]
fn the_commands_exit_as_documented() {
    let dir = common::example_copy();
    let root = dir.path();
    let sheet = sheet_csv(root, "typo.csv", "R3", &["ryokuchi-hozn,,,,,,96,"]);
    let out = nenpo(root, &["import", sheet.to_str().unwrap(), "--year", "R3"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ryokuchi-hozen"));
    let out = nenpo(root, &["import", sheet.to_str().unwrap(), "--year", "来年"]);
    assert_eq!(out.status.code(), Some(2));
    let out = nenpo(root, &["import", sheet.to_str().unwrap(), "--year", "2030"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nenpo new-year 2030"));
    let t = root.join("x.txt");
    let out = nenpo(root, &["template", "2021", "-o", t.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!t.exists());
}

#[test]
fn init_example_writes_the_whole_bundled_example() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sakura");
    let files = nenpo::init::example(&dir).unwrap();
    let repo = common::example();
    for top in ["content", "assets"] {
        for e in walkdir::WalkDir::new(repo.join(top)) {
            let e = e.unwrap();
            if e.file_type().is_file() {
                let rel = e.path().strip_prefix(&repo).unwrap();
                assert_eq!(
                    std::fs::read(dir.join(rel)).unwrap(),
                    std::fs::read(e.path()).unwrap(),
                    "{}",
                    rel.display()
                );
            }
        }
    }
    assert!(files.len() > 50);
    assert!(nenpo::build::check(&dir, &mut |_| {}).is_ok());
    assert!(matches!(
        nenpo::init::example(&dir),
        Err(nenpo::init::InitError::NotEmpty(_))
    ));
}

#[test]
fn an_english_report_gets_an_english_sheet_and_an_english_import_report() {
    let dir = common::example_copy();
    let root = dir.path();
    let book = std::fs::read_to_string(root.join("book.toml")).unwrap();
    std::fs::write(
        root.join("book.toml"),
        book.replace("language = \"ja\"", "language = \"en\""),
    )
    .unwrap();
    let t = root.join("t.csv");
    template(root, YEAR, Some(&t)).unwrap();
    let rows = cells(&t);
    assert_eq!(text(&rows[1][1]), "FY2021 (Reiwa 3)");
    assert_eq!(text(&rows[4][6]), "Actual");
    let sheet = root.join("en.csv");
    let mut csv = String::from_utf8(std::fs::read(&t).unwrap()).unwrap();
    csv = csv
        .replace("zeh-hojo,", "zeh-hojx,")
        .replace(",17650,", ",\"1,7660\",")
        .replace(",1615,", ",not collected,");
    std::fs::write(&sheet, csv).unwrap();
    let (done, words) = run(root, &sheet, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::Refused), "{words}");
    assert!(words.contains("did you mean “zeh-hojo”?"), "{words}");
    assert!(
        words.contains("Actual from 1615 to not collected"),
        "{words}"
    );
    assert!(
        words.contains("a thousands comma separates groups of three digits"),
        "{words}"
    );
    assert!(!nenpo::i18n::has_japanese(&words), "{words}");
}

#[test]
fn a_year_without_actuals_yaml_gets_one() {
    let dir = common::example_copy();
    let root = dir.path();
    std::fs::remove_file(root.join(ACTUALS)).unwrap();
    let sheet = sheet_csv(
        root,
        "first.csv",
        "R3",
        &["zeh-hojo,,,,,,80,", "eco-action,,,,,,110,"],
    );
    let (done, words) = run(root, &sheet, ImportOptions::default());
    assert!(matches!(done.outcome, Outcome::Written), "{words}");
    let text = String::from_utf8(actuals(root)).unwrap();
    assert!(text.contains("zeh-hojo:\n  actual: 80\n"), "{text}");
    assert!(text.contains("eco-action:\n  actual: 110\n"), "{text}");
    assert!(nenpo::build::check(root, &mut |_| {}).is_ok());
}
