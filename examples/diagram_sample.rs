//! Writes the promotion-system diagram of the 所沢市 fixture as SVG to the path given as the
//! only argument, for looking at (e.g. `rsvg-convert sample.svg -o sample.png`).

use nenpo::diagram::{Edge, Node, render_diagram};

include!("../tests/fixtures/diagram/tokorozawa.rs");

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: diagram_sample <output.svg>");
        std::process::exit(2);
    };
    let nodes: Vec<Node> = BODIES
        .iter()
        .map(|&(id, name, kind)| Node {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
        })
        .collect();
    let edges: Vec<Edge> = RELATIONS
        .iter()
        .map(|&(from, to, label)| Edge {
            from: from.into(),
            to: to.into(),
            label: label.into(),
        })
        .collect();
    let svg = render_diagram("suishin-taisei", "所沢市の推進体制", &nodes, &edges);
    std::fs::write(&path, svg)
}
