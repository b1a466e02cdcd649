//! Evaluation: each indicator's target for a year, its 達成率 by SPEC §4, its grade from the
//! scale in force, the change from the previous year in ポイント, and projects' outcome rates.

use rust_decimal::Decimal;

use crate::config::{Grade, Scale};
use crate::era::FiscalYear;
use crate::model::{Actual, Direction, Goal, Indicator, Outcome, Plan, RateFormula, Report, Year};
use crate::num::round_half_up;

/// An achievement rate, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rate {
    /// Computed and rounded to the report's decimals.
    Value(Decimal),
    /// Published by the city by hand, shown as given.
    Given(Decimal),
    /// No rate is defined (zero target …) and the target was met: 達成.
    Met,
    /// No rate is defined and the target was not met: 未達成.
    NotMet,
    /// No actual yet: 未集計.
    NotCollected,
    /// No target for the year.
    NoTarget,
}

impl Rate {
    /// The number, when there is one.
    pub fn value(self) -> Option<Decimal> {
        match self {
            Rate::Value(v) | Rate::Given(v) => Some(v),
            _ => None,
        }
    }

    /// What a table cell shows: 93.7%, 達成, 未達成, or — (with 未集計 said elsewhere).
    pub fn text(self) -> String {
        match self {
            Rate::Value(v) | Rate::Given(v) => {
                format!("{}%", crate::num::group_thousands(&v.to_string()))
            }
            Rate::Met => "達成".into(),
            Rate::NotMet => "未達成".into(),
            Rate::NotCollected | Rate::NoTarget => "—".into(),
        }
    }
}

/// Where a year's target came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetSource {
    /// Given in that year's actuals.yaml.
    Given,
    /// baseline + per_year × years.
    PerYear,
    /// The plan's final target, in its target year.
    Final,
}

/// A grade as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradeMark {
    /// A, ◎ …
    pub mark: String,
    /// 達成 …
    pub label: String,
    /// Given by hand rather than computed.
    pub manual: bool,
}

impl GradeMark {
    fn of(g: &Grade, manual: bool) -> GradeMark {
        GradeMark {
            mark: g.mark.clone(),
            label: g.label.clone(),
            manual,
        }
    }
}

/// An indicator evaluated for one fiscal year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorYear {
    /// The fiscal year.
    pub year: FiscalYear,
    /// 目標値 for the year.
    pub target: Option<Decimal>,
    /// Where the target came from.
    pub target_source: Option<TargetSource>,
    /// 実績値.
    pub actual: Option<Decimal>,
    /// 達成率.
    pub rate: Rate,
    /// 評価.
    pub grade: Option<GradeMark>,
    /// Why the grade was given by hand.
    pub grade_note: Option<String>,
    /// A remark on the value.
    pub note: Option<String>,
    /// Change of the rate from the previous fiscal year, in points.
    pub change: Option<Decimal>,
    /// Whether actuals.yaml lists the indicator for this year at all.
    pub listed: bool,
}

/// The target of an indicator for a year: given in actuals, else the per-year path, else the
/// final target in its own year.
pub fn target_for(
    ind: &Indicator,
    year: FiscalYear,
    actual: Option<&Actual>,
) -> Option<(Decimal, TargetSource)> {
    if let Some(t) = actual.and_then(|a| a.target) {
        return Some((t, TargetSource::Given));
    }
    if let (Some(step), Some(base)) = (ind.per_year, ind.baseline) {
        let years = Decimal::from(year.0 - base.year.0);
        return Some((base.value + step * years, TargetSource::PerYear));
    }
    match ind.target {
        Some(t) if t.year == year => Some((t.value, TargetSource::Final)),
        _ => None,
    }
}

