//! The rules of SPEC §4 as pure functions on exact decimals: a year's target, the 達成率, the
//! grade a rate earns, a goal's mean rate and the change in ポイント. Every sum, difference,
//! product and quotient is checked: a value too large for a decimal is an [`Overflow`] the
//! stage reports with the file and line, never a panic.

use rust_decimal::Decimal;

use super::types::{GradeMark, Rate, TargetSource, TargetValue, YearTarget};
use crate::config::Scale;
use crate::era::FiscalYear;
use crate::figure::{Number, Value};
use crate::model::{Direction, Indicator, Outcome, RateFormula, Reduction, TargetGoal, Trend};
use crate::num::round_half_up;

/// A computation left the range of a decimal (about ±7.9 × 10²⁸).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Overflow;

/// The target of an indicator for a year, in the order of SPEC §10: `given` in that year's
/// actuals.yaml; then (inside the plan's period) a milestone of that year, the per-year path
/// from the baseline, and the final target in its year (a trend or range in every year).
/// `reduced` is the value a reduction target comes to.
pub(super) fn target_for(
    ind: &Indicator,
    year: FiscalYear,
    given: Option<Value>,
    in_period: bool,
    reduced: Option<Number>,
) -> Result<Option<YearTarget>, Overflow> {
    if let Some(t) = given {
        return Ok(Some(YearTarget::of_value(t, TargetSource::Given)));
    }
    if !in_period {
        return Ok(None);
    }
    if let Some(m) = ind.milestones.iter().find(|m| m.year == year) {
        let mut t = YearTarget::of_value(m.value, TargetSource::Milestone);
        t.label = m.label.clone();
        return Ok(Some(t));
    }
    if let (Some(step), Some(base)) = (ind.per_year, ind.baseline) {
        let years = Decimal::from(year.0 - base.year.0);
        let t = step
            .value
            .checked_mul(years)
            .and_then(|s| base.value.checked_add(s))
            .ok_or(Overflow)?;
        let n = Number {
            value: t,
            approx: step.approx,
        };
        return Ok(Some(YearTarget::of_value(
            Value::Number(n),
            TargetSource::PerYear,
        )));
    }
    let Some(t) = ind
        .target
        .as_ref()
        .filter(|t| t.year == year || t.goal.every_year())
    else {
        return Ok(None);
    };
    let value = match &t.goal {
        TargetGoal::Value(v) => return Ok(Some(YearTarget::of_value(*v, TargetSource::Final))),
        TargetGoal::Reduce(r) => match reduced {
            Some(value) => TargetValue::Reduce {
                value,
                reduction: r.clone(),
            },
            None => return Ok(None),
        },
        TargetGoal::Trend { trend, tolerance } => match ind.baseline {
            Some(b) => TargetValue::Trend {
                trend: *trend,
                baseline: b.value,
                tolerance: *tolerance,
            },
            None => return Ok(None),
        },
        TargetGoal::Range { min, max } => TargetValue::Range {
            min: *min,
            max: *max,
        },
    };
    Ok(Some(YearTarget {
        value,
        source: TargetSource::Final,
        label: None,
    }))
}

/// The value a reduction comes to from the base year's actual: `base × (1 − amount / 100)`
/// for a percentage, `base − amount` otherwise; rounded half up to the indicator's decimals,
/// else to the decimals the base was written with.
pub(super) fn reduced(
    r: &Reduction,
    base: Decimal,
    decimals: Option<u32>,
) -> Result<Number, Overflow> {
    let cut = if r.percent() {
        base.checked_mul(r.amount.value)
            .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
            .ok_or(Overflow)?
    } else {
        r.amount.value
    };
    let value = base.checked_sub(cut).ok_or(Overflow)?;
    Ok(Number {
        value: round_half_up(value, decimals.unwrap_or(base.scale())),
        approx: r.amount.approx,
    })
}

/// 達成率 of an actual against a year's target: a status on either side prints as that
/// status (the target's first: a year with none set), a trend or range is met or not, and a
/// number goes through [`compute_rate`].
pub(super) fn rate_for(
    actual: Value,
    target: Option<&YearTarget>,
    formula: RateFormula,
    direction: Direction,
    baseline: Option<Decimal>,
    decimals: u32,
) -> Result<Rate, Overflow> {
    if let Some(TargetValue::Status(s)) = target.map(|t| &t.value) {
        return Ok(Rate::Status(*s));
    }
    let a = match actual {
        Value::Status(s) => return Ok(Rate::Status(s)),
        Value::Number(n) => n.value,
    };
    let met = |yes: bool| if yes { Rate::Met } else { Rate::NotMet };
    match target.map(|t| &t.value) {
        None => Ok(Rate::NoTarget),
        Some(TargetValue::Trend {
            trend,
            baseline,
            tolerance,
        }) => Ok(met(match trend {
            Trend::Increase => a > *baseline,
            Trend::Decrease => a < *baseline,
            Trend::Maintain => a.checked_sub(*baseline).ok_or(Overflow)?.abs() <= *tolerance,
        })),
        Some(TargetValue::Range { min, max }) => Ok(met(min.value <= a && a <= max.value)),
        Some(t) => compute_rate(
            Some(a),
            t.number().map(|n| n.value),
            baseline,
            formula,
            direction,
            decimals,
        ),
    }
}

