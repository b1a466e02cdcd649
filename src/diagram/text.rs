//! Estimates the width of Japanese text and breaks long names onto two lines.
//!
//! Widths come from the estimate every SVG of nenpo shares ([`crate::svg::text_width`]).

pub(crate) use crate::svg::text_width;

/// Characters that must not start a line (行頭禁則).
const NO_LINE_START: &str =
    "、。，．,.）)」』】〕〉》・：；:;！？!?ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜～";
/// Characters that must not end a line (行末禁則).
const NO_LINE_END: &str = "（(「『【〔〈《";
/// Characters after which a break reads naturally.
const GOOD_BREAK_AFTER: &str = "）)」』】・、，, ";
/// Characters before which a break reads naturally.
const GOOD_BREAK_BEFORE: &str = "（(「『【 ";

/// Rough writing system of a character, to prefer breaks where the script changes
/// (e.g. 「エコタウン|推進会議」): Japanese has no spaces between words.
fn script(c: char) -> u8 {
    match c as u32 {
        0x3041..=0x309F => HIRAGANA,
        0x30A0..=0x30FF | 0xFF66..=0xFF9F => KATAKANA,
        0x3005 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => KANJI,
        0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A | 0xFF10..=0xFF5A => LATIN,
        _ => OTHER,
    }
}

const OTHER: u8 = 0;
const HIRAGANA: u8 = 1;
const KATAKANA: u8 = 2;
const KANJI: u8 = 3;
const LATIN: u8 = 4;

/// Words common in the names of municipal bodies. Kanji compounds have no visible word
/// boundaries, so breaking next to one of these is preferred and breaking inside one avoided
/// (「さくら台市|地球温暖化対策推進本部」, not 「…地球温|暖化…」).
const WORDS: &[&str] = &[
    "市民",
    "市長",
    "住民",
    "事業者",
    "推進",
    "対策",
    "本部",
    "会議",
    "審議会",
    "委員会",
    "協議会",
    "幹事会",
    "連絡会",
    "検討会",
    "交流会",
    "部会",
    "計画",
    "実行",
    "基本",
    "環境",
    "地球",
    "温暖化",
    "脱炭素",
    "政策",
    "総合",
    "振興",
    "戦略",
    "地域",
    "生物多様性",
    "廃棄物",
    "関係",
    "各課",
    "庁内",
    "自然",
    "保全",
];
/// Suffixes of place names: a break after them (「所沢市|環境審議会」) reads naturally.
const PLACE_SUFFIXES: &str = "都道府県市区町村";

/// How good a break before `chars[i]` is, in em (higher is better), or `None` when forbidden.
fn break_quality(chars: &[char], i: usize) -> Option<f64> {
    let (a, b) = (chars[i - 1], chars[i]);
    if NO_LINE_START.contains(b) || NO_LINE_END.contains(a) {
        return None;
    }
    if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
        return None;
    }
    if GOOD_BREAK_AFTER.contains(a) || GOOD_BREAK_BEFORE.contains(b) {
        return Some(3.0);
    }
    let mut next_to_word = false;
    for word in WORDS {
        let w: Vec<char> = word.chars().collect();
        for start in 0..=chars.len().saturating_sub(w.len()) {
            if chars[start..].starts_with(&w) {
                if start < i && i < start + w.len() {
                    return Some(-1.5);
                }
                next_to_word |= start == i || start + w.len() == i;
            }
        }
    }
    let word_bonus = if next_to_word { 1.5 } else { 0.0 };
    let place_bonus = if PLACE_SUFFIXES.contains(a) && script(b) == KANJI {
        2.5
    } else {
        0.0
    };
    Some(word_bonus + place_bonus + script_quality(a, b))
}

