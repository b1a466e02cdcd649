//! What a citizen can read on a page, taken from the rendered HTML with a WHATWG tokenizer
//! (html5gum): the title (`<h1>`), the breadcrumbs, and the headings and text of `<main>`.
//!
//! Reading the pages rather than the model makes everything a page shows findable (goals,
//! indicator names and notes, projects, bodies, agendas and minutes, glossary terms, and
//! any page kind added later) without this module knowing the kinds. Left out: navigation
//! (`<nav>`: year switcher, table of contents, pager), charts (`<svg>`: their data is in the
//! table beside them), scripts, ruby readings (`<rt>`, so 環境 stays one word), and anything
//! `hidden`, `aria-hidden="true"` or marked `data-nosearch`.

use html5gum::{Emitter, Error, State, Tokenizer, naive_next_state};

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

/// Reads a page's searchable text (UTF-8; text that is not becomes U+FFFD).
pub fn extract(path: &str, html: &[u8]) -> Doc {
    // Only the breadcrumbs and <main> hold what is read: the tokenizer starts at the
    // breadcrumbs as the built-in theme writes them (else at <body>) and stops after
    // </main>, a fifth of a page less to read.
    let start = memchr::memmem::find(html, b"<nav class=\"breadcrumbs\"")
        .or_else(|| memchr::memmem::find(html, b"<body"))
        .unwrap_or(0);
    let end = memchr::memmem::rfind(html, b"</main>").map_or(html.len(), |i| i + 7);
    let html = html.get(start..end.max(start)).unwrap_or(html);
    let mut ex = Extractor::default();
    for part in read_parts(html) {
        let tokens = Tokenizer::new_with_emitter(
            part,
            Events {
                ex: &mut ex,
                name: Vec::new(),
                end: false,
                self_closing: false,
                attr_name: Vec::new(),
                attr_value: Vec::new(),
                in_attr: false,
                last_start: Vec::new(),
            },
        );
        for _ in tokens {}
    }
    ex.finish(path)
}

/// The page without the navigation and charts inside <main>, which are skipped anyway and
/// are a quarter of a page (the year switcher, table of contents and pager) or more (a goal
/// page's charts): they are cut out before tokenizing. Text and attribute values never hold
/// a bare `<`, so `<nav` and `<svg` are always tags; a nested one ends the cut early, which
/// at worst reads a little navigation text.
fn read_parts(html: &[u8]) -> Vec<&[u8]> {
    let Some(main) = memchr::memmem::find(html, b"<main") else {
        return vec![html];
    };
    let mut parts = Vec::new();
    let mut from = 0;
    let mut nav = find_tag(html, main, b"<nav");
    let mut svg = find_tag(html, main, b"<svg");
    loop {
        let (open, close) = match (nav, svg) {
            (Some(n), Some(s)) if s < n => (s, &b"</svg>"[..]),
            (Some(n), _) => (n, &b"</nav>"[..]),
            (None, Some(s)) => (s, &b"</svg>"[..]),
            (None, None) => break,
        };
        let Some(len) = memchr::memmem::find(&html[open..], close) else {
            break;
        };
        parts.push(&html[from..open]);
        from = open + len + close.len();
        // Tags inside the cut are passed over.
        if nav.is_some_and(|n| n < from) {
            nav = find_tag(html, from, b"<nav");
        }
        if svg.is_some_and(|s| s < from) {
            svg = find_tag(html, from, b"<svg");
        }
    }
    parts.push(&html[from..]);
    parts
}

/// The next start tag `<name` (followed by a space, `>` or `/`) from `at`.
fn find_tag(html: &[u8], at: usize, tag: &[u8]) -> Option<usize> {
    let mut from = at;
    while let Some(i) = memchr::memmem::find(&html[from..], tag) {
        let pos = from + i;
        match html.get(pos + tag.len()) {
            Some(b' ' | b'>' | b'\t' | b'\n' | b'/') => return Some(pos),
            _ => from = pos + tag.len(),
        }
    }
    None
}

