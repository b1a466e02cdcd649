//! Writes sample charts as standalone SVG files into the folder given as argument:
//! `cargo run --example chart_samples -- out/`.

use nenpo::chart::{
    BudgetBar, ChartSvg, Figure, Marker, RateBar, TrendInput, TrendPoint, render_budgets,
    render_goal_summary, render_trend, standalone,
};
use std::path::PathBuf;

/// A sample value as the report would show it with `d` decimals.
fn fig(v: f64, d: u32) -> Figure {
    let exact = rust_decimal::Decimal::from_f64_retain(v)
        .unwrap_or_default()
        .round_dp(d);
    let f = nenpo::format::Formatter::with(nenpo::diag::Lang::Ja, Default::default());
    Figure {
        value: exact,
        text: f.figure(exact, Some(d)),
        with_unit: false,
    }
}

fn year(fy: i32) -> (String, String) {
    if fy <= 2018 {
        let h = fy - 1988;
        return (format!("H{h}"), format!("平成{h}年度"));
    }
    let r = fy - 2018;
    let long = if r == 1 {
        "令和元年度".to_string()
    } else {
        format!("令和{r}年度")
    };
    (format!("R{r}"), long)
}

fn points(first: i32, d: u32, values: &[(Option<f64>, Option<f64>)]) -> Vec<TrendPoint> {
    values
        .iter()
        .enumerate()
        .map(|(i, &(actual, target))| {
            let (short_label, long_label) = year(first + i as i32);
            TrendPoint {
                short_label,
                long_label,
                actual: actual.map(|v| fig(v, d)),
                target: target.map(|v| fig(v, d)),
                missing: None,
            }
        })
        .collect()
}

