//! Shared helpers: palette, wrapping of Japanese labels, number formatting, the overlay of hand-placed elements, and the assembly of the final accessible
//! SVG around what plotters drew (through [`super::backend`]).

use plotters::style::RGBColor;
use std::fmt::Write as _;

use super::Fit;

pub(crate) use super::axis::{Axis, nice_step, ticks};
pub(crate) use super::backend::{Mark, Pen, SvgBackend};
use crate::i18n::Lang;
pub(crate) use crate::svg::{char_em, esc, num, text_width};

/// Dark blue of actual values (8:1 against white).
pub(crate) const BLUE: &str = "#1A4480";
/// Dark orange of targets (4.6:1 against white, lighter than [`BLUE`] in grayscale).
pub(crate) const ORANGE: &str = "#B85000";
/// Body text, the 100 % mark (16:1).
pub(crate) const TEXT: &str = "#222222";
/// Secondary text, axes, the baseline (7.5:1).
pub(crate) const MUTED: &str = "#555555";

/// The palette as plotters colours (checked against the hex spellings in the tests).
pub(crate) const BLUE_RGB: RGBColor = RGBColor(0x1A, 0x44, 0x80);
pub(crate) const ORANGE_RGB: RGBColor = RGBColor(0xB8, 0x50, 0x00);
pub(crate) const TEXT_RGB: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub(crate) const MUTED_RGB: RGBColor = RGBColor(0x55, 0x55, 0x55);
/// Tick labels (12.6:1).
pub(crate) const TICK_RGB: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// Grid lines.
pub(crate) const GRID_RGB: RGBColor = RGBColor(0xD9, 0xD9, 0xD9);

/// `s` cut to fit `max_w` pixels at `px`, ending in `…` when cut.
pub(crate) fn truncate(s: &str, px: f64, max_w: f64) -> String {
    if text_width(s, px) <= max_w {
        return s.to_string();
    }
    let budget = max_w - char_em('…') * px;
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        w += char_em(c) * px;
        if w > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Characters that must not start a line (行頭禁則).
fn no_line_start(c: char) -> bool {
    "、。，．・：；？！」』）〕］｝〉》ー…々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ,.)]%"
        .contains(c)
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30a1}'..='\u{30fa}' | 'ー' | '\u{ff66}'..='\u{ff9f}')
}

/// May a line break fall between `a` and `b`? Not inside a katakana word or an ASCII
/// word, not before closing punctuation, not after an opening bracket.
fn break_allowed(a: char, b: char) -> bool {
    let same_word = (is_katakana(a) && is_katakana(b))
        || (a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric());
    !same_word && !no_line_start(b) && !"「『（〔［｛〈《【(".contains(a)
}

/// `s` wrapped to lines of at most `max_w` pixels at `px`, at most `max_lines` lines;
/// the last line ends in `…` when text is left over. Lines break where
/// [`break_allowed`] says so where possible, and are balanced (no lone character on the
/// last line).
pub(crate) fn wrap(s: &str, px: f64, max_w: f64, max_lines: usize) -> Vec<String> {
    let (lines, _) = wrap_greedy(s, px, max_w, max_lines);
    if lines.len() < 2 || lines.last().is_some_and(|l| l.ends_with('…')) {
        return lines;
    }
    // Balance the lines: the narrowest width that needs no more lines, preferring one
    // where every break falls where breaks are allowed.
    let k = lines.len();
    let mut fallback = None;
    let mut w = (text_width(s, px) / k as f64).max(px);
    while w < max_w {
        let (tried, forced) = wrap_greedy(s, px, w, k + 1);
        if tried.len() == k {
            if !forced {
                return tried;
            }
            fallback.get_or_insert(tried);
        }
        w += px / 2.0;
    }
    match wrap_greedy(s, px, max_w, max_lines) {
        (lines, false) => lines,
        (lines, true) => fallback.unwrap_or(lines),
    }
}

/// Greedy wrapping; also says whether a break had to fall where none is allowed.
fn wrap_greedy(s: &str, px: f64, max_w: f64, max_lines: usize) -> (Vec<String>, bool) {
    let chars: Vec<char> = s.chars().collect();
    let mut forced = false;
    let mut lines: Vec<String> = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        if lines.len() + 1 == max_lines {
            let rest: String = chars[start..].iter().collect();
            lines.push(truncate(&rest, px, max_w));
            return (lines, forced);
        }
        let mut w = 0.0;
        let mut end = start;
        while end < chars.len() {
            let cw = char_em(chars[end]) * px;
            if w + cw > max_w && end > start {
                break;
            }
            w += cw;
            end += 1;
        }
        if end < chars.len() {
            // Back up to the last break allowed by the rules below, unless that leaves
            // less than a third of the line; then break where the line is full.
            let min_end = start + (end - start).div_ceil(3);
            if let Some(b) = (min_end.max(start + 1)..=end)
                .rev()
                .find(|&b| break_allowed(chars[b - 1], chars[b]))
            {
                end = b;
            } else {
                forced = true;
            }
        }
        lines.push(chars[start..end].iter().collect());
        start = end;
    }
    (lines, forced)
}

