//! Parsing YAML with serde-saphyr and turning its errors into diagnostics an editor can act
//! on: the place, what is wrong in words, and the nearest valid key for a typo.

use serde::de::DeserializeOwned;
use serde_saphyr::{Error, Location, Options};

use crate::diag::{Diagnostic, Lang, nearest};

/// Parses YAML that starts at line `line_offset + 1` of the file `rel`.
///
/// Front matter is parsed behind as many blank lines as precede it, so every line number
/// serde-saphyr reports — in errors and in spanned values — is the file's own.
pub fn parse_yaml<T: DeserializeOwned>(
    text: &str,
    rel: &str,
    line_offset: u32,
    lang: Lang,
) -> Result<T, Diagnostic> {
    let padded;
    let input = if line_offset > 0 {
        padded = format!("{}{text}", "\n".repeat(line_offset as usize));
        padded.as_str()
    } else {
        text
    };
    if input.trim().is_empty() {
        // An empty document is null; let types with defaults accept it.
        return serde_saphyr::from_str_with_options::<T>("{}", options(0))
            .map_err(|e| to_diagnostic(&e, rel, lang));
    }
    serde_saphyr::from_str_with_options::<T>(input, options(input.len()))
        .map_err(|e| to_diagnostic(&e, rel, lang))
}

/// Parser limits for a text of `len` bytes.
///
/// Without aliases a YAML text cannot hold more nodes than it has bytes, nor more than a few
/// events per byte, so limits that grow with the file let every valid file load (a plan with
/// 100,000 indicators is 20 MB of YAML and 2 million nodes) while the work stays linear in its
/// size. Aliases are what multiply work beyond the text; their replay keeps a fixed cap, so
/// an alias bomb stops after the same small amount of work in a file of any size.
fn options(len: usize) -> Options {
    let mut o = Options::default();
    o.with_snippet = false;
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = budget.max_nodes.max(len);
    budget.max_events = budget.max_events.max(len.saturating_mul(4));
    o.budget = Some(budget);
    o.alias_limits.max_total_replayed_events = ALIAS_REPLAY_LIMIT;
    o
}

/// Events that aliases (`*name`) may replay in one file: far more than content files use, and
/// little enough to refuse an alias bomb in milliseconds.
const ALIAS_REPLAY_LIMIT: usize = 20_000;

/// The position of a spanned value, as (line, column).
pub fn pos(loc: &Location) -> (u32, u32) {
    (loc.line() as u32, loc.column() as u32)
}

