//! One broken report per class of editor mistake: each must be reported with the file, the
//! line and a Japanese message saying what is wrong, and must never panic.

mod common;

use std::fs;
use std::path::Path;

use common::{copy_tree, fixture};
use nenpo::content::load_report;

/// Copies the seed002 fixture, lets `edit` break it, and returns the rendered diagnostics.
fn broken(edit: impl FnOnce(&Path)) -> (nenpo::diag::Diagnostics, String) {
    let dir = copy_tree(&fixture("seed002"));
    edit(dir.path());
    let loaded = load_report(dir.path());
    assert!(loaded.report.is_none(), "the broken report must not load");
    let text = loaded.diagnostics.render(nenpo::diag::Lang::Ja, false);
    (loaded.diagnostics, text)
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn replace(root: &Path, rel: &str, from: &str, to: &str) {
    let p = root.join(rel);
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{from} not in {rel}");
    fs::write(p, text.replacen(from, to, 1)).unwrap();
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
            "            unit: \"%\"\n            baseline: { year: H27, value: 49.1 }",
            "            unit: \"%\"\n            basline: { year: H27, value: 49.1 }",
        )
    });
    assert_reported(&d, "content/plans/kizuna.yaml", 15, "不明なキー「basline」");
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
    assert_reported(&d, "content/2017/actuals.yaml", 1, "数値が必要");
    assert!(text.contains("数字だけを書いてください"), "{text}");
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
            "title: 別の計画\nperiod: [2015, 2018]\ngoals:\n  - id: 1\n    title: t\n    measures:\n      - id: a\n        title: m\n        indicators:\n          - id: kanshin\n            name: x\n",
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
