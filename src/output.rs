//! Writing the site: into a temporary folder of its own beside the output, then swapped into
//! place in one step, so a failed, killed or concurrent build never leaves a half-written or
//! missing site where the published one was. Only a folder nenpo wrote (its marker file) or
//! an empty one is ever replaced: a file, a symbolic link or someone else's folder is refused.
//!
//! Builds into one output folder take turns through a lock file beside it. Each writes a
//! uniquely named temporary folder, and the swap is an atomic exchange where the system has
//! one ([`crate::platform::exchange`]); elsewhere the old site is renamed aside first, and a
//! build interrupted between the two renames is repaired by the next one.

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
    check_replaceable(out, lang)
}

/// Checks that whatever is at `out` may be replaced by a new site: nothing, an empty folder,
/// or a folder holding nenpo's marker. A file, a symbolic link (even to a folder of nenpo's)
/// and a folder of someone else's files are refused.
pub fn check_replaceable(out: &Path, lang: Lang) -> Result<(), OutputError> {
    let meta = match fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_error(lang, "読み取れません", "cannot read", out, e)),
    };
    let shown = out.display();
    let refuse = |ja: String, en: String| Err(OutputError(lang.pick(&ja, &en).to_string()));
    if meta.file_type().is_symlink() {
        return refuse(
            format!(
                "出力先「{shown}」はシンボリックリンク（ショートカット）です。リンク先を置き換えてしまわないよう、リンクではないフォルダを出力先にしてください"
            ),
            format!("the output {shown} is a symbolic link; choose a real folder as the output"),
        );
    }
    if !meta.is_dir() {
        return refuse(
            format!(
                "出力先「{shown}」はフォルダではなくファイルです。このファイルは上書きしないので、別の出力先を指定してください"
            ),
            format!("the output {shown} is a file, not a folder; choose another output"),
        );
    }
    let not_empty = fs::read_dir(out)
        .map(|mut d| d.next().is_some())
        .unwrap_or(true);
    if not_empty && !out.join(MARKER).is_file() {
        return refuse(
            format!(
                "出力先「{shown}」には nenpo が作っていないファイルがあります。消してよいか確かめてから空にするか、別の出力先を指定してください"
            ),
            format!(
                "the output folder {shown} holds files nenpo did not write; empty it or choose another"
            ),
        );
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
/// Waits while another build writes to the same folder.
pub fn write_site(out: &Path, files: &[OutputFile], lang: Lang) -> Result<(), OutputError> {
    let staging = Staging::begin(out, lang)?;
    files.par_iter().try_for_each(|f| staging.write(f))?;
    staging.commit()
}

/// A site being written: a temporary folder beside the output, holding the output's lock,
/// that becomes the output in one step when [`Staging::commit`] is called. Dropped without
/// a commit, the temporary folder is removed and the published site stays as it was.
#[derive(Debug)]
pub struct Staging {
    tmp: tempfile::TempDir,
    out: PathBuf,
    parent: PathBuf,
    name: String,
    lang: Lang,
    _lock: fs::File,
}

impl Staging {
    /// Takes the output's lock (waiting for a build that holds it), repairs what an
    /// interrupted build left, and makes the temporary folder.
    pub fn begin(out: &Path, lang: Lang) -> Result<Staging, OutputError> {
        let (parent, name) = place(out);
        fs::create_dir_all(&parent)
            .map_err(|e| io_error(lang, "作れません", "cannot create", &parent, e))?;
        let lock = lock(&parent, &name, lang)?;
        recover(&parent, &name, out, lang)?;
        // Checked again under the lock: another program may have put something there meanwhile.
        check_replaceable(out, lang)?;
        let tmp = tempfile::Builder::new()
            .prefix(&tmp_prefix(&name))
            .tempdir_in(&parent)
            .map_err(|e| io_error(lang, "作れません", "cannot create", &parent, e))?;
        Ok(Staging {
            tmp,
            out: out.to_path_buf(),
            parent,
            name,
            lang,
            _lock: lock,
        })
    }

    /// Writes one file of the site. Safe to call from several threads at once.
    pub fn write(&self, f: &OutputFile) -> Result<(), OutputError> {
        let lang = self.lang;
        let p = self.tmp.path().join(&f.path);
        // Folders are made by the same tasks that write into them: with one folder per
        // page, making 10,000 folders one after another would take most of the write time.
        if let Some(d) = p.parent() {
            fs::create_dir_all(d)
                .map_err(|e| io_error(lang, "作れません", "cannot create", d, e))?;
        }
        fs::write(&p, &f.bytes).map_err(|e| io_error(lang, "書き込めません", "cannot write", &p, e))
    }

    /// Marks the folder as nenpo's and puts it where the output is.
    pub fn commit(self) -> Result<(), OutputError> {
        let lang = self.lang;
        let marker = self.tmp.path().join(MARKER);
        fs::write(
            &marker,
            "このフォルダは nenpo が作りました。build のたびに作り直されます。\n",
        )
        .map_err(|e| io_error(lang, "書き込めません", "cannot write", &marker, e))?;
        // From here the folder is complete; if the swap fails it stays for `recover` to remove.
        swap(&self.tmp.keep(), &self.out, &self.parent, &self.name, lang)
    }
}

impl crate::site::Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), String> {
        self.write(&file).map_err(|e| e.0)
    }
}

