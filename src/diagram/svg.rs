//! Writes a finished [`Layout`] as accessible, print-friendly SVG.
//!
//! Dark strokes on white only, so the diagram survives grayscale printing; labels sit on white
//! rectangles drawn after the arrows so no line runs through text. The root has a `viewBox`
//! and its natural `width` (1 unit = 1 CSS px, so the text is drawn at the sizes laid out):
//! a page shows it at that size and lets a phone scroll it sideways rather than shrink its
//! text; print scales it to the page with `max-width`.

use std::fmt::Write;

use crate::i18n::templates::lang_attr;
use crate::i18n::{Lang, fill};
use crate::svg::{FONT_FAMILY, esc as escape, num};

use super::{KIND_GAP, KIND_PX, LABEL_PX, LINE_HEIGHT, Layout, NAME_PX, Rect};

const INK: &str = "#1a1a1a";
const KIND_INK: &str = "#444";
/// Baseline below the centre of a line, in em: centres full-width glyphs in their line.
const BASELINE_DROP: f64 = 0.36;
/// The arrowhead's length; the line stops short by this much, less the overlap, so its
/// square end does not poke out of the tip.
const ARROW_LEN: f64 = 9.0;
const ARROW_OVERLAP: f64 = 3.0;

/// Renders `layout` with ids derived from `id`; see [`super::render_svg`].
pub(super) fn render(lang: Lang, id: &str, title: &str, layout: &Layout) -> String {
    let id = sanitize_id(id);
    let mut s = String::new();
    let (w, h) = (num(layout.width), num(layout.height));
    // `let _ =`: writing to a String cannot fail.
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" class=\"nenpo-diagram\" width=\"{w}\" \
         font-family=\"{FONT_FAMILY}\">"
    );
    let _ = writeln!(s, "<title id=\"{id}-title\">{}</title>", escape(title));
    let _ = writeln!(
        s,
        "<desc id=\"{id}-desc\">{}</desc>",
        escape(&describe(lang, layout))
    );
    let _ = writeln!(
        s,
        "<defs><marker id=\"{id}-arrow\" viewBox=\"0 0 {len} 10\" refX=\"{ref_x}\" refY=\"5\" \
         markerWidth=\"{len}\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">\
         <path d=\"M0,1 L{len},5 L0,9 Z\" fill=\"{INK}\"/></marker></defs>",
        len = num(ARROW_LEN),
        ref_x = num(ARROW_OVERLAP),
    );

    let _ = writeln!(
        s,
        "<g class=\"relations\" fill=\"none\" stroke=\"{INK}\" stroke-width=\"1.5\">"
    );
    for edge in &layout.edges {
        let d = path_data(&shorten_end(&edge.points, ARROW_LEN - ARROW_OVERLAP));
        let _ = writeln!(s, "<path d=\"{d}\" marker-end=\"url(#{id}-arrow)\"/>");
    }
    s.push_str("</g>\n");
    write_bodies(&mut s, layout, lang);
    write_relation_labels(&mut s, layout, lang);
    s.push_str("</svg>\n");
    s
}

/// The bodies' boxes, each with its name (one or two lines) and its kind below.
fn write_bodies(s: &mut String, layout: &Layout, lang: Lang) {
    let names: String = layout.boxes.iter().map(|b| b.name.as_str()).collect();
    let _ = writeln!(
        s,
        "<g class=\"bodies\" text-anchor=\"middle\"{}>",
        lang_attr(lang, &names)
    );
    for b in &layout.boxes {
        let r = &b.rect;
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"#fff\" stroke=\"{INK}\" stroke-width=\"1.5\"/>",
            num(r.x),
            num(r.y),
            num(r.w),
            num(r.h)
        );
        let name_h = b.name_lines.len() as f64 * NAME_PX * LINE_HEIGHT;
        let kind_h = if b.kind_line.is_some() {
            KIND_GAP + KIND_PX * LINE_HEIGHT
        } else {
            0.0
        };
        let top = r.y + (r.h - name_h - kind_h) / 2.0;
        let cx = num(r.x + r.w / 2.0);
        for (i, line) in b.name_lines.iter().enumerate() {
            let y = baseline(top, i, NAME_PX);
            let _ = writeln!(
                s,
                "<text x=\"{cx}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
                num(y),
                num(NAME_PX),
                escape(line)
            );
        }
        if let Some(kind) = &b.kind_line {
            let y = baseline(top + name_h + KIND_GAP, 0, KIND_PX);
            let _ = writeln!(
                s,
                "<text x=\"{cx}\" y=\"{}\" font-size=\"{}\" fill=\"{KIND_INK}\">{}</text>",
                num(y),
                num(KIND_PX),
                escape(kind)
            );
        }
    }
    s.push_str("</g>\n");
}

