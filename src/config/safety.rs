//! The parts of book.toml that reach every page or the file system: URLs must be http(s),
//! mailto or relative, and the theme must be a folder name under themes/.

use std::path::Path;

use super::{FILE, RawReport};
use crate::diag::{Diagnostic, Lang};

/// URLs in book.toml end up on every page: only http(s), mailto or relative links may go
/// there, and the sitemap's base_url must be an http(s) address.
pub(super) fn check_urls(
    report: &RawReport,
    lang: Lang,
    at: &dyn Fn(&str) -> (u32, u32),
    problems: &mut Vec<Diagnostic>,
) {
    if let Some(u) = report.feedback_url.as_deref().filter(|u| !u.is_empty())
        && !crate::sanitize::url_allowed(u)
    {
        let (l, c) = at("feedback_url");
        problems.push(
            Diagnostic::error(
                FILE,
                l,
                c,
                match lang {
                    Lang::Ja => format!("feedback_url「{u}」は使えないアドレスです"),
                    Lang::En => format!("feedback_url `{u}` is not an allowed address"),
                },
            )
            .with_hint(lang.pick(
                "https://…、http://…、mailto:… で始まるアドレスか、サイト内のパスを書いてください",
                "use an http(s) or mailto address, or a relative path",
            )),
        );
    }
    if let Some(u) = report.base_url.as_deref().filter(|u| !u.is_empty()) {
        let ok = url::Url::parse(u).is_ok_and(|p| matches!(p.scheme(), "http" | "https"));
        if !ok {
            let (l, c) = at("base_url");
            problems.push(
                Diagnostic::error(
                    FILE,
                    l,
                    c,
                    match lang {
                        Lang::Ja => format!("base_url「{u}」は公開先のアドレスになっていません"),
                        Lang::En => format!("base_url `{u}` is not an http(s) address"),
                    },
                )
                .with_hint(lang.pick(
                    "サイトを公開するアドレスを https://www.city.example.lg.jp/kankyo/nenpo/ のように書いてください",
                    "write the address the site is published at, e.g. https://www.city.example/report/",
                )),
            );
        }
    }
}

/// A theme is a folder name under themes/: never a path, so it cannot leave the project.
pub(super) fn check_theme_name(name: &str, lang: Lang) -> Result<(), String> {
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control);
    if plain {
        Ok(())
    } else {
        Err(match lang {
            Lang::Ja => {
                format!("theme「{name}」はフォルダ名ではありません（パスや「..」は使えません）")
            }
            Lang::En => format!("theme `{name}` is not a folder name (no paths or `..`)"),
        })
    }
}

/// The built-in theme needs no folder; any other must exist under themes/.
pub(super) fn theme_folder_problem(root: &Path, name: &str, lang: Lang) -> Option<String> {
    if name == "default" || root.join("themes").join(name).is_dir() {
        return None;
    }
    Some(match lang {
        Lang::Ja => format!("テーマ「{name}」のフォルダ themes/{name}/ がありません"),
        Lang::En => format!("the theme folder themes/{name}/ does not exist"),
    })
}
