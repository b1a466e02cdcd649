//! Figures as text, in one place: every value, rate, change in ポイント, money amount, year
//! and status a page, chart, CSV or JSON file shows is spelt here, per language.
//!
//! Two spellings, one figure:
//! - for people ([`Formatter`]): thousands grouped (`1,234.5`), rates with `%` (`60.0%`),
//!   changes in ポイント with △ for a fall, 未集計 and — where there is no figure;
//! - for machines ([`machine_figure`], [`machine_rate`]), used by CSV and JSON alike: the
//!   same digits with no grouping, unit or symbol (`1234.5`, `60.0`, `-3`), nothing where
//!   there is no figure.
//!
//! Both start from the exact decimal: a value is shown with the indicator's fixed decimals
//! when it sets them, else as written; a rate with the decimals it was rounded to. No figure
//! passes through a float.

use rust_decimal::Decimal;

use crate::config::Config;
use crate::diag::Lang;
use crate::era::{Calendar, Date, EraStyle, FiscalYear};
use crate::evaluate::Rate;
use crate::i18n::Words;
use crate::model::{Outlook, ProjectStatus};
use crate::num::round_half_up;

/// Spells figures for people, in the report's language and era style.
#[derive(Debug, Clone, Copy)]
pub struct Formatter {
    lang: Lang,
    era: EraStyle,
    words: &'static Words,
}

impl Formatter {
    /// The formatter of a report.
    pub fn new(config: &Config) -> Formatter {
        Formatter::with(config.lang, config.era)
    }

    /// A formatter for a language and era style.
    pub fn with(lang: Lang, era: EraStyle) -> Formatter {
        Formatter {
            lang,
            era,
            words: &lang.text().words,
        }
    }

    /// The words of the formatter's language.
    pub fn words(&self) -> &'static Words {
        self.words
    }

    /// A value: with `decimals` places when the indicator fixes them, else as written;
    /// thousands grouped: 1,234.5.
    pub fn figure(&self, v: Decimal, decimals: Option<u32>) -> String {
        group_thousands(&shown(v, decimals).to_string())
    }

    /// A value, or — where there is none.
    pub fn figure_or_none(&self, v: Option<Decimal>, decimals: Option<u32>) -> String {
        match v {
            Some(v) => self.figure(v, decimals),
            None => self.words.no_figure.into(),
        }
    }

    /// An actual, or 未集計 where there is none yet.
    pub fn actual(&self, v: Option<Decimal>, decimals: Option<u32>) -> String {
        match v {
            Some(v) => self.figure(v, decimals),
            None => self.words.not_collected.into(),
        }
    }

    /// A money amount as written, thousands grouped, or — where there is none.
    pub fn amount(&self, v: Option<Decimal>) -> String {
        self.figure_or_none(v, None)
    }

    /// A percentage with the decimals it was rounded to: 93.7%, 1,250.0%.
    pub fn percent(&self, v: Decimal) -> String {
        format!("{}%", group_thousands(&plain(v).to_string()))
    }

    /// A rate in a table cell: 93.7%, 達成, 未達成, or — (the actual's cell says 未集計).
    pub fn rate(&self, r: Rate) -> String {
        match r {
            Rate::NotCollected | Rate::NoTarget => self.words.no_figure.into(),
            other => self.rate_or_reason(other),
        }
    }

    /// A rate where there is no cell beside it to say why it is missing (charts, their
    /// descriptions): 93.7%, 達成, 未達成, 未集計, 目標値なし.
    pub fn rate_or_reason(&self, r: Rate) -> String {
        match r {
            Rate::Value(v) | Rate::Given(v) => self.percent(v),
            Rate::Met => self.words.met.into(),
            Rate::NotMet => self.words.not_met.into(),
            Rate::NotCollected => self.words.not_collected.into(),
            Rate::NoTarget => self.words.no_target.into(),
        }
    }

    /// What a rate is, for open data's status column: 計算, 公表値, 達成, 未達成, 未集計,
    /// 目標値なし.
    pub fn rate_status(&self, r: Rate) -> &'static str {
        match r {
            Rate::Value(_) => self.words.computed,
            Rate::Given(_) => self.words.published,
            Rate::Met => self.words.met,
            Rate::NotMet => self.words.not_met,
            Rate::NotCollected => self.words.not_collected,
            Rate::NoTarget => self.words.no_target,
        }
    }

    /// A change of rate: +1.3ポイント, △1.3ポイント (△ marks a fall, as Japanese reports
    /// print it), ±0.0ポイント.
    pub fn points(&self, change: Decimal) -> String {
        let sign = if change.is_zero() {
            self.words.even
        } else if change.is_sign_negative() {
            self.words.fall
        } else {
            self.words.rise
        };
        format!(
            "{sign}{}{}",
            group_thousands(&change.abs().to_string()),
            self.words.points
        )
    }

    /// The report's way of writing years and dates.
    pub fn calendar(&self) -> Calendar {
        Calendar::new(self.era, self.lang)
    }

    /// A fiscal year as the report's era style asks: 令和5年度（2023年度）; FY2023 (Reiwa 5).
    pub fn year(&self, y: FiscalYear) -> String {
        self.calendar().year(y)
    }

    /// A fiscal year in running text and titles: 令和5年度, or 2023年度 for `seireki`; FY2023.
    pub fn year_label(&self, y: FiscalYear) -> String {
        self.calendar().year_label(y)
    }

    /// A fiscal year on a chart axis or a tight header: R5, or 2023 for `seireki` and in
    /// English.
    pub fn year_short(&self, y: FiscalYear) -> String {
        self.calendar().year_short(y)
    }

    /// A fiscal year by era alone: 令和5年度; Reiwa 5.
    pub fn wareki(&self, y: FiscalYear) -> String {
        self.calendar().wareki(y)
    }

    /// A date with its weekday: 令和5年11月20日（月）; November 20, 2023 (Mon).
    pub fn date(&self, d: Date) -> String {
        self.calendar().date(d)
    }

    /// 新規, 充実, 継続.
    pub fn project_status(&self, s: ProjectStatus) -> &'static str {
        s.label(self.lang)
    }

    /// 拡充, 継続, 見直し, 縮小, 廃止.
    pub fn outlook(&self, o: Outlook) -> &'static str {
        o.label(self.lang)
    }
}

