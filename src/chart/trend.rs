//! Indicator trend: actuals (line with filled circles) against each year's target (dashed
//! line with hollow diamonds), baseline and final target as reference lines.

use super::axis::{Scale, y_scale};
use super::svg::{
    self, Axis, BLUE, BLUE_RGB, Canvas, Frame, GRID_RGB, LABEL_PX, MUTED, MUTED_RGB, Mark, ORANGE,
    ORANGE_RGB, Overlay, PAD, Pen, SMALL_PX, SvgBackend, TEXT, TICK_RGB, Text, fmt_num, num,
    text_width,
};
use super::trend_desc::describe;
use super::{ChartSvg, Figure, Fit, Marker, TrendInput, TrendPoint};
use crate::i18n::fill;
use plotters::prelude::*;

/// Width of the wide layout.
const WIDE: u32 = 480;
const MARGIN_RIGHT: u32 = 16;
const X_LABEL_AREA: u32 = 42;
/// Dash patterns: targets dashed, the final target dash-dot, the baseline dotted.
const DASHED: &str = " stroke-dasharray=\"7 4\"";
const DASH_DOT: &str = " stroke-dasharray=\"12 3 2 3\"";
const DOTTED: &str = " stroke-dasharray=\"2 3\"";
const ROUND: &str = " stroke-linejoin=\"round\"";

/// The plot the series are drawn on: years across, values up.
type Plot<'a, 'b> = ChartContext<'a, SvgBackend<'b>, Cartesian2d<Axis, Axis>>;

/// Renders an indicator's trend over the fiscal years as an inline SVG, wide and narrow.
///
/// Missing actuals (未集計) break the line and are named in the chart and the
/// description; they are never drawn as zero. The y axis starts at zero when the values
/// are near it and otherwise fits the data (it is a line chart, not bars).
pub fn render_trend(input: &TrendInput) -> ChartSvg {
    ChartSvg {
        wide: render(input, Fit::Wide),
        narrow: render(input, Fit::Narrow),
    }
}

fn render(input: &TrendInput, fit: Fit) -> String {
    let id = svg::chart_id(&input.id, fit);
    let w = fit.width(WIDE);
    let desc = describe(input);
    let mut overlay = Overlay::new(input.lang);
    let top = header(input, &mut overlay, w);
    // Height below the header: plot, x labels and margins.
    let h = top
        + match fit {
            Fit::Wide => 264,
            Fit::Narrow => 236,
        };
    let mut raw = String::new();
    let drawn = draw(&mut raw, input, Canvas { w, h, top }, &mut overlay);
    let frame = Frame {
        id: &id,
        kind: "trend",
        fit,
        width: w,
        height: h,
        title: &input.title,
        desc: &desc,
        defs: "",
        lang: input.lang,
    };
    match drawn {
        Ok(()) => svg::finish(&raw, &frame, &overlay),
        Err(_) => svg::fallback(&frame),
    }
}

/// Title, legend and unit row; returns the header height.
fn header(input: &TrendInput, o: &mut Overlay, w: u32) -> u32 {
    let w = w as f64;
    let words = &input.lang.text().chart;
    let mut y = svg::title_block(o, &input.title, w);
    let items = legend_items(input);
    y += 22.0;
    let mut x = PAD;
    for (swatch, label) in &items {
        let item_w = 30.0 + text_width(label, LABEL_PX);
        if x > PAD && x + item_w > w - PAD {
            x = PAD;
            y += 21.0;
        }
        let sy = y - 5.0;
        o.raw(&swatch.markup(x, sy));
        o.text(
            Text::at(x + 30.0, y, LABEL_PX).class("legend").editor(),
            &svg::truncate(label, LABEL_PX, w - PAD - x - 30.0),
        );
        x += item_w + 18.0;
    }
    y += 22.0;
    let unit = match (input.unit.is_empty(), input.cumulative) {
        (true, false) => String::new(),
        (true, true) => words.cumulative.to_string(),
        (false, false) => fill(words.unit, &[("unit", &input.unit)]),
        (false, true) => format!(
            "{}{}",
            fill(words.unit, &[("unit", &input.unit)]),
            words.cumulative_suffix
        ),
    };
    if !unit.is_empty() {
        o.text(
            Text::at(PAD, y, SMALL_PX)
                .fill(MUTED)
                .class("unit")
                .editor(),
            &unit,
        );
    }
    if input.lower_is_better {
        let note = words.lower_is_better;
        let box_w = text_width(note, SMALL_PX) + 12.0;
        let x = w - PAD - box_w;
        o.raw(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"20\" rx=\"3\" fill=\"#FFFFFF\" stroke=\"{MUTED}\" class=\"note-box\"/>",
            num(x),
            num(y - 15.0),
            num(box_w)
        ));
        o.text(Text::at(x + 6.0, y, SMALL_PX).bold().class("note"), note);
    }
    (y + 6.0).ceil() as u32
}

