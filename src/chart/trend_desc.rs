//! The words of a trend chart read aloud: what it shows, the reference values, the latest
//! actual against its target, the missing years.

use super::{Figure, TrendInput};
use crate::i18n::fill;

/// The text alternative: what is shown, the reference values, the latest actual against
/// its target, the missing years.
pub(super) fn describe(input: &TrendInput) -> String {
    let w = &input.lang.text().chart;
    let v = |x: &Figure| format!("{}{}", x.text, input.unit);
    let mut s = String::new();
    let (Some(first), Some(last)) = (input.points.first(), input.points.last()) else {
        return fill(w.trend_empty, &[("title", &input.title)]);
    };
    let what = if input.cumulative {
        w.trend_what_cumulative
    } else {
        w.trend_what
    };
    s.push_str(&fill(
        w.trend_intro,
        &[
            ("title", &input.title),
            ("from", &first.long_label),
            ("to", &last.long_label),
            ("what", &what),
        ],
    ));
    if input.lower_is_better {
        s.push_str(w.trend_lower_is_better);
    }
    let refs: Vec<String> = [
        (w.trend_baseline, &input.baseline),
        (w.trend_final, &input.final_target),
    ]
    .into_iter()
    .filter_map(|(pattern, m)| {
        m.as_ref()
            .map(|m| fill(pattern, &[("year", &m.long_label), ("value", &v(&m.value))]))
    })
    .collect();
    if !refs.is_empty() {
        s.push_str(&refs.join(w.item_sep));
        s.push_str(w.trend_refs_end);
    }
    latest_words(input, &mut s);
    s.truncate(s.trim_end().len());
    s
}

/// The first and latest actuals, the latest against its target, and the missing years.
fn latest_words(input: &TrendInput, s: &mut String) {
    let w = &input.lang.text().chart;
    let v = |x: &Figure| format!("{}{}", x.text, input.unit);
    let with_actual: Vec<_> = input
        .points
        .iter()
        .filter_map(|p| p.actual.as_ref().map(|a| (p, a)))
        .collect();
    match (with_actual.first(), with_actual.last()) {
        (Some((p0, a0)), Some((p, a))) => {
            if with_actual.len() > 1 {
                s.push_str(&fill(
                    w.trend_first_actual,
                    &[("year", &p0.long_label), ("value", &v(a0))],
                ));
            }
            s.push_str(&fill(
                w.trend_last_actual,
                &[("year", &p.long_label), ("value", &v(a))],
            ));
            match &p.target {
                Some(t) => {
                    // Compare what the reader sees: the values as shown, exactly.
                    let verdict = match (input.lower_is_better, a.value.cmp(&t.value)) {
                        (false, std::cmp::Ordering::Greater) => w.trend_above,
                        (false, std::cmp::Ordering::Equal) => w.trend_met,
                        (false, _) => w.trend_below,
                        (true, std::cmp::Ordering::Greater) => w.trend_above,
                        (true, _) => w.trend_within,
                    };
                    s.push_str(&fill(verdict, &[("target", &v(t))]));
                }
                None => s.push_str(w.trend_no_target),
            }
        }
        _ => s.push_str(w.trend_no_actual),
    }
    let missing: Vec<&str> = input
        .points
        .iter()
        .filter(|p| p.actual.is_none())
        .map(|p| p.long_label.as_str())
        .collect();
    if !missing.is_empty() && !with_actual.is_empty() {
        s.push_str(&fill(
            w.trend_missing,
            &[("years", &missing.join(input.lang.text().page.list_sep))],
        ));
    }
}