/// `v` rounded half away from zero to `decimals`, with thousands separators: `1,057`,
/// `95.5`, `0.50`.
pub(crate) fn fmt_num(v: f64, decimals: u32) -> String {
    let p = 10f64.powi(decimals as i32);
    let r = (v.abs() * p * (1.0 + 1e-12)).round() / p;
    let s = format!("{:.*}", decimals as usize, r);
    let (int, frac) = match s.find('.') {
        Some(i) => (&s[..i], &s[i..]),
        None => (&s[..], ""),
    };
    let mut out = String::with_capacity(s.len() + 4);
    if v < 0.0 && r != 0.0 {
        out.push('-');
    }
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out.push_str(frac);
    out
}

/// The caller's id made safe for an XML id (`c-` first when it starts with a digit).
pub(crate) fn sanitize_id(id: &str) -> String {
    crate::xml_id::xml_id(id, "c-")
}

/// Hand-placed elements drawn over plotters' output, in order.
#[derive(Default)]
pub(crate) struct Overlay {
    pub buf: String,
    /// The page's language: an editor's Japanese in another language's chart is marked.
    pub lang: Lang,
}

impl Overlay {
    /// An empty overlay for a chart in `lang`.
    pub fn new(lang: Lang) -> Overlay {
        Overlay {
            buf: String::new(),
            lang,
        }
    }
}

/// Text placement for [`Overlay::text`].
#[derive(Clone, Copy)]
pub(crate) struct Text<'a> {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub anchor: &'a str,
    pub fill: &'a str,
    pub class: &'a str,
    pub bold: bool,
    /// White outline so the text stays legible over lines.
    pub halo: bool,
    /// Holds an editor's text (a name, a unit), whose Japanese is marked on English pages.
    pub editor: bool,
}

impl Text<'_> {
    pub fn at(x: f64, y: f64, size: f64) -> Text<'static> {
        Text {
            x,
            y,
            size,
            anchor: "start",
            fill: TEXT,
            class: "",
            bold: false,
            halo: false,
            editor: false,
        }
    }
}

impl<'a> Text<'a> {
    pub fn anchor(mut self, a: &'a str) -> Self {
        self.anchor = a;
        self
    }
    pub fn fill(mut self, f: &'a str) -> Self {
        self.fill = f;
        self
    }
    pub fn class(mut self, c: &'a str) -> Self {
        self.class = c;
        self
    }
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    pub fn halo(mut self) -> Self {
        self.halo = true;
        self
    }
    pub fn editor(mut self) -> Self {
        self.editor = true;
        self
    }
}

impl Overlay {
    /// A `<text>` with its baseline at `t.y`.
    pub fn text(&mut self, t: Text<'_>, content: &str) {
        let b = &mut self.buf;
        let _ = write!(
            b,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"",
            num(t.x),
            num(t.y),
            num(t.size)
        );
        if t.anchor != "start" {
            let _ = write!(b, " text-anchor=\"{}\"", t.anchor);
        }
        if t.bold {
            b.push_str(" font-weight=\"bold\"");
        }
        let _ = write!(b, " fill=\"{}\"", t.fill);
        if t.halo {
            b.push_str(
                " stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
            );
        }
        if !t.class.is_empty() {
            let _ = write!(b, " class=\"{}\"", t.class);
        }
        let body = if t.editor {
            crate::svg::esc_editor(content, self.lang)
        } else {
            esc(content)
        };
        let _ = writeln!(b, ">{body}</text>");
    }

    /// Raw markup (legend swatches and the like).
    pub fn raw(&mut self, s: &str) {
        self.buf.push_str(s);
        self.buf.push('\n');
    }
}

/// Font size of chart titles: the page's body size. Every chart is drawn at most 1 SVG unit
/// per CSS pixel (see [`super::ChartSvg`]), so these sizes are what a reader sees on a
/// desktop, and at least 96 % of it on a phone.
pub(crate) const TITLE_PX: f64 = 16.0;
/// Font size of legends and row labels, as the page's tables (0.875 rem).
pub(crate) const LABEL_PX: f64 = 14.0;
/// Font size of tick labels, units, notes and value labels: the smallest text of a chart.
pub(crate) const SMALL_PX: f64 = 13.0;
/// Side padding of every chart.
pub(crate) const PAD: f64 = 10.0;

