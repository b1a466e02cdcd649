//! Figures as cities publish them (SPEC §10): the grammar of a number an editor may write,
//! the precision it was written with, and the statuses that stand in a cell instead of a value.
//!
//! A number is read from the text the editor typed, never from the float a YAML parser made of
//! it: `60.30` keeps its two decimals, and `39,5` is refused instead of becoming 395.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::diag::Lang;

mod value;

pub use value::{Number, Value};

/// Why a text is not a number, in words an editor can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing was written.
    Empty,
    /// A comma that does not separate groups of three digits: `39,5`, `1,23`, `12,3456`.
    Grouping,
    /// A comma used as the decimal point after a `.` grouping: `1.234,5`.
    DecimalComma,
    /// 約50: approximation is a key of its own.
    Approx,
    /// 85%: the unit belongs in `unit`.
    Percent,
    /// 50件, 1,075g: a unit or word after the digits.
    Unit(String),
    /// 1e3, 0x10, 1_000, .5, 5., +-5, 1 234: not how a published table writes a number.
    Form(Form),
    /// 100〜120: a range is `min`/`max`.
    Range,
    /// More digits than an exact decimal holds (28).
    TooLong,
    /// Anything else that is not a number.
    NotANumber,
}

impl NumberError {
    /// What is wrong.
    pub fn message(&self, text: &str, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            NumberError::Empty if ja => "数値が空です".into(),
            NumberError::Empty => "the number is empty".into(),
            NumberError::Grouping if ja => {
                format!("「{text}」は数値として読めません：桁区切りの「,」は3桁ごとです")
            }
            NumberError::Grouping => {
                format!(
                    "`{text}` is not a number: a thousands comma separates groups of three digits"
                )
            }
            NumberError::DecimalComma if ja => {
                format!("「{text}」は数値として読めません：小数点は「.」、桁区切りは「,」です")
            }
            NumberError::DecimalComma => {
                format!(
                    "`{text}` is not a number: the decimal point is `.` and `,` groups thousands"
                )
            }
            NumberError::Approx if ja => format!("「{text}」の「約」は数値に含められません"),
            NumberError::Approx => format!("`{text}`: 約 (about) cannot be part of the number"),
            NumberError::Percent if ja => format!("「{text}」の「%」は数値に含められません"),
            NumberError::Percent => format!("`{text}`: % cannot be part of the number"),
            NumberError::Unit(u) if ja => {
                format!("「{text}」の「{u}」は数値に含められません：単位は unit に書きます")
            }
            NumberError::Unit(u) => {
                format!("`{text}`: `{u}` cannot be part of the number; the unit goes in `unit`")
            }
            NumberError::Form(why) if ja => {
                format!("「{text}」は数値として読めません：{}", why.ja())
            }
            NumberError::Form(why) => format!("`{text}` is not a number: {}", why.en()),
            NumberError::Range if ja => format!("「{text}」は範囲です。1つの数値を書きます"),
            NumberError::Range => format!("`{text}` is a range, not one number"),
            NumberError::TooLong if ja => format!("「{text}」は桁数が多すぎます（28桁まで）"),
            NumberError::TooLong => format!("`{text}` has too many digits (28 at most)"),
            NumberError::NotANumber if ja => {
                format!("数値が必要なところに「{text}」が書かれています")
            }
            NumberError::NotANumber => format!("expected a number, found `{text}`"),
        }
    }

    /// What would be right.
    pub fn hint(&self, text: &str, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
        match self {
            NumberError::Grouping | NumberError::DecimalComma => {
                let as_point = decimal_comma_reading(text);
                match (as_point, ja) {
                    (Some(p), true) => format!(
                        "小数点なら {p}、桁区切りなら 3桁ごとに「,」を入れます（1,234）。区切らずに {digits} と書くこともできます"
                    ),
                    (Some(p), false) => format!(
                        "write {p} for a decimal, or group thousands in threes (1,234), or write {digits}"
                    ),
                    (None, true) => format!(
                        "桁区切りは 3桁ごとに「,」を入れます（1,234）。区切らずに {digits} と書くこともできます"
                    ),
                    (None, false) => format!("group thousands in threes (1,234) or write {digits}"),
                }
            }
            NumberError::Approx => lang
                .pick(
                    "数値だけを書き、「approx: true」を添えます（例: { value: 980, approx: true }）",
                    "write the number alone with `approx: true` beside it",
                )
                .into(),
            NumberError::Percent | NumberError::Unit(_) => lang
                .pick(
                    "数字だけを書き、単位は指標の unit に書きます",
                    "write digits only; the unit goes in the indicator's `unit`",
                )
                .into(),
            NumberError::Range => lang
                .pick(
                    "範囲の目標は { min: 100, max: 120 } のように書きます",
                    "write a range target as { min: 100, max: 120 }",
                )
                .into(),
            NumberError::Empty | NumberError::NotANumber | NumberError::Form(_) => lang
                .pick(
                    "数字だけを書きます（例: 1234、1,234、12.5、△3）。未集計は null、該当なしは －",
                    "write digits only (1234, 1,234, 12.5, △3); null for not collected, － for not applicable",
                )
                .into(),
            NumberError::TooLong => lang
                .pick("桁数を減らしてください", "write fewer digits")
                .into(),
        }
    }
}

