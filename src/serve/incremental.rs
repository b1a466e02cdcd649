//! Incremental rebuilds: when a save changed only the Markdown body of content files
//! (chapters, a year's overview, evaluations, meetings, bodies, the home page), only the
//! pages that show those bodies are rendered again. Anything else (front matter, a title
//! heading, a new glossary mark, YAML, assets, the theme) needs a full build, and so does
//! anything this module is unsure of: a full build is always correct.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostics, display_path};
use crate::evaluate::Evaluation;
use crate::model::{Document, Report};
use crate::site::pages::SiteContext;
use crate::site::registry::{self, Doc};
use crate::site::theme::Theme;
use crate::site::{OutputFile, Page, links};

/// The last good build: the model, its evaluation, every site path, and the warnings (whose
/// kept sources are the texts the model was built from).
pub(crate) struct Built {
    report: Report,
    /// A body-only edit changes no figure, so the evaluation of the full build stays valid.
    evaluation: Evaluation,
    paths: BTreeSet<String>,
    /// Warnings of the build, holding the text of every content file.
    pub warnings: Diagnostics,
}

/// What an incremental step did.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Nothing that shows changed.
    Unchanged,
    /// These files replace their old versions.
    Updated(Vec<OutputFile>),
    /// Only a full build can be trusted.
    NeedsFull,
}

/// A document whose body changed: where it is in the model and its new body.
struct Edit {
    at: Doc,
    rel: String,
    text: String,
    body: String,
    body_line: u32,
}

impl Built {
    /// Keeps a good build as the base of later incremental steps.
    pub fn new(
        report: Report,
        evaluation: Evaluation,
        files: &[OutputFile],
        warnings: Diagnostics,
    ) -> Built {
        Built {
            report,
            evaluation,
            paths: files.iter().map(|f| f.path.clone()).collect(),
            warnings,
        }
    }

    /// HTML pages in the site.
    pub fn pages(&self) -> usize {
        self.paths.iter().filter(|p| p.ends_with(".html")).count()
    }
}

/// Applies a set of changed paths to `built`, re-rendering only what they touch.
pub(crate) fn apply(root: &Path, built: &mut Built, changed: &[PathBuf]) -> Outcome {
    let mut edits = Vec::new();
    for path in changed {
        match body_edit(root, built, path) {
            Some(Some(e)) => edits.push(e),
            Some(None) => {}
            None => return Outcome::NeedsFull,
        }
    }
    if edits.is_empty() {
        return Outcome::Unchanged;
    }
    // Work on a copy, so a failed step leaves the base as it was for the full build.
    let mut report = built.report.clone();
    for e in &edits {
        let doc = doc_mut(&mut report, e.at);
        doc.markdown = e.body.clone();
        doc.body_line = e.body_line;
    }
    let Ok(theme) = Theme::load(root, &report.config.theme, report.config.lang) else {
        return Outcome::NeedsFull;
    };
    let cx = SiteContext::new(&report, &built.evaluation);
    // The pages a full build makes that show an edited document, from the same registry.
    let mut pages: Vec<Page> = Vec::new();
    for job in registry::page_jobs(&report, &built.evaluation)
        .into_iter()
        .filter(|j| edits.iter().any(|e| j.shows(&report, e.at)))
    {
        match job.render(&cx) {
            Ok(p) => pages.push(p),
            Err(_) => return Outcome::NeedsFull,
        }
    }
    let mut files = Vec::with_capacity(pages.len());
    for p in &pages {
        match p.render(&theme) {
            Ok(f) => files.push(f),
            Err(_) => return Outcome::NeedsFull,
        }
    }
    if !links_ok(built, &files, &pages, report.config.lang) {
        return Outcome::NeedsFull;
    }
    for e in edits {
        built.warnings.add_source(&e.rel, &e.text);
    }
    built.report = report;
    Outcome::Updated(files)
}

