//! Places boxes, arrows and labels in layers (Sugiyama style); this file holds the pipeline
//! and its first steps.
//!
//! 1. Break cycles: reverse the back edges of a depth-first search in input order, so the first
//!    body (the caller puts the most important first) ends up on top.
//! 2. Assign layers by longest path, then pull sources down next to their highest child.
//! 3. Split every edge into a chain of virtual nodes on the ranks it spans. Bodies sit on even
//!    ranks; the edge's label is a node of its own on an odd rank and plain dummies fill the
//!    rest. Labels therefore take part in ordering and spacing exactly like boxes: a 2-cycle
//!    (諮問 down, 答申 up) becomes two chains whose labels sit side by side.
//! 4. Order each rank to reduce crossings ([`super::order`]).
//! 5. Assign coordinates and route each arrow through its chain, with its own port on each box
//!    side ([`super::place`]).
//!
//! Nothing overlaps and no arrow crosses a foreign box or label by construction, not by repair:
//! see [`super::place`] for why.

use std::collections::{BTreeMap, BTreeSet};

use super::order::order_with_bundles;
use super::place::{
    PORT_GAP, PORT_INSET, align_with_ports, assign_ports, assign_x, rank_bands, route,
    shift_to_margin,
};
use super::text::{text_width, wrap_two_lines};
use super::{
    BoxPlacement, Edge, EdgePath, KIND_GAP, KIND_PX, LABEL_PX, LINE_HEIGHT, Layout, MARGIN,
    NAME_PX, Node,
};

/// Names wider than this many em wrap onto two lines.
const NAME_MAX_EM: f64 = 10.0;
/// Labels wider than this many em wrap onto two lines.
const LABEL_MAX_EM: f64 = 8.0;
const BOX_PAD_X: f64 = 12.0;
const BOX_PAD_Y: f64 = 7.0;
const BOX_MIN_W: f64 = 88.0;
pub(super) const LABEL_PAD_X: f64 = 4.0;
pub(super) const LABEL_PAD_Y: f64 = 2.0;
/// What a virtual node stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Role {
    Body,
    Label,
    Dummy,
}

/// A node of the proper layered graph: a body, an edge label or a bend point.
#[derive(Debug, Clone)]
pub(super) struct VNode {
    pub(super) role: Role,
    pub(super) rank: usize,
    pub(super) w: f64,
    pub(super) h: f64,
}

/// One relation threaded through the ranks from its upper to its lower body.
pub(super) struct Chain {
    /// Index into the kept edges.
    pub(super) edge: usize,
    /// Virtual node ids from the upper body to the lower body, both included.
    pub(super) nodes: Vec<usize>,
    /// True when the relation points upwards (its arrow runs against the chain).
    pub(super) reversed: bool,
}

/// A relation that survived filtering, with body indices.
struct Kept<'a> {
    from: usize,
    to: usize,
    edge: &'a Edge,
}

/// Lays out the diagram; see the module documentation for the steps.
pub(super) fn compute(nodes: &[Node], edges: &[Edge]) -> Layout {
    let bodies = distinct_bodies(nodes);
    let index: BTreeMap<&str, usize> = bodies
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let kept = kept_edges(edges, &index);
    if bodies.is_empty() {
        return Layout {
            width: 2.0 * MARGIN,
            height: 2.0 * MARGIN,
            boxes: vec![],
            edges: vec![],
        };
    }

    let pairs: Vec<(usize, usize)> = kept.iter().map(|k| (k.from, k.to)).collect();
    let reversed = break_cycles(bodies.len(), &pairs);
    let oriented: Vec<(usize, usize)> = pairs
        .iter()
        .zip(&reversed)
        .map(|(&(a, b), &r)| if r { (b, a) } else { (a, b) })
        .collect();
    let layer = assign_layers(bodies.len(), &oriented);

    // Virtual nodes: bodies first (ids 0..n), then each chain's inner nodes.
    let (mut vnodes, box_text) = body_nodes(&bodies, &oriented, &layer);
    let (chains, label_lines) = build_chains(&kept, &oriented, &reversed, &mut vnodes);

    let rank_count = vnodes.iter().map(|v| v.rank).max().unwrap_or(0) + 1;
    let (up, down) = neighbours(&chains, vnodes.len());
    let ranks = order_with_bundles(&vnodes, &chains, rank_count);

    let bands = rank_bands(&ranks, &vnodes);
    let mut x = assign_x(&ranks, &vnodes, &up, &down);
    align_with_ports(&ranks, &vnodes, &chains, &mut x);
    let width = shift_to_margin(&vnodes, &mut x);
    let height = bands.end() + MARGIN;

    let rect_of = |id: usize| bands.rect(&vnodes[id], x[id]);
    let boxes = bodies
        .iter()
        .zip(box_text)
        .enumerate()
        .map(|(i, (body, (name_lines, kind_line)))| BoxPlacement {
            id: body.id.clone(),
            name: body.name.clone(),
            kind: body.kind.clone(),
            rect: rect_of(i),
            name_lines,
            kind_line,
        })
        .collect::<Vec<_>>();

    let ports = assign_ports(&chains, &vnodes, &x);
    let paths = chains
        .iter()
        .zip(label_lines)
        .enumerate()
        .map(|(c, (chain, label_lines))| {
            let (points, label_rect) = route(chain, (ports.0[c], ports.1[c]), &vnodes, &x, &bands);
            let edge = kept[chain.edge].edge;
            EdgePath {
                from: edge.from.clone(),
                to: edge.to.clone(),
                label: edge.label.clone(),
                label_lines,
                points,
                label_rect,
            }
        })
        .collect();
    Layout {
        width,
        height,
        boxes,
        edges: paths,
    }
}

