//! What only the preview adds to pages: the live-reload script (never part of a built site)
//! and the page that shows content errors until the files are fixed.

use crate::diag::{Diagnostics, Lang};
use crate::markdown::escape;

/// Where the live-reload script is served.
pub const SCRIPT_PATH: &str = "/__nenpo/live.js";
/// Where browsers listen for reloads (server-sent events).
pub const EVENTS_PATH: &str = "/__nenpo/events";

/// The live-reload script: reloads on a `reload` event, and on reconnecting to a server that
/// rebuilt (or restarted) while the connection was down.
pub const SCRIPT: &str = r#"(function () {
  var seen = null;
  var source = new EventSource("/__nenpo/events");
  source.addEventListener("hello", function (e) {
    if (seen !== null && seen !== e.data) { location.reload(); }
    seen = e.data;
  });
  source.addEventListener("reload", function () { location.reload(); });
})();
"#;

/// The tag that loads the script; same-origin, so a strict script policy still allows it.
const TAG: &str = "<script src=\"/__nenpo/live.js\"></script>";

/// An HTML page with the live-reload script added before `</body>`.
pub fn inject(html: &[u8]) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + TAG.len() + 1);
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(TAG.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(&html[at..]);
    out
}

/// The page shown at every address while the content has errors: every problem with its
/// file, line, column, message, hint and snippet.
pub fn error_page(diagnostics: &Diagnostics, lang: Lang) -> String {
    let m = &lang.text().msg;
    let (title, lead) = (m.serve_page_title, m.serve_page_lead);
    let mut items = String::new();
    for d in diagnostics.sorted() {
        let place = if d.line > 0 {
            format!("{}:{}:{}", d.file, d.line, d.column.max(1))
        } else {
            d.file.clone()
        };
        let kind = match d.severity {
            crate::diag::Severity::Error => m.error,
            crate::diag::Severity::Warning => m.warning,
        };
        items.push_str(&format!(
            "<li><span class=\"kind\">{kind}</span> <code>{}</code> {}",
            escape(&place),
            escape(&d.message)
        ));
        if let Some(h) = &d.hint {
            items.push_str(&format!(
                "<br><span class=\"hint\">{}: {}</span>",
                m.hint,
                escape(h)
            ));
        }
        items.push_str("</li>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_code}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} — nenpo</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
<h1>{title}</h1>\n<p>{lead}</p>\n<p class=\"summary\">{summary}</p>\n<ol>\n{items}</ol>\n\
<h2>{details}</h2>\n<pre>{report}</pre>\n</main>\n{TAG}\n</body>\n</html>\n",
        lang_code = lang.code(),
        summary = escape(&diagnostics.summary(lang)),
        details = m.serve_page_details,
        report = escape(&diagnostics.render(lang, false)),
    )
}

/// Readable without the site's stylesheet, which may be what is broken.
const STYLE: &str = "body{font-family:sans-serif;line-height:1.7;margin:0;color:#1a1a1a;background:#fff}\
main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{color:#a40000;font-size:1.6rem}\
.summary{font-weight:bold}.kind{color:#a40000;font-weight:bold}.hint{color:#333}\
li{margin-bottom:.6rem}code{background:#f3f3f3;padding:0 .2em}\
pre{background:#f6f6f6;border:1px solid #ccc;padding:1rem;overflow-x:auto;white-space:pre-wrap;line-height:1.4}";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let out = inject(b"<html><body><p>x</p></body></html>");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("<html><body><p>x</p>{TAG}\n</body></html>")
        );
        assert!(
            String::from_utf8(inject(b"<p>no body</p>"))
                .unwrap()
                .ends_with("</script>\n")
        );
    }

    #[test]
    fn the_error_page_lists_place_message_hint_and_snippet_escaped() {
        let mut ds = Diagnostics::default();
        ds.add_source("content/2021/a.md", "---\ntitle: <x>\n---\n本文\n");
        ds.push(
            Diagnostic::error("content/2021/a.md", 2, 8, "題名に <x> は使えません")
                .with_hint("「環境の現況」のように書いてください"),
        );
        let html = error_page(&ds, Lang::Ja);
        assert!(html.contains("原稿に誤りがあります"));
        assert!(html.contains("<code>content/2021/a.md:2:8</code>"));
        assert!(html.contains("題名に &lt;x&gt; は使えません"));
        assert!(html.contains("修正方法: 「環境の現況」のように書いてください"));
        assert!(html.contains("title: &lt;x&gt;"), "snippet: {html}");
        assert!(html.contains("エラー 1 件、警告 0 件"));
        assert!(!html.contains("<x>"));
    }
}
