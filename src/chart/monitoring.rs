//! 環境の現況: one item's values at its sites over the years, with the 環境基準 drawn and
//! labelled (a line for a limit, a shaded band for a range, steps where it changed).
//!
//! Up to [`MAX_LINES`] sites sharing one standard share one plot, each site with its own
//! colour, dash pattern and marker shape (filled circle, hollow square, filled triangle,
//! hollow diamond), so the lines stay apart in grayscale and on paper. More sites, or sites
//! with standards of their own (a river's 類型), become small multiples: one panel per site
//! on a shared scale, each with its own standard and its latest value labelled.

use plotters::prelude::*;

use super::axis::{Scale, y_scale};
use super::svg::{
    self, Axis, BLUE, BLUE_RGB, Canvas, Frame, GRID_RGB, LABEL_PX, MUTED, MUTED_RGB, Mark, Overlay,
    PAD, Pen, SMALL_PX, SvgBackend, TEXT, TICK_RGB, Text, fmt_num, num, text_width,
};
use super::{ChartSvg, Figure, Fit, MonitoringInput, SiteSeries, StandardBand};

/// Width of the wide layout.
const WIDE: u32 = 480;
/// Sites drawn in one plot at most; more become small multiples.
pub const MAX_LINES: usize = 4;
/// The standard: dark red, 7.2:1 against white.
const RED: &str = "#9B1C1C";
const RED_RGB: RGBColor = RGBColor(0x9B, 0x1C, 0x1C);
/// The band of a range standard.
const BAND_RGB: RGBColor = RGBColor(0xF6, 0xE7, 0xE7);

/// How each site's line is drawn: class, colour, dash pattern, marker.
struct Style {
    line: &'static str,
    mark: &'static str,
    color: RGBColor,
    hex: &'static str,
    dash: &'static str,
    marker: Marker,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

const STYLES: [Style; MAX_LINES] = [
    Style {
        line: "site-line s1",
        mark: "site-mark s1",
        color: BLUE_RGB,
        hex: BLUE,
        dash: "",
        marker: Marker::Circle,
    },
    Style {
        line: "site-line s2",
        mark: "site-mark s2",
        color: RGBColor(0xB8, 0x50, 0x00),
        hex: "#B85000",
        dash: " stroke-dasharray=\"8 4\"",
        marker: Marker::Square,
    },
    Style {
        line: "site-line s3",
        mark: "site-mark s3",
        color: RGBColor(0x2E, 0x6B, 0x30),
        hex: "#2E6B30",
        dash: " stroke-dasharray=\"2 3\" stroke-linecap=\"round\"",
        marker: Marker::Triangle,
    },
    Style {
        line: "site-line s4",
        mark: "site-mark s4",
        color: RGBColor(0x5E, 0x2C, 0x8A),
        hex: "#5E2C8A",
        dash: " stroke-dasharray=\"12 3 3 3\"",
        marker: Marker::Diamond,
    },
];

/// Renders an item's values at its sites as an inline SVG, wide and narrow.
pub fn render_monitoring(input: &MonitoringInput) -> ChartSvg {
    ChartSvg {
        wide: render(input, Fit::Wide),
        narrow: render(input, Fit::Narrow),
    }
}

/// Whether the sites share one plot: few enough, and one standard for all.
pub fn shares_one_plot(input: &MonitoringInput) -> bool {
    input.series.len() <= MAX_LINES
        && input
            .series
            .windows(2)
            .all(|w| same_standard(&w[0].standard, &w[1].standard))
}

fn same_standard(a: &[Option<StandardBand>], b: &[Option<StandardBand>]) -> bool {
    let limits = |s: &Option<StandardBand>| {
        s.as_ref().map(|s| {
            (
                s.min.as_ref().map(|f| f.value),
                s.max.as_ref().map(|f| f.value),
            )
        })
    };
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| limits(x) == limits(y))
}

