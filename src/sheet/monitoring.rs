//! Monitoring rows (SPEC §12): one per dataset × site measured in the year, keyed
//! `no2/honcho`, filled in like an indicator's row and read back into the year's
//! monitoring.yaml. A value is what §12 allows: a number as written (decimals kept), a
//! status of §10, 欠測, or a value below the limit (`<0.5`, ND) kept as typed. A value the
//! city qualified (`{ value: 3.4, meets: false, note: … }`) keeps its qualifiers: only the
//! value's (or the note's) text is replaced inside the mapping.

use super::import::{Line, Plan, Problem, Reason, What};
use super::read::Raw;
use super::template::Row;
use super::value::SheetValue;
use super::value::{reasons, sheet_status, status_word};
use super::yaml_edit::{Edit, set_in_flow_map};
use super::{Place, RowKey};
use crate::diag::{Lang, nearest};
use crate::era::FiscalYear;
use crate::figure::{Cell, Status};
use crate::model::Report;
use crate::monitoring::{Below, Monitoring, Standard, Value, parse_value};
use crate::new_year::yaml_str;
use crate::tr;

/// The template's monitoring rows for `year`: every dataset × site measured that year, in
/// page order, with the standard in force there and the value and note the year holds.
pub fn rows(report: &Report, year: FiscalYear) -> Vec<Row> {
    let lang = report.config.lang;
    let mon = &report.monitoring;
    let plan = lang.text().mon.page.title;
    mon.slots(year)
        .map(|(ds, site)| {
            let reading = mon.reading(year, &ds.id, &site.id);
            Row {
                key: RowKey::Monitoring {
                    dataset: ds.id.clone(),
                    site: site.id.clone(),
                },
                plan: plan.to_string(),
                goal: mon
                    .group(&ds.group)
                    .map_or_else(String::new, |g| g.name.clone()),
                name: tr!(
                    lang,
                    desk.monitoring_name,
                    item = ds.title,
                    site = site.name
                ),
                unit: ds.unit.clone(),
                target: ds
                    .standard_for(&site.id, year)
                    .and_then(|s| standard_text(s, lang))
                    .unwrap_or_default(),
                actual: reading
                    .map(|r| match r.value {
                        Value::Status(Status::NotCollected) => String::new(),
                        ref v => words(v),
                    })
                    .unwrap_or_default(),
                note: reading.and_then(|r| r.note.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// A standard as the 目標値 column shows it: 0.06以下, 7.5以上, 6.5～8.5 (the unit is in its
/// own column; ～ rather than 〜, which CP932 lacks).
fn standard_text(s: &Standard, lang: Lang) -> Option<String> {
    Some(match (s.min, s.max) {
        (Some(lo), Some(hi)) => tr!(lang, mon.words.standard_range, min = lo, max = hi),
        (None, Some(hi)) => tr!(lang, mon.words.standard_max, value = hi),
        (Some(lo), None) => tr!(lang, mon.words.standard_min, value = lo),
        (None, None) => return None,
    })
    .map(|t| t.replace('〜', "～"))
}

/// Why a monitoring row's ID is not one: no such dataset, or the dataset lists no such
/// site; with the nearest `dataset/site` there is.
pub fn unknown(dataset: &str, site: &str, mon: &Monitoring) -> Option<Problem> {
    if mon.dataset(dataset).is_some_and(|d| d.site(site).is_some()) {
        return None;
    }
    let id = RowKey::Monitoring {
        dataset: dataset.to_string(),
        site: site.to_string(),
    }
    .id();
    let all: Vec<String> = mon
        .datasets
        .iter()
        .flat_map(|d| {
            d.sites.iter().map(|s| {
                RowKey::Monitoring {
                    dataset: d.id.clone(),
                    site: s.site.clone(),
                }
                .id()
            })
        })
        .collect();
    Some(Problem::UnknownSlot {
        nearest: nearest(&id, all.iter().map(String::as_str)).map(str::to_string),
        id,
    })
}

/// A monitoring value as the report and the sheet show it: 0.030, <0.5, 欠測.
fn words(v: &Value) -> String {
    match v {
        Value::Number(d) => d.to_string(),
        Value::Below(b) => b.text.clone(),
        Value::Status(s) => status_word(*s),
    }
}

/// A monitoring value as monitoring.yaml is given it: `0.030`, `"<0.5"`, `欠測`, `null`.
fn yaml(v: &Value) -> String {
    match v {
        Value::Number(d) => d.to_string(),
        Value::Below(b) => format!("\"{}\"", b.text.replace('\\', "\\\\").replace('"', "\\\"")),
        Value::Status(Status::NotCollected) => "null".into(),
        Value::Status(s) => status_word(*s),
    }
}

/// The word a sheet may use for 欠測, in either language.
fn missing_word(typed: &str) -> bool {
    let t = super::layout::fold(typed);
    [Lang::Ja, Lang::En]
        .iter()
        .any(|l| super::layout::fold(l.text().desk.missing) == t)
}

/// A cell read as a monitoring value, and how it was read if not as typed.
fn read_value(cell: &Raw, lang: Lang) -> Result<(Value, Option<What>), Problem> {
    let Raw::Text(t) = cell else {
        // A number cell reads as an indicator's does (Excel's format); it is never a status.
        let (v, coerced) = super::value::read_value(cell, lang)?;
        return match v.cell {
            Cell::Value(d) => Ok((Value::Number(d), coerced)),
            Cell::Status(s) => Ok((Value::Status(s), coerced)),
        };
    };
    let typed = t.trim();
    let status = sheet_status(typed).or(missing_word(typed).then_some(Status::Missing));
    let value = match status {
        Some(s) => Value::Status(s),
        None => parse_value(typed).map_err(|error| Problem::Number {
            text: typed.to_string(),
            error,
        })?,
    };
    let (value, why) = match value {
        Value::Below(b) => {
            // Printed as written, but in half-width: ＜０．５ reads <0.5.
            let text = crate::era::normalize_width(&b.text).trim().to_string();
            let why = if text != typed {
                vec![Reason::Width]
            } else {
                vec![]
            };
            (Value::Below(Below { text, ..b }), why)
        }
        Value::Number(d) => (Value::Number(d), reasons(typed, &exact(Cell::Value(d)))),
        Value::Status(s) => (Value::Status(s), reasons(typed, &exact(Cell::Status(s)))),
    };
    let coerced = (!why.is_empty()).then(|| What::Coerced {
        from: typed.to_string(),
        to: words(&value),
        reasons: why,
    });
    Ok((value, coerced))
}

fn exact(cell: Cell) -> SheetValue {
    SheetValue::exact(cell)
}

/// A monitoring row's cells: the value's and the note's, where the sheet has those columns.
pub struct Cells<'a> {
    /// The 実績値 cell and its place.
    pub value: Option<(Option<&'a Raw>, Place)>,
    /// The 備考 cell and its place.
    pub note: Option<(Option<&'a Raw>, Place)>,
}

/// Plans a monitoring row: its value and note read, compared with what the year holds, and
/// the site's new text in monitoring.yaml. Returns whether it changes anything.
pub fn row(
    cells: Cells<'_>,
    (dataset, site): (&str, &str),
    report: &Report,
    year: FiscalYear,
    current: &super::Current,
    plan: &mut Plan,
) -> bool {
    let lang = report.config.lang;
    let id = format!("{dataset}{}{site}", super::SLOT_SEP);
    let reading = report.monitoring.reading(year, dataset, site);
    let line = |place: &Place, what| Line {
        place: place.clone(),
        id: Some(id.clone()),
        what,
    };
    let mut value = None;
    if let Some((Some(cell), place)) = &cells.value
        && !cell.is_blank()
    {
        match read_value(cell, lang) {
            Err(p) => plan.lines.push(line(place, What::Rejected(p))),
            Ok((v, coerced)) => {
                plan.lines.extend(coerced.map(|c| line(place, c)));
                let before = reading.map(|r| words(&r.value));
                if before.as_deref() != Some(words(&v).as_str()) {
                    plan.lines.push(line(
                        place,
                        What::Changed {
                            field: "actual",
                            from: before,
                            to: words(&v),
                        },
                    ));
                    value = Some(v);
                }
            }
        }
    }
    let note = cells.note.as_ref().and_then(|(cell, place)| {
        let text = cell.filter(|c| !c.is_blank())?.text().trim().to_string();
        let before = reading.and_then(|r| r.note.clone());
        (before.as_deref() != Some(text.as_str())).then(|| {
            let what = What::Changed {
                field: "note",
                from: before,
                to: text.clone(),
            };
            plan.lines.push(line(place, what));
            text
        })
    });
    if value.is_none() && note.is_none() {
        return false;
    }
    let written = current.monitoring.get(dataset).and_then(|s| s.get(site));
    match site_text(written.map(String::as_str), value.as_ref(), note.as_deref()) {
        Some(text) => plan.monitoring_edits.push(Edit {
            id: dataset.to_string(),
            field: site.to_string(),
            value: text,
            is_text: false,
        }),
        None => {
            let place = cells.value.or(cells.note).map(|(_, p)| p);
            plan.lines.extend(place.map(|p| {
                line(
                    &p,
                    What::Rejected(Problem::NotEditable {
                        dataset: dataset.to_string(),
                        site: site.to_string(),
                    }),
                )
            }));
        }
    }
    true
}

/// The site's new text in monitoring.yaml: a plain value, or the city's mapping with its
/// `value` or `note` replaced in place (`meets`, `judged` and the rest kept); a new note on
/// a plain value makes it `{ value: …, note: … }`. None when the mapping is not one line.
fn site_text(written: Option<&str>, value: Option<&Value>, note: Option<&str>) -> Option<String> {
    let note = note.map(|n| yaml_str(n, true));
    let written = written.filter(|w| *w != "null");
    if let Some(map) = written.filter(|w| w.starts_with('{')) {
        let mut text = map.to_string();
        if let Some(v) = value {
            text = set_in_flow_map(&text, "value", &yaml(v))?;
        }
        if let Some(n) = &note {
            text = set_in_flow_map(&text, "note", n)?;
        }
        return Some(text);
    }
    let v = value.map(yaml).or(written.map(str::to_string));
    Some(match (v, note) {
        (Some(v), None) => v,
        (Some(v), Some(n)) => format!("{{ value: {v}, note: {n} }}"),
        (None, Some(n)) => format!("{{ note: {n} }}"),
        (None, None) => "null".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(t: &str) -> Result<(Value, Option<What>), Problem> {
        read_value(&Raw::Text(t.into()), Lang::Ja)
    }

    #[test]
    fn values_of_section_12_read_as_written() {
        for (typed, yaml_text) in [
            ("0.030", "0.030"),
            ("０．０３０", "0.030"),
            ("1,234.5", "1234.5"),
            ("△0.5", "-0.5"),
            ("<0.5", "\"<0.5\""),
            ("＜０．５", "\"<0.5\""),
            ("ND", "\"ND\""),
            ("欠測", "欠測"),
            ("missing", "欠測"),
            ("－", "該当なし"),
            ("未集計", "null"),
        ] {
            let (v, _) = read(typed).unwrap();
            assert_eq!(yaml(&v), yaml_text, "{typed}");
        }
        assert!(read("約0.5").is_err());
        assert!(read("0.03ppm").is_err());
        assert!(read("39,5").is_err());
    }

    #[test]
    fn a_qualified_value_keeps_its_qualifiers() {
        let v = Value::Number("3.50".parse().unwrap());
        assert_eq!(
            site_text(Some("{ value: 3.4, meets: false }"), Some(&v), None).unwrap(),
            "{ value: 3.50, meets: false }"
        );
        assert_eq!(
            site_text(Some("3.4"), None, Some("少雨")).unwrap(),
            "{ value: 3.4, note: 少雨 }"
        );
        assert_eq!(site_text(None, Some(&v), None).unwrap(), "3.50");
        assert_eq!(
            site_text(Some("{ value: 1,\n x: 2 }"), Some(&v), None),
            None
        );
    }
}
