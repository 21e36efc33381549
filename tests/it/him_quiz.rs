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

/// Each built-in quiz is found by the id its own file gives, the default among them,
/// and nothing else is. (That the text is quizzes/him-career-fit.yaml is true by
/// construction: builtin.rs `include_str!`s it, so comparing the two could not fail.)
#[test]
fn every_built_in_quiz_is_found_by_the_id_in_its_file() {
    assert!(!builtin::BUILTIN.is_empty());
    for (id, text) in builtin::BUILTIN {
        let (quiz, _) = quiz::load(&format!("{id}.yaml"), text).expect("a built-in quiz is valid");
        assert_eq!(
            &quiz.id, id,
            "the built-in quiz listed as `{id}` says it is `{}`",
            quiz.id
        );
        assert_eq!(builtin::find(id), Some(*text));
    }
    assert_eq!(
        builtin::BUILTIN[0].0,
        builtin::DEFAULT_ID,
        "the first is the default"
    );
    assert_eq!(builtin::find("him-career-fit-2"), None);
    assert_eq!(builtin::find("HIM-career-fit"), None);
}

#[test]
fn at_most_60_questions_of_every_type_with_a_third_reversed() {
    let quiz = him();
    assert!(
        quiz.questions.len() <= 60,
        "{} questions",
        quiz.questions.len()
    );
    let is_scale = |q: &careerfit::quiz::Question| matches!(q.kind, QuestionKind::Scale { .. });
    let is_reversed =
        |q: &careerfit::quiz::Question| matches!(q.kind, QuestionKind::Scale { reverse: true, .. });
    for (index, t) in quiz.traits.iter().enumerate() {
        let of_trait: Vec<_> = quiz
            .questions
            .iter()
            .filter(|q| q.measures(index))
            .collect();
        assert!(
            of_trait.len() >= 3,
            "trait {} has {} question(s)",
            t.id,
            of_trait.len()
        );
        let scale = of_trait.iter().filter(|q| is_scale(q)).count();
        if scale >= 3 {
            assert!(
                of_trait.iter().any(|q| is_reversed(q)),
                "trait {} has {scale} scale questions and none reversed",
                t.id
            );
        }
    }
    let scale = quiz.questions.iter().filter(|q| is_scale(q)).count();
    let reversed = quiz.questions.iter().filter(|q| is_reversed(q)).count();
    assert!(
        3 * reversed >= scale,
        "{reversed} of {scale} scale questions reversed"
    );
    let used = |f: fn(&QuestionKind) -> bool| quiz.questions.iter().any(|q| f(&q.kind));
    assert!(used(|k| matches!(k, QuestionKind::Scale { .. })));
    assert!(used(|k| matches!(k, QuestionKind::YesNo { .. })));
    assert!(used(|k| matches!(k, QuestionKind::Choice { .. })));
    assert!(used(|k| matches!(k, QuestionKind::Multi { .. })));
}

