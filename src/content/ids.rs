//! Ids (of plans, goals, measures, indicators, bodies, meetings, chapters, projects) and year
//! folder names: ids become folder names and addresses of the site, so they are plain ASCII —
//! `[a-z0-9-]`, with `_` and `.` allowed inside — and never `.` or `..`. A full-width or
//! invisible character pasted from Word or a web page is an error whose fix is the ASCII
//! spelling, not a second id that looks like the first.

use unicode_normalization::UnicodeNormalization;

use crate::diag::{Diagnostic, Lang};

/// What kind of id, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// A plan (its file name).
    Plan,
    /// A goal.
    Goal,
    /// A measure.
    Measure,
    /// An indicator.
    Indicator,
    /// A governance body (its file name).
    Body,
    /// A meeting (its file name).
    Meeting,
    /// A chapter (its file name).
    Chapter,
    /// An evaluation (its file name).
    Evaluation,
    /// A project.
    Project,
    /// A monitoring dataset (its file name).
    Dataset,
    /// A monitoring site.
    Site,
}

impl IdKind {
    fn words(self, lang: Lang) -> &'static str {
        match self {
            IdKind::Plan => lang.pick("計画のID（ファイル名）", "plan id (file name)"),
            IdKind::Goal => lang.pick("目標のID", "goal id"),
            IdKind::Measure => lang.pick("施策のID", "measure id"),
            IdKind::Indicator => lang.pick("指標のID", "indicator id"),
            IdKind::Body => lang.pick("会議体のID（ファイル名）", "body id (file name)"),
            IdKind::Meeting => lang.pick("会議のファイル名", "meeting file name"),
            IdKind::Chapter => lang.pick("章のファイル名", "chapter file name"),
            IdKind::Evaluation => lang.pick("評価のファイル名", "evaluation file name"),
            IdKind::Project => lang.pick("事業のID", "project id"),
            IdKind::Dataset => lang.text().mon.msg.id_dataset,
            IdKind::Site => lang.text().mon.msg.id_site,
        }
    }
}

/// Why an id is not valid, before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// Nothing (or only spaces).
    Empty,
    /// `.` or `..`, or a `.` at either end.
    Dots,
    /// Characters that are invisible or control characters (zero-width space, NBSP, tab …).
    Invisible(Vec<char>),
    /// Full-width letters or digits, or other characters whose ASCII form is known.
    FullWidth(Vec<char>),
    /// Upper-case ASCII letters.
    UpperCase,
    /// Anything else outside the allowed set (spaces, Japanese, `/`, `'` …).
    Other(Vec<char>),
    /// `_` or `-`… are fine, but `_` at the start or end is not: it reads as a mistake.
    EdgeUnderscore,
}

/// Checks an id against `[a-z0-9-]` plus `_` and `.` inside.
pub fn check(id: &str) -> Result<(), IdProblem> {
    if id.is_empty() {
        return Err(IdProblem::Empty);
    }
    let invisible: Vec<char> = unique(id.chars().filter(|c| is_invisible(*c)));
    if !invisible.is_empty() {
        return Err(IdProblem::Invisible(invisible));
    }
    let wide: Vec<char> = unique(
        id.chars()
            .filter(|c| !c.is_ascii() && c.to_string().nfkc().all(|n| n.is_ascii())),
    );
    if !wide.is_empty() {
        return Err(IdProblem::FullWidth(wide));
    }
    if id.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(IdProblem::UpperCase);
    }
    let other: Vec<char> = unique(id.chars().filter(|c| !is_id_char(*c)));
    if !other.is_empty() {
        return Err(IdProblem::Other(other));
    }
    if id.starts_with('.') || id.ends_with('.') {
        return Err(IdProblem::Dots);
    }
    if id.starts_with('_') || id.ends_with('_') {
        return Err(IdProblem::EdgeUnderscore);
    }
    Ok(())
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')
}

