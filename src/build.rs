//! `nenpo build`: load, check, render and write, in that order, stopping before the output
//! folder is touched if anything is wrong.

use std::path::{Path, PathBuf};

use crate::content::load_report;
use crate::diag::{Diagnostic, Diagnostics, Lang};
use crate::output::{check_output_dir, write_site};
use crate::site::{OutputFile, render_site};

/// What a build produced.
#[derive(Debug)]
pub struct BuildSummary {
    /// Where the site was written.
    pub output: PathBuf,
    /// Files written.
    pub files: usize,
    /// HTML pages among them.
    pub pages: usize,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
    /// The language of messages.
    pub lang: Lang,
}

/// Why a build failed: content problems, with the language to print them in.
#[derive(Debug)]
pub struct BuildFailure {
    /// Every problem.
    pub diagnostics: Diagnostics,
    /// The language of messages.
    pub lang: Lang,
}

/// A stage of a build, reported as it starts so the command can show progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and checking book.toml and content/.
    Load,
    /// Rendering pages, charts and data files in memory.
    Render,
    /// Writing the output folder.
    Write,
}

impl Stage {
    /// What the stage does, for progress lines.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Stage::Load => lang.pick("原稿の読み込み", "loading"),
            Stage::Render => lang.pick("ページの作成", "rendering"),
            Stage::Write => lang.pick("書き出し", "writing"),
        }
    }
}

/// Loads and renders the report in memory (what `serve` and tests use).
pub fn render_report(
    root: &Path,
) -> Result<(crate::model::Report, Vec<OutputFile>, Diagnostics), BuildFailure> {
    render_report_with(root, &mut |_| {})
}

/// [`render_report`], telling `on_stage` as each stage starts.
pub fn render_report_with(
    root: &Path,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<(crate::model::Report, Vec<OutputFile>, Diagnostics), BuildFailure> {
    on_stage(Stage::Load);
    let loaded = load_report(root);
    let Some(report) = loaded.report else {
        return Err(BuildFailure {
            diagnostics: loaded.diagnostics,
            lang: loaded.lang,
        });
    };
    let lang = report.config.lang;
    on_stage(Stage::Render);
    match render_site(&report, root) {
        Ok(files) => Ok((report, files, loaded.diagnostics)),
        Err(mut d) => {
            d.extend(loaded.diagnostics);
            Err(BuildFailure {
                diagnostics: d,
                lang,
            })
        }
    }
}

/// Builds the report at `root` into its output folder (or `out` when given).
pub fn build(root: &Path, out: Option<&Path>) -> Result<BuildSummary, BuildFailure> {
    build_with(root, out, &mut |_| {})
}

/// [`build`], telling `on_stage` as each stage starts.
pub fn build_with(
    root: &Path,
    out: Option<&Path>,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<BuildSummary, BuildFailure> {
    let (report, files, warnings) = render_report_with(root, on_stage)?;
    let lang = report.config.lang;
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join(&report.config.output));
    let fail = |msg: String| {
        let mut d = Diagnostics::default();
        d.push(Diagnostic::error("book.toml", 0, 0, msg));
        BuildFailure {
            diagnostics: d,
            lang,
        }
    };
    on_stage(Stage::Write);
    check_output_dir(root, &out, lang).map_err(|e| fail(e.0))?;
    write_site(&out, &files, lang).map_err(|e| fail(e.0))?;
    Ok(BuildSummary {
        output: out,
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
        warnings,
        lang,
    })
}
