//! `nenpo pdf [<year>]`: builds the site, then prints the year's print view to an A4 PDF
//! through a Chromium-family browser installed on the machine (Chromium, Google Chrome or
//! Microsoft Edge), run headless. The page's own `@page` rules give the size, margins and
//! page numbers; Chromium adds a PDF outline from the headings where it offers that.
//!
//! nenpo never downloads a browser: it looks for one on PATH and in the usual install
//! places, or takes the one named with `--chromium`, and says in the editor's language what
//! to install when there is none.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::build::{BuildFailure, BuildSummary, build};
use crate::diag::Lang;
use crate::era::FiscalYear;

/// What to print.
#[derive(Debug)]
pub struct PdfRequest<'a> {
    /// The report (where book.toml is).
    pub root: &'a Path,
    /// The fiscal year as typed (`2023`, `令和5年度`, `R5`); the latest year when absent.
    pub year: Option<&'a str>,
    /// Where to write the PDF; `<output>/<year>/nenpo-<year>.pdf` when absent.
    pub pdf: Option<&'a Path>,
    /// The browser to use; searched for when absent.
    pub chromium: Option<&'a Path>,
}

/// What `pdf` produced.
#[derive(Debug)]
pub struct PdfSummary {
    /// The PDF written.
    pub pdf: PathBuf,
    /// Its fiscal year.
    pub year: FiscalYear,
    /// Pages in it, when they could be counted.
    pub pages: Option<usize>,
    /// The browser that printed it.
    pub chromium: PathBuf,
    /// The site build that came first (its warnings, its output folder).
    pub build: BuildSummary,
}

/// Why no PDF was made.
#[derive(Debug)]
pub enum PdfError {
    /// The content has errors (exit 1).
    Build(BuildFailure),
    /// No browser, an unknown year, or a browser that failed (exit 2), with the message.
    Usage(String, Lang),
}

/// How long a print may take before nenpo gives up on the browser.
const TIMEOUT: Duration = Duration::from_secs(180);

/// Browser commands looked for on PATH, in order.
const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
];

/// Builds the site and prints the year's print view to PDF.
pub fn pdf(req: &PdfRequest) -> Result<PdfSummary, PdfError> {
    let config = crate::config::Config::load(req.root).ok();
    let lang = config.as_ref().map(|c| c.lang).unwrap_or_default();
    let usage = |msg: String| PdfError::Usage(msg, lang);
    // Everything that can be known before building is checked first.
    let chromium =
        find_chromium(req.chromium, std::env::var_os("PATH").as_deref(), lang).map_err(usage)?;
    let wanted = match req.year {
        Some(text) => Some(FiscalYear::parse(text).ok_or_else(|| {
            usage(match lang {
                Lang::Ja => format!(
                    "年度「{text}」が読めません。2023、令和5年度、R5 のように書いてください"
                ),
                Lang::En => format!("cannot read the fiscal year {text:?}; write 2023 or R5"),
            })
        })?),
        None => None,
    };
    // The build replaces the output folder; PDFs printed before for other years are put
    // back, so printing one year after another keeps them all.
    let earlier = config
        .map(|c| earlier_pdfs(&req.root.join(&c.output)))
        .unwrap_or_default();
    let built = build(req.root, None).map_err(PdfError::Build)?;
    for (rel, bytes) in earlier {
        let p = built.output.join(&rel);
        if p.parent().is_some_and(Path::is_dir) {
            let _ = fs::write(&p, bytes);
        }
    }
    let years = printed_years(&built.output);
    let year = match wanted {
        Some(y) if years.contains(&y) => y,
        Some(y) => {
            return Err(usage(match lang {
                Lang::Ja => format!(
                    "{}（{}年度）の報告はありません。ある年度：{}",
                    y.wareki(),
                    y.0,
                    list_years(&years)
                ),
                Lang::En => format!(
                    "there is no report for fiscal year {}; years: {}",
                    y.0,
                    list_years(&years)
                ),
            }));
        }
        None => *years.last().ok_or_else(|| {
            usage(
                lang.pick(
                    "年度のフォルダ（content/2023/ など）がないため、印刷するものがありません",
                    "there is no fiscal year to print (no content/<year>/ folder)",
                )
                .to_string(),
            )
        })?,
    };
    let html = built
        .output
        .join(year.0.to_string())
        .join("print")
        .join("index.html");
    let out = req.pdf.map(Path::to_path_buf).unwrap_or_else(|| {
        built
            .output
            .join(year.0.to_string())
            .join(format!("nenpo-{}.pdf", year.0))
    });
    print_to_pdf(&chromium, &html, &out, lang).map_err(usage)?;
    let pages = fs::read(&out).ok().and_then(|b| count_pages(&b));
    Ok(PdfSummary {
        pdf: out,
        year,
        pages,
        chromium,
        build: built,
    })
}

