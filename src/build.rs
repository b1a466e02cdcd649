//! `nenpo build`: load, check, render and write, in that order, stopping before the output
//! folder is touched if anything is wrong.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Lang};
use crate::era::FiscalYear;
use crate::evaluate::{Evaluation, evaluate, plausibility};
use crate::model::Report;
use crate::output::{Staging, check_output_dir};
use crate::site::{Discard, Memory, OutputFile, Sink, SiteSummary, render_site_into};

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
    /// Years left out because they are drafts.
    pub drafts: Vec<FiscalYear>,
}

/// Which years a build shows: `build` and `check` publish (drafts left out), `serve`
/// previews (drafts shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// What `build` writes and `check` checks: every year but drafts.
    Publish,
    /// What `serve` shows: every year, drafts included.
    Preview,
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
    /// Years left out because they are drafts (publishing only).
    pub drafts: Vec<FiscalYear>,
}

/// Loads and evaluates the report as published: every content problem a build would
/// refuse, short of rendering.
pub fn load_and_evaluate(
    root: &Path,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<(Report, Evaluation, Diagnostics), BuildFailure> {
    load_and_evaluate_in(root, Mode::Publish, None, on_stage).map(|(r, e, w, _)| (r, e, w))
}

/// Loads and evaluates the report for `mode`, with `overlay`'s text standing in for its
/// file when given; returns the warnings (plausibility included) and the draft years left
/// out.
pub fn load_and_evaluate_in(
    root: &Path,
    mode: Mode,
    overlay: crate::content::Overlay<'_>,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<(Report, Evaluation, Diagnostics, Vec<FiscalYear>), BuildFailure> {
    on_stage(Stage::Load);
    let loaded = crate::content::load_report_with(root, overlay);
    let Some(mut report) = loaded.report else {
        return Err(BuildFailure {
            diagnostics: loaded.diagnostics,
            lang: loaded.lang,
        });
    };
    let mut drafts = Vec::new();
    if mode == Mode::Publish {
        report.years.retain(|y| {
            if y.draft {
                drafts.push(y.year);
            }
            !y.draft
        });
        // A draft year's measurements are not published either.
        report
            .monitoring
            .years
            .retain(|m| !drafts.contains(&m.year));
    }
    on_stage(Stage::Evaluate);
    match evaluate(&report) {
        Ok(ev) => {
            let mut warnings = loaded.diagnostics;
            warnings.extend(plausibility(&report, &ev));
            Ok((report, ev, warnings, drafts))
        }
        Err(mut d) => {
            d.extend(loaded.diagnostics);
            Err(BuildFailure {
                diagnostics: d,
                lang: report.config.lang,
            })
        }
    }
}

/// Loads, evaluates and renders the report as published, in memory (what `check` and
/// tests use): everything a build does but writing.
pub fn render_evaluated(
    root: &Path,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<Rendered, BuildFailure> {
    render_in(root, Mode::Publish, None, on_stage)
}

/// Loads, evaluates and renders the report for `mode` (with `overlay`'s text standing in
/// for its file when given), in memory: the one path by which `build`, `check`, `import`
/// and `serve` decide whether a report can be shown.
pub fn render_in(
    root: &Path,
    mode: Mode,
    overlay: crate::content::Overlay<'_>,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<Rendered, BuildFailure> {
    let memory = Memory::default();
    let (report, evaluation, warnings, drafts) =
        load_and_evaluate_in(root, mode, overlay, on_stage)?;
    on_stage(Stage::Render);
    render_loaded(&report, &evaluation, root, &memory, warnings).map(|(_, warnings)| Rendered {
        report,
        evaluation,
        files: memory.into_files(),
        warnings,
        drafts,
    })
}

/// Renders a loaded report into `sink`; a failure carries the warnings found so far.
fn render_loaded(
    report: &Report,
    evaluation: &Evaluation,
    root: &Path,
    sink: &dyn Sink,
    warnings: Diagnostics,
) -> Result<(SiteSummary, Diagnostics), BuildFailure> {
    match render_site_into(report, evaluation, root, sink) {
        Ok(summary) => Ok((summary, warnings)),
        Err(mut d) => {
            d.extend(warnings);
            Err(BuildFailure {
                diagnostics: d,
                lang: report.config.lang,
            })
        }
    }
}

/// Everything a build does but writing: the rendered files are checked and dropped.
fn check_in(
    root: &Path,
    overlay: crate::content::Overlay<'_>,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<Checked, BuildFailure> {
    let (report, evaluation, mut warnings, drafts) =
        load_and_evaluate_in(root, Mode::Publish, overlay, on_stage)?;
    warnings.keep_only_cited_sources();
    on_stage(Stage::Render);
    let (_, warnings) = render_loaded(&report, &evaluation, root, &Discard, warnings)?;
    Ok(Checked { warnings, drafts })
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

/// What `nenpo check` found in a report that a build accepts.
#[derive(Debug)]
pub struct Checked {
    /// The warnings (plausibility included).
    pub warnings: Diagnostics,
    /// Draft years a build leaves out.
    pub drafts: Vec<FiscalYear>,
}

/// Loads, evaluates and renders the report as `serve` previews it (drafts included), with
/// no progress display.
pub fn render(root: &Path) -> Result<Rendered, BuildFailure> {
    render_in(root, Mode::Preview, None, &mut |_| {})
}

/// `nenpo check`: everything a build checks, by the same path, without writing.
pub fn check(root: &Path, on_stage: &mut dyn FnMut(Stage)) -> Result<Checked, BuildFailure> {
    check_in(root, None, on_stage)
}

/// `nenpo check` as it would run with `overlay`'s text in its file: what `import` asks
/// before it writes.
pub fn check_with(
    root: &Path,
    overlay: crate::content::Overlay<'_>,
) -> Result<Diagnostics, BuildFailure> {
    check_in(root, overlay, &mut |_| {}).map(|c| c.warnings)
}

/// Builds the report at `root` into its output folder (or `out` when given).
pub fn build(root: &Path, out: Option<&Path>) -> Result<BuildSummary, BuildFailure> {
    build_with(root, out, &mut |_| {})
}

/// [`build`], telling `on_stage` as each stage starts. Pages are written as they are
/// rendered, into a folder beside the output that replaces it only when the whole site is
/// written and checked.
pub fn build_with(
    root: &Path,
    out: Option<&Path>,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<BuildSummary, BuildFailure> {
    let (report, evaluation, mut warnings, drafts) =
        load_and_evaluate_in(root, Mode::Publish, None, on_stage)?;
    warnings.keep_only_cited_sources();
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
    check_output_dir(root, &out, lang).map_err(|e| fail(e.0))?;
    let staging = Staging::begin(&out, lang).map_err(|e| fail(e.0))?;
    on_stage(Stage::Render);
    // On failure `staging` is dropped here, and its folder with it.
    let (site, warnings) = render_loaded(&report, &evaluation, root, &staging, warnings)?;
    on_stage(Stage::Write);
    staging.commit().map_err(|e| fail(e.0))?;
    Ok(BuildSummary {
        output: out,
        pages: site.pages,
        files: site.files,
        warnings,
        lang,
        drafts,
    })
}
