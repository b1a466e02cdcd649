//! Goal summary: each indicator's 達成率 as a horizontal bar against the 100 % mark, with
//! the rate and the grade mark as text; 未集計 as text, never a zero bar.
//!
//! Each row has the indicator's name above its bar, so the bars get the full width on a
//! phone; the 100 % mark is a dark tick across every bar's band.

use super::bars::{self, BOTTOM, PLOT_LEFT, X_LABEL_AREA};
use super::svg::{
    self, BLUE_RGB, Canvas, Frame, MUTED, Mark, Overlay, PAD, Pen, ROW_LABEL_PX, SMALL_PX,
    SvgBackend, TEXT, TEXT_RGB, Text, fmt_num, text_width,
};
use super::{ChartSvg, Fit, RateBar};
use crate::i18n::{Lang, fill};
use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Width of the wide layout.
const WIDE: u32 = 560;
/// Room right of the plot for the rate text and the grade column.
const RIGHT: u32 = 100;
const BAR_H: f64 = 18.0;
/// Font size of the grade mark (a letter or ◎○△); a longer mark is written smaller.
const GRADE_PX: f64 = 16.0;

/// The centre of the grade column.
fn grade_x(w: u32) -> f64 {
    w as f64 - PAD - 16.0
}

/// Renders a goal's indicators' 達成率 for one year as an inline SVG, wide and narrow.
///
/// `id` is the stable ASCII id for element ids; `title` is shown (wrapped) and is the
/// `<title>`. Rates above 100 extend the axis (188 % draws to 200 %); a `None` rate is
/// written 未集計 where the bar would start.
pub fn render_goal_summary(lang: Lang, id: &str, title: &str, bars: &[RateBar]) -> ChartSvg {
    ChartSvg {
        wide: render(lang, id, title, bars, Fit::Wide),
        narrow: render(lang, id, title, bars, Fit::Narrow),
    }
}

fn render(lang: Lang, id: &str, title: &str, bars: &[RateBar], fit: Fit) -> String {
    let id = svg::chart_id(id, fit);
    let w = fit.width(WIDE);
    let desc = describe(lang, title, bars);
    let mut o = Overlay::new(lang);
    let head_y = svg::title_block(&mut o, title, w as f64) + 22.0;
    let top = (head_y + 10.0).ceil() as u32;
    let label_w = grade_x(w) - 20.0 - PLOT_LEFT as f64;
    let (rows, plot_h) = svg::bar_rows(bars.iter().map(|b| b.label.as_str()), label_w, BAR_H);
    let h = top + plot_h.max(30.0) as u32 + X_LABEL_AREA + BOTTOM;
    let canvas = Canvas { w, h, top };
    let mut raw = String::new();
    let drawn = draw(&mut raw, bars, &rows, canvas, head_y, &mut o);
    let frame = Frame {
        id: &id,
        kind: "goal-summary",
        fit,
        width: w,
        height: h,
        title,
        desc: &desc,
        defs: "",
        lang,
    };
    match drawn {
        Ok(()) => svg::finish(&raw, &frame, &o),
        Err(_) => svg::fallback(&frame),
    }
}

/// A bar's rate as a coordinate.
fn plotted(b: &RateBar) -> Option<f64> {
    b.rate.and_then(|r| r.to_f64())
}