/// The folder the output sits in, and its name.
fn place(out: &Path) -> (PathBuf, String) {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    (parent, name)
}

fn tmp_prefix(name: &str) -> String {
    format!(".{name}.nenpo-tmp-")
}

fn old_path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.nenpo-old"))
}

/// Takes the lock of the output folder, waiting for a build that holds it.
fn lock(parent: &Path, name: &str, lang: Lang) -> Result<fs::File, OutputError> {
    let path = parent.join(format!(".{name}.nenpo-lock"));
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| io_error(lang, "作れません", "cannot create", &path, e))?;
    crate::platform::lock_exclusive(&file)
        .map_err(|e| io_error(lang, "ロックできません", "cannot lock", &path, e))?;
    Ok(file)
}

/// Repairs what an interrupted build left (called under the lock, so no build is writing):
/// the previous site set aside but not replaced goes back in place; temporary folders and a
/// replaced site that was not yet removed are removed.
fn recover(parent: &Path, name: &str, out: &Path, lang: Lang) -> Result<(), OutputError> {
    let old = old_path(parent, name);
    if is_real_dir(&old) {
        if fs::symlink_metadata(out).is_err() && old.join(MARKER).is_file() {
            fs::rename(&old, out)
                .map_err(|e| io_error(lang, "戻せません", "cannot restore", &old, e))?;
        } else {
            fs::remove_dir_all(&old)
                .map_err(|e| io_error(lang, "削除できません", "cannot remove", &old, e))?;
        }
    }
    let prefix = tmp_prefix(name);
    // The fixed name earlier versions of nenpo used.
    let legacy = format!(".{name}.nenpo-tmp");
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(());
    };
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if (n.starts_with(&prefix) || n == legacy) && is_real_dir(&e.path()) {
            fs::remove_dir_all(e.path())
                .map_err(|err| io_error(lang, "削除できません", "cannot remove", &e.path(), err))?;
        }
    }
    Ok(())
}

fn is_real_dir(p: &Path) -> bool {
    fs::symlink_metadata(p).is_ok_and(|m| m.is_dir())
}

/// Puts the finished folder `tmp` where `out` is.
fn swap(tmp: &Path, out: &Path, parent: &Path, name: &str, lang: Lang) -> Result<(), OutputError> {
    let moved = |e| io_error(lang, "置き換えられません", "cannot move", out, e);
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(tmp, out).map_err(moved);
    }
    if crate::platform::exchange(tmp, out).map_err(moved)? {
        // `tmp` now holds the previous site; a failure here leaves it for `recover`.
        let _ = fs::remove_dir_all(tmp);
        return Ok(());
    }
    let old = old_path(parent, name);
    fs::rename(out, &old).map_err(moved)?;
    if let Err(e) = fs::rename(tmp, out) {
        // Put the previous site back rather than leave nothing published.
        let _ = fs::rename(&old, out);
        return Err(moved(e));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

fn io_error(lang: Lang, ja: &str, en: &str, p: &Path, e: std::io::Error) -> OutputError {
    OutputError(match lang {
        Lang::Ja => format!("「{}」を{ja}: {e}", p.display()),
        Lang::En => format!("{en} {}: {e}", p.display()),
    })
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

    fn site(bytes: &[u8]) -> Vec<OutputFile> {
        vec![OutputFile {
            path: "index.html".into(),
            bytes: bytes.to_vec(),
        }]
    }

    #[test]
    fn a_file_at_the_output_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.txt");
        fs::write(&notes, "大事なメモ").unwrap();
        let e = check_output_dir(dir.path(), &notes, Lang::Ja).unwrap_err();
        assert!(e.0.contains("フォルダではなくファイル"), "{e}");
        let e = write_site(&notes, &site(b"x"), Lang::Ja).unwrap_err();
        assert!(e.0.contains("ファイル"), "{e}");
        assert_eq!(fs::read_to_string(&notes).unwrap(), "大事なメモ");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_output_is_refused_and_its_target_kept() {
        let dir = tempfile::tempdir().unwrap();
        let web = dir.path().join("web");
        write_site(&web, &site(b"old"), Lang::Ja).unwrap();
        let out = dir.path().join("public");
        std::os::unix::fs::symlink(&web, &out).unwrap();
        let e = write_site(&out, &site(b"new"), Lang::Ja).unwrap_err();
        assert!(e.0.contains("シンボリックリンク"), "{e}");
        assert!(fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(web.join("index.html")).unwrap(), b"old");
    }

    #[test]
    fn an_interrupted_swap_is_repaired_by_the_next_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &site(b"old"), Lang::Ja).unwrap();
        // Killed after the old site was set aside and before the new one was moved in, with
        // a half-written temporary folder left behind.
        fs::rename(&out, dir.path().join(".public.nenpo-old")).unwrap();
        fs::create_dir_all(dir.path().join(".public.nenpo-tmp-abc123/2023")).unwrap();
        recover(dir.path(), "public", &out, Lang::Ja).unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"old");
        let left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("nenpo-tmp") || n.contains("nenpo-old"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        write_site(&out, &site(b"new"), Lang::Ja).unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"new");
    }
}