/// Turns the tokenizer's calls into start tags, end tags and text for the [`Extractor`],
/// without building tokens (html5gum's fastest interface). Syntax errors are not reported:
/// the pages are nenpo's own, checked by vnu in CI.
struct Events<'x> {
    ex: &'x mut Extractor,
    name: Vec<u8>,
    end: bool,
    self_closing: bool,
    attr_name: Vec<u8>,
    attr_value: Vec<u8>,
    in_attr: bool,
    /// The last start tag, for raw-text elements (script, style) and their end tag.
    last_start: Vec<u8>,
}

impl Events<'_> {
    fn end_attribute(&mut self) {
        if std::mem::take(&mut self.in_attr) && !self.end {
            self.ex.attribute(&self.attr_name, &self.attr_value);
        }
        self.attr_name.clear();
        self.attr_value.clear();
    }
}

impl Emitter for Events<'_> {
    type Token = ();

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start.clear();
        self.last_start.extend(last_start_tag.unwrap_or_default());
    }
    fn emit_eof(&mut self) {}
    fn emit_error(&mut self, _: Error) {}
    fn should_emit_errors(&mut self) -> bool {
        false
    }
    fn pop_token(&mut self) -> Option<()> {
        None
    }
    fn emit_string(&mut self, s: &[u8]) {
        // Text that is not read is not even decoded.
        if self.ex.reading() {
            // Validated with SIMD: the text is most of a page and mostly not ASCII, where
            // the standard check goes byte by byte.
            match simdutf8::basic::from_utf8(s) {
                Ok(t) => self.ex.text(t),
                Err(_) => self.ex.text(&String::from_utf8_lossy(s)),
            }
        }
    }
    fn init_start_tag(&mut self) {
        self.name.clear();
        self.end = false;
        self.self_closing = false;
        self.ex.tag = Tag::default();
    }
    fn init_end_tag(&mut self) {
        self.name.clear();
        self.end = true;
    }
    fn init_comment(&mut self) {}
    fn emit_current_tag(&mut self) -> Option<State> {
        self.end_attribute();
        if self.end {
            self.last_start.clear();
            self.ex.close(Name::new(&self.name));
            return None;
        }
        self.ex.tag.name = Name::new(&self.name);
        self.ex.tag.kind = kind(&self.name);
        self.ex.open(self.self_closing);
        self.last_start.clone_from(&self.name);
        naive_next_state(&self.name)
    }
    fn emit_current_comment(&mut self) {}
    fn emit_current_doctype(&mut self) {}
    fn set_self_closing(&mut self) {
        self.self_closing = true;
    }
    fn set_force_quirks(&mut self) {}
    fn push_tag_name(&mut self, s: &[u8]) {
        self.name.extend(s);
    }
    fn push_comment(&mut self, _: &[u8]) {}
    fn push_doctype_name(&mut self, _: &[u8]) {}
    fn init_doctype(&mut self) {}
    fn init_attribute(&mut self) {
        self.end_attribute();
        self.in_attr = true;
    }
    fn push_attribute_name(&mut self, s: &[u8]) {
        self.attr_name.extend(s);
    }
    fn push_attribute_value(&mut self, s: &[u8]) {
        self.attr_value.extend(s);
    }
    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}
    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}
    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}
    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}
    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.end && !self.last_start.is_empty() && self.name == self.last_start
    }
}

/// What a tag means for the text around and inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Kind {
    /// Ends a block of text (paragraphs, list items, table rows, sections …).
    Block,
    /// `<h1>` … `<h6>`: a block, and a heading.
    Heading(u8),
    /// `<dt>`: a block whose id starts a section (glossary terms).
    Term,
    /// `<li>`: a block, and a breadcrumb inside the breadcrumbs.
    Item,
    /// `<td>`, `<th>`: separated from their neighbours by a space.
    Cell,
    /// `<br>`: a space.
    Break,
    /// Content that is not text a reader reads in place.
    Skipped,
    /// `<nav>`: skipped, unless it is the breadcrumbs.
    Nav,
    /// `<main>`.
    Main,
    /// No end tag.
    Void,
    /// Inline elements.
    #[default]
    Inline,
}

