//! 環境の現況: dataset files into datasets, their groups and one list of sites (a site shared
//! by several datasets is described once, or the same way everywhere), standards checked
//! (a lower limit above the upper is refused). Year files are in `monitoring_values`.

use serde_saphyr::Location;

use super::*;
use crate::content::raw_monitoring::*;
use crate::monitoring::*;
use crate::tr;

/// Group names nenpo gives an id itself, in the order reports print them.
const GROUP_IDS: &[(&str, &[&str])] = &[
    ("air", &["大気", "大気環境", "大気汚染", "大気質"]),
    ("hazardous-air", &["有害大気汚染物質"]),
    (
        "water",
        &[
            "水質",
            "水環境",
            "水質汚濁",
            "河川",
            "河川水質",
            "公共用水域",
        ],
    ),
    ("groundwater", &["地下水", "地下水質"]),
    (
        "noise",
        &[
            "騒音",
            "道路交通騒音",
            "自動車騒音",
            "環境騒音",
            "騒音・振動",
        ],
    ),
    ("vibration", &["振動", "道路交通振動"]),
    ("dioxins", &["ダイオキシン類", "ダイオキシン"]),
    ("soil", &["土壌"]),
    ("odor", &["悪臭"]),
    ("radiation", &["放射線", "空間放射線量", "放射線量"]),
    ("acid-rain", &["酸性雨"]),
];

/// The id of a group named `name`: from the table, or the name itself when it is ASCII
/// (`Air quality` → `air-quality`).
fn group_id(name: &str) -> Option<String> {
    if let Some((id, _)) = GROUP_IDS.iter().find(|(_, names)| names.contains(&name)) {
        return Some((*id).to_string());
    }
    let slug: String = name
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '_' { '-' } else { c })
        .collect();
    valid_group_id(&slug).then_some(slug)
}

fn valid_group_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Where a group comes in the built-in order (unknown groups after the known ones).
fn group_rank(id: &str) -> usize {
    GROUP_IDS
        .iter()
        .position(|(g, _)| *g == id)
        .unwrap_or(GROUP_IDS.len())
}

fn at(loc: &Location) -> Pos {
    let (line, column) = pos(loc);
    Pos { line, column }
}

/// Sites as datasets describe them: the first description of each, where it was written.
#[derive(Default)]
pub(super) struct SiteBook {
    /// Site, file and place of its first full description (name may still be missing).
    entries: Vec<(Site, String, Pos, bool)>,
    /// Sites named only by id: file and place of the first mention.
    mentions: Vec<(String, String, Pos)>,
}

impl SiteBook {
    fn get(&self, id: &str) -> Option<&(Site, String, Pos, bool)> {
        self.entries.iter().find(|(s, ..)| s.id == id)
    }
}

