//! Renders a report in memory without writing it, for profiling:
//! `cargo run --release --example render_only -- DIR`.

fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let (_, files, _) = nenpo::build::render_report(&root).unwrap_or_else(|f| {
        eprint!("{}", f.diagnostics.render(f.lang, false));
        std::process::exit(1)
    });
    println!("{} files", files.len());
}
