//! The preview when a rebuild panics, driven over TCP like a browser. The panic comes from a
//! stand-in build function given to [`super::start_with`], so no switch that makes nenpo
//! panic exists outside the tests.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Event, Options, start_with};

/// Builds the site as usual, but panics while book.toml says so (an edit there always
/// rebuilds everything).
fn panics_on_request(root: &Path) -> Result<crate::build::Rendered, crate::build::BuildFailure> {
    let book = std::fs::read_to_string(root.join("book.toml")).unwrap_or_default();
    if book.contains("PANIC-HERE") {
        panic!("a bug on purpose");
    }
    crate::build::render(root)
}

fn get(addr: SocketAddr, path: &str) -> (u16, String) {
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
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (head[9..12].parse().unwrap(), body.to_string())
}

/// Asks until the answer has `status`, for a bounded time.
fn wait_for_status(addr: SocketAddr, status: u16) -> (u16, String) {
    let start = Instant::now();
    loop {
        let reply = get(addr, "/");
        if reply.0 == status || start.elapsed() > Duration::from_secs(30) {
            return reply;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn fixture_copy() -> tempfile::TempDir {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed002");
    let dir = tempfile::tempdir().unwrap();
    for e in walkdir::WalkDir::new(&from) {
        let e = e.unwrap();
        let to = dir.path().join(e.path().strip_prefix(&from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    dir
}

#[test]
fn a_panicking_rebuild_shows_the_error_page_and_the_next_save_recovers() {
    let dir = fixture_copy();
    let server = start_with(
        dir.path(),
        &Options { port: Some(0) },
        Arc::new(|_: Event| {}),
        panics_on_request,
    )
    .unwrap();
    let addr = server.addr();
    let (status, good) = get(addr, "/");
    assert_eq!(status, 200);
    let book = dir.path().join("book.toml");
    let text = std::fs::read_to_string(&book).unwrap();
    std::fs::write(&book, format!("{text}\n# PANIC-HERE\n")).unwrap();
    let (status, page) = wait_for_status(addr, 500);
    assert_eq!(status, 500, "{page}");
    assert!(page.contains("内部エラー"), "{page}");
    assert!(page.contains("a bug on purpose"), "{page}");
    // The thread lives on: fixing the file brings the site back.
    std::fs::write(&book, &text).unwrap();
    let (status, page) = wait_for_status(addr, 200);
    assert_eq!(status, 200, "{page}");
    assert_eq!(page, good);
    server.stop();
}

#[test]
fn a_panic_in_the_first_build_shows_the_error_page_too() {
    let dir = fixture_copy();
    let book = dir.path().join("book.toml");
    let text = std::fs::read_to_string(&book).unwrap();
    std::fs::write(&book, format!("{text}\n# PANIC-HERE\n")).unwrap();
    let server = start_with(
        dir.path(),
        &Options { port: Some(0) },
        Arc::new(|_: Event| {}),
        panics_on_request,
    )
    .unwrap();
    let (status, page) = get(server.addr(), "/");
    assert_eq!(status, 500);
    assert!(page.contains("内部エラー"), "{page}");
    std::fs::write(&book, &text).unwrap();
    assert_eq!(wait_for_status(server.addr(), 200).0, 200);
    server.stop();
}
