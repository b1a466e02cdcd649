//! One broken report per class of editor mistake: each must be reported with the file, the
//! line and a Japanese message saying what is wrong, the root cause first, and must never
//! panic. Every case in [`CASES`] also goes through `nenpo check` and `nenpo build`, which
//! must refuse it alike (same exit code, same first error).

mod common;

use common::{replace, write};

use std::fs;
use std::path::Path;

use common::{copy_tree, fixture};
use nenpo::content::load_report;

/// Copies the seed002 fixture, lets `edit` break it, and returns the rendered diagnostics of
/// `check` (the path `build` takes too).
fn broken(edit: impl FnOnce(&Path)) -> (nenpo::diag::Diagnostics, String) {
    let dir = copy_tree(&fixture("seed002"));
    edit(dir.path());
    let failed = match nenpo::build::check(dir.path(), &mut |_| {}) {
        Ok(_) => panic!("the broken report must be refused"),
        Err(f) => f.diagnostics,
    };
    let text = failed.render(nenpo::diag::Lang::Ja, false);
    (failed, text)
}

/// Asserts one error points at `file:line` and its message contains `words`.
fn assert_reported(d: &nenpo::diag::Diagnostics, file: &str, line: u32, words: &str) {
    let hit = d
        .sorted()
        .into_iter()
        .any(|x| x.file == file && x.line == line && x.message.contains(words));
    assert!(
        hit,
        "expected {file}:{line} 「{words}」, got:\n{}",
        d.render(nenpo::diag::Lang::Ja, false)
    );
}

#[test]
fn yaml_syntax_error() {
    let (d, _) = broken(|r| {
        replace(
            r,
            "content/2017/actuals.yaml",
            "kyoryoku:  { actual: 54.9, target: 63.2 }",
            "kyoryoku:  { actual: 54.9, target: 63.2",
        )
    });
    assert!(d.sorted()[0].file == "content/2017/actuals.yaml");
    assert!(
        d.sorted()[0].message.contains("YAML の書き方"),
        "{:?}",
        d.sorted()
    );
}

#[test]
fn unknown_key_with_the_nearest_valid_one() {
    let (d, text) = broken(|r| {
        replace(
            r,
            "content/plans/kizuna.yaml",
            "            direction: up\n            baseline: { year: H27, value: 49.1 }",
            "            direction: up\n            basline: { year: H27, value: 49.1 }",
        )
    });
    assert_reported(&d, "content/plans/kizuna.yaml", 16, "不明なキー「basline」");
    assert!(
        text.contains("「baseline」の誤りではありませんか"),
        "{text}"
    );
    assert!(
        text.contains("basline: { year: H27"),
        "snippet shown: {text}"
    );
}

#[test]
fn a_string_where_a_number_belongs() {
    let (d, text) = broken(|r| {
        replace(
            r,
            "content/2017/actuals.yaml",
            "actual: 50.2",
            "actual: 約50",
        )
    });
    assert_reported(
        &d,
        "content/2017/actuals.yaml",
        1,
        "「約50」の「約」は数値に含められません",
    );
    assert!(text.contains("approx: true"), "{text}");
    assert_eq!(d.error_count(), 1, "{text}");
}

#[test]
fn typo_in_an_indicator_id() {
    let (d, text) = broken(|r| replace(r, "content/2017/actuals.yaml", "kyoryoku:", "kyouryoku:"));
    assert_reported(
        &d,
        "content/2017/actuals.yaml",
        3,
        "「kyouryoku」というIDはありません",
    );
    assert!(
        text.contains("「kyoryoku」の誤りではありませんか"),
        "{text}"
    );
}

#[test]
fn duplicate_indicator_ids_across_plans() {
    let (d, _) = broken(|r| {
        write(
            r,
            "content/plans/other.yaml",
            "title: 別の計画\nperiod: [2015, 2018]\ngoals:\n  - id: 1\n    title: t\n    measures:\n      - id: a\n        title: m\n        indicators:\n          - id: kanshin\n            name: x\n            unit: \"\"\n            direction: up\n",
        );
    });
    assert_reported(
        &d,
        "content/plans/other.yaml",
        10,
        "指標のID「kanshin」が重複",
    );
}

