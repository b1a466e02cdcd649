//! 環境の現況: a year's monitoring.yaml into readings (every value read from the text the
//! editor typed, refused with the reason when it is not a number, a status or a value below
//! the limit), unknown datasets and sites named with the nearest id, sites left without a
//! value warned about; and indicators fed by a dataset checked against it.

use indexmap::IndexMap;
use serde_saphyr::Location;

use super::*;
use crate::content::raw_monitoring::*;
use crate::figure::{NumberError, Status, parse_number, scalar_in_line};
use crate::monitoring::*;
use crate::tr;

fn at(loc: &Location) -> Pos {
    let (line, column) = pos(loc);
    Pos { line, column }
}

/// The scalar at `loc` as typed in the file split into lines.
fn typed_text<'a>(lines: &[&'a str], loc: &Location) -> Option<&'a str> {
    let line = usize::try_from(loc.line()).ok()?.checked_sub(1)?;
    scalar_in_line(lines.get(line)?, loc.column(), loc.span().len())
}

/// The text of a scalar as typed: a number or a boolean from the file, a string as YAML
/// read it; none for null.
fn typed(src: &[&str], scalar: &RawScalar, loc: &Location) -> Option<String> {
    match scalar {
        RawScalar::Null => None,
        RawScalar::Text(t) => Some(t.clone()),
        RawScalar::Number | RawScalar::Bool(_) => {
            let text = typed_text(src, loc);
            Some(match (text, scalar) {
                (Some(t), _) => t.to_string(),
                (None, RawScalar::Bool(b)) => b.to_string(),
                // The span always covers the scalar; a number without one reads as nothing.
                (None, _) => String::new(),
            })
        }
    }
}

