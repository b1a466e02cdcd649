//! Tests of the diagram on the 所沢市 fixture and on generated graphs.

use super::*;

include!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/diagram/tokorozawa.rs"
));

/// Every way the drawing can be unclear, as messages; empty when clean.
fn problems(layout: &Layout) -> Vec<String> {
    let mut found = Vec::new();
    let boxes = &layout.boxes;
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if a.rect.overlaps(&b.rect) {
                found.push(format!("boxes {} and {} overlap", a.id, b.id));
            }
        }
    }
    let labels: Vec<(usize, Rect)> = layout
        .edges
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.label_rect.map(|r| (i, r)))
        .collect();
    for (k, &(i, a)) in labels.iter().enumerate() {
        for &(j, b) in &labels[k + 1..] {
            if a.overlaps(&b) {
                found.push(format!("labels of edges {i} and {j} overlap"));
            }
        }
        for bx in boxes {
            if a.overlaps(&bx.rect) {
                found.push(format!("label of edge {i} overlaps box {}", bx.id));
            }
        }
    }
    for (i, e) in layout.edges.iter().enumerate() {
        if e.points.len() < 2 {
            found.push(format!("edge {i} has fewer than two points"));
        }
        for seg in e.points.windows(2) {
            for bx in boxes.iter().filter(|b| b.id != e.from && b.id != e.to) {
                if bx.rect.intersects_segment(seg[0], seg[1], 0.01) {
                    found.push(format!(
                        "edge {i} ({}→{}) crosses box {}",
                        e.from, e.to, bx.id
                    ));
                }
            }
            for &(j, r) in labels.iter().filter(|&&(j, _)| j != i) {
                if r.intersects_segment(seg[0], seg[1], 0.01) {
                    found.push(format!("edge {i} runs under the label of edge {j}"));
                }
            }
        }
        // The arrow starts on its source box's border and ends on its target's.
        let on_border = |id: &str, p: (f64, f64)| {
            boxes.iter().find(|b| b.id == id).is_some_and(|b| {
                let r = b.rect;
                p.0 >= r.x - 0.01
                    && p.0 <= r.right() + 0.01
                    && ((p.1 - r.y).abs() < 0.01 || (p.1 - r.bottom()).abs() < 0.01)
            })
        };
        if let (Some(&first), Some(&last)) = (e.points.first(), e.points.last())
            && (!on_border(&e.from, first) || !on_border(&e.to, last))
        {
            found.push(format!("edge {i} does not join its boxes"));
        }
    }
    for b in boxes {
        let r = b.rect;
        if r.x < 0.0 || r.y < 0.0 || r.right() > layout.width || r.bottom() > layout.height {
            found.push(format!("box {} sticks out of the drawing", b.id));
        }
    }
    found
}

/// Whether two segments cross or touch.
fn segments_meet(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let orient = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        let v = (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
        if v.abs() < 1e-9 {
            0
        } else if v > 0.0 {
            1
        } else {
            -1
        }
    };
    let (o1, o2, o3, o4) = (
        orient(a, b, c),
        orient(a, b, d),
        orient(c, d, a),
        orient(c, d, b),
    );
    if o1 != o2 && o3 != o4 {
        return true;
    }
    let within = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        r.0 >= p.0.min(q.0) && r.0 <= p.0.max(q.0) && r.1 >= p.1.min(q.1) && r.1 <= p.1.max(q.1)
    };
    (o1 == 0 && within(a, b, c))
        || (o2 == 0 && within(a, b, d))
        || (o3 == 0 && within(c, d, a))
        || (o4 == 0 && within(c, d, b))
}

fn all_text(doc: &roxmltree::Document) -> String {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or(""))
        .collect()
}

