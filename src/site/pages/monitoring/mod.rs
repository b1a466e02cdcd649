//! 環境の現況 pages (SPEC §12): the year's overview of groups ([`year`]), a group's page with
//! its site × item table, summary sentences and each item's trend ([`group`]), and a site's
//! page with its items across the years ([`site`]). This file holds the cells, footnotes and
//! legends their tables share.

pub mod group;
pub mod site;
pub mod year;

use std::collections::BTreeSet;

use serde::Serialize;

use super::SiteContext;
use crate::era::FiscalYear;
use crate::evaluate::Judgement;
use crate::figure::Status;
use crate::monitoring::{Dataset, Standard, Value};
use crate::site::layout::Link;
use crate::site::monitoring::{MarkView, Spell};
use crate::tr;

/// A table cell: a value as printed, its mark, the site's own standard, its footnote.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// The value as printed, or — where the item is not measured.
    pub text: String,
    /// ○, ×, －.
    pub mark: Option<MarkView>,
    /// The site's standard, where it differs from the column's.
    pub standard: Option<String>,
    /// The footnote.
    pub note: Option<NoteRef>,
    /// A status (欠測 …) rather than a value.
    pub status: bool,
    /// The column's name, for the phone layout.
    pub label: String,
}

/// A link to a footnote.
#[derive(Debug, Clone, Serialize)]
pub struct NoteRef {
    /// ※1.
    pub mark: String,
    /// #…-note-1.
    pub href: String,
}

/// A footnote under a table.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    /// Element id.
    pub id: String,
    /// ※1.
    pub mark: String,
    /// The note.
    pub text: String,
}

/// The footnotes of one table, numbered in order; the same text keeps one number.
pub struct Notes {
    prefix: String,
    items: Vec<NoteView>,
}

impl Notes {
    /// Notes whose ids start with `prefix`.
    pub fn new(prefix: &str) -> Notes {
        Notes {
            prefix: prefix.to_string(),
            items: Vec::new(),
        }
    }

    /// Adds a note (or finds the same one) and returns its mark.
    fn add(&mut self, spell: &Spell, text: &str) -> NoteRef {
        let note = match self.items.iter().find(|n| n.text == text) {
            Some(n) => n.clone(),
            None => {
                let n = self.items.len() + 1;
                let v = NoteView {
                    id: format!("{}note-{n}", self.prefix),
                    mark: tr!(spell.lang, mon.words.note_mark, n = n),
                    text: text.to_string(),
                };
                self.items.push(v.clone());
                v
            }
        };
        NoteRef {
            mark: note.mark,
            href: format!("#{}", note.id),
        }
    }

    /// The notes, in order.
    pub fn into_vec(self) -> Vec<NoteView> {
        self.items
    }
}

/// What a table shows, so that its legend names exactly that.
#[derive(Debug, Default)]
pub struct Seen {
    judged: bool,
    not_judged: bool,
    undetermined: bool,
    not_measured: bool,
    below: bool,
    given: bool,
    statuses: BTreeSet<Status>,
}

impl Seen {
    /// The legend lines for what was seen.
    pub fn legend(&self, spell: &Spell) -> Vec<String> {
        let words = &spell.lang.text().mon.words;
        let mut out = Vec::new();
        if self.judged {
            out.push(words.legend_meets.to_string());
            out.push(words.legend_fails.to_string());
        }
        if self.not_judged {
            out.push(words.legend_not_judged.to_string());
        }
        if self.undetermined {
            out.push(words.legend_undetermined.to_string());
        }
        if self.given {
            out.push(words.legend_given.to_string());
        }
        if self.below {
            out.push(words.legend_below.to_string());
        }
        for s in &self.statuses {
            out.push(tr!(
                spell.lang,
                mon.words.legend_entry,
                symbol = spell.status_symbol(*s),
                meaning = spell.status_meaning(*s)
            ));
        }
        if self.not_measured {
            out.push(words.legend_not_measured.to_string());
        }
        out
    }
}

/// What a cell is built from besides the reading: the table's notes and what it has seen.
pub struct CellTable<'a, 'c> {
    /// The site context.
    pub cx: &'a SiteContext<'c>,
    /// Spelling.
    pub spell: Spell,
    /// The table's footnotes.
    pub notes: Notes,
    /// What the table shows.
    pub seen: Seen,
}

impl<'a, 'c> CellTable<'a, 'c> {
    /// A table whose footnote ids start with `prefix`.
    pub fn new(cx: &'a SiteContext<'c>, prefix: &str) -> CellTable<'a, 'c> {
        CellTable {
            cx,
            spell: spell(cx),
            notes: Notes::new(prefix),
            seen: Seen::default(),
        }
    }

