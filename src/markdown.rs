//! Markdown to HTML with comrak: CJK-friendly emphasis, glossary marks linked to their
//! entries, minutes' 「⇒」 answers as a question/answer list, project-relative asset links,
//! scrollable tables, and the headings collected for a table of contents. Whatever an editor
//! writes, the HTML that comes out is inside the safe subset of [`crate::sanitize`].

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Anchorizer, Arena, Options, format_html, parse_document};

use crate::glossary::{MARK, anchor, find_marks};
use crate::i18n::Lang;

/// What a page needs to render Markdown in its place in the site.
pub struct MarkdownContext<'a> {
    /// Glossary terms, for ＊ marks.
    pub terms: &'a [&'a str],
    /// Relative link from the page to the glossary page (`../glossary/index.html`).
    pub glossary_href: &'a str,
    /// Relative link from the page to the site root (`../../`), for `assets/…` links.
    pub root: &'a str,
    /// Heading levels are shifted so the page's own `<h1>` stays the only one.
    pub min_level: u8,
    /// Put before every heading id, so several documents can share one page (the print view).
    pub id_prefix: &'a str,
    /// The page's language, for the marks and labels nenpo adds (＊, 質問, 回答).
    pub lang: Lang,
}

/// A heading, for the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 2 for `<h2>` …
    pub level: u8,
    /// The id on the heading.
    pub id: String,
    /// Its text.
    pub text: String,
}

/// Rendered Markdown.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Headings in order.
    pub headings: Vec<Heading>,
}

/// The comrak options every Markdown text is read with (the audit in [`crate::sanitize`]
/// reads it the same way).
pub(crate) fn options(id_prefix: &str) -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.extension.footnotes = true;
    o.extension.cjk_friendly_emphasis = true;
    o.extension.header_id_prefix = Some(id_prefix.to_string());
    o.extension.header_id_prefix_in_href = true;
    // Editors are city staff; a <br> or <span> they write is kept as written. That also turns
    // off comrak's own URL filter: `render` drops unsafe links itself and the whole output
    // goes through the sanitiser.
    o.render.r#unsafe = true;
    o
}

/// Renders Markdown for a page.
pub fn render(markdown: &str, ctx: &MarkdownContext) -> Rendered {
    let source = separate_answers(markdown);
    let arena = Arena::new();
    let opts = options(ctx.id_prefix);
    let root = parse_document(&arena, &source, &opts);
    // Before nenpo adds HTML of its own (glossary links, answer lists, table wrappers).
    let raw_html = root.descendants().any(|n| {
        matches!(
            n.data.borrow().value,
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_)
        )
    });
    shift_headings(root, ctx.min_level);
    let headings = collect_headings(root, ctx.id_prefix);
    drop_unsafe_links(root);
    rewrite_links(root, ctx.root);
    link_glossary_marks(&arena, root, ctx);
    group_questions_and_answers(&arena, root, ctx.lang);
    wrap_tables(&arena, root);
    let mut html = String::new();
    // Writing into a String cannot fail.
    let _ = format_html(root, &opts, &mut html);
    let html = drop_heading_anchors(&html);
    // Without raw HTML from the editor, comrak escapes every text and attribute itself and
    // `drop_unsafe_links` has checked every URL, so the sanitiser would change nothing; it
    // runs on every text that holds HTML the editor wrote.
    Rendered {
        html: if raw_html {
            crate::sanitize::clean(&html)
        } else {
            html
        },
        headings,
    }
}

/// A link whose URL may not be published keeps its text without the link; an image that is
/// not the site's own keeps its alternative text. (The sanitiser would drop the URL anyway, but would leave an empty
/// `<a>` or an `<img>` without `src`.)
fn drop_unsafe_links<'a>(root: &'a AstNode<'a>) {
    let unsafe_links: Vec<&'a AstNode<'a>> = root
        .descendants()
        .filter(|n| match &n.data.borrow().value {
            NodeValue::Link(l) => !crate::sanitize::url_allowed(&l.url),
            NodeValue::Image(l) => !crate::sanitize::image_allowed(&l.url),
            _ => false,
        })
        .collect();
    for n in unsafe_links {
        let children: Vec<&'a AstNode<'a>> = n.children().collect();
        for c in children {
            n.insert_before(c);
        }
        n.detach();
    }
}

/// comrak follows every heading id with an empty `<a class="anchor">` labelled in English
/// ("Link to heading …"): an invisible stop for keyboard users on a Japanese page. The
/// headings keep their ids; the tables of contents link to them.
fn drop_heading_anchors(html: &str) -> String {
    const END: &str = "class=\"anchor\"></a></h";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(e) = rest.find(END) {
        match rest[..e].rfind("<a href=\"#") {
            Some(s) if !rest[s..e].contains('\n') => {
                out.push_str(&rest[..s]);
                out.push_str("</h");
            }
            _ => out.push_str(&rest[..e + END.len()]),
        }
        rest = &rest[e + END.len()..];
    }
    out.push_str(rest);
    out
}

