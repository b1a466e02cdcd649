//! A fiscal year: its narrative, actuals, projects, evaluations, meetings and chapters.

use std::collections::HashMap;

use super::figures::Slot;
use super::*;
use crate::figure::Value;

/// The grade scale in force for a plan in one year: the year's, else the plan's, else the
/// report's default.
struct YearScale<'a> {
    name: Option<String>,
    config: &'a Config,
}

impl YearScale<'_> {
    fn of(&self, plan: &Plan) -> &crate::config::Scale {
        let name = self
            .name
            .as_deref()
            .or(plan.scale.as_deref())
            .unwrap_or(&self.config.default_scale);
        self.config.scale(name)
    }
}

impl Resolver<'_> {
    pub(super) fn year(
        &mut self,
        year: FiscalYear,
        dir: String,
        parts: YearParts,
        plans: &[Plan],
        bodies: &[Body],
        config: &Config,
    ) -> Year {
        let (front, narrative) = match parts.index {
            Some((rel, front, body)) => {
                let d = doc(&rel, front.title.clone(), body);
                (front, d)
            }
            None => (RawYearFront::default(), Document::default()),
        };
        let scales = YearScale {
            name: front.scale.as_ref().map(|s| s.value.clone()),
            config,
        };
        let actuals_file = parts.actuals.as_ref().map(|(rel, _)| rel.clone());
        let projects_file = parts.projects.as_ref().map(|(rel, _)| rel.clone());
        let actuals = match parts.actuals {
            Some((rel, raw)) => self.actuals(&rel, raw, plans, &scales),
            None => Vec::new(),
        };
        let projects = match parts.projects {
            Some((rel, raw)) => self.projects(&rel, raw, plans),
            None => Vec::new(),
        };
        let evaluations = self.evaluations(parts.evaluations, plans, &scales);
        let meetings = self.meetings(year, parts.meetings, bodies);
        let chapters = chapters(parts.chapters);
        Year {
            year,
            dir,
            title: front.title,
            edition: front.edition,
            published: front.published,
            scale: scales.name,
            narrative,
            draft: front.draft,
            actuals,
            actuals_file,
            projects,
            projects_file,
            evaluations,
            meetings,
            chapters,
        }
    }

    /// actuals.yaml: each entry keyed by an indicator of some plan.
    fn actuals(
        &mut self,
        rel: &str,
        raw: RawActuals,
        plans: &[Plan],
        scales: &YearScale<'_>,
    ) -> Vec<(String, Actual)> {
        let rel = rel.to_string();
        let mut actuals = Vec::new();

        let all: Vec<(&Plan, &Indicator)> = plans
            .iter()
            .flat_map(|p| {
                p.goals
                    .iter()
                    .flat_map(move |g| g.indicators().map(move |(_, i)| (p, i)))
            })
            .collect();
        // By id, the first plan that has it (a duplicate id is an error of its own): a
        // year of 20,000 figures must not search the plans once per figure.
        let mut by_id: HashMap<&str, &Plan> = HashMap::with_capacity(all.len());
        for (p, i) in &all {
            by_id.entry(i.id.as_str()).or_insert(p);
        }
        for (key, a) in raw {
            let (l, c) = pos(&key.referenced);
            let id = key.value.0;
            let Some(plan) = by_id.get(id.as_str()).copied() else {
                self.unknown_id(
                    &rel,
                    l,
                    c,
                    Kind::Indicator,
                    &id,
                    all.iter().map(|(_, i)| i.id.as_str()),
                );
                continue;
            };
            if let Some(g) = &a.grade {
                self.check_grade(&rel, g, scales.of(plan));
            }
            let actual = self.optional(&rel, a.actual.as_ref(), Slot::Actual);
            let target = self.optional(&rel, a.target.as_ref(), Slot::Target);
            let rate = self.optional(&rel, a.rate.as_ref(), Slot::Rate);
            actuals.push((
                id,
                Actual {
                    actual: actual.unwrap_or_default(),
                    // `target: null` says nothing about the year's target.
                    target: target.filter(|t| *t != Value::NOT_COLLECTED),
                    note: a.note,
                    grade: a.grade.map(|g| g.value),
                    grade_note: a.grade_note,
                    rate: rate.and_then(Value::number),
                    pos: Pos { line: l, column: c },
                },
            ));
        }
        actuals
    }

    /// A figure that may be left out.
    pub(super) fn optional(
        &mut self,
        rel: &str,
        w: Option<&RawFigure>,
        slot: Slot,
    ) -> Option<Value> {
        w.and_then(|w| self.figure(rel, w, slot))
    }

    /// evaluations/*.md: each names a goal (by file name or front matter) of one plan.
    fn evaluations(
        &mut self,
        files: Vec<(String, String, RawEvaluationFront, MdBody)>,
        plans: &[Plan],
        scales: &YearScale<'_>,
    ) -> Vec<GoalEvaluation> {
        let lang = self.lang;
        let mut evaluations: Vec<GoalEvaluation> = Vec::new();
        for (rel, stem, front, body) in files {
            let goal_id = front
                .goal
                .as_ref()
                .map(|g| g.value.0.clone())
                .unwrap_or(stem);
            let Some(plan) = self.evaluation_plan(&rel, &goal_id, &front, plans) else {
                continue;
            };
            if let Some(g) = &front.grade {
                self.check_grade(&rel, g, scales.of(plan));
            }
            let reviews = self.reviews(&rel, front.reviews.as_ref(), scales.of(plan));
            if evaluations
                .iter()
                .any(|e| e.plan == plan.id && e.goal == goal_id)
            {
                self.duplicate(
                    &rel,
                    1,
                    1,
                    lang.text().content.what_evaluation,
                    &format!("{}:{goal_id}", plan.id),
                );
                continue;
            }
            evaluations.push(GoalEvaluation {
                plan: plan.id.clone(),
                goal: goal_id,
                // The last layer's grade is the goal's unless `grade:` says otherwise.
                grade: front
                    .grade
                    .map(|g| g.value)
                    .or_else(|| reviews.iter().rev().find_map(|r| r.grade.clone())),
                outlook: front.outlook,
                reviews,
                doc: doc(&rel, None, body),
            });
        }
        evaluations
    }

    /// `reviews:`: each layer's grade a mark of the scale; an empty list is a mistake.
    fn reviews(
        &mut self,
        rel: &str,
        raw: Option<&Spanned<Vec<RawReview>>>,
        scale: &crate::config::Scale,
    ) -> Vec<Review> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        if raw.value.is_empty() {
            let (l, c) = pos(&raw.referenced);
            let msg = self.lang.text().money.reviews_empty.into();
            self.err(rel, l, c, msg, None);
        }
        let mut out = Vec::new();
        for r in &raw.value {
            if let Some(g) = &r.grade {
                self.check_grade(rel, g, scale);
            }
            out.push(Review {
                by: r.by.clone(),
                grade: r.grade.as_ref().map(|g| g.value.clone()),
                comment: r.comment.clone(),
            });
        }
        out
    }

    /// The plan whose goal an evaluation is of: named in front matter, else the one plan
    /// that has the goal.
    fn evaluation_plan<'p>(
        &mut self,
        rel: &str,
        goal_id: &str,
        front: &RawEvaluationFront,
        plans: &'p [Plan],
    ) -> Option<&'p Plan> {
        let lang = self.lang;
        let candidates: Vec<&Plan> = match &front.plan {
            Some(p) => match plans.iter().find(|x| x.id == p.value) {
                Some(x) => vec![x],
                None => {
                    let (l, c) = pos(&p.referenced);
                    self.unknown_id(
                        rel,
                        l,
                        c,
                        Kind::Plan,
                        &p.value,
                        plans.iter().map(|x| x.id.as_str()),
                    );
                    return None;
                }
            },
            None => plans.iter().filter(|p| p.goal(goal_id).is_some()).collect(),
        };
        let with_goal: Vec<&Plan> = candidates
            .into_iter()
            .filter(|p| p.goal(goal_id).is_some())
            .collect();
        match with_goal.as_slice() {
            [p] => Some(*p),
            [] => {
                let goals: Vec<&str> = plans
                    .iter()
                    .flat_map(|p| p.goals.iter().map(|g| g.id.as_str()))
                    .collect();
                let (l, c) = front.goal.as_ref().map_or((0, 0), |g| pos(&g.referenced));
                self.unknown_id(rel, l, c, Kind::Goal, goal_id, goals.into_iter());
                None
            }
            many => {
                let names: Vec<&str> = many.iter().map(|p| p.id.as_str()).collect();
                let msg = crate::tr!(
                    lang,
                    content.goal_in_plans,
                    goal = goal_id,
                    plans = names.join(lang.text().msg.list_sep)
                );
                let hint = crate::tr!(lang, content.goal_in_plans_hint, plan = names[0]);
                self.err(rel, 1, 1, msg, Some(hint));
                None
            }
        }
    }

    /// meetings/*.md: each of a known body, dated within the year, numbers unique per body.
    fn meetings(
        &mut self,
        year: FiscalYear,
        files: Vec<(String, String, RawMeetingFront, MdBody)>,
        bodies: &[Body],
    ) -> Vec<Meeting> {
        let lang = self.lang;
        let mut meetings = Vec::new();
        let mut numbers = BTreeSet::new();
        for (rel, slug, f, body) in files {
            let (l, c) = pos(&f.body.referenced);
            if !bodies.iter().any(|b| b.id == f.body.value) {
                self.unknown_id(
                    &rel,
                    l,
                    c,
                    Kind::Body,
                    &f.body.value,
                    bodies.iter().map(|b| b.id.as_str()),
                );
            }
            if let Some(n) = f.number
                && !numbers.insert((f.body.value.clone(), n))
            {
                let (l, c) = locate(self.diags.source(&rel), "number:");
                let msg = crate::tr!(lang, content.meeting_number_twice, n = n);
                self.err(&rel, l, c, msg, None);
            }
            if f.date.value.fiscal_year() != year {
                let (l, c) = pos(&f.date.referenced);
                let cal = crate::era::Calendar::new(crate::era::EraStyle::Wareki, lang);
                let msg = crate::tr!(
                    lang,
                    content.meeting_date_year,
                    date = cal.date(f.date.value),
                    year = cal.year_label(year)
                );
                let hint = lang.text().content.meeting_date_year_hint;
                self.diags
                    .push(Diagnostic::error(&rel, l, c, msg).with_hint(hint).warning());
            }
            let meeting = self.meeting(&rel, slug, f, body);
            meetings.push(meeting);
        }
        // By date, then file name: two meetings on one day keep a stable order.
        meetings.sort_by(|a, b| (a.date, &a.slug).cmp(&(b.date, &b.slug)));
        meetings
    }

    /// A meeting with its materials checked.
    fn meeting(&mut self, rel: &str, slug: String, f: RawMeetingFront, body: MdBody) -> Meeting {
        let materials = f
            .materials
            .into_iter()
            .filter_map(|m| {
                let size = self.check_file_path(rel, &m.file)?;
                Some(Material {
                    title: m.title,
                    file: normalize_rel(&m.file.value),
                    size,
                })
            })
            .collect();
        Meeting {
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
            doc: doc(rel, None, body),
        }
    }

    pub(super) fn check_grade(
        &mut self,
        rel: &str,
        grade: &Spanned<String>,
        scale: &crate::config::Scale,
    ) {
        if scale.find(&grade.value).is_none() {
            let lang = self.lang;
            let (l, c) = pos(&grade.referenced);
            let msg = crate::tr!(
                lang,
                content.grade_not_in_scale,
                grade = grade.value,
                scale = scale.name
            );
            let hint = crate::tr!(lang, content.grade_not_in_scale_hint, marks = scale.marks());
            self.err(rel, l, c, msg, Some(hint));
        }
    }
}