/// 達成率 by SPEC §4, rounded half up to `decimals`.
pub fn compute_rate(
    actual: Option<Decimal>,
    target: Option<Decimal>,
    baseline: Option<Decimal>,
    formula: RateFormula,
    direction: Direction,
    decimals: u32,
) -> Rate {
    let Some(a) = actual else {
        return Rate::NotCollected;
    };
    let Some(t) = target else {
        return Rate::NoTarget;
    };
    let met = match direction {
        Direction::Up => a >= t,
        Direction::Down => a <= t,
    };
    let met_or_not = if met { Rate::Met } else { Rate::NotMet };
    let hundred = Decimal::ONE_HUNDRED;
    let raw = match formula {
        RateFormula::Ratio if t.is_zero() => return met_or_not,
        RateFormula::Ratio => match direction {
            Direction::Up => a.checked_div(t),
            Direction::Down if a.is_zero() => return met_or_not,
            Direction::Down => t.checked_div(a),
        },
        RateFormula::Progress => {
            let Some(b) = baseline else {
                return Rate::NoTarget;
            };
            if t == b {
                return met_or_not;
            }
            (a - b).checked_div(t - b)
        }
    };
    match raw.and_then(|r| r.checked_mul(hundred)) {
        Some(r) => Rate::Value(round_half_up(r, decimals)),
        None => met_or_not,
    }
}

/// Evaluates an indicator for a fiscal year of the report.
pub fn evaluate_indicator(
    report: &Report,
    plan: &Plan,
    ind: &Indicator,
    year: &Year,
) -> IndicatorYear {
    let current = evaluate_without_change(report, plan, ind, year);
    let previous = report
        .year(FiscalYear(year.year.0 - 1))
        .map(|py| evaluate_without_change(report, plan, ind, py));
    let change = match (current.rate.value(), previous.and_then(|p| p.rate.value())) {
        (Some(now), Some(before)) => Some(now - before),
        _ => None,
    };
    IndicatorYear { change, ..current }
}

fn evaluate_without_change(
    report: &Report,
    plan: &Plan,
    ind: &Indicator,
    year: &Year,
) -> IndicatorYear {
    let entry = year.actual(&ind.id);
    let scale = report.scale_for(plan, year);
    // Outside the plan's period (the base year before it starts, say) only a target given
    // for that year counts: the per-year path would grade the baseline against itself.
    let in_period = (plan.period.0..=plan.period.1).contains(&year.year);
    let target =
        target_for(ind, year.year, entry).filter(|t| in_period || t.1 == TargetSource::Given);
    let actual = entry.and_then(|a| a.actual);
    let rate = match entry.and_then(|a| a.rate) {
        Some(given) => Rate::Given(given),
        None => compute_rate(
            actual,
            target.map(|t| t.0),
            ind.baseline.map(|b| b.value),
            ind.rate,
            ind.direction,
            report.config.rate_decimals,
        ),
    };
    let grade = match entry.and_then(|a| a.grade.as_deref()) {
        Some(mark) => scale.find(mark).map(|g| GradeMark::of(g, true)),
        None => grade_for_rate(scale, rate),
    };
    IndicatorYear {
        year: year.year,
        target: target.map(|t| t.0),
        target_source: target.map(|t| t.1),
        actual,
        rate,
        grade,
        grade_note: entry.and_then(|a| a.grade_note.clone()),
        note: entry.and_then(|a| a.note.clone()),
        change: None,
        listed: entry.is_some(),
    }
}

/// The grade a rate earns on a scale; none for a missing actual or target.
pub fn grade_for_rate(scale: &Scale, rate: Rate) -> Option<GradeMark> {
    match rate {
        Rate::Value(v) | Rate::Given(v) => Some(GradeMark::of(scale.grade_for(v), false)),
        Rate::Met => Some(GradeMark::of(scale.highest(), false)),
        Rate::NotMet => Some(GradeMark::of(scale.lowest(), false)),
        Rate::NotCollected | Rate::NoTarget => None,
    }
}

/// A project's outcome rate, rounded to `project_rate_decimals`.
pub fn outcome_rate(outcome: &Outcome, decimals: u32) -> Rate {
    if let Some(r) = outcome.rate {
        return Rate::Given(r);
    }
    compute_rate(
        outcome.actual,
        outcome.target,
        None,
        RateFormula::Ratio,
        outcome.direction,
        decimals,
    )
}

