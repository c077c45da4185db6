//! Writes small staff-letter PDFs the way EDGAR's letters are drawn, so the PDF
//! reader is tested on every feature real letters have without shipping them:
//! standard fonts named without widths (iText), a Type 0 font with a
//! `/ToUnicode` map for curly quotes (Word), a TrueType font whose
//! `/Differences` name a ligature, Symbol-font bullets, superscripts, white
//! template text and an invisible logo caption, running headers, page
//! numbers, comment numbers drawn after their paragraph, words spaced by `TJ`
//! offsets, a glyph drawn twice (fake bold) and text inside a form XObject.
//!
//! Line breaks are given, not computed: each line is drawn where the test says.

use lopdf::{Dictionary, Document, Object, Stream, dictionary};
use respond::import::pdf::encoding::winansi_code;

/// Baseline distance of single-spaced 12 pt text.
pub const LEADING: f32 = 13.8;
/// Left margin.
pub const LEFT: f32 = 72.0;
/// Where the body of a page starts.
const TOP: f32 = 720.0;
/// Below this the page is full.
const BOTTOM: f32 = 80.0;

/// How the pages after the first are headed.
#[derive(Clone, Default)]
pub struct PageStyle {
    /// Lines of the running header above "Page N" (addressee, company, date).
    pub header: Vec<String>,
    /// White template text under the header, as SEC letters carry.
    pub template: Vec<String>,
    /// A bare page number at the foot of every page.
    pub page_numbers: bool,
}

/// A letter being drawn.
pub struct LetterPdf {
    style: PageStyle,
    pages: Vec<String>,
    forms: Vec<String>,
    y: f32,
}

impl LetterPdf {
    /// An empty letter; the first page carries the SEC logo's invisible caption.
    pub fn new(style: PageStyle) -> Self {
        let mut pdf = LetterPdf {
            style,
            pages: vec![String::new()],
            forms: Vec::new(),
            y: TOP,
        };
        pdf.raw("BT 3 Tr /F1 9 Tf 72 760 Td <", "");
        let caption = hex_winansi("United States securities and exchange commission logo");
        pdf.raw(&caption, "> Tj 0 Tr ET\n");
        pdf
    }

    fn page(&mut self) -> &mut String {
        self.pages.last_mut().expect("a page")
    }

    fn raw(&mut self, a: &str, b: &str) {
        let page = self.page();
        page.push_str(a);
        page.push_str(b);
    }

    /// Leaves `lines` blank lines.
    pub fn blank(&mut self, lines: f32) {
        self.y -= LEADING * lines;
    }

    /// Starts a new page (with the running header).
    pub fn page_break(&mut self) {
        if self.style.page_numbers {
            let n = self.pages.len().to_string();
            self.draw_at(300.0, 40.0, &n);
        }
        self.pages.push(String::new());
        let number = self.pages.len();
        let mut y = 740.0;
        let header = self.style.header.clone();
        for line in &header {
            self.draw_at(LEFT, y, line);
            y -= LEADING;
        }
        self.draw_at(LEFT, y, &format!("Page {number}"));
        let template = self.style.template.clone();
        let mut ty = 740.0;
        for line in &template {
            self.raw(
                &format!(
                    "1 1 1 rg BT /F1 12 Tf 80 {ty} Td <{}> Tj ET 0 g\n",
                    hex_winansi(line)
                ),
                "",
            );
            ty -= 18.0;
        }
        self.y = y - 2.0 * LEADING;
    }

    fn room(&mut self) {
        if self.y < BOTTOM {
            self.page_break();
        }
    }

    /// One line at `x`, then down one line.
    pub fn line(&mut self, x: f32, text: &str) {
        self.room();
        let y = self.y;
        self.draw_at(x, y, text);
        self.y -= LEADING;
    }

    /// Lines at `x`.
    pub fn lines(&mut self, x: f32, lines: &[&str]) {
        for line in lines {
            self.line(x, line);
        }
    }

