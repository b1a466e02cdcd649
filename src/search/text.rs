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

/// Calls `emit` with each character of the normalised form of `s`.
pub fn normalize_with(s: &str, mut emit: impl FnMut(char)) {
    let mut chars = s.chars();
    let mut next = chars.next();
    let mut cluster = String::new();
    while let Some(c) = next {
        next = chars.next();
        if !next.is_some_and(extends_cluster)
            && let Some(f) = fast_fold(c)
        {
            emit(f);
            continue;
        }
        cluster.clear();
        cluster.push(c);
        while let Some(n) = next.filter(|&n| extends_cluster(n)) {
            cluster.push(n);
            next = chars.next();
        }
        for n in cluster.nfkc() {
            fold(n, &mut emit);
        }
    }
}

/// Appends the normalised form of `s` to `out`.
pub fn normalize_into(s: &str, out: &mut String) {
    normalize_with(s, |c| out.push(c));
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
    let u = c as u32;
    // Below the first combining mark, and kana and kanji but for the voiced marks.
    if u < 0x300 {
        return false;
    }
    if (0x3040..=0x9FFF).contains(&u) {
        return u == 0x3099 || u == 0x309A;
    }
    u == 0xFF9E || u == 0xFF9F || is_combining_mark(c)
}

/// The result for characters NFKC leaves alone (or maps one to one), without running the
/// normaliser: nearly all of a Japanese text.
fn fast_fold(c: char) -> Option<char> {
    let u = c as u32;
    Some(match u {
        0x4E00..=0x9FFF | 0x3041..=0x3096 => c,
        0x20..=0x7E => c.to_ascii_lowercase(),
        // Full-width ASCII: NFKC maps each to its ASCII twin.
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0)?.to_ascii_lowercase(),
        0x309D..=0x309E | 0x3001..=0x3003 | 0x3005..=0x3007 => c,
        0x3008..=0x3011 | 0x30FB..=0x30FC | 0x3400..=0x4DBF => c,
        0x30A1..=0x30F6 | 0x30FD..=0x30FE => char::from_u32(u - 0x60)?,
        0x30F7..=0x30FA => c,
        _ => return None,
    })
}

/// Folds one character of NFKC output: katakana to hiragana, then lower case.
fn fold(c: char, emit: &mut impl FnMut(char)) {
    match c as u32 {
        0x30A1..=0x30F6 | 0x30FD..=0x30FE => emit(char::from_u32(c as u32 - 0x60).unwrap_or(c)),
        _ if c.is_ascii() => emit(c.to_ascii_lowercase()),
        _ => c.to_lowercase().for_each(emit),
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
#[inline]
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
#[inline]
pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x309F | 0x30FC)
}

/// Calls `f` with every key of a text (normalised on the way), in text order, repeats
/// included.
pub fn keys(text: &str, f: impl FnMut(Key<'_>)) {
    let mut k = Keyer {
        word: String::new(),
        dot: false,
        prev_wide: None,
        f,
    };
    normalize_with(text, |c| k.push(c));
    k.end_word();
}

/// Cuts normalised characters into keys as they come.
struct Keyer<F> {
    /// The ASCII word being read.
    word: String,
    /// A `.` after the word, which belongs to it if a letter or digit follows.
    dot: bool,
    /// The previous character, when it belongs to a run of non-ASCII letters.
    prev_wide: Option<char>,
    f: F,
}

impl<F: FnMut(Key<'_>)> Keyer<F> {
    fn push(&mut self, c: char) {
        if !c.is_ascii() {
            if !self.word.is_empty() || self.dot {
                self.end_word();
            }
            // Kanji and hiragana first: nearly every character of a Japanese text.
            let u = c as u32;
            let (word, single) = if (0x4E00..=0x9FFF).contains(&u) {
                (true, true)
            } else if (0x3041..=0x3096).contains(&u) {
                (true, false)
            } else {
                let word = is_word_char(c);
                (word, word && !is_kana(c))
            };
            if word {
                if let Some(p) = self.prev_wide {
                    (self.f)(Key::Pair(p, c));
                }
                if single {
                    (self.f)(Key::Single(c));
                }
                self.prev_wide = Some(c);
            } else {
                self.prev_wide = None;
            }
            return;
        }
        if c.is_ascii_alphanumeric() {
            if std::mem::take(&mut self.dot) {
                self.word.push('.');
            }
            self.prev_wide = None;
            self.word.push(c);
            return;
        }
        if c == '.' && !self.word.is_empty() && !self.dot {
            self.dot = true;
            return;
        }
        self.end_word();
        self.prev_wide = None;
    }

    fn end_word(&mut self) {
        self.dot = false;
        if self.word.is_empty() {
            return;
        }
        (self.f)(Key::Word(&self.word));
        if self.word.contains('.') {
            for part in self.word.split('.') {
                (self.f)(Key::Word(part));
            }
        }
        self.word.clear();
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
        let mut v = Vec::new();
        keys(s, |k| v.push(k.text()));
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
