//! The writing primitives every SVG nenpo draws shares (charts and the 推進体制図): text
//! escaping, the estimated width of Japanese and Latin text, numbers written the same way
//! everywhere, and the font stack.
//!
//! No font is available at build time, so text width is estimated per character: kanji,
//! kana and full-width forms take 1 em, Latin letters and digits about half that. The
//! estimate errs wide, so a label laid out with it never overruns its box.

use crate::i18n::{Lang, is_japanese};

/// The font stack written on each SVG's root: Japanese fonts of the common platforms first
/// (macOS, Windows, Linux), then the generic family; the same as the page's own stack.
pub const FONT_FAMILY: &str = "'Hiragino Kaku Gothic ProN','Hiragino Sans','BIZ UDPGothic',\
'Yu Gothic',Meiryo,'Noto Sans CJK JP','Noto Sans JP',sans-serif";

/// Escapes text for element content and for attribute values in double or single quotes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes an editor's text for element content; on a page that is not Japanese, the
/// Japanese in it (from its first to its last Japanese character, with the letters and
/// digits joined to them) is wrapped in `<tspan lang="ja">`, so screen readers switch voice
/// for it and not for the words nenpo puts around it.
pub fn esc_editor(s: &str, page: Lang) -> String {
    let chars: Vec<char> = s.chars().collect();
    let first = chars.iter().position(|&c| is_japanese(c));
    let last = chars.iter().rposition(|&c| is_japanese(c));
    let (Some(mut a), Some(mut b), Lang::En) = (first, last, page) else {
        return esc(s);
    };
    while a > 0 && chars[a - 1].is_alphanumeric() {
        a -= 1;
    }
    while b + 1 < chars.len() && chars[b + 1].is_alphanumeric() {
        b += 1;
    }
    let part = |r: &[char]| esc(&r.iter().collect::<String>());
    format!(
        "{}<tspan lang=\"ja\">{}</tspan>{}",
        part(&chars[..a]),
        part(&chars[a..=b]),
        part(&chars[b + 1..])
    )
}

/// Estimated advance of one character, in em.
///
/// Full-width (kanji, kana, full-width forms, ○◎△, ×÷) 1 em; ASCII by shape (narrow
/// punctuation and i, l 0.3, capitals 0.65, M and W 0.85, the rest 0.56); other Latin,
/// Greek and Cyrillic letters 0.6; half-width katakana 0.5; combining marks, zero-width
/// characters and variation selectors nothing.
pub fn char_em(c: char) -> f64 {
    match c {
        '\u{0300}'..='\u{036f}' | '\u{200b}'..='\u{200f}' | '\u{fe00}'..='\u{fe0f}' => 0.0,
        ' ' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'l' | 'j' | 'I' => 0.3,
        '(' | ')' | '[' | ']' | 'f' | 't' | 'r' | '-' | '/' => 0.4,
        'M' | 'W' | 'm' | 'w' | '%' | '@' => 0.85,
        'A'..='Z' => 0.65,
        '\u{20}'..='\u{7e}' => 0.56,
        // Japanese fonts draw these full width.
        '×' | '÷' | '±' | '§' | '¶' | '°' => 1.0,
        '\u{a0}'..='\u{10ff}' => 0.6,
        '\u{ff61}'..='\u{ff9f}' => 0.5,
        _ => 1.0,
    }
}

/// Estimated width of `s` at font size `px`, in the same units as `px`.
pub fn text_width(s: &str, px: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * px
}

/// A coordinate or length: rounded to one decimal, written without a trailing `.0`, never
/// `-0` (`12`, `12.5`, `-3.2`), so equal geometry gives equal bytes on every platform.
pub fn num(v: f64) -> String {
    let tenths = (v * 10.0).round();
    if tenths == 0.0 || !tenths.is_finite() {
        return "0".to_string();
    }
    // Integer arithmetic: a drawing writes tens of thousands of coordinates, and formatting
    // a float with a fixed precision is the slow path of `fmt`.
    if tenths.abs() >= 1e15 {
        return format!("{:.0}", tenths / 10.0);
    }
    let t = tenths as i64;
    let (int, frac) = (t / 10, (t % 10).abs());
    let sign = if t < 0 && int == 0 { "-" } else { "" };
    if frac == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_both_quotes() {
        assert_eq!(
            esc("<b>\"A&B\" 'c'</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot; &#39;c&#39;&lt;/b&gt;"
        );
        assert_eq!(esc("温室効果ガス"), "温室効果ガス");
    }

    #[test]
    fn full_width_is_one_em_and_latin_about_half() {
        assert_eq!(text_width("実績値", 10.0), 30.0);
        assert_eq!(text_width("（仮称）", 12.0), 48.0);
        assert_eq!(text_width("ｱｲｳ", 10.0), 15.0);
        // Digits and lower case about half an em; capitals and wide letters more.
        assert!((text_width("2023", 10.0) - 22.4).abs() < 1e-9);
        assert!(text_width("R5", 10.0) < 15.0);
        assert!(text_width("WWW", 10.0) > text_width("iii", 10.0) * 2.0);
        // A combining mark or zero-width space takes no room; × is full width.
        assert!((text_width("e\u{301}\u{200b}", 10.0) - 5.6).abs() < 1e-9);
        assert_eq!(text_width("×", 10.0), 10.0);
    }

    #[test]
    fn numbers_have_one_decimal_at_most_and_no_negative_zero() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.25), "12.3");
        assert_eq!(num(-3.24), "-3.2");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(-0.05), "-0.1");
        assert_eq!(num(582.94), "582.9");
        assert_eq!(num(1e300), format!("{:.0}", 1e300));
        assert_eq!(num(f64::NAN), "0");
    }
}
