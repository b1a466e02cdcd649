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
        if leaves {
            self.err(
                rel,
                l,
                c,
                match lang {
                    Lang::Ja => format!("資料のパス「{p}」がレポートのフォルダの外を指しています"),
                    Lang::En => format!("the path `{p}` leaves the project"),
                },
                Some(
                    lang.pick(
                        "資料は assets/ に置き、assets/2023/shiryo1.pdf のように書いてください",
                        "put the file under assets/ and write assets/…",
                    )
                    .into(),
                ),
            );
            return None;
        }
        match std::fs::metadata(self.root.join(p)) {
            Ok(m) if m.is_file() => Some(m.len()),
            _ => {
                self.err(
                    rel,
                    l,
                    c,
                    match lang {
                        Lang::Ja => format!("資料のファイル「{p}」が見つかりません"),
                        Lang::En => format!("file `{p}` not found"),
                    },
                    Some(
                        lang.pick(
                            "assets/ フォルダにファイルを置き、パスの綴りを確かめてください",
                            "check the path under assets/",
                        )
                        .into(),
                    ),
                );
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
                let msg = match self.lang {
                    Lang::Ja => format!(
                        "「{}＊」の用語が用語解説（glossary.yaml）にありません",
                        m.context
                    ),
                    Lang::En => format!("the marked term `{}＊` has no glossary entry", m.context),
                };
                let hint = match (nearest(&m.context, terms.iter().copied()), self.lang) {
                    (Some(n), Lang::Ja) => format!(
                        "「{n}」の誤りでなければ、glossary.yaml に「{}: 解説」を加えてください",
                        m.context
                    ),
                    (None, Lang::Ja) => format!(
                        "glossary.yaml に「{}: 解説」を加えるか、＊を消してください",
                        m.context
                    ),
                    (Some(n), Lang::En) => {
                        format!("did you mean `{n}`? otherwise add it to glossary.yaml")
                    }
                    (None, Lang::En) => "add the term to glossary.yaml or remove the mark".into(),
                };
                self.err(file, line, col, msg, Some(hint));
            }
        }
    }
}
