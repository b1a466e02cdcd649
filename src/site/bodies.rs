//! Governance pages: the 推進体制 overview, a page per body with its meetings across years,
//! and a page per meeting with its attendees, agenda, materials and minutes.

use serde::Serialize;

use super::Page;
use super::layout::{Layout, Link};
use super::pages::SiteContext;
use super::paths::{self, relative};
use super::views::link;
use crate::diag::{Diagnostic, Lang};
use crate::model::{Body, Meeting, Report, Year};
use crate::tr;

/// 「第3回 さくら台市環境審議会」, or the meeting's own title.
pub fn meeting_title(report: &Report, m: &Meeting) -> String {
    if let Some(t) = &m.title {
        return t.clone();
    }
    let name = report
        .body(&m.body)
        .map(|b| b.name.as_str())
        .unwrap_or(&m.body);
    match m.number {
        Some(n) => tr!(report.config.lang, words.meeting_number, n = n, name = name),
        None => name.to_string(),
    }
}

/// A relation in words.
#[derive(Debug, Clone, Serialize)]
pub struct RelationView {
    /// The other body.
    pub other: Link,
    /// 諮問 …
    pub kind: String,
    /// 「市長へ答申」 / 「市長から諮問」.
    pub words: String,
    /// A remark.
    pub note: Option<String>,
}

/// 「市長へ答申」 for outgoing, 「市長から諮問」 for incoming relations.
fn relation_words(lang: Lang, other: &str, kind: &str, outgoing: bool) -> String {
    if outgoing {
        tr!(lang, words.relation_to, other = other, kind = kind)
    } else {
        tr!(lang, words.relation_from, other = other, kind = kind)
    }
}

fn relations(report: &Report, body: &Body, from: &str) -> (Vec<RelationView>, Vec<RelationView>) {
    let out = body
        .relations
        .iter()
        .filter_map(|r| {
            let other = report.body(&r.to)?;
            Some(RelationView {
                other: link(from, &paths::body(&other.id), other.name.clone()),
                kind: r.kind.clone(),
                words: relation_words(report.config.lang, &other.name, &r.kind, true),
                note: r.note.clone(),
            })
        })
        .collect();
    let incoming = report
        .bodies
        .iter()
        .flat_map(|b| b.relations.iter().map(move |r| (b, r)))
        .filter(|(_, r)| r.to == body.id)
        .map(|(b, r)| RelationView {
            other: link(from, &paths::body(&b.id), b.name.clone()),
            kind: r.kind.clone(),
            words: relation_words(report.config.lang, &b.name, &r.kind, false),
            note: r.note.clone(),
        })
        .collect();
    (out, incoming)
}

#[derive(Serialize)]
struct MemberView {
    role: String,
    count: Option<String>,
}

#[derive(Serialize)]
struct MeetingRow {
    title: String,
    year: String,
    date: String,
    href: String,
}

#[derive(Serialize)]
struct BodyView {
    layout: Layout,
    kind: String,
    basis: Option<String>,
    chair: Option<String>,
    members: Vec<MemberView>,
    member_total: Option<String>,
    secretariat: Option<String>,
    role_html: String,
    outgoing: Vec<RelationView>,
    incoming: Vec<RelationView>,
    plans: Vec<String>,
    meetings: Vec<MeetingRow>,
}