/// The document a content file holds, if it is a Markdown file the model keeps.
fn locate(report: &Report, rel: &str) -> Option<Doc> {
    if report.home.file == rel {
        return Some(Doc::Home);
    }
    if let Some(b) = report.bodies.iter().position(|b| b.doc.file == rel) {
        return Some(Doc::Body(b));
    }
    report.years.iter().enumerate().find_map(|(yi, y)| {
        if y.narrative.file == rel {
            return Some(Doc::Year(yi));
        }
        let evaluation = y.evaluations.iter().position(|e| e.doc.file == rel);
        let meeting = y.meetings.iter().position(|m| m.doc.file == rel);
        let chapter = y.chapters.iter().position(|c| c.doc.file == rel);
        evaluation
            .map(|i| Doc::Evaluation(yi, i))
            .or_else(|| meeting.map(|i| Doc::Meeting(yi, i)))
            .or_else(|| chapter.map(|i| Doc::Chapter(yi, i)))
    })
}

fn doc_mut(report: &mut Report, at: Doc) -> &mut Document {
    match at {
        Doc::Home => &mut report.home,
        Doc::Body(b) => &mut report.bodies[b].doc,
        Doc::Year(y) => &mut report.years[y].narrative,
        Doc::Evaluation(y, i) => &mut report.years[y].evaluations[i].doc,
        Doc::Meeting(y, i) => &mut report.years[y].meetings[i].doc,
        Doc::Chapter(y, i) => &mut report.years[y].chapters[i].doc,
    }
}

/// The edit a changed path makes to a document's body: `Some(None)` when its text is as
/// built, `None` when the change is not a body-only edit of a Markdown document.
fn body_edit(root: &Path, built: &Built, path: &Path) -> Option<Option<Edit>> {
    let rel = display_path(root, path);
    let at = locate(&built.report, &rel)?;
    // Whether a link stays inside the project is the full build's to check.
    if path.is_symlink() {
        return None;
    }
    let lang = built.report.config.lang;
    let old = built.warnings.source(&rel)?;
    let text = crate::source::read_text(path, &rel, lang).ok()?;
    if text == old {
        return Some(None);
    }
    let before = crate::source::split_front_matter(old, &rel, lang).ok()?;
    let after = crate::source::split_front_matter(&text, &rel, lang).ok()?;
    // The front matter sets titles, dates, grades and order, which other pages show.
    if before.yaml != after.yaml {
        return None;
    }
    // Without a title in the front matter, the first `#` heading is the title.
    if title_heading(before.body) != title_heading(after.body) {
        return None;
    }
    // A marked term the glossary lacks is an error only a full check reports fully.
    let terms: Vec<&str> = built
        .report
        .glossary
        .iter()
        .map(|g| g.term.as_str())
        .collect();
    if crate::glossary::find_marks(after.body, terms.iter().copied())
        .iter()
        .any(|m| m.term.is_none())
    {
        return None;
    }
    // So is HTML the sanitiser removes: its warnings (new ones, or old ones now fixed) come
    // from the full check.
    if !crate::sanitize::audit_markdown(after.body).is_empty()
        || !crate::sanitize::audit_markdown(before.body).is_empty()
    {
        return None;
    }
    let (body, body_line) = (after.body.to_string(), after.body_line);
    Some(Some(Edit {
        at,
        rel,
        body,
        body_line,
        text,
    }))
}

fn title_heading(body: &str) -> Option<&str> {
    body.lines()
        .find_map(|l| l.strip_prefix("# ").map(str::trim))
}

