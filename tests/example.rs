//! The bundled example report: it builds, and every rate a citizen reads in the HTML is the
//! rate the model computed.

mod common;

use common::{cell_after, example, page};
use nenpo::evaluate::{Rate, evaluate_indicator};
use nenpo::site::paths;

#[test]
fn every_rate_on_every_goal_page_equals_the_model() {
    let (report, files, warnings) = nenpo::build::render_report(&example()).unwrap();
    assert!(
        warnings.is_empty(),
        "{}",
        warnings.render(nenpo::diag::Lang::Ja, false)
    );
    let mut checked = 0;
    for year in &report.years {
        for plan in report
            .plans
            .iter()
            .filter(|p| nenpo::site::views::plan_active(p, year))
        {
            for goal in &plan.goals {
                let html = page(&files, &paths::goal(year.year, &plan.id, &goal.id));
                for (_, ind) in goal.indicators() {
                    let want = evaluate_indicator(&report, plan, ind, year).rate.text();
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
    let latest = report.latest_year().unwrap();
    let rates: Vec<Rate> = report
        .indicators()
        .map(|(p, _, _, i)| evaluate_indicator(&report, p, i, latest).rate)
        .collect();
    assert!(rates.iter().any(|r| matches!(r, Rate::Value(_))));
    assert!(
        rates.iter().any(|r| matches!(r, Rate::Given(_))),
        "a hand-given rate"
    );
    assert!(
        rates.iter().any(|r| matches!(r, Rate::NotCollected)),
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
    let base_year = report.year(nenpo::era::FiscalYear(2018)).unwrap();
    for (plan, _, _, ind) in report.indicators() {
        let r = evaluate_indicator(&report, plan, ind, base_year);
        if base_year.actual(&ind.id).and_then(|a| a.target).is_none() {
            assert!(r.grade.is_none(), "{} graded in the base year", ind.id);
        }
    }
}
