//! Plans, their goals, measures and indicators, and indicator ids unique across plans.

use super::figures::{Slot, decimal};
use super::*;
use crate::figure::Number;

impl Resolver<'_> {
    pub(super) fn plan(&mut self, id: &str, rel: &str, raw: RawPlan, config: &Config) -> Plan {
        let lang = self.lang;
        let (first, last) = raw.period.value;
        self.check_plan_head(rel, &raw, config);
        let plan_rate = raw.rate.unwrap_or_default();
        let mut goal_ids = BTreeSet::new();
        let mut measure_ids = BTreeSet::new();
        let mut goals = Vec::new();
        for g in raw.goals {
            if !goal_ids.insert(g.id.value.0.clone()) {
                let (l, c) = pos(&g.id.referenced);
                self.duplicate(rel, l, c, lang.text().content.what_goal, &g.id.value.0);
            }
            let mut measures = Vec::new();
            for m in g.measures {
                if !measure_ids.insert(m.id.value.0.clone()) {
                    let (l, c) = pos(&m.id.referenced);
                    self.duplicate(rel, l, c, lang.text().content.what_measure, &m.id.value.0);
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

    /// The period runs forwards and the scale exists.
    fn check_plan_head(&mut self, rel: &str, raw: &RawPlan, config: &Config) {
        let m = &self.lang.text().content;
        let (first, last) = raw.period.value;
        if first > last {
            let (l, c) = pos(&raw.period.referenced);
            self.err(
                rel,
                l,
                c,
                m.period_order.into(),
                Some(m.period_order_hint.into()),
            );
        }
        if let Some(s) = &raw.scale {
            self.check_scale(rel, s, config);
        }
    }

    /// A `scale:` must name a scale of book.toml.
    pub(super) fn check_scale(&mut self, rel: &str, s: &Spanned<String>, config: &Config) {
        if !config.scales.contains_key(&s.value) {
            let (l, c) = pos(&s.referenced);
            let lang = self.lang;
            self.err(
                rel,
                l,
                c,
                crate::tr!(lang, content.scale_not_defined, name = s.value),
                Some(scale_hint(&config.scales, &s.value, lang)),
            );
        }
    }

    pub(super) fn indicator(
        &mut self,
        rel: &str,
        i: RawIndicator,
        plan_rate: RateFormula,
    ) -> Indicator {
        let m = &self.lang.text().content;
        let (l, c) = pos(&i.id.referenced);
        let baseline = i.baseline.as_ref().and_then(|b| {
            self.number(rel, &b.value, Slot::Baseline)
                .map(|n| YearValue {
                    year: b.year.value,
                    value: n.value,
                })
        });
        let target = i.target.as_ref().and_then(|t| self.target(rel, t));
        let milestones = self.milestones(rel, &i.milestones);
        let per_year = i
            .per_year
            .as_ref()
            .and_then(|p| self.number(rel, p, Slot::PerYear));
        let unit = i.unit.clone().unwrap_or_else(|| {
            self.err(
                rel,
                l,
                c,
                m.unit_missing.into(),
                Some(m.unit_missing_hint.into()),
            );
            String::new()
        });
        let direction = self.direction(rel, &i, target.as_ref());
        self.check_indicator(rel, &i, target.as_ref());
        Indicator {
            id: i.id.value.0,
            name: i.name,
            unit,
            direction,
            kind: i.kind,
            baseline,
            target,
            milestones,
            per_year,
            bound: i.bound,
            rate: i.rate.unwrap_or(plan_rate),
            decimals: i.decimals,
            source: i.source,
            definition: i.definition,
            from: i.from.map(fed_by),
            pos: Pos { line: l, column: c },
        }
    }

    /// `direction:` is required: a default would silently grade a lower-is-better indicator
    /// the wrong way. An increase or decrease target says it by itself.
    fn direction(&mut self, rel: &str, i: &RawIndicator, target: Option<&Target>) -> Direction {
        if let Some(d) = i.direction {
            return d;
        }
        match target.map(|t| &t.goal) {
            Some(TargetGoal::Trend {
                trend: Trend::Increase,
                ..
            }) => Direction::Up,
            Some(TargetGoal::Trend {
                trend: Trend::Decrease,
                ..
            }) => Direction::Down,
            _ => {
                let m = &self.lang.text().content;
                let (l, c) = pos(&i.id.referenced);
                self.err(
                    rel,
                    l,
                    c,
                    m.direction_missing.into(),
                    Some(m.direction_missing_hint.into()),
                );
                Direction::Up
            }
        }
    }

    /// What the rest of an indicator needs: a baseline for per_year, progress and trends,
    /// a target year after the baseline, decimals in range.
    fn check_indicator(&mut self, rel: &str, i: &RawIndicator, target: Option<&Target>) {
        let lang = self.lang;
        let m = &lang.text().content;
        let (l, c) = pos(&i.id.referenced);
        if let Some(p) = &i.per_year
            && i.baseline.is_none()
        {
            let (l, c) = pos(&p.referenced);
            let hint = Some(m.per_year_baseline_hint.into());
            self.err(rel, l, c, m.per_year_baseline.into(), hint);
        }
        if let (Some(b), Some(t)) = (&i.baseline, &i.target)
            && t.value.year.value < b.year.value
        {
            let (tl, tc) = pos(&t.value.year.referenced);
            let f = crate::format::Formatter::with(lang, crate::era::EraStyle::Wareki);
            let msg = crate::tr!(
                lang,
                content.target_before_baseline,
                target = f.year_label(t.value.year.value),
                baseline = f.year_label(b.year.value)
            );
            self.err(rel, tl, tc, msg, None);
        }
        if i.decimals.is_some_and(|d| d > 6) {
            self.err(rel, l, c, m.decimals_range.into(), None);
        }
        if i.rate == Some(RateFormula::Progress) && i.baseline.is_none() {
            self.err(rel, l, c, m.progress_baseline.into(), None);
        }
        if let Some(t) = target
            && matches!(t.goal, TargetGoal::Trend { .. })
            && i.baseline.is_none()
        {
            let hint = Some(m.trend_baseline_hint.into());
            self.err(rel, t.pos.line, t.pos.column, m.trend_baseline.into(), hint);
        }
    }

    /// 中間目標: one per year.
    fn milestones(&mut self, rel: &str, raw: &[RawMilestone]) -> Vec<Milestone> {
        let mut out: Vec<Milestone> = Vec::new();
        for r in raw {
            let Some(value) = self.figure_approx(rel, &r.value, Slot::Milestone, r.approx) else {
                continue;
            };
            if out.iter().any(|m| m.year == r.year.value) {
                let (l, c) = pos(&r.year.referenced);
                let f = crate::format::Formatter::with(self.lang, crate::era::EraStyle::Wareki);
                let msg = crate::tr!(
                    self.lang,
                    content.milestone_twice,
                    year = f.year_label(r.year.value)
                );
                self.err(rel, l, c, msg, None);
                continue;
            }
            out.push(Milestone {
                year: r.year.value,
                value,
                label: r.label.clone(),
            });
        }
        out.sort_by_key(|m| m.year);
        out
    }

    /// `target:` in one of its forms; every key that does not fit the form is named.
    fn target(&mut self, rel: &str, t: &Spanned<RawTarget>) -> Option<Target> {
        let lang = self.lang;
        let m = &lang.text().content;
        let (l, c) = pos(&t.referenced);
        let r = &t.value;
        let forms: Vec<&str> = [
            ("value", r.value.is_some() && r.reduce.is_none()),
            ("reduce", r.reduce.is_some()),
            ("trend", r.trend.is_some()),
            ("min/max", r.min.is_some() || r.max.is_some()),
        ]
        .into_iter()
        .filter_map(|(k, on)| on.then_some(k))
        .collect();
        match forms.as_slice() {
            [] => {
                let hint = Some(m.target_kind_hint.into());
                self.err(rel, l, c, m.target_kind_none.into(), hint);
                return None;
            }
            [_] => {}
            many => {
                let keys = many.join(m_sep(lang));
                let msg = crate::tr!(lang, content.target_kind_many, keys = keys);
                self.err(rel, l, c, msg, Some(m.target_kind_hint.into()));
                return None;
            }
        }
        self.target_extras(rel, r, (l, c))?;
        let goal = match forms[0] {
            "value" => TargetGoal::Value(self.figure_approx(
                rel,
                r.value.as_ref()?,
                Slot::Target,
                r.approx,
            )?),
            "reduce" => TargetGoal::Reduce(self.reduction(rel, r, (l, c))?),
            "trend" => TargetGoal::Trend {
                trend: r.trend.as_ref()?.value,
                tolerance: decimal(
                    match &r.tolerance {
                        Some(w) => Some(self.number(rel, w, Slot::Plain)?),
                        None => None,
                    }
                    .map(|n| Number {
                        value: n.value.abs(),
                        ..n
                    }),
                ),
            },
            _ => self.range(rel, r, (l, c))?,
        };
        Some(Target {
            year: r.year.value,
            goal,
            pos: Pos { line: l, column: c },
        })
    }

    /// Keys that belong to another form: `from`/`unit` without `reduce`, `tolerance`
    /// without a trend, `approx` on a trend or range.
    fn target_extras(&mut self, rel: &str, r: &RawTarget, (l, c): (u32, u32)) -> Option<()> {
        let lang = self.lang;
        let alone = |s: &mut Self, key: &str, with: &str| {
            let msg = crate::tr!(lang, content.target_key_alone, key = key, with = with);
            s.err(
                rel,
                l,
                c,
                msg,
                Some(lang.text().content.target_kind_hint.into()),
            );
        };
        let mut ok = true;
        if r.reduce.is_none() && (r.from.is_some() || r.unit.is_some()) {
            let key = if r.from.is_some() { "from" } else { "unit" };
            alone(self, key, "reduce");
            ok = false;
        }
        if r.tolerance.is_some() && r.trend.as_ref().is_none_or(|t| t.value != Trend::Maintain) {
            alone(self, "tolerance", "trend: maintain");
            ok = false;
        }
        if r.approx && (r.trend.is_some() || r.min.is_some() || r.max.is_some()) {
            let m = &lang.text().content;
            self.err(rel, l, c, m.approx_here.into(), Some(m.approx_hint.into()));
            ok = false;
        }
        ok.then_some(())
    }

    /// `{ reduce: 15, from: 2005, unit: "%" }`, with `value:` as the published target.
    fn reduction(&mut self, rel: &str, r: &RawTarget, (l, c): (u32, u32)) -> Option<Reduction> {
        let m = &self.lang.text().content;
        let Some(from) = &r.from else {
            self.err(
                rel,
                l,
                c,
                m.reduce_from.into(),
                Some(m.reduce_example.into()),
            );
            return None;
        };
        let amount = self.number(rel, r.reduce.as_ref()?, Slot::Reduce)?;
        let published = match &r.value {
            Some(v) => Some(self.number(rel, v, Slot::Target)?),
            None => None,
        };
        Some(Reduction {
            amount: Number {
                approx: amount.approx || r.approx,
                ..amount
            },
            from: from.value,
            unit: r.unit.clone().unwrap_or_else(|| "%".into()),
            published,
        })
    }

    /// `{ min: 100, max: 120 }`.
    fn range(&mut self, rel: &str, r: &RawTarget, (l, c): (u32, u32)) -> Option<TargetGoal> {
        let m = &self.lang.text().content;
        let (Some(min), Some(max)) = (&r.min, &r.max) else {
            self.err(rel, l, c, m.range_half.into(), Some(m.range_hint.into()));
            return None;
        };
        let min = self.number(rel, min, Slot::Plain);
        let max = self.number(rel, max, Slot::Plain);
        let (min, max) = (min?, max?);
        if min.value > max.value {
            self.err(rel, l, c, m.range_order.into(), Some(m.range_hint.into()));
            return None;
        }
        Some(TargetGoal::Range { min, max })
    }

    /// Indicator ids link actuals to plans, so they must be unique across every plan.
    pub(super) fn check_indicator_ids(&mut self, plans: &[Plan]) {
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for p in plans {
            for g in &p.goals {
                for (_, i) in g.indicators() {
                    if let Some(first) = seen.insert(&i.id, &p.file) {
                        let lang = self.lang;
                        let msg =
                            crate::tr!(lang, content.indicator_id_twice, id = i.id, file = first);
                        let hint = lang.text().content.indicator_id_twice_hint.into();
                        self.err(&p.file, i.pos.line, i.pos.column, msg, Some(hint));
                    }
                }
            }
        }
    }
}

/// Between the items of a list in a message.
fn m_sep(lang: Lang) -> &'static str {
    lang.text().msg.list_sep
}

/// `from: { dataset, site }` with where each was written.
fn fed_by(f: crate::content::raw_monitoring::RawFrom) -> FedBy {
    let at = |p| {
        let (line, column) = pos(p);
        Pos { line, column }
    };
    FedBy {
        pos: at(&f.dataset.referenced),
        site_pos: at(&f.site.referenced),
        dataset: f.dataset.value.0,
        site: f.site.value.0,
    }
}