/// 達成率 by SPEC §4, rounded half up to `decimals`.
pub(super) fn compute_rate(
    actual: Option<Decimal>,
    target: Option<Decimal>,
    baseline: Option<Decimal>,
    formula: RateFormula,
    direction: Direction,
    decimals: u32,
) -> Result<Rate, Overflow> {
    let Some(a) = actual else {
        return Ok(Rate::NOT_COLLECTED);
    };
    let Some(t) = target else {
        return Ok(Rate::NoTarget);
    };
    let met = match direction {
        Direction::Up => a >= t,
        Direction::Down => a <= t,
    };
    let met_or_not = if met { Rate::Met } else { Rate::NotMet };
    // Each arm is the quotient, or an undefined rate (a zero divisor) that is met or not.
    let quotient = match formula {
        RateFormula::Ratio if t.is_zero() => return Ok(met_or_not),
        RateFormula::Ratio => match direction {
            Direction::Up => a.checked_div(t),
            Direction::Down if a.is_zero() => return Ok(met_or_not),
            Direction::Down => t.checked_div(a),
        },
        RateFormula::Progress => {
            let Some(b) = baseline else {
                return Ok(Rate::NoTarget);
            };
            if t == b {
                return Ok(met_or_not);
            }
            let done = a.checked_sub(b).ok_or(Overflow)?;
            let planned = t.checked_sub(b).ok_or(Overflow)?;
            done.checked_div(planned)
        }
    };
    // The divisor is never zero here, so a missing quotient is an overflow.
    let percent = quotient
        .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
        .ok_or(Overflow)?;
    Ok(Rate::Value(round_half_up(percent, decimals)))
}

/// The grade a rate earns on a scale; none for a missing actual or target.
pub(super) fn grade_for_rate(scale: &Scale, rate: Rate) -> Option<GradeMark> {
    match rate {
        Rate::Value(v) | Rate::Given(v) => Some(GradeMark::of(scale, scale.grade_for(v), false)),
        Rate::Met => Some(GradeMark::of(scale, scale.highest(), false)),
        Rate::NotMet => Some(GradeMark::of(scale, scale.lowest(), false)),
        Rate::Status(_) | Rate::NoTarget => None,
    }
}

/// A project's outcome rate: published by hand, else actual against target.
pub(super) fn outcome_rate(outcome: &Outcome, decimals: u32) -> Result<Rate, Overflow> {
    if let Some(r) = outcome.rate {
        return Ok(Rate::Given(r));
    }
    let target = outcome
        .target
        .map(|t| YearTarget::of_value(t, TargetSource::Given));
    rate_for(
        outcome.actual,
        target.as_ref(),
        RateFormula::Ratio,
        outcome.direction,
        None,
        decimals,
    )
}

/// The mean of rates, rounded half up to `decimals`; none for no rates.
pub(super) fn mean_rate(rates: &[Decimal], decimals: u32) -> Result<Option<Decimal>, Overflow> {
    if rates.is_empty() {
        return Ok(None);
    }
    let sum = rates
        .iter()
        .try_fold(Decimal::ZERO, |acc, r| acc.checked_add(*r))
        .ok_or(Overflow)?;
    let mean = sum
        .checked_div(Decimal::from(rates.len()))
        .ok_or(Overflow)?;
    Ok(Some(round_half_up(mean, decimals)))
}

