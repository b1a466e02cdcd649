//! Gives every node of the ordered layered graph its coordinates and routes the arrows.
//!
//! Ranks stack top to bottom as bands; x comes from repeated least-squares placement towards
//! neighbours under minimum-gap constraints (pool adjacent violators). An arrow crosses each
//! band only on the vertical line of its own virtual node, or just below / above its own box,
//! and the gaps between bands hold no boxes or labels: this is what keeps arrows out of foreign
//! boxes and labels.

use super::MARGIN;
use super::Rect;
use super::layout::{Chain, LABEL_PAD_X, LABEL_PAD_Y, Role, VNode, chain_owners};

/// Horizontal gap between two boxes, and between anything else.
const GAP_BOXES: f64 = 32.0;
const GAP_OTHER: f64 = 14.0;
/// Vertical gap between rank bands, and the least height of a label rank.
const RANK_GAP: f64 = 24.0;
const MIN_LABEL_RANK_H: f64 = 12.0;
/// Straight run of an arrow where it leaves or enters a box, so arrowheads point squarely.
const STUB: f64 = 10.0;
/// Ports keep this far from the box corners, and this far apart when there is room.
pub(super) const PORT_INSET: f64 = 12.0;
pub(super) const PORT_GAP: f64 = 18.0;
const PLACE_ROUNDS: usize = 12;
const PORT_ROUNDS: usize = 4;

/// Vertical extent of every rank band.
pub(super) struct Bands {
    top: Vec<f64>,
    height: Vec<f64>,
}

impl Bands {
    /// Bottom of the lowest band.
    pub(super) fn end(&self) -> f64 {
        match (self.top.last(), self.height.last()) {
            (Some(top), Some(height)) => top + height,
            _ => 0.0,
        }
    }

    pub(super) fn top(&self, v: &VNode) -> f64 {
        self.top[v.rank]
    }

    pub(super) fn bottom(&self, v: &VNode) -> f64 {
        self.top[v.rank] + self.height[v.rank]
    }

    /// The node's rectangle, centred vertically in its band.
    pub(super) fn rect(&self, v: &VNode, x: f64) -> Rect {
        let centre = self.top[v.rank] + self.height[v.rank] / 2.0;
        Rect {
            x: x - v.w / 2.0,
            y: centre - v.h / 2.0,
            w: v.w,
            h: v.h,
        }
    }
}

/// The polyline of one chain from its upper to its lower body (reversed for upward
/// relations), and its label's rectangle. `ports` are the x of the arrow's ends on the upper
/// body's bottom and the lower body's top.
///
/// Outside the label the line is vertical within every band; between bands it may slant. The
/// line enters and leaves the label at the x nearest to where it comes from and goes to, so a
/// jog that straightens the rest of the arrow hides under the label's white background.
pub(super) fn route(
    chain: &Chain,
    ports: (f64, f64),
    vnodes: &[VNode],
    x: &[f64],
    bands: &Bands,
) -> (Vec<(f64, f64)>, Option<Rect>) {
    let n = chain.nodes.len();
    let (top, bottom) = (&vnodes[chain.nodes[0]], &vnodes[chain.nodes[n - 1]]);
    let top_rect = bands.rect(top, x[chain.nodes[0]]);
    let bottom_rect = bands.rect(bottom, x[chain.nodes[n - 1]]);
    let mut points = vec![
        (ports.0, top_rect.bottom()),
        (ports.0, bands.bottom(top) + STUB),
    ];
    let mut label_rect = None;
    for k in 1..n - 1 {
        let (m, v) = (chain.nodes[k], &vnodes[chain.nodes[k]]);
        if v.role == Role::Label {
            let r = bands.rect(v, x[m]);
            let inset = (LABEL_PAD_X + 2.0).min(r.w / 2.0);
            let from = if k == 1 {
                ports.0
            } else {
                x[chain.nodes[k - 1]]
            };
            let to = if k == n - 2 {
                ports.1
            } else {
                x[chain.nodes[k + 1]]
            };
            let (x_in, x_out) = (
                from.clamp(r.x + inset, r.right() - inset),
                to.clamp(r.x + inset, r.right() - inset),
            );
            points.extend([
                (x_in, bands.top(v)),
                (x_in, r.y + LABEL_PAD_Y),
                (x_out, r.bottom() - LABEL_PAD_Y),
                (x_out, bands.bottom(v)),
            ]);
            label_rect = Some(r);
        } else {
            points.extend([(x[m], bands.top(v)), (x[m], bands.bottom(v))]);
        }
    }
    points.extend([
        (ports.1, bands.top(bottom) - STUB),
        (ports.1, bottom_rect.y),
    ]);
    let mut points = simplify(points);
    if chain.reversed {
        points.reverse();
    }
    (points, label_rect)
}