fn kind(name: &[u8]) -> Kind {
    match name {
        b"address" | b"article" | b"aside" | b"blockquote" | b"caption" | b"dd" | b"details"
        | b"div" | b"dl" | b"fieldset" | b"figcaption" | b"figure" | b"footer" | b"form"
        | b"header" | b"hgroup" | b"legend" | b"ol" | b"p" | b"pre" | b"section" | b"summary"
        | b"table" | b"tbody" | b"tfoot" | b"thead" | b"tr" | b"ul" => Kind::Block,
        [b'h', d @ b'1'..=b'6'] => Kind::Heading(d - b'0'),
        b"dt" => Kind::Term,
        b"li" => Kind::Item,
        b"td" | b"th" => Kind::Cell,
        b"br" => Kind::Break,
        b"audio" | b"button" | b"canvas" | b"iframe" | b"math" | b"noscript" | b"object"
        | b"rp" | b"rt" | b"script" | b"select" | b"style" | b"svg" | b"template" | b"textarea"
        | b"video" => Kind::Skipped,
        b"nav" => Kind::Nav,
        b"main" => Kind::Main,
        b"area" | b"base" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link" | b"meta"
        | b"param" | b"source" | b"track" | b"wbr" => Kind::Void,
        _ => Kind::Inline,
    }
}

impl Kind {
    fn is_block(self) -> bool {
        matches!(
            self,
            Kind::Block | Kind::Heading(_) | Kind::Term | Kind::Item | Kind::Main
        )
    }
}

const NAME_LEN: usize = 12;

/// A tag name as a fixed-size value, to match end tags to start tags without allocating
/// (longer names are cut, which at worst closes the wrong custom element).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Name([u8; NAME_LEN]);

impl Name {
    /// The tokenizer gives names in lower case.
    fn new(raw: &[u8]) -> Name {
        let mut n = [0u8; NAME_LEN];
        let len = raw.len().min(NAME_LEN);
        n[..len].copy_from_slice(&raw[..len]);
        Name(n)
    }
}

/// What an open element means for the text inside it.
#[derive(Debug, Clone, Copy, Default)]
struct Frame {
    name: Name,
    kind: Kind,
    skip: bool,
    crumbs: bool,
}

/// The attributes of the start tag being read that matter here.
#[derive(Debug, Default)]
struct Tag {
    name: Name,
    kind: Kind,
    id: String,
    breadcrumbs: bool,
    hides: bool,
    current: bool,
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
    /// The heading level of the block being read.
    heading: Option<u8>,
    block: String,
    /// Whether the block's last character is not ASCII.
    last_wide: bool,
    gap: Gap,
    crumb: Option<(String, bool)>,
    doc: Doc,
    section: Section,
}

impl Extractor {
    /// An attribute of the start tag being read (the first of a name counts).
    fn attribute(&mut self, name: &[u8], value: &[u8]) {
        match name {
            b"id" if self.tag.id.is_empty() => {
                self.tag.id = String::from_utf8_lossy(value).into_owned();
            }
            b"class" => {
                self.tag.breadcrumbs |= value
                    .split(u8::is_ascii_whitespace)
                    .any(|c| c == b"breadcrumbs");
            }
            b"hidden" | b"data-nosearch" => self.tag.hides = true,
            b"aria-hidden" => self.tag.hides |= value == b"true",
            b"aria-current" => self.tag.current = true,
            _ => {}
        }
    }

