//! Exact decimal numbers from YAML and how they are rounded (see [`crate::format`] for how
//! they are written).
//!
//! Rates are computed on decimals, not floats, so that 「x.x5」 rounds half up the way a
//! city's spreadsheet shows it (a float would turn 93.65 into 93.6499…).

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Deserialize;

/// A number as an editor wrote it, kept exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Num(pub Decimal);

impl From<Decimal> for Num {
    fn from(d: Decimal) -> Self {
        Num(d)
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Num, E> {
                Ok(Num(Decimal::from(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Num, E> {
                Ok(Num(Decimal::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Num, E> {
                // Display gives the shortest text that reads back as the same float, which
                // is what the editor typed: 50.2 stays 50.2, not 50.2000000000000028.
                Decimal::from_str(&v.to_string())
                    .or_else(|_| Decimal::from_scientific(&format!("{v:e}")))
                    .map(Num)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Float(v), &self))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Num, E> {
                // Numbers pasted from Excel arrive as "1,057" or full-width digits.
                let cleaned: String = crate::era::normalize_width(v)
                    .chars()
                    .filter(|c| *c != ',')
                    .collect();
                Decimal::from_str(cleaned.trim())
                    .map(Num)
                    .map_err(|_| E::invalid_type(serde::de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_any(V)
    }
}

/// Rounds half up (away from zero) to `decimals` places and keeps trailing zeros: 99 → 99.0.
pub fn round_half_up(value: Decimal, decimals: u32) -> Decimal {
    let mut r = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(decimals);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounding_is_half_up_with_trailing_zeros() {
        assert_eq!(round_half_up(d("93.65"), 1).to_string(), "93.7");
        assert_eq!(round_half_up(d("93.649999"), 1).to_string(), "93.6");
        assert_eq!(round_half_up(d("0.05"), 1).to_string(), "0.1");
        assert_eq!(round_half_up(d("99"), 1).to_string(), "99.0");
        assert_eq!(round_half_up(d("90.5"), 0).to_string(), "91");
        assert_eq!(round_half_up(d("-1.25"), 1).to_string(), "-1.3");
    }

    #[test]
    fn yaml_numbers_stay_exact() {
        #[derive(Deserialize)]
        struct T {
            a: Num,
            b: Num,
            c: Num,
        }
        let t: T = serde_saphyr::from_str("a: 50.2\nb: 7068\nc: \"1,057\"\n").unwrap();
        assert_eq!(t.a.0.to_string(), "50.2");
        assert_eq!(t.b.0.to_string(), "7068");
        assert_eq!(t.c.0.to_string(), "1057");
        assert!(serde_saphyr::from_str::<T>("a: 約50\nb: 1\nc: 1\n").is_err());
    }
}
