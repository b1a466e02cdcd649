//! `nenpo template`: the sheet staff fill in. One row per indicator active in the year, the
//! identifying columns locked and grey, the value and note columns open, the year written
//! in 和暦 and 西暦, and a dropdown of the statuses of SPEC §10 on the value column.

use std::borrow::Cow;

use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, IgnoreError, ProtectionOptions,
    Workbook, Worksheet, XlsxError,
};

use super::import::Current;
use super::layout::{Column, HEADING_ROW, YEAR_ROW};
use super::value::sheet_text;
use super::{RowKey, scalar_text};
use crate::diag::{Diagnostics, Lang};
use crate::era::{Calendar, EraStyle, FiscalYear};
use crate::evaluate::planned_targets;
use crate::model::Report;
use crate::tr;

/// One row of the sheet: what it sets and the text of each column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What the row sets.
    pub key: RowKey,
    /// The plan's short name.
    pub plan: String,
    /// The goal: its id and title.
    pub goal: String,
    /// The indicator's name.
    pub name: String,
    /// The unit.
    pub unit: String,
    /// The year's target as the file or the plan writes it; empty when there is none.
    pub target: String,
    /// The value the file holds now (empty when 未集計).
    pub actual: String,
    /// The note the file holds now.
    pub note: String,
}

impl Row {
    /// The text of a column.
    pub fn cell(&self, c: Column) -> Cow<'_, str> {
        Cow::Borrowed(match c {
            Column::Id => return Cow::Owned(self.key.id()),
            Column::Plan => &self.plan,
            Column::Goal => &self.goal,
            Column::Name => &self.name,
            Column::Unit => &self.unit,
            Column::Target => &self.target,
            Column::Actual => &self.actual,
            Column::Note => &self.note,
            Column::Year => "",
        })
    }
}

/// The rows for `year`: every indicator of a plan in force that year, in plan order, with
/// the target the evaluation plans for it (or the one actuals.yaml sets) and the value and
/// note the year's file holds; then every monitoring dataset × site measured that year.
pub fn rows(report: &Report, year: FiscalYear, current: &Current) -> Result<Vec<Row>, Diagnostics> {
    let planned = planned_targets(report, year)?;
    let targets = &current.target;
    let lang = report.config.lang;
    let fmt = crate::format::Formatter::for_report(report);
    let mut out = Vec::new();
    for (plan, goal, _, ind) in report.indicators() {
        // An indicator fed by monitoring data takes its actual from monitoring.yaml.
        if !(plan.period.0..=plan.period.1).contains(&year) || ind.from.is_some() {
            continue;
        }
        let target = match targets.get(&ind.id) {
            Some(t) => sheet_text(t, lang),
            None => planned
                .get(&ind.id)
                .and_then(Option::as_ref)
                .map(|t| planned_text(&fmt, t, ind))
                .unwrap_or_default(),
        };
        out.push(Row {
            key: RowKey::Indicator { id: ind.id.clone() },
            plan: plan.short_name().to_string(),
            goal: tr!(lang, desk.goal_cell, id = goal.id, title = goal.title),
            name: ind.name.clone(),
            unit: ind.unit.clone(),
            target,
            actual: current
                .actual
                .get(&ind.id)
                .map(|a| sheet_text(a, lang))
                .unwrap_or_default(),
            note: current
                .note
                .get(&ind.id)
                .map(|n| scalar_text(n))
                .unwrap_or_default(),
        });
    }
    out.extend(super::monitoring::rows(report, year));
    Ok(out)
}

/// A planned target as the sheet shows it: a plain number as a person would type it (22.0
/// with the indicator's decimals, never rounded), anything else as the plan words it
/// (約980, 1,075g以下, 増加, 100〜120).
fn planned_text(
    fmt: &crate::format::Formatter,
    t: &crate::evaluate::YearTarget,
    ind: &crate::model::Indicator,
) -> String {
    match &t.value {
        crate::evaluate::TargetValue::Number(n) if !n.approx && !ind.bound => {
            let mut v = n.value;
            if let Some(d) = ind.decimals
                && v.scale() < d
            {
                v.rescale(d);
            }
            v.to_string()
        }
        // ～ (U+FF5E) rather than 〜: Excel saves a CSV in CP932, which has no 〜.
        _ => fmt.target(t, ind).replace('〜', "～"),
    }
}

/// The lines above the headings: title, year, how to fill in, and how to fill in
/// monitoring rows when there are any (else a blank line).
fn head(rows: &[Row], title: &str, year: FiscalYear, lang: Lang) -> [Vec<String>; 4] {
    let d = &lang.text().desk;
    let year_label = Calendar::new(EraStyle::Both, lang).year(year);
    let monitoring = rows
        .iter()
        .any(|r| matches!(r.key, RowKey::Monitoring { .. }));
    [
        vec![tr!(lang, desk.sheet_title, title = title)],
        vec![d.col_year.to_string(), year_label],
        vec![tr!(
            lang,
            desk.sheet_help,
            statuses = d.statuses.join(lang.text().msg.list_sep)
        )],
        vec![if monitoring {
            tr!(lang, desk.sheet_help_monitoring, missing = d.missing)
        } else {
            String::new()
        }],
    ]
}

