//! The seam between plotters and nenpo's SVG: plotters lays out the axes, grid, ticks and
//! series and calls this backend once per shape; each shape becomes one SVG element written
//! with the shared primitives ([`crate::svg`]), carrying the [`Mark`] of what it shows (its
//! class, a dash pattern, a pattern fill) — things a plotters style cannot say.
//!
//! The chart code says what it is about to draw through a [`Pen`] shared with the backend:
//! `pen.draw(Mark::shapes("target-line").extra(DASHED), || chart.draw_series(…))`.

use std::cell::RefCell;
use std::convert::Infallible;
use std::fmt::Write as _;
use std::rc::Rc;

use plotters::backend::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};

use crate::svg::{esc, num};

/// How the next shapes are marked.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Mark {
    /// Class of the shapes (lines, rectangles, circles, polygons).
    shapes: &'static str,
    /// Class of the texts (plotters' tick labels).
    texts: &'static str,
    /// Attributes written after a shape's own (` stroke-dasharray="7 4"`).
    extra: &'static str,
    /// A fill that replaces a filled shape's colour (`url(#…-hatch)`).
    fill: Option<String>,
}

impl Mark {
    /// Shapes of class `class`.
    pub fn shapes(class: &'static str) -> Mark {
        Mark {
            shapes: class,
            ..Mark::default()
        }
    }

    /// Texts of class `class`; shapes unmarked.
    pub fn texts(class: &'static str) -> Mark {
        Mark {
            texts: class,
            ..Mark::default()
        }
    }

    /// With `attrs` written after each shape's own attributes (they start with a space).
    pub fn extra(mut self, attrs: &'static str) -> Mark {
        self.extra = attrs;
        self
    }

    /// Filled shapes painted with `fill` instead of their colour.
    pub fn fill(mut self, fill: String) -> Mark {
        self.fill = Some(fill);
        self
    }
}

/// The chart code's handle on the [`Mark`] the backend applies.
#[derive(Debug, Clone, Default)]
pub(crate) struct Pen(Rc<RefCell<Mark>>);

impl Pen {
    /// Runs `f` with shapes marked by `mark`, then goes back to unmarked shapes.
    pub fn draw<T>(&self, mark: Mark, f: impl FnOnce() -> T) -> T {
        *self.0.borrow_mut() = mark;
        let out = f();
        *self.0.borrow_mut() = Mark::default();
        out
    }
}

/// A plotters backend writing SVG elements, one per line, into a string.
pub(crate) struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
    pen: Pen,
}

impl<'a> SvgBackend<'a> {
    /// Draws a `size` canvas into `out`, marking shapes as `pen` says.
    pub fn new(out: &'a mut String, size: (u32, u32), pen: &Pen) -> SvgBackend<'a> {
        SvgBackend {
            out,
            size,
            pen: pen.clone(),
        }
    }

    /// Ends a shape: the mark's class and attributes, then `/>`.
    fn close(&mut self) {
        let mark = self.pen.0.borrow();
        if !mark.shapes.is_empty() {
            let _ = write!(self.out, " class=\"{}\"", mark.shapes);
        }
        self.out.push_str(mark.extra);
        self.out.push_str("/>\n");
    }

    /// The fill of a filled shape: the mark's pattern or the colour.
    fn fill_of(&self, color: BackendColor) -> String {
        self.pen
            .0
            .borrow()
            .fill
            .clone()
            .unwrap_or_else(|| hex(color))
    }
}

/// `#RRGGBB`, upper case.
fn hex(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// `x,y x,y …` of whole-pixel points.
fn int_points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut out = String::new();
    for (i, (x, y)) in path.into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{x},{y}");
    }
    out
}

