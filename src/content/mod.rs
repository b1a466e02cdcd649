//! Loading a report: book.toml and the content tree into the checked model.

pub mod hints;
pub mod ids;
pub mod load;
pub mod markup;
pub mod raw;
pub mod raw_monitoring;
pub mod resolve;
pub mod walk;
pub mod written;
pub mod yaml;

use std::path::Path;

use crate::config::Config;
use crate::diag::Diagnostics;
use crate::model::Report;

/// The outcome of loading: the report when it has no errors, and every problem found.
pub struct Loaded {
    /// The report, when there were no errors.
    pub report: Option<Report>,
    /// Every problem, warnings included.
    pub diagnostics: Diagnostics,
    /// The language of messages: the report's, or Japanese when book.toml did not load.
    pub lang: crate::diag::Lang,
}

/// Files' new texts standing in for what is on disk, by their paths relative to the root
/// (`content/2023/actuals.yaml`, `content/2023/monitoring.yaml`): how `import` checks its
/// edits before it writes them.
pub type Overlay<'a> = Option<&'a [(&'a str, &'a str)]>;

/// Loads and checks the report at `root`. Never panics on bad input: every problem becomes
/// a diagnostic, and all of them are collected before returning.
pub fn load_report(root: &Path) -> Loaded {
    load_report_with(root, None)
}

/// [`load_report`], reading `overlay`'s text instead of its file (which need not exist yet).
pub fn load_report_with(root: &Path, overlay: Overlay<'_>) -> Loaded {
    let (config, book) = match Config::read(root) {
        Ok(c) => c,
        Err(diagnostics) => {
            return Loaded {
                report: None,
                diagnostics,
                lang: crate::diag::Lang::default(),
            };
        }
    };
    let lang = config.lang;
    let mut diagnostics = Diagnostics::default();
    diagnostics.add_source("book.toml", &book);
    let mut files = load::discover(root, lang, &mut diagnostics);
    for (rel, _) in overlay.unwrap_or_default() {
        load::add_file(root, rel, &mut files);
    }
    let (parsed, failed, parse_diags) = load::parse_all_with(root, files, lang, overlay);
    diagnostics.extend(parse_diags);
    let report = resolve::resolve(root, config, parsed, &failed, &mut diagnostics);
    markup::check_markup(&report, lang, &mut diagnostics);
    Loaded {
        report: (!diagnostics.has_errors()).then_some(report),
        diagnostics,
        lang,
    }
}
