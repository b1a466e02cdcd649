use std::collections::BTreeSet;

use serde_json::Value;

use super::*;

/// Every entry of a catalogue as (dotted key, text), arrays by index.
fn entries(lang: Lang) -> Vec<(String, String)> {
    fn walk(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::String(s) => out.push((prefix.to_string(), s.clone())),
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(&format!("{prefix}.{i}"), x, out);
                }
            }
            Value::Object(o) => {
                for (k, x) in o {
                    let key = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&key, x, out);
                }
            }
            other => panic!("{prefix}: not text: {other}"),
        }
    }
    let mut out = Vec::new();
    walk("", &serde_json::to_value(lang.text()).unwrap(), &mut out);
    out
}

fn slots(pattern: &str) -> BTreeSet<&str> {
    pieces(pattern)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Slot(s) => Some(s),
            Piece::Text(_) => None,
        })
        .collect()
}

#[test]
fn both_languages_have_the_same_entries_with_the_same_placeholders() {
    let ja = entries(Lang::Ja);
    let en = entries(Lang::En);
    let keys = |v: &[(String, String)]| v.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&ja), keys(&en));
    let mut wrong = Vec::new();
    for ((key, j), (_, e)) in ja.iter().zip(&en) {
        // Dates choose among the parts of a date; a language may leave an entry empty
        // where its word order puts the words in the entry beside it.
        if key.starts_with("cal.date_") {
            let parts = [
                "era",
                "n",
                "year",
                "month",
                "month_name",
                "day",
                "weekday",
                "date",
            ];
            assert!(
                slots(j).iter().chain(&slots(e)).all(|s| parts.contains(s)),
                "{key}"
            );
        } else if slots(j) != slots(e) && !j.is_empty() && !e.is_empty() {
            wrong.push(format!("{key}: {j:?} / {e:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "placeholders differ:\n{}",
        wrong.join("\n")
    );
    assert!(ja.len() > 150, "only {} entries", ja.len());
}

#[test]
fn english_entries_have_no_japanese_and_japanese_entries_are_not_left_english() {
    let leaks: Vec<String> = entries(Lang::En)
        .into_iter()
        .filter(|(_, v)| has_japanese(v))
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    assert!(
        leaks.is_empty(),
        "Japanese in the English catalogue:\n{}",
        leaks.join("\n")
    );
    // A Japanese entry equal to its English one is almost always a forgotten translation;
    // the few that are the same in both (symbols, codes) are named here.
    let same: Vec<String> = entries(Lang::Ja)
        .into_iter()
        .zip(entries(Lang::En))
        .filter(|((_, j), (_, e))| j == e && !j.is_empty())
        .map(|((k, _), _)| k)
        .filter(|k| !SAME_IN_BOTH.contains(&k.as_str()))
        .collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
}

/// Entries that read the same in both languages.
const SAME_IN_BOTH: &[&str] = &[
    "cli.check_usage",
    "fig.status_symbols.2",
    "fig.status_symbols.3",
    "chart.milestone_legend",
    // ○ and × mark 適合 / 不適合 in either language; … and x are symbols.
    "mon.words.marks.0",
    "mon.words.marks.1",
    "mon.words.status_symbols.2",
    "mon.words.status_symbols.3",
    "words.no_figure",
    "words.rise",
    "words.even",
    "desk.col_id",
    "desk.enc_utf8",
    "desk.enc_utf16",
];

/// The built-in templates, by file name.
fn templates() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("theme/templates");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(out.len() >= 14);
    out
}

/// Every `t.key` a template names.
fn template_keys(text: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("t.") {
        let before = rest[..i].chars().last();
        let after = &rest[i + 2..];
        let key: String = after
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
            .collect();
        if !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
            && !key.is_empty()
        {
            keys.insert(key);
        }
        rest = after;
    }
    keys
}

#[test]
fn every_label_a_template_names_exists_and_every_page_label_is_used() {
    let page: BTreeSet<String> = serde_json::to_value(&Lang::Ja.text().page)
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut used = BTreeSet::new();
    for (name, text) in templates() {
        for key in template_keys(&text) {
            assert!(
                page.contains(&key),
                "{name}: t.{key} is not in the catalogue"
            );
            used.insert(key);
        }
    }
    let unused: Vec<&String> = page.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "page labels no template uses: {unused:?}"
    );
}

#[test]
fn every_monitoring_label_a_template_names_exists() {
    let page: BTreeSet<String> = serde_json::to_value(&Lang::Ja.text().mon.page)
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut used = BTreeSet::new();
    for (name, text) in templates() {
        // `tm.key` is `t.key` after an `m`: read the keys after "tm.".
        for piece in text.split("tm.").skip(1) {
            let key: String = piece
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
                .collect();
            assert!(
                page.contains(&key),
                "{name}: tm.{key} is not in the catalogue"
            );
            used.insert(key);
        }
    }
    let unused: Vec<&String> = page.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "monitoring labels no template uses: {unused:?}"
    );
}

#[test]
fn templates_hold_no_japanese_of_their_own() {
    for (name, text) in templates() {
        for (i, line) in text.lines().enumerate() {
            assert!(
                !has_japanese(line),
                "{name}:{}: fixed text belongs in the catalogue: {line}",
                i + 1
            );
        }
    }
}

#[test]
fn fill_replaces_placeholders_and_keeps_escaped_braces() {
    assert_eq!(fill("{a}と{b}", &[("a", &"x"), ("b", &2)]), "xと2");
    assert_eq!(fill("{{a}} {a}", &[("a", &1)]), "{a} 1");
    assert_eq!(fill("{ not a slot }", &[]), "{ not a slot }");
    let lang = Lang::En;
    assert_eq!(
        crate::tr!(lang, msg.summary, errors = 2, warnings = 0),
        "errors: 2, warnings: 0"
    );
}

#[test]
fn the_fill_filter_escapes_text_and_keeps_safe_html() {
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html"]);
    templates::register(&mut tera, Lang::Ja);
    tera.add_raw_template(
        "x.html",
        "{{ t.paren | fill(x=a) }}|{{ t.paren | fill(x=b | safe) }}|{{ t.goal }}",
    )
    .unwrap();
    let mut ctx = tera::Context::new();
    ctx.insert("a", "<a&b>");
    ctx.insert("b", "<em>x</em>");
    assert_eq!(
        tera.render("x.html", &ctx).unwrap(),
        "（&lt;a&amp;b&gt;）|（<em>x</em>）|目標"
    );
    tera.add_raw_template("y.html", "{{ t.paren | fill(y=a) }}")
        .unwrap();
    let err = tera.render("y.html", &ctx).unwrap_err();
    assert!(format!("{err:?}").contains("{x}"), "{err:?}");
}

#[test]
fn editors_japanese_is_marked_only_on_pages_in_another_language() {
    assert_eq!(
        templates::lang_attr(Lang::En, "<p>さくら台市</p>"),
        " lang=\"ja\""
    );
    assert_eq!(templates::lang_attr(Lang::En, "<p>Sakuradai</p>"), "");
    assert_eq!(templates::lang_attr(Lang::Ja, "<p>さくら台市</p>"), "");
    assert_eq!(
        templates::mark_ja(Lang::En, "緑の<a href=\"x\">まち</a>"),
        "<span lang=\"ja\">緑の<a href=\"x\">まち</a></span>"
    );
    assert_eq!(templates::mark_ja(Lang::Ja, "緑のまち"), "緑のまち");
    assert_eq!(templates::mark_ja(Lang::En, "Green city"), "Green city");
}