/// A goal's grades for a year: how many indicators earned each grade, and 未集計.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalSummary {
    /// Count per grade of the scale, in scale order (grades with no indicator included).
    pub counts: Vec<(GradeMark, usize)>,
    /// Indicators with no actual yet.
    pub not_collected: usize,
    /// Indicators with no target this year.
    pub no_target: usize,
    /// The goal's grade: the evaluation's by hand, else from the mean of its rates.
    pub grade: Option<GradeMark>,
    /// The mean rate the computed grade came from.
    pub mean_rate: Option<Decimal>,
}

/// Summarises a goal's indicators for a year.
pub fn summarize_goal(report: &Report, plan: &Plan, goal: &Goal, year: &Year) -> GoalSummary {
    let scale = report.scale_for(plan, year);
    let results: Vec<IndicatorYear> = goal
        .indicators()
        .map(|(_, i)| evaluate_without_change(report, plan, i, year))
        .collect();
    let counts = scale
        .grades
        .iter()
        .map(|g| {
            let n = results
                .iter()
                .filter(|r| r.grade.as_ref().is_some_and(|x| x.mark == g.mark))
                .count();
            (GradeMark::of(g, false), n)
        })
        .collect();
    // An indicator graded by hand as outside evaluation (a grade with no min, such as −)
    // does not pull the goal's mean either way.
    let rates: Vec<Decimal> = results
        .iter()
        .filter(|r| {
            r.grade
                .as_ref()
                .is_none_or(|g| !g.manual || scale.find(&g.mark).is_some_and(|x| x.min.is_some()))
        })
        .filter_map(|r| r.rate.value())
        .collect();
    let mean_rate = (!rates.is_empty()).then(|| {
        round_half_up(
            rates.iter().sum::<Decimal>() / Decimal::from(rates.len()),
            report.config.rate_decimals,
        )
    });
    let manual = year
        .evaluation(&plan.id, &goal.id)
        .and_then(|e| e.grade.as_deref())
        .and_then(|m| scale.find(m))
        .map(|g| GradeMark::of(g, true));
    GoalSummary {
        counts,
        not_collected: results
            .iter()
            .filter(|r| r.rate == Rate::NotCollected)
            .count(),
        no_target: results.iter().filter(|r| r.rate == Rate::NoTarget).count(),
        grade: manual.or_else(|| mean_rate.map(|m| GradeMark::of(scale.grade_for(m), false))),
        mean_rate,
    }
}

