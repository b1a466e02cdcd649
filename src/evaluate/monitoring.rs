//! 環境の現況 judged once: each reading against the 環境基準 in force for its site and year
//! (適合 / 不適合, or why it is not counted), and per item and year the counts of the summary
//! sentence 「3局中3局で環境基準を達成」. Pages, charts and open data read [`MonitoringEval`].
//!
//! The rules:
//! - a number is compared as shown (rounded to the dataset's `decimals` when it sets them),
//!   limits inclusive: `max` is met at or below it (以下), `min` at or above it (以上), a
//!   range when both hold;
//! - a value below the limit of quantification (`<0.5`) lies somewhere under its limit: it
//!   meets a `max` at or above the limit, fails a `min` at or above the limit, and cannot be
//!   judged otherwise; not detected (`ND`) counts as zero for this;
//! - `meets:` given by the city wins over the rule; `judged: false` and statuses (欠測 …) are
//!   not counted, and neither is anything without a numeric standard.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use rust_decimal::Decimal;

use crate::era::FiscalYear;
use crate::figure::Status;
use crate::monitoring::{Below, Monitoring, Standard, Value};
use crate::num::round_half_up;

/// What a reading is, against its standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Judgement {
    /// 適合 (○).
    Meets,
    /// 不適合 (×).
    Fails,
    /// Printed but not assessed (`judged: false`).
    NotJudged,
    /// Below a limit that lies on the wrong side of the standard: cannot be judged.
    Undetermined,
    /// A status instead of a value (欠測 …).
    NoValue(Status),
    /// No numeric standard for the item at the site that year.
    NoStandard,
}

impl Judgement {
    /// Whether the reading counts in 「n地点中m地点」.
    pub fn counted(self) -> bool {
        matches!(self, Judgement::Meets | Judgement::Fails)
    }
}

/// A reading's judgement and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judged {
    /// The judgement.
    pub judgement: Judgement,
    /// Given by the city (`meets:`), not by the rule.
    pub given: bool,
}

/// The counts of one item in one year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemSummary {
    /// Readings that meet the standard.
    pub met: usize,
    /// Readings that do not.
    pub failed: usize,
    /// Readings not counted, by why, in a fixed order; only kinds that occur.
    pub others: Vec<(Judgement, usize)>,
    /// Whether any reading of the year had a numeric standard (else there is no sentence
    /// about attainment, only that there is no standard).
    pub has_standard: bool,
}

impl ItemSummary {
    /// Readings counted: 「{total}局中」.
    pub fn total(&self) -> usize {
        self.met + self.failed
    }
}

/// A dataset in a year: its counts and each site's judgement.
type ItemYear = (ItemSummary, IndexMap<String, Judged>);

/// Every judgement and summary, by year, dataset and site.
#[derive(Debug, Clone, Default)]
pub struct MonitoringEval {
    years: BTreeMap<FiscalYear, IndexMap<String, ItemYear>>,
}

impl MonitoringEval {
    /// The judgement of a dataset's reading at a site in a year.
    pub fn reading(&self, year: FiscalYear, dataset: &str, site: &str) -> Option<&Judged> {
        self.years.get(&year)?.get(dataset)?.1.get(site)
    }

    /// The counts of a dataset in a year, when the year has readings of it.
    pub fn summary(&self, year: FiscalYear, dataset: &str) -> Option<&ItemSummary> {
        self.years.get(&year)?.get(dataset).map(|(s, _)| s)
    }
}

/// Judges every reading of every year.
pub fn evaluate_monitoring(mon: &Monitoring) -> MonitoringEval {
    let mut out = MonitoringEval::default();
    for y in &mon.years {
        let mut items = IndexMap::new();
        for (did, readings) in &y.readings {
            let Some(ds) = mon.dataset(did) else { continue };
            let mut summary = ItemSummary::default();
            let mut others: BTreeMap<Judgement, usize> = BTreeMap::new();
            let mut judged = IndexMap::new();
            for (sid, r) in readings {
                let standard = ds.standard_for(sid, y.year);
                summary.has_standard |= standard.is_some_and(Standard::is_numeric);
                let j = judge(&r.value, ds.decimals, standard, r.meets, r.judged);
                match j {
                    Judgement::Meets => summary.met += 1,
                    Judgement::Fails => summary.failed += 1,
                    // Without a standard nothing is counted, so nothing is "besides".
                    Judgement::NoStandard => {}
                    other => *others.entry(other).or_default() += 1,
                }
                let given = r.meets.is_some() && j.counted();
                judged.insert(
                    sid.clone(),
                    Judged {
                        judgement: j,
                        given,
                    },
                );
            }
            summary.others = others.into_iter().collect();
            items.insert(did.clone(), (summary, judged));
        }
        out.years.insert(y.year, items);
    }
    out
}

/// Whether a bound holds for the value: yes, no, or cannot tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    Yes,
    No,
    Unknown,
}

