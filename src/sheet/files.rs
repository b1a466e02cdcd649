//! The two files an import edits: the year's actuals.yaml (indicator rows) and
//! monitoring.yaml (monitoring rows). Both are read as they are, edited in their text,
//! checked together as the report would load them, and only then written, each through a
//! temporary file renamed over the old one.

use std::path::{Path, PathBuf};

use super::import::{Current, Plan};
use super::yaml_edit::{self, Edit};
use super::{DeskError, ImportOptions, Outcome};
use crate::build::BuildFailure;
use crate::diag::{Diagnostic, Diagnostics, Lang};
use crate::era::FiscalYear;
use crate::model::Report;
use crate::tr;

/// A file's path relative to the root and its text now (empty when it does not exist).
#[derive(Debug, Clone)]
pub struct Target {
    /// `content/2021/actuals.yaml`.
    pub rel: String,
    /// The text as on disk.
    pub text: String,
    /// Whether the file exists.
    pub exists: bool,
}

impl Target {
    fn read(root: &Path, rel: String) -> Result<Target, DeskError> {
        let path = path_of(root, &rel);
        let (text, exists) = match std::fs::read(&path) {
            Ok(b) => (
                String::from_utf8(b).map_err(|e| {
                    DeskError::Io(
                        path.clone(),
                        std::io::Error::new(std::io::ErrorKind::InvalidData, e),
                    )
                })?,
                true,
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (String::new(), false),
            Err(e) => return Err(DeskError::Io(path, e)),
        };
        Ok(Target { rel, text, exists })
    }

    /// The text with `edits` spliced in; `comment` names an appended entry.
    fn edited(
        &self,
        edits: &[Edit],
        comment: &dyn Fn(&str) -> Option<String>,
        lang: Lang,
    ) -> Result<String, BuildFailure> {
        yaml_edit::apply(&self.text, edits, comment).map_err(|e| edit_failure(&self.rel, e, lang))
    }
}

fn path_of(root: &Path, rel: &str) -> PathBuf {
    rel.split('/').fold(root.to_path_buf(), |p, s| p.join(s))
}

/// The year's two files and what they hold.
#[derive(Debug, Clone)]
pub struct Targets {
    /// actuals.yaml.
    pub actuals: Target,
    /// monitoring.yaml.
    pub monitoring: Target,
    /// What the files hold, as the import compares it.
    pub current: Current,
}

impl Targets {
    /// The files of `year` (where they would be created when they do not exist).
    pub fn read(root: &Path, report: &Report, year: FiscalYear) -> Result<Targets, DeskError> {
        let y = report.year(year).ok_or(DeskError::NoYear(year))?;
        let actuals = y
            .actuals_file
            .clone()
            .unwrap_or_else(|| format!("content/{}/actuals.yaml", y.dir));
        let monitoring = report
            .monitoring
            .year(year)
            .map(|m| m.file.clone())
            .unwrap_or_else(|| format!("content/{}/monitoring.yaml", y.dir));
        let actuals = Target::read(root, actuals)?;
        let monitoring = Target::read(root, monitoring)?;
        let values = |field: &str| yaml_edit::current_values(&actuals.text, field);
        let current = Current {
            actual: values("actual").unwrap_or_default(),
            note: values("note").unwrap_or_default(),
            target: values("target").unwrap_or_default(),
            monitoring: yaml_edit::current_entries(&monitoring.text).unwrap_or_default(),
        };
        Ok(Targets {
            actuals,
            monitoring,
            current,
        })
    }

