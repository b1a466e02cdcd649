//! Where every page lives in the output, and relative links between them, so the site works
//! under any sub-path and opened from file:// (every link names its index.html).

use crate::era::FiscalYear;

/// The home page.
pub const HOME: &str = "index.html";
/// The glossary.
pub const GLOSSARY: &str = "glossary/index.html";
/// The promotion system (推進体制) overview.
pub const BODIES: &str = "bodies/index.html";
/// The open data page.
pub const DATA: &str = "data/index.html";
/// The 404 page.
pub const NOT_FOUND: &str = "404.html";
/// The promotion-system diagram as a file.
pub const DIAGRAM: &str = "bodies/suishin-taisei.svg";
/// The stylesheet.
pub const CSS: &str = "static/style.css";
/// The search script (search box and 検索 page).
pub const SEARCH_JS: &str = "static/search.js";

/// A fiscal year's overview.
pub fn year(y: FiscalYear) -> String {
    format!("{y}/index.html")
}

/// A goal's page in a year.
pub fn goal(y: FiscalYear, plan: &str, goal: &str) -> String {
    format!("{y}/{}/{}/index.html", segment(plan), segment(goal))
}

/// An indicator's page (all years on one page).
pub fn indicator(id: &str) -> String {
    format!("indicators/{}/index.html", segment(id))
}

/// A chapter of a year.
pub fn chapter(y: FiscalYear, slug: &str) -> String {
    format!("{y}/{}/index.html", segment(slug))
}

/// A year's print view.
pub fn print(y: FiscalYear) -> String {
    format!("{y}/print/index.html")
}

/// A body's page.
pub fn body(id: &str) -> String {
    format!("bodies/{}/index.html", segment(id))
}

/// A meeting's page.
pub fn meeting(y: FiscalYear, slug: &str) -> String {
    format!("{y}/meetings/{}/index.html", segment(slug))
}

/// A year's 環境の現況.
pub fn monitoring(y: FiscalYear) -> String {
    format!("{y}/monitoring/index.html")
}

/// A monitoring group's page in a year.
pub fn monitoring_group(y: FiscalYear, group: &str) -> String {
    format!("{y}/monitoring/{}/index.html", segment(group))
}

/// A monitoring site's page (all years on one page).
pub fn monitoring_site(id: &str) -> String {
    format!("monitoring/sites/{}/index.html", segment(id))
}

/// A chart's standalone SVG file.
pub fn chart_file(name: &str) -> String {
    format!("charts/{}.svg", segment(name))
}

/// Ids become path segments as they are, except characters that file systems or URLs
/// treat specially.
pub fn segment(id: &str) -> String {
    id.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '%' | ' ' => '_',
            c => c,
        })
        .collect()
}

/// The prefix from a page to the site root: `../../` for `2023/print/index.html`.
pub fn root_prefix(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

/// A link from the page `from` to the file `to`, both site-relative.
pub fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from.split('/').collect();
    let from_dir = &from_dir[..from_dir.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len() - 1);
    let mut s = "../".repeat(from_dir.len() - common);
    s.push_str(&to_parts[common..].join("/"));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_between_pages() {
        assert_eq!(relative("index.html", "2023/index.html"), "2023/index.html");
        assert_eq!(relative("2023/index.html", "index.html"), "../index.html");
        assert_eq!(
            relative("2023/kankyo/1/index.html", "2023/kankyo/2/index.html"),
            "../2/index.html"
        );
        assert_eq!(
            relative("2023/kankyo/1/index.html", "indicators/co2/index.html"),
            "../../../indicators/co2/index.html"
        );
        assert_eq!(relative("2023/index.html", "2023/index.html"), "index.html");
        assert_eq!(root_prefix("2023/print/index.html"), "../../");
        assert_eq!(root_prefix("index.html"), "");
    }
}
