//! Walking content/ and assets/ so that only files inside the report folder are read: a
//! symbolic link is followed when it leads to a place inside the project (a year folder kept
//! elsewhere in the project works like a real one) and is an error naming it when it leads
//! outside, so nothing from the rest of the computer can be published by accident. File names
//! that cannot become a working address (control characters such as a newline) are errors too.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics, Lang, display_path};

/// A file found under a folder of the project.
pub struct Found {
    /// Its path through the project (links not resolved), as pages name it.
    pub path: PathBuf,
    /// Whether it is a folder (then nothing is read from it).
    pub is_dir: bool,
}

/// Every file and folder under `dir` (sorted by name), following links that stay inside
/// `root`; problems go to `diags`.
pub fn walk(root: &Path, dir: &Path, lang: Lang, diags: &mut Diagnostics) -> Vec<Found> {
    // No assets/ folder is fine: there is nothing to publish from it.
    if std::fs::symlink_metadata(dir).is_err() {
        return Vec::new();
    }
    let inside = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if let Ok(real) = dir.canonicalize()
        && !real.starts_with(&inside)
    {
        diags.push(leaves(root, dir, &real, lang));
        return Vec::new();
    }
    let problems = RefCell::new(Vec::new());
    let mut found = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            if !e.path_is_symlink() {
                return true;
            }
            match e.path().canonicalize() {
                Ok(real) if real.starts_with(&inside) => true,
                Ok(real) => {
                    problems
                        .borrow_mut()
                        .push(leaves(root, e.path(), &real, lang));
                    false
                }
                // A link to nothing: reported below as the walker's own error.
                Err(_) => true,
            }
        });
    for entry in walker {
        match entry {
            Ok(e) => {
                if let Some(d) = unlinkable_name(root, e.path(), lang) {
                    problems.borrow_mut().push(d);
                    continue;
                }
                found.push(Found {
                    path: e.path().to_path_buf(),
                    is_dir: e.file_type().is_dir(),
                });
            }
            Err(e) => problems.borrow_mut().push(walk_error(root, &e, lang)),
        }
    }
    for d in problems.into_inner() {
        diags.push(d);
    }
    found
}

fn leaves(root: &Path, link: &Path, real: &Path, lang: Lang) -> Diagnostic {
    Diagnostic::error(
        display_path(root, link),
        0,
        0,
        match lang {
            Lang::Ja => format!(
                "このリンク（ショートカット）はレポートのフォルダの外（{}）を指しています",
                real.display()
            ),
            Lang::En => format!(
                "this symbolic link points outside the project ({})",
                real.display()
            ),
        },
    )
    .with_hint(lang.pick(
        "公開するファイルは、リンクではなくファイルそのものをレポートのフォルダの中に置いてください",
        "copy the file itself into the project instead of linking to it",
    ))
}

fn walk_error(root: &Path, e: &walkdir::Error, lang: Lang) -> Diagnostic {
    let rel = e
        .path()
        .map(|p| display_path(root, p))
        .unwrap_or_else(|| "content".into());
    let (ja, en) = if e.loop_ancestor().is_some() {
        (
            "このリンクは自分を含むフォルダを指しているため、たどれません".to_string(),
            "this symbolic link points to a folder that holds it".to_string(),
        )
    } else if e.path().is_some_and(|p| p.is_symlink() && !p.exists()) {
        (
            "このリンクの指す先がありません".to_string(),
            "this symbolic link points to nothing".to_string(),
        )
    } else {
        (format!("読み込めません: {e}"), format!("cannot read: {e}"))
    };
    Diagnostic::error(rel, 0, 0, lang.pick(&ja, &en))
}

/// A name with a control character (a newline, a tab …) cannot be written in a link that
/// browsers follow, and cannot be told apart in a list of files.
fn unlinkable_name(root: &Path, path: &Path, lang: Lang) -> Option<Diagnostic> {
    let name = path.file_name()?.to_string_lossy();
    if !name.chars().any(char::is_control) {
        return None;
    }
    let shown: String = name
        .chars()
        .map(|c| {
            if c.is_control() {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    let parent = path
        .parent()
        .map(|p| display_path(root, p))
        .unwrap_or_default();
    Some(
        Diagnostic::error(
            format!("{parent}/{shown}"),
            0,
            0,
            lang.pick(
                "ファイル名に改行などの制御文字が含まれているため、ページからリンクできません",
                "the file name holds a control character (a newline …) and cannot be linked",
            ),
        )
        .with_hint(lang.pick(
            "ファイル名から改行やタブを取り除いてください",
            "rename the file without newlines or tabs",
        )),
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_inside_are_followed_and_links_outside_are_errors() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("content/archive")).unwrap();
        fs::write(root.join("content/archive/a.md"), "a").unwrap();
        fs::create_dir_all(root.join("elsewhere/2023")).unwrap();
        fs::write(root.join("elsewhere/2023/index.md"), "y").unwrap();
        symlink(root.join("elsewhere/2023"), root.join("content/2023")).unwrap();
        symlink(
            outside.path().join("secret.txt"),
            root.join("content/secret.md"),
        )
        .unwrap();
        symlink(outside.path(), root.join("content/2019")).unwrap();
        let mut diags = Diagnostics::default();
        let found = walk(root, &root.join("content"), Lang::Ja, &mut diags);
        let files: Vec<String> = found
            .iter()
            .filter(|f| !f.is_dir)
            .map(|f| display_path(root, &f.path))
            .collect();
        assert_eq!(files, ["content/2023/index.md", "content/archive/a.md"]);
        let errs: Vec<String> = diags.sorted().iter().map(|d| d.file.clone()).collect();
        assert_eq!(errs, ["content/2019", "content/secret.md"]);
        assert!(diags.sorted()[0].message.contains("フォルダの外"));
    }

    #[test]
    fn a_missing_folder_has_nothing_in_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut diags = Diagnostics::default();
        assert!(walk(dir.path(), &dir.path().join("assets"), Lang::Ja, &mut diags).is_empty());
        assert!(diags.is_empty());
    }
}