#[test]
fn unknown_measure_body_goal_and_relation() {
    let (d, _) = broken(|r| {
        replace(
            r,
            "content/2017/projects.yaml",
            "measure: \"3\"",
            "measure: \"9\"",
        );
        replace(
            r,
            "content/2017/meetings/seisaku-2.md",
            "body: seisaku-kaigi",
            "body: seisaku",
        );
        replace(
            r,
            "content/bodies/mayor.md",
            "to: seisaku-kaigi",
            "to: seisakukaigi",
        );
        fs::rename(
            r.join("content/2017/evaluations/1.md"),
            r.join("content/2017/evaluations/7.md"),
        )
        .unwrap();
    });
    assert_reported(
        &d,
        "content/2017/projects.yaml",
        7,
        "施策に「9」というIDはありません",
    );
    assert_reported(
        &d,
        "content/2017/meetings/seisaku-2.md",
        2,
        "「seisaku」というIDはありません",
    );
    assert_reported(
        &d,
        "content/bodies/mayor.md",
        5,
        "「seisakukaigi」というIDはありません",
    );
    assert!(d.sorted().iter().any(|x| x.file == "content/2017/evaluations/7.md" && x.message.contains("目標に「7」")));
}

#[test]
fn hand_grade_outside_the_scale() {
    let (d, text) = broken(|r| {
        replace(
            r,
            "content/2017/actuals.yaml",
            "actual: 13.0, target: 18.7 }",
            "actual: 13.0, target: 18.7, grade: S }",
        )
    });
    assert_reported(&d, "content/2017/actuals.yaml", 2, "評価「S」は");
    assert!(text.contains("使える評価: A、B、C、D、−"), "{text}");
}

#[test]
fn glossary_mark_without_an_entry() {
    let (d, _) = broken(|r| {
        replace(
            r,
            "content/2017/evaluations/1.md",
            "防犯灯のＬＥＤ化事業",
            "防犯灯＊のＬＥＤ化事業",
        )
    });
    assert_reported(
        &d,
        "content/2017/evaluations/1.md",
        10,
        "「防犯灯＊」の用語",
    );
}

#[test]
fn material_paths_that_leave_the_project_or_do_not_exist() {
    let (d, _) = broken(|r| {
        replace(
            r,
            "content/2017/meetings/seisaku-2.md",
            "file: assets/2017/shiryo1.pdf",
            "file: ../../etc/passwd",
        )
    });
    assert_reported(&d, "content/2017/meetings/seisaku-2.md", 13, "フォルダの外");
    let (d, _) = broken(|r| {
        replace(
            r,
            "content/2017/meetings/seisaku-2.md",
            "shiryo1.pdf",
            "shiryo9.pdf",
        )
    });
    assert_reported(
        &d,
        "content/2017/meetings/seisaku-2.md",
        13,
        "見つかりません",
    );
}

#[test]
fn shift_jis_file() {
    let (d, text) = broken(|r| {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS
            .encode("kanshin:   { actual: 50.2, target: 53.6, note: 調査 }\n");
        fs::write(r.join("content/2017/actuals.yaml"), bytes).unwrap();
    });
    assert_reported(&d, "content/2017/actuals.yaml", 1, "Shift_JIS");
    assert!(text.contains("UTF-8"), "{text}");
}

#[test]
fn unclosed_front_matter() {
    let (d, _) = broken(|r| {
        write(
            r,
            "content/2017/evaluations/1.md",
            "---\noutlook: 継続\n## 自己評価\n",
        )
    });
    assert_reported(&d, "content/2017/evaluations/1.md", 1, "閉じられていません");
}

#[test]
fn wrong_check_digit_in_the_local_government_code() {
    let (d, _) = broken(|r| replace(r, "book.toml", "code = \"112089\"", "code = \"112088\""));
    assert_reported(&d, "book.toml", 6, "検査数字");
}