/// The judgement of one value against `standard` (see the module's rules).
pub(crate) fn judge(
    value: &Value,
    decimals: Option<u32>,
    standard: Option<&Standard>,
    meets: Option<bool>,
    judged: bool,
) -> Judgement {
    if let Value::Status(s) = value {
        return Judgement::NoValue(*s);
    }
    if !judged {
        return Judgement::NotJudged;
    }
    if let Some(m) = meets {
        return if m {
            Judgement::Meets
        } else {
            Judgement::Fails
        };
    }
    let Some(std) = standard.filter(|s| s.is_numeric()) else {
        return Judgement::NoStandard;
    };
    let (upper, lower) = match value {
        Value::Number(v) => {
            let v = match decimals {
                Some(d) => round_half_up(*v, d),
                None => *v,
            };
            let yes = |b: bool| if b { Holds::Yes } else { Holds::No };
            (
                std.max.map_or(Holds::Yes, |m| yes(v <= m)),
                std.min.map_or(Holds::Yes, |m| yes(v >= m)),
            )
        }
        Value::Below(b) => below_holds(b, std),
        Value::Status(_) => return Judgement::NoStandard,
    };
    match (upper, lower) {
        (Holds::No, _) | (_, Holds::No) => Judgement::Fails,
        (Holds::Yes, Holds::Yes) => Judgement::Meets,
        _ => Judgement::Undetermined,
    }
}

/// A value somewhere below its limit (or not detected, taken as zero) against the upper
/// and the lower limit of a standard.
fn below_holds(b: &Below, std: &Standard) -> (Holds, Holds) {
    let limit = b.limit.unwrap_or(Decimal::ZERO);
    let nd = b.limit.is_none();
    let upper = match std.max {
        None => Holds::Yes,
        Some(m) if limit <= m => Holds::Yes,
        Some(_) => Holds::Unknown,
    };
    let lower = match std.min {
        None => Holds::Yes,
        // Not detected is as good as zero.
        Some(m) if nd => {
            if m <= Decimal::ZERO {
                Holds::Yes
            } else {
                Holds::No
            }
        }
        Some(m) if limit <= m => Holds::No,
        Some(_) => Holds::Unknown,
    };
    (upper, lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::monitoring::parse_value;

    fn std(min: Option<&str>, max: Option<&str>) -> Standard {
        Standard {
            min: min.map(|m| m.parse().unwrap()),
            max: max.map(|m| m.parse().unwrap()),
            text: None,
        }
    }

    fn j(v: &str, s: &Standard) -> Judgement {
        judge(&parse_value(v).unwrap(), None, Some(s), None, true)
    }

    #[test]
    fn max_min_and_range_are_inclusive() {
        let max = std(None, Some("0.06"));
        assert_eq!(j("0.060", &max), Judgement::Meets);
        assert_eq!(j("0.061", &max), Judgement::Fails);
        let min = std(Some("7.5"), None);
        assert_eq!(j("7.5", &min), Judgement::Meets);
        assert_eq!(j("7.4", &min), Judgement::Fails);
        let range = std(Some("6.5"), Some("8.5"));
        assert_eq!(j("6.5", &range), Judgement::Meets);
        assert_eq!(j("8.5", &range), Judgement::Meets);
        assert_eq!(j("8.6", &range), Judgement::Fails);
        assert_eq!(j("6.4", &range), Judgement::Fails);
    }

    #[test]
    fn a_value_is_judged_as_shown() {
        // 0.0604 shows as 0.060 with decimals 3, and the reader sees it meet 0.06.
        let max = std(None, Some("0.06"));
        let v = parse_value("0.0604").unwrap();
        assert_eq!(judge(&v, Some(3), Some(&max), None, true), Judgement::Meets);
        assert_eq!(judge(&v, None, Some(&max), None, true), Judgement::Fails);
        let v = parse_value("0.0605").unwrap();
        assert_eq!(judge(&v, Some(3), Some(&max), None, true), Judgement::Fails);
    }

    #[test]
    fn below_the_limit_and_not_detected() {
        let max = std(None, Some("1"));
        assert_eq!(j("<0.5", &max), Judgement::Meets);
        assert_eq!(j("<1", &max), Judgement::Meets);
        assert_eq!(j("<2", &max), Judgement::Undetermined);
        assert_eq!(j("ND", &max), Judgement::Meets);
        assert_eq!(j("不検出", &max), Judgement::Meets);
        let min = std(Some("2"), None);
        assert_eq!(j("<0.5", &min), Judgement::Fails);
        assert_eq!(j("<3", &min), Judgement::Undetermined);
        assert_eq!(j("ND", &min), Judgement::Fails);
        let range = std(Some("6.5"), Some("8.5"));
        assert_eq!(j("<5", &range), Judgement::Fails);
    }

    #[test]
    fn statuses_published_judgements_and_no_standard() {
        let max = std(None, Some("0.10"));
        assert_eq!(j("欠測", &max), Judgement::NoValue(Status::Missing));
        let v = parse_value("0.064").unwrap();
        assert_eq!(
            judge(&v, None, Some(&max), Some(false), true),
            Judgement::Fails
        );
        let high = parse_value("0.12").unwrap();
        assert_eq!(
            judge(&high, None, Some(&max), Some(true), true),
            Judgement::Meets
        );
        assert_eq!(
            judge(&v, None, Some(&max), None, false),
            Judgement::NotJudged
        );
        assert_eq!(judge(&v, None, None, None, true), Judgement::NoStandard);
        let wording = Standard {
            text: Some("定めなし".into()),
            ..Standard::default()
        };
        assert_eq!(
            judge(&v, None, Some(&wording), None, true),
            Judgement::NoStandard
        );
    }
}
