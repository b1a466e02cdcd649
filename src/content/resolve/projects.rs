//! Projects and the measures they serve (SPEC §5), with their money (SPEC §11): every
//! amount through the number grammar, cost parts summed, ids and measures checked.

use rust_decimal::Decimal;

use super::figures::Slot;
use super::*;
use crate::figure::Value;

/// Names and ids already seen in one projects.yaml.
#[derive(Default)]
struct Seen {
    names: BTreeSet<String>,
    ids: BTreeSet<String>,
}

impl Resolver<'_> {
    /// projects.yaml: each project under one or more measures, names and ids unique.
    pub(super) fn projects(
        &mut self,
        rel: &str,
        raw: Vec<RawProject>,
        plans: &[Plan],
    ) -> Vec<Project> {
        let mut seen = Seen::default();
        raw.into_iter()
            .filter_map(|p| self.project(rel, p, plans, &mut seen))
            .collect()
    }

    fn project(
        &mut self,
        rel: &str,
        p: RawProject,
        plans: &[Plan],
        seen: &mut Seen,
    ) -> Option<Project> {
        let lang = self.lang;
        let (l, c) = pos(&p.name.referenced);
        if !seen.names.insert(p.name.value.clone()) {
            let msg = crate::tr!(lang, content.project_twice, name = p.name.value);
            self.err(rel, l, c, msg, None);
        }
        let id = p.id.as_ref().map(|i| i.value.0.clone());
        if let Some(i) = &p.id
            && !seen.ids.insert(i.value.0.clone())
        {
            let (il, ic) = pos(&i.referenced);
            let m = &lang.text().money;
            let msg = crate::tr!(lang, money.id_twice, id = i.value.0);
            self.err(rel, il, ic, msg, Some(m.id_twice_hint.into()));
        }
        let category = self.category(rel, &p.category);
        let money = |s: &mut Self, w: &Option<RawFigure>| s.money(rel, w.as_ref());
        let initial_budget = money(self, &p.initial_budget);
        let current_budget = money(self, &p.current_budget);
        let settled = money(self, &p.settled);
        let carried = money(self, &p.carried);
        let budget = money(self, &p.budget);
        let planned_total = money(self, &p.planned_total);
        let settled_total = money(self, &p.settled_total);
        let cost = p.cost.as_ref().map(|c| self.cost(rel, c));
        let published = p
            .published
            .as_ref()
            .map(|r| self.money_rates(rel, r))
            .unwrap_or_default();
        let outcome = p.outcome.map(|o| self.outcome(rel, o));
        let homes = self.homes(
            rel,
            &p.name,
            p.measure.as_ref(),
            p.measures.as_deref(),
            plans,
        )?;
        let (plan, measure) = homes[0].clone();
        Some(Project {
            name: p.name.value,
            id,
            plan,
            measure,
            also: homes[1..].to_vec(),
            category,
            department: p.department,
            status: p.status,
            initial_budget,
            current_budget,
            settled,
            carried,
            budget,
            planned_total,
            settled_total,
            cost,
            published,
            result: p.result.map(|r| r.trim_end().to_string()),
            outcome,
            note: p.note,
            pos: Pos { line: l, column: c },
        })
    }

    fn outcome(&mut self, rel: &str, o: RawOutcome) -> Outcome {
        Outcome {
            actual: self
                .optional(rel, o.actual.as_ref(), Slot::Actual)
                .unwrap_or_default(),
            target: self
                .optional(rel, o.target.as_ref(), Slot::Target)
                .filter(|t| *t != Value::NOT_COLLECTED),
            rate: self
                .optional(rel, o.rate.as_ref(), Slot::Rate)
                .and_then(Value::number),
            name: o.name,
            unit: o.unit,
            direction: o.direction,
        }
    }

    /// An amount of money. `settled: null` is an amount not written yet, shown as —, not
    /// 未集計; a negative amount is refused (decreases are computed, never written).
    fn money(&mut self, rel: &str, w: Option<&RawFigure>) -> Option<Value> {
        let w = w?;
        let v = self
            .figure(rel, w, Slot::Money)
            .filter(|v| *v != Value::NOT_COLLECTED)?;
        if v.number().is_some_and(|n| n < Decimal::ZERO) {
            let (l, c) = pos(&w.referenced);
            self.negative(rel, l, c);
            return None;
        }
        Some(v)
    }

    fn negative(&mut self, rel: &str, l: u32, c: u32) {
        let m = &self.lang.text().money;
        let (msg, hint) = (m.negative_money.into(), m.negative_money_hint.into());
        self.err(rel, l, c, msg, Some(hint));
    }

    /// `category: [一般会計, 衛生費]`: no empty names.
    fn category(&mut self, rel: &str, raw: &[Spanned<String>]) -> Vec<String> {
        let mut out = Vec::new();
        for s in raw {
            let name = s.value.trim();
            if name.is_empty() {
                let (l, c) = pos(&s.referenced);
                let msg = self.lang.text().money.empty_category.into();
                self.err(rel, l, c, msg, None);
            } else {
                out.push(name.to_string());
            }
        }
        out
    }

    fn cost(&mut self, rel: &str, c: &RawCost) -> Cost {
        let amount = |s: &mut Self, a: &Option<Spanned<RawAmount>>| {
            a.as_ref().and_then(|a| s.amount(rel, a))
        };
        let personnel = amount(self, &c.personnel);
        let indirect = amount(self, &c.indirect);
        let specific_revenue = amount(self, &c.specific_revenue);
        let staff = amount(self, &c.staff);
        let beneficiaries = c
            .beneficiaries
            .as_ref()
            .and_then(|w| self.number(rel, w, Slot::Plain))
            .map(|n| n.value);
        if let (Some(b), Some(w)) = (beneficiaries, &c.beneficiaries)
            && b <= Decimal::ZERO
        {
            let (l, col) = pos(&w.referenced);
            let msg = self.lang.text().money.beneficiaries_zero.into();
            self.err(rel, l, col, msg, None);
        }
        Cost {
            personnel,
            indirect,
            specific_revenue,
            staff,
            beneficiaries: beneficiaries.filter(|b| *b > Decimal::ZERO),
        }
    }

    /// One number, or named parts that sum; each through the number grammar, none negative.
    fn amount(&mut self, rel: &str, a: &Spanned<RawAmount>) -> Option<Amount> {
        let one = |s: &mut Self, span: &Spanned<RawAmount>, sc: &Scalar| -> Option<Decimal> {
            let v = s.scalar(rel, span, sc, Slot::Plain, false)?.number()?;
            if v < Decimal::ZERO {
                let (l, c) = pos(&span.referenced);
                s.negative(rel, l, c);
                return None;
            }
            Some(v)
        };
        match &a.value {
            RawAmount::One(sc) => one(self, a, sc).map(|total| Amount {
                total,
                parts: Vec::new(),
            }),
            RawAmount::Parts(parts) => {
                let mut out = Vec::new();
                for (name, v) in parts {
                    let sc = v.value.clone();
                    let wrapped = Spanned {
                        value: RawAmount::One(sc.clone()),
                        referenced: v.referenced,
                        defined: v.defined,
                    };
                    out.push((name.value.clone(), one(self, &wrapped, &sc)?));
                }
                let total = out
                    .iter()
                    .try_fold(Decimal::ZERO, |t, (_, v)| t.checked_add(*v))?;
                Some(Amount { total, parts: out })
            }
            RawAmount::List => {
                let (l, c) = pos(&a.referenced);
                let m = &self.lang.text().content;
                let (msg, hint) = (m.figure_list.into(), m.figure_list_hint.into());
                self.err(rel, l, c, msg, Some(hint));
                None
            }
        }
    }

    fn money_rates(&mut self, rel: &str, r: &RawMoneyRates) -> MoneyRates {
        let rate = |s: &mut Self, w: &Option<RawFigure>| {
            w.as_ref()
                .and_then(|w| s.number(rel, w, Slot::Rate))
                .map(|n| n.value)
        };
        MoneyRates {
            execution_rate: rate(self, &r.execution_rate),
            yoy: rate(self, &r.yoy),
            share: rate(self, &r.share),
            progress: rate(self, &r.progress),
        }
    }

    /// The measures a project serves, its home first: `measure:` or `measures:`, one of them.
    fn homes(
        &mut self,
        rel: &str,
        name: &Spanned<String>,
        one: Option<&Spanned<Id>>,
        many: Option<&[Spanned<Id>]>,
        plans: &[Plan],
    ) -> Option<Vec<(String, String)>> {
        let lang = self.lang;
        let m = &lang.text().money;
        let (l, c) = pos(&name.referenced);
        let ids: Vec<&Spanned<Id>> = match (one, many) {
            (Some(_), Some(_)) => {
                let (msg, hint) = (m.both_measure_keys.into(), m.both_measure_keys_hint.into());
                self.err(rel, l, c, msg, Some(hint));
                return None;
            }
            (Some(one), None) => vec![one],
            (None, Some(many)) if !many.is_empty() => many.iter().collect(),
            _ => {
                let msg = crate::tr!(lang, money.no_measure, name = name.value);
                self.err(rel, l, c, msg, Some(m.no_measure_hint.into()));
                return None;
            }
        };
        let mut out: Vec<(String, String)> = Vec::new();
        for id in ids {
            let home = self.find_measure(rel, id, plans)?;
            if out.contains(&home) {
                let (l, c) = pos(&id.referenced);
                let msg = crate::tr!(lang, money.measure_repeated, id = id.value.0);
                self.err(rel, l, c, msg, None);
                continue;
            }
            out.push(home);
        }
        Some(out)
    }

    pub(super) fn find_measure(
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
                    Kind::Measure,
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
                let msg = crate::tr!(lang, content.measure_in_plans, id = text);
                let list = names.join(lang.text().msg.list_sep);
                let hint = crate::tr!(lang, content.measure_in_plans_hint, list = list);
                self.err(rel, l, c, msg, Some(hint));
                None
            }
        }
    }
}