#[test]
fn missing_book_toml_and_unknown_year_folder() {
    let (d, _) = broken(|r| fs::remove_file(r.join("book.toml")).unwrap());
    assert!(d.sorted()[0].message.contains("book.toml がありません"));
    let dir = copy_tree(&fixture("seed002"));
    write(dir.path(), "content/2O17/index.md", "typo\n");
    let loaded = load_report(dir.path());
    let w = loaded.diagnostics.sorted();
    assert!(
        w.iter().any(|x| x.file == "content/2O17/index.md"
            && x.hint.as_deref().unwrap_or("").contains("西暦")),
        "{w:?}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let (d, text) = broken(|r| {
        replace(r, "content/2017/actuals.yaml", "kyoryoku:", "kyouryoku:");
        replace(r, "book.toml", "code = \"112089\"", "code = \"112088\"");
    });
    // book.toml stops loading before content is read, so fix that and break content twice.
    assert!(d.error_count() >= 1, "{text}");
    let (d, text) = broken(|r| {
        replace(r, "content/2017/actuals.yaml", "kyoryoku:", "kyouryoku:");
        replace(
            r,
            "content/2017/projects.yaml",
            "measure: \"3\"",
            "measure: \"9\"",
        );
        replace(
            r,
            "content/2017/evaluations/1.md",
            "防犯灯のＬＥＤ化事業",
            "防犯灯＊のＬＥＤ化事業",
        );
    });
    assert_eq!(d.error_count(), 3, "{text}");
    assert!(text.contains("エラー 3 件"));
}

#[test]
fn build_leaves_the_published_site_alone_when_content_is_broken() {
    let dir = copy_tree(&fixture("seed002"));
    let out = dir.path().join("public");
    nenpo::build::build(dir.path(), None).unwrap();
    let before = fs::read(out.join("index.html")).unwrap();
    replace(dir.path(), "content/index.md", "試験用", "新しい");
    replace(
        dir.path(),
        "content/2017/actuals.yaml",
        "kyoryoku:",
        "kyouryoku:",
    );
    assert!(nenpo::build::build(dir.path(), None).is_err());
    assert_eq!(fs::read(out.join("index.html")).unwrap(), before);
}

/// Arbitrary bytes in every kind of file must give diagnostics, never a panic.
#[test]
fn arbitrary_bytes_never_panic() {
    let targets = [
        "book.toml",
        "content/index.md",
        "content/glossary.yaml",
        "content/plans/kizuna.yaml",
        "content/2017/index.md",
        "content/2017/actuals.yaml",
        "content/2017/projects.yaml",
        "content/2017/evaluations/1.md",
        "content/2017/meetings/seisaku-2.md",
        "content/bodies/mayor.md",
    ];
    let dir = copy_tree(&fixture("seed002"));
    let originals: Vec<Vec<u8>> = targets
        .iter()
        .map(|t| fs::read(dir.path().join(t)).unwrap())
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..300 {
        let which = (next() % targets.len() as u64) as usize;
        let mut bytes = originals[which].clone();
        match round % 3 {
            // Pure noise.
            0 => bytes = (0..(next() % 200)).map(|_| next() as u8).collect(),
            // A few flipped bytes in a valid file.
            1 => {
                for _ in 0..(1 + next() % 4) {
                    if !bytes.is_empty() {
                        let i = (next() % bytes.len() as u64) as usize;
                        bytes[i] = next() as u8;
                    }
                }
            }
            // Cut short.
            _ => {
                let n = (next() % (bytes.len() as u64 + 1)) as usize;
                bytes.truncate(n);
            }
        }
        fs::write(dir.path().join(targets[which]), &bytes).unwrap();
        let loaded = load_report(dir.path());
        if loaded.report.is_some() {
            let _ = nenpo::build::render_report(dir.path());
        }
        fs::write(dir.path().join(targets[which]), &originals[which]).unwrap();
    }
}

// ── SPEC §10: figures, targets and hints that name the real mistake ──────────────────────

/// A broken copy of seed002 and its problems rendered.
type Edit = fn(&Path);

