//! The money rules against figures worked out by hand the way a city's 決算 table prints
//! them.

use rust_decimal::Decimal;

use super::rules::{compare, cost_columns, per_person, percent, share, sum};
use super::types::{Amounts, Column, MoneyRow};
use crate::config::{Money, MoneyUnit};
use crate::evaluate::Rate;
use crate::model::{Amount, Cost};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn row(cols: &[(Column, Decimal)]) -> MoneyRow {
    let mut a = Amounts::default();
    for (c, v) in cols {
        a.set(*c, Some(*v));
    }
    let mut r = MoneyRow {
        amounts: a,
        count: 1,
        ..MoneyRow::default()
    };
    super::rules::rates(&mut r, &Money::default()).unwrap();
    r
}

fn amount(v: Decimal) -> Option<Amount> {
    Some(Amount {
        total: v,
        parts: Vec::new(),
    })
}

#[test]
fn execution_rate_over_100_percent_rounds_half_up() {
    // 公共施設照明LED化: 予算現額 35,000, 決算額 38,240 → 109.257… → 109.3
    let r = row(&[
        (Column::CurrentBudget, d("35000")),
        (Column::Settled, d("38240")),
    ]);
    assert_eq!(r.execution_rate, Some(Rate::Value(d("109.3"))));
    assert_eq!(percent(d("1"), d("0"), 1).unwrap(), None);
    // 2 decimals: 1 ÷ 8 = 12.5 %, 1 ÷ 800 = 0.125 % → 0.13 (half up, not to even)
    assert_eq!(
        percent(d("1"), d("800"), 2).unwrap(),
        Some(Rate::Value(d("0.13")))
    );
}

#[test]
fn change_from_previous_year_is_negative_and_ratio_below_100() {
    let s = Money::default();
    let mut now = row(&[
        (Column::CurrentBudget, d("24000")),
        (Column::Settled, d("19870")),
    ]);
    let before = row(&[
        (Column::CurrentBudget, d("21000")),
        (Column::Settled, d("21000")),
    ]);
    compare(&mut now, &before, &s).unwrap();
    let c = now.change(Column::Settled).unwrap();
    assert_eq!(c.diff, d("-1130"));
    // 19,870 ÷ 21,000 = 94.619… %
    assert_eq!(c.ratio, Some(Rate::Value(d("94.6"))));
    let b = now.change(Column::CurrentBudget).unwrap();
    assert_eq!(
        (b.diff, b.ratio),
        (d("3000"), Some(Rate::Value(d("114.3"))))
    );
    // 執行率 82.8 % (19,870 ÷ 24,000 = 82.79…) against 100.0 %: △17.2 points
    assert_eq!(now.execution_rate, Some(Rate::Value(d("82.8"))));
    assert_eq!(now.execution_change, Some(d("-17.2")));
    // A column only one year has gets no change.
    assert_eq!(now.change(Column::Carried), None);
}

#[test]
fn full_cost_general_revenue_and_cost_per_person() {
    let s = Money::default();
    let mut a = Amounts::default();
    a.set(Column::Settled, Some(d("19870")));
    let cost = Cost {
        personnel: amount(d("4500")),
        indirect: amount(d("300")),
        specific_revenue: amount(d("9000")),
        staff: amount(d("0.6")),
        beneficiaries: Some(d("149")),
    };
    cost_columns(&mut a, &cost).unwrap();
    assert_eq!(a.get(Column::FullCost), Some(d("24670")));
    assert_eq!(a.get(Column::GeneralRevenue), Some(d("15670")));
    assert_eq!(a.get(Column::Staff), Some(d("0.6")));
    // 24,670 千円 ÷ 149 人 = 165,570.47 円 → 165,570 円
    assert_eq!(per_person(d("24670"), d("149"), &s).unwrap(), d("165570"));
    // In 千円 with one decimal: 165.570… → 165.6
    let thousand = Money {
        per_person_unit: MoneyUnit::Thousand,
        cost_decimals: 1,
        ..s
    };
    assert_eq!(
        per_person(d("24670"), d("149"), &thousand).unwrap(),
        d("165.6")
    );
}

#[test]
fn shares_round_each_row_and_the_total_is_100() {
    let s = Money::default();
    let rows = [
        row(&[(Column::Settled, d("1245"))]),
        row(&[(Column::Settled, d("1245"))]),
        row(&[(Column::Settled, d("7510"))]),
    ];
    let mut total = sum(&rows, &s).unwrap();
    assert_eq!(total.count, 3);
    assert_eq!(total.amounts.get(Column::Settled), Some(d("10000")));
    let shares: Vec<Rate> = rows
        .iter()
        .map(|r| {
            let mut r = r.clone();
            share(&mut r, &total.amounts, &s).unwrap();
            r.share.unwrap()
        })
        .collect();
    // 12.45 rounds half up to 12.5 (a bank's rounding would give 12.4); the rounded shares
    // add to 100.1 while the 合計 prints 100.0, as published tables do.
    assert_eq!(
        shares,
        [
            Rate::Value(d("12.5")),
            Rate::Value(d("12.5")),
            Rate::Value(d("75.1"))
        ]
    );
    let whole = total.amounts;
    share(&mut total, &whole, &s).unwrap();
    assert_eq!(total.share, Some(Rate::Value(d("100.0"))));
}

#[test]
fn sums_skip_rows_without_the_column_and_rates_come_from_sums() {
    let s = Money::default();
    let rows = [
        row(&[
            (Column::CurrentBudget, d("1000")),
            (Column::Settled, d("950")),
        ]),
        row(&[
            (Column::CurrentBudget, d("3000")),
            (Column::Settled, d("3300")),
        ]),
        row(&[(Column::Budget, d("500"))]),
    ];
    let t = sum(&rows, &s).unwrap();
    assert_eq!(t.amounts.get(Column::Settled), Some(d("4250")));
    assert_eq!(t.amounts.get(Column::Budget), Some(d("500")));
    assert_eq!(t.amounts.get(Column::Carried), None);
    // 4,250 ÷ 4,000, not the mean of 95.0 and 110.0
    assert_eq!(t.execution_rate, Some(Rate::Value(d("106.3"))));
    let progress = row(&[
        (Column::PlannedTotal, d("500000")),
        (Column::SettledTotal, d("320000")),
    ]);
    assert_eq!(progress.progress, Some(Rate::Value(d("64.0"))));
}
