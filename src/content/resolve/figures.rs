//! Every figure an editor writes, read the one way SPEC §10 asks: from the text as typed
//! (YAML turned `60.30` into 60.3 and `0x10` into 16; the file still says what was meant),
//! through the number grammar of [`crate::figure`], with the reason at file:line:column
//! when it is not a number.

use rust_decimal::Decimal;

use super::*;
use crate::figure::{Number, NumberError, Status, Value, parse_cell, scalar_in_line};

/// Where a figure is written: what it may hold instead of a number, and its key for
/// messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    /// 実績値 (actuals, outcomes): a status or 約 allowed.
    Actual,
    /// A year's target or a final target value: a status (none set) or 約 allowed.
    Target,
    /// 中間目標: like a target.
    Milestone,
    /// 基準値: a number.
    Baseline,
    /// per_year: a number, 約 allowed.
    PerYear,
    /// 決算額・予算額: a number or a status.
    Money,
    /// A rate published by hand: a number.
    Rate,
    /// `reduce:`: a number, 約 allowed.
    Reduce,
    /// `tolerance:`, `min:`, `max:`: a number.
    Plain,
}

impl Slot {
    fn statuses(self) -> bool {
        matches!(
            self,
            Slot::Actual | Slot::Target | Slot::Milestone | Slot::Money
        )
    }

    fn approx(self) -> bool {
        matches!(
            self,
            Slot::Actual | Slot::Target | Slot::Milestone | Slot::PerYear | Slot::Reduce
        )
    }
}

/// Line and column of a span.
fn at<T>(s: &Spanned<T>) -> (u32, u32) {
    pos(&s.referenced)
}

impl Resolver<'_> {
    /// Reads a figure. `null` (or nothing) is 未集計 where a status may stand; after an
    /// error the figure is `None` and the problem is recorded at its place.
    pub(super) fn figure(&mut self, rel: &str, w: &RawFigure, slot: Slot) -> Option<Value> {
        let (l, c) = at(w);
        match &w.value {
            Written::List => {
                let m = &self.lang.text().content;
                self.err(
                    rel,
                    l,
                    c,
                    m.figure_list.into(),
                    Some(m.figure_list_hint.into()),
                );
                None
            }
            Written::Scalar(s) => self.scalar(rel, w, s, slot, false),
            Written::Detailed { value, approx } => {
                if *approx && !slot.approx() {
                    let m = &self.lang.text().content;
                    self.err(rel, l, c, m.approx_here.into(), Some(m.approx_hint.into()));
                    return None;
                }
                let Some(v) = value else {
                    let m = &self.lang.text().content;
                    self.err(rel, l, c, m.no_value.into(), Some(m.no_value_hint.into()));
                    return None;
                };
                let s = v.value.clone();
                self.scalar(rel, v, &s, slot, *approx)
            }
        }
    }

    /// Reads a figure that must be a number (a status is an error).
    pub(super) fn number(&mut self, rel: &str, w: &RawFigure, slot: Slot) -> Option<Number> {
        match self.figure(rel, w, slot)? {
            Value::Number(n) => Some(n),
            Value::Status(s) => {
                let (l, c) = at(w);
                self.status_here(rel, l, c, s);
                None
            }
        }
    }

    /// A figure with an `approx:` beside it (targets and milestones write it either way).
    pub(super) fn figure_approx(
        &mut self,
        rel: &str,
        w: &RawFigure,
        slot: Slot,
        approx: bool,
    ) -> Option<Value> {
        match self.figure(rel, w, slot)? {
            Value::Number(n) => Some(Value::Number(Number {
                approx: n.approx || approx,
                ..n
            })),
            Value::Status(s) if approx => {
                let (l, c) = at(w);
                let m = &self.lang.text().content;
                let name = self.lang.text().fig.status_names[s.index()];
                self.err(
                    rel,
                    l,
                    c,
                    crate::tr!(self.lang, content.approx_status, status = name),
                    Some(m.approx_hint.into()),
                );
                None
            }
            v => Some(v),
        }
    }

    pub(super) fn scalar<T>(
        &mut self,
        rel: &str,
        span: &Spanned<T>,
        s: &Scalar,
        slot: Slot,
        approx: bool,
    ) -> Option<Value> {
        let (l, c) = at(span);
        let text = match s {
            Scalar::Null if slot.statuses() && !approx => return Some(Value::NOT_COLLECTED),
            Scalar::Null => {
                let m = &self.lang.text().content;
                self.err(rel, l, c, m.no_value.into(), Some(m.no_value_hint.into()));
                return None;
            }
            // A number or a word YAML read its own way: the text as typed is what counts.
            Scalar::Number | Scalar::Bool(_) => self.typed(rel, span).unwrap_or_default(),
            // Quoted, block or plain text: the string is what was meant.
            Scalar::Text(t) => t.clone(),
        };
        match parse_cell(&text) {
            Ok(cell) => {
                let v = Value::from(cell);
                match v {
                    Value::Status(st) if !slot.statuses() || st == Status::Missing => {
                        self.status_here(rel, l, c, st);
                        None
                    }
                    Value::Status(st) if approx => {
                        let m = &self.lang.text().content;
                        let name = self.lang.text().fig.status_names[st.index()];
                        self.err(
                            rel,
                            l,
                            c,
                            crate::tr!(self.lang, content.approx_status, status = name),
                            Some(m.approx_hint.into()),
                        );
                        None
                    }
                    Value::Number(n) => Some(Value::Number(Number { approx, ..n })),
                    other => Some(other),
                }
            }
            Err(e) => {
                self.number_error(rel, l, c, &e, &text);
                None
            }
        }
    }

    /// The text of a spanned scalar as typed in the file.
    fn typed<T>(&self, rel: &str, span: &Spanned<T>) -> Option<String> {
        let r = &span.referenced;
        let line = self.diags.source_line(rel, r.line())?;
        scalar_in_line(line, r.column(), r.span().len()).map(str::to_string)
    }

    fn number_error(&mut self, rel: &str, l: u32, c: u32, e: &NumberError, text: &str) {
        let lang = self.lang;
        self.err(rel, l, c, e.message(text, lang), Some(e.hint(text, lang)));
    }

    fn status_here(&mut self, rel: &str, l: u32, c: u32, s: Status) {
        let lang = self.lang;
        let name = lang.text().fig.status_names[s.index()];
        self.err(
            rel,
            l,
            c,
            crate::tr!(lang, content.status_here, status = name),
            Some(lang.text().content.status_here_hint.into()),
        );
    }
}

/// A decimal as a plain figure, for tolerances.
pub(super) fn decimal(n: Option<Number>) -> Decimal {
    n.map(|n| n.value).unwrap_or(Decimal::ZERO)
}
