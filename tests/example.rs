//! The bundled example report: it builds, and every rate a citizen reads in the HTML is the
//! rate the model computed.

mod common;

use common::{cell_after, example, page};
use nenpo::evaluate::{Rate, evaluate};
use nenpo::format::Formatter;
use nenpo::site::paths;

#[test]
fn every_rate_on_every_goal_page_equals_the_model() {
    let (report, files, warnings) = nenpo::build::render_report(&example()).unwrap();
    assert!(
        warnings.is_empty(),
        "{}",
        warnings.render(nenpo::diag::Lang::Ja, false)
    );
    let ev = evaluate(&report).unwrap();
    let fmt = Formatter::new(&report.config);
    let mut checked = 0;
    for year in &report.years {
        for plan in report
            .plans
            .iter()
            .filter(|p| ev.plan_active(&p.id, year.year))
        {
            for goal in &plan.goals {
                let html = page(&files, &paths::goal(year.year, &plan.id, &goal.id));
                for (_, ind) in goal.indicators() {
                    let want = fmt.rate(ev.indicator(&ind.id, year.year).unwrap().rate);
                    let anchor = format!("indicators/{}/index.html", ind.id);
                    assert_eq!(
                        cell_after(html, &anchor, "num rate"),
                        want,
                        "{} {}",
                        year.year,
                        ind.id
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 48, "only {checked} rates checked");
}

#[test]
fn the_example_shows_every_kind_of_rate() {
    let (report, _, _) = nenpo::build::render_report(&example()).unwrap();
    let ev = evaluate(&report).unwrap();
    let latest = report.latest_year().unwrap();
    let rates: Vec<Rate> = report
        .indicators()
        .map(|(_, _, _, i)| ev.indicator(&i.id, latest.year).unwrap().rate)
        .collect();
    assert!(rates.iter().any(|r| matches!(r, Rate::Value(_))));
    assert!(
        rates.iter().any(|r| matches!(r, Rate::Given(_))),
        "a hand-given rate"
    );
    assert!(
        rates.iter().any(|r| matches!(r, &Rate::NOT_COLLECTED)),
        "a missing actual"
    );
    assert!(
        rates.iter().any(|r| matches!(r, Rate::Met | Rate::NotMet)),
        "a zero target"
    );
    assert!(report.indicators().count() >= 12);
    assert!(report.years.len() >= 4);
}

#[test]
fn home_page_says_the_city_is_fictional_and_lists_every_year() {
    let (report, files, _) = nenpo::build::render_report(&example()).unwrap();
    let home = page(&files, "index.html");
    assert!(home.contains("架空の市"), "sample-data note");
    let subtitle = report.config.subtitle.as_deref().unwrap();
    assert!(
        home.contains(&format!("<p class=\"site-subtitle\">{subtitle}</p>")),
        "subtitle under the title"
    );
    assert!(
        page(&files, "2021/print/index.html")
            .contains(&format!("<p class=\"cover-subtitle\">{subtitle}</p>"))
    );
    for y in &report.years {
        assert!(
            home.contains(&format!("href=\"{}/index.html\"", y.year)),
            "{}",
            y.year
        );
    }
    assert!(home.contains("令和元年度（2019年度）"));
    assert!(home.contains("平成30年度（2018年度）"));
}

#[test]
fn a_year_before_the_plan_starts_is_not_graded_against_its_own_baseline() {
    let (report, _, _) = nenpo::build::render_report(&example()).unwrap();
    let ev = evaluate(&report).unwrap();
    let base_year = report.year(nenpo::era::FiscalYear(2018)).unwrap();
    for (_, _, _, ind) in report.indicators() {
        let Some(r) = ev.indicator(&ind.id, base_year.year) else {
            continue;
        };
        if base_year.actual(&ind.id).and_then(|a| a.target).is_none() {
            assert!(r.grade.is_none(), "{} graded in the base year", ind.id);
        }
    }
}

/// Parses a chart file of the built example.
fn chart_doc(files: &[nenpo::site::OutputFile], path: &str) -> String {
    page(files, path).to_string()
}

#[test]
fn trend_chart_plots_the_model_with_era_labels_and_gaps() {
    let (report, files, _) = nenpo::build::render_report(&example()).unwrap();
    let ev = evaluate(&report).unwrap();
    let results: Vec<_> = ev.trend("ghg-emission", None).collect();
    let text = chart_doc(&files, "charts/trend-ghg-emission.svg");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(root.attribute("width").is_none(), "scaled by viewBox only");

    // The x axis names the fiscal years in the report's era style, in order.
    let labels: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .filter(|t| {
            results
                .iter()
                .any(|r| r.year.short(report.config.era) == *t)
        })
        .collect();
    let want: Vec<String> = results
        .iter()
        .map(|r| r.year.short(report.config.era))
        .collect();
    assert_eq!(labels, want);

    // One marker per collected actual, placed higher for higher values; 未集計 is a gap.
    let marks: Vec<f64> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("actual-mark"))
        .map(|n| n.attribute("cy").unwrap().parse().unwrap())
        .collect();
    let actuals: Vec<f64> = results
        .iter()
        .filter_map(|r| r.actual.number())
        .map(|v| rust_decimal::prelude::ToPrimitive::to_f64(&v).unwrap())
        .collect();
    assert_eq!(marks.len(), actuals.len());
    for (i, j) in [(0, 1), (1, 2)] {
        assert_eq!(
            actuals[i] > actuals[j],
            marks[i] < marks[j],
            "markers follow values"
        );
    }
    assert!(
        results.last().unwrap().actual.number().is_none(),
        "the latest year is 未集計 in the example"
    );
    let missing: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("missing"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(missing, ["未集計"]);
    let desc = doc
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .unwrap()
        .text()
        .unwrap();
    assert!(desc.contains("令和3年度は未集計です"), "{desc}");
}

#[test]
fn every_body_and_meeting_has_a_page_linked_both_ways() {
    let (report, files, _) = nenpo::build::render_report(&example()).unwrap();
    let overview = page(&files, paths::BODIES);
    for b in &report.bodies {
        let body_path = paths::body(&b.id);
        assert!(
            overview.contains(&format!("href=\"{}/index.html\"", b.id)),
            "{}",
            b.id
        );
        let body_page = page(&files, &body_path);
        for y in &report.years {
            for m in y.meetings.iter().filter(|m| m.body == b.id) {
                let meeting_path = paths::meeting(y.year, &m.slug);
                let meeting = page(&files, &meeting_path);
                assert!(
                    body_page.contains(&nenpo::site::paths::relative(&body_path, &meeting_path))
                );
                assert!(meeting.contains(&nenpo::site::paths::relative(&meeting_path, &body_path)));
            }
        }
    }
    // The diagram names every body and every relation.
    for b in &report.bodies {
        assert!(overview.contains(&b.name), "{}", b.name);
        for r in &b.relations {
            assert!(overview.contains(&format!(">{}<", r.kind)), "{}", r.kind);
        }
    }
}

#[test]
fn goal_summary_chart_says_not_met_for_a_missed_zero_target() {
    let (_, files, _) = nenpo::build::render_report(&example()).unwrap();
    let svg = page(&files, "charts/2021-kankyo-2-summary.svg");
    assert!(
        svg.contains("class=\"missing\">未達成</text>"),
        "a missed zero target is 未達成, not 未集計"
    );
    assert!(
        svg.contains("不法投棄の未処理件数（年度末時点）は未達成（評価D）"),
        "desc says so too"
    );
}

#[test]
fn plan_summaries_count_the_indicators_of_each_year() {
    let (report, _, _) = nenpo::build::render_report(&example()).unwrap();
    let ev = evaluate(&report).unwrap();
    for plan in &report.plans {
        for py in ev.plan_years(&plan.id) {
            let results: Vec<_> = plan
                .goals
                .iter()
                .flat_map(|g| g.indicators())
                .map(|(_, i)| ev.indicator(&i.id, py.year).unwrap())
                .collect();
            assert_eq!(py.indicators, results.len());
            assert_eq!(
                py.goals.iter().map(|g| g.total).sum::<usize>(),
                results.len()
            );
            assert_eq!(
                py.not_collected,
                results
                    .iter()
                    .filter(|r| r.rate == Rate::NOT_COLLECTED)
                    .count()
            );
            assert_eq!(
                py.graded,
                results.iter().filter(|r| r.grade.is_some()).count()
            );
            let graded_in_goals: usize = py
                .goals
                .iter()
                .map(|g| g.counts.iter().map(|(_, n)| n).sum::<usize>())
                .sum();
            assert_eq!(py.graded, graded_in_goals, "{} {}", plan.id, py.year);
        }
    }
    // 令和3年度 has a 未集計 indicator (ghg-emission) in the example.
    let py = ev.plan("kankyo", nenpo::era::FiscalYear(2021)).unwrap();
    assert!(py.not_collected >= 1 && py.graded < py.indicators);
}