/// The chart's visible title, bold, wrapped to two lines (then `…`); returns the y below.
pub(crate) fn title_block(o: &mut Overlay, title: &str, width: f64) -> f64 {
    let mut y = 8.0;
    for line in wrap(title, TITLE_PX, width - 2.0 * PAD, 2) {
        y += 22.0;
        o.text(
            Text::at(PAD, y - 4.0, TITLE_PX)
                .bold()
                .class("chart-title")
                .editor(),
            &line,
        );
    }
    y
}

/// Font size and line height of row labels in bar charts.
pub(crate) const ROW_LABEL_PX: f64 = LABEL_PX;
const ROW_LINE_H: f64 = 19.0;

/// One row of a horizontal bar chart: its label (one or two lines) above its bars.
pub(crate) struct Row {
    /// Baseline of the first label line, from the top of the plot.
    pub label_y: f64,
    pub lines: Vec<String>,
    /// Top of the bars, from the top of the plot.
    pub bar_top: f64,
}

/// Lays out rows of `bars_h` pixels of bars under labels wrapped to `label_w`; returns
/// the rows and the height they take.
pub(crate) fn bar_rows<'a>(
    labels: impl Iterator<Item = &'a str>,
    label_w: f64,
    bars_h: f64,
) -> (Vec<Row>, f64) {
    let mut y = 6.0;
    let mut rows = Vec::new();
    for label in labels {
        let lines = wrap(label, ROW_LABEL_PX, label_w, 2);
        let label_y = y + ROW_LABEL_PX;
        let bar_top = y + lines.len().max(1) as f64 * ROW_LINE_H + 3.0;
        y = bar_top + bars_h + 12.0;
        rows.push(Row {
            label_y,
            lines,
            bar_top,
        });
    }
    (rows, y.ceil())
}

impl Overlay {
    /// A row's label lines, left-aligned at `x`, the first baseline at `y`.
    pub fn row_label(&mut self, x: f64, y: f64, lines: &[String]) {
        for (i, line) in lines.iter().enumerate() {
            self.text(
                Text::at(x, y + i as f64 * ROW_LINE_H, ROW_LABEL_PX)
                    .halo()
                    .class("row-label")
                    .editor(),
                line,
            );
        }
    }
}

/// A chart's size, and the height of the hand-laid header above the plot.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Canvas {
    pub w: u32,
    pub h: u32,
    pub top: u32,
}

/// The chart's element ids for `fit`: the caller's id made safe, with the fit's suffix.
pub(crate) fn chart_id(id: &str, fit: Fit) -> String {
    format!("{}{}", sanitize_id(id), fit.class_and_suffix().1)
}

/// What [`finish`] needs besides what plotters drew.
pub(crate) struct Frame<'a> {
    /// Sanitised id, with the fit's suffix ([`chart_id`]).
    pub id: &'a str,
    /// `trend`, `goal-summary`, `budgets`: the root gets class `nenpo-chart nenpo-{kind}`
    /// and the fit's class.
    pub kind: &'a str,
    pub fit: Fit,
    pub width: u32,
    pub height: u32,
    pub title: &'a str,
    pub desc: &'a str,
    /// Content of `<defs>` (patterns), may be empty.
    pub defs: &'a str,
    /// The language of the chart's own words.
    pub lang: Lang,
}

/// Assembles the final SVG: the root (viewBox and a max-width of its own width, role,
/// labels, font stack), `<title>`,
/// `<desc>`, `<defs>`, the shapes plotters drew (`plot`, from [`SvgBackend`]) and the
/// overlay on top.
pub(crate) fn finish(plot: &str, f: &Frame<'_>, overlay: &Overlay) -> String {
    let mut out = String::with_capacity(plot.len() + overlay.buf.len() + 1024);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" class=\"nenpo-chart nenpo-{kind} {fit}\" \
         style=\"max-width:{w}px\" font-family=\"{font}\">",
        w = f.width,
        h = f.height,
        id = f.id,
        kind = f.kind,
        fit = f.fit.class_and_suffix().0,
        font = crate::svg::FONT_FAMILY,
    );
    let _ = writeln!(out, "<title id=\"{}-title\">{}</title>", f.id, esc(f.title));
    let _ = writeln!(out, "<desc id=\"{}-desc\">{}</desc>", f.id, esc(f.desc));
    if !f.defs.is_empty() {
        let _ = writeln!(out, "<defs>{}</defs>", f.defs);
    }
    out.push_str(plot);
    out.push_str(&overlay.buf);
    out.push_str("</svg>\n");
    out
}

