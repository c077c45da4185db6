//! Reading WordprocessingML as Word reads it, for the DOCX tests: a
//! package's parts, its paragraphs with their tracked changes, and what
//! Accept All and Reject All leave.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

/// Words as compared here: runs of letters and digits.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One part of a DOCX package, as text.
pub fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap_or_else(|e| panic!("{}: {e}", docx.display()));
    let mut archive = zip::ZipArchive::new(file).expect("a DOCX is a ZIP package");
    let mut entry = archive
        .by_name(name)
        .unwrap_or_else(|e| panic!("{} has no {name}: {e}", docx.display()));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut entry, &mut text).expect("a part is UTF-8");
    text
}

/// Whether a stretch of text is unchanged, inserted or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    Inserted,
    Deleted,
}

/// A paragraph of the XML: its text by change, and its paragraph mark's change.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub pieces: Vec<(Mark, String)>,
    pub mark: Mark,
}

impl Paragraph {
    /// The words left by Accept All (`accept`) or Reject All.
    pub fn resolved(&self, accept: bool) -> Vec<String> {
        let keep = if accept {
            Mark::Inserted
        } else {
            Mark::Deleted
        };
        let text: String = self
            .pieces
            .iter()
            .filter(|(m, _)| *m == Mark::Plain || *m == keep)
            .map(|(_, t)| t.as_str())
            .collect();
        words(&text)
    }

    pub fn has(&self, mark: Mark) -> bool {
        self.mark == mark
            || self
                .pieces
                .iter()
                .any(|(m, t)| *m == mark && !t.trim().is_empty())
    }
}

/// The paragraphs of a WordprocessingML part, read with the rules Word
/// applies to tracked changes: text inside `w:ins` is inserted, `w:delText`
/// inside `w:del` deleted, a row marked inserted or deleted changes all its text.
pub fn paragraphs(xml: &str) -> Vec<Paragraph> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current = Paragraph {
        pieces: Vec::new(),
        mark: Mark::Plain,
    };
    let (mut run_mark, mut row_mark) = (Mark::Plain, Mark::Plain);
    let (mut in_text, mut in_ppr, mut in_trpr) = (false, false, false);
    // The run's text is a footnote's own mark (its number), not the passage's.
    let mut note_mark = false;
    loop {
        let event = reader.read_event().expect("well-formed XML");
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => {
                    current = Paragraph {
                        pieces: Vec::new(),
                        mark: Mark::Plain,
                    }
                }
                "ins" => run_mark = Mark::Inserted,
                "del" => run_mark = Mark::Deleted,
                "t" | "delText" => in_text = true,
                "pPr" => in_ppr = true,
                "trPr" => in_trpr = true,
                "tr" => row_mark = Mark::Plain,
                _ => {}
            },
            Event::Empty(e) => {
                let mark = match e.local_name().as_ref() {
                    "ins" => Mark::Inserted,
                    "del" => Mark::Deleted,
                    "tab" | "br" => {
                        current.pieces.push((run_mark, " ".into()));
                        continue;
                    }
                    "footnoteReference" => {
                        note_mark = e
                            .attributes()
                            .flatten()
                            .any(|a| a.key.local_name().as_ref() == "customMarkFollows");
                        continue;
                    }
                    _ => continue,
                };
                if in_ppr {
                    current.mark = mark;
                } else if in_trpr {
                    row_mark = mark;
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "p" => out.push(current.clone()),
                "ins" | "del" => run_mark = Mark::Plain,
                "t" | "delText" => in_text = false,
                "pPr" => in_ppr = false,
                "trPr" => in_trpr = false,
                "tr" => row_mark = Mark::Plain,
                "r" => note_mark = false,
                _ => {}
            },
            Event::Text(_) if in_text && note_mark => {}
            Event::Text(t) if in_text => {
                let mark = if row_mark == Mark::Plain {
                    run_mark
                } else {
                    row_mark
                };
                current.pieces.push((mark, t.xml10_content().into_owned()));
            }
            Event::GeneralRef(r) if in_text => {
                let text = match r.resolve_char_ref().expect("a valid reference") {
                    Some(c) => c.to_string(),
                    None => resolve_predefined_entity(&r)
                        .expect("a known entity")
                        .to_owned(),
                };
                let mark = if row_mark == Mark::Plain {
                    run_mark
                } else {
                    row_mark
                };
                current.pieces.push((mark, text));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The words of every paragraph after Accept All or Reject All.
pub fn resolved(paragraphs: &[Paragraph], accept: bool) -> Vec<String> {
    paragraphs.iter().flat_map(|p| p.resolved(accept)).collect()
}

/// Every (author, date) of a tracked change in `xml`.
pub fn change_attributions(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e)
                if matches!(e.local_name().as_ref(), "ins" | "del") =>
            {
                let value = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default()
                };
                out.push((value("w:author"), value("w:date")));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The text of every part of a package, tags dropped, spaces collapsed.
pub fn package_text(docx: &Path) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut all = String::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut entry, &mut xml).unwrap();
        let text: String = paragraphs(&xml)
            .iter()
            .flat_map(|p| p.pieces.iter().map(|(_, t)| t.clone()))
            .collect::<Vec<_>>()
            .join(" ");
        all.push_str(&text);
        all.push(' ');
        all.push_str(&xml);
        all.push(' ');
    }
    all.split_whitespace().collect::<Vec<_>>().join(" ")
}