/// A body's wrapped name and kind line, as its box shows them.
type BoxText = (Vec<String>, Option<String>);

/// The virtual nodes of the bodies (at even ranks, sized for their text and ports), and
/// each body's box text.
fn body_nodes(
    bodies: &[&Node],
    oriented: &[(usize, usize)],
    layer: &[usize],
) -> (Vec<VNode>, Vec<BoxText>) {
    let mut vnodes = Vec::new();
    let mut box_text = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        let ports = oriented
            .iter()
            .filter(|e| e.0 == i)
            .count()
            .max(oriented.iter().filter(|e| e.1 == i).count());
        let (lines, kind_line, w, h) = measure_body(body, ports);
        vnodes.push(VNode {
            role: Role::Body,
            rank: 2 * layer[i],
            w,
            h,
        });
        box_text.push((lines, kind_line));
    }
    (vnodes, box_text)
}

/// Each virtual node's neighbours along the chains: those above, those below.
fn neighbours(chains: &[Chain], n: usize) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let mut up = vec![Vec::new(); n];
    let mut down = vec![Vec::new(); n];
    for chain in chains {
        for pair in chain.nodes.windows(2) {
            down[pair[0]].push(pair[1]);
            up[pair[1]].push(pair[0]);
        }
    }
    (up, down)
}

/// Threads every relation through the ranks between its bodies, adding its label node and
/// bend points to `vnodes`. Returns the chains and each relation's wrapped label.
fn build_chains(
    kept: &[Kept],
    oriented: &[(usize, usize)],
    reversed: &[bool],
    vnodes: &mut Vec<VNode>,
) -> (Vec<Chain>, Vec<Vec<String>>) {
    let mut label_lines = Vec::new();
    let mut chains = Vec::new();
    for (e, (&(top, bottom), &rev)) in oriented.iter().zip(reversed).enumerate() {
        let lines = if kept[e].edge.label.trim().is_empty() {
            Vec::new()
        } else {
            wrap_two_lines(&kept[e].edge.label, LABEL_PX, LABEL_MAX_EM * LABEL_PX)
        };
        let (rt, rb) = (vnodes[top].rank, vnodes[bottom].rank);
        // The label goes on the middle odd rank, nearer the arrow's source when there are two.
        let span = (rb - rt) / 2;
        let half = 2 * ((span - 1) / 2);
        let label_rank = if rev { rb - 1 - half } else { rt + 1 + half };
        let mut chain = vec![top];
        for rank in rt + 1..rb {
            let node = if rank == label_rank && !lines.is_empty() {
                let w = lines
                    .iter()
                    .map(|l| text_width(l, LABEL_PX))
                    .fold(0.0, f64::max);
                let h = lines.len() as f64 * LABEL_PX * LINE_HEIGHT;
                VNode {
                    role: Role::Label,
                    rank,
                    w: w + 2.0 * LABEL_PAD_X,
                    h: h + 2.0 * LABEL_PAD_Y,
                }
            } else {
                VNode {
                    role: Role::Dummy,
                    rank,
                    w: 0.0,
                    h: 0.0,
                }
            };
            chain.push(vnodes.len());
            vnodes.push(node);
        }
        chain.push(bottom);
        label_lines.push(lines);
        chains.push(Chain {
            edge: e,
            nodes: chain,
            reversed: rev,
        });
    }
    (chains, label_lines)
}

/// The bodies to draw: the first occurrence of each id, in input order.
fn distinct_bodies(nodes: &[Node]) -> Vec<&Node> {
    let mut seen = BTreeSet::new();
    nodes
        .iter()
        .filter(|n| seen.insert(n.id.as_str()))
        .collect()
}

