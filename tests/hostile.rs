//! Hostile and careless content, one class of SPEC §16 at a time, with what the editor (or
//! the citizen reading the site) must see: markup that could run is gone from every page and
//! reported with its file and line; bad URLs, ids, links, themes, encodings and output
//! folders are refused with the place and the fix; nothing outside the report is read or
//! overwritten. Concurrent builds: tests/concurrent_builds.rs; the preview server's Host
//! check and panics: tests/serve.rs and src/serve/tests.rs; the browser that fires every
//! event: .ci/browser/hostile.test.mjs.

mod common;

use common::{replace, write};

use std::fs;
use std::path::Path;

use common::{copy_tree, fixture};
use nenpo::build::build;
use nenpo::content::load_report;
use nenpo::diag::{Diagnostics, Lang, Severity};

/// Asserts a problem of `severity` at `file:line` whose message holds `words`.
fn assert_at(d: &Diagnostics, severity: Severity, file: &str, line: u32, words: &str) {
    let hit = d.sorted().into_iter().any(|x| {
        x.severity == severity && x.file == file && x.line == line && x.message.contains(words)
    });
    assert!(
        hit,
        "expected {file}:{line} 「{words}」, got:\n{}",
        d.render(Lang::Ja, false)
    );
}

/// Loads a copy of seed002 after `edit`; the report must not load.
fn refused(edit: impl FnOnce(&Path)) -> Diagnostics {
    let dir = copy_tree(&fixture("seed002"));
    edit(dir.path());
    let loaded = load_report(dir.path());
    assert!(
        loaded.report.is_none(),
        "must be refused:\n{}",
        loaded.diagnostics.render(Lang::Ja, false)
    );
    loaded.diagnostics
}

/// The hint of the first problem naming `file`.
fn hint_for(d: &Diagnostics, file: &str) -> String {
    d.sorted()
        .into_iter()
        .find(|x| x.file == file)
        .and_then(|x| x.hint.clone())
        .unwrap_or_else(|| panic!("no problem for {file}:\n{}", d.render(Lang::Ja, false)))
}

