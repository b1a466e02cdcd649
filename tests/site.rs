//! Site-wide behaviour: theme overrides, the era setting, link checking and relative links.

mod common;

use std::fs;

use common::{copy_tree, fixture, page};

#[test]
fn a_project_template_overrides_the_built_in_one() {
    let dir = copy_tree(&fixture("seed002"));
    let t = dir.path().join("themes/default/templates");
    fs::create_dir_all(&t).unwrap();
    fs::write(
        t.join("glossary.html"),
        "{% extends \"base.html\" %}{% block content %}<p>市独自の用語集</p>{% endblock content %}",
    )
    .unwrap();
    let (_, files, _) = nenpo::build::render_report(dir.path()).unwrap();
    assert!(page(&files, "glossary/index.html").contains("市独自の用語集"));
    assert!(!page(&files, "index.html").contains("市独自の用語集"));
}

#[test]
fn a_broken_template_is_an_error_naming_the_theme() {
    let dir = copy_tree(&fixture("seed002"));
    let t = dir.path().join("themes/default/templates");
    fs::create_dir_all(&t).unwrap();
    fs::write(t.join("home.html"), "{% if %}").unwrap();
    let err = nenpo::build::render_report(dir.path()).unwrap_err();
    let text = err.diagnostics.render(nenpo::diag::Lang::Ja, false);
    assert!(text.contains("themes/default/templates"), "{text}");
}

#[test]
fn seireki_reports_show_western_years_everywhere() {
    let dir = copy_tree(&fixture("seed002"));
    let book = dir.path().join("book.toml");
    let text = fs::read_to_string(&book)
        .unwrap()
        .replace("code = \"112089\"", "code = \"112089\"\nera = \"seireki\"");
    fs::write(&book, text).unwrap();
    let (_, files, _) = nenpo::build::render_report(dir.path()).unwrap();
    let goal = page(&files, "2017/kizuna/1/index.html");
    assert!(goal.contains("2017年度の報告"), "breadcrumb in 西暦");
    assert!(
        !goal.contains("平成29年度の報告"),
        "no 和暦 in titles of a seireki report"
    );
    assert!(
        goal.contains("基準値は2015年度の49.1%"),
        "chart descriptions in 西暦"
    );
    assert!(goal.contains("（2015）"), "baseline year label");
}

#[test]
fn a_broken_link_in_markdown_fails_the_build_naming_the_file() {
    let dir = copy_tree(&fixture("seed002"));
    let f = dir.path().join("content/2017/evaluations/1.md");
    let text = fs::read_to_string(&f).unwrap() + "\n[資料](assets/2017/nai.pdf)\n";
    fs::write(&f, text).unwrap();
    let err = nenpo::build::render_report(dir.path()).unwrap_err();
    let d = err.diagnostics.sorted();
    assert!(
        d.iter().any(|x| x.file == "content/2017/evaluations/1.md"
            && x.message.contains("assets/2017/nai.pdf")),
        "{d:?}"
    );
}

#[test]
fn every_internal_link_is_relative() {
    let (_, files, _) = nenpo::build::render_report(&fixture("seed002")).unwrap();
    for f in files.iter().filter(|f| f.path.ends_with(".html")) {
        let html = std::str::from_utf8(&f.bytes).unwrap();
        assert!(
            !html.contains("href=\"/"),
            "{} has a root-absolute link",
            f.path
        );
        assert!(
            !html.contains("src=\"/"),
            "{} has a root-absolute src",
            f.path
        );
        // The site search's script is the only one, loaded from the site's own folder.
        assert_eq!(
            html.matches("<script").count(),
            html.matches("static/search.js\" defer></script>").count(),
            "{} has a script besides the site search",
            f.path
        );
        assert_eq!(html.matches("<script").count(), 1, "{}", f.path);
    }
}

#[test]
fn a_chapter_named_like_the_print_view_is_an_error_not_an_overwrite() {
    let dir = copy_tree(&fixture("seed002"));
    fs::write(dir.path().join("content/2017/print.md"), "# 印刷\n").unwrap();
    let err = nenpo::build::render_report(dir.path()).unwrap_err();
    let d = err.diagnostics.sorted();
    assert!(
        d.iter()
            .any(|x| x.message.contains("2017/print/index.html") && x.message.contains("同じ場所")),
        "{d:?}"
    );
}