/// How good a break between two characters is judged by their scripts alone, in em.
fn script_quality(a: char, b: char) -> f64 {
    match (script(a), script(b)) {
        // Kanji then hiragana is usually a word and its okurigana (「取り組|み」).
        (KANJI, HIRAGANA) => -1.0,
        // A particle or ending, then a new word (「施策の|実施」).
        (HIRAGANA, KANJI) => 2.0,
        // Inside a run of kana, almost certainly inside a word (「エコタ|ウン」).
        (HIRAGANA, HIRAGANA) | (KATAKANA, KATAKANA) => -2.0,
        (OTHER, _) | (_, OTHER) => 0.0,
        (sa, sb) if sa != sb => 1.5,
        _ => 0.0,
    }
}

/// Breaks `text` onto at most two lines when it is wider than `max_px` at `font_px`.
///
/// The break point minimises the wider line, with a bonus for natural breaks (after 「）」 or
/// 「・」, before 「（」, where kana meets kanji). Never breaks inside an ASCII word or against
/// the kinsoku rules; text with no allowed break stays on one line.
pub(crate) fn wrap_two_lines(text: &str, font_px: f64, max_px: f64) -> Vec<String> {
    let text = text.trim();
    let chars: Vec<char> = text.chars().collect();
    if text_width(text, font_px) <= max_px || chars.len() < 2 {
        return vec![text.to_string()];
    }
    let mut best: Option<(f64, usize)> = None;
    for i in 1..chars.len() {
        let Some(quality) = break_quality(&chars, i) else {
            continue;
        };
        let first: String = chars[..i].iter().collect();
        let second: String = chars[i..].iter().collect();
        let (first, second) = (first.trim_end(), second.trim_start());
        if first.is_empty() || second.is_empty() {
            continue;
        }
        let wider = text_width(first, font_px).max(text_width(second, font_px));
        let cost = wider - quality * font_px;
        // Of equally good breaks the latest wins: a full first line and a short second one
        // usually keeps the kind of body together (「マチごとエコタウン|推進会議」).
        if best.is_none_or(|(c, _)| cost <= c + 1e-9) {
            best = Some((cost, i));
        }
    }
    match best {
        Some((_, i)) => {
            let first: String = chars[..i].iter().collect();
            let second: String = chars[i..].iter().collect();
            vec![
                first.trim_end().to_string(),
                second.trim_start().to_string(),
            ]
        }
        None => vec![text.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_short_names_on_one_line() {
        assert_eq!(
            wrap_two_lines("所沢市環境審議会", 14.0, 140.0),
            ["所沢市環境審議会"]
        );
    }

    #[test]
    fn breaks_long_names_where_the_script_changes() {
        assert_eq!(
            wrap_two_lines("マチごとエコタウン推進委員会", 14.0, 140.0),
            ["マチごとエコタウン", "推進委員会"]
        );
        assert_eq!(
            wrap_two_lines("マチごとエコタウン推進会議", 14.0, 140.0),
            ["マチごとエコタウン", "推進会議"]
        );
        assert_eq!(
            wrap_two_lines("取り組みへの参加", 12.0, 84.0),
            ["取り組みへの", "参加"]
        );
        assert_eq!(
            wrap_two_lines("さくら台市地球温暖化対策推進本部", 14.0, 140.0),
            ["さくら台市", "地球温暖化対策推進本部"]
        );
        assert_eq!(
            wrap_two_lines("さくら台市地球温暖化対策実行計画推進協議会", 14.0, 140.0),
            ["さくら台市地球温暖化", "対策実行計画推進協議会"]
        );
        assert_eq!(
            wrap_two_lines("市民・団体・事業者・学校等", 14.0, 140.0),
            ["市民・団体・", "事業者・学校等"]
        );
    }

    #[test]
    fn respects_kinsoku_and_ascii_words() {
        for line in wrap_two_lines("ZCC（ゼロカーボンシティ）推進会議", 14.0, 140.0)
        {
            assert!(!line.starts_with('）') && !line.ends_with('（'), "{line}");
            assert!(!line.starts_with('C'), "{line}");
        }
        assert_eq!(
            wrap_two_lines("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 14.0, 50.0).len(),
            1
        );
    }
}
