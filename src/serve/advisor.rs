//! The advisor's pages: the login by the token printed at start, the live class view
//! (who started, who finished, their answers' verdicts and best fits, the class
//! report of `score`), the export that `score` reads, its spreadsheet, closing the
//! class and deleting a student. Every address under /advisor without the advisor's
//! session answers 401 and shows nothing.

use super::{App, Failure, Shared, db, field, form, pages, security, write};
use axum::Router;
use axum::extract::{ConnectInfo, Form, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::html;
use std::net::SocketAddr;

const ADVISOR_COOKIE: &str = "careerfit_advisor";
/// Advisor sessions kept at once; the oldest goes first.
const MAX_SESSIONS: usize = 32;

pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/advisor/login", get(login))
        .route("/advisor", get(class_page))
        .route("/advisor/", get(class_page))
        .route("/advisor/export.jsonl", get(export))
        .route("/advisor/results.csv", get(spreadsheet))
        .route("/advisor/class", post(open_or_close))
        .route("/advisor/students/{id}/delete", post(delete))
        .route("/advisor/{*rest}", get(nothing_here).post(nothing_here))
}

/// The advisor's session and its form token, when the request has one.
fn session(app: &App, headers: &HeaderMap) -> Option<(String, String)> {
    let given = super::cookie(headers, ADVISOR_COOKIE)?;
    let sessions = app.advisors.lock().unwrap_or_else(|p| p.into_inner());
    sessions
        .iter()
        .find(|(s, _)| security::same_token(given, s))
        .cloned()
}

async fn login(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    if !app.limits.allow(None, peer.ip()) {
        return Err(Failure::TooMany);
    }
    let token = field(&query, "token").unwrap_or("");
    if !security::same_token(token, &app.advisor_token) {
        return Err(Failure::NotAdvisor);
    }
    let (session, form_token) = (security::token(), security::token());
    {
        let mut sessions = app.advisors.lock().unwrap_or_else(|p| p.into_inner());
        if sessions.len() >= MAX_SESSIONS {
            sessions.remove(0);
        }
        sessions.push((session.clone(), form_token));
    }
    let cookie = super::set_cookie(ADVISOR_COOKIE, &session, "Strict", "/advisor", app.tls);
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/advisor")).into_response())
}

async fn nothing_here(State(app): State<Shared>, headers: HeaderMap) -> Failure {
    match session(&app, &headers) {
        Some(_) => Failure::NotFound,
        None => Failure::NotAdvisor,
    }
}

/// Every finished student as a line of `score`'s input, first started first, and
/// the ids used: `NAME #N`, or `#N` without a name (N is the student's number,
/// which stays theirs).
async fn export_lines(app: &Shared) -> Result<Vec<u8>, Failure> {
    let students = db(app, |s| s.students()).await?;
    let mut out = Vec::new();
    for student in students.iter().filter(|s| s.result.is_some()) {
        let answers = super::student::answers_of(app, student.id).await?;
        out.extend(export_line(&app.quiz, &id_of(student), &answers));
    }
    Ok(out)
}

fn id_of(student: &super::store::Listed) -> String {
    match student.name.as_str() {
        "" => format!("#{}", student.id),
        name => format!("{name} #{}", student.id),
    }
}

/// `score` run on the export, as the advisor would run it: its rows (CSV or the
/// compact JSON) and its summary.
fn score(
    app: &App,
    export: Vec<u8>,
    output: crate::batch::Output,
) -> Result<(Vec<u8>, crate::batch::summary::Summary), Failure> {
    let options = crate::batch::Options {
        input: crate::rows::Input {
            format: crate::rows::Format::Jsonl,
            delimiter: None,
            id_column: None,
            stream: false,
        },
        output,
        strict: false,
        jobs: 1,
        completed_at: crate::result::now(),
    };
    let mut out = Vec::new();
    let mut messages = Vec::new();
    let outcome = crate::batch::run(
        &app.quiz,
        "export.jsonl",
        Box::new(std::io::Cursor::new(export)),
        &mut out,
        &mut messages,
        &options,
    )
    .map_err(|e| Failure::Internal(format!("scoring the class failed: {e}")))?;
    Ok((out, outcome.summary))
}

async fn export(State(app): State<Shared>, headers: HeaderMap) -> Result<Response, Failure> {
    session(&app, &headers).ok_or(Failure::NotAdvisor)?;
    let lines = export_lines(&app).await?;
    Ok(download(lines, "application/x-ndjson", "class.jsonl"))
}

async fn spreadsheet(State(app): State<Shared>, headers: HeaderMap) -> Result<Response, Failure> {
    session(&app, &headers).ok_or(Failure::NotAdvisor)?;
    let lines = export_lines(&app).await?;
    let (csv, _) = score(&app, lines, crate::batch::Output::Csv)?;
    Ok(download(csv, "text/csv; charset=utf-8", "results.csv"))
}