fn to_diagnostic(err: &Error, rel: &str, lang: Lang) -> Diagnostic {
    let err = err.without_snippet();
    let (line, column) = err.location().map(|l| pos(&l)).unwrap_or((0, 0));
    let ja = lang == Lang::Ja;
    let (message, hint): (String, Option<String>) = match err {
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_field(field, expected, ja),
        Error::SerdeMissingField { field, .. } => (
            if ja {
                format!("必須のキー「{field}」がありません")
            } else {
                format!("required key `{field}` is missing")
            },
            Some(if ja {
                format!("「{field}: …」を書き加えてください")
            } else {
                format!("add `{field}: …`")
            }),
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            if ja {
                format!("「{variant}」は使えない値です")
            } else {
                format!("`{variant}` is not an allowed value")
            },
            Some(match nearest(variant, expected.iter().copied()) {
                Some(n) if ja => format!(
                    "「{n}」の誤りではありませんか（使える値: {}）",
                    expected.join("、")
                ),
                Some(n) => format!("did you mean `{n}`? (allowed: {})", expected.join(", ")),
                None if ja => format!("使える値: {}", expected.join("、")),
                None => format!("allowed values: {}", expected.join(", ")),
            }),
        ),
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => type_message(unexpected, expected, lang),
        Error::DuplicateMappingKey { key, .. } => duplicate_key(key.as_deref(), lang),
        Error::Budget { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasError { .. } => limit_message(err, lang),
        // The parser's own nesting limit, below the budget's.
        other if other.to_string().contains("recursion limit") => limit_message(other, lang),
        other => {
            let raw = other.to_string();
            let raw = raw.split(" at line ").next().unwrap_or(&raw).to_string();
            if ja {
                (
                    format!("YAML の書き方に誤りがあります（{raw}）"),
                    Some(
                        "字下げ（行頭の空白）、「キー: 値」のコロンの後の空白、引用符の閉じ忘れを確かめてください"
                            .to_string(),
                    ),
                )
            } else {
                (format!("YAML syntax error ({raw})"), None)
            }
        }
    };
    let mut d = Diagnostic::error(rel, line, column, message);
    d.hint = hint;
    d
}

fn duplicate_key(key: Option<&str>, lang: Lang) -> (String, Option<String>) {
    let message = match (key, lang) {
        (Some(k), Lang::Ja) => format!("キー「{k}」が2回書かれています"),
        (None, Lang::Ja) => "同じキーが2回書かれています".to_string(),
        (Some(k), Lang::En) => format!("key `{k}` appears twice"),
        (None, Lang::En) => "a key appears twice".to_string(),
    };
    let hint = lang.pick("どちらか一方を消してください", "remove one of them");
    (message, Some(hint.to_string()))
}

fn unknown_field(field: &str, expected: &[&str], ja: bool) -> (String, Option<String>) {
    let msg = if ja {
        format!("不明なキー「{field}」があります")
    } else {
        format!("unknown key `{field}`")
    };
    let hint = match nearest(field, expected.iter().copied()) {
        Some(n) if ja => format!(
            "「{n}」の誤りではありませんか（使えるキー: {}）",
            expected.join("、")
        ),
        Some(n) => format!("did you mean `{n}`? (valid keys: {})", expected.join(", ")),
        None if ja => format!("使えるキー: {}", expected.join("、")),
        None => format!("valid keys: {}", expected.join(", ")),
    };
    (msg, Some(hint))
}

/// A file nenpo stopped reading because it would take too much work: too deep, or aliases
/// that expand too far. Not a syntax error, so no hint about indentation.
fn limit_message(err: &Error, lang: Lang) -> (String, Option<String>) {
    let raw = err.to_string();
    let raw = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let deep = raw.contains("recursion limit")
        || matches!(
            err,
            Error::Budget {
                breach: serde_saphyr::budget::BudgetBreach::Depth { .. },
                ..
            }
        );
    match (deep, lang) {
        (true, Lang::Ja) => (
            format!("YAML の入れ子が深すぎるため、読み込みを止めました（{raw}）"),
            Some("「キー: 値」やリストの入れ子は 64 段までにしてください".into()),
        ),
        (false, Lang::Ja) => (
            format!("YAML の別名（&・*）の展開が多すぎるため、読み込みを止めました（{raw}）"),
            Some("別名（&名前 と *名前）を使わず、値をそのまま書いてください".into()),
        ),
        (true, Lang::En) => (format!("YAML nested too deeply ({raw})"), None),
        (false, Lang::En) => (format!("YAML aliases expand too far ({raw})"), None),
    }
}

/// Words for the value a visitor expected.
fn expected_words(expected: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return expected.to_string();
    }
    let e = expected;
    let w = if e.contains("fiscal year") {
        "年度（2023、令和5年度、R5 など）"
    } else if e.contains("date") {
        "日付（2023-11-20 など）"
    } else if e.contains("number") || e.starts_with('f') {
        "数値"
    } else if e.contains("integer") || e.starts_with('u') || e.starts_with('i') {
        "整数"
    } else if e.contains("an id") {
        "ID（英数字）"
    } else if e.contains("string") {
        "文字列"
    } else if e.contains("bool") {
        "true か false"
    } else if e.contains("sequence") || e.contains("tuple") || e.contains("Vec") {
        "リスト（- で始まる行、または [ ] ）"
    } else if e.contains("struct") || e.contains("map") {
        "「キー: 値」の組"
    } else {
        return format!("「{e}」");
    };
    w.to_string()
}

