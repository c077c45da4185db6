//! What a letter without comments says about the review, so `init` can tell
//! the user why there is nothing to answer: the staff completed its review,
//! did not and will not review the filing, or has no further comments.

use super::furniture::BodyLine;
use super::paragraphs::join_lines;

/// What the staff says when a letter holds no numbered comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    /// "We have completed our review of your filing." (or concluded an assessment).
    Completed,
    /// "We have not reviewed and will not review your registration statement."
    NotReviewed,
    /// "We have no further comments."
    NoFurtherComments,
    /// The letter says none of these.
    Unstated,
}

/// The phrases of each kind, in the order they are looked for.
const PHRASES: [(Review, &[&str]); 3] = [
    (
        Review::NotReviewed,
        &["not reviewed and will not review", "will not review"],
    ),
    (
        Review::NoFurtherComments,
        &["no further comments", "no further comment"],
    ),
    (
        Review::Completed,
        &[
            "completed our review",
            "completed its review",
            "concluded our review",
            "concluded our assessment",
            "completed our assessment",
        ],
    ),
];

/// What the body of a letter without comments says, and the sentence that says it.
pub fn read(body: &[BodyLine]) -> (Review, Option<String>) {
    let text = join_lines(body.iter().map(|l| l.text.as_str()));
    let lower = text.to_lowercase();
    for (review, phrases) in PHRASES {
        if let Some(at) = phrases.iter().find_map(|p| lower.find(p)) {
            return (review, sentence(&text, at));
        }
    }
    (Review::Unstated, None)
}

/// The sentence of `text` around byte `at`.
fn sentence(text: &str, at: usize) -> Option<String> {
    let start = text.get(..at)?.rfind(". ").map_or(0, |i| i + 2);
    let end = text
        .get(at..)?
        .find(". ")
        .map_or(text.len(), |i| at + i + 1);
    let sentence = text.get(start..end)?.trim();
    (!sentence.is_empty()).then(|| sentence.to_owned())
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
    fn tells_the_three_letters_apart() {
        let (review, sentence) = read(&body(
            "This is to advise you that we have not reviewed and will not review your registration\nstatement.\n\nPlease refer to Rules 460 and 461.",
        ));
        assert_eq!(review, Review::NotReviewed);
        assert_eq!(
            sentence.as_deref(),
            Some(
                "This is to advise you that we have not reviewed and will not review your registration statement."
            )
        );
        let (review, sentence) = read(&body(
            "We have reviewed your response. We have no further comments at this time. Sincerely,",
        ));
        assert_eq!(review, Review::NoFurtherComments);
        assert_eq!(
            sentence.as_deref(),
            Some("We have no further comments at this time.")
        );
        let (review, _) = read(&body(
            "We have completed our review of your filing. We remind you",
        ));
        assert_eq!(review, Review::Completed);
        assert_eq!(read(&body("Hello.")).0, Review::Unstated);
    }
}