fn download(body: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .expect("file names here are plain");
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

/// An advisor's POST: from this site, with the session's form token.
fn check_post(
    app: &App,
    headers: &HeaderMap,
    fields: &[(String, String)],
    peer: SocketAddr,
) -> Result<(), Failure> {
    let (session, form_token) = session(app, headers).ok_or(Failure::NotAdvisor)?;
    super::check_post(app, headers, fields, &form_token, Some(&session), peer.ip())
}

async fn open_or_close(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    check_post(&app, &headers, &fields, peer)?;
    let open = match field(&fields, form::ACTION) {
        Some("open") => true,
        Some("close") => false,
        _ => return Ok(Redirect::to("/advisor").into_response()),
    };
    write(&app, move |s| s.set_open(open)).await?;
    Ok(Redirect::to("/advisor").into_response())
}

async fn delete(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    check_post(&app, &headers, &fields, peer)?;
    write(&app, move |s| s.delete(id)).await?;
    Ok(Redirect::to("/advisor").into_response())
}

/// What the list shows of a finished student's result.
struct Finished {
    verdict: String,
    best: String,
    low: bool,
}

fn finished(result: &str) -> Option<Finished> {
    let result: crate::result::QuizResult = serde_json::from_str(result).ok()?;
    let best = result
        .profiles
        .iter()
        .filter(|p| result.best.contains(&p.id))
        .map(|p| p.title.as_str())
        .collect::<Vec<_>>()
        .join(" / ");
    Some(Finished {
        verdict: result
            .verdict
            .as_ref()
            .map_or(String::new(), |v| v.answer.as_str().replace('_', " ")),
        best,
        low: result.confidence == crate::trust::Confidence::Low,
    })
}

async fn class_page(State(app): State<Shared>, headers: HeaderMap) -> Result<Response, Failure> {
    let (_, form_token) = session(&app, &headers).ok_or(Failure::NotAdvisor)?;
    let students = db(&app, |s| s.students()).await?;
    let open = db(&app, |s| s.is_open()).await?;
    let lines = export_lines(&app).await?;
    let (_, summary) = score(&app, lines, crate::batch::Output::Compact)?;
    let quiz = &app.quiz;
    let total = quiz.questions.len();
    let done = students.iter().filter(|s| s.result.is_some()).count();
    let token = html! { input type="hidden" name=(form::TOKEN) value=(form_token); };
    let made = crate::report::html::human_date(&crate::result::now());
    let body = html! {
        h1 { "Your class: " (quiz.title) }
        p.meta { "As of " (made) ". This page does not update itself: "
            a href="/advisor" { "refresh it" } " to see new answers." }
        section {
            h2 { "Students" }
            table #progress {
                caption { "Who started and who finished" }
                tbody {
                    tr { th scope="row" { "Started" } td.num #started { (students.len()) } }
                    tr { th scope="row" { "Finished" } td.num #finished { (done) } }
                    tr { th scope="row" { "Still answering" } td.num #answering { (students.len() - done) } }
                }
            }
            p { "The class is " strong { @if open { "open" } @else { "closed" } } ": "
                @if open { "students can start the quiz." } @else { "no one new can start; those who started can finish." } }
            form method="post" action="/advisor/class" {
                (token)
                @if open {
                    button type="submit" name=(form::ACTION) value="close" { "Close the class to new students" }
                } @else {
                    button type="submit" name=(form::ACTION) value="open" { "Open the class again" }
                }
            }
            p { "Downloads: " a href="/advisor/results.csv" { "the spreadsheet (results.csv)" }
                ", the same as " code { "careerfit score --format csv" } " on "
                a href="/advisor/export.jsonl" { "the answers (class.jsonl)" } "." }
            @if students.is_empty() {
                p { "No one has started yet. Share the students' address." }
            } @else {
                // Wider than a phone: it scrolls sideways, by keyboard too.
                div.wide tabindex="0" role="region" aria-labelledby="students-caption" {
                table #students {
                    caption #students-caption { "Every student, first started first" }
                    thead { tr {
                        th scope="col" { "Student" } th scope="col" { "Answered" }
                        th scope="col" { "Answer" } th scope="col" { "Best fit" }
                        th scope="col" { "Confidence" } th scope="col" { "Delete" }
                    } }
                    tbody {
                        @for s in &students {
                            @let who = id_of(s);
                            @let result = s.result.as_deref().and_then(finished);
                            tr {
                                td { (who) }
                                td.num { (s.answered) " of " (total) }
                                @if let Some(r) = &result {
                                    td { (r.verdict) }
                                    td { (r.best) }
                                    td { @if r.low { strong { "low" } } @else { "normal" } }
                                } @else {
                                    td { "not finished" } td {} td {}
                                }
                                td {
                                    form.inline method="post" action=(format!("/advisor/students/{}/delete", s.id)) {
                                        (token)
                                        button type="submit" name=(form::ACTION) value="delete" {
                                            "Delete" span.visually-hidden { " the answers of " (who) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                }
            }
        }
        @if done > 0 {
            (crate::report::html::class::body(quiz, &summary, "this class's finished students", &made))
        }
    };
    let banner = html! { p { strong { "careerfit serve" } " — the advisor's view" } };
    let page = pages::shell(
        &format!("Your class — {}", quiz.title),
        "/advisor.css",
        banner,
        body,
    );
    Ok(Html(page).into_response())
}

/// A finished student's answers as `score` reads them: one JSON line.
fn export_line(quiz: &crate::quiz::Quiz, id: &str, answers: &crate::answers::Answers) -> Vec<u8> {
    let mut line = b"{\"id\":".to_vec();
    crate::json::to_writer(&mut line, id).expect("an id serialises");
    line.extend_from_slice(b",\"answers\":{");
    let mut first = true;
    for (i, answer) in answers.iter().enumerate() {
        let Some(answer) = answer else { continue };
        if !std::mem::take(&mut first) {
            line.push(b',');
        }
        crate::json::to_writer(&mut line, &quiz.questions[i].id).expect("an id serialises");
        line.push(b':');
        let value = form::to_json(quiz, i, answer);
        crate::json::to_writer(&mut line, &value).expect("an answer serialises");
    }
    line.extend_from_slice(b"}}\n");
    line
}
