//! 施策コスト: each project's フルコスト as one horizontal bar stacked from its parts —
//! 事業費 (決算額, solid), 人件費 (hatched) and 間接費 (dotted) — with the フルコスト written at
//! the bar's end. The three fills differ in grayscale too. Each project's name is above its
//! bar, as in the budget chart.

use super::bars::{self, BOTTOM, BarPlot, PLOT_LEFT, X_LABEL_AREA};
use super::svg::{
    self, BLUE, BLUE_RGB, Canvas, Frame, MUTED, MUTED_RGB, Mark, ORANGE, ORANGE_RGB, Overlay, PAD,
    Pen, SMALL_PX, SvgBackend, Text, fmt_num,
};
use super::{ChartSvg, Figure, Fit};
use crate::i18n::{Lang, fill};
use plotters::prelude::*;

/// Width of the wide layout.
const WIDE: u32 = 560;
/// Room right of the plot for the フルコスト.
const RIGHT: u32 = 84;
const BAR_H: f64 = 22.0;

/// One project's cost, in the report's money unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CostBar {
    /// Project name (wrapped to two lines, then `…`; in full in the description).
    pub label: String,
    /// 事業費 (決算額), 人件費 and 間接費, in stacking order; a part not given is left out.
    pub parts: [Option<Figure>; 3],
    /// フルコスト, written at the end of the bar.
    pub total: Figure,
}

/// The words of a cost chart: the three parts' names, the total's, the money unit (千円),
/// the unit line (「単位：千円」) and the amount pattern (`{value}{unit}`).
#[derive(Debug, Clone, Copy)]
pub struct CostWords<'a> {
    pub parts: [&'a str; 3],
    pub total: &'a str,
    pub unit: &'a str,
    pub unit_line: &'a str,
    pub amount: &'a str,
}

/// Renders the projects' フルコスト broken into its parts, wide and narrow.
pub fn render_costs(
    lang: Lang,
    id: &str,
    title: &str,
    words: CostWords<'_>,
    bars: &[CostBar],
) -> ChartSvg {
    ChartSvg {
        wide: render(lang, id, title, words, bars, Fit::Wide),
        narrow: render(lang, id, title, words, bars, Fit::Narrow),
    }
}

