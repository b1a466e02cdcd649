//! Project budgets: 決算 (solid) and 予算 (hatched) per project in 千円 as grouped
//! horizontal bars, values written with thousands separators. Each project's name is
//! above its two bars, so the bars get the full width on a phone.

use super::bars::{self, BOTTOM, BarPlot, PLOT_LEFT, X_LABEL_AREA};
use super::svg::{
    self, BLUE, BLUE_RGB, Canvas, Frame, MUTED, Mark, ORANGE, ORANGE_RGB, Overlay, PAD, Pen,
    SMALL_PX, SvgBackend, Text, fmt_num,
};
use super::{BudgetBar, ChartSvg, Figure, Fit};
use crate::i18n::{Lang, fill};
use plotters::prelude::*;

/// Width of the wide layout.
const WIDE: u32 = 560;
/// Room right of the plot for the amounts.
const RIGHT: u32 = 76;
const BAR_H: f64 = 16.0;
const BAR_GAP: f64 = 2.0;

/// Renders the projects' 決算 and 予算 in 千円 as an inline SVG, wide and narrow.
///
/// `settled_label` and `budget_label` name the two series in the legend and the
/// description (「令和3年度決算」, 「令和4年度予算」). A missing amount is written 記載なし.
pub fn render_budgets(
    lang: Lang,
    id: &str,
    title: &str,
    settled_label: &str,
    budget_label: &str,
    unit: &str,
    bars: &[BudgetBar],
) -> ChartSvg {
    let labels = (settled_label, budget_label);
    ChartSvg {
        wide: render(lang, id, title, labels, unit, bars, Fit::Wide),
        narrow: render(lang, id, title, labels, unit, bars, Fit::Narrow),
    }
}

fn render(
    lang: Lang,
    id: &str,
    title: &str,
    (settled_label, budget_label): (&str, &str),
    unit: &str,
    bars: &[BudgetBar],
    fit: Fit,
) -> String {
    let id = svg::chart_id(id, fit);
    let w = fit.width(WIDE);
    let desc = describe(lang, title, (settled_label, budget_label), unit, bars);
    let mut o = Overlay::new(lang);
    let y = svg::title_block(&mut o, title, w as f64) + 22.0;
    let hatch = format!("url(#{id}-hatch)");
    let unit_line = fill(lang.text().chart.money_unit_line, &[("unit", &unit)]);
    let items = [
        (settled_label, BLUE, BLUE),
        (budget_label, hatch.as_str(), ORANGE),
    ];
    let y = svg::swatch_legend(&mut o, w, y, &items, &unit_line);
    let top = (y + 10.0).ceil() as u32;
    let label_w = w as f64 - PAD - PLOT_LEFT as f64 - 4.0;
    let (rows, plot_h) = svg::bar_rows(
        bars.iter().map(|b| b.label.as_str()),
        label_w,
        2.0 * BAR_H + BAR_GAP,
    );
    let h = top + plot_h.max(30.0) as u32 + X_LABEL_AREA + BOTTOM;
    let defs = format!(
        "<pattern id=\"{id}-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#FFFFFF\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{ORANGE}\" stroke-width=\"3\"/></pattern>"
    );
    let mut raw = String::new();
    let drawn = draw(&mut raw, bars, &rows, Canvas { w, h, top }, &hatch, &mut o);
    let frame = Frame {
        id: &id,
        kind: "budgets",
        fit,
        width: w,
        height: h,
        title,
        desc: &desc,
        defs: &defs,
        lang,
    };
    match drawn {
        Ok(()) => svg::finish(&raw, &frame, &o),
        Err(_) => svg::fallback(&frame),
    }
}

fn draw(
    buf: &mut String,
    bars: &[BudgetBar],
    rows: &[svg::Row],
    c: Canvas,
    hatch: &str,
    o: &mut Overlay,
) -> Result<(), Box<dyn std::error::Error>> {
    let (lo, hi, step) = money_axis(bars);
    let x_fmt = |x: &f64| fmt_num(*x, 0);

    let pen = Pen::default();
    let root = SvgBackend::new(buf, (c.w, c.h), &pen).into_drawing_area();
    root.fill(&WHITE)?;
    let (_, lower) = root.split_vertically(c.top);
    let plot_h = (c.h - c.top - X_LABEL_AREA - BOTTOM) as f64;
    // y is measured in pixels up from the bottom of the plot; `down` converts offsets
    // from the top.
    let down = |off: f64| plot_h - off;
    let mut chart = bars::bar_plot(&lower, &pen, (lo, hi, step), plot_h, RIGHT, &x_fmt)?;
    let rect = |row: &svg::Row, slot: usize, v: &Figure| {
        let (t, b) = slots(row)[slot];
        [(0.0, down(t)), (v.plot(), down(b))]
    };
    pen.draw(Mark::shapes("settled-bar"), || {
        chart.draw_series(bars.iter().zip(rows).filter_map(|(b, row)| {
            b.settled
                .as_ref()
                .map(|v| Rectangle::new(rect(row, 0, v), BLUE_RGB.filled()))
        }))
    })?;
    // Hatched, then outlined so the bar's end is crisp.
    let budget_marks = [
        (
            Mark::shapes("budget-bar").fill(hatch.to_string()),
            ORANGE_RGB.filled(),
        ),
        (
            Mark::shapes("budget-edge").extra(" stroke-width=\"1.5\""),
            ORANGE_RGB.into(),
        ),
    ];
    for (mark, style) in budget_marks {
        pen.draw(mark, || {
            chart.draw_series(bars.iter().zip(rows).filter_map(|(b, row)| {
                b.budget
                    .as_ref()
                    .map(|v| Rectangle::new(rect(row, 1, v), style))
            }))
        })?;
    }
    for (b, row) in bars.iter().zip(rows) {
        row_texts(&chart, o, b, row, plot_h);
    }
    root.present()?;
    Ok(())
}