/// Top and height of each rank's band. Label ranks get a least height so arrows have room.
pub(super) fn rank_bands(ranks: &[Vec<usize>], vnodes: &[VNode]) -> Bands {
    let mut tops = Vec::with_capacity(ranks.len());
    let mut heights = Vec::with_capacity(ranks.len());
    let mut y = MARGIN;
    for (r, rank) in ranks.iter().enumerate() {
        let tallest = rank.iter().map(|&v| vnodes[v].h).fold(0.0, f64::max);
        let h = if r % 2 == 1 {
            tallest.max(MIN_LABEL_RANK_H)
        } else {
            tallest
        };
        tops.push(y);
        heights.push(h);
        y += h + RANK_GAP;
    }
    Bands {
        top: tops,
        height: heights,
    }
}

/// Shifts all nodes so the leftmost edge sits at the margin; returns the width of the drawing.
pub(super) fn shift_to_margin(vnodes: &[VNode], x: &mut [f64]) -> f64 {
    let left = vnodes
        .iter()
        .zip(x.iter())
        .map(|(v, x)| x - v.w / 2.0)
        .fold(f64::INFINITY, f64::min);
    for xi in x.iter_mut() {
        *xi += MARGIN - left;
    }
    vnodes
        .iter()
        .zip(x.iter())
        .map(|(v, x)| x + v.w / 2.0)
        .fold(0.0, f64::max)
        + MARGIN
}

/// Least distance between the centres of two horizontally adjacent nodes.
fn separation(a: &VNode, b: &VNode) -> f64 {
    let gap = if a.role == Role::Body && b.role == Role::Body {
        GAP_BOXES
    } else {
        GAP_OTHER
    };
    a.w / 2.0 + b.w / 2.0 + gap
}

/// Horizontal centre of every node: sweeps that move each rank, as a whole and keeping its
/// order and gaps, as close as possible to the mean of each node's neighbours.
pub(super) fn assign_x(
    ranks: &[Vec<usize>],
    vnodes: &[VNode],
    up: &[Vec<usize>],
    down: &[Vec<usize>],
) -> Vec<f64> {
    let mut x = vec![0.0; vnodes.len()];
    for rank in ranks {
        let mut cursor = 0.0;
        for (i, &v) in rank.iter().enumerate() {
            if i > 0 {
                cursor += separation(&vnodes[rank[i - 1]], &vnodes[v]);
            }
            x[v] = cursor;
        }
    }
    let place = |rank: &[usize], x: &mut Vec<f64>, use_up: bool, use_down: bool| {
        let desired: Vec<f64> = rank
            .iter()
            .map(|&v| {
                let mut ns: Vec<usize> = Vec::new();
                if use_up {
                    ns.extend(&up[v]);
                }
                if use_down {
                    ns.extend(&down[v]);
                }
                if ns.is_empty() {
                    x[v]
                } else {
                    ns.iter().map(|&u| x[u]).sum::<f64>() / ns.len() as f64
                }
            })
            .collect();
        // Bend points weigh more, so long edges stay straight and the boxes move instead.
        let weights: Vec<f64> = rank
            .iter()
            .map(|&v| {
                if vnodes[v].role == Role::Body {
                    1.0
                } else {
                    4.0
                }
            })
            .collect();
        let gaps: Vec<f64> = rank
            .windows(2)
            .map(|p| separation(&vnodes[p[0]], &vnodes[p[1]]))
            .collect();
        for (&v, xi) in rank.iter().zip(place_in_order(&desired, &weights, &gaps)) {
            x[v] = xi;
        }
    };
    for _ in 0..PLACE_ROUNDS {
        for rank in ranks.iter().skip(1) {
            place(rank, &mut x, true, false);
        }
        for rank in ranks.iter().rev().skip(1) {
            place(rank, &mut x, false, true);
        }
    }
    for _ in 0..PLACE_ROUNDS / 2 {
        for rank in ranks {
            place(rank, &mut x, true, true);
        }
    }
    x
}

