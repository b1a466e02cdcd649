//! The money rules of SPEC §11 as pure functions on exact decimals: フルコスト and 一般財源,
//! 執行率, 進捗率, 前年度対比, 一人あたりコスト and the sums of a group. Rates round half up
//! to `[evaluation] money_rate_decimals`.

use rust_decimal::Decimal;

use super::super::rules::Overflow;
use super::super::types::Rate;
use super::types::{Amounts, Change, Column, MoneyRow};
use crate::config::Money;
use crate::model::Cost;
use crate::num::round_half_up;

/// `part ÷ whole × 100`, rounded; none when `whole` is 0.
pub(super) fn percent(
    part: Decimal,
    whole: Decimal,
    decimals: u32,
) -> Result<Option<Rate>, Overflow> {
    if whole.is_zero() {
        return Ok(None);
    }
    let r = part
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(whole))
        .ok_or(Overflow)?;
    Ok(Some(Rate::Value(round_half_up(r, decimals))))
}

/// 人件費, 間接費, 特定財源 and 人工 as given, and フルコスト = 決算額 + 人件費 + 間接費 and
/// 一般財源 = フルコスト − 特定財源 where 決算額 is given (a part not written counts 0).
pub(super) fn cost_columns(a: &mut Amounts, cost: &Cost) -> Result<(), Overflow> {
    let total = |x: &Option<crate::model::Amount>| x.as_ref().map(|x| x.total);
    a.set(Column::Personnel, total(&cost.personnel));
    a.set(Column::Indirect, total(&cost.indirect));
    a.set(Column::SpecificRevenue, total(&cost.specific_revenue));
    a.set(Column::Staff, total(&cost.staff));
    let Some(settled) = a.get(Column::Settled) else {
        return Ok(());
    };
    let zero = |c: Column| a.get(c).unwrap_or_default();
    let full = settled
        .checked_add(zero(Column::Personnel))
        .and_then(|x| x.checked_add(zero(Column::Indirect)))
        .ok_or(Overflow)?;
    a.set(Column::FullCost, Some(full));
    if let Some(sr) = a.get(Column::SpecificRevenue) {
        a.set(
            Column::GeneralRevenue,
            Some(full.checked_sub(sr).ok_or(Overflow)?),
        );
    }
    Ok(())
}

/// 執行率 and 進捗率 from a row's columns.
pub(super) fn rates(row: &mut MoneyRow, s: &Money) -> Result<(), Overflow> {
    let a = row.amounts;
    if let (Some(settled), Some(current)) = (a.get(Column::Settled), a.get(Column::CurrentBudget)) {
        row.execution_rate = percent(settled, current, s.rate_decimals)?;
    }
    if let (Some(b), Some(planned)) = (a.get(Column::SettledTotal), a.get(Column::PlannedTotal)) {
        row.progress = percent(b, planned, s.rate_decimals)?;
    }
    Ok(())
}

/// 一人あたりコスト: フルコスト (in the money unit) ÷ 受益者数, in the per-person unit,
/// rounded half up to `cost_decimals`.
pub(super) fn per_person(
    full: Decimal,
    beneficiaries: Decimal,
    s: &Money,
) -> Result<Decimal, Overflow> {
    let v = full
        .checked_mul(s.unit.yen())
        .and_then(|x| x.checked_div(s.per_person_unit.yen()))
        .and_then(|x| x.checked_div(beneficiaries))
        .ok_or(Overflow)?;
    Ok(round_half_up(v, s.cost_decimals))
}

/// 増減額 and 前年度対比 of every column both years have, and the change of 執行率 in points.
pub(super) fn compare(row: &mut MoneyRow, prev: &MoneyRow, s: &Money) -> Result<(), Overflow> {
    for c in Column::ALL {
        if let (Some(now), Some(before)) = (row.amounts.get(c), prev.amounts.get(c)) {
            row.changes[c.index()] = Some(Change {
                diff: now.checked_sub(before).ok_or(Overflow)?,
                ratio: percent(now, before, s.rate_decimals)?,
            });
        }
    }
    if let (Some(now), Some(before)) = (
        row.execution_rate.and_then(Rate::value),
        prev.execution_rate.and_then(Rate::value),
    ) {
        row.execution_change = Some(now.checked_sub(before).ok_or(Overflow)?);
    }
    Ok(())
}

/// The sums of rows: a column is summed over the rows that have it, and is none where no
/// row has it; 事業数 counts the rows; 執行率 and 進捗率 come from the sums.
pub(super) fn sum<'a>(
    rows: impl IntoIterator<Item = &'a MoneyRow>,
    s: &Money,
) -> Result<MoneyRow, Overflow> {
    let mut a = Amounts::default();
    let mut count = 0;
    for r in rows {
        count += r.count;
        for c in Column::ALL {
            if let Some(v) = r.amounts.get(c) {
                let t = a
                    .get(c)
                    .unwrap_or_default()
                    .checked_add(v)
                    .ok_or(Overflow)?;
                a.set(c, Some(t));
            }
        }
    }
    let mut row = MoneyRow {
        amounts: a,
        count,
        ..MoneyRow::default()
    };
    rates(&mut row, s)?;
    Ok(row)
}

/// 構成比 of a row in the 合計 (of 決算額, or of 予算現額 when `share_of` says so).
pub(super) fn share(row: &mut MoneyRow, total: &Amounts, s: &Money) -> Result<(), Overflow> {
    let col = match s.share_of {
        crate::config::ShareOf::Settled => Column::Settled,
        crate::config::ShareOf::CurrentBudget => Column::CurrentBudget,
    };
    if let (Some(part), Some(whole)) = (row.amounts.get(col), total.get(col)) {
        row.share = percent(part, whole, s.rate_decimals)?;
    }
    Ok(())
}
