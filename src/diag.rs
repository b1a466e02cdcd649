//! Diagnostics: content problems with file, line, column, message and hint, collected
//! rather than stopping at the first, and printed with a source snippet.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

pub use crate::i18n::Lang;

/// How serious a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Stops `build` and makes `check` exit 1.
    Error,
    /// Reported, but the report still builds.
    Warning,
}

/// One problem in the content, pointing at the place an editor must fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Path relative to the project root, with `/` separators.
    pub file: String,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based column in characters, 0 when unknown.
    pub column: u32,
    /// What is wrong.
    pub message: String,
    /// What would be right.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at a place in a file.
    pub fn error(
        file: impl Into<String>,
        line: u32,
        column: u32,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line,
            column,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds what would be right.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Turns the problem into a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column.max(1))?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

/// Every problem found, with the text of the files they point into for snippets.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    sources: BTreeMap<String, String>,
    /// Where each line of each source starts: a file of 20,000 figures is read a line at a
    /// time, never scanned from the top for each.
    line_starts: BTreeMap<String, Vec<usize>>,
    /// Problems not shown because an earlier one (a file that failed to load) causes them.
    suppressed: usize,
}

impl Diagnostics {
    /// Records a problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Keeps a file's text so its problems can be shown with a snippet.
    pub fn add_source(&mut self, file: &str, text: &str) {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        self.line_starts.insert(file.to_string(), starts);
        self.sources.insert(file.to_string(), text.to_string());
    }

    /// Forgets the text of files no problem points into. What pages make cannot point into
    /// a line of a file, so a build keeps only what its warnings show, not a second copy of
    /// every content file.
    pub fn keep_only_cited_sources(&mut self) {
        let cited: std::collections::BTreeSet<String> =
            self.items.iter().map(|d| d.file.clone()).collect();
        self.sources.retain(|f, _| cited.contains(f));
        self.line_starts.retain(|f, _| cited.contains(f));
    }

    /// Moves every problem and source of `other` into this collection.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        self.sources.extend(other.sources);
        self.line_starts.extend(other.line_starts);
        self.suppressed += other.suppressed;
    }

    /// Counts a problem that follows from an earlier one and is not shown.
    pub fn suppress(&mut self) {
        self.suppressed += 1;
    }

    /// How many problems were not shown because an earlier one causes them.
    pub fn suppressed(&self) -> usize {
        self.suppressed
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// How many errors there are.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// How many warnings there are.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// The problems in the order to read them: errors before warnings, and files others
    /// depend on first (book.toml, plans, bodies, the glossary, then the years), so a file's
    /// own error comes before the errors it causes; then by position. The order does not
    /// depend on load order.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            (
                a.severity,
                file_rank(&a.file),
                &a.file,
                a.line,
                a.column,
                &a.message,
            )
                .cmp(&(
                    b.severity,
                    file_rank(&b.file),
                    &b.file,
                    b.line,
                    b.column,
                    &b.message,
                ))
        });
        v.dedup();
        v
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The text kept for a file.
    pub fn source(&self, file: &str) -> Option<&str> {
        self.sources.get(file).map(String::as_str)
    }

    /// Line `line` (1-based) of a kept file's text, without its line break.
    pub fn source_line(&self, file: &str, line: u64) -> Option<&str> {
        let text = self.sources.get(file)?;
        let starts = self.line_starts.get(file)?;
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *starts.get(i)?;
        let end = starts.get(i + 1).map_or(text.len(), |e| e - 1);
        text.get(start..end)
    }

    /// Every problem rendered with a snippet of its file, followed by a count.
    pub fn render(&self, lang: Lang, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        let sorted = self.sorted();
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, d) in sorted.iter().enumerate() {
            let n = seen.entry(d.message.as_str()).or_default();
            *n += 1;
            // More than three identical messages: the fourth and later are listed by place.
            if *n > SHOWN_ALIKE {
                continue;
            }
            out.push_str(&render_one(d, self.source(&d.file), lang, &renderer));
            out.push_str("\n\n");
            if *n == SHOWN_ALIKE {
                let rest: Vec<String> = sorted[i + 1..]
                    .iter()
                    .filter(|x| x.message == d.message)
                    .map(|x| place(x))
                    .collect();
                if !rest.is_empty() {
                    out.push_str(&crate::tr!(
                        lang,
                        content.same_more,
                        count = rest.len(),
                        places = rest.join(lang.text().msg.list_sep)
                    ));
                    out.push_str("\n\n");
                }
            }
            if i == 0 && self.suppressed > 0 {
                out.push_str(&crate::tr!(
                    lang,
                    content.fix_first,
                    count = self.suppressed
                ));
                out.push_str("\n\n");
            }
        }
        out.push_str(&self.summary(lang));
        out.push('\n');
        out
    }

    /// 「エラー 2 件、警告 1 件」.
    pub fn summary(&self, lang: Lang) -> String {
        crate::tr!(
            lang,
            msg.summary,
            errors = self.error_count(),
            warnings = self.warning_count()
        )
    }
}

/// How many problems with the same message are shown in full.
const SHOWN_ALIKE: usize = 3;