/// Every bad-input case: its name, the breakage, and the root error that must come first
/// (file, line, words of the message).
const CASES: &[(&str, Edit, (&str, u32, &str))] = &[
    (
        "yaml_syntax",
        |r| replace(r, ACTUALS, "63.2 }", "63.2"),
        (ACTUALS, 3, "YAML の書き方"),
    ),
    ("plan_typo", plan_typo, (PLAN, 16, "不明なキー「basline」")),
    (
        "approx_in_text",
        |r| replace(r, ACTUALS, "50.2", "約50"),
        (ACTUALS, 1, "「約」"),
    ),
    (
        "comma_decimal",
        |r| replace(r, ACTUALS, "50.2", "\"39,5\""),
        (ACTUALS, 1, "3桁ごと"),
    ),
    (
        "comma_short_group",
        comma_block,
        (ACTUALS, 3, "「1,23」は数値として読めません"),
    ),
    (
        "comma_in_braces",
        |r| replace(r, ACTUALS, "50.2", "1,234"),
        (ACTUALS, 1, "「1,234」は { } の中で"),
    ),
    (
        "percent_in_value",
        |r| replace(r, ACTUALS, "50.2", "50.2%"),
        (ACTUALS, 1, "「%」"),
    ),
    (
        "unit_in_value",
        |r| replace(r, PROJECTS, "actual: 39,", "actual: 39件,"),
        (PROJECTS, 5, "単位は unit に書きます"),
    ),
    (
        "list_for_number",
        |r| replace(r, ACTUALS, "50.2", "[50, 2]"),
        (ACTUALS, 1, "リストが書かれています"),
    ),
    (
        "text_for_number",
        |r| replace(r, ACTUALS, "50.2", "たくさん"),
        (ACTUALS, 1, "「たくさん」"),
    ),
    (
        "fullwidth_indent",
        fullwidth_indent,
        (PLAN, 15, "全角スペース"),
    ),
    (
        "fullwidth_colon",
        |r| replace(r, PLAN, "    title: 絆を紡ぐ", "    title：絆を紡ぐ"),
        (PLAN, 6, "「title：」"),
    ),
    (
        "no_such_date",
        |r| replace(r, MEETING, "date: 2018-03-20", "date: 2018-02-30"),
        (MEETING, 4, "存在しない日付"),
    ),
    (
        "unit_missing",
        |r| replace(r, PLAN, "            unit: \"%\"\n", ""),
        (PLAN, 12, "unit（単位）"),
    ),
    (
        "direction_missing",
        |r| replace(r, PLAN, "            direction: up\n", ""),
        (PLAN, 12, "direction"),
    ),
    (
        "reduce_without_base",
        reduce_without_base,
        (PLAN, 17, "実績値がないため"),
    ),
    (
        "two_target_forms",
        |r| replace(r, PLAN, "value: 55.0 }", "value: 55.0, trend: increase }"),
        (PLAN, 17, "一緒に書かれています"),
    ),
    (
        "range_upside_down",
        |r| replace(r, PLAN, "value: 55.0 }", "min: 60, max: 50 }"),
        (PLAN, 17, "min が max より大きく"),
    ),
    (
        "status_as_baseline",
        |r| replace(r, PLAN, "value: 49.1 }", "value: － }"),
        (PLAN, 16, "「該当なし」の記号"),
    ),
    (
        "approx_on_baseline",
        |r| {
            replace(
                r,
                PLAN,
                "value: 49.1 }",
                "value: { value: 49.1, approx: true } }",
            )
        },
        (PLAN, 16, "approx（約）はここには"),
    ),
    (
        "unknown_indicator",
        |r| replace(r, ACTUALS, "kyoryoku:", "kyouryoku:"),
        (ACTUALS, 3, "「kyouryoku」というID"),
    ),
    (
        "body_typo",
        |r| replace(r, "content/bodies/seisaku-kaigi.md", "name:", "nmae:"),
        ("content/bodies/seisaku-kaigi.md", 2, "不明なキー「nmae」"),
    ),
    (
        "bad_negative_sign",
        |r| {
            replace(
                r,
                "book.toml",
                "[evaluation]",
                "negative = \"*\"\n[evaluation]",
            )
        },
        ("book.toml", 0, "negative"),
    ),
];

const ACTUALS: &str = "content/2017/actuals.yaml";
const PROJECTS: &str = "content/2017/projects.yaml";
const PLAN: &str = "content/plans/kizuna.yaml";
const MEETING: &str = "content/2017/meetings/seisaku-2.md";