/// Positions for items in a fixed order that keep at least `gaps[i]` between item `i` and
/// `i + 1` and minimise the weighted squared distance to `desired`. Subtracting the cumulative
/// gaps turns this into isotonic regression, solved exactly by pooling adjacent violators.
fn place_in_order(desired: &[f64], weights: &[f64], gaps: &[f64]) -> Vec<f64> {
    let mut offsets = Vec::with_capacity(desired.len());
    let mut acc = 0.0;
    for i in 0..desired.len() {
        if i > 0 {
            acc += gaps[i - 1];
        }
        offsets.push(acc);
    }
    // Blocks of pooled items: (total weight, weighted sum of targets, item count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for i in 0..desired.len() {
        blocks.push((weights[i], weights[i] * (desired[i] - offsets[i]), 1));
        while blocks.len() >= 2 {
            let (w2, s2, c2) = blocks[blocks.len() - 1];
            let (w1, s1, c1) = blocks[blocks.len() - 2];
            if s1 / w1 <= s2 / w2 {
                break;
            }
            blocks.pop();
            if let Some(last) = blocks.last_mut() {
                *last = (w1 + w2, s1 + s2, c1 + c2);
            }
        }
    }
    let mut out = Vec::with_capacity(desired.len());
    for (w, s, c) in blocks {
        for _ in 0..c {
            out.push(s / w + offsets[out.len()]);
        }
    }
    out
}

/// The x of each edge's port on its upper body's bottom side and its lower body's top side.
/// Ports on one side follow the order of the next chain nodes, so arrows leaving a box do not
/// cross each other, and sit below / above those nodes when the box is wide enough.
pub(super) fn assign_ports(chains: &[Chain], vnodes: &[VNode], x: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let mut top_port = vec![0.0; chains.len()];
    let mut bottom_port = vec![0.0; chains.len()];
    let bodies = vnodes.iter().take_while(|v| v.role == Role::Body);
    for (b, body) in bodies.enumerate() {
        for leaving in [true, false] {
            // (x of the next chain node, chain index), in x order then input order.
            let mut side: Vec<(f64, usize)> = chains
                .iter()
                .enumerate()
                .filter_map(|(c, chain)| {
                    let n = chain.nodes.len();
                    let (end, next) = if leaving {
                        (chain.nodes[0], chain.nodes[1])
                    } else {
                        (chain.nodes[n - 1], chain.nodes[n - 2])
                    };
                    (end == b).then_some((x[next], c))
                })
                .collect();
            side.sort_by(|a, b| a.0.total_cmp(&b.0));
            let half = (body.w / 2.0 - PORT_INSET).max(0.0);
            let (lo, hi) = (x[b] - half, x[b] + half);
            let count = side.len();
            let gap = if count > 1 {
                PORT_GAP.min((hi - lo) / (count - 1) as f64)
            } else {
                0.0
            };
            let desired: Vec<f64> = side.iter().map(|s| s.0.clamp(lo, hi)).collect();
            let placed = place_in_order(
                &desired,
                &vec![1.0; count],
                &vec![gap; count.saturating_sub(1)],
            );
            for (i, ((_, c), px)) in side.iter().zip(placed).enumerate() {
                // Clamp each port into its own sub-range, which keeps the gaps.
                let px = px.clamp(lo + i as f64 * gap, hi - (count - 1 - i) as f64 * gap);
                if leaving {
                    top_port[*c] = px;
                } else {
                    bottom_port[*c] = px;
                }
            }
        }
    }
    (top_port, bottom_port)
}