    /// Whether and what to write, once the plan is made; and the files it concerns.
    pub fn decide(
        &self,
        root: &Path,
        report: &Report,
        plan: &Plan,
        options: ImportOptions,
    ) -> Result<(Outcome, Vec<String>), DeskError> {
        let lang = report.config.lang;
        let mut files: Vec<String> = Vec::new();
        if plan.indicator_rows > 0 || plan.monitoring_rows == 0 {
            files.push(self.actuals.rel.clone());
        }
        if plan.monitoring_rows > 0 {
            files.push(self.monitoring.rel.clone());
        }
        if plan.fatal.is_some() {
            return Ok((Outcome::Unusable, files));
        }
        if plan.rejected() > 0 && !options.partial {
            return Ok((Outcome::Refused, files));
        }
        if plan.edits.is_empty() && plan.monitoring_edits.is_empty() {
            return Ok((Outcome::NothingToChange, files));
        }
        let edited = match self.edit_both(report, plan, lang) {
            Ok(e) => e,
            Err(f) => return Ok((Outcome::CheckFailed(f), files)),
        };
        let files: Vec<String> = edited.iter().map(|(t, _)| t.rel.clone()).collect();
        let overlay: Vec<(&str, &str)> = edited
            .iter()
            .map(|(t, text)| (t.rel.as_str(), text.as_str()))
            .collect();
        if let Err(f) = crate::build::check_with(root, Some(&overlay)) {
            return Ok((Outcome::CheckFailed(f), files));
        }
        if options.dry_run {
            return Ok((Outcome::DryRun, files));
        }
        write_all(root, &edited)?;
        Ok((Outcome::Written, files))
    }

    /// Each file with edits, and its edited text.
    fn edit_both(
        &self,
        report: &Report,
        plan: &Plan,
        lang: Lang,
    ) -> Result<Vec<(&Target, String)>, BuildFailure> {
        let mut out = Vec::new();
        if !plan.edits.is_empty() {
            let names = |id: &str| {
                report
                    .indicators()
                    .find(|(_, _, _, i)| i.id == id)
                    .map(|(_, _, _, i)| i.name.clone())
            };
            out.push((
                &self.actuals,
                self.actuals.edited(&plan.edits, &names, lang)?,
            ));
        }
        if !plan.monitoring_edits.is_empty() {
            let titles = |id: &str| report.monitoring.dataset(id).map(|d| d.title.clone());
            let text = self
                .monitoring
                .edited(&plan.monitoring_edits, &titles, lang)?;
            out.push((&self.monitoring, text));
        }
        Ok(out)
    }
}

/// Writes every edited file. Each is written to a temporary file first, so that a full disk
/// or a locked folder stops the import before any file is replaced; when a later rename
/// fails, the files already replaced get their old text back.
fn write_all(root: &Path, edited: &[(&Target, String)]) -> Result<(), DeskError> {
    let mut ready = Vec::new();
    for (t, text) in edited {
        let path = path_of(root, &t.rel);
        let tmp = staged(&path, text.as_bytes()).map_err(|e| DeskError::Io(path.clone(), e))?;
        ready.push((path, tmp, *t));
    }
    let mut done: Vec<(PathBuf, &Target)> = Vec::new();
    for (path, tmp, t) in ready {
        if let Err(e) = tmp.persist(&path) {
            for (p, old) in done {
                // Best effort: the error below is what the editor must see.
                let _ = if old.exists {
                    write_atomically(&p, old.text.as_bytes())
                } else {
                    std::fs::remove_file(&p)
                };
            }
            return Err(DeskError::Io(path, e.error));
        }
        done.push((path, t));
    }
    Ok(())
}

/// `bytes` in a temporary file beside `path`, synced, with `path`'s permissions.
fn staged(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".nenpo-import")
        .tempfile_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    Ok(tmp)
}

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed over the
/// old file (on Windows too: the standard library's rename replaces an existing file), so
/// that a crash leaves the old file or the new one, never half of one. The old file's
/// permissions are kept.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    staged(path, bytes)?.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A refused edit as a diagnostic on the file.
fn edit_failure(rel: &str, e: yaml_edit::EditError, lang: Lang) -> BuildFailure {
    use yaml_edit::EditError;
    let diag = match e {
        EditError::NotEditable { id, field, line } => Diagnostic::error(
            rel,
            line as u32,
            0,
            tr!(lang, desk.not_editable, id = id, field = field),
        )
        .with_hint(tr!(lang, desk.not_editable_hint, field = field)),
        EditError::Unreadable(why) | EditError::Verify(why) => Diagnostic::error(
            rel,
            0,
            0,
            tr!(lang, desk.edit_refused, file = rel, why = why),
        ),
    };
    let mut diagnostics = Diagnostics::default();
    diagnostics.push(diag);
    BuildFailure { diagnostics, lang }
}
