//! The content-stream interpreter: runs a page's operators and records every
//! visible glyph with its position, size and text.
//!
//! It follows the graphics state (`q`/`Q`, `cm`, fill and stroke colours),
//! the text state (`Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`, `Tr`), text positioning
//! (`BT`, `Td`, `TD`, `Tm`, `T*`) and text showing (`Tj`, `TJ`, `'`, `"`), and
//! enters form XObjects (`Do`). Text drawn in white, in an invisible render
//! mode, at a size under one point or outside the page is not recorded: the
//! hidden template text of SEC letters ("FirstName LastName…") is drawn so.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object};

use super::Glyph;
use super::document::{Page, Rect, resolve, resource, stream_bytes};
use super::font::Font;
use super::matrix::Matrix;

/// The most operators run for one document.
const MAX_OPERATIONS: usize = 2_000_000;
/// The most glyphs recorded for one document.
const MAX_GLYPHS: usize = 1_000_000;
/// How deep form XObjects may nest.
const MAX_FORM_DEPTH: usize = 8;

/// Fonts already read, by the address of their dictionary.
pub type FontCache = HashMap<usize, Rc<Font>>;

/// The graphics state that `q` saves and `Q` restores (text state included).
#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    fill_white: bool,
    stroke_white: bool,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
    render: i64,
}

impl Default for GraphicsState {
    fn default() -> Self {
        GraphicsState {
            ctm: Matrix::IDENTITY,
            fill_white: false,
            stroke_white: false,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            render: 0,
        }
    }
}

/// Runs the pages of one document.
pub struct Interpreter<'a> {
    doc: &'a Document,
    fonts: FontCache,
    operations: usize,
    glyphs: Vec<Glyph>,
    area: Rect,
    page: usize,
    state: GraphicsState,
    stack: Vec<GraphicsState>,
    tm: Matrix,
    tlm: Matrix,
}

impl<'a> Interpreter<'a> {
    /// An interpreter for `doc`.
    pub fn new(doc: &'a Document) -> Self {
        Interpreter {
            doc,
            fonts: FontCache::new(),
            operations: 0,
            glyphs: Vec::new(),
            area: Rect::LETTER,
            page: 0,
            state: GraphicsState::default(),
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
        }
    }

    /// The visible glyphs of page `number` (0-based), in drawing order.
    pub fn run_page(&mut self, page: &Page<'a>, number: usize) -> Vec<Glyph> {
        self.area = page.area;
        self.page = number;
        self.state = GraphicsState::default();
        self.stack.clear();
        if let Ok(content) = Content::decode(&page.content) {
            self.run(&content.operations, &page.resources, 0);
        }
        std::mem::take(&mut self.glyphs)
    }

    /// Runs operators with the given resources.
    fn run(&mut self, operations: &[Operation], resources: &[&'a Dictionary], depth: usize) {
        for op in operations {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                return;
            }
            self.operate(op, resources, depth);
        }
    }

