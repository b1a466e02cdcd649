//! Answering browsers from the in-memory site: `index.html` for folders, content types by
//! extension, the live-reload script in HTML only, the error page while the content has
//! errors, the site's 404 page for unknown paths, and the live-reload event stream.

use std::io::Write;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::Shared;
use super::page::{self, EVENTS_PATH, SCRIPT_PATH};

/// Answers one request.
pub(crate) fn handle(shared: &Arc<Shared>, rq: Request) {
    if !host_allowed(&rq, shared.port) {
        let _ = rq.respond(text(403, "text/html; charset=utf-8", &refused_page(shared)));
        return;
    }
    if !matches!(rq.method(), Method::Get | Method::Head) {
        let _ = rq.respond(text(405, "text/plain; charset=utf-8", "GET only"));
        return;
    }
    let url = rq.url().to_string();
    let raw_path = url.split(['?', '#']).next().unwrap_or("/");
    if raw_path == EVENTS_PATH {
        events(shared.clone(), rq);
        return;
    }
    if raw_path == SCRIPT_PATH {
        let _ = rq.respond(text(200, "text/javascript; charset=utf-8", page::SCRIPT));
        return;
    }
    let Some(path) = site_path(raw_path) else {
        let _ = rq.respond(text(400, "text/plain; charset=utf-8", "bad path"));
        return;
    };
    let (found, failure, folder) = {
        let s = shared.snapshot.read().unwrap_or_else(|e| e.into_inner());
        let folder = format!("{path}/index.html");
        (
            s.files.get(&path).cloned(),
            s.failure.clone(),
            !path.is_empty() && !path.ends_with(".html") && s.files.contains_key(&folder),
        )
    };
    // A folder asked for without its slash: relative links on its page need the slash.
    if found.is_none() && folder {
        let location = format!("{}/", raw_path.trim_end_matches('/'));
        let mut r = text(301, "text/plain; charset=utf-8", "");
        r.add_header(header("Location", &location));
        let _ = rq.respond(r);
        return;
    }
    let is_page = path.ends_with(".html");
    if let Some(html) = failure.filter(|_| is_page || found.is_none()) {
        let _ = rq.respond(bytes(
            500,
            "text/html; charset=utf-8",
            html.as_bytes().to_vec(),
        ));
        return;
    }
    match found {
        Some(body) if is_page => {
            let _ = rq.respond(bytes(200, content_type(&path), page::inject(&body)));
        }
        Some(body) => {
            let _ = rq.respond(bytes(200, content_type(&path), body.to_vec()));
        }
        None => not_found(shared, rq),
    }
}

/// Whether the request names this server as the browser's own machine. A page on another
/// site can make a browser send requests here under its own host name (DNS rebinding); such
/// a request carries that name in its Host header and is refused, so no other site can read
/// the preview.
fn host_allowed(rq: &Request, port: u16) -> bool {
    let Some(host) = rq
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase())
    else {
        return false;
    };
    let (name, given_port) = match host.rsplit_once(':') {
        Some((n, p)) if !p.contains(']') => (n.to_string(), p.parse::<u16>().ok()),
        _ => (host.clone(), Some(80)),
    };
    matches!(name.as_str(), "localhost" | "127.0.0.1" | "[::1]") && given_port == Some(port)
}

fn refused_page(shared: &Shared) -> String {
    let url = format!("http://127.0.0.1:{}/", shared.port);
    match shared.lang {
        crate::diag::Lang::Ja => format!(
            "<!DOCTYPE html>\n<html lang=\"ja\">\n<head><meta charset=\"utf-8\"><title>表示できません — nenpo</title></head>\n\
<body><h1>このアドレスでは表示できません</h1>\n<p>nenpo のプレビューは、このパソコンのブラウザーで <a href=\"{url}\">{url}</a> を開いたときだけ表示されます。</p></body>\n</html>\n"
        ),
        crate::diag::Lang::En => format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Refused — nenpo</title></head>\n\
<body><h1>Not served under this address</h1>\n<p>The nenpo preview is shown only at <a href=\"{url}\">{url}</a> on this computer.</p></body>\n</html>\n"
        ),
    }
}

