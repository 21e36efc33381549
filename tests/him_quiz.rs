//! The built-in HIM quiz keeps the content rules of its issue.

use careerfit::quiz::{self, QuestionKind, builtin};

fn him() -> quiz::Quiz {
    let (quiz, warnings) = quiz::load(
        "him-career-fit.yaml",
        builtin::find("him-career-fit").unwrap(),
    )
    .expect("the HIM quiz is valid");
    assert!(
        warnings.is_empty(),
        "the HIM quiz has warnings: {warnings:?}"
    );
    quiz
}

#[test]
fn the_built_in_quiz_is_the_file_in_quizzes() {
    let on_disk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/quizzes/him-career-fit.yaml"
    ))
    .unwrap();
    assert_eq!(builtin::find("him-career-fit").unwrap(), on_disk);
}

#[test]
fn enough_questions_of_every_type_with_reversed_items() {
    let quiz = him();
    assert!(
        quiz.questions.len() >= 24,
        "{} questions",
        quiz.questions.len()
    );
    for (index, t) in quiz.traits.iter().enumerate() {
        let n = quiz
            .questions
            .iter()
            .filter(|q| q.trait_index == index)
            .count();
        assert!(n >= 2, "trait {} has {n} question(s)", t.id);
    }
    let reversed = quiz
        .questions
        .iter()
        .filter(|q| {
            matches!(
                q.kind,
                QuestionKind::Scale { reverse: true, .. } | QuestionKind::YesNo { reverse: true }
            )
        })
        .count();
    assert!(reversed >= 3, "{reversed} reversed questions");
    let used = |f: fn(&QuestionKind) -> bool| quiz.questions.iter().any(|q| f(&q.kind));
    assert!(used(|k| matches!(k, QuestionKind::Scale { .. })));
    assert!(used(|k| matches!(k, QuestionKind::YesNo { .. })));
    assert!(used(|k| matches!(k, QuestionKind::Choice { .. })));
    assert!(used(|k| matches!(k, QuestionKind::Multi { .. })));
}

#[test]
fn pathways_differ_and_carry_every_job_title_of_the_seed() {
    let quiz = him();
    assert!(quiz.profiles.len() >= 5);
    for id in [
        "records-clerk",
        "coding-specialist",
        "rhit-technician",
        "rhia-administrator",
    ] {
        assert!(quiz.profiles.iter().any(|p| p.id == id), "no profile {id}");
    }
    for (i, a) in quiz.profiles.iter().enumerate() {
        for b in &quiz.profiles[i + 1..] {
            assert_ne!(a.weights, b.weights, "{} and {} weigh alike", a.id, b.id);
        }
        assert!(
            !a.next_steps.is_empty() && !a.certifications.is_empty(),
            "{}",
            a.id
        );
    }
    let titles: Vec<&str> = quiz
        .profiles
        .iter()
        .flat_map(|p| p.job_titles.iter().map(String::as_str))
        .collect();
    for title in [
        "Coder",
        "Health Information Clerk",
        "Health Information Specialist",
        "Health Information Technician",
        "Medical Records Analyst",
        "Medical Records Clerk",
        "Medical Records Coordinator",
        "Medical Records Director",
        "Medical Records Technician",
        "Registered Health Information Technician (RHIT)",
    ] {
        assert!(titles.contains(&title), "job title {title:?} is missing");
    }
}

#[test]
fn every_fact_the_quiz_states_is_in_a_source() {
    let quiz = him();
    assert!(quiz.sources.len() >= 3);
    let sources: String = quiz
        .sources
        .iter()
        .map(|s| format!("{} {}\n", s.title, s.note.as_deref().unwrap_or("")))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // What the pathways say, folded to single spaces as YAML folds it.
    let said: String = quiz
        .profiles
        .iter()
        .flat_map(|p| {
            let certifications = p
                .certifications
                .iter()
                .map(|c| format!("{} {}", c.name, c.detail.as_deref().unwrap_or("")));
            [p.summary.clone(), p.education.clone()]
                .into_iter()
                .flatten()
                .chain(certifications)
                .chain(p.next_steps.iter().cloned())
        })
        .collect::<Vec<_>>()
        .join(" ");
    for fact in [
        "CAHIIM",
        "RHIT",
        "RHIA",
        "CCS-P",
        "Hospital Facility Coding",
        "20 continuing education units",
        "30 continuing education units",
        "2-year",
        "29-2072.00",
        "29-9021.00",
        "29-2071.00",
        "$20,000 to $30,000",
        "$30,000 to $50,000",
        "$50,000 to $75,000",
    ] {
        assert!(said.contains(fact), "the pathways do not state {fact:?}");
        assert!(sources.contains(fact), "{fact:?} has no source");
    }
}