    /// One operator.
    fn operate(&mut self, op: &Operation, resources: &[&'a Dictionary], depth: usize) {
        let n = |i: usize| number(op.operands.get(i));
        match op.operator.as_str() {
            "q" if self.stack.len() < 256 => self.stack.push(self.state.clone()),
            "Q" => {
                if let Some(saved) = self.stack.pop() {
                    self.state = saved;
                }
            }
            "cm" => {
                if let Some(m) = matrix(&op.operands) {
                    self.state.ctm = m.then(&self.state.ctm);
                }
            }
            "g" | "rg" | "k" | "sc" | "scn" => self.state.fill_white = is_white(&op.operands),
            "G" | "RG" | "K" | "SC" | "SCN" => self.state.stroke_white = is_white(&op.operands),
            "cs" => self.state.fill_white = false,
            "CS" => self.state.stroke_white = false,
            "BT" => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            "Tf" => self.set_font(op, resources),
            "Tc" => self.state.char_spacing = n(0).unwrap_or(0.0),
            "Tw" => self.state.word_spacing = n(0).unwrap_or(0.0),
            "Tz" => self.state.h_scale = n(0).unwrap_or(100.0) / 100.0,
            "TL" => self.state.leading = n(0).unwrap_or(0.0),
            "Ts" => self.state.rise = n(0).unwrap_or(0.0),
            "Tr" => {
                self.state.render = op
                    .operands
                    .first()
                    .and_then(|o| o.as_i64().ok())
                    .unwrap_or(0)
            }
            "Td" => self.move_line(n(0).unwrap_or(0.0), n(1).unwrap_or(0.0)),
            "TD" => {
                let ty = n(1).unwrap_or(0.0);
                self.state.leading = -ty;
                self.move_line(n(0).unwrap_or(0.0), ty);
            }
            "Tm" => {
                if let Some(m) = matrix(&op.operands) {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            "T*" => self.next_line(),
            "Tj" => self.show_operand(op.operands.first()),
            "'" => {
                self.next_line();
                self.show_operand(op.operands.first());
            }
            "\"" => {
                self.state.word_spacing = n(0).unwrap_or(0.0);
                self.state.char_spacing = n(1).unwrap_or(0.0);
                self.next_line();
                self.show_operand(op.operands.get(2));
            }
            "TJ" => self.show_array(op.operands.first()),
            "Do" => self.draw_form(op, resources, depth),
            _ => {}
        }
    }

    /// `Tf`: the font by its resource name, read once per document.
    fn set_font(&mut self, op: &Operation, resources: &[&'a Dictionary]) {
        self.state.size = number(op.operands.get(1)).unwrap_or(0.0);
        let key = op.operands.first().and_then(|o| o.as_name().ok());
        let dict = key
            .and_then(|k| resource(self.doc, resources, b"Font", k))
            .and_then(|o| resolve(self.doc, Some(o)))
            .and_then(|o| o.as_dict().ok());
        self.state.font = dict.map(|d| {
            let address = std::ptr::from_ref(d) as usize;
            let doc = self.doc;
            Rc::clone(
                self.fonts
                    .entry(address)
                    .or_insert_with(|| Rc::new(Font::load(doc, d))),
            )
        });
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.tlm = Matrix::translate(tx, ty).then(&self.tlm);
        self.tm = self.tlm;
    }

    fn next_line(&mut self) {
        let leading = self.state.leading;
        self.move_line(0.0, -leading);
    }

    fn show_operand(&mut self, operand: Option<&Object>) {
        if let Some(Object::String(bytes, _)) = operand {
            self.show(bytes);
        }
    }

    /// `TJ`: strings, and numbers that move the next glyph back (thousandths of an em).
    fn show_array(&mut self, operand: Option<&Object>) {
        let Some(Object::Array(items)) = operand else {
            return;
        };
        for item in items {
            match item {
                Object::String(bytes, _) => self.show(bytes),
                other => {
                    if let Some(adjust) = number(Some(other)) {
                        let s = &self.state;
                        let tx = -adjust / 1000.0 * s.size * s.h_scale;
                        self.tm = Matrix::translate(tx, 0.0).then(&self.tm);
                    }
                }
            }
        }
    }

    /// Shows a string: one glyph per code, each advancing the text matrix.
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.state.font.clone() else {
            return;
        };
        let mut rest = bytes;
        while !rest.is_empty() {
            let (code, len) = font.next_code(rest);
            rest = rest.get(len..).unwrap_or_default();
            let s = &self.state;
            let w0 = font.width(code);
            let space = if font.is_word_space(code, len) {
                s.word_spacing
            } else {
                0.0
            };
            let advance = (w0 * s.size + s.char_spacing + space) * s.h_scale;
            let placed = self.tm.then(&s.ctm);
            let (x, y) = placed.apply(0.0, s.rise);
            let (x_end, _) = placed.apply(w0 * s.size * s.h_scale, s.rise);
            let size = s.size.abs() * placed.vertical_scale();
            if self.is_visible(x, y, size) && self.glyphs.len() < MAX_GLYPHS {
                let text = font.text(code);
                if !text.is_empty() {
                    self.glyphs.push(Glyph {
                        text,
                        x,
                        y,
                        width: (x_end - x).max(0.0),
                        size,
                        page: self.page,
                    });
                }
            }
            self.tm = Matrix::translate(advance, 0.0).then(&self.tm);
        }
    }

    /// Whether a glyph at (x, y) of this size would be seen on paper.
    fn is_visible(&self, x: f32, y: f32, size: f32) -> bool {
        let s = &self.state;
        let painted = match s.render {
            3 | 7 => false,
            1 | 5 => !s.stroke_white,
            _ => !s.fill_white,
        };
        painted && size >= 1.0 && size.is_finite() && self.area.contains(x, y, 1.0)
    }

    /// `Do` of a form XObject: its content runs with its matrix and resources.
    fn draw_form(&mut self, op: &Operation, resources: &[&'a Dictionary], depth: usize) {
        if depth >= MAX_FORM_DEPTH {
            return;
        }
        let doc = self.doc;
        let Some(object) = op
            .operands
            .first()
            .and_then(|o| o.as_name().ok())
            .and_then(|k| resource(doc, resources, b"XObject", k))
        else {
            return;
        };
        let Some(stream) = resolve(doc, Some(object)).and_then(|o| o.as_stream().ok()) else {
            return;
        };
        let is_form = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Form");
        let Some(content) = is_form
            .then(|| stream_bytes(doc, object))
            .flatten()
            .and_then(|bytes| Content::decode(&bytes).ok())
        else {
            return;
        };
        let mut inner: Vec<&'a Dictionary> = resolve(doc, stream.dict.get(b"Resources").ok())
            .and_then(|o| o.as_dict().ok())
            .into_iter()
            .collect();
        inner.extend(resources.iter().copied());
        let saved = self.state.clone();
        if let Some(m) = resolve(doc, stream.dict.get(b"Matrix").ok())
            .and_then(|o| o.as_array().ok())
            .and_then(|a| matrix(a))
        {
            self.state.ctm = m.then(&self.state.ctm);
        }
        let (tm, tlm) = (self.tm, self.tlm);
        self.run(&content.operations, &inner, depth + 1);
        self.state = saved;
        self.tm = tm;
        self.tlm = tlm;
    }
}

/// A finite number operand.
fn number(object: Option<&Object>) -> Option<f32> {
    object
        .and_then(|o| o.as_float().ok())
        .filter(|f| f.is_finite())
}

/// Six number operands as a matrix.
fn matrix(operands: &[Object]) -> Option<Matrix> {
    let n: Vec<f32> = operands.iter().filter_map(|o| number(Some(o))).collect();
    match n[..] {
        [a, b, c, d, e, f] => Some(Matrix::new(a, b, c, d, e, f)),
        _ => None,
    }
}

/// Whether colour operands set white: gray 1, RGB 1 1 1 or CMYK 0 0 0 0.
fn is_white(operands: &[Object]) -> bool {
    let n: Vec<f32> = operands.iter().filter_map(|o| number(Some(o))).collect();
    match n[..] {
        [gray] => gray >= 0.99,
        [r, g, b] => r >= 0.99 && g >= 0.99 && b >= 0.99,
        [c, m, y, k] => c <= 0.01 && m <= 0.01 && y <= 0.01 && k <= 0.01,
        _ => false,
    }
}
