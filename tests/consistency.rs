//! One figure, one spelling per output kind: every indicator's target, actual and rate, and
//! every project's amounts and outcome rate, read the same in the HTML pages, the CSV files,
//! the JSON files and the charts' text of the built example. The expected text comes from
//! the evaluation; each output is then read back and compared with it, and the people's
//! spelling (HTML, charts) with the machines' (CSV, JSON) digit for digit.

mod common;

use std::collections::HashMap;

use common::{example, page};
use nenpo::evaluate::{Evaluation, IndicatorYear, Rate};
use nenpo::figure::Value;
use nenpo::format::{Formatter, machine_figure, machine_rate};
use nenpo::model::{Indicator, Report};
use nenpo::site::OutputFile;
use nenpo::site::paths;
use rust_decimal::Decimal;

/// The text of the cell labelled `label` in the table row holding `anchor`.
fn cell<'a>(html: &'a str, anchor: &str, label: &str) -> &'a str {
    let at = html
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor} not in page"));
    let row_start = html[..at].rfind("<tr").unwrap();
    let row = &html[row_start..row_start + html[row_start..].find("</tr>").unwrap()];
    let key = format!("data-label=\"{label}\">");
    let i = row
        .find(&key)
        .unwrap_or_else(|| panic!("no {label} in row of {anchor}"))
        + key.len();
    let text = &row[i..];
    &text[..text.find('<').unwrap()]
}

/// A people's spelling read back as the machines write it: `1,234.5%` → `1234.5`.
fn as_machine(text: &str) -> String {
    // 約 is its own column for machines; △ and ▲ are a minus.
    let t = text.trim_end_matches('%').replace(',', "");
    let t = t.strip_prefix('約').unwrap_or(&t);
    match t.strip_prefix(['△', '▲']) {
        Some(rest) => format!("-{rest}"),
        None => t.to_string(),
    }
}

/// Rows of a CSV file by a key column, each as header → cell.
fn csv_rows(
    files: &[OutputFile],
    path: &str,
    key: &str,
) -> HashMap<String, HashMap<String, String>> {
    let text = page(files, path).trim_start_matches('\u{feff}');
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            let row: HashMap<String, String> = header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect();
            (row[key].clone(), row)
        })
        .collect()
}

/// The JSON records of a year's file by a key field.
fn json_rows(
    files: &[OutputFile],
    path: &str,
    list: &str,
    key: &str,
) -> HashMap<String, serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(page(files, path)).unwrap();
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r[key].as_str().unwrap().to_string(), r.clone()))
        .collect()
}

/// Texts of the elements of SVG classes, in document order.
fn svg_texts(svg: &str, classes: &[&str]) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split_whitespace().any(|x| classes.contains(&x)))
        })
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

fn svg_desc(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .unwrap()
        .to_string()
}

struct Site {
    report: Report,
    ev: Evaluation,
    files: Vec<OutputFile>,
    fmt: Formatter,
}

fn build() -> Site {
    let r = nenpo::build::render_evaluated(&example(), &mut |_| {})
        .unwrap_or_else(|f| panic!("{}", f.diagnostics.render(f.lang, false)));
    let fmt = Formatter::new(&r.report.config);
    Site {
        report: r.report,
        ev: r.evaluation,
        files: r.files,
        fmt,
    }
}

/// A rate computed by nenpo is written with exactly `rate_decimals` decimals everywhere.
fn assert_rate_decimals(site: &Site, r: &IndicatorYear, text: &str) {
    if let Rate::Value(_) = r.rate {
        let digits = text.trim_end_matches('%');
        let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len()) as u32;
        assert_eq!(decimals, site.report.config.rate_decimals, "{text}");
    }
}

/// The expected machine text of an optional figure of an indicator.
fn machine(v: Option<Decimal>, ind: &Indicator) -> Option<String> {
    v.map(|v| machine_figure(v, ind.decimals))
}

/// A year's target as a table cell spells it.
fn target_text(f: &Formatter, r: &IndicatorYear, ind: &Indicator) -> String {
    r.target
        .as_ref()
        .map_or_else(|| "—".to_string(), |t| f.target(t, ind))
}

