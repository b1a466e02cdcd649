//! Text as search sees it: the normalisation both the index and the query go through, and
//! the index keys of a normalised text.
//!
//! theme/static/search.js applies the same rules to what a citizen types and to the stored
//! text it verifies matches against; a change here is a change there.
//!
//! - Normalisation works on clusters (a character and the combining marks after it, the
//!   half-width voiced marks ﾞﾟ included): NFKC, then katakana folded to hiragana, then lower
//!   case. ＣＯ２ and CO2 become `co2`, ｶﾞｽ and ガス become `がす`.
//! - Keys: runs of ASCII letters and digits are words (a `.` between two of them stays inside:
//!   `pm2.5`, whose parts `pm2` and `5` are keys as well); runs of other letters and digits
//!   (kanji, kana, 々, ー …) give a key for every two neighbouring characters, and one for
//!   every character but kana, so one-character queries (森, 川) work. Everything else
//!   separates.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Appends the normalised form of `s` to `out`.
pub fn normalize_into(s: &str, out: &mut String) {
    let mut chars = s.chars().peekable();
    let mut cluster = String::new();
    while let Some(c) = chars.next() {
        let next_extends = chars.peek().is_some_and(|&n| extends_cluster(n));
        if !next_extends && let Some(f) = fast_fold(c) {
            out.push(f);
            continue;
        }
        cluster.clear();
        cluster.push(c);
        while let Some(&n) = chars.peek() {
            if !extends_cluster(n) {
                break;
            }
            cluster.push(n);
            chars.next();
        }
        for n in cluster.nfkc() {
            fold_into(n, out);
        }
    }
}

/// The normalised form of `s`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Marks that belong to the character before them: combining marks, and the half-width
/// voiced sound marks, which NFKC composes with the kana before them (ｶﾞ → ガ).
fn extends_cluster(c: char) -> bool {
    match c as u32 {
        // Below the first combining mark, and kana and kanji but for the voiced marks.
        0..=0x2FF | 0x3040..=0x3098 | 0x309B..=0x9FFF => false,
        0xFF9E | 0xFF9F => true,
        _ => is_combining_mark(c),
    }
}

/// The result for characters NFKC leaves alone (or maps one to one), without running the
/// normaliser: nearly all of a Japanese text.
fn fast_fold(c: char) -> Option<char> {
    let u = c as u32;
    Some(match u {
        0x20..=0x7E => c.to_ascii_lowercase(),
        // Full-width ASCII: NFKC maps each to its ASCII twin.
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0)?.to_ascii_lowercase(),
        0x3041..=0x3096 | 0x309D..=0x309E | 0x3001..=0x3003 | 0x3005..=0x3007 => c,
        0x3008..=0x3011 | 0x30FB..=0x30FC | 0x3400..=0x4DBF | 0x4E00..=0x9FFF => c,
        0x30A1..=0x30F6 | 0x30FD..=0x30FE => char::from_u32(u - 0x60)?,
        0x30F7..=0x30FA => c,
        _ => return None,
    })
}

/// Folds one character of NFKC output: katakana to hiragana, then lower case.
fn fold_into(c: char, out: &mut String) {
    match c as u32 {
        0x30A1..=0x30F6 | 0x30FD..=0x30FE => out.push(char::from_u32(c as u32 - 0x60).unwrap_or(c)),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => out.extend(c.to_lowercase()),
    }
}

/// An index key of a normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key<'a> {
    /// An ASCII word, or a part of one between dots.
    Word(&'a str),
    /// Two neighbouring characters of a non-ASCII run.
    Pair(char, char),
    /// One character of a non-ASCII run.
    Single(char),
}

impl Key<'_> {
    /// The key as written in the index files.
    pub fn text(&self) -> String {
        match self {
            Key::Word(w) => w.to_string(),
            Key::Pair(a, b) => [*a, *b].iter().collect(),
            Key::Single(a) => a.to_string(),
        }
    }
}

/// Whether a character of normalised text belongs to a word or run (letters and digits of
/// any script, `々` and `ー` included).
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0x3041..=0x3096 | 0x309D..=0x309F | 0x30A1..=0x30FA | 0x30FC..=0x30FF => true,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x3005..=0x3007 => true,
        0x3000..=0x3004 | 0x3008..=0x3020 | 0x30FB => false,
        _ => c.is_alphanumeric(),
    }
}

/// Hiragana (katakana are folded to hiragana) and the long-vowel mark: no key of their own,
/// since one kana alone finds nearly every page; they are always part of a pair.
pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x309F | 0x30FC)
}

