//! `nenpo build`: load, check, render and write, in that order, stopping before the output
//! folder is touched if anything is wrong.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Lang};
use crate::evaluate::{Evaluation, evaluate};
use crate::model::Report;
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
    /// Computing targets, rates and grades.
    Evaluate,
    /// Rendering pages, charts and data files in memory.
    Render,
    /// Writing the output folder.
    Write,
}

impl Stage {
    /// What the stage does, for progress lines.
    pub fn label(self, lang: Lang) -> &'static str {
        let m = &lang.text().msg;
        match self {
            Stage::Load => m.stage_load,
            Stage::Evaluate => m.stage_evaluate,
            Stage::Render => m.stage_render,
            Stage::Write => m.stage_write,
        }
    }
}

/// A report rendered in memory: the model, its evaluation, every file and the warnings.
#[derive(Debug)]
pub struct Rendered {
    /// The loaded report.
    pub report: Report,
    /// Its evaluation.
    pub evaluation: Evaluation,
    /// Every file of the site.
    pub files: Vec<OutputFile>,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
}

/// Loads and evaluates the report: every content problem a build would refuse, short of
/// rendering.
pub fn load_and_evaluate(
    root: &Path,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<(Report, Evaluation, Diagnostics), BuildFailure> {
    load_and_evaluate_with(root, None, on_stage)
}

/// [`load_and_evaluate`] with one file's text standing in for what is on disk.
pub fn load_and_evaluate_with(
    root: &Path,
    overlay: crate::content::Overlay<'_>,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<(Report, Evaluation, Diagnostics), BuildFailure> {
    on_stage(Stage::Load);
    let loaded = crate::content::load_report_with(root, overlay);
    let Some(report) = loaded.report else {
        return Err(BuildFailure {
            diagnostics: loaded.diagnostics,
            lang: loaded.lang,
        });
    };
    on_stage(Stage::Evaluate);
    match evaluate(&report) {
        Ok(ev) => Ok((report, ev, loaded.diagnostics)),
        Err(mut d) => {
            d.extend(loaded.diagnostics);
            Err(BuildFailure {
                diagnostics: d,
                lang: report.config.lang,
            })
        }
    }
}

/// Loads, evaluates and renders the report in memory (what `check`, `serve` and tests use):
/// everything a build does but writing.
pub fn render_evaluated(
    root: &Path,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<Rendered, BuildFailure> {
    let (report, evaluation, warnings) = load_and_evaluate(root, on_stage)?;
    on_stage(Stage::Render);
    match render_site(&report, &evaluation, root) {
        Ok(files) => Ok(Rendered {
            report,
            evaluation,
            files,
            warnings,
        }),
        Err(mut d) => {
            d.extend(warnings);
            Err(BuildFailure {
                diagnostics: d,
                lang: report.config.lang,
            })
        }
    }
}

/// Loads and renders the report in memory.
pub fn render_report(root: &Path) -> Result<(Report, Vec<OutputFile>, Diagnostics), BuildFailure> {
    render_report_with(root, &mut |_| {})
}

/// [`render_report`], telling `on_stage` as each stage starts.
pub fn render_report_with(
    root: &Path,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<(Report, Vec<OutputFile>, Diagnostics), BuildFailure> {
    render_evaluated(root, on_stage).map(|r| (r.report, r.files, r.warnings))
}

/// Loads, evaluates and renders the report with no progress display, as `serve` does.
pub fn render(root: &Path) -> Result<Rendered, BuildFailure> {
    render_evaluated(root, &mut |_| {})
}

/// `nenpo check`: everything a build checks, without writing; returns the warnings.
pub fn check(root: &Path, on_stage: &mut dyn FnMut(Stage)) -> Result<Diagnostics, BuildFailure> {
    render_evaluated(root, on_stage).map(|r| r.warnings)
}

/// `nenpo check` as it would run with `overlay`'s text in its file: what `import` asks
/// before it writes.
pub fn check_with(
    root: &Path,
    overlay: crate::content::Overlay<'_>,
) -> Result<Diagnostics, BuildFailure> {
    let (report, evaluation, warnings) = load_and_evaluate_with(root, overlay, &mut |_| {})?;
    match render_site(&report, &evaluation, root) {
        Ok(_) => Ok(warnings),
        Err(mut d) => {
            d.extend(warnings);
            Err(BuildFailure {
                diagnostics: d,
                lang: report.config.lang,
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