/// 1.3ポイント, △1.3ポイント (△ marks a fall, as Japanese reports print it), ±0.0ポイント.
pub fn points_text(change: Decimal) -> String {
    if change.is_sign_negative() && !change.is_zero() {
        format!("△{}ポイント", change.abs())
    } else if change.is_zero() {
        format!("±{}ポイント", change.abs())
    } else {
        format!("+{change}ポイント")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn ratio_up(a: &str, t: &str, dp: u32) -> Rate {
        compute_rate(
            Some(d(a)),
            Some(d(t)),
            None,
            RateFormula::Ratio,
            Direction::Up,
            dp,
        )
    }

    #[test]
    fn seed_002_indicator_rates() {
        // 平成30年度 政策評価表: 地域活動への関心度, 地域のつながりの変化, 地域活動への協力意向.
        assert_eq!(ratio_up("50.2", "53.6", 1), Rate::Value(d("93.7")));
        assert_eq!(ratio_up("13.0", "18.7", 1), Rate::Value(d("69.5")));
        assert_eq!(ratio_up("54.9", "63.2", 1), Rate::Value(d("86.9")));
    }

    #[test]
    fn seed_002_project_outcomes_in_whole_percent() {
        let cases = [
            ("39", "43", "91"),
            ("58.8", "58.2", "101"),
            ("3", "4", "75"),
            ("62.5", "68", "92"),
            ("32", "17", "188"),
            ("84.9", "80", "106"),
            ("7068", "7068", "100"),
        ];
        for (a, t, want) in cases {
            let o = Outcome {
                name: String::new(),
                unit: String::new(),
                actual: Some(d(a)),
                target: Some(d(t)),
                direction: Direction::Up,
                rate: None,
            };
            assert_eq!(outcome_rate(&o, 0), Rate::Value(d(want)), "{a}/{t}");
        }
    }

    #[test]
    fn down_direction_inverts_the_ratio() {
        let r = compute_rate(
            Some(d("1057")),
            Some(d("1075")),
            None,
            RateFormula::Ratio,
            Direction::Down,
            1,
        );
        assert_eq!(r, Rate::Value(d("101.7")));
    }

    #[test]
    fn progress_formula_in_both_directions() {
        let up = compute_rate(
            Some(d("80")),
            Some(d("120")),
            Some(d("70")),
            RateFormula::Progress,
            Direction::Up,
            1,
        );
        assert_eq!(up, Rate::Value(d("20.0")));
        let down = compute_rate(
            Some(d("900")),
            Some(d("800")),
            Some(d("1000")),
            RateFormula::Progress,
            Direction::Down,
            1,
        );
        assert_eq!(down, Rate::Value(d("50.0")));
    }

    #[test]
    fn undefined_rates_become_met_or_not_met() {
        let zero_down_met = compute_rate(
            Some(d("0")),
            Some(d("0")),
            None,
            RateFormula::Ratio,
            Direction::Down,
            1,
        );
        assert_eq!(zero_down_met, Rate::Met);
        let zero_down_not = compute_rate(
            Some(d("3")),
            Some(d("0")),
            None,
            RateFormula::Ratio,
            Direction::Down,
            1,
        );
        assert_eq!(zero_down_not, Rate::NotMet);
        let a_zero_down = compute_rate(
            Some(d("0")),
            Some(d("5")),
            None,
            RateFormula::Ratio,
            Direction::Down,
            1,
        );
        assert_eq!(a_zero_down, Rate::Met);
        let zero_up = compute_rate(
            Some(d("0")),
            Some(d("0")),
            None,
            RateFormula::Ratio,
            Direction::Up,
            1,
        );
        assert_eq!(zero_up, Rate::Met);
        let progress_flat = compute_rate(
            Some(d("69")),
            Some(d("70")),
            Some(d("70")),
            RateFormula::Progress,
            Direction::Up,
            1,
        );
        assert_eq!(progress_flat, Rate::NotMet);
        assert_eq!(Rate::Met.text(), "達成");
        assert_eq!(Rate::NotMet.text(), "未達成");
    }

    #[test]
    fn missing_actual_or_target() {
        assert_eq!(
            compute_rate(
                None,
                Some(d("1")),
                None,
                RateFormula::Ratio,
                Direction::Up,
                1
            ),
            Rate::NotCollected
        );
        assert_eq!(
            compute_rate(
                Some(d("1")),
                None,
                None,
                RateFormula::Ratio,
                Direction::Up,
                1
            ),
            Rate::NoTarget
        );
        assert_eq!(Rate::NotCollected.text(), "—");
    }

    #[test]
    fn rounding_edges_and_no_cap() {
        // 18.73 / 20 = 93.65 exactly: half up gives 93.7, where a float would give 93.6.
        assert_eq!(ratio_up("18.73", "20", 1), Rate::Value(d("93.7")));
        assert_eq!(ratio_up("18.71", "20", 1), Rate::Value(d("93.6")));
        assert_eq!(ratio_up("99", "100", 1), Rate::Value(d("99.0")));
        assert_eq!(ratio_up("99", "100", 1).text(), "99.0%");
        assert_eq!(ratio_up("1.81", "2", 0), Rate::Value(d("91"))); // 90.5 → 91
        assert_eq!(ratio_up("300", "100", 1).text(), "300.0%");
    }

    #[test]
    fn points_are_written_with_a_triangle_for_falls() {
        assert_eq!(points_text(d("-1.3")), "△1.3ポイント");
        assert_eq!(points_text(d("2.0")), "+2.0ポイント");
        assert_eq!(points_text(d("0.0")), "±0.0ポイント");
    }
}