/// Moves the ranks that hold only labels and bend points so that each sits midway between
/// the ports (not the box centres) its arrow uses; ports then follow the labels. A few rounds
/// straighten most arrows that a box's other ports pushed aside.
pub(super) fn align_with_ports(
    ranks: &[Vec<usize>],
    vnodes: &[VNode],
    chains: &[Chain],
    x: &mut [f64],
) {
    let owner = chain_owners(vnodes.len(), chains);
    let free_ranks: Vec<&Vec<usize>> = ranks
        .iter()
        .filter(|r| r.iter().all(|&v| vnodes[v].role != Role::Body))
        .collect();
    for _ in 0..PORT_ROUNDS {
        let (top, bottom) = assign_ports(chains, vnodes, x);
        for rank in &free_ranks {
            let desired: Vec<f64> = rank
                .iter()
                .map(|&m| {
                    let Some((c, k)) = owner[m] else { return x[m] };
                    let nodes = &chains[c].nodes;
                    let above = if k == 1 { top[c] } else { x[nodes[k - 1]] };
                    let below = if k == nodes.len() - 2 {
                        bottom[c]
                    } else {
                        x[nodes[k + 1]]
                    };
                    (above + below) / 2.0
                })
                .collect();
            let gaps: Vec<f64> = rank
                .windows(2)
                .map(|p| separation(&vnodes[p[0]], &vnodes[p[1]]))
                .collect();
            for (&m, xm) in rank
                .iter()
                .zip(place_in_order(&desired, &vec![1.0; rank.len()], &gaps))
            {
                x[m] = xm;
            }
        }
    }
}

/// Drops repeated points and the middle of three collinear points in the same direction.
fn simplify(points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for p in points {
        if let Some(&last) = out.last()
            && (p.0 - last.0).abs() < 1e-6
            && (p.1 - last.1).abs() < 1e-6
        {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let cross = (b.0 - a.0) * (p.1 - b.1) - (b.1 - a.1) * (p.0 - b.0);
            let dot = (b.0 - a.0) * (p.0 - b.0) + (b.1 - a.1) * (p.1 - b.1);
            if cross.abs() < 1e-6 && dot > 0.0 {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::place_in_order;

    #[test]
    fn placement_keeps_gaps_and_stays_close() {
        // Feasible wishes are met exactly.
        assert_eq!(
            place_in_order(&[0.0, 50.0], &[1.0, 1.0], &[20.0]),
            [0.0, 50.0]
        );
        // Conflicting wishes meet halfway, weighted, with exactly the gap between them.
        assert_eq!(
            place_in_order(&[10.0, 10.0], &[1.0, 1.0], &[20.0]),
            [0.0, 20.0]
        );
        assert_eq!(
            place_in_order(&[10.0, 10.0], &[3.0, 1.0], &[20.0]),
            [5.0, 25.0]
        );
        // Order is kept even when the wishes are reversed.
        let x = place_in_order(&[30.0, 0.0, 15.0], &[1.0; 3], &[10.0, 10.0]);
        assert!(
            x[1] - x[0] >= 10.0 - 1e-9 && x[2] - x[1] >= 10.0 - 1e-9,
            "{x:?}"
        );
    }
}
