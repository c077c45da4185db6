//! The shipped example reproduces the real 21Vianet response letter, paragraph by paragraph.

mod common;

use respond::build::{Built, build_letter};
use respond::markdown::{Block, Doc, parse_rendered};
use respond::render::markdown::Templates;
use respond::world::World;

fn rendered_letter() -> String {
    let world = World::new(common::repo());
    let sources = world
        .read_letter(&common::example_dir())
        .expect("example reads");
    let templates = Templates::new(&[]).unwrap();
    let writers = [respond::render::writers::writer("md").unwrap()];
    let out = match build_letter(&sources, &templates, &writers) {
        Built::Letter(out, _) => out,
        Built::Refused(diags) | Built::Failed(_, diags) => panic!(
            "{:?}",
            diags.iter().map(|d| d.render_short()).collect::<Vec<_>>()
        ),
    };
    let file = out.files.iter().find(|f| f.name == "letter.md").unwrap();
    String::from_utf8(file.bytes.clone()).unwrap()
}

/// Words of `text` with markup, quote marks and footnote markers removed.
fn words(text: &str) -> Vec<String> {
    let cleaned: String = text
        .replace("<u>", " ")
        .replace("</u>", " ")
        .replace("…", "...")
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '*' | '\\' | '~' | '"' | '“' | '”' | '¹' | '²' | '³' | '⁴'
            )
        })
        .map(|c| if matches!(c, '’' | '‘') { '\'' } else { c })
        .collect();
    cleaned
        .lines()
        .map(|l| l.trim_start().strip_prefix("- ").unwrap_or(l))
        .flat_map(|l| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

fn blocks_text(blocks: &[Block], out: &mut String) {
    let doc = Doc {
        blocks: blocks.to_vec(),
        footnotes: vec![],
    };
    out.push_str(&doc.plain_text());
    out.push('\n');
}

fn find_run(haystack: &[String], needle: &[String], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from);
    }
    (from..haystack.len().saturating_sub(needle.len() - 1))
        .find(|&i| haystack[i..i + needle.len()] == *needle)
}

#[test]
fn every_paragraph_of_the_source_letter_appears_in_order() {
    let source = std::fs::read_to_string(
        common::repo().join("tests/fixtures/letters/21vianet-response-2014-12-09.txt"),
    )
    .unwrap();
    let (mut doc, issues) = parse_rendered(&rendered_letter());
    assert!(issues.is_empty(), "{issues:?}");
    // Compare the text as it will read: the letter's struck-through words are
    // checked separately below, since a redline may place them differently.
    doc.remove_inlines(|i| i.style.strike || i.style.deleted);
    let mut body = String::new();
    blocks_text(&doc.blocks, &mut body);
    let mut notes = String::new();
    for note in &doc.footnotes {
        blocks_text(&note.blocks, &mut notes);
    }
    let body = words(&body);
    let notes = words(&notes);
    let mut at = 0;
    let mut checked = 0;
    for paragraph in source.split("\n\n") {
        let para = words(&without_struck(paragraph));
        if para.is_empty() {
            continue;
        }
        checked += 1;
        let is_note = paragraph.trim_start().starts_with(['¹', '²', '³', '⁴']);
        if is_note {
            assert!(
                find_run(&notes, &para, 0).is_some(),
                "footnote not found: {paragraph}"
            );
            continue;
        }
        match find_run(&body, &para, at) {
            Some(i) => at = i + para.len(),
            None => {
                let context = body[at..(at + 40).min(body.len())].join(" ");
                panic!(
                    "paragraph not found in order:\n{paragraph}\n--- rendered text continues with:\n{context}"
                );
            }
        }
    }
    assert!(checked >= 140, "only {checked} paragraphs checked");
}

/// The paragraph with `~~struck~~` passages removed.
fn without_struck(paragraph: &str) -> String {
    let mut out = String::new();
    for (i, piece) in paragraph.split("~~").enumerate() {
        if i % 2 == 0 {
            out.push_str(piece);
        }
    }
    out
}

#[test]
fn struck_passages_of_the_source_letter_are_struck_in_the_rendered_letter() {
    let source = std::fs::read_to_string(
        common::repo().join("tests/fixtures/letters/21vianet-response-2014-12-09.txt"),
    )
    .unwrap();
    let (doc, _) = parse_rendered(&rendered_letter());
    let mut struck = String::new();
    doc.visit_inlines(&mut |inlines| {
        for inline in inlines {
            // A revision's deletion (`~~` in the rendered letter) prints struck through.
            struck.push_str(if inline.style.strike || inline.style.deleted {
                inline.plain()
            } else {
                " | "
            });
        }
    });
    let struck = words(&struck).join(" ");
    let passages: Vec<&str> = source.split("~~").skip(1).step_by(2).collect();
    assert_eq!(passages.len(), 2, "the source letter strikes two passages");
    for passage in passages {
        let passage_words = words(passage);
        // The redline may keep leading function words ("for the") as unchanged anchors.
        let core = passage_words
            .iter()
            .skip_while(|w| matches!(w.as_str(), "for" | "the"))
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            struck.contains(&core),
            "not struck: {passage}\nstruck text: {struck}"
        );
    }
}

#[test]
fn the_example_has_sixteen_comments_in_order() {
    let letter = rendered_letter();
    for n in 1..=16 {
        assert!(
            letter.contains(&format!("\n**{n}. ")),
            "comment {n} missing"
        );
    }
}