/// A body's page.
pub fn body(cx: &SiteContext, b: &Body) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let path = paths::body(&b.id);
    let (outgoing, incoming) = relations(report, b, &path);
    let total: u32 = b.members.iter().filter_map(|m| m.count).sum();
    let lang = report.config.lang;
    let w = &lang.text().words;
    // Newest first, as citizens look for the latest minutes.
    let mut meetings: Vec<(&Year, &Meeting)> = report
        .years
        .iter()
        .flat_map(|y| y.meetings.iter().map(move |m| (y, m)))
        .filter(|(_, m)| m.body == b.id)
        .collect();
    meetings.sort_by(|a, b| (b.1.date, &b.1.slug).cmp(&(a.1.date, &a.1.slug)));
    let view = BodyView {
        layout: Layout::new(report, &path, &b.name).crumbs(&path, &[(w.bodies, paths::BODIES)]),
        kind: b.kind.clone(),
        basis: b.basis.clone(),
        chair: b.chair.clone(),
        members: b
            .members
            .iter()
            .map(|m| MemberView {
                role: m.role.clone(),
                count: m.count.map(|c| tr!(lang, words.people, n = c)),
            })
            .collect(),
        member_total: (total > 0).then(|| tr!(lang, words.people, n = total)),
        secretariat: b.secretariat.clone(),
        role_html: cx.render_at(&path, &b.doc.markdown, 3).html,
        outgoing,
        incoming,
        plans: report
            .plans
            .iter()
            .filter(|p| p.body.as_deref() == Some(b.id.as_str()))
            .map(|p| p.title.clone())
            .collect(),
        meetings: meetings
            .into_iter()
            .map(|(y, m)| MeetingRow {
                title: meeting_title(report, m),
                year: cx.fmt.year_label(y.year),
                date: cx.fmt.date(m.date),
                href: relative(&path, &paths::meeting(y.year, &m.slug)),
            })
            .collect(),
    };
    Page::new(&path, "body.html", &view, &b.doc.file)
}

#[derive(Serialize)]
struct BodyItem {
    name: String,
    kind: String,
    href: String,
    summary: Vec<String>,
}

#[derive(Serialize)]
struct BodiesView {
    layout: Layout,
    bodies: Vec<BodyItem>,
    diagram_svg: Option<String>,
    diagram_href: Option<String>,
    relations: Vec<String>,
}

/// The 推進体制 overview; `diagram` is the generated SVG and its file, when there is one.
pub fn bodies(cx: &SiteContext, diagram: Option<(String, String)>) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let path = paths::BODIES;
    let view = BodiesView {
        layout: Layout::new(report, path, report.config.lang.text().words.bodies).crumbs(path, &[]),
        bodies: report
            .bodies
            .iter()
            .map(|b| BodyItem {
                name: b.name.clone(),
                kind: b.kind.clone(),
                href: relative(path, &paths::body(&b.id)),
                summary: relations(report, b, path)
                    .0
                    .into_iter()
                    .map(|r| r.words)
                    .collect(),
            })
            .collect(),
        relations: report
            .bodies
            .iter()
            .flat_map(|b| {
                b.relations.iter().filter_map(move |r| {
                    report.body(&r.to).map(|o| {
                        tr!(
                            report.config.lang,
                            words.relation_line,
                            from = b.name,
                            to = o.name,
                            kind = r.kind
                        )
                    })
                })
            })
            .collect(),
        diagram_href: diagram.as_ref().map(|(_, f)| relative(path, f)),
        diagram_svg: diagram.map(|(s, _)| s),
    };
    Page::new(path, "bodies.html", &view, "content/bodies")
}

#[derive(Serialize)]
struct MaterialView {
    title: String,
    href: String,
    kind: String,
    size: String,
}

#[derive(Serialize)]
struct MeetingView {
    layout: Layout,
    body: Link,
    date: String,
    date_iso: String,
    time: Option<String>,
    place: Option<String>,
    chair: Option<String>,
    attendees: Vec<String>,
    absent: Vec<String>,
    staff: Vec<String>,
    open: bool,
    observers: Option<String>,
    agenda: Vec<String>,
    materials: Vec<MaterialView>,
    minutes_html: String,
}

/// 「PDF:762KB」: type from the extension, size in KB (MB from 1,000 KB), as city sites write.
pub fn file_label(lang: Lang, path: &str, size: u64) -> (String, String) {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_uppercase())
        .unwrap_or_default();
    let kind = match ext.as_str() {
        "XLSX" | "XLS" => "Excel".to_string(),
        "DOCX" | "DOC" => "Word".to_string(),
        "" => lang.text().words.file_kind_other.to_string(),
        e => e.to_string(),
    };
    let kb = size.div_ceil(1024);
    let size = if kb >= 1000 {
        format!("{:.1}MB", size as f64 / 1024.0 / 1024.0)
    } else {
        format!("{kb}KB")
    };
    (kind, size)
}

