//! Axes: "nice" tick steps, a plotters coordinate whose ticks are exactly the ones
//! chosen, and the value scale of a trend chart.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use std::ops::Range;

/// A "nice" step (1, 2, 2.5 or 5 × 10ⁿ) at least `raw`.
pub(crate) fn nice_step(raw: f64) -> f64 {
    if raw.is_nan() || raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let n = if f <= 1.0 + 1e-9 {
        1.0
    } else if f <= 2.0 + 1e-9 {
        2.0
    } else if f <= 2.5 + 1e-9 {
        2.5
    } else if f <= 5.0 + 1e-9 {
        5.0
    } else {
        10.0
    };
    n * mag
}

/// Decimals needed to write multiples of `step` exactly (0 for 5, 1 for 2.5, 2 for 0.25).
pub(crate) fn step_decimals(step: f64) -> u32 {
    (0..6)
        .find(|&k| {
            let s = step * 10f64.powi(k);
            (s - s.round()).abs() < 1e-6 * s.max(1.0)
        })
        .unwrap_or(6) as u32
}

/// Multiples of `step` from `lo` to `hi` inclusive (both assumed multiples).
pub(crate) fn ticks(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let a = (lo / step).round() as i64;
    let b = (hi / step).round() as i64;
    (a..=b).map(|i| i as f64 * step).collect()
}

/// A linear f64 axis whose ticks (and grid lines) are exactly the given values.
///
/// plotters' own f64 axis picks its ticks itself, and its key-point decorator cannot be
/// combined with a label formatter; this small coordinate does both.
pub(crate) struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<f64>,
}

impl Ranged for Axis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.hi - self.lo;
        if span == 0.0 || !value.is_finite() {
            return limit.0;
        }
        let t = (value - self.lo) / span;
        limit.0 + ((limit.1 - limit.0) as f64 * t).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

/// The y axis: range, tick values and their decimals.
pub(crate) struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<f64>,
    pub tick_decimals: u32,
}

/// `values` are all plotted values, `labelled` those that carry a direct label (the
/// actuals), which need room above or below.
pub(crate) fn y_scale(values: &[f64], labelled: &[f64], decimals: u32) -> Scale {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let (mut lo, mut hi) = if finite.is_empty() {
        (0.0, 1.0)
    } else {
        finite
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)))
    };
    let zero_based_low = lo >= 0.0 && lo <= hi * 0.5;
    let zero_based_high = hi <= 0.0 && hi >= lo * 0.5;
    if zero_based_low {
        lo = 0.0;
    }
    if zero_based_high {
        hi = 0.0;
    }
    if hi - lo <= 0.0 {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        hi += pad;
        if lo != 0.0 {
            lo -= pad;
        }
    }
    let min_step = 10f64.powi(-(decimals.min(6) as i32));
    let step = nice_step((hi - lo) / 4.0).max(min_step);
    let mut a = (lo / step).floor() * step;
    let mut b = (hi / step).ceil() * step;
    // Room for the direct labels above the highest and below the lowest actual.
    let top = labelled.iter().copied().fold(f64::MIN, f64::max);
    let bottom = labelled.iter().copied().fold(f64::MAX, f64::min);
    if !zero_based_high && b - top < 0.1 * (b - a) {
        b += step;
    }
    if !zero_based_low && bottom - a < 0.1 * (b - a) && !(lo >= 0.0 && a - step < 0.0) {
        a -= step;
    }
    // A value on the edge (zero, a final target) stays off the frame.
    let pad = 0.04 * (b - a);
    let eps = 1e-9 * (b - a);
    Scale {
        lo: if lo <= a + eps { a - pad } else { a },
        hi: if hi >= b - eps { b + pad } else { b },
        ticks: ticks(a, b, step),
        tick_decimals: step_decimals(step),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks() {
        assert_eq!(nice_step(13.0), 20.0);
        assert_eq!(nice_step(2.2), 2.5);
        assert_eq!(nice_step(0.3), 0.5);
        assert_eq!(step_decimals(2.5), 1);
        assert_eq!(step_decimals(20.0), 0);
        assert_eq!(step_decimals(0.25), 2);
        assert_eq!(ticks(0.0, 100.0, 25.0), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
    }
}
