//! The layout of the sheet, shared by the template and the import: its columns, the words
//! of its headings in both languages, and where a year is written.
//!
//! The import does not rely on the template's exact places. It looks for the heading row
//! (a cell reading ID and one reading 実績値, in either language), takes the columns by
//! their headings, and reads the year from the cells above the headings or from a 年度
//! column, so a sheet a department made itself, with its own title rows and columns in
//! its own order, reads as well as the template.

use crate::diag::Lang;
use crate::era::FiscalYear;

use super::read::Raw;

/// A column of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// The row's key: an indicator id (later also a monitoring dataset and site).
    Id,
    /// The plan (read-only).
    Plan,
    /// The goal (read-only).
    Goal,
    /// The indicator's name (read-only).
    Name,
    /// The unit (read-only).
    Unit,
    /// The year's target (read-only: targets are set in the plan or actuals.yaml).
    Target,
    /// The value for the year: a number or a status.
    Actual,
    /// A note shown beside the value (`note:`).
    Note,
    /// A row's fiscal year, in sheets that give one per row.
    Year,
}

impl Column {
    /// The template's columns, in order.
    pub const TEMPLATE: [Column; 8] = [
        Column::Id,
        Column::Plan,
        Column::Goal,
        Column::Name,
        Column::Unit,
        Column::Target,
        Column::Actual,
        Column::Note,
    ];

    /// The heading of the column in `lang`.
    pub fn heading(self, lang: Lang) -> &'static str {
        let d = &lang.text().desk;
        match self {
            Column::Id => d.col_id,
            Column::Plan => d.col_plan,
            Column::Goal => d.col_goal,
            Column::Name => d.col_name,
            Column::Unit => d.col_unit,
            Column::Target => d.col_target,
            Column::Actual => d.col_actual,
            Column::Note => d.col_note,
            Column::Year => d.col_year,
        }
    }

    /// Whether staff fill this column in (unlocked in the template).
    pub fn editable(self) -> bool {
        matches!(self, Column::Actual | Column::Note)
    }

    const ALL: [Column; 9] = [
        Column::Id,
        Column::Plan,
        Column::Goal,
        Column::Name,
        Column::Unit,
        Column::Target,
        Column::Actual,
        Column::Note,
        Column::Year,
    ];
}

/// The template's rows before the data: title, year, instructions, a blank row, headings.
pub const HEADING_ROW: usize = 4;
/// The row holding the year label and the year, and their columns.
pub const YEAR_ROW: usize = 1;

/// Text folded for comparing headings and ids: full-width ASCII to half width, spaces
/// (ideographic too) removed at both ends, ASCII letters lower-cased.
pub fn fold(text: &str) -> String {
    crate::era::normalize_width(text)
        .replace('\u{3000}', " ")
        .trim()
        .to_ascii_lowercase()
}

/// Which column a heading names, in either language: exactly, or a heading that starts
/// with the word and adds a note in brackets (「実績値（令和5年度）」).
pub fn column_of(heading: &str) -> Option<Column> {
    let h = fold(heading);
    if h.is_empty() {
        return None;
    }
    let words = |c: Column| [Lang::Ja, Lang::En].map(|l| fold(c.heading(l)));
    if let Some(c) = Column::ALL.into_iter().find(|c| words(*c).contains(&h)) {
        return Some(c);
    }
    Column::ALL.into_iter().find(|c| {
        words(*c).iter().any(|w| {
            h.strip_prefix(w.as_str())
                .is_some_and(|rest| rest.trim_start().starts_with(['(', '（', '[', '【']))
        })
    })
}

/// The heading row: the first row (of the first 30) with an ID and an 実績値 heading; the
/// columns it names, first one wins.
pub fn find_headings(rows: &[Vec<Raw>]) -> Option<(usize, Vec<(Column, usize)>)> {
    for (r, row) in rows.iter().enumerate().take(30) {
        let mut cols: Vec<(Column, usize)> = Vec::new();
        for (c, cell) in row.iter().enumerate() {
            if let Some(col) = column_of(&cell.text())
                && !cols.iter().any(|(k, _)| *k == col)
            {
                cols.push((col, c));
            }
        }
        let has = |k: Column| cols.iter().any(|(c, _)| *c == k);
        if has(Column::Id) && has(Column::Actual) {
            return Some((r, cols));
        }
    }
    None
}

/// A fiscal year found in a cell's text, and the text it was found as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearText {
    /// The year.
    pub year: FiscalYear,
    /// What was written: 令和5年度, R5, 2023年度.
    pub written: String,
}