/// The legend's entries: actuals, targets, and the baseline and final target with their
/// values and years.
fn legend_items(input: &TrendInput) -> Vec<(Swatch, String)> {
    let words = &input.lang.text().chart;
    let suffix = if input.cumulative {
        words.cumulative_suffix
    } else {
        ""
    };
    let mut items: Vec<(Swatch, String)> =
        vec![(Swatch::Actual, format!("{}{suffix}", words.actual))];
    if input.points.iter().any(|p| p.target.is_some()) {
        items.push((
            Swatch::Target,
            format!("{}{suffix}", words.target_each_year),
        ));
    }
    let mark = |m: &Marker| {
        fill(
            input.lang.text().words.value_year,
            &[
                ("value", &format!("{}{}", m.value.text, input.unit)),
                ("year", &m.short_label),
            ],
        )
    };
    if let Some(b) = &input.baseline {
        items.push((
            Swatch::Baseline,
            fill(words.baseline_legend, &[("mark", &mark(b))]),
        ));
    }
    if let Some(f) = &input.final_target {
        items.push((
            Swatch::Final,
            fill(words.final_legend, &[("mark", &mark(f))]),
        ));
    }
    items
}

#[derive(Clone, Copy)]
enum Swatch {
    Actual,
    Target,
    Baseline,
    Final,
}

