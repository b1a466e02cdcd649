//! Where `nenpo pdf -o` may write (SPEC §16: nothing nenpo does may damage files it does
//! not own), and the atomic write itself.
//!
//! Refused, before anything is built: a name that does not end in `.pdf`; a place inside
//! the report's content/, assets/ or themes/, or its book.toml; a folder; a symbolic link;
//! an existing file that is not a PDF nenpo wrote (nenpo names itself as the PDF's
//! /Creator). The PDF is written to a temporary file beside the target and renamed over
//! it, so a failure never leaves a half-written file.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::document::written_by_nenpo;
use crate::diag::Lang;
use crate::i18n::fill;

/// The report's folders that hold the editors' own files.
const PROTECTED: &[&str] = &["content", "assets", "themes"];

/// Checks that the PDF may be written to `out` for the report at `root`; the error is the
/// message to show.
pub fn check_target(root: &Path, out: &Path, lang: Lang) -> Result<(), String> {
    let shown = out.display();
    let msg = &lang.text().msg;
    let refuse = |pattern: &str| Err(fill(pattern, &[("path", &shown)]));
    let is_pdf = out
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !is_pdf {
        return refuse(msg.pdf_not_pdf);
    }
    let real_root = resolve(root);
    let real_out = resolve(out);
    if real_out == real_root.join("book.toml") {
        return refuse(msg.pdf_is_book);
    }
    for dir in PROTECTED {
        if real_out.starts_with(real_root.join(dir)) {
            return Err(fill(msg.pdf_inside, &[("path", &shown), ("dir", dir)]));
        }
    }
    let Ok(meta) = fs::symlink_metadata(out) else {
        return Ok(());
    };
    if meta.file_type().is_symlink() {
        return refuse(msg.pdf_symlink);
    }
    if meta.is_dir() {
        let example = out.join(msg.pdf_example_name);
        return Err(fill(
            msg.pdf_is_dir,
            &[("path", &shown), ("example", &example.display())],
        ));
    }
    // Only a regular file is read (a FIFO would block).
    let ours = meta.is_file() && fs::read(out).is_ok_and(|bytes| written_by_nenpo(&bytes));
    if !ours {
        return refuse(msg.pdf_not_ours);
    }
    Ok(())
}

/// Writes `bytes` to `out` through a temporary file in the same folder, renamed over `out`
/// once complete (the rename replaces a file atomically on Linux and macOS; on Windows it
/// fails while another program holds the file open). Missing folders are made.
pub fn write_pdf(out: &Path, bytes: &[u8], lang: Lang) -> Result<(), String> {
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".nenpo-pdf-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| format!("{}: {e}", tmp.path().display()))?;
    // tempfile makes its files private to their owner; a PDF to publish gets the
    // permissions any new file gets.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o644));
    }
    tmp.persist(out).map(|_| ()).map_err(|e| {
        crate::tr!(
            lang,
            msg.pdf_cannot_write,
            path = out.display(),
            error = e.error
        )
    })
}

/// `p` made absolute with symbolic links resolved as far as it exists (the rest, which
/// cannot be a link yet, appended), so `docs/../content/x.pdf` and a link into content/
/// are both seen for where they are.
fn resolve(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut existing = abs.as_path();
    let mut rest: Vec<Component> = Vec::new();
    loop {
        if let Ok(real) = fs::canonicalize(existing) {
            return rest.iter().rev().fold(real, |mut acc, c| {
                match c {
                    Component::ParentDir => {
                        acc.pop();
                    }
                    Component::CurDir => {}
                    c => acc.push(c),
                }
                acc
            });
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return abs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for d in ["content/2021", "assets", "themes/mine", "out"] {
            fs::create_dir_all(dir.path().join(d)).unwrap();
        }
        fs::write(dir.path().join("book.toml"), "[report]\n").unwrap();
        fs::write(dir.path().join("content/2021/index.md"), "# 令和3年度\n").unwrap();
        dir
    }

    #[test]
    fn refuses_the_editors_files_and_anything_not_a_pdf() {
        let p = project();
        let root = p.path();
        let refused = |out: PathBuf| check_target(root, &out, Lang::Ja).unwrap_err();
        assert!(refused(root.join("content/2021/index.md")).contains(".pdf で終わっていません"));
        assert!(refused(root.join("book.toml")).contains(".pdf で終わっていません"));
        let e = refused(root.join("content/2021/report.pdf"));
        assert!(e.contains("content/ の中にあります"), "{e}");
        assert!(refused(root.join("assets/a.pdf")).contains("assets/ の中"));
        assert!(refused(root.join("themes/mine/x.pdf")).contains("themes/ の中"));
        // Through `..` and from a new sub-folder that does not exist yet.
        let e = refused(root.join("out/../content/new/x.pdf"));
        assert!(e.contains("content/ の中"), "{e}");
        let dir = root.join("out/folder.pdf");
        fs::create_dir(&dir).unwrap();
        assert!(refused(dir).contains("フォルダです"));
        assert!(check_target(root, &root.join("out/report.PDF"), Lang::Ja).is_ok());
        assert!(check_target(root, &root.join("out/new/report.pdf"), Lang::Ja).is_ok());
    }

    #[test]
    fn an_existing_file_is_replaced_only_when_nenpo_wrote_it() {
        let p = project();
        let root = p.path();
        let out = root.join("out/r.pdf");
        fs::write(&out, b"%PDF-1.4\nsomeone else's\n").unwrap();
        let e = check_target(root, &out, Lang::Ja).unwrap_err();
        assert!(e.contains("nenpo が作った PDF ではない"), "{e}");
        let ours =
            super::super::document::mark_as_nenpo(&super::super::document::tests::sample_pdf())
                .unwrap();
        fs::write(&out, &ours).unwrap();
        assert!(check_target(root, &out, Lang::Ja).is_ok());
        write_pdf(&out, &ours, Lang::Ja).unwrap();
        assert_eq!(fs::read(&out).unwrap(), ours);
        // Nothing left beside it.
        let left: Vec<_> = fs::read_dir(root.join("out")).unwrap().collect();
        assert_eq!(left.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_refused_and_so_is_a_link_into_content() {
        let p = project();
        let root = p.path();
        let mine = root.join("out/mine.pdf");
        fs::write(&mine, b"%PDF-1.4\n").unwrap();
        std::os::unix::fs::symlink(&mine, root.join("out/link.pdf")).unwrap();
        let e = check_target(root, &root.join("out/link.pdf"), Lang::Ja).unwrap_err();
        assert!(e.contains("シンボリックリンク"), "{e}");
        std::os::unix::fs::symlink(root.join("content"), root.join("out/c")).unwrap();
        let e = check_target(root, &root.join("out/c/x.pdf"), Lang::Ja).unwrap_err();
        assert!(e.contains("content/ の中"), "{e}");
    }
}
