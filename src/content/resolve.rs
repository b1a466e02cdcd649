//! Turning parsed files into the model: ids checked for duplicates and typos across plans,
//! years, projects, evaluations, meetings and relations, hand grades against their scale,
//! glossary marks against the glossary, and material paths against the project.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_saphyr::Spanned;

use super::load::{Body as MdBody, Data, Parsed, Role};
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
    diags: &mut Diagnostics,
) -> Report {
    let lang = config.lang;
    let mut r = Resolver {
        root,
        lang,
        diags,
        pending_relations: Vec::new(),
    };
    let mut home = Document::default();
    let mut glossary = Vec::new();
    let mut plans = Vec::new();
    let mut bodies = Vec::new();
    let mut years: BTreeMap<FiscalYear, YearParts> = BTreeMap::new();
    let mut year_dirs: BTreeMap<FiscalYear, BTreeSet<String>> = BTreeMap::new();

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
            (Role::Plan(id), Data::Plan(raw)) => plans.push(r.plan(&id, &rel, raw, &config)),
            (Role::Body(id), Data::Body(front, body)) => {
                bodies.push(r.body(&id, &rel, *front, body))
            }
            (Role::YearIndex(y), Data::YearIndex(front, body)) => {
                let e = years.entry(y).or_default();
                if let Some(s) = &front.scale
                    && !config.scales.contains_key(&s.value)
                {
                    let (l, c) = pos(&s.referenced);
                    r.err(
                        &rel,
                        l,
                        c,
                        match lang {
                            Lang::Ja => format!(
                                "評価の尺度「{}」が book.toml に定義されていません",
                                s.value
                            ),
                            Lang::En => {
                                format!("grade scale `{}` is not defined in book.toml", s.value)
                            }
                        },
                        Some(scale_hint(&config.scales, &s.value, lang)),
                    );
                }
                e.index = Some((rel, front, body));
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
            _ => {}
        }
    }

    for (y, dirs) in &year_dirs {
        if dirs.len() > 1 {
            let list: Vec<&str> = dirs.iter().map(String::as_str).collect();
            r.err(
                &format!("content/{}", list[1]),
                0,
                0,
                match lang {
                    Lang::Ja => format!(
                        "{} のフォルダが複数あります（{}）",
                        y.wareki(),
                        list.join("、")
                    ),
                    Lang::En => {
                        format!("fiscal year {y} has several folders ({})", list.join(", "))
                    }
                },
                Some(
                    lang.pick(
                        "1つのフォルダにまとめてください",
                        "merge them into one folder",
                    )
                    .into(),
                ),
            );
        }
    }

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
                lang.pick("推進体制（bodies）", "body"),
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

    let report = Report {
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
        | Role::Chapter(y, _) => Some(*y),
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
}