/// The ways a text looks like a number but is not written as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// +-5, △-3.
    TwoSigns,
    /// 1.2.3.
    TwoPoints,
    /// 5.
    NothingAfterPoint,
    /// .5
    NothingBeforePoint,
    /// 007.
    LeadingZero,
    /// 1e3.
    Exponent,
    /// 0x10, 0o17.
    Radix,
    /// 1_000.
    Underscore,
    /// 1 234.
    Space,
}

impl Form {
    fn ja(self) -> &'static str {
        match self {
            Form::TwoSigns => "符号は1つだけ書きます",
            Form::TwoPoints => "小数点が2つあります",
            Form::NothingAfterPoint => "小数点の後に数字がありません",
            Form::NothingBeforePoint => "小数点の前に 0 を書きます（0.5）",
            Form::LeadingZero => "先頭に余分な 0 があります",
            Form::Exponent => "指数表記（1e3 など）は使えません。1000 のように書きます",
            Form::Radix => "16進・8進・2進の表記は使えません",
            Form::Underscore => "「_」は使えません。桁区切りは「,」です",
            Form::Space => "数字の間に空白があります",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Form::TwoSigns => "write one sign only",
            Form::TwoPoints => "it has two decimal points",
            Form::NothingAfterPoint => "no digits after the decimal point",
            Form::NothingBeforePoint => "write a 0 before the decimal point (0.5)",
            Form::LeadingZero => "it starts with a superfluous 0",
            Form::Exponent => "exponent notation (1e3) is not allowed; write 1000",
            Form::Radix => "hexadecimal, octal and binary are not allowed",
            Form::Underscore => "`_` is not allowed; thousands are grouped with `,`",
            Form::Space => "there is a space between the digits",
        }
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// `39,5` read with a decimal comma (39.5), for the hint; none when that reading is not
/// plausible either.
fn decimal_comma_reading(text: &str) -> Option<String> {
    let t = normalize(text);
    let (int, frac) = t.rsplit_once(',')?;
    let int = int.replace('.', "");
    (!int.is_empty()
        && int.chars().all(|c| c.is_ascii_digit())
        && !frac.is_empty()
        && frac.chars().all(|c| c.is_ascii_digit()))
    .then(|| format!("{int}.{frac}"))
}

/// Full-width digits and signs to ASCII, ideographic space to a space.
fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Reads a number as a published table writes it: digits with an optional decimal point,
/// thousands commas only in groups of three, full-width digits and `，．`, and a negative
/// written `-`, `−`, `△` or `▲`. The result keeps the decimals as written (`60.30` has scale 2).
pub fn parse_number(text: &str) -> Result<Decimal, NumberError> {
    let t = normalize(text);
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = split_sign(&t)?;
    check_body(body)?;
    let plain: String = body.chars().filter(|c| *c != ',').collect();
    // rust_decimal rounds digits beyond its 28 instead of failing: refuse them here.
    if plain.chars().filter(char::is_ascii_digit).count() > 28 {
        return Err(NumberError::TooLong);
    }
    let mut d = Decimal::from_str(&plain).map_err(|_| NumberError::TooLong)?;
    if negative && !d.is_zero() {
        d.set_sign_negative(true);
    }
    Ok(d)
}

fn split_sign(t: &str) -> Result<(bool, &str), NumberError> {
    let mut chars = t.chars();
    let first = chars.next().unwrap_or(' ');
    let (negative, rest) = match first {
        '-' | '−' | '△' | '▲' => (true, chars.as_str()),
        '+' => (false, chars.as_str()),
        _ => (false, t),
    };
    let rest = rest.trim_start();
    if rest.starts_with(['-', '−', '△', '▲', '+']) {
        return Err(NumberError::Form(Form::TwoSigns));
    }
    Ok((negative, rest))
}

/// Whether `text` starts with a word for "about" (約, およそ, approx.), and the rest. In
/// YAML that is an error (`approx: true` says it); a sheet cell has no other way to say it.
pub fn strip_approx(text: &str) -> (bool, &str) {
    let t = text.trim_start();
    for word in ["約", "およそ", "approx.", "approx"] {
        if let Some(rest) = t.strip_prefix(word) {
            return (true, rest);
        }
    }
    (false, text)
}

/// The digits after the sign: `1234`, `1,234`, `12.5`, `1,234.50`.
fn check_body(body: &str) -> Result<(), NumberError> {
    if body.is_empty() {
        return Err(NumberError::Empty);
    }
    if strip_approx(body).0 {
        return Err(NumberError::Approx);
    }
    if body.contains(['〜', '~', '～']) {
        return Err(NumberError::Range);
    }
    let end = body
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(body.len());
    let (num, tail) = body.split_at(end);
    if !tail.is_empty() {
        return Err(classify_tail(num, tail));
    }
    let (int, frac) = match num.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (num, None),
    };
    if let Some(f) = frac {
        if f.contains('.') {
            return Err(NumberError::Form(Form::TwoPoints));
        }
        if f.contains(',') {
            return Err(
                if int.contains(',') || !int.contains('.') && int.len() <= 3 {
                    NumberError::DecimalComma
                } else {
                    NumberError::Grouping
                },
            );
        }
        if f.is_empty() {
            return Err(NumberError::Form(Form::NothingAfterPoint));
        }
    }
    if int.is_empty() {
        return Err(NumberError::Form(Form::NothingBeforePoint));
    }
    if int.contains(',') && !well_grouped(int) {
        return Err(NumberError::Grouping);
    }
    if int.len() > 1 && int.starts_with('0') {
        return Err(NumberError::Form(Form::LeadingZero));
    }
    Ok(())
}

