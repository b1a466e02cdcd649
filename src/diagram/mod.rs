//! Draws the promotion-system diagram (推進体制図): governance bodies as boxes, their relations
//! (諮問, 答申, 報告 …) as labelled arrows, laid out in layers and rendered as accessible SVG.
//!
//! Two pure stages: [`layout()`] places boxes, arrows and labels; [`render_svg`] turns the
//! placement into an SVG string that can be embedded inline in HTML5. Both are deterministic:
//! the same input gives byte-identical output, and input order is the tie-break everywhere (the
//! caller sorts bodies by weight, then id).
//!
//! The layout is hand-rolled rather than taken from a crate. `layout-rs` (the maintained pure-Rust
//! layered layout on crates.io) was checked: it estimates text width as characters × font size,
//! draws edge labels with `<textPath>` along the curve with no placement or overlap handling, and
//! has no hook for label backgrounds or accessibility. Honest label placement — each label a
//! node of its own that takes part in ordering and spacing — was easier to build here than to
//! bolt on there.

use crate::i18n::Lang;

mod layout;
mod order;
mod place;
mod svg;
mod text;

#[cfg(test)]
mod tests;

/// A governance body to draw: one box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable id that edges refer to (the body's file stem).
    pub id: String,
    /// Display name, e.g. 「所沢市環境審議会」; wrapped onto two lines when long.
    pub name: String,
    /// Kind shown as a smaller second line, e.g. 「審議会」. Empty (or equal to the name) hides it.
    pub kind: String,
}

/// A relation between two bodies: one labelled arrow from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Id of the body the arrow starts at.
    pub from: String,
    /// Id of the body the arrow points to.
    pub to: String,
    /// Relation written on the arrow, e.g. 「諮問」. May be empty.
    pub label: String,
}

/// An axis-aligned rectangle; `x`, `y` is the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// Whether the interiors of the two rectangles overlap (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether the segment from `a` to `b` passes through the interior of the rectangle shrunk
    /// by `inset` on every side (Liang–Barsky clipping). Touching the border does not count.
    pub fn intersects_segment(&self, a: (f64, f64), b: (f64, f64), inset: f64) -> bool {
        let (x0, x1) = (self.x + inset, self.right() - inset);
        let (y0, y1) = (self.y + inset, self.bottom() - inset);
        if x0 >= x1 || y0 >= y1 {
            return false;
        }
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a.0 - x0),
            (dx, x1 - a.0),
            (-dy, a.1 - y0),
            (dy, y1 - a.1),
        ] {
            if p == 0.0 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t0 < t1
    }
}

/// Where one body's box goes and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxPlacement {
    /// The body's id.
    pub id: String,
    /// The full name, unwrapped (used in the description).
    pub name: String,
    /// The kind as given (used in the description).
    pub kind: String,
    /// The box.
    pub rect: Rect,
    /// The name, wrapped onto one or two lines.
    pub name_lines: Vec<String>,
    /// The smaller second line, if the kind is shown.
    pub kind_line: Option<String>,
}

/// The route of one relation's arrow and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgePath {
    /// Id of the body the arrow starts at.
    pub from: String,
    /// Id of the body the arrow points to.
    pub to: String,
    /// The relation as given.
    pub label: String,
    /// The label wrapped onto one or two lines (empty when there is no label).
    pub label_lines: Vec<String>,
    /// Polyline from the border of `from`'s box to the border of `to`'s box; the arrowhead
    /// goes on the last point.
    pub points: Vec<(f64, f64)>,
    /// The label's white background; the polyline passes underneath it.
    pub label_rect: Option<Rect>,
}

/// A finished placement, in SVG user units (CSS pixels at scale 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Width of the drawing including the margin.
    pub width: f64,
    /// Height of the drawing including the margin.
    pub height: f64,
    /// One box per distinct body id, in input order.
    pub boxes: Vec<BoxPlacement>,
    /// One path per drawn relation, in input order (unknown ids, self-loops and exact
    /// duplicates are left out).
    pub edges: Vec<EdgePath>,
}

/// Font size of body names.
pub(crate) const NAME_PX: f64 = 14.0;
/// Font size of the kind line under the name.
pub(crate) const KIND_PX: f64 = 12.0;
/// Font size of relation labels.
pub(crate) const LABEL_PX: f64 = 13.0;
/// Line height as a multiple of the font size.
pub(crate) const LINE_HEIGHT: f64 = 1.3;
/// Gap between the name lines and the kind line.
pub(crate) const KIND_GAP: f64 = 2.0;
/// Empty space around the drawing.
pub(crate) const MARGIN: f64 = 8.0;

/// Places bodies and relations in layers (Sugiyama style) so that no boxes or labels overlap
/// and no arrow crosses a box it does not connect.
///
/// Relations naming an unknown body and self-loops are skipped; a repeated body id keeps its
/// first occurrence. Never panics.
pub fn layout(nodes: &[Node], edges: &[Edge]) -> Layout {
    layout::compute(nodes, edges)
}

/// Renders a placement as an inline-embeddable SVG string.
///
/// `id` must be stable and unique within the page: the `<title>`, `<desc>` and arrowhead
/// `<marker>` ids derive from it. `title` becomes the accessible name; the description lists
/// every body and, in words, every relation, in `lang`; in a language other than Japanese
/// the editors' Japanese names and labels are marked `lang="ja"`.
pub fn render_svg(lang: Lang, id: &str, title: &str, layout: &Layout) -> String {
    svg::render(lang, id, title, layout)
}

/// Convenience: [`layout()`] followed by [`render_svg`].
pub fn render_diagram(lang: Lang, id: &str, title: &str, nodes: &[Node], edges: &[Edge]) -> String {
    render_svg(lang, id, title, &layout(nodes, edges))
}
