//! A figure as the model holds it once read: a number with the decimals it was written with
//! and whether the city printed it as approximate (約), or a status in its place. Indicators,
//! money and monitoring values all use this one type, so every table prints them the same way.

use rust_decimal::Decimal;

use super::Status;

/// A number as published: the exact decimal (its scale is the decimals written: 60.30 has
/// two) and whether it is approximate (`approx: true`, printed 約980).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Number {
    /// The value, with the decimals it was written with.
    pub value: Decimal,
    /// Printed with 約.
    pub approx: bool,
}

impl Number {
    /// An exact number.
    pub fn exact(value: Decimal) -> Number {
        Number {
            value,
            approx: false,
        }
    }
}

/// A published figure: a number, or a status where a table prints a symbol instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    /// A number.
    Number(Number),
    /// 未集計, 該当なし, 不明, 秘匿 (or 欠測 for monitoring data).
    Status(Status),
}

impl Default for Value {
    /// Nothing written yet: 未集計.
    fn default() -> Value {
        Value::NOT_COLLECTED
    }
}

impl Value {
    /// 未集計: nothing written, or `null`.
    pub const NOT_COLLECTED: Value = Value::Status(Status::NotCollected);

    /// An exact number.
    pub fn exact(value: Decimal) -> Value {
        Value::Number(Number::exact(value))
    }

    /// The number, when there is one.
    pub fn number(self) -> Option<Decimal> {
        match self {
            Value::Number(n) => Some(n.value),
            Value::Status(_) => None,
        }
    }

    /// The number with its 約, when there is one.
    pub fn as_number(self) -> Option<Number> {
        match self {
            Value::Number(n) => Some(n),
            Value::Status(_) => None,
        }
    }

    /// The status, when there is no number.
    pub fn status(self) -> Option<Status> {
        match self {
            Value::Status(s) => Some(s),
            Value::Number(_) => None,
        }
    }
}

impl Status {
    /// The position of the status in [`Status::ALL`]: the order of legends and of the
    /// catalogue's lists of names and symbols.
    pub fn index(self) -> usize {
        Status::ALL.iter().position(|x| *x == self).unwrap_or(0)
    }
}

impl From<super::Cell> for Value {
    fn from(c: super::Cell) -> Value {
        match c {
            super::Cell::Value(d) => Value::exact(d),
            super::Cell::Status(s) => Value::Status(s),
        }
    }
}
