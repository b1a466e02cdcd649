//! Save-to-reload latency of `nenpo serve`: `cargo run --release --example serve_latency --
//! DIR [RUNS]` serves the report in DIR on 127.0.0.1, then edits the Markdown body of a
//! chapter and of the year's index.md and a figure of the year's actuals.yaml (all three
//! incremental) RUNS times each, and
//! prints the time from the file write to the reload event reaching a client, and to the
//! edited page being fetched. The files are restored afterwards. Not a test: figures
//! depend on the machine.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = PathBuf::from(
        args.get(1)
            .map(String::as_str)
            .unwrap_or("target/synthetic"),
    );
    let runs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let started = Instant::now();
    let server = nenpo::serve::start(
        &root,
        &nenpo::serve::Options { port: Some(0) },
        Arc::new(|e| {
            if let nenpo::serve::Event::Failed { diagnostics } = e {
                eprint!("{}", diagnostics.render(nenpo::diag::Lang::Ja, false));
            }
        }),
    )
    .expect("server starts");
    println!(
        "first build and start: {:.3} s",
        started.elapsed().as_secs_f64()
    );
    let addr = server.addr();
    let (year, chapter) = first_chapter(&root);
    let page = format!(
        "/{year}/{}/",
        chapter.file_stem().unwrap().to_string_lossy()
    );
    let actuals = root.join(format!("content/{year}/actuals.yaml"));
    let index = root.join(format!("content/{year}/index.md"));
    let year_page = format!("/{year}/");

    let mut events = Events::open(addr);
    for (what, file, path, edit) in [
        (
            "chapter body (incremental)",
            &chapter,
            page.as_str(),
            Edit::Body,
        ),
        (
            "year index.md body (incremental)",
            &index,
            year_page.as_str(),
            Edit::Body,
        ),
        (
            "actuals.yaml figure (incremental)",
            &actuals,
            "/",
            Edit::Figure,
        ),
    ] {
        // The bench corpus without indicators has no actuals.yaml.
        let Ok(original) = std::fs::read_to_string(file) else {
            continue;
        };
        let (mut to_event, mut to_page) = (Vec::new(), Vec::new());
        for i in 0..runs {
            let marker = format!("計測用の一文{i}です。");
            let text = match edit {
                Edit::Body => format!("{original}\n{marker}\n"),
                Edit::Figure => bump_first_figure(&original, i + 1),
            };
            let t = Instant::now();
            std::fs::write(file, text).unwrap();
            assert!(events.wait_reload(Duration::from_secs(60)), "no reload");
            to_event.push(t.elapsed().as_secs_f64() * 1000.0);
            let body = get(addr, path);
            to_page.push(t.elapsed().as_secs_f64() * 1000.0);
            if matches!(edit, Edit::Body) {
                assert!(body.contains(&marker), "the edit shows");
            }
            // Let the step finish (the print view and the search index follow the page,
            // with a reload of their own) so runs do not merge.
            while events.wait_reload(Duration::from_millis(1500)) {}
        }
        std::fs::write(file, &original).unwrap();
        events.wait_reload(Duration::from_secs(60));
        while events.wait_reload(Duration::from_millis(1500)) {}
        println!("{what}: write → reload event {}", stats(&mut to_event));
        println!("{what}: write → page fetched {}", stats(&mut to_page));
    }
    server.stop();
}

#[derive(Clone, Copy)]
enum Edit {
    Body,
    Figure,
}

/// The first `actual:` figure of the file, raised by `by` (a plausible change, so no new
/// warning sends the step to a full build).
fn bump_first_figure(text: &str, by: usize) -> String {
    let at = text.find("actual: ").expect("an actual") + "actual: ".len();
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let value: usize = digits.parse().expect("a whole number");
    format!(
        "{}{}{}",
        &text[..at],
        value + by,
        &text[at + digits.len()..]
    )
}

fn stats(v: &mut [f64]) -> String {
    v.sort_by(f64::total_cmp);
    format!(
        "min {:.0} ms, median {:.0} ms, max {:.0} ms ({} runs)",
        v[0],
        v[v.len() / 2],
        v[v.len() - 1],
        v.len()
    )
}

/// The first chapter (a year's Markdown file other than index.md) of the latest year.
fn first_chapter(root: &Path) -> (String, PathBuf) {
    let mut years: Vec<PathBuf> = std::fs::read_dir(root.join("content"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().chars().all(|c| c.is_ascii_digit()))
        })
        .collect();
    years.sort();
    for y in years.iter().rev() {
        let mut md: Vec<PathBuf> = std::fs::read_dir(y)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == "md")
                    && p.file_name().is_some_and(|n| n != "index.md")
            })
            .collect();
        md.sort();
        if let Some(first) = md.into_iter().next() {
            return (y.file_name().unwrap().to_string_lossy().into_owned(), first);
        }
    }
    panic!("no chapter in {}", root.display());
}

fn get(addr: SocketAddr, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    match String::from_utf8(raw) {
        Ok(t) => t,
        Err(e) => {
            let raw = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            panic!(
                "invalid UTF-8 at {at} of {}: {:?}",
                raw.len(),
                String::from_utf8_lossy(&raw[at.saturating_sub(300)..(at + 100).min(raw.len())])
            );
        }
    }
}

struct Events(BufReader<TcpStream>);

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut s = TcpStream::connect(addr).unwrap();
        write!(s, "GET /__nenpo/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        s.set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        Events(BufReader::new(s))
    }

    fn wait_reload(&mut self, limit: Duration) -> bool {
        let start = Instant::now();
        let mut line = String::new();
        while start.elapsed() < limit {
            line.clear();
            if let Ok(n) = self.0.read_line(&mut line)
                && n > 0
                && line.trim_end() == "event: reload"
            {
                return true;
            }
        }
        false
    }
}