/// The change from the previous year's rate in ポイント, from the rounded rates; none unless
/// both years have a number.
pub(super) fn change(now: Rate, before: Option<Rate>) -> Result<Option<Decimal>, Overflow> {
    match (now.value(), before.and_then(Rate::value)) {
        (Some(n), Some(b)) => n.checked_sub(b).map(Some).ok_or(Overflow),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pos, YearValue};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn rate(
        a: Option<&str>,
        t: Option<&str>,
        b: Option<&str>,
        f: RateFormula,
        dir: Direction,
        dp: u32,
    ) -> Rate {
        compute_rate(a.map(d), t.map(d), b.map(d), f, dir, dp).unwrap()
    }

    fn ratio_up(a: &str, t: &str, dp: u32) -> Rate {
        rate(
            Some(a),
            Some(t),
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
                actual: Value::exact(d(a)),
                target: Some(Value::exact(d(t))),
                direction: Direction::Up,
                rate: None,
            };
            assert_eq!(outcome_rate(&o, 0), Ok(Rate::Value(d(want))), "{a}/{t}");
        }
    }

    #[test]
    fn down_direction_inverts_the_ratio() {
        let r = rate(
            Some("1057"),
            Some("1075"),
            None,
            RateFormula::Ratio,
            Direction::Down,
            1,
        );
        assert_eq!(r, Rate::Value(d("101.7")));
    }

    #[test]
    fn progress_formula_in_both_directions() {
        let p = RateFormula::Progress;
        let up = rate(Some("80"), Some("120"), Some("70"), p, Direction::Up, 1);
        assert_eq!(up, Rate::Value(d("20.0")));
        let down = rate(
            Some("900"),
            Some("800"),
            Some("1000"),
            p,
            Direction::Down,
            1,
        );
        assert_eq!(down, Rate::Value(d("50.0")));
    }

    #[test]
    fn undefined_rates_become_met_or_not_met() {
        let (r, p) = (RateFormula::Ratio, RateFormula::Progress);
        let (up, down) = (Direction::Up, Direction::Down);
        assert_eq!(rate(Some("0"), Some("0"), None, r, down, 1), Rate::Met);
        assert_eq!(rate(Some("3"), Some("0"), None, r, down, 1), Rate::NotMet);
        assert_eq!(rate(Some("0"), Some("5"), None, r, down, 1), Rate::Met);
        assert_eq!(rate(Some("0"), Some("0"), None, r, up, 1), Rate::Met);
        assert_eq!(
            rate(Some("69"), Some("70"), Some("70"), p, up, 1),
            Rate::NotMet
        );
    }

    #[test]
    fn missing_actual_or_target() {
        let (r, up) = (RateFormula::Ratio, Direction::Up);
        assert_eq!(rate(None, Some("1"), None, r, up, 1), Rate::NOT_COLLECTED);
        assert_eq!(rate(Some("1"), None, None, r, up, 1), Rate::NoTarget);
    }

    #[test]
    fn rounding_edges_and_no_cap() {
        // 18.73 / 20 = 93.65 exactly: half up gives 93.7, where a float would give 93.6.
        assert_eq!(ratio_up("18.73", "20", 1), Rate::Value(d("93.7")));
        assert_eq!(ratio_up("18.71", "20", 1), Rate::Value(d("93.6")));
        assert_eq!(ratio_up("99", "100", 1), Rate::Value(d("99.0")));
        assert_eq!(ratio_up("1.81", "2", 0), Rate::Value(d("91"))); // 90.5 → 91
        assert_eq!(ratio_up("300", "100", 1), Rate::Value(d("300.0")));
    }

    #[test]
    fn overflow_is_reported_not_a_panic() {
        let huge = "70000000000000000000000000000";
        let (r, up) = (RateFormula::Ratio, Direction::Up);
        assert_eq!(
            compute_rate(Some(d(huge)), Some(d("0.5")), None, r, up, 1),
            Err(Overflow)
        );
        let p = RateFormula::Progress;
        assert_eq!(
            compute_rate(
                Some(d(huge)),
                Some(d("1")),
                Some(d(&format!("-{huge}"))),
                p,
                up,
                1
            ),
            Err(Overflow)
        );
        let ind = Indicator {
            id: "x".into(),
            name: String::new(),
            unit: String::new(),
            direction: up,
            kind: Default::default(),
            baseline: Some(YearValue {
                year: FiscalYear(2019),
                value: d("1"),
            }),
            target: None,
            milestones: Vec::new(),
            bound: false,
            per_year: Some(Number::exact(d(huge))),
            rate: r,
            decimals: None,
            source: None,
            definition: None,
            from: None,
            pos: Pos::default(),
        };
        assert_eq!(
            target_for(&ind, FiscalYear(2020), None, true, None)
                .map(|t| t.and_then(|t| t.number()).map(|n| n.value)),
            Ok(Some(d(huge) + d("1")))
        );
        assert_eq!(
            target_for(&ind, FiscalYear(2021), None, true, None),
            Err(Overflow)
        );
        assert_eq!(mean_rate(&[d(huge), d(huge)], 1), Err(Overflow));
        assert_eq!(mean_rate(&[d("93.7"), d("69.5")], 1), Ok(Some(d("81.6"))));
        let neg = Rate::Value(d(&format!("-{huge}")));
        assert_eq!(change(Rate::Value(d(huge)), Some(neg)), Err(Overflow));
    }

    #[test]
    fn change_is_between_rounded_rates_and_needs_two_numbers() {
        let now = Rate::Value(d("93.7"));
        assert_eq!(
            change(now, Some(Rate::Value(d("95.0")))),
            Ok(Some(d("-1.3")))
        );
        assert_eq!(change(now, Some(Rate::Met)), Ok(None));
        assert_eq!(change(now, None), Ok(None));
        assert_eq!(
            change(Rate::Given(d("50")), Some(Rate::Value(d("40.0")))),
            Ok(Some(d("10.0")))
        );
    }
}