    /// Pieces of one line, each at its own x (a label and its text, a tab).
    pub fn cells(&mut self, cells: &[(f32, &str)]) {
        self.room();
        let y = self.y;
        for (x, text) in cells {
            self.draw_at(*x, y, text);
        }
        self.y -= LEADING;
    }

    /// A paragraph whose number (at `number_x`) is drawn after its lines (at `x`).
    pub fn numbered(&mut self, number_x: f32, number: &str, x: f32, lines: &[&str]) {
        self.room();
        let first = self.y;
        let page = self.pages.len();
        self.lines(x, lines);
        if self.pages.len() == page {
            self.draw_at(number_x, first, number);
        }
    }

    /// A Symbol-font bullet at `bullet_x` and the item's lines at `x`.
    pub fn bullet(&mut self, bullet_x: f32, x: f32, lines: &[&str]) {
        self.room();
        let y = self.y;
        self.raw(&format!("BT /F3 12 Tf {bullet_x} {y} Td <B7> Tj ET\n"), "");
        self.lines(x, lines);
    }

    /// A line whose words are set apart by `TJ` offsets instead of spaces.
    pub fn line_spaced_by_offsets(&mut self, x: f32, text: &str) {
        self.room();
        let words: Vec<String> = text
            .split(' ')
            .map(|w| format!("<{}>", hex_winansi(w)))
            .collect();
        let y = self.y;
        self.raw(
            &format!("BT /F1 12 Tf {x} {y} Td [{}] TJ ET\n", words.join(" -250 ")),
            "",
        );
        self.y -= LEADING;
    }

    /// A line drawn twice, 0.1 pt apart (how some producers make bold).
    pub fn line_twice(&mut self, x: f32, text: &str) {
        self.room();
        let y = self.y;
        self.draw_at(x, y, text);
        self.draw_at(x + 0.1, y, text);
        self.y -= LEADING;
    }

    /// A line drawn by a form XObject.
    pub fn line_in_form(&mut self, x: f32, text: &str) {
        self.room();
        let name = format!("Fm{}", self.forms.len());
        self.forms
            .push(format!("BT /F1 12 Tf 0 0 Td <{}> Tj ET", hex_winansi(text)));
        let y = self.y;
        self.raw(&format!("q 1 0 0 1 {x} {y} cm /{name} Do Q\n"), "");
        self.y -= LEADING;
    }

    /// Draws one line of text at (x, y) (see [`runs`] for the markup).
    fn draw_at(&mut self, x: f32, y: f32, text: &str) {
        let mut ops = format!("BT {x} {y} Td ");
        for run in runs(text) {
            ops.push_str(&run);
        }
        ops.push_str("ET\n");
        self.raw(&ops, "");
    }

    /// The PDF file.
    pub fn finish(mut self) -> Vec<u8> {
        if self.style.page_numbers {
            let n = self.pages.len().to_string();
            self.draw_at(300.0, 40.0, &n);
        }
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let fonts = fonts(&mut doc);
        let mut xobjects = Dictionary::new();
        for (i, form) in self.forms.iter().enumerate() {
            let dict = dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), (-5).into(), 500.into(), 15.into()],
                "Resources" => dictionary! { "Font" => fonts.clone() },
            };
            let id = doc.add_object(Stream::new(dict, form.clone().into_bytes()));
            xobjects.set(format!("Fm{i}"), id);
        }
        let resources = doc.add_object(dictionary! {
            "Font" => fonts,
            "XObject" => xobjects,
        });
        let mut kids: Vec<Object> = Vec::new();
        for content in &self.pages {
            let content_id =
                doc.add_object(Stream::new(Dictionary::new(), content.clone().into_bytes()));
            let page = doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
            });
            kids.push(page.into());
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => kids,
                "Count" => count,
                "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("write the PDF");
        bytes
    }
}