/// `<year>/nenpo-<year>.pdf` files in a site folder, with their bytes.
fn earlier_pdfs(site: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fs::read_dir(site)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            name.parse::<i32>().ok()?;
            let rel = Path::new(&name).join(format!("nenpo-{name}.pdf"));
            let bytes = fs::read(site.join(&rel)).ok()?;
            Some((rel, bytes))
        })
        .collect()
}

/// The fiscal years whose print view is in the built site, oldest first.
fn printed_years(site: &Path) -> Vec<FiscalYear> {
    let mut years: Vec<FiscalYear> = fs::read_dir(site)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name();
            let y: i32 = name.to_str()?.parse().ok()?;
            e.path()
                .join("print/index.html")
                .is_file()
                .then_some(FiscalYear(y))
        })
        .collect();
    years.sort();
    years
}

fn list_years(years: &[FiscalYear]) -> String {
    if years.is_empty() {
        return "—".into();
    }
    years
        .iter()
        .map(|y| format!("{}（{}）", y.wareki(), y.0))
        .collect::<Vec<_>>()
        .join("、")
}

/// The browser to print with: `explicit` when given (it must exist), else the first of
/// [`NAMES`] on `path_var`, else a browser in its usual install place. The error is the
/// message to show, saying what to install.
pub fn find_chromium(
    explicit: Option<&Path>,
    path_var: Option<&OsStr>,
    lang: Lang,
) -> Result<PathBuf, String> {
    if let Some(p) = explicit {
        return if p.is_file() {
            Ok(p.to_path_buf())
        } else {
            Err(no_chromium_message(lang, Some(p)))
        };
    }
    search_path(path_var)
        .or_else(|| well_known().into_iter().find(|p| p.is_file()))
        .ok_or_else(|| no_chromium_message(lang, None))
}

/// The first browser command on a PATH value.
pub fn search_path(path_var: Option<&OsStr>) -> Option<PathBuf> {
    let dirs: Vec<PathBuf> = std::env::split_paths(path_var?).collect();
    for name in NAMES {
        for dir in &dirs {
            for file in [name.to_string(), format!("{name}.exe")] {
                let p = dir.join(&file);
                if p.is_file() {
                    return Some(p);
                }
            }
        }
    }
    None
}

/// Where Chrome and Edge install themselves when they are not on PATH.
fn well_known() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = Vec::new();
    if cfg!(target_os = "macos") {
        for app in [
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        ] {
            v.push(app.into());
        }
    } else if cfg!(windows) {
        for var in ["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"] {
            if let Some(base) = std::env::var_os(var) {
                let base = PathBuf::from(base);
                v.push(base.join(r"Google\Chrome\Application\chrome.exe"));
                v.push(base.join(r"Microsoft\Edge\Application\msedge.exe"));
                v.push(base.join(r"Chromium\Application\chrome.exe"));
            }
        }
    } else {
        for p in [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
            "/snap/bin/chromium",
            "/opt/google/chrome/chrome",
            "/usr/bin/microsoft-edge",
        ] {
            v.push(p.into());
        }
    }
    v
}

