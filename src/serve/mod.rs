//! `nenpo serve`: a local preview. The site is built in memory and served on 127.0.0.1;
//! every save under content/, assets/, themes/ or to book.toml rebuilds it (only the changed
//! page where that is safe) and reloads open browsers; content errors show in the page.

mod http;
mod incremental;
mod page;
mod rebuild;
#[cfg(test)]
mod tests;
mod watch;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::diag::{Diagnostics, Lang};

/// How to serve.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The port; none: the first free one from 3000 to 3010. 0 lets the system choose.
    pub port: Option<u16>,
}

/// What happened, for the command to tell the editor.
#[derive(Debug)]
pub enum Event {
    /// The site was rebuilt and browsers were told to reload.
    Built {
        /// HTML pages in the site.
        pages: usize,
        /// How long the rebuild took.
        took: Duration,
        /// Only the changed pages were rendered again.
        incremental: bool,
        /// Warnings of the build.
        warnings: Diagnostics,
    },
    /// The content has errors: browsers show them until the files are fixed.
    Failed {
        /// Every problem.
        diagnostics: Diagnostics,
    },
    /// The file watcher reported a problem (a folder vanished, too many files …).
    WatchError(String),
}

/// Why the server could not start.
#[derive(Debug)]
pub struct ServeError(pub String);

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ServeError {}

/// Receives [`Event`]s from the server's threads.
pub type EventSink = Arc<dyn Fn(Event) + Send + Sync>;

/// The site as browsers see it right now, swapped as a whole on every rebuild.
#[derive(Default)]
pub(crate) struct Snapshot {
    /// Site path → bytes, from the last good build.
    pub files: std::collections::HashMap<String, Arc<[u8]>>,
    /// The error page, while the content has errors.
    pub failure: Option<Arc<str>>,
    /// Counts rebuilds, so a browser that reconnects knows whether it missed one.
    pub version: u64,
}

impl Snapshot {
    /// Puts rebuilt files in place of their old versions.
    pub fn put(&mut self, files: Vec<crate::site::OutputFile>) {
        for f in files {
            self.files.insert(f.path, Arc::from(f.bytes));
        }
    }
}

/// What the HTTP threads and the rebuild thread share.
pub(crate) struct Shared {
    pub snapshot: RwLock<Snapshot>,
    /// Open live-reload connections, each waiting for the version to reload to.
    pub listeners: Mutex<Vec<mpsc::Sender<u64>>>,
    /// Distinguishes this server run from an earlier one on the same port.
    pub run_id: String,
    /// The port browsers must name in their Host header.
    pub port: u16,
    pub lang: Lang,
    pub stopping: AtomicBool,
}

impl Shared {
    /// Tells every open browser to reload, forgetting those that went away.
    pub fn notify(&self, version: u64) {
        let mut ls = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        ls.retain(|tx| tx.send(version).is_ok());
    }
}

/// A running preview server.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    http: Arc<tiny_http::Server>,
    workers: Vec<JoinHandle<()>>,
    rebuilder: Option<JoinHandle<()>>,
    watcher: Option<watch::Watcher>,
}

/// HTTP worker threads: pages are answered from memory, so a few suffice; live-reload
/// connections get threads of their own.
const WORKERS: usize = 4;

impl Server {
    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The address to open in a browser.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Serves until the process is stopped (Ctrl+C).
    pub fn wait(mut self) {
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }

    /// Stops watching and serving, and waits for the threads to end.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Dropping the watcher closes the channel the rebuild thread waits on.
        self.watcher.take();
        for _ in 0..self.workers.len() {
            self.http.unblock();
        }
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
        if let Some(r) = self.rebuilder.take() {
            let _ = r.join();
        }
        // Ends the live-reload threads.
        self.shared
            .listeners
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if !self.workers.is_empty() || self.rebuilder.is_some() {
            self.shutdown();
        }
    }
}

/// Builds the report at `root` in memory, starts watching it and serves it on 127.0.0.1.
/// The first build's outcome is sent to `events` before this returns; content errors do not
/// stop the server.
pub fn start(root: &Path, options: &Options, events: EventSink) -> Result<Server, ServeError> {
    start_with(root, options, events, crate::build::render)
}

/// [`start`] with the function that builds the site (tests give one that fails on purpose).
pub(crate) fn start_with(
    root: &Path,
    options: &Options,
    events: EventSink,
    render: rebuild::RenderFn,
) -> Result<Server, ServeError> {
    // Absolute, so watcher events and content paths name files the same way.
    let root: PathBuf = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let lang = crate::config::Config::load(&root)
        .map(|c| c.lang)
        .unwrap_or_default();
    let http = bind(options.port, lang)?;
    let addr = match http.server_addr() {
        tiny_http::ListenAddr::IP(a) => a,
        #[allow(unreachable_patterns)]
        _ => return Err(ServeError("not an IP address".into())),
    };
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Snapshot::default()),
        listeners: Mutex::new(Vec::new()),
        run_id: run_id(),
        port: addr.port(),
        lang,
        stopping: AtomicBool::new(false),
    });
    let mut builder = rebuild::Rebuilder::new(root.clone(), shared.clone(), events.clone(), render);
    builder.full();

    let (tx, rx) = mpsc::channel();
    let watcher = watch::Watcher::start(&root, tx, events.clone())
        .map_err(|e| ServeError(crate::tr!(lang, msg.watch_failed, error = e)))?;
    let rebuilder = std::thread::Builder::new()
        .name("nenpo-rebuild".into())
        .spawn(move || builder.run(rx))
        .map_err(|e| ServeError(e.to_string()))?;

    let http = Arc::new(http);
    let workers = (0..WORKERS)
        .map(|i| {
            let http = http.clone();
            let shared = shared.clone();
            std::thread::Builder::new()
                .name(format!("nenpo-http-{i}"))
                .spawn(move || {
                    while !shared.stopping.load(Ordering::SeqCst) {
                        if let Ok(rq) = http.recv() {
                            http::handle(&shared, rq);
                        }
                    }
                })
                .map_err(|e| ServeError(e.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Server {
        addr,
        shared,
        http,
        workers,
        rebuilder: Some(rebuilder),
        watcher: Some(watcher),
    })
}

/// Binds 127.0.0.1 only: the preview is for the editor's own machine, never the network.
fn bind(port: Option<u16>, lang: Lang) -> Result<tiny_http::Server, ServeError> {
    let ports: Vec<u16> = match port {
        Some(p) => vec![p],
        None => (3000..=3010).collect(),
    };
    let mut last = String::new();
    for p in &ports {
        match tiny_http::Server::http(SocketAddr::from((Ipv4Addr::LOCALHOST, *p))) {
            Ok(s) => return Ok(s),
            Err(e) => last = e.to_string(),
        }
    }
    Err(ServeError(match port {
        Some(p) => crate::tr!(lang, msg.port_busy, port = p, error = last),
        None => crate::tr!(lang, msg.ports_busy, error = last),
    }))
}

fn run_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{:x}-{:x}", std::process::id(), nanos)
}
