//! What templates get from the catalogue: the page labels as `t` (the search's as `ts`), the `fill` filter for
//! labels with placeholders, and the `lang_attr` and `mark_ja` filters that mark editors'
//! Japanese text on pages in another language.

use tera::{Kwargs, State, StringInput, Tera, TeraResult, Value};

use super::{Lang, Piece, has_japanese, pieces};

/// Puts the page labels of `lang` into every render as `t` and registers the filters.
pub fn register(tera: &mut Tera, lang: Lang) {
    tera.global_context().insert("t", &lang.text().page);
    tera.global_context().insert("ts", &lang.text().search);
    tera.global_context().insert("tm", &lang.text().mon.page);
    tera.global_context().insert("tmy", &lang.text().money);
    tera.register_filter("fill", fill_filter);
    tera.register_filter(
        "lang_attr",
        move |text: StringInput, _: Kwargs, _: &State| {
            Value::safe_string(lang_attr(lang, text.as_str()))
        },
    );
    tera.register_filter("mark_ja", move |html: StringInput, _: Kwargs, _: &State| {
        Value::safe_string(&mark_ja(lang, html.as_str()))
    });
}

/// An editor's HTML (a goal's title) as it is, in a `<span lang="ja">` on a page that is not
/// Japanese when it holds Japanese: for text that shares its element with nenpo's own words
/// (「Goal 1」 before it), which must not be marked with it.
pub fn mark_ja(page: Lang, html: &str) -> String {
    match lang_attr(page, html) {
        "" => html.to_string(),
        attr => format!("<span{attr}>{html}</span>"),
    }
}

/// ` lang="ja"` for an editor's text with Japanese in it on a page that is not Japanese, so
/// screen readers switch voice; nothing otherwise.
pub fn lang_attr(page: Lang, text: &str) -> &'static str {
    if page != Lang::Ja && has_japanese(text) {
        " lang=\"ja\""
    } else {
        ""
    }
}

/// `{{ t.read_report | fill(year=y.label) }}`: the label with its placeholders filled.
/// A value marked safe (HTML) goes in as it is and the rest is escaped, so the result is
/// safe HTML; otherwise the result is plain text that autoescaping handles as usual.
fn fill_filter(pattern: StringInput, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
    let args: Vec<(String, &Value)> = kwargs.iter().map(|(k, v)| (k.to_string(), v)).collect();
    let html = state.autoescaping_enabled() && args.iter().any(|(_, v)| v.is_safe());
    let mut out = String::new();
    for piece in pieces(pattern.as_str()) {
        match piece {
            Piece::Text(t) if html => out.push_str(&state.escape(t)?),
            Piece::Text(t) => out.push_str(t),
            Piece::Slot(name) => {
                let Some((_, v)) = args.iter().find(|(k, _)| k == name) else {
                    return Err(tera::Error::message(format!(
                        "the label {:?} needs a value for {{{name}}}",
                        pattern.as_str()
                    )));
                };
                let text = match v.as_str() {
                    Some(s) => s.to_string(),
                    None => v.to_string(),
                };
                if html && !v.is_safe() {
                    out.push_str(&state.escape(&text)?);
                } else {
                    out.push_str(&text);
                }
            }
        }
    }
    Ok(if html {
        Value::safe_string(&out)
    } else {
        Value::from(out)
    })
}
