//! `nenpo pdf [<year>]`: builds the site, then prints the year's print view to an A4 PDF
//! through a Chromium-family browser installed on the machine (Chromium, Google Chrome or
//! Microsoft Edge), run headless. The page's own `@page` rules give the size, margins and
//! page numbers; Chromium adds a PDF outline from the headings where it offers that.
//!
//! nenpo never downloads a browser: it looks for one on PATH and in the usual install
//! places, or takes the one named with `--chromium`, and says in the editor's language what
//! to install when there is none.
//!
//! The stages live in their own files: [`browser`] finds the browser, [`print`] runs it
//! once, [`toc`] puts chapter page numbers in the 目次 (a first print tells where each
//! chapter starts), [`document`] reads and marks the PDF (lopdf), and [`target`] decides
//! whether `-o` may write where it was told and writes there atomically.

mod browser;
mod document;
mod print;
mod target;
mod toc;

use std::fs;
use std::path::{Path, PathBuf};

use crate::build::{BuildFailure, BuildSummary, build};
use crate::diag::Lang;
use crate::era::{Calendar, EraStyle, FiscalYear};

pub use browser::{Platform, find_chromium, install_places, no_chromium_message, search_path};
pub use document::{destinations, mark_as_nenpo, page_count, written_by_nenpo};
pub use print::chromium_args;
pub use target::{check_target, write_pdf};
pub use toc::with_toc_pages;

/// What to print.
#[derive(Debug)]
pub struct PdfRequest<'a> {
    /// The report (where book.toml is).
    pub root: &'a Path,
    /// The fiscal year as typed (`2023`, `令和5年度`, `R5`); the latest year when absent.
    pub year: Option<&'a str>,
    /// Where to write the PDF; `<output>/<year>/nenpo-<year>.pdf` when absent. It must pass
    /// [`check_target`]: a `.pdf` outside content/, assets/ and themes/ that is absent or a
    /// PDF nenpo wrote.
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
    /// No browser, an unknown year, a refused `-o`, or a browser that failed (exit 2), with
    /// the message.
    Usage(String, Lang),
}

/// Builds the site and prints the year's print view to PDF.
pub fn pdf(req: &PdfRequest) -> Result<PdfSummary, PdfError> {
    let config = crate::config::Config::load(req.root).ok();
    let lang = config.as_ref().map(|c| c.lang).unwrap_or_default();
    let usage = |msg: String| PdfError::Usage(msg, lang);
    // Everything that can be known before building is checked first.
    let chromium =
        find_chromium(req.chromium, std::env::var_os("PATH").as_deref(), lang).map_err(usage)?;
    let wanted = match req.year {
        Some(text) => Some(
            FiscalYear::parse(text)
                .ok_or_else(|| usage(crate::tr!(lang, msg.pdf_bad_year, text = text)))?,
        ),
        None => None,
    };
    if let Some(out) = req.pdf {
        check_target(req.root, out, lang).map_err(usage)?;
    }
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
    let year = pick_year(wanted, &printed_years(&built.output), lang).map_err(usage)?;
    let html = built
        .output
        .join(year.0.to_string())
        .join("print")
        .join("index.html");
    let bytes = toc::print_with_page_numbers(&chromium, &html, lang).map_err(usage)?;
    let pages = page_count(&bytes);
    let bytes = mark_as_nenpo(&bytes).unwrap_or(bytes);
    let out = match req.pdf {
        Some(out) => {
            // Checked again: the build took a while, and the file may have appeared since.
            check_target(req.root, out, lang).map_err(usage)?;
            out.to_path_buf()
        }
        // Inside nenpo's own output folder, which the build just wrote.
        None => built
            .output
            .join(year.0.to_string())
            .join(format!("nenpo-{}.pdf", year.0)),
    };
    write_pdf(&out, &bytes, lang).map_err(usage)?;
    Ok(PdfSummary {
        pdf: out,
        year,
        pages,
        chromium,
        build: built,
    })
}

/// The year asked for when the site has it, else the latest; the error says which exist.
fn pick_year(
    wanted: Option<FiscalYear>,
    years: &[FiscalYear],
    lang: Lang,
) -> Result<FiscalYear, String> {
    match wanted {
        Some(y) if years.contains(&y) => Ok(y),
        Some(y) => Err(crate::tr!(
            lang,
            msg.pdf_no_report,
            wareki = Calendar::new(EraStyle::Both, lang).wareki(y),
            year = y.0,
            years = list_years(years, lang)
        )),
        None => years
            .last()
            .copied()
            .ok_or_else(|| lang.text().msg.pdf_nothing.to_string()),
    }
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

fn list_years(years: &[FiscalYear], lang: Lang) -> String {
    let text = lang.text();
    if years.is_empty() {
        return text.words.no_figure.into();
    }
    let calendar = Calendar::new(EraStyle::Both, lang);
    years
        .iter()
        .map(|y| {
            crate::tr!(
                lang,
                msg.pdf_year_item,
                wareki = calendar.wareki(*y),
                year = y.0
            )
        })
        .collect::<Vec<_>>()
        .join(text.msg.list_sep)
}
