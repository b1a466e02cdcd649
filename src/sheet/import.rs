//! Reading a filled sheet against the report: which cells set which values, what had to
//! be read another way than typed, and what cannot be used. Nothing is written here; the
//! result is a [`Plan`] of edits and a line for every cell worth telling the editor about.

use std::collections::BTreeMap;

use super::layout::{Column, YearText, find_headings, years_in};
use super::read::{Grid, Raw, ReadError, Workbook};
use super::value::{read_value, read_written};
use super::yaml_edit::Edit;
use super::{Place, RowKey};
use crate::diag::Lang;
use crate::diag::nearest;
use crate::era::FiscalYear;
use crate::figure::{Cell, NumberError, Status};
use crate::model::Report;
use indexmap::IndexMap;

/// Why a value was read other than exactly as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Full-width digits or letters made ASCII.
    Width,
    /// Thousands commas dropped.
    Grouping,
    /// △, ▲ or − written as `-`.
    Negative,
    /// A symbol read as the status it stands for (－ → 該当なし).
    Status,
    /// An Excel number read as its number format shows it (60.3 in `0.00` → 60.30).
    Shown,
    /// A 和暦 year read as its 西暦.
    Era,
    /// Spaces around an ID or its `/` removed.
    Spaces,
}

/// Why a cell or the whole sheet was not used.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The ID `dataset/site` names no dataset, or a site its dataset does not list; the
    /// nearest one, if any is near.
    UnknownSlot {
        /// As typed.
        id: String,
        /// The nearest `dataset/site`.
        nearest: Option<String>,
    },
    /// The site's value in monitoring.yaml is written over several lines: not rewritten.
    NotEditable {
        /// The dataset.
        dataset: String,
        /// The site.
        site: String,
    },
    /// The id names no indicator; the nearest one, if any is near.
    UnknownId {
        /// As typed.
        id: String,
        /// The nearest indicator id.
        nearest: Option<String>,
    },
    /// Not a number or a status.
    Number {
        /// As typed.
        text: String,
        /// figure.rs's reason.
        error: NumberError,
    },
    /// The same id in another row too.
    Duplicate {
        /// The id.
        id: String,
        /// The other row.
        other: Place,
    },
    /// A row's 年度 cell names another year.
    RowYear(YearText),
    /// A value in a row without an id.
    NoId,
    /// A date where a number belongs (Excel turned 1-2 into a date).
    Date(String),
    /// A formula error (#DIV/0!) or TRUE/FALSE.
    NotAValue(String),
    /// 欠測 is for monitoring data only.
    MissingForIndicator,
}

/// What the sheet does to one cell.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// A value set: the field, what the file held (none: no such field), what it holds now.
    Changed {
        /// `actual` or `note`.
        field: &'static str,
        /// Before, as the file wrote it.
        from: Option<String>,
        /// After, as the editor reads it.
        to: String,
    },
    /// Read other than typed: what was typed, what it was read as, and why.
    Coerced {
        /// As typed.
        from: String,
        /// As read.
        to: String,
        /// Why.
        reasons: Vec<Reason>,
    },
    /// Not used.
    Rejected(Problem),
}

/// One line of the report: a cell, the row's id, and what happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The cell.
    pub place: Place,
    /// The row's id, where it has one.
    pub id: Option<String>,
    /// What happened.
    pub what: What,
}

/// Why nothing in the sheet can be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Fatal {
    /// The file is not a readable spreadsheet.
    Read(ReadError),
    /// No sheet has an ID and an 実績値 heading.
    NoHeadings,
    /// The sheet is for another year.
    Year {
        /// Where the year is written.
        place: Place,
        /// What is written there.
        found: YearText,
    },
}

/// What importing a sheet would do.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// The sheet read (none for CSV).
    pub sheet: Option<String>,
    /// Where the sheet names its year, when it does.
    pub year_at: Option<(Place, YearText)>,
    /// Every cell worth a line, in sheet order.
    pub lines: Vec<Line>,
    /// The values to set in actuals.yaml.
    pub edits: Vec<Edit>,
    /// The values to set in monitoring.yaml (dataset → site).
    pub monitoring_edits: Vec<Edit>,
    /// Indicator rows with a known id.
    pub indicator_rows: usize,
    /// Monitoring rows with a known dataset and site.
    pub monitoring_rows: usize,
    /// Rows whose values the file already holds.
    pub unchanged: usize,
    /// Why nothing can be used, if so.
    pub fatal: Option<Fatal>,
}

impl Plan {
    /// Cells that could not be used.
    pub fn rejected(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| matches!(l.what, What::Rejected(_)))
            .count()
    }
}

/// What the year's files hold now: each entry's `actual` and `note` as typed, and each
/// monitoring value.
#[derive(Debug, Clone, Default)]
pub struct Current {
    /// `actual` of each id, as written (`95.5`, `null`, `"1,234"`).
    pub actual: IndexMap<String, String>,
    /// `note` of each id, as written.
    pub note: IndexMap<String, String>,
    /// `target` of each id, as written.
    pub target: IndexMap<String, String>,
    /// monitoring.yaml: each dataset's sites and their values, as written (`0.030`,
    /// `{ value: 3.4, note: … }`).
    pub monitoring: IndexMap<String, IndexMap<String, String>>,
}

