//! Spreadsheets in and out (SPEC §14): `nenpo template` writes the sheet staff fill in, and
//! `nenpo import` reads a filled sheet (xlsx, xls, ods, or CSV in UTF-8 or CP932) back into
//! the year's actuals.yaml, editing only the values that change.
//!
//! The stages: [`read`] (bytes → grids of cells) → [`import`] (cells against the report →
//! a plan of edits and a line per cell) → [`yaml_edit`] (the edits spliced into the file's
//! text) → the report's own check on the result → an atomic write. [`report`] words the
//! lines for the editor.
//!
//! A row is keyed by [`RowKey`]; today every row is an indicator's. Monitoring rows (SPEC
//! §12, a dataset × site, written to monitoring.yaml) will be a second variant with its
//! own target file: the sheet's columns, the reading of cells and the report stay as they
//! are.

pub mod import;
pub mod layout;
pub mod number;
pub mod read;
pub mod report;
pub mod template;
pub mod yaml_edit;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::build::BuildFailure;
use crate::diag::Lang;
use crate::era::FiscalYear;
use crate::model::Report;
use crate::tr;

pub use import::{Current, Plan};

/// A cell of a sheet: its sheet's name (none for CSV) and its 0-based row and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The sheet's name in a workbook.
    pub sheet: Option<String>,
    /// 0-based row (Excel's row 1 is 0).
    pub row: usize,
    /// 0-based column (A is 0).
    pub col: usize,
}

impl Place {
    /// A cell.
    pub fn new(sheet: Option<String>, row: usize, col: usize) -> Place {
        Place { sheet, row, col }
    }

    /// Excel's A1 name of the cell: `G7`, `AA12`.
    pub fn a1(&self) -> String {
        let mut letters = Vec::new();
        let mut n = self.col + 1;
        while n > 0 {
            let r = (n - 1) % 26;
            letters.push(char::from(b'A' + r as u8));
            n = (n - 1) / 26;
        }
        letters.reverse();
        format!(
            "{}{}",
            letters.into_iter().collect::<String>(),
            self.row + 1
        )
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            Some(s) => write!(f, "{s}!{}", self.a1()),
            None => f.write_str(&self.a1()),
        }
    }
}

/// What a row of the sheet sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKey {
    /// An indicator's value in actuals.yaml.
    Indicator {
        /// The indicator id.
        id: String,
    },
}

impl RowKey {
    /// The text of the ID column.
    pub fn id(&self) -> &str {
        match self {
            RowKey::Indicator { id } => id,
        }
    }
}

/// A YAML scalar's value as text: quotes removed (`"1,234"` → 1,234), plain text as is.
pub fn scalar_text(written: &str) -> String {
    let t = written.trim();
    if t.starts_with(['"', '\''])
        && let Ok(s) = serde_saphyr::from_str::<String>(t)
    {
        return s;
    }
    t.to_string()
}

/// Why a command did nothing.
#[derive(Debug)]
pub enum DeskError {
    /// The report has content errors: fix them first.
    Content(BuildFailure),
    /// There is no folder for the year.
    NoYear(FiscalYear),
    /// A file could not be read or written.
    Io(PathBuf, std::io::Error),
    /// The template's file exists: nothing is overwritten.
    Exists(PathBuf),
    /// The template's name does not end in .xlsx or .csv.
    Extension(PathBuf),
    /// The workbook could not be made.
    Xlsx(String),
}

impl DeskError {
    /// The exit code: 1 for content, 2 for what the command line asked.
    pub fn exit_code(&self) -> u8 {
        match self {
            DeskError::Content(_) | DeskError::Xlsx(_) => 1,
            DeskError::Io(..) => 1,
            _ => 2,
        }
    }

    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let cal = crate::era::Calendar::new(crate::era::EraStyle::Both, lang);
        match self {
            DeskError::Content(f) => format!(
                "{}{}",
                f.diagnostics.render(f.lang, false),
                f.lang.text().desk.fix_first
            ),
            DeskError::NoYear(y) => tr!(lang, desk.no_year, year = cal.year_label(*y), n = y.0),
            DeskError::Io(p, e) => tr!(lang, msg.cannot_create, path = p.display(), error = e),
            DeskError::Exists(p) => tr!(lang, desk.exists, path = p.display()),
            DeskError::Extension(p) => tr!(lang, desk.extension, path = p.display()),
            DeskError::Xlsx(e) => tr!(lang, desk.xlsx_failed, error = e),
        }
    }
}