fn plan_typo(r: &Path) {
    replace(
        r,
        PLAN,
        "            baseline: { year: H27, value: 49.1 }",
        "            basline: { year: H27, value: 49.1 }",
    );
}

fn comma_block(r: &Path) {
    replace(
        r,
        ACTUALS,
        "tsunagari: { actual: 13.0, target: 18.7 }",
        "tsunagari:\n  actual: 1,23\n  target: 18.7",
    );
}

fn fullwidth_indent(r: &Path) {
    replace(
        r,
        PLAN,
        "            unit: \"%\"\n            direction: up\n            baseline: { year: H27, value: 49.1 }",
        "            unit: \"%\"\n　　　　　　direction: up\n            baseline: { year: H27, value: 49.1 }",
    );
}

fn reduce_without_base(r: &Path) {
    replace(
        r,
        PLAN,
        "target: { year: H30, value: 55.0 }",
        "target: { year: H30, reduce: 10, from: H20, unit: \"%\" }",
    );
}

#[test]
fn every_bad_input_gives_its_root_error_first() {
    let mut wrong = Vec::new();
    for (name, edit, (file, line, words)) in CASES {
        let (d, text) = broken(edit);
        let first = d.sorted()[0];
        // book.toml problems are found before any line can be named: the file is enough.
        let at_line = *line == 0 || first.line == *line;
        if !(first.file == *file && at_line && first.message.contains(words)) {
            wrong.push(format!(
                "{name}: expected {file}:{line} 「{words}」 first, got:\n{text}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_plan_typo_prints_its_own_error_and_not_the_ones_it_causes() {
    let (d, text) = broken(plan_typo);
    // The plan failed to load: its ids in actuals.yaml, the evaluation of its goal and the
    // projects under its measures would all be unknown. Only the cause is shown.
    assert!(d.error_count() <= 3, "{text}");
    assert_eq!(d.error_count(), 1, "{text}");
    assert!(d.suppressed() >= 3, "{}", d.suppressed());
    assert!(
        text.contains("最初の誤りを直すと、ほかの誤りも消えることがあります"),
        "{text}"
    );
    assert!(!text.contains("というIDはありません"), "{text}");
    // An id that no plan could hold is still an error of its own.
    let (d, text) = broken(|r| {
        plan_typo(r);
        replace(r, ACTUALS, "kyoryoku:", "zzz:");
    });
    assert_eq!(d.error_count(), 2, "{text}");
    assert!(text.contains("「zzz」というIDはありません"), "{text}");
}

#[test]
fn more_than_three_identical_messages_collapse() {
    let (d, text) = broken(|r| {
        let mut plan = String::from(
            "title: 別の計画\nperiod: [2015, 2018]\ngoals:\n  - id: x\n    title: t\n    measures:\n      - id: a\n        title: m\n        indicators:\n",
        );
        for i in 0..6 {
            plan.push_str(&format!(
                "          - {{ id: i{i}, name: n, direction: up }}\n"
            ));
        }
        write(r, "content/plans/other.yaml", &plan);
    });
    assert_eq!(d.error_count(), 6, "{text}");
    assert_eq!(
        text.matches("unit（単位）が書かれていません").count(),
        3,
        "{text}"
    );
    assert!(
        text.contains("同じ誤りがほかに 3 件あります: content/plans/other.yaml:13、content/plans/other.yaml:14、content/plans/other.yaml:15"),
        "{text}"
    );
    assert!(text.contains("エラー 6 件"), "{text}");
}

#[test]
fn hints_name_the_real_mistake() {
    let (_, text) = broken(|r| replace(r, ACTUALS, "50.2", "\"39,5\""));
    assert!(text.contains("小数点なら 39.5"), "{text}");
    assert!(text.contains("395"), "{text}");
    let (_, text) = broken(|r| replace(r, ACTUALS, "50.2", "1,234"));
    assert!(
        text.contains("1234") && text.contains("\"1,234\""),
        "{text}"
    );
    let (_, text) = broken(fullwidth_indent);
    assert!(text.contains("半角スペース"), "{text}");
    let (_, text) = broken(|r| replace(r, MEETING, "date: 2018-03-20", "date: 2018-02-30"));
    assert!(text.contains("2月は28日まで"), "{text}");
    let (_, text) = broken(|r| replace(r, PLAN, "            unit: \"%\"\n", ""));
    assert!(text.contains("unit: \"\""), "{text}");
}

#[test]
fn unambiguous_forms_are_accepted() {
    let dir = copy_tree(&fixture("seed002"));
    let r = dir.path();
    // U+2212 and △ negatives, 継続 for continued, full-width digits.
    replace(r, ACTUALS, "actual: 50.2", "actual: \"５０．２\"");
    replace(
        r,
        PROJECTS,
        "settled: 9973",
        "settled: ９，９７３\n  status: 継続",
    );
    replace(r, PROJECTS, "status: new", "status: 新規");
    replace(r, PLAN, "value: 49.1 }", "value: \"−0\" }");
    replace(r, PLAN, "value: 14.2 }", "value: △3 }");
    let loaded = load_report(r);
    let text = loaded.diagnostics.render(nenpo::diag::Lang::Ja, false);
    let report = loaded.report.unwrap_or_else(|| panic!("{text}"));
    let y = report.year(nenpo::era::FiscalYear(2017)).unwrap();
    assert_eq!(
        y.actual("kanshin")
            .unwrap()
            .actual
            .number()
            .unwrap()
            .to_string(),
        "50.2"
    );
    assert_eq!(
        y.projects[0].settled.unwrap().number().unwrap().to_string(),
        "9973"
    );
    assert_eq!(y.projects[0].status, nenpo::model::ProjectStatus::Continued);
    assert_eq!(y.projects[6].status, nenpo::model::ProjectStatus::New);
    let (_, _, _, tsunagari) = report.indicators().nth(1).unwrap();
    assert_eq!(tsunagari.baseline.unwrap().value.to_string(), "-3");
}

/// The first error block of `nenpo` output: its message and its place.
fn first_error(stderr: &str) -> String {
    let mut lines = stderr.lines().skip_while(|l| !l.starts_with("エラー:"));
    let message = lines.next().unwrap_or_default();
    let place = lines.next().unwrap_or_default();
    format!("{message}\n{place}")
}

#[test]
fn check_and_build_refuse_every_bad_input_alike() {
    let run = common::nenpo;
    let mut cases: Vec<(&str, Edit)> = CASES.iter().map(|(n, e, _)| (*n, *e)).collect();
    cases.extend([
        (
            "unknown_measure",
            (|r| replace(r, PROJECTS, "measure: \"3\"", "measure: \"9\"")) as Edit,
        ),
        ("hand_grade", |r| {
            replace(r, ACTUALS, "target: 18.7 }", "target: 18.7, grade: S }")
        }),
        ("glossary_mark", |r| {
            replace(
                r,
                "content/2017/evaluations/1.md",
                "防犯灯のＬＥＤ化事業",
                "防犯灯＊のＬＥＤ化事業",
            )
        }),
        ("material_missing", |r| {
            replace(r, MEETING, "shiryo1.pdf", "shiryo9.pdf")
        }),
        ("year_folder_removed", |r| {
            fs::remove_dir_all(r.join("content/2017")).unwrap()
        }),
        ("check_digit", |r| {
            replace(r, "book.toml", "code = \"112089\"", "code = \"112088\"")
        }),
    ]);
    for (name, edit) in cases {
        let dir = copy_tree(&fixture("seed002"));
        edit(dir.path());
        let checked = run(dir.path(), &["check"]);
        let out = dir.path().join("public");
        let built = run(dir.path(), &["build", "-o", out.to_str().unwrap()]);
        let (c, b) = (
            String::from_utf8_lossy(&checked.stderr),
            String::from_utf8_lossy(&built.stderr),
        );
        assert_eq!(
            checked.status.code(),
            built.status.code(),
            "{name}:\n{c}\n---\n{b}"
        );
        assert!(matches!(checked.status.code(), Some(0 | 1)), "{name}: {c}");
        assert_eq!(first_error(&c), first_error(&b), "{name}");
        if checked.status.code() == Some(1) {
            assert!(
                !out.join("index.html").exists(),
                "{name}: a refused build wrote"
            );
        }
    }
}
