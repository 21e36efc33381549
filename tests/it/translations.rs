//! A quiz in another language: translations beside the quiz (tests/fixtures/small.es.yaml),
//! checked by `validate`, chosen by `--lang` or the locale, and never taken for quizzes.

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A folder with the small quiz as `q.yaml` and `translation` as `q.es.yaml`.
fn quiz_with(translation: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("small.yaml"), dir.path().join("q.yaml")).unwrap();
    write(dir.path(), "q.es.yaml", translation);
    dir
}

fn spanish_fixture() -> String {
    std::fs::read_to_string(fixture("small.es.yaml")).unwrap()
}

fn answers(dir: &Path) -> PathBuf {
    write(
        dir,
        "answers.yaml",
        "answers: {q-scale: High, q-reverse: 2, q-yes: true, q-no-rev: false, \
         q-choice: a, q-multi: [x, y], q-required: 5}\n",
    )
}

/// `take tests/fixtures/small.yaml --json --answers ANSWERS`, with `args` and `env`.
fn take(args: &[&str], env: &[(&str, &str)]) -> (Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = careerfit();
    cmd.arg("take")
        .arg(fixture("small.yaml"))
        .args(["--json", "--answers"])
        .arg(answers(dir.path()))
        .args(args);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    (stdout_json(&output), text(&output.stderr))
}

fn validate_in(dir: &Path, file: &str) -> Output {
    careerfit()
        .current_dir(dir)
        .args(["validate", file])
        .output()
        .unwrap()
}

