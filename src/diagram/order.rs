//! Orders the nodes within each rank to reduce crossings.
//!
//! Barycenter sweeps with adjacent swaps, from two starts, then a local search that moves
//! whole chains and single nodes. Parallel chains between the same two bodies are ordered as
//! one bundle and stay side by side.

use super::layout::{Chain, VNode, chain_owners};

const ORDER_SWEEPS: usize = 16;

/// The order of every rank, with chains between the same two bodies (諮問 down and 答申 up,
/// say) kept side by side as parallel arrows: only the first chain of such a bundle takes part
/// in crossing reduction, and the others follow it, in input order, on every rank.
pub(super) fn order_with_bundles(
    vnodes: &[VNode],
    chains: &[Chain],
    rank_count: usize,
) -> Vec<Vec<usize>> {
    let ends = |c: &Chain| (c.nodes[0], c.nodes[c.nodes.len() - 1]);
    let mut followers = vec![Vec::new(); chains.len()];
    let mut up = vec![Vec::new(); vnodes.len()];
    let mut down = vec![Vec::new(); vnodes.len()];
    let mut is_follower = vec![false; vnodes.len()];
    for (c, chain) in chains.iter().enumerate() {
        let lead = chains
            .iter()
            .position(|o| ends(o) == ends(chain))
            .unwrap_or(c);
        if lead != c {
            followers[lead].push(c);
            for &m in &chain.nodes[1..chain.nodes.len() - 1] {
                is_follower[m] = true;
            }
            continue;
        }
        for pair in chain.nodes.windows(2) {
            down[pair[0]].push(pair[1]);
            up[pair[1]].push(pair[0]);
        }
    }
    // A bundle's lead stands for all its chains: crossing it counts once per chain.
    let mut weight = vec![1usize; vnodes.len()];
    for (c, chain) in chains.iter().enumerate() {
        for &m in &chain.nodes[1..chain.nodes.len() - 1] {
            weight[m] += followers[c].len();
        }
    }
    let graph = OrderGraph {
        up: &up,
        down: &down,
        weight: &weight,
    };
    // Two starts, input order and its mirror image, since the sweeps find a local optimum
    // only; on a tie the input order wins.
    let mut ranks = vec![Vec::new(); rank_count];
    for (id, v) in vnodes.iter().enumerate() {
        if !is_follower[id] {
            ranks[v.rank].push(id);
        }
    }
    let mut mirrored: Vec<Vec<usize>> = ranks
        .iter()
        .map(|r| r.iter().rev().copied().collect())
        .collect();
    let lead_chains: Vec<&[usize]> = chains
        .iter()
        .filter(|chain| !is_follower[chain.nodes[1]])
        .map(|chain| &chain.nodes[1..chain.nodes.len() - 1])
        .collect();
    let mut crossings = order_ranks(&mut ranks, &graph);
    crossings = sift(&mut ranks, &graph, &lead_chains, crossings);
    let mut mirrored_crossings = order_ranks(&mut mirrored, &graph);
    mirrored_crossings = sift(&mut mirrored, &graph, &lead_chains, mirrored_crossings);
    if mirrored_crossings < crossings {
        ranks = mirrored;
    }
    let owner = chain_owners(vnodes.len(), chains);
    for rank in &mut ranks {
        let mut full = Vec::with_capacity(rank.len());
        for &v in rank.iter() {
            full.push(v);
            if let Some((c, k)) = owner[v] {
                full.extend(followers[c].iter().map(|&f| chains[f].nodes[k]));
            }
        }
        *rank = full;
    }
    ranks
}

/// The proper layered graph as crossing reduction sees it.
struct OrderGraph<'a> {
    /// Neighbours in the rank above.
    up: &'a [Vec<usize>],
    /// Neighbours in the rank below.
    down: &'a [Vec<usize>],
    /// How many arrows a node stands for (a bundle of parallel chains counts as one node).
    weight: &'a [usize],
}

impl OrderGraph<'_> {
    /// How many arrows the segment between `a` and `b` stands for.
    fn segment_weight(&self, a: usize, b: usize) -> usize {
        self.weight[a].max(self.weight[b])
    }
}

/// Orders every rank to reduce crossings: alternating barycenter sweeps down and up, each
/// followed by adjacent swaps, keeping the ordering with the fewest crossings seen. Returns
/// that number of crossings.
fn order_ranks(ranks: &mut [Vec<usize>], graph: &OrderGraph) -> usize {
    let (up, down) = (graph.up, graph.down);
    let node_count = up.len();
    let mut pos = vec![0usize; node_count];
    let reindex = |ranks: &[Vec<usize>], pos: &mut Vec<usize>| {
        for rank in ranks {
            for (i, &v) in rank.iter().enumerate() {
                pos[v] = i;
            }
        }
    };
    reindex(ranks, &mut pos);
    let mut best = ranks.to_vec();
    let mut best_crossings = count_crossings(ranks, graph, &pos);
    for sweep in 0..ORDER_SWEEPS {
        if best_crossings == 0 {
            break;
        }
        let downward = sweep % 2 == 0;
        let order: Vec<usize> = if downward {
            (1..ranks.len()).collect()
        } else {
            (0..ranks.len().saturating_sub(1)).rev().collect()
        };
        for r in order {
            let neighbours = if downward { up } else { down };
            sort_by_barycenter(&mut ranks[r], neighbours, &mut pos);
        }
        for rank in ranks.iter_mut() {
            swap_adjacent(rank, graph, &mut pos);
        }
        let crossings = count_crossings(ranks, graph, &pos);
        if crossings < best_crossings {
            best_crossings = crossings;
            best = ranks.to_vec();
        }
    }
    ranks.clone_from_slice(&best);
    best_crossings
}