/// The chart when plotters reports an error (it cannot when drawing to a string, but a
/// report build must not panic): the frame with its title, description and a note.
pub(crate) fn fallback(f: &Frame<'_>) -> String {
    let mut o = Overlay::new(f.lang);
    o.text(
        Text::at(f.width as f64 / 2.0, f.height as f64 / 2.0, 14.0).anchor("middle"),
        f.lang.text().chart.fallback,
    );
    finish("", f, &o)
}

/// A legend of swatches (`(name, fill, outline)`) from `PAD`, wrapping before the unit line
/// written at the right; from baseline `y`, returns the last baseline. Bar charts share it.
pub(crate) fn swatch_legend(
    o: &mut Overlay,
    w: u32,
    mut y: f64,
    items: &[(&str, &str, &str)],
    unit_line: &str,
) -> f64 {
    let w = w as f64;
    let unit_w = text_width(unit_line, SMALL_PX);
    let mut x = PAD;
    for (label, fill, stroke) in items {
        let label = truncate(label, LABEL_PX, w - 2.0 * PAD - 28.0);
        let item_w = 28.0 + text_width(&label, LABEL_PX);
        if x > PAD && x + item_w > w - PAD - unit_w - 12.0 {
            x = PAD;
            y += 21.0;
        }
        o.raw(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"14\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\" class=\"legend-swatch\"/>",
            num(x),
            num(y - 12.0)
        ));
        o.text(Text::at(x + 28.0, y, LABEL_PX).class("legend"), &label);
        x += item_w + 18.0;
    }
    o.text(
        Text::at(w - PAD, y, SMALL_PX)
            .anchor("end")
            .fill(MUTED)
            .class("unit"),
        unit_line,
    );
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let ch = |i: usize| {
            let v = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5)
    }

    fn contrast_on_white(hex: &str) -> f64 {
        1.05 / (luminance(hex) + 0.05)
    }

    #[test]
    fn palette_contrast_against_white() {
        for text in [BLUE, ORANGE, TEXT, MUTED, "#333333"] {
            assert!(contrast_on_white(text) >= 4.5, "{text}");
        }
        // Blue and orange differ in lightness, so they stay apart in grayscale.
        assert!(luminance(ORANGE) > 1.5 * luminance(BLUE));
    }

    #[test]
    fn plotters_colours_match_their_hex() {
        for (rgb, hex) in [
            (BLUE_RGB, BLUE),
            (ORANGE_RGB, ORANGE),
            (TEXT_RGB, TEXT),
            (MUTED_RGB, MUTED),
            (TICK_RGB, "#333333"),
            (GRID_RGB, "#D9D9D9"),
        ] {
            let RGBColor(r, g, b) = rgb;
            assert_eq!(format!("#{r:02X}{g:02X}{b:02X}"), hex);
        }
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(fmt_num(1057.0, 0), "1,057");
        assert_eq!(fmt_num(1234567.891, 1), "1,234,567.9");
        assert_eq!(fmt_num(95.45, 1), "95.5");
        assert_eq!(fmt_num(0.5, 2), "0.50");
        assert_eq!(fmt_num(-1500.0, 0), "-1,500");
        assert_eq!(fmt_num(-0.01, 1), "0.0");
    }

    #[test]
    fn wraps_and_truncates_japanese() {
        let s = "「緑地保全制度」による保全指定面積と市民参加による緑化推進活動の年間延べ参加者数";
        let lines = wrap(s, 10.0, 100.0, 2);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].chars().count(), 10);
        assert!(lines[1].ends_with('…'));
        assert!(text_width(&lines[1], 10.0) <= 100.0);
        // Closing punctuation never starts a line.
        let lines = wrap("あいうえおかきくけ」こさしすせそ", 10.0, 90.0, 3);
        assert_eq!(lines[0], "あいうえおかきく");
        assert_eq!(lines[1], "け」こさしすせそ");
        // Katakana words stay whole; lines are balanced.
        let lines = wrap("新規：ゼロカーボンシティ推進事業", 10.0, 140.0, 2);
        assert_eq!(lines, vec!["新規：ゼロカーボンシティ", "推進事業"]);
        let lines = wrap("ごみ減量・リサイクル推進事業", 10.0, 130.0, 2);
        assert_eq!(lines, vec!["ごみ減量・", "リサイクル推進事業"]);
        // A short ASCII word moves whole.
        let lines = wrap("あいうえおかきくCO2排出量", 10.0, 90.0, 3);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].contains("CO2"), "{lines:?}");
        assert_eq!(wrap("短い", 10.0, 100.0, 2), vec!["短い".to_string()]);
        assert_eq!(truncate("短い", 10.0, 100.0), "短い");
    }

    #[test]
    fn sanitizes_ids() {
        assert_eq!(sanitize_id("ryokuchi-hozen"), "ryokuchi-hozen");
        assert_eq!(sanitize_id("1 goal/x"), "c-1-goal-x");
    }
}
