//! book.toml: the report's settings, parsed, validated and given their defaults in one step.

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics, Lang, nearest};
use crate::era::{Calendar, EraStyle};
use crate::source::read_text;
use crate::tr;

mod money;
mod published;
mod safety;

pub use money::{Money, MoneyUnit, ShareOf};
pub use published::{GoalRule, default_negative};

/// The settings of a report.
#[derive(Debug, Clone)]
pub struct Config {
    /// Report title (「さくら台市の環境」).
    pub title: String,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// The publisher (「さくら台市」).
    pub organization: String,
    /// お問い合わせ先, lines separated by newlines.
    pub contact: Option<String>,
    /// `language` as written (ja, en).
    pub language: String,
    /// Language of messages and page labels.
    pub lang: Lang,
    /// How years show.
    pub era: EraStyle,
    /// Site address, only for sitemap.xml and canonical links.
    pub base_url: Option<String>,
    /// ご意見 link on every page.
    pub feedback_url: Option<String>,
    /// 全国地方公共団体コード, check digit verified.
    pub code: Option<String>,
    /// 達成率 decimals.
    pub rate_decimals: u32,
    /// Project outcome rate decimals.
    pub project_rate_decimals: u32,
    /// Name of the default grade scale.
    pub default_scale: String,
    /// Every grade scale by name, the built-in `standard` included.
    pub scales: BTreeMap<String, Scale>,
    /// Output folder, relative to the project root.
    pub output: String,
    /// Theme folder name under themes/.
    pub theme: String,
    /// Whether CSV files start with a byte-order mark (Excel needs it to read UTF-8).
    pub csv_bom: bool,
    /// Whether the site gets a 検索 page, its index and the search box in the header.
    pub search: bool,
    /// The sign of a negative figure or a fall (`negative`: △ by default in Japanese).
    pub negative: String,
    /// The sign used instead where `negative` is also a grade mark (`negative_alt`: ▲).
    pub negative_alt: String,
    /// What each status prints as, in [`crate::figure::Status::ALL`] order.
    pub symbols: [String; 5],
    /// How a goal's grade comes from its indicators'.
    pub goal_rule: GoalRule,
    /// The money unit and how money rates and costs round (SPEC §11).
    pub money: Money,
}

/// A grade scale: grades highest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// Its name in book.toml.
    pub name: String,
    /// Highest first; grades without `min` are only given by hand.
    pub grades: Vec<Grade>,
}

/// One grade of a scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    /// A rate at or above this earns the grade; none: only given by hand.
    pub min: Option<Decimal>,
    /// What tables show: A, ◎.
    pub mark: String,
    /// What it means: 達成.
    pub label: String,
}

impl Scale {
    /// The built-in scale of SPEC §3, labelled in the report's language.
    pub fn standard(lang: Lang) -> Scale {
        let labels = lang.text().words.standard_grades;
        let g = |min: Option<i64>, mark: &str, label: &str| Grade {
            min: min.map(Decimal::from),
            mark: mark.into(),
            label: label.into(),
        };
        Scale {
            name: "standard".into(),
            grades: vec![
                g(Some(100), "A", labels[0]),
                g(Some(80), "B", labels[1]),
                g(Some(50), "C", labels[2]),
                g(Some(0), "D", labels[3]),
                g(None, "−", labels[4]),
            ],
        }
    }

    /// The grade a rate earns; rates below every `min` get the lowest.
    pub fn grade_for(&self, rate: Decimal) -> &Grade {
        self.grades
            .iter()
            .find(|g| g.min.is_some_and(|m| rate >= m))
            .unwrap_or_else(|| self.lowest())
    }

    /// The top grade that a rate can earn (for targets met when no rate is defined).
    pub fn highest(&self) -> &Grade {
        self.grades
            .iter()
            .find(|g| g.min.is_some())
            .unwrap_or(&self.grades[0])
    }

    /// The lowest grade that a rate can earn (for targets not met).
    pub fn lowest(&self) -> &Grade {
        self.grades
            .iter()
            .rev()
            .find(|g| g.min.is_some())
            .unwrap_or(&self.grades[0])
    }

    /// The grade with this mark.
    pub fn find(&self, mark: &str) -> Option<&Grade> {
        self.grades.iter().find(|g| g.mark == mark)
    }