fn render(input: &MonitoringInput, fit: Fit) -> String {
    let id = svg::chart_id(&input.id, fit);
    let w = fit.width(WIDE);
    let mut overlay = Overlay::new(input.lang);
    let single = shares_one_plot(input);
    let mut top = svg::title_block(&mut overlay, &input.title, w as f64);
    if single {
        top = legend(input, &mut overlay, w as f64, top);
    }
    top += 20.0;
    if !input.unit_label.is_empty() {
        overlay.text(
            Text::at(PAD, top, SMALL_PX)
                .fill(MUTED)
                .class("unit")
                .editor(),
            &input.unit_label,
        );
    }
    let top = (top + 8.0).ceil() as u32;
    let scale = scale_of(input, !single);
    let mut raw = String::new();
    let (h, drawn) = if single {
        let h = top + if fit == Fit::Wide { 250 } else { 230 };
        let c = Canvas { w, h, top };
        (h, draw_single(&mut raw, input, c, &scale, &mut overlay))
    } else {
        let rows = input.series.len().div_ceil(2).max(1) as u32;
        let h = top + rows * PANEL_H + 6;
        let c = Canvas { w, h, top };
        (h, draw_panels(&mut raw, input, c, &scale, &mut overlay))
    };
    let frame = Frame {
        id: &id,
        kind: "monitoring",
        fit,
        width: w,
        height: h,
        title: &input.title,
        desc: &input.desc,
        defs: "",
        lang: input.lang,
    };
    match drawn {
        Ok(()) => svg::finish(&raw, &frame, &overlay),
        Err(_) => svg::fallback(&frame),
    }
}

/// The legend of the shared plot: each site's line and marker with its name; returns the y
/// of its last row.
fn legend(input: &MonitoringInput, o: &mut Overlay, w: f64, y0: f64) -> f64 {
    let mut y = y0 + 22.0;
    let mut x = PAD;
    for (i, s) in input.series.iter().enumerate() {
        let style = &STYLES[i];
        let item_w = 32.0 + text_width(&s.name, LABEL_PX);
        if x > PAD && x + item_w > w - PAD {
            x = PAD;
            y += 21.0;
        }
        let sy = y - 5.0;
        o.raw(&format!(
            "<g class=\"legend-swatch\"><line x1=\"{}\" y1=\"{y1}\" x2=\"{}\" y2=\"{y1}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>{}</g>",
            num(x),
            num(x + 26.0),
            style.hex,
            style.dash,
            marker_markup(style, x + 13.0, sy),
            y1 = num(sy)
        ));
        o.text(
            Text::at(x + 32.0, y, LABEL_PX).class("legend").editor(),
            &svg::truncate(&s.name, LABEL_PX, w - PAD - x - 32.0),
        );
        x += item_w + 16.0;
    }
    y
}

/// A marker as SVG markup centred on (`x`, `y`), for the legend.
fn marker_markup(style: &Style, x: f64, y: f64) -> String {
    let c = style.hex;
    match style.marker {
        Marker::Circle => format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{c}\"/>",
            num(x),
            num(y)
        ),
        Marker::Square => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" fill=\"#FFFFFF\" stroke=\"{c}\" stroke-width=\"2\"/>",
            num(x - 4.0),
            num(y - 4.0)
        ),
        Marker::Triangle => format!(
            "<polygon points=\"{},{} {},{} {},{}\" fill=\"{c}\"/>",
            num(x),
            num(y - 5.0),
            num(x + 5.0),
            num(y + 4.0),
            num(x - 5.0),
            num(y + 4.0)
        ),
        Marker::Diamond => format!(
            "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"#FFFFFF\" stroke=\"{c}\" stroke-width=\"2\"/>",
            num(x),
            num(y - 5.0),
            num(x + 5.0),
            num(y),
            num(x),
            num(y + 5.0),
            num(x - 5.0),
            num(y)
        ),
    }
}

/// One y scale for every value and every limit drawn; panels label their latest value.
fn scale_of(input: &MonitoringInput, labelled: bool) -> Scale {
    let mut values: Vec<f64> = Vec::new();
    let mut latest: Vec<f64> = Vec::new();
    for s in &input.series {
        values.extend(s.values.iter().flatten().map(Figure::plot));
        for b in s.standard.iter().flatten() {
            values.extend(b.min.iter().chain(&b.max).map(Figure::plot));
        }
        latest.extend(s.values.iter().rev().flatten().next().map(Figure::plot));
    }
    y_scale(
        &values,
        if labelled { &latest } else { &[] },
        input.decimals,
    )
}