    fn open(&mut self, self_closing: bool) {
        let tag = std::mem::take(&mut self.tag);
        let (name, kind) = (tag.name, tag.kind);
        let void = self_closing || kind == Kind::Void || kind == Kind::Break;
        if self.skip > 0 {
            if !void {
                self.push(name, kind, true, false);
            }
            return;
        }
        let crumbs = kind == Kind::Nav && tag.breadcrumbs;
        match kind {
            Kind::Break | Kind::Cell => self.gap = Gap::Hard,
            Kind::Item if self.crumbs > 0 => self.crumb = Some((String::new(), tag.current)),
            _ => {}
        }
        if kind.is_block() {
            self.end_block();
            if let Kind::Heading(level) = kind {
                self.heading = Some(level);
            }
            let anchored = matches!(kind, Kind::Heading(2..) | Kind::Term);
            if anchored && !tag.id.is_empty() {
                self.start_section(tag.id);
            }
        }
        if !void {
            let skip = !crumbs && (tag.hides || matches!(kind, Kind::Skipped | Kind::Nav));
            self.push(name, kind, skip, crumbs);
        }
    }

    fn push(&mut self, name: Name, kind: Kind, skip: bool, crumbs: bool) {
        self.skip += u32::from(skip);
        self.main += u32::from(kind == Kind::Main && !skip);
        self.crumbs += u32::from(crumbs);
        self.stack.push(Frame {
            name,
            kind,
            skip,
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
            self.crumbs -= u32::from(f.crumbs);
            if f.skip {
                continue;
            }
            self.main -= u32::from(f.kind == Kind::Main);
            if f.kind == Kind::Cell {
                self.gap = Gap::Hard;
            }
            if f.kind.is_block() {
                self.end_block();
            }
            if f.kind == Kind::Item
                && let Some((text, current)) = self.crumb.take()
                && !current
            {
                self.doc.crumbs.push(text.trim().to_string());
            }
        }
    }

    /// Whether text here is read: inside <main> or a breadcrumb, and not skipped.
    fn reading(&self) -> bool {
        self.skip == 0 && (self.main > 0 || self.crumb.is_some())
    }

    fn text(&mut self, s: &str) {
        if let Some((crumb, _)) = self.crumb.as_mut() {
            crumb.push_str(s);
            return;
        }
        // HTML collapses ASCII white space only; the runs between are copied whole (an
        // ASCII byte never occurs inside a multi-byte character, so the cuts are exact).
        let bytes = s.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let end = bytes[at..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |i| at + i);
            if end > at {
                self.push_run(&s[at..end]);
            }
            if end < bytes.len() {
                self.gap = self.gap.max(Gap::Soft);
            }
            at = end + 1;
        }
    }

    /// Appends text without white space, after the space waiting before it (dropped
    /// between two Japanese characters, as a browser drops a line break there).
    fn push_run(&mut self, run: &str) {
        let first_wide = run.as_bytes()[0] >= 0x80;
        if self.gap != Gap::None && !self.block.is_empty() {
            let wide_pair = self.last_wide && first_wide;
            if self.gap == Gap::Hard || !wide_pair {
                self.block.push(' ');
            }
        }
        self.gap = Gap::None;
        self.last_wide = run.as_bytes()[run.len() - 1] >= 0x80;
        self.block.push_str(run);
    }

    /// Ends the block being read: a heading goes to the title or the headings, and every
    /// block but the title to the section's text.
    fn end_block(&mut self) {
        self.gap = Gap::None;
        let level = self.heading.take();
        if self.block.is_empty() {
            return;
        }
        // The block's buffer is kept (cleared) for the next block.
        match level {
            Some(1) if self.doc.title.is_empty() => {
                self.doc.title = self.block.clone();
                self.block.clear();
                return;
            }
            Some(_) => self.doc.headings.push(self.block.clone()),
            None => {}
        }
        if !self.section.text.is_empty() {
            self.section.text.push('\n');
        }
        self.section.text.push_str(&self.block);
        self.block.clear();
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
        let d = extract("2021/kankyo/1/index.html", PAGE.as_bytes());
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
        let d = extract("x.html", "<p>本文</p>".as_bytes());
        assert!(d.is_empty());
    }
}
