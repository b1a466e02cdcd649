//! 環境の現況 as words: every monitoring value, status, standard, judgement mark and summary
//! sentence pages, charts and open data show is spelt here, from the catalogue
//! ([`crate::i18n::monitoring`]) and the report's [`Formatter`]. Statuses are spelt by one
//! function, [`Spell::status_symbol`].

pub mod charts;
pub mod data;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diag::Lang;
use crate::evaluate::{ItemSummary, Judged, Judgement};
use crate::figure::Status;
use crate::format::{Formatter, machine_figure};
use crate::i18n::monitoring::MonitoringWords;
use crate::monitoring::{Counter, Standard, Value};
use crate::tr;

/// Spells monitoring figures and words in a report's language.
#[derive(Debug, Clone)]
pub struct Spell {
    /// The report's language.
    pub lang: Lang,
    /// The report's formatter.
    pub fmt: Formatter,
}

/// A judgement mark in a cell: ○, ×, －.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MarkView {
    /// The symbol.
    pub symbol: String,
    /// What it means, for screen readers.
    pub label: String,
    /// `judge-ok`, `judge-ng`, `judge-na`.
    pub class: String,
    /// The city's published judgement, not the rule's.
    pub given: Option<String>,
}

/// The index of a status in the catalogue's arrays.
fn status_index(s: Status) -> usize {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

impl Spell {
    /// The spelling of a report.
    pub fn new(lang: Lang, fmt: Formatter) -> Spell {
        Spell { lang, fmt }
    }

    fn words(&self) -> &'static MonitoringWords {
        &self.lang.text().mon.words
    }

    /// The symbol a status prints as: the status's own symbol in Japanese (未集計, －, …,
    /// x, 欠測), English words in English. Every status on the monitoring pages, charts
    /// and data files is spelt here.
    pub fn status_symbol(&self, s: Status) -> &'static str {
        match self.lang {
            Lang::Ja => s.default_symbol(),
            Lang::En => self.words().status_symbols[status_index(s)],
        }
    }

    /// A status in a sentence: 欠測, 該当なし.
    pub fn status_name(&self, s: Status) -> &'static str {
        self.words().status_names[status_index(s)]
    }

    /// What a status means, for the legend.
    pub fn status_meaning(&self, s: Status) -> &'static str {
        self.words().status_meanings[status_index(s)]
    }

    /// A number with the dataset's decimals, else as written (0.030 stays 0.030).
    pub fn number(&self, v: Decimal, decimals: Option<u32>) -> String {
        self.fmt.figure(v, Some(decimals.unwrap_or(v.scale())))
    }

    /// A value as printed: a number, a value below the limit as written, a status symbol.
    pub fn value(&self, v: &Value, decimals: Option<u32>) -> String {
        match v {
            Value::Number(n) => self.number(*n, decimals),
            Value::Below(b) => b.text.clone(),
            Value::Status(s) => self.status_symbol(*s).to_string(),
        }
    }

    /// A standard as a short phrase with the unit: 0.06ppm以下, 7.5mg/L以上, 6.5〜8.5;
    /// none for a standard without a limit.
    pub fn standard(&self, s: &Standard, unit: &str) -> Option<String> {
        let v = |d: Decimal| format!("{}{unit}", self.number(d, None));
        Some(match (s.min, s.max) {
            (Some(lo), Some(hi)) => tr!(
                self.lang,
                mon.words.standard_range,
                min = self.number(lo, None),
                max = v(hi)
            ),
            (None, Some(hi)) => tr!(self.lang, mon.words.standard_max, value = v(hi)),
            (Some(lo), None) => tr!(self.lang, mon.words.standard_min, value = v(lo)),
            (None, None) => return None,
        })
    }

    /// 局, 地点 (station, stations …).
    pub fn counter(&self, c: Counter, n: usize) -> &'static str {
        let [one, many] = match c {
            Counter::Station => self.words().station,
            Counter::Site => self.words().site,
        };
        if n == 1 { one } else { many }
    }

    /// The summary sentence of an item in a year: 「二酸化窒素（NO2）は、3局中3局で環境基準を
    /// 達成しました。」 and what was not counted.
    pub fn summary(&self, item: &str, s: &ItemSummary, c: Counter) -> String {
        let lang = self.lang;
        let main = if !s.has_standard {
            tr!(lang, mon.words.summary_no_standard, item = item)
        } else if s.total() == 0 {
            tr!(lang, mon.words.summary_none_judged, item = item)
        } else {
            tr!(
                lang,
                mon.words.summary,
                item = item,
                met = s.met,
                total = s.total(),
                counter = self.counter(c, s.total())
            )
        };
        match self.others(s, c) {
            Some(o) => format!("{main}{o}"),
            None => main,
        }
    }

    /// The short form for a table cell: 3局中3局で達成.
    pub fn summary_short(&self, s: &ItemSummary, c: Counter) -> String {
        if !s.has_standard {
            return self.words().no_standard.to_string();
        }
        tr!(
            self.lang,
            mon.words.summary_short,
            met = s.met,
            total = s.total(),
            counter = self.counter(c, s.total())
        )
    }

    /// 「このほか、1局は欠測です。」: readings the count leaves out.
    pub fn others(&self, s: &ItemSummary, c: Counter) -> Option<String> {
        if s.others.is_empty() {
            return None;
        }
        let items: Vec<String> = s
            .others
            .iter()
            .map(|(j, n)| {
                let what = match j {
                    Judgement::NotJudged => self.words().not_judged,
                    Judgement::Undetermined => self.words().undetermined,
                    Judgement::NoValue(st) => self.status_name(*st),
                    _ => "",
                };
                tr!(
                    self.lang,
                    mon.words.summary_other,
                    count = n,
                    counter = self.counter(c, *n),
                    what = what
                )
            })
            .collect();
        let list = items.join(self.lang.text().msg.list_sep);
        Some(tr!(self.lang, mon.words.summary_others, list = list))
    }

    /// The mark of a judged reading; none for a status or an item without a standard.
    pub fn mark(&self, j: &Judged) -> Option<MarkView> {
        let words = self.words();
        let [ok, ng, na, given] = words.marks;
        let (symbol, label, class) = match j.judgement {
            Judgement::Meets => (ok, words.meets, "judge-ok"),
            Judgement::Fails => (ng, words.fails, "judge-ng"),
            Judgement::NotJudged => (na, words.not_judged, "judge-na"),
            Judgement::Undetermined => (na, words.undetermined, "judge-na"),
            Judgement::NoValue(_) | Judgement::NoStandard => return None,
        };
        Some(MarkView {
            symbol: symbol.into(),
            label: label.into(),
            class: class.into(),
            given: j.given.then(|| given.to_string()),
        })
    }

    /// The judgement in open data: 適合, 不適合, 評価対象外, 判定不能, 基準なし; none for a
    /// status.
    pub fn judgement_word(&self, j: Judgement) -> Option<&'static str> {
        let [meets, fails, not_judged, undetermined, none] = self.words().judgements;
        Some(match j {
            Judgement::Meets => meets,
            Judgement::Fails => fails,
            Judgement::NotJudged => not_judged,
            Judgement::Undetermined => undetermined,
            Judgement::NoStandard => none,
            Judgement::NoValue(_) => return None,
        })
    }
}

