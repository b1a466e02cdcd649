//! Benchmark: times the two search stages (reading page text, building the index) on a built
//! site: `cargo run --release --example search_bench -- <site>` (ROUNDS, LIMIT in the environment).
use std::time::Instant;
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = s[s.rfind(')').unwrap() + 2..].split(' ').collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut files = Vec::new();
    for e in walkdir::WalkDir::new(&dir) {
        let e = e.unwrap();
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html") {
            let rel = e
                .path()
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel.starts_with("search/") {
                continue;
            }
            files.push(nenpo::site::OutputFile {
                path: rel,
                bytes: std::fs::read(e.path()).unwrap(),
            });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    if let Ok(n) = std::env::var("LIMIT") {
        files.truncate(n.parse().unwrap());
    }
    let rounds: usize = std::env::var("ROUNDS").map_or(5, |r| r.parse().unwrap());
    for _ in 0..rounds {
        let c0 = cpu();
        let t = Instant::now();
        let docs = nenpo::search::extract_docs(&files);
        let t1 = t.elapsed();
        let c1 = cpu();
        let refs: Vec<_> = docs.iter().collect();
        let t = Instant::now();
        let idx = nenpo::search::index::build_index(&refs);
        let t2 = t.elapsed();
        let c2 = cpu();
        println!("cpu extract {:.2}s index {:.2}s", c1 - c0, c2 - c1);
        let bytes: usize = idx.files.iter().map(|f| f.bytes.len()).sum();
        println!(
            "extract {t1:?}  index {t2:?}  files {} bytes {bytes}",
            idx.files.len()
        );
    }
}