/// A meeting's page.
pub fn meeting(cx: &SiteContext, year: &Year, m: &Meeting) -> Result<Page, Diagnostic> {
    let report = cx.report;
    let path = paths::meeting(year.year, &m.slug);
    let title = meeting_title(report, m);
    let body_name = report
        .body(&m.body)
        .map(|b| b.name.clone())
        .unwrap_or_else(|| m.body.clone());
    let body_path = paths::body(&m.body);
    let year_path = paths::year(year.year);
    let year_crumb = cx.year_crumb(year.year);
    let view = MeetingView {
        layout: Layout::new(report, &path, &title)
            .crumbs(
                &path,
                &[
                    (year_crumb.as_str(), year_path.as_str()),
                    (body_name.as_str(), body_path.as_str()),
                ],
            )
            .with_toc(Vec::new()),
        body: link(&path, &body_path, body_name.clone()),
        date: cx.fmt.date(m.date),
        date_iso: m.date.iso(),
        time: m.time.as_ref().map(|t| time_words(report.config.lang, t)),
        place: m.place.clone(),
        chair: m.chair.clone(),
        attendees: m.attendees.clone(),
        absent: m.absent.clone(),
        staff: m.staff.clone(),
        open: m.open,
        observers: m
            .observers
            .map(|o| tr!(report.config.lang, words.people, n = o)),
        agenda: m.agenda.clone(),
        materials: m
            .materials
            .iter()
            .map(|x| {
                let (kind, size) = file_label(report.config.lang, &x.file, x.size);
                MaterialView {
                    title: x.title.clone(),
                    href: relative(&path, &x.file),
                    kind,
                    size,
                }
            })
            .collect(),
        minutes_html: cx.render_at(&path, &m.doc.markdown, 3).html,
    };
    Page::new(&path, "meeting.html", &view, &m.doc.file)
}

/// "15:00-15:30" → 「午後3時～午後3時30分」, as minutes write it; other text as written.
pub fn time_words(lang: Lang, t: &str) -> String {
    let w = &lang.text().words;
    let one = |s: &str| -> Option<String> {
        let (h, m) = s.trim().split_once(':')?;
        let h: u32 = h.parse().ok()?;
        let m: u32 = m.parse().ok()?;
        if h > 24 || m > 59 {
            return None;
        }
        let (ampm, h12) = if h < 12 {
            (w.am, h)
        } else {
            (w.pm, if h == 12 { 12 } else { h - 12 })
        };
        // English writes minutes with two digits (3:05 p.m.), Japanese as counted (3時5分).
        let m_text = match lang {
            Lang::Ja => m.to_string(),
            Lang::En => format!("{m:02}"),
        };
        Some(if m == 0 {
            tr!(lang, words.time_hour, ampm = ampm, h = h12)
        } else {
            tr!(lang, words.time_minute, ampm = ampm, h = h12, m = m_text)
        })
    };
    let parts: Vec<&str> = t.split(['-', '~', '～', '〜']).collect();
    match parts.as_slice() {
        [a, b] => match (one(a), one(b)) {
            (Some(a), Some(b)) => tr!(lang, words.time_range, from = a, to = b),
            _ => t.to_string(),
        },
        [a] => one(a).unwrap_or_else(|| t.to_string()),
        _ => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_file_sizes_read_as_city_sites_write_them() {
        assert_eq!(time_words(Lang::Ja, "15:00-15:30"), "午後3時～午後3時30分");
        assert_eq!(time_words(Lang::Ja, "9:30-12:00"), "午前9時30分～午後12時");
        assert_eq!(time_words(Lang::Ja, "終日"), "終日");
        assert_eq!(time_words(Lang::En, "9:05-15:00"), "9:05 a.m. – 3 p.m.");
        assert_eq!(
            file_label(Lang::Ja, "assets/a.pdf", 780_000),
            ("PDF".into(), "762KB".into())
        );
        assert_eq!(file_label(Lang::Ja, "assets/a.xlsx", 2_500_000).1, "2.4MB");
        assert_eq!(file_label(Lang::En, "assets/README", 10).0, "File");
    }
}
