//! One print: the browser run headless on a page, in a throw-away folder that holds its
//! profile, its log and the PDF it writes, removed afterwards whatever happened.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::diag::Lang;

/// How long a print may take before nenpo gives up on the browser.
const TIMEOUT: Duration = Duration::from_secs(180);

/// The arguments that make the browser print `html` to `pdf` and nothing else: headless,
/// a throw-away profile, no calls home, no header or footer of its own (the page's @page
/// rules carry the page numbers), and an outline from the headings (ignored by browsers
/// that do not know it).
pub fn chromium_args(html: &Path, pdf: &Path, profile: &Path, no_sandbox: bool) -> Vec<String> {
    let mut args: Vec<String> = [
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--disable-extensions",
        "--no-pdf-header-footer",
        "--print-to-pdf-no-header",
        "--generate-pdf-document-outline",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    if no_sandbox {
        args.push("--no-sandbox".into());
    }
    args.push(format!("--user-data-dir={}", profile.display()));
    args.push(format!("--print-to-pdf={}", pdf.display()));
    // A plain absolute path: the browser turns it into a file:// URL itself, on every system.
    args.push(html.display().to_string());
    args
}

/// Runs the browser once on `html` and returns the PDF it printed.
pub(super) fn print_once(chromium: &Path, html: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    let work = tempfile::Builder::new()
        .prefix("nenpo-pdf-")
        .tempdir()
        .map_err(|e| format!("{}: {e}", std::env::temp_dir().display()))?;
    let profile = work.path().join("profile");
    fs::create_dir(&profile).map_err(|e| format!("{}: {e}", profile.display()))?;
    let pdf = work.path().join("print.pdf");
    let log = work.path().join("chromium.log");
    run_browser(chromium, html, &pdf, &profile, &log, lang)?;
    fs::read(&pdf).map_err(|e| format!("{}: {e}", pdf.display()))
}

fn run_browser(
    chromium: &Path,
    html: &Path,
    pdf: &Path,
    profile: &Path,
    log: &Path,
    lang: Lang,
) -> Result<(), String> {
    let log_file = fs::File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let mut child = Command::new(chromium)
        .args(chromium_args(html, pdf, profile, running_as_root()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .map_err(|e| {
            crate::tr!(
                lang,
                msg.pdf_cannot_start,
                path = chromium.display(),
                error = e
            )
        })?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(crate::tr!(
                    lang,
                    msg.pdf_timeout,
                    path = chromium.display(),
                    secs = TIMEOUT.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let ok = status.success()
        && fs::read(pdf)
            .map(|b| b.starts_with(b"%PDF"))
            .unwrap_or(false);
    if ok {
        return Ok(());
    }
    let said = fs::read_to_string(log).unwrap_or_default();
    let tail: Vec<&str> = said.lines().rev().take(8).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    let code = status
        .code()
        .map_or(lang.text().words.no_figure.into(), |c| c.to_string());
    Err(crate::tr!(
        lang,
        msg.pdf_print_failed,
        path = chromium.display(),
        code = code,
        log = tail.join("\n")
    ))
}

/// Chromium refuses to start its sandbox as root (containers, CI); only then is it turned
/// off. Linux tells through /proc; elsewhere the sandbox stays on.
fn running_as_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_print_headless_without_header_and_with_an_outline() {
        let a = chromium_args(
            Path::new("/s/2023/print/index.html"),
            Path::new("/t/out.pdf"),
            Path::new("/t/profile"),
            false,
        );
        for want in [
            "--headless",
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
            "--disable-background-networking",
            "--print-to-pdf=/t/out.pdf",
            "--user-data-dir=/t/profile",
        ] {
            assert!(a.iter().any(|x| x == want), "{want} missing: {a:?}");
        }
        assert_eq!(a.last().unwrap(), "/s/2023/print/index.html");
        assert!(!a.iter().any(|x| x == "--no-sandbox"));
    }
}
