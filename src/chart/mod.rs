//! SVG charts of a report: indicator trends, goal summaries and project budgets.
//!
//! The module is self-contained: callers fill the plain input structs below (already
//! formatted labels, already computed values) and get an SVG string back. Every figure
//! arrives as a [`Figure`]: its exact decimal, which only geometry turns into a float, and
//! its text as the report writes it, which the chart prints as given. [`plotters`]
//! lays out the axes, grid, tick labels, series, markers and bars and draws them through
//! this module's own backend, which writes each shape as one element with the class and
//! dash pattern of what it shows; around that the root gets `role="img"`, a `<title>` and
//! a `<desc>` that say in words what the chart shows, and the Japanese font stack.
//! Japanese text (titles, legends, direct labels, notes) is laid out by this module with
//! the shared width estimate ([`crate::svg`]), because plotters estimates text width from
//! the UTF-8 byte length.
//!
//! Every chart is:
//! - **inline-safe**: no XML declaration or DOCTYPE, `xmlns` on the root, valid to embed
//!   in HTML5; use [`standalone`] for a `.svg` file;
//! - **scalable, at body size**: only a `viewBox` on the root, no `width`/`height`
//!   attributes, and a `max-width` of its own width, so it shrinks to a narrow column but
//!   never grows past 1 unit per CSS pixel; laid out twice (see [`ChartSvg`]) so a phone
//!   gets a layout of its own rather than a shrunken desktop one;
//! - **deterministic**: the same input gives byte-identical output, element ids are
//!   derived from the caller's id (`{id}-title`, `{id}-desc`, `{id}-hatch`), coordinates
//!   the module adds are written with at most one decimal;
//! - **readable without colour**: filled circles for actuals, hollow diamonds and a
//!   dashed line for targets, hatching for budgets, direct value labels; dark blue and
//!   dark orange of different lightness, each at least 4.5:1 against white.
//!
//! Element classes for theming and tests: `actual-line`, `actual-mark`, `target-line`,
//! `target-mark`, `baseline`, `final-target`, `rate-bar`, `rate-100`, `settled-bar`,
//! `budget-bar`, `budget-edge`, `tick-label`, `value-label`, `missing`, `legend`,
//! `chart-title`, `note`.

mod axis;
mod backend;
mod bars;
mod budget;
mod cost;
mod monitoring;
mod summary;
mod svg;
mod trend;
mod trend_desc;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::i18n::Lang;

pub use budget::render_budgets;
pub use cost::{CostBar, CostWords, render_costs};
pub use monitoring::{MAX_LINES, render_monitoring, shares_one_plot};
pub use summary::render_goal_summary;
pub use trend::render_trend;

pub use crate::svg::FONT_FAMILY;

/// A figure to draw: its exact value and its text as the report writes it (`1,234.5`).
/// Geometry plots the value as a float; titles, labels and descriptions print the text, so
/// no printed figure passes through a float.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figure {
    /// The value as shown (already rounded to the decimals the text has).
    pub value: Decimal,
    /// The text of the value.
    pub text: String,
    /// The text carries its unit already, as a plan words a target (1,075g以下, 平成17年度比
    /// 15%削減): printed as it is, without the chart's unit after it.
    pub with_unit: bool,
}

impl Figure {
    /// The value as a coordinate.
    pub(crate) fn plot(&self) -> f64 {
        self.value.to_f64().unwrap_or(0.0)
    }

    /// The text with `unit` after it, unless it carries its unit already.
    pub(crate) fn with(&self, unit: &str) -> String {
        if self.with_unit {
            self.text.clone()
        } else {
            format!("{}{unit}", self.text)
        }
    }
}

/// One indicator's values over the fiscal years, for [`render_trend`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrendInput {
    /// Stable ASCII id, unique within the page; element ids are derived from it
    /// (characters other than `A-Za-z0-9_-` become `-`).
    pub id: String,
    /// Indicator name, shown wrapped (two lines at most, then `…`) and in full in `<title>`.
    pub title: String,
    /// Unit of the values (`ha`, `g/人日`, `件`, `%`); may be empty.
    pub unit: String,
    /// The most decimals among the values: the y axis never steps finer than that.
    pub decimals: u32,
    /// Lower values are better (`direction: down`): the chart carries a note saying so and
    /// the description words the comparison accordingly.
    pub lower_is_better: bool,
    /// The values are running totals (`kind: cumulative`); legend and axis say 累計.
    pub cumulative: bool,
    /// One point per fiscal year, oldest first, up to the report's year: a year whose
    /// actual is `None` is shown as 未集計, so leave out years still to come.
    pub points: Vec<TrendPoint>,
    /// 策定時の基準値, drawn as a dotted reference line labelled with its year.
    pub baseline: Option<Marker>,
    /// 最終目標値 of the plan, drawn as a dash-dot reference line labelled with its year.
    pub final_target: Option<Marker>,
    /// 中間目標 of the plan, each drawn as a long-dashed reference line labelled with its
    /// name and year.
    pub milestones: Vec<Marker>,
    /// The language of the chart's own words (legend, notes, description).
    pub lang: Lang,
}

/// One fiscal year of a [`TrendInput`]. Values are what should be plotted (running
/// totals for cumulative indicators).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrendPoint {
    /// Axis label: `R5` or `2023`.
    pub short_label: String,
    /// Label used in the description: `令和5年度`.
    pub long_label: String,
    /// 実績値; `None` is 未集計 and leaves a gap (never a zero).
    pub actual: Option<Figure>,
    /// That year's 目標値, if any.
    pub target: Option<Figure>,
    /// Why there is no actual, when it is not 未集計 (or the report spells 未集計 its own
    /// way): the symbol under the axis and the words of the description.
    pub missing: Option<Missing>,
}