/// Renders a one-line text (an indicator name, a goal title) with glossary marks linked,
/// HTML-escaped otherwise.
pub fn render_inline(text: &str, ctx: &MarkdownContext) -> String {
    let mut out = String::new();
    let mut last = 0;
    for m in find_marks(text, ctx.terms.iter().copied()) {
        let Some(term) = &m.term else { continue };
        out.push_str(&escape(&text[last..m.start]));
        out.push_str(&term_link(term, ctx));
        last = m.mark + MARK.len_utf8();
    }
    out.push_str(&escape(&text[last..]));
    out
}

/// Plain text with glossary marks removed, for titles and alt texts.
pub fn strip_marks(text: &str) -> String {
    text.replace(MARK, "")
}

/// HTML-escapes text.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            _ => s.push(c),
        }
    }
    s
}

fn term_link(term: &str, ctx: &MarkdownContext) -> String {
    format!(
        "<a class=\"term\" href=\"{}#{}\">{}<span class=\"term-mark\" aria-hidden=\"true\">{}</span></a>",
        escape(ctx.glossary_href),
        anchor(term),
        escape(term),
        ctx.lang.text().words.term_mark
    )
}

/// Minutes put the answer on the line after the question; make each `⇒` line its own
/// paragraph so it can become a list item.
fn separate_answers(md: &str) -> String {
    let mut out = String::with_capacity(md.len() + 64);
    let mut in_fence = false;
    let mut prev_blank = true;
    for line in md.split('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if !in_fence && !prev_blank && (t.starts_with('⇒') || t.starts_with("・")) && line == t {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        prev_blank = t.is_empty();
    }
    out
}

fn shift_headings<'a>(root: &'a AstNode<'a>, min_level: u8) {
    let top = root
        .descendants()
        .filter_map(|n| match &n.data.borrow().value {
            NodeValue::Heading(h) => Some(h.level),
            _ => None,
        })
        .min();
    let Some(top) = top else { return };
    if top >= min_level {
        return;
    }
    let shift = min_level - top;
    for n in root.descendants() {
        if let NodeValue::Heading(h) = &mut n.data.borrow_mut().value {
            h.level = (h.level + shift).min(6);
        }
    }
}

fn text_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        match &d.data.borrow().value {
            NodeValue::Text(t) => s.push_str(t),
            NodeValue::Code(c) => s.push_str(&c.literal),
            _ => {}
        }
    }
    s
}

fn collect_headings<'a>(root: &'a AstNode<'a>, prefix: &str) -> Vec<Heading> {
    // The same anchorizer, in the same order, as comrak's HTML writer uses for the ids.
    let mut anchorizer = Anchorizer::new();
    root.descendants()
        .filter_map(|n| {
            let level = match &n.data.borrow().value {
                NodeValue::Heading(h) => h.level,
                _ => return None,
            };
            let text = text_of(n);
            Some(Heading {
                level,
                id: format!("{prefix}{}", anchorizer.anchorize(&text)),
                text: strip_marks(&text),
            })
        })
        .collect()
}

/// `assets/…` in Markdown means the project's assets folder, wherever the page sits.
fn rewrite_links<'a>(root: &'a AstNode<'a>, site_root: &str) {
    for n in root.descendants() {
        if let NodeValue::Link(l) | NodeValue::Image(l) = &mut n.data.borrow_mut().value {
            let url = l.url.trim_start_matches("./").trim_start_matches('/');
            if url.starts_with("assets/") {
                l.url = format!("{site_root}{url}");
            }
        }
    }
}

fn html_inline<'a>(arena: &'a Arena<'a>, html: String) -> &'a AstNode<'a> {
    arena.alloc(NodeValue::HtmlInline(html).into())
}

fn html_block<'a>(arena: &'a Arena<'a>, html: &str) -> &'a AstNode<'a> {
    arena.alloc(
        NodeValue::HtmlBlock(comrak::nodes::NodeHtmlBlock {
            block_type: 6,
            literal: format!("{html}\n"),
        })
        .into(),
    )
}