impl Swatch {
    /// The legend sample, 24 px wide, centred vertically on `y`.
    fn markup(self, x: f64, y: f64) -> String {
        let line = |color: &str, width: u32, dash: &str| {
            format!(
                "<line x1=\"{}\" y1=\"{y1}\" x2=\"{}\" y2=\"{y1}\" stroke=\"{color}\" stroke-width=\"{width}\"{dash}/>",
                num(x),
                num(x + 24.0),
                y1 = num(y)
            )
        };
        let cx = x + 12.0;
        match self {
            Swatch::Actual => format!(
                "<g class=\"legend-swatch\">{}<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{BLUE}\"/></g>",
                line(BLUE, 3, ""),
                num(cx),
                num(y)
            ),
            Swatch::Target => format!(
                "<g class=\"legend-swatch\">{}<polygon points=\"{}\" fill=\"#FFFFFF\" stroke=\"{ORANGE}\" stroke-width=\"2\"/></g>",
                line(ORANGE, 2, " stroke-dasharray=\"7 4\""),
                diamond(6)
                    .iter()
                    .map(|(dx, dy)| format!("{},{}", num(cx + *dx as f64), num(y + *dy as f64)))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            Swatch::Baseline => format!(
                "<g class=\"legend-swatch\">{}</g>",
                line(MUTED, 2, " stroke-dasharray=\"2 3\"")
            ),
            Swatch::Final => format!(
                "<g class=\"legend-swatch\">{}</g>",
                line(ORANGE, 2, " stroke-dasharray=\"12 3 2 3\"")
            ),
        }
    }
}

/// Corners of a diamond of radius `r` around the origin.
fn diamond(r: i32) -> [(i32, i32); 4] {
    [(0, -r), (r, 0), (0, r), (-r, 0)]
}

/// The diamond outline as an open path that starts mid-edge, so every corner is a join.
fn diamond_path(r: i32) -> Vec<(i32, i32)> {
    let h = r / 2;
    vec![(h, -h), (r, 0), (0, r), (-r, 0), (0, -r), (h, -h)]
}

/// Runs of consecutive present values: each run is one polyline, gaps stay gaps.
fn runs(values: impl Iterator<Item = Option<f64>>) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    for (i, v) in values.enumerate() {
        match v {
            Some(v) if v.is_finite() => cur.push((i as f64, v)),
            _ => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn draw(
    buf: &mut String,
    input: &TrendInput,
    c: Canvas,
    o: &mut Overlay,
) -> Result<(), Box<dyn std::error::Error>> {
    let pts = &input.points;
    let n = pts.len().max(1);
    let scale = y_scale_of(input);
    let y_fmt = |y: &f64| fmt_num(*y, scale.tick_decimals);
    let y_label_w = scale
        .ticks
        .iter()
        .map(|t| text_width(&y_fmt(t), SMALL_PX))
        .fold(0.0, f64::max)
        .ceil() as u32
        + 14;
    let plot_w = c.w as f64 - PAD - MARGIN_RIGHT as f64 - y_label_w as f64;
    let slot = plot_w / n as f64;
    let x_fmt = |x: &f64| {
        let i = x.round();
        (i >= 0.0)
            .then(|| pts.get(i as usize))
            .flatten()
            .map(|p| p.short_label.clone())
            .unwrap_or_default()
    };

    let pen = Pen::default();
    let root = SvgBackend::new(buf, (c.w, c.h), &pen).into_drawing_area();
    root.fill(&WHITE)?;
    let (_, lower) = root.split_vertically(c.top);
    let x_range = Axis {
        lo: -0.5,
        hi: n as f64 - 0.5,
        ticks: x_ticks(pts, slot),
    };
    let y_range = Axis {
        lo: scale.lo,
        hi: scale.hi,
        ticks: scale.ticks.clone(),
    };
    let mut chart = ChartBuilder::on(&lower)
        .margin_left(PAD as u32)
        .margin_right(MARGIN_RIGHT)
        .margin_top(10)
        .margin_bottom(4)
        .x_label_area_size(X_LABEL_AREA)
        .y_label_area_size(y_label_w)
        .build_cartesian_2d(x_range, y_range)?;
    let label_font = ("sans-serif", SMALL_PX).into_font().color(&TICK_RGB);
    pen.draw(Mark::texts("tick-label"), || {
        chart
            .configure_mesh()
            .disable_x_mesh()
            .bold_line_style(GRID_RGB.stroke_width(1))
            .axis_style(MUTED_RGB.stroke_width(1))
            .label_style(label_font)
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .draw()
    })?;
    draw_series(&mut chart, &pen, input)?;
    let (_, y_px) = chart.plotting_area().get_pixel_range();
    let band = (y_px.start as f64, y_px.end as f64);
    value_labels(&chart, input, band, c.w as f64, o);
    missing_labels(&chart, pts, slot, band.1, o);
    if pts.is_empty() {
        o.text(
            Text::at(c.w as f64 / 2.0, (band.0 + band.1) / 2.0, LABEL_PX)
                .anchor("middle")
                .fill(TEXT),
            input.lang.text().chart.no_data,
        );
    }
    root.present()?;
    Ok(())
}

/// The y axis for every value the chart plots, with room for the actuals' labels.
fn y_scale_of(input: &TrendInput) -> Scale {
    let pts = &input.points;
    let mut values: Vec<f64> = pts
        .iter()
        .flat_map(|p| [actual_at(p), target_at(p)])
        .flatten()
        .collect();
    values.extend(
        input
            .baseline
            .iter()
            .chain(&input.final_target)
            .map(|m| m.value.plot()),
    );
    let actuals: Vec<f64> = pts.iter().filter_map(actual_at).collect();
    y_scale(&values, &actuals, input.decimals)
}

/// The years labelled on the x axis: every k-th counting back from the latest, k so the
/// labels (at `slot` pixels per year) never collide.
fn x_ticks(pts: &[TrendPoint], slot: f64) -> Vec<f64> {
    let widest = pts
        .iter()
        .map(|p| text_width(&p.short_label, SMALL_PX) + 8.0)
        .fold(0.0, f64::max);
    let every = ((widest / slot).ceil() as usize).max(1);
    (0..pts.len())
        .filter(|i| (pts.len() - 1 - i).is_multiple_of(every))
        .map(|i| i as f64)
        .collect()
}

/// Reference lines, targets and actuals, each marked with its class.
fn draw_series(
    chart: &mut Plot<'_, '_>,
    pen: &Pen,
    input: &TrendInput,
) -> Result<(), Box<dyn std::error::Error>> {
    let pts = &input.points;
    let x_end = pts.len().max(1) as f64 - 0.5;
    let across =
        |v: f64, color: RGBColor| LineSeries::new([(-0.5, v), (x_end, v)], color.stroke_width(2));
    if let Some(b) = &input.baseline {
        pen.draw(Mark::shapes("baseline").extra(DOTTED), || {
            chart.draw_series(across(b.value.plot(), MUTED_RGB))
        })?;
    }
    if let Some(f) = &input.final_target {
        pen.draw(Mark::shapes("final-target").extra(DASH_DOT), || {
            chart.draw_series(across(f.value.plot(), ORANGE_RGB))
        })?;
    }
    for run in runs(pts.iter().map(target_at)) {
        pen.draw(Mark::shapes("target-line").extra(DASHED), || {
            chart.draw_series(LineSeries::new(run, ORANGE_RGB.stroke_width(2)))
        })?;
    }
    // Hollow diamonds: a white face, then the outline.
    let targets: Vec<(f64, f64)> = runs(pts.iter().map(target_at)).concat();
    chart.draw_series(
        targets
            .iter()
            .map(|&c| EmptyElement::at(c) + Polygon::new(diamond(6).to_vec(), WHITE.filled())),
    )?;
    pen.draw(Mark::shapes("target-mark"), || {
        chart.draw_series(targets.iter().map(|&c| {
            EmptyElement::at(c) + PathElement::new(diamond_path(6), ORANGE_RGB.stroke_width(2))
        }))
    })?;
    for run in runs(pts.iter().map(actual_at)) {
        if run.len() > 1 {
            pen.draw(Mark::shapes("actual-line").extra(ROUND), || {
                chart.draw_series(LineSeries::new(run, BLUE_RGB.stroke_width(3)))
            })?;
        }
    }
    let actuals: Vec<(f64, f64)> = runs(pts.iter().map(actual_at)).concat();
    pen.draw(Mark::shapes("actual-mark"), || {
        chart.draw_series(
            actuals
                .iter()
                .map(|&c| Circle::new(c, 5, BLUE_RGB.filled())),
        )
    })?;
    Ok(())
}

/// Direct labels: each actual value, on the side away from that year's target; placed
/// from the latest back (so the latest is always labelled), skipping a year whose label
/// would touch the one to its right; inside `band` (the plot's top and bottom) and the
/// chart's `w`.
fn value_labels(
    chart: &Plot<'_, '_>,
    input: &TrendInput,
    (top, bottom): (f64, f64),
    w: f64,
    o: &mut Overlay,
) {
    let pts = &input.points;
    let actuals: Vec<(f64, f64)> = runs(pts.iter().map(actual_at)).concat();
    let texts: Vec<String> = pts
        .iter()
        .filter_map(|p| p.actual.as_ref().map(|a| a.text.clone()))
        .collect();
    let mut next_left = f64::INFINITY;
    let mut placed = Vec::new();
    for (&(x, v), label) in actuals.iter().zip(&texts).rev() {
        let i = x as usize;
        let (px, py) = chart.backend_coord(&(x, v));
        let (px, py) = (px as f64, py as f64);
        // Bold digits run a little wider than the estimate: room to spare on each side.
        let half = text_width(label, SMALL_PX) * 0.6 + 2.0;
        let lx = px.clamp(PAD + half, w - 2.0 - half);
        if lx + half + 2.0 > next_left {
            continue;
        }
        next_left = lx - half;
        let below_target = target_at(&pts[i]).is_some_and(|t| v < t);
        let mut ly = if below_target { py + 20.0 } else { py - 10.0 };
        if ly - SMALL_PX < top {
            ly = py + 20.0;
        }
        if ly > bottom - 2.0 {
            ly = py - 10.0;
        }
        placed.push((lx, ly, label));
    }
    // Written left to right, as they read.
    for (lx, ly, label) in placed.into_iter().rev() {
        o.text(
            Text::at(lx, ly, SMALL_PX)
                .anchor("middle")
                .fill(BLUE)
                .bold()
                .halo()
                .class("value-label"),
            label,
        );
    }
}

/// 未集計 under the year labels, where it never meets the data: once for each run of
/// missing years, centred under the run, so neighbouring years never overprint it.
fn missing_labels(
    chart: &Plot<'_, '_>,
    pts: &[TrendPoint],
    slot: f64,
    bottom: f64,
    o: &mut Overlay,
) {
    let missing = |i: usize| pts[i].actual.is_none();
    let mut i = 0;
    while i < pts.len() {
        if !missing(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < pts.len() && missing(i) {
            i += 1;
        }
        let (px, _) = chart.backend_coord(&((start + i - 1) as f64 / 2.0, 0.0));
        // Two runs are at least two years apart: the text fits in that.
        let size = ((2.0 * slot - 4.0) / 3.0).clamp(11.0, SMALL_PX);
        o.text(
            Text::at(px as f64, bottom + 38.0, size)
                .anchor("middle")
                .fill(MUTED)
                .class("missing"),
            o.lang.text().words.not_collected,
        );
    }
}

/// Where a year's actual is plotted.
fn actual_at(p: &TrendPoint) -> Option<f64> {
    p.actual.as_ref().map(Figure::plot)
}

/// Where a year's target is plotted.
fn target_at(p: &TrendPoint) -> Option<f64> {
    p.target.as_ref().map(Figure::plot)
}

#[cfg(test)]
#[path = "trend_tests.rs"]
mod tests;
