//! Clean-build benchmark: `cargo run --release --example bench_build -- DIR [RUNS]` builds the
//! report in DIR (see the `synthetic` example) RUNS times into DIR/bench-out-N and prints the
//! wall time of each run with the minimum and median. Not a test: figures depend on the machine.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = std::path::PathBuf::from(
        args.get(1)
            .map(String::as_str)
            .unwrap_or("target/synthetic"),
    );
    let runs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    if std::env::var_os("NENPO_BENCH_STAGES").is_some() {
        let t = Instant::now();
        let loaded = nenpo::content::load_report(&root);
        println!("load: {:.3} s", t.elapsed().as_secs_f64());
        let report = loaded.report.expect("report loads");
        let t = Instant::now();
        let files = nenpo::site::render_site(&report, &root).expect("renders");
        println!(
            "render: {:.3} s ({} files)",
            t.elapsed().as_secs_f64(),
            files.len()
        );
        let out = root.join("public-stages");
        let t = Instant::now();
        nenpo::output::write_site(&out, &files, nenpo::diag::Lang::Ja).expect("writes");
        println!("write: {:.3} s", t.elapsed().as_secs_f64());
        let _ = std::fs::remove_dir_all(&out);
    }
    let mut times = Vec::new();
    let mut pages = 0;
    // Each run writes a folder of its own and the folders are removed only at the end: on
    // this machine's disk, deleting 10,000 files slows the writes that follow for a while,
    // which would measure the previous run's clean-up rather than the build.
    let outs: Vec<std::path::PathBuf> = (0..runs)
        .map(|i| root.join(format!("bench-out-{i}")))
        .collect();
    for out in &outs {
        let _ = std::fs::remove_dir_all(out);
    }
    for (i, out) in outs.iter().enumerate() {
        let start = Instant::now();
        match nenpo::build::build(&root, Some(out)) {
            Ok(s) => pages = s.pages,
            Err(f) => {
                eprint!("{}", f.diagnostics.render(f.lang, false));
                std::process::exit(1);
            }
        }
        let t = start.elapsed().as_secs_f64();
        println!("run {}: {t:.3} s", i + 1);
        times.push(t);
    }
    for out in &outs {
        let _ = std::fs::remove_dir_all(out);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{pages} pages, {} threads: min {:.3} s, median {:.3} s",
        rayon::current_num_threads(),
        times[0],
        times[times.len() / 2]
    );
}
