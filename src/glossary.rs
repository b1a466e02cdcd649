//! Glossary marks: a term followed by a full-width asterisk (`エコラベル＊`), as plans print
//! them, refers to its 用語解説 entry.

/// The mark editors write after a term.
pub const MARK: char = '＊';

/// One mark found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset of the term's first character.
    pub start: usize,
    /// Byte offset of the `＊`.
    pub mark: usize,
    /// The glossary term, when one ends right before the mark.
    pub term: Option<String>,
    /// The few characters before the mark, to name an unknown term in a message.
    pub context: String,
}

/// Finds every mark in `text`, matching the longest glossary term that ends at it.
pub fn find_marks<'a>(text: &str, terms: impl Iterator<Item = &'a str> + Clone) -> Vec<Mark> {
    let mut out = Vec::new();
    for (pos, _) in text.match_indices(MARK) {
        let before = &text[..pos];
        let term = terms
            .clone()
            .filter(|t| !t.is_empty() && before.ends_with(*t))
            .max_by_key(|t| t.len());
        let context: String = {
            let chars: Vec<char> = before
                .chars()
                .rev()
                .take_while(|c| {
                    !c.is_whitespace() && !"、。，．（）()「」『』・:：,.\"'*".contains(*c)
                })
                .take(12)
                .collect();
            chars.into_iter().rev().collect()
        };
        // A lone 「＊」 in prose (after a bracket, at a line start) marks no term.
        if term.is_none() && context.is_empty() {
            continue;
        }
        out.push(Mark {
            start: term.map(|t| pos - t.len()).unwrap_or(pos - context.len()),
            mark: pos,
            term: term.map(str::to_string),
            context,
        });
    }
    out
}

/// A stable anchor id for a term on the glossary page: `term-` and the term's code points in
/// hex, since ids must survive any file system and URL handling.
pub fn anchor(term: &str) -> String {
    let mut s = String::from("term");
    for c in term.chars() {
        s.push('-');
        s.push_str(&format!("{:x}", c as u32));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_term_before_the_mark_wins() {
        let terms = ["ラベル", "エコラベル", "外来生物"];
        let m = find_marks(
            "○エコラベル＊の付いた商品、外来生物＊の駆除",
            terms.iter().copied(),
        );
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].term.as_deref(), Some("エコラベル"));
        assert_eq!(m[1].term.as_deref(), Some("外来生物"));
        assert_eq!(&"○エコラベル＊"[m[0].start..m[0].mark], "エコラベル");
    }

    #[test]
    fn a_lone_mark_in_prose_is_not_a_term() {
        assert!(find_marks("用語に「＊」を付けます", ["用語"].iter().copied()).is_empty());
    }

    #[test]
    fn unknown_terms_are_named_by_their_context() {
        let m = find_marks("ＣＳＲ＊やＥＳＧ", ["ＥＳＧ"].iter().copied());
        assert_eq!(m[0].term, None);
        assert_eq!(m[0].context, "ＣＳＲ");
    }
}
