//! What a citizen can read on a page, taken from the rendered HTML with a WHATWG tokenizer
//! (html5gum): the title (`<h1>`), the breadcrumbs, and the headings and text of `<main>`.
//!
//! Reading the pages rather than the model makes everything a page shows findable (goals,
//! indicator names and notes, projects, bodies, agendas and minutes, glossary terms, and
//! any page kind added later) without this module knowing the kinds. Left out: navigation
//! (`<nav>`: year switcher, table of contents, pager), charts (`<svg>`: their data is in the
//! table beside them), scripts, ruby readings (`<rt>`, so 環境 stays one word), and anything
//! `hidden`, `aria-hidden="true"` or marked `data-nosearch`.

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

/// A page as the index holds it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    /// Site-relative path.
    pub path: String,
    /// The page's `<h1>`.
    pub title: String,
    /// Breadcrumbs between the home page and the page itself (the year and section).
    pub crumbs: Vec<String>,
    /// Headings of `<main>` below the title.
    pub headings: Vec<String>,
    /// The text of `<main>` (headings included), cut at headings and glossary terms that
    /// have an id, so a result can link to the place of its match.
    pub sections: Vec<Section>,
}

/// A stretch of a page under one anchor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Section {
    /// The id of the heading (or term) it starts at; empty before the first.
    pub anchor: String,
    /// Its blocks (paragraphs, list items, table rows …), one per line.
    pub text: String,
}

impl Doc {
    /// Whether the page has anything to find.
    pub fn is_empty(&self) -> bool {
        self.title.is_empty() && self.sections.is_empty()
    }
}

/// Reads a page's searchable text.
pub fn extract(path: &str, html: &str) -> Doc {
    let mut ex = Extractor::default();
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: Span<()>| {
        ex.event(event);
        None::<()>
    });
    // Script and style contents are raw text, not markup.
    emitter.naively_switch_states(true);
    for _ in Tokenizer::new_with_emitter(html, emitter) {}
    ex.finish(path)
}

/// Elements that end a block of text.
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"caption",
    b"dd",
    b"details",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hgroup",
    b"hr",
    b"legend",
    b"li",
    b"main",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"tfoot",
    b"thead",
    b"tr",
    b"ul",
];

/// Elements whose content is not text a reader reads in place.
const SKIPPED: &[&[u8]] = &[
    b"audio",
    b"button",
    b"canvas",
    b"iframe",
    b"math",
    b"nav",
    b"noscript",
    b"object",
    b"rp",
    b"rt",
    b"script",
    b"select",
    b"style",
    b"svg",
    b"template",
    b"textarea",
    b"video",
];

/// Elements without an end tag.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

const NAME_LEN: usize = 12;

/// A short, fixed-size tag name (longer names are cut; they are no element this module
/// treats specially).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Name([u8; NAME_LEN]);

impl Name {
    fn new(raw: &[u8]) -> Name {
        let mut n = [0u8; NAME_LEN];
        for (d, s) in n.iter_mut().zip(raw) {
            *d = s.to_ascii_lowercase();
        }
        Name(n)
    }

    fn is(&self, name: &[u8]) -> bool {
        name.len() <= NAME_LEN
            && self.0[..name.len()] == *name
            && self.0.get(name.len()).is_none_or(|&b| b == 0)
    }

    fn any(&self, names: &[&[u8]]) -> bool {
        names.iter().any(|n| self.is(n))
    }

    /// 1 to 6 for `<h1>` … `<h6>`.
    fn heading_level(&self) -> Option<u8> {
        match (self.0[0], self.0[1], self.0[2]) {
            (b'h', d @ b'1'..=b'6', 0) => Some(d - b'0'),
            _ => None,
        }
    }
}

/// What an open element means for the text inside it.
#[derive(Debug, Clone, Copy, Default)]
struct Frame {
    name: Name,
    skip: bool,
    main: bool,
    crumbs: bool,
}

/// The attributes of the start tag being read that matter here.
#[derive(Debug, Default)]
struct Tag {
    name: Name,
    id: String,
    breadcrumbs: bool,
    hides: bool,
    current: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Attr {
    #[default]
    Other,
    Id,
    Class,
    AriaHidden,
    AriaCurrent,
}

/// A space waiting to be written between two pieces of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Gap {
    #[default]
    None,
    /// White space in the source: dropped between two Japanese characters, as the line
    /// breaks of a Markdown paragraph are.
    Soft,
    /// Between table cells and at `<br>`: always a space.
    Hard,
}

