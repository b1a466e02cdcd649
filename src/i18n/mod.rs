//! The words nenpo writes, one catalogue per language: page labels (templates read them as
//! `t`), year and date words, diagnostics, command-line help and messages.
//!
//! Each catalogue is a Rust value of the same struct ([`Catalogue`]), so the compiler proves
//! that both languages have every entry and that code only names entries that exist; tests
//! prove the templates do too. An entry may hold `{name}` placeholders, filled by [`fill`]
//! (or [`tr!`](crate::tr)) in code and by the `fill` filter in templates, because word order
//! differs between the languages. Editors' own text never passes through here.

mod desk;
mod en;
mod en_words;
mod ja;
mod ja_words;
mod keys;
mod money;
pub mod monitoring;
pub mod published;
mod published_en;
mod published_ja;
mod search;
pub mod templates;
mod words;

pub use desk::Desk;
pub use keys::{CalendarWords, Catalogue, ChartWords, Cli, DataWords, Messages, Page, Words};
pub use money::MoneyWords;
pub use search::SearchWords;

use std::fmt::{self, Display};

/// The language of a report's pages and of the messages nenpo writes for it (`language` in
/// book.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Japanese, the default: city staff are the readers.
    #[default]
    Ja,
    /// English.
    En,
}

impl Lang {
    /// Picks the text for this language, for messages assembled from parts.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// The language for a `language` value of book.toml (or `NENPO_LANG`).
    pub fn from_code(code: &str) -> Lang {
        if code.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Ja
        }
    }

    /// The catalogue of this language.
    pub fn text(self) -> &'static Catalogue {
        match self {
            Lang::Ja => &ja::CATALOGUE,
            Lang::En => &en::CATALOGUE,
        }
    }

    /// The BCP 47 code: `ja`, `en`.
    pub fn code(self) -> &'static str {
        self.pick("ja", "en")
    }
}

/// Fills the `{name}` placeholders of a catalogue entry; `{{` and `}}` stand for braces.
///
/// Every placeholder must be given (the catalogue tests check that both languages use the
/// same ones); a missing one is left as written so the mistake shows rather than vanishes.
pub fn fill(pattern: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    for piece in pieces(pattern) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Slot(name) => match args.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => {
                    use fmt::Write;
                    let _ = write!(out, "{v}");
                }
                None => {
                    debug_assert!(false, "no value for {{{name}}} in {pattern:?}");
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// A catalogue entry with its placeholders filled: `tr!(lang, msg.scale_undefined, name = s)`.
/// Without arguments it still returns a `String`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $($path:ident).+ $(, $key:ident = $value:expr)* $(,)?) => {
        $crate::i18n::fill(
            $lang.text().$($path).+,
            &[$((stringify!($key), &$value as &dyn ::std::fmt::Display)),*],
        )
    };
}

/// A part of a pattern: literal text or a placeholder's name.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Text written as is (braces already unescaped).
    Text(&'a str),
    /// `{name}`.
    Slot(&'a str),
}

/// Splits a pattern into text and placeholders.
pub(crate) fn pieces(pattern: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(i) = rest.find(['{', '}']) {
        if i > 0 {
            out.push(Piece::Text(&rest[..i]));
        }
        let after = &rest[i + 1..];
        if rest[i..].starts_with("{{") || rest[i..].starts_with("}}") {
            out.push(Piece::Text(&rest[i..i + 1]));
            rest = &after[1..];
        } else if rest[i..].starts_with('{')
            && let Some(end) = after.find('}')
            && is_name(&after[..end])
        {
            out.push(Piece::Slot(&after[..end]));
            rest = &after[end + 1..];
        } else {
            out.push(Piece::Text(&rest[i..i + 1]));
            rest = after;
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
}

/// Whether a character is written only in Japanese text: kana, kanji, and the CJK and
/// full-width punctuation that English text never uses.
pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // CJK punctuation: 、。「」（ideographic space）
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}' // kanji
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF01}'..='\u{FF60}' // full-width forms: （）：＊
        | '\u{FF61}'..='\u{FF9F}' // half-width katakana
    )
}

/// Whether a text has any Japanese character.
pub fn has_japanese(s: &str) -> bool {
    s.chars().any(is_japanese)
}

#[cfg(test)]
mod tests;
