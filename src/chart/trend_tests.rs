//! Tests of the trend chart, parsed back with roxmltree.

use super::super::test_util::*;
use super::super::{Figure, Marker, TrendInput, TrendPoint, standalone};

/// The wide layout, which most tests look at.
fn render_trend(input: &TrendInput) -> String {
    super::render_trend(input).wide
}
use rust_decimal::Decimal;

/// A value as the report shows it with `d` decimals.
fn fig(v: f64, d: u32) -> Figure {
    let exact: Decimal = v.to_string().parse().unwrap();
    let f = crate::format::Formatter::with(crate::diag::Lang::Ja, Default::default());
    Figure {
        value: crate::format::shown(exact, Some(d)),
        text: f.figure(exact, Some(d)),
    }
}

fn point_d(r: u32, actual: Option<f64>, target: Option<f64>, d: u32) -> TrendPoint {
    TrendPoint {
        short_label: format!("R{r}"),
        long_label: format!("令和{r}年度"),
        actual: actual.map(|v| fig(v, d)),
        target: target.map(|v| fig(v, d)),
    }
}

fn point(r: u32, actual: Option<f64>, target: Option<f64>) -> TrendPoint {
    point_d(r, actual, target, 1)
}

/// Cumulative, up, a missing year (R3), baseline and final target.
fn sample() -> TrendInput {
    TrendInput {
        id: "ryokuchi-hozen".into(),
        title: "「緑地保全制度」による保全指定面積".into(),
        unit: "ha".into(),
        decimals: 1,
        lower_is_better: false,
        cumulative: true,
        points: vec![
            point(1, Some(70.0), Some(70.0)),
            point(2, Some(78.2), Some(75.0)),
            point(3, None, Some(80.0)),
            point(4, Some(88.4), Some(85.0)),
            point(5, Some(95.5), Some(95.0)),
        ],
        baseline: Some(Marker {
            long_label: "令和元年度".into(),
            short_label: "R1".into(),
            value: fig(70.0, 1),
        }),
        final_target: Some(Marker {
            long_label: "令和12年度".into(),
            short_label: "R12".into(),
            value: fig(120.0, 1),
        }),
        lang: crate::i18n::Lang::Ja,
    }
}

fn x_labels(doc: &roxmltree::Document<'_>) -> Vec<(String, f64)> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("dy") == Some("0.76em"))
        .map(|n| (text(&n), f(&n, "x")))
        .collect()
}

#[test]
fn actual_markers_follow_the_values() {
    let mut input = sample();
    input.cumulative = false;
    let values = [55.0, 81.5, 60.25, 99.0, 12.0, 70.0];
    input.points = values
        .iter()
        .enumerate()
        .map(|(i, v)| point(i as u32 + 1, Some(*v), Some(50.0)))
        .collect();
    let svg = render_trend(&input);
    let doc = parse(&svg);
    let mut marks: Vec<(f64, f64)> = by_class(&doc, "actual-mark")
        .iter()
        .map(|c| (f(c, "cx"), f(c, "cy")))
        .collect();
    assert_eq!(marks.len(), values.len());
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    for i in 0..values.len() {
        for j in 0..values.len() {
            if values[i] > values[j] {
                assert!(marks[i].1 < marks[j].1, "{} above {}", values[i], values[j]);
            }
        }
    }
    // Linear: equal value steps give equal pixel steps (within rounding).
    let per_unit = (marks[4].1 - marks[3].1) / (99.0 - 12.0);
    let expected = marks[3].1 + (99.0 - 55.0) * per_unit;
    assert!((marks[0].1 - expected).abs() <= 1.0);
    // Direct labels carry the values.
    let labels: Vec<String> = by_class(&doc, "value-label").iter().map(text).collect();
    assert_eq!(labels, ["55.0", "81.5", "60.3", "99.0", "12.0", "70.0"]);
}

#[test]
fn missing_year_is_a_gap_not_a_zero() {
    let svg = render_trend(&sample());
    let doc = parse(&svg);
    let labels = x_labels(&doc);
    let x_missing = labels[2].1;
    let marks = by_class(&doc, "actual-mark");
    assert_eq!(marks.len(), 4);
    assert!(marks.iter().all(|c| f(c, "cx") != x_missing));
    let lines = by_class(&doc, "actual-line");
    assert_eq!(lines.len(), 2, "R1–R2 and R4–R5, broken at R3");
    for line in &lines {
        let pts = points(line);
        assert!(
            pts.iter().all(|p| p.0 < x_missing) || pts.iter().all(|p| p.0 > x_missing),
            "line crosses the missing year: {pts:?}"
        );
    }
    let missing = by_class(&doc, "missing");
    assert_eq!(missing.len(), 1);
    assert_eq!(text(&missing[0]), "未集計");
    assert_eq!(f(&missing[0], "x"), x_missing);
    assert!(desc(&doc).contains("令和3年度は未集計です。"));
}