#[test]
fn validate_checks_the_translations_beside_a_quiz() {
    let output = careerfit()
        .args(["validate", "tests/fixtures/small.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        "tests/fixtures/small.yaml: valid: quiz `small` with 3 traits, 7 questions, 3 \
         pathways, 1 warning\n\
         tests/fixtures/small.es.yaml: valid: translation of quiz `small` into es\n"
    );
    // Named on its own, a translation is checked against the quiz beside it.
    let output = careerfit()
        .args(["validate", "tests/fixtures/small.es.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        "tests/fixtures/small.es.yaml: valid: translation of quiz `small` into es\n"
    );
}

/// Each problem at its line, with the id in its field: missing, unknown (with the
/// nearest id), empty, placeholders, and a stale entry showing both Englishes.
#[test]
fn validate_names_each_translation_problem_at_its_place() {
    let broken = spanish_fixture()
        .replace("  q-yes:\n", "  q-yess:\n")
        .replace(
            "{en: Agree, text: De acuerdo}",
            "{en: Agreed, text: De acuerdo}",
        )
        .replace("text: Un lápiz}", "text: \"\"}")
        .replace(
            "text: Reviso mi trabajo.}",
            "text: \"Reviso {mi} trabajo.\"}",
        )
        .replace(
            "    education: {en: Alpha school, text: Escuela alfa}\n",
            "",
        );
    let dir = quiz_with(&broken);
    let output = validate_in(dir.path(), "q.yaml");
    assert_eq!(output.status.code(), Some(2));
    let problems: Vec<String> = text(&output.stderr)
        .lines()
        .filter(|l| l.starts_with("q.es.yaml") || l.starts_with("  hint"))
        .map(String::from)
        .collect();
    assert_eq!(
        problems,
        [
            "q.es.yaml:17:12: warning: scales.five[3].en: stale: translated from \"Agreed\", \
             but the English is now \"Agree\"; check the translation, then copy the new \
             English into `en`",
            "q.es.yaml:26:1: error: questions.q-yes.text: no translation of \"Do you like parties?\"",
            "q.es.yaml:31:3: error: questions.q-yess: quiz `small` has no question `q-yess`",
            "  hint: did you mean `q-yes`?",
            "q.es.yaml:40:31: error: questions.q-choice.options.c.text: the translation is empty",
            "q.es.yaml:48:40: error: questions.q-required.text.text: the placeholders differ: \
             the English has none, the translation has {mi}",
            "q.es.yaml:50:3: error: profiles.alpha.education: no translation of \"Alpha school\"",
            "q.es.yaml: invalid: 5 errors",
        ]
    );
    // The quiz itself is valid: its line says so, and the translation's errors
    // make the run exit 2.
    assert!(text(&output.stdout).starts_with("q.yaml: valid: quiz `small`"));
}

#[test]
fn validate_reports_a_translation_of_another_quiz_and_a_language_its_name_denies() {
    let dir = quiz_with(
        &spanish_fixture()
            .replace("translation_of: small", "translation_of: big")
            .replace("lang: es", "lang: fr"),
    );
    let output = validate_in(dir.path(), "q.es.yaml");
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(
            "q.es.yaml:3:17: error: translation_of: this file translates quiz `big`, but it \
             is beside quiz `small`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "q.es.yaml:4:7: error: lang: the file's name says `es` and its `lang` says \
             `fr`; make them the same"
        ),
        "{stderr}"
    );
}

#[test]
fn validate_json_carries_translation_problems_too() {
    let dir = quiz_with(&spanish_fixture().replace("  q-yes:\n", "  q-yess:\n"));
    let output = careerfit()
        .current_dir(dir.path())
        .args(["validate", "--json", "q.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let problems = stdout_json(&output);
    let unknown = problems
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["field"] == "questions.q-yess")
        .expect("the unknown id is listed");
    assert_eq!(unknown["file"], "q.es.yaml");
    assert_eq!(unknown["line"], 31);
    assert_eq!(unknown["severity"], "error");
}

#[test]
fn a_translation_is_not_a_quiz() {
    let dir = tempfile::tempdir().unwrap();
    let quizzes = dir.path().join("quizzes");
    std::fs::create_dir(&quizzes).unwrap();
    std::fs::copy(fixture("small.yaml"), quizzes.join("small.yaml")).unwrap();
    std::fs::copy(fixture("small.es.yaml"), quizzes.join("small.es.yaml")).unwrap();
    let listed = careerfit()
        .current_dir(dir.path())
        .arg("list")
        .output()
        .unwrap();
    let stdout = text(&listed.stdout);
    assert!(stdout.contains("quizzes/small.yaml"), "{stdout}");
    assert!(!stdout.contains("small.es"), "{stdout}");
    assert!(!stdout.contains("invalid"), "{stdout}");
    // Named where a quiz is wanted, it says how to take the quiz in its language.
    let taken = careerfit()
        .current_dir(dir.path())
        .args(["take", "quizzes/small.es.yaml", "--answers", "-"])
        .write_stdin("answers: {}\n")
        .output()
        .unwrap();
    assert_eq!(taken.status.code(), Some(2));
    assert_eq!(
        text(&taken.stderr),
        "error: quizzes/small.es.yaml is a translation, not a quiz: give its quiz, with \
         `--lang es`\n"
    );
    // The quiz's id finds the quiz, and --lang its translation beside it.
    let (result, _) = {
        let output = careerfit()
            .current_dir(dir.path())
            .args(["take", "small", "--lang", "es", "--json", "--answers", "-"])
            .write_stdin("answers: {q-scale: 3, q-required: 4}\n")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        (stdout_json(&output), ())
    };
    assert_eq!(result["lang"], "es");
}

/// What a result says whatever its language.
fn figures(mut result: Value) -> Value {
    let object = result.as_object_mut().unwrap();
    for field in ["completed_at", "lang", "quiz"] {
        object.remove(field);
    }
    for t in object["traits"].as_array_mut().unwrap() {
        t.as_object_mut().unwrap().remove("name");
    }
    let profiles: Vec<Value> = object["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            serde_json::json!([
                p["id"],
                p["fit"],
                p["growth_areas"],
                p["unmet_requirements"]
            ])
        })
        .collect();
    object.insert("profiles".into(), profiles.into());
    result
}

#[test]
fn lang_takes_the_quiz_in_spanish_with_the_same_figures() {
    let (english, _) = take(&[], &[]);
    let (spanish, stderr) = take(&["--lang", "es"], &[]);
    assert_eq!(stderr, "");
    assert_eq!(
        english.get("lang"),
        None,
        "English results are as they were"
    );
    assert_eq!(spanish["lang"], "es");
    assert_eq!(spanish["quiz"]["title"], "Un cuestionario pequeño");
    assert_eq!(spanish["quiz"]["id"], "small");
    assert_eq!(spanish["traits"][0]["name"], "Cuidadoso/a");
    assert_eq!(spanish["profiles"][0]["title"], "Camino beta");
    assert_eq!(spanish["profiles"][0]["band"], "Encaja muy bien");
    // An English label in the answers file ("High") is read in any language.
    assert_eq!(spanish["answers"][0]["answer"], 3);
    assert_eq!(figures(spanish), figures(english));
}