/// Zero-width and other format characters, spaces other than the ASCII space, and control
/// characters: none can be seen (or told apart) in an editor.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(
            c,
            '\u{00AD}' // soft hyphen
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}' // zero-width space, joiners, marks
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}' // word joiner, invisible operators
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}' // variation selectors
                | '\u{FEFF}' // zero-width no-break space (BOM)
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// The ASCII spelling an editor most likely meant: NFKC (full-width to ASCII), invisible
/// characters removed, lower case, spaces as `-`. None when nothing ASCII is left.
pub fn suggestion(id: &str) -> Option<String> {
    let s: String = id
        .nfkc()
        .filter(|c| !is_invisible(*c))
        .collect::<String>()
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == ' ' { '-' } else { c })
        .filter(|c| is_id_char(*c))
        .collect();
    let s = s.trim_matches(|c| c == '.' || c == '_').to_string();
    (check(&s).is_ok() && s != id).then_some(s)
}

/// The error for an invalid id, or none when it is valid.
pub fn diagnose(
    id: &str,
    kind: IdKind,
    file: &str,
    line: u32,
    column: u32,
    lang: Lang,
) -> Option<Diagnostic> {
    let problem = check(id).err()?;
    let what = kind.words(lang);
    let shown = visible(id);
    let message = match (&problem, lang) {
        (IdProblem::Empty, Lang::Ja) => format!("{what}が空です"),
        (IdProblem::Empty, Lang::En) => format!("the {what} is empty"),
        (IdProblem::Dots, Lang::Ja) => {
            format!("{what}「{shown}」は使えません（「.」だけのIDや「.」で始まる・終わるIDは不可）")
        }
        (IdProblem::Dots, Lang::En) => {
            format!("the {what} `{shown}` may not be dots or start or end with a dot")
        }
        (IdProblem::Invisible(cs), Lang::Ja) => format!(
            "{what}「{shown}」に見えない文字（{}）が含まれています",
            names(cs)
        ),
        (IdProblem::Invisible(cs), Lang::En) => format!(
            "the {what} `{shown}` holds invisible characters ({})",
            names(cs)
        ),
        (IdProblem::FullWidth(cs), Lang::Ja) => format!(
            "{what}「{shown}」に全角の文字（{}）が含まれています",
            quoted(cs)
        ),
        (IdProblem::FullWidth(cs), Lang::En) => format!(
            "the {what} `{shown}` holds full-width characters ({})",
            quoted(cs)
        ),
        (IdProblem::UpperCase, Lang::Ja) => {
            format!("{what}「{shown}」に大文字が含まれています")
        }
        (IdProblem::UpperCase, Lang::En) => format!("the {what} `{shown}` has capital letters"),
        (IdProblem::Other(cs), Lang::Ja) => format!(
            "{what}「{shown}」に使えない文字（{}）が含まれています",
            quoted(cs)
        ),
        (IdProblem::Other(cs), Lang::En) => format!(
            "the {what} `{shown}` holds characters ids cannot have ({})",
            quoted(cs)
        ),
        (IdProblem::EdgeUnderscore, Lang::Ja) => {
            format!("{what}「{shown}」が「_」で始まるか終わっています")
        }
        (IdProblem::EdgeUnderscore, Lang::En) => {
            format!("the {what} `{shown}` starts or ends with `_`")
        }
    };
    let rule = lang.pick(
        "IDは半角の英小文字・数字・ハイフン（-）で書きます（「_」と「.」は途中にだけ使えます）",
        "ids are lower-case ASCII letters, digits and `-` (`_` and `.` only inside)",
    );
    let hint = match (suggestion(id), lang) {
        (Some(s), Lang::Ja) => format!("「{s}」と書いてください。{rule}"),
        (Some(s), Lang::En) => format!("write `{s}`; {rule}"),
        (None, _) => rule.to_string(),
    };
    Some(Diagnostic::error(file, line, column, message).with_hint(hint))
}

