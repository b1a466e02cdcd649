//! The money settings of SPEC §11 in book.toml: the unit every amount is written in
//! (`[report] money_unit`), and how money rates and costs round (`[evaluation]
//! money_rate_decimals`, `per_person_unit`, `cost_decimals`, `share_of`).

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{FILE, locate_key};
use crate::diag::{Diagnostic, Lang};

/// A unit of money: amounts are written in it and every caption, header and CSV column
/// names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MoneyUnit {
    /// 円.
    Yen,
    /// 千円, the default.
    #[default]
    Thousand,
    /// 百万円.
    Million,
}

impl MoneyUnit {
    /// Reads `円`, `千円`, `百万円` (or `yen`, `thousand yen`, `million yen`).
    pub fn parse(text: &str) -> Option<MoneyUnit> {
        match text.trim() {
            "円" | "yen" => Some(MoneyUnit::Yen),
            "千円" | "thousand yen" => Some(MoneyUnit::Thousand),
            "百万円" | "million yen" => Some(MoneyUnit::Million),
            _ => None,
        }
    }

    /// How many yen one of it is.
    pub fn yen(self) -> Decimal {
        match self {
            MoneyUnit::Yen => Decimal::ONE,
            MoneyUnit::Thousand => Decimal::from(1000),
            MoneyUnit::Million => Decimal::from(1_000_000),
        }
    }

    /// Its name in `lang`: 千円 / thousand yen.
    pub fn label(self, lang: Lang) -> &'static str {
        let [yen, thousand, million] = lang.text().money.units;
        match self {
            MoneyUnit::Yen => yen,
            MoneyUnit::Thousand => thousand,
            MoneyUnit::Million => million,
        }
    }

    /// Its name in CSV/JSON headers (ASCII): yen, thousand_yen, million_yen.
    pub fn key(self) -> &'static str {
        match self {
            MoneyUnit::Yen => "yen",
            MoneyUnit::Thousand => "thousand_yen",
            MoneyUnit::Million => "million_yen",
        }
    }
}

/// What 構成比 is a share of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareOf {
    /// 決算額, the default.
    #[default]
    Settled,
    /// 予算現額.
    CurrentBudget,
}

/// The money settings of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    /// The unit amounts are written in.
    pub unit: MoneyUnit,
    /// Decimals of 執行率, 前年度対比, 構成比 and 進捗率 (half up).
    pub rate_decimals: u32,
    /// The unit 一人あたりコスト is printed in.
    pub per_person_unit: MoneyUnit,
    /// Decimals of 一人あたりコスト (half up).
    pub cost_decimals: u32,
    /// What 構成比 is a share of.
    pub share_of: ShareOf,
}

impl Default for Money {
    fn default() -> Self {
        Money {
            unit: MoneyUnit::Thousand,
            rate_decimals: 1,
            per_person_unit: MoneyUnit::Yen,
            cost_decimals: 0,
            share_of: ShareOf::Settled,
        }
    }
}

/// The money keys of book.toml as written.
pub(super) struct RawMoney<'a> {
    pub money_unit: Option<&'a str>,
    pub money_rate_decimals: Option<u32>,
    pub per_person_unit: Option<&'a str>,
    pub cost_decimals: Option<u32>,
    pub share_of: Option<ShareOf>,
}

/// Reads the money settings; a unit or decimals out of range is told at its key.
pub(super) fn money(
    raw: RawMoney,
    text: &str,
    lang: Lang,
    problems: &mut Vec<Diagnostic>,
) -> Money {
    let d = Money::default();
    let m = &lang.text().money;
    let mut unit = |key: &str, v: Option<&str>, default: MoneyUnit| match v {
        None => default,
        Some(v) => MoneyUnit::parse(v).unwrap_or_else(|| {
            let (l, c) = locate_key(text, key);
            let msg = crate::tr!(lang, money.unit_bad, unit = v);
            problems.push(Diagnostic::error(FILE, l, c, msg).with_hint(m.unit_hint));
            default
        }),
    };
    let money_unit = unit("money_unit", raw.money_unit, d.unit);
    let per_person_unit = unit("per_person_unit", raw.per_person_unit, d.per_person_unit);
    let mut decimals = |key: &str, v: Option<u32>, default: u32| match v {
        Some(v) if v > 4 => {
            let (l, c) = locate_key(text, key);
            problems.push(Diagnostic::error(
                FILE,
                l,
                c,
                lang.text().msg.decimals_range,
            ));
            default
        }
        v => v.unwrap_or(default),
    };
    Money {
        unit: money_unit,
        rate_decimals: decimals("money_rate_decimals", raw.money_rate_decimals, 1),
        per_person_unit,
        cost_decimals: decimals("cost_decimals", raw.cost_decimals, 0),
        share_of: raw.share_of.unwrap_or_default(),
    }
}