#[test]
fn x_axis_labels_are_the_short_labels_in_order() {
    let mut input = sample();
    let svg = render_trend(&input);
    let doc = parse(&svg);
    let labels: Vec<String> = x_labels(&doc).into_iter().map(|l| l.0).collect();
    assert_eq!(labels, ["R1", "R2", "R3", "R4", "R5"]);
    input.points = (0..10)
        .map(|i| TrendPoint {
            short_label: format!("{}", 2019 + i),
            ..point(1, Some(i as f64), None)
        })
        .collect();
    let svg = render_trend(&input);
    let labels: Vec<String> = x_labels(&parse(&svg)).into_iter().map(|l| l.0).collect();
    let expected: Vec<String> = (2019..2029).map(|y| y.to_string()).collect();
    assert_eq!(labels, expected);
}

#[test]
fn targets_are_dashed_with_their_own_markers() {
    let svg = render_trend(&sample());
    let doc = parse(&svg);
    let target_lines = by_class(&doc, "target-line");
    assert_eq!(target_lines.len(), 1);
    assert!(target_lines[0].attribute("stroke-dasharray").is_some());
    assert_eq!(points(&target_lines[0]).len(), 5);
    assert_eq!(by_class(&doc, "target-mark").len(), 5);
    assert!(
        by_class(&doc, "actual-line")[0]
            .attribute("stroke-dasharray")
            .is_none()
    );
    let base = by_class(&doc, "baseline");
    let fin = by_class(&doc, "final-target");
    assert_eq!((base.len(), fin.len()), (1, 1));
    // The final target (120) is above the baseline (70).
    assert!(points(&fin[0])[0].1 < points(&base[0])[0].1);
    let legend: Vec<String> = by_class(&doc, "legend").iter().map(text).collect();
    assert!(
        legend.contains(&"最終目標 120.0ha（R12）".to_string()),
        "{legend:?}"
    );
    assert!(legend.contains(&"基準値 70.0ha（R1）".to_string()));
    assert!(legend.contains(&"実績値（累計）".to_string()));
}