/// The error for a year folder whose name holds full-width or invisible characters. Folders
/// may be named 2023, 令和5年度 or R5 (SPEC §2), but not with characters an editor cannot see
/// or tell from their ASCII twins.
pub fn diagnose_year_folder(name: &str, file: &str, lang: Lang) -> Option<Diagnostic> {
    let plain: String = name.nfkc().filter(|c| !is_invisible(*c)).collect();
    if plain == name {
        return None;
    }
    let shown = visible(name);
    let message = match lang {
        Lang::Ja => {
            format!("年度のフォルダ名「{shown}」に全角の英数字か見えない文字が含まれています")
        }
        Lang::En => format!("the year folder `{shown}` holds full-width or invisible characters"),
    };
    let hint = match lang {
        Lang::Ja => format!("フォルダ名を「{plain}」にしてください"),
        Lang::En => format!("rename the folder to `{plain}`"),
    };
    Some(Diagnostic::error(file, 0, 0, message).with_hint(hint))
}

/// The id as a message can show it: invisible characters as `<U+200B>`.
fn visible(id: &str) -> String {
    id.chars()
        .map(|c| {
            if is_invisible(c) {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn names(cs: &[char]) -> String {
    cs.iter()
        .map(|c| {
            let name = match c {
                '\u{200B}' => "ゼロ幅スペース ",
                '\u{00A0}' => "ノーブレークスペース ",
                '\u{3000}' => "全角スペース ",
                '\u{FEFF}' => "BOM ",
                '\t' => "タブ ",
                '\n' => "改行 ",
                _ => "",
            };
            format!("{name}U+{:04X}", *c as u32)
        })
        .collect::<Vec<_>>()
        .join("、")
}

fn quoted(cs: &[char]) -> String {
    cs.iter()
        .map(|c| format!("「{c}」"))
        .collect::<Vec<_>>()
        .join("")
}

fn unique(it: impl Iterator<Item = char>) -> Vec<char> {
    let mut v: Vec<char> = Vec::new();
    for c in it {
        if !v.contains(&c) {
            v.push(c);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_ids_with_inner_dots_and_underscores_pass() {
        for ok in [
            "1",
            "1-1-1",
            "ryokuchi-hozen",
            "pm2.5",
            "co2_emission",
            "r5.1",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn dots_alone_or_at_the_ends_are_refused() {
        for bad in [".", "..", ".hidden", "end.", "..."] {
            assert_eq!(check(bad), Err(IdProblem::Dots), "{bad}");
        }
    }

    #[test]
    fn full_width_and_invisible_characters_get_the_ascii_spelling() {
        let d = diagnose(
            "ｒｙｏｋｕｃｈｉ",
            IdKind::Indicator,
            "p.yaml",
            3,
            9,
            Lang::Ja,
        )
        .unwrap();
        assert!(d.message.contains("全角"), "{}", d.message);
        assert!(d.hint.unwrap().starts_with("「ryokuchi」と書いてください"));
        let d = diagnose(
            "co2\u{200B}-emission",
            IdKind::Indicator,
            "p.yaml",
            3,
            9,
            Lang::Ja,
        )
        .unwrap();
        assert!(d.message.contains("ゼロ幅スペース U+200B"), "{}", d.message);
        assert!(d.message.contains("co2<U+200B>-emission"), "{}", d.message);
        assert!(d.hint.unwrap().starts_with("「co2-emission」"));
        let d = diagnose("１\u{00A0}", IdKind::Goal, "p.yaml", 1, 1, Lang::Ja).unwrap();
        assert!(d.hint.unwrap().starts_with("「1」"));
        assert_eq!(suggestion("Shingikai"), Some("shingikai".into()));
        assert_eq!(suggestion("it's"), Some("its".into()));
        assert_eq!(suggestion(".."), None);
    }

    #[test]
    fn other_characters_are_named() {
        let d = diagnose(
            "環境 計画",
            IdKind::Plan,
            "content/plans/環境 計画.yaml",
            0,
            0,
            Lang::Ja,
        )
        .unwrap();
        assert!(d.message.contains("「環」"), "{}", d.message);
        assert_eq!(check("a/b"), Err(IdProblem::Other(vec!['/'])));
        assert_eq!(check("Kankyo"), Err(IdProblem::UpperCase));
        assert_eq!(check("_x"), Err(IdProblem::EdgeUnderscore));
        assert_eq!(check(""), Err(IdProblem::Empty));
    }
}
