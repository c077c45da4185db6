//! Aligns two sequences of units (blocks, list items, table rows) before any
//! word is compared: identical units match exactly; in a changed region, units
//! of the same kind are paired by word similarity, best total first, and the
//! rest become whole deletions and insertions. A unit that is mostly the
//! other one cut down (or built up), its words kept in order, pairs too,
//! however little of the longer one survives: a footnote struck to a few of
//! its words reads as those edits, not as a deletion and a re-insertion.

use std::cmp::Ordering;

use super::diff::{Interner, Run, diff_ids};

/// Similarity (Dice coefficient of the word multisets, in thousandths) below
/// which two units are not worth comparing word by word.
const THRESHOLD: usize = 400;

/// The share (in thousandths) of the shorter unit's words that must appear,
/// in order, in the longer one for the two to pair by containment.
const CONTAINED: usize = 800;

/// The fewest words the shorter unit needs to pair by containment.
const CONTAINED_WORDS: usize = 3;

/// The least share (in thousandths) of the longer unit's words the shorter
/// must have to pair by containment: a unit cut to less is a new one.
const CUT_SHARE: usize = 50;

/// Word pairs (shorter × longer unit) up to which containment is checked
/// with the exact longest common subsequence.
const MAX_IN_ORDER: usize = 250_000;

/// Changed regions larger than this (old × new units) are paired by position
/// instead of by the quadratic best pairing.
const MAX_PAIRING: usize = 40_000;

/// What the aligner needs to know about a unit.
pub(crate) struct Unit {
    /// Identical units have identical keys.
    pub key: String,
    /// Units may be paired only with units of the same kind; `None` never pairs.
    pub kind: Option<u32>,
    /// The unit's words, for similarity.
    pub words: Vec<String>,
}

/// One step of an alignment, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// `old[i]` and `new[j]` are identical.
    Same(usize, usize),
    /// `old[i]` was revised into `new[j]`: compare them inside.
    Pair(usize, usize),
    /// `old[i]` is gone.
    Delete(usize),
    /// `new[j]` is new.
    Insert(usize),
}

/// Aligns `old` with `new`, describing each item by `describe`.
pub(crate) fn align<T>(old: &[T], new: &[T], describe: impl Fn(&T) -> Unit) -> Vec<Step> {
    let old: Vec<Unit> = old.iter().map(&describe).collect();
    let new: Vec<Unit> = new.iter().map(&describe).collect();
    let mut interner = Interner::new();
    let old_ids: Vec<u32> = old.iter().map(|u| interner.id(u.key.as_str())).collect();
    let new_ids: Vec<u32> = new.iter().map(|u| interner.id(u.key.as_str())).collect();
    let mut steps = Vec::new();
    for run in diff_ids(&old_ids, &new_ids) {
        match run {
            Run::Equal { old: o, new: n } => steps.extend(o.zip(n).map(|(i, j)| Step::Same(i, j))),
            Run::Change { old: o, new: n } => {
                let pairs = pair(&old[o.clone()], &new[n.clone()]);
                steps.extend(region_steps(o.start, n.start, o.len(), n.len(), &pairs));
            }
        }
    }
    steps
}

/// A unit reduced to what similarity needs: its kind, its word ids sorted
/// (so that comparing two bags is one merge), and each word id with its
/// place, sorted (so that finding a word after a place is one search).
struct Bag {
    kind: Option<u32>,
    words: Vec<u32>,
    places: Vec<(u32, usize)>,
}

/// The bags of two regions, with word ids shared between them.
fn bags(old: &[Unit], new: &[Unit]) -> (Vec<Bag>, Vec<Bag>) {
    let mut interner = Interner::new();
    let mut bag = |unit: &Unit| {
        let mut places: Vec<(u32, usize)> = unit
            .words
            .iter()
            .enumerate()
            .map(|(k, w)| (interner.id(w.clone()), k))
            .collect();
        places.sort_unstable();
        Bag {
            kind: unit.kind,
            words: places.iter().map(|&(w, _)| w).collect(),
            places,
        }
    };
    let old_bags = old.iter().map(&mut bag).collect();
    let new_bags = new.iter().map(&mut bag).collect();
    (old_bags, new_bags)
}