#[test]
fn title_desc_and_root_are_accessible() {
    let svg = render_trend(&sample());
    let doc = parse(&svg);
    assert_accessible_root(&doc, "ryokuchi-hozen", "「緑地保全制度」による保全指定面積");
    let d = desc(&doc);
    assert!(
        d.contains("令和5年度の実績値は95.5haで、目標値95.0haを上回りました。"),
        "{d}"
    );
    assert!(d.contains("基準値は令和元年度の70.0ha、最終目標値は令和12年度の120.0haです。"));
    assert!(d.contains("累計"));
    assert!(!svg.contains("<?xml") && !svg.contains("DOCTYPE"));
    let file = standalone(&svg);
    assert!(file.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
    parse(&file);
}

#[test]
fn desc_words_the_comparison_by_direction() {
    let mut input = sample();
    input.points[4].actual = Some(fig(94.0, 1));
    assert!(desc(&parse(&render_trend(&input))).contains("目標値95.0haを下回りました"));
    input.points[4].actual = Some(fig(95.0, 1));
    assert!(desc(&parse(&render_trend(&input))).contains("目標値95.0haを達成しました"));
    // Compared as shown: 95.04 is written 95.0, so the reader sees the target reached.
    input.points[4].actual = Some(fig(95.04, 1));
    assert!(desc(&parse(&render_trend(&input))).contains("目標値95.0haを達成しました"));
    input.lower_is_better = true;
    input.points[4].actual = Some(fig(94.0, 1));
    let d = desc(&parse(&render_trend(&input)));
    assert!(d.contains("目標値95.0ha以下に抑えられました"), "{d}");
    assert!(d.contains("少ないほど良い"));
    input.points[4].actual = Some(fig(96.0, 1));
    assert!(desc(&parse(&render_trend(&input))).contains("目標値95.0haを上回りました"));
}

#[test]
fn lower_is_better_says_so_on_the_chart() {
    let mut input = sample();
    let notes = |i: &TrendInput| {
        let svg = render_trend(i);
        by_class(&parse(&svg), "note")
            .iter()
            .map(text)
            .collect::<Vec<_>>()
    };
    assert!(notes(&input).is_empty());
    input.lower_is_better = true;
    assert_eq!(notes(&input), ["↓ 少ないほど良い"]);
}

#[test]
fn long_japanese_text_stays_inside_the_view_box() {
    let mut input = sample();
    input.title = "市民1人1日当たりのごみ排出量（家庭系ごみと事業系ごみの合計、資源物及び集団回収を除く）の推移".into();
    input.unit = "g/人日".into();
    input.lower_is_better = true;
    input.final_target.as_mut().unwrap().value = fig(1_234_567.5, 1);
    let svg = render_trend(&input);
    let doc = parse(&svg);
    assert_texts_inside(&doc);
    let titles: Vec<String> = by_class(&doc, "chart-title").iter().map(text).collect();
    assert_eq!(titles.len(), 2);
    assert!(titles[1].ends_with('…') || titles.concat() == input.title);
    assert!(text(&doc.descendants().find(|n| n.has_tag_name("title")).unwrap()) == input.title);
    // Wide legends wrap instead of running off: at least two legend rows.
    let ys: std::collections::BTreeSet<i64> = by_class(&doc, "legend")
        .iter()
        .map(|t| f(t, "y") as i64)
        .collect();
    assert!(ys.len() >= 2);
}

#[test]
fn many_years_and_big_numbers_keep_labels_apart_and_inside() {
    let mut input = sample();
    input.decimals = 0;
    input.points = (0..14)
        .map(|i| TrendPoint {
            short_label: format!("{}", 2013 + i),
            long_label: format!("{}年度", 2013 + i),
            actual: Some(fig(1_180_000.0 + 9_500.0 * i as f64, 0)),
            target: Some(fig(1_175_000.0 + 10_000.0 * i as f64, 0)),
        })
        .collect();
    input.final_target.as_mut().unwrap().value = fig(1_350_000.0, 0);
    let both = super::render_trend(&input);
    // A phone has room for fewer value labels; the table beside the chart has them all.
    labels_apart_and_inside(&both.wide, 4);
    labels_apart_and_inside(&both.narrow, 3);
}

/// Value labels and year labels never overlap, the latest year is labelled on the axis and
/// with its value, every text is inside; at least `min` labels of each kind.
fn labels_apart_and_inside(svg: &str, min: usize) {
    let doc = parse(svg);
    assert_texts_inside(&doc);
    for class in ["value-label", "x-label"] {
        let mut spans: Vec<(f64, f64)> = if class == "x-label" {
            x_labels(&doc)
                .iter()
                .map(|(t, x)| (x - wide_width(t, 13.0) / 2.0, x + wide_width(t, 13.0) / 2.0))
                .collect()
        } else {
            by_class(&doc, class)
                .iter()
                .map(|n| {
                    let w = wide_width(&text(n), f(n, "font-size"));
                    (f(n, "x") - w / 2.0, f(n, "x") + w / 2.0)
                })
                .collect()
        };
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(spans.len() >= min, "{class}: {spans:?}");
        for pair in spans.windows(2) {
            assert!(pair[0].1 <= pair[1].0, "{class} overlap: {pair:?}");
        }
    }
    // The latest year is always labelled, on the axis and with its value.
    assert_eq!(x_labels(&doc).last().unwrap().0, "2026");
    assert_eq!(
        text(by_class(&doc, "value-label").last().unwrap()),
        "1,303,500"
    );
}

#[test]
fn wide_and_narrow_are_drawn_at_body_size() {
    let both = super::render_trend(&sample());
    assert_both_fits(
        &both,
        "ryokuchi-hozen",
        "「緑地保全制度」による保全指定面積",
    );
    let doc = parse(&both.narrow);
    let labels: Vec<String> = x_labels(&doc).into_iter().map(|l| l.0).collect();
    assert_eq!(labels, ["R1", "R2", "R3", "R4", "R5"]);
    assert_eq!(by_class(&doc, "actual-mark").len(), 4);
    assert_eq!(by_class(&doc, "target-mark").len(), 5);
}

#[test]
fn a_run_of_missing_years_is_named_once_under_its_middle() {
    let mut input = sample();
    input.points = (1..=12)
        .map(|r| point(r, (!(5..=7).contains(&r)).then_some(r as f64), None))
        .collect();
    for svg in [
        super::render_trend(&input).wide,
        super::render_trend(&input).narrow,
    ] {
        let doc = parse(&svg);
        let missing = by_class(&doc, "missing");
        assert_eq!(missing.len(), 1, "{svg}");
        let r6 = x_labels(&doc).into_iter().find(|l| l.0 == "R6");
        // Under R6 (labelled or not, the middle of R5–R7).
        let marks: Vec<f64> = by_class(&doc, "actual-mark")
            .iter()
            .map(|m| f(m, "cx"))
            .collect();
        let mid = (marks[3] + marks[4]) / 2.0;
        assert!((f(&missing[0], "x") - mid).abs() <= 1.0, "{mid}");
        if let Some((_, x)) = r6 {
            assert!((x - mid).abs() <= 1.0);
        }
    }
}

#[test]
fn zero_values_stay_visible_above_the_axis() {
    let mut input = sample();
    input.decimals = 0;
    input.unit = "件".into();
    input.lower_is_better = true;
    input.cumulative = false;
    input.baseline = None;
    input.final_target = None;
    input.points = (1..=4)
        .map(|r| point_d(r, Some([3.0, 0.0, 1.0, 0.0][r as usize - 1]), Some(0.0), 0))
        .collect();
    let svg = render_trend(&input);
    let doc = parse(&svg);
    let axis_y = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("dy") == Some("0.76em"))
        .map(|n| f(&n, "y"))
        .next()
        .unwrap();
    for m in by_class(&doc, "actual-mark") {
        assert!(f(&m, "cy") < axis_y - 5.0);
    }
    // Integer ticks only for a count.
    let ticks: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("text-anchor") == Some("end"))
        .map(|n| text(&n))
        .collect();
    assert!(ticks.iter().all(|t| !t.contains('.')), "{ticks:?}");
    assert!(desc(&doc).contains("令和4年度の実績値は0件で、目標値0件以下に抑えられました。"));
}