/// What a year without an actual shows: 「－」 under the axis, 「該当なし」 in words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Missing {
    /// The symbol the tables print.
    pub symbol: String,
    /// What it means.
    pub name: String,
}

/// A single labelled value: the baseline or the final target.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Marker {
    /// `令和12年度`, used in the description.
    pub long_label: String,
    /// `R12` or `2030`, used in the chart.
    pub short_label: String,
    /// The value, in the indicator's unit.
    pub value: Figure,
    /// A name of its own (a milestone's 中間目標); baselines and final targets have none.
    pub name: Option<String>,
}

/// One indicator's 達成率 in a goal summary, for [`render_goal_summary`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RateBar {
    /// Indicator name (wrapped to two lines, then `…`; in full in the description).
    pub label: String,
    /// The rate in percent, uncapped (188.0 is drawn beyond 100); `None` draws no bar.
    pub rate: Option<Decimal>,
    /// The rate as the model formatted it (`93.7%`), shown at the bar's end.
    pub rate_text: String,
    /// Grade mark shown as text (`A`, `◎`); `None` shows nothing.
    pub grade_mark: Option<String>,
}

/// One project's money in 千円, for [`render_budgets`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BudgetBar {
    /// Project name (wrapped to two lines, then `…`; in full in the description).
    pub label: String,
    /// 予算額 of the following fiscal year in 千円; `None` shows 記載なし.
    pub budget: Option<Figure>,
    /// 決算額 of the fiscal year in 千円; `None` shows 記載なし.
    pub settled: Option<Figure>,
}

/// One monitoring item at its sites over the years, for [`render_monitoring`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MonitoringInput {
    /// Stable ASCII id, unique within the page.
    pub id: String,
    /// The visible title (wrapped to two lines) and `<title>`.
    pub title: String,
    /// The text alternative, written by the caller in the report's language.
    pub desc: String,
    /// 単位：ppm; empty for an item without a unit.
    pub unit_label: String,
    /// Axis labels of the years, oldest first.
    pub years: Vec<String>,
    /// The finest decimals of the values: the y axis never steps finer.
    pub decimals: u32,
    /// One series per site, in the table's order.
    pub series: Vec<SiteSeries>,
    /// Shown in an empty plot.
    pub no_data: String,
    /// The language of the chart's own words; an editor's Japanese (site names, the
    /// standard's wording) is marked `lang="ja"` on an English page.
    pub lang: Lang,
}

/// A site's values, one per year of [`MonitoringInput::years`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SiteSeries {
    /// The site's name (legend, panel title).
    pub name: String,
    /// The year's number; `None` (a status, a value below the limit) leaves a gap.
    pub values: Vec<Option<Figure>>,
    /// The standard in force that year, if it has a limit.
    pub standard: Vec<Option<StandardBand>>,
}

/// A standard drawn on a chart: a limit (a line), or both (a shaded range).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StandardBand {
    /// Lower limit.
    pub min: Option<Figure>,
    /// Upper limit.
    pub max: Option<Figure>,
    /// The label drawn at its latest step: 環境基準 0.06ppm以下.
    pub label: String,
}

/// A chart laid out twice: for the full width of a page and for a phone.
///
/// Each is drawn at most at its own size (1 SVG unit = 1 CSS pixel, through a `max-width`
/// on its root), so its text stays near the page's body size instead of growing and
/// shrinking with the page; the stylesheet shows the one that fits the space it has (a
/// container query on `.chart`; the narrow one is hidden without it). The roots carry the
/// classes `chart-wide` and `chart-narrow`; the narrow one's element ids end in `-n`, so
/// both sit in one page without clashing, and the hidden one (`display: none`) is not
/// read out.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSvg {
    /// Laid out [`Fit::Wide`]; also the downloadable file.
    pub wide: String,
    /// Laid out [`Fit::Narrow`].
    pub narrow: String,
}

impl ChartSvg {
    /// Both, for a page: the wide one first.
    pub fn inline(&self) -> String {
        let mut out = String::with_capacity(self.wide.len() + self.narrow.len());
        out.push_str(&self.wide);
        out.push_str(&self.narrow);
        out
    }

    /// The wide one as a standalone `.svg` file.
    pub fn standalone(&self) -> String {
        standalone(&self.wide)
    }
}

/// The width class a chart is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// A page column or a grid cell of a desktop or tablet page: 480 units for a trend,
    /// 560 for the bar charts.
    Wide,
    /// A phone held upright: 340 units, for a column of 320–400 CSS pixels.
    Narrow,
}

impl Fit {
    /// Width in SVG units of a chart whose wide layout is `wide` units.
    pub(crate) fn width(self, wide: u32) -> u32 {
        match self {
            Fit::Wide => wide,
            Fit::Narrow => NARROW_W,
        }
    }

    /// The class on the root and the suffix of element ids.
    pub(crate) fn class_and_suffix(self) -> (&'static str, &'static str) {
        match self {
            Fit::Wide => ("chart-wide", ""),
            Fit::Narrow => ("chart-narrow", "-n"),
        }
    }
}

/// Width of every chart's narrow layout: a 390 px phone's column is 358 px, a 360 px
/// phone's 328 px (drawn at 96 %).
pub(crate) const NARROW_W: u32 = 340;

/// Turns an inline chart into a standalone `.svg` file: adds the XML declaration.
pub fn standalone(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 40);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(svg);
    out
}

#[cfg(test)]
mod test_util;
