//! The import's report for the editor: where the sheet came from, its year, a line for
//! every cell changed, read another way than typed, or not used (with Excel's cell name),
//! a count, and what was written.

use std::fmt::Write as _;

use super::import::{Fatal, Line, Problem, Reason, What};
use super::read::{Encoding, Kind, ReadError};
use super::{Imported, Outcome};
use crate::diag::Lang;
use crate::era::{Calendar, EraStyle};
use crate::tr;

/// The whole report, `source` naming the file read.
pub fn render(done: &Imported, source: &str) -> String {
    let lang = done.lang;
    let d = &lang.text().desk;
    let cal = Calendar::new(EraStyle::Both, lang);
    let mut out = String::new();
    if let Some(kind) = done.kind {
        let mut what = kind_words(kind, lang);
        if let Some(s) = &done.plan.sheet {
            what.push_str(lang.text().msg.list_sep);
            what.push_str(&tr!(lang, desk.sheet, name = s));
        }
        let _ = writeln!(
            out,
            "{}",
            tr!(lang, desk.read_from, file = source, kind = what)
        );
    }
    if let Some(fatal) = &done.plan.fatal {
        let _ = writeln!(out, "{}", fatal_words(fatal, done, lang));
        let _ = writeln!(out, "{}", d.outcome_unusable);
        return out;
    }
    let year = cal.year_label(done.year);
    match &done.plan.year_at {
        Some((place, y)) => {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    desk.year_found,
                    year = year,
                    cell = place,
                    written = y.written
                )
            );
        }
        None => {
            let _ = writeln!(out, "{}", tr!(lang, desk.year_none, year = year));
        }
    }
    for line in &done.plan.lines {
        let _ = writeln!(out, "{}", line_words(line, lang));
    }
    let count = |f: fn(&What) -> bool| done.plan.lines.iter().filter(|l| f(&l.what)).count();
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            desk.summary,
            changed = count(|w| matches!(w, What::Changed { .. })),
            coerced = count(|w| matches!(w, What::Coerced { .. })),
            rejected = count(|w| matches!(w, What::Rejected(_))),
            unchanged = done.plan.unchanged
        )
    );
    out.push_str(&outcome_words(done, lang));
    out
}

fn outcome_words(done: &Imported, lang: Lang) -> String {
    let d = &lang.text().desk;
    let file = done.files.join(lang.text().msg.list_sep);
    match &done.outcome {
        Outcome::Written => format!("{}\n", tr!(lang, desk.outcome_written, file = file)),
        Outcome::DryRun => format!("{}\n", d.outcome_dry_run),
        Outcome::NothingToChange => {
            format!("{}\n", tr!(lang, desk.outcome_nothing, file = file))
        }
        Outcome::Refused => format!("{}\n", d.outcome_refused),
        Outcome::Unusable => format!("{}\n", d.outcome_unusable),
        Outcome::CheckFailed(f) => format!(
            "{}{}\n",
            f.diagnostics.render(f.lang, false),
            d.outcome_check
        ),
    }
}

/// 「Excel ブック（xlsx）」, 「CSV（Shift_JIS（CP932））」.
pub fn kind_words(kind: Kind, lang: Lang) -> String {
    let d = &lang.text().desk;
    match kind {
        Kind::Xlsx => d.kind_xlsx.into(),
        Kind::Xls => d.kind_xls.into(),
        Kind::Ods => d.kind_ods.into(),
        Kind::Csv(e) => tr!(
            lang,
            desk.kind_csv,
            encoding = match e {
                Encoding::Utf8 => d.enc_utf8,
                Encoding::Utf8Bom => d.enc_utf8_bom,
                Encoding::Utf16 => d.enc_utf16,
                Encoding::ShiftJis => d.enc_sjis,
            }
        ),
    }
}

fn fatal_words(fatal: &Fatal, done: &Imported, lang: Lang) -> String {
    let d = &lang.text().desk;
    let cal = Calendar::new(EraStyle::Both, lang);
    match fatal {
        Fatal::Read(ReadError::Empty) => d.read_empty.into(),
        Fatal::Read(ReadError::Password) => d.read_password.into(),
        Fatal::Read(ReadError::Corrupt(e)) => tr!(lang, desk.read_corrupt, error = e),
        Fatal::Read(ReadError::NotASpreadsheet) => d.read_not_sheet.into(),
        Fatal::NoHeadings => tr!(lang, desk.no_headings, id = d.col_id, actual = d.col_actual),
        Fatal::Year { place, found } => tr!(
            lang,
            desk.wrong_year,
            found = cal.year_label(found.year),
            cell = place,
            written = found.written,
            year = cal.year_label(done.year),
            n = done.year.0
        ),
    }
}

