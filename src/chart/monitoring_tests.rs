//! Tests of the monitoring chart, parsed back with roxmltree.

use rust_decimal::Decimal;

use crate::i18n::Lang;

use super::super::test_util::*;
use super::super::{Figure, MonitoringInput, SiteSeries, StandardBand};
use super::{render_monitoring, shares_one_plot};

fn fig(v: &str) -> Figure {
    let d: Decimal = v.parse().unwrap();
    Figure {
        value: d,
        text: v.to_string(),
        with_unit: false,
    }
}

fn max_band(v: &str) -> Option<StandardBand> {
    Some(StandardBand {
        min: None,
        max: Some(fig(v)),
        label: format!("環境基準 {v}ppm以下"),
    })
}

fn series(name: &str, values: &[Option<&str>], standard: &str) -> SiteSeries {
    SiteSeries {
        name: name.into(),
        values: values.iter().map(|v| v.map(fig)).collect(),
        standard: values.iter().map(|_| max_band(standard)).collect(),
    }
}

/// NO2 at three stations, one year missing at the second.
fn no2() -> MonitoringInput {
    MonitoringInput {
        id: "mon-2021-no2".into(),
        title: "二酸化窒素（NO2）の経年変化".into(),
        desc: "二酸化窒素の推移。".into(),
        unit_label: "単位：ppm".into(),
        years: ["H29", "H30", "R1", "R2", "R3"].map(String::from).to_vec(),
        decimals: 3,
        series: vec![
            series(
                "本町局",
                &[
                    Some("0.031"),
                    Some("0.030"),
                    Some("0.029"),
                    Some("0.026"),
                    Some("0.027"),
                ],
                "0.06",
            ),
            series(
                "桜川局",
                &[
                    Some("0.029"),
                    Some("0.028"),
                    None,
                    Some("0.025"),
                    Some("0.025"),
                ],
                "0.06",
            ),
            series(
                "国道局",
                &[
                    Some("0.040"),
                    Some("0.039"),
                    Some("0.037"),
                    Some("0.034"),
                    Some("0.035"),
                ],
                "0.06",
            ),
        ],
        no_data: "データがありません".into(),
        lang: Lang::Ja,
    }
}

/// The value a y pixel stands for, read from the tick labels (linear).
fn value_at(doc: &roxmltree::Document<'_>, y: f64) -> f64 {
    let ticks: Vec<(f64, f64)> = by_class(doc, "tick-label")
        .iter()
        .filter(|t| t.attribute("text-anchor") == Some("end"))
        .map(|t| (text(t).replace(',', "").parse::<f64>().unwrap(), f(t, "y")))
        .collect();
    let (v0, y0) = ticks[0];
    let (v1, y1) = ticks[ticks.len() - 1];
    v0 + (y - y0) * (v1 - v0) / (y1 - y0)
}

