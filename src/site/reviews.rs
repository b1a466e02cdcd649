//! The layers of a goal's evaluation (1次評価 by the department, 2次評価 by the council …)
//! side by side, as published 行政評価 sheets show them.

use serde::Serialize;

use super::pages::SiteContext;
use super::views::GradeView;
use crate::model::{GoalEvaluation, Plan, Year};

/// One evaluation layer on the page.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewView {
    /// 1次評価, 2次評価 …
    pub layer: String,
    /// Who reviewed.
    pub by: String,
    /// The grade they gave, as the scale shows it.
    pub grade: Option<GradeView>,
    /// What they wrote (HTML).
    pub comment_html: Option<String>,
}

/// The layers of an evaluation, in order.
pub fn review_views(
    cx: &SiteContext,
    plan: &Plan,
    year: &Year,
    e: &GoalEvaluation,
    from: &str,
) -> Vec<ReviewView> {
    let scale = cx.report.scale_for(plan, year);
    e.reviews
        .iter()
        .enumerate()
        .map(|(i, r)| ReviewView {
            layer: crate::tr!(cx.lang(), money.review_layer, n = i + 1),
            by: r.by.clone(),
            grade: r.grade.as_ref().and_then(|mark| {
                let rank = scale.grades.iter().position(|g| &g.mark == mark)?;
                let g = &scale.grades[rank];
                Some(GradeView {
                    mark: g.mark.clone(),
                    label: g.label.clone(),
                    manual: false,
                    class: format!("g{rank}"),
                })
            }),
            comment_html: r.comment.as_ref().map(|c| cx.render(from, c).html),
        })
        .collect()
}