/// Above this many virtual nodes, [`sift`] is skipped to bound the time it takes.
const SIFT_MAX_NODES: usize = 400;

/// Local search after the sweeps, which only find a local optimum: moves whole chains to the
/// far left or far right of every rank they cross (a long arrow often belongs around the
/// outside), then each node to its best position in its rank. Keeps a move only when it
/// removes crossings; returns the final number.
fn sift(
    ranks: &mut [Vec<usize>],
    graph: &OrderGraph,
    chains: &[&[usize]],
    mut crossings: usize,
) -> usize {
    if graph.up.len() > SIFT_MAX_NODES || crossings == 0 {
        return crossings;
    }
    let mut pos = vec![0usize; graph.up.len()];
    let mut evaluate = |ranks: &[Vec<usize>]| {
        for rank in ranks {
            for (i, &v) in rank.iter().enumerate() {
                pos[v] = i;
            }
        }
        count_crossings(ranks, graph, &pos)
    };
    let rank_of = |ranks: &[Vec<usize>], v: usize| ranks.iter().position(|r| r.contains(&v));
    for _ in 0..3 {
        let before = crossings;
        for chain in chains {
            for to_left in [true, false] {
                let mut trial = ranks.to_vec();
                for &m in chain.iter() {
                    let Some(r) = rank_of(&trial, m) else {
                        continue;
                    };
                    trial[r].retain(|&v| v != m);
                    if to_left {
                        trial[r].insert(0, m);
                    } else {
                        trial[r].push(m);
                    }
                }
                let c = evaluate(&trial);
                if c < crossings {
                    crossings = c;
                    ranks.clone_from_slice(&trial);
                }
            }
        }
        for r in 0..ranks.len() {
            for v in ranks[r].clone() {
                let mut trial = ranks[r].clone();
                trial.retain(|&u| u != v);
                for j in 0..=trial.len() {
                    let mut candidate = ranks.to_vec();
                    candidate[r] = trial.clone();
                    candidate[r].insert(j, v);
                    let c = evaluate(&candidate);
                    if c < crossings {
                        crossings = c;
                        ranks.clone_from_slice(&candidate);
                    }
                }
            }
        }
        if crossings == before || crossings == 0 {
            break;
        }
    }
    crossings
}

/// Stable-sorts one rank by the mean position of each node's neighbours in the adjacent rank;
/// a node without such neighbours keeps its current position as its key.
fn sort_by_barycenter(rank: &mut [usize], neighbours: &[Vec<usize>], pos: &mut [usize]) {
    let mut keyed: Vec<(f64, usize)> = rank
        .iter()
        .map(|&v| {
            let ns = &neighbours[v];
            let key = if ns.is_empty() {
                pos[v] as f64
            } else {
                ns.iter().map(|&u| pos[u] as f64).sum::<f64>() / ns.len() as f64
            };
            (key, v)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (i, (_, v)) in keyed.into_iter().enumerate() {
        rank[i] = v;
        pos[v] = i;
    }
}

/// Swaps neighbouring nodes of one rank while that removes crossings with both adjacent ranks.
fn swap_adjacent(rank: &mut [usize], graph: &OrderGraph, pos: &mut [usize]) {
    // Weighted crossings between the segments of `l` and of `r` when `l` is left of `r`.
    let pair_crossings = |l: usize, r: usize, pos: &[usize]| {
        let mut c = 0;
        for ns in [graph.up, graph.down] {
            for &a in &ns[l] {
                for &b in ns[r].iter().filter(|&&b| pos[b] < pos[a]) {
                    c += graph.segment_weight(l, a) * graph.segment_weight(r, b);
                }
            }
        }
        c
    };
    for _ in 0..rank.len() {
        let mut improved = false;
        for i in 1..rank.len() {
            let (l, r) = (rank[i - 1], rank[i]);
            if pair_crossings(r, l, pos) < pair_crossings(l, r, pos) {
                rank.swap(i - 1, i);
                pos[l] = i;
                pos[r] = i - 1;
                improved = true;
            }
        }
        if !improved {
            break;
        }
    }
}

/// Weighted number of pairs of segments that cross between adjacent ranks.
fn count_crossings(ranks: &[Vec<usize>], graph: &OrderGraph, pos: &[usize]) -> usize {
    let mut total = 0;
    for rank in ranks {
        // (position above, position below, weight) of every segment leaving this rank.
        let segments: Vec<(usize, usize, usize)> = rank
            .iter()
            .flat_map(|&u| graph.down[u].iter().map(move |&v| (u, v)))
            .map(|(u, v)| (pos[u], pos[v], graph.segment_weight(u, v)))
            .collect();
        for (i, a) in segments.iter().enumerate() {
            for b in &segments[i + 1..] {
                if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                    total += a.2 * b.2;
                }
            }
        }
    }
    total
}