/// Runs of consecutive present values: each run is one polyline.
fn runs(values: &[Option<Figure>]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => out.last_mut().map(|r| r.push((i as f64, v.plot()))),
            None => {
                out.push(Vec::new());
                None
            }
        };
    }
    out.retain(|r| !r.is_empty());
    out
}

type Plot<'a, 'b> = ChartContext<'a, SvgBackend<'b>, Cartesian2d<Axis, Axis>>;

/// The x axis of `n` years whose labels fit `slot` pixels each: every k-th from the latest.
fn x_axis(years: &[String], slot: f64) -> Axis {
    let n = years.len().max(1);
    let widest = years
        .iter()
        .map(|y| text_width(y, SMALL_PX) + 8.0)
        .fold(0.0, f64::max);
    let every = ((widest / slot).ceil() as usize).max(1);
    Axis {
        lo: -0.5,
        hi: n as f64 - 0.5,
        ticks: (0..years.len())
            .filter(|i| (years.len() - 1 - i).is_multiple_of(every))
            .map(|i| i as f64)
            .collect(),
    }
}

fn y_label_width(scale: &Scale) -> u32 {
    scale
        .ticks
        .iter()
        .map(|t| text_width(&fmt_num(*t, scale.tick_decimals), SMALL_PX))
        .fold(0.0, f64::max)
        .ceil() as u32
        + 12
}

/// Axes and grid of a plot on `area`.
fn plot_on<'a, 'b>(
    area: &'a DrawingArea<SvgBackend<'b>, plotters::coord::Shift>,
    pen: &Pen,
    input: &MonitoringInput,
    scale: &Scale,
    (top, right): (u32, u32),
) -> Result<Plot<'a, 'b>, Box<dyn std::error::Error + 'a>> {
    let y_w = y_label_width(scale);
    let (aw, _) = area.dim_in_pixel();
    let slot = (aw as f64 - y_w as f64 - PAD - right as f64) / input.years.len().max(1) as f64;
    let years = &input.years;
    let x_fmt = |x: &f64| {
        let i = x.round();
        (i >= 0.0)
            .then(|| years.get(i as usize))
            .flatten()
            .cloned()
            .unwrap_or_default()
    };
    let y_fmt = |y: &f64| fmt_num(*y, scale.tick_decimals);
    let mut chart = ChartBuilder::on(area)
        .margin_left(PAD as u32)
        .margin_right(right)
        .margin_top(top)
        .margin_bottom(2)
        .x_label_area_size(30)
        .y_label_area_size(y_w)
        .build_cartesian_2d(
            x_axis(years, slot),
            Axis {
                lo: scale.lo,
                hi: scale.hi,
                ticks: scale.ticks.clone(),
            },
        )?;
    let font = ("sans-serif", SMALL_PX).into_font().color(&TICK_RGB);
    pen.draw(Mark::texts("tick-label"), || {
        chart
            .configure_mesh()
            .disable_x_mesh()
            .bold_line_style(GRID_RGB.stroke_width(1))
            .axis_style(MUTED_RGB.stroke_width(1))
            .label_style(font)
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .draw()
    })?;
    Ok(chart)
}

fn draw_single(
    buf: &mut String,
    input: &MonitoringInput,
    c: Canvas,
    scale: &Scale,
    o: &mut Overlay,
) -> Result<(), Box<dyn std::error::Error>> {
    let pen = Pen::default();
    let root = SvgBackend::new(buf, (c.w, c.h), &pen).into_drawing_area();
    root.fill(&WHITE)?;
    let (_, lower) = root.split_vertically(c.top);
    let chart = plot_on(&lower, &pen, input, scale, (8, 16)).map_err(|e| e.to_string())?;
    let mut chart = chart;
    if let Some(first) = input.series.first() {
        draw_standard(&mut chart, &pen, &first.standard)?;
        standard_label(&chart, &first.standard, o, c.w as f64);
    }
    for (i, s) in input.series.iter().enumerate() {
        draw_series(&mut chart, &pen, &s.values, &STYLES[i])?;
    }
    if input
        .series
        .iter()
        .all(|s| s.values.iter().all(Option::is_none))
    {
        no_data(&chart, input, o);
    }
    root.present()?;
    Ok(())
}