fn render(
    lang: Lang,
    id: &str,
    title: &str,
    words: CostWords<'_>,
    bars: &[CostBar],
    fit: Fit,
) -> String {
    let id = svg::chart_id(id, fit);
    let w = fit.width(WIDE);
    let desc = describe(lang, title, words, bars);
    let mut o = Overlay::new(lang);
    let y = svg::title_block(&mut o, title, w as f64) + 22.0;
    let fills = fills(&id);
    let items: Vec<(&str, &str, &str)> = words
        .parts
        .iter()
        .zip(&fills)
        .map(|(label, (fill, stroke))| (*label, fill.as_str(), *stroke))
        .collect();
    let y = svg::swatch_legend(&mut o, w, y, &items, words.unit_line);
    let top = (y + 10.0).ceil() as u32;
    let label_w = w as f64 - PAD - PLOT_LEFT as f64 - 4.0;
    let (rows, plot_h) = svg::bar_rows(bars.iter().map(|b| b.label.as_str()), label_w, BAR_H);
    let h = top + plot_h.max(30.0) as u32 + X_LABEL_AREA + BOTTOM;
    let defs = format!(
        "<pattern id=\"{id}-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#FFFFFF\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{ORANGE}\" stroke-width=\"3\"/></pattern>\
         <pattern id=\"{id}-dots\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\">\
         <rect width=\"5\" height=\"5\" fill=\"#FFFFFF\"/>\
         <circle cx=\"2.5\" cy=\"2.5\" r=\"1.3\" fill=\"{MUTED}\"/></pattern>"
    );
    let mut raw = String::new();
    let drawn = draw(&mut raw, bars, &rows, Canvas { w, h, top }, &fills, &mut o);
    let frame = Frame {
        id: &id,
        kind: "costs",
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

/// Fill and outline of each part.
fn fills(id: &str) -> [(String, &'static str); 3] {
    [
        (BLUE.to_string(), BLUE),
        (format!("url(#{id}-hatch)"), ORANGE),
        (format!("url(#{id}-dots)"), MUTED),
    ]
}

fn draw(
    buf: &mut String,
    bars: &[CostBar],
    rows: &[svg::Row],
    c: Canvas,
    fills: &[(String, &str); 3],
    o: &mut Overlay,
) -> Result<(), Box<dyn std::error::Error>> {
    let hi = bars.iter().map(|b| b.total.plot()).fold(1f64, f64::max);
    let step = svg::nice_step(hi / 4.0).max(1.0);
    let hi = (hi / step).ceil() * step;
    let x_fmt = |x: &f64| fmt_num(*x, 0);
    let pen = Pen::default();
    let root = SvgBackend::new(buf, (c.w, c.h), &pen).into_drawing_area();
    root.fill(&WHITE)?;
    let (_, lower) = root.split_vertically(c.top);
    let plot_h = (c.h - c.top - X_LABEL_AREA - BOTTOM) as f64;
    let down = |off: f64| plot_h - off;
    let mut chart = bars::bar_plot(&lower, &pen, (0.0, hi, step), plot_h, RIGHT, &x_fmt)?;
    let styles = [BLUE_RGB.filled(), ORANGE_RGB.filled(), MUTED_RGB.filled()];
    for (part, (fill, _)) in fills.iter().enumerate() {
        let class = ["cost-settled", "cost-personnel", "cost-indirect"][part];
        let mark = Mark::shapes(class).fill(fill.clone());
        pen.draw(mark, || {
            chart.draw_series(bars.iter().zip(rows).filter_map(|(b, row)| {
                let v = b.parts[part].as_ref()?;
                let start: f64 = b.parts[..part].iter().flatten().map(Figure::plot).sum();
                let (t, bottom) = (row.bar_top, row.bar_top + BAR_H);
                Some(Rectangle::new(
                    [(start, down(t)), (start + v.plot(), down(bottom))],
                    styles[part],
                ))
            }))
        })?;
    }
    for (b, row) in bars.iter().zip(rows) {
        row_texts(&chart, o, b, row, plot_h);
    }
    root.present()?;
    Ok(())
}

/// A project's name above its bar and its フルコスト beside the bar's end.
fn row_texts(chart: &BarPlot<'_, '_>, o: &mut Overlay, b: &CostBar, row: &svg::Row, plot_h: f64) {
    let down = |off: f64| plot_h - off;
    let (x0, label_y) = chart.backend_coord(&(0.0, down(row.label_y)));
    o.row_label(x0 as f64 + 2.0, label_y as f64, &row.lines);
    let (xe, py) = chart.backend_coord(&(b.total.plot().max(0.0), down(row.bar_top + BAR_H / 2.0)));
    o.text(
        Text::at(xe as f64 + 5.0, py as f64 + SMALL_PX * 0.36, SMALL_PX)
            .halo()
            .class("value-label"),
        &b.total.text,
    );
}

fn describe(lang: Lang, title: &str, words: CostWords<'_>, bars: &[CostBar]) -> String {
    let w = &lang.text().money;
    let amount = |v: &Figure| fill(words.amount, &[("value", &v.text), ("unit", &words.unit)]);
    let items: Vec<String> = bars
        .iter()
        .map(|b| {
            let parts: Vec<String> = words
                .parts
                .iter()
                .zip(&b.parts)
                .filter_map(|(name, v)| v.as_ref().map(|v| format!("{name}{}", amount(v))))
                .collect();
            fill(
                w.cost_chart_item,
                &[
                    ("label", &b.label),
                    ("total_name", &words.total),
                    ("total", &amount(&b.total)),
                    ("parts", &parts.join(lang.text().msg.list_sep)),
                ],
            )
        })
        .collect();
    fill(
        w.cost_chart_desc,
        &[
            ("title", &title),
            ("unit", &words.unit),
            ("items", &items.join(lang.text().chart.sentence_sep)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use super::super::{ChartSvg, Figure};
    use super::{CostBar, CostWords};
    use crate::i18n::Lang;

    const WORDS: CostWords<'static> = CostWords {
        parts: ["事業費（決算額）", "人件費", "間接費"],
        total: "フルコスト",
        unit: "千円",
        unit_line: "単位：千円",
        amount: "{value}{unit}",
    };

    fn fig(v: i64) -> Figure {
        Figure {
            value: v.into(),
            text: crate::format::Formatter::with(Lang::Ja, Default::default())
                .amount(Some(crate::figure::Value::exact(v.into()))),
            with_unit: false,
        }
    }

    fn render() -> ChartSvg {
        let bars = [
            CostBar {
                label: "住宅用省エネ設備設置費補助事業".into(),
                parts: [Some(fig(19870)), Some(fig(4500)), Some(fig(300))],
                total: fig(24670),
            },
            CostBar {
                label: "環境学習推進事業".into(),
                parts: [Some(fig(1204)), Some(fig(2400)), None],
                total: fig(3604),
            },
        ];
        super::render_costs(
            Lang::Ja,
            "goal-1-costs",
            "目標1の事業のフルコスト",
            WORDS,
            &bars,
        )
    }

    /// (y, x, width) of the rectangles of a class, top to bottom.
    fn rects(doc: &roxmltree::Document<'_>, class: &str) -> Vec<(f64, f64, f64)> {
        let mut v: Vec<_> = by_class(doc, class)
            .iter()
            .map(|r| (f(r, "y"), f(r, "x"), f(r, "width")))
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        v
    }

    #[test]
    fn parts_stack_in_order_and_in_proportion() {
        let svg = render().wide;
        let doc = parse(&svg);
        let settled = rects(&doc, "cost-settled");
        let personnel = rects(&doc, "cost-personnel");
        let indirect = rects(&doc, "cost-indirect");
        assert_eq!((settled.len(), personnel.len(), indirect.len()), (2, 2, 1));
        let scale = settled[0].2 / 19870.0;
        // Each part starts where the one before it ends.
        assert!((personnel[0].1 - (settled[0].1 + settled[0].2)).abs() <= 1.0);
        assert!((personnel[0].2 - 4500.0 * scale).abs() <= 1.5);
        assert!((indirect[0].1 - (personnel[0].1 + personnel[0].2)).abs() <= 1.0);
        assert!((indirect[0].2 - 300.0 * scale).abs() <= 1.5);
        assert!((personnel[1].2 - 2400.0 * scale).abs() <= 1.5);
        let totals: Vec<String> = by_class(&doc, "value-label").iter().map(text).collect();
        assert_eq!(totals, ["24,670", "3,604"]);
    }

    #[test]
    fn described_in_words_and_fits_both_layouts() {
        let both = render();
        assert_both_fits(&both, "goal-1-costs", "目標1の事業のフルコスト");
        let doc = parse(&both.wide);
        assert_accessible_root(&doc, "goal-1-costs", "目標1の事業のフルコスト");
        let d = desc(&doc);
        assert!(
            d.contains("住宅用省エネ設備設置費補助事業：フルコスト24,670千円（事業費（決算額）19,870千円、人件費4,500千円、間接費300千円）"),
            "{d}"
        );
        assert!(d.contains("環境学習推進事業：フルコスト3,604千円（事業費（決算額）1,204千円、人件費2,400千円）"), "{d}");
        assert_texts_inside(&doc);
        let legend: Vec<String> = by_class(&doc, "legend").iter().map(text).collect();
        assert_eq!(legend, ["事業費（決算額）", "人件費", "間接費"]);
        assert_eq!(both.wide, render().wide);
    }
}
