//! Spreadsheets in and out (SPEC §14): `nenpo template` writes the sheet staff fill in, and
//! `nenpo import` reads a filled sheet (xlsx, xls, ods, or CSV in UTF-8 or CP932) back into
//! the year's actuals.yaml and monitoring.yaml, editing only the values that change.
//!
//! The stages: [`read`] (bytes → grids of cells) → [`import`] (cells against the report →
//! a plan of edits and a line per cell) → [`yaml_edit`] (the edits spliced into the file's
//! text) → the report's own check on the result → an atomic write. [`report`] words the
//! lines for the editor.
//!
//! A row is keyed by [`RowKey`]: an indicator's (written to actuals.yaml) or a monitoring
//! dataset × site's (SPEC §12, written to monitoring.yaml, its ID `no2/honcho`). The
//! sheet's columns, the reading of cells and the report are the same for both; [`files`]
//! edits the two files together and writes them only when the whole report checks.

pub mod files;
pub mod import;
pub mod layout;
pub mod monitoring;
pub mod number;
pub mod read;
pub mod report;
pub mod template;
pub mod value;
pub mod yaml_edit;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::build::BuildFailure;
use crate::diag::Lang;
use crate::era::FiscalYear;
use crate::tr;

pub use files::write_atomically;
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
    /// A measured value in monitoring.yaml (SPEC §12): a dataset (measured item) at a site.
    Monitoring {
        /// The dataset id (its file name under content/monitoring/).
        dataset: String,
        /// The site id.
        site: String,
    },
}

/// Between the dataset and the site in a monitoring row's ID (`no2/honcho`): ids never hold
/// a `/` (src/content/ids.rs), so such an ID cannot name an indicator, and a clerk reads it
/// as 項目/地点.
pub const SLOT_SEP: char = '/';

impl RowKey {
    /// The text of the ID column: `co2-total`, `no2/honcho`.
    pub fn id(&self) -> String {
        match self {
            RowKey::Indicator { id } => id.clone(),
            RowKey::Monitoring { dataset, site } => format!("{dataset}{SLOT_SEP}{site}"),
        }
    }

    /// What an ID cell names (its text already made half-width and trimmed).
    pub fn parse(id: &str) -> RowKey {
        match id.split_once(SLOT_SEP) {
            Some((dataset, site)) => RowKey::Monitoring {
                dataset: dataset.trim().to_string(),
                site: site.trim().to_string(),
            },
            None => RowKey::Indicator { id: id.to_string() },
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

/// What `template` wrote.
#[derive(Debug)]
pub struct Template {
    /// The file.
    pub path: PathBuf,
    /// Indicator rows in it.
    pub rows: usize,
    /// Monitoring rows (dataset × site) in it.
    pub monitoring: usize,
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
        Some(_) => files::Targets::read(root, &report, year)?.current,
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
    let monitoring = rows
        .iter()
        .filter(|r| matches!(r.key, RowKey::Monitoring { .. }))
        .count();
    Ok(Template {
        path,
        rows: rows.len() - monitoring,
        monitoring,
        year,
    })
}

/// How `import` ended.
#[derive(Debug)]
pub enum Outcome {
    /// actuals.yaml, monitoring.yaml or both were written.
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
    /// The files written (or that would be, or that the sheet's rows point to when nothing
    /// changes), relative to the root.
    pub files: Vec<String>,
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
    let targets = files::Targets::read(root, &report, year)?;
    let bytes = std::fs::read(file).map_err(|e| DeskError::Io(file.to_path_buf(), e))?;
    let mut done = Imported {
        kind: None,
        plan: Plan::default(),
        files: vec![targets.actuals.rel.clone()],
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
    done.plan = import::plan(&book, year, &report, &targets.current);
    (done.outcome, done.files) = targets.decide(root, &report, &done.plan, options)?;
    Ok(done)
}