#[test]
fn fixture_layout_is_clean() {
    let (nodes, edges) = fixture();
    let layout = layout(&nodes, &edges);
    assert_eq!(layout.boxes.len(), BODIES.len());
    assert_eq!(layout.edges.len(), RELATIONS.len());
    let found = problems(&layout);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn two_cycles_are_parallel_arrows_with_their_own_labels() {
    let (nodes, edges) = fixture();
    let layout = layout(&nodes, &edges);
    for (a, b) in [("mayor", "kankyo-shingikai"), ("mayor", "ecotown-kaigi")] {
        let there = layout
            .edges
            .iter()
            .find(|e| e.from == a && e.to == b)
            .expect("edge there");
        let back = layout
            .edges
            .iter()
            .find(|e| e.from == b && e.to == a)
            .expect("edge back");
        for s in there.points.windows(2) {
            for t in back.points.windows(2) {
                assert!(
                    !segments_meet(s[0], s[1], t[0], t[1]),
                    "{a} ⇄ {b} arrows touch"
                );
            }
        }
        let (r1, r2) = (
            there.label_rect.expect("label"),
            back.label_rect.expect("label"),
        );
        assert!(!r1.overlaps(&r2));
    }
}

#[test]
fn svg_names_every_body_and_relation() {
    let (nodes, edges) = fixture();
    let svg = render_diagram(Lang::Ja, "taisei", "推進体制", &nodes, &edges);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    // Wrapped names are consecutive <text> elements, so the concatenation contains them whole.
    let text = all_text(&doc);
    for (_, name, kind) in BODIES {
        assert!(text.contains(name), "name {name} missing");
        assert!(text.contains(kind), "kind {kind} missing");
    }
    for (_, _, label) in RELATIONS {
        assert!(text.contains(label), "label {label} missing");
    }
}

#[test]
fn svg_is_accessible_and_drawn_at_its_own_size() {
    let (nodes, edges) = fixture();
    let svg = render_diagram(Lang::Ja, "plan-2024", "所沢市の推進体制", &nodes, &edges);
    assert!(!svg.starts_with("<?xml"));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let root = doc.root_element();
    assert!(root.has_tag_name("svg"));
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(root.attribute("viewBox").is_some());
    // Its natural width in CSS px (the page scrolls it on a phone); the height follows.
    let view_w = root
        .attribute("viewBox")
        .unwrap()
        .split(' ')
        .nth(2)
        .unwrap();
    assert_eq!(root.attribute("width"), Some(view_w));
    assert_eq!(root.attribute("height"), None);
    assert!(
        root.attribute("font-family")
            .is_some_and(|f| f.contains("Hiragino Sans") && f.ends_with("sans-serif"))
    );
    let by_id = |id: &str| doc.descendants().find(|n| n.attribute("id") == Some(id));
    assert_eq!(
        root.attribute("aria-labelledby"),
        Some("plan-2024-title plan-2024-desc")
    );
    let title = by_id("plan-2024-title").expect("title");
    assert!(title.has_tag_name("title"));
    assert_eq!(title.text(), Some("所沢市の推進体制"));
    let desc = by_id("plan-2024-desc").expect("desc");
    assert!(desc.has_tag_name("desc"));
    let desc = desc.text().unwrap_or("");
    assert!(
        desc.contains("市長から所沢市環境審議会へ「諮問」。"),
        "{desc}"
    );
    assert!(
        desc.contains("所沢市環境審議会から市長へ「答申」。"),
        "{desc}"
    );
    for (from, to, label) in RELATIONS {
        let name = |id: &str| BODIES.iter().find(|b| b.0 == id).map(|b| b.1).unwrap_or("");
        let sentence = format!("{}から{}へ「{}」。", name(from), name(to), label);
        assert!(desc.contains(&sentence), "{sentence} missing from desc");
    }
    let marker = by_id("plan-2024-arrow").expect("marker");
    assert!(marker.has_tag_name("marker"));
    let arrows = doc
        .descendants()
        .filter(|n| n.attribute("marker-end") == Some("url(#plan-2024-arrow)"));
    assert_eq!(arrows.count(), RELATIONS.len());
}

#[test]
fn output_is_deterministic() {
    let (nodes, edges) = fixture();
    let first = render_diagram(Lang::Ja, "d", "t", &nodes, &edges);
    let second = render_diagram(Lang::Ja, "d", "t", &nodes.clone(), &edges.clone());
    assert_eq!(first, second);
    assert_eq!(layout(&nodes, &edges), layout(&nodes, &edges));
}

#[test]
fn coordinates_have_one_decimal_at_most() {
    let (nodes, edges) = fixture();
    let svg = render_diagram(Lang::Ja, "d", "t", &nodes, &edges);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    for node in doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") || n.has_tag_name("text"))
    {
        for attr in ["x", "y", "width", "height"] {
            if let Some(v) = node.attribute(attr) {
                let decimals = v.split_once('.').map_or(0, |(_, d)| d.len());
                assert!(decimals <= 1, "{attr}={v}");
                assert!(!v.ends_with(".0"), "{attr}={v}");
            }
        }
    }
}

#[test]
fn bad_input_is_skipped_and_empty_input_is_valid() {
    let node = |id: &str| Node {
        id: id.into(),
        name: format!("{id}会議"),
        kind: String::new(),
    };
    let edge = |a: &str, b: &str| Edge {
        from: a.into(),
        to: b.into(),
        label: "報告".into(),
    };
    let nodes = vec![node("a"), node("b"), node("a")];
    let edges = vec![
        edge("a", "b"),
        edge("a", "nowhere"),
        edge("b", "b"),
        edge("a", "b"),
    ];
    let l = layout(&nodes, &edges);
    assert_eq!(l.boxes.len(), 2);
    assert_eq!(l.edges.len(), 1);
    assert!(l.boxes.iter().all(|b| b.kind_line.is_none()));

    let empty = render_svg(Lang::Ja, "e", "空", &layout(&[], &[]));
    let doc = roxmltree::Document::parse(&empty).expect("well-formed SVG");
    assert_eq!(doc.root_element().attribute("viewBox"), Some("0 0 16 16"));
}

#[test]
fn ids_are_sanitised_and_text_escaped() {
    let nodes = vec![Node {
        id: "x".into(),
        name: "A&B<委員会>".into(),
        kind: "\"審\"".into(),
    }];
    let svg = render_diagram(Lang::Ja, "9 bad id", "R&D", &nodes, &[]);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(
        doc.root_element().attribute("aria-labelledby"),
        Some("d-9-bad-id-title d-9-bad-id-desc")
    );
    assert!(all_text(&doc).contains("A&B<委員会>"));
}

/// A small linear congruential generator, enough for reproducible test graphs.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

#[test]
fn generated_graphs_lay_out_cleanly() {
    const NAMES: &[&str] = &[
        "市長",
        "環境審議会",
        "ZCC（ゼロカーボンシティ）推進会議",
        "関係各課",
        "Eco Net",
        "さくら台市地球温暖化対策実行計画推進協議会",
    ];
    const LABELS: &[&str] = &[
        "諮問",
        "答申",
        "報告",
        "",
        "参加への支援",
        "施策の実施における協力",
        "PDCA",
    ];
    let mut rng = Lcg(20240401);
    for n in 1..=12 {
        for round in 0..6 {
            let nodes: Vec<Node> = (0..n)
                .map(|i| Node {
                    id: format!("n{i}"),
                    name: NAMES[rng.below(NAMES.len())].to_string(),
                    kind: if rng.below(3) == 0 {
                        String::new()
                    } else {
                        "審議会".into()
                    },
                })
                .collect();
            let edges: Vec<Edge> = (0..rng.below(2 * n + 2))
                .map(|_| Edge {
                    // Now and then an unknown id, to be skipped.
                    from: format!("n{}", rng.below(n + 1)),
                    to: format!("n{}", rng.below(n)),
                    label: LABELS[rng.below(LABELS.len())].to_string(),
                })
                .collect();
            let l = layout(&nodes, &edges);
            let found = problems(&l);
            assert!(
                found.is_empty(),
                "n={n} round={round}: {found:#?}\n{edges:?}"
            );
            let svg = render_svg(Lang::Ja, "g", "t", &l);
            assert!(roxmltree::Document::parse(&svg).is_ok());
            assert_eq!(svg, render_svg(Lang::Ja, "g", "t", &layout(&nodes, &edges)));
        }
    }
}

#[test]
fn overlap_checks_detect_problems() {
    // The checks themselves must be able to fail.
    let r = Rect {
        x: 0.0,
        y: 0.0,
        w: 10.0,
        h: 10.0,
    };
    assert!(r.overlaps(&Rect {
        x: 5.0,
        y: 5.0,
        w: 10.0,
        h: 10.0
    }));
    assert!(!r.overlaps(&Rect {
        x: 10.0,
        y: 0.0,
        w: 10.0,
        h: 10.0
    }));
    assert!(r.intersects_segment((-5.0, 5.0), (15.0, 5.0), 0.01));
    assert!(r.intersects_segment((5.0, -5.0), (5.0, 5.0), 0.01));
    assert!(!r.intersects_segment((-5.0, 5.0), (-1.0, 5.0), 0.01));
    assert!(!r.intersects_segment((0.0, -5.0), (0.0, 15.0), 0.01));
    let (nodes, edges) = fixture();
    let mut broken = layout(&nodes, &edges);
    broken.boxes[1].rect = broken.boxes[0].rect;
    broken.edges[0].points.insert(1, (0.0, 0.0));
    assert!(problems(&broken).len() >= 2);
}
