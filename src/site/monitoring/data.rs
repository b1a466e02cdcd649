//! 環境の現況 as open data: one row per year × item × site with the value in the machine
//! spelling of [`crate::format`] (the digits a page shows, no grouping or unit), the value as
//! printed beside it, the standard's limits and the judgement. The same records go to the
//! year's CSV and to the `monitoring` list of its JSON.

use serde::Serialize;

use super::{Spell, machine_limit, machine_value};
use crate::era::{Calendar, EraStyle, FiscalYear};
use crate::monitoring::{Dataset, Monitoring, Site, Value};
use crate::site::pages::SiteContext;

/// One value of 環境の現況.
#[derive(Debug, Clone, Serialize)]
pub struct MonitoringRecord {
    /// 全国地方公共団体コード.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// 年度（西暦）.
    pub fiscal_year: i32,
    /// 年度（和暦）.
    pub fiscal_year_wareki: String,
    /// 分類: 大気.
    pub group: String,
    /// 項目ID.
    pub dataset_id: String,
    /// 項目名.
    pub item: String,
    /// 単位.
    pub unit: String,
    /// 評価に用いる値.
    pub statistic: Option<String>,
    /// 地点ID.
    pub site_id: String,
    /// 地点名.
    pub site: String,
    /// 類型.
    pub class: Option<String>,
    /// The number, machine spelling; none when the value is not a number.
    pub value: Option<String>,
    /// The value as the page prints it (`0.031`, `<0.5`, `欠測`).
    pub value_text: String,
    /// What a value without a number is: below the limit, not detected, a status.
    pub value_status: Option<String>,
    /// The limit of quantification of a value below it.
    pub limit: Option<String>,
    /// The standard's lower limit.
    pub standard_min: Option<String>,
    /// The standard's upper limit.
    pub standard_max: Option<String>,
    /// The standard in words (0.06ppm以下).
    pub standard: Option<String>,
    /// 適合, 不適合, 評価対象外, 判定不能, 基準なし; none for a status.
    pub judgement: Option<String>,
    /// By the standard, or published by the city.
    pub judged_by: Option<String>,
    /// 備考.
    pub note: Option<String>,
}

/// The records of a year, in page order (group, item, the dataset's site order).
pub fn monitoring_records(cx: &SiteContext, year: FiscalYear) -> Vec<MonitoringRecord> {
    let mon = &cx.report.monitoring;
    let Some(y) = mon.year(year) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for ds in &mon.datasets {
        let Some(readings) = y.readings.get(&ds.id) else {
            continue;
        };
        for s in &ds.sites {
            let (Some(site), Some(r)) = (mon.site(&s.site), readings.get(&s.site)) else {
                continue;
            };
            out.push(record(cx, mon, year, ds, site, r));
        }
    }
    out
}

fn record(
    cx: &SiteContext,
    mon: &Monitoring,
    year: FiscalYear,
    ds: &Dataset,
    site: &Site,
    r: &crate::monitoring::Reading,
) -> MonitoringRecord {
    let lang = cx.report.config.lang;
    let spell = Spell::new(lang, cx.fmt.clone());
    let words = &lang.text().mon.words;
    let standard = ds.standard_for(&site.id, year).filter(|s| s.is_numeric());
    let judged = cx.ev.monitoring().reading(year, &ds.id, &site.id);
    let (value_status, limit) = match &r.value {
        Value::Number(_) => (None, None),
        Value::Below(b) => (
            Some(words.value_kinds[usize::from(b.limit.is_none())].to_string()),
            b.limit.map(machine_limit),
        ),
        Value::Status(s) => (Some(spell.status_name(*s).to_string()), None),
    };
    MonitoringRecord {
        code: cx.report.config.code.clone(),
        fiscal_year: year.0,
        fiscal_year_wareki: Calendar::new(EraStyle::Wareki, lang).year_label(year),
        group: mon
            .group(&ds.group)
            .map(|g| g.name.clone())
            .unwrap_or_default(),
        dataset_id: ds.id.clone(),
        item: ds.title.clone(),
        unit: ds.unit.clone(),
        statistic: ds.statistic.clone(),
        site_id: site.id.clone(),
        site: site.name.clone(),
        class: site.class.clone(),
        value: machine_value(&r.value, ds.decimals),
        value_text: spell.value(&r.value, ds.decimals),
        value_status,
        limit,
        standard_min: standard.and_then(|s| s.min).map(machine_limit),
        standard_max: standard.and_then(|s| s.max).map(machine_limit),
        standard: standard.and_then(|s| spell.standard(s, &ds.unit)),
        judgement: judged
            .and_then(|j| spell.judgement_word(j.judgement))
            .map(str::to_string),
        judged_by: judged
            .filter(|j| j.judgement.counted())
            .map(|j| words.bases[usize::from(j.given)].to_string()),
        note: r.note.clone(),
    }
}

/// A record as a CSV row, in the order of the catalogue's header.
pub fn monitoring_row(code: &str, r: &MonitoringRecord) -> Vec<String> {
    let cell = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        code.to_string(),
        r.fiscal_year.to_string(),
        r.fiscal_year_wareki.clone(),
        r.group.clone(),
        r.dataset_id.clone(),
        r.item.clone(),
        r.unit.clone(),
        cell(&r.statistic),
        r.site_id.clone(),
        r.site.clone(),
        cell(&r.class),
        cell(&r.value),
        r.value_text.clone(),
        cell(&r.value_status),
        cell(&r.limit),
        cell(&r.standard_min),
        cell(&r.standard_max),
        cell(&r.standard),
        cell(&r.judgement),
        cell(&r.judged_by),
        cell(&r.note),
    ]
}
