//! The pages `serve` sends, as maud templates: server-rendered HTML that works with
//! JavaScript off, in the report's look, fitted to a phone. maud escapes every piece
//! of text it is given, so nothing a student typed can become markup. Radio groups
//! and checkboxes sit in a `fieldset` with a `legend`; a problem with an answer is
//! written beside its question and named by the group's `aria-describedby`.

use super::posted::{ACTION, TOKEN};
use crate::answers::Answer;
use crate::quiz::{Question, QuestionKind, Quiz};
use maud::{Markup, html};
use std::ops::Range;

/// The screen's additions to the report's style: room to tap, visible focus, and
/// the form's parts.
const SCREEN: &str = "
a { overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
                   clip: rect(0 0 0 0); white-space: nowrap; }
@media screen {
  body { max-width: 42rem; padding: 1rem; font-size: 1.05rem; line-height: 1.5; }
  header { border-bottom: 1px solid #999; margin-bottom: 1rem; }
  header p { margin: 0.3rem 0; }
  fieldset { border: 1px solid #bbb; border-radius: 4px; margin: 0 0 1rem; padding: 0.5rem 1rem 0.8rem; }
  legend { font-weight: bold; padding: 0 0.3rem; }
  label.choice { display: block; padding: 0.45rem 0.2rem; }
  label.choice input { margin-right: 0.5rem; transform: scale(1.3); }
  label.field { display: block; font-weight: bold; margin: 0.5rem 0 0.2rem; }
  input[type=text] { font-size: 1rem; padding: 0.4rem; width: 100%; max-width: 24rem; }
  button { font-size: 1rem; padding: 0.55rem 1.2rem; margin: 0.3rem 0.6rem 0.3rem 0; }
  a:focus, button:focus, input:focus { outline: 3px solid #1f4e79; outline-offset: 2px; }
  p.problem, li.problem { color: #8b0000; font-weight: bold; }
  fieldset.problem { border: 2px solid #8b0000; }
  p.hint { color: #444; margin: 0 0 0.3rem; }
  .actions { margin: 1rem 0 2rem; }
  table.review td:first-child { width: 60%; }
  form.inline { display: inline; }
  div.wide { overflow-x: auto; position: relative; }
  form.inline button { padding: 0.2rem 0.6rem; margin: 0; font-size: 0.9rem; }
}
";

/// The students' style sheet (`/style.css`): the report's, then the screen's.
pub fn student_css() -> String {
    format!("{}{SCREEN}", crate::report::html::STYLE)
}

/// The advisor's style sheet (`/advisor.css`): the class report's, then the screen's.
pub fn advisor_css() -> String {
    format!("{}{SCREEN}", crate::report::html::class::STYLE)
}

/// A whole page: the header names the quiz and, once a student has one, their
/// personal code; the content is the `main` landmark.
pub fn shell(title: &str, css: &str, banner: Markup, body: Markup) -> String {
    let styling = html! { link rel="stylesheet" href=(css); };
    crate::report::html::document(title, styling, Some(banner), body)
}

/// The students' header: the quiz, and the code to come back with.
pub fn banner(quiz: &Quiz, code: Option<&str>) -> Markup {
    html! {
        p { strong { (quiz.title) } }
        @if let Some(code) = code {
            p { "Your personal code: " strong.code { (code) }
                ". Write it down: with it you can go on later, on any device." }
        }
    }
}

fn hidden_token(token: &str) -> Markup {
    html! { input type="hidden" name=(TOKEN) value=(token); }
}

/// The start page: what the quiz is, what is kept, and the two ways in.
pub struct Start<'a> {
    pub quiz: &'a Quiz,
    /// The token of the start and resume forms (also in a cookie).
    pub token: &'a str,
    pub open: bool,
    /// A student this browser already has: (their page to go on from, finished).
    pub returning: Option<(String, bool)>,
    pub problem: Option<&'a str>,
}

pub fn start(s: &Start) -> String {
    let quiz = s.quiz;
    let body = html! {
        h1 { (quiz.title) }
        @if let Some(description) = &quiz.description { p { (description) } }
        p { (quiz.questions.len()) " questions, a page of about ten at a time. Answer for \
            yourself as you are now; you can go back, skip a question, and review every \
            answer before your result." }
        p { "Your answers are kept on this server for your advisor, who can see them and \
            your result, and can delete them. Nothing is sent anywhere else." }
        @if let Some(problem) = s.problem { p.problem role="alert" { (problem) } }
        @if let Some((href, finished)) = &s.returning {
            p { a href=(href) {
                @if *finished { "See your result" } @else { "Go on where you left off" }
            } }
        }
        @if s.open {
            h2 { "Start the quiz" }
            form method="post" action="/start" {
                (hidden_token(s.token))
                label.field for="name" { "Your name or class code (optional)" }
                p.hint id="name-hint" { "Your advisor sees it beside your answers." }
                input type="text" id="name" name="name" maxlength="100" autocomplete="off"
                    aria-describedby="name-hint";
                div.actions { button type="submit" name=(ACTION) value="next" { "Start" } }
            }
        } @else {
            p { strong { "This class is closed to new students." } " If you have started, \
                go on with your personal code." }
        }
        h2 { "Go on with a personal code" }
        form method="post" action="/resume" {
            (hidden_token(s.token))
            label.field for="code" { "Your personal code" }
            input type="text" id="code" name="code" maxlength="20" autocomplete="off"
                autocapitalize="characters" spellcheck="false";
            div.actions { button type="submit" name=(ACTION) value="next" { "Go on" } }
        }
    };
    shell(&quiz.title, "/style.css", banner(quiz, None), body)
}

/// A page of questions: what the student answered so far, and problems beside
/// their questions when the page came back refused.
pub struct QuestionsPage<'a> {
    pub quiz: &'a Quiz,
    pub code: &'a str,
    pub token: &'a str,
    pub page: usize,
    pub pages: usize,
    pub range: Range<usize>,
    /// The answers to show chosen, one per question of the quiz.
    pub answers: &'a [Option<Answer>],
    /// The order this student sees each question's options in (`shown_options`;
    /// empty: the file's).
    pub shown: &'a [Vec<usize>],
    /// (question index or none for the page, message).
    pub problems: &'a [(Option<usize>, String)],
}

pub fn questions(p: &QuestionsPage) -> String {
    let quiz = p.quiz;
    let total = quiz.questions.len();
    let heading = format!("Question {}–{} of {total}", p.range.start + 1, p.range.end);
    let page_problems: Vec<&str> = p
        .problems
        .iter()
        .filter(|(q, _)| q.is_none())
        .map(|(_, m)| m.as_str())
        .collect();
    let body = html! {
        h1 { (heading) }
        p.hint { "Page " (p.page) " of " (p.pages) ". Leave a question unanswered to skip it." }
        @if !p.problems.is_empty() {
            div role="alert" {
                p.problem { "Nothing on this page was saved: "
                    @if p.problems.len() == 1 { "one answer needs" } @else { "some answers need" }
                    " a look." }
                @if !page_problems.is_empty() {
                    ul { @for m in &page_problems { li.problem { (m) } } }
                }
            }
        }
        form method="post" action=(format!("/quiz/{}", p.page)) {
            (hidden_token(p.token))
            @for i in p.range.clone() {
                @let problem = p.problems.iter().find(|(q, _)| *q == Some(i)).map(|(_, m)| m.as_str());
                (question(quiz, i, p.answers[i].as_ref(), problem, &p.shown[i]))
            }
            div.actions {
                button type="submit" name=(ACTION) value="next" {
                    @if p.page == p.pages { "Next: review your answers" } @else { "Next" }
                }
                button type="submit" name=(ACTION) value="back" { "Back" }
            }
        }
    };
    shell(
        &format!("{heading} — {}", quiz.title),
        "/style.css",
        banner(quiz, Some(p.code)),
        body,
    )
}

/// One question as a group of radio buttons or checkboxes.
fn question(
    quiz: &Quiz,
    i: usize,
    answer: Option<&Answer>,
    problem: Option<&str>,
    shown: &[usize],
) -> Markup {
    let q: &Question = &quiz.questions[i];
    let chosen = answer
        .map(|a| super::posted::values(&q.kind, a))
        .unwrap_or_default();
    let is = |value: &str| chosen.iter().any(|c| c == value);
    let group = format!("q-{}", q.id);
    let error_id = format!("{group}-problem");
    let mut options: Vec<(String, &str)> = match &q.kind {
        QuestionKind::Scale { labels, .. } => labels
            .iter()
            .enumerate()
            .map(|(p, l)| ((p + 1).to_string(), l.as_str()))
            .collect(),
        QuestionKind::YesNo { .. } => vec![("yes".into(), "Yes"), ("no".into(), "No")],
        QuestionKind::Choice { options } | QuestionKind::Multi { options } => options
            .iter()
            .map(|o| (o.id.clone(), o.label.as_str()))
            .collect(),
    };
    if !shown.is_empty() {
        options = shown.iter().map(|&o| options[o].clone()).collect();
    }
    let multi = matches!(q.kind, QuestionKind::Multi { .. });
    let kind = if multi { "checkbox" } else { "radio" };
    html! {
        fieldset id=(group) class=[problem.map(|_| "problem")]
            aria-describedby=[problem.map(|_| error_id.as_str())] {
            legend { (i + 1) ". " (q.text) }
            @if let Some(problem) = problem { p.problem id=(error_id) { (problem) } }
            @if multi { p.hint { "Tick any that apply; none ticked is an answer too." } }
            @for (n, (value, label)) in options.iter().enumerate() {
                @let id = format!("{group}-{n}");
                label.choice for=(id) {
                    input type=(kind) id=(id) name=(q.id) value=(value) checked[is(value)];
                    (label)
                }
            }
            @if !multi {
                @let id = format!("{group}-skip");
                label.choice for=(id) {
                    input type="radio" id=(id) name=(q.id) value="" checked[answer.is_none()];
                    em { "Skip this question" }
                }
            }
        }
    }
}

/// The review page: every answer, with a way back to its page, and the finish.
pub struct Review<'a> {
    pub quiz: &'a Quiz,
    pub code: &'a str,
    pub token: &'a str,
    pub answers: &'a [Option<Answer>],
    pub per_page: usize,
}

pub fn review(r: &Review) -> String {
    let quiz = r.quiz;
    let answered = r.answers.iter().filter(|a| a.is_some()).count();
    let total = quiz.questions.len();
    let body = html! {
        h1 { "Review your answers" }
        p { "You answered " (answered) " of " (total) " questions."
            @if answered < total { " Skipped questions count for nothing: the more you answer, \
                the more your result can say." } }
        table.review {
            caption { "Your answers, in the quiz's order" }
            thead { tr { th scope="col" { "Question" } th scope="col" { "Your answer" } th scope="col" { "Change" } } }
            tbody {
                @for (i, q) in quiz.questions.iter().enumerate() {
                    tr {
                        td { (i + 1) ". " (q.text) }
                        td { (answer_words(q, r.answers[i].as_ref())) }
                        td { a href=(format!("/quiz/{}#q-{}", i / r.per_page + 1, q.id)) {
                            "Change" span.visually-hidden { " the answer to question " (i + 1) } } }
                    }
                }
            }
        }
        form method="post" action="/review" {
            (hidden_token(r.token))
            div.actions {
                button type="submit" name=(ACTION) value="finish" { "Finish and see my result" }
                button type="submit" name=(ACTION) value="back" { "Back" }
            }
        }
    };
    shell(
        &format!("Review your answers — {}", quiz.title),
        "/style.css",
        banner(quiz, Some(r.code)),
        body,
    )
}

/// An answer in the words the student chose it by.
fn answer_words(q: &Question, answer: Option<&Answer>) -> String {
    match (answer, &q.kind) {
        (None, _) => "Skipped".into(),
        (Some(Answer::Scale(p)), QuestionKind::Scale { labels, .. }) => {
            labels.get(p - 1).cloned().unwrap_or_else(|| p.to_string())
        }
        (Some(Answer::YesNo(yes)), _) => if *yes { "Yes" } else { "No" }.into(),
        (Some(Answer::Choice(i)), QuestionKind::Choice { options }) => options[*i].label.clone(),
        (Some(Answer::Multi(chosen)), _) if chosen.is_empty() => "None ticked".into(),
        (Some(Answer::Multi(chosen)), QuestionKind::Multi { options }) => chosen
            .iter()
            .map(|i| options[*i].label.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// The personal result: the report's content, with its JSON a link away.
pub fn result(quiz: &Quiz, code: Option<&str>, report: Markup, key: &str) -> String {
    let body = html! {
        (report)
        section {
            h2 { "Keep your result" }
            p { "This page's address is your own: bookmark it to come back. "
                a href=(format!("/result/{key}.json")) { "Your result as JSON" }
                " is what " code { "careerfit take --format json" } " prints for the same answers." }
        }
    };
    shell(
        &format!("{} — your result", quiz.title),
        "/style.css",
        banner(quiz, code),
        body,
    )
}

/// A page that says what went wrong and what to do; never a stack trace.
pub fn message(title: &str, css: &str, text: &str, link: Option<(&str, &str)>) -> String {
    let body = html! {
        h1 { (title) }
        p { (text) }
        @if let Some((href, words)) = link { p { a href=(href) { (words) } } }
    };
    shell(title, css, html! { p { strong { "careerfit" } } }, body)
}
