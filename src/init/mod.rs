//! `nenpo init <dir>`: a new report from a built-in template, a small working example in
//! Japanese whose files explain each key in comments.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::Lang;
use crate::tr;

/// The template's files, by path inside the new report.
const TEMPLATE: &[(&str, &str)] = &[
    ("book.toml", include_str!("template/book.toml")),
    (
        "content/index.md",
        include_str!("template/content/index.md"),
    ),
    (
        "content/glossary.yaml",
        include_str!("template/content/glossary.yaml"),
    ),
    (
        "content/plans/kankyo.yaml",
        include_str!("template/content/plans/kankyo.yaml"),
    ),
    (
        "content/bodies/shingikai.md",
        include_str!("template/content/bodies/shingikai.md"),
    ),
    (
        "content/2024/index.md",
        include_str!("template/content/2024/index.md"),
    ),
    (
        "content/2024/actuals.yaml",
        include_str!("template/content/2024/actuals.yaml"),
    ),
    (
        "content/2024/projects.yaml",
        include_str!("template/content/2024/projects.yaml"),
    ),
    (
        "content/2024/evaluations/1.md",
        include_str!("template/content/2024/evaluations/1.md"),
    ),
    (
        "content/2024/meetings/shingikai-1.md",
        include_str!("template/content/2024/meetings/shingikai-1.md"),
    ),
];

include!(concat!(env!("OUT_DIR"), "/example.rs"));

/// Why `init` did nothing.
#[derive(Debug)]
pub enum InitError {
    /// The folder exists and holds files: nothing is overwritten.
    NotEmpty(PathBuf),
    /// The file system refused.
    Io(PathBuf, std::io::Error),
}

impl InitError {
    /// The command's exit code: refusing a non-empty folder is a usage error.
    pub fn exit_code(&self) -> u8 {
        match self {
            InitError::NotEmpty(_) => 2,
            InitError::Io(..) => 1,
        }
    }
}

impl InitError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            InitError::NotEmpty(p) => tr!(lang, msg.init_not_empty, dir = p.display()),
            InitError::Io(p, e) => tr!(lang, msg.cannot_create, path = p.display(), error = e),
        }
    }
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Ja))
    }
}

impl std::error::Error for InitError {}

/// Writes the template into `dir` (created if missing, refused if it holds anything) and
/// returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    let files = TEMPLATE.iter().map(|(p, t)| (*p, t.as_bytes()));
    let written = write_all(dir, files)?;
    fs::create_dir_all(dir.join("assets")).map_err(|e| InitError::Io(dir.join("assets"), e))?;
    Ok(written)
}

/// `init --example`: writes the complete example report nenpo's guide refers to (さくら台市:
/// book.toml, content/ and assets/ as in nenpo's repository) into `dir`, on the same terms
/// as [`init`].
pub fn example(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    write_all(dir, EXAMPLE.iter().copied())
}

/// Writes `files` (path inside the report, bytes) into `dir`, which must be missing or empty.
fn write_all<'a>(
    dir: &Path,
    files: impl ExactSizeIterator<Item = (&'a str, &'a [u8])>,
) -> Result<Vec<PathBuf>, InitError> {
    if dir.exists() {
        let mut entries = fs::read_dir(dir).map_err(|e| InitError::Io(dir.to_path_buf(), e))?;
        if entries.next().is_some() {
            return Err(InitError::NotEmpty(dir.to_path_buf()));
        }
    }
    let mut written = Vec::with_capacity(files.len());
    for (rel, bytes) in files {
        let path = rel.split('/').fold(dir.to_path_buf(), |p, s| p.join(s));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| InitError::Io(parent.to_path_buf(), e))?;
        }
        // create_new: a file that appeared meanwhile is never replaced.
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, bytes))
            .map_err(|e| InitError::Io(path.clone(), e))?;
        written.push(path);
    }
    Ok(written)
}