/// Checks the new pages' links against every path of the site.
fn links_ok(built: &Built, files: &[OutputFile], pages: &[Page], lang: crate::diag::Lang) -> bool {
    // Other pages' links were checked by the last build: list them as paths only.
    let mut all: Vec<OutputFile> = built
        .paths
        .iter()
        .filter(|p| !files.iter().any(|f| &f.path == *p))
        .map(|p| OutputFile {
            path: p.clone(),
            bytes: Vec::new(),
        })
        .collect();
    all.extend(files.iter().cloned());
    let sources: Vec<(&str, &str)> = pages
        .iter()
        .map(|p| (p.path.as_str(), p.source.as_str()))
        .collect();
    links::check_links(&all, &sources, lang).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example's content in a temporary folder.
    fn example_copy() -> tempfile::TempDir {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        for top in ["book.toml", "content", "assets"] {
            for entry in walkdir::WalkDir::new(src.join(top)) {
                let entry = entry.unwrap();
                let target = dir.path().join(entry.path().strip_prefix(src).unwrap());
                if entry.file_type().is_dir() {
                    std::fs::create_dir_all(&target).unwrap();
                } else {
                    std::fs::copy(entry.path(), &target).unwrap();
                }
            }
        }
        dir
    }

    fn base(root: &Path) -> Built {
        let r = crate::build::render_evaluated(root, &mut |_| {}).unwrap();
        Built::new(r.report, r.evaluation, &r.files, r.warnings)
    }

    /// Applies `edit` to `file` incrementally and checks the result against a full build:
    /// every file the full build changed is re-rendered, byte for byte.
    fn same_as_full_build(root: &Path, built: &mut Built, before: &[OutputFile], file: &str) {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            format!("{text}\n追記した一文です。カーボンニュートラル＊\n"),
        )
        .unwrap();
        let Outcome::Updated(updated) = apply(root, built, std::slice::from_ref(&path)) else {
            panic!("{file}: expected an incremental update");
        };
        let (_, after, _) = crate::build::render_report(root).unwrap();
        assert_eq!(before.len(), after.len());
        let changed: Vec<&str> = after
            .iter()
            .filter(|f| before.iter().find(|b| b.path == f.path) != Some(*f))
            .map(|f| f.path.as_str())
            .collect();
        assert!(!changed.is_empty(), "{file}");
        for c in &changed {
            assert!(
                updated.iter().any(|f| f.path == *c),
                "{file}: {c} not re-rendered"
            );
        }
        for f in &updated {
            assert!(
                after.contains(f),
                "{file}: {} differs from a full build",
                f.path
            );
        }
        // Saving the same text again changes nothing.
        assert!(matches!(apply(root, built, &[path]), Outcome::Unchanged));
    }

    #[test]
    fn a_body_edit_renders_exactly_what_a_full_build_changes() {
        let dir = example_copy();
        let root = dir.path();
        let mut built = base(root);
        for file in [
            "content/2021/kankyo-genkyo.md",
            "content/2021/index.md",
            "content/2020/index.md",
            "content/2021/evaluations/kankyo-2.md",
            "content/2021/meetings/shingikai-1.md",
            "content/bodies/shingikai.md",
            "content/index.md",
        ] {
            let (_, before, _) = crate::build::render_report(root).unwrap();
            same_as_full_build(root, &mut built, &before, file);
        }
    }

    #[test]
    fn front_matter_titles_marks_and_other_files_need_a_full_build() {
        let dir = example_copy();
        let root = dir.path();
        let mut built = base(root);
        let file = root.join("content/2021/kankyo-genkyo.md");
        let text = std::fs::read_to_string(&file).unwrap();
        for edited in [
            text.replacen("weight:", "weight: 3\n# was:", 1),
            text.replacen("## ", "# 新しい題名\n\n## ", 1),
            text.replacen("## ", "用語集にない語＊です。\n\n## ", 1),
        ] {
            std::fs::write(&file, &edited).unwrap();
            assert!(
                matches!(
                    apply(root, &mut built, std::slice::from_ref(&file)),
                    Outcome::NeedsFull
                ),
                "{edited}"
            );
        }
        std::fs::write(&file, &text).unwrap();
        for other in [
            "content/2021/actuals.yaml",
            "content/plans/kankyo.yaml",
            "content/glossary.yaml",
            "book.toml",
            "assets/2021/shingikai-1-shiryo1.pdf",
        ] {
            assert!(matches!(
                apply(root, &mut built, &[root.join(other)]),
                NeedsFull
            ));
        }
    }

    use Outcome::NeedsFull;
}
