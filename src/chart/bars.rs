//! The plot both horizontal-bar charts (goal summary, budgets) stand on: an x axis of
//! values with nice ticks, a y axis counted in pixels so rows can be placed by hand, the
//! grid and the tick labels.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::svg::{Axis, GRID_RGB, MUTED_RGB, Mark, Pen, SvgBackend, TICK_RGB, ticks};

/// Tick label size of the bar charts.
pub(crate) const TICK_PX: f64 = super::svg::SMALL_PX;
/// Room left of the plot.
pub(crate) const PLOT_LEFT: u32 = 14;
/// Room for the x tick labels.
pub(crate) const X_LABEL_AREA: u32 = 24;
/// Room under the tick labels.
pub(crate) const BOTTOM: u32 = 8;

/// The plot's coordinates: values across, pixels up.
pub(crate) type BarPlot<'a, 'b> = ChartContext<'a, SvgBackend<'b>, Cartesian2d<Axis, Axis>>;

/// Draws the axis and grid of a bar chart on `area` and returns the plot to draw bars on.
/// `x` is (low, high, step); `plot_h` the plot's height in pixels; `right` the room kept
/// right of the plot for value and grade labels. The tick labels are marked through `pen`.
pub(crate) fn bar_plot<'a, 'b>(
    area: &'a DrawingArea<SvgBackend<'b>, Shift>,
    pen: &Pen,
    x: (f64, f64, f64),
    plot_h: f64,
    right: u32,
    x_fmt: &dyn Fn(&f64) -> String,
) -> Result<BarPlot<'a, 'b>, Box<dyn std::error::Error>> {
    let (lo, hi, step) = x;
    let mut chart = ChartBuilder::on(area)
        .margin_left(PLOT_LEFT)
        .margin_right(right)
        .margin_bottom(BOTTOM)
        .x_label_area_size(X_LABEL_AREA)
        .build_cartesian_2d(
            Axis {
                lo,
                hi,
                ticks: ticks(lo, hi, step),
            },
            // No ticks up the side: rows are placed by pixel, not read off an axis.
            Axis {
                lo: 0.0,
                hi: plot_h,
                ticks: Vec::new(),
            },
        )?;
    pen.draw(Mark::texts("tick-label"), || {
        chart
            .configure_mesh()
            .bold_line_style(GRID_RGB.stroke_width(1))
            .axis_style(MUTED_RGB.stroke_width(1))
            .label_style(("sans-serif", TICK_PX).into_font().color(&TICK_RGB))
            .x_label_formatter(x_fmt)
            .draw()
    })?;
    Ok(chart)
}
