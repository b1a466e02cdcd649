//! A monitoring value as written: a number (SPEC §10's grammar, precision kept), a value
//! below the limit of quantification (`<0.5`, `＜0.5`, `0.5未満`, `ND`, `N.D.`, 不検出) kept
//! as typed, or a status (未集計, －, …, x, 欠測).

use rust_decimal::Decimal;

use crate::figure::{NumberError, Status, parse_cell, parse_number};

/// What a reading holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A number with the decimals it was written with.
    Number(Decimal),
    /// Below the limit of quantification or detection.
    Below(Below),
    /// A status instead of a value: 欠測, 未集計 ….
    Status(Status),
}

/// A value below the limit of quantification (`<0.5`) or not detected (`ND`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Below {
    /// The limit when the text names one (0.5 of `<0.5`); none for ND and 不検出.
    pub limit: Option<Decimal>,
    /// The text as the editor wrote it, printed as is.
    pub text: String,
}

impl Value {
    /// The number, when it is one.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// The spellings of "not detected" (compared after full-width letters are made ASCII and
/// upper case).
const NOT_DETECTED: &[&str] = &[
    "ND",
    "N.D.",
    "N.D",
    "ND.",
    "不検出",
    "検出せず",
    "検出されず",
];

/// Reads a value as a published table writes it; the error says why a text is not one.
pub fn parse_value(text: &str) -> Result<Value, NumberError> {
    let t = text.trim();
    let ascii: String = t
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .to_uppercase();
    if NOT_DETECTED.contains(&ascii.as_str()) {
        return Ok(Value::Below(Below {
            limit: None,
            text: t.to_string(),
        }));
    }
    let limit = if let Some(rest) = ascii.strip_prefix('<') {
        Some(rest)
    } else {
        ascii.strip_suffix("未満")
    };
    if let Some(limit) = limit {
        // `<` alone, or `<約5`: the number's own error, about the whole text.
        let limit = parse_number(limit).map_err(|e| match e {
            NumberError::Empty => NumberError::NotANumber,
            other => other,
        })?;
        return Ok(Value::Below(Below {
            limit: Some(limit),
            text: t.to_string(),
        }));
    }
    Ok(match parse_cell(t)? {
        crate::figure::Cell::Value(v) => Value::Number(v),
        crate::figure::Cell::Status(s) => Value::Status(s),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn below(text: &str) -> (Option<String>, String) {
        match parse_value(text).unwrap() {
            Value::Below(b) => (b.limit.map(|l| l.to_string()), b.text),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn numbers_keep_their_written_decimals() {
        assert_eq!(
            parse_value("0.030").unwrap().number().unwrap().to_string(),
            "0.030"
        );
        assert_eq!(
            parse_value("１，２３４．５")
                .unwrap()
                .number()
                .unwrap()
                .to_string(),
            "1234.5"
        );
        assert_eq!(
            parse_value("△0.5").unwrap().number().unwrap().to_string(),
            "-0.5"
        );
    }

    #[test]
    fn below_the_limit_is_kept_as_written() {
        assert_eq!(below("<0.5"), (Some("0.5".into()), "<0.5".into()));
        assert_eq!(below("＜0.5"), (Some("0.5".into()), "＜0.5".into()));
        assert_eq!(below(" < 0.50 "), (Some("0.50".into()), "< 0.50".into()));
        assert_eq!(below("0.5未満"), (Some("0.5".into()), "0.5未満".into()));
        assert_eq!(below("ND"), (None, "ND".into()));
        assert_eq!(below("n.d."), (None, "n.d.".into()));
        assert_eq!(below("Ｎ．Ｄ．"), (None, "Ｎ．Ｄ．".into()));
        assert_eq!(below("不検出"), (None, "不検出".into()));
    }

    #[test]
    fn statuses_and_refusals() {
        assert_eq!(parse_value("欠測").unwrap(), Value::Status(Status::Missing));
        assert_eq!(
            parse_value("－").unwrap(),
            Value::Status(Status::NotApplicable)
        );
        assert_eq!(parse_value("39,5").unwrap_err(), NumberError::Grouping);
        assert_eq!(
            parse_value("0.03ppm").unwrap_err(),
            NumberError::Unit("ppm".into())
        );
        assert_eq!(parse_value("<").unwrap_err(), NumberError::NotANumber);
        assert_eq!(parse_value("<約5").unwrap_err(), NumberError::Approx);
        assert_eq!(parse_value("良好").unwrap_err(), NumberError::NotANumber);
        assert_eq!(parse_value("").unwrap_err(), NumberError::Empty);
    }
}