/// The template as CSV: UTF-8 with a BOM (so Excel opens it as UTF-8) and CRLF lines.
pub fn csv(rows: &[Row], title: &str, year: FiscalYear, lang: Lang) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut all: Vec<Vec<String>> = head(rows, title, year, lang).into_iter().collect();
    all.push(
        Column::TEMPLATE
            .iter()
            .map(|c| c.heading(lang).to_string())
            .collect(),
    );
    for r in rows {
        all.push(
            Column::TEMPLATE
                .iter()
                .map(|c| r.cell(*c).to_string())
                .collect(),
        );
    }
    for record in &all {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(record);
    }
    w.into_inner().unwrap_or_default()
}

/// The cell formats of the xlsx template.
struct Formats {
    title: Format,
    label: Format,
    heading: Format,
    locked: Format,
    locked_num: Format,
    open: Format,
    note: Format,
}

impl Formats {
    /// Grey and locked for what identifies a row; white, bordered and unlocked for what
    /// staff fill in. Every data cell is text (`@`), so that 60.30 typed stays 60.30.
    fn new() -> Formats {
        let border = FormatBorder::Thin;
        let locked = Format::new()
            .set_background_color(Color::RGB(0xEE_EE_EE))
            .set_font_color(Color::RGB(0x40_40_40))
            .set_border(border)
            .set_num_format("@");
        let open = Format::new()
            .set_unlocked()
            .set_border(border)
            .set_num_format("@");
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new().set_bold(),
            heading: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9_D9_D9))
                .set_border(border)
                .set_text_wrap(),
            locked_num: locked.clone().set_align(FormatAlign::Right),
            locked,
            note: open.clone().set_text_wrap(),
            open: open.set_align(FormatAlign::Right),
        }
    }
}

/// The template as an xlsx workbook.
pub fn xlsx(rows: &[Row], title: &str, year: FiscalYear, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let d = &lang.text().desk;
    let f = Formats::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(d.sheet_name)?;
    let [t, y, help, mon_help] = head(rows, title, year, lang);
    sheet.write_string_with_format(0, 0, &t[0], &f.title)?;
    sheet.write_string_with_format(YEAR_ROW as u32, 0, &y[0], &f.label)?;
    sheet.write_string_with_format(YEAR_ROW as u32, 1, &y[1], &f.label)?;
    sheet.write_string(2, 0, &help[0])?;
    if !mon_help[0].is_empty() {
        sheet.write_string(3, 0, &mon_help[0])?;
    }
    let head_row = HEADING_ROW as u32;
    for (c, col) in Column::TEMPLATE.iter().enumerate() {
        sheet.write_string_with_format(head_row, c as u16, col.heading(lang), &f.heading)?;
        sheet.set_column_width(c as u16, width(*col))?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = head_row + 1 + i as u32;
        for (c, col) in Column::TEMPLATE.iter().enumerate() {
            let format = match col {
                Column::Actual => &f.open,
                Column::Note => &f.note,
                Column::Target => &f.locked_num,
                _ => &f.locked,
            };
            sheet.write_string_with_format(row, c as u16, r.cell(*col), format)?;
        }
    }
    dropdowns(sheet, rows, lang)?;
    sheet.set_freeze_panes(head_row + 1, 1)?;
    // Locked without a password: it keeps the identifying columns from being typed over by
    // mistake, and anyone who needs to can lift it (校閲 → シート保護の解除).
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
    book.save_to_buffer()
}

/// The value column's dropdown of statuses: SPEC §10's for indicator rows, and 欠測 too for
/// the monitoring rows after them.
fn dropdowns(sheet: &mut Worksheet, rows: &[Row], lang: Lang) -> Result<(), XlsxError> {
    let d = &lang.text().desk;
    let col_of = |k: Column| Column::TEMPLATE.iter().position(|c| *c == k).unwrap_or(0) as u16;
    let first = HEADING_ROW as u32 + 1;
    let actual = col_of(Column::Actual);
    let indicators = rows
        .iter()
        .take_while(|r| matches!(r.key, RowKey::Indicator { .. }))
        .count() as u32;
    let mut with_missing: Vec<&str> = d.statuses.to_vec();
    with_missing.push(d.missing);
    let ranges = [
        (first, first + indicators, d.statuses.to_vec()),
        (first + indicators, first + rows.len() as u32, with_missing),
    ];
    for (from, to, words) in ranges {
        if from == to {
            continue;
        }
        let list = DataValidation::new()
            .allow_list_strings(&words)?
            .show_error_message(false)
            .set_input_title(d.dropdown_title)?
            .set_input_message(d.dropdown_message)?;
        sheet.add_data_validation(from, actual, to - 1, actual, &list)?;
    }
    if !rows.is_empty() {
        sheet.ignore_error_range(
            first,
            col_of(Column::Target),
            first + rows.len() as u32 - 1,
            actual,
            IgnoreError::NumberStoredAsText,
        )?;
    }
    Ok(())
}

fn width(c: Column) -> f64 {
    match c {
        Column::Id => 20.0,
        Column::Plan => 16.0,
        Column::Goal => 30.0,
        Column::Name => 40.0,
        Column::Unit => 8.0,
        Column::Target | Column::Actual => 12.0,
        Column::Note => 40.0,
        Column::Year => 12.0,
    }
}