/// The site's own 404 page when the site has one.
fn not_found(shared: &Shared, rq: Request) {
    let page = shared
        .snapshot
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .files
        .get(crate::site::paths::NOT_FOUND)
        .cloned();
    let body = match page {
        Some(p) => page::inject(&p),
        None => shared.lang.text().msg.serve_not_found.as_bytes().to_vec(),
    };
    let _ = rq.respond(bytes(404, "text/html; charset=utf-8", body));
}

/// The site path for a URL path: percent-decoded, without the leading slash, with
/// `index.html` for folders; none for paths that try to climb out of the site.
pub(crate) fn site_path(url_path: &str) -> Option<String> {
    let decoded = percent_decode(url_path)?;
    let trimmed = decoded.trim_start_matches('/');
    if trimmed
        .split('/')
        .any(|seg| seg == ".." || seg == "." || seg.contains('\\'))
    {
        return None;
    }
    if trimmed.is_empty() || trimmed.ends_with('/') {
        return Some(format!("{trimmed}index.html"));
    }
    Some(trimmed.to_string())
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The content type of a site file, by extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    }
}

/// Keeps a live-reload connection open on a thread of its own, sending `reload` after each
/// rebuild and a comment every few seconds so a closed tab is noticed and its thread ends.
fn events(shared: Arc<Shared>, rq: Request) {
    let (tx, rx) = mpsc::channel::<u64>();
    let version = shared
        .snapshot
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .version;
    shared
        .listeners
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(tx);
    let hello = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
Connection: close\r\n\r\nretry: 500\n\nevent: hello\ndata: {}-{version}\n\n",
        shared.run_id
    );
    let spawned = std::thread::Builder::new()
        .name("nenpo-events".into())
        .spawn(move || {
            let mut w = rq.into_writer();
            if w.write_all(hello.as_bytes())
                .and_then(|_| w.flush())
                .is_err()
            {
                return;
            }
            loop {
                let msg = match rx.recv_timeout(Duration::from_secs(10)) {
                    Ok(v) => format!("event: reload\ndata: {v}\n\n"),
                    Err(mpsc::RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                };
                if w.write_all(msg.as_bytes()).and_then(|_| w.flush()).is_err() {
                    return;
                }
            }
        });
    // Without a thread the browser simply retries later.
    drop(spawned);
}

fn header(name: &str, value: &str) -> Header {
    // Names and values here are ASCII constants or paths the browser sent.
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|_| Header::from_bytes(&b"X-Nenpo"[..], &b"1"[..]).expect("ASCII header"))
}

fn bytes(status: u16, content_type: &str, body: Vec<u8>) -> Response<std::io::Cursor<Vec<u8>>> {
    // The whole body is in memory: send its length rather than chunks.
    Response::from_data(body)
        .with_chunked_threshold(usize::MAX)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
}

fn text(status: u16, content_type: &str, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    bytes(status, content_type, body.as_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_get_their_index_and_climbing_out_is_refused() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/2021/").as_deref(), Some("2021/index.html"));
        assert_eq!(
            site_path("/static/style.css").as_deref(),
            Some("static/style.css")
        );
        assert_eq!(
            site_path("/glossary/%E7%94%A8.html").as_deref(),
            Some("glossary/用.html")
        );
        assert_eq!(site_path("/../etc/passwd"), None);
        assert_eq!(site_path("/a/%2e%2e/b"), None);
        assert_eq!(site_path("/%zz"), None);
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("static/style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("bodies/x.svg"), "image/svg+xml");
        assert_eq!(content_type("assets/a.PDF"), "application/pdf");
        assert_eq!(content_type("data/2021.csv"), "text/csv; charset=utf-8");
        assert_eq!(content_type("data/2021.json"), "application/json");
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("x"), "application/octet-stream");
    }
}