/// Height of one small-multiple panel: its title, plot and year labels.
const PANEL_H: u32 = 186;

fn draw_panels(
    buf: &mut String,
    input: &MonitoringInput,
    c: Canvas,
    scale: &Scale,
    o: &mut Overlay,
) -> Result<(), Box<dyn std::error::Error>> {
    let pen = Pen::default();
    let root = SvgBackend::new(buf, (c.w, c.h), &pen).into_drawing_area();
    root.fill(&WHITE)?;
    let (_, lower) = root.split_vertically(c.top);
    let rows = input.series.len().div_ceil(2).max(1);
    let (lower, _) = lower.split_vertically(rows as u32 * PANEL_H);
    let panels = lower.split_evenly((rows, 2));
    for (s, area) in input.series.iter().zip(&panels) {
        let (px, py) = area.get_base_pixel();
        let (aw, _) = area.dim_in_pixel();
        let room = aw as f64 - 2.0 * PAD;
        o.text(
            Text::at(px as f64 + PAD, py as f64 + 16.0, LABEL_PX)
                .bold()
                .class("panel-title")
                .editor(),
            &svg::truncate(&s.name, LABEL_PX, room),
        );
        // The panel's standard under its title, where it never covers a value.
        if let Some(b) = s.standard.iter().rev().flatten().next() {
            o.text(
                Text::at(px as f64 + PAD, py as f64 + 33.0, SMALL_PX)
                    .fill(RED)
                    .class("standard-label")
                    .editor(),
                &svg::truncate(&b.label, SMALL_PX, room),
            );
        }
        let mut chart = plot_on(area, &pen, input, scale, (42, 8)).map_err(|e| e.to_string())?;
        draw_standard(&mut chart, &pen, &s.standard)?;
        draw_series(&mut chart, &pen, &s.values, &STYLES[0])?;
        latest_label(&chart, s, o, (px + aw as i32) as f64);
    }
    root.present()?;
    Ok(())
}

/// The standard as steps over the years: a line per limit, a band for a range.
fn draw_standard(
    chart: &mut Plot<'_, '_>,
    pen: &Pen,
    bands: &[Option<StandardBand>],
) -> Result<(), Box<dyn std::error::Error>> {
    let steps = |f: fn(&StandardBand) -> Option<&Figure>| -> Vec<Vec<(f64, f64)>> {
        let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (i, b) in bands.iter().enumerate() {
            match b.as_ref().and_then(f) {
                Some(v) => {
                    let run = out.last_mut().expect("never empty");
                    run.push((i as f64 - 0.5, v.plot()));
                    run.push((i as f64 + 0.5, v.plot()));
                }
                None => out.push(Vec::new()),
            }
        }
        out.retain(|r| !r.is_empty());
        out
    };
    let (lows, highs) = (steps(|b| b.min.as_ref()), steps(|b| b.max.as_ref()));
    // A range is shaded between its limits, year by year.
    let shaded: Vec<(f64, f64, f64)> = bands
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let b = b.as_ref()?;
            Some((i as f64, b.min.as_ref()?.plot(), b.max.as_ref()?.plot()))
        })
        .collect();
    pen.draw(Mark::shapes("standard-band"), || {
        chart.draw_series(
            shaded.iter().map(|&(x, lo, hi)| {
                Rectangle::new([(x - 0.5, hi), (x + 0.5, lo)], BAND_RGB.filled())
            }),
        )
    })?;
    for run in lows.into_iter().chain(highs) {
        pen.draw(Mark::shapes("standard-line"), || {
            chart.draw_series(LineSeries::new(run, RED_RGB.stroke_width(2)))
        })?;
    }
    Ok(())
}

