//! Finding the files of the content tree and parsing each one on its own (in parallel):
//! text decoding, front matter and YAML. Cross-references are checked later, in `resolve`.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::ids::{self, IdKind};
use super::raw::*;
use super::raw_monitoring::{RawDataset, RawMonitoringYear};
use super::yaml::{parse_yaml, pos};
use crate::diag::{Diagnostic, Diagnostics, Lang, display_path};
use crate::era::FiscalYear;
use crate::source::{read_text, split_front_matter};

/// What a file is, from where it sits in the content tree.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// content/index.md
    Home,
    /// content/glossary.yaml
    Glossary,
    /// content/plans/<id>.yaml
    Plan(String),
    /// content/bodies/<id>.md
    Body(String),
    /// content/<year>/index.md
    YearIndex(FiscalYear),
    /// content/<year>/actuals.yaml
    Actuals(FiscalYear),
    /// content/<year>/projects.yaml
    Projects(FiscalYear),
    /// content/<year>/evaluations/<goal>.md
    Evaluation(FiscalYear, String),
    /// content/<year>/meetings/<slug>.md
    Meeting(FiscalYear, String),
    /// content/<year>/<slug>.md
    Chapter(FiscalYear, String),
    /// content/monitoring/<id>.yaml
    Dataset(String),
    /// content/<year>/monitoring.yaml
    Monitoring(FiscalYear),
}

/// A parsed file: its role, its path for diagnostics and what it holds.
pub struct Parsed {
    /// Where it sits.
    pub role: Role,
    /// Path relative to the project root.
    pub rel: String,
    /// The content.
    pub data: Data,
}

/// The parsed content of one file.
pub enum Data {
    /// A plan.
    Plan(RawPlan),
    /// The glossary.
    Glossary(RawGlossary),
    /// A year's actuals.
    Actuals(RawActuals),
    /// A year's projects.
    Projects(Vec<RawProject>),
    /// content/index.md or a chapter.
    Chapter(RawChapterFront, Body),
    /// A year's index.md.
    YearIndex(RawYearFront, Body),
    /// An evaluation.
    Evaluation(RawEvaluationFront, Body),
    /// A body.
    Body(Box<RawBodyFront>, Body),
    /// A meeting.
    Meeting(Box<RawMeetingFront>, Body),
    /// A measured item of 環境の現況.
    Dataset(Box<RawDataset>),
    /// A year's monitoring values.
    Monitoring(RawMonitoringYear),
}

/// The Markdown after the front matter.
pub struct Body {
    /// The text.
    pub markdown: String,
    /// The line it starts on.
    pub line: u32,
}

/// Folders under content/ that are not fiscal years.
const FIXED_DIRS: &[&str] = &["plans", "bodies", "monitoring"];

/// Finds every content file, in a sorted order, with its role; unknown places are problems.
pub fn discover(root: &Path, lang: Lang, diags: &mut Diagnostics) -> Vec<(Role, PathBuf)> {
    let content = root.join("content");
    let mut found = Vec::new();
    if !content.is_dir() {
        let m = &lang.text().msg;
        diags.push(Diagnostic::error("content", 0, 0, m.no_content).with_hint(m.no_content_hint));
        return found;
    }
    let mut year_folders = std::collections::BTreeSet::new();
    // Sorted walking makes diagnostics and load order independent of the file system.
    for entry in super::walk::walk(root, &content, lang, diags) {
        if entry.is_dir {
            continue;
        }
        let path = entry.path.as_path();
        let rel_parts: Vec<String> = path
            .strip_prefix(&content)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let name = rel_parts.last().cloned().unwrap_or_default();
        if name.starts_with('.') || name.ends_with('~') {
            continue; // editor backups and hidden files
        }
        match classify(&rel_parts) {
            Some(role) => {
                let rel = display_path(root, path);
                check_names(&role, &rel_parts, &rel, lang, &mut year_folders, diags);
                found.push((role, path.to_path_buf()));
            }
            None => {
                let rel = display_path(root, path);
                diags.push(unknown_place(&rel, &rel_parts, lang));
            }
        }
    }
    found
}

/// Ids that come from file names, and year folder names (each folder once).
fn check_names(
    role: &Role,
    parts: &[String],
    rel: &str,
    lang: Lang,
    year_folders: &mut std::collections::BTreeSet<String>,
    diags: &mut Diagnostics,
) {
    let id = match role {
        Role::Plan(id) => Some((id, IdKind::Plan)),
        Role::Body(id) => Some((id, IdKind::Body)),
        Role::Meeting(_, s) => Some((s, IdKind::Meeting)),
        Role::Chapter(_, s) => Some((s, IdKind::Chapter)),
        Role::Evaluation(_, s) => Some((s, IdKind::Evaluation)),
        Role::Dataset(s) => Some((s, IdKind::Dataset)),
        _ => None,
    };
    if let Some((id, kind)) = id
        && let Some(d) = ids::diagnose(id, kind, rel, 0, 0, lang)
    {
        diags.push(d);
    }
    if role_is_in_year(role)
        && let Some(dir) = parts.first()
        && year_folders.insert(dir.clone())
        && let Some(d) = ids::diagnose_year_folder(dir, &format!("content/{dir}"), lang)
    {
        diags.push(d);
    }
}