    /// The marks, for hints: 「A、B、C、D、−」.
    pub fn marks(&self) -> String {
        self.grades
            .iter()
            .map(|g| g.mark.as_str())
            .collect::<Vec<_>>()
            .join("、")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBook {
    report: RawReport,
    #[serde(default)]
    evaluation: RawEvaluation,
    #[serde(default)]
    build: RawBuild,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    title: String,
    subtitle: Option<String>,
    organization: Option<String>,
    contact: Option<String>,
    language: Option<String>,
    #[serde(default)]
    era: EraStyle,
    base_url: Option<String>,
    feedback_url: Option<String>,
    code: Option<String>,
    negative: Option<String>,
    negative_alt: Option<String>,
    symbols: Option<published::RawSymbols>,
    money_unit: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawEvaluation {
    rate_decimals: u32,
    project_rate_decimals: u32,
    scale: String,
    scales: BTreeMap<String, RawScale>,
    goal_rule: GoalRule,
    money_rate_decimals: Option<u32>,
    per_person_unit: Option<String>,
    cost_decimals: Option<u32>,
    share_of: Option<ShareOf>,
}

impl Default for RawEvaluation {
    fn default() -> Self {
        RawEvaluation {
            rate_decimals: 1,
            project_rate_decimals: 0,
            scale: "standard".into(),
            scales: BTreeMap::new(),
            goal_rule: GoalRule::default(),
            money_rate_decimals: None,
            per_person_unit: None,
            cost_decimals: None,
            share_of: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    grades: Vec<RawGrade>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrade {
    min: Option<toml::Spanned<f64>>,
    mark: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawBuild {
    output: String,
    theme: String,
    csv_bom: bool,
    search: bool,
}

impl Default for RawBuild {
    fn default() -> Self {
        RawBuild {
            output: "public".into(),
            theme: "default".into(),
            csv_bom: true,
            search: true,
        }
    }
}

const FILE: &str = "book.toml";

impl Config {
    /// Reads and validates `book.toml` in `root`; problems come back as diagnostics
    /// (Japanese unless the file itself says otherwise, which it cannot before it parses).
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        Config::read(root).map(|(c, _)| c)
    }

    /// Like [`Config::load`], also returning the file's text for diagnostics' snippets.
    pub fn read(root: &Path) -> Result<(Config, String), Diagnostics> {
        let mut diags = Diagnostics::default();
        let path = root.join(FILE);
        if !path.is_file() {
            let m = &Lang::Ja.text().msg;
            diags.push(Diagnostic::error(FILE, 0, 0, m.no_book).with_hint(m.no_book_hint));
            return Err(diags);
        }
        let text = match read_text(&path, FILE, Lang::Ja) {
            Ok(t) => t,
            Err(d) => {
                diags.push(d);
                return Err(diags);
            }
        };
        diags.add_source(FILE, &text);
        match Config::parse(&text) {
            Ok(c) => match safety::theme_folder_problem(root, &c.theme, c.lang) {
                None => Ok((c, text)),
                Some(msg) => {
                    let (l, col) = locate_key(&text, "theme");
                    diags.push(Diagnostic::error(FILE, l, col, msg).with_hint(c.lang.pick(
                        "themes/ にそのフォルダを作るか、theme = \"default\" にしてください",
                        "create the folder under themes/ or use theme = \"default\"",
                    )));
                    Err(diags)
                }
            },
            Err(ds) => {
                for d in ds {
                    diags.push(d);
                }
                Err(diags)
            }
        }
    }

    /// Parses book.toml text.
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let lang = if text.contains("language = \"en") {
            Lang::En
        } else {
            Lang::Ja
        };
        let raw: RawBook = toml::from_str(text).map_err(|e| vec![toml_error(text, &e, lang)])?;
        let lang = Lang::from_code(raw.report.language.as_deref().unwrap_or("ja"));
        let mut problems = Vec::new();
        let scales = scales(&raw, text, lang, &mut problems);
        value_problems(&raw, text, lang, &mut problems);
        let signs = published::signs(
            published::RawSigns {
                negative: raw.report.negative.as_deref(),
                negative_alt: raw.report.negative_alt.as_deref(),
                symbols: raw.report.symbols.as_ref(),
            },
            text,
            lang,
            &mut problems,
        );
        let money = money::money(
            money::RawMoney {
                money_unit: raw.report.money_unit.as_deref(),
                money_rate_decimals: raw.evaluation.money_rate_decimals,
                per_person_unit: raw.evaluation.per_person_unit.as_deref(),
                cost_decimals: raw.evaluation.cost_decimals,
                share_of: raw.evaluation.share_of,
            },
            text,
            lang,
            &mut problems,
        );
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Config {
            money,
            organization: raw.report.organization.unwrap_or_default(),
            title: raw.report.title,
            subtitle: raw.report.subtitle,
            contact: raw.report.contact,
            language: raw.report.language.unwrap_or_else(|| "ja".into()),
            lang,
            era: raw.report.era,
            base_url: raw.report.base_url.filter(|s| !s.is_empty()),
            feedback_url: raw.report.feedback_url.filter(|s| !s.is_empty()),
            code: raw.report.code,
            rate_decimals: raw.evaluation.rate_decimals,
            project_rate_decimals: raw.evaluation.project_rate_decimals,
            default_scale: raw.evaluation.scale,
            scales,
            output: raw.build.output,
            theme: raw.build.theme,
            csv_bom: raw.build.csv_bom,
            search: raw.build.search,
            negative: signs.negative,
            negative_alt: signs.negative_alt,
            symbols: signs.symbols,
            goal_rule: raw.evaluation.goal_rule,
        })
    }

    /// How the report writes years and dates.
    pub fn calendar(&self) -> Calendar {
        Calendar::new(self.era, self.lang)
    }

    /// The scale with this name (validated names always exist).
    pub fn scale(&self, name: &str) -> &Scale {
        self.scales
            .get(name)
            .unwrap_or_else(|| &self.scales[&self.default_scale])
    }
}

/// The built-in scale and the scales of book.toml; the default scale must be one of them.
fn scales(
    raw: &RawBook,
    text: &str,
    lang: Lang,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Scale> {
    let at = |key: &str| locate_key(text, key);
    let mut scales = BTreeMap::new();
    scales.insert("standard".to_string(), Scale::standard(lang));
    for (name, raw_scale) in &raw.evaluation.scales {
        match build_scale(name, raw_scale, text, lang, problems) {
            Ok(s) => {
                scales.insert(name.clone(), s);
            }
            // An empty message: the problem (a min that is not a number) is already told.
            Err(msg) if msg.is_empty() => {}
            Err(msg) => {
                let (l, c) = at(&format!("scales.{name}"));
                problems.push(Diagnostic::error(FILE, l, c, msg));
            }
        }
    }
    if !scales.contains_key(&raw.evaluation.scale) {
        let (l, c) = at("scale");
        let name = &raw.evaluation.scale;
        problems.push(
            Diagnostic::error(FILE, l, c, tr!(lang, msg.scale_undefined, name = name))
                .with_hint(scale_hint(&scales, name, lang)),
        );
    }
    scales
}

/// Values book.toml may not hold: a wrong local government code, too many decimals, an
/// empty title.
fn value_problems(raw: &RawBook, text: &str, lang: Lang, problems: &mut Vec<Diagnostic>) {
    let at = |key: &str| locate_key(text, key);
    let m = &lang.text().msg;
    if let Some(code) = &raw.report.code
        && let Err(msg) = validate_local_government_code(code, lang)
    {
        let (l, c) = at("code");
        problems.push(Diagnostic::error(FILE, l, c, msg).with_hint(m.code_hint));
    }
    for (key, v) in [
        ("rate_decimals", raw.evaluation.rate_decimals),
        (
            "project_rate_decimals",
            raw.evaluation.project_rate_decimals,
        ),
    ] {
        if v > 4 {
            let (l, c) = at(key);
            problems.push(Diagnostic::error(FILE, l, c, m.decimals_range));
        }
    }
    safety::check_urls(&raw.report, lang, &at, problems);
    if let Err(msg) = safety::check_theme_name(&raw.build.theme, lang) {
        let (l, c) = at("theme");
        problems.push(Diagnostic::error(FILE, l, c, msg).with_hint(lang.pick(
            "themes/ の中のフォルダ名（例: theme = \"shiyakusho\"）か、組み込みの \"default\" を書いてください",
            "name a folder under themes/ (theme = \"mine\") or the built-in \"default\"",
        )));
    }
    if raw.report.title.trim().is_empty() {
        let (l, c) = at("title");
        problems.push(Diagnostic::error(FILE, l, c, m.title_empty));
    }
}

/// A hint naming the defined scales, or the nearest one to a typo.
pub fn scale_hint(scales: &BTreeMap<String, Scale>, name: &str, lang: Lang) -> String {
    let names: Vec<&str> = scales.keys().map(String::as_str).collect();
    let list = names.join(lang.text().msg.list_sep);
    match nearest(name, names.iter().copied()) {
        Some(n) => tr!(lang, msg.did_you_mean_scales, name = n, names = list),
        None => tr!(lang, msg.defined_scales, names = list),
    }
}

fn build_scale(
    name: &str,
    raw: &RawScale,
    text: &str,
    lang: Lang,
    problems: &mut Vec<Diagnostic>,
) -> Result<Scale, String> {
    let mut grades = Vec::new();
    let mut last_min: Option<Decimal> = None;
    for g in &raw.grades {
        let min = match &g.min {
            Some(m) => Some(published::exact_min(m, text, lang, problems).ok_or_else(String::new)?),
            None => None,
        };
        if let Some(min) = min {
            if let Some(prev) = last_min
                && min >= prev
            {
                return Err(tr!(lang, msg.scale_order, name = name, mark = g.mark));
            }
            last_min = Some(min);
        }
        if grades.iter().any(|x: &Grade| x.mark == g.mark) {
            return Err(tr!(lang, msg.scale_twice, name = name, mark = g.mark));
        }
        grades.push(Grade {
            min,
            mark: g.mark.clone(),
            label: g.label.clone(),
        });
    }
    if last_min.is_none() {
        return Err(tr!(lang, msg.scale_no_min, name = name));
    }
    Ok(Scale {
        name: name.into(),
        grades,
    })
}

/// Checks a 全国地方公共団体コード: six digits, the last being the check digit of the first five
/// (weights 6‥2, 11 minus the remainder mod 11, last digit of that).
pub fn validate_local_government_code(code: &str, lang: Lang) -> Result<(), String> {
    let digits: Vec<u32> = code.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 6 || code.chars().count() != 6 {
        return Err(tr!(lang, msg.code_digits, code = code));
    }
    let sum: u32 = digits[..5]
        .iter()
        .zip([6, 5, 4, 3, 2])
        .map(|(d, w)| d * w)
        .sum();
    let check = (11 - sum % 11) % 10;
    if digits[5] != check {
        let expected = format!("{}{check}", &code[..5]);
        return Err(tr!(
            lang,
            msg.code_check_digit,
            code = code,
            expected = expected
        ));
    }
    Ok(())
}

/// Line and column of a key in TOML text, for semantic errors found after parsing.
fn locate_key(text: &str, dotted: &str) -> (u32, u32) {
    let leaf = dotted.rsplit('.').next().unwrap_or(dotted);
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if t.starts_with(&format!("{leaf} ")) || t.starts_with(&format!("{leaf}=")) {
            return (i as u32 + 1, indent as u32 + 1);
        }
        if t.starts_with('[') && t.contains(dotted) {
            return (i as u32 + 1, indent as u32 + 1);
        }
    }
    (1, 1)
}

fn toml_error(text: &str, e: &toml::de::Error, lang: Lang) -> Diagnostic {
    let (line, column) = match e.span() {
        Some(span) => offset_to_line_col(text, span.start),
        None => (0, 0),
    };
    let raw = e.message().to_string();
    let mut d = Diagnostic::error(FILE, line, column, raw.clone());
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        d.message = tr!(lang, msg.book_unknown_key, key = field);
        let hint = match nearest(field, expected.iter().copied()) {
            Some(n) => tr!(lang, msg.did_you_mean, name = n),
            None => tr!(
                lang,
                msg.valid_keys,
                keys = expected.join(lang.text().msg.list_sep)
            ),
        };
        d = d.with_hint(hint);
    } else if let Some(rest) = raw.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        d.message = tr!(lang, msg.missing_key, key = field);
        if field == "title" || field == "report" {
            d = d.with_hint(lang.text().msg.book_title_hint);
        }
    } else {
        d.message = tr!(lang, msg.book_syntax, detail = raw);
    }
    d
}

/// 1-based line and character column of a byte offset.
pub fn offset_to_line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() as u32 + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
    (line, col)
}

#[cfg(test)]
mod tests;
