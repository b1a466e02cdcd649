//! `language = "en"`: the example builds as an English site, and no Japanese that nenpo
//! itself writes (labels, years, dates, chart words, column names) leaks into it.
//!
//! The leak test does not guess which words are labels. It takes every piece of text a
//! reader meets in the English build (HTML text and the attributes read aloud, SVG text,
//! CSV cells, JSON strings), drops what is inside a `lang="ja"` element (editors' prose,
//! marked for screen readers), cuts out every string an editor wrote in book.toml and
//! content/, and reports any Japanese that is left: it can only have come from nenpo.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use aho_corasick::{AhoCorasick, MatchKind};
use nenpo::i18n::{has_japanese, is_japanese};
use nenpo::site::OutputFile;

/// The example with `language = "en"`.
fn english_example() -> tempfile::TempDir {
    let dir = common::example_copy();
    let book = dir.path().join("book.toml");
    let text = std::fs::read_to_string(&book).unwrap();
    assert!(text.contains("language = \"ja\""));
    std::fs::write(
        &book,
        text.replace("language = \"ja\"", "language = \"en\""),
    )
    .unwrap();
    dir
}

fn build(root: &Path) -> Vec<OutputFile> {
    match nenpo::build::render_report(root) {
        Ok((_, files, _)) => files,
        Err(f) => panic!("{}", f.diagnostics.render(f.lang, false)),
    }
}

/// Every string an editor wrote: YAML values in content/ and front matter, each line of
/// Markdown, book.toml's values. Years and dates are left out: nenpo rewrites those, so
/// an editor's `令和3年度` must not excuse nenpo's own.
fn editor_strings(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let book: toml::Value =
        toml::from_str(&std::fs::read_to_string(root.join("book.toml")).unwrap()).unwrap();
    toml_strings(&book, &mut out);
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let entry = entry.unwrap();
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        let text = std::fs::read_to_string(path).unwrap();
        match ext {
            "yaml" | "yml" => yaml_strings(&text, &mut out),
            "md" => {
                let fm =
                    nenpo::source::split_front_matter(&text, "x", nenpo::diag::Lang::Ja).unwrap();
                if let Some(y) = fm.yaml {
                    yaml_strings(y, &mut out);
                }
                out.extend(fm.body.lines().map(str::to_string));
            }
            _ => {}
        }
    }
    let mut all = BTreeSet::new();
    for s in out {
        for line in s.lines() {
            let line = line.trim();
            // Markdown's own marks are not text: headings, list bullets, emphasis, ＊.
            let plain = line
                .trim_start_matches(['#', '-', '*', '>', ' '])
                .replace("**", "")
                .replace('＊', "");
            for v in [line.to_string(), plain] {
                let v = v.trim().to_string();
                let parsed = nenpo::era::FiscalYear::parse(&v).is_some()
                    || nenpo::era::Date::parse(&v).is_some();
                if has_japanese(&v) && !parsed {
                    all.insert(v);
                }
            }
        }
    }
    all.into_iter().collect()
}

fn toml_strings(v: &toml::Value, out: &mut Vec<String>) {
    match v {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(a) => a.iter().for_each(|x| toml_strings(x, out)),
        toml::Value::Table(t) => t.values().for_each(|x| toml_strings(x, out)),
        _ => {}
    }
}

fn yaml_strings(text: &str, out: &mut Vec<String>) {
    let v: serde_json::Value = serde_saphyr::from_str(text).unwrap();
    json_strings(&v, out);
}

fn json_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                out.push(k.clone());
                json_strings(x, out);
            }
        }
        _ => {}
    }
}

/// Attributes a reader meets: shown as tooltips, read aloud, or shown as labels.
const READ_ATTRS: &[&str] = &["alt", "title", "aria-label", "data-label", "placeholder"];

/// The text a reader meets in one output file, outside elements marked `lang="ja"`.
fn reader_texts(file: &OutputFile) -> Vec<String> {
    let Ok(text) = std::str::from_utf8(&file.bytes) else {
        return Vec::new();
    };
    let ext = file.path.rsplit('.').next().unwrap_or("");
    match ext {
        "html" => html_texts(text),
        "svg" => svg_texts(text),
        "csv" => csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
            .collect(),
        "json" => {
            let mut out = Vec::new();
            json_strings(&serde_json::from_str(text).unwrap(), &mut out);
            out
        }
        _ => Vec::new(),
    }
}

fn html_texts(text: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(text);
    let mut out = Vec::new();
    for node in doc.tree.nodes() {
        // The nearest `lang` decides, the node's own first.
        let in_ja = std::iter::once(node)
            .chain(node.ancestors())
            .filter_map(|a| a.value().as_element())
            .find_map(|e| e.attr("lang"))
            == Some("ja");
        if in_ja {
            continue;
        }
        match node.value() {
            scraper::Node::Text(t) => out.push(t.to_string()),
            scraper::Node::Element(e) => {
                out.extend(
                    READ_ATTRS
                        .iter()
                        .filter_map(|a| e.attr(a))
                        .map(str::to_string),
                );
            }
            _ => {}
        }
    }
    out
}

