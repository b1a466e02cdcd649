//! Targets as plans word them (1,075g以下, 80%以上, 平成17年度比 15%削減, 増加, 100〜120)
//! and the legend lines of a page that shows statuses or falls.

use super::{Formatter, status_name};
use crate::evaluate::{TargetValue, YearTarget};
use crate::figure::{Number, Status, Value};
use crate::model::{Direction, Indicator, Reduction, Target, TargetGoal, Trend};
use crate::tr;

impl Formatter {
    /// A year's target as the plan words it, for a table cell (the unit is in the column,
    /// except where the wording carries it: 1,075g以下, 平成17年度比 15%削減).
    pub fn target(&self, t: &YearTarget, ind: &Indicator) -> String {
        match &t.value {
            TargetValue::Number(n) => self.bounded(*n, ind),
            TargetValue::Status(s) => self.status(*s).to_string(),
            TargetValue::Reduce { reduction, .. } => self.reduction_words(reduction),
            TargetValue::Trend { trend, .. } => self.trend(*trend).to_string(),
            TargetValue::Range { min, max } => self.range(*min, *max, ind),
        }
    }

    /// A year's target with its unit where it is a plain number (charts, their text).
    pub fn target_with_unit(&self, t: &YearTarget, ind: &Indicator) -> String {
        match &t.value {
            TargetValue::Number(n) if !ind.bound => {
                format!(
                    "{}{}",
                    self.value(Value::Number(*n), ind.decimals),
                    ind.unit
                )
            }
            TargetValue::Range { .. } => format!("{}{}", self.target(t, ind), ind.unit),
            _ => self.target(t, ind),
        }
    }

    /// What follows a target in a table: the milestone's name (中間目標), or the value a
    /// reduction comes to.
    pub fn target_note(&self, t: &YearTarget, ind: &Indicator) -> Option<String> {
        match (&t.value, t.source) {
            (_, crate::evaluate::TargetSource::Milestone) => {
                Some(self.milestone_label(t.label.as_deref()))
            }
            (TargetValue::Reduce { value, .. }, _) => Some(tr!(
                self.lang,
                fig.reduce_value,
                value = format!(
                    "{}{}",
                    self.value(Value::Number(*value), ind.decimals),
                    ind.unit
                )
            )),
            _ => None,
        }
        .map(|x| tr!(self.lang, fig.target_note, x = x))
    }

    /// A plan's final target as the plan words it, with its unit (indicator pages).
    pub fn final_target(&self, t: &Target, ind: &Indicator) -> String {
        match &t.goal {
            TargetGoal::Value(Value::Number(n)) if !ind.bound => {
                format!(
                    "{}{}",
                    self.value(Value::Number(*n), ind.decimals),
                    ind.unit
                )
            }
            TargetGoal::Value(Value::Number(n)) => self.bounded(*n, ind),
            TargetGoal::Value(Value::Status(s)) => self.status(*s).to_string(),
            TargetGoal::Reduce(r) => self.reduction_words(r),
            TargetGoal::Trend { trend, .. } => self.trend(*trend).to_string(),
            TargetGoal::Range { min, max } => {
                format!("{}{}", self.range(*min, *max, ind), ind.unit)
            }
        }
    }

    /// A number target: 約 when approximate; with `bound`, as the plan words a limit with
    /// its unit: 1,075g以下 (direction down), 80%以上 (up).
    pub fn bounded(&self, n: Number, ind: &Indicator) -> String {
        if !ind.bound {
            return self.value(Value::Number(n), ind.decimals);
        }
        let with_unit = format!("{}{}", self.figure(n.value, ind.decimals), ind.unit);
        let limit = match ind.direction {
            Direction::Down => tr!(self.lang, fig.bound_max, value = with_unit),
            Direction::Up => tr!(self.lang, fig.bound_min, value = with_unit),
        };
        if n.approx {
            tr!(self.lang, fig.approx, value = limit)
        } else {
            limit
        }
    }

    /// 「平成17年度比 15%削減」, 「平成17年度比 約15%削減」.
    pub fn reduction_words(&self, r: &Reduction) -> String {
        let amount = format!("{}{}", self.value(Value::Number(r.amount), None), r.unit);
        tr!(
            self.lang,
            fig.reduce,
            year = self.year_label(r.from),
            amount = amount
        )
    }

    /// 増加, 減少, 維持.
    pub fn trend(&self, t: Trend) -> &'static str {
        let [up, down, keep] = self.lang.text().fig.trends;
        match t {
            Trend::Increase => up,
            Trend::Decrease => down,
            Trend::Maintain => keep,
        }
    }

    /// 「100〜120」.
    fn range(&self, min: Number, max: Number, ind: &Indicator) -> String {
        tr!(
            self.lang,
            fig.range,
            min = self.figure(min.value, ind.decimals),
            max = self.figure(max.value, ind.decimals)
        )
    }

    /// A milestone's name: the plan's label, else 中間目標.
    pub fn milestone_label(&self, label: Option<&str>) -> String {
        label.unwrap_or(self.lang.text().fig.milestone).to_string()
    }

    /// The legend lines of a page: what each status symbol shown on it means (naming
    /// every status that shares the symbol), and the sign of a fall when it is not the
    /// report's own because a grade mark is that sign.
    pub fn legend(&self, shown: &[Status], falls: bool) -> Vec<String> {
        let fig = &self.lang.text().fig;
        let mut lines = Vec::new();
        let mut done: Vec<&str> = Vec::new();
        for s in Status::ALL {
            if !shown.contains(&s) {
                continue;
            }
            let symbol = self.status(s);
            if done.contains(&symbol) {
                continue;
            }
            done.push(symbol);
            let names: Vec<&str> = Status::ALL
                .iter()
                .filter(|x| self.status(**x) == symbol)
                .map(|x| status_name(self.lang, *x))
                .collect();
            // 「未集計」 needs no legend saying it means 未集計.
            if names.len() == 1 && names[0] == symbol {
                continue;
            }
            lines.push(tr!(
                self.lang,
                fig.legend_status,
                symbol = symbol,
                names = names.join(fig.legend_names_sep)
            ));
        }
        if falls && let Some(mark) = &self.replaced_mark {
            lines.push(tr!(
                self.lang,
                fig.legend_negative,
                symbol = self.negative,
                mark = mark
            ));
        }
        lines
    }

    /// Whether a fall prints with another sign than the report's own (a grade mark is it).
    pub fn fall_sign_replaced(&self) -> bool {
        self.replaced_mark.is_some()
    }
}
