//! Helpers for the chart tests: parse the SVG and pick elements by class.

use roxmltree::{Document, Node};

pub fn parse(svg: &str) -> Document<'_> {
    Document::parse(svg).unwrap_or_else(|e| panic!("invalid SVG: {e}\n{svg}"))
}

pub fn by_class<'a, 'i>(doc: &'a Document<'i>, class: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split_whitespace().any(|x| x == class))
        })
        .collect()
}

pub fn f(n: &Node<'_, '_>, attr: &str) -> f64 {
    n.attribute(attr)
        .unwrap_or_else(|| panic!("no {attr} on {n:?}"))
        .parse()
        .unwrap()
}

pub fn text(n: &Node<'_, '_>) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Points of a polyline.
pub fn points(n: &Node<'_, '_>) -> Vec<(f64, f64)> {
    n.attribute("points")
        .unwrap()
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// Width and height from the root viewBox.
pub fn view_box(doc: &Document<'_>) -> (f64, f64) {
    let vb: Vec<f64> = doc
        .root_element()
        .attribute("viewBox")
        .unwrap()
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(&vb[..2], &[0.0, 0.0]);
    (vb[2], vb[3])
}

/// A pessimistic text width, independent of the module's own estimate: non-ASCII 1em,
/// ASCII 0.62em.
pub fn wide_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.62 } else { 1.0 })
        .sum::<f64>()
        * size
}

/// Every `<text>` (plotters' and ours) stays inside the viewBox horizontally, with the
/// pessimistic width estimate.
pub fn assert_texts_inside(doc: &Document<'_>) {
    let (w, h) = view_box(doc);
    for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let s = text(&t);
        let size = f(&t, "font-size");
        let x = f(&t, "x");
        let y = f(&t, "y");
        let width = wide_width(&s, size);
        let (x0, x1) = match t.attribute("text-anchor").unwrap_or("start") {
            "middle" => (x - width / 2.0, x + width / 2.0),
            "end" => (x - width, x),
            _ => (x, x + width),
        };
        assert!(
            x0 >= 0.0 && x1 <= w,
            "text {s:?} spans {x0:.1}..{x1:.1} outside 0..{w}"
        );
        assert!(y >= 0.0 && y <= h, "text {s:?} at y {y} outside 0..{h}");
    }
}

/// Root checks shared by every chart: role, labelled by title and desc, viewBox only.
pub fn assert_accessible_root(doc: &Document<'_>, id: &str, title: &str) {
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(root.attribute("width").is_none());
    assert!(root.attribute("height").is_none());
    let labelledby = root.attribute("aria-labelledby").unwrap();
    assert_eq!(labelledby, format!("{id}-title {id}-desc"));
    let t = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(&format!("{id}-title")))
        .expect("title element");
    assert_eq!(t.tag_name().name(), "title");
    assert_eq!(text(&t), title);
    let d = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(&format!("{id}-desc")))
        .expect("desc element");
    assert_eq!(d.tag_name().name(), "desc");
    assert!(!text(&d).is_empty());
}

pub fn desc(doc: &Document<'_>) -> String {
    text(&doc.descendants().find(|n| n.has_tag_name("desc")).unwrap())
}

/// Checks shared by both layouts of a chart: each is accessible under its own ids
/// (`{id}` and `{id}-n`), carries its fit's class, keeps its texts inside, and is drawn at
/// body size: a `max-width` of its own width (so 1 unit is at most 1 CSS px), the wide one
/// 480 or 560 units and the narrow one 340 (a 328–398 px phone column shows it at 96–100 %),
/// and every text between 11 and 16 units.
pub fn assert_both_fits(svg: &super::ChartSvg, id: &str, title: &str) {
    for (markup, id, class, widths) in [
        (&svg.wide, id.to_string(), "chart-wide", &[480.0, 560.0][..]),
        (&svg.narrow, format!("{id}-n"), "chart-narrow", &[340.0][..]),
    ] {
        let doc = parse(markup);
        assert_accessible_root(&doc, &id, title);
        let root = doc.root_element();
        assert!(
            root.attribute("class")
                .unwrap()
                .split(' ')
                .any(|c| c == class),
            "{class}"
        );
        let (w, _) = view_box(&doc);
        assert!(widths.contains(&w), "{class} is {w} wide");
        assert_eq!(root.attribute("style"), Some(&*format!("max-width:{w}px")));
        assert_texts_inside(&doc);
        for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
            let size = f(&t, "font-size");
            assert!(
                (11.0..=16.0).contains(&size),
                "{class}: {:?} at {size}",
                text(&t)
            );
        }
    }
    // Both in one page: no id twice.
    let page = format!("<div>{}</div>", svg.inline());
    let doc = parse(&page);
    let mut ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "an id appears twice: {ids:?}");
}
