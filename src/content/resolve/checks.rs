//! Checks across files: material paths and glossary marks.

use super::*;

impl Resolver<'_> {
    pub(super) fn check_file_path(&mut self, rel: &str, file: &Spanned<String>) -> Option<u64> {
        let lang = self.lang;
        let (l, c) = pos(&file.referenced);
        let p = file.value.trim();
        let leaves = p.starts_with('/')
            || p.contains(":\\")
            || p.contains("://")
            || Path::new(p)
                .components()
                .any(|c| matches!(c, std::path::Component::ParentDir));
        let m = &lang.text().content;
        if leaves {
            let msg = crate::tr!(lang, content.path_leaves, path = p);
            self.err(rel, l, c, msg, Some(m.path_leaves_hint.into()));
            return None;
        }
        match std::fs::metadata(self.root.join(p)) {
            Ok(meta) if meta.is_file() => Some(meta.len()),
            _ => {
                let msg = crate::tr!(lang, content.file_missing, path = p);
                self.err(rel, l, c, msg, Some(m.file_missing_hint.into()));
                None
            }
        }
    }

    pub(super) fn check_glossary_marks(&mut self, report: &Report) {
        let terms: Vec<&str> = report.glossary.iter().map(|g| g.term.as_str()).collect();
        let mut texts: Vec<(&str, &str, u32)> = Vec::new();
        let docs = std::iter::once(&report.home)
            .chain(report.bodies.iter().map(|b| &b.doc))
            .chain(report.years.iter().flat_map(|y| {
                std::iter::once(&y.narrative)
                    .chain(y.evaluations.iter().map(|e| &e.doc))
                    .chain(y.meetings.iter().map(|m| &m.doc))
                    .chain(y.chapters.iter().map(|c| &c.doc))
            }));
        for d in docs {
            if !d.file.is_empty() {
                texts.push((&d.file, &d.markdown, d.body_line));
            }
        }
        // Plan files: marks in names and descriptions; lines are found in the file text.
        let plan_sources: Vec<(String, String)> = report
            .plans
            .iter()
            .filter_map(|p| {
                self.diags
                    .source(&p.file)
                    .map(|s| (p.file.clone(), s.to_string()))
            })
            .collect();
        for (file, text) in &plan_sources {
            texts.push((file, text, 1));
        }
        for (file, text, first_line) in texts {
            for m in find_marks(text, terms.iter().copied()) {
                if m.term.is_some() {
                    continue;
                }
                let before = &text[..m.start];
                let line = first_line + before.matches('\n').count() as u32;
                let col = before.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
                let lang = self.lang;
                let msg = crate::tr!(lang, content.glossary_missing, term = m.context);
                let hint = match nearest(&m.context, terms.iter().copied()) {
                    Some(n) => {
                        crate::tr!(
                            lang,
                            content.glossary_missing_near,
                            name = n,
                            term = m.context
                        )
                    }
                    None => crate::tr!(lang, content.glossary_missing_hint, term = m.context),
                };
                if self.unknowable.glossary {
                    self.diags.suppress();
                    continue;
                }
                self.err(file, line, col, msg, Some(hint));
            }
        }
    }
}