/// One cell's line: its tag, the cell, the row's id and what happened.
fn line_words(line: &Line, lang: Lang) -> String {
    let d = &lang.text().desk;
    let (tag, text) = match &line.what {
        What::Changed { field, from, to } => {
            let field = if *field == "note" {
                d.col_note
            } else {
                d.col_actual
            };
            let to = status_in(to, lang);
            let text = match from {
                Some(f) => tr!(
                    lang,
                    desk.changed,
                    field = field,
                    from = status_in(f, lang),
                    to = to
                ),
                None => tr!(lang, desk.added, field = field, to = to),
            };
            (d.tag_changed, text)
        }
        What::Coerced { from, to, reasons } => {
            let why: Vec<&str> = reasons.iter().map(|r| reason_words(*r, lang)).collect();
            let why = why.join(lang.text().msg.list_sep);
            let to = status_in(to, lang);
            (
                d.tag_coerced,
                tr!(lang, desk.coerced, from = from, to = to, why = why),
            )
        }
        What::Rejected(p) => (d.tag_rejected, problem_words(p, lang)),
    };
    let id = line.id.as_deref().unwrap_or("-");
    format!("  {tag}  {}  {id}  {text}", line.place)
}

/// A status word of the plan (SPEC §10's Japanese, as actuals.yaml and monitoring.yaml
/// get it) in the report's language; anything else as it is.
fn status_in(word: &str, lang: Lang) -> &str {
    let ja = &Lang::Ja.text().desk;
    if word == ja.missing {
        return lang.text().desk.missing;
    }
    match ja.statuses.iter().position(|w| *w == word) {
        Some(i) => lang.text().desk.statuses[i],
        None => word,
    }
}

fn reason_words(r: Reason, lang: Lang) -> &'static str {
    let d = &lang.text().desk;
    match r {
        Reason::Width => d.reason_width,
        Reason::Grouping => d.reason_grouping,
        Reason::Negative => d.reason_negative,
        Reason::Status => d.reason_status,
        Reason::Shown => d.reason_shown,
        Reason::Era => d.reason_era,
        Reason::Spaces => d.reason_spaces,
    }
}

/// Why a cell was not used, and what would be right.
pub fn problem_words(p: &Problem, lang: Lang) -> String {
    let d = &lang.text().desk;
    let cal = Calendar::new(EraStyle::Both, lang);
    match p {
        Problem::UnknownId {
            id,
            nearest: Some(n),
        } => {
            tr!(lang, desk.unknown_id_near, id = id, near = n)
        }
        Problem::UnknownId { id, nearest: None } => tr!(lang, desk.unknown_id, id = id),
        Problem::UnknownSlot {
            id,
            nearest: Some(n),
        } => tr!(lang, desk.unknown_slot_near, id = id, near = n),
        Problem::UnknownSlot { id, nearest: None } => tr!(lang, desk.unknown_slot, id = id),
        Problem::NotEditable { dataset, site } => tr!(
            lang,
            desk.with_hint,
            message = tr!(lang, desk.not_editable, id = dataset, field = site),
            hint = tr!(lang, desk.not_editable_hint, field = site)
        ),
        Problem::Number { text, error } => tr!(
            lang,
            desk.with_hint,
            message = error.message(text, lang),
            hint = error.hint(text, lang)
        ),
        Problem::Duplicate { id, other } => {
            tr!(lang, desk.duplicate, id = id, other = other.a1())
        }
        Problem::RowYear(y) => tr!(
            lang,
            desk.row_year,
            year = cal.year_label(y.year),
            written = y.written
        ),
        Problem::NoId => d.no_id.into(),
        Problem::Date(t) => tr!(lang, desk.date_cell, text = t),
        Problem::NotAValue(t) => tr!(lang, desk.not_a_value, text = t),
        Problem::MissingForIndicator => d.missing_for_indicator.into(),
    }
}