/// A value for CSV and JSON: the digits a page shows, none for a value that is not a number.
pub fn machine_value(v: &Value, decimals: Option<u32>) -> Option<String> {
    v.number()
        .map(|n| machine_figure(n, Some(decimals.unwrap_or(n.scale()))))
}

/// A limit for CSV and JSON, as written.
pub fn machine_limit(v: Decimal) -> String {
    machine_figure(v, Some(v.scale()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::era::EraStyle;

    fn ja() -> Spell {
        Spell::new(Lang::Ja, Formatter::with(Lang::Ja, EraStyle::Both))
    }

    fn summary(met: usize, failed: usize, others: Vec<(Judgement, usize)>) -> ItemSummary {
        ItemSummary {
            met,
            failed,
            others,
            has_standard: true,
        }
    }

    #[test]
    fn summary_sentences_count_what_was_judged() {
        let s = ja();
        assert_eq!(
            s.summary(
                "二酸化窒素（NO2）",
                &summary(5, 0, vec![]),
                Counter::Station
            ),
            "二酸化窒素（NO2）は、5局中5局で環境基準を達成しました。"
        );
        assert_eq!(
            s.summary(
                "BOD",
                &summary(
                    5,
                    3,
                    vec![
                        (Judgement::NotJudged, 1),
                        (Judgement::NoValue(Status::Missing), 2)
                    ]
                ),
                Counter::Site
            ),
            "BODは、8地点中5地点で環境基準を達成しました。このほか、1地点は評価の対象外、2地点は欠測です。"
        );
        assert_eq!(
            s.summary_short(&summary(0, 2, vec![]), Counter::Station),
            "2局中0局で達成"
        );
        let none = ItemSummary {
            has_standard: false,
            ..ItemSummary::default()
        };
        assert_eq!(
            s.summary("一酸化窒素", &none, Counter::Station),
            "一酸化窒素には環境基準が定められていません。"
        );
        let en = Spell::new(Lang::En, Formatter::with(Lang::En, EraStyle::Both));
        assert_eq!(
            en.summary("NO2", &summary(1, 0, vec![]), Counter::Station),
            "NO2: the environmental standard was met at 1 of 1 station."
        );
        assert_eq!(
            en.summary_short(&summary(2, 1, vec![]), Counter::Site),
            "met at 2 of 3 sites"
        );
    }

    #[test]
    fn values_and_standards_are_spelt_as_written() {
        let s = ja();
        let v = crate::monitoring::parse_value("0.030").unwrap();
        assert_eq!(s.value(&v, None), "0.030");
        assert_eq!(s.value(&v, Some(2)), "0.03");
        let b = crate::monitoring::parse_value("＜0.5").unwrap();
        assert_eq!(s.value(&b, Some(1)), "＜0.5");
        assert_eq!(machine_value(&b, Some(1)), None);
        assert_eq!(machine_value(&v, None).as_deref(), Some("0.030"));
        let m = crate::monitoring::parse_value("欠測").unwrap();
        assert_eq!(s.value(&m, None), "欠測");
        let range = Standard {
            min: Some("6.5".parse().unwrap()),
            max: Some("8.5".parse().unwrap()),
            text: None,
        };
        assert_eq!(s.standard(&range, "").as_deref(), Some("6.5〜8.5"));
        let max = Standard {
            max: Some("0.06".parse().unwrap()),
            ..Standard::default()
        };
        assert_eq!(s.standard(&max, "ppm").as_deref(), Some("0.06ppm以下"));
    }
}
