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

/// Runs `nenpo -C <dir> pdf -o <out>` with a browser that would not be reached, and
/// returns the exit code and the message.
fn pdf_to(dir: &std::path::Path, out: &std::path::Path) -> (Option<i32>, String) {
    let o = nenpo()
        .arg("-C")
        .arg(dir)
        .args(["pdf", "-o"])
        .arg(out)
        .arg("--chromium")
        .arg(env!("CARGO_BIN_EXE_nenpo"))
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn pdf_output_never_overwrites_the_editors_files() {
    let dir = copy_tree(&fixture("seed002"));
    let root = dir.path();
    let source = root.join("content/2017/index.md");
    let before = std::fs::read(&source).unwrap();
    let (code, err) = pdf_to(root, &source);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("名前が .pdf で終わっていません"), "{err}");
    let (code, err) = pdf_to(root, &root.join("book.toml"));
    assert_eq!(code, Some(2), "{err}");
    for (out, dir_name) in [
        ("content/2017/report.pdf", "content/"),
        ("assets/report.pdf", "assets/"),
        ("themes/mine/report.pdf", "themes/"),
    ] {
        let (code, err) = pdf_to(root, &root.join(out));
        assert_eq!(code, Some(2), "{out}: {err}");
        assert!(
            err.contains(&format!("{dir_name} の中にあります")),
            "{out}: {err}"
        );
        assert!(!root.join(out).exists(), "{out}");
    }
    // A file someone else made, even a PDF, is left alone; so is a folder.
    let theirs = root.join("議事録.pdf");
    std::fs::write(&theirs, b"%PDF-1.7\n(not nenpo's)\n").unwrap();
    let (code, err) = pdf_to(root, &theirs);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("nenpo が作った PDF ではないため、上書きしません"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&theirs).unwrap(),
        b"%PDF-1.7\n(not nenpo's)\n"
    );
    std::fs::create_dir(root.join("old.pdf")).unwrap();
    let (code, err) = pdf_to(root, &root.join("old.pdf"));
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("フォルダです"), "{err}");
    // Refused before anything was built or printed.
    assert_eq!(std::fs::read(&source).unwrap(), before);
    assert!(!root.join("public").exists());
}

#[cfg(unix)]
#[test]
fn pdf_output_refuses_a_symlink_even_to_a_pdf() {
    let dir = copy_tree(&fixture("seed002"));
    let root = dir.path();
    let target = root.join("published.pdf");
    std::fs::write(&target, b"%PDF-1.4\n").unwrap();
    std::os::unix::fs::symlink(&target, root.join("link.pdf")).unwrap();
    let (code, err) = pdf_to(root, &root.join("link.pdf"));
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("シンボリックリンクです"), "{err}");
    assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-1.4\n");
}

/// A small valid PDF, as a browser would print it (no nenpo mark).
fn printed_pdf() -> Vec<u8> {
    use lopdf::{Document, Object, dictionary};
    let mut doc = Document::with_version("1.4");
    let pages = doc.new_object_id();
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages });
    doc.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Count" => 1, "Kids" => vec![page.into()] },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[cfg(unix)]
#[test]
fn a_pdf_nenpo_wrote_is_replaced_and_carries_its_name() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_tree(&fixture("seed002"));
    let root = dir.path();
    std::fs::write(root.join("printed.pdf"), printed_pdf()).unwrap();
    let fake = root.join("fake-chromium");
    // Copies a valid PDF where --print-to-pdf says.
    std::fs::write(
        &fake,
        "#!/bin/sh\nfor a; do case \"$a\" in --print-to-pdf=*) cp \"$(dirname \"$0\")/printed.pdf\" \"${a#--print-to-pdf=}\";; esac; done\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = root.join("出力/令和元年度版.pdf");
    for round in 0..2 {
        let o = nenpo()
            .arg("-C")
            .arg(root)
            .args(["pdf", "-o"])
            .arg(&out)
            .arg("--chromium")
            .arg(&fake)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "round {round}: {err}");
        assert!(err.contains("（1 ページ）"), "{err}");
    }
    let doc = lopdf::Document::load(&out).unwrap();
    let info = doc
        .trailer
        .get_deref(b"Info", &doc)
        .unwrap()
        .as_dict()
        .unwrap();
    let creator = lopdf::decode_text_string(info.get(b"Creator").unwrap()).unwrap();
    assert!(creator.starts_with("nenpo "), "{creator}");
    // Only the PDF: no temporary file left beside it.
    let names: Vec<_> = std::fs::read_dir(root.join("出力")).unwrap().collect();
    assert_eq!(names.len(), 1);
}
