//! Plans, their goals, measures and indicators, and indicator ids unique across plans.

use super::*;

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

    /// The period runs forwards and the scale exists.
    fn check_plan_head(&mut self, rel: &str, raw: &RawPlan, config: &Config) {
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
    }

    pub(super) fn indicator(
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
            from: i.from.map(fed_by),
            pos: Pos { line: l, column: c },
        }
    }

    /// Indicator ids link actuals to plans, so they must be unique across every plan.
    pub(super) fn check_indicator_ids(&mut self, plans: &[Plan]) {
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
