//! The words of the site search: the header box, the 検索 page, and the messages search.js
//! shows (the page hands those to the script in `data-` attributes, so the script holds no
//! words of its own).

use serde::Serialize;

/// Words of the site search.
#[derive(Debug, Serialize)]
pub struct SearchWords {
    /// The page's title and breadcrumb.
    pub title: &'static str,
    /// The header box's hidden label.
    pub box_label: &'static str,
    pub box_placeholder: &'static str,
    pub button: &'static str,
    /// The 検索 page's field.
    pub query_label: &'static str,
    pub hint: &'static str,
    /// Without JavaScript: the text before and after a link to the home page.
    pub noscript_before: &'static str,
    pub noscript_after: &'static str,
    /// The link between them.
    pub noscript_home: &'static str,
    pub more: &'static str,
    /// `{q}` is the query as typed.
    pub none: &'static str,
    /// `{q}`, and `{n}` the number of pages.
    pub found: &'static str,
    /// Nothing found yet among the candidates checked so far: `{q}`.
    pub none_yet: &'static str,
    /// At least `{n}` pages: `{q}`, `{n}`.
    pub found_at_least: &'static str,
    /// The query has nothing that can be searched for.
    pub no_terms: &'static str,
    pub searching: &'static str,
    pub load_failed: &'static str,
    /// The document title while results show: `{q}`, and `{title}` the page's own title.
    pub result_title: &'static str,
}

/// Japanese.
pub const JA: SearchWords = SearchWords {
    title: "検索",
    box_label: "サイト内検索",
    box_placeholder: "サイト内を検索",
    button: "検索",
    query_label: "調べたい言葉",
    hint: "言葉をスペースで区切ると、そのすべてを含むページを探します。ひらがなとカタカナ、全角と半角、英字の大文字と小文字は区別しません。",
    noscript_before: "この検索には JavaScript が必要です。JavaScript を有効にするか、",
    noscript_after: "や上のメニューからページをお探しください。",
    noscript_home: "ホーム",
    more: "さらに表示",
    none: "「{q}」を含むページは見つかりませんでした。言葉を短くするか、別の言葉でお試しください。",
    found: "「{q}」を含むページが {n} 件見つかりました。",
    none_yet: "「{q}」を含むページはまだ見つかっていません。候補が多いため一部だけを確かめました。「さらに表示」で続きを探します。",
    found_at_least: "「{q}」を含むページが {n} 件以上見つかりました。",
    no_terms: "探せる言葉がありません。ひらがな・カタカナは2文字以上で、漢字・英数字は1文字から探せます。",
    searching: "検索しています…",
    load_failed: "検索の索引を読み込めませんでした。ページを読み込み直してください。",
    result_title: "「{q}」の検索結果｜{title}",
};

/// English.
pub const EN: SearchWords = SearchWords {
    title: "Search",
    box_label: "Search this site",
    box_placeholder: "Search this site",
    button: "Search",
    query_label: "Words to look for",
    hint: "Separate words with spaces to find pages that contain all of them. Hiragana and katakana, full-width and half-width characters, and upper and lower case are treated alike.",
    noscript_before: "Search needs JavaScript. Turn JavaScript on, or find pages from the ",
    noscript_after: " page or the menu above.",
    noscript_home: "home",
    more: "Show more",
    none: "No pages contain “{q}”. Try a shorter or a different word.",
    found: "{n} pages contain “{q}”.",
    none_yet: "No pages containing “{q}” found yet: there are many candidates and only some were checked. Choose “Show more” to go on.",
    found_at_least: "At least {n} pages contain “{q}”.",
    no_terms: "Nothing to search for. Kana need at least two characters; kanji, letters and digits can be searched from one.",
    searching: "Searching…",
    load_failed: "The search index could not be loaded. Please reload the page.",
    result_title: "Search results for “{q}” | {title}",
};