#[test]
fn each_site_has_its_own_line_style_and_marker() {
    let input = no2();
    assert!(shares_one_plot(&input));
    let svg = render_monitoring(&input).wide;
    let doc = parse(&svg);
    let mut dashes = Vec::new();
    for i in 1..=3 {
        let lines = by_class(&doc, &format!("s{i}"))
            .into_iter()
            .filter(|n| {
                n.has_tag_name("polyline") && n.attribute("class").unwrap().contains("site-line")
            })
            .collect::<Vec<_>>();
        assert!(!lines.is_empty(), "site {i} has a line");
        dashes.push((
            lines[0].attribute("stroke").unwrap().to_string(),
            lines[0]
                .attribute("stroke-dasharray")
                .unwrap_or("")
                .to_string(),
        ));
    }
    dashes.sort();
    dashes.dedup();
    assert_eq!(dashes.len(), 3, "colour and dash differ: {dashes:?}");
    // Markers differ in shape: circles, squares (hollow outlines), triangles.
    let shape = |i: usize| {
        by_class(&doc, "site-mark")
            .into_iter()
            .filter(|n| {
                n.attribute("class")
                    .unwrap()
                    .split(' ')
                    .any(|c| c == format!("s{i}"))
            })
            .map(|n| n.tag_name().name().to_string())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(shape(1), ["circle".to_string()].into());
    assert!(shape(2).contains("polyline") || shape(2).contains("rect"));
    assert_eq!(shape(3), ["polygon".to_string()].into());
    // The legend names each site, with a swatch.
    let legend: Vec<String> = by_class(&doc, "legend").iter().map(text).collect();
    assert_eq!(legend, ["本町局", "桜川局", "国道局"]);
}

#[test]
fn markers_sit_at_the_values_and_a_missing_year_is_a_gap() {
    let svg = render_monitoring(&no2()).wide;
    let doc = parse(&svg);
    let circles: Vec<(f64, f64)> = by_class(&doc, "s1")
        .iter()
        .filter(|n| n.has_tag_name("circle"))
        .map(|n| (f(n, "cx"), f(n, "cy")))
        .collect();
    assert_eq!(circles.len(), 5);
    for ((_, y), v) in circles.iter().zip([0.031, 0.030, 0.029, 0.026, 0.027]) {
        assert!((value_at(&doc, *y) - v).abs() < 0.0006, "{v} at {y}");
    }
    // 桜川局 has no R1 value: two runs of line, four markers.
    let lines: Vec<_> = by_class(&doc, "s2")
        .into_iter()
        .filter(|n| n.attribute("class").unwrap().contains("site-line"))
        .collect();
    assert_eq!(lines.len(), 2);
    let triangles = by_class(&doc, "s3")
        .into_iter()
        .filter(|n| n.has_tag_name("polygon"))
        .count();
    assert_eq!(triangles, 5);
}

#[test]
fn the_standard_is_drawn_at_its_value_and_labelled() {
    let svg = render_monitoring(&no2()).wide;
    let doc = parse(&svg);
    let std = by_class(&doc, "standard-line");
    assert!(!std.is_empty());
    for l in &std {
        for (_, y) in points(l) {
            assert!((value_at(&doc, y) - 0.06).abs() < 0.0006);
        }
    }
    let labels: Vec<String> = by_class(&doc, "standard-label").iter().map(text).collect();
    assert_eq!(labels, ["環境基準 0.06ppm以下"]);
}

#[test]
fn many_sites_or_own_standards_become_small_multiples() {
    let mut input = no2();
    input.series[2].standard = input.series[2]
        .values
        .iter()
        .map(|_| max_band("0.04"))
        .collect();
    assert!(!shares_one_plot(&input), "a site's own standard");
    let svg = render_monitoring(&input).wide;
    let doc = parse(&svg);
    let titles: Vec<String> = by_class(&doc, "panel-title").iter().map(text).collect();
    assert_eq!(titles, ["本町局", "桜川局", "国道局"]);
    let labels: Vec<String> = by_class(&doc, "standard-label").iter().map(text).collect();
    assert_eq!(
        labels,
        [
            "環境基準 0.06ppm以下",
            "環境基準 0.06ppm以下",
            "環境基準 0.04ppm以下"
        ]
    );
    // Each panel labels its latest value.
    let values: Vec<String> = by_class(&doc, "value-label").iter().map(text).collect();
    assert_eq!(values, ["0.027", "0.025", "0.035"]);
    let mut five = no2();
    five.series.extend(no2().series.into_iter().take(2));
    assert!(!shares_one_plot(&five), "more than four sites");
}

#[test]
fn a_range_is_a_band_and_a_changed_standard_a_step() {
    let mut input = no2();
    input.series.truncate(1);
    input.series[0].standard = (0..5)
        .map(|i| {
            Some(StandardBand {
                min: Some(fig(if i < 2 { "0.010" } else { "0.020" })),
                max: Some(fig("0.050")),
                label: "環境基準 0.02〜0.05".into(),
            })
        })
        .collect();
    let svg = render_monitoring(&input).wide;
    let doc = parse(&svg);
    assert_eq!(by_class(&doc, "standard-band").len(), 5);
    let lows: Vec<f64> = by_class(&doc, "standard-line")
        .iter()
        .flat_map(points)
        .map(|(_, y)| value_at(&doc, y))
        .filter(|v| *v < 0.03)
        .collect();
    assert!(lows.iter().any(|v| (v - 0.01).abs() < 0.0006), "{lows:?}");
    assert!(lows.iter().any(|v| (v - 0.02).abs() < 0.0006), "{lows:?}");
}

#[test]
fn both_layouts_are_accessible_at_body_size() {
    let input = no2();
    assert_both_fits(&render_monitoring(&input), &input.id, &input.title);
    let mut many = no2();
    for s in no2().series {
        many.series.push(SiteSeries {
            name: format!("{}（第二）", s.name),
            ..s
        });
    }
    assert_both_fits(&render_monitoring(&many), &many.id, &many.title);
}

#[test]
fn editors_names_are_marked_on_a_page_in_another_language() {
    let mut input = no2();
    input.lang = Lang::En;
    let doc_text = render_monitoring(&input).wide;
    let doc = parse(&doc_text);
    let legend = by_class(&doc, "legend");
    assert_eq!(legend.len(), 3);
    assert!(legend.iter().all(|n| {
        n.children()
            .any(|c| c.has_tag_name("tspan") && c.attribute("lang") == Some("ja"))
    }));
}

#[test]
fn nothing_to_plot_does_not_panic() {
    let mut input = no2();
    for s in &mut input.series {
        s.values = vec![None; 5];
    }
    let svg = render_monitoring(&input).wide;
    assert!(svg.contains("データがありません"));
    input.series.clear();
    input.years.clear();
    let _ = render_monitoring(&input);
}
