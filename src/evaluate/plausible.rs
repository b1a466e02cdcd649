//! Plausibility warnings (SPEC §10): figures that are allowed but rarely right — a rate above
//! 300 % or below zero, a running total that falls, a value ten times away from the year
//! before, projects in a year no plan covers, a year published with the template's sample
//! text or without a date. `check` prints them and exits 0 unless `--strict`.

use rust_decimal::Decimal;

use super::{Evaluation, IndicatorYear, Rate};
use crate::diag::{Diagnostic, Diagnostics, Lang};
use crate::format::Formatter;
use crate::model::{Indicator, IndicatorKind, Pos, Report, Year};
use crate::tr;

/// Rates beyond this many percent are worth a second look.
const RATE_HIGH: i64 = 300;

/// Every plausibility warning of an evaluated report.
pub fn plausibility(report: &Report, ev: &Evaluation) -> Diagnostics {
    let mut out = Diagnostics::default();
    let f = Formatter::new(&report.config);
    for (_, _, _, ind) in report.indicators() {
        let years = ev.indicator_years(&ind.id);
        for (i, r) in years.iter().enumerate() {
            let Some(year) = report.year(r.year) else {
                continue;
            };
            let prev = i
                .checked_sub(1)
                .and_then(|p| years.get(p))
                .filter(|p| p.year.0 + 1 == r.year.0);
            for w in indicator_warnings(&f, ind, r, prev, report.config.lang) {
                out.push(at_entry(year, ind, w));
            }
        }
    }
    for year in &report.years {
        year_warnings(report, year, &mut out);
    }
    out
}

/// A warning's message and hint, before it has a place.
type Warning = (String, &'static str);

fn indicator_warnings(
    f: &Formatter,
    ind: &Indicator,
    r: &IndicatorYear,
    prev: Option<&IndicatorYear>,
    lang: Lang,
) -> Vec<Warning> {
    let m = &lang.text().content;
    let mut out = Vec::new();
    if let Rate::Value(v) = r.rate {
        if v > Decimal::from(RATE_HIGH) {
            let rate = f.percent(v);
            out.push((
                tr!(lang, content.warn_rate_high, rate = rate),
                m.warn_rate_hint,
            ));
        } else if v.is_sign_negative() && !v.is_zero() {
            let rate = f.percent(v);
            out.push((
                tr!(lang, content.warn_rate_negative, rate = rate),
                m.warn_rate_hint,
            ));
        }
    }
    let (Some(now), Some(before)) = (r.actual.number(), prev.and_then(|p| p.actual.number()))
    else {
        return out;
    };
    let shown = |v: Decimal| format!("{}{}", f.figure(v, ind.decimals), ind.unit);
    if ind.kind == IndicatorKind::Cumulative && now < before {
        out.push((
            tr!(
                lang,
                content.warn_cumulative_down,
                prev = shown(before),
                now = shown(now)
            ),
            m.warn_cumulative_down_hint,
        ));
    } else if ten_times_apart(now, before) {
        out.push((
            tr!(
                lang,
                content.warn_jump,
                prev = shown(before),
                now = shown(now)
            ),
            m.warn_jump_hint,
        ));
    }
    out
}

/// Whether two nonzero values are ten times or more apart.
fn ten_times_apart(a: Decimal, b: Decimal) -> bool {
    let (a, b) = (a.abs(), b.abs());
    if a.is_zero() || b.is_zero() {
        return false;
    }
    let ten = Decimal::TEN;
    let (big, small) = if a > b { (a, b) } else { (b, a) };
    small.checked_mul(ten).is_some_and(|s| big >= s)
}

/// A warning at an indicator's entry in the year's actuals.yaml.
fn at_entry(year: &Year, ind: &Indicator, (message, hint): Warning) -> Diagnostic {
    let pos = year.actual(&ind.id).map(|a| a.pos).unwrap_or_default();
    let file = year.actuals_file.as_deref().unwrap_or(&year.dir);
    warning(file, pos, message, hint)
}

fn warning(file: &str, pos: Pos, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error(file, pos.line, pos.column, message)
        .with_hint(hint)
        .warning()
}

/// Projects outside every plan's period; a published year with the template's text or no
/// date. Drafts are not published, so they are not warned about.
fn year_warnings(report: &Report, year: &Year, out: &mut Diagnostics) {
    let lang = report.config.lang;
    let m = &lang.text().content;
    let f = Formatter::new(&report.config);
    let in_a_plan = report
        .plans
        .iter()
        .any(|p| (p.period.0..=p.period.1).contains(&year.year));
    if let (false, Some(p), Some(file)) = (in_a_plan, year.projects.first(), &year.projects_file) {
        let msg = tr!(
            lang,
            content.warn_project_period,
            year = f.year_label(year.year)
        );
        out.push(warning(file, p.pos, msg, m.warn_project_period_hint));
    }
    if year.draft {
        return;
    }
    let index = &year.narrative.file;
    if index.is_empty() {
        return;
    }
    if let Some((line, text)) = placeholder(year, lang) {
        let msg = tr!(lang, content.warn_placeholder, text = text);
        let pos = Pos { line, column: 1 };
        out.push(warning(index, pos, msg, m.warn_placeholder_hint));
    }
    if year.published.is_none() {
        let pos = Pos { line: 1, column: 1 };
        let msg = m.warn_no_published.to_string();
        out.push(warning(index, pos, msg, m.warn_no_published_hint));
    }
}

/// The first line of the year's text that `nenpo new-year` wrote as a sample, with its line.
fn placeholder(year: &Year, lang: Lang) -> Option<(u32, String)> {
    let template = crate::new_year::index_md(year.year, lang);
    let body = template.rsplit("\n---\n").next().unwrap_or("");
    let samples: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    year.narrative
        .markdown
        .lines()
        .enumerate()
        .find(|(_, l)| samples.contains(&l.trim()))
        .map(|(i, l)| (year.narrative.body_line + i as u32, l.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn ten_times_apart_both_ways() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert!(ten_times_apart(d("5510"), d("551")));
        assert!(ten_times_apart(d("55.1"), d("551")));
        assert!(!ten_times_apart(d("5509"), d("551")));
        assert!(!ten_times_apart(d("0"), d("551")));
    }
}
