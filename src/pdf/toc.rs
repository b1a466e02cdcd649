//! The 目次 pass. Chromium does not support CSS `target-counter()`, so the print view's
//! table of contents cannot number itself: a first print tells on which page each chapter
//! starts (the PDF's named destinations), and the page is printed again from a copy whose
//! 目次 carries those page numbers.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::Path;

use super::document::destinations;
use super::print::print_once;
use crate::diag::Lang;

/// Prints `html` and returns the PDF; when the page has a 目次 (`<nav class="print-toc">`),
/// the PDF of a copy whose 目次 lists each entry's page. The error is the message to show.
pub(super) fn print_with_page_numbers(
    chromium: &Path,
    html: &Path,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let html = std::path::absolute(html).map_err(|e| e.to_string())?;
    let mut bytes = print_once(chromium, &html, lang)?;
    let source = fs::read_to_string(&html).unwrap_or_default();
    let dir = html.parent().unwrap_or(Path::new("."));
    let mut numbered: Option<HashMap<String, usize>> = None;
    // Numbers can move a heading when a 目次 line wraps; print again until they settle.
    for _ in 0..3 {
        let dests = destinations(&bytes);
        let Some((page, toc)) = with_toc_pages(&source, &dests) else {
            break;
        };
        if numbered.as_ref() == Some(&toc) {
            break;
        }
        // The copy sits beside the page so its relative links (the stylesheet) still
        // resolve; a unique name, removed when dropped, so two runs never share it.
        let mut copy = tempfile::Builder::new()
            .prefix(".nenpo-pdf-toc-")
            .suffix(".html")
            .tempfile_in(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        copy.write_all(page.as_bytes())
            .map_err(|e| format!("{}: {e}", copy.path().display()))?;
        bytes = print_once(chromium, copy.path(), lang)?;
        numbered = Some(toc);
    }
    Ok(bytes)
}

/// The print page with the page of each 目次 entry written after it, and the numbers used;
/// `None` when the page has no 目次 or no entry's target is in `dests`.
pub fn with_toc_pages(
    html: &str,
    dests: &HashMap<String, usize>,
) -> Option<(String, HashMap<String, usize>)> {
    let start = html.find("<nav class=\"print-toc\"")?;
    let end = start + html[start..].find("</nav>")?;
    let mut out = String::with_capacity(html.len() + 2048);
    out.push_str(&html[..start]);
    let mut used = HashMap::new();
    let mut rest = &html[start..end];
    while let Some(i) = rest.find("<a href=\"#") {
        let after = &rest[i + 10..];
        let Some(q) = after.find('"') else { break };
        let id = &after[..q];
        let Some(close) = after.find("</a>") else {
            break;
        };
        out.push_str(&rest[..i + 10 + close]);
        if let Some(&n) = dests.get(&unescape_html(id)) {
            out.push_str(&format!(
                "<span class=\"toc-leader\" aria-hidden=\"true\"></span><span class=\"toc-page\">{n}</span>"
            ));
            used.insert(id.to_string(), n);
        }
        rest = &after[close..];
    }
    out.push_str(rest);
    out.push_str(&html[end..]);
    (!used.is_empty()).then_some((out, used))
}

/// The entities nenpo's templates write in an `href`, back to text.
fn unescape_html(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toc_gets_page_numbers_for_the_entries_it_can_place() {
        let html = "<p><a href=\"#p-overview\">x</a></p>\n<nav class=\"print-toc\"><ol>\n<li><a href=\"#p-overview\">概要</a></li>\n<li><a href=\"#ch-現\">現況</a></li>\n<li><a href=\"#nowhere\">他</a></li>\n</ol></nav><a href=\"#ch-現\">y</a>";
        let dests = HashMap::from([("p-overview".to_string(), 3), ("ch-現".to_string(), 12)]);
        let (page, used) = with_toc_pages(html, &dests).unwrap();
        assert!(
            page.contains("概要<span class=\"toc-leader\" aria-hidden=\"true\"></span><span class=\"toc-page\">3</span></a>"),
            "{page}"
        );
        assert!(page.contains("現況<span class=\"toc-leader\" aria-hidden=\"true\"></span><span class=\"toc-page\">12</span></a>"), "{page}");
        assert!(page.contains(">他</a>"), "{page}");
        // Links outside the 目次 are left alone.
        assert!(
            page.starts_with("<p><a href=\"#p-overview\">x</a></p>"),
            "{page}"
        );
        assert!(page.ends_with("</nav><a href=\"#ch-現\">y</a>"), "{page}");
        assert_eq!(used.len(), 2);
        assert!(with_toc_pages("<p>no toc</p>", &dests).is_none());
    }
}
