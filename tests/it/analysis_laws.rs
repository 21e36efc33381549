//! Laws of `careerfit analyze`, checked on generated classes (proptest): identical
//! items hang together perfectly, reverse-keying is undone before the figures, and
//! the order of the rows changes nothing.

use careerfit::analysis::{Analysis, Analyzer};
use careerfit::answers::{Answer, Answers};
use careerfit::quiz::{self, Quiz};
use proptest::prelude::*;
use serde_json::Value as Json;

/// A quiz of one trait: `k` 5-point questions, the first one reversed if asked.
fn quiz(k: usize, first_reversed: bool) -> Quiz {
    let mut yaml = String::from(
        "id: laws\ntitle: Laws\nversion: \"1\"\nsources: [{title: None}]\n\
         traits: [{id: t, name: T}]\nprofiles: [{id: p, title: P, weights: {t: 1}}]\nquestions:\n",
    );
    for i in 0..k {
        let reverse = first_reversed && i == 0;
        yaml.push_str(&format!(
            "  - {{id: q{i}, text: Question {i}, trait: t, reverse: {reverse}}}\n"
        ));
    }
    quiz::load("laws.yaml", &yaml).expect("a valid quiz").0
}

fn analyse(quiz: &Quiz, rows: &[Answers]) -> Analysis {
    let mut analyzer = Analyzer::new(quiz);
    for (i, answers) in rows.iter().enumerate() {
        analyzer.add(&Json::from(i), answers);
    }
    analyzer.finish()
}

/// Every figure of two analyses agrees to 1e-9.
fn same_figures(a: &Analysis, b: &Analysis) {
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (x, y) => x.is_none() && y.is_none(),
    };
    for (ta, tb) in a.traits.iter().zip(&b.traits) {
        assert_eq!(ta.complete, tb.complete);
        assert!(close(ta.alpha, tb.alpha), "{:?} {:?}", ta.alpha, tb.alpha);
        assert_eq!(ta.flags, tb.flags);
        for (ia, ib) in ta.items.iter().zip(&tb.items) {
            assert_eq!(ia.answered, ib.answered);
            for (x, y) in [
                (ia.mean, ib.mean),
                (ia.sd, ib.sd),
                (ia.floor, ib.floor),
                (ia.ceiling, ib.ceiling),
                (ia.item_rest_r, ib.item_rest_r),
                (ia.alpha_if_deleted, ib.alpha_if_deleted),
            ] {
                assert!(close(x, y), "{} {x:?} {y:?}", ia.question);
            }
            assert_eq!(ia.flags, ib.flags);
        }
    }
}

/// Rows of `k` answers, each a position 1..=5 or skipped.
fn rows(k: usize) -> impl Strategy<Value = Vec<Answers>> {
    proptest::collection::vec(
        proptest::collection::vec(proptest::option::weighted(0.9, 1..=5usize), k)
            .prop_map(|row| row.into_iter().map(|p| p.map(Answer::Scale)).collect()),
        2..60,
    )
}

proptest! {
    #[test]
    fn alpha_of_identical_items_is_1(
        k in 2..6usize,
        positions in proptest::collection::vec(1..=5usize, 2..60),
    ) {
        prop_assume!(positions.iter().any(|&p| p != positions[0]));
        let quiz = quiz(k, false);
        let rows: Vec<Answers> = positions
            .iter()
            .map(|&p| vec![Some(Answer::Scale(p)); k])
            .collect();
        let analysis = analyse(&quiz, &rows);
        let alpha = analysis.traits[0].alpha.expect("an alpha");
        prop_assert!((alpha - 1.0).abs() < 1e-9, "alpha {alpha}");
    }

    #[test]
    fn reversing_an_item_before_keying_changes_nothing_after_keying(
        (k, rows) in (2..6usize).prop_flat_map(|k| (Just(k), rows(k))),
    ) {
        let plain = analyse(&quiz(k, false), &rows);
        // The same people, asked the first question the other way round: each answers
        // it at the mirrored position, so its keyed value is the same.
        let mirrored: Vec<Answers> = rows
            .iter()
            .map(|row| {
                let mut row = row.clone();
                if let Some(Answer::Scale(p)) = row[0] {
                    row[0] = Some(Answer::Scale(6 - p));
                }
                row
            })
            .collect();
        same_figures(&plain, &analyse(&quiz(k, true), &mirrored));
    }

    #[test]
    fn the_order_of_the_rows_changes_nothing(
        (k, rows, seed) in (2..6usize).prop_flat_map(|k| (Just(k), rows(k), any::<u64>())),
    ) {
        let quiz = quiz(k, false);
        let mut shuffled: Vec<(usize, Answers)> = rows.iter().cloned().enumerate().collect();
        let mut rng = careerfit::rng::Rng::new(seed);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        let mut analyzer = Analyzer::new(&quiz);
        for (i, answers) in &shuffled {
            analyzer.add(&Json::from(*i), answers);
        }
        let shuffled = analyzer.finish();
        let original = analyse(&quiz, &rows);
        same_figures(&original, &shuffled);
        let mut a = original.respondent_flags.clone();
        let mut b = shuffled.respondent_flags.clone();
        a.sort_by_key(|r| r.id.as_u64());
        b.sort_by_key(|r| r.id.as_u64());
        prop_assert_eq!(a, b);
    }
}
