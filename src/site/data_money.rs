//! The money columns of open data (SPEC §11): every money field as given and every computed
//! column (不用額, フルコスト, 一般財源, 実績 (B)), each with its 増減額 and 前年度対比, and
//! 執行率, its change in points, 進捗率, 構成比, 一人あたりコスト; the project's id, every
//! measure it serves, its category path, 実施状況 and 備考. Headers name the money unit.

use indexmap::IndexMap;
use serde::Serialize;

use super::money::amount_label;
use super::pages::SiteContext;
use crate::evaluate::{Column, MoneyRow};
use crate::format::{machine_figure, machine_rate};
use crate::model::{Amount, Project};

/// Amounts the projects CSV already has among its first columns (決算額, 翌年度予算額).
const SHOWN_BEFORE: [Column; 2] = [Column::Settled, Column::Budget];

/// A project's money in open data.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MoneyRecord {
    /// A stable id across years.
    pub id: Option<String>,
    /// Every measure it serves, home first (plan:measure).
    pub measures: Vec<String>,
    /// The category path.
    pub category: Vec<String>,
    /// Every money column given or computed, by key (settled, unused …).
    pub amounts: IndexMap<&'static str, String>,
    /// 増減額 by column key.
    pub changes: IndexMap<&'static str, String>,
    /// 前年度対比 (%) by column key.
    pub ratios: IndexMap<&'static str, String>,
    /// 執行率 (%).
    pub execution_rate: Option<String>,
    /// 計算 or 公表値.
    pub execution_rate_status: Option<String>,
    /// 執行率 change in points.
    pub execution_rate_change: Option<String>,
    /// 進捗率 (%).
    pub progress: Option<String>,
    /// 構成比 (%).
    pub share: Option<String>,
    /// 受益者数.
    pub beneficiaries: Option<String>,
    /// 一人あたりコスト, in `[evaluation] per_person_unit`.
    pub per_person: Option<String>,
    /// Named parts of 人件費, 間接費, 特定財源, 人工 by column key.
    pub parts: IndexMap<&'static str, IndexMap<String, String>>,
    /// 実施状況 (Markdown as written).
    pub result: Option<String>,
    /// 備考.
    pub note: Option<String>,
}

/// The money record of a project.
pub fn money_record(cx: &SiteContext, p: &Project, r: Option<&MoneyRow>) -> MoneyRecord {
    let fig = |v: rust_decimal::Decimal| machine_figure(v, None);
    let mut rec = MoneyRecord {
        id: p.id.clone(),
        measures: std::iter::once((&p.plan, &p.measure))
            .chain(p.also.iter().map(|(a, b)| (a, b)))
            .map(|(a, b)| format!("{a}:{b}"))
            .collect(),
        category: p.category.clone(),
        result: p.result.clone(),
        note: p.note.clone(),
        ..MoneyRecord::default()
    };
    if let Some(cost) = &p.cost {
        let parts = [
            (Column::Personnel, &cost.personnel),
            (Column::Indirect, &cost.indirect),
            (Column::SpecificRevenue, &cost.specific_revenue),
            (Column::Staff, &cost.staff),
        ];
        for (c, a) in parts {
            if let Some(Amount { parts, .. }) = a.as_ref().filter(|a| !a.parts.is_empty()) {
                let named = parts.iter().map(|(n, v)| (n.clone(), fig(*v))).collect();
                rec.parts.insert(c.key(), named);
            }
        }
    }
    let Some(r) = r else {
        return rec;
    };
    for c in Column::ALL {
        if let Some(v) = r.amounts.get(c) {
            rec.amounts.insert(c.key(), fig(v));
        }
        if let Some(ch) = r.change(c) {
            rec.changes.insert(c.key(), fig(ch.diff));
            if let Some(x) = ch.ratio.and_then(machine_rate) {
                rec.ratios.insert(c.key(), x);
            }
        }
    }
    rec.execution_rate = r.execution_rate.and_then(machine_rate);
    rec.execution_rate_status = r.execution_rate.map(|x| cx.fmt.rate_status(x).to_string());
    rec.execution_rate_change = r.execution_change.map(fig);
    rec.progress = r.progress.and_then(machine_rate);
    rec.share = r.share.and_then(machine_rate);
    rec.beneficiaries = r.beneficiaries.map(fig);
    rec.per_person = r.per_person.map(fig);
    rec
}

/// The header of the money columns, and each project's cells, in projects.yaml order.
pub fn money_columns(cx: &SiteContext, records: &[MoneyRecord]) -> (Vec<String>, Vec<Vec<String>>) {
    let lang = cx.lang();
    let m = &lang.text().money;
    let t = &lang.text().page;
    let unit = cx.report.config.money.unit.label(lang);
    let with_unit = |label: &str| format!("{label}{}", crate::tr!(lang, page.paren, x = unit));
    let mut header: Vec<String> = vec!["id".into(), m.measures_all.into(), m.category_path.into()];
    for c in Column::ALL {
        let label = amount_label(m, c);
        if !SHOWN_BEFORE.contains(&c) {
            header.push(match c.is_money() {
                true => with_unit(label),
                false => label.into(),
            });
        }
        let change = format!("{label}{}", m.change_of);
        header.push(match c.is_money() {
            true => with_unit(&change),
            false => change,
        });
        header.push(format!("{label}{}", m.yoy_of));
    }
    let pct = |label: &str| format!("{label}{}", crate::tr!(lang, page.paren, x = "%"));
    let per_person_unit = cx.report.config.money.per_person_unit.label(lang);
    header.extend([
        pct(m.execution_rate),
        m.execution_rate_status.to_string(),
        m.execution_change.to_string(),
        pct(m.progress),
        pct(m.share),
        m.beneficiaries.to_string(),
        crate::tr!(lang, money.per_person, unit = per_person_unit),
        m.parts.to_string(),
        m.result.to_string(),
        t.note.to_string(),
    ]);
    let sep = lang.text().msg.list_sep;
    let rows = records
        .iter()
        .map(|r| {
            let get = |map: &IndexMap<&'static str, String>, c: Column| {
                map.get(c.key()).cloned().unwrap_or_default()
            };
            let mut row = vec![
                r.id.clone().unwrap_or_default(),
                r.measures.join(sep),
                r.category.join("/"),
            ];
            for c in Column::ALL {
                if !SHOWN_BEFORE.contains(&c) {
                    row.push(get(&r.amounts, c));
                }
                row.extend([get(&r.changes, c), get(&r.ratios, c)]);
            }
            let o = |v: &Option<String>| v.clone().unwrap_or_default();
            let parts = r
                .parts
                .iter()
                .flat_map(|(_, named)| named.iter().map(|(n, v)| format!("{n}={v}")))
                .collect::<Vec<_>>()
                .join(";");
            row.extend([
                o(&r.execution_rate),
                o(&r.execution_rate_status),
                o(&r.execution_rate_change),
                o(&r.progress),
                o(&r.share),
                o(&r.beneficiaries),
                o(&r.per_person),
                parts,
                o(&r.result),
                o(&r.note),
            ]);
            row
        })
        .collect();
    (header, rows)
}