#[test]
fn output_is_deterministic_and_rounded() {
    let a = render_trend(&sample());
    assert_eq!(a, render_trend(&sample()));
    let doc = parse(&a);
    for n in doc.descendants().filter(|n| n.is_element()) {
        for attr in n.attributes() {
            if [
                "x",
                "y",
                "cx",
                "cy",
                "x1",
                "y1",
                "x2",
                "y2",
                "width",
                "height",
                "font-size",
            ]
            .contains(&attr.name())
            {
                let v = attr.value();
                let decimals = v.split_once('.').map_or(0, |(_, d)| d.len());
                assert!(decimals <= 1, "{}={v}", attr.name());
            }
        }
    }
    assert!(!a.contains("NaN") && !a.contains("inf"));
}

#[test]
fn odd_inputs_do_not_panic() {
    let mut input = sample();
    input.points.clear();
    let doc_svg = render_trend(&input);
    assert!(desc(&parse(&doc_svg)).contains("データはありません"));
    input = sample();
    // The largest and smallest decimals still plot.
    input.points[1].actual = Some(Figure {
        value: Decimal::MAX,
        text: Decimal::MAX.to_string(),
    });
    input.points[0].target = Some(Figure {
        value: Decimal::MIN,
        text: Decimal::MIN.to_string(),
    });
    let svg = render_trend(&input);
    let doc = parse(&svg);
    assert_eq!(by_class(&doc, "actual-mark").len(), 4);
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    input = sample();
    input.points.truncate(1);
    input.baseline = None;
    input.final_target = None;
    parse(&render_trend(&input));
}

#[test]
fn an_english_chart_says_everything_in_english_and_marks_the_editors_japanese() {
    let mut input = sample();
    input.lang = crate::i18n::Lang::En;
    for (i, p) in input.points.iter_mut().enumerate() {
        p.long_label = format!("FY{}", 2019 + i);
        p.short_label = format!("{}", 2019 + i);
    }
    let svg = render_trend(&input);
    let doc = parse(&svg);
    let d = desc(&doc);
    assert_eq!(
        d,
        "Actual values and targets (cumulative) of 「緑地保全制度」による保全指定面積 from \
         FY2019 to FY2023. Baseline: 70.0ha (令和元年度); final target: 120.0ha (令和12年度). \
         Actual value in FY2019: 70.0ha. Actual value in FY2023: 95.5ha, above the target of \
         95.0ha. Not yet collected: FY2021."
    );
    // The title is the editor's: its Japanese is marked, the chart's own words are not.
    let marked: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tspan") && n.attribute("lang") == Some("ja"))
        .map(|n| text(&n))
        .collect();
    assert!(
        marked.iter().any(|t| t.starts_with("「緑地保全制度」")),
        "{marked:?}"
    );
    let own: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter(|n| {
            !n.ancestors().any(|a| {
                a.attribute("lang") == Some("ja")
                    || a.has_tag_name("title")
                    || a.has_tag_name("desc")
            })
        })
        .filter_map(|n| n.text())
        .collect();
    assert!(!crate::i18n::has_japanese(&own), "{own}");
    assert!(own.contains("Unit: ha (cumulative)"), "{own}");
    assert!(own.contains("Not yet collected"), "{own}");
}