fn role_is_in_year(role: &Role) -> bool {
    matches!(
        role,
        Role::YearIndex(_)
            | Role::Actuals(_)
            | Role::Projects(_)
            | Role::Evaluation(..)
            | Role::Meeting(..)
            | Role::Chapter(..)
            | Role::Monitoring(_)
    )
}

/// Ids written in YAML: goals, measures and indicators of a plan, and the indicator keys of
/// a year's actuals.
fn check_yaml_ids(p: &Parsed, lang: Lang, diags: &mut Diagnostics) {
    let mut check = |id: &serde_saphyr::Spanned<Id>, kind: IdKind| {
        let (l, c) = pos(&id.referenced);
        if let Some(d) = ids::diagnose(&id.value.0, kind, &p.rel, l, c, lang) {
            diags.push(d);
        }
    };
    match &p.data {
        Data::Plan(plan) => {
            for g in &plan.goals {
                check(&g.id, IdKind::Goal);
                for m in &g.measures {
                    check(&m.id, IdKind::Measure);
                    for i in &m.indicators {
                        check(&i.id, IdKind::Indicator);
                    }
                }
            }
        }
        Data::Actuals(a) => {
            for k in a.keys() {
                check(k, IdKind::Indicator);
            }
        }
        Data::Dataset(d) => {
            for s in &d.sites {
                if let super::raw_monitoring::RawSiteRef::Full(site) = &s.value {
                    check(&site.id, IdKind::Site);
                }
            }
        }
        _ => {}
    }
}

fn stem(name: &str, ext: &[&str]) -> Option<String> {
    let (s, e) = name.rsplit_once('.')?;
    ext.contains(&e).then(|| s.to_string())
}