/// What the year's actuals.yaml holds now, and its path relative to the root (where it
/// would be created when there is none).
fn current(
    root: &Path,
    report: &Report,
    year: FiscalYear,
) -> Result<(String, String, Current), DeskError> {
    let y = report.year(year).ok_or(DeskError::NoYear(year))?;
    let rel = y
        .actuals_file
        .clone()
        .unwrap_or_else(|| format!("content/{}/actuals.yaml", y.dir));
    let path = rel.split('/').fold(root.to_path_buf(), |p, s| p.join(s));
    let text = match std::fs::read(&path) {
        Ok(b) => String::from_utf8(b).map_err(|e| {
            DeskError::Io(
                path.clone(),
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(DeskError::Io(path, e)),
    };
    let values = |field: &str| yaml_edit::current_values(&text, field).unwrap_or_default();
    let current = Current {
        actual: values("actual"),
        note: values("note"),
        target: values("target"),
    };
    Ok((rel, text, current))
}

/// What `template` wrote.
#[derive(Debug)]
pub struct Template {
    /// The file.
    pub path: PathBuf,
    /// Rows in it.
    pub rows: usize,
    /// The year.
    pub year: FiscalYear,
}

/// `nenpo template <year> [-o file]`: writes the sheet for `year`; the default name is the
/// catalogue's (実績値_2023年度.xlsx) in the current folder.
pub fn template(
    root: &Path,
    year: FiscalYear,
    output: Option<&Path>,
) -> Result<Template, DeskError> {
    let (report, _, _) =
        crate::build::load_and_evaluate(root, &mut |_| {}).map_err(DeskError::Content)?;
    let lang = report.config.lang;
    let path = output.map_or_else(
        || PathBuf::from(tr!(lang, desk.default_name, year = year.0)),
        Path::to_path_buf,
    );
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ext != "xlsx" && ext != "csv" {
        return Err(DeskError::Extension(path));
    }
    let current = match report.year(year) {
        Some(_) => current(root, &report, year)?.2,
        None => Current::default(),
    };
    let rows = template::rows(&report, year, &current)
        .map_err(|diagnostics| DeskError::Content(BuildFailure { diagnostics, lang }))?;
    let title = &report.config.title;
    let bytes = if ext == "csv" {
        template::csv(&rows, title, year, lang)
    } else {
        template::xlsx(&rows, title, year, lang).map_err(|e| DeskError::Xlsx(e.to_string()))?
    };
    // create_new: a sheet someone filled in is never replaced by an empty one.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes))
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => DeskError::Exists(path.clone()),
            _ => DeskError::Io(path.clone(), e),
        })?;
    Ok(Template {
        path,
        rows: rows.len(),
        year,
    })
}

/// How `import` ended.
#[derive(Debug)]
pub enum Outcome {
    /// actuals.yaml was written.
    Written,
    /// `--dry-run`: what would be written was checked, and nothing was.
    DryRun,
    /// The sheet holds nothing the file does not.
    NothingToChange,
    /// Some cells could not be used, and `--partial` was not given: nothing written.
    Refused,
    /// The sheet as a whole could not be used: nothing written.
    Unusable,
    /// The edited report would not pass `check`: nothing written.
    CheckFailed(BuildFailure),
}

/// What `import` did.
#[derive(Debug)]
pub struct Imported {
    /// The file read and its kind, when it could be read.
    pub kind: Option<read::Kind>,
    /// The plan: every line of the report.
    pub plan: Plan,
    /// actuals.yaml, relative to the root.
    pub file: String,
    /// The year.
    pub year: FiscalYear,
    /// How it ended.
    pub outcome: Outcome,
    /// The report's language.
    pub lang: Lang,
}

/// `nenpo import` options.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Write what can be used even when some cells cannot.
    pub partial: bool,
    /// Write nothing.
    pub dry_run: bool,
}

