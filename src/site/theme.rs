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
const STATIC: &[(&str, &[u8])] = &[(
    "static/style.css",
    include_bytes!("../../theme/static/style.css"),
)];

/// A loaded theme.
pub struct Theme {
    tera: tera::Tera,
    statics: Vec<OutputFile>,
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
            let text = match std::fs::read_to_string(&over) {
                Ok(t) => t,
                Err(_) => builtin.to_string(),
            };
            templates.push((n.to_string(), text));
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        crate::i18n::templates::register(&mut tera, lang);
        if let Err(e) = tera.add_raw_templates(templates) {
            diags.push(Diagnostic::error(
                format!("themes/{name}/templates"),
                0,
                0,
                match lang {
                    Lang::Ja => format!("テンプレートを読み込めません: {e:#}"),
                    Lang::En => format!("cannot load the templates: {e:#}"),
                },
            ));
            return Err(diags);
        }
        let statics = STATIC
            .iter()
            .map(|(p, builtin)| {
                let over = dir.join(p);
                OutputFile {
                    path: p.to_string(),
                    bytes: std::fs::read(over).unwrap_or_else(|_| builtin.to_vec()),
                }
            })
            .collect();
        Ok(Theme { tera, statics })
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

    /// The theme's static files.
    pub fn static_files(&self) -> Vec<OutputFile> {
        self.statics.clone()
    }
}