/// The label of the latest standard at the plot's left, on the side of the limit where
/// values fail it (above an upper limit, below a lower one), where values mostly are not.
fn standard_label(
    chart: &Plot<'_, '_>,
    bands: &[Option<StandardBand>],
    o: &mut Overlay,
    right: f64,
) {
    if let Some(b) = bands.iter().rev().flatten().next() {
        let (limit, above) = match (&b.max, &b.min) {
            (Some(max), _) => (max.plot(), true),
            (None, Some(min)) => (min.plot(), false),
            (None, None) => return,
        };
        let (xs, ys) = chart.plotting_area().get_pixel_range();
        let (_, py) = chart.backend_coord(&(0.0, limit));
        let (over, under) = (py as f64 - 5.0, py as f64 + 15.0);
        let (top, bottom) = (ys.start as f64 + SMALL_PX, ys.end as f64 - 3.0);
        // On the other side when the plot's edge leaves no room on its own side.
        let y = match above {
            true if over >= top => over,
            false if under <= bottom => under,
            true => under,
            false => over,
        }
        .clamp(top, bottom);
        let x = xs.start as f64 + 4.0;
        o.text(
            Text::at(x, y, SMALL_PX)
                .fill(RED)
                .bold()
                .halo()
                .class("standard-label")
                .editor(),
            &svg::truncate(&b.label, SMALL_PX, right - x - 2.0),
        );
    }
}

/// A site's line (broken where a year has no number) and its markers.
fn draw_series(
    chart: &mut Plot<'_, '_>,
    pen: &Pen,
    values: &[Option<Figure>],
    style: &Style,
) -> Result<(), Box<dyn std::error::Error>> {
    let runs = runs(values);
    for run in runs.iter().filter(|r| r.len() > 1) {
        pen.draw(Mark::shapes(style.line).extra(style.dash), || {
            chart.draw_series(LineSeries::new(run.clone(), style.color.stroke_width(2)))
        })?;
    }
    let points: Vec<(f64, f64)> = runs.concat();
    let color = style.color;
    pen.draw(Mark::shapes(style.mark), || match style.marker {
        Marker::Circle => {
            chart.draw_series(points.iter().map(|&p| Circle::new(p, 4, color.filled())))
        }
        Marker::Square => chart.draw_series(
            points
                .iter()
                .map(|&p| EmptyElement::at(p) + Rectangle::new([(-4, -4), (4, 4)], WHITE.filled())),
        ),
        Marker::Triangle => chart.draw_series(points.iter().map(|&p| {
            EmptyElement::at(p) + Polygon::new(vec![(0, -5), (5, 4), (-5, 4)], color.filled())
        })),
        Marker::Diamond => chart.draw_series(points.iter().map(|&p| {
            EmptyElement::at(p)
                + Polygon::new(vec![(0, -5), (5, 0), (0, 5), (-5, 0)], WHITE.filled())
        })),
    })?;
    // Hollow markers get their outline on top of the white face.
    let outline: Option<Vec<(i32, i32)>> = match style.marker {
        Marker::Square => Some(vec![(0, -4), (4, -4), (4, 4), (-4, 4), (-4, -4), (0, -4)]),
        Marker::Diamond => Some(vec![(2, -3), (5, 0), (0, 5), (-5, 0), (0, -5), (2, -3)]),
        _ => None,
    };
    if let Some(path) = outline {
        pen.draw(Mark::shapes(style.mark), || {
            chart.draw_series(points.iter().map(|&p| {
                EmptyElement::at(p) + PathElement::new(path.clone(), color.stroke_width(2))
            }))
        })?;
    }
    Ok(())
}

/// A panel's latest value, above its marker.
fn latest_label(chart: &Plot<'_, '_>, s: &SiteSeries, o: &mut Overlay, right: f64) {
    let Some((i, v)) = s
        .values
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.as_ref().map(|v| (i, v)))
    else {
        return;
    };
    let (px, py) = chart.backend_coord(&(i as f64, v.plot()));
    let half = text_width(&v.text, SMALL_PX) * 0.6 + 2.0;
    let x = (px as f64).min(right - 2.0 - half);
    o.text(
        Text::at(x, py as f64 - 9.0, SMALL_PX)
            .anchor("middle")
            .fill(BLUE)
            .bold()
            .halo()
            .class("value-label"),
        &v.text,
    );
}

fn no_data(chart: &Plot<'_, '_>, input: &MonitoringInput, o: &mut Overlay) {
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    o.text(
        Text::at(
            (xs.start + xs.end) as f64 / 2.0,
            (ys.start + ys.end) as f64 / 2.0,
            LABEL_PX,
        )
        .anchor("middle")
        .fill(TEXT),
        &input.no_data,
    );
}

#[cfg(test)]
#[path = "monitoring_tests.rs"]
mod tests;
