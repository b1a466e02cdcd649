//! The safe HTML subset of a published report: one allow-list, enforced on every rendered
//! Markdown text by ammonia and used to tell editors what was removed and where.
//!
//! Editors paste text from Word, e-mail and other sites, and the report is published on a
//! city's website, so nothing in it may run in a citizen's browser. What stays is what report
//! tables and Japanese text need (tables with `rowspan`/`colspan`, `sup`/`sub` for CO₂ and m³,
//! `br`, `ruby`, `abbr`, `span`/`div` with a class); URLs must be http(s), mailto or relative.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, parse_document};
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements an editor may write in Markdown (and the ones Markdown itself produces).
pub const TAGS: &[&str] = &[
    // Text
    "a",
    "abbr",
    "b",
    "br",
    "cite",
    "code",
    "del",
    "dfn",
    "em",
    "i",
    "ins",
    "kbd",
    "mark",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
    "wbr",
    // Blocks
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "ul",
    // Tables
    "caption",
    "col",
    "colgroup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    // Images
    "img",
];

/// Attributes allowed on every element: none of them can run anything.
pub const GENERIC_ATTRIBUTES: &[&str] = &["class", "id", "title", "lang"];

/// Attributes allowed on particular elements.
pub const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    // data-footnote-* and aria-label are what Markdown footnotes are written with.
    (
        "a",
        &[
            "href",
            "aria-label",
            "data-footnote-ref",
            "data-footnote-backref",
            "data-footnote-backref-idx",
        ],
    ),
    ("img", &["src", "alt", "width", "height"]),
    ("td", &["colspan", "rowspan", "headers", "align"]),
    ("th", &["colspan", "rowspan", "headers", "scope", "align"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("time", &["datetime"]),
    ("section", &["data-footnotes"]),
    // A scrolling table takes keyboard focus; a glossary mark is hidden from screen readers.
    ("div", &["tabindex"]),
    ("span", &["aria-hidden"]),
];

/// URL schemes a link or image may use; relative URLs are allowed too.
pub const URL_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Elements removed with everything inside them: their content is code or a widget, never
/// text a reader should see.
const REMOVED_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "noscript", "template", "object", "textarea", "select", "svg",
    "math", "noembed", "noframes", "xmp", "title",
];

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.tags(TAGS.iter().copied().collect())
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(
            TAG_ATTRIBUTES
                .iter()
                .map(|(t, a)| (*t, a.iter().copied().collect::<HashSet<_>>()))
                .collect::<HashMap<_, _>>(),
        )
        .url_schemes(URL_SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect())
        .strip_comments(true)
        .attribute_filter(|element, attribute, value| {
            if element == "img" && attribute == "src" && !image_allowed(value) {
                None
            } else {
                Some(value.into())
            }
        })
        // Links keep the attributes they were written with; nenpo adds no rel of its own.
        .link_rel(None);
    b
});

/// Removes everything outside the safe subset from rendered HTML.
pub fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// Whether a URL may be published: http, https, mailto or relative. Parsed as browsers parse
/// it (and as ammonia does), so `JaVaScRiPt:`, ` javascript:`, `java&#9;script:` and
/// `javascript://…%0A…` are all seen for what they are.
pub fn url_allowed(url: &str) -> bool {
    match url::Url::parse(url) {
        Ok(u) => URL_SCHEMES.contains(&u.scheme()),
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Err(_) => false,
    }
}

/// Whether an image may be shown: only the site's own (a relative URL). An image from another
/// host would be fetched by every reader's browser, telling that host who reads the report,
/// and the site promises to load nothing from other hosts.
pub fn image_allowed(url: &str) -> bool {
    let t = url.trim_start_matches(|c: char| c <= ' ');
    // `//host/x.png` (and the backslash spellings browsers accept) name another host.
    let other_host = t.starts_with("//")
        || t.starts_with("\\\\")
        || t.starts_with("/\\")
        || t.starts_with("\\/");
    !other_host
        && matches!(
            url::Url::parse(url),
            Err(url::ParseError::RelativeUrlWithoutBase)
        )
}

/// Something the sanitiser removes from an editor's Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    /// An element that is not in the subset (`script`, `iframe`, `form` …).
    Element(String),
    /// An attribute not allowed on its element (`onclick`, `style` …).
    Attribute {
        /// The element.
        element: String,
        /// The attribute.
        attribute: String,
    },
    /// A link or image whose URL is not http(s), mailto or relative.
    Url(String),
    /// An image from another host.
    ExternalImage(String),
}

/// Where in a Markdown text something is removed: 1-based line and column within the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// Line within the Markdown text.
    pub line: u32,
    /// Column (in characters) within that line; 1 when only the line is known.
    pub column: u32,
    /// What goes.
    pub removed: Removed,
}

