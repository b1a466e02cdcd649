//! Turning parsed files into the model: ids checked for duplicates and typos across plans,
//! years, projects, evaluations, meetings and relations, hand grades against their scale,
//! glossary marks against the glossary, and material paths against the project.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_saphyr::Spanned;

mod bodies;
mod checks;
mod figures;
mod monitoring;
mod monitoring_values;
mod plans;
mod projects;
mod unknowable;
mod years;

pub use years::reread_actuals;

use super::load::{Body as MdBody, Data, Failed, Parsed, Role};
use super::raw::*;
use super::yaml::pos;
use crate::config::{Config, scale_hint};
use crate::diag::{Diagnostic, Diagnostics, Lang, nearest};
use crate::era::FiscalYear;
use crate::glossary::find_marks;
use crate::model::*;

/// Builds the report from parsed files, recording every problem found on the way.
pub fn resolve(
    root: &Path,
    config: Config,
    parsed: Vec<Parsed>,
    failed: &[Failed],
    diags: &mut Diagnostics,
) -> Report {
    let lang = config.lang;
    let mut r = Resolver {
        root,
        lang,
        diags,
        pending_relations: Vec::new(),
        unknowable: unknowable::Unknowable::of(failed),
    };
    let Sorted {
        home,
        glossary,
        mut plans,
        bodies,
        years,
        year_dirs,
        datasets,
        monitoring_years,
    } = r.sort(parsed, &config);
    r.check_year_dirs(&year_dirs);

    plans.sort_by(|a: &Plan, b: &Plan| a.id.cmp(&b.id));
    r.check_indicator_ids(&plans);
    let mut body_list: Vec<Body> = bodies;
    body_list.sort_by(|a, b| (a.weight, &a.id).cmp(&(b.weight, &b.id)));
    r.check_relations(&body_list);
    for p in &plans {
        if let Some(b) = &p.body
            && !body_list.iter().any(|x| &x.id == b)
        {
            let (l, c) = locate(r.diags.source(&p.file), "body:");
            r.unknown_id(
                &p.file,
                l,
                c,
                Kind::Body,
                b,
                body_list.iter().map(|x| x.id.as_str()),
            );
        }
    }

    let mut year_list = Vec::new();
    for (y, parts) in years {
        year_list.push(
            r.year(
                y,
                year_dirs
                    .get(&y)
                    .and_then(|d| d.first().cloned())
                    .unwrap_or_default(),
                parts,
                &plans,
                &body_list,
                &config,
            ),
        );
    }

    let monitoring = r.monitoring(datasets, monitoring_years);
    r.check_fed_indicators(&plans, &monitoring, &year_list);
    let report = Report {
        monitoring,
        assets: list_assets(root, lang, r.diags),
        config,
        home,
        plans,
        years: year_list,
        bodies: body_list,
        glossary,
    };
    r.check_glossary_marks(&report);
    report
}

fn role_year(role: &Role) -> Option<FiscalYear> {
    match role {
        Role::YearIndex(y)
        | Role::Actuals(y)
        | Role::Projects(y)
        | Role::Evaluation(y, _)
        | Role::Meeting(y, _)
        | Role::Chapter(y, _)
        | Role::Monitoring(y) => Some(*y),
        _ => None,
    }
}

#[derive(Default)]
struct YearParts {
    index: Option<(String, RawYearFront, MdBody)>,
    actuals: Option<(String, RawActuals)>,
    projects: Option<(String, Vec<RawProject>)>,
    evaluations: Vec<(String, String, RawEvaluationFront, MdBody)>,
    meetings: Vec<(String, String, RawMeetingFront, MdBody)>,
    chapters: Vec<(String, String, RawChapterFront, MdBody)>,
}

fn doc(rel: &str, title: Option<String>, body: MdBody) -> Document {
    let title = title.or_else(|| {
        body.markdown
            .lines()
            .find_map(|l| l.strip_prefix("# ").map(|t| t.trim().to_string()))
    });
    Document {
        file: rel.to_string(),
        title,
        markdown: body.markdown,
        body_line: body.line,
    }
}

