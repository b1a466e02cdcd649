//! The settings of SPEC §10 in book.toml: the sign of a negative figure (`negative`, and
//! `negative_alt` where the sign is also a grade mark), the status symbols
//! (`[report.symbols]`), exact scale minimums, and how a goal's grade comes from its
//! indicators (`[evaluation] goal_rule`).

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{FILE, locate_key, offset_to_line_col};
use crate::diag::{Diagnostic, Lang};
use crate::figure::Status;

/// How a goal's grade comes from its indicators' (`[evaluation] goal_rule`).
///
/// Cities differ: many 環境基本計画 reports grade a goal by the mean of its indicators'
/// rates with each capped at 100 % (`mean_capped`, the default: an indicator far over its
/// target cannot hide one that fell short); some print the plain mean (`mean`); 政策評価
/// sheets often give the share of indicators that met their target (`share_met`); and a
/// cautious report grades a goal by its weakest indicator (`lowest`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalRule {
    /// The mean of the rates, uncapped.
    Mean,
    /// The mean of the rates, each capped at 100 %.
    #[default]
    MeanCapped,
    /// The share of graded indicators that met their target, graded on the scale.
    ShareMet,
    /// The lowest grade among the indicators.
    Lowest,
}

/// `[report.symbols]`: what each status prints as.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSymbols {
    not_collected: Option<String>,
    not_applicable: Option<String>,
    unknown: Option<String>,
    withheld: Option<String>,
    missing: Option<String>,
}

/// The sign a report prints negatives with when book.toml does not say: △ in Japanese, as
/// city reports print it; - in English.
pub fn default_negative(lang: Lang) -> &'static str {
    lang.pick("△", "-")
}

/// Signs nenpo prints a negative figure with.
const SIGNS: &[&str] = &["△", "▲", "-", "−"];

/// The settings read: `negative`, `negative_alt` and the symbols in [`Status::ALL`] order.
pub(super) struct Signs {
    pub negative: String,
    pub negative_alt: String,
    pub symbols: [String; 5],
}

/// What book.toml writes for the signs and symbols.
pub(super) struct RawSigns<'a> {
    pub negative: Option<&'a str>,
    pub negative_alt: Option<&'a str>,
    pub symbols: Option<&'a RawSymbols>,
}

/// Reads the signs and symbols, with the language's defaults.
pub(super) fn signs(
    raw: RawSigns,
    text: &str,
    lang: Lang,
    problems: &mut Vec<Diagnostic>,
) -> Signs {
    let mut sign = |key: &str, v: Option<&str>, default: &str| -> String {
        let v = v.unwrap_or(default).trim();
        if !SIGNS.contains(&v) {
            let (l, c) = locate_key(text, key);
            let m = &lang.text().content;
            problems.push(
                Diagnostic::error(
                    FILE,
                    l,
                    c,
                    crate::tr!(lang, content.negative_value, value = v),
                )
                .with_hint(m.negative_hint),
            );
        }
        v.to_string()
    };
    let negative = sign("negative", raw.negative, default_negative(lang));
    let negative_alt = sign("negative_alt", raw.negative_alt, "▲");
    let defaults = lang.text().fig.status_symbols;
    let given = raw.symbols.map(|s| {
        [
            &s.not_collected,
            &s.not_applicable,
            &s.unknown,
            &s.withheld,
            &s.missing,
        ]
    });
    let symbols = std::array::from_fn(|i| {
        let key = Status::ALL[i].key();
        match given.and_then(|g| g[i].as_deref()) {
            Some(v) if v.trim().is_empty() => {
                let (l, c) = locate_key(text, key);
                problems.push(Diagnostic::error(
                    FILE,
                    l,
                    c,
                    crate::tr!(lang, content.symbol_empty, symbol = key),
                ));
                defaults[i].to_string()
            }
            Some(v) => v.trim().to_string(),
            None => defaults[i].to_string(),
        }
    });
    Signs {
        negative,
        negative_alt,
        symbols,
    }
}

/// A scale's `min` as written in book.toml (`min = 66.7` is 66.7, not the float nearest to
/// it), read from its span with the number grammar.
pub(super) fn exact_min(
    min: &toml::Spanned<f64>,
    text: &str,
    lang: Lang,
    problems: &mut Vec<Diagnostic>,
) -> Option<Decimal> {
    let span = min.span();
    let typed = text.get(span.clone()).unwrap_or_default();
    match crate::figure::parse_number(typed) {
        Ok(d) => Some(d),
        Err(e) => {
            let (l, c) = offset_to_line_col(text, span.start);
            problems.push(
                Diagnostic::error(FILE, l, c, e.message(typed, lang))
                    .with_hint(e.hint(typed, lang)),
            );
            None
        }
    }
}
