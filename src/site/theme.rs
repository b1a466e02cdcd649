//! The theme: templates and static files compiled into the binary, each overridable by a
//! file of the same name under themes/<name>/ in the project.

use std::path::Path;

use super::OutputFile;
use crate::diag::{Diagnostic, Diagnostics, Lang};

/// Built-in templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../theme/templates/base.html")),
    (
        "macros.html",
        include_str!("../../theme/templates/macros.html"),
    ),
    ("home.html", include_str!("../../theme/templates/home.html")),
    ("year.html", include_str!("../../theme/templates/year.html")),
    ("goal.html", include_str!("../../theme/templates/goal.html")),
    (
        "indicator.html",
        include_str!("../../theme/templates/indicator.html"),
    ),
    (
        "chapter.html",
        include_str!("../../theme/templates/chapter.html"),
    ),
    (
        "glossary.html",
        include_str!("../../theme/templates/glossary.html"),
    ),
    ("404.html", include_str!("../../theme/templates/404.html")),
    (
        "print.html",
        include_str!("../../theme/templates/print.html"),
    ),
    (
        "bodies.html",
        include_str!("../../theme/templates/bodies.html"),
    ),
    ("body.html", include_str!("../../theme/templates/body.html")),
    (
        "meeting.html",
        include_str!("../../theme/templates/meeting.html"),
    ),
    ("data.html", include_str!("../../theme/templates/data.html")),
    (
        "search.html",
        include_str!("../../theme/templates/search.html"),
    ),
    (
        "monitoring_macros.html",
        include_str!("../../theme/templates/monitoring_macros.html"),
    ),
    (
        "monitoring.html",
        include_str!("../../theme/templates/monitoring.html"),
    ),
    (
        "monitoring_group.html",
        include_str!("../../theme/templates/monitoring_group.html"),
    ),
    (
        "monitoring_site.html",
        include_str!("../../theme/templates/monitoring_site.html"),
    ),
];

/// Built-in static files, by site path.
const STATIC: &[(&str, &[u8])] = &[
    (
        "static/style.css",
        include_bytes!("../../theme/static/style.css"),
    ),
    (
        "static/search.js",
        include_bytes!("../../theme/static/search.js"),
    ),
];

/// A loaded theme.
pub struct Theme {
    tera: tera::Tera,
    statics: Vec<OutputFile>,
    lang: Lang,
}

/// A theme's file, or none when the theme does not override it. A file that is there but
/// cannot be read is an error: falling back to the built-in one would publish a different
/// look without a word.
fn read_override(path: &Path, rel: &str, lang: Lang) -> Result<Option<Vec<u8>>, Diagnostic> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(unreadable(rel, &e.to_string(), lang)),
    }
}

fn unreadable(rel: &str, why: &str, lang: Lang) -> Diagnostic {
    Diagnostic::error(
        rel,
        0,
        0,
        match lang {
            Lang::Ja => format!("テーマのファイルを読み込めません（{why}）"),
            Lang::En => format!("cannot read the theme file ({why})"),
        },
    )
    .with_hint(lang.pick(
        "ファイルの読み取り権限と文字コード（UTF-8）を確かめるか、ファイルを消して組み込みのものを使ってください",
        "check the file's permissions and encoding (UTF-8), or remove it to use the built-in one",
    ))
}

impl Theme {
    /// The built-in theme with the project's overrides from themes/<name>/templates and
    /// themes/<name>/static.
    pub fn load(root: &Path, name: &str, lang: Lang) -> Result<Theme, Diagnostics> {
        let dir = root.join("themes").join(name);
        let mut diags = Diagnostics::default();
        let mut templates: Vec<(String, String)> = Vec::new();
        for (n, builtin) in TEMPLATES {
            let over = dir.join("templates").join(n);
            // An override saved as Shift_JIS is named, not silently replaced by the built-in
            // template; a BOM and CRLF line ends are read as UTF-8 text is.
            let rel = format!("themes/{name}/templates/{n}");
            let text = match read_override(&over, &rel, lang) {
                Ok(Some(bytes)) => match crate::source::decode_text(&bytes, &rel, lang) {
                    Ok(t) => t,
                    Err(d) => {
                        diags.push(d);
                        continue;
                    }
                },
                Ok(None) => builtin.to_string(),
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            };
            templates.push((n.to_string(), text));
        }
        if diags.has_errors() {
            return Err(diags);
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        crate::i18n::templates::register(&mut tera, lang);
        if let Err(e) = tera.add_raw_templates(templates) {
            diags.push(Diagnostic::error(
                format!("themes/{name}/templates"),
                0,
                0,
                crate::tr!(lang, msg.templates_unreadable, error = format!("{e:#}")),
            ));
            return Err(diags);
        }
        let mut statics = Vec::new();
        for (p, builtin) in STATIC {
            match read_override(&dir.join(p), &format!("themes/{name}/{p}"), lang) {
                Ok(bytes) => statics.push(OutputFile {
                    path: p.to_string(),
                    bytes: bytes.unwrap_or_else(|| builtin.to_vec()),
                }),
                Err(d) => diags.push(d),
            }
        }
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Theme {
            tera,
            statics,
            lang,
        })
    }

    /// Renders a template.
    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String, String> {
        self.tera.render(template, context).map_err(|e| {
            let mut msg = e.to_string();
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                src = s.source();
            }
            msg
        })
    }

    /// The language the theme's pages and messages are in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The theme's static files.
    pub fn static_files(&self) -> Vec<OutputFile> {
        self.statics.clone()
    }
}