/// Plans the import of `book` into `year` of `report`.
pub fn plan(book: &Workbook, year: FiscalYear, report: &Report, current: &Current) -> Plan {
    let Some((grid, head, cols)) = book
        .grids
        .iter()
        .find_map(|g| find_headings(&g.rows).map(|(r, cols)| (g, r, cols)))
    else {
        return Plan {
            fatal: Some(Fatal::NoHeadings),
            ..Plan::default()
        };
    };
    let mut plan = Plan {
        sheet: grid.sheet.clone(),
        ..Plan::default()
    };
    let lang = report.config.lang;
    let col = |k: Column| cols.iter().find(|(c, _)| *c == k).map(|(_, i)| *i);
    if let Err(fatal) = sheet_year(grid, head, col(Column::Actual), year, &mut plan) {
        plan.fatal = Some(fatal);
        return plan;
    }
    let rows = keyed_rows(grid, head, col(Column::Id), report, &mut plan);
    for (r, key) in rows {
        let row = &grid.rows[r];
        let at = |c: usize| Place::new(grid.sheet.clone(), r, c);
        if let Some(c) = col(Column::Year)
            && let Some(bad) = row_year(row.get(c), year)
        {
            plan.lines.push(Line {
                place: at(c),
                id: Some(key.id()),
                what: What::Rejected(Problem::RowYear(bad)),
            });
            continue;
        }
        let cell = |k: Column| col(k).map(|c| (row.get(c), at(c)));
        let changed = match &key {
            RowKey::Indicator { id } => {
                plan.indicator_rows += 1;
                let mut changed = false;
                if let Some((raw, place)) = cell(Column::Actual) {
                    changed |= actual_cell(raw, place, id, current, lang, &mut plan);
                }
                if let Some((raw, place)) = cell(Column::Note) {
                    changed |= note_cell(raw, place, id, current, &mut plan);
                }
                changed
            }
            RowKey::Monitoring { dataset, site } => {
                plan.monitoring_rows += 1;
                let cells = super::monitoring::Cells {
                    value: cell(Column::Actual),
                    note: cell(Column::Note),
                };
                let key = (dataset.as_str(), site.as_str());
                super::monitoring::row(cells, key, report, year, current, &mut plan)
            }
        };
        if !changed {
            plan.unchanged += 1;
        }
    }
    // In sheet order, as the editor reads it; a cell's own lines keep their order.
    plan.lines.sort_by_key(|l| (l.place.row, l.place.col));
    plan
}

/// The sheet's year from the cells above the headings (and the 実績値 heading itself):
/// every year written there must be `year`.
fn sheet_year(
    grid: &Grid,
    head: usize,
    actual_col: Option<usize>,
    year: FiscalYear,
    plan: &mut Plan,
) -> Result<(), Fatal> {
    let mut cells: Vec<(usize, usize)> = Vec::new();
    for (r, row) in grid.rows.iter().enumerate().take(head) {
        cells.extend((0..row.len()).map(|c| (r, c)));
    }
    cells.extend(actual_col.map(|c| (head, c)));
    for (r, c) in cells {
        let Some(Raw::Text(t)) = grid.rows[r].get(c) else {
            continue;
        };
        for found in years_in(t) {
            let place = Place::new(grid.sheet.clone(), r, c);
            if found.year != year {
                return Err(Fatal::Year { place, found });
            }
            if plan.year_at.is_none() {
                if found.is_era() {
                    plan.lines.push(Line {
                        place: place.clone(),
                        id: None,
                        what: What::Coerced {
                            from: found.written.clone(),
                            to: found.year.0.to_string(),
                            reasons: vec![Reason::Era],
                        },
                    });
                }
                plan.year_at = Some((place, found));
            }
        }
    }
    Ok(())
}

/// A row's 年度 cell, when it names another year than `year`.
fn row_year(cell: Option<&Raw>, year: FiscalYear) -> Option<YearText> {
    let text = cell.map(Raw::text).unwrap_or_default();
    let found = years_in(&text);
    found.into_iter().find(|y| y.year != year)
}

