//! Writes the promotion-system diagram of the 所沢市 fixture as SVG to the path given as the
//! only argument, for looking at (e.g. `rsvg-convert sample.svg -o sample.png`).

use nenpo::diagram::{Edge, Node, render_diagram};

include!("../tests/fixtures/diagram/tokorozawa.rs");

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: diagram_sample <output.svg>");
        std::process::exit(2);
    };
    let (nodes, edges) = fixture();
    let svg = render_diagram(
        Default::default(),
        "suishin-taisei",
        "所沢市の推進体制",
        &nodes,
        &edges,
    );
    std::fs::write(&path, svg)
}