#[test]
fn the_locale_chooses_the_language_in_posix_order() {
    let lang = |env: &[(&str, &str)]| {
        let (result, stderr) = take(&[], env);
        assert_eq!(stderr, "", "{env:?}");
        result.get("lang").cloned().unwrap_or("en".into())
    };
    assert_eq!(lang(&[("LANG", "es_US.UTF-8")]), "es");
    assert_eq!(
        lang(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "es_MX.UTF-8")]),
        "es"
    );
    assert_eq!(lang(&[("LANG", "es_US.UTF-8"), ("LC_ALL", "C")]), "en");
    assert_eq!(
        lang(&[("LANG", "es_US.UTF-8"), ("LC_ALL", "en_US.UTF-8")]),
        "en"
    );
    assert_eq!(lang(&[("LANG", "POSIX")]), "en");
    // --lang wins over the locale.
    let (result, _) = take(&["--lang", "en"], &[("LC_ALL", "es_US.UTF-8")]);
    assert_eq!(result.get("lang"), None);
}

#[test]
fn a_language_the_quiz_lacks_is_english_with_one_note() {
    let note = "note: quiz `small` has no translation into fr; it is asked in English.\n";
    let (result, stderr) = take(&["--lang", "fr"], &[]);
    assert_eq!(stderr, note);
    assert_eq!(result.get("lang"), None);
    let (_, stderr) = take(&[], &[("LANG", "fr_FR.UTF-8")]);
    assert_eq!(stderr, note.replace("into fr;", "into fr-FR;"));
    // In Spanish for a quiz that has no Spanish: the interface speaks it.
    let dir = tempfile::tempdir().unwrap();
    let output = careerfit()
        .arg("take")
        .arg(fixture("forced.yaml"))
        .args(["--json", "--lang", "es-MX", "--answers", "-"])
        .write_stdin("answers: {}\n")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        text(&output.stderr),
        "nota: el cuestionario `forced` no está traducido a es-MX; va en inglés.\n"
    );
}

#[test]
fn lang_is_refused_when_it_is_no_language_tag() {
    let output = careerfit()
        .args(["take", "--lang", "not a language", "--answers", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("`not a language` is not a language tag such as en or es"),
        "{}",
        text(&output.stderr)
    );
}

/// `explain`, `report`, `form` and `score` speak the language asked for; a result
/// taken in one language is explained in another.
#[test]
fn every_command_that_speaks_to_a_person_takes_lang() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("result.json");
    let output = careerfit()
        .arg("take")
        .arg(fixture("small.yaml"))
        .arg("--answers")
        .arg(answers(dir.path()))
        .arg("-o")
        .arg(&saved)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let run = |args: &[&str]| {
        let output = careerfit()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    };
    let small = fixture("small.yaml").display().to_string();
    let explained = run(&[
        "explain",
        "result.json",
        "--quiz",
        &small,
        "--lang",
        "es",
        "--format",
        "plain",
    ]);
    assert!(
        explained.starts_with("Why Camino beta fits you"),
        "{explained}"
    );
    assert!(
        explained.contains("¿Evitas a la gente? (Sociable)"),
        "{explained}"
    );
    run(&[
        "report",
        "result.json",
        "--quiz",
        &small,
        "--lang",
        "es",
        "-o",
        "page.html",
    ]);
    let page = std::fs::read_to_string(dir.path().join("page.html")).unwrap();
    assert!(page.contains("Camino beta"));
    assert!(page.contains("Un cuestionario pequeño"));
    let form = run(&["form", &small, "--lang", "es", "--format", "text"]);
    assert!(form.contains("¿Qué tan cuidadoso/a eres?"), "{form}");
    assert!(form.contains("Muy de acuerdo"), "{form}");
    write(
        dir.path(),
        "rows.jsonl",
        "{\"id\": \"r-1\", \"answers\": {\"q-scale\": \"Alto\", \"q-choice\": \"a\", \"q-required\": 4}}\n",
    );
    // With --lang, the labels of the form in that language are read ("Alto").
    let scored = run(&["score", &small, "rows.jsonl", "--full", "--lang", "es"]);
    assert!(
        scored.contains("\"title\":\"Un cuestionario pequeño\""),
        "{scored}"
    );
    // score reads no locale: its rows are in their form's language.
    write(
        dir.path(),
        "ids.jsonl",
        "{\"id\": \"r-1\", \"answers\": {\"q-scale\": 3, \"q-required\": 4}}\n",
    );
    let output = careerfit()
        .current_dir(dir.path())
        .env("LANG", "es_US.UTF-8")
        .args(["score", &small, "ids.jsonl", "--full"])
        .output()
        .unwrap();
    assert!(text(&output.stdout).contains("\"title\":\"A small quiz\""));
}

