//! Files as Windows tools save them: CRLF line ends and a byte-order mark are read like any
//! UTF-8 file; a file saved as Shift_JIS (CP932) is named with its place instead of being
//! misread or silently skipped.

mod common;

use std::fs;

use common::{copy_tree, fixture, page};

#[test]
fn a_theme_template_with_bom_and_crlf_is_used_as_written() {
    let dir = copy_tree(&fixture("seed002"));
    let t = dir.path().join("themes/default/templates");
    fs::create_dir_all(&t).unwrap();
    let text = "\u{feff}{% extends \"base.html\" %}\r\n{% block content %}<p>市独自の用語集</p>{% endblock content %}\r\n";
    fs::write(t.join("glossary.html"), text).unwrap();
    let (_, files, _) = nenpo::build::render_report(dir.path()).unwrap();
    let html = page(&files, "glossary/index.html");
    assert!(html.contains("市独自の用語集"));
    assert!(!html.contains('\u{feff}'), "no BOM inside the page");
}

#[test]
fn a_theme_template_saved_as_shift_jis_is_named_not_skipped() {
    let dir = copy_tree(&fixture("seed002"));
    let t = dir.path().join("themes/default/templates");
    fs::create_dir_all(&t).unwrap();
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(
        "{% extends \"base.html\" %}{% block content %}<p>市独自の用語集</p>{% endblock content %}",
    );
    fs::write(t.join("glossary.html"), sjis).unwrap();
    let err = nenpo::build::render_report(dir.path()).unwrap_err();
    let text = err.diagnostics.render(nenpo::diag::Lang::Ja, false);
    assert!(
        text.contains("themes/default/templates/glossary.html"),
        "{text}"
    );
    assert!(text.contains("Shift_JIS"), "{text}");
}

#[test]
fn content_with_bom_and_crlf_builds_like_the_original() {
    let dir = common::example_copy();
    let root = dir.path();
    let (_, before, _) = nenpo::build::render_report(root).unwrap();
    for rel in [
        "content/2021/actuals.yaml",
        "content/plans/kankyo.yaml",
        "content/2021/index.md",
    ] {
        let text = fs::read_to_string(root.join(rel)).unwrap();
        fs::write(
            root.join(rel),
            format!("\u{feff}{}", text.replace('\n', "\r\n")),
        )
        .unwrap();
    }
    let book = fs::read_to_string(root.join("book.toml")).unwrap();
    fs::write(root.join("book.toml"), book.replace('\n', "\r\n")).unwrap();
    let (_, after, _) = nenpo::build::render_report(root).unwrap();
    let html = |files: &[nenpo::site::OutputFile], p: &str| page(files, p).to_string();
    assert_eq!(
        html(&before, "2021/kankyo/1/index.html"),
        html(&after, "2021/kankyo/1/index.html")
    );
    assert_eq!(
        html(&before, "data/2021-indicators.csv"),
        html(&after, "data/2021-indicators.csv")
    );
}

/// `serve --open` hands the preview's address to the system's way of opening a link (here a
/// stand-in `xdg-open` that writes down what it was given).
#[cfg(unix)]
#[test]
fn serve_open_hands_the_address_to_the_system_opener() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_tree(&fixture("seed002"));
    let bin = tempfile::tempdir().unwrap();
    let said = bin.path().join("opened.txt");
    let opener = bin.path().join("xdg-open");
    fs::write(
        &opener,
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", said.display()),
    )
    .unwrap();
    fs::set_permissions(&opener, fs::Permissions::from_mode(0o755)).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_nenpo"))
        .args(["-q", "-C"])
        .arg(dir.path())
        .args(["serve", "--open", "--port", "0"])
        .env("PATH", bin.path())
        .env_remove("WSL_DISTRO_NAME")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut url = String::new();
    for _ in 0..600 {
        if let Ok(t) = fs::read_to_string(&said)
            && t.ends_with('\n')
        {
            url = t.trim().to_string();
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(url.starts_with("http://127.0.0.1:"), "opened {url:?}");
}
