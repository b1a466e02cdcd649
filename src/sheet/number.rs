//! Excel's number cells as exact decimals.
//!
//! Excel keeps a number as a binary float and shows it through the cell's number format.
//! nenpo reads what the editor sees: the float at Excel's own precision (15 significant
//! digits, so 0.1+0.2 is 0.3 as Excel shows it) in its shortest text, then the decimals the
//! number format shows. `60.30` typed into a cell formatted `0.00` is held as 60.3 and shown
//! as 60.30, and is read as 60.30; typed into a 「標準」 (General) cell, Excel itself drops
//! the zero (it shows 60.3), and so does nenpo. The template's 実績値 column is formatted as
//! text (`@`), so what is typed there arrives as typed.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::num::round_half_up;

/// The shortest text of a float at Excel's 15 significant digits; none for NaN or infinity.
pub fn excel_number_text(value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let d = Decimal::from_scientific(&format!("{value:.14e}")).ok()?;
    Some(d.normalize().to_string())
}

/// What a number format does to a value as Excel shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shown {
    /// Decimals always shown (`0.00` → 2).
    pub min_decimals: u32,
    /// Decimals shown at most (`0.0#` → 2); none for General.
    pub max_decimals: Option<u32>,
    /// A percent format: the value shows ×100.
    pub percent: bool,
}

/// Reads the first section of a number format code (`#,##0.00;[Red]-#,##0.00` → its
/// positive part): literal text in quotes, escaped characters and `[…]` are skipped.
pub fn shown(format: &str) -> Shown {
    let section = format.split(';').next().unwrap_or("");
    let mut plain = String::new();
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for d in chars.by_ref() {
                    if d == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                }
            }
            c => plain.push(c),
        }
    }
    let percent = plain.contains('%');
    let lower = plain.to_ascii_lowercase();
    if lower.contains("general") || lower.contains('e') || !plain.contains(['0', '#', '?']) {
        return Shown {
            percent,
            ..Shown::default()
        };
    }
    let after_point = plain.split_once('.').map_or("", |(_, f)| f);
    let places: String = after_point
        .chars()
        .take_while(|c| matches!(c, '0' | '#' | '?' | ','))
        .filter(|c| *c != ',')
        .collect();
    Shown {
        min_decimals: places.chars().filter(|c| *c == '0').count() as u32,
        max_decimals: Some(places.chars().count() as u32),
        percent,
    }
}

/// The value of a number cell as Excel shows it: `text` from [`excel_number_text`], through
/// `format`. Returns the decimal and whether the format changed what the cell holds (a
/// percent, rounding to the decimals shown, or zeros the format adds).
pub fn as_shown(text: &str, format: Option<&str>) -> Option<(Decimal, bool)> {
    let mut d = Decimal::from_str(text).ok()?;
    let Some(format) = format else {
        return Some((d, false));
    };
    let s = shown(format);
    let held = d;
    if s.percent {
        d = d.checked_mul(Decimal::ONE_HUNDRED)?.normalize();
    }
    if let Some(max) = s.max_decimals
        && d.scale() > max
    {
        d = round_half_up(d, max);
    }
    if d.scale() < s.min_decimals {
        d.rescale(s.min_decimals);
    }
    let changed = d.to_string() != held.to_string();
    Some((d, changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_read_as_excel_shows_them() {
        assert_eq!(excel_number_text(60.3).unwrap(), "60.3");
        assert_eq!(excel_number_text(0.1 + 0.2).unwrap(), "0.3");
        assert_eq!(excel_number_text(1234.0).unwrap(), "1234");
        assert_eq!(excel_number_text(-3.5).unwrap(), "-3.5");
        assert_eq!(excel_number_text(1e-7).unwrap(), "0.0000001");
        assert_eq!(excel_number_text(f64::NAN), None);
    }

    #[test]
    fn a_format_with_two_decimals_keeps_the_zero_typed_in_excel() {
        // 60.30 typed into a cell formatted 0.00: the file holds 60.3.
        assert_eq!(
            as_shown("60.3", Some("0.00")).map(|(d, _)| d.to_string()),
            Some("60.30".into())
        );
        assert_eq!(
            as_shown("60.3", Some("#,##0.00;[Red]\\-#,##0.00")).map(|(d, _)| d.to_string()),
            Some("60.30".into())
        );
        // General shows what the cell holds.
        assert_eq!(
            as_shown("60.3", Some("General")),
            Some((Decimal::from_str("60.3").unwrap(), false))
        );
        assert_eq!(
            as_shown("60.3", None),
            Some((Decimal::from_str("60.3").unwrap(), false))
        );
    }

    #[test]
    fn a_formula_result_is_read_at_the_decimals_shown() {
        let (d, changed) = as_shown("33.3333333333333", Some("0.0")).unwrap();
        assert_eq!(d.to_string(), "33.3");
        assert!(changed);
        let (d, _) = as_shown("0.15", Some("0.0")).unwrap();
        assert_eq!(d.to_string(), "0.2", "half up, as Excel shows it");
        let (d, _) = as_shown("95.55", Some("0.0#")).unwrap();
        assert_eq!(d.to_string(), "95.55");
        let (d, _) = as_shown("95", Some("0.0#")).unwrap();
        assert_eq!(d.to_string(), "95.0");
    }

    #[test]
    fn a_percent_cell_is_read_as_the_percent_shown() {
        let (d, changed) = as_shown("0.853", Some("0.0%")).unwrap();
        assert_eq!(d.to_string(), "85.3");
        assert!(changed);
        let (d, _) = as_shown("0.5", Some("0%")).unwrap();
        assert_eq!(d.to_string(), "50");
    }

    #[test]
    fn quoted_text_and_colours_in_a_format_are_not_decimals() {
        assert_eq!(
            shown("[$-411]0.0\"件\""),
            Shown {
                min_decimals: 1,
                max_decimals: Some(1),
                percent: false
            }
        );
        assert_eq!(shown("@").max_decimals, None);
        assert_eq!(shown("0.00E+00").max_decimals, None);
    }
}
