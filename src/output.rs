//! Writing the site: into a sibling temporary folder first, then swapped into place, so a
//! failed build never leaves a half-written site where the published one was.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::Lang;
use crate::site::OutputFile;
use crate::tr;

/// The marker nenpo leaves in its output folder, so it never replaces a folder it did not write.
pub const MARKER: &str = ".nenpo-output";

/// Why the output could not be written.
#[derive(Debug)]
pub struct OutputError(pub String);

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OutputError {}

/// Checks that `out` is a folder nenpo may replace: not the project, not inside content/,
/// and either absent, empty, or written by nenpo before.
pub fn check_output_dir(root: &Path, out: &Path, lang: Lang) -> Result<(), OutputError> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalize(&p)
    };
    let root_abs = abs(root);
    let out_abs = abs(out);
    let path = out.display();
    if out_abs == root_abs || root_abs.starts_with(&out_abs) {
        return Err(OutputError(tr!(lang, msg.output_is_project, path = path)));
    }
    for protected in ["content", "assets", "themes"] {
        if out_abs.starts_with(root_abs.join(protected)) {
            return Err(OutputError(tr!(
                lang,
                msg.output_inside,
                path = path,
                dir = protected
            )));
        }
    }
    if out.is_dir() && !out.join(MARKER).exists() {
        let not_empty = fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if not_empty {
            return Err(OutputError(tr!(lang, msg.output_not_ours, path = path)));
        }
    }
    Ok(())
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes the files to `out`, replacing what was there only once everything is written.
pub fn write_site(out: &Path, files: &[OutputFile], lang: Lang) -> Result<(), OutputError> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let tmp = parent.join(format!(".{name}.nenpo-tmp"));
    let old = parent.join(format!(".{name}.nenpo-old"));
    let m = &lang.text().msg;
    let io = |pattern: &str, p: &Path, e: std::io::Error| {
        OutputError(crate::i18n::fill(
            pattern,
            &[("path", &p.display()), ("error", &e)],
        ))
    };
    if tmp.exists() {
        fs::remove_dir_all(&tmp).map_err(|e| io(m.cannot_remove, &tmp, e))?;
    }
    fs::create_dir_all(&tmp).map_err(|e| io(m.cannot_create, &tmp, e))?;
    let result = (|| {
        // Folders are made by the same tasks that write into them: with one folder per page,
        // making 10,000 folders one after another would take most of the write time.
        files.par_iter().try_for_each(|f| {
            let p = tmp.join(&f.path);
            if let Some(d) = p.parent() {
                fs::create_dir_all(d).map_err(|e| io(m.cannot_create, d, e))?;
            }
            fs::write(&p, &f.bytes).map_err(|e| io(m.cannot_write, &p, e))
        })?;
        fs::write(tmp.join(MARKER), m.output_marker).map_err(|e| io(m.cannot_write, &tmp, e))
    })();
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| io(m.cannot_remove, &old, e))?;
    }
    if out.exists() {
        fs::rename(out, &old).map_err(|e| io(m.cannot_move, out, e))?;
    }
    if let Err(e) = fs::rename(&tmp, out) {
        // Put the previous site back rather than leave nothing published.
        let _ = fs::rename(&old, out);
        return Err(io(m.cannot_move, &tmp, e));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_project_root_content_and_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_output_dir(root, root, Lang::Ja).is_err());
        assert!(check_output_dir(root, &root.join("content/out"), Lang::Ja).is_err());
        fs::create_dir_all(root.join("mine")).unwrap();
        fs::write(root.join("mine/keep.txt"), "x").unwrap();
        let e = check_output_dir(root, &root.join("mine"), Lang::Ja).unwrap_err();
        assert!(e.0.contains("nenpo が作っていない"), "{e}");
        assert!(check_output_dir(root, &root.join("public"), Lang::Ja).is_ok());
    }

    #[test]
    fn writes_then_swaps_and_marks_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let files = vec![OutputFile {
            path: "a/index.html".into(),
            bytes: b"1".to_vec(),
        }];
        write_site(&out, &files, Lang::Ja).unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"1");
        assert!(out.join(MARKER).exists());
        let files2 = vec![OutputFile {
            path: "b.html".into(),
            bytes: b"2".to_vec(),
        }];
        write_site(&out, &files2, Lang::Ja).unwrap();
        assert!(!out.join("a/index.html").exists());
        assert!(out.join("b.html").exists());
        assert!(check_output_dir(dir.path(), &out, Lang::Ja).is_ok());
    }
}
