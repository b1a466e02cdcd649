//! Incremental rebuilds. When a save changed only the Markdown body of content files
//! (chapters, a year's overview, evaluations, meetings, bodies, the home page), only the
//! pages that show those bodies are rendered again; a save of one year's actuals.yaml is
//! read on its own and re-renders the pages whose figures changed ([`figures`]). The
//! pages come first; a year's print view and the search index follow. Anything else (front
//! matter, a title heading, a new glossary mark, other YAML, assets, the theme) needs a
//! full build, and so does anything this module is unsure of: a full build is always
//! correct.

mod figures;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostics, display_path};
use crate::evaluate::Evaluation;
use crate::model::{Document, Report};
use crate::site::pages::SiteContext;
use crate::site::registry::{self, Doc, PageJob};
use crate::site::theme::Theme;
use crate::site::{OutputFile, Page, links};

/// The last good build: the model, its evaluation, every site path, and the warnings (whose
/// kept sources are the texts the model was built from).
pub(crate) struct Built {
    report: Report,
    /// A body-only edit changes no figure, so the evaluation of the full build stays valid.
    evaluation: Evaluation,
    paths: BTreeSet<String>,
    /// Print views an incremental step left to render after its pages are shown.
    pending: Vec<PageJob>,
    /// The searchable text of every page, when the site has search: an incremental step
    /// reads only its pages again and rewrites the index from these.
    docs: Option<BTreeMap<String, crate::search::Doc>>,
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
        let docs = report.config.search.then(|| {
            crate::search::extract_docs(files)
                .into_iter()
                .map(|d| (d.path.clone(), d))
                .collect()
        });
        Built {
            report,
            evaluation,
            paths: files.iter().map(|f| f.path.clone()).collect(),
            pending: Vec::new(),
            docs,
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
    // A save of one year's actuals.yaml on its own.
    if let [path] = changed
        && let Some(edit) = figures::actuals_edit(root, built, path)
    {
        return match edit {
            Some(edit) => figures::apply_actuals(root, built, edit),
            None => Outcome::Unchanged,
        };
    }
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
    // The pages a full build makes that show an edited document, from the same registry.
    let jobs: Vec<PageJob> = registry::page_jobs(&report, &built.evaluation)
        .into_iter()
        .filter(|j| edits.iter().any(|e| j.shows(&report, e.at)))
        .collect();
    let (later, now) = split_print_views(jobs);
    let Some(files) = render_jobs(built, &report, &built.evaluation, &theme, &now) else {
        return Outcome::NeedsFull;
    };
    built.pending = later;
    for e in edits {
        built.warnings.add_source(&e.rel, &e.text);
    }
    built.report = report;
    Outcome::Updated(files)
}

impl Built {
    /// The searchable text of re-rendered pages, to index once the pages are shown (none
    /// when the site has no search).
    pub(crate) fn fresh_docs(&self, files: &[OutputFile]) -> Vec<(String, crate::search::Doc)> {
        if self.docs.is_none() {
            return Vec::new();
        }
        files
            .iter()
            .filter(|f| crate::search::is_indexed(&f.path))
            .map(|f| {
                (
                    f.path.clone(),
                    crate::search::extract::extract(&f.path, &f.bytes),
                )
            })
            .collect()
    }

    /// The search index rewritten with `fresh` in place of those pages' old text, and the
    /// 検索 page that names its version; none when nothing searchable changed. Writing the
    /// index of a large site takes longer than the pages themselves, so `serve` shows the
    /// pages first and the index follows.
    pub(crate) fn reindex(
        &mut self,
        root: &Path,
        fresh: Vec<(String, crate::search::Doc)>,
    ) -> Option<Vec<OutputFile>> {
        let old = self.docs.as_mut()?;
        let fresh: Vec<(String, crate::search::Doc)> = fresh
            .into_iter()
            .filter(|(p, d)| old.get(p) != Some(d))
            .collect();
        if fresh.is_empty() {
            return None;
        }
        old.extend(fresh);
        let report = &self.report;
        let theme = Theme::load(root, &report.config.theme, report.config.lang).ok()?;
        let mut docs: Vec<&crate::search::Doc> = old.values().filter(|d| !d.is_empty()).collect();
        crate::search::sort_docs(&mut docs);
        crate::search::search_files(report, &theme, &docs).ok()
    }
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

/// A year's print view holds every page of the year: rendering it can take longer than
/// all other pages of a step, so it waits until they are shown (see [`Built::catch_up`]).
fn split_print_views(jobs: Vec<PageJob>) -> (Vec<PageJob>, Vec<PageJob>) {
    jobs.into_iter()
        .partition(|j| matches!(j, PageJob::Print(_)))
}

/// The pages of `jobs` with their charts, rendered with `report` and `ev`; none when one
/// fails or links to a file the site does not have (the full build reports it).
fn render_jobs(
    built: &Built,
    report: &Report,
    ev: &Evaluation,
    theme: &Theme,
    jobs: &[PageJob],
) -> Option<Vec<OutputFile>> {
    use rayon::prelude::*;
    let cx = SiteContext::new(report, ev);
    let pages: Vec<Page> = jobs
        .par_iter()
        .map(|j| j.render(&cx).ok())
        .collect::<Option<_>>()?;
    let mut files: Vec<OutputFile> = pages
        .par_iter()
        .map(|p| p.render(theme).ok())
        .collect::<Option<_>>()?;
    files.extend(pages.into_iter().flat_map(|p| p.files));
    links_ok(built, &files).then_some(files)
}

/// Whether every internal link of the new files names a file of the site.
fn links_ok(built: &Built, files: &[OutputFile]) -> bool {
    let new: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    files.iter().filter(|f| f.path.ends_with(".html")).all(|f| {
        links::page_links(&f.path, &f.bytes).iter().all(|l| {
            l.target
                .as_deref()
                .is_some_and(|t| built.paths.contains(t) || new.contains(t))
        })
    })
}

impl Built {
    /// Renders the print views the last step left, with the model as it now is; none when
    /// one cannot be rendered incrementally (a full build is then needed).
    pub(crate) fn catch_up(&mut self, root: &Path) -> Option<Vec<OutputFile>> {
        let jobs = std::mem::take(&mut self.pending);
        if jobs.is_empty() {
            return Some(Vec::new());
        }
        let report = &self.report;
        let theme = Theme::load(root, &report.config.theme, report.config.lang).ok()?;
        render_jobs(self, report, &self.evaluation, &theme, &jobs)
    }
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
        let Outcome::Updated(mut updated) = apply(root, built, std::slice::from_ref(&path)) else {
            panic!("{file}: expected an incremental update");
        };
        updated.extend(built.catch_up(root).expect("the print view renders"));
        let fresh = built.fresh_docs(&updated);
        updated.extend(built.reindex(root, fresh).unwrap_or_default());
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

