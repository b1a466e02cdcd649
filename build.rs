//! Embeds the bundled example report (book.toml, content/ and assets/ of this repository)
//! in the binary, for `nenpo init --example`: someone with only the binary gets the
//! さくら台市 report the guide refers to. The table is generated here because the files
//! change as the example grows; cargo re-runs this when any of them changes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut files = Vec::new();
    for top in ["book.toml", "content", "assets"] {
        println!("cargo:rerun-if-changed={top}");
        collect(&root, &root.join(top), &mut files);
    }
    files.sort();
    let mut table = String::from(
        "/// The example's files: path inside the report (`/`-separated) and bytes.\n\
         pub const EXAMPLE: &[(&str, &[u8])] = &[\n",
    );
    for (rel, abs) in &files {
        let _ = writeln!(table, "    ({rel:?}, include_bytes!({abs:?})),");
    }
    table.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("example.rs"), table).expect("OUT_DIR is writable");
}

/// Every file under `path` (or `path` itself), skipping hidden files and editor backups.
fn collect(root: &Path, path: &Path, out: &mut Vec<(String, String)>) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with('.') || name.ends_with('~') {
        return;
    }
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for e in entries.flatten() {
            collect(root, &e.path(), out);
        }
    } else if path.is_file() {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        out.push((rel, path.to_string_lossy().into_owned()));
    }
}