impl Resolver<'_> {
    fn err(&mut self, file: &str, line: u32, col: u32, msg: String, hint: Option<String>) {
        let mut d = Diagnostic::error(file, line, col, msg);
        d.hint = hint;
        self.diags.push(d);
    }

    fn unknown_id<'c>(
        &mut self,
        file: &str,
        line: u32,
        col: u32,
        what: &str,
        id: &str,
        candidates: impl Iterator<Item = &'c str> + Clone,
    ) {
        let lang = self.lang;
        let msg = match lang {
            Lang::Ja => format!("{what}に「{id}」というIDはありません"),
            Lang::En => format!("there is no {what} with id `{id}`"),
        };
        let all: Vec<&str> = candidates.clone().collect();
        let hint = match (nearest(id, candidates), lang) {
            (Some(n), Lang::Ja) => format!("「{n}」の誤りではありませんか"),
            (Some(n), Lang::En) => format!("did you mean `{n}`?"),
            (None, Lang::Ja) if all.len() <= 12 => format!("使えるID: {}", all.join("、")),
            (None, Lang::En) if all.len() <= 12 => format!("valid ids: {}", all.join(", ")),
            (None, Lang::Ja) => "IDの綴りを確かめてください".to_string(),
            (None, Lang::En) => "check the spelling of the id".to_string(),
        };
        self.err(file, line, col, msg, Some(hint));
    }

    fn duplicate(&mut self, file: &str, line: u32, col: u32, what: &str, id: &str) {
        let msg = match self.lang {
            Lang::Ja => format!("{what}のID「{id}」が重複しています"),
            Lang::En => format!("duplicate {what} id `{id}`"),
        };
        let hint = self.lang.pick(
            "IDは重ならないように付け直してください",
            "give each one its own id",
        );
        self.err(file, line, col, msg, Some(hint.into()));
    }

    fn plan(&mut self, id: &str, rel: &str, raw: RawPlan, config: &Config) -> Plan {
        let lang = self.lang;
        let (first, last) = raw.period.value;
        if first > last {
            let (l, c) = pos(&raw.period.referenced);
            self.err(
                rel,
                l,
                c,
                lang.pick(
                    "計画期間の始まりが終わりより後になっています",
                    "the period starts after it ends",
                )
                .into(),
                Some(
                    lang.pick(
                        "period: [2019, 2028] のように [始まり, 終わり] の順に書いてください",
                        "write period: [first, last]",
                    )
                    .into(),
                ),
            );
        }
        if let Some(s) = &raw.scale
            && !config.scales.contains_key(&s.value)
        {
            let (l, c) = pos(&s.referenced);
            self.err(
                rel,
                l,
                c,
                match lang {
                    Lang::Ja => {
                        format!("評価の尺度「{}」が book.toml に定義されていません", s.value)
                    }
                    Lang::En => format!("grade scale `{}` is not defined in book.toml", s.value),
                },
                Some(scale_hint(&config.scales, &s.value, lang)),
            );
        }
        let plan_rate = raw.rate.unwrap_or_default();
        let mut goal_ids = BTreeSet::new();
        let mut measure_ids = BTreeSet::new();
        let mut goals = Vec::new();
        for g in raw.goals {
            if !goal_ids.insert(g.id.value.0.clone()) {
                let (l, c) = pos(&g.id.referenced);
                self.duplicate(rel, l, c, lang.pick("目標", "goal"), &g.id.value.0);
            }
            let mut measures = Vec::new();
            for m in g.measures {
                if !measure_ids.insert(m.id.value.0.clone()) {
                    let (l, c) = pos(&m.id.referenced);
                    self.duplicate(rel, l, c, lang.pick("施策", "measure"), &m.id.value.0);
                }
                let indicators = m
                    .indicators
                    .into_iter()
                    .map(|i| self.indicator(rel, i, plan_rate))
                    .collect();
                measures.push(Measure {
                    id: m.id.value.0,
                    title: m.title,
                    department: m.department,
                    description: m.description,
                    indicators,
                });
            }
            goals.push(Goal {
                id: g.id.value.0,
                title: g.title,
                description: g.description,
                measures,
            });
        }
        Plan {
            id: id.to_string(),
            file: rel.to_string(),
            title: raw.title,
            short_title: raw.short_title,
            period: (first, last),
            scale: raw.scale.map(|s| s.value),
            rate: plan_rate,
            body: raw.body.map(|b| b.value),
            description: raw.description,
            goals,
        }
    }

    fn indicator(
        &mut self,
        rel: &str,
        i: RawIndicator,
        plan_rate: crate::model::RateFormula,
    ) -> Indicator {
        let lang = self.lang;
        let (l, c) = pos(&i.id.referenced);
        if let Some(p) = &i.per_year
            && i.baseline.is_none()
        {
            let (l, c) = pos(&p.referenced);
            self.err(rel, l, c, lang.pick("per_year を使うには baseline（策定時の数値）が必要です", "per_year needs a baseline").into(), Some(lang.pick("baseline: { year: 2019, value: 70.0 } のように基準の年度と値を書いてください", "add baseline: { year: …, value: … }").into()));
        }
        if let (Some(b), Some(t)) = (&i.baseline, &i.target)
            && t.year.value < b.year.value
        {
            let (tl, tc) = pos(&t.year.referenced);
            self.err(
                rel,
                tl,
                tc,
                match lang {
                    Lang::Ja => format!(
                        "目標年度（{}）が基準年度（{}）より前です",
                        t.year.value.wareki(),
                        b.year.value.wareki()
                    ),
                    Lang::En => "the target year is before the baseline year".to_string(),
                },
                None,
            );
        }
        if i.decimals.is_some_and(|d| d > 6) {
            self.err(
                rel,
                l,
                c,
                lang.pick("decimals は 0 から 6 までです", "decimals must be 0 to 6")
                    .into(),
                None,
            );
        }
        if i.rate == Some(RateFormula::Progress) && i.baseline.is_none() {
            self.err(
                rel,
                l,
                c,
                lang.pick(
                    "rate: progress には baseline（策定時の数値）が必要です",
                    "rate: progress needs a baseline",
                )
                .into(),
                None,
            );
        }
        let yv = |v: RawYearValue| YearValue {
            year: v.year.value,
            value: v.value.0,
        };
        Indicator {
            id: i.id.value.0,
            name: i.name,
            unit: i.unit,
            direction: i.direction,
            kind: i.kind,
            baseline: i.baseline.map(yv),
            target: i.target.map(yv),
            per_year: i.per_year.map(|p| p.value.0),
            rate: i.rate.unwrap_or(plan_rate),
            decimals: i.decimals,
            source: i.source,
            definition: i.definition,
        }
    }

    /// Indicator ids link actuals to plans, so they must be unique across every plan.
    fn check_indicator_ids(&mut self, plans: &[Plan]) {
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for p in plans {
            for g in &p.goals {
                for (_, i) in g.indicators() {
                    if let Some(first) = seen.insert(&i.id, &p.file) {
                        let (l, c) = locate(self.diags.source(&p.file), &format!("id: {}", i.id));
                        let msg = match self.lang {
                            Lang::Ja => format!(
                                "指標のID「{}」が重複しています（{first} にもあります）",
                                i.id
                            ),
                            Lang::En => {
                                format!("duplicate indicator id `{}` (also in {first})", i.id)
                            }
                        };
                        self.err(&p.file, l, c, msg, Some(self.lang.pick("指標のIDはすべての計画を通して重ならないように付けてください", "indicator ids must be unique across plans").into()));
                    }
                }
            }
        }
    }

    fn body(&mut self, id: &str, rel: &str, f: RawBodyFront, body: MdBody) -> Body {
        Body {
            id: id.to_string(),
            name: f.name,
            kind: f.kind,
            basis: f.basis,
            chair: f.chair,
            members: f
                .members
                .into_iter()
                .map(|m| Member {
                    role: m.role,
                    count: m.count,
                })
                .collect(),
            secretariat: f.secretariat,
            relations: f
                .relations
                .into_iter()
                .map(|r| {
                    let (l, c) = pos(&r.to.referenced);
                    self.pending_relations.push((
                        rel.to_string(),
                        l,
                        c,
                        id.to_string(),
                        r.to.value.clone(),
                        r.kind.clone(),
                    ));
                    Relation {
                        to: r.to.value,
                        kind: r.kind,
                        note: r.note,
                    }
                })
                .collect(),
            weight: f.weight,
            doc: doc(rel, None, body),
        }
    }

    fn check_relations(&mut self, bodies: &[Body]) {
        let ids: Vec<&str> = bodies.iter().map(|b| b.id.as_str()).collect();
        let mut seen = BTreeSet::new();
        for (file, l, c, from, to, kind) in std::mem::take(&mut self.pending_relations) {
            if !ids.contains(&to.as_str()) {
                self.unknown_id(
                    &file,
                    l,
                    c,
                    self.lang.pick("推進体制（bodies）", "body"),
                    &to,
                    ids.iter().copied(),
                );
            } else if to == from {
                self.err(
                    &file,
                    l,
                    c,
                    self.lang
                        .pick(
                            "自分自身への関係は書けません",
                            "a body cannot relate to itself",
                        )
                        .into(),
                    None,
                );
            } else if !seen.insert((from.clone(), to.clone(), kind.clone())) {
                let msg = match self.lang {
                    Lang::Ja => format!("「{to}」への「{kind}」の関係が2回書かれています"),
                    Lang::En => format!("relation `{kind}` to `{to}` appears twice"),
                };
                self.err(&file, l, c, msg, None);
            }
        }
    }

    fn year(
        &mut self,
        year: FiscalYear,
        dir: String,
        parts: YearParts,
        plans: &[Plan],
        bodies: &[Body],
        config: &Config,
    ) -> Year {
        let lang = self.lang;
        let (front, narrative) = match parts.index {
            Some((rel, front, body)) => {
                let d = doc(&rel, front.title.clone(), body);
                (front, d)
            }
            None => (RawYearFront::default(), Document::default()),
        };
        let scale_name = front.scale.as_ref().map(|s| s.value.clone());
        let scale_of = |plan: &Plan| -> &crate::config::Scale {
            let name = scale_name
                .as_deref()
                .or(plan.scale.as_deref())
                .unwrap_or(&config.default_scale);
            config.scale(name)
        };

        let mut actuals = Vec::new();
        if let Some((rel, raw)) = parts.actuals {
            let all: Vec<(&Plan, &Indicator)> = plans
                .iter()
                .flat_map(|p| {
                    p.goals
                        .iter()
                        .flat_map(move |g| g.indicators().map(move |(_, i)| (p, i)))
                })
                .collect();
            for (key, a) in raw {
                let (l, c) = pos(&key.referenced);
                let id = key.value.0;
                let Some((plan, _)) = all.iter().find(|(_, i)| i.id == id) else {
                    self.unknown_id(
                        &rel,
                        l,
                        c,
                        lang.pick("指標", "indicator"),
                        &id,
                        all.iter().map(|(_, i)| i.id.as_str()),
                    );
                    continue;
                };
                if let Some(g) = &a.grade {
                    self.check_grade(&rel, g, scale_of(plan));
                }
                actuals.push((
                    id,
                    Actual {
                        actual: a.actual.map(|n| n.0),
                        target: a.target.map(|n| n.0),
                        note: a.note,
                        grade: a.grade.map(|g| g.value),
                        grade_note: a.grade_note,
                        rate: a.rate.map(|n| n.0),
                    },
                ));
            }
        }

        let mut projects = Vec::new();
        if let Some((rel, raw)) = parts.projects {
            let mut names = BTreeSet::new();
            for p in raw {
                let (l, c) = pos(&p.name.referenced);
                if !names.insert(p.name.value.clone()) {
                    let msg = match lang {
                        Lang::Ja => format!("事業「{}」が2回書かれています", p.name.value),
                        Lang::En => format!("project `{}` appears twice", p.name.value),
                    };
                    self.err(&rel, l, c, msg, None);
                }
                let Some((plan, measure)) = self.find_measure(&rel, &p.measure, plans) else {
                    continue;
                };
                projects.push(Project {
                    name: p.name.value,
                    plan,
                    measure,
                    department: p.department,
                    status: p.status,
                    settled: p.settled.map(|n| n.0),
                    budget: p.budget.map(|n| n.0),
                    outcome: p.outcome.map(|o| Outcome {
                        name: o.name,
                        unit: o.unit,
                        actual: o.actual.map(|n| n.0),
                        target: o.target.map(|n| n.0),
                        direction: o.direction,
                        rate: o.rate.map(|n| n.0),
                    }),
                    note: p.note,
                });
            }
        }

        let mut evaluations: Vec<GoalEvaluation> = Vec::new();
        for (rel, stem, front, body) in parts.evaluations {
            let goal_id = front
                .goal
                .as_ref()
                .map(|g| g.value.0.clone())
                .unwrap_or(stem);
            let candidates: Vec<&Plan> = match &front.plan {
                Some(p) => match plans.iter().find(|x| x.id == p.value) {
                    Some(x) => vec![x],
                    None => {
                        let (l, c) = pos(&p.referenced);
                        self.unknown_id(
                            &rel,
                            l,
                            c,
                            lang.pick("計画", "plan"),
                            &p.value,
                            plans.iter().map(|x| x.id.as_str()),
                        );
                        continue;
                    }
                },
                None => plans
                    .iter()
                    .filter(|p| p.goal(&goal_id).is_some())
                    .collect(),
            };
            let with_goal: Vec<&Plan> = candidates
                .into_iter()
                .filter(|p| p.goal(&goal_id).is_some())
                .collect();
            let plan = match with_goal.as_slice() {
                [p] => *p,
                [] => {
                    let goals: Vec<&str> = plans
                        .iter()
                        .flat_map(|p| p.goals.iter().map(|g| g.id.as_str()))
                        .collect();
                    self.unknown_id(
                        &rel,
                        0,
                        0,
                        lang.pick("目標", "goal"),
                        &goal_id,
                        goals.into_iter(),
                    );
                    continue;
                }
                many => {
                    let names: Vec<&str> = many.iter().map(|p| p.id.as_str()).collect();
                    let msg = match lang {
                        Lang::Ja => format!(
                            "目標「{goal_id}」は複数の計画（{}）にあり、どの計画の評価か分かりません",
                            names.join("、")
                        ),
                        Lang::En => format!(
                            "goal `{goal_id}` exists in several plans ({})",
                            names.join(", ")
                        ),
                    };
                    let hint = match lang {
                        Lang::Ja => format!(
                            "前付けに「plan: {}」のように計画のIDを書いてください",
                            names[0]
                        ),
                        Lang::En => format!("add `plan: {}` to the front matter", names[0]),
                    };
                    self.err(&rel, 1, 1, msg, Some(hint));
                    continue;
                }
            };
            if let Some(g) = &front.grade {
                self.check_grade(&rel, g, scale_of(plan));
            }
            if evaluations
                .iter()
                .any(|e| e.plan == plan.id && e.goal == goal_id)
            {
                self.duplicate(
                    &rel,
                    1,
                    1,
                    lang.pick("評価", "evaluation"),
                    &format!("{}:{goal_id}", plan.id),
                );
                continue;
            }
            evaluations.push(GoalEvaluation {
                plan: plan.id.clone(),
                goal: goal_id,
                grade: front.grade.map(|g| g.value),
                outlook: front.outlook,
                doc: doc(&rel, None, body),
            });
        }

        let mut meetings = Vec::new();
        let mut numbers = BTreeSet::new();
        for (rel, slug, f, body) in parts.meetings {
            let (l, c) = pos(&f.body.referenced);
            if !bodies.iter().any(|b| b.id == f.body.value) {
                self.unknown_id(
                    &rel,
                    l,
                    c,
                    lang.pick("推進体制（bodies）", "body"),
                    &f.body.value,
                    bodies.iter().map(|b| b.id.as_str()),
                );
            }
            if let Some(n) = f.number
                && !numbers.insert((f.body.value.clone(), n))
            {
                let (l, c) = locate(self.diags.source(&rel), "number:");
                let msg = match lang {
                    Lang::Ja => format!("同じ会議の第{n}回が、この年度に2つあります"),
                    Lang::En => format!("meeting number {n} of this body appears twice this year"),
                };
                self.err(&rel, l, c, msg, None);
            }
            if f.date.value.fiscal_year() != year {
                let (l, c) = pos(&f.date.referenced);
                let msg = match lang {
                    Lang::Ja => format!(
                        "開催日 {} は {} ではありません",
                        f.date.value.wareki(),
                        year.wareki()
                    ),
                    Lang::En => format!(
                        "the date {} is not in fiscal year {year}",
                        f.date.value.iso()
                    ),
                };
                let mut d = Diagnostic::error(&rel, l, c, msg).warning();
                d.hint = Some(
                    lang.pick(
                        "開催日か、ファイルを置く年度フォルダを確かめてください",
                        "check the date or the folder",
                    )
                    .into(),
                );
                self.diags.push(d);
            }
            let materials = f
                .materials
                .into_iter()
                .filter_map(|m| {
                    let size = self.check_file_path(&rel, &m.file)?;
                    Some(Material {
                        title: m.title,
                        file: normalize_rel(&m.file.value),
                        size,
                    })
                })
                .collect();
            meetings.push(Meeting {
                slug,
                body: f.body.value,
                number: f.number,
                title: f.title,
                date: f.date.value,
                time: f.time,
                place: f.place,
                chair: f.chair,
                attendees: f.attendees,
                absent: f.absent,
                staff: f.staff,
                open: f.open,
                observers: f.observers,
                agenda: f.agenda,
                materials,
                doc: doc(&rel, None, body),
            });
        }
        // By date, then file name: two meetings on one day keep a stable order.
        meetings.sort_by(|a, b| (a.date, &a.slug).cmp(&(b.date, &b.slug)));

        let mut chapters: Vec<Chapter> = parts
            .chapters
            .into_iter()
            .map(|(rel, slug, front, body)| {
                let d = doc(&rel, front.title, body);
                Chapter {
                    title: d.title.clone().unwrap_or_else(|| slug.clone()),
                    slug,
                    weight: front.weight,
                    doc: d,
                }
            })
            .collect();
        chapters.sort_by(|a, b| (a.weight, &a.slug).cmp(&(b.weight, &b.slug)));

        Year {
            year,
            dir,
            title: front.title,
            edition: front.edition,
            published: front.published,
            scale: scale_name,
            narrative,
            actuals,
            projects,
            evaluations,
            meetings,
            chapters,
        }
    }

    fn check_grade(&mut self, rel: &str, grade: &Spanned<String>, scale: &crate::config::Scale) {
        if scale.find(&grade.value).is_none() {
            let (l, c) = pos(&grade.referenced);
            let msg = match self.lang {
                Lang::Ja => format!(
                    "評価「{}」は、この年度の尺度「{}」にありません",
                    grade.value, scale.name
                ),
                Lang::En => format!("grade `{}` is not in scale `{}`", grade.value, scale.name),
            };
            let hint = match self.lang {
                Lang::Ja => format!("使える評価: {}", scale.marks()),
                Lang::En => format!("grades of this scale: {}", scale.marks()),
            };
            self.err(rel, l, c, msg, Some(hint));
        }
    }

    /// Resolves `measure: "1-1-1"` or `"plan-id:1-1-1"` to (plan id, measure id).
    fn find_measure(
        &mut self,
        rel: &str,
        m: &Spanned<Id>,
        plans: &[Plan],
    ) -> Option<(String, String)> {
        let lang = self.lang;
        let (l, c) = pos(&m.referenced);
        let text = m.value.0.as_str();
        let (plan_part, measure_part) = match text.split_once(':') {
            Some((p, m)) => (Some(p.trim()), m.trim()),
            None => (None, text),
        };
        let all: Vec<(String, &str)> = plans
            .iter()
            .flat_map(|p| {
                p.goals.iter().flat_map(move |g| {
                    g.measures
                        .iter()
                        .map(move |m| (format!("{}:{}", p.id, m.id), p.id.as_str()))
                })
            })
            .collect();
        let hits: Vec<(&Plan, &Measure)> = plans
            .iter()
            .filter(|p| plan_part.is_none_or(|x| x == p.id))
            .flat_map(|p| {
                p.goals
                    .iter()
                    .flat_map(move |g| g.measures.iter().map(move |m| (p, m)))
            })
            .filter(|(_, m)| m.id == measure_part)
            .collect();
        match hits.as_slice() {
            [(p, m)] => Some((p.id.clone(), m.id.clone())),
            [] => {
                self.unknown_id(
                    rel,
                    l,
                    c,
                    lang.pick("施策", "measure"),
                    text,
                    all.iter().map(|(s, _)| s.as_str()),
                );
                None
            }
            many => {
                let names: Vec<String> = many
                    .iter()
                    .map(|(p, m)| format!("{}:{}", p.id, m.id))
                    .collect();
                let msg = match lang {
                    Lang::Ja => format!("施策「{text}」は複数の計画にあります"),
                    Lang::En => format!("measure `{text}` exists in several plans"),
                };
                let hint = match lang {
                    Lang::Ja => format!(
                        "「{}」のように計画のIDを付けて書いてください",
                        names.join("」「")
                    ),
                    Lang::En => format!("prefix the plan id: {}", names.join(", ")),
                };
                self.err(rel, l, c, msg, Some(hint));
                None
            }
        }
    }

    /// A material path must stay inside the project and exist; returns its size.
    fn check_file_path(&mut self, rel: &str, file: &Spanned<String>) -> Option<u64> {
        let lang = self.lang;
        let (l, c) = pos(&file.referenced);
        let p = file.value.trim();
        let leaves = p.starts_with('/')
            || p.contains(":\\")
            || p.contains("://")
            || Path::new(p)
                .components()
                .any(|c| matches!(c, std::path::Component::ParentDir));
        if leaves {
            self.err(
                rel,
                l,
                c,
                match lang {
                    Lang::Ja => format!("資料のパス「{p}」がレポートのフォルダの外を指しています"),
                    Lang::En => format!("the path `{p}` leaves the project"),
                },
                Some(
                    lang.pick(
                        "資料は assets/ に置き、assets/2023/shiryo1.pdf のように書いてください",
                        "put the file under assets/ and write assets/…",
                    )
                    .into(),
                ),
            );
            return None;
        }
        match std::fs::metadata(self.root.join(p)) {
            Ok(m) if m.is_file() => Some(m.len()),
            _ => {
                self.err(
                    rel,
                    l,
                    c,
                    match lang {
                        Lang::Ja => format!("資料のファイル「{p}」が見つかりません"),
                        Lang::En => format!("file `{p}` not found"),
                    },
                    Some(
                        lang.pick(
                            "assets/ フォルダにファイルを置き、パスの綴りを確かめてください",
                            "check the path under assets/",
                        )
                        .into(),
                    ),
                );
                None
            }
        }
    }

    fn check_glossary_marks(&mut self, report: &Report) {
        let terms: Vec<&str> = report.glossary.iter().map(|g| g.term.as_str()).collect();
        let mut texts: Vec<(&str, &str, u32)> = Vec::new();
        let docs = std::iter::once(&report.home)
            .chain(report.bodies.iter().map(|b| &b.doc))
            .chain(report.years.iter().flat_map(|y| {
                std::iter::once(&y.narrative)
                    .chain(y.evaluations.iter().map(|e| &e.doc))
                    .chain(y.meetings.iter().map(|m| &m.doc))
                    .chain(y.chapters.iter().map(|c| &c.doc))
            }));
        for d in docs {
            if !d.file.is_empty() {
                texts.push((&d.file, &d.markdown, d.body_line));
            }
        }
        // Plan files: marks in names and descriptions; lines are found in the file text.
        let plan_sources: Vec<(String, String)> = report
            .plans
            .iter()
            .filter_map(|p| {
                self.diags
                    .source(&p.file)
                    .map(|s| (p.file.clone(), s.to_string()))
            })
            .collect();
        for (file, text) in &plan_sources {
            texts.push((file, text, 1));
        }
        for (file, text, first_line) in texts {
            for m in find_marks(text, terms.iter().copied()) {
                if m.term.is_some() {
                    continue;
                }
                let before = &text[..m.start];
                let line = first_line + before.matches('\n').count() as u32;
                let col = before.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
                let msg = match self.lang {
                    Lang::Ja => format!(
                        "「{}＊」の用語が用語解説（glossary.yaml）にありません",
                        m.context
                    ),
                    Lang::En => format!("the marked term `{}＊` has no glossary entry", m.context),
                };
                let hint = match (nearest(&m.context, terms.iter().copied()), self.lang) {
                    (Some(n), Lang::Ja) => format!(
                        "「{n}」の誤りでなければ、glossary.yaml に「{}: 解説」を加えてください",
                        m.context
                    ),
                    (None, Lang::Ja) => format!(
                        "glossary.yaml に「{}: 解説」を加えるか、＊を消してください",
                        m.context
                    ),
                    (Some(n), Lang::En) => {
                        format!("did you mean `{n}`? otherwise add it to glossary.yaml")
                    }
                    (None, Lang::En) => "add the term to glossary.yaml or remove the mark".into(),
                };
                self.err(file, line, col, msg, Some(hint));
            }
        }
    }
}

fn normalize_rel(p: &str) -> String {
    p.trim().trim_start_matches("./").to_string()
}
