//! `nenpo new-year <year>`: a new fiscal-year folder with index.md, an actuals.yaml listing
//! every indicator of the plans in force with that year's target filled in, and a
//! projects.yaml carrying over the previous year's projects with their amounts left blank.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::build::BuildFailure;
use crate::diag::Lang;
use crate::era::{Calendar, EraStyle, FiscalYear};
use crate::evaluate::planned_targets;
use crate::figure::{Status, Value};
use crate::markdown::strip_marks;
use crate::model::{Direction, IndicatorKind, Report};
use crate::tr;

/// What `new-year` wrote.
#[derive(Debug)]
pub struct NewYear {
    /// The new folder.
    pub dir: PathBuf,
    /// The fiscal year.
    pub year: FiscalYear,
    /// Indicators listed in actuals.yaml.
    pub indicators: usize,
    /// Of those, how many got a target.
    pub targets: usize,
    /// Projects carried over.
    pub projects: usize,
    /// The year they came from.
    pub from: Option<FiscalYear>,
    /// Values to fill in in monitoring.yaml (none written when the report has no
    /// monitoring data).
    pub monitoring: usize,
    /// The report's language.
    pub lang: Lang,
}

impl NewYear {
    /// What was done and what the editor does next.
    pub fn describe(&self) -> String {
        let lang = self.lang;
        let cal = Calendar::new(EraStyle::Both, lang);
        let projects = match self.from {
            Some(from) => tr!(
                lang,
                msg.new_year_projects,
                from = cal.year_label(from),
                count = self.projects
            ),
            None => lang.text().msg.new_year_no_projects.to_string(),
        };
        let done = tr!(
            lang,
            msg.new_year_done,
            dir = self.dir.display(),
            year = cal.year_label(self.year),
            indicators = self.indicators,
            targets = self.targets,
            projects = projects
        );
        if self.monitoring == 0 {
            return done;
        }
        let m = tr!(lang, mon.msg.new_year_monitoring, count = self.monitoring);
        format!("{done}\n{m}")
    }
}

/// Why no folder was created.
#[derive(Debug)]
pub enum NewYearError {
    /// The report has content errors, so targets cannot be computed.
    Content(BuildFailure),
    /// The year's folder exists already: nothing is overwritten.
    Exists(PathBuf),
    /// The file system refused.
    Io(PathBuf, std::io::Error),
}

impl NewYearError {
    /// The command's exit code: 1 for content, 2 for asking for a year that exists.
    pub fn exit_code(&self) -> u8 {
        match self {
            NewYearError::Exists(_) => 2,
            _ => 1,
        }
    }
}

impl NewYearError {
    /// What went wrong, in `lang` (content errors in the report's own language).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NewYearError::Content(c) => c.diagnostics.summary(c.lang),
            NewYearError::Exists(p) => tr!(lang, msg.new_year_exists, dir = p.display()),
            NewYearError::Io(p, e) => tr!(lang, msg.cannot_create, path = p.display(), error = e),
        }
    }
}

impl std::fmt::Display for NewYearError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Ja))
    }
}

impl std::error::Error for NewYearError {}

/// Creates content/<year>/ in the report at `root`.
pub fn new_year(root: &Path, year: FiscalYear) -> Result<NewYear, NewYearError> {
    let dir = root.join("content").join(year.to_string());
    if dir.exists() {
        return Err(NewYearError::Exists(dir));
    }
    // A report that would not build (an overflow in its figures, say) gets no new year.
    // Drafts included: a year still being written is the one to carry projects over from.
    let (report, _, _, _) =
        crate::build::load_and_evaluate_in(root, crate::build::Mode::Preview, None, &mut |_| {})
            .map_err(NewYearError::Content)?;
    // A folder named another way (令和7年度/) holds the same year.
    if let Some(y) = report.year(year) {
        return Err(NewYearError::Exists(root.join("content").join(&y.dir)));
    }
    let (actuals, indicators, targets) = actuals_yaml(&report, year).map_err(|diagnostics| {
        NewYearError::Content(BuildFailure {
            diagnostics,
            lang: report.config.lang,
        })
    })?;
    let (projects, carried, from) = projects_yaml(&report, year);
    let (monitoring, slots) = monitoring_yaml(&report, year);
    let lang = report.config.lang;
    // create_dir, not create_dir_all: a folder made meanwhile is refused, not filled.
    fs::create_dir(&dir).map_err(|e| NewYearError::Io(dir.clone(), e))?;
    let mut files = vec![
        ("index.md", index_md(year, lang)),
        ("actuals.yaml", actuals),
        ("projects.yaml", projects),
    ];
    if slots > 0 {
        files.push(("monitoring.yaml", monitoring));
    }
    for (name, text) in files {
        let path = dir.join(name);
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
            .map_err(|e| NewYearError::Io(path, e))?;
    }
    Ok(NewYear {
        dir,
        year,
        indicators,
        targets,
        projects: carried,
        from,
        monitoring: slots,
        lang,
    })
}