/// plotters' pixel coordinates are whole numbers.
fn coord(v: i32) -> String {
    v.to_string()
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_rect(p, (p.0 + 1, p.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"",
            coord(from.0),
            coord(from.1),
            coord(to.0),
            coord(to.1),
            hex(style.color()),
            style.stroke_width()
        );
        self.close();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (fill, stroke) = if fill {
            (self.fill_of(style.color()), "none".to_string())
        } else {
            ("none".to_string(), hex(style.color()))
        };
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\"",
            coord(upper_left.0),
            coord(upper_left.1),
            coord(bottom_right.0 - upper_left.0),
            coord(bottom_right.1 - upper_left.1),
        );
        self.close();
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let pts = int_points(path);
        let _ = write!(
            self.out,
            "<polyline points=\"{pts}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
            hex(style.color()),
            style.stroke_width()
        );
        self.close();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let pts = int_points(path);
        let fill = self.fill_of(style.color());
        let _ = write!(self.out, "<polygon points=\"{pts}\" fill=\"{fill}\"");
        self.close();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (fill, stroke) = if fill {
            (self.fill_of(style.color()), "none".to_string())
        } else {
            ("none".to_string(), hex(style.color()))
        };
        let _ = write!(
            self.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{radius}\" fill=\"{fill}\" stroke=\"{stroke}\"",
            coord(center.0),
            coord(center.1),
        );
        if stroke != "none" {
            let _ = write!(self.out, " stroke-width=\"{}\"", style.stroke_width());
        }
        self.close();
        Ok(())
    }

    /// Text at the font size plotters was given, in the root's font (no family of its own).
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "",
            HPos::Center => " text-anchor=\"middle\"",
            HPos::Right => " text-anchor=\"end\"",
        };
        // Where the anchor point sits on the text: its top, middle or bottom.
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" dy=\"{dy}\"{anchor} font-size=\"{}\" fill=\"{}\"",
            coord(pos.0),
            coord(pos.1),
            num(style.size()),
            hex(style.color()),
        );
        if matches!(style.style(), FontStyle::Bold) {
            self.out.push_str(" font-weight=\"bold\"");
        }
        let class = self.pen.0.borrow().texts;
        if !class.is_empty() {
            let _ = write!(self.out, " class=\"{class}\"");
        }
        let _ = writeln!(self.out, ">{}</text>", esc(text));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Mark, Pen, SvgBackend};
    use plotters::prelude::*;

    #[test]
    fn shapes_carry_the_mark_they_were_drawn_with() {
        let mut out = String::new();
        let pen = Pen::default();
        {
            let root = SvgBackend::new(&mut out, (100, 50), &pen).into_drawing_area();
            root.fill(&WHITE).unwrap();
            pen.draw(
                Mark::shapes("target-line").extra(" stroke-dasharray=\"7 4\""),
                || root.draw(&PathElement::new([(0, 10), (50, 20)], RED.stroke_width(2))),
            )
            .unwrap();
            pen.draw(
                Mark::shapes("budget-bar").fill("url(#b-hatch)".into()),
                || root.draw(&Rectangle::new([(1, 2), (11, 7)], BLUE.filled())),
            )
            .unwrap();
            pen.draw(Mark::texts("tick-label"), || {
                root.draw(&Text::new("R5 <&>", (5, 40), ("sans-serif", 13.0)))
            })
            .unwrap();
            root.draw(&Circle::new((3, 4), 5, BLUE.filled())).unwrap();
        }
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "<rect x=\"0\" y=\"0\" width=\"100\" height=\"50\" fill=\"#FFFFFF\" stroke=\"none\"/>",
                "<polyline points=\"0,10 50,20\" fill=\"none\" stroke=\"#FF0000\" stroke-width=\"2\" class=\"target-line\" stroke-dasharray=\"7 4\"/>",
                "<rect x=\"1\" y=\"2\" width=\"10\" height=\"5\" fill=\"url(#b-hatch)\" stroke=\"none\" class=\"budget-bar\"/>",
                "<text x=\"5\" y=\"40\" dy=\"0.76em\" font-size=\"13\" fill=\"#000000\" class=\"tick-label\">R5 &lt;&amp;&gt;</text>",
                "<circle cx=\"3\" cy=\"4\" r=\"5\" fill=\"#0000FF\" stroke=\"none\"/>",
            ]
        );
    }
}