/// The data rows with an id the report knows, once each: unknown ids, values without an
/// id and duplicated ids get a line instead.
fn keyed_rows(
    grid: &Grid,
    head: usize,
    id_col: Option<usize>,
    report: &Report,
    plan: &mut Plan,
) -> Vec<(usize, RowKey)> {
    let id_col = id_col.unwrap_or(0);
    let mut seen: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut order = Vec::new();
    for (r, row) in grid.rows.iter().enumerate().skip(head + 1) {
        if row.iter().all(Raw::is_blank) {
            continue;
        }
        let typed = row.get(id_col).map(Raw::text).unwrap_or_default();
        let id = crate::era::normalize_width(typed.trim()).trim().to_string();
        let place = Place::new(grid.sheet.clone(), r, id_col);
        if id.is_empty() {
            // A heading or a total row has no id and nothing to import.
            if has_value(grid, head, row) {
                plan.lines.push(Line {
                    place,
                    id: None,
                    what: What::Rejected(Problem::NoId),
                });
            }
            continue;
        }
        let key = RowKey::parse(&id);
        if let Some(problem) = unknown(&key, report) {
            plan.lines.push(Line {
                place,
                id: Some(id),
                what: What::Rejected(problem),
            });
            continue;
        }
        let id = key.id();
        if id != typed {
            let narrow = crate::era::normalize_width(&typed);
            let reasons = [
                (narrow != typed, Reason::Width),
                (narrow != id, Reason::Spaces),
            ];
            plan.lines.push(Line {
                place,
                id: Some(id.clone()),
                what: What::Coerced {
                    from: typed.clone(),
                    to: id.clone(),
                    reasons: reasons.into_iter().filter(|r| r.0).map(|r| r.1).collect(),
                },
            });
        }
        seen.entry(id).or_default().push(r);
        order.push((r, key));
    }
    let mut out = Vec::new();
    for (r, key) in order {
        let id = key.id();
        let rows = &seen[&id];
        if rows.len() > 1 {
            let other = *rows.iter().find(|o| **o != r).unwrap_or(&r);
            plan.lines.push(Line {
                place: Place::new(grid.sheet.clone(), r, id_col),
                id: Some(id.clone()),
                what: What::Rejected(Problem::Duplicate {
                    id,
                    other: Place::new(grid.sheet.clone(), other, id_col),
                }),
            });
        } else {
            out.push((r, key));
        }
    }
    out
}

/// Why a row's key names nothing in the report, if it does not.
fn unknown(key: &RowKey, report: &Report) -> Option<Problem> {
    match key {
        RowKey::Indicator { id } => {
            let ids: Vec<&str> = report
                .indicators()
                .map(|(_, _, _, i)| i.id.as_str())
                .collect();
            (!ids.contains(&id.as_str())).then(|| Problem::UnknownId {
                id: id.clone(),
                nearest: nearest(id, ids).map(str::to_string),
            })
        }
        RowKey::Monitoring { dataset, site } => {
            super::monitoring::unknown(dataset, site, &report.monitoring)
        }
    }
}

/// Whether a row has anything in the columns staff fill in.
fn has_value(grid: &Grid, head: usize, row: &[Raw]) -> bool {
    grid.rows[head].iter().enumerate().any(|(c, h)| {
        super::layout::column_of(&h.text()).is_some_and(Column::editable)
            && row.get(c).is_some_and(|v| !v.is_blank())
    })
}

/// A value cell: read, compared with the file, and planned. Returns whether it changes.
fn actual_cell(
    cell: Option<&Raw>,
    place: Place,
    id: &str,
    current: &Current,
    lang: Lang,
    plan: &mut Plan,
) -> bool {
    let line = |what| Line {
        place: place.clone(),
        id: Some(id.to_string()),
        what,
    };
    let read = match cell {
        None | Some(Raw::Empty) => return false,
        Some(c) if c.is_blank() => return false,
        Some(c) => read_value(c, lang),
    };
    let (value, coerced) = match read {
        Ok(v) => v,
        Err(p) => {
            plan.lines.push(line(What::Rejected(p)));
            return false;
        }
    };
    if let Some(c) = coerced {
        plan.lines.push(line(c));
    }
    if value.cell == Cell::Status(Status::Missing) {
        plan.lines
            .push(line(What::Rejected(Problem::MissingForIndicator)));
        return false;
    }
    let before = current.actual.get(id);
    if before
        .and_then(|b| read_written(b))
        .is_some_and(|b| b.same(&value))
    {
        return false;
    }
    plan.lines.push(line(What::Changed {
        field: "actual",
        from: before.map(|b| shown_text(b, lang)),
        to: value.words(lang),
    }));
    plan.edits.push(Edit {
        id: id.to_string(),
        field: "actual".into(),
        value: value.yaml(),
        is_text: false,
    });
    true
}

/// The file's text as the editor reads it: quotes dropped, null as 未集計, 約480.
fn shown_text(written: &str, lang: Lang) -> String {
    match read_written(written) {
        Some(v) => v.words(lang),
        None => super::scalar_text(written),
    }
}

/// A note cell: set when it holds text that differs from the file's note.
fn note_cell(
    cell: Option<&Raw>,
    place: Place,
    id: &str,
    current: &Current,
    plan: &mut Plan,
) -> bool {
    let Some(cell) = cell.filter(|c| !c.is_blank()) else {
        return false;
    };
    let text = cell.text().trim().to_string();
    let before = current.note.get(id).map(|n| super::scalar_text(n));
    if before.as_deref() == Some(text.as_str()) {
        return false;
    }
    plan.lines.push(Line {
        place,
        id: Some(id.to_string()),
        what: What::Changed {
            field: "note",
            from: before,
            to: text.clone(),
        },
    });
    plan.edits.push(Edit {
        id: id.to_string(),
        field: "note".into(),
        value: text,
        is_text: true,
    });
    true
}
