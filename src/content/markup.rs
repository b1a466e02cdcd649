//! Warnings for the HTML and link URLs in editors' Markdown that the published pages will not
//! carry (see [`crate::sanitize`]), each naming the file and line it was written on.

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics, Lang};
use crate::model::{Document, Report};
use crate::sanitize::{Removal, Removed, audit_markdown};

/// Checks every Markdown text of the report: home, year narratives, chapters, evaluations,
/// bodies, meetings, and the descriptions in plan files.
pub fn check_markup(report: &Report, lang: Lang, diags: &mut Diagnostics) {
    // Reading every text again is a parse per document: done on every thread, then
    // reported in document order.
    let docs: Vec<&Document> = documents(report).filter(|d| !d.file.is_empty()).collect();
    let audits: Vec<Vec<Removal>> = docs
        .par_iter()
        .map(|d| audit_markdown(&d.markdown))
        .collect();
    for (d, removals) in docs.into_iter().zip(audits) {
        if removals.is_empty() {
            continue;
        }
        let source = diags.source(&d.file).unwrap_or("").to_string();
        for r in removals {
            let line = d.body_line + r.line - 1;
            let column = if r.column > 1 {
                r.column
            } else {
                column_of(&source, line, &needle(&r.removed))
            };
            diags.push(warning(&d.file, line, column, &r.removed, lang));
        }
    }
    for (file, text) in yaml_markdown(report) {
        let source = diags.source(file).unwrap_or("").to_string();
        for r in audit_markdown(text) {
            let line = line_in_yaml(&source, text, &r);
            let column = column_of(&source, line, &needle(&r.removed));
            diags.push(warning(file, line, column, &r.removed, lang));
        }
    }
    for p in &report.plans {
        let descriptions = p.description.iter().chain(p.goals.iter().flat_map(|g| {
            g.description
                .iter()
                .chain(g.measures.iter().flat_map(|m| m.description.iter()))
        }));
        let source = diags.source(&p.file).unwrap_or("").to_string();
        for text in descriptions {
            for r in audit_markdown(text) {
                let line = line_in_yaml(&source, text, &r);
                let column = column_of(&source, line, &needle(&r.removed));
                diags.push(warning(&p.file, line, column, &r.removed, lang));
            }
        }
    }
}

/// Markdown written inside YAML: projects' 実施状況 and evaluation layers' comments, with
/// the file each is written in.
fn yaml_markdown(report: &Report) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for y in &report.years {
        if let Some(file) = &y.projects_file {
            out.extend(
                y.projects
                    .iter()
                    .filter_map(|p| p.result.as_deref())
                    .map(|t| (file.as_str(), t)),
            );
        }
        for e in &y.evaluations {
            let comments = e.reviews.iter().filter_map(|r| r.comment.as_deref());
            out.extend(comments.map(|t| (e.doc.file.as_str(), t)));
        }
    }
    out
}

fn documents(report: &Report) -> impl Iterator<Item = &Document> {
    std::iter::once(&report.home)
        .chain(report.bodies.iter().map(|b| &b.doc))
        .chain(report.years.iter().flat_map(|y| {
            std::iter::once(&y.narrative)
                .chain(y.evaluations.iter().map(|e| &e.doc))
                .chain(y.meetings.iter().map(|m| &m.doc))
                .chain(y.chapters.iter().map(|c| &c.doc))
        }))
}

/// The file line of a removal inside a YAML string: the string's first line is found in the
/// file, and a literal block (`|`) keeps the lines below it as they are; otherwise the first
/// line at or after it that holds what is removed.
fn line_in_yaml(source: &str, text: &str, r: &Removal) -> u32 {
    let lines: Vec<&str> = source.lines().collect();
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    let Some(base) = first.and_then(|f| lines.iter().position(|l| l.contains(f))) else {
        return 0;
    };
    let needle = needle(&r.removed);
    let at = |i: usize| {
        lines
            .get(i)
            .is_some_and(|l| l.to_ascii_lowercase().contains(&needle))
    };
    let guess = base + r.line as usize - 1;
    if at(guess) {
        return guess as u32 + 1;
    }
    (base..lines.len())
        .find(|&i| at(i))
        .map_or(base as u32 + 1, |i| i as u32 + 1)
}

