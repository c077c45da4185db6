//! Hyphens at line ends. Staff letters are set ragged right and mostly
//! without automatic hyphenation, so a hyphen that ends a line is kept
//! ("climate-" + "related" is "climate-related"). A word the line break
//! really divided ("re-" + "vise") is joined only where the letter itself
//! writes the joined word elsewhere ("revise") and never the hyphenated one:
//! the letter is its own dictionary. Such a hyphen becomes a soft hyphen,
//! which paragraph assembly drops when it joins the lines.

use std::collections::HashSet;

use super::furniture::BodyLine;

/// Marks the line-end hyphens of `body` that divide a word the letter writes whole.
pub fn mark_soft(body: &mut [BodyLine]) {
    let words = dictionary(body);
    for i in 0..body.len() {
        let Some(next) = next_line(body, i) else {
            continue;
        };
        let Some(stem) = hyphenated_end(&body[i].text) else {
            continue;
        };
        let Some(rest) = body[next].text.split_whitespace().next().map(word) else {
            continue;
        };
        let joined = format!("{stem}{rest}").to_lowercase();
        let hyphenated = format!("{stem}-{rest}").to_lowercase();
        if !rest.is_empty()
            && rest.starts_with(char::is_lowercase)
            && words.contains(&joined)
            && !words.contains(&hyphenated)
        {
            body[i].text.pop();
            body[i].text.push('\u{ad}');
        }
    }
}

/// The words of the letter, lower case, without the halves of words a line end hyphenates.
fn dictionary(body: &[BodyLine]) -> HashSet<String> {
    let mut words = HashSet::new();
    for line in body {
        let tokens: Vec<&str> = line.text.split_whitespace().collect();
        for (k, token) in tokens.iter().enumerate() {
            let last = k + 1 == tokens.len();
            if last && token.ends_with('-') {
                continue;
            }
            let w = word(token);
            if !w.is_empty() {
                words.insert(w.to_lowercase());
            }
        }
    }
    words
}

/// A token without the punctuation around it.
fn word(token: &str) -> &str {
    token
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .trim_matches('-')
}

/// "the re-" → "re": the letters before a final hyphen, when the line ends in one.
fn hyphenated_end(text: &str) -> Option<&str> {
    let last = text.split_whitespace().last()?;
    let stem = last.strip_suffix('-')?;
    let letters = stem.rsplit('-').next().unwrap_or(stem);
    (!letters.is_empty() && letters.chars().all(char::is_alphabetic)).then_some(stem)
}

/// The next line after `i` that continues its paragraph: the very next, or
/// the first after removed page furniture.
fn next_line(body: &[BodyLine], i: usize) -> Option<usize> {
    let next = i + 1;
    let line = body.get(next)?;
    if !line.text.is_empty() {
        return Some(next);
    }
    body[next..]
        .iter()
        .position(|l| !l.text.is_empty())
        .map(|p| p + next)
        .filter(|&j| body[j].after_furniture)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Vec<BodyLine> {
        text.lines()
            .enumerate()
            .map(|(i, t)| BodyLine {
                number: i + 1,
                text: t.to_owned(),
                after_furniture: false,
            })
            .collect()
    }

    #[test]
    fn joins_only_what_the_letter_writes_whole() {
        let mut lines = body(
            "Please re-\nvise the climate-\nrelated text and the non-\nGAAP measure. We ask you to revise it.",
        );
        mark_soft(&mut lines);
        assert_eq!(lines[0].text, "Please re\u{ad}");
        assert_eq!(lines[1].text, "vise the climate-");
        assert_eq!(lines[2].text, "related text and the non-");
        let mut kept = body("Please re-\nvise it. Tell us about re-vise.");
        mark_soft(&mut kept);
        assert_eq!(kept[0].text, "Please re-");
    }
}
