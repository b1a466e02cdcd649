//! Loading a report: book.toml and the content tree into the checked model.

pub mod load;
pub mod raw;
pub mod raw_monitoring;
pub mod resolve;
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

/// Loads and checks the report at `root`. Never panics on bad input: every problem becomes
/// a diagnostic, and all of them are collected before returning.
pub fn load_report(root: &Path) -> Loaded {
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
    let files = load::discover(root, lang, &mut diagnostics);
    let (parsed, parse_diags) = load::parse_all(root, files, lang);
    diagnostics.extend(parse_diags);
    let report = resolve::resolve(root, config, parsed, &mut diagnostics);
    Loaded {
        report: (!diagnostics.has_errors()).then_some(report),
        diagnostics,
        lang,
    }
}
