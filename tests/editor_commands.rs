//! `nenpo init` and `nenpo new-year`: the template passes check and builds; a new year lists
//! every indicator in force with the target the model computes, carries the projects over,
//! passes check, and nothing is ever overwritten.

mod common;

use std::path::Path;
use std::process::Command;

use nenpo::era::FiscalYear;
use nenpo::evaluate::{TargetSource, planned_targets};
use nenpo::figure::Value;
use nenpo::new_year::NewYearError;

fn nenpo(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_nenpo"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Loads a report that must have no problems at all, warnings included.
fn clean_report(root: &Path) -> nenpo::model::Report {
    let loaded = nenpo::content::load_report(root);
    assert!(
        loaded.diagnostics.is_empty(),
        "{}",
        loaded.diagnostics.render(nenpo::diag::Lang::Ja, false)
    );
    loaded.report.unwrap()
}

#[test]
fn init_writes_a_report_that_passes_check_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("wakaba");
    let out = nenpo(&["init", dir.to_str().unwrap()]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    for next in ["cd ", "nenpo serve", "nenpo build"] {
        assert!(said.contains(next), "{said}");
    }
    let report = clean_report(&dir);
    assert_eq!(report.plans.len(), 1);
    assert!(report.plans[0].goals.len() >= 2);
    let indicators: Vec<_> = report.indicators().collect();
    assert_eq!(indicators.len(), 3);
    assert!(
        indicators
            .iter()
            .any(|(_, _, _, i)| i.direction == nenpo::model::Direction::Down)
    );
    let year = &report.years[0];
    assert!(!year.projects.is_empty() && !year.evaluations.is_empty());
    assert!(!year.meetings.is_empty() && !report.bodies.is_empty());
    assert!(!report.glossary.is_empty());
    // Every key is explained: each YAML file carries Japanese comments.
    for f in [
        "book.toml",
        "content/plans/kankyo.yaml",
        "content/2024/actuals.yaml",
    ] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        assert!(
            text.lines()
                .filter(|l| l.trim_start().starts_with('#'))
                .count()
                >= 4,
            "{f}"
        );
    }

    assert!(
        nenpo(&["-C", dir.to_str().unwrap(), "check"])
            .status
            .success()
    );
    let built = nenpo(&["-C", dir.to_str().unwrap(), "build"]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    assert!(dir.join("public/index.html").exists());
    assert!(dir.join("public/2024/print/index.html").exists());

    // A second init into the same folder is refused, and nothing changes.
    let before = std::fs::read_to_string(dir.join("book.toml")).unwrap();
    let again = nenpo(&["init", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.join("book.toml")).unwrap(),
        before
    );
}

/// Every indicator of the plans in force is listed, with the model's target for the year.
fn assert_targets_match_the_model(root: &Path, year: FiscalYear) {
    let before = nenpo::content::load_report(root).report.unwrap();
    let planned = planned_targets(&before, year).unwrap();
    let report = clean_report(root);
    let y = report.year(year).expect("the new year loads");
    let mut listed = 0;
    for (plan, _, _, ind) in before.indicators() {
        let entry = y.actual(&ind.id);
        if !(plan.period.0..=plan.period.1).contains(&year) {
            assert!(entry.is_none(), "{} is not in force", ind.id);
            continue;
        }
        let entry = entry.unwrap_or_else(|| panic!("{} is listed", ind.id));
        assert_eq!(entry.actual, Value::NOT_COLLECTED, "{}", ind.id);
        // The per-year path is written out; other targets apply by themselves.
        let written = planned[&ind.id]
            .as_ref()
            .filter(|t| t.source == TargetSource::PerYear)
            .and_then(|t| t.number())
            .map(Value::Number);
        assert_eq!(
            entry.target.and_then(Value::number),
            written.and_then(Value::number),
            "{}",
            ind.id
        );
        listed += 1;
    }
    assert_eq!(listed, y.actuals.len());
    assert!(listed > 0);
}

#[test]
fn new_year_lists_each_indicator_with_the_models_target() {
    let dir = common::example_copy();
    let root = dir.path();
    // 令和4年度 is 2022, the year after the example's last.
    let made = nenpo::new_year::new_year(root, FiscalYear::parse("令和4年度").unwrap()).unwrap();
    assert_eq!(made.dir, root.join("content/2022"));
    assert_targets_match_the_model(root, FiscalYear(2022));

    let report = clean_report(root);
    let (prev, now) = (
        report.year(FiscalYear(2021)).unwrap(),
        report.year(FiscalYear(2022)).unwrap(),
    );
    assert_eq!(made.projects, prev.projects.len());
    assert_eq!(now.projects.len(), prev.projects.len());
    for (a, b) in prev.projects.iter().zip(&now.projects) {
        assert_eq!(
            (&a.name, &a.plan, &a.measure),
            (&b.name, &b.plan, &b.measure)
        );
        assert_eq!(a.department, b.department);
        assert_eq!(b.status, nenpo::model::ProjectStatus::Continued);
        assert_eq!((b.settled, b.budget), (None, None));
        let (oa, ob) = (a.outcome.as_ref(), b.outcome.as_ref());
        assert_eq!(
            oa.map(|o| (&o.name, &o.unit, o.target)),
            ob.map(|o| (&o.name, &o.unit, o.target))
        );
        assert!(ob.is_none_or(|o| o.actual == Value::NOT_COLLECTED));
    }
    assert_eq!(now.edition.as_deref(), Some("令和5年度版（令和4年度実績）"));
    // The new year builds along with the rest.
    assert!(nenpo::build::render_report(root).is_ok());
}

#[test]
fn new_year_never_overwrites() {
    let dir = common::example_copy();
    let root = dir.path();
    let actuals = root.join("content/2021/actuals.yaml");
    let before = std::fs::read_to_string(&actuals).unwrap();
    for year in ["2021", "R3"] {
        let out = nenpo(&["-C", root.to_str().unwrap(), "new-year", year]);
        assert_eq!(out.status.code(), Some(2), "{year}");
    }
    assert_eq!(std::fs::read_to_string(&actuals).unwrap(), before);
    assert!(matches!(
        nenpo::new_year::new_year(root, FiscalYear(2021)),
        Err(NewYearError::Exists(_))
    ));
    let out = nenpo(&["-C", root.to_str().unwrap(), "new-year", "来年"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn new_year_after_init_passes_check() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("r");
    nenpo::init::init(&dir).unwrap();
    let out = nenpo(&["-C", dir.to_str().unwrap(), "new-year", "2025"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_targets_match_the_model(&dir, FiscalYear(2025));
    // One indicator shows decimals: its target keeps them as the plan shows values.
    let text = std::fs::read_to_string(dir.join("content/2025/actuals.yaml")).unwrap();
    assert!(text.contains("  target: 22.0\n"), "{text}");
    assert!(
        nenpo(&["-C", dir.to_str().unwrap(), "check"])
            .status
            .success()
    );
}