/// The first line holding `needle`, for problems found after parsing in places no span covers.
fn locate(text: Option<&str>, needle: &str) -> (u32, u32) {
    text.and_then(|t| {
        t.lines().enumerate().find_map(|(i, l)| {
            l.find(needle)
                .map(|c| (i as u32 + 1, l[..c].chars().count() as u32 + 1))
        })
    })
    .unwrap_or((0, 0))
}

fn list_assets(root: &Path, lang: Lang, diags: &mut Diagnostics) -> Vec<Asset> {
    let mut out: Vec<Asset> = super::walk::walk(root, &root.join("assets"), lang, diags)
        .into_iter()
        .filter(|f| !f.is_dir)
        .map(|f| Asset {
            path: crate::diag::display_path(root, &f.path),
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

struct Resolver<'a> {
    root: &'a Path,
    lang: Lang,
    diags: &'a mut Diagnostics,
    /// Relations seen while reading bodies: file, line, column, from, to, kind.
    pending_relations: Vec<(String, u32, u32, String, String, String)>,
    /// Ids that files which failed to load may hold: a reference to one of them is not
    /// an error of its own.
    unknowable: unknowable::Unknowable,
}

/// What an id names, for messages and for telling which failed file may hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Indicator,
    Measure,
    Goal,
    Plan,
    Body,
}

impl Kind {
    fn words(self, lang: Lang) -> &'static str {
        let m = &lang.text().content;
        match self {
            Kind::Indicator => m.what_indicator,
            Kind::Measure => m.what_measure,
            Kind::Goal => m.what_goal,
            Kind::Plan => m.what_plan,
            Kind::Body => m.what_body,
        }
    }
}

impl Resolver<'_> {
    fn err(&mut self, file: &str, line: u32, col: u32, msg: String, hint: Option<String>) {
        let mut d = Diagnostic::error(file, line, col, msg);
        d.hint = hint;
        self.diags.push(d);
    }

    /// An id that names nothing, with the nearest valid one; not shown (only counted) when
    /// a file that failed to load may hold it.
    fn unknown_id<'c>(
        &mut self,
        file: &str,
        line: u32,
        col: u32,
        kind: Kind,
        id: &str,
        candidates: impl Iterator<Item = &'c str> + Clone,
    ) {
        if self.unknowable.may_hold(kind, id) {
            self.diags.suppress();
            return;
        }
        let lang = self.lang;
        let msg = crate::tr!(lang, content.unknown_id, what = kind.words(lang), id = id);
        let all: Vec<&str> = candidates.clone().collect();
        let hint = match nearest(id, candidates) {
            Some(n) => crate::tr!(lang, msg.did_you_mean, name = n),
            None if all.len() <= 12 => {
                crate::tr!(
                    lang,
                    content.valid_ids,
                    ids = all.join(lang.text().msg.list_sep)
                )
            }
            None => lang.text().content.check_id.to_string(),
        };
        self.err(file, line, col, msg, Some(hint));
    }

    fn duplicate(&mut self, file: &str, line: u32, col: u32, what: &str, id: &str) {
        let lang = self.lang;
        let msg = crate::tr!(lang, content.duplicate_id, what = what, id = id);
        let hint = lang.text().content.duplicate_id_hint;
        self.err(file, line, col, msg, Some(hint.into()));
    }
}

fn normalize_rel(p: &str) -> String {
    p.trim().trim_start_matches("./").to_string()
}

/// The parsed files sorted by what they are.
struct Sorted {
    home: Document,
    glossary: Vec<GlossaryEntry>,
    plans: Vec<Plan>,
    bodies: Vec<Body>,
    years: BTreeMap<FiscalYear, YearParts>,
    year_dirs: BTreeMap<FiscalYear, BTreeSet<String>>,
    /// content/monitoring/<id>.yaml: id, file, contents.
    datasets: Vec<(String, String, crate::content::raw_monitoring::RawDataset)>,
    /// content/<year>/monitoring.yaml.
    monitoring_years: Vec<(
        FiscalYear,
        String,
        crate::content::raw_monitoring::RawMonitoringYear,
    )>,
}