impl Resolver<'_> {
    /// Datasets, groups and sites from content/monitoring/, and the years' values.
    pub(super) fn monitoring(
        &mut self,
        files: Vec<(String, String, RawDataset)>,
        years: Vec<(FiscalYear, String, RawMonitoringYear)>,
    ) -> Monitoring {
        let mut book = SiteBook::default();
        let mut groups: Vec<(Group, String, Pos)> = Vec::new();
        let mut datasets = Vec::new();
        for (id, rel, raw) in files {
            datasets.push(self.dataset(id, &rel, raw, &mut book, &mut groups));
        }
        let sites = self.sites(book);
        let mut groups: Vec<Group> = groups.into_iter().map(|(g, ..)| g).collect();
        // Groups by their datasets' smallest weight, then the usual order of reports.
        let min_weight = |g: &Group| {
            datasets
                .iter()
                .filter(|d: &&Dataset| d.group == g.id)
                .map(|d| d.weight)
                .min()
                .unwrap_or(0)
        };
        groups.sort_by_key(|g| (min_weight(g), group_rank(&g.id), g.id.clone()));
        let rank = |d: &Dataset| groups.iter().position(|g| g.id == d.group);
        datasets.sort_by(|a, b| (rank(a), a.weight, &a.id).cmp(&(rank(b), b.weight, &b.id)));
        let mut out = Monitoring {
            groups,
            datasets,
            sites,
            years: Vec::new(),
        };
        for (year, rel, raw) in years {
            let y = self.monitoring_year(year, &rel, raw, &out);
            out.years.push(y);
        }
        out.years.sort_by_key(|y| y.year);
        out
    }

    /// One dataset file.
    fn dataset(
        &mut self,
        id: String,
        rel: &str,
        raw: RawDataset,
        book: &mut SiteBook,
        groups: &mut Vec<(Group, String, Pos)>,
    ) -> Dataset {
        let lang = self.lang;
        let text = self.diags.source(rel).unwrap_or_default().to_string();
        let src: Vec<&str> = text.split('\n').collect();
        let title_at = at(&raw.title.referenced);
        let group = self
            .group(rel, &raw.group, groups)
            .unwrap_or_else(|| id.clone());
        if raw.unit.is_none() {
            let m = &lang.text().mon.msg;
            self.err(
                rel,
                title_at.line,
                title_at.column,
                m.unit_missing.into(),
                Some(m.unit_missing_hint.into()),
            );
        }
        if let Some(d) = &raw.decimals
            && d.value > 6
        {
            let p = at(&d.referenced);
            let m = lang.text().mon.msg.decimals_range;
            self.err(rel, p.line, p.column, m.into(), None);
        }
        let counter = match &raw.counter {
            None => Counter::default(),
            Some(c) => Counter::from_word(&c.value).unwrap_or_else(|| {
                let p = at(&c.referenced);
                let m = tr!(lang, mon.msg.counter_unknown, value = c.value);
                let hint = lang.text().mon.msg.counter_hint.to_string();
                self.err(rel, p.line, p.column, m, Some(hint));
                Counter::default()
            }),
        };
        let standard = raw
            .standard
            .map(|s| self.standards(rel, &src, s))
            .unwrap_or_default();
        if raw.sites.is_empty() {
            let m = &lang.text().mon.msg;
            let d = Diagnostic::error(rel, title_at.line, title_at.column, m.no_sites)
                .with_hint(m.no_sites_hint)
                .warning();
            self.diags.push(d);
        }
        let mut sites: Vec<DatasetSite> = Vec::new();
        for s in raw.sites {
            let site = self.dataset_site(rel, &src, s, book);
            if sites.iter().any(|x| x.site == site.site) {
                let m = tr!(lang, mon.msg.site_twice, id = site.site);
                self.err(rel, site.pos.line, site.pos.column, m, None);
                continue;
            }
            sites.push(site);
        }
        Dataset {
            id,
            file: rel.to_string(),
            title: raw.title.value.trim().to_string(),
            group,
            unit: raw.unit.unwrap_or_default(),
            statistic: raw.statistic,
            decimals: raw.decimals.map(|d| d.value.min(6)),
            standard,
            counter,
            weight: raw.weight,
            note: raw.note,
            sites,
            pos: title_at,
        }
    }

    /// The group a dataset belongs to; its id, or none after reporting why there is none.
    fn group(
        &mut self,
        rel: &str,
        raw: &Spanned<RawGroup>,
        groups: &mut Vec<(Group, String, Pos)>,
    ) -> Option<String> {
        let lang = self.lang;
        let p = at(&raw.referenced);
        let group = match &raw.value {
            RawGroup::Name(name) => match group_id(name) {
                Some(id) => Group {
                    id,
                    name: name.clone(),
                },
                None => {
                    let m = tr!(lang, mon.msg.group_no_id, name = name);
                    let hint = tr!(lang, mon.msg.group_no_id_hint, name = name);
                    self.err(rel, p.line, p.column, m, Some(hint));
                    return None;
                }
            },
            RawGroup::Full { id, name } => {
                if !valid_group_id(id) {
                    let m = tr!(lang, mon.msg.group_bad_id, id = id);
                    self.err(rel, p.line, p.column, m, None);
                    return None;
                }
                Group {
                    id: id.clone(),
                    name: name.clone(),
                }
            }
        };
        match groups.iter().find(|(g, ..)| g.id == group.id) {
            Some((g, first, _)) if g.name != group.name => {
                let m = tr!(
                    lang,
                    mon.msg.group_two_names,
                    id = group.id,
                    a = g.name,
                    b = group.name
                );
                let hint = format!("{first}: {}", lang.text().mon.msg.group_two_names_hint);
                self.err(rel, p.line, p.column, m, Some(hint));
            }
            Some(_) => {}
            None => groups.push((group.clone(), rel.to_string(), p)),
        }
        Some(group.id)
    }

    /// A site as a dataset lists it; a full description goes into the book.
    fn dataset_site(
        &mut self,
        rel: &str,
        src: &[&str],
        raw: Spanned<RawSiteRef>,
        book: &mut SiteBook,
    ) -> DatasetSite {
        let p = at(&raw.referenced);
        match raw.value {
            RawSiteRef::Id(id) => {
                if !book.mentions.iter().any(|(m, ..)| *m == id) {
                    book.mentions.push((id.clone(), rel.to_string(), p));
                }
                DatasetSite {
                    site: id,
                    standard: None,
                    from: None,
                    until: None,
                    pos: p,
                }
            }
            RawSiteRef::Full(s) => {
                let s = *s;
                let p = at(&s.id.referenced);
                let id = s.id.value.0.clone();
                let site = Site {
                    id: id.clone(),
                    name: s.name.clone().unwrap_or_default(),
                    kind: s.kind.clone(),
                    address: s.address.clone(),
                    class: s.class.clone(),
                    note: s.note.clone(),
                };
                self.describe_site(rel, p, site, s.name.is_some(), book);
                if let (Some(f), Some(u)) = (&s.from, &s.until) {
                    self.check_years(rel, f, u);
                }
                DatasetSite {
                    site: id,
                    standard: s.standard.map(|st| self.standards(rel, src, st)),
                    from: s.from.map(|f| f.value),
                    until: s.until.map(|u| u.value),
                    pos: p,
                }
            }
        }
    }

    /// Records a site's description, or checks it against the one recorded first.
    fn describe_site(&mut self, rel: &str, p: Pos, site: Site, named: bool, book: &mut SiteBook) {
        let lang = self.lang;
        let Some(i) = book.entries.iter().position(|(s, ..)| s.id == site.id) else {
            book.entries.push((site, rel.to_string(), p, named));
            return;
        };
        let (first, file, _, first_named) = &mut book.entries[i];
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let named_pair = (named && *first_named).then(|| (first.name.clone(), site.name.clone()));
        let fields = [
            ("name", named_pair),
            ("kind", Some((opt(&first.kind), opt(&site.kind)))),
            ("address", Some((opt(&first.address), opt(&site.address)))),
            ("class", Some((opt(&first.class), opt(&site.class)))),
            ("note", Some((opt(&first.note), opt(&site.note)))),
        ];
        let file = file.clone();
        // A field given in only one place is taken from there; given twice, it must agree.
        for (field, pair) in fields {
            if let Some((a, b)) = pair
                && !a.is_empty()
                && !b.is_empty()
                && a != b
            {
                let m = tr!(
                    lang,
                    mon.msg.site_differs,
                    id = site.id,
                    field = field,
                    a = a,
                    b = b,
                    file = file
                );
                let hint = lang.text().mon.msg.site_differs_hint.to_string();
                self.err(rel, p.line, p.column, m, Some(hint));
            }
        }
        let (first, _, _, first_named) = &mut book.entries[i];
        if !*first_named && named {
            first.name = site.name;
            *first_named = true;
        }
        for (mine, theirs) in [
            (&mut first.kind, site.kind),
            (&mut first.address, site.address),
            (&mut first.class, site.class),
            (&mut first.note, site.note),
        ] {
            if mine.is_none() {
                *mine = theirs;
            }
        }
    }

    /// Every site in the order datasets first describe or name them; a site never named is
    /// an error at its first mention.
    fn sites(&mut self, book: SiteBook) -> Vec<Site> {
        let lang = self.lang;
        let mut out: Vec<Site> = Vec::new();
        for (id, rel, p) in &book.mentions {
            if book.get(id).is_none() {
                let m = tr!(lang, mon.msg.site_no_name, id = id);
                let hint = tr!(lang, mon.msg.site_no_name_hint, id = id);
                self.err(rel, p.line, p.column, m, Some(hint));
            }
        }
        for (site, rel, p, named) in book.entries {
            if !named {
                let m = tr!(lang, mon.msg.site_no_name, id = site.id);
                let hint = tr!(lang, mon.msg.site_no_name_hint, id = site.id);
                self.err(&rel, p.line, p.column, m, Some(hint));
            }
            out.push(site);
        }
        out
    }

    /// A standard or a list of standards by year, limits read as written.
    fn standards(&mut self, rel: &str, src: &[&str], raw: RawStandards) -> Standards {
        let lang = self.lang;
        let mut rules = Vec::new();
        for s in raw.0 {
            if let (Some(f), Some(u)) = (&s.from, &s.until) {
                self.check_years(rel, f, u);
            }
            let max = s.max.as_ref().and_then(|m| self.limit(rel, src, m));
            let min = s.min.as_ref().and_then(|m| self.limit(rel, src, m));
            if let (Some(lo), Some(hi), Some(at_min)) = (min, max, &s.min)
                && lo > hi
            {
                let p = at(&at_min.referenced);
                let f = crate::format::Formatter::with(lang, Default::default());
                let m = tr!(
                    lang,
                    mon.msg.min_over_max,
                    min = f.figure(lo, Some(lo.scale())),
                    max = f.figure(hi, Some(hi.scale()))
                );
                let hint = lang.text().mon.msg.min_over_max_hint.to_string();
                self.err(rel, p.line, p.column, m, Some(hint));
            }
            rules.push(StandardRule {
                from: s.from.map(|f| f.value),
                until: s.until.map(|u| u.value),
                standard: Standard {
                    max,
                    min,
                    text: s.text,
                },
            });
        }
        Standards(rules)
    }

    /// `from` after `until` is an error at `until`.
    fn check_years(&mut self, rel: &str, from: &Spanned<FiscalYear>, until: &Spanned<FiscalYear>) {
        if from.value > until.value {
            let lang = self.lang;
            let p = at(&until.referenced);
            let m = tr!(
                lang,
                mon.msg.years_reversed,
                from = from.value.label(Default::default()),
                until = until.value.label(Default::default())
            );
            self.err(rel, p.line, p.column, m, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usual_group_names_have_ids_and_ascii_names_are_their_own() {
        assert_eq!(group_id("大気").as_deref(), Some("air"));
        assert_eq!(group_id("ダイオキシン類").as_deref(), Some("dioxins"));
        assert_eq!(group_id("Air quality").as_deref(), Some("air-quality"));
        assert_eq!(group_id("公害苦情"), None);
        assert!(group_rank("air") < group_rank("water"));
        assert!(group_rank("water") < group_rank("noise"));
        assert!(group_rank("dioxins") < group_rank("kogai"));
    }
}
