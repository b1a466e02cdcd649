//! `nenpo pdf` without a real browser: the message when there is none, and the whole
//! pipeline with a stand-in that writes a PDF where it is told to.

mod common;

use std::process::Command;

use common::{copy_tree, fixture};

fn nenpo() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nenpo"))
}

#[test]
fn a_missing_browser_is_reported_in_japanese_with_what_to_install() {
    let dir = copy_tree(&fixture("seed002"));
    let out = nenpo()
        .args(["-C"])
        .arg(dir.path())
        .args(["pdf", "--chromium", "/nonexistent/chromium"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("「/nonexistent/chromium」が見つかりません"),
        "{err}"
    );
    assert!(err.contains("sudo apt install chromium"), "{err}");
    // Nothing was built: the browser is looked for first.
    assert!(!dir.path().join("public").exists());
}

#[test]
fn an_unknown_year_is_a_usage_error() {
    let dir = copy_tree(&fixture("seed002"));
    let out = nenpo()
        .arg("-C")
        .arg(dir.path())
        .args(["pdf", "令和ナナ年度", "--chromium"])
        .arg(env!("CARGO_BIN_EXE_nenpo"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("年度「令和ナナ年度」が読めません"), "{err}");
}

#[cfg(unix)]
#[test]
fn the_print_view_goes_to_the_browser_and_the_pdf_lands_in_the_year_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_tree(&fixture("seed002"));
    let fake = dir.path().join("fake-chromium");
    // Records its arguments and writes a one-line PDF where --print-to-pdf says.
    std::fs::write(
        &fake,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args.txt\"\nfor a; do case \"$a\" in --print-to-pdf=*) printf '%%PDF-1.4\\n' > \"${a#--print-to-pdf=}\";; esac; done\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = nenpo()
        .arg("-C")
        .arg(dir.path())
        .args(["pdf", "H29", "--chromium"])
        .arg(&fake)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let pdf = dir.path().join("public/2017/nenpo-2017.pdf");
    assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF-1.4\n", "{err}");
    let args = std::fs::read_to_string(dir.path().join("args.txt")).unwrap();
    assert!(args.contains("--headless"), "{args}");
    assert!(args.contains("--no-pdf-header-footer"), "{args}");
    assert!(args.trim_end().ends_with("2017/print/index.html"), "{args}");
    assert!(err.contains("平成29年度の報告書を PDF"), "{err}");
}
