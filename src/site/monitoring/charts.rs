//! Chart inputs of 環境の現況: an item's values at its sites over the years up to a page's
//! year, with the standard in force each year, every figure spelt as the tables spell it.

use rust_decimal::Decimal;

use super::Spell;
use crate::chart::{self, Figure, MonitoringInput, SiteSeries, StandardBand};
use crate::era::FiscalYear;
use crate::monitoring::{Dataset, Monitoring, Site};
use crate::num::round_half_up;
use crate::site::charts::ChartView;
use crate::site::pages::SiteContext;
use crate::site::paths;
use crate::tr;

/// The years an item's trend shows on a page of `upto`: years with readings of it, oldest
/// first.
pub fn item_years(mon: &Monitoring, ds: &Dataset, upto: FiscalYear) -> Vec<FiscalYear> {
    mon.years
        .iter()
        .filter(|y| y.year <= upto && y.readings.get(&ds.id).is_some_and(|r| !r.is_empty()))
        .map(|y| y.year)
        .collect()
}

/// The sites with a reading of the item in any of `years`, in the dataset's order.
pub fn item_sites<'a>(mon: &'a Monitoring, ds: &Dataset, years: &[FiscalYear]) -> Vec<&'a Site> {
    ds.sites
        .iter()
        .filter(|s| {
            years
                .iter()
                .any(|y| mon.reading(*y, &ds.id, &s.site).is_some())
        })
        .filter_map(|s| mon.site(&s.site))
        .collect()
}

/// A value as the tables show it, for plotting.
fn figure(spell: &Spell, v: Decimal, decimals: Option<u32>) -> Figure {
    Figure {
        value: decimals.map_or(v, |d| round_half_up(v, d)),
        text: spell.number(v, decimals),
        with_unit: false,
    }
}

/// The trend chart of an item up to `upto`, drawn once for the group page and the print
/// view.
pub fn item_chart(cx: &SiteContext, ds: &Dataset, upto: FiscalYear, from: &str) -> ChartView {
    let file = paths::chart_file(&format!("{upto}-mon-{}", ds.id));
    let svg = cx.charts.get_or_draw(&file, || {
        chart::render_monitoring(&item_input(cx, ds, upto))
    });
    ChartView::new(&svg, file, from)
}

/// What the chart of an item shows.
pub fn item_input(cx: &SiteContext, ds: &Dataset, upto: FiscalYear) -> MonitoringInput {
    let mon = &cx.report.monitoring;
    let spell = Spell::new(cx.report.config.lang, cx.fmt.clone());
    let lang = spell.lang;
    let years = item_years(mon, ds, upto);
    let sites = item_sites(mon, ds, &years);
    let series: Vec<SiteSeries> = sites
        .iter()
        .map(|site| SiteSeries {
            name: site.name.clone(),
            values: years
                .iter()
                .map(|y| {
                    mon.reading(*y, &ds.id, &site.id)
                        .and_then(|r| r.value.number())
                        .map(|v| figure(&spell, v, ds.decimals))
                })
                .collect(),
            standard: years
                .iter()
                .map(|y| {
                    let st = ds.standard_for(&site.id, *y)?;
                    let words = spell.standard(st, &ds.unit)?;
                    Some(StandardBand {
                        min: st.min.map(|v| figure(&spell, v, None)),
                        max: st.max.map(|v| figure(&spell, v, None)),
                        label: tr!(lang, mon.words.chart_standard, standard = words),
                    })
                })
                .collect(),
        })
        .collect();
    let decimals = ds.decimals.unwrap_or_else(|| {
        series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .map(|f| f.value.scale())
            .max()
            .unwrap_or(0)
            .min(3)
    });
    let w = &lang.text().mon.words;
    MonitoringInput {
        id: format!("mon-{upto}-{}", ds.id),
        title: tr!(lang, mon.words.chart_title, item = ds.title),
        desc: describe(cx, ds, &years, &series),
        unit_label: if ds.unit.is_empty() {
            String::new()
        } else {
            tr!(lang, mon.words.chart_unit, unit = ds.unit)
        },
        years: years.iter().map(|y| cx.fmt.year_short(*y)).collect(),
        decimals,
        series,
        no_data: w.chart_no_data.to_string(),
        lang,
    }
}

/// The text alternative: what is shown, the standard, each site's first and latest value.
fn describe(cx: &SiteContext, ds: &Dataset, years: &[FiscalYear], series: &[SiteSeries]) -> String {
    let lang = cx.report.config.lang;
    let w = &lang.text().mon.words;
    let label = |i: usize| cx.fmt.year_label(years[i]);
    let (Some(_), Some(_)) = (years.first(), years.last()) else {
        return w.chart_no_data.to_string();
    };
    let (first, last) = (label(0), label(years.len() - 1));
    let mut out = match &ds.statistic {
        Some(st) => tr!(
            lang,
            mon.words.desc_intro,
            item = ds.title,
            statistic = st,
            first = first,
            last = last
        ),
        None => tr!(
            lang,
            mon.words.desc_intro_plain,
            item = ds.title,
            first = first,
            last = last
        ),
    };
    // The standard of the latest year, when every site has the same one.
    let latest: Vec<Option<&String>> = series
        .iter()
        .map(|s| s.standard.last().and_then(|b| b.as_ref()).map(|b| &b.label))
        .collect();
    if let Some(Some(first_label)) = latest.first()
        && latest.iter().all(|l| l == &Some(*first_label))
    {
        let words = years
            .last()
            .and_then(|y| ds.standard_for(&ds.sites[0].site, *y))
            .and_then(|st| Spell::new(lang, cx.fmt.clone()).standard(st, &ds.unit));
        if let Some(words) = words {
            out.push_str(w.desc_gap);
            out.push_str(&tr!(lang, mon.words.desc_standard, standard = words));
        }
    }
    let unit = &ds.unit;
    let sites: Vec<String> = series
        .iter()
        .map(|s| {
            let present: Vec<(usize, &Figure)> = s
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.as_ref().map(|v| (i, v)))
                .collect();
            match (present.first(), present.last()) {
                (Some((i, a)), Some((j, b))) if i != j => tr!(
                    lang,
                    mon.words.desc_site,
                    site = s.name,
                    first_year = label(*i),
                    first = format!("{}{unit}", a.text),
                    last_year = label(*j),
                    last = format!("{}{unit}", b.text)
                ),
                (Some((i, a)), _) => tr!(
                    lang,
                    mon.words.desc_site_one,
                    site = s.name,
                    year = label(*i),
                    value = format!("{}{unit}", a.text)
                ),
                _ => tr!(lang, mon.words.desc_site_none, site = s.name),
            }
        })
        .collect();
    let sep = w.desc_sep;
    out.push_str(w.desc_gap);
    out.push_str(&sites.join(sep));
    out.push_str(sep.trim_end());
    out
}