/// `1,234` and `12,345,678`: one to three digits, then groups of exactly three.
fn well_grouped(int: &str) -> bool {
    let mut groups = int.split(',');
    let head = groups.next().unwrap_or("");
    !head.is_empty()
        && head.len() <= 3
        && !head.starts_with('0')
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

fn classify_tail(num: &str, tail: &str) -> NumberError {
    let t = tail.trim_start();
    if num.is_empty() {
        return NumberError::NotANumber;
    }
    if t.starts_with(['%', '％']) {
        return NumberError::Percent;
    }
    if num == "0" && t.starts_with(['x', 'o', 'b']) {
        return NumberError::Form(Form::Radix);
    }
    if let Some(exp) = t.strip_prefix(['e', 'E'])
        && !exp.is_empty()
        && exp
            .trim_start_matches(['+', '-'])
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        return NumberError::Form(Form::Exponent);
    }
    if t.starts_with('_') {
        return NumberError::Form(Form::Underscore);
    }
    if t.starts_with(['〜', '~', '～', '-', '−']) {
        return NumberError::Range;
    }
    if tail.starts_with(' ') && t.starts_with(|c: char| c.is_ascii_digit()) {
        return NumberError::Form(Form::Space);
    }
    NumberError::Unit(t.to_string())
}