impl YearText {
    /// Whether it is written in an era (令和5年度, R5) rather than as 西暦.
    pub fn is_era(&self) -> bool {
        !self.written.starts_with(|c: char| c.is_ascii_digit()) && !self.written.starts_with("FY")
    }
}

/// The fiscal years written in a text: 2023, 2023年度, 令和5年度, R5, Ｒ５, H29, 令和元年度,
/// and the 西暦 in brackets beside a 和暦 (「令和5年度（2023年度）」). A whole-cell number
/// counts when it is a plausible year; inside longer text a year needs 年 after it or an era
/// before it, so that 「第3期」 or a count is not taken for a year. Ranges (2019～2028年度)
/// name a period, not the sheet's year, and are skipped.
pub fn years_in(text: &str) -> Vec<YearText> {
    let t = crate::era::normalize_width(text);
    let t = t.trim();
    if let Some(y) = FiscalYear::parse(t)
        && (1900..=2200).contains(&y.0)
    {
        return vec![YearText {
            year: y,
            written: t.to_string(),
        }];
    }
    let chars: Vec<char> = t.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match year_at(&chars, i) {
            Some((len, y)) => {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + len).copied();
                let range = |c: Option<char>| matches!(c, Some('〜' | '～' | '~' | '-' | '－'));
                if !range(before) && !range(after) {
                    out.push(YearText {
                        year: y,
                        written: chars[i..i + len].iter().collect(),
                    });
                }
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// A year starting at `chars[i]`: its length in characters and its value.
fn year_at(chars: &[char], i: usize) -> Option<(usize, FiscalYear)> {
    let rest: String = chars[i..].iter().collect();
    let eras = ["FY", "令和", "平成", "昭和", "R", "H", "S", "r", "h", "s"];
    let era = eras.iter().find(|e| rest.starts_with(**e));
    // An ASCII letter inside a word (FY, ID) is not an era.
    if era.is_some_and(|e| e.is_ascii()) && i > 0 && chars[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    let start = era.map_or(0, |e| e.chars().count());
    let digits: String = chars[i + start..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == '元')
        .collect();
    if digits.is_empty() || (i > 0 && era.is_none() && chars[i - 1].is_ascii_digit()) {
        return None;
    }
    let mut len = start + digits.chars().count();
    let suffix: String = chars[i + len..].iter().take(2).collect();
    let has_nen = suffix.starts_with('年');
    if suffix.starts_with("年度") {
        len += 2;
    } else if has_nen {
        len += 1;
    }
    if era.is_none() && (!has_nen || digits.len() != 4) {
        return None;
    }
    let written: String = chars[i..i + len].iter().collect();
    FiscalYear::parse(&written).map(|y| (len, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(t: &str) -> Vec<i32> {
        years_in(t).into_iter().map(|y| y.year.0).collect()
    }

    #[test]
    fn years_as_staff_write_them() {
        assert_eq!(years("2023"), [2023]);
        assert_eq!(years("2023年度"), [2023]);
        assert_eq!(years("R5"), [2023]);
        assert_eq!(years("Ｒ５"), [2023]);
        assert_eq!(years("令和元年度"), [2019]);
        assert_eq!(years("令和5年度（2023年度）"), [2023, 2023]);
        assert_eq!(years("令和5年度 実績値入力シート"), [2023]);
        assert_eq!(years("FY2023 (Reiwa 5)"), [2023]);
        assert_eq!(years("H29年度実績"), [2017]);
    }

    #[test]
    fn counts_periods_and_ids_are_not_years() {
        assert_eq!(years("第3期計画"), Vec::<i32>::new());
        assert_eq!(years("計画期間 2019～2028年度"), Vec::<i32>::new());
        assert_eq!(years("50"), Vec::<i32>::new());
        assert_eq!(years("CH4排出量"), Vec::<i32>::new());
    }

    #[test]
    fn headings_in_either_language_and_with_a_note() {
        assert_eq!(column_of("ID"), Some(Column::Id));
        assert_eq!(column_of("ＩＤ"), Some(Column::Id));
        assert_eq!(column_of("実績値"), Some(Column::Actual));
        assert_eq!(column_of("実績値（令和5年度）"), Some(Column::Actual));
        assert_eq!(column_of("Actual"), Some(Column::Actual));
        assert_eq!(column_of("目標値"), Some(Column::Target));
        assert_eq!(column_of("目標"), Some(Column::Goal));
        assert_eq!(column_of("実績"), None);
    }
}
