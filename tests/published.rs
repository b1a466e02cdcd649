//! Values as published (SPEC §10), judged on the pages a reader sees: targets worded as the
//! plan words them, statuses as symbols with a legend and counted apart, 約, the city's own
//! signs and symbols, the goal rule, drafts and plausibility warnings.

mod common;

use common::nenpo;
use common::replace;

use std::path::Path;

use nenpo::site::OutputFile;

fn built(root: &Path) -> Vec<OutputFile> {
    nenpo::build::render_report(root)
        .unwrap_or_else(|f| panic!("{}", f.diagnostics.render(f.lang, false)))
        .1
}

/// A page's text as read: tags dropped, entities decoded, spaces collapsed; charts left out.
fn text(files: &[OutputFile], path: &str) -> String {
    let html = common::page(files, path);
    let no_svg = regex_lite_strip(html, "<svg", "</svg>");
    let mut out = String::new();
    let mut in_tag = false;
    for c in no_svg.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn regex_lite_strip(s: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        match rest[i..].find(close) {
            Some(j) => rest = &rest[i + j + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The open-data rows of 2021 for `id`, as column → value.
fn csv_row(files: &[OutputFile], year: u16, id: &str) -> Vec<(String, String)> {
    let csv = common::page(files, &format!("data/{year}-indicators.csv"));
    let mut r = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let idc = head.iter().position(|h| h == "指標ID").unwrap();
    let rec = r
        .records()
        .map(Result::unwrap)
        .find(|rec| &rec[idc] == id)
        .unwrap_or_else(|| panic!("{id} not in {year}"));
    head.into_iter().zip(rec.iter().map(String::from)).collect()
}

fn col<'a>(row: &'a [(String, String)], name: &str) -> &'a str {
    &row.iter().find(|(h, _)| h == name).unwrap().1
}

#[test]
fn targets_print_as_the_plan_words_them_and_grade_as_it_means() {
    let dir = common::example_copy();
    let files = built(dir.path());
    // bound: true on a lower-is-better indicator, with an interim target.
    let gomi = text(&files, "indicators/katei-gomi/index.html");
    assert!(
        gomi.contains("最終目標 498g以下（令和10年度（2028年度））"),
        "{gomi}"
    );
    assert!(
        gomi.contains("中間目標 530g以下（令和3年度（2021年度））"),
        "{gomi}"
    );
    // The milestone is its year's target, named as such in the table.
    assert!(
        gomi.contains("令和3年度（2021年度） 530g以下（中間目標） 551 96.2%"),
        "{gomi}"
    );
    // A reduction from a base year: its wording and the value it comes to (18,500 × 0.8).
    let co2 = text(&files, "indicators/shi-jimu-co2/index.html");
    assert!(
        co2.contains("平成30年度比 20%削減（令和10年度（2028年度））（目標値 14,800t-CO2）"),
        "{co2}"
    );
    // A range target: met inside, not met outside (1.60 > 1.50).
    let yato = text(&files, "indicators/yato-tansui/index.html");
    assert!(yato.contains("最終目標 1.00〜1.50ha"), "{yato}");
    assert!(
        yato.contains("令和2年度（2020年度） 1.00〜1.50 1.35 達成"),
        "{yato}"
    );
    assert!(
        yato.contains("令和3年度（2021年度） 1.00〜1.50 1.60 未達成"),
        "{yato}"
    );
    // A trend target, a year not applicable (actual and target －) and an approximate actual.
    let ikimono = text(&files, "indicators/ikimono-chosa/index.html");
    assert!(ikimono.contains("最終目標 増加"), "{ikimono}");
    assert!(
        ikimono.contains("令和2年度（2020年度） － － －"),
        "{ikimono}"
    );
    assert!(
        ikimono.contains("令和3年度（2021年度） 増加 約480 達成"),
        "{ikimono}"
    );
    assert!(
        ikimono.contains("「－」は該当なしを表します。"),
        "{ikimono}"
    );

    // Open data keeps the number, the status and the wording in their own columns.
    let row = csv_row(&files, 2021, "katei-gomi");
    assert_eq!(col(&row, "目標値"), "530");
    assert_eq!(col(&row, "目標（計画の表記）"), "530g以下");
    let row = csv_row(&files, 2020, "ikimono-chosa");
    assert_eq!(col(&row, "実績値"), "");
    assert_eq!(col(&row, "実績値の状態"), "該当なし");
    assert_eq!(col(&row, "目標値の状態"), "該当なし");
    let row = csv_row(&files, 2021, "ikimono-chosa");
    assert_eq!(
        (col(&row, "実績値"), col(&row, "実績値は概数")),
        ("480", "true")
    );
}

#[test]
fn a_fall_prints_with_a_sign_no_grade_mark_uses_and_the_legend_says_so() {
    let dir = common::example_copy();
    let files = built(dir.path());
    // The example grades 生物多様性戦略 with ◎○△×, so a fall is ▲ on every page.
    let co2 = text(&files, "indicators/shi-jimu-co2/index.html");
    assert!(co2.contains("▲69.3ポイント"), "{co2}");
    assert!(co2.contains("毎年度 ▲370t-CO2"), "{co2}");
    assert!(
        co2.contains("前年度からの変化の「▲」は減少を表します（評価の「△」と区別しています）。"),
        "{co2}"
    );
    assert!(!co2.contains("△69.3"));
}

#[test]
fn a_citys_own_symbols_and_sign_print_with_their_legend() {
    let dir = common::example_copy();
    let root = dir.path();
    replace(
        root,
        "book.toml",
        "[evaluation]",
        "[report.symbols]\nnot_applicable = \"ー\"\nnot_collected = \"－\"\n\n[evaluation]",
    );
    let files = built(root);
    let ikimono = text(&files, "indicators/ikimono-chosa/index.html");
    assert!(
        ikimono.contains("令和2年度（2020年度） ー ー ー"),
        "{ikimono}"
    );
    assert!(
        ikimono.contains("「ー」は該当なしを表します。"),
        "{ikimono}"
    );
    // 未集計 now prints as the city's －, with its legend.
    let ghg = text(&files, "indicators/ghg-emission/index.html");
    assert!(ghg.contains("「－」は未集計を表します。"), "{ghg}");
}

#[test]
fn statuses_are_not_graded_and_are_counted_apart() {
    let dir = common::example_copy();
    let files = built(dir.path());
    let print = text(&files, "2021/print/index.html");
    // ghg-emission is not yet collected in 2021: its goal is graded on three of four.
    assert!(
        print.contains("4指標中3指標で評価、1指標は未集計"),
        "{print}"
    );
}

#[test]
fn the_goal_rule_decides_a_goals_grade_and_the_summary_says_which() {
    let dir = common::example_copy();
    let root = dir.path();
    let goal = |files: &[OutputFile]| {
        let t = text(files, "2021/print/index.html");
        // Goal 1's summary cell ends with its count of graded indicators.
        let end = t.find("4指標中3指標で評価").unwrap();
        let cell: Vec<char> = t[..end].chars().collect();
        cell[cell.len().saturating_sub(40)..]
            .iter()
            .collect::<String>()
    };
    let capped = goal(&built(root));
    assert!(
        capped.contains("（達成率の平均 87.4%、各指標100%を上限）"),
        "{capped}"
    );
    let mut seen = vec![capped];
    for (rule, words) in [
        ("mean", "（達成率の平均 "),
        ("share_met", "（目標を達成した指標の割合 "),
        ("lowest", "最も低い"),
    ] {
        let book = std::fs::read_to_string(root.join("book.toml")).unwrap();
        let book = match book.find("goal_rule") {
            Some(_) => book
                .lines()
                .map(|l| {
                    if l.starts_with("goal_rule") {
                        format!("goal_rule = \"{rule}\"")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            None => book.replace(
                "[evaluation]",
                &format!("[evaluation]\ngoal_rule = \"{rule}\""),
            ),
        };
        std::fs::write(root.join("book.toml"), book).unwrap();
        let g = goal(&built(root));
        assert!(g.contains(words), "{rule}: {g}");
        assert!(!seen.contains(&g), "{rule} reads like another rule: {g}");
        seen.push(g);
    }
}

#[test]
fn a_draft_year_is_previewed_but_never_published() {
    let dir = common::example_copy();
    let root = dir.path();
    replace(
        root,
        "content/2021/index.md",
        "published: 2022-09-30\n",
        "published: 2022-09-30\ndraft: true\n",
    );
    let out = root.join("site");
    let summary = nenpo::build::build(root, Some(&out)).unwrap();
    assert_eq!(summary.drafts, vec![nenpo::era::FiscalYear(2021)]);
    assert!(!out.join("2021").exists(), "a draft is not written");
    assert!(out.join("2020/index.html").exists());
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        !home.contains("2021/index.html"),
        "the home page never links the draft"
    );
    // serve previews it.
    let preview = nenpo::build::render(root).unwrap();
    assert!(preview.files.iter().any(|f| f.path == "2021/index.html"));
    // check names it too, and exits 0.
    let o = nenpo(root, &["check"]);
    assert!(o.status.success());
    let said = String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("令和3年度"), "{said}");
}

#[test]
fn implausible_figures_are_warnings_that_fail_only_a_strict_check() {
    let dir = common::example_copy();
    let root = dir.path();
    // A cumulative count that falls and is ten times below the year before: a typo.
    replace(
        root,
        "content/2021/actuals.yaml",
        "eco-action:\n  actual: 109\n",
        "eco-action:\n  actual: 10\n",
    );
    // A count ten times the year before: a slipped digit.
    replace(
        root,
        "content/2021/actuals.yaml",
        "fuho-toki:\n  actual: 193\n",
        "fuho-toki:\n  actual: 2200\n",
    );
    // A rate over 300 % (80 against a target of 23.9).
    replace(
        root,
        "content/2021/actuals.yaml",
        "recycle-rate:\n  actual: 20.8\n",
        "recycle-rate:\n  actual: 80.0\n",
    );
    // A published year without its date.
    replace(root, "content/2021/index.md", "published: 2022-09-30\n", "");
    let o = nenpo(root, &["check"]);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "warnings only: {err}");
    assert!(
        err.contains("累計の指標ですが、前年度（101事業所）より減っています（10事業所）"),
        "{err}"
    );
    assert!(
        err.contains("前年度の値（214件）と10倍以上の差があります（2,200件）"),
        "{err}"
    );
    assert!(
        err.contains("発行日（published）が書かれていません"),
        "{err}"
    );
    assert!(err.contains("content/2021/actuals.yaml:"), "{err}");
    assert!(err.contains("content/2021/index.md:"), "{err}");
    let strict = nenpo(root, &["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    // build publishes it (a warning is not an error).
    let b = nenpo(root, &["build", "-o", root.join("site").to_str().unwrap()]);
    assert!(b.status.success());
}

#[test]
fn a_new_year_is_a_draft_until_its_text_is_written() {
    let dir = common::example_copy();
    let root = dir.path();
    assert!(nenpo(root, &["new-year", "2022"]).status.success());
    let site = root.join("site");
    let b = nenpo(root, &["build", "-o", site.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&b.stderr).to_string() + &String::from_utf8_lossy(&b.stdout);
    assert!(b.status.success(), "{said}");
    assert!(
        !site.join("2022").exists(),
        "the template's year is not published"
    );
    assert!(
        said.contains("令和4年度"),
        "the build names the draft it left out: {said}"
    );
    let home = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(!home.contains("2022/index.html"));
    // Without `draft: true`, the template's sample text is a warning at its line.
    replace(root, "content/2022/index.md", "draft: true\n", "");
    let c = nenpo(root, &["check"]);
    let err = String::from_utf8_lossy(&c.stderr).to_string();
    assert!(err.contains("新しい年度の見本の文"), "{err}");
    assert!(err.contains("content/2022/index.md:"), "{err}");
    assert_eq!(nenpo(root, &["check", "--strict"]).status.code(), Some(1));
}
