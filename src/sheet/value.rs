//! A value of actuals.yaml as a sheet cell holds it, and back; and a cell as staff typed it
//! read as a value, with why it was read other than as typed.
//!
//! A cell has no room for YAML's `approx: true`, so the sheet writes an approximate value as
//! the city prints it, 約480, and reads 約480 back as `{ value: 480, approx: true }`. Every
//! other form is SPEC §10's grammar (src/figure.rs): numbers as written (60.30 stays 60.30),
//! statuses as their words (該当なし, 不明, 秘匿; 未集計 is `null`).

use indexmap::IndexMap;
use serde_saphyr::Spanned;

use super::import::{Problem, Reason, What};
use super::number::as_shown;
use super::read::Raw;
use crate::diag::Lang;
use crate::figure::{Cell, NumberError, Status, parse_cell};

/// A value: a number or a status, and whether it is approximate (約).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetValue {
    /// The number or the status.
    pub cell: Cell,
    /// Printed 約480.
    pub approx: bool,
}

impl SheetValue {
    /// An exact number or a status.
    pub fn exact(cell: Cell) -> SheetValue {
        SheetValue {
            cell,
            approx: false,
        }
    }

    /// What actuals.yaml is given: `480`, `{ value: 480, approx: true }`, `該当なし`, `null`.
    pub fn yaml(&self) -> String {
        match self.cell {
            Cell::Value(d) if self.approx => format!("{{ value: {d}, approx: true }}"),
            Cell::Value(d) => d.to_string(),
            Cell::Status(Status::NotCollected) => "null".into(),
            Cell::Status(s) => status_word(s),
        }
    }

    /// As the sheet and the import report show it: 480, 約480 (approx. 480 in English),
    /// 該当なし, 未集計.
    pub fn words(&self, lang: Lang) -> String {
        match self.cell {
            Cell::Value(d) if self.approx => crate::tr!(lang, fig.approx, value = d),
            Cell::Value(d) => d.to_string(),
            Cell::Status(s) => status_word(s),
        }
    }

    /// Whether `other` prints the same: the same number with the same decimals (60.3 and
    /// 60.30 print differently) and the same 約, or the same status.
    pub fn same(&self, other: &SheetValue) -> bool {
        match (self.cell, other.cell) {
            (Cell::Value(a), Cell::Value(b)) => {
                a.to_string() == b.to_string() && self.approx == other.approx
            }
            (a, b) => a == b,
        }
    }
}

/// A cell's text by SPEC §10's grammar, with a leading 約 read as approximate.
pub fn parse_sheet_text(typed: &str) -> Result<SheetValue, NumberError> {
    let (approx, rest) = crate::figure::strip_approx(typed);
    if !approx {
        return parse_cell(typed).map(SheetValue::exact);
    }
    match parse_cell(rest.trim_start()) {
        // 「約該当なし」 means nothing: refuse it as the grammar refuses 約 on a status.
        Ok(Cell::Status(_)) => parse_cell(typed).map(SheetValue::exact),
        // What is wrong is in the digits (約39,5): say that.
        Err(e) => Err(e),
        Ok(cell) => Ok(SheetValue { cell, approx: true }),
    }
}

/// What actuals.yaml holds as written (`60.30`, `"1,234"`, `null`, `該当なし`,
/// `{ value: 480, approx: true }`); none when it is not a value nenpo reads.
pub fn read_written(written: &str) -> Option<SheetValue> {
    let text = super::scalar_text(written);
    if matches!(text.as_str(), "null" | "~" | "") {
        return Some(SheetValue::exact(Cell::Status(Status::NotCollected)));
    }
    if !text.starts_with('{') {
        return parse_cell(&text).ok().map(SheetValue::exact);
    }
    let map: IndexMap<String, Spanned<serde::de::IgnoredAny>> =
        serde_saphyr::from_str(&text).ok()?;
    let field = |name: &str| -> Option<String> {
        let s = map.get(name)?.referenced.span();
        let start = usize::try_from(s.byte_offset()?).ok()?;
        let len = usize::try_from(s.byte_len()?).ok()?;
        Some(super::scalar_text(text.get(start..start + len)?))
    };
    let cell = parse_cell(&field("value")?).ok()?;
    let approx = match field("approx").as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => return None,
    };
    Some(SheetValue { cell, approx })
}

/// A value of actuals.yaml as a sheet cell shows it: 約480 for an approximate one, blank
/// for `null` (未集計), the text as written otherwise.
pub fn sheet_text(written: &str, lang: Lang) -> String {
    let t = super::scalar_text(written);
    if matches!(t.as_str(), "null" | "~") {
        return String::new();
    }
    if !t.starts_with('{') {
        return t;
    }
    read_written(&t).map_or(t, |v| v.words(lang))
}

/// The word actuals.yaml is given for a status (SPEC §10's words, not symbols, so the file
/// reads plainly).
pub fn status_word(s: Status) -> String {
    match s {
        Status::NotCollected => "未集計",
        Status::NotApplicable => "該当なし",
        Status::Unknown => "不明",
        Status::Withheld => "秘匿",
        Status::Missing => "欠測",
    }
    .to_string()
}