    #[test]
    fn text_added_in_an_edit_is_found_by_the_search_index() {
        let dir = example_copy();
        let root = dir.path();
        let r = crate::build::render_evaluated(root, &mut |_| {}).unwrap();
        let before = r.files.clone();
        let mut built = Built::new(r.report, r.evaluation, &r.files, r.warnings);
        // Katakana in the text is found by a hiragana key, as a citizen might type it.
        assert!(crate::search::index::pages_with_key(&before, "ゆず").is_empty());
        let file = root.join("content/2021/torikumi.md");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(
            &file,
            format!("{text}\nユズリハの丘で観察会を開きました。\n"),
        )
        .unwrap();
        let Outcome::Updated(files) = apply(root, &mut built, std::slice::from_ref(&file)) else {
            panic!("expected an incremental update");
        };
        let fresh = built.fresh_docs(&files);
        let files = built.reindex(root, fresh).expect("the index is rewritten");
        assert_eq!(
            crate::search::index::pages_with_key(&files, "ゆず"),
            [("2021/torikumi/index.html".to_string(), 0)]
        );
        assert!(files.iter().any(|f| f.path == crate::search::PAGE));
    }

    /// Saves `edited` as `file` and checks the incremental step against a full build.
    fn actuals_step(root: &Path, built: &mut Built, file: &str, edited: &str) -> Vec<OutputFile> {
        let (_, before, _) = crate::build::render_report(root).unwrap();
        let path = root.join(file);
        std::fs::write(&path, edited).unwrap();
        let Outcome::Updated(mut updated) = apply(root, built, std::slice::from_ref(&path)) else {
            panic!("{edited}: expected an incremental update");
        };
        updated.extend(built.catch_up(root).expect("the print view renders"));
        let fresh = built.fresh_docs(&updated);
        updated.extend(built.reindex(root, fresh).unwrap_or_default());
        let (_, after, _) = crate::build::render_report(root).unwrap();
        for f in after.iter().filter(|f| !before.contains(f)) {
            assert!(
                updated.contains(f),
                "{} changed in a full build but not in the step",
                f.path
            );
        }
        for f in &updated {
            assert!(after.contains(f), "{} differs from a full build", f.path);
        }
        updated
    }

    #[test]
    fn an_actuals_edit_renders_exactly_what_a_full_build_changes() {
        let dir = example_copy();
        let root = dir.path();
        let mut built = base(root);
        let file = "content/2021/actuals.yaml";
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let edited = text.replacen("actual: 1615", "actual: 1,702", 1);
        let updated = actuals_step(root, &mut built, file, &edited);
        let page = |p: &str| {
            let f = updated.iter().find(|f| f.path == p).unwrap();
            String::from_utf8(f.bytes.clone()).unwrap()
        };
        assert!(page("2021/print/index.html").contains("1,702"));
        assert!(updated.iter().any(|f| f.path.starts_with("data/")));
        // Far fewer files than the site: chapters, meetings and bodies stay as they are.
        assert!(!updated.iter().any(|f| f.path.contains("meetings")));
        // An earlier year changes the later years' comparisons too.
        let file = "content/2020/actuals.yaml";
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let edited = text.replacen("actual: ", "actual: 1", 1);
        actuals_step(root, &mut built, file, &edited);
        // A comment changes nothing shown.
        let path = root.join(file);
        std::fs::write(&path, format!("# 確認済み\n{edited}")).unwrap();
        assert!(matches!(
            apply(root, &mut built, std::slice::from_ref(&path)),
            Outcome::Unchanged
        ));
        // A typo'd id is the full build's to report.
        std::fs::write(&path, format!("{edited}\nnai-shihyo:\n  actual: 3\n")).unwrap();
        assert!(matches!(apply(root, &mut built, &[path]), NeedsFull));
    }

    use Outcome::NeedsFull;
}