fn svg_texts(text: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(text).unwrap();
    let mut out = Vec::new();
    for node in doc.descendants() {
        let in_ja = node.ancestors().filter(|a| a.is_element()).find_map(|a| {
            a.attribute("lang")
                .or_else(|| a.attribute(("http://www.w3.org/XML/1998/namespace", "lang")))
        }) == Some("ja");
        if in_ja {
            continue;
        }
        if node.is_text() {
            out.push(node.text().unwrap_or("").to_string());
        } else if node.is_element() {
            out.extend(
                READ_ATTRS
                    .iter()
                    .filter_map(|a| node.attribute(*a))
                    .map(str::to_string),
            );
        }
    }
    out
}

/// The Japanese that nenpo wrote into an English build: each run of text left with
/// Japanese in it once editors' strings are cut out, with the first file it is in.
fn leaks(root: &Path, files: &[OutputFile]) -> BTreeMap<String, String> {
    let editor = editor_strings(root);
    let cutter = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&editor)
        .unwrap();
    let blanks = vec!["\u{0}"; editor.len()];
    let mut found = BTreeMap::new();
    for f in files {
        for t in reader_texts(f) {
            if !has_japanese(&t) {
                continue;
            }
            let rest = cutter.replace_all(&t, &blanks);
            for part in rest.split(['\u{0}', '\n']) {
                let run = part.trim_matches(|c: char| !is_japanese(c));
                if !run.is_empty() {
                    found
                        .entry(digits_as_hash(run))
                        .or_insert_with(|| f.path.clone());
                }
            }
        }
    }
    found
}

/// `令和#年度`: figures vary, the words around them are what leaks.
fn digits_as_hash(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = if c.is_ascii_digit() { '#' } else { c };
        if !(c == '#' && out.ends_with('#')) {
            out.push(c);
        }
    }
    out.replace("#.#", "#").replace("#,#", "#")
}

#[test]
fn no_japanese_label_leaks_into_an_english_build() {
    let dir = english_example();
    let files = build(dir.path());
    let found: Vec<String> = leaks(dir.path(), &files)
        .into_iter()
        .map(|(k, f)| format!("{k}  ({f})"))
        .collect();
    assert!(
        found.is_empty(),
        "Japanese written by nenpo in the English build (put the label into the catalogue, \
         or mark the editor's text lang=\"ja\"):\n{}",
        found.join("\n")
    );
}

#[test]
fn english_pages_say_so_and_mark_editors_japanese() {
    let dir = english_example();
    let files = build(dir.path());
    let home = common::page(&files, "index.html");
    assert!(home.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(home.contains("Skip to main content"), "English frame");
    assert!(
        home.contains("<div class=\"prose intro\" lang=\"ja\">"),
        "the editor's Japanese introduction is marked for screen readers"
    );
}

/// Runs nenpo with `NENPO_LANG` set (or removed) and no colour.
fn nenpo(args: &[&str], nenpo_lang: Option<&str>, dir: &Path) -> (bool, String, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_nenpo"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    match nenpo_lang {
        Some(l) => cmd.env("NENPO_LANG", l),
        None => cmd.env_remove("NENPO_LANG"),
    };
    let out = cmd.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_speaks_the_reports_language_and_outside_a_report_nenpo_lang() {
    let report = english_example();
    let empty = tempfile::tempdir().unwrap();
    let root = report.path().to_str().unwrap();
    // Outside a report: Japanese unless NENPO_LANG says English.
    let (_, ja, _) = nenpo(&["--help"], None, empty.path());
    assert!(ja.contains("使い方: nenpo [オプション] <コマンド>"), "{ja}");
    let (_, en, _) = nenpo(&["--help"], Some("en"), empty.path());
    assert!(en.contains("Usage: nenpo [options] <command>"), "{en}");
    assert!(!has_japanese(&en), "{en}");
    // In a report, its language wins over NENPO_LANG.
    let (_, en, _) = nenpo(&["-C", root, "pdf", "--help"], Some("ja"), empty.path());
    assert!(en.contains("Usage: nenpo pdf [year] [-o file]"), "{en}");
    let (ok, _, err) = nenpo(&["-C", root, "biuld"], None, empty.path());
    assert!(!ok);
    assert!(err.contains("there is no command `biuld`"), "{err}");
}

#[test]
fn an_english_report_gets_english_messages() {
    let dir = english_example();
    let root = dir.path().to_str().unwrap();
    let (ok, _, err) = nenpo(&["-C", root, "check"], None, dir.path());
    assert!(ok, "{err}");
    assert_eq!(err.trim(), "No problems found.");
    let actuals = dir.path().join("content/2021/actuals.yaml");
    let text = std::fs::read_to_string(&actuals).unwrap();
    let broken = text.replacen("actual:", "actul:", 1);
    std::fs::write(&actuals, broken).unwrap();
    let (ok, _, err) = nenpo(&["-C", root, "build", "-q"], None, dir.path());
    assert!(!ok);
    assert!(err.contains("error: unknown key `actul`"), "{err}");
    assert!(err.contains("help: did you mean `actual`?"), "{err}");
    assert!(err.contains("errors: 1, warnings: 0"), "{err}");
    assert!(
        err.contains("The output folder was left as it was."),
        "{err}"
    );
    // Only the quoted lines of the file (after `|`) may hold the editor's Japanese.
    assert!(
        err.lines().all(|l| l.contains('|') || !has_japanese(l)),
        "{err}"
    );
}
