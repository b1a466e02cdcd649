//! Parsing YAML with serde-saphyr and turning its errors into diagnostics an editor can act
//! on: the place, what is wrong in words, and the nearest valid key for a typo.

use serde::de::DeserializeOwned;
use serde_saphyr::{Error, Location, Options};

use crate::diag::{Diagnostic, Lang, nearest};
use crate::tr;

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
            .map_err(|e| to_diagnostic(&e, rel, lang, ""));
    }
    serde_saphyr::from_str_with_options::<T>(input, options(input.len()))
        .map_err(|e| to_diagnostic(&e, rel, lang, input))
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

/// The diagnostic of a YAML error in `source` (the text parsed, lines as in the file): the
/// real mistake first where one is found (a full-width space or colon, a number split at a
/// comma inside `{ }`, a date that does not exist), else serde-saphyr's error in words.
fn to_diagnostic(err: &Error, rel: &str, lang: Lang, source: &str) -> Diagnostic {
    let err = err.without_snippet();
    let (line, column) = err.location().map(|l| pos(&l)).unwrap_or((0, 0));
    if let Some(d) = super::hints::root_cause(source, rel, line, lang) {
        return d;
    }
    let m = &lang.text().msg;
    let list = |items: &[&str]| items.join(m.list_sep);
    let (message, hint): (String, Option<String>) = match err {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            if let Some(d) = super::hints::flow_split(source, rel, (line, column), field, lang) {
                return d;
            }
            let keys = list(expected);
            let hint = match nearest(field, expected.iter().copied()) {
                Some(n) => tr!(lang, msg.did_you_mean_keys, name = n, keys = keys),
                None if field == "approx" => lang.text().content.approx_key_hint.to_string(),
                None => tr!(lang, msg.valid_keys, keys = keys),
            };
            (tr!(lang, msg.yaml_unknown_key, key = field), Some(hint))
        }
        Error::SerdeMissingField { field, .. } => (
            tr!(lang, msg.missing_key, key = field),
            Some(tr!(lang, msg.yaml_add_key, key = field)),
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let values = list(expected);
            let hint = match nearest(variant, expected.iter().copied()) {
                Some(n) => tr!(lang, msg.did_you_mean_values, name = n, values = values),
                None => tr!(lang, msg.valid_values, values = values),
            };
            (tr!(lang, msg.yaml_bad_value, value = variant), Some(hint))
        }
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
        Error::DuplicateMappingKey { key, .. } => (
            match key {
                Some(k) => tr!(lang, msg.yaml_key_twice, key = k),
                None => m.yaml_a_key_twice.to_string(),
            },
            Some(m.yaml_remove_one.to_string()),
        ),
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
            (
                tr!(lang, msg.yaml_syntax, detail = raw),
                Some(m.yaml_syntax_hint.to_string()),
            )
        }
    };
    let mut d = Diagnostic::error(rel, line, column, message);
    d.hint = hint;
    d
}

/// What a visitor expected, as serde words it (`a fiscal year`, `f64`, `a sequence`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expected {
    FiscalYear,
    Date,
    Number,
    Integer,
    Id,
    Text,
    Bool,
    List,
    Map,
    Other,
}

impl Expected {
    fn of(e: &str) -> Expected {
        if e.contains("fiscal year") {
            Expected::FiscalYear
        } else if e.contains("date") {
            Expected::Date
        } else if e.contains("number") || e.starts_with('f') {
            Expected::Number
        } else if e.contains("integer") || e.starts_with('u') || e.starts_with('i') {
            Expected::Integer
        } else if e.contains("an id") {
            Expected::Id
        } else if e.contains("string") {
            Expected::Text
        } else if e.contains("bool") {
            Expected::Bool
        } else if e.contains("sequence") || e.contains("tuple") || e.contains("Vec") {
            Expected::List
        } else if e.contains("struct") || e.contains("map") {
            Expected::Map
        } else {
            Expected::Other
        }
    }

    /// The words for it, `raw` being serde's own for the kinds nenpo has no words for.
    fn words(self, raw: &str, lang: Lang) -> String {
        let m = &lang.text().msg;
        match self {
            Expected::FiscalYear => m.expect_fiscal_year.into(),
            Expected::Date => m.expect_date.into(),
            Expected::Number => m.expect_number.into(),
            Expected::Integer => m.expect_integer.into(),
            Expected::Id => m.expect_id.into(),
            Expected::Text => m.expect_text.into(),
            Expected::Bool => m.expect_bool.into(),
            Expected::List => m.expect_list.into(),
            Expected::Map => m.expect_map.into(),
            Expected::Other => tr!(lang, msg.expect_other, what = raw),
        }
    }

    /// How to write a value of this kind, where a reminder helps.
    fn hint(self, lang: Lang) -> Option<String> {
        let m = &lang.text().msg;
        match self {
            Expected::Number => Some(m.hint_number.into()),
            Expected::FiscalYear => Some(m.hint_fiscal_year.into()),
            Expected::Date => Some(m.hint_date.into()),
            _ => None,
        }
    }
}

fn type_message(unexpected: &str, expected: &str, lang: Lang) -> (String, Option<String>) {
    let kind = Expected::of(expected);
    let m = &lang.text().msg;
    if kind == Expected::Date
        && let Some(text) = unexpected.strip_prefix("string ")
        && let Some((message, hint)) = super::hints::no_such_date(text.trim_matches('"'), lang)
    {
        return (message, Some(hint));
    }
    let found = match unexpected.strip_prefix("string ") {
        Some(s) => tr!(lang, msg.yaml_found_text, text = s),
        None => unexpected
            .replace("sequence", m.yaml_found_list)
            .replace("map", m.yaml_found_map),
    };
    (
        tr!(
            lang,
            msg.yaml_type,
            expected = kind.words(expected, lang),
            found = found
        ),
        match kind {
            Expected::Id | Expected::Text if unexpected.starts_with("boolean") => {
                Some(m.hint_quote_bool.into())
            }
            _ => kind.hint(lang),
        },
    )
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
    fn a_number_split_at_a_comma_inside_braces_is_named() {
        let yaml = "a: { actual: 1,234, target: 2 }\n";
        let d = parse_yaml::<RawActuals>(yaml, "x.yaml", 0, Lang::Ja).unwrap_err();
        assert_eq!((d.line, d.column), (1, 14));
        assert!(d.message.contains("「1,234」"), "{}", d.message);
        assert!(d.hint.unwrap().contains("1234"));
        let yaml = "a: { actual: { value: 39,5, approx: true } }\n";
        let d = parse_yaml::<RawActuals>(yaml, "x.yaml", 0, Lang::Ja).unwrap_err();
        assert!(d.message.contains("桁区切り"), "{}", d.message);
    }

    #[test]
    fn a_date_that_does_not_exist() {
        let yaml = "body: x\ndate: 2023-11-31\n";
        let d = parse_yaml::<crate::content::raw::RawMeetingFront>(yaml, "m.md", 0, Lang::Ja)
            .unwrap_err();
        assert_eq!(d.line, 2);
        assert!(d.message.contains("存在しない日付"), "{}", d.message);
    }

    #[test]
    fn approx_beside_the_value_is_suggested() {
        let yaml = "a: { actual: 980, approx: true }\n";
        let d = parse_yaml::<RawActuals>(yaml, "x.yaml", 0, Lang::Ja).unwrap_err();
        assert!(d.hint.unwrap().contains("{ value: 980, approx: true }"));
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