/// Further chapters, by weight then file name.
fn chapters(files: Vec<(String, String, RawChapterFront, MdBody)>) -> Vec<Chapter> {
    let mut chapters: Vec<Chapter> = files
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
    chapters
}

/// An edited actuals.yaml read again on its own (what `serve` does on a save): the year's
/// actuals exactly as a full load resolves them, or `None` when the text has any problem,
/// even a warning, or gives an actual to an indicator a dataset feeds. A full load then
/// reports it.
pub fn reread_actuals(
    report: &Report,
    year: usize,
    rel: &str,
    text: &str,
) -> Option<Vec<(String, Actual)>> {
    let lang = report.config.lang;
    let y = report.years.get(year)?;
    let raw: RawActuals = super::super::yaml::parse_yaml(text, rel, 0, lang).ok()?;
    let mut diags = Diagnostics::default();
    diags.add_source(rel, text);
    let mut r = Resolver {
        root: Path::new(""),
        lang,
        diags: &mut diags,
        pending_relations: Vec::new(),
        unknowable: super::unknowable::Unknowable::default(),
    };
    let scales = YearScale {
        name: y.scale.clone(),
        config: &report.config,
    };
    let actuals = r.actuals(rel, raw, &report.plans, &scales);
    let fed = |id: &str| {
        report.plans.iter().any(|p| {
            p.goals
                .iter()
                .flat_map(|g| g.indicators())
                .any(|(_, i)| i.id == id && i.from.is_some())
        })
    };
    let clean = diags.is_empty()
        && actuals
            .iter()
            .all(|(id, a)| a.actual == Value::NOT_COLLECTED || !fed(id));
    clean.then_some(actuals)
}