#[test]
fn indicator_figures_agree_across_html_csv_json_and_charts() {
    let site = build();
    let (report, ev, files, f) = (&site.report, &site.ev, &site.files, &site.fmt);
    let mut checked = 0;
    for year in &report.years {
        let y = year.year;
        let csv = csv_rows(files, &format!("data/{y}-indicators.csv"), "指標ID");
        let json = json_rows(
            files,
            &format!("data/{y}.json"),
            "indicators",
            "indicator_id",
        );
        for (plan, goal, _, ind) in report.indicators() {
            let Some(r) = ev.indicator(&ind.id, y) else {
                assert!(!csv.contains_key(&ind.id), "{y} {}", ind.id);
                continue;
            };
            let what = format!("{y} {}", ind.id);
            let (target, actual) = (target_text(f, r, ind), f.actual(r.actual, ind.decimals));
            let target_number = r.target.as_ref().and_then(|t| t.number()).map(|n| n.value);
            let (rate_human, rate_machine) = (f.rate(r.rate), machine_rate(r.rate));

            // HTML: the goal page's row.
            let goal_page = page(files, &paths::goal(y, &plan.id, &goal.id));
            let anchor = format!("indicators/{}/index.html\"", ind.id);
            assert_eq!(cell(goal_page, &anchor, "目標値"), target, "{what}");
            if r.actual.number().is_some() {
                assert_eq!(cell(goal_page, &anchor, "実績値"), actual, "{what}");
            }
            assert_eq!(cell(goal_page, &anchor, "達成率"), rate_human, "{what}");
            assert_rate_decimals(&site, r, &rate_human);
            // The change in ポイント, from the rounded rates of this year and the one before.
            let before = ev
                .indicator(&ind.id, nenpo::era::FiscalYear(y.0 - 1))
                .and_then(|b| b.rate.value());
            let change = match (r.rate.value(), before) {
                (Some(now), Some(b)) => f.points(now - b),
                _ => "—".to_string(),
            };
            assert_eq!(r.change.map(|c| f.points(c)).unwrap_or("—".into()), change);
            assert_eq!(
                cell(goal_page, &anchor, "前年度からの変化"),
                change,
                "{what}"
            );

            // CSV and JSON: the machine spelling, the same digits as the page.
            let row = &csv[&ind.id];
            let rec = &json[&ind.id];
            for (col, field, want) in [
                ("目標値", "target", machine(target_number, ind)),
                ("実績値", "actual", machine(r.actual.number(), ind)),
                ("達成率（%）", "rate", rate_machine.clone()),
            ] {
                assert_eq!(
                    row[col],
                    want.clone().unwrap_or_default(),
                    "{what} CSV {col}"
                );
                assert_eq!(rec[field].as_str(), want.as_deref(), "{what} JSON {field}");
            }
            assert_eq!(row["達成率の状態"], f.rate_status(r.rate), "{what}");
            assert_eq!(rec["rate_status"].as_str(), Some(f.rate_status(r.rate)));
            // People's and machines' spellings are one figure.
            if target_number.is_some() && !ind.bound {
                assert_eq!(as_machine(&target), row["目標値"], "{what}");
            }
            if let Some(n) = r.actual.as_number() {
                assert_eq!(as_machine(&actual), row["実績値"], "{what}");
                assert_eq!(actual.starts_with('約'), n.approx, "{what}");
                assert_eq!(row["実績値は概数"], n.approx.to_string(), "{what}");
                assert_eq!(rec["actual_approx"].as_bool(), Some(n.approx), "{what}");
            }
            if let Some(s) = r.actual.status() {
                // A status prints as its symbol; machines get its name in a column of its own.
                assert_eq!(actual, f.status(s), "{what}");
                let name = nenpo::format::status_name(report.config.lang, s);
                assert_eq!(row["実績値の状態"], name, "{what}");
                assert_eq!(rec["actual_status"].as_str(), Some(name), "{what}");
            }
            if let Some(m) = &rate_machine {
                assert_eq!(&as_machine(&rate_human), m, "{what}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 48, "only {checked} indicator-years checked");
}

#[test]
fn goal_summary_charts_print_the_pages_rates() {
    let site = build();
    let (report, ev, files, f) = (&site.report, &site.ev, &site.files, &site.fmt);
    for year in &report.years {
        for plan in &report.plans {
            let Some(py) = ev.plan(&plan.id, year.year) else {
                continue;
            };
            for (goal, summary) in plan.goals.iter().zip(&py.goals) {
                let path = format!("charts/{}-{}-{}-summary.svg", year.year, plan.id, goal.id);
                let svg = page(files, &path);
                let desc = svg_desc(svg);
                let mut want = Vec::new();
                for (_, ind) in goal.indicators() {
                    let r = ev.indicator(&ind.id, year.year).unwrap();
                    let text = f.rate_or_reason(r.rate);
                    let name = nenpo::markdown::strip_marks(&ind.name);
                    assert!(desc.contains(&format!("{name}は{text}")), "{path}: {desc}");
                    if r.rate.value().is_some() {
                        // The chart and the page spell a rate alike.
                        assert_eq!(text, f.rate(r.rate));
                    }
                    want.push(text);
                }
                assert_eq!(svg_texts(svg, &["value-label", "missing"]), want, "{path}");
                // The year page's plan chart prints each goal's mean as the page does.
                let plan_svg = page(
                    files,
                    &format!("charts/{}-{}-summary.svg", year.year, plan.id),
                );
                if let Some(m) = summary.rate {
                    let mean = f.percent(m);
                    assert!(svg_desc(plan_svg).contains(&mean), "{mean}");
                    let year_page = page(files, &paths::year(year.year));
                    assert!(
                        year_page.contains(&format!("（達成率の平均 {mean}、")),
                        "{mean}"
                    );
                }
            }
        }
    }
}

#[test]
fn trend_charts_and_their_tables_print_the_evaluated_values() {
    let site = build();
    let (report, ev, files, f) = (&site.report, &site.ev, &site.files, &site.fmt);
    let mut checked = 0;
    for (plan, goal, _, ind) in report.indicators() {
        let unit = &ind.unit;
        // The indicator page's chart (every year) and each goal page's (up to its year).
        let mut charts = vec![(format!("charts/trend-{}.svg", ind.id), None)];
        for py in ev.plan_years(&plan.id) {
            charts.push((
                format!("charts/{}-trend-{}.svg", py.year, ind.id),
                Some(py.year),
            ));
        }
        for (path, upto) in charts {
            let series: Vec<&IndicatorYear> = ev.trend(&ind.id, upto).collect();
            let svg = page(files, &path);
            let desc = svg_desc(svg);
            let actuals: Vec<String> = series
                .iter()
                .filter(|r| r.actual.number().is_some())
                .map(|r| f.actual(r.actual, ind.decimals))
                .collect();
            // Direct labels: some of the actuals, latest last, spelt as the table spells them.
            let labels = svg_texts(svg, &["value-label"]);
            let mut rest = actuals.iter();
            for l in &labels {
                assert!(
                    rest.any(|a| a == l),
                    "{path}: label {l} not among {actuals:?}"
                );
            }
            assert_eq!(labels.last(), actuals.last(), "{path}");
            if let Some(last) = series.iter().rev().find(|r| r.actual.number().is_some()) {
                let a = f.actual(last.actual, ind.decimals);
                let said = format!("{}の実績値は{a}{unit}", f.year_label(last.year));
                assert!(desc.contains(&said), "{path}: {said} not in {desc}");
                if let Some(t) = last.target.as_ref().filter(|t| t.number().is_some()) {
                    let t = f.target_with_unit(t, ind);
                    assert!(desc.contains(&format!("目標値{t}")), "{path}: {desc}");
                }
            }
            let final_target = ind.target.as_ref().and_then(|t| {
                let v = ev.indicator(&ind.id, t.year)?.target.as_ref()?;
                v.number()?;
                Some((t.year, f.target_with_unit(v, ind)))
            });
            let baseline = ind
                .baseline
                .map(|b| (b.year, format!("{}{unit}", f.figure(b.value, ind.decimals))));
            for (name, yv) in [("基準値", baseline), ("最終目標値", final_target)] {
                if let Some((year, text)) = yv {
                    let said = format!("{name}は{}の{text}", f.year_label(year));
                    assert!(desc.contains(&said), "{path}: {said} not in {desc}");
                }
            }
            // The table beside the chart on the goal page: one row per year, same text.
            if let Some(upto) = upto {
                let html = page(files, &paths::goal(upto, &plan.id, &goal.id));
                let at = html
                    .find(&format!("id=\"trend-{}-title\"", ind.id))
                    .unwrap();
                let table = &html[at..];
                let table = &table[table.find("<table class=\"trend-data\">").unwrap()..];
                let table = &table[..table.find("</table>").unwrap()];
                for r in &series {
                    let row = format!(
                        "<th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>",
                        f.year_label(r.year),
                        target_text(f, r, ind)
                            + &r.target
                                .as_ref()
                                .and_then(|t| f.target_note(t, ind))
                                .unwrap_or_default(),
                        f.actual(r.actual, ind.decimals)
                    );
                    assert!(table.contains(&row), "{path}: {row}");
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} charts checked");
}

#[test]
fn project_amounts_and_outcome_rates_agree_across_outputs() {
    let site = build();
    let (report, ev, files, f) = (&site.report, &site.ev, &site.files, site.fmt);
    let mut checked = 0;
    for year in &report.years {
        let y = year.year;
        let csv = csv_rows(files, &format!("data/{y}-projects.csv"), "事業名");
        let json = json_rows(files, &format!("data/{y}.json"), "projects", "project");
        for (i, p) in year.projects.iter().enumerate() {
            let row = &csv[&p.name];
            let rec = &json[&p.name];
            let rate = ev.outcome(y, i);
            for (col, field, want) in [
                (
                    "決算額（千円）",
                    "settled_thousand_yen",
                    p.settled
                        .and_then(Value::number)
                        .map(|v| machine_figure(v, None)),
                ),
                (
                    "翌年度予算額（千円）",
                    "budget_thousand_yen",
                    p.budget
                        .and_then(Value::number)
                        .map(|v| machine_figure(v, None)),
                ),
                ("達成率（%）", "outcome_rate", rate.and_then(machine_rate)),
            ] {
                assert_eq!(
                    row[col],
                    want.clone().unwrap_or_default(),
                    "{y} {} {col}",
                    p.name
                );
                assert_eq!(
                    rec[field].as_str(),
                    want.as_deref(),
                    "{y} {} {field}",
                    p.name
                );
            }
            // The goal page's project table and budget chart.
            let plan = report.plan(&p.plan).unwrap();
            let goal = plan
                .goals
                .iter()
                .find(|g| g.measures.iter().any(|m| m.id == p.measure))
                .unwrap();
            let html = page(files, &paths::goal(y, &plan.id, &goal.id));
            let anchor = format!("<th scope=\"row\">{}", p.name);
            let settled_label = format!("{}決算（千円）", f.year_label(y));
            assert_eq!(cell(html, &anchor, &settled_label), f.amount(p.settled));
            if let Some(r) = rate {
                let shown = cell(html, &anchor, "達成率");
                assert_eq!(shown, f.rate(r));
                assert_eq!(Some(as_machine(shown)), machine_rate(r));
            }
            let svg = page(
                files,
                &format!("charts/{y}-{}-{}-budgets.svg", plan.id, goal.id),
            );
            let desc = svg_desc(svg);
            if let Some(s) = p.settled {
                // The bar's label carries the project's 執行率 where it has one.
                let label = match ev.money(y).and_then(|m| m.projects[i].execution_rate) {
                    Some(r) => format!("{}（執行率 {}）", p.name, f.rate(r)),
                    None => p.name.clone(),
                };
                let said = format!(
                    "{}：{}決算{}千円",
                    label,
                    f.year_label(y),
                    f.amount(Some(s))
                );
                assert!(desc.contains(&said), "{said} not in {desc}");
                assert!(svg_texts(svg, &["value-label"]).contains(&f.amount(Some(s))));
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} projects checked");
}

#[test]
fn a_trillion_yen_and_three_decimals_print_exactly_everywhere() {
    let dir = common::example_copy();
    let root = dir.path();
    let edit = |rel: &str, from: &str, to: &str| {
        let p = root.join(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{from} not in {rel}");
        std::fs::write(p, text.replacen(from, to, 1)).unwrap();
    };
    // A float would print 2,932,266,572,413 and 12.35 (a chart's two decimals).
    edit(
        "content/2021/actuals.yaml",
        "zeh-hojo:\n  actual: 77",
        "zeh-hojo:\n  actual: 12.345",
    );
    edit(
        "content/2021/projects.yaml",
        "settled: 6480",
        "settled: 2932266572410",
    );
    let r = nenpo::build::render_evaluated(root, &mut |_| {})
        .unwrap_or_else(|f| panic!("{}", f.diagnostics.render(f.lang, false)));
    let files = &r.files;
    let goal = page(files, "2021/kankyo/1/index.html");
    assert_eq!(
        cell(goal, "indicators/zeh-hojo/index.html\"", "実績値"),
        "12.345"
    );
    let trend = page(files, "charts/2021-trend-zeh-hojo.svg");
    assert!(
        svg_desc(trend).contains("令和3年度の実績値は12.345"),
        "{}",
        svg_desc(trend)
    );
    assert_eq!(
        svg_texts(trend, &["value-label"])
            .last()
            .map(String::as_str),
        Some("12.345")
    );
    let csv = csv_rows(files, "data/2021-indicators.csv", "指標ID");
    assert_eq!(csv["zeh-hojo"]["実績値"], "12.345");

    let amount = "2,932,266,572,410";
    assert!(goal.contains(&format!(">{amount}</td>")));
    let budgets = page(files, "charts/2021-kankyo-1-budgets.svg");
    assert!(svg_desc(budgets).contains(&format!("令和3年度決算{amount}千円")));
    assert!(svg_texts(budgets, &["value-label"]).contains(&amount.to_string()));
    let csv = csv_rows(files, "data/2021-projects.csv", "事業名");
    assert_eq!(
        csv["ゼロカーボンシティ推進事業"]["決算額（千円）"],
        "2932266572410"
    );
    let json = json_rows(files, "data/2021.json", "projects", "project");
    assert_eq!(
        json["ゼロカーボンシティ推進事業"]["settled_thousand_yen"].as_str(),
        Some("2932266572410")
    );
}
