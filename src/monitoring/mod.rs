//! 環境の現況 (SPEC §12): measured items (datasets) grouped as a report groups them (大気,
//! 水質 …), the sites they are measured at, their 環境基準, and each year's readings exactly
//! as written. Whether a reading meets its standard is decided by the evaluation stage
//! ([`crate::evaluate`]); this module only holds what the editor wrote, checked.
//!
//! Everything is easy to enumerate: a year's readings are dataset → site → reading, and
//! [`Monitoring::slots`] lists every dataset × site a year is expected to have.

mod value;

use indexmap::IndexMap;
use rust_decimal::Decimal;

pub use value::{Below, Value, parse_value};

use crate::era::FiscalYear;
use crate::model::Pos;

/// The monitoring data of a report: empty when it has no content/monitoring/ folder.
#[derive(Debug, Clone, Default)]
pub struct Monitoring {
    /// Groups in page order.
    pub groups: Vec<Group>,
    /// Datasets in page order: by group, then weight, then id.
    pub datasets: Vec<Dataset>,
    /// Every site, in the order datasets first list them.
    pub sites: Vec<Site>,
    /// Years with a monitoring.yaml, oldest first.
    pub years: Vec<MonitoringYear>,
}

/// A group of datasets sharing a page and a table (大気, 水質, 騒音 …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// ASCII id, the page's path segment (`air`).
    pub id: String,
    /// The name pages show (大気).
    pub name: String,
}

/// The counter word of a dataset's summary sentence: 「3局中3局」 or 「8地点中5地点」.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Counter {
    /// 地点 (the default).
    #[default]
    Site,
    /// 局 (測定局).
    Station,
}

impl Counter {
    /// The counter an editor's word stands for.
    pub fn from_word(word: &str) -> Option<Counter> {
        match word.trim() {
            "地点" | "site" | "sites" => Some(Counter::Site),
            "局" | "測定局" | "station" | "stations" => Some(Counter::Station),
            _ => None,
        }
    }
}

/// A measured item: content/monitoring/<id>.yaml.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// File stem.
    pub id: String,
    /// Source path.
    pub file: String,
    /// 項目名: 二酸化窒素（NO2）.
    pub title: String,
    /// Id of its group.
    pub group: String,
    /// 単位 (may be empty: pH).
    pub unit: String,
    /// What the value is: 日平均値の年間98%値.
    pub statistic: Option<String>,
    /// Decimals every value is shown with; as written when none.
    pub decimals: Option<u32>,
    /// The 環境基準 of the item, by year.
    pub standard: Standards,
    /// 局 or 地点.
    pub counter: Counter,
    /// Order within the group.
    pub weight: i64,
    /// A remark shown under the item's table.
    pub note: Option<String>,
    /// The sites it is measured at, in the editor's order.
    pub sites: Vec<DatasetSite>,
    /// Where its title is written.
    pub pos: Pos,
}

/// A site as one dataset lists it: the site, and what is particular to this item there.
#[derive(Debug, Clone)]
pub struct DatasetSite {
    /// Site id.
    pub site: String,
    /// The site's own standard for this item (its 類型), by year; else the dataset's.
    pub standard: Option<Standards>,
    /// First year the item is measured there.
    pub from: Option<FiscalYear>,
    /// Last year the item is measured there.
    pub until: Option<FiscalYear>,
    /// Where the site is listed in the dataset file.
    pub pos: Pos,
}

impl DatasetSite {
    /// Whether the item is measured at the site in `year` (between `from` and `until`).
    pub fn measured_in(&self, year: FiscalYear) -> bool {
        self.from.is_none_or(|f| f <= year) && self.until.is_none_or(|u| year <= u)
    }
}

/// A measuring site (測定局, 測定地点).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// Id, shared by every dataset measured there.
    pub id: String,
    /// 名称: 本町局, 桜川橋.
    pub name: String,
    /// 種別: 一般環境大気測定局, 自動車排出ガス測定局, 河川名.
    pub kind: Option<String>,
    /// 所在地.
    pub address: Option<String>,
    /// 類型 (水域類型, 地域の類型).
    pub class: Option<String>,
    /// A remark shown on the site's page.
    pub note: Option<String>,
}

/// 環境基準: an upper limit, a lower limit, both (a range), and its wording.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Standard {
    /// Met at or below this value (以下).
    pub max: Option<Decimal>,
    /// Met at or above this value (以上).
    pub min: Option<Decimal>,
    /// The standard in the law's words.
    pub text: Option<String>,
}

impl Standard {
    /// Whether values can be judged against it: it has a limit.
    pub fn is_numeric(&self) -> bool {
        self.max.is_some() || self.min.is_some()
    }
}

/// A standard in force over some fiscal years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandardRule {
    /// First year it applies to; every year before too when none.
    pub from: Option<FiscalYear>,
    /// Last year it applies to; every later year when none.
    pub until: Option<FiscalYear>,
    /// The standard.
    pub standard: Standard,
}

/// Standards that may change over time: the first rule whose years hold the year applies
/// (`[{ from: 2012, max: 8 }, { max: 5 }]`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Standards(pub Vec<StandardRule>);

impl Standards {
    /// The standard in force in `year`, if any.
    pub fn for_year(&self, year: FiscalYear) -> Option<&Standard> {
        self.0
            .iter()
            .find(|r| r.from.is_none_or(|f| f <= year) && r.until.is_none_or(|u| year <= u))
            .map(|r| &r.standard)
    }
}

