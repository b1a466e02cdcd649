//! Renders the charts of a synthetic 1,000-indicator × 10-year report (1,000 trend charts
//! and 100 goal summaries) in parallel and prints the wall time:
//! `cargo run --release --example chart_bench`.

use nenpo::chart::{
    Figure, Marker, RateBar, TrendInput, TrendPoint, render_goal_summary, render_trend,
};
use rayon::prelude::*;
use std::time::Instant;

/// A sample value as the report would show it with `d` decimals.
fn fig(v: f64, d: u32) -> Figure {
    let exact = rust_decimal::Decimal::from_f64_retain(v)
        .unwrap_or_default()
        .round_dp(d);
    let f = nenpo::format::Formatter::with(nenpo::diag::Lang::Ja, Default::default());
    Figure {
        value: exact,
        text: f.figure(exact, Some(d)),
    }
}

/// A small deterministic pseudo-random sequence (no extra dependency).
fn noise(seed: u64) -> f64 {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 29;
    (x % 10_000) as f64 / 10_000.0
}

fn indicator(i: usize) -> TrendInput {
    let base = 10.0 + 1000.0 * noise(i as u64);
    let points = (0..10)
        .map(|y| {
            let seed = (i * 100 + y) as u64;
            TrendPoint {
                short_label: format!("R{}", y + 1),
                long_label: format!("令和{}年度", y + 1),
                actual: (noise(seed) > 0.08)
                    .then(|| fig(base * (1.0 + 0.05 * y as f64 + 0.1 * noise(seed + 7)), 1)),
                target: Some(fig(base * (1.0 + 0.06 * y as f64), 1)),
            }
        })
        .collect();
    TrendInput {
        id: format!("ind-{i}"),
        title: format!("指標{i}：市民参加による緑化推進活動の年間延べ参加者数"),
        unit: "人".into(),
        decimals: 1,
        lower_is_better: i.is_multiple_of(3),
        cumulative: i.is_multiple_of(4),
        points,
        lang: Default::default(),
        baseline: Some(Marker {
            long_label: "令和元年度".into(),
            short_label: "R1".into(),
            value: fig(base, 1),
        }),
        final_target: Some(Marker {
            long_label: "令和12年度".into(),
            short_label: "R12".into(),
            value: fig(base * 1.7, 1),
        }),
    }
}

fn goal(g: usize) -> Vec<RateBar> {
    (0..10)
        .map(|k| {
            let r = 200.0 * noise((g * 10 + k) as u64 + 99);
            let rate = (k != 3).then_some(r);
            RateBar {
                label: format!("指標{}：地域づくり協議会交付金事業申請件数", g * 10 + k),
                rate: rate.map(|r| fig(r, 1).value),
                rate_text: rate.map_or("—".into(), |r| format!("{}%", fig(r, 1).text)),
                grade_mark: rate.map(|r| if r >= 100.0 { "A" } else { "B" }.to_string()),
            }
        })
        .collect()
}

fn main() {
    let indicators: Vec<TrendInput> = (0..1000).map(indicator).collect();
    let goals: Vec<Vec<RateBar>> = (0..100).map(goal).collect();
    let mut times = Vec::new();
    let mut bytes = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let trends: Vec<String> = indicators
            .par_iter()
            .map(|i| render_trend(i).inline())
            .collect();
        let summaries: Vec<String> = goals
            .par_iter()
            .enumerate()
            .map(|(g, bars)| {
                render_goal_summary(
                    Default::default(),
                    &format!("goal-{g}"),
                    &format!("基本目標{g}"),
                    bars,
                )
                .inline()
            })
            .collect();
        let secs = start.elapsed().as_secs_f64();
        times.push(secs);
        bytes = trends.iter().chain(&summaries).map(String::len).sum();
    }
    let best = times.iter().copied().fold(f64::MAX, f64::min);
    println!(
        "1000 trend charts + 100 goal summaries on {} threads: first run {:.3} s, best of 5 {:.3} s ({:.1} MB of SVG)",
        rayon::current_num_threads(),
        times[0],
        best,
        bytes as f64 / 1e6
    );
}
