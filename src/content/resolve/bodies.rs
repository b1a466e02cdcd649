//! Governance bodies and the relations between them.

use super::*;

impl Resolver<'_> {
    pub(super) fn body(&mut self, id: &str, rel: &str, f: RawBodyFront, body: MdBody) -> Body {
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

    pub(super) fn check_relations(&mut self, bodies: &[Body]) {
        let ids: Vec<&str> = bodies.iter().map(|b| b.id.as_str()).collect();
        let mut seen = BTreeSet::new();
        for (file, l, c, from, to, kind) in std::mem::take(&mut self.pending_relations) {
            if !ids.contains(&to.as_str()) {
                self.unknown_id(&file, l, c, Kind::Body, &to, ids.iter().copied());
            } else if to == from {
                let msg = self.lang.text().content.relation_self.into();
                self.err(&file, l, c, msg, None);
            } else if !seen.insert((from.clone(), to.clone(), kind.clone())) {
                let msg = crate::tr!(self.lang, content.relation_twice, to = to, kind = kind);
                self.err(&file, l, c, msg, None);
            }
        }
    }
}