fn marker(fy: i32, value: f64, d: u32) -> Marker {
    let (short_label, long_label) = year(fy);
    Marker {
        long_label,
        short_label,
        value: fig(value, d),
        name: None,
    }
}

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "chart-samples".into()),
    );
    std::fs::create_dir_all(&dir)?;
    // Each chart twice: `<name>.svg` laid out for a page, `<name>-narrow.svg` for a phone.
    let write = |name: &str, svg: ChartSvg| {
        std::fs::write(dir.join(name), svg.standalone())?;
        let narrow = name.replace(".svg", "-narrow.svg");
        std::fs::write(dir.join(narrow), standalone(&svg.narrow))
    };

    write(
        "trend-cumulative.svg",
        render_trend(&TrendInput {
            id: "ryokuchi-hozen".into(),
            title: "「緑地保全制度」による保全指定面積".into(),
            unit: "ha".into(),
            decimals: 1,
            lower_is_better: false,
            cumulative: true,
            points: points(
                2019,
                1,
                &[
                    (Some(70.0), Some(70.0)),
                    (Some(78.2), Some(75.0)),
                    (None, Some(80.0)),
                    (Some(88.4), Some(85.0)),
                    (Some(95.5), Some(95.0)),
                    (Some(97.1), Some(100.0)),
                ],
            ),
            lang: Default::default(),
            baseline: Some(marker(2019, 70.0, 1)),
            final_target: Some(marker(2030, 120.0, 1)),
            milestones: Vec::new(),
        }),
    )?;
    write(
        "trend-down.svg",
        render_trend(&TrendInput {
            id: "gomi-per-capita".into(),
            title: "市民1人1日当たりのごみ排出量（家庭系ごみと事業系ごみの合計、資源物を除く）"
                .into(),
            unit: "g/人日".into(),
            decimals: 0,
            lower_is_better: true,
            cumulative: false,
            points: points(
                2019,
                0,
                &[
                    (Some(1098.0), Some(1100.0)),
                    (Some(1085.0), Some(1090.0)),
                    (Some(1072.0), Some(1080.0)),
                    (Some(1066.0), Some(1070.0)),
                    (Some(1057.0), Some(1075.0)),
                    (Some(1061.0), Some(1050.0)),
                    (None, Some(1040.0)),
                ],
            ),
            lang: Default::default(),
            baseline: Some(marker(2018, 1105.0, 0)),
            final_target: Some(marker(2028, 1000.0, 0)),
            milestones: Vec::new(),
        }),
    )?;
    write(
        "trend-zero-target.svg",
        render_trend(&TrendInput {
            id: "fuho-toki".into(),
            title: "不法投棄の件数".into(),
            unit: "件".into(),
            decimals: 0,
            lower_is_better: true,
            cumulative: false,
            points: points(
                2019,
                0,
                &[
                    (Some(3.0), Some(0.0)),
                    (Some(1.0), Some(0.0)),
                    (Some(0.0), Some(0.0)),
                    (Some(2.0), Some(0.0)),
                    (Some(0.0), Some(0.0)),
                ],
            ),
            lang: Default::default(),
            baseline: Some(marker(2018, 4.0, 0)),
            final_target: Some(marker(2028, 0.0, 0)),
            milestones: Vec::new(),
        }),
    )?;
    let seireki: Vec<TrendPoint> = (0..12)
        .map(|i| TrendPoint {
            short_label: format!("{}", 2015 + i),
            long_label: format!("{}年度", 2015 + i),
            actual: (i != 4).then(|| {
                fig(
                    1_180_000.0 + 9_500.0 * i as f64 + 4_000.0 * ((i * 7 % 5) as f64),
                    0,
                )
            }),
            target: Some(fig(1_175_000.0 + 10_000.0 * i as f64, 0)),
            missing: None,
        })
        .collect();
    write(
        "trend-12-years.svg",
        render_trend(&TrendInput {
            id: "kankou-kyaku".into(),
            title: "観光入込客数".into(),
            unit: "人".into(),
            decimals: 0,
            lower_is_better: false,
            cumulative: false,
            points: seireki,
            lang: Default::default(),
            baseline: None,
            final_target: Some(Marker {
                long_label: "2030年度".into(),
                short_label: "2030".into(),
                value: fig(1_350_000.0, 0),
                name: None,
            }),
            milestones: Vec::new(),
        }),
    )?;
    let rate = |label: &str, rate: Option<f64>, grade: Option<&str>| RateBar {
        label: label.into(),
        rate: rate.map(|r| fig(r, 1).value),
        rate_text: rate
            .map(|r| format!("{}%", fig(r, 1).text))
            .unwrap_or_else(|| "—".into()),
        grade_mark: grade.map(Into::into),
    };
    write(
        "goal-summary.svg",
        render_goal_summary(
            Default::default(),
            "goal-1-summary",
            "基本目標1 「生物生息空間」を守り、創り、つなぎ、エコロジカルネットワークをつくります（令和5年度 達成率）",
            &[
                rate("「緑地保全制度」による保全指定面積", Some(100.5), Some("A")),
                rate("地域づくりへの関心度", Some(93.7), Some("B")),
                rate("市民1人1日当たりのごみ排出量", Some(69.5), Some("C")),
                rate(
                    "環境学習講座の参加者数（延べ人数、オンライン講座を含む）",
                    Some(188.0),
                    Some("A"),
                ),
                rate("温室効果ガス排出量", None, None),
            ],
        ),
    )?;
    let budget = |label: &str, settled: Option<i64>, budget: Option<i64>| BudgetBar {
        label: label.into(),
        settled: settled.map(|v| fig(v as f64, 0)),
        budget: budget.map(|v| fig(v as f64, 0)),
    };
    write(
        "budgets.svg",
        render_budgets(
            Default::default(),
            "goal-1-budgets",
            "基本目標1の主要事業の決算額と予算額",
            "令和3年度決算",
            "令和4年度予算",
            "千円",
            &[
                budget("地域づくり支援事業", Some(9973), Some(10117)),
                budget("緑地保全推進事業", Some(48210), Some(52000)),
                budget(
                    "生物多様性調査事業（市民参加型いきもの調査の実施）",
                    Some(3150),
                    Some(2980),
                ),
                budget("環境学習推進事業", Some(1204), None),
                budget("ごみ減量・リサイクル推進事業", Some(125430), Some(131870)),
                budget("新規：ゼロカーボンシティ推進事業", None, Some(20500)),
            ],
        ),
    )?;
    println!("wrote samples to {}", dir.display());
    Ok(())
}