/// The best monotone pairing of a changed region, as (old, new) offsets.
fn pair(old: &[Unit], new: &[Unit]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let (old, new) = bags(old, new);
    if n * m > MAX_PAIRING {
        return (0..n.min(m))
            .filter(|&k| similarity(&old[k], &new[k]).is_some())
            .map(|k| (k, k))
            .collect();
    }
    let sim: Vec<Vec<Option<usize>>> = old
        .iter()
        .map(|a| new.iter().map(|b| similarity(a, b)).collect())
        .collect();
    // best[i][j]: the best total similarity pairing old[i..] with new[j..].
    let mut best = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let paired = sim[i][j].map_or(0, |s| s + best[i + 1][j + 1]);
            best[i][j] = paired.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if sim[i][j].is_some_and(|s| best[i][j] == s + best[i + 1][j + 1]) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if best[i][j] == best[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Steps for a changed region: between pairs, deletions before insertions.
fn region_steps(
    old_start: usize,
    new_start: usize,
    old_len: usize,
    new_len: usize,
    pairs: &[(usize, usize)],
) -> Vec<Step> {
    let mut steps = Vec::new();
    let (mut i, mut j) = (0, 0);
    let ends = pairs.iter().copied().chain([(old_len, new_len)]);
    for (pi, pj) in ends {
        steps.extend((i..pi).map(|k| Step::Delete(old_start + k)));
        steps.extend((j..pj).map(|k| Step::Insert(new_start + k)));
        if pi < old_len && pj < new_len {
            steps.push(Step::Pair(old_start + pi, new_start + pj));
        }
        (i, j) = (pi + 1, pj + 1);
    }
    steps
}

/// The similarity of two units in thousandths, when they may be paired:
/// their Dice coefficient, when it reaches [`THRESHOLD`] or when one is
/// contained in the other.
fn similarity(a: &Bag, b: &Bag) -> Option<usize> {
    if a.kind.is_none() || a.kind != b.kind {
        return None;
    }
    let total = a.words.len() + b.words.len();
    if total == 0 {
        return Some(1000);
    }
    let common = common_words(&a.words, &b.words);
    let score = 2000 * common / total;
    (score >= THRESHOLD || contained(a, b, common)).then_some(score.max(1))
}

/// How many words two sorted bags share.
fn common_words(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// True when most words of the shorter unit appear in the longer one in
/// the same order (the bags share `common` words, an upper bound).
fn contained(a: &Bag, b: &Bag, common: usize) -> bool {
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let shorter = short.words.len();
    let enough = |kept: usize| shorter >= CONTAINED_WORDS && kept * 1000 >= CONTAINED * shorter;
    let share = shorter * 1000 >= CUT_SHARE * long.words.len();
    share && enough(common) && enough(kept_in_order(short, long))
}

/// How many words of `short` appear in `long` in the same order: their
/// longest common subsequence, or, past [`MAX_IN_ORDER`] word pairs, a
/// lower bound of it (each word found at the first place after the one
/// before), which keeps a short unit against a huge one linear.
fn kept_in_order(short: &Bag, long: &Bag) -> usize {
    let in_order = |bag: &Bag| {
        let mut order = bag.places.clone();
        order.sort_unstable_by_key(|&(_, k)| k);
        order
    };
    let short_order = in_order(short);
    if short.words.len() * long.words.len() <= MAX_IN_ORDER {
        let ids = |order: &[(u32, usize)]| order.iter().map(|&(w, _)| w).collect::<Vec<u32>>();
        return diff_ids(&ids(&short_order), &ids(&in_order(long)))
            .iter()
            .map(|run| match run {
                Run::Equal { old, .. } => old.len(),
                Run::Change { .. } => 0,
            })
            .sum();
    }
    let mut next = 0;
    let mut kept = 0;
    for (w, _) in short_order {
        let i = long.places.partition_point(|&p| p < (w, next));
        if let Some(&(found, k)) = long.places.get(i)
            && found == w
        {
            next = k + 1;
            kept += 1;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &&str) -> Unit {
        Unit {
            key: text.to_string(),
            kind: Some(u32::from(text.starts_with('#'))),
            words: text.split_whitespace().map(str::to_owned).collect(),
        }
    }

    #[test]
    fn identical_units_match_and_a_new_one_is_inserted_in_place() {
        let steps = align(
            &["a b", "c d", "e f"],
            &["a b", "x y z", "c d", "e f"],
            unit,
        );
        use Step::*;
        assert_eq!(steps, vec![Same(0, 0), Insert(1), Same(1, 2), Same(2, 3)]);
    }

    #[test]
    fn similar_units_pair_and_dissimilar_ones_do_not() {
        let old = ["one two three four", "alpha beta gamma", "tail"];
        let new = ["one two three five", "totally new words here", "tail"];
        use Step::*;
        assert_eq!(
            align(&old, &new, unit),
            vec![Pair(0, 0), Delete(1), Insert(1), Same(2, 2)]
        );
    }

    #[test]
    fn pairing_skips_units_of_another_kind() {
        let old = ["# one two three", "one two three four"];
        let new = ["one two three five"];
        use Step::*;
        assert_eq!(align(&old, &new, unit), vec![Delete(0), Pair(1, 0)]);
    }

    #[test]
    fn a_unit_cut_down_to_a_few_of_its_words_pairs_with_it() {
        let old = [
            "one two three four five six seven eight nine ten a b c d e f g h i j",
            "tail",
        ];
        let cut = ["one two nine ten", "tail"];
        let scrambled = ["ten nine two one", "tail"];
        use Step::*;
        assert_eq!(align(&old, &cut, unit), vec![Pair(0, 0), Same(1, 1)]);
        assert_eq!(align(&cut, &old, unit), vec![Pair(0, 0), Same(1, 1)]);
        assert_eq!(
            align(&old, &scrambled, unit),
            vec![Delete(0), Insert(0), Same(1, 1)]
        );
        let short = ["one two", "tail"];
        assert_eq!(
            align(&old, &short, unit),
            vec![Delete(0), Insert(0), Same(1, 1)]
        );
    }

    #[test]
    fn containment_in_a_huge_unit_is_found_in_one_pass() {
        let filler = ["filler words"; 2_000].join(" ");
        let long = format!("one two three four five six seven eight nine ten {filler}");
        let some = ["filler words"; 120].join(" ");
        let kept = format!("one two nine ten {some}");
        let scrambled = format!("ten nine two one {some}");
        let (a, b) = bags(
            &[unit(&long.as_str())],
            &[unit(&kept.as_str()), unit(&scrambled.as_str())],
        );
        assert!(a[0].words.len() * b[0].words.len() > MAX_IN_ORDER);
        assert_eq!(kept_in_order(&b[0], &a[0]), 244);
        assert_eq!(kept_in_order(&b[1], &a[0]), 241);
        use Step::*;
        assert_eq!(
            align(&[long.as_str()], &[kept.as_str()], unit),
            vec![Pair(0, 0)]
        );
    }

    #[test]
    fn a_unit_cut_to_a_sliver_of_the_other_does_not_pair() {
        let long = ["one two three four five six seven eight nine ten"; 10].join(" ");
        use Step::*;
        assert_eq!(
            align(&[long.as_str()], &["one two three"], unit),
            vec![Delete(0), Insert(0)]
        );
    }

    #[test]
    fn similarity_is_a_dice_coefficient() {
        let similarity_of = |a: &str, b: &str| {
            let (old, new) = bags(&[unit(&a)], &[unit(&b)]);
            similarity(&old[0], &new[0])
        };
        assert_eq!(similarity_of("a b c d", "a b c e"), Some(750));
        assert_eq!(similarity_of("a a b", "a b b"), Some(666));
        assert_eq!(similarity_of("a b", "c d"), None);
        assert_eq!(similarity_of("# a", "a"), None);
    }
}