/// Everything the sanitiser will remove from this Markdown, in the order it is written.
/// Each raw HTML block or inline tag is examined on its own, and each link and image URL.
pub fn audit_markdown(markdown: &str) -> Vec<Removal> {
    // Raw HTML needs `<`; a link or image URL needs `](`, `]:` or an autolink's `<`. Most
    // texts have none, and need no second parse.
    if !markdown.contains('<') && !markdown.contains("](") && !markdown.contains("]:") {
        return Vec::new();
    }
    let arena = Arena::new();
    let opts = crate::markdown::options("");
    let root = parse_document(&arena, markdown, &opts);
    let mut out = Vec::new();
    for node in root.descendants() {
        audit_node(node, &mut out);
    }
    out
}

fn audit_node<'a>(node: &'a AstNode<'a>, out: &mut Vec<Removal>) {
    let data = node.data.borrow();
    let start = data.sourcepos.start;
    let (line, column) = (start.line as u32, start.column as u32);
    match &data.value {
        NodeValue::HtmlBlock(b) => audit_html(&b.literal, line, out),
        NodeValue::HtmlInline(h) => audit_html(h, line, out),
        NodeValue::Link(l) | NodeValue::Image(l) if !url_allowed(&l.url) => out.push(Removal {
            line,
            column: column.max(1),
            removed: Removed::Url(l.url.to_string()),
        }),
        NodeValue::Image(l) if !image_allowed(&l.url) => out.push(Removal {
            line,
            column: column.max(1),
            removed: Removed::ExternalImage(l.url.to_string()),
        }),
        _ => {}
    }
}

/// Checks every start tag of a piece of raw HTML against the subset, as a browser would
/// tokenise it (entities decoded, any case).
fn audit_html(html: &str, first_line: u32, out: &mut Vec<Removal>) {
    let sink = Sink::default();
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(html.into());
    let _ = tok.feed(&queue);
    tok.end();
    for (line, removed) in tok.sink.found.take() {
        out.push(Removal {
            line: first_line + line.saturating_sub(1) as u32,
            column: 1,
            removed,
        });
    }
}

#[derive(Default)]
struct Sink {
    found: std::cell::RefCell<Vec<(u64, Removed)>>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != TagKind::StartTag {
            return TokenSinkResult::Continue;
        }
        let name: &str = &tag.name;
        let mut found = self.found.borrow_mut();
        if !TAGS.contains(&name) {
            found.push((line, Removed::Element(name.to_string())));
            // What a script or style holds is not markup: do not report it tag by tag.
            return match name {
                "script" => {
                    TokenSinkResult::RawData(html5ever::tokenizer::states::RawKind::ScriptData)
                }
                "style" | "iframe" | "noembed" | "noframes" | "xmp" => {
                    TokenSinkResult::RawData(html5ever::tokenizer::states::RawKind::Rawtext)
                }
                "textarea" | "title" => {
                    TokenSinkResult::RawData(html5ever::tokenizer::states::RawKind::Rcdata)
                }
                _ => TokenSinkResult::Continue,
            };
        }
        for a in &tag.attrs {
            let attr: &str = &a.name.local;
            if !attribute_allowed(name, attr) {
                found.push((
                    line,
                    Removed::Attribute {
                        element: name.to_string(),
                        attribute: attr.to_string(),
                    },
                ));
            } else if is_url_attribute(attr) && !url_allowed(&a.value) {
                found.push((line, Removed::Url(a.value.to_string())));
            } else if name == "img" && attr == "src" && !image_allowed(&a.value) {
                found.push((line, Removed::ExternalImage(a.value.to_string())));
            }
        }
        TokenSinkResult::Continue
    }
}

fn attribute_allowed(tag: &str, attr: &str) -> bool {
    GENERIC_ATTRIBUTES.contains(&attr)
        || TAG_ATTRIBUTES
            .iter()
            .any(|(t, attrs)| *t == tag && attrs.contains(&attr))
}

