//! Figures too large to compute with (a decimal holds about ±7.9 × 10²⁸) are content errors
//! naming the file and line, reported alike by `check` and `build`: exit code 1, never a
//! panic.

mod common;

use common::replace;

use std::fs;
use std::path::Path;

use common::{copy_tree, fixture, nenpo};

/// seed002 with three overflows: a per-year target path (49.1 + 9 × 10²⁷ × 27 years from a
/// 1990 baseline), a goal whose two rates of 5 × 10²⁸ % sum past the range (with the plain
/// `mean` goal rule: a capped mean cannot), and a project outcome rate (9 × 10²⁷ ÷ 0.0001).
/// Every figure has at most 28 digits, as the number grammar allows.
fn overflowing() -> tempfile::TempDir {
    let dir = copy_tree(&fixture("seed002"));
    let root = dir.path();
    replace(
        root,
        "content/plans/kizuna.yaml",
        "baseline: { year: H27, value: 49.1 }\n            target: { year: H30, value: 55.0 }",
        "baseline: { year: 1990, value: 49.1 }\n            target: { year: H30, value: 55.0 }\n            per_year: \"9000000000000000000000000000\"",
    );
    replace(
        root,
        "book.toml",
        "[evaluation]",
        "[evaluation]\ngoal_rule = \"mean\"",
    );
    fs::write(
        root.join("content/2017/actuals.yaml"),
        "kanshin:   { actual: 50.2 }\n\
         tsunagari: { actual: \"500000000000000000000000000\", target: 1 }\n\
         kyoryoku:  { actual: \"500000000000000000000000000\", target: 1 }\n",
    )
    .unwrap();
    replace(
        root,
        "content/2017/projects.yaml",
        "actual: 3, target: 4",
        "actual: \"9000000000000000000000000000\", target: 0.0001",
    );
    dir
}

/// The line of `needle` in a file of the report.
fn line_of(root: &Path, rel: &str, needle: &str) -> usize {
    fs::read_to_string(root.join(rel))
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap()
        + 1
}

#[test]
fn check_and_build_refuse_overflows_naming_file_and_line() {
    let dir = overflowing();
    let root = dir.path();
    let places = [
        (
            "content/plans/kizuna.yaml",
            line_of(root, "content/plans/kizuna.yaml", "id: kanshin"),
            "目標値（baseline + per_year × 年数）",
        ),
        (
            "content/2017/actuals.yaml",
            line_of(root, "content/2017/actuals.yaml", "tsunagari"),
            "目標「1」の指標の達成率の平均",
        ),
        (
            "content/2017/projects.yaml",
            line_of(
                root,
                "content/2017/projects.yaml",
                "所沢市コミュニティ活動推進事業",
            ),
            "成果指標の達成率",
        ),
    ];
    for command in ["check", "build"] {
        let out = nenpo(root, &[command]);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {said}");
        assert!(!said.contains("panicked"), "{command}: {said}");
        for (file, line, what) in places {
            assert!(
                said.contains(&format!("{file}:{line}:")),
                "{command}: {file}:{line} not named in\n{said}"
            );
            assert!(said.contains(what), "{command}: 「{what}」 not in\n{said}");
        }
        assert!(said.contains("計算できる範囲"), "{said}");
    }
    assert!(!root.join("public").exists(), "nothing was written");
}

#[test]
fn new_year_refuses_a_target_path_that_overflows() {
    let dir = copy_tree(&fixture("seed002"));
    let root = dir.path();
    // In range for 2017 (49.1 + 9.9 × 10²⁷ × 7 from a 2010 baseline), past it by 2019 (× 9).
    replace(
        root,
        "content/plans/kizuna.yaml",
        "baseline: { year: H27, value: 49.1 }\n            target: { year: H30, value: 55.0 }",
        "baseline: { year: 2010, value: 49.1 }\n            target: { year: H30, value: 55.0 }\n            per_year: \"9900000000000000000000000000\"",
    );
    replace(
        root,
        "content/plans/kizuna.yaml",
        "period: [H27, H30]",
        "period: [H27, R2]",
    );
    assert!(nenpo(root, &["check"]).status.success());
    let out = nenpo(root, &["new-year", "2019"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("content/plans/kizuna.yaml:"), "{said}");
    assert!(!said.contains("panicked"), "{said}");
    assert!(!root.join("content/2019").exists());
}