/// The rate axis: at least 0..100, extended in nice steps to hold every rate.
fn rate_axis(bars: &[RateBar]) -> (f64, f64, f64) {
    let rates = bars.iter().filter_map(plotted);
    let (lo, hi) = rates.fold((0.0f64, 100.0f64), |(a, b), r| (a.min(r), b.max(r)));
    let step = if hi <= 100.0 && lo >= 0.0 {
        20.0
    } else {
        svg::nice_step((hi - lo) / 4.0).max(10.0)
    };
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

fn draw(
    buf: &mut String,
    bars: &[RateBar],
    rows: &[svg::Row],
    c: Canvas,
    head_y: f64,
    o: &mut Overlay,
) -> Result<(), Box<dyn std::error::Error>> {
    let (lo, hi, step) = rate_axis(bars);
    let grade_x = grade_x(c.w);
    let pen = Pen::default();
    let root = SvgBackend::new(buf, (c.w, c.h), &pen).into_drawing_area();
    root.fill(&WHITE)?;
    let (_, lower) = root.split_vertically(c.top);
    let plot_h = (c.h - c.top - X_LABEL_AREA - BOTTOM) as f64;
    // y is measured in pixels up from the bottom of the plot; `down` converts offsets
    // from the top.
    let down = |off: f64| plot_h - off;
    let x_fmt = |x: &f64| format!("{}%", fmt_num(*x, 0));
    let mut chart = bars::bar_plot(&lower, &pen, (lo, hi, step), plot_h, RIGHT, &x_fmt)?;
    // The 100 % mark: a dark tick across each row's band, under the bar, so it shows
    // above and below a longer bar and never hides where a bar ends.
    for row in rows {
        let tick = [
            (100.0, down(row.bar_top - 5.0)),
            (100.0, down(row.bar_top + BAR_H + 5.0)),
        ];
        pen.draw(Mark::shapes("rate-100"), || {
            chart.draw_series(LineSeries::new(tick, TEXT_RGB.stroke_width(2)))
        })?;
    }
    pen.draw(Mark::shapes("rate-bar"), || {
        chart.draw_series(bars.iter().zip(rows).filter_map(|(b, row)| {
            plotted(b).map(|r| {
                let (y0, y1) = (down(row.bar_top), down(row.bar_top + BAR_H));
                Rectangle::new([(0.0, y0), (r, y1)], BLUE_RGB.filled())
            })
        }))
    })?;
    let (x100, _) = chart.backend_coord(&(100.0, 0.0));
    let x100 = x100 as f64;
    head_texts(o, head_y, x100, grade_x);
    for (b, row) in bars.iter().zip(rows) {
        let (x0, label_y) = chart.backend_coord(&(0.0, down(row.label_y)));
        let (_, cy) = chart.backend_coord(&(0.0, down(row.bar_top + BAR_H / 2.0)));
        let bar_end = plotted(b).map(|r| chart.backend_coord(&(r.max(0.0), 0.0)).0 as f64);
        let place = RowPlace {
            x0: x0 as f64,
            label_y: label_y as f64,
            baseline: cy as f64 + ROW_LABEL_PX * 0.36,
            bar_end,
            x100,
            grade_x,
        };
        row_texts(o, b, &row.lines, &place);
    }
    root.present()?;
    Ok(())
}

/// The header row: what the axis measures, the 100 % mark (moved right when an axis
/// that starts below zero or runs far past 100 would put it on the first), the grade
/// column.
fn head_texts(o: &mut Overlay, y: f64, x100: f64, grade_x: f64) {
    let words = &o.lang.text().chart;
    let legend = words.rate_axis;
    let mark = words.target_100;
    o.text(
        Text::at(PAD, y, SMALL_PX).fill(MUTED).class("legend"),
        legend,
    );
    let half = text_width(mark, SMALL_PX) / 2.0;
    let x = x100.max(PAD + text_width(legend, SMALL_PX) + 10.0 + half);
    o.text(
        Text::at(x, y, SMALL_PX)
            .anchor("middle")
            .bold()
            .class("rate-100-label"),
        mark,
    );
    o.text(
        Text::at(grade_x, y, SMALL_PX)
            .anchor("middle")
            .fill(MUTED)
            .class("legend"),
        words.grade,
    );
}

/// Where one row's texts go, in chart pixels.
struct RowPlace {
    /// The bars' left end.
    x0: f64,
    /// Baseline of the label's first line.
    label_y: f64,
    /// Baseline of texts beside the bar.
    baseline: f64,
    /// The bar's right end; `None` when there is no bar.
    bar_end: Option<f64>,
    x100: f64,
    grade_x: f64,
}

/// A row's label above its bar, the rate (or why there is none) beside it, the grade.
fn row_texts(o: &mut Overlay, b: &RateBar, lines: &[String], p: &RowPlace) {
    o.row_label(p.x0 + 2.0, p.label_y, lines);
    match p.bar_end {
        Some(xe) => {
            // After the 100 % tick when the tick would cross the text.
            let mut x = xe + 6.0;
            let w = text_width(&b.rate_text, ROW_LABEL_PX);
            if x < p.x100 + 3.0 && x + w > p.x100 - 3.0 {
                x = p.x100 + 6.0;
            }
            o.text(
                Text::at(x, p.baseline, ROW_LABEL_PX)
                    .bold()
                    .halo()
                    .class("value-label"),
                &b.rate_text,
            );
        }
        None => o.text(
            Text::at(p.x0 + 6.0, p.baseline, ROW_LABEL_PX)
                .fill(MUTED)
                .class("missing"),
            no_bar_text(o.lang, b),
        ),
    }
    if let Some(mark) = &b.grade_mark {
        let size = if text_width(mark, GRADE_PX) > 30.0 {
            SMALL_PX
        } else {
            GRADE_PX
        };
        o.text(
            Text::at(p.grade_x, p.baseline, size)
                .anchor("middle")
                .bold()
                .fill(TEXT)
                .class("grade"),
            &svg::truncate(mark, size, 32.0),
        );
    }
}

fn describe(lang: Lang, title: &str, bars: &[RateBar]) -> String {
    let w = &lang.text().chart;
    if bars.is_empty() {
        return fill(w.summary_empty, &[("title", &title)]);
    }
    let items: Vec<String> = bars
        .iter()
        .map(|b| {
            let rate = match b.rate {
                Some(_) => b.rate_text.as_str(),
                None => no_bar_text(lang, b),
            };
            match &b.grade_mark {
                Some(m) => fill(
                    w.summary_item_grade,
                    &[("label", &b.label), ("rate", &rate), ("grade", m)],
                ),
                None => fill(w.summary_item, &[("label", &b.label), ("rate", &rate)]),
            }
        })
        .collect();
    let measured = bars.iter().filter(|b| b.rate.is_some());
    let reached = measured
        .clone()
        .filter(|b| b.rate >= Some(Decimal::ONE_HUNDRED))
        .count();
    fill(
        w.summary_desc,
        &[
            ("title", &title),
            ("items", &items.join(w.item_sep)),
            ("measured", &measured.count()),
            ("reached", &reached),
        ],
    )
}

/// What stands where a bar would: the caller's words (未達成, 達成, 目標値なし) when it has
/// any, else 未集計.
fn no_bar_text(lang: Lang, b: &RateBar) -> &str {
    match b.rate_text.as_str() {
        "" | "—" => lang.text().words.not_collected,
        t => t,
    }
}

#[cfg(test)]
mod tests {
    use super::super::RateBar;
    use super::super::test_util::*;

    /// The wide layout, which most tests look at.
    fn render_goal_summary(id: &str, title: &str, bars: &[RateBar]) -> String {
        super::render_goal_summary(crate::i18n::Lang::Ja, id, title, bars).wide
    }

    fn bar(label: &str, rate: Option<f64>, mark: Option<&str>) -> RateBar {
        let rate = rate.map(|r| {
            rust_decimal::Decimal::from_f64_retain(r)
                .unwrap()
                .round_dp(1)
        });
        RateBar {
            label: label.into(),
            rate,
            rate_text: rate.map_or("—".into(), |r| format!("{r:.1}%")),
            grade_mark: mark.map(Into::into),
        }
    }

    fn sample() -> Vec<RateBar> {
        vec![
            bar("「緑地保全制度」による保全指定面積", Some(100.5), Some("A")),
            bar("地域づくりへの関心度", Some(93.7), Some("B")),
            bar("市民1人1日当たりのごみ排出量", Some(69.5), Some("C")),
            bar(
                "環境学習講座の参加者数（延べ人数、オンライン講座及び市内小中学校への出前講座を含む）と市民環境リーダーの養成人数並びに講座参加者の満足度調査の結果",
                Some(188.0),
                Some("◎"),
            ),
            bar("温室効果ガス排出量", None, None),
        ]
    }

    fn render() -> String {
        render_goal_summary("goal-1", "基本目標1の達成状況（令和5年度）", &sample())
    }

    #[test]
    fn rates_above_100_go_beyond_the_100_line() {
        let svg = render();
        let doc = parse(&svg);
        // One 100 % tick per row, all at the same x.
        let ticks = by_class(&doc, "rate-100");
        assert_eq!(ticks.len(), 5);
        let x100 = points(&ticks[0])[0].0;
        assert!(ticks.iter().all(|t| points(t).iter().all(|p| p.0 == x100)));
        let mut bars: Vec<(f64, f64, f64)> = by_class(&doc, "rate-bar")
            .iter()
            .map(|r| (f(r, "y"), f(r, "x"), f(r, "x") + f(r, "width")))
            .collect();
        bars.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(bars.len(), 4, "no bar for the missing rate");
        let x0 = bars[0].1;
        assert!(bars.iter().all(|b| b.1 == x0), "bars start at 0 %");
        assert!(bars[0].2 >= x100 && bars[3].2 > x100 + 100.0);
        assert!(bars[1].2 < x100 && bars[2].2 < x100);
        // Uncapped and proportional: 188 % is about twice 93.7 %.
        let ratio = (bars[3].2 - x0) / (bars[1].2 - x0);
        assert!((ratio - 188.0 / 93.7).abs() < 0.03, "{ratio}");
        let ticks: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("dy") == Some("0.76em"))
            .map(|n| text(&n))
            .collect();
        assert_eq!(ticks.last().map(String::as_str), Some("200%"));
    }

    #[test]
    fn rates_grades_and_missing_are_text() {
        let svg = render();
        let doc = parse(&svg);
        let values: Vec<String> = by_class(&doc, "value-label").iter().map(text).collect();
        assert_eq!(values, ["100.5%", "93.7%", "69.5%", "188.0%"]);
        let grades: Vec<String> = by_class(&doc, "grade").iter().map(text).collect();
        assert_eq!(grades, ["A", "B", "C", "◎"]);
        let missing = by_class(&doc, "missing");
        assert_eq!(missing.len(), 1);
        assert_eq!(text(&missing[0]), "未集計");
        // 未集計 sits in the last row, below every bar.
        let last_bar_y = by_class(&doc, "rate-bar")
            .iter()
            .map(|r| f(r, "y"))
            .fold(0.0, f64::max);
        assert!(f(&missing[0], "y") > last_bar_y);
    }

    #[test]
    fn accessible_and_inside_the_view_box() {
        let svg = render();
        let doc = parse(&svg);
        assert_accessible_root(&doc, "goal-1", "基本目標1の達成状況（令和5年度）");
        let d = desc(&doc);
        assert!(d.contains("地域づくりへの関心度は93.7%（評価B）"), "{d}");
        assert!(d.contains("温室効果ガス排出量は未集計"));
        assert!(d.contains("4指標中2指標が100%以上です。"));
        assert!(
            d.contains("市民環境リーダーの養成人数"),
            "full label in the description"
        );
        assert_texts_inside(&doc);
        let rows: Vec<String> = by_class(&doc, "row-label").iter().map(text).collect();
        assert!(rows.iter().any(|r| r.ends_with('…')), "{rows:?}");
        assert_eq!(svg, render());
    }

    #[test]
    fn wide_and_narrow_are_drawn_at_body_size() {
        let both = super::render_goal_summary(
            crate::i18n::Lang::Ja,
            "goal-1",
            "基本目標1の達成状況（令和5年度）",
            &sample(),
        );
        assert_both_fits(&both, "goal-1", "基本目標1の達成状況（令和5年度）");
        // The narrow one shows the same rates, grades and 未集計.
        let doc = parse(&both.narrow);
        let values: Vec<String> = by_class(&doc, "value-label").iter().map(text).collect();
        assert_eq!(values, ["100.5%", "93.7%", "69.5%", "188.0%"]);
        assert_eq!(by_class(&doc, "grade").len(), 4);
        assert_eq!(by_class(&doc, "missing").len(), 1);
    }

    #[test]
    fn the_100_label_keeps_clear_of_the_axis_legend() {
        let bars = vec![bar("a", Some(350.0), None), bar("b", Some(-20.0), None)];
        let both = super::render_goal_summary(crate::i18n::Lang::Ja, "g", "t", &bars);
        for svg in [&both.wide, &both.narrow] {
            let doc = parse(svg);
            let legend = &by_class(&doc, "legend")[0];
            let end = f(legend, "x") + wide_width(&text(legend), f(legend, "font-size"));
            let mark = &by_class(&doc, "rate-100-label")[0];
            let start = f(mark, "x") - wide_width(&text(mark), f(mark, "font-size")) / 2.0;
            assert!(end < start, "{end} {start}");
        }
    }

    #[test]
    fn axis_stays_at_100_when_every_rate_is_below() {
        let bars = vec![bar("a", Some(50.0), None), bar("b", Some(0.0), None)];
        let svg = render_goal_summary("g", "t", &bars);
        let doc = parse(&svg);
        let ticks: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("dy") == Some("0.76em"))
            .map(|n| text(&n))
            .collect();
        assert_eq!(ticks, ["0%", "20%", "40%", "60%", "80%", "100%"]);
        parse(&render_goal_summary("g", "t", &[]));
    }
}