/// `nenpo import <file> --year <year>`.
pub fn import(
    root: &Path,
    file: &Path,
    year: FiscalYear,
    options: ImportOptions,
) -> Result<Imported, DeskError> {
    let (report, _, _) =
        crate::build::load_and_evaluate(root, &mut |_| {}).map_err(DeskError::Content)?;
    let lang = report.config.lang;
    let (rel, text, current) = current(root, &report, year)?;
    let bytes = std::fs::read(file).map_err(|e| DeskError::Io(file.to_path_buf(), e))?;
    let mut done = Imported {
        kind: None,
        plan: Plan::default(),
        file: rel.clone(),
        year,
        outcome: Outcome::Unusable,
        lang,
    };
    let book = match read::read(&bytes) {
        Ok(b) => b,
        Err(e) => {
            done.plan.fatal = Some(import::Fatal::Read(e));
            return Ok(done);
        }
    };
    done.kind = Some(book.kind);
    done.plan = import::plan(&book, year, &report, &current);
    done.outcome = decide(root, &report, &rel, &text, &done.plan, options)?;
    Ok(done)
}

/// Whether and what to write, once the plan is made.
fn decide(
    root: &Path,
    report: &Report,
    rel: &str,
    text: &str,
    plan: &Plan,
    options: ImportOptions,
) -> Result<Outcome, DeskError> {
    if plan.fatal.is_some() {
        return Ok(Outcome::Unusable);
    }
    if plan.rejected() > 0 && !options.partial {
        return Ok(Outcome::Refused);
    }
    if plan.edits.is_empty() {
        return Ok(Outcome::NothingToChange);
    }
    let names = |id: &str| {
        report
            .indicators()
            .find(|(_, _, _, i)| i.id == id)
            .map(|(_, _, _, i)| i.name.clone())
    };
    let edited = match yaml_edit::apply(text, &plan.edits, &names) {
        Ok(t) => t,
        Err(e) => {
            return Ok(Outcome::CheckFailed(edit_failure(
                rel,
                e,
                report.config.lang,
            )));
        }
    };
    if let Err(f) = crate::build::check_with(root, Some((rel, &edited))) {
        return Ok(Outcome::CheckFailed(f));
    }
    if options.dry_run {
        return Ok(Outcome::DryRun);
    }
    let path = rel.split('/').fold(root.to_path_buf(), |p, s| p.join(s));
    write_atomically(&path, edited.as_bytes()).map_err(|e| DeskError::Io(path, e))?;
    Ok(Outcome::Written)
}

/// A refused edit as a diagnostic on the file.
fn edit_failure(rel: &str, e: yaml_edit::EditError, lang: Lang) -> BuildFailure {
    use yaml_edit::EditError;
    let diag = match e {
        EditError::NotEditable { id, field, line } => crate::diag::Diagnostic::error(
            rel,
            line as u32,
            0,
            tr!(lang, desk.not_editable, id = id, field = field),
        )
        .with_hint(tr!(lang, desk.not_editable_hint, field = field)),
        EditError::Unreadable(why) | EditError::Verify(why) => {
            crate::diag::Diagnostic::error(rel, 0, 0, tr!(lang, desk.edit_refused, why = why))
        }
    };
    let mut diagnostics = crate::diag::Diagnostics::default();
    diagnostics.push(diag);
    BuildFailure { diagnostics, lang }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed over the
/// old file (on Windows too: the standard library's rename replaces an existing file), so
/// that a crash leaves the old file or the new one, never half of one. The old file's
/// permissions are kept.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".nenpo-import")
        .tempfile_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