fn link_glossary_marks<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>, ctx: &MarkdownContext) {
    let texts: Vec<&'a AstNode<'a>> = root
        .descendants()
        .filter(|n| match &n.data.borrow().value {
            NodeValue::Text(t) => t.contains(MARK),
            _ => false,
        })
        .filter(|n| {
            !n.ancestors().any(|a| {
                matches!(
                    a.data.borrow().value,
                    NodeValue::Link(_) | NodeValue::Heading(_)
                )
            })
        })
        .collect();
    for node in texts {
        let text = match &node.data.borrow().value {
            NodeValue::Text(t) => t.to_string(),
            _ => continue,
        };
        let mut last = 0;
        for m in find_marks(&text, ctx.terms.iter().copied()) {
            let Some(term) = &m.term else { continue };
            if m.start > last {
                node.insert_before(
                    arena.alloc(NodeValue::Text(text[last..m.start].to_string().into()).into()),
                );
            }
            node.insert_before(html_inline(arena, term_link(term, ctx)));
            last = m.mark + MARK.len_utf8();
        }
        if let NodeValue::Text(t) = &mut node.data.borrow_mut().value {
            *t = text[last..].to_string().into();
        }
    }
}

fn starts_with_text<'a>(node: &'a AstNode<'a>, prefixes: &[char]) -> bool {
    matches!(node.data.borrow().value, NodeValue::Paragraph)
        && node.first_child().is_some_and(
            |c| matches!(&c.data.borrow().value, NodeValue::Text(t) if t.starts_with(prefixes)),
        )
}

fn strip_prefix_char<'a>(node: &'a AstNode<'a>) {
    if let Some(c) = node.first_child()
        && let NodeValue::Text(t) = &mut c.data.borrow_mut().value
    {
        let rest: String = t
            .chars()
            .skip(1)
            .collect::<String>()
            .trim_start()
            .to_string();
        *t = rest.into();
    }
}

/// A question paragraph (・…) followed by answer paragraphs (⇒…) becomes a `<dl>`.
fn group_questions_and_answers<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>, lang: Lang) {
    // The labels are nenpo's, in the page's language, inside the editor's text: on a page
    // that is not Japanese they say so, as the text around them may be marked Japanese.
    let words = &lang.text().words;
    let own = match lang {
        Lang::Ja => String::new(),
        other => format!(" lang=\"{}\"", other.code()),
    };
    let question = format!(
        "<dl class=\"qa\">\n<dt><span class=\"qa-label\"{own}>{}</span>",
        words.qa_question
    );
    let answer = format!(
        "<dd><span class=\"qa-label\"{own}>{}</span>",
        words.qa_answer
    );
    let children: Vec<&'a AstNode<'a>> = root.children().collect();
    let mut i = 0;
    while i < children.len() {
        let q = children[i];
        let answers: Vec<&'a AstNode<'a>> = children[i + 1..]
            .iter()
            .take_while(|n| starts_with_text(n, &['⇒']))
            .copied()
            .collect();
        if answers.is_empty() || !matches!(q.data.borrow().value, NodeValue::Paragraph) {
            i += 1;
            continue;
        }
        if starts_with_text(q, &['・', '○', '〇']) {
            strip_prefix_char(q);
        }
        q.insert_before(html_block(arena, &question));
        q.insert_after(html_block(arena, "</dt>"));
        for a in &answers {
            strip_prefix_char(a);
            a.insert_before(html_block(arena, &answer));
            a.insert_after(html_block(arena, "</dd>"));
        }
        answers
            .last()
            .unwrap_or(&q)
            .next_sibling()
            .unwrap_or(q)
            .insert_after(html_block(arena, "</dl>"));
        i += 1 + answers.len();
    }
}