/// What to say when there is no browser to print with.
pub fn no_chromium_message(lang: Lang, explicit: Option<&Path>) -> String {
    match lang {
        Lang::Ja => {
            let head = match explicit {
                Some(p) => format!(
                    "--chromium で指定された「{}」が見つかりません。",
                    p.display()
                ),
                None => "PDF を作るための Chromium（または Google Chrome、Microsoft Edge）が見つかりません。".to_string(),
            };
            format!(
                "{head}\n\
                 次のどれかを入れてから、もう一度実行してください。\n\
                 \x20 Debian・Ubuntu：sudo apt install chromium\n\
                 \x20 Fedora：sudo dnf install chromium\n\
                 \x20 macOS：brew install --cask chromium（または Google Chrome を入れる）\n\
                 \x20 Windows：Microsoft Edge（標準で入っています）か Google Chrome\n\
                 入っているのに見つからないときは、--chromium でその場所を指定してください\n\
                 （例：nenpo pdf --chromium /usr/bin/chromium）。\n\
                 ブラウザーの「印刷」→「PDF に保存」で、印刷用ページから PDF を作ることもできます。"
            )
        }
        Lang::En => {
            let head = match explicit {
                Some(p) => format!(
                    "the browser given with --chromium, {}, does not exist.",
                    p.display()
                ),
                None => "no Chromium, Google Chrome or Microsoft Edge found to print the PDF with."
                    .to_string(),
            };
            format!(
                "{head}\n\
                 Install one (Debian/Ubuntu: sudo apt install chromium) and try again, or name it with\n\
                 --chromium PATH. A browser's Print → Save as PDF on the print view works too."
            )
        }
    }
}

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