/// Calls `f` with every key of a normalised text, in text order (repeats included).
pub fn keys<'a>(text: &'a str, mut f: impl FnMut(Key<'a>)) {
    let bytes = text.as_bytes();
    let mut word_start: Option<usize> = None;
    let mut prev_wide: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c.is_ascii_alphanumeric() {
            prev_wide = None;
            word_start.get_or_insert(i);
            continue;
        }
        if c == '.'
            && word_start.is_some()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            continue;
        }
        if let Some(s) = word_start.take() {
            emit_word(&text[s..i], &mut f);
        }
        if !c.is_ascii() && is_word_char(c) {
            if let Some(p) = prev_wide {
                f(Key::Pair(p, c));
            }
            if !is_kana(c) {
                f(Key::Single(c));
            }
            prev_wide = Some(c);
        } else {
            prev_wide = None;
        }
    }
    if let Some(s) = word_start {
        emit_word(&text[s..], &mut f);
    }
}

fn emit_word<'a>(word: &'a str, f: &mut impl FnMut(Key<'a>)) {
    f(Key::Word(word));
    if word.contains('.') {
        for part in word.split('.') {
            f(Key::Word(part));
        }
    }
}

/// FNV-1a over the key's characters: which shard of the index holds a key. search.js
/// computes the same over the code points of the key.
pub fn key_hash(key: &Key) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut add = |c: char| {
        h ^= c as u32;
        h = h.wrapping_mul(0x0100_0193);
    };
    match key {
        Key::Word(w) => w.chars().for_each(&mut add),
        Key::Pair(a, b) => {
            add(*a);
            add(*b);
        }
        Key::Single(a) => add(*a),
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_keys(s: &str) -> Vec<String> {
        let n = normalize(s);
        let mut v = Vec::new();
        keys(&n, |k| v.push(k.text()));
        v
    }

    #[test]
    fn full_width_and_half_width_ascii_are_one_word() {
        assert_eq!(normalize("ＣＯ２"), "co2");
        assert_eq!(normalize("CO2"), "co2");
        assert_eq!(normalize("ＰＭ２．５"), "pm2.5");
        assert_eq!(all_keys("ＣＯ２排出"), all_keys("CO2排出"));
    }

    #[test]
    fn katakana_half_width_kana_and_hiragana_meet() {
        assert_eq!(normalize("カタカナ"), "かたかな");
        assert_eq!(normalize("ｱｲｳ"), "あいう");
        // The half-width voiced mark joins the kana before it, as NFKC composes it.
        assert_eq!(normalize("ｶﾞｽ"), "がす");
        assert_eq!(normalize("ガス"), normalize("がす"));
        // A decomposed voiced mark composes too.
        assert_eq!(normalize("か\u{3099}"), "が");
        assert_eq!(normalize("ゴミ"), "ごみ");
    }

    #[test]
    fn compatibility_characters_become_what_they_stand_for() {
        assert_eq!(normalize("㍻"), "平成");
        assert_eq!(normalize("①"), "1");
        assert_eq!(normalize("（仮称）"), "(仮称)");
        assert_eq!(normalize("Ｚｅｈ"), "zeh");
    }

    #[test]
    fn runs_give_pairs_and_singles_words_stay_whole() {
        // Kana have no single keys: one kana alone would find every page.
        assert_eq!(all_keys("ごみの量"), ["ごみ", "みの", "の量", "量"]);
        assert_eq!(all_keys("ゴミ箱"), ["ごみ", "み箱", "箱"]);
        assert_eq!(
            all_keys("PM2.5の濃度"),
            ["pm2.5", "pm2", "5", "の濃", "濃", "濃度", "度"]
        );
        // A dot that ends a sentence or a word is not part of it.
        assert_eq!(all_keys("ZEH."), ["zeh"]);
        assert_eq!(all_keys("千t-CO2"), ["千", "t", "co2"]);
        // Punctuation separates runs: no pair across 「、」.
        assert_eq!(all_keys("森、川"), ["森", "川"]);
    }

    #[test]
    fn key_hash_is_fnv1a_over_code_points() {
        // The values search.js computes for the same keys.
        assert_eq!(key_hash(&Key::Word("co2")), 0xbc8d_7f6f);
        assert_eq!(
            key_hash(&Key::Pair('ご', 'み')),
            key_hash(&Key::Word("ごみ"))
        );
    }
}