/// The relations to draw: both ends known, not a self-loop, not an exact repeat.
fn kept_edges<'a>(edges: &'a [Edge], index: &BTreeMap<&str, usize>) -> Vec<Kept<'a>> {
    let mut kept: Vec<Kept<'a>> = Vec::new();
    for edge in edges {
        let (Some(&from), Some(&to)) = (index.get(edge.from.as_str()), index.get(edge.to.as_str()))
        else {
            continue;
        };
        let repeat = kept
            .iter()
            .any(|k| k.from == from && k.to == to && k.edge.label == edge.label);
        if from != to && !repeat {
            kept.push(Kept { from, to, edge });
        }
    }
    kept
}

/// Wraps a body's name and sizes its box, wide enough for `ports` arrows on one side.
fn measure_body(body: &Node, ports: usize) -> (Vec<String>, Option<String>, f64, f64) {
    let lines = wrap_two_lines(&body.name, NAME_PX, NAME_MAX_EM * NAME_PX);
    let kind = body.kind.trim();
    let kind_line = (!kind.is_empty() && kind != body.name.trim()).then(|| kind.to_string());
    let text_w = lines
        .iter()
        .map(|l| text_width(l, NAME_PX))
        .chain(kind_line.iter().map(|k| text_width(k, KIND_PX)))
        .fold(0.0, f64::max);
    let port_w = ports.saturating_sub(1) as f64 * PORT_GAP + 2.0 * PORT_INSET;
    let w = (text_w + 2.0 * BOX_PAD_X).max(BOX_MIN_W).max(port_w);
    let mut h = lines.len() as f64 * NAME_PX * LINE_HEIGHT + 2.0 * BOX_PAD_Y;
    if kind_line.is_some() {
        h += KIND_GAP + KIND_PX * LINE_HEIGHT;
    }
    (lines, kind_line, w, h)
}

/// Marks the edges to reverse so the graph becomes acyclic: the back edges of a depth-first
/// search that starts from bodies and follows edges in input order.
fn break_cycles(n: usize, pairs: &[(usize, usize)]) -> Vec<bool> {
    let mut out = vec![Vec::new(); n];
    for (e, &(a, _)) in pairs.iter().enumerate() {
        out[a].push(e);
    }
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state = vec![State::New; n];
    let mut reversed = vec![false; pairs.len()];
    for root in 0..n {
        if state[root] != State::New {
            continue;
        }
        state[root] = State::Open;
        let mut stack = vec![(root, 0usize)];
        while let Some(top) = stack.last_mut() {
            let v = top.0;
            if let Some(&e) = out[v].get(top.1) {
                top.1 += 1;
                let w = pairs[e].1;
                match state[w] {
                    State::New => {
                        state[w] = State::Open;
                        stack.push((w, 0));
                    }
                    State::Open => reversed[e] = true,
                    State::Done => {}
                }
            } else {
                state[v] = State::Done;
                stack.pop();
            }
        }
    }
    reversed
}

/// Layer of each body in the acyclic graph: longest path from the sources, then each source
/// moved down to just above its highest child so it is not stranded at the top.
fn assign_layers(n: usize, oriented: &[(usize, usize)]) -> Vec<usize> {
    let mut indegree = vec![0usize; n];
    for &(_, b) in oriented {
        indegree[b] += 1;
    }
    // Kahn's algorithm, smallest index first for a deterministic order.
    let mut ready: BTreeSet<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    let mut topo = Vec::with_capacity(n);
    while let Some(v) = ready.pop_first() {
        topo.push(v);
        for &(a, b) in oriented {
            if a == v {
                indegree[b] -= 1;
                if indegree[b] == 0 {
                    ready.insert(b);
                }
            }
        }
    }
    let mut layer = vec![0usize; n];
    for &v in &topo {
        for &(a, b) in oriented {
            if a == v {
                layer[b] = layer[b].max(layer[a] + 1);
            }
        }
    }
    for &v in topo.iter().rev() {
        let is_source = !oriented.iter().any(|&(_, b)| b == v);
        let highest_child = oriented
            .iter()
            .filter(|e| e.0 == v)
            .map(|e| layer[e.1])
            .min();
        if let (true, Some(child)) = (is_source, highest_child) {
            layer[v] = child - 1;
        }
    }
    layer
}

/// For each virtual node inside a chain: that chain and the node's index in it.
pub(super) fn chain_owners(node_count: usize, chains: &[Chain]) -> Vec<Option<(usize, usize)>> {
    let mut owner = vec![None; node_count];
    for (c, chain) in chains.iter().enumerate() {
        let inner = chain
            .nodes
            .iter()
            .enumerate()
            .take(chain.nodes.len() - 1)
            .skip(1);
        for (k, &m) in inner {
            owner[m] = Some((c, k));
        }
    }
    owner
}