/// The year as the files name it: 令和5年度; FY2023.
fn year_words(year: FiscalYear, lang: Lang) -> String {
    Calendar::new(EraStyle::Both, lang).year_label(year)
}

/// index.md with the edition line a city prints: the report comes out the next year.
pub fn index_md(year: FiscalYear, lang: Lang) -> String {
    let next = FiscalYear(year.0 + 1);
    tr!(
        lang,
        files.index_md,
        year = year_words(year, lang),
        next = year_words(next, lang),
        published = format!("{}-09-30", next.0)
    )
}

/// actuals.yaml listing every indicator of the plans in force in `year`, with the target the
/// evaluation plans for it and `actual: null`; returns the text, the count and how many have
/// targets, or the targets that cannot be computed.
pub fn actuals_yaml(
    report: &Report,
    year: FiscalYear,
) -> Result<(String, usize, usize), crate::diag::Diagnostics> {
    let planned = planned_targets(report, year)?;
    let lang = report.config.lang;
    let words = &lang.text().files;
    let mut out = tr!(lang, files.actuals_head, year = year_words(year, lang));
    let (mut count, mut targets) = (0, 0);
    let mut last_goal = None;
    for (plan, goal, _, ind) in report.indicators() {
        if !(plan.period.0..=plan.period.1).contains(&year) {
            continue;
        }
        if last_goal != Some((&plan.id, &goal.id)) {
            last_goal = Some((&plan.id, &goal.id));
            out.push_str(&tr!(
                lang,
                files.actuals_goal,
                plan = one_line(plan.short_name()),
                goal = goal.id,
                title = one_line(&goal.title)
            ));
        }
        let mut about = one_line(&ind.name);
        let mut details = Vec::new();
        if !ind.unit.is_empty() {
            details.push(ind.unit.clone());
        }
        if ind.kind == IndicatorKind::Cumulative && !ind.name.contains(words.cumulative) {
            details.push(words.cumulative.into());
        }
        if ind.direction == Direction::Down {
            details.push(words.lower_is_better.into());
        }
        if !details.is_empty() {
            let list = details.join(lang.text().msg.list_sep);
            about.push_str(&tr!(lang, files.actuals_details, list = list));
        }
        let target = planned.get(&ind.id).cloned().flatten();
        if target.is_none() {
            about.push_str(words.no_target);
        }
        // Only the per-year path is written out: a milestone, a final target, a reduction, a
        // trend or a range applies by itself, and a `target:` here would replace its wording.
        let written = target.as_ref().and_then(|t| {
            (t.source == crate::evaluate::TargetSource::PerYear)
                .then(|| t.number())
                .flatten()
        });
        // An indicator fed by monitoring data takes its actual from monitoring.yaml.
        let actual = match &ind.from {
            Some(f) => {
                about.push_str(&tr!(
                    lang,
                    mon.files.fed,
                    dataset = f.dataset,
                    site = f.site
                ));
                if written.is_none() { " {}" } else { "" }
            }
            None => "\n  actual: null",
        };
        let _ = write!(out, "\n# {about}\n{}:{actual}\n", yaml_str(&ind.id, false));
        if target.is_some() {
            targets += 1;
            if let Some(mut n) = written {
                // Shown as the plan shows values (22.0, not 22), never rounded.
                if let Some(d) = ind.decimals
                    && n.value.scale() < d
                {
                    n.value.rescale(d);
                }
                let _ = writeln!(out, "  target: {}", yaml_value(Value::Number(n)));
            }
        }
        count += 1;
    }
    Ok((out, count, targets))
}

/// monitoring.yaml with every dataset × site measured in `year` left null (未集計), each
/// dataset under a comment naming it and each site's name beside its id; returns the text
/// and the number of values to fill in.
pub fn monitoring_yaml(report: &Report, year: FiscalYear) -> (String, usize) {
    let lang = report.config.lang;
    let mon = &report.monitoring;
    let mut out = tr!(lang, mon.files.head, year = year_words(year, lang));
    let mut count = 0;
    let mut last = None;
    for (ds, site) in mon.slots(year) {
        if last != Some(&ds.id) {
            last = Some(&ds.id);
            let details: Vec<&str> = [Some(ds.unit.as_str()), ds.statistic.as_deref()]
                .into_iter()
                .flatten()
                .filter(|d| !d.is_empty())
                .collect();
            out.push_str(&tr!(
                lang,
                mon.files.item,
                title = one_line(&ds.title),
                details = details.join(lang.text().msg.list_sep)
            ));
            let _ = writeln!(out, "{}:", yaml_str(&ds.id, false));
        }
        let _ = writeln!(
            out,
            "  {}: null   # {}",
            yaml_str(&site.id, false),
            one_line(&site.name)
        );
        count += 1;
    }
    (out, count)
}

