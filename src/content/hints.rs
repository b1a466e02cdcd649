//! The real mistake behind a YAML error, where serde-saphyr's words would mislead: a
//! full-width space used as indentation, a full-width colon after a key, a date that does not
//! exist, and `{ actual: 1,234 }`, which YAML splits at the comma into `actual: 1` and a
//! key `234` (SPEC §10: never a silent 1).

use crate::diag::{Diagnostic, Lang};
use crate::figure::parse_number;
use crate::tr;

/// A line indented with a full-width space, or a key followed by a full-width colon, at or
/// just before the line YAML stopped at: the root cause of the error.
pub fn root_cause(source: &str, rel: &str, error_line: u32, lang: Lang) -> Option<Diagnostic> {
    let m = &lang.text().content;
    let lines: Vec<&str> = source.split('\n').collect();
    let last = (error_line as usize).clamp(1, lines.len().max(1));
    // A key with a full-width colon anywhere before: YAML may read it as text for a while.
    for (i, line) in lines.iter().enumerate().take(last) {
        if let Some(key) = fullwidth_colon_key(line) {
            let col = line.find(key).map_or(1, |b| line[..b].chars().count() + 1);
            return Some(
                Diagnostic::error(
                    rel,
                    i as u32 + 1,
                    col as u32,
                    tr!(lang, content.fullwidth_colon, key = key),
                )
                .with_hint(tr!(lang, content.fullwidth_colon_hint, key = key)),
            );
        }
    }
    // A full-width space in the indentation of the error's line or the one before (inside a
    // block of text it is the text's own, and YAML does not stop there).
    for i in [last.saturating_sub(1), last.saturating_sub(2)] {
        let Some(line) = lines.get(i) else { continue };
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\u{3000}')
            .collect();
        if let Some(at) = indent.chars().position(|c| c == '\u{3000}') {
            return Some(
                Diagnostic::error(rel, i as u32 + 1, at as u32 + 1, m.fullwidth_space)
                    .with_hint(m.fullwidth_space_hint),
            );
        }
    }
    None
}

/// `  title：x` or `- id：x`: an ASCII key with a full-width colon after it.
fn fullwidth_colon_key(line: &str) -> Option<&str> {
    let t = line.trim_start_matches([' ', '\u{3000}']);
    let t = t.strip_prefix("- ").unwrap_or(t).trim_start();
    let end = t.find('：')?;
    let key = &t[..end];
    (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some(key)
}

/// `{ actual: 1,234 }` read as `actual: 1` and the key `234`: the number as typed, the key
/// it belongs to and the message; none when the unknown key is not digits after a number.
pub fn flow_split(
    source: &str,
    rel: &str,
    (line, column): (u32, u32),
    field: &str,
    lang: Lang,
) -> Option<Diagnostic> {
    if field.is_empty() || !field.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let text = source.split('\n').nth(line.checked_sub(1)? as usize)?;
    let chars: Vec<char> = text.chars().collect();
    let key_at = (column as usize).checked_sub(1)?;
    // Leftwards from the key: a comma, then the number YAML kept.
    let mut i = key_at;
    while i > 0 && chars[i - 1] == ' ' {
        i -= 1;
    }
    if i == 0 || chars[i - 1] != ',' {
        return None;
    }
    let mut start = i - 1;
    while start > 0 && matches!(chars[start - 1], '0'..='9' | ',' | '.' | '-') {
        start -= 1;
    }
    let first: String = chars[start..i - 1].iter().collect();
    if first.is_empty() || !first.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // Rightwards: the rest of the digit groups (1,234,567 is split twice).
    let mut end = key_at;
    while end < chars.len() && matches!(chars[end], '0'..='9' | ',' | '.') {
        end += 1;
    }
    let typed: String = chars[start..end].iter().collect::<String>();
    let typed = typed.trim_end_matches(',');
    let before: String = chars[..start].iter().collect();
    let key = before
        .trim_end()
        .strip_suffix(':')
        .map(|b| {
            b.rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")
        })
        .unwrap_or("");
    let at = start as u32 + 1;
    Some(match parse_number(typed) {
        Ok(d) => Diagnostic::error(
            rel,
            line,
            at,
            tr!(
                lang,
                content.flow_split,
                text = typed,
                key = key,
                first = first,
                rest = field
            ),
        )
        .with_hint(tr!(lang, content.flow_split_hint, plain = d, text = typed)),
        Err(e) => Diagnostic::error(
            rel,
            line,
            at,
            tr!(
                lang,
                content.flow_split_bad,
                message = e.message(typed, lang)
            ),
        )
        .with_hint(e.hint(typed, lang)),
    })
}

/// 2023-11-31: a date written well that does not exist; the message says why.
pub fn no_such_date(text: &str, lang: Lang) -> Option<(String, String)> {
    let parts: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    let [year, month, day] = parts[..] else {
        return None;
    };
    if !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    // An era year (令和5年) does not say the leap year: February then allows the 29th.
    let leap = year < 1000 || (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (day > days).then(|| {
        (
            tr!(
                lang,
                content.no_such_date,
                date = text,
                month = month,
                days = days
            ),
            lang.text().content.no_such_date_hint.to_string(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comma_inside_braces_is_named_with_the_number_as_typed() {
        let src = "kanshin: { actual: 1,234, target: 53.6 }\n";
        let d = flow_split(src, "a.yaml", (1, 22), "234", Lang::Ja).unwrap();
        assert_eq!((d.line, d.column), (1, 20));
        assert!(d.message.contains("「1,234」"), "{}", d.message);
        assert!(d.message.contains("actual: 1"), "{}", d.message);
        let hint = d.hint.unwrap();
        assert!(
            hint.contains("1234") && hint.contains("\"1,234\""),
            "{hint}"
        );
        let src = "a: { actual: 39,5 }\n";
        let d = flow_split(src, "a.yaml", (1, 17), "5", Lang::Ja).unwrap();
        assert!(
            d.message.contains("桁区切りの「,」は3桁ごとです"),
            "{}",
            d.message
        );
        assert!(flow_split(src, "a.yaml", (1, 17), "x5", Lang::Ja).is_none());
    }

    #[test]
    fn full_width_space_and_colon_are_the_root_cause() {
        let src = "goals:\n  - id: 1\n\u{3000}\u{3000}title: x\n";
        let d = root_cause(src, "p.yaml", 3, Lang::Ja).unwrap();
        assert_eq!((d.line, d.column), (3, 1));
        assert!(d.message.contains("全角スペース"), "{}", d.message);
        let src = "goals:\n  - id: 1\n    title：x\n";
        let d = root_cause(src, "p.yaml", 4, Lang::Ja).unwrap();
        assert_eq!((d.line, d.column), (3, 5));
        assert!(d.message.contains("「title：」"), "{}", d.message);
        // A full-width space inside text, away from the error, is the text's own.
        let src = "description: |\n\u{3000}はじめに\nperiod: [2019\n";
        assert!(root_cause(src, "p.yaml", 4, Lang::Ja).is_none());
    }

    #[test]
    fn dates_that_do_not_exist() {
        let (m, _) = no_such_date("2023-11-31", Lang::Ja).unwrap();
        assert_eq!(m, "2023-11-31 は存在しない日付です（11月は30日までです）");
        assert!(no_such_date("2023-02-29", Lang::Ja).is_some());
        assert!(no_such_date("2024-02-29", Lang::Ja).is_none());
        assert!(no_such_date("2023-13-01", Lang::Ja).is_none());
    }
}
