//! Internal link checking: every `href` and `src` of every page must name a file of the
//! site, so a typo'd link fails the build with the content file it came from.

use std::collections::{BTreeSet, HashSet};

use indexmap::IndexSet;
use rayon::prelude::*;

use super::OutputFile;
use crate::diag::{Diagnostic, Lang};

/// Finds broken internal links; `sources` maps a page to the content file it was made from.
pub fn check_links(files: &[OutputFile], sources: &[(&str, &str)], lang: Lang) -> Vec<Diagnostic> {
    let sources: std::collections::HashMap<&str, &str> = sources.iter().copied().collect();
    let pages: Vec<(&str, Vec<PageLink>)> = files
        .par_iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| (f.path.as_str(), page_links(&f.path, &f.bytes)))
        .collect();
    let mut table = LinkTable::default();
    for (path, links) in pages {
        let source = sources.get(path).copied().unwrap_or(path);
        table.add(path, source, links);
    }
    let existing: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    table.check(&existing, lang)
}

/// An internal link of a page: the URL as the browser reads it, and the site path it names
/// (none for a path that climbs above the site).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    /// The URL, character references decoded.
    pub url: String,
    /// The site path it names.
    pub target: Option<String>,
}

/// The internal links of the page at `page`, each once, in the order they are written.
pub fn page_links(page: &str, html: &[u8]) -> Vec<PageLink> {
    // Pages are rendered from String, so they are UTF-8; no lossy copy needed.
    let html = std::str::from_utf8(html).unwrap_or("");
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
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
        out.push(PageLink {
            target: resolve(page, &url),
            url: url.into_owned(),
        });
    }
    out
}

/// The links of every page of a site, kept as numbers into one table of the distinct URLs
/// and paths: a site's pages repeat the same few hundred links, so this stays small while
/// the pages themselves are already written and gone.
#[derive(Debug, Default)]
pub struct LinkTable {
    names: IndexSet<String>,
    pages: Vec<LinkedPage>,
}

#[derive(Debug)]
struct LinkedPage {
    path: u32,
    source: u32,
    /// (URL, target) pairs; `u32::MAX` is a target above the site.
    links: Vec<(u32, u32)>,
}

const NOWHERE: u32 = u32::MAX;

impl LinkTable {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(i) = self.names.get_index_of(s) {
            return i as u32;
        }
        self.names.insert_full(s.to_string()).0 as u32
    }

    /// Records the links of the page at `path`, made from the content file `source`.
    pub fn add(&mut self, path: &str, source: &str, links: Vec<PageLink>) {
        let page = LinkedPage {
            path: self.intern(path),
            source: self.intern(source),
            links: links
                .into_iter()
                .map(|l| {
                    let target = l.target.map_or(NOWHERE, |t| self.intern(&t));
                    (self.intern(&l.url), target)
                })
                .collect(),
        };
        self.pages.push(page);
    }

    /// The links whose target is not among `existing`, page by page in path order, each
    /// page's in the order written.
    pub fn check(self, existing: &HashSet<&str>, lang: Lang) -> Vec<Diagnostic> {
        let LinkTable { names, mut pages } = self;
        let name = |i: u32| names.get_index(i as usize).map_or("", String::as_str);
        pages.sort_by(|a, b| name(a.path).cmp(name(b.path)));
        let mut problems = Vec::new();
        for p in &pages {
            for &(url, target) in &p.links {
                if target == NOWHERE || !existing.contains(name(target)) {
                    problems.push(broken(name(p.source), name(url), name(p.path), lang));
                }
            }
        }
        problems
    }
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
