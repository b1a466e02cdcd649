//! A chapter page: one of a year's further chapters (環境の現況 …).

use serde::Serialize;

use super::{SiteContext, strip_leading_h2};
use crate::diag::Diagnostic;
use crate::model::{Chapter, Year};
use crate::site::Page;
use crate::site::layout::Layout;
use crate::site::paths;

#[derive(Serialize)]
struct ChapterView {
    layout: Layout,
    body_html: String,
}

/// A chapter page.
pub fn chapter(cx: &SiteContext, year: &Year, ch: &Chapter) -> Result<Page, Diagnostic> {
    let path = paths::chapter(year.year, &ch.slug);
    let rendered = cx.render(&path, &ch.doc.markdown);
    let year_path = paths::year(year.year);
    let year_crumb = cx.year_crumb(year.year);
    let slug = ch.slug.clone();
    let view = ChapterView {
        layout: Layout::new(cx.report, &path, &ch.title)
            .crumbs(&path, &[(year_crumb.as_str(), year_path.as_str())])
            .year_switcher(cx.report, &path, year.year, |y| {
                cx.has_chapter(y, &slug).then(|| paths::chapter(y, &slug))
            })
            .neighbours(&path, cx.sequence(year.year))
            .with_toc(rendered.headings),
        body_html: strip_leading_h2(&rendered.html, &ch.title),
    };
    Page::new(&path, "chapter.html", &view, &ch.doc.file)
}