fn type_message(unexpected: &str, expected: &str, lang: Lang) -> (String, Option<String>) {
    let exp = expected_words(expected, lang);
    if lang == Lang::En {
        return (format!("expected {exp}, found {unexpected}"), None);
    }
    let found = unexpected
        .strip_prefix("string ")
        .map(|s| format!("文字列 {s}"))
        .unwrap_or_else(|| {
            unexpected
                .replace("sequence", "リスト")
                .replace("map", "「キー: 値」の組")
        });
    let hint = if exp == "数値" {
        Some("単位や「約」「,」を付けず、数字だけを書いてください（未集計なら null）".to_string())
    } else if exp.starts_with("年度") {
        Some("2023、2023年度、令和5年度、R5、H29 のように書いてください".to_string())
    } else if exp.starts_with("日付") {
        Some("2023-11-20 または 令和5年11月20日 のように書いてください".to_string())
    } else {
        None
    };
    (
        format!("{exp}が必要なところに {found} が書かれています"),
        hint,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::raw::{RawActuals, RawPlan};

    #[test]
    fn unknown_key_points_at_the_key_with_a_suggestion() {
        let yaml = "title: t\nperiod: [2019, 2028]\ngoals:\n  - id: 1\n    titel: x\n";
        let d = parse_yaml::<RawPlan>(yaml, "content/plans/p.yaml", 0, Lang::Ja).unwrap_err();
        assert_eq!((d.line, d.column), (5, 5));
        assert_eq!(d.message, "不明なキー「titel」があります");
        assert!(
            d.hint
                .unwrap()
                .starts_with("「title」の誤りではありませんか")
        );
    }

    #[test]
    fn a_string_where_a_number_belongs() {
        let d =
            parse_yaml::<RawActuals>("a:\n  actual: 約50\n", "x.yaml", 0, Lang::Ja).unwrap_err();
        assert_eq!(d.line, 2);
        assert!(d.message.contains("数値が必要なところに"), "{}", d.message);
        assert!(d.message.contains("約50"), "{}", d.message);
    }

    #[test]
    fn front_matter_offset_keeps_file_lines() {
        let d = parse_yaml::<RawActuals>("a:\n  actul: 1\n", "x.md", 3, Lang::Ja).unwrap_err();
        assert_eq!(d.line, 5);
    }

    fn big_plan(indicators: usize) -> String {
        let mut y = String::from(
            "title: 大きな計画\nperiod: [2019, 2028]\ngoals:\n  - id: \"1\"\n    title: 目標\n    measures:\n      - id: \"1-1\"\n        title: 施策\n        indicators:\n",
        );
        for i in 0..indicators {
            y.push_str(&format!(
                "          - {{ id: ind-{i}, name: 指標{i}, unit: ha, target: {{ year: 2028, value: {i}.5 }} }}\n"
            ));
        }
        y
    }

    #[test]
    fn a_plan_with_a_hundred_thousand_indicators_loads() {
        let yaml = big_plan(100_000);
        let plan = parse_yaml::<RawPlan>(&yaml, "content/plans/big.yaml", 0, Lang::Ja)
            .unwrap_or_else(|d| panic!("{d}"));
        let inds = &plan.goals[0].measures[0].indicators;
        assert_eq!(inds.len(), 100_000);
        assert_eq!(inds[99_999].id.value.0, "ind-99999");
    }

    #[test]
    fn alias_bombs_are_refused_with_their_own_message() {
        // Nine levels of ten aliases each: a billion values from a few hundred bytes.
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for w in names.windows(2) {
            let refs = vec![format!("*{}", w[0]); 10].join(", ");
            bomb.push_str(&format!("{}: &{} [{refs}]\n", w[1], w[1]));
        }
        // The same bomb at the end of a large valid file meets the same fixed cap.
        let big: String = (0..20_000)
            .map(|i| format!("ind-{i}: {{ actual: {i}, target: 5 }}\n"))
            .collect();
        // Read untyped, so nothing but the limits can stop it.
        for text in [bomb.clone(), format!("{big}{bomb}")] {
            let d = parse_yaml::<serde_json::Value>(&text, "x.yaml", 0, Lang::Ja).unwrap_err();
            assert!(d.message.contains("別名"), "{}", d.message);
            assert!(!d.hint.as_deref().unwrap_or("").contains("字下げ"), "{d:?}");
        }
        assert!(parse_yaml::<RawActuals>(&big, "x.yaml", 0, Lang::Ja).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_with_its_own_message() {
        let text = format!("a: {}1{}\n", "[".repeat(10_000), "]".repeat(10_000));
        let d = parse_yaml::<serde_json::Value>(&text, "x.yaml", 0, Lang::Ja).unwrap_err();
        assert!(d.message.contains("入れ子が深すぎる"), "{}", d.message);
        let block: String = (0..200)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect();
        let d = parse_yaml::<serde_json::Value>(&block, "x.yaml", 0, Lang::Ja).unwrap_err();
        assert!(d.message.contains("入れ子が深すぎる"), "{}", d.message);
    }

    #[test]
    fn syntax_errors_are_japanese_with_a_place() {
        let d = parse_yaml::<RawActuals>("a: [1, 2\nb: 3\n", "x.yaml", 0, Lang::Ja).unwrap_err();
        assert!(d.line >= 1, "{d:?}");
        assert!(
            d.message.starts_with("YAML の書き方に誤りがあります"),
            "{}",
            d.message
        );
    }
}
