//! Two `nenpo build`s into one output folder at the same time, as happens when an editor
//! saves twice or a script and a person build together: each must either succeed with the
//! whole site in place or fail, and the folder must always end up exactly as a clean build.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{copy_tree, fixture};

/// Every file of a built site, by path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn build(root: &Path, out: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_nenpo"))
        .args(["-q", "-C"])
        .arg(root)
        .args(["build", "-o"])
        .arg(root.join(out))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn two_simultaneous_builds_always_leave_a_whole_site() {
    let project = copy_tree(&fixture("seed002"));
    let root = project.path();
    let clean = build(root, "clean").wait_with_output().unwrap();
    assert!(clean.status.success(), "{clean:?}");
    let expected = tree(&root.join("clean"));
    assert!(expected.len() > 10, "{}", expected.len());
    for round in 0..8 {
        let (a, b) = (build(root, "public"), build(root, "public"));
        for out in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
            // Both wait their turn for the folder, so both succeed.
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let got = tree(&root.join("public"));
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "round {round}"
        );
        assert!(
            got == expected,
            "round {round}: a file differs from a clean build"
        );
        let leftovers: Vec<String> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("nenpo-tmp") || n.contains("nenpo-old"))
            .collect();
        assert!(leftovers.is_empty(), "round {round}: {leftovers:?}");
    }
}