/// The content operators of one line's text runs. Markup: `^{…}` is a
/// superscript (8 pt, raised 4 pt); `{fi}` the ligature glyph of the TrueType
/// font; curly quotes come from the Type 0 font, a bullet `•` from Symbol,
/// `**…**` is bold; all else is Times-Roman.
fn runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut bold = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("**") {
            bold = !bold;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("^{") {
            let end = after.find('}').unwrap_or(after.len());
            out.push(format!(
                "/F1 8 Tf 4 Ts <{}> Tj 0 Ts ",
                hex_winansi(&after[..end])
            ));
            rest = after.get(end + 1..).unwrap_or("");
        } else if let Some(after) = rest.strip_prefix("{fi}") {
            out.push(String::from("/F5 12 Tf <1F> Tj "));
            rest = after;
        } else {
            let c = rest.chars().next().expect("text");
            let len = rest
                .char_indices()
                .find(|&(i, d)| {
                    i > 0 && (kind(d) != kind(c) || rest[i..].starts_with(['*', '^', '{']))
                })
                .map_or(rest.len(), |(i, _)| i);
            let chunk = &rest[..len];
            out.push(match kind(c) {
                1 => format!(
                    "/F4 12 Tf <{}> Tj ",
                    chunk
                        .chars()
                        .map(|q| format!("{:04X}", q as u32))
                        .collect::<String>()
                ),
                2 => String::from("/F3 12 Tf <B7> Tj "),
                _ => format!(
                    "/{} 12 Tf <{}> Tj ",
                    if bold { "F2" } else { "F1" },
                    hex_winansi(chunk)
                ),
            });
            rest = &rest[len..];
        }
    }
    out
}

/// 1 for curly quotes (Type 0 font), 2 for a bullet (Symbol), 0 for the rest.
fn kind(c: char) -> u8 {
    match c {
        '’' | '‘' | '“' | '”' => 1,
        '•' => 2,
        _ => 0,
    }
}

/// Text as hex WinAnsi codes.
fn hex_winansi(text: &str) -> String {
    text.chars()
        .map(|c| format!("{:02X}", winansi_code(c).unwrap_or(b'?')))
        .collect()
}

/// The fonts: F1 Times-Roman, F2 Times-Bold (standard, no widths), F3
/// Symbol, F4 a Type 0 font (Identity-H, `/ToUnicode`, `/W`), F5 a TrueType
/// font with widths and a ligature in its `/Differences`.
fn fonts(doc: &mut Document) -> Dictionary {
    let standard = |doc: &mut Document, name: &str| {
        doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => name,
            "Encoding" => "WinAnsiEncoding",
        })
    };
    let f1 = standard(doc, "Times-Roman");
    let f2 = standard(doc, "Times-Bold");
    let f3 = doc
        .add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Symbol" });
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n4 beginbfchar <2018> <2018> <2019> <2019> <201C> <201C> <201D> <201D> endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end";
    let to_unicode = doc.add_object(Stream::new(Dictionary::new(), cmap.to_vec()));
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "TimesNewRomanPSMT",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 1000,
        "W" => vec![0x2018.into(), vec![333.into(), 333.into()].into(), 0x201C.into(), 0x201D.into(), 444.into()],
    });
    let f4 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "TimesNewRomanPSMT",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => to_unicode,
    });
    let widths: Vec<Object> = (31u8..=255)
        .map(|code| {
            let times = respond::import::pdf::metrics::standard("Times-Roman").expect("Times");
            let c = if code == 31 {
                'f'
            } else {
                respond::import::pdf::encoding::winansi(code)
            };
            let w = times.width(c).unwrap_or(500.0) + if code == 31 { 278.0 } else { 0.0 };
            Object::Integer(w as i64)
        })
        .collect();
    let f5 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "TimesNewRomanPSMT",
        "FirstChar" => 31, "LastChar" => 255, "Widths" => widths,
        "Encoding" => dictionary! { "BaseEncoding" => "WinAnsiEncoding", "Differences" => vec![31.into(), Object::Name(b"fi".to_vec())] },
    });
    dictionary! { "F1" => f1, "F2" => f2, "F3" => f3, "F4" => f4, "F5" => f5 }
}
