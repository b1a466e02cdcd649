//! Fiscal years, Japanese eras and dates: how editors may write them and how pages show them.

use std::fmt;

use serde::Deserialize;

use crate::i18n::{Lang, fill};

/// A Japanese fiscal year (年度), April to March, named by the 西暦 year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(pub i32);

/// How years are shown on pages (`era` in book.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EraStyle {
    /// 令和5年度（2023年度）
    #[default]
    Both,
    /// 令和5年度
    Wareki,
    /// 2023年度
    Seireki,
}

/// The eras nenpo knows, newest first: name, Latin initial, first 西暦 year of the era as
/// used for fiscal years, and the first day of the era for calendar dates.
type Era = (&'static str, char, i32, (i32, u32, u32));

const ERAS: &[Era] = &[
    ("令和", 'R', 2019, (2019, 5, 1)),
    ("平成", 'H', 1989, (1989, 1, 8)),
    ("昭和", 'S', 1926, (1926, 12, 25)),
    ("大正", 'T', 1912, (1912, 7, 30)),
    ("明治", 'M', 1868, (1868, 1, 25)),
];

impl FiscalYear {
    /// The era name and the year within it. Fiscal year 2019 is 令和元年度, not 平成31年度:
    /// the fiscal year takes the era that was in force for most of it, as cities write it.
    pub fn era(self) -> (&'static str, i32) {
        match self.era_index() {
            Some((i, n)) => (ERAS[i].0, n),
            None => ("", self.0),
        }
    }

    /// The era's place in [`ERAS`] and the year within it.
    fn era_index(self) -> Option<(usize, i32)> {
        ERAS.iter()
            .position(|e| self.0 >= e.2)
            .map(|i| (i, self.0 - ERAS[i].2 + 1))
    }

    /// 令和5年度, 令和元年度.
    pub fn wareki(self) -> String {
        Calendar::JA.wareki(self)
    }

    /// 2023年度.
    pub fn seireki(self) -> String {
        Calendar::JA.seireki(self)
    }

    /// The year as a Japanese report's `era` style asks for; [`Calendar::year`] in any language.
    pub fn display(self, style: EraStyle) -> String {
        Calendar::new(style, Lang::Ja).year(self)
    }

    /// The year in a Japanese report's running text; [`Calendar::year_label`] in any language.
    pub fn label(self, style: EraStyle) -> String {
        Calendar::new(style, Lang::Ja).year_label(self)
    }

    /// A short label for chart axes in a Japanese report; [`Calendar::year_short`] in any
    /// language.
    pub fn short(self, style: EraStyle) -> String {
        Calendar::new(style, Lang::Ja).year_short(self)
    }

    /// Parses what an editor may type for a fiscal year: `2023`, `2023年度`, `令和5年度`,
    /// `令和元年度`, `R5`, `H29`, full-width digits, and a plan's never-held `平成32年度` (= 2020),
    /// which plans written before 2019 still name as their target year.
    pub fn parse(text: &str) -> Option<FiscalYear> {
        let s = normalize_width(text.trim());
        let s = s.trim_end_matches("年度").trim_end_matches('年').trim();
        let s = s.strip_prefix("FY").unwrap_or(s).trim();
        if let Ok(y) = s.parse::<i32>() {
            return (1868..=2200).contains(&y).then_some(FiscalYear(y));
        }
        for &(name, initial, first, _) in ERAS {
            let rest = s
                .strip_prefix(name)
                .or_else(|| s.strip_prefix(initial))
                .or_else(|| s.strip_prefix(initial.to_ascii_lowercase()));
            if let Some(rest) = rest {
                let rest = rest.trim().trim_start_matches('.');
                let n = if rest == "元" {
                    1
                } else {
                    rest.parse::<i32>().ok()?
                };
                if !(1..=99).contains(&n) {
                    return None;
                }
                return Some(FiscalYear(first + n - 1));
            }
        }
        None
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> Deserialize<'de> for FiscalYear {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = FiscalYear;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a fiscal year")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<FiscalYear, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<FiscalYear, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FiscalYear, E> {
                FiscalYear::parse(v).ok_or_else(|| {
                    E::invalid_value(serde::de::Unexpected::Str(v), &"a fiscal year")
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// Folds full-width ASCII (０-９, Ａ-Ｚ, ．) to half width, as editors paste from Word or Excel.
pub fn normalize_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// A calendar date, as meetings and publication dates carry it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// 西暦 year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, 1–31.
    pub day: u32,
}

impl Date {
    /// A date if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Parses `2023-11-20`, `2023/11/20`, `2023年11月20日` and `令和5年11月20日` (also `令和元年`).
    pub fn parse(text: &str) -> Option<Date> {
        let s = normalize_width(text.trim());
        let parts: Vec<&str> = s
            .split(['-', '/', '年', '月', '日'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() != 3 {
            return None;
        }
        let year = match parts[0].parse::<i32>() {
            Ok(y) => y,
            Err(_) => calendar_year_from_era(parts[0])?,
        };
        Date::new(year, parts[1].parse().ok()?, parts[2].parse().ok()?)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for weekdays and ordering.
    fn days_from_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// 月, 火 … for the date.
    pub fn weekday(self) -> &'static str {
        Lang::Ja.text().cal.weekdays[self.weekday_index()]
    }

    /// Monday = 0.
    fn weekday_index(self) -> usize {
        // 1970-01-01 was a Thursday (index 3).
        (self.days_from_epoch() + 3).rem_euclid(7) as usize
    }

    /// The fiscal year the date falls in (April to March).
    pub fn fiscal_year(self) -> FiscalYear {
        FiscalYear(if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        })
    }

    /// 令和5年11月20日（月）: the era of the day itself, so 2019-04-30 is 平成31年.
    pub fn wareki_with_weekday(self) -> String {
        Calendar::JA.date(self)
    }

    /// 令和5年11月20日.
    pub fn wareki(self) -> String {
        Calendar::JA.date_words(self, EraStyle::Wareki)
    }

    /// 2023年11月20日.
    pub fn seireki(self) -> String {
        Calendar::JA.date_words(self, EraStyle::Seireki)
    }

    /// The date with its weekday as a Japanese report's `era` style asks for;
    /// [`Calendar::date`] in any language.
    pub fn display(self, style: EraStyle) -> String {
        Calendar::new(style, Lang::Ja).date(self)
    }

    /// The era of the day itself and the year within it.
    fn era_index(self) -> Option<(usize, i32)> {
        let key = (self.year, self.month, self.day);
        ERAS.iter()
            .position(|e| key >= e.3)
            .map(|i| (i, self.year - ERAS[i].3.0 + 1))
    }

    /// 2023-11-20, for machine-readable attributes.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How a report writes years and dates: its `era` style, in its language.
///
/// Japanese: 令和5年度（2023年度）, 令和5年11月20日（月）. English: FY2023 (Reiwa 5), and
/// dates by the Western calendar, November 20, 2023 (Mon), which English readers know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    /// `era` in book.toml.
    pub style: EraStyle,
    /// `language` in book.toml.
    pub lang: Lang,
}

impl Calendar {
    /// Japanese with both 和暦 and 西暦.
    pub const JA: Calendar = Calendar {
        style: EraStyle::Both,
        lang: Lang::Ja,
    };

    /// A report's way of writing years and dates.
    pub fn new(style: EraStyle, lang: Lang) -> Calendar {
        Calendar { style, lang }
    }

    fn words(self) -> &'static crate::i18n::CalendarWords {
        &self.lang.text().cal
    }

    /// The year by era: 令和5年度, 令和元年度; Reiwa 5.
    pub fn wareki(self, y: FiscalYear) -> String {
        let w = self.words();
        match y.era_index() {
            Some((i, n)) => fill(
                w.fy_wareki,
                &[("era", &w.eras[i]), ("n", &self.era_year(n))],
            ),
            None => self.seireki(y),
        }
    }

    /// The year by 西暦: 2023年度; FY2023.
    pub fn seireki(self, y: FiscalYear) -> String {
        fill(self.words().fy_seireki, &[("year", &y.0)])
    }

    /// The year as `era` asks for: 令和5年度（2023年度）; FY2023 (Reiwa 5).
    pub fn year(self, y: FiscalYear) -> String {
        match self.style {
            EraStyle::Both => fill(
                self.words().fy_both,
                &[("wareki", &self.wareki(y)), ("seireki", &self.seireki(y))],
            ),
            EraStyle::Wareki => self.wareki(y),
            EraStyle::Seireki => self.seireki(y),
        }
    }

    /// The year in running text and titles: 令和5年度 (2023年度 for `seireki`). English
    /// uses FY2023 unless the report asks for the era alone.
    pub fn year_label(self, y: FiscalYear) -> String {
        match (self.style, self.lang) {
            (EraStyle::Seireki, _) | (EraStyle::Both, Lang::En) => self.seireki(y),
            _ => self.wareki(y),
        }
    }

    /// A short label for chart axes and tight table headers: R5 or 2023.
    pub fn year_short(self, y: FiscalYear) -> String {
        match (self.style, self.lang) {
            (EraStyle::Seireki, _) | (EraStyle::Both, Lang::En) => y.0.to_string(),
            _ => match y.era_index() {
                Some((i, n)) => format!("{}{n}", ERAS[i].1),
                None => y.0.to_string(),
            },
        }
    }

    /// A date with its weekday: 令和5年11月20日（月）; November 20, 2023 (Mon).
    pub fn date(self, d: Date) -> String {
        fill(
            self.words().date_weekday,
            &[
                ("date", &self.date_words(d, self.style)),
                ("weekday", &self.words().weekdays[d.weekday_index()]),
            ],
        )
    }

    /// A date without its weekday, by era or by 西暦 as `style` says.
    fn date_words(self, d: Date, style: EraStyle) -> String {
        let w = self.words();
        let era = match style {
            EraStyle::Seireki => None,
            _ => d.era_index(),
        };
        let (pattern, era_name, n) = match era {
            Some((i, n)) => (w.date_wareki, w.eras[i], self.era_year(n)),
            None => (w.date_seireki, "", String::new()),
        };
        fill(
            pattern,
            &[
                ("era", &era_name),
                ("n", &n),
                ("year", &d.year),
                ("month", &d.month),
                ("month_name", &w.months[d.month as usize - 1]),
                ("day", &d.day),
            ],
        )
    }

    /// 元 for the first year of an era in Japanese.
    fn era_year(self, n: i32) -> String {
        if n == 1 {
            self.words().first_year.to_string()
        } else {
            n.to_string()
        }
    }
}

fn calendar_year_from_era(s: &str) -> Option<i32> {
    for &(name, initial, _, start) in ERAS {
        if let Some(rest) = s.strip_prefix(name).or_else(|| s.strip_prefix(initial)) {
            let n = if rest == "元" { 1 } else { rest.parse().ok()? };
            return Some(start.0 + n - 1);
        }
    }
    None
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &"a date"))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn era_boundary_for_fiscal_years() {
        assert_eq!(FiscalYear(2018).wareki(), "平成30年度");
        assert_eq!(FiscalYear(2019).wareki(), "令和元年度");
        assert_eq!(FiscalYear(2020).wareki(), "令和2年度");
        assert_eq!(FiscalYear(1989).wareki(), "平成元年度");
        assert_eq!(FiscalYear(1988).wareki(), "昭和63年度");
    }

    #[test]
    fn display_styles() {
        let y = FiscalYear(2023);
        assert_eq!(y.display(EraStyle::Both), "令和5年度（2023年度）");
        assert_eq!(y.display(EraStyle::Wareki), "令和5年度");
        assert_eq!(y.display(EraStyle::Seireki), "2023年度");
        assert_eq!(y.short(EraStyle::Both), "R5");
        assert_eq!(FiscalYear(2019).short(EraStyle::Wareki), "R1");
        assert_eq!(y.short(EraStyle::Seireki), "2023");
    }

    #[test]
    fn english_years_and_dates() {
        let en = |style| Calendar::new(style, Lang::En);
        let y = FiscalYear(2023);
        assert_eq!(en(EraStyle::Both).year(y), "FY2023 (Reiwa 5)");
        assert_eq!(en(EraStyle::Seireki).year(y), "FY2023");
        assert_eq!(en(EraStyle::Wareki).year(y), "Reiwa 5");
        assert_eq!(
            en(EraStyle::Both).year(FiscalYear(2019)),
            "FY2019 (Reiwa 1)"
        );
        assert_eq!(
            en(EraStyle::Both).year(FiscalYear(2018)),
            "FY2018 (Heisei 30)"
        );
        assert_eq!(en(EraStyle::Both).year_label(y), "FY2023");
        assert_eq!(en(EraStyle::Wareki).year_label(y), "Reiwa 5");
        assert_eq!(en(EraStyle::Both).year_short(y), "2023");
        assert_eq!(en(EraStyle::Wareki).year_short(y), "R5");
        let d = Date::parse("2018-11-16").unwrap();
        assert_eq!(en(EraStyle::Both).date(d), "November 16, 2018 (Fri)");
        assert_eq!(en(EraStyle::Wareki).date(d), "November 16, 2018 (Fri)");
        assert_eq!(
            Calendar::new(EraStyle::Seireki, Lang::Ja).date(d),
            "2018年11月16日（金）"
        );
    }

    #[test]
    fn the_catalogue_names_the_eras_in_the_order_of_the_table() {
        let names: Vec<&str> = ERAS.iter().map(|e| e.0).collect();
        assert_eq!(names, Lang::Ja.text().cal.eras);
        assert_eq!(Lang::En.text().cal.eras.len(), ERAS.len());
    }

    #[test]
    fn every_alias_form_parses() {
        for (text, year) in [
            ("2023", 2023),
            ("2023年度", 2023),
            ("令和5年度", 2023),
            ("令和５年度", 2023),
            ("令和元年度", 2019),
            ("R5", 2023),
            ("r5", 2023),
            ("Ｒ５", 2023),
            ("R05", 2023),
            ("H29", 2017),
            ("平成29年度", 2017),
            ("平成32年度", 2020),
            ("H31", 2019),
            ("平成元年度", 1989),
            ("S63", 1988),
            ("FY2024", 2024),
        ] {
            assert_eq!(FiscalYear::parse(text), Some(FiscalYear(year)), "{text}");
        }
        for bad in ["", "令和", "X5", "20233", "令和0年度", "約2023", "R100"] {
            assert_eq!(FiscalYear::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_show_the_era_of_the_day_and_the_weekday() {
        let d = Date::parse("2023-11-20").unwrap();
        assert_eq!(d.wareki_with_weekday(), "令和5年11月20日（月）");
        assert_eq!(
            Date::parse("2018-11-16").unwrap().wareki_with_weekday(),
            "平成30年11月16日（金）"
        );
        assert_eq!(
            Date::parse("2019-04-30").unwrap().wareki(),
            "平成31年4月30日"
        );
        assert_eq!(
            Date::parse("2019-05-01").unwrap().wareki(),
            "令和元年5月1日"
        );
        assert_eq!(
            Date::parse("令和5年11月20日"),
            Some(Date::new(2023, 11, 20).unwrap())
        );
        assert_eq!(Date::parse("2023/2/29"), None);
        assert_eq!(Date::parse("2024/2/29").unwrap().weekday(), "木");
        assert_eq!(
            Date::parse("2024-03-31").unwrap().fiscal_year(),
            FiscalYear(2023)
        );
        assert_eq!(
            Date::parse("2024-04-01").unwrap().fiscal_year(),
            FiscalYear(2024)
        );
    }
}
