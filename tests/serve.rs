//! `nenpo serve` driven over HTTP on 127.0.0.1: pages come from memory with the live-reload
//! script, an edit reaches the page and the browsers, a broken file shows its error in the
//! page and the server survives it. Every wait is bounded.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nenpo::serve::{Event, Options, Server};

/// Starts a server on a free port; the log collects what it reported.
fn start(root: &Path) -> (Server, Arc<Mutex<Vec<String>>>) {
    let log = Arc::new(Mutex::new(Vec::new()));
    let sink = log.clone();
    let server = nenpo::serve::start(
        root,
        &Options { port: Some(0) },
        Arc::new(move |e: Event| {
            let line = match e {
                Event::Built { incremental, .. } => format!("built incremental={incremental}"),
                Event::Failed { diagnostics } => format!("failed {}", diagnostics.error_count()),
                Event::WatchError(m) => format!("watch error {m}"),
            };
            sink.lock().unwrap().push(line);
        }),
    )
    .unwrap();
    assert!(server.addr().ip().is_loopback(), "{}", server.addr());
    (server, log)
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

/// A plain HTTP/1.1 GET.
fn get(addr: SocketAddr, path: &str) -> Reply {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    Reply {
        status: head[9..12].parse().unwrap(),
        head: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

/// A browser's live-reload connection.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
        write!(
            s,
            "GET /__nenpo/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        s.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let mut e = Events(BufReader::new(s));
        assert!(e.wait_for("event: hello", Duration::from_secs(5)));
        e
    }

    /// Reads lines until one equals `line`, for at most `limit`.
    fn wait_for(&mut self, line: &str, limit: Duration) -> bool {
        let start = Instant::now();
        let mut buf = String::new();
        while start.elapsed() < limit {
            buf.clear();
            match self.0.read_line(&mut buf) {
                Ok(0) => return false,
                Ok(_) if buf.trim_end() == line => return true,
                _ => {}
            }
        }
        false
    }
}

const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn an_edit_appears_in_the_page_and_reloads_the_browser() {
    let dir = common::example_copy();
    let (server, log) = start(dir.path());
    let addr = server.addr();
    let page = get(addr, "/2021/kankyo-genkyo/");
    assert_eq!(page.status, 200);
    assert!(page.head.contains("content-type: text/html; charset=utf-8"));
    assert!(
        page.body
            .contains("<script src=\"/__nenpo/live.js\"></script>\n</body>")
    );
    assert!(!page.body.contains("編集中に加えた一文"));

    let mut events = Events::open(addr);
    let file = dir.path().join("content/2021/kankyo-genkyo.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("## ", "編集中に加えた一文です。\n\n## ", 1),
    )
    .unwrap();
    assert!(events.wait_for("event: reload", LIMIT), "{:?}", log.lock());
    let page = get(addr, "/2021/kankyo-genkyo/index.html");
    assert!(page.body.contains("編集中に加えた一文です。"));
    // The year's print view follows the page, with a reload of its own.
    assert!(events.wait_for("event: reload", LIMIT), "{:?}", log.lock());
    let print = get(addr, "/2021/print/");
    assert!(
        print.body.contains("編集中に加えた一文です。"),
        "the print view follows"
    );
    // Large pages go out whole with their length, never in chunks.
    assert!(print.body.len() > 40_000, "{}", print.body.len());
    assert!(
        print
            .head
            .contains(&format!("content-length: {}", print.body.len()))
    );

    // A YAML edit rebuilds everything: the new actual shows on the indicator's page.
    let actuals = dir.path().join("content/2021/actuals.yaml");
    let yaml = std::fs::read_to_string(&actuals).unwrap();
    assert!(yaml.contains("actual: 551\n"));
    std::fs::write(&actuals, yaml.replace("actual: 551\n", "actual: 549\n")).unwrap();
    assert!(events.wait_for("event: reload", LIMIT), "{:?}", log.lock());
    assert!(get(addr, "/indicators/katei-gomi/").body.contains("549"));
    let log = log.lock().unwrap().clone();
    assert_eq!(
        log.first().map(String::as_str),
        Some("built incremental=false")
    );
    assert!(
        log.contains(&"built incremental=true".to_string()),
        "{log:?}"
    );
    server.stop();
}

#[test]
fn a_broken_file_shows_its_error_in_the_page_and_the_server_survives() {
    let dir = common::example_copy();
    let (server, log) = start(dir.path());
    let addr = server.addr();
    let mut events = Events::open(addr);
    let plan = dir.path().join("content/plans/kankyo.yaml");
    let good = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, good.replacen("    title:", "    titel:", 1)).unwrap();
    assert!(events.wait_for("event: reload", LIMIT), "{:?}", log.lock());

    for path in ["/", "/2021/index.html", "/no/such/page/"] {
        let page = get(addr, path);
        assert_eq!(page.status, 500, "{path}");
        assert!(page.body.contains("原稿に誤りがあります"), "{path}");
        assert!(page.body.contains("content/plans/kankyo.yaml:"), "{path}");
        assert!(page.body.contains("titel"), "the snippet: {}", page.body);
        assert!(
            page.body.contains("/__nenpo/live.js"),
            "it reloads when fixed"
        );
    }
    // The stylesheet of the last good build still loads.
    assert_eq!(get(addr, "/static/style.css").status, 200);

    // A second mistake in a Markdown file, then the fix: the site comes back.
    let chapter = dir.path().join("content/2021/kankyo-genkyo.md");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(&chapter, text.replacen("## ", "未登録の語＊\n\n## ", 1)).unwrap();
    assert!(events.wait_for("event: reload", LIMIT));
    let page = get(addr, "/");
    assert!(
        page.body.contains("content/2021/kankyo-genkyo.md:"),
        "{}",
        page.body
    );
    std::fs::write(&chapter, &text).unwrap();
    std::fs::write(&plan, &good).unwrap();
    let start = Instant::now();
    while get(addr, "/").status != 200 && start.elapsed() < LIMIT {
        events.wait_for("event: reload", Duration::from_secs(1));
    }
    let home = get(addr, "/");
    assert_eq!(home.status, 200, "{:?}", log.lock());
    assert!(home.body.contains("さくら台市"));
    server.stop();
}

#[test]
fn files_have_their_types_unknown_paths_get_the_404_page() {
    let dir = common::example_copy();
    let (server, _) = start(dir.path());
    let addr = server.addr();
    for (path, ty) in [
        ("/static/style.css", "text/css"),
        ("/bodies/suishin-taisei.svg", "image/svg+xml"),
        ("/sitemap.xml", "application/xml"),
        ("/assets/2021/shingikai-1-shiryo1.pdf", "application/pdf"),
    ] {
        let r = get(addr, path);
        assert_eq!(r.status, 200, "{path}");
        assert!(r.head.contains(&format!("content-type: {ty}")), "{path}");
        assert!(
            !r.body.contains("__nenpo"),
            "no script outside HTML: {path}"
        );
    }
    let data = get(addr, "/data/");
    for (ext, ty) in [(".csv", "text/csv"), (".json", "application/json")] {
        let file = data
            .body
            .split('"')
            .find(|s| s.ends_with(ext))
            .expect("a data link on the data page");
        let r = get(addr, &format!("/data/{file}"));
        assert!(r.head.contains(&format!("content-type: {ty}")), "{file}");
    }
    let r = get(addr, "/2021");
    assert_eq!(r.status, 301);
    assert!(r.head.contains("location: /2021/"));
    let r = get(addr, "/no-such-page.html");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("ページが見つかりません"));
    assert_eq!(get(addr, "/../book.toml").status, 400);
    server.stop();

    // The built site itself carries no script.
    let (_, files, _) = nenpo::build::render_report(dir.path()).unwrap();
    assert!(
        files
            .iter()
            .all(|f| !String::from_utf8_lossy(&f.bytes).contains("__nenpo"))
    );
}