/// The amount axis: from 0 (or the lowest amount) to the highest, in nice steps.
fn money_axis(bars: &[BudgetBar]) -> (f64, f64, f64) {
    let amounts = bars
        .iter()
        .flat_map(|b| [&b.settled, &b.budget])
        .flatten()
        .map(Figure::plot);
    let (lo, hi) = amounts.fold((0f64, 0f64), |(a, b), v| (a.min(v), b.max(v)));
    let hi = hi.max(1.0);
    let step = svg::nice_step((hi - lo) / 4.0).max(1.0);
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

/// The settled bar sits above the budget bar: (top, bottom) offsets of each from the top
/// of the plot.
fn slots(row: &svg::Row) -> [(f64, f64); 2] {
    let t = row.bar_top;
    [
        (t, t + BAR_H),
        (t + BAR_H + BAR_GAP, t + 2.0 * BAR_H + BAR_GAP),
    ]
}

/// A project's name above its bars and each amount (or 記載なし) beside its bar; the plot
/// is `plot_h` pixels high, its y counted up from the bottom.
fn row_texts(chart: &BarPlot<'_, '_>, o: &mut Overlay, b: &BudgetBar, row: &svg::Row, plot_h: f64) {
    let down = |off: f64| plot_h - off;
    let (x0, label_y) = chart.backend_coord(&(0.0, down(row.label_y)));
    o.row_label(x0 as f64 + 2.0, label_y as f64, &row.lines);
    for (slot, value) in [(0, &b.settled), (1, &b.budget)] {
        let (t, bottom) = slots(row)[slot];
        let (_, py) = chart.backend_coord(&(0.0, down((t + bottom) / 2.0)));
        let baseline = py as f64 + SMALL_PX * 0.36;
        let (text, x, class, fill) = match value {
            Some(v) => {
                let (xe, _) = chart.backend_coord(&(v.plot().max(0.0), 0.0));
                (v.text.clone(), xe as f64 + 5.0, "value-label", svg::TEXT)
            }
            None => (
                o.lang.text().chart.not_stated.to_string(),
                x0 as f64 + 5.0,
                "missing",
                MUTED,
            ),
        };
        o.text(
            Text::at(x, baseline, SMALL_PX)
                .fill(fill)
                .halo()
                .class(class),
            &text,
        );
    }
}

fn describe(
    lang: Lang,
    title: &str,
    (settled_label, budget_label): (&str, &str),
    unit: &str,
    bars: &[BudgetBar],
) -> String {
    let w = &lang.text().chart;
    let money = |v: &Option<Figure>| match v {
        Some(v) => fill(w.money_amount, &[("value", &v.text), ("unit", &unit)]),
        None => w.not_stated.to_string(),
    };
    let items: Vec<String> = bars
        .iter()
        .map(|b| {
            fill(
                w.budget_item,
                &[
                    ("label", &b.label),
                    ("settled", &settled_label),
                    ("settled_amount", &money(&b.settled)),
                    ("budget", &budget_label),
                    ("budget_amount", &money(&b.budget)),
                ],
            )
        })
        .collect();
    if items.is_empty() {
        return fill(w.budget_empty, &[("title", &title)]);
    }
    fill(
        w.budget_desc,
        &[
            ("title", &title),
            ("settled", &settled_label),
            ("budget", &budget_label),
            ("unit", &unit),
            ("items", &items.join(w.sentence_sep)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use super::super::{BudgetBar, Figure};

    /// The wide layout, which most tests look at.
    fn render_budgets(id: &str, t: &str, a: &str, b: &str, bars: &[BudgetBar]) -> String {
        super::render_budgets(crate::i18n::Lang::Ja, id, t, a, b, "千円", bars).wide
    }

    fn sample() -> Vec<BudgetBar> {
        let fig = |v: i64| Figure {
            value: v.into(),
            text: crate::format::Formatter::with(crate::diag::Lang::Ja, Default::default())
                .amount(Some(crate::figure::Value::exact(v.into()))),
            with_unit: false,
        };
        let b = |label: &str, settled: Option<i64>, budget: Option<i64>| BudgetBar {
            label: label.into(),
            settled: settled.map(fig),
            budget: budget.map(fig),
        };
        vec![
            b("地域づくり支援事業", Some(9973), Some(10117)),
            b("緑地保全推進事業", Some(48210), Some(52000)),
            b("環境学習推進事業", Some(1204), None),
            b("ごみ減量・リサイクル推進事業", Some(125430), Some(131870)),
        ]
    }

    fn render() -> String {
        render_budgets(
            "goal-1-budgets",
            "主要事業の決算額と予算額",
            "令和3年度決算",
            "令和4年度予算",
            &sample(),
        )
    }

    /// (y, x, width) of the bars of a class, top to bottom.
    fn bars(doc: &roxmltree::Document<'_>, class: &str) -> Vec<(f64, f64, f64)> {
        let mut v: Vec<_> = by_class(doc, class)
            .iter()
            .map(|r| (f(r, "y"), f(r, "x"), f(r, "width")))
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        v
    }

    #[test]
    fn bars_are_proportional_and_grouped() {
        let svg = render();
        let doc = parse(&svg);
        let settled = bars(&doc, "settled-bar");
        let budget = bars(&doc, "budget-bar");
        assert_eq!((settled.len(), budget.len()), (4, 3));
        let scale = settled[3].2 / 125430.0;
        for (bar, value) in settled.iter().zip([9973.0, 48210.0, 1204.0, 125430.0]) {
            assert!((bar.2 - value * scale).abs() <= 1.5, "{bar:?} {value}");
        }
        // Each budget bar sits right below its project's settled bar.
        assert!(budget[0].0 > settled[0].0 && budget[0].0 < settled[1].0);
        assert!(budget[2].0 > settled[3].0);
        assert!(budget[2].2 > settled[3].2);
        // Hatched, through a pattern whose id derives from the chart id.
        let fill = by_class(&doc, "budget-bar")[0].attribute("fill").unwrap();
        assert_eq!(fill, "url(#goal-1-budgets-hatch)");
        assert!(doc.descendants().any(
            |n| n.has_tag_name("pattern") && n.attribute("id") == Some("goal-1-budgets-hatch")
        ));
    }

    #[test]
    fn values_have_separators_and_missing_is_text() {
        let svg = render();
        let doc = parse(&svg);
        let values: Vec<String> = by_class(&doc, "value-label").iter().map(text).collect();
        assert_eq!(
            values,
            [
                "9,973", "10,117", "48,210", "52,000", "1,204", "125,430", "131,870"
            ]
        );
        let missing: Vec<String> = by_class(&doc, "missing").iter().map(text).collect();
        assert_eq!(missing, ["記載なし"]);
        let ticks: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("dy") == Some("0.76em"))
            .map(|n| text(&n))
            .collect();
        assert!(ticks.contains(&"100,000".to_string()), "{ticks:?}");
    }

    #[test]
    fn wide_and_narrow_are_drawn_at_body_size() {
        let both = super::render_budgets(
            crate::i18n::Lang::Ja,
            "goal-1-budgets",
            "主要事業の決算額と予算額",
            "令和3年度決算",
            "令和4年度予算",
            "千円",
            &sample(),
        );
        assert_both_fits(&both, "goal-1-budgets", "主要事業の決算額と予算額");
        // The narrow one hatches with its own pattern.
        let doc = parse(&both.narrow);
        let fill = by_class(&doc, "budget-bar")[0].attribute("fill").unwrap();
        assert_eq!(fill, "url(#goal-1-budgets-n-hatch)");
        assert_eq!(by_class(&doc, "value-label").len(), 7);
    }

    #[test]
    fn accessible_and_inside_the_view_box() {
        let svg = render();
        let doc = parse(&svg);
        assert_accessible_root(&doc, "goal-1-budgets", "主要事業の決算額と予算額");
        let d = desc(&doc);
        assert!(
            d.contains("地域づくり支援事業：令和3年度決算9,973千円、令和4年度予算10,117千円"),
            "{d}"
        );
        assert!(d.contains("環境学習推進事業：令和3年度決算1,204千円、令和4年度予算記載なし"));
        assert_texts_inside(&doc);
        let legend: Vec<String> = by_class(&doc, "legend").iter().map(text).collect();
        assert_eq!(legend, ["令和3年度決算", "令和4年度予算"]);
        assert_eq!(svg, render());
        parse(&render_budgets("x", "t", "a", "b", &[]));
    }
}