/// What to look for in the source line, lower-cased: how the removed thing is usually written.
fn needle(removed: &Removed) -> String {
    match removed {
        Removed::Element(e) => format!("<{e}"),
        Removed::Attribute { attribute, .. } => attribute.clone(),
        Removed::Url(u) | Removed::ExternalImage(u) => u.trim().chars().take(12).collect(),
    }
    .to_ascii_lowercase()
}

/// The 1-based column (in characters) of `needle` on a 1-based line, 1 when it is not there
/// as written (an entity-encoded URL, say).
fn column_of(source: &str, line: u32, needle: &str) -> u32 {
    let Some(text) = source.lines().nth(line.saturating_sub(1) as usize) else {
        return 1;
    };
    text.to_ascii_lowercase()
        .find(needle)
        .map_or(1, |at| text[..at].chars().count() as u32 + 1)
}

fn warning(file: &str, line: u32, column: u32, removed: &Removed, lang: Lang) -> Diagnostic {
    let (message, hint) = match (removed, lang) {
        (Removed::Element(e), Lang::Ja) => (
            format!("HTML の <{e}> は公開するページに載せられないため、取り除きます"),
            "使える HTML は docs/writing-content.md の14章のとおりです。スクリプト、埋め込み（iframe）、フォームは使えません".to_string(),
        ),
        (Removed::Element(e), Lang::En) => (
            format!("HTML element <{e}> is not allowed on published pages and is removed"),
            "see chapter 14 of docs/writing-content.md for the allowed HTML".to_string(),
        ),
        (Removed::Attribute { element, attribute }, Lang::Ja) => (
            format!("<{element}> の属性「{attribute}」は使えないため、取り除きます"),
            attribute_hint(attribute, lang),
        ),
        (Removed::Attribute { element, attribute }, Lang::En) => (
            format!("attribute `{attribute}` on <{element}> is not allowed and is removed"),
            attribute_hint(attribute, lang),
        ),
        (Removed::Url(u), Lang::Ja) => (
            format!("リンク先「{}」は使えないため、リンクを外します", short(u)),
            "リンク先は https://…、http://…、mailto:… で始まるアドレスか、サイト内のパス（assets/… など）にしてください".to_string(),
        ),
        (Removed::ExternalImage(u), Lang::Ja) => (
            format!("ほかのサイトの画像「{}」は読み込まないため、取り除きます", short(u)),
            "画像は assets/ に置き、assets/2023/zu1.png のように書いてください（ほかのサイトの画像を表示すると、読む人のことがそのサイトに伝わります）".to_string(),
        ),
        (Removed::ExternalImage(u), Lang::En) => (
            format!("image `{}` from another site is not loaded and is removed", short(u)),
            "put images under assets/ and write assets/…".to_string(),
        ),
        (Removed::Url(u), Lang::En) => (
            format!("link target `{}` is not allowed and the link is removed", short(u)),
            "links must be http(s), mailto or a relative path".to_string(),
        ),
    };
    Diagnostic::error(file, line, column, message)
        .with_hint(hint)
        .warning()
}

fn attribute_hint(attribute: &str, lang: Lang) -> String {
    let ja = if attribute == "style" {
        "見た目は style 属性ではなく、表や文字の書き方（または class）で指定してください"
    } else if attribute.starts_with("on") {
        "on で始まる属性はスクリプトを動かすため使えません"
    } else {
        "使える属性は docs/writing-content.md の14章のとおりです"
    };
    let en = if attribute == "style" {
        "style attributes are not allowed; use a class"
    } else if attribute.starts_with("on") {
        "event handler attributes run scripts and are not allowed"
    } else {
        "see docs/writing-content.md for the allowed attributes"
    };
    lang.pick(ja, en).to_string()
}

/// A URL shortened for a message: `data:` URLs can be thousands of characters long.
fn short(url: &str) -> String {
    let mut s: String = url.chars().filter(|c| !c.is_control()).take(60).collect();
    if url.chars().count() > 60 {
        s.push('…');
    }
    s
}