#[derive(Debug, Default)]
struct Extractor {
    stack: Vec<Frame>,
    skip: u32,
    main: u32,
    crumbs: u32,
    tag: Tag,
    attr: Attr,
    /// The heading level of the block being read.
    heading: Option<u8>,
    block: String,
    gap: Gap,
    crumb: Option<(String, bool)>,
    doc: Doc,
    section: Section,
}

impl Extractor {
    fn event(&mut self, event: CallbackEvent<'_>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag = Tag {
                    name: Name::new(name),
                    ..Tag::default()
                };
            }
            CallbackEvent::AttributeName { name } => {
                self.attr = match name {
                    b"id" => Attr::Id,
                    b"class" => Attr::Class,
                    b"aria-hidden" => Attr::AriaHidden,
                    b"aria-current" => Attr::AriaCurrent,
                    b"hidden" | b"data-nosearch" => {
                        self.tag.hides = true;
                        Attr::Other
                    }
                    _ => Attr::Other,
                };
            }
            CallbackEvent::AttributeValue { value } => match self.attr {
                Attr::Id => self.tag.id = String::from_utf8_lossy(value).into_owned(),
                Attr::Class => {
                    self.tag.breadcrumbs = value
                        .split(u8::is_ascii_whitespace)
                        .any(|c| c == b"breadcrumbs");
                }
                Attr::AriaHidden => self.tag.hides |= value == b"true",
                Attr::AriaCurrent => self.tag.current = true,
                Attr::Other => {}
            },
            CallbackEvent::CloseStartTag { self_closing } => self.open(self_closing),
            CallbackEvent::EndTag { name } => self.close(Name::new(name)),
            CallbackEvent::String { value } => self.text(&String::from_utf8_lossy(value)),
            _ => {}
        }
    }

    fn open(&mut self, self_closing: bool) {
        let tag = std::mem::take(&mut self.tag);
        let name = tag.name;
        if self.skip > 0 {
            if !self_closing && !name.any(VOID) {
                self.stack.push(Frame {
                    name,
                    skip: true,
                    ..Frame::default()
                });
                self.skip += 1;
            }
            return;
        }
        if name.is(b"br") {
            self.gap = Gap::Hard;
            return;
        }
        if name.is(b"td") || name.is(b"th") {
            self.gap = Gap::Hard;
        }
        let crumbs = name.is(b"nav") && tag.breadcrumbs;
        if crumbs {
            self.crumbs += 1;
        } else if self.crumbs > 0 && name.is(b"li") {
            self.crumb = Some((String::new(), tag.current));
        }
        let skip = !crumbs && (tag.hides || name.any(SKIPPED));
        if name.any(BLOCKS) {
            self.end_block();
            if let Some(level) = name.heading_level() {
                self.heading = Some(level);
            }
            if !tag.id.is_empty() && (name.heading_level().is_some_and(|l| l > 1) || name.is(b"dt"))
            {
                self.start_section(tag.id);
            }
        }
        if self_closing || name.any(VOID) {
            return;
        }
        let main = name.is(b"main");
        self.main += u32::from(main);
        self.skip += u32::from(skip);
        self.stack.push(Frame {
            name,
            skip,
            main,
            crumbs,
        });
    }

    fn close(&mut self, name: Name) {
        let Some(at) = self.stack.iter().rposition(|f| f.name == name) else {
            return;
        };
        while self.stack.len() > at {
            let Some(f) = self.stack.pop() else { break };
            self.skip -= u32::from(f.skip);
            if f.skip {
                continue;
            }
            if f.name.is(b"td") || f.name.is(b"th") {
                self.gap = Gap::Hard;
            }
            if f.name.any(BLOCKS) {
                self.end_block();
            }
            if f.name.is(b"li")
                && let Some((text, current)) = self.crumb.take()
                && !current
            {
                self.doc.crumbs.push(text.trim().to_string());
            }
            self.main -= u32::from(f.main);
            self.crumbs -= u32::from(f.crumbs);
        }
    }

    fn text(&mut self, s: &str) {
        if self.skip > 0 {
            return;
        }
        if let Some((crumb, _)) = self.crumb.as_mut() {
            crumb.push_str(s);
            return;
        }
        if self.main == 0 {
            return;
        }
        for c in s.chars() {
            if c.is_whitespace() {
                self.gap = self.gap.max(Gap::Soft);
                continue;
            }
            let last = self.block.chars().next_back();
            match (self.gap, last) {
                (_, None) | (Gap::None, _) => {}
                (Gap::Soft, Some(l)) if !l.is_ascii() && !c.is_ascii() => {}
                _ => self.block.push(' '),
            }
            self.gap = Gap::None;
            self.block.push(c);
        }
    }

    /// Ends the block being read: a heading goes to the title or the headings, and every
    /// block but the title to the section's text.
    fn end_block(&mut self) {
        self.gap = Gap::None;
        let level = self.heading.take();
        if self.block.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.block);
        match level {
            Some(1) if self.doc.title.is_empty() => {
                self.doc.title = text;
                return;
            }
            Some(_) => self.doc.headings.push(text.clone()),
            None => {}
        }
        if !self.section.text.is_empty() {
            self.section.text.push('\n');
        }
        self.section.text.push_str(&text);
    }

    fn start_section(&mut self, anchor: String) {
        let done = std::mem::replace(
            &mut self.section,
            Section {
                anchor,
                text: String::new(),
            },
        );
        if !done.text.is_empty() {
            self.doc.sections.push(done);
        }
    }

    fn finish(mut self, path: &str) -> Doc {
        self.end_block();
        self.start_section(String::new());
        // The first crumb is the home page, the same on every page.
        if !self.doc.crumbs.is_empty() {
            self.doc.crumbs.remove(0);
        }
        self.doc.path = path.to_string();
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!DOCTYPE html><html lang="ja"><head><title>目標1｜市の環境</title>
<script>var x = "<main>";</script></head><body>
<nav class="breadcrumbs" aria-label="現在位置"><ol class="wrap">
<li><a href="../index.html">ホーム</a></li><li><a href="index.html">令和3年度の報告</a></li>
<li aria-current="page">目標1</li></ol></nav>
<main id="main"><nav class="year-switcher"><ul><li>令和2年度</li></ul></nav>
<h1><span class="goal-number">目標1</span> 脱炭素社会の
実現</h1>
<div class="page-meta" data-nosearch><p>更新日：令和4年9月30日</p></div>
<p>再生可能<a class="term" href="#t">エネルギー<span aria-hidden="true">＊</span></a>の導入を
進めます。<br>&amp; PM2.5 の測定</p>
<h2 id="m-1">施策 1-1 <ruby>環境<rt>かんきょう</rt></ruby>学習</h2>
<table><tr><th scope="row">市域の排出量</th><td>1,180</td><td>未集計</td></tr></table>
<figure><svg><title>グラフ</title><text>900</text></svg><figcaption>図：推移</figcaption></figure>
<dl><div><dt id="term-zeh">ZEH</dt><dd>ネット・ゼロ</dd></div></dl>
</main><footer><p>お問い合わせ先</p></footer></body></html>"##;

    #[test]
    fn title_crumbs_headings_and_text_of_main() {
        let d = extract("2021/kankyo/1/index.html", PAGE);
        assert_eq!(d.title, "目標1 脱炭素社会の実現");
        assert_eq!(d.crumbs, ["令和3年度の報告"]);
        assert_eq!(d.headings, ["施策 1-1 環境学習"]);
        let texts: Vec<(&str, &str)> = d
            .sections
            .iter()
            .map(|s| (s.anchor.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("", "再生可能エネルギーの導入を進めます。 & PM2.5 の測定"),
                (
                    "m-1",
                    "施策 1-1 環境学習\n市域の排出量 1,180 未集計\n図：推移"
                ),
                ("term-zeh", "ZEH\nネット・ゼロ"),
            ]
        );
    }

    #[test]
    fn a_page_without_main_has_only_its_crumbs() {
        let d = extract("x.html", "<p>本文</p>");
        assert!(d.is_empty());
    }
}