impl Resolver<'_> {
    /// Plans and bodies resolved as they come; year files gathered by year.
    fn sort(&mut self, parsed: Vec<Parsed>, config: &Config) -> Sorted {
        let mut home = Document::default();
        let mut glossary = Vec::new();
        let mut plans = Vec::new();
        let mut bodies = Vec::new();
        let mut years: BTreeMap<FiscalYear, YearParts> = BTreeMap::new();
        let mut year_dirs: BTreeMap<FiscalYear, BTreeSet<String>> = BTreeMap::new();
        let mut datasets = Vec::new();
        let mut monitoring_years = Vec::new();

        for p in parsed {
            if let Some(y) = role_year(&p.role) {
                let dir = p.rel.split('/').nth(1).unwrap_or_default().to_string();
                year_dirs.entry(y).or_default().insert(dir);
            }
            let rel = p.rel.clone();
            match (p.role, p.data) {
                (Role::Home, Data::Chapter(front, body)) => home = doc(&rel, front.title, body),
                (Role::Glossary, Data::Glossary(g)) => {
                    glossary = g
                        .into_iter()
                        .map(|(k, v)| GlossaryEntry {
                            term: k.value,
                            definition: v,
                        })
                        .collect()
                }
                (Role::Plan(id), Data::Plan(raw)) => plans.push(self.plan(&id, &rel, raw, config)),
                (Role::Body(id), Data::Body(front, body)) => {
                    bodies.push(self.body(&id, &rel, *front, body))
                }
                (Role::YearIndex(y), Data::YearIndex(front, body)) => {
                    self.check_year_scale(&rel, &front, config);
                    years.entry(y).or_default().index = Some((rel, front, body));
                }
                (Role::Actuals(y), Data::Actuals(a)) => {
                    years.entry(y).or_default().actuals = Some((rel, a))
                }
                (Role::Projects(y), Data::Projects(ps)) => {
                    years.entry(y).or_default().projects = Some((rel, ps))
                }
                (Role::Evaluation(y, goal), Data::Evaluation(front, body)) => years
                    .entry(y)
                    .or_default()
                    .evaluations
                    .push((rel, goal, front, body)),
                (Role::Meeting(y, slug), Data::Meeting(front, body)) => years
                    .entry(y)
                    .or_default()
                    .meetings
                    .push((rel, slug, *front, body)),
                (Role::Chapter(y, slug), Data::Chapter(front, body)) => years
                    .entry(y)
                    .or_default()
                    .chapters
                    .push((rel, slug, front, body)),
                (Role::Dataset(id), Data::Dataset(raw)) => datasets.push((id, rel, *raw)),
                (Role::Monitoring(y), Data::Monitoring(raw)) => {
                    // A year folder holding only monitoring data is still a year.
                    years.entry(y).or_default();
                    monitoring_years.push((y, rel, raw));
                }
                _ => {}
            }
        }
        Sorted {
            datasets,
            monitoring_years,
            home,
            glossary,
            plans,
            bodies,
            years,
            year_dirs,
        }
    }

    /// One folder per fiscal year: 2023 and 令和5年度 side by side is an error.
    fn check_year_dirs(&mut self, year_dirs: &BTreeMap<FiscalYear, BTreeSet<String>>) {
        let lang = self.lang;
        let f = crate::format::Formatter::with(lang, crate::era::EraStyle::Wareki);
        for (y, dirs) in year_dirs {
            if dirs.len() > 1 {
                let list: Vec<&str> = dirs.iter().map(String::as_str).collect();
                let msg = crate::tr!(
                    lang,
                    content.year_dirs,
                    year = f.year_label(*y),
                    dirs = list.join(lang.text().msg.list_sep)
                );
                let hint = Some(lang.text().content.year_dirs_hint.into());
                self.err(&format!("content/{}", list[1]), 0, 0, msg, hint);
            }
        }
    }

    /// A year's `scale:` must name a scale of book.toml.
    fn check_year_scale(&mut self, rel: &str, front: &RawYearFront, config: &Config) {
        if let Some(s) = &front.scale {
            self.check_scale(rel, s, config);
        }
    }
}