impl Resolver<'_> {
    /// A value an editor wrote: a number, a value below the limit, or a status; null is
    /// 未集計. A text that is none of these is an error at its place.
    fn value(
        &mut self,
        rel: &str,
        src: &[&str],
        scalar: &RawScalar,
        loc: &Location,
    ) -> Option<Value> {
        let Some(text) = typed(src, scalar, loc) else {
            return Some(Value::Status(Status::NotCollected));
        };
        let result = match scalar {
            RawScalar::Bool(_) => Err(NumberError::NotANumber),
            _ => parse_value(&text),
        };
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                let lang = self.lang;
                let p = at(loc);
                let hint = match e {
                    NumberError::NotANumber | NumberError::Empty => {
                        lang.text().mon.msg.value_hint.to_string()
                    }
                    ref other => other.hint(&text, lang),
                };
                self.err(rel, p.line, p.column, e.message(&text, lang), Some(hint));
                None
            }
        }
    }

    /// A standard's limit: a number as written; anything else is an error.
    pub(super) fn limit(
        &mut self,
        rel: &str,
        src: &[&str],
        raw: &Spanned<RawScalar>,
    ) -> Option<rust_decimal::Decimal> {
        let lang = self.lang;
        let text = typed(src, &raw.value, &raw.referenced)?;
        let p = at(&raw.referenced);
        match parse_number(&text) {
            Ok(v) if !matches!(raw.value, RawScalar::Bool(_)) => Some(v),
            Ok(_) | Err(NumberError::NotANumber) | Err(NumberError::Empty) => {
                let m = &lang.text().mon.msg;
                self.err(
                    rel,
                    p.line,
                    p.column,
                    m.limit_not_number.into(),
                    Some(m.limit_hint.into()),
                );
                None
            }
            Err(e) => {
                let hint = e.hint(&text, lang);
                self.err(rel, p.line, p.column, e.message(&text, lang), Some(hint));
                None
            }
        }
    }

    /// One reading: the value, and what the city said about it.
    fn reading(&mut self, rel: &str, src: &[&str], raw: &Spanned<RawReading>) -> Option<Reading> {
        let lang = self.lang;
        let p = at(&raw.referenced);
        let m = match &raw.value {
            RawReading::Scalar(s) => {
                let value = self.value(rel, src, s, &raw.referenced)?;
                return Some(Reading {
                    value,
                    meets: None,
                    judged: true,
                    note: None,
                    pos: p,
                });
            }
            RawReading::Map(m) => m,
        };
        let value = match &m.value {
            Some(v) => self.value(rel, src, &v.value, &v.referenced)?,
            None => Value::Status(Status::NotCollected),
        };
        let judged = m.judged.as_ref().is_none_or(|j| j.value);
        if let Some(meets) = &m.meets {
            let mp = at(&meets.referenced);
            let msg = &lang.text().mon.msg;
            if !judged {
                let hint = msg.meets_and_not_judged_hint.to_string();
                self.err(
                    rel,
                    mp.line,
                    mp.column,
                    msg.meets_and_not_judged.into(),
                    Some(hint),
                );
                return None;
            }
            if let Value::Status(s) = value {
                let m = tr!(
                    lang,
                    mon.msg.meets_without_value,
                    value = s.default_symbol()
                );
                let hint = msg.meets_without_value_hint.to_string();
                self.err(rel, mp.line, mp.column, m, Some(hint));
                return None;
            }
        }
        Some(Reading {
            value,
            meets: m.meets.as_ref().map(|x| x.value),
            judged,
            note: m
                .note
                .as_ref()
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty()),
            pos: p,
        })
    }

    /// content/<year>/monitoring.yaml.
    pub(super) fn monitoring_year(
        &mut self,
        year: FiscalYear,
        rel: &str,
        raw: RawMonitoringYear,
        mon: &Monitoring,
    ) -> MonitoringYear {
        let lang = self.lang;
        let text = self.diags.source(rel).unwrap_or_default().to_string();
        // Split once: each value's text is then read from its own line.
        let src: Vec<&str> = text.split('\n').collect();
        let mut readings = IndexMap::new();
        for (key, entries) in raw {
            let kp = at(&key.referenced);
            let id = key.value.0;
            let Some(ds) = mon.dataset(&id) else {
                let m = tr!(lang, mon.msg.unknown_dataset, id = id);
                let hint = self.id_hint(&id, mon.datasets.iter().map(|d| d.id.as_str()), true);
                self.err(rel, kp.line, kp.column, m, Some(hint));
                continue;
            };
            let mut values = IndexMap::new();
            let mut seen = BTreeSet::new();
            // The number before an entry on the same line: `{ a: 1,234 }` splits there.
            let mut before: Option<(String, u64)> = None;
            for (skey, r) in entries.unwrap_or_default() {
                let sid = skey.value.0.clone();
                seen.insert(sid.clone());
                let number = match &r.value {
                    RawReading::Scalar(RawScalar::Number) => {
                        typed(&src, &RawScalar::Number, &r.referenced)
                            .map(|t| (t, r.referenced.line()))
                    }
                    _ => None,
                };
                if ds.site(&sid).is_none() {
                    self.unknown_site(rel, &src, &skey, before.take(), ds, mon);
                    before = number;
                    continue;
                }
                before = number;
                if let Some(reading) = self.reading(rel, &src, &r) {
                    values.insert(sid, reading);
                }
            }
            for s in ds.sites.iter().filter(|s| s.measured_in(year)) {
                if !seen.contains(&s.site) {
                    let m = tr!(
                        lang,
                        mon.msg.site_missing,
                        year = year.label(Default::default()),
                        dataset = ds.id,
                        site = s.site
                    );
                    let hint = tr!(lang, mon.msg.site_missing_hint, site = s.site);
                    let d = Diagnostic::error(rel, kp.line, kp.column, m)
                        .with_hint(hint)
                        .warning();
                    self.diags.push(d);
                }
            }
            readings.insert(id, values);
        }
        MonitoringYear {
            year,
            file: rel.to_string(),
            readings,
        }
    }

    /// A site a dataset does not list: a number split by a comma, a site of another
    /// dataset, or a typo.
    fn unknown_site(
        &mut self,
        rel: &str,
        src: &[&str],
        key: &Spanned<Id>,
        before: Option<(String, u64)>,
        ds: &Dataset,
        mon: &Monitoring,
    ) {
        let lang = self.lang;
        let p = at(&key.referenced);
        let loc = &key.referenced;
        let key_text = typed_text(src, loc).unwrap_or(&key.value.0).to_string();
        if let Some((b, line)) = before
            && line == loc.line()
            && !key_text.is_empty()
            && key_text.chars().all(|c| c.is_ascii_digit())
        {
            let m = tr!(lang, mon.msg.split_number, before = b, after = key_text);
            let hint = tr!(
                lang,
                mon.msg.split_number_hint,
                before = b,
                after = key_text,
                joined = format!("{b}{key_text}")
            );
            self.err(rel, p.line, p.column, m, Some(hint));
            return;
        }
        let id = &key.value.0;
        let m = tr!(lang, mon.msg.unknown_site, dataset = ds.id, id = id);
        let elsewhere = mon
            .datasets
            .iter()
            .find(|d| d.site(id).is_some())
            .map(|other| {
                tr!(
                    lang,
                    mon.msg.site_elsewhere,
                    id = id,
                    dataset = ds.id,
                    other = other.id
                )
            });
        let hint = elsewhere
            .unwrap_or_else(|| self.id_hint(id, ds.sites.iter().map(|s| s.site.as_str()), false));
        self.err(rel, p.line, p.column, m, Some(hint));
    }

    /// 「…の誤りではありませんか」 for the nearest id, else the ids there are.
    fn id_hint<'c>(
        &self,
        id: &str,
        ids: impl Iterator<Item = &'c str> + Clone,
        datasets: bool,
    ) -> String {
        let lang = self.lang;
        if let Some(n) = nearest(id, ids.clone()) {
            return tr!(lang, msg.did_you_mean, name = n);
        }
        let all: Vec<&str> = ids.collect();
        if all.is_empty() && datasets {
            return lang.text().mon.msg.no_datasets.to_string();
        }
        let list = all.join(lang.text().msg.list_sep);
        if datasets {
            tr!(lang, mon.msg.datasets_are, list = list)
        } else {
            tr!(lang, mon.msg.sites_are, list = list)
        }
    }

    /// Indicators with `from:` name a dataset and one of its sites, and no year gives
    /// them an actual by hand.
    pub(super) fn check_fed_indicators(
        &mut self,
        plans: &[Plan],
        mon: &Monitoring,
        years: &[Year],
    ) {
        let lang = self.lang;
        for p in plans {
            for (_, ind) in p.goals.iter().flat_map(|g| g.indicators()) {
                let Some(from) = &ind.from else { continue };
                let at = from.pos;
                let Some(ds) = mon.dataset(&from.dataset) else {
                    let m = tr!(lang, mon.msg.unknown_dataset, id = from.dataset);
                    let hint = self.id_hint(
                        &from.dataset,
                        mon.datasets.iter().map(|d| d.id.as_str()),
                        true,
                    );
                    self.err(&p.file, at.line, at.column, m, Some(hint));
                    continue;
                };
                if ds.site(&from.site).is_none() {
                    let (l, c) = (from.site_pos.line, from.site_pos.column);
                    let m = tr!(lang, mon.msg.unknown_site, dataset = ds.id, id = from.site);
                    let hint =
                        self.id_hint(&from.site, ds.sites.iter().map(|s| s.site.as_str()), false);
                    self.err(&p.file, l, c, m, Some(hint));
                }
                for y in years {
                    if let Some(a) = y.actual(&ind.id)
                        && a.actual != crate::figure::Value::NOT_COLLECTED
                    {
                        let file = y.actuals_file.clone().unwrap_or_default();
                        let m = tr!(lang, mon.msg.from_with_actual, id = ind.id, dataset = ds.id);
                        let hint = lang.text().mon.msg.from_with_actual_hint.to_string();
                        self.err(&file, a.pos.line, a.pos.column, m, Some(hint));
                    }
                }
            }
        }
    }
}