/// A cell read as a number or a status, and how it was read if not as typed.
pub fn read_value(cell: &Raw, lang: Lang) -> Result<(SheetValue, Option<What>), Problem> {
    match cell {
        Raw::Text(t) => {
            let typed = t.trim();
            let value = match sheet_status(typed) {
                Some(s) => SheetValue::exact(Cell::Status(s)),
                None => parse_sheet_text(typed).map_err(|error| Problem::Number {
                    text: typed.to_string(),
                    error,
                })?,
            };
            let reasons = reasons(typed, &value);
            let coerced = (!reasons.is_empty()).then(|| What::Coerced {
                from: typed.to_string(),
                to: value.words(lang),
                reasons,
            });
            Ok((value, coerced))
        }
        Raw::Number { text, format } => {
            let (d, changed) = as_shown(text, format.as_deref())
                .ok_or_else(|| Problem::NotAValue(text.clone()))?;
            let coerced = changed.then(|| What::Coerced {
                from: text.clone(),
                to: d.to_string(),
                reasons: vec![Reason::Shown],
            });
            Ok((SheetValue::exact(Cell::Value(d)), coerced))
        }
        Raw::Date(t) => Err(Problem::Date(t.clone())),
        Raw::Error(t) => Err(Problem::NotAValue(t.clone())),
        Raw::Bool(_) => Err(Problem::NotAValue(cell.text())),
        Raw::Empty => Err(Problem::Number {
            text: String::new(),
            error: NumberError::Empty,
        }),
    }
}

/// A status as the template's dropdown offers it, in either language (the Japanese words
/// are SPEC §10's own; the English ones are read here only).
pub fn sheet_status(typed: &str) -> Option<Status> {
    let t = super::layout::fold(typed);
    let order = [
        Status::NotCollected,
        Status::NotApplicable,
        Status::Unknown,
        Status::Withheld,
    ];
    [crate::diag::Lang::Ja, crate::diag::Lang::En]
        .iter()
        .find_map(|l| {
            let words = &l.text().desk.statuses;
            words.iter().position(|w| super::layout::fold(w) == t)
        })
        .map(|i| order[i])
}

/// Why `typed` reads as `value` rather than as written.
pub fn reasons(typed: &str, value: &SheetValue) -> Vec<Reason> {
    let mut out = Vec::new();
    match &value.cell {
        Cell::Status(s) => {
            if typed != status_word(*s) {
                out.push(Reason::Status);
            }
        }
        Cell::Value(_) => {
            let narrow = crate::era::normalize_width(typed);
            if narrow != typed {
                out.push(Reason::Width);
            }
            if narrow.contains([',', '，']) {
                out.push(Reason::Grouping);
            }
            if narrow.starts_with(['△', '▲', '−']) {
                out.push(Reason::Negative);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn n(s: &str) -> Cell {
        Cell::Value(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn an_approximate_value_reads_and_writes_as_the_city_prints_it() {
        let v = parse_sheet_text("約480").unwrap();
        assert_eq!(
            v,
            SheetValue {
                cell: n("480"),
                approx: true
            }
        );
        assert_eq!(v.yaml(), "{ value: 480, approx: true }");
        assert_eq!(v.words(Lang::Ja), "約480");
        assert_eq!(v.words(Lang::En), "approx. 480");
        assert_eq!(parse_sheet_text("approx. 480").unwrap(), v);
        let v = parse_sheet_text("約 1,234.50").unwrap();
        assert_eq!(v.yaml(), "{ value: 1234.50, approx: true }");
        assert_eq!(
            read_written("{ value: 480, approx: true }"),
            Some(SheetValue {
                cell: n("480"),
                approx: true
            })
        );
        assert_eq!(
            sheet_text("{ value: 60.30, approx: true }", Lang::Ja),
            "約60.30"
        );
        assert_eq!(sheet_text("{ value: 60.30 }", Lang::Ja), "60.30");
    }

    #[test]
    fn what_約_cannot_qualify_is_refused() {
        assert!(parse_sheet_text("約該当なし").is_err());
        assert!(parse_sheet_text("約").is_err());
        assert!(parse_sheet_text("約50件").is_err());
        assert!(parse_sheet_text("約39,5").is_err());
    }

    #[test]
    fn statuses_are_written_as_their_words() {
        for (typed, yaml) in [
            ("－", "該当なし"),
            ("該当なし", "該当なし"),
            ("…", "不明"),
            ("不明", "不明"),
            ("x", "秘匿"),
            ("秘匿", "秘匿"),
            ("未集計", "null"),
        ] {
            assert_eq!(parse_sheet_text(typed).unwrap().yaml(), yaml, "{typed}");
        }
        assert_eq!(sheet_text("null", Lang::Ja), "");
        assert_eq!(sheet_text("該当なし", Lang::Ja), "該当なし");
        assert_eq!(sheet_text("\"1,234\"", Lang::Ja), "1,234");
    }

    #[test]
    fn sameness_keeps_decimals_and_約_apart() {
        let a = parse_sheet_text("60.3").unwrap();
        let b = parse_sheet_text("60.30").unwrap();
        let c = parse_sheet_text("約60.3").unwrap();
        assert!(!a.same(&b));
        assert!(!a.same(&c));
        assert!(c.same(&read_written("{ value: 60.3, approx: true }").unwrap()));
    }
}
