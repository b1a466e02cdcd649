//! Loading a report: book.toml and the content tree into the checked model.

pub mod load;
pub mod raw;
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
}

/// Loads and checks the report at `root`. Never panics on bad input: every problem becomes
/// a diagnostic, and all of them are collected before returning.
pub fn load_report(root: &Path) -> Loaded {
    let config = match Config::load(root) {
        Ok(c) => c,
        Err(diagnostics) => {
            return Loaded {
                report: None,
                diagnostics,
            };
        }
    };
    let lang = config.lang;
    let mut diagnostics = Diagnostics::default();
    if let Ok(text) = std::fs::read_to_string(root.join("book.toml")) {
        diagnostics.add_source("book.toml", &text);
    }
    let files = load::discover(root, lang, &mut diagnostics);
    let (parsed, parse_diags) = load::parse_all(root, files, lang);
    diagnostics.extend(parse_diags);
    let report = resolve::resolve(root, config, parsed, &mut diagnostics);
    Loaded {
        report: (!diagnostics.has_errors()).then_some(report),
        diagnostics,
    }
}