/// The decimal a value is shown as: rounded half up to `decimals` when the indicator fixes
/// them, else as written without trailing zeros of the parser (SPEC §10).
pub fn shown(v: Decimal, decimals: Option<u32>) -> Decimal {
    match decimals {
        Some(d) => plain(round_half_up(v, d)),
        None => plain(v.normalize()),
    }
}

/// A zero is written without a sign: −0.0 reads as a fall that did not happen.
fn plain(mut v: Decimal) -> Decimal {
    if v.is_zero() {
        v.set_sign_positive(true);
    }
    v
}

/// A value for CSV and JSON: the digits a page shows, without grouping: `-1234.5`.
pub fn machine_figure(v: Decimal, decimals: Option<u32>) -> String {
    shown(v, decimals).to_string()
}

/// A rate for CSV and JSON: its digits with the decimals it was rounded to (`60.0`), none
/// when it has no number (the status column says why).
pub fn machine_rate(r: Rate) -> Option<String> {
    r.value().map(|v| plain(v).to_string())
}

/// 1234567.5 → 1,234,567.5.
fn group_thousands(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn ja() -> Formatter {
        Formatter::with(Lang::Ja, EraStyle::Both)
    }

    #[test]
    fn values_keep_their_digits_or_the_indicators_decimals() {
        let f = ja();
        assert_eq!(f.figure(d("7068"), Some(0)), "7,068");
        assert_eq!(f.figure(d("1234567.456"), Some(2)), "1,234,567.46");
        assert_eq!(f.figure(d("95"), Some(1)), "95.0");
        assert_eq!(f.figure(d("12.345"), None), "12.345");
        assert_eq!(f.figure(d("-20284"), None), "-20,284");
        assert_eq!(f.figure(d("-0.04"), Some(1)), "0.0");
        assert_eq!(f.amount(Some(d("2932266572410"))), "2,932,266,572,410");
        assert_eq!(f.amount(None), "—");
        assert_eq!(f.actual(None, Some(1)), "未集計");
        assert_eq!(machine_figure(d("95"), Some(1)), "95.0");
        assert_eq!(machine_figure(d("-1234.50"), None), "-1234.5");
        assert_eq!(machine_figure(d("2932266572410"), None), "2932266572410");
    }

    #[test]
    fn rates_read_the_same_for_people_and_machines() {
        let f = ja();
        assert_eq!(f.rate(Rate::Value(d("60.0"))), "60.0%");
        assert_eq!(
            machine_rate(Rate::Value(d("60.0"))).as_deref(),
            Some("60.0")
        );
        assert_eq!(f.rate(Rate::Value(d("1250.0"))), "1,250.0%");
        assert_eq!(f.rate(Rate::Met), "達成");
        assert_eq!(f.rate(Rate::NotMet), "未達成");
        assert_eq!(f.rate(Rate::NotCollected), "—");
        assert_eq!(f.rate_or_reason(Rate::NotCollected), "未集計");
        assert_eq!(f.rate_or_reason(Rate::NoTarget), "目標値なし");
        assert_eq!(f.rate_status(Rate::NoTarget), "目標値なし");
        assert_eq!(f.rate_status(Rate::Given(d("1"))), "公表値");
        assert_eq!(machine_rate(Rate::Met), None);
    }

    #[test]
    fn points_are_written_with_a_triangle_for_falls() {
        let f = ja();
        assert_eq!(f.points(d("-1.3")), "△1.3ポイント");
        assert_eq!(f.points(d("2.0")), "+2.0ポイント");
        assert_eq!(f.points(d("0.0")), "±0.0ポイント");
        let en = Formatter::with(Lang::En, EraStyle::Both);
        assert_eq!(en.points(d("-1.3")), "-1.3 pts");
    }

    #[test]
    fn years_per_language() {
        let y = FiscalYear(2023);
        assert_eq!(ja().year(y), "令和5年度（2023年度）");
        assert_eq!(ja().year_label(y), "令和5年度");
        assert_eq!(ja().year_short(y), "R5");
        let en = Formatter::with(Lang::En, EraStyle::Both);
        assert_eq!(en.year(y), "FY2023 (Reiwa 5)");
        assert_eq!(en.year(FiscalYear(2019)), "FY2019 (Reiwa 1)");
        assert_eq!(en.year_label(y), "FY2023");
        assert_eq!(en.year_short(y), "2023");
        assert_eq!(en.wareki(y), "Reiwa 5");
        assert_eq!(ja().wareki(y), "令和5年度");
    }

    #[test]
    fn statuses_per_language() {
        let en = Formatter::with(Lang::En, EraStyle::Both);
        assert_eq!(ja().project_status(ProjectStatus::Enhanced), "充実");
        assert_eq!(en.project_status(ProjectStatus::Enhanced), "Enhanced");
        assert_eq!(ja().outlook(Outlook::Review), "見直し");
        assert_eq!(en.outlook(Outlook::Review), "Review");
        assert_eq!(en.rate_status(Rate::NotCollected), "Not yet collected");
    }
}