/// A translation of a built-in quiz is compiled in with it: the file and the
/// binary's copy are the same, and it is valid.
#[test]
fn every_translation_of_a_built_in_quiz_is_compiled_in_and_valid() {
    for entry in std::fs::read_dir("quizzes").unwrap() {
        let path = entry.unwrap().path();
        let Some((quiz, lang)) = careerfit::quiz::catalog::translation_name(&path) else {
            continue;
        };
        if careerfit::quiz::builtin::find(&quiz).is_none() {
            continue;
        }
        let contents = std::fs::read_to_string(&path).unwrap();
        assert!(
            careerfit::quiz::builtin::TRANSLATIONS
                .iter()
                .any(|(id, l, t)| *id == quiz && *l == lang && *t == contents),
            "{} is not in quiz::builtin::TRANSLATIONS",
            path.display()
        );
        let output = careerfit()
            .args(["validate", &format!("quizzes/{quiz}.yaml")])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    }
}

/// A translation with errors still serves: what it lacks is English, and one note
/// (in the interface's language) says where to look.
#[test]
fn an_incomplete_translation_gives_english_where_it_lacks_with_one_note() {
    let dir = quiz_with(&spanish_fixture().replace(
        "  q-yes:\n    text: {en: Do you like parties?, text: ¿Te gustan las fiestas?}\n",
        "",
    ));
    answers(dir.path());
    let output = careerfit()
        .current_dir(dir.path())
        .args([
            "take",
            "q.yaml",
            "--lang",
            "es",
            "--json",
            "--answers",
            "answers.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stderr),
        "nota: la traducción a es del cuestionario `small` tiene problemas (q.es.yaml); lo \
         que le falta va en inglés. `careerfit validate q.es.yaml` los muestra.\n"
    );
    let result = stdout_json(&output);
    assert_eq!(result["lang"], "es");
    assert_eq!(result["quiz"]["title"], "Un cuestionario pequeño");
}

/// A result taken in Spanish is explained in Spanish when the locale names no
/// language, and in the locale's or --lang's when they do.
#[test]
fn a_result_is_explained_in_its_language_unless_asked_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    answers(dir.path());
    let small = fixture("small.yaml").display().to_string();
    let taken = careerfit()
        .current_dir(dir.path())
        .args([
            "take",
            &small,
            "--lang",
            "es",
            "--answers",
            "answers.yaml",
            "-o",
            "r.json",
        ])
        .output()
        .unwrap();
    assert_eq!(taken.status.code(), Some(0), "{}", text(&taken.stderr));
    let explain = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = careerfit();
        cmd.current_dir(dir.path())
            .args(["explain", "r.json", "--quiz", &small, "--format", "plain"])
            .args(args);
        for (name, value) in env {
            cmd.env(name, value);
        }
        text(&cmd.output().unwrap().stdout)
    };
    assert!(explain(&[], &[]).starts_with("Why Camino beta"));
    assert!(explain(&[], &[("LANG", "C.UTF-8")]).starts_with("Why Camino beta"));
    assert!(explain(&[], &[("LANG", "en_US.UTF-8")]).starts_with("Why Beta pathway"));
    assert!(explain(&["--lang", "en"], &[]).starts_with("Why Beta pathway"));
}