/// Every `name="value"` attribute of an HTML text, as (name, value) with entities decoded.
fn attributes(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, _) in html.match_indices("=\"") {
        let name: String = html[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let rest = &html[i + 2..];
        let value = rest.split('"').next().unwrap_or("");
        out.push((
            name.to_ascii_lowercase(),
            html_escape::decode_html_entities(value).into_owned(),
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------
// Markup that could run

#[test]
fn hostile_markdown_builds_clean_pages_and_reports_every_removal() {
    let out = tempfile::tempdir().unwrap();
    let summary = build(&fixture("hostile"), Some(&out.path().join("site")))
        .unwrap_or_else(|f| panic!("{}", f.diagnostics.render(Lang::Ja, false)));
    let w = &summary.warnings;
    // Each kind of removal, in each kind of Markdown source, at its file and line.
    let chapter = "content/2023/haritsuke.md";
    assert_at(w, Severity::Warning, chapter, 15, "<script>");
    assert_at(w, Severity::Warning, chapter, 18, "「onerror」");
    assert_at(w, Severity::Warning, chapter, 19, "ほかのサイトの画像");
    assert_at(w, Severity::Warning, chapter, 21, "<iframe>");
    assert_at(w, Severity::Warning, chapter, 24, "<meta>");
    assert_at(w, Severity::Warning, chapter, 28, "<form>");
    assert_at(w, Severity::Warning, chapter, 35, "「style」");
    for line in 43..=51 {
        assert_at(w, Severity::Warning, chapter, line, "リンク先");
    }
    assert_at(w, Severity::Warning, chapter, 49, "javascript://%0A");
    assert_at(
        w,
        Severity::Warning,
        chapter,
        53,
        "javascript:window.__pwned='md-link'",
    );
    assert_at(w, Severity::Warning, chapter, 57, "autolink");
    assert_at(w, Severity::Warning, "content/index.md", 1, "<script>");
    assert_at(
        w,
        Severity::Warning,
        "content/2023/index.md",
        4,
        "「onclick」",
    );
    assert_at(
        w,
        Severity::Warning,
        "content/2023/evaluations/1.md",
        9,
        "evaluation-entity",
    );
    assert_at(
        w,
        Severity::Warning,
        "content/2023/meetings/shingikai-1.md",
        11,
        "<form>",
    );
    assert_at(
        w,
        Severity::Warning,
        "content/bodies/shingikai.md",
        5,
        "<object>",
    );
    // Markdown inside YAML: the plan's, a goal's and a measure's description.
    let plan = "content/plans/kankyo.yaml";
    assert_at(w, Severity::Warning, plan, 5, "<script>");
    assert_at(w, Severity::Warning, plan, 10, "「onmouseover」");
    assert_at(w, Severity::Warning, plan, 12, "goal-md-link");
    assert_at(w, Severity::Warning, plan, 18, "<iframe>");
    assert_at(w, Severity::Warning, plan, 19, "JaVaScRiPt:");
    let text = w.render(Lang::Ja, false);
    assert!(text.contains("修正方法: on で始まる属性はスクリプトを動かすため使えません"));

    // Every page, the print view included, carries nothing that can run.
    let site = out.path().join("site");
    let mut pages = 0;
    for e in walkdir::WalkDir::new(&site) {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        pages += 1;
        let html = without_site_search(&fs::read_to_string(e.path()).unwrap());
        let page = e.path().display();
        for tag in [
            "<script",
            "<iframe",
            "<object",
            "<embed",
            "<form",
            "<meta http-equiv",
            "<base",
            "<svg onload",
            "<style>",
        ] {
            assert!(!html.to_ascii_lowercase().contains(tag), "{tag} on {page}");
        }
        // Editors' text is inside the prose blocks (nenpo's own charts and diagram set their
        // width with a style attribute elsewhere on the page; editors cannot write SVG).
        for block in html.split("<div class=\"prose").skip(1) {
            let block = block.split("</main>").next().unwrap_or(block);
            let block = block.split("<svg").next().unwrap_or(block);
            assert!(
                !block.contains(" style=\""),
                "style in editor text on {page}"
            );
        }
        for (name, value) in attributes(&html) {
            assert!(!name.starts_with("on"), "{name}=\"{value}\" on {page}");
            if name == "src" {
                assert!(
                    nenpo::sanitize::image_allowed(&value),
                    "src=\"{value}\" on {page}"
                );
            }
            if name == "href" || name == "src" {
                assert!(
                    nenpo::sanitize::url_allowed(&value),
                    "{name}=\"{value}\" on {page}"
                );
            }
            assert!(name != "srcdoc" && name != "formaction", "{name} on {page}");
        }
    }
    assert!(pages >= 10, "{pages}");

    // What report tables need stays, in the chapter and in the print view.
    for p in ["2023/haritsuke/index.html", "2023/print/index.html"] {
        let html = fs::read_to_string(site.join(p)).unwrap();
        for kept in [
            "<th rowspan=\"2\" scope=\"col\">区分</th>",
            "<th colspan=\"2\">CO<sub>2</sub>（t）</th>",
            "m<sup>3</sup><br><ruby>汚泥<rp>(</rp><rt>おでい</rt><rp>)</rp></ruby>",
            "<abbr title=\"温室効果ガス\">GHG</abbr>",
            "<span class=\"note\">注</span>",
            "<div class=\"box\">箱</div>",
            "<a href=\"https://www.city.example.lg.jp/\">正しいリンク</a>",
            "<a href=\"mailto:kankyo@city.example.lg.jp\">問い合わせ</a>",
        ] {
            assert!(html.contains(kept), "{kept} lost on {p}");
        }
        // A link that may not be published keeps its words without the link.
        assert!(html.contains("<li>Markdown のリンク</li>"), "{p}");
    }
    let goal = fs::read_to_string(site.join("2023/kankyo/1/index.html")).unwrap();
    assert!(
        goal.contains("目標の説明です。<span>CO<sub>2</sub></span>"),
        "{goal}"
    );
}

#[test]
fn urls_in_book_toml_must_be_http_mailto_or_relative() {
    for bad in [
        "javascript://x%0Aalert(document.domain)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
    ] {
        let d = refused(|r| {
            replace(
                r,
                "book.toml",
                "code = ",
                &format!("feedback_url = {bad:?}\ncode = "),
            )
        });
        assert_at(&d, Severity::Error, "book.toml", 6, "feedback_url");
        assert!(hint_for(&d, "book.toml").contains("https://"));
    }
    let d = refused(|r| {
        replace(
            r,
            "book.toml",
            "code = ",
            "base_url = \"javascript:alert(1)\"\ncode = ",
        )
    });
    assert_at(&d, Severity::Error, "book.toml", 6, "base_url");
    for ok in [
        "https://www.city.example.lg.jp/iken/",
        "mailto:kankyo@city.example.lg.jp",
        "../iken.html",
    ] {
        let dir = copy_tree(&fixture("seed002"));
        replace(
            dir.path(),
            "book.toml",
            "code = ",
            &format!("feedback_url = {ok:?}\ncode = "),
        );
        let loaded = load_report(dir.path());
        assert!(
            loaded.report.is_some(),
            "{ok}: {}",
            loaded.diagnostics.render(Lang::Ja, false)
        );
    }
}

// ---------------------------------------------------------------------------------------
// Ids and output paths

#[test]
fn an_id_of_dots_cannot_overwrite_the_home_page() {
    let dir = copy_tree(&fixture("seed002"));
    replace(
        dir.path(),
        "content/plans/kizuna.yaml",
        "id: kanshin",
        "id: \"..\"",
    );
    replace(
        dir.path(),
        "content/2017/actuals.yaml",
        "kanshin:",
        "\"..\":",
    );
    let out = dir.path().join("public");
    let f = build(dir.path(), Some(&out)).unwrap_err();
    assert_at(
        &f.diagnostics,
        Severity::Error,
        "content/plans/kizuna.yaml",
        12,
        "「..」は使えません",
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn full_width_and_invisible_ids_get_their_ascii_spelling() {
    let d = refused(|r| {
        replace(
            r,
            "content/plans/kizuna.yaml",
            "id: tsunagari",
            "id: tsunagari\u{200B}",
        );
        replace(
            r,
            "content/plans/kizuna.yaml",
            "  - id: 1\n",
            "  - id: \"１\"\n",
        );
        replace(
            r,
            "content/plans/kizuna.yaml",
            "id: kyoryoku",
            "id: ｋｙｏｒｙｏｋｕ",
        );
    });
    let plan = "content/plans/kizuna.yaml";
    assert_at(&d, Severity::Error, plan, 19, "ゼロ幅スペース U+200B");
    assert_at(&d, Severity::Error, plan, 5, "全角");
    assert_at(&d, Severity::Error, plan, 26, "全角");
    let text = d.render(Lang::Ja, false);
    assert!(
        text.contains("修正方法: 「tsunagari」と書いてください"),
        "{text}"
    );
    assert!(text.contains("修正方法: 「1」と書いてください"), "{text}");
    assert!(
        text.contains("修正方法: 「kyoryoku」と書いてください"),
        "{text}"
    );
}

#[test]
fn file_name_ids_and_year_folders_are_checked() {
    let d = refused(|r| {
        write(r, "content/2017/it's.md", "# 章\n");
        fs::rename(
            r.join("content/bodies/mayor.md"),
            r.join("content/bodies/Mayor.md"),
        )
        .unwrap();
        write(r, "content/２０１８/index.md", "# 平成30年度\n");
    });
    assert!(
        d.sorted()
            .iter()
            .any(|x| x.file == "content/2017/it's.md" && x.message.contains("「'」"))
    );
    assert!(hint_for(&d, "content/2017/it's.md").starts_with("「its」と書いてください"));
    assert!(hint_for(&d, "content/bodies/Mayor.md").starts_with("「mayor」"));
    assert!(hint_for(&d, "content/２０１８").contains("「2018」"));
}

#[test]
fn files_differing_only_in_case_are_refused() {
    let dir = copy_tree(&fixture("seed002"));
    write(dir.path(), "assets/2017/Map.pdf", "%PDF-1.4\n");
    write(dir.path(), "assets/2017/map.pdf", "%PDF-1.4\n");
    let f = build(dir.path(), Some(&dir.path().join("public"))).unwrap_err();
    let text = f.diagnostics.render(Lang::Ja, false);
    assert!(
        text.contains("大文字・小文字（または文字の表し方）だけが違う"),
        "{text}"
    );
    assert!(
        text.contains("assets/2017/map.pdf") && text.contains("assets/2017/Map.pdf"),
        "{text}"
    );
    // The composed and decomposed spellings of a kana with a voiced mark.
    let dir = copy_tree(&fixture("seed002"));
    write(dir.path(), "assets/2017/ガイド.pdf", "%PDF-1.4\n");
    write(
        dir.path(),
        "assets/2017/\u{30AB}\u{3099}\u{30A4}\u{30C8}\u{3099}.pdf",
        "%PDF-1.4\n",
    );
    let f = build(dir.path(), Some(&dir.path().join("public"))).unwrap_err();
    assert!(
        f.diagnostics
            .render(Lang::Ja, false)
            .contains("文字の表し方")
    );
}

// ---------------------------------------------------------------------------------------
// Reading only inside the report

#[cfg(unix)]
#[test]
fn symlinks_that_leave_the_project_are_errors_naming_them() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("passwords.md"), "# 秘密\n").unwrap();
    fs::write(outside.path().join("secret.pdf"), "%PDF secret").unwrap();
    let dir = copy_tree(&fixture("seed002"));
    let root = dir.path();
    std::os::unix::fs::symlink(
        outside.path().join("passwords.md"),
        root.join("content/2017/himitsu.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.pdf"),
        root.join("assets/2017/secret.pdf"),
    )
    .unwrap();
    let out = root.join("public");
    let f = build(root, Some(&out)).unwrap_err();
    for file in ["content/2017/himitsu.md", "assets/2017/secret.pdf"] {
        assert!(
            f.diagnostics
                .sorted()
                .iter()
                .any(|x| x.file == file && x.message.contains("フォルダの外")),
            "{file}: {}",
            f.diagnostics.render(Lang::Ja, false)
        );
    }
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn a_year_folder_linked_from_inside_the_project_is_built() {
    let dir = copy_tree(&fixture("seed002"));
    let root = dir.path();
    fs::rename(root.join("content/2017"), root.join("archive-2017")).unwrap();
    std::os::unix::fs::symlink(root.join("archive-2017"), root.join("content/2017")).unwrap();
    let out = root.join("public");
    build(root, Some(&out)).unwrap_or_else(|f| panic!("{}", f.diagnostics.render(Lang::Ja, false)));
    assert!(out.join("2017/index.html").is_file());
    assert!(out.join("2017/meetings/seisaku-2/index.html").is_file());
}

// ---------------------------------------------------------------------------------------
// Links and file names

#[test]
fn a_material_with_an_apostrophe_links_and_a_newline_in_a_name_is_an_error() {
    let dir = copy_tree(&fixture("seed002"));
    let root = dir.path();
    fs::rename(
        root.join("assets/2017/shiryo1.pdf"),
        root.join("assets/2017/shiryo's.pdf"),
    )
    .unwrap();
    replace(
        root,
        "content/2017/meetings/seisaku-2.md",
        "shiryo1.pdf",
        "shiryo's.pdf",
    );
    write(
        root,
        "content/2017/index.md",
        &format!(
            "{}\n[資料](assets/2017/shiryo's.pdf)\n",
            fs::read_to_string(root.join("content/2017/index.md")).unwrap()
        ),
    );
    let out = root.join("public");
    build(root, Some(&out)).unwrap_or_else(|f| panic!("{}", f.diagnostics.render(Lang::Ja, false)));
    assert!(out.join("assets/2017/shiryo's.pdf").is_file());

    #[cfg(unix)]
    {
        write(root, "assets/2017/a\nb.pdf", "%PDF-1.4\n");
        let f = build(root, Some(&out)).unwrap_err();
        assert!(
            f.diagnostics
                .sorted()
                .iter()
                .any(|x| x.file == "assets/2017/a<U+000A>b.pdf" && x.message.contains("制御文字")),
            "{}",
            f.diagnostics.render(Lang::Ja, false)
        );
    }
}

// ---------------------------------------------------------------------------------------
// Themes and encodings

#[test]
fn a_theme_must_be_a_folder_under_themes() {
    for (theme, words) in [
        ("no-such-theme", "themes/no-such-theme/ がありません"),
        ("../../etc", "フォルダ名ではありません"),
        ("/usr/share", "フォルダ名ではありません"),
        ("..", "フォルダ名ではありません"),
    ] {
        let d = refused(|r| {
            replace(
                r,
                "book.toml",
                "[evaluation]",
                &format!("[build]\ntheme = {theme:?}\n\n[evaluation]"),
            )
        });
        assert_at(&d, Severity::Error, "book.toml", 9, words);
    }
    // An override that is there but cannot be read is an error, not the built-in file.
    let dir = copy_tree(&fixture("seed002"));
    replace(
        dir.path(),
        "book.toml",
        "[evaluation]",
        "[build]\ntheme = \"city\"\n\n[evaluation]",
    );
    fs::create_dir_all(dir.path().join("themes/city/templates/base.html")).unwrap();
    let f = build(dir.path(), Some(&dir.path().join("public"))).unwrap_err();
    assert!(
        f.diagnostics
            .sorted()
            .iter()
            .any(|x| x.file == "themes/city/templates/base.html"
                && x.message.contains("読み込めません")),
        "{}",
        f.diagnostics.render(Lang::Ja, false)
    );
}

#[test]
fn a_utf16_file_is_named_utf16() {
    let d = refused(|r| {
        let text = fs::read_to_string(r.join("content/2017/actuals.yaml")).unwrap();
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        fs::write(r.join("content/2017/actuals.yaml"), bytes).unwrap();
        let plan: Vec<u8> = fs::read_to_string(r.join("content/plans/kizuna.yaml"))
            .unwrap()
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        fs::write(r.join("content/plans/kizuna.yaml"), plan).unwrap();
    });
    assert_at(
        &d,
        Severity::Error,
        "content/2017/actuals.yaml",
        1,
        "UTF-16 LE",
    );
    assert_at(
        &d,
        Severity::Error,
        "content/plans/kizuna.yaml",
        1,
        "UTF-16 BE",
    );
    assert!(!d.render(Lang::Ja, false).contains("Shift_JIS"));
}

// ---------------------------------------------------------------------------------------
// The output folder

#[test]
fn an_output_that_is_a_file_is_refused_and_kept() {
    let dir = copy_tree(&fixture("seed002"));
    replace(
        dir.path(),
        "book.toml",
        "[evaluation]",
        "[build]\noutput = \"notes.txt\"\n\n[evaluation]",
    );
    fs::write(dir.path().join("notes.txt"), "会議のメモ").unwrap();
    let f = build(dir.path(), None).unwrap_err();
    assert!(
        f.diagnostics
            .render(Lang::Ja, false)
            .contains("フォルダではなくファイルです")
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "会議のメモ"
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_refused_and_the_web_folder_kept() {
    let dir = copy_tree(&fixture("seed002"));
    let web = tempfile::tempdir().unwrap();
    fs::write(web.path().join("index.html"), "市のサイト").unwrap();
    std::os::unix::fs::symlink(web.path(), dir.path().join("public")).unwrap();
    let f = build(dir.path(), None).unwrap_err();
    assert!(
        f.diagnostics
            .render(Lang::Ja, false)
            .contains("シンボリックリンク")
    );
    assert!(
        fs::symlink_metadata(dir.path().join("public"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(web.path().join("index.html")).unwrap(),
        "市のサイト"
    );
}

/// A page without nenpo's own site search (its script in the head and the search forms),
/// the only script and forms a built page may hold; anything else came from the content.
fn without_site_search(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next = [
            "<script src=\"",
            "<form class=\"site-search\"",
            "<form class=\"search-form\"",
        ]
        .iter()
        .filter_map(|open| rest.find(open).map(|at| (at, *open)))
        .min();
        let Some((at, open)) = next else { break };
        let close = if open.starts_with("<script") {
            "</script>"
        } else {
            "</form>"
        };
        let end = rest[at..]
            .find(close)
            .map_or(rest.len(), |e| at + e + close.len());
        let element = &rest[at..end];
        // nenpo's script is `../` steps to static/search.js and nothing else.
        let ours = !open.starts_with("<script")
            || element
                .strip_prefix("<script src=\"")
                .and_then(|e| e.strip_suffix("static/search.js\" defer></script>"))
                .is_some_and(|up| up.split_terminator("../").all(str::is_empty));
        out.push_str(&rest[..at]);
        if !ours {
            out.push_str(element);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
