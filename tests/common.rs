//! Helpers shared by the integration tests: fixture paths and copies to play with.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A fixture folder of this crate.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The bundled example report (the repository root).
pub fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the example's sources (not its build output or anything else in the repository).
pub fn example_copy() -> tempfile::TempDir {
    let src = example();
    let dir = tempfile::tempdir().unwrap();
    for top in ["book.toml", "content", "assets"] {
        for entry in walkdir::WalkDir::new(src.join(top)) {
            let entry = entry.unwrap();
            let target = dir.path().join(entry.path().strip_prefix(&src).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
    dir
}

/// Copies a folder tree into a new temporary folder.
pub fn copy_tree(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = dir.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    dir
}

/// The text of a built file.
pub fn page<'a>(files: &'a [nenpo::site::OutputFile], path: &str) -> &'a str {
    let f = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no file {path}"));
    std::str::from_utf8(&f.bytes).unwrap()
}

/// The text of the first element with `class` after `anchor` in `html`.
pub fn cell_after<'a>(html: &'a str, anchor: &str, class: &str) -> &'a str {
    let start = html
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor} not in page"));
    let rest = &html[start..];
    let open = format!("class=\"{class}\"");
    let at = rest
        .find(&open)
        .unwrap_or_else(|| panic!("no {class} after {anchor}"));
    let i = at + rest[at..].find('>').unwrap() + 1;
    let end = rest[i..].find('<').unwrap();
    &rest[i..i + end]
}

/// Runs the nenpo binary on the report at `root` (`-C root`), without colours.
pub fn nenpo(root: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_nenpo"))
        .arg("-C")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Writes `text` to `rel` under `root`, making its folder.
pub fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// Replaces the first `from` in `rel` under `root` with `to`; `from` must be there.
pub fn replace(root: &Path, rel: &str, from: &str, to: &str) {
    let p = root.join(rel);
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{from} not in {rel}");
    std::fs::write(p, text.replacen(from, to, 1)).unwrap();
}