/// The relations' labels on white, over the arrows.
fn write_relation_labels(s: &mut String, layout: &Layout, lang: Lang) {
    let labels: String = layout.edges.iter().map(|e| e.label.as_str()).collect();
    let _ = writeln!(
        s,
        "<g class=\"relation-labels\" text-anchor=\"middle\"{}>",
        lang_attr(lang, &labels)
    );
    for edge in &layout.edges {
        let Some(r) = edge.label_rect else { continue };
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fff\"/>",
            num(r.x),
            num(r.y),
            num(r.w),
            num(r.h)
        );
        let top = label_top(&r, edge.label_lines.len());
        for (i, line) in edge.label_lines.iter().enumerate() {
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{INK}\">{}</text>",
                num(r.x + r.w / 2.0),
                num(baseline(top, i, LABEL_PX)),
                num(LABEL_PX),
                escape(line)
            );
        }
    }
    s.push_str("</g>\n");
}

/// The description read out by screen readers: the bodies, then every relation as a sentence,
/// e.g. 「市長から所沢市環境審議会へ「諮問」。」.
fn describe(lang: Lang, layout: &Layout) -> String {
    let w = &lang.text().chart;
    let name_of = |id: &str| {
        layout
            .boxes
            .iter()
            .find(|b| b.id == id)
            .map_or(id.to_string(), |b| b.name.clone())
    };
    let bodies: Vec<String> = layout
        .boxes
        .iter()
        .map(|b| match &b.kind_line {
            Some(kind) => fill(w.diagram_body_kind, &[("name", &b.name), ("kind", kind)]),
            None => b.name.clone(),
        })
        .collect();
    let mut out = String::new();
    if !bodies.is_empty() {
        let list = bodies.join(lang.text().page.list_sep);
        out.push_str(&fill(w.diagram_bodies, &[("list", &list)]));
    }
    if !layout.edges.is_empty() {
        out.push_str(w.diagram_relations);
        for e in &layout.edges {
            let (from, to) = (name_of(&e.from), name_of(&e.to));
            let label = e.label.trim();
            if label.is_empty() {
                out.push_str(&fill(w.diagram_edge, &[("from", &from), ("to", &to)]));
            } else {
                out.push_str(&fill(
                    w.diagram_edge_label,
                    &[("from", &from), ("to", &to), ("label", &label)],
                ));
            }
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// SVG path data for a polyline whose slanted segments only cross the empty gaps between
/// rank bands: those become S-curves leaving and arriving vertically, joining the vertical
/// segments smoothly. Each curve stays within its segment's bounding box, so it avoids whatever
/// the straight segment avoided.
fn path_data(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        if i == 0 {
            let _ = write!(d, "M{},{}", num(x), num(y));
            continue;
        }
        let (px, py) = points[i - 1];
        if (x - px).abs() < 0.05 {
            let _ = write!(d, " L{},{}", num(x), num(y));
        } else {
            let mid = (py + y) / 2.0;
            let _ = write!(
                d,
                " C{},{} {},{} {},{}",
                num(px),
                num(mid),
                num(x),
                num(mid),
                num(x),
                num(y)
            );
        }
    }
    d
}

/// Baseline of line `i` of text whose first line box starts at `top`.
fn baseline(top: f64, i: usize, font_px: f64) -> f64 {
    top + (i as f64 + 0.5) * font_px * LINE_HEIGHT + BASELINE_DROP * font_px
}

/// Top of the first line of a label of `lines` lines centred in `rect`.
fn label_top(rect: &Rect, lines: usize) -> f64 {
    rect.y + (rect.h - lines as f64 * LABEL_PX * LINE_HEIGHT) / 2.0
}

/// The polyline with its last segment shortened by `by` (never past its start), so the line
/// ends inside the arrowhead instead of at its tip.
fn shorten_end(points: &[(f64, f64)], by: f64) -> Vec<(f64, f64)> {
    let mut out = points.to_vec();
    let n = out.len();
    if n >= 2 {
        let (a, b) = (out[n - 2], out[n - 1]);
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        if len > 0.0 {
            let t = (by / len).min(0.9);
            out[n - 1] = (b.0 - (b.0 - a.0) * t, b.1 - (b.1 - a.1) * t);
        }
    }
    out
}

/// The caller's id reduced to characters safe in XML ids and `url(#…)` references.
fn sanitize_id(id: &str) -> String {
    crate::xml_id::xml_id(id, "d-")
}