    /// The cell of a dataset at a site in a year; `shown` is the standard the column
    /// header already states, so a site's own standard is shown only where it differs.
    pub fn cell(
        &mut self,
        ds: &Dataset,
        site: &str,
        year: FiscalYear,
        shown: Option<&str>,
        label: &str,
    ) -> CellView {
        let mon = &self.cx.report.monitoring;
        let Some(r) = mon.reading(year, &ds.id, site) else {
            self.seen.not_measured = true;
            return CellView {
                text: self.cx.fmt.words().no_figure.to_string(),
                mark: None,
                standard: None,
                note: None,
                status: false,
                label: label.to_string(),
            };
        };
        match &r.value {
            Value::Below(_) => self.seen.below = true,
            Value::Status(s) => {
                self.seen.statuses.insert(*s);
            }
            Value::Number(_) => {}
        }
        let judged = self.cx.ev.monitoring().reading(year, &ds.id, site);
        if let Some(j) = judged {
            match j.judgement {
                Judgement::Meets | Judgement::Fails => self.seen.judged = true,
                Judgement::NotJudged => self.seen.not_judged = true,
                Judgement::Undetermined => self.seen.undetermined = true,
                _ => {}
            }
            self.seen.given |= j.given;
        }
        let standard = ds
            .standard_for(site, year)
            .and_then(|s| self.spell.standard(s, &ds.unit))
            .filter(|w| Some(w.as_str()) != shown);
        CellView {
            text: self.spell.value(&r.value, ds.decimals),
            mark: judged.and_then(|j| self.spell.mark(j)),
            standard,
            note: r.note.as_deref().map(|n| self.notes.add(&self.spell, n)),
            status: matches!(r.value, Value::Status(_)),
            label: label.to_string(),
        }
    }
}

/// The spelling of a site context.
pub fn spell(cx: &SiteContext) -> Spell {
    Spell::new(cx.report.config.lang, cx.fmt.clone())
}

/// A column of a table: an item.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    /// 項目名.
    pub title: String,
    /// 単位, in parentheses when there is one.
    pub unit: Option<String>,
    /// 評価に用いる値.
    pub statistic: Option<String>,
    /// The standard the column's values are judged against, in words.
    pub standard: String,
    /// The item's section on the group page.
    pub href: Option<String>,
}

/// A row of a table: a site (or a year) and its cells.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// The row's heading.
    pub head: Link,
    /// 種別.
    pub kind: Option<String>,
    /// 類型.
    pub class: Option<String>,
    /// The row's standard, where the table shows one per row.
    pub standard: Option<String>,
    /// Cells in column order.
    pub cells: Vec<CellView>,
}

/// The standard a column states: the item's own in words, 「地点ごとに定めています」 when
/// only sites have one, else なし; and the words a cell need not repeat.
pub fn column_standard(
    spell: &Spell,
    ds: &Dataset,
    own: Option<&Standard>,
    year: FiscalYear,
) -> (String, Option<String>) {
    let words = &spell.lang.text().mon.words;
    if let Some(w) = own.and_then(|s| spell.standard(s, &ds.unit)) {
        return (w.clone(), Some(w));
    }
    let by_site = ds.sites.iter().any(|s| {
        s.standard
            .as_ref()
            .and_then(|x| x.for_year(year))
            .is_some_and(Standard::is_numeric)
    });
    if by_site {
        (words.standard_by_site.to_string(), None)
    } else {
        (spell.lang.text().mon.words.no_standard.to_string(), None)
    }
}

/// The column of a dataset in a year's table.
pub fn column(
    spell: &Spell,
    ds: &Dataset,
    year: FiscalYear,
    href: Option<String>,
) -> (ColumnView, Option<String>) {
    let (standard, shown) = column_standard(spell, ds, ds.standard.for_year(year), year);
    (
        ColumnView {
            title: ds.title.clone(),
            unit: (!ds.unit.is_empty()).then(|| tr!(spell.lang, page.paren, x = ds.unit)),
            statistic: ds.statistic.clone(),
            standard,
            href,
        },
        shown,
    )
}

/// An item with its unit (`二酸化窒素（NO2）（ppm）`), naming a value where the column
/// head is out of sight: a phone shows a table as a card per row.
pub fn value_label(lang: crate::diag::Lang, ds: &Dataset) -> String {
    match ds.unit.as_str() {
        "" => ds.title.clone(),
        unit => tr!(lang, mon.words.item_with_unit, item = ds.title, unit = unit),
    }
}