/// What stands in a cell instead of a value (SPEC §10, and 欠測 for monitoring, §12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// 未集計: not yet surveyed (`null`).
    NotCollected,
    /// 該当なし: nothing to report that year (－).
    NotApplicable,
    /// 不明: not known (…).
    Unknown,
    /// 秘匿: withheld (x).
    Withheld,
    /// 欠測: a measurement that failed (monitoring data only).
    Missing,
}

impl Status {
    /// Every status, in legend order.
    pub const ALL: [Status; 5] = [
        Status::NotCollected,
        Status::NotApplicable,
        Status::Unknown,
        Status::Withheld,
        Status::Missing,
    ];

    /// The status an editor's word stands for: 未集計, －/ー/該当なし, …/不明, x/秘匿, 欠測.
    pub fn from_word(text: &str) -> Option<Status> {
        let t = normalize(text);
        Some(match t.as_str() {
            "未集計" | "集計中" => Status::NotCollected,
            "-" | "ー" | "―" | "—" | "‐" | "−" | "該当なし" => Status::NotApplicable,
            "…" | "..." | "・・・" | "･･･" | "不明" | "不詳" => Status::Unknown,
            "x" | "X" | "秘匿" => Status::Withheld,
            "欠測" => Status::Missing,
            _ => return None,
        })
    }

    /// The key of the status in `[report.symbols]` and in CSV/JSON.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotCollected => "not_collected",
            Status::NotApplicable => "not_applicable",
            Status::Unknown => "unknown",
            Status::Withheld => "withheld",
            Status::Missing => "missing",
        }
    }

    /// The symbol printed by default.
    pub fn default_symbol(self) -> &'static str {
        match self {
            Status::NotCollected => "未集計",
            Status::NotApplicable => "－",
            Status::Unknown => "…",
            Status::Withheld => "x",
            Status::Missing => "欠測",
        }
    }
}

/// A cell of a published table: a number as written, or a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// A number, with the decimals it was written with.
    Value(Decimal),
    /// A status instead of a number.
    Status(Status),
}

/// Reads a cell: a status word or a number by [`parse_number`].
pub fn parse_cell(text: &str) -> Result<Cell, NumberError> {
    if let Some(s) = Status::from_word(text) {
        return Ok(Cell::Status(s));
    }
    parse_number(text).map(Cell::Value)
}

/// The exact text of a YAML scalar at `line`:`column` (1-based, columns in characters) that
/// is `chars` characters long, as the editor typed it: a float parsed by YAML has lost its
/// trailing zeros, and this has not.
pub fn source_text(source: &str, line: u64, column: u64, chars: u64) -> Option<&str> {
    let line_text = source
        .split('\n')
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    scalar_in_line(line_text, column, chars)
}

/// The exact text of a YAML scalar that starts at `column` (1-based, in characters) of
/// `line_text` and is `chars` characters long.
pub fn scalar_in_line(line_text: &str, column: u64, chars: u64) -> Option<&str> {
    let start = line_text
        .char_indices()
        .nth(usize::try_from(column).ok()?.checked_sub(1)?)?
        .0;
    let rest = &line_text[start..];
    let end = rest
        .char_indices()
        .nth(usize::try_from(chars).ok()?)
        .map_or(rest.len(), |(i, _)| i);
    Some(rest[..end].trim_end_matches('\r'))
}

#[cfg(test)]
mod tests;