/// The allowed attributes that hold a URL (ammonia checks the same ones).
fn is_url_attribute(attr: &str) -> bool {
    matches!(attr, "href" | "src")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_markup_reports_need_is_kept() {
        let html = "<table><caption>表1</caption><thead><tr><th rowspan=\"2\" scope=\"col\">区分</th>\
            <th colspan=\"2\">CO<sub>2</sub></th></tr></thead><tbody><tr><td>m<sup>3</sup><br>\
            <ruby>汚泥<rp>(</rp><rt>おでい</rt><rp>)</rp></ruby></td><td><abbr title=\"温室効果ガス\">GHG</abbr></td>\
            <td><span class=\"note\">注</span></td></tr></tbody></table><div class=\"box\">x</div>";
        let out = clean(html);
        for kept in [
            "rowspan=\"2\"",
            "colspan=\"2\"",
            "<caption>",
            "<sub>2</sub>",
            "<sup>3</sup>",
            "<br>",
            "<rt>おでい</rt>",
            "<rp>(</rp>",
            "<abbr title=\"温室効果ガス\">",
            "<span class=\"note\">",
            "<div class=\"box\">",
            "scope=\"col\"",
        ] {
            assert!(out.contains(kept), "{kept} lost: {out}");
        }
    }

    #[test]
    fn scripts_handlers_frames_forms_and_styles_go() {
        let html = "<p onclick=\"alert(1)\" style=\"color:red\">a</p><script>alert(2)</script>\
            <img src=\"x.png\" onerror=\"alert(3)\"><iframe src=\"https://e.example/\">f</iframe>\
            <form action=\"/x\"><input name=\"q\"></form><meta http-equiv=\"refresh\" content=\"0;url=https://e.example/\">\
            <svg><script>alert(4)</script></svg>";
        let out = clean(html);
        for gone in [
            "onclick", "style", "alert", "onerror", "iframe", "form", "input", "meta", "svg",
        ] {
            assert!(!out.contains(gone), "{gone} kept: {out}");
        }
        assert!(out.contains("<img src=\"x.png\">"), "{out}");
    }

    #[test]
    fn images_come_from_the_site_only() {
        for ok in ["assets/a.png", "../assets/a.png", "/a.png", "zu.png"] {
            assert!(image_allowed(ok), "{ok}");
        }
        for other in [
            "https://tracker.example/p.gif",
            "http://x/y.png",
            "//x/y.png",
            " //x/y.png",
            "\\\\x\\y.png",
        ] {
            assert!(!image_allowed(other), "{other}");
        }
        let out = clean(
            "<img src=\"https://tracker.example/p.gif\" alt=\"図\"><img src=\"a.png\" alt=\"b\">",
        );
        assert_eq!(out, "<img alt=\"図\"><img src=\"a.png\" alt=\"b\">");
        let found =
            audit_markdown("![図](https://tracker.example/p.gif)\n\n<img src=\"//x/y.png\">\n");
        assert_eq!(
            found.iter().map(|r| &r.removed).collect::<Vec<_>>(),
            [
                &Removed::ExternalImage("https://tracker.example/p.gif".into()),
                &Removed::ExternalImage("//x/y.png".into())
            ]
        );
    }

    #[test]
    fn only_http_mailto_and_relative_urls_pass_however_they_are_spelled() {
        for ok in [
            "https://www.city.example/",
            "http://x",
            "mailto:kankyo@city.example",
            "../assets/a.pdf",
            "#top",
            "資料.pdf",
        ] {
            assert!(url_allowed(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "javascript://x%0Aalert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "tel:0312345678",
        ] {
            assert!(!url_allowed(bad), "{bad}");
        }
        let out = clean(
            "<a href=\"&#106;avascript:alert(1)\">a</a><a href=\"  JAVASCRIPT:alert(1)\">b</a>\
             <a href=\"java&#x09;script:alert(1)\">c</a><a href=\"https://ok.example/\">d</a>",
        );
        assert_eq!(out.matches("href").count(), 1, "{out}");
        assert!(out.contains("https://ok.example/"), "{out}");
    }

    #[test]
    fn audit_names_each_removal_with_its_line() {
        let md = "本文\n\n<div class=\"x\" style=\"color:red\">表</div>\n\n\
            ここに <span onclick=\"x()\">語</span> と [リンク](javascript:alert(1))。\n\n\
            <script>\nvar a = '<img src=x onerror=y>';\n</script>\n";
        let found = audit_markdown(md);
        let lines: Vec<(u32, &Removed)> = found.iter().map(|r| (r.line, &r.removed)).collect();
        assert_eq!(
            lines,
            vec![
                (
                    3,
                    &Removed::Attribute {
                        element: "div".into(),
                        attribute: "style".into()
                    }
                ),
                (
                    5,
                    &Removed::Attribute {
                        element: "span".into(),
                        attribute: "onclick".into()
                    }
                ),
                (5, &Removed::Url("javascript:alert(1)".into())),
                (7, &Removed::Element("script".into())),
            ]
        );
    }

    #[test]
    fn allowed_markup_is_not_reported() {
        let md = "<table>\n<tr><td rowspan=\"2\">CO<sub>2</sub></td></tr>\n</table>\n\n\
            [市](https://www.city.example/) ![図](assets/a.png) <br>\n";
        assert_eq!(audit_markdown(md), vec![]);
    }
}