impl Dataset {
    /// How the dataset lists a site.
    pub fn site(&self, id: &str) -> Option<&DatasetSite> {
        self.sites.iter().find(|s| s.site == id)
    }

    /// The standard a reading at `site` in `year` is judged against: the site's own when
    /// one of its rules holds the year, else the dataset's. A standard with no limit (only
    /// wording) is returned too; it judges nothing.
    pub fn standard_for(&self, site: &str, year: FiscalYear) -> Option<&Standard> {
        self.site(site)
            .and_then(|s| s.standard.as_ref())
            .and_then(|s| s.for_year(year))
            .or_else(|| self.standard.for_year(year))
    }
}

/// content/<year>/monitoring.yaml: dataset id → site id → reading, in the file's order.
#[derive(Debug, Clone)]
pub struct MonitoringYear {
    /// The fiscal year.
    pub year: FiscalYear,
    /// Source path.
    pub file: String,
    /// Dataset id → site id → reading.
    pub readings: IndexMap<String, IndexMap<String, Reading>>,
}

/// One published value: the figure as written and what the city said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// A number, a value below the limit of quantification, or a status.
    pub value: Value,
    /// A published judgement that overrides the rule (`meets: false`).
    pub meets: Option<bool>,
    /// `judged: false`: printed, not assessed.
    pub judged: bool,
    /// A footnote (※).
    pub note: Option<String>,
    /// Where it is written.
    pub pos: Pos,
}

impl Monitoring {
    /// Whether the report has any monitoring data.
    pub fn is_empty(&self) -> bool {
        self.datasets.is_empty()
    }

    /// The dataset with this id.
    pub fn dataset(&self, id: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.id == id)
    }

    /// The site with this id.
    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The datasets of a group, in page order.
    pub fn group_datasets(&self, group: &str) -> impl Iterator<Item = &Dataset> {
        let group = group.to_string();
        self.datasets.iter().filter(move |d| d.group == group)
    }

    /// The readings of a year.
    pub fn year(&self, year: FiscalYear) -> Option<&MonitoringYear> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The reading of a dataset at a site in a year.
    pub fn reading(&self, year: FiscalYear, dataset: &str, site: &str) -> Option<&Reading> {
        self.year(year)?.readings.get(dataset)?.get(site)
    }

    /// Every dataset × site expected in `year` (measured that year), in page order: what
    /// `nenpo new-year` writes and a spreadsheet template lists.
    pub fn slots(&self, year: FiscalYear) -> impl Iterator<Item = (&Dataset, &Site)> {
        self.datasets.iter().flat_map(move |d| {
            d.sites
                .iter()
                .filter(move |s| s.measured_in(year))
                .filter_map(move |s| self.site(&s.site).map(|site| (d, site)))
        })
    }

    /// Whether a group has any reading in a year.
    pub fn group_has_data(&self, group: &str, year: FiscalYear) -> bool {
        self.year(year).is_some_and(|y| {
            self.group_datasets(group)
                .any(|d| y.readings.get(&d.id).is_some_and(|r| !r.is_empty()))
        })
    }

    /// The groups with readings in a year, in page order.
    pub fn groups_in(&self, year: FiscalYear) -> impl Iterator<Item = &Group> {
        self.groups
            .iter()
            .filter(move |g| self.group_has_data(&g.id, year))
    }

    /// Whether a year has any reading.
    pub fn has_data(&self, year: FiscalYear) -> bool {
        self.groups_in(year).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(from: Option<i32>, max: i64) -> StandardRule {
        StandardRule {
            from: from.map(FiscalYear),
            until: None,
            standard: Standard {
                max: Some(Decimal::from(max)),
                ..Standard::default()
            },
        }
    }

    #[test]
    fn the_first_rule_holding_the_year_applies() {
        let s = Standards(vec![rule(Some(2012), 8), rule(None, 5)]);
        assert_eq!(s.for_year(FiscalYear(2011)).unwrap().max, Some(5.into()));
        assert_eq!(s.for_year(FiscalYear(2012)).unwrap().max, Some(8.into()));
        assert_eq!(s.for_year(FiscalYear(2030)).unwrap().max, Some(8.into()));
        let only_later = Standards(vec![rule(Some(2020), 3)]);
        assert!(only_later.for_year(FiscalYear(2019)).is_none());
    }

    #[test]
    fn a_sites_own_standard_wins_in_its_years_only() {
        let d = Dataset {
            id: "bod".into(),
            file: String::new(),
            title: "BOD".into(),
            group: "water".into(),
            unit: "mg/L".into(),
            statistic: None,
            decimals: None,
            standard: Standards(vec![rule(None, 5)]),
            counter: Counter::Site,
            weight: 0,
            note: None,
            sites: vec![DatasetSite {
                site: "kamo".into(),
                standard: Some(Standards(vec![rule(Some(2020), 3)])),
                from: None,
                until: None,
                pos: Pos::default(),
            }],
            pos: Pos::default(),
        };
        let max = |site: &str, y: i32| d.standard_for(site, FiscalYear(y)).unwrap().max;
        assert_eq!(max("kamo", 2021), Some(3.into()));
        assert_eq!(max("kamo", 2019), Some(5.into()));
        assert_eq!(max("other", 2021), Some(5.into()));
    }
}