/// projects.yaml carrying over the projects of the latest year before `year`, amounts and
/// outcome actuals left blank; returns the text, the count and the year they came from.
pub fn projects_yaml(report: &Report, year: FiscalYear) -> (String, usize, Option<FiscalYear>) {
    let next = FiscalYear(year.0 + 1);
    let previous = report.years.iter().rev().find(|y| y.year < year);
    let lang = report.config.lang;
    let mut out = tr!(lang, files.projects_head, year = year_words(year, lang));
    let Some(prev) = previous.filter(|p| !p.projects.is_empty()) else {
        out.push_str(&tr!(lang, files.projects_example));
        return (out, 0, None);
    };
    out.push_str(&tr!(
        lang,
        files.projects_carried,
        prev = year_words(prev.year, lang),
        year = year_words(year, lang),
        next = year_words(next, lang)
    ));
    for p in &prev.projects {
        let _ = writeln!(out, "\n- name: {}", yaml_str(&p.name, false));
        // The id and category carry over so that next year's 前年度対比 and 小計 line up.
        if let Some(id) = &p.id {
            let _ = writeln!(out, "  id: {}", yaml_str(id, false));
        }
        // Always plan-qualified and quoted, as the docs write measure ids.
        let measures: Vec<String> = std::iter::once((&p.plan, &p.measure))
            .chain(p.also.iter().map(|(a, b)| (a, b)))
            .map(|(a, b)| quoted(&format!("{a}:{b}")))
            .collect();
        match measures.as_slice() {
            [one] => {
                let _ = writeln!(out, "  measure: {one}");
            }
            many => {
                let _ = writeln!(out, "  measures: [{}]", many.join(", "));
            }
        }
        if !p.category.is_empty() {
            let names: Vec<String> = p.category.iter().map(|c| yaml_str(c, true)).collect();
            let _ = writeln!(out, "  category: [{}]", names.join(", "));
        }
        if let Some(d) = &p.department {
            let _ = writeln!(out, "  department: {}", yaml_str(d, false));
        }
        out.push_str("  status: continued\n  settled: null\n  budget: null\n");
        if let Some(o) = &p.outcome {
            let _ = write!(
                out,
                "  outcome: {{ name: {}, unit: {}, actual: null",
                yaml_str(&o.name, true),
                yaml_str(&o.unit, true)
            );
            if let Some(t) = o.target {
                let _ = write!(out, ", target: {}", yaml_value(t));
            }
            if o.direction == Direction::Down {
                out.push_str(", direction: down");
            }
            out.push_str(" }\n");
        }
    }
    (out, prev.projects.len(), Some(prev.year))
}

/// A figure as YAML: its digits as written, `{ value: …, approx: true }` for 約, a status
/// by its key word.
fn yaml_value(v: Value) -> String {
    match v {
        Value::Number(n) if n.approx => format!("{{ value: {}, approx: true }}", n.value),
        Value::Number(n) => n.value.to_string(),
        Value::Status(Status::NotCollected) => "null".into(),
        Value::Status(s) => quoted(s.default_symbol()),
    }
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// Text for a YAML comment: marks dropped, on one line.
fn one_line(s: &str) -> String {
    strip_marks(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A YAML scalar for `s`: plain when it reads back as the same string, else double-quoted
/// (JSON's string syntax is valid YAML). `flow`: inside `{ … }`, where `,[]{}` are special.
pub fn yaml_str(s: &str, flow: bool) -> String {
    let first = s.chars().next();
    let reserved = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    let plain = !s.is_empty()
        && first.is_some_and(|c| !"-?:,[]{}#&*!|>'\"%@`".contains(c) && !c.is_whitespace())
        && !first.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == '+')
        && s.trim() == s
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(char::is_control)
        && !(flow && s.contains([',', '[', ']', '{', '}']))
        && !reserved.contains(&s.to_ascii_lowercase().as_str());
    if plain { s.to_string() } else { quoted(s) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted_only_when_yaml_would_misread_them() {
        assert_eq!(
            yaml_str("公共施設照明LED化事業", false),
            "公共施設照明LED化事業"
        );
        assert_eq!(yaml_str("ghg-emission", false), "ghg-emission");
        assert_eq!(yaml_str("1-1-1", false), "\"1-1-1\"");
        assert_eq!(yaml_str("kankyo:1-1", false), "kankyo:1-1");
        assert_eq!(yaml_str("a: b", false), "\"a: b\"");
        assert_eq!(yaml_str("null", false), "\"null\"");
        assert_eq!(yaml_str("%", true), "\"%\"");
        assert_eq!(yaml_str("a, b", true), "\"a, b\"");
        assert_eq!(yaml_str("a, b", false), "a, b");
        assert_eq!(yaml_str("", false), "\"\"");
    }
}
