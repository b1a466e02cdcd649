//! Projects and the measures they serve.

use super::*;

impl Resolver<'_> {
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
