//! Root cause first: when a plan or a body file fails to load, every id it defines is
//! unknown to the files that use it, and each such use would be an error of its own (one
//! typo in a plan gave 28 to 80 errors). The ids such a file may hold are read loosely from
//! its text, so that a reference to one of them is counted, not shown; a reference to an
//! id no file holds is still a genuine error.

use std::collections::BTreeSet;

use super::Kind;
use super::{Failed, Role};

/// What failed files may define.
#[derive(Debug, Default)]
pub(super) struct Unknowable {
    /// Plan ids (file stems) of plans that failed to load.
    plans: BTreeSet<String>,
    /// Goal, measure and indicator ids written in them.
    plan_ids: BTreeSet<String>,
    /// A plan failed whose text could not be read: any plan-level id may be in it.
    plan_unreadable: bool,
    /// Body ids of bodies that failed to load.
    bodies: BTreeSet<String>,
    /// glossary.yaml failed to load: no marked term can be checked.
    pub glossary: bool,
}

impl Unknowable {
    /// The ids the failed files may hold.
    pub fn of(failed: &[Failed]) -> Unknowable {
        let mut u = Unknowable::default();
        for f in failed {
            match &f.role {
                Role::Plan(id) => {
                    u.plans.insert(id.clone());
                    match &f.text {
                        Some(t) => u.plan_ids.extend(ids_in(t)),
                        None => u.plan_unreadable = true,
                    }
                }
                Role::Body(id) => {
                    u.bodies.insert(id.clone());
                }
                Role::Glossary => u.glossary = true,
                _ => {}
            }
        }
        u
    }

    /// Whether an unknown id of this kind may be defined by a file that failed to load.
    pub fn may_hold(&self, kind: Kind, id: &str) -> bool {
        match kind {
            Kind::Body => self.bodies.contains(id),
            Kind::Plan => self.plans.contains(id),
            Kind::Indicator | Kind::Goal | Kind::Measure => {
                if self.plans.is_empty() {
                    return false;
                }
                // A measure may be written plan:measure.
                let (plan, bare) = match id.split_once(':') {
                    Some((p, m)) => (Some(p.trim()), m.trim()),
                    None => (None, id),
                };
                self.plan_unreadable
                    || plan.is_some_and(|p| self.plans.contains(p))
                    || self.plan_ids.contains(bare)
            }
        }
    }
}

/// Every value written after an `id:` key, however broken the rest of the YAML is.
fn ids_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut rest = line;
        while let Some(i) = rest.find("id:") {
            let before = rest[..i].chars().last();
            let after = &rest[i + 3..];
            if before.is_none_or(|c| c.is_whitespace() || matches!(c, '-' | '{' | ',')) {
                let value: String = after
                    .trim_start()
                    .chars()
                    .take_while(|c| !matches!(c, ',' | '}' | '#'))
                    .collect();
                let value = value.trim().trim_matches(['"', '\'']).trim();
                if !value.is_empty() {
                    out.push(value.to_string());
                }
            }
            rest = after;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_from_broken_yaml() {
        let text = "goals:\n  - id: \"1\"\n    measures:\n      - { id: 1-1, titel: x }\n        indicators:\n          - id: kanshin  # note\n    grid: 5\n";
        assert_eq!(ids_in(text), ["1", "1-1", "kanshin"]);
    }

    #[test]
    fn only_ids_a_failed_file_may_hold_are_unknowable() {
        let failed = [Failed {
            role: Role::Plan("kizuna".into()),
            text: Some("goals:\n  - id: 1\n    indicators:\n      - id: kanshin\n".into()),
        }];
        let u = Unknowable::of(&failed);
        assert!(u.may_hold(Kind::Indicator, "kanshin"));
        assert!(u.may_hold(Kind::Measure, "kizuna:3"));
        assert!(u.may_hold(Kind::Plan, "kizuna"));
        assert!(!u.may_hold(Kind::Indicator, "kansin"));
        assert!(!u.may_hold(Kind::Body, "kizuna"));
        assert!(!Unknowable::default().may_hold(Kind::Indicator, "kanshin"));
    }
}