/// Tables scroll sideways on a phone instead of stretching the page; the scrolling box takes
/// keyboard focus so it can be scrolled without a mouse (WCAG 2.1.1).
fn wrap_tables<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>) {
    let tables: Vec<&'a AstNode<'a>> = root
        .descendants()
        .filter(|n| matches!(n.data.borrow().value, NodeValue::Table(_)))
        .collect();
    for t in tables {
        t.insert_before(html_block(
            arena,
            "<div class=\"table-wrap\" tabindex=\"0\">",
        ));
        t.insert_after(html_block(arena, "</div>"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx<'a>(terms: &'a [&'a str]) -> MarkdownContext<'a> {
        MarkdownContext {
            terms,
            glossary_href: "../glossary/index.html",
            root: "../",
            min_level: 2,
            id_prefix: "",
            lang: Lang::Ja,
        }
    }

    #[test]
    fn cjk_emphasis_next_to_brackets_and_colons() {
        let out = render("本市の**「目標」**は\n\n**目標値：**3万", &ctx(&[])).html;
        assert!(out.contains("本市の<strong>「目標」</strong>は"), "{out}");
        assert!(out.contains("<strong>目標値：</strong>3万"), "{out}");
        assert!(!out.contains("**"), "{out}");
    }

    #[test]
    fn glossary_marks_link_to_their_entry() {
        let out = render("エコラベル＊の付いた商品", &ctx(&["エコラベル"])).html;
        assert!(
            out.contains("href=\"../glossary/index.html#term-30a8"),
            "{out}"
        );
        assert!(
            out.contains(">エコラベル<span class=\"term-mark\""),
            "{out}"
        );
        assert!(out.contains("</a>の付いた商品"), "{out}");
    }

    #[test]
    fn minutes_questions_and_answers_become_a_list() {
        let md = "＜意見等＞\n\n・区についてどこが変わったか？\n⇒文言整理が多い。\n\n⇒区の将来像を修正した。\n";
        let out = render(md, &ctx(&[])).html;
        assert!(out.contains("<dl class=\"qa\">"), "{out}");
        assert!(out.contains("<p>区についてどこが変わったか？</p>"), "{out}");
        assert_eq!(out.matches("<dd>").count(), 2, "{out}");
        assert!(out.contains("<p>文言整理が多い。</p>"), "{out}");
        assert!(!out.contains('⇒'), "{out}");
        assert!(
            out.contains("<span class=\"qa-label\">質問</span>"),
            "{out}"
        );
    }

    #[test]
    fn an_english_page_labels_questions_and_marks_terms_in_english() {
        let md = "・エコラベル＊とは？\n⇒環境に配慮した商品の印。\n";
        let en = MarkdownContext {
            lang: Lang::En,
            ..ctx(&["エコラベル"])
        };
        let out = render(md, &en).html;
        assert!(
            out.contains("<dt><span class=\"qa-label\" lang=\"en\">Question</span>"),
            "{out}"
        );
        assert!(
            out.contains("<dd><span class=\"qa-label\" lang=\"en\">Answer</span>"),
            "{out}"
        );
        assert!(out.contains("aria-hidden=\"true\">*</span></a>"), "{out}");
    }

    #[test]
    fn headings_are_shifted_and_collected() {
        let r = render("# 大気\n\n## 測定結果\n", &ctx(&[]));
        assert!(r.html.contains("<h2"), "{}", r.html);
        assert!(!r.html.contains("<h1"), "{}", r.html);
        assert_eq!(r.headings[1].level, 3);
        assert_eq!(r.headings[1].text, "測定結果");
        assert!(
            r.html.contains(&format!("id=\"{}\"", r.headings[1].id)),
            "{}",
            r.html
        );
    }

    #[test]
    fn heading_ids_take_the_prefix() {
        let r = render(
            "## 自己評価\n",
            &MarkdownContext {
                id_prefix: "kankyo-1-",
                ..ctx(&[])
            },
        );
        assert_eq!(r.headings[0].id, "kankyo-1-自己評価");
        assert!(r.html.contains("id=\"kankyo-1-自己評価\""), "{}", r.html);
    }

    #[test]
    fn headings_carry_no_empty_anchor_links() {
        let r = render(
            "## 大気\n\n[本文の](#大気) リンク\n\n### [見出しの](#x)リンク\n",
            &ctx(&[]),
        );
        assert!(r.html.contains("<h2 id=\"大気\">大気</h2>"), "{}", r.html);
        assert!(!r.html.contains("class=\"anchor\""), "{}", r.html);
        assert!(
            r.html
                .contains("<a href=\"#%E5%A4%A7%E6%B0%97\">本文の</a>"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<a href=\"#x\">見出しの</a>リンク</h3>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn unsafe_urls_lose_their_link_with_or_without_raw_html() {
        let md = "[x](javascript:alert(1)) ![図](https://tracker.example/p.gif) <vbscript:x>\n\n\
            `<script>` [ok](https://www.city.example/ \"t\\\"onmouseover=\")\n";
        for text in [
            md.to_string(),
            format!("{md}\n<span class=\"a\" onclick=\"x()\">s</span>\n"),
        ] {
            let out = render(&text, &ctx(&[])).html;
            assert!(
                !out.contains("href=\"javascript") && !out.contains("tracker"),
                "{out}"
            );
            assert!(
                !out.contains("href=\"vbscript") && !out.contains("onclick"),
                "{out}"
            );
            assert!(out.contains("<p>x 図 vbscript:x</p>"), "{out}");
            assert!(out.contains("<code>&lt;script&gt;</code>"), "{out}");
            assert!(out.contains("href=\"https://www.city.example/\""), "{out}");
            assert!(!out.contains("\"onmouseover"), "{out}");
        }
    }

    #[test]
    fn asset_links_follow_the_page_depth_and_tables_scroll() {
        let out = render("[資料](assets/a.pdf)\n\n|a|b|\n|-|-|\n|1|2|\n", &ctx(&[])).html;
        assert!(out.contains("href=\"../assets/a.pdf\""), "{out}");
        assert!(
            out.contains("<div class=\"table-wrap\" tabindex=\"0\">\n<table>"),
            "{out}"
        );
    }
}