/// Files in the order their problems cause others: settings, plans, bodies, glossary, the
/// front page, then the years.
fn file_rank(file: &str) -> u8 {
    if file == "book.toml" {
        0
    } else if file.starts_with("content/plans/") {
        1
    } else if file.starts_with("content/bodies/") {
        2
    } else if file.starts_with("content/glossary.") {
        3
    } else if file == "content/index.md" {
        4
    } else if file.starts_with("content/") {
        5
    } else {
        6
    }
}

/// file:line of a problem.
fn place(d: &Diagnostic) -> String {
    if d.line > 0 {
        format!("{}:{}", d.file, d.line)
    } else {
        d.file.clone()
    }
}

fn render_one(d: &Diagnostic, source: Option<&str>, lang: Lang, renderer: &Renderer) -> String {
    // annotate-snippets names its levels in English; the catalogue names them instead.
    let m = &lang.text().msg;
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name(m.error),
        Severity::Warning => Level::WARNING.with_name(m.warning),
    };
    let help = Level::HELP.with_name(m.hint);
    let location = if d.line > 0 {
        format!("{}:{}:{}", d.file, d.line, d.column.max(1))
    } else {
        d.file.clone()
    };
    let title = level.clone().primary_title(d.message.as_str());
    let snippet_source = source
        .filter(|_| d.line > 0)
        .and_then(|text| line_window(text, d));
    let mut group: Group = match snippet_source {
        Some((window, first_line, span)) => title.element(
            Snippet::source(window)
                .line_start(first_line)
                .path(d.file.as_str())
                .annotation(AnnotationKind::Primary.span(span)),
        ),
        None => title.element(level.message(location)),
    };
    if let Some(h) = &d.hint {
        group = group.element(help.message(h.as_str()));
    }
    renderer.render(&[group])
}

/// The lines around a diagnostic and the byte span of its column within them.
fn line_window<'a>(
    text: &'a str,
    d: &Diagnostic,
) -> Option<(&'a str, usize, std::ops::Range<usize>)> {
    let line_idx = d.line as usize - 1;
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    if line_idx >= starts.len() {
        return None;
    }
    let first = line_idx.saturating_sub(1);
    let last = (line_idx + 1).min(starts.len() - 1);
    let win_start = starts[first];
    let win_end = starts
        .get(last + 1)
        .map(|e| e - 1)
        .unwrap_or(text.len())
        .max(win_start);
    let window = &text[win_start..win_end];
    let line_start = starts[line_idx];
    let line_text = text[line_start..].split('\n').next().unwrap_or("");
    let col = d.column.max(1) as usize - 1;
    let byte_col = line_text
        .char_indices()
        .nth(col)
        .map(|(i, _)| i)
        .unwrap_or(line_text.len());
    let rel = line_start - win_start + byte_col;
    // Underline the word at the column: up to a space or YAML punctuation, or through a
    // glossary mark, or to Japanese punctuation.
    let end_in_line = line_text[byte_col..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || ":,、。}]＊".contains(*c))
        .map(|(i, c)| byte_col + i + if c == '＊' { c.len_utf8() } else { 0 })
        .unwrap_or(line_text.len());
    // At least the character at the column (a full-width space is one, and three bytes).
    let at_char = line_text[byte_col..]
        .chars()
        .next()
        .map_or(1, char::len_utf8);
    let end = (line_start - win_start + end_in_line)
        .max(rel + at_char)
        .min(window.len());
    let rel = if end > rel {
        rel
    } else {
        window[..end].char_indices().last().map_or(0, |(i, _)| i)
    };
    Some((window, first + 1, rel..end))
}

/// A path relative to the project root with `/` separators, as diagnostics name files.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    rel.to_string_lossy().replace('\\', "/")
}

/// The closest candidate to a mistyped name, for 「もしかして」 hints.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(dist, c)| *dist <= (c.chars().count().max(word.chars().count()) / 2).max(1))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_snippet_and_hint_in_japanese() {
        let mut ds = Diagnostics::default();
        ds.add_source(
            "content/plans/a.yaml",
            "title: x\ntargt: 5\nperiod: [2019, 2028]\n",
        );
        ds.push(
            Diagnostic::error("content/plans/a.yaml", 2, 1, "不明なキー「targt」です")
                .with_hint("「target」の誤りではありませんか"),
        );
        let out = ds.render(Lang::Ja, false);
        assert!(out.contains("エラー: 不明なキー「targt」です"), "{out}");
        assert!(out.contains("content/plans/a.yaml:2:1"), "{out}");
        assert!(out.contains("targt: 5"), "{out}");
        assert!(
            out.contains("修正方法: 「target」の誤りではありませんか"),
            "{out}"
        );
        assert!(out.contains("エラー 1 件、警告 0 件"), "{out}");
    }

    #[test]
    fn nearest_suggests_close_names_only() {
        let keys = ["target", "baseline", "unit"];
        assert_eq!(nearest("targt", keys), Some("target"));
        assert_eq!(nearest("baseLine", keys), Some("baseline"));
        assert_eq!(nearest("zzzzzzzz", keys), None);
    }
}
