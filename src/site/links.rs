//! Internal link checking: every `href` and `src` of every page must name a file of the
//! site, so a typo'd link fails the build with the content file it came from.

use std::collections::BTreeSet;

use rayon::prelude::*;

use super::OutputFile;
use crate::diag::{Diagnostic, Lang};

/// Finds broken internal links; `sources` maps a page to the content file it was made from.
pub fn check_links(files: &[OutputFile], sources: &[(&str, &str)], lang: Lang) -> Vec<Diagnostic> {
    let existing: std::collections::HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let sources: std::collections::HashMap<&str, &str> = sources.iter().copied().collect();
    // Pages are checked in parallel; each page's problems keep the page's link order, and
    // pages come in the sorted order of `files`.
    files
        .par_iter()
        .filter(|f| f.path.ends_with(".html"))
        .flat_map_iter(|f| {
            // Pages are rendered from String, so they are UTF-8; no lossy copy needed.
            let html = std::str::from_utf8(&f.bytes).unwrap_or("");
            let source = sources
                .get(f.path.as_str())
                .copied()
                .unwrap_or(f.path.as_str());
            let mut seen = BTreeSet::new();
            let mut problems = Vec::new();
            for raw in attribute_values(html) {
                if !seen.insert(raw) {
                    continue;
                }
                // As a browser reads the attribute: every character reference decoded, so
                // `shiryo&#39;s.pdf` names shiryo's.pdf.
                let url = html_escape::decode_html_entities(raw);
                if is_external(&url) {
                    continue;
                }
                let target = resolve(&f.path, &url);
                if !target.as_deref().is_some_and(|t| existing.contains(t)) {
                    problems.push(broken(source, &url, &f.path, lang));
                }
            }
            problems
        })
        .collect()
}

fn broken(source: &str, url: &str, page: &str, lang: Lang) -> Diagnostic {
    Diagnostic::error(
        source,
        0,
        0,
        crate::tr!(lang, msg.broken_link, url = url, page = page),
    )
    .with_hint(lang.text().msg.broken_link_hint)
}

fn is_external(url: &str) -> bool {
    url.is_empty()
        || url.starts_with('#')
        || url.contains("://")
        || url.starts_with("mailto:")
        || url.starts_with("tel:")
        || url.starts_with("data:")
        || url.starts_with("//")
}

/// Values of href and src attributes, as the templates and comrak write them (double quotes).
fn attribute_values(html: &str) -> impl Iterator<Item = &str> {
    // One pass over `="`, keeping the values of href and src attributes.
    html.match_indices("=\"").filter_map(move |(i, _)| {
        let before = &html[..i];
        if !(before.ends_with(" href") || before.ends_with(" src")) {
            return None;
        }
        let start = i + 2;
        html[start..].find('"').map(|end| &html[start..start + end])
    })
}

/// The site path a relative URL on the page `from` points to, with `..` folded. The URL is
/// as the browser has it: character references in the HTML already decoded.
pub fn resolve(from: &str, url: &str) -> Option<String> {
    let url = url.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in url.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if url.ends_with('/') || path.is_empty() {
        path.push_str(if path.is_empty() {
            "index.html"
        } else {
            "/index.html"
        });
    }
    Some(percent_decode(&path))
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, html: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: html.as_bytes().to_vec(),
        }
    }

    #[test]
    fn broken_links_name_the_source_file() {
        let files = vec![
            file(
                "index.html",
                "<a href=\"2023/index.html\">a</a><a href=\"https://x\">x</a>",
            ),
            file(
                "2023/index.html",
                "<a href=\"../index.html#top\">h</a><img src=\"../assets/nai.png\">",
            ),
        ];
        let probs = check_links(
            &files,
            &[("2023/index.html", "content/2023/index.md")],
            Lang::Ja,
        );
        assert_eq!(probs.len(), 1);
        assert_eq!(probs[0].file, "content/2023/index.md");
        assert!(probs[0].message.contains("../assets/nai.png"));
    }

    #[test]
    fn every_character_reference_is_decoded_before_checking() {
        let files = vec![
            file(
                "2023/index.html",
                "<a href=\"../assets/shiryo&#39;s.pdf\">a</a><a href=\"../assets/shiryo&#x27;s.pdf\">b</a>\
                 <a href=\"../assets/a&amp;b.pdf\">c</a><a href=\"&#109;ailto:x@example.jp\">d</a>\
                 <a href=\"../assets/%E7%B7%91%\">e</a>",
            ),
            file("assets/shiryo's.pdf", ""),
            file("assets/a&b.pdf", ""),
        ];
        let probs = check_links(&files, &[], Lang::Ja);
        assert_eq!(probs.len(), 1, "{probs:?}");
        assert!(
            probs[0].message.contains("%E7%B7%91%"),
            "{}",
            probs[0].message
        );
    }

    #[test]
    fn resolving_folds_dots_and_decodes() {
        assert_eq!(
            resolve("a/b/index.html", "../c/index.html").as_deref(),
            Some("a/c/index.html")
        );
        assert_eq!(resolve("index.html", "../x").as_deref(), None);
        assert_eq!(
            resolve("a/index.html", "%E7%B7%91.pdf").as_deref(),
            Some("a/緑.pdf")
        );
    }
}