fn classify(parts: &[String]) -> Option<Role> {
    let p: Vec<&str> = parts.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["index.md"] => Some(Role::Home),
        ["glossary.yaml" | "glossary.yml"] => Some(Role::Glossary),
        ["plans", f] => stem(f, &["yaml", "yml"]).map(Role::Plan),
        ["bodies", f] => stem(f, &["md"]).map(Role::Body),
        ["monitoring", f] => stem(f, &["yaml", "yml"]).map(Role::Dataset),
        [dir, rest @ ..] if !FIXED_DIRS.contains(dir) => {
            let year = year_dir(dir)?;
            match rest {
                ["index.md"] => Some(Role::YearIndex(year)),
                ["actuals.yaml" | "actuals.yml"] => Some(Role::Actuals(year)),
                ["projects.yaml" | "projects.yml"] => Some(Role::Projects(year)),
                ["monitoring.yaml" | "monitoring.yml"] => Some(Role::Monitoring(year)),
                ["evaluations", f] => stem(f, &["md"]).map(|s| Role::Evaluation(year, s)),
                ["meetings", f] => stem(f, &["md"]).map(|s| Role::Meeting(year, s)),
                [f] => stem(f, &["md"]).map(|s| Role::Chapter(year, s)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A year folder is named by its 西暦 year; other spellings are accepted so that a folder
/// named 令和5年度 still works, and duplicates are caught in `resolve`.
fn year_dir(name: &str) -> Option<FiscalYear> {
    FiscalYear::parse(name)
}

fn unknown_place(rel: &str, parts: &[String], lang: Lang) -> Diagnostic {
    let m = &lang.text().msg;
    let hint = match parts.first().map(String::as_str) {
        Some(d) if parts.len() > 1 && year_dir(d).is_none() && !FIXED_DIRS.contains(&d) => {
            crate::tr!(lang, msg.year_dir_hint, dir = d)
        }
        _ => m.unknown_place_hint.to_string(),
    };
    Diagnostic::error(rel, 0, 0, m.unknown_place)
        .with_hint(hint)
        .warning()
}

/// A file that could not be read or parsed: its role and what text it has, so that later
/// checks can tell the errors it causes from errors of their own.
pub struct Failed {
    /// Where it sits.
    pub role: Role,
    /// Its text, when it could be read.
    pub text: Option<String>,
}

/// Adds the file at `rel` (relative to the root, `/`-separated) to `files` when it is a
/// content file not found on disk, keeping the sorted order.
pub fn add_file(root: &Path, rel: &str, files: &mut Vec<(Role, PathBuf)>) {
    let path = rel
        .split('/')
        .fold(root.to_path_buf(), |p, part| p.join(part));
    if files.iter().any(|(_, p)| display_path(root, p) == rel) {
        return;
    }
    let parts: Vec<String> = rel.split('/').skip(1).map(str::to_string).collect();
    if rel.starts_with("content/")
        && let Some(role) = classify(&parts)
    {
        files.push((role, path));
        files.sort_by(|a, b| a.1.cmp(&b.1));
    }
}

/// Reads and parses every file in parallel; the order of the result is the input order.
pub fn parse_all(
    root: &Path,
    files: Vec<(Role, PathBuf)>,
    lang: Lang,
) -> (Vec<Parsed>, Vec<Failed>, Diagnostics) {
    parse_all_with(root, files, lang, None)
}

/// [`parse_all`], reading `overlay`'s texts instead of their files.
pub fn parse_all_with(
    root: &Path,
    files: Vec<(Role, PathBuf)>,
    lang: Lang,
    overlay: super::Overlay<'_>,
) -> (Vec<Parsed>, Vec<Failed>, Diagnostics) {
    // Per file: what parsed, its problem, its path and its text (for snippets).
    type Outcome = (
        Result<Parsed, Role>,
        Option<Diagnostic>,
        String,
        Option<String>,
    );
    let results: Vec<Outcome> = files
        .into_par_iter()
        .map(|(role, path)| {
            let rel = display_path(root, &path);
            let text = match overlay.unwrap_or_default().iter().find(|(o, _)| *o == rel) {
                Some((_, text)) => crate::source::decode_text(text.as_bytes(), &rel, lang),
                None => read_text(&path, &rel, lang),
            };
            match text {
                Err(d) => (Err(role), Some(d), rel, None),
                Ok(text) => match parse_one(&role, &text, &rel, lang) {
                    Ok(data) => (
                        Ok(Parsed {
                            role,
                            rel: rel.clone(),
                            data,
                        }),
                        None,
                        rel,
                        Some(text),
                    ),
                    Err(d) => (Err(role), Some(d), rel, Some(text)),
                },
            }
        })
        .collect();
    let mut diags = Diagnostics::default();
    let mut parsed = Vec::new();
    let mut failed = Vec::new();
    for (p, d, rel, text) in results {
        if let Some(t) = &text {
            diags.add_source(&rel, t);
        }
        if let Some(d) = d {
            diags.push(d);
        }
        match p {
            Ok(p) => {
                check_yaml_ids(&p, lang, &mut diags);
                parsed.push(p);
            }
            Err(role) => failed.push(Failed { role, text }),
        }
    }
    (parsed, failed, diags)
}

fn parse_one(role: &Role, text: &str, rel: &str, lang: Lang) -> Result<Data, Diagnostic> {
    let md = |text: &str| -> Result<(Option<String>, u32, Body), Diagnostic> {
        let fm = split_front_matter(text, rel, lang)?;
        Ok((
            fm.yaml.map(str::to_string),
            fm.yaml_line_offset,
            Body {
                markdown: fm.body.to_string(),
                line: fm.body_line,
            },
        ))
    };
    Ok(match role {
        Role::Plan(_) => Data::Plan(parse_yaml(text, rel, 0, lang)?),
        Role::Glossary => Data::Glossary(parse_yaml(text, rel, 0, lang)?),
        Role::Actuals(_) => Data::Actuals(parse_yaml(text, rel, 0, lang)?),
        Role::Projects(_) => Data::Projects(parse_yaml(text, rel, 0, lang)?),
        Role::Dataset(_) => Data::Dataset(Box::new(parse_yaml(text, rel, 0, lang)?)),
        Role::Monitoring(_) => Data::Monitoring(parse_yaml(text, rel, 0, lang)?),
        Role::Home | Role::Chapter(..) => {
            let (y, off, body) = md(text)?;
            let front = match y {
                Some(y) => parse_yaml(&y, rel, off, lang)?,
                None => RawChapterFront::default(),
            };
            Data::Chapter(front, body)
        }
        Role::YearIndex(_) => {
            let (y, off, body) = md(text)?;
            let front = match y {
                Some(y) => parse_yaml(&y, rel, off, lang)?,
                None => RawYearFront::default(),
            };
            Data::YearIndex(front, body)
        }
        Role::Evaluation(..) => {
            let (y, off, body) = md(text)?;
            let front = match y {
                Some(y) => parse_yaml(&y, rel, off, lang)?,
                None => RawEvaluationFront::default(),
            };
            Data::Evaluation(front, body)
        }
        Role::Body(_) => {
            let (y, off, body) = md(text)?;
            let y = y.ok_or_else(|| missing_front_matter(rel, "name: …", lang))?;
            Data::Body(Box::new(parse_yaml(&y, rel, off, lang)?), body)
        }
        Role::Meeting(..) => {
            let (y, off, body) = md(text)?;
            let y = y.ok_or_else(|| missing_front_matter(rel, "body: …\ndate: …", lang))?;
            Data::Meeting(Box::new(parse_yaml(&y, rel, off, lang)?), body)
        }
    })
}

fn missing_front_matter(rel: &str, example: &str, lang: Lang) -> Diagnostic {
    Diagnostic::error(rel, 1, 1, lang.text().msg.no_front_matter).with_hint(crate::tr!(
        lang,
        msg.no_front_matter_hint,
        example = example
    ))
}
