//! A key given twice in one YAML mapping, found at the second occurrence.
//!
//! serde_yaml reports a repeated field at the mapping (where the first
//! occurrence usually stands); the one to remove is the repetition, so this
//! reads the file's events (saphyr-parser) and names both places.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

/// A key that a mapping gives twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The key.
    pub key: String,
    /// 1-based line and column of its first occurrence.
    pub first: (usize, usize),
    /// 1-based line and column of the repetition.
    pub again: (usize, usize),
}

enum Frame {
    /// A mapping: the keys seen with their places, and whether a key comes next.
    Mapping {
        keys: HashMap<String, (usize, usize)>,
        expects_key: bool,
    },
    Sequence,
}

/// The first key of `text` that its mapping gives twice (`None` also when
/// the text is not YAML: the YAML reader reports that).
pub fn duplicate_key(text: &str) -> Option<DuplicateKey> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(Ok((event, span))) = parser.next_event() {
        let at = (span.start.line(), span.start.col() + 1);
        match event {
            Event::Scalar(value, ..) => {
                if let Some(Frame::Mapping { keys, expects_key }) = frames.last_mut() {
                    if *expects_key {
                        if let Some(&first) = keys.get(value.as_ref()) {
                            return Some(DuplicateKey {
                                key: value.into_owned(),
                                first,
                                again: at,
                            });
                        }
                        keys.insert(value.into_owned(), at);
                    }
                    *expects_key = !*expects_key;
                }
            }
            Event::Alias(_) => value_done(&mut frames),
            Event::MappingStart(..) => {
                frames.push(Frame::Mapping {
                    keys: HashMap::new(),
                    expects_key: true,
                });
            }
            Event::SequenceStart(..) => frames.push(Frame::Sequence),
            Event::MappingEnd | Event::SequenceEnd => {
                frames.pop();
                value_done(&mut frames);
            }
            Event::DocumentEnd => break,
            _ => {}
        }
    }
    None
}

/// A key or value (a collection or an alias) of the enclosing mapping ends.
fn value_done(frames: &mut [Frame]) {
    if let Some(Frame::Mapping { expects_key, .. }) = frames.last_mut() {
        *expects_key = !*expects_key;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repetition_is_found_with_both_places() {
        let found =
            duplicate_key("body:\n  size: 11\nquotes: { style: marks }\nbody: { size: 12 }\n");
        assert_eq!(
            found,
            Some(DuplicateKey {
                key: "body".into(),
                first: (1, 1),
                again: (4, 1),
            })
        );
        let nested = duplicate_key("body: { size: 11, leading: 13, size: 12 }\n").unwrap();
        assert_eq!(
            (nested.key.as_str(), nested.first, nested.again),
            ("size", (1, 9), (1, 32))
        );
    }

    #[test]
    fn the_same_key_in_different_mappings_is_no_repetition() {
        for text in [
            "body: { size: 11 }\nheader: { size: 10 }\n",
            "headings:\n  - { size: 14 }\n  - { size: 12 }\n",
            "a: [x, y]\nb: { c: 1 }\nc: 2\n",
            "not: [valid\n",
        ] {
            assert_eq!(duplicate_key(text), None, "{text}");
        }
    }
}