/// A GET with the Host header a browser would send for `host` (none when `None`).
fn get_as(addr: SocketAddr, path: &str, host: Option<&str>) -> Reply {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
    write!(s, "GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    Reply {
        status: head[9..12].parse().unwrap(),
        head: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

#[test]
fn only_requests_for_this_machine_are_answered() {
    let dir = common::copy_tree(&common::fixture("seed002"));
    let (server, _log) = start(dir.path());
    let addr = server.addr();
    let port = addr.port();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(get_as(addr, "/", Some(&host)).status, 200, "{host}");
    }
    // A page on another site that made its name point here (DNS rebinding) names itself.
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost:{}", port.wrapping_add(1)),
        "localhost".to_string(),
        String::new(),
    ] {
        for path in [
            "/",
            "/__nenpo/events",
            "/__nenpo/live.js",
            "/static/style.css",
        ] {
            let r = get_as(addr, path, Some(&host));
            assert_eq!(r.status, 403, "{host} {path}");
            assert!(
                r.body.contains("このアドレスでは表示できません"),
                "{}",
                r.body
            );
            assert!(!r.body.contains("政策評価"), "{}", r.body);
        }
    }
    let r = get_as(addr, "/", None);
    assert!(r.status == 403 || r.status == 400, "{}", r.status);
    server.stop();
}