/// Prints `html` to `out`. When the page has a 目次 (`<nav class="print-toc">`), a first
/// print tells on which page each chapter starts (from the PDF's named destinations), and
/// the page is printed again from a copy whose 目次 carries those page numbers — Chromium
/// does not support CSS `target-counter()`. The error is the message to show.
fn print_to_pdf(chromium: &Path, html: &Path, out: &Path, lang: Lang) -> Result<(), String> {
    let html = std::path::absolute(html).map_err(|e| e.to_string())?;
    let mut bytes = print_once(chromium, &html, lang)?;
    let source = fs::read_to_string(&html).unwrap_or_default();
    // The copy sits beside the page so its relative links (the stylesheet) still resolve.
    let copy = html.with_file_name(".nenpo-pdf-toc.html");
    let mut numbered: Option<HashMap<String, usize>> = None;
    // Numbers can move a heading when a 目次 line wraps; print again until they settle.
    for _ in 0..3 {
        let dests = destinations(&bytes);
        let Some((page, toc)) = with_toc_pages(&source, &dests) else {
            break;
        };
        if numbered.as_ref() == Some(&toc) {
            break;
        }
        fs::write(&copy, page).map_err(|e| format!("{}: {e}", copy.display()))?;
        let printed = print_once(chromium, &copy, lang);
        let _ = fs::remove_file(&copy);
        bytes = printed?;
        numbered = Some(toc);
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(out, bytes).map_err(|e| format!("{}: {e}", out.display()))
}

/// Runs the browser once and returns the PDF.
fn print_once(chromium: &Path, html: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    let work = std::env::temp_dir().join(format!(
        "nenpo-pdf-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let profile = work.join("profile");
    fs::create_dir_all(&profile).map_err(|e| format!("{}: {e}", work.display()))?;
    let pdf = work.join("print.pdf");
    let log = work.join("chromium.log");
    let result = run_browser(chromium, html, &pdf, &profile, &log, lang)
        .and_then(|()| fs::read(&pdf).map_err(|e| format!("{}: {e}", pdf.display())));
    let _ = fs::remove_dir_all(&work);
    result
}

/// The print page with the page of each 目次 entry written after it, and the numbers used;
/// `None` when the page has no 目次 or no entry's target is in `dests`.
pub fn with_toc_pages(
    html: &str,
    dests: &HashMap<String, usize>,
) -> Option<(String, HashMap<String, usize>)> {
    let start = html.find("<nav class=\"print-toc\"")?;
    let end = start + html[start..].find("</nav>")?;
    let mut out = String::with_capacity(html.len() + 2048);
    out.push_str(&html[..start]);
    let mut used = HashMap::new();
    let mut rest = &html[start..end];
    while let Some(i) = rest.find("<a href=\"#") {
        let after = &rest[i + 10..];
        let Some(q) = after.find('"') else { break };
        let id = &after[..q];
        let Some(close) = after.find("</a>") else {
            break;
        };
        out.push_str(&rest[..i + 10 + close]);
        if let Some(&n) = dests.get(&unescape_html(id)) {
            out.push_str(&format!(
                "<span class=\"toc-leader\" aria-hidden=\"true\"></span><span class=\"toc-page\">{n}</span>"
            ));
            used.insert(id.to_string(), n);
        }
        rest = &after[close..];
    }
    out.push_str(rest);
    out.push_str(&html[end..]);
    (!used.is_empty()).then_some((out, used))
}

fn unescape_html(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The named destinations of a PDF as Chromium writes it (a classic cross-reference table,
/// plain object dictionaries, the catalog's `/Dests`): element id → 1-based page. Chromium
/// names a destination after the id of every element a link in the page points to.
pub fn destinations(pdf: &[u8]) -> HashMap<String, usize> {
    read_destinations(pdf).unwrap_or_default()
}

fn read_destinations(pdf: &[u8]) -> Option<HashMap<String, usize>> {
    let tail = pdf.len().saturating_sub(64);
    let sx = tail + find(&pdf[tail..], b"startxref")?;
    let xref: usize = number_after(&pdf[sx + 9..])?.0;
    let offsets = xref_offsets(pdf, xref)?;
    let object = |n: usize| -> Option<&[u8]> {
        let at = *offsets.get(&n)?;
        let body = pdf.get(at..)?;
        Some(&body[..find(body, b"endobj")?])
    };
    let trailer = &pdf[xref + find(&pdf[xref..], b"trailer")?..];
    let root = reference_after(trailer, b"/Root")?;
    let catalog = object(root)?;
    let pages_root = reference_after(catalog, b"/Pages")?;
    let dests = object(reference_after(catalog, b"/Dests")?)?;
    // Pages in order: a depth-first walk of the page tree.
    let mut pages: HashMap<usize, usize> = HashMap::new();
    let mut stack = vec![pages_root];
    let mut count = 0;
    while let Some(n) = stack.pop() {
        let obj = object(n)?;
        if find(obj, b"/Type /Pages").is_some() {
            let kids = &obj[find(obj, b"/Kids")?..];
            let kids = &kids[..find(kids, b"]")?];
            let refs = references(kids);
            stack.extend(refs.into_iter().rev());
        } else {
            count += 1;
            pages.insert(n, count);
        }
        if count > 100_000 {
            return None;
        }
    }
    let mut out = HashMap::new();
    let body = &dests[find(dests, b"<<")? + 2..];
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'/' {
            i += 1;
            continue;
        }
        let name_end = body[i + 1..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || b"[]<>()/{}%".contains(c))
            .map_or(body.len(), |p| i + 1 + p);
        let name = &body[i + 1..name_end];
        let value = &body[name_end..];
        let Some(open) = value.iter().position(|&c| !c.is_ascii_whitespace()) else {
            break;
        };
        if value[open] == b'[' {
            if let Some((page_obj, _)) = number_after(&value[open + 1..])
                && let Some(&page) = pages.get(&page_obj)
            {
                out.insert(decode_name(name), page);
            }
            i = name_end + open + find(&value[open..], b"]").unwrap_or(0) + 1;
        } else {
            i = name_end;
        }
    }
    Some(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The first unsigned number in `s` (after blanks), and where it ends.
fn number_after(s: &[u8]) -> Option<(usize, usize)> {
    let start = s.iter().position(|c| !c.is_ascii_whitespace())?;
    let len = s[start..].iter().take_while(|c| c.is_ascii_digit()).count();
    let n = std::str::from_utf8(&s[start..start + len])
        .ok()?
        .parse()
        .ok()?;
    Some((n, start + len))
}

/// The object number of `key N 0 R` in a dictionary.
fn reference_after(dict: &[u8], key: &[u8]) -> Option<usize> {
    let at = find(dict, key)? + key.len();
    number_after(&dict[at..]).map(|(n, _)| n)
}

/// Every `N 0 R` in `s`, in order.
fn references(s: &[u8]) -> Vec<usize> {
    let text = String::from_utf8_lossy(s);
    let words: Vec<&str> = text
        .split(|c: char| c.is_ascii_whitespace() || c == '[' || c == ']')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(3)
        .filter(|w| w[2] == "R")
        .filter_map(|w| w[0].parse().ok())
        .collect()
}

/// Object offsets from a classic cross-reference table.
fn xref_offsets(pdf: &[u8], at: usize) -> Option<HashMap<usize, usize>> {
    let s = pdf.get(at..)?;
    if !s.starts_with(b"xref") {
        return None;
    }
    let mut out = HashMap::new();
    let mut pos = 4;
    loop {
        let rest = &s[pos..];
        let first = rest.iter().position(|c| !c.is_ascii_whitespace())?;
        if rest[first..].starts_with(b"trailer") {
            return Some(out);
        }
        let (start, used) = number_after(rest)?;
        let (count, used2) = number_after(&rest[used..])?;
        pos += used + used2;
        for k in 0..count {
            let line_start = pos + s[pos..].iter().position(|c| !c.is_ascii_whitespace())?;
            let line = s.get(line_start..line_start + 18)?;
            let offset: usize = std::str::from_utf8(&line[..10]).ok()?.parse().ok()?;
            if line[17] == b'n' {
                out.insert(start + k, offset);
            }
            pos = line_start + 18;
        }
    }
}

/// A PDF name (`#xx` escapes) whose text Chromium percent-encoded, back to the id.
fn decode_name(name: &[u8]) -> String {
    let unhex = |s: &[u8], mark: u8| -> Vec<u8> {
        let mut out = Vec::with_capacity(s.len());
        let mut i = 0;
        while i < s.len() {
            if s[i] == mark
                && let Some(h) = s.get(i + 1..i + 3)
                && let Ok(b) = u8::from_str_radix(std::str::from_utf8(h).unwrap_or("zz"), 16)
            {
                out.push(b);
                i += 3;
                continue;
            }
            out.push(s[i]);
            i += 1;
        }
        out
    };
    String::from_utf8_lossy(&unhex(&unhex(name, b'#'), b'%')).into_owned()
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
        .map_err(|e| match lang {
            Lang::Ja => format!("{} を起動できませんでした：{e}", chromium.display()),
            Lang::En => format!("cannot start {}: {e}", chromium.display()),
        })?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(match lang {
                    Lang::Ja => format!(
                        "{} が {} 秒たっても終わらないため、止めました",
                        chromium.display(),
                        TIMEOUT.as_secs()
                    ),
                    Lang::En => format!(
                        "{} did not finish within {} s and was stopped",
                        chromium.display(),
                        TIMEOUT.as_secs()
                    ),
                });
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
    Err(match lang {
        Lang::Ja => format!(
            "{} で PDF を作れませんでした（終了コード {}）。\n{}",
            chromium.display(),
            status.code().map_or("—".into(), |c| c.to_string()),
            tail.join("\n")
        ),
        Lang::En => format!(
            "{} did not print the PDF (exit status {}).\n{}",
            chromium.display(),
            status.code().map_or("—".into(), |c| c.to_string()),
            tail.join("\n")
        ),
    })
}

/// Chromium refuses to start its sandbox as root (containers, CI); only then is it turned off.
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

/// Pages of a PDF as Chromium (Skia) writes it: page objects are plain dictionaries.
pub fn count_pages(pdf: &[u8]) -> Option<usize> {
    let needle = b"/Type /Page";
    let n = pdf
        .windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && !w[needle.len()].is_ascii_alphabetic())
        .count();
    (n > 0).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_browser_that_is_missing_says_what_to_install() {
        let e =
            find_chromium(Some(Path::new("/nonexistent/chromium")), None, Lang::Ja).unwrap_err();
        assert!(e.contains("/nonexistent/chromium"), "{e}");
        assert!(e.contains("sudo apt install chromium"), "{e}");
        assert!(e.contains("--chromium"), "{e}");
    }

    #[test]
    fn a_browser_on_path_is_found_by_name() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(search_path(Some(dir.path().as_os_str())), None);
        fs::write(dir.path().join("google-chrome"), "").unwrap();
        assert_eq!(
            search_path(Some(dir.path().as_os_str())),
            Some(dir.path().join("google-chrome"))
        );
        // chromium comes before google-chrome.
        fs::write(dir.path().join("chromium"), "").unwrap();
        assert_eq!(
            search_path(Some(dir.path().as_os_str())),
            Some(dir.path().join("chromium"))
        );
    }

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

    /// A PDF laid out as Chromium writes one: two pages under an intermediate page-tree
    /// node, and named destinations in the catalog.
    fn tiny_pdf() -> Vec<u8> {
        let objects = [
            "<</Type /Catalog /Pages 2 0 R /Dests 6 0 R>>",
            "<</Type /Pages /Count 2 /Kids [3 0 R]>>",
            "<</Type /Pages /Count 2 /Kids [4 0 R 5 0 R] /Parent 2 0 R>>",
            "<</Type /Page /Parent 3 0 R>>",
            "<</Type /Page /Parent 3 0 R>>",
            "<</p-overview [4 0 R /XYZ 0 800 0]\n/g-kankyo-1 [5 0 R /XYZ 0 841.9 0]\n/ch-#25E7#258F#25BE [5 0 R /XYZ 0 400 0]>>",
        ];
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
        }
        let xref = pdf.len();
        pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for o in offsets {
            pdf.extend(format!("{o:010} 00000 n \n").bytes());
        }
        pdf.extend(format!("trailer\n<</Size 7 /Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n").bytes());
        pdf
    }

    #[test]
    fn named_destinations_give_the_page_of_each_id() {
        let d = destinations(&tiny_pdf());
        assert_eq!(d.get("p-overview"), Some(&1));
        assert_eq!(d.get("g-kankyo-1"), Some(&2));
        assert_eq!(d.get("ch-現"), Some(&2), "{d:?}");
        assert!(destinations(b"%PDF-1.4 nothing").is_empty());
    }

    #[test]
    fn the_toc_gets_page_numbers_for_the_entries_it_can_place() {
        let html = "<p><a href=\"#p-overview\">x</a></p>\n<nav class=\"print-toc\"><ol>\n<li><a href=\"#p-overview\">概要</a></li>\n<li><a href=\"#ch-現\">現況</a></li>\n<li><a href=\"#nowhere\">他</a></li>\n</ol></nav><a href=\"#ch-現\">y</a>";
        let dests = HashMap::from([("p-overview".to_string(), 3), ("ch-現".to_string(), 12)]);
        let (page, used) = with_toc_pages(html, &dests).unwrap();
        assert!(
            page.contains("概要<span class=\"toc-leader\" aria-hidden=\"true\"></span><span class=\"toc-page\">3</span></a>"),
            "{page}"
        );
        assert!(page.contains("現況<span class=\"toc-leader\" aria-hidden=\"true\"></span><span class=\"toc-page\">12</span></a>"), "{page}");
        assert!(page.contains(">他</a>"), "{page}");
        // Links outside the 目次 are left alone.
        assert!(
            page.starts_with("<p><a href=\"#p-overview\">x</a></p>"),
            "{page}"
        );
        assert!(page.ends_with("</nav><a href=\"#ch-現\">y</a>"), "{page}");
        assert_eq!(used.len(), 2);
        assert!(with_toc_pages("<p>no toc</p>", &dests).is_none());
    }

    #[test]
    fn pages_are_counted_without_the_page_tree() {
        let pdf = b"%PDF-1.4\n1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R]>>\n2 0 obj <</Type /Page>>\n3 0 obj <</Type /Page /Parent 1 0 R>>";
        assert_eq!(count_pages(pdf), Some(2));
        assert_eq!(count_pages(b"%PDF-1.4"), None);
    }
}