#[test]
fn the_double_barrelled_and_transparent_questions_are_gone_and_the_new_topics_asked() {
    let quiz = him();
    for gone in [
        "lead-projects",
        "calm-with-people",
        "paperwork-on-time",
        "tidy-spreadsheets",
        "tidy-the-record",
        "work-style",
        // Version 3: questions that measured the wrong thing, asked two things at
        // once, forced a yes or no, or assumed experience.
        "help-health-care",
        "screen-all-day",
        "one-job-for-life",
        "details-bore-me-rather",
        "hours-on-my-own",
        "double-check",
        "look-up-codes",
        "bend-the-rules",
        "share-stories",
        "rather-not-lead",
        "never-look-back",
        "run-a-department",
        "mixed-teams",
        "enter-data",
    ] {
        assert!(quiz.question_index(gone).is_none(), "{gone} is still asked");
    }
    for asked in [
        "medical-terms",
        "statistics",
        "output-counted",
        "education-ready",
    ] {
        assert!(quiz.question_index(asked).is_some(), "{asked} is not asked");
    }
    // The education question names each level a person may be ready for.
    let education = &quiz.questions[quiz.question_index("education-ready").unwrap()];
    let QuestionKind::Choice { options } = &education.kind else {
        panic!("education-ready is a choice");
    };
    let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
    for level in [
        "certificate",
        "associate's",
        "bachelor's",
        "master's",
        "Not sure yet",
        "No more study",
    ] {
        assert!(
            labels.iter().any(|l| l.contains(level)),
            "{level} is not an option"
        );
    }
    // One idea per option: no option joins two levels with "or".
    assert!(labels.iter().all(|l| !l.contains(" or ")), "{labels:?}");
    // At least six "which would you rather" questions, scoring several traits.
    let forced = quiz
        .questions
        .iter()
        .filter(|q| q.is_forced_choice())
        .count();
    assert!(forced >= 7, "{forced} questions score several traits");
    // Every degree pathway needs the education answer, and only those.
    for p in &quiz.profiles {
        let degree = [
            "rhit-technician",
            "rhia-administrator",
            "health-data-analyst",
        ];
        assert_eq!(
            !p.needs.is_empty(),
            degree.contains(&p.id.as_str()),
            "{}",
            p.id
        );
    }
    // Subjects include maths, statistics and computing.
    let subjects = &quiz.questions[quiz.question_index("subjects").unwrap()];
    let QuestionKind::Multi { options } = &subjects.kind else {
        panic!("subjects is tick-any");
    };
    assert!(options.iter().any(|o| o.label.contains("statistics")));
    assert!(options.iter().any(|o| o.label.contains("Computing")));
    // Health care away from the bedside counts in every pathway.
    let bedside = quiz
        .traits
        .iter()
        .position(|t| t.id == "health-care-without-patients")
        .unwrap();
    for p in &quiz.profiles {
        assert!(
            p.weights.iter().any(|(t, w)| *t == bedside && *w > 0.0),
            "{}",
            p.id
        );
    }
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

/// Everything the pathways say, folded to single spaces as YAML folds it.
fn what_the_pathways_say(quiz: &quiz::Quiz) -> String {
    quiz.profiles
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
        .join(" ")
}

#[test]
fn every_fact_the_quiz_states_is_in_a_source() {
    let quiz = him();
    let sources: String = quiz
        .sources
        .iter()
        .map(|s| format!("{} {}\n", s.title, s.note.as_deref().unwrap_or("")))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let said = what_the_pathways_say(&quiz);
    for fact in [
        "CAHIIM",
        "RHIT",
        "RHIA",
        "CCA",
        "high-school diploma or equivalent",
        "CCS",
        "CCS-P",
        "CPC-A",
        "COC",
        "CIC",
        "CHDA",
        "ODS",
        "formerly CTR",
        "CHPS",
        "NCRA",
        "post-baccalaureate certificate",
        "final term",
        "20 continuing education units",
        "30 continuing education units",
        "2 years",
        "29-2072.00",
        // Version 4's advice for 2026: AI, remote work, apprenticeships, pay.
        "41%",
        "55%",
        "$60,097",
        "$47,200",
        "7%",
        "2024-34",
        "Practicode",
        "80-contact-hour",
        "AHIMA Foundation",
        "apprenticeship",
        "Anthropic",
        "querying physicians",
    ] {
        assert!(said.contains(fact), "the pathways do not state {fact:?}");
        assert!(sources.contains(fact), "{fact:?} has no source");
    }
}

#[test]
fn what_the_first_version_got_wrong_is_not_said_again() {
    let quiz = him();
    let said = what_the_pathways_say(&quiz);
    for wrong in [
        "$20,000",
        "$30,000",
        "$75,000",
        "often required",
        "coding exam after a CAHIIM",
        "several routes, by credential, education or experience",
        "After an associate's (RHIT) or bachelor's (RHIA)",
        "An HIM degree from a CAHIIM-accredited program",
        "Certified Tumor Registrar (CTR), NCRA",
    ] {
        assert!(!said.contains(wrong), "the pathways still say {wrong:?}");
    }
    for p in &quiz.profiles {
        for c in &p.certifications {
            assert!(
                !c.name.contains("Hospital Facility Coding"),
                "a specialty listed as a certification in {}",
                p.id
            );
        }
    }
    // The coding pathway does not ask for a CAHIIM program.
    let coder = quiz
        .profiles
        .iter()
        .find(|p| p.id == "coding-specialist")
        .unwrap();
    assert!(!coder.education.as_deref().unwrap_or("").contains("CAHIIM"));
    // A new RHIA graduate is not sent straight to a director's post.
    let rhia = quiz
        .profiles
        .iter()
        .find(|p| p.id == "rhia-administrator")
        .unwrap();
    assert!(
        rhia.summary
            .as_deref()
            .unwrap()
            .contains("years of HIM experience")
    );
    assert!(
        rhia.next_steps
            .iter()
            .any(|s| s.contains("first posts below director"))
    );
}

#[test]
fn every_rhit_and_rhia_route_says_cahiim_and_the_quiz_says_it_is_about_the_united_states() {
    let quiz = him();
    assert!(
        quiz.description
            .as_deref()
            .unwrap()
            .contains("United States")
    );
    for p in &quiz.profiles {
        let lines = p
            .certifications
            .iter()
            .map(|c| format!("{} {}", c.name, c.detail.as_deref().unwrap_or("")))
            .chain(p.next_steps.iter().cloned())
            .chain(p.education.iter().cloned())
            .chain(p.needs.iter().map(|n| n.what.clone()));
        for line in lines {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            let names_a_route = (line.contains("RHIT") || line.contains("RHIA"))
                && (line.contains("associate's") || line.contains("bachelor's"));
            if names_a_route {
                assert!(line.contains("CAHIIM-accredited"), "{}: {line}", p.id);
            }
        }
        // CHDA and CHPS are later steps, never first credentials.
        for c in &p.certifications {
            if c.name.contains("CHDA") || c.name.contains("CHPS") {
                assert!(
                    c.detail.as_deref().unwrap().contains("later step"),
                    "{}",
                    c.name
                );
            }
        }
    }
    // The verdict's dealbreaker is wanting hands-on patient care.
    let verdict = quiz.verdict.as_ref().expect("a verdict");
    assert_eq!(
        quiz.traits[verdict.dealbreakers[0].trait_index].id,
        "health-care-without-patients"
    );
}

#[test]
fn every_source_has_an_id_and_an_address_and_every_figure_its_year() {
    let quiz = him();
    for s in &quiz.sources {
        assert!(s.id.is_some(), "{} has no id", s.title);
        let url = s
            .url
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no address", s.title));
        assert!(url.starts_with("https://"), "{url}");
    }
    for p in &quiz.profiles {
        assert!(!p.occupations.is_empty(), "{} names no occupation", p.id);
        for o in &p.occupations {
            assert!(quiz::is_onet_soc_code(&o.code), "{}", o.code);
            assert_ne!(o.code, "29-2071.00", "the retired code is only history");
            let source = &quiz.sources[o.source];
            assert!(source.as_of.is_some(), "{} cites an undated source", o.code);
            assert!(
                o.median_pay.is_some() && o.growth.is_some(),
                "{} has no figures",
                o.code
            );
        }
    }
}

#[test]
fn the_figures_are_the_facts_sheets_with_their_years() {
    // From ../shared/facts/him-facts.md: median pay (year), growth (period).
    let facts = [
        ("29-2072.00", 50250.0, 2024, 7.0, "2024-34"),
        ("29-9021.00", 58250.0, 2022, 16.0, "2022-32"),
        ("11-9111.00", 117960.0, 2024, 23.0, "2024-34"),
    ];
    let quiz = him();
    for p in &quiz.profiles {
        for o in &p.occupations {
            let (_, pay, year, growth, period) = facts
                .iter()
                .find(|f| f.0 == o.code)
                .unwrap_or_else(|| panic!("{} is not on the facts sheet", o.code));
            assert_eq!(o.median_pay, Some((*pay, *year)), "{}", o.code);
            assert_eq!(o.growth, Some((*growth, period.to_string())), "{}", o.code);
        }
    }
    // The retired code appears only as history, in a source's note.
    let yaml = builtin::find("him-career-fit").unwrap();
    let history = quiz
        .sources
        .iter()
        .filter(|s| s.note.as_deref().unwrap_or("").contains("29-2071.00"))
        .count();
    assert_eq!(history, 1);
    assert_eq!(yaml.matches("29-2071.00").count(), 1);
}
