//! The students' side of `serve`: the start page and its two ways in (start, or
//! resume with a personal code), the pages of questions, the review, the finish,
//! and the personal result with its JSON. Every change is committed before the
//! reply (`write`); every POST is checked (`check_post`, `check_start_post`).

use super::store::Student;
use super::{
    App, Failure, MAX_NAME, PER_PAGE, START_COOKIE, STUDENT_COOKIE, Shared, check_post, cookie, db,
    field, from_this_site, is_token, pages, posted, security, set_cookie, write,
};
use crate::answers::Answers;
use crate::quiz::Quiz;
use crate::result::now;
use axum::extract::{ConnectInfo, Form, FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::net::SocketAddr;

/// The student this browser is, if any.
pub(super) async fn student_of(
    app: &Shared,
    headers: &HeaderMap,
) -> Result<Option<Student>, Failure> {
    let Some(session) = cookie(headers, STUDENT_COOKIE).filter(|s| is_token(s)) else {
        return Ok(None);
    };
    let session = session.to_string();
    db(app, move |s| s.by_session(&session)).await
}

/// The student of this browser, still answering; else the handler does not run,
/// and they are sent where they belong: the start page, or their result once they
/// have finished.
pub(super) struct Answering(Student);

impl FromRequestParts<Shared> for Answering {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Shared) -> Result<Self, Response> {
        match student_of(app, &parts.headers).await {
            Err(failure) => Err(failure.into_response()),
            Ok(None) => Err(Redirect::to("/").into_response()),
            Ok(Some(student)) => still_answering(student)
                .map(Answering)
                .map_err(IntoResponse::into_response),
        }
    }
}

/// A POST of the student of this browser, its form read and checked (see
/// `check_post`), while they are still answering; else the handler does not run:
/// 403, or their result's address once they have finished.
pub(super) struct Posted {
    student: Student,
    fields: Vec<(String, String)>,
}

impl FromRequest<Shared> for Posted {
    type Rejection = Response;

    async fn from_request(request: Request, app: &Shared) -> Result<Self, Response> {
        let super::Post {
            peer,
            headers,
            fields,
            ..
        } = super::read_post(request, app).await?;
        let checked = async {
            let student = student_of(app, &headers).await?.ok_or(Failure::Forbidden)?;
            let session = cookie(&headers, STUDENT_COOKIE);
            check_post(
                app,
                &headers,
                &fields,
                &student.form_token,
                session,
                peer.ip(),
            )?;
            Ok::<_, Failure>(student)
        };
        let student = checked.await.map_err(IntoResponse::into_response)?;
        let student = still_answering(student).map_err(IntoResponse::into_response)?;
        Ok(Posted { student, fields })
    }
}

fn still_answering(student: Student) -> Result<Student, Redirect> {
    match &student.result_key {
        Some(key) => Err(Redirect::to(&format!("/result/{key}"))),
        None => Ok(student),
    }
}

/// Where a student goes on from: their result, the review, or their page.
fn place_of(student: &Student, pages: usize) -> String {
    match &student.result_key {
        Some(key) => format!("/result/{key}"),
        None if student.page > pages => "/review".to_string(),
        None => format!("/quiz/{}", student.page),
    }
}

/// The order this student sees each question's options in: a forced choice's in an
/// order of their own (as `take` shows them), from their personal code, so that
/// choosing the first option throughout does not choose one pathway, and a page
/// shown again keeps its order.
fn shown_options(quiz: &Quiz, student: &Student) -> Vec<Vec<usize>> {
    // FNV-1a of the code: random when it was made, the same every time after.
    let seed = student
        .code
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    crate::quiz::shown_options(quiz, Some(seed))
}

fn pages_of(quiz: &Quiz) -> usize {
    quiz.questions.len().div_ceil(PER_PAGE).max(1)
}

pub(super) async fn start_page(
    State(app): State<Shared>,
    headers: HeaderMap,
) -> Result<Response, Failure> {
    let student = student_of(&app, &headers).await?;
    let open = db(&app, |s| s.is_open()).await?;
    let token = match cookie(&headers, START_COOKIE).filter(|t| is_token(t)) {
        Some(token) => token.to_string(),
        None => security::token(),
    };
    let pages = pages_of(&app.quiz);
    let page = pages::start(&pages::Start {
        quiz: &app.quiz,
        token: &token,
        open,
        returning: student.map(|s| (place_of(&s, pages), s.result_key.is_some())),
        problem: None,
    });
    let cookie = set_cookie(START_COOKIE, &token, cookie::SameSite::Strict, "/", app.tls);
    Ok(([(header::SET_COOKIE, cookie)], Html(page)).into_response())
}

/// A POST of the start or resume form: from this site, with the token of the
/// start cookie (a page of another site cannot know it), within the address's
/// allowance for that form.
fn check_start_post(
    app: &App,
    headers: &HeaderMap,
    fields: &[(String, String)],
    peer: SocketAddr,
    limit: security::Limit,
) -> Result<(), Failure> {
    let token_ok = match (cookie(headers, START_COOKIE), field(fields, posted::TOKEN)) {
        (Some(expected), Some(given)) => {
            is_token(expected) && security::same_token(given, expected)
        }
        _ => false,
    };
    if !from_this_site(app, headers) || !token_ok {
        return Err(Failure::Forbidden);
    }
    if !app.limits.allow(limit, None, peer.ip()) {
        return Err(Failure::TooMany(limit));
    }
    Ok(())
}

pub(super) async fn start(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    check_start_post(&app, &headers, &fields, peer, security::Limit::Start)?;
    if !db(&app, |s| s.is_open()).await? {
        return Ok(Redirect::to("/").into_response());
    }
    if !app.caps.take_start(peer.ip()) {
        return Err(Failure::StartQuota(app.caps.starts_per_address));
    }
    let name = clean_name(field(&fields, "name").unwrap_or(""));
    let session = security::token();
    let (code, form_token) = (security::personal_code(), security::token());
    let now = now();
    let stored = session.clone();
    let max = app.caps.max_students;
    // Counted in the same transaction as the start, so that starts at once cannot
    // pass the cap together.
    let started = write(&app, move |s| {
        if s.count()? >= max {
            return Ok(false);
        }
        s.start(&stored, &code, &form_token, &name, &now)
            .map(|_| true)
    })
    .await;
    match started {
        Ok(true) => {}
        Ok(false) => {
            app.caps.give_back(peer.ip());
            app.caps.refused_as_full();
            return Err(Failure::ClassFull(max));
        }
        Err(e) => {
            app.caps.give_back(peer.ip());
            return Err(e);
        }
    }
    let cookie = set_cookie(
        STUDENT_COOKIE,
        &session,
        cookie::SameSite::Lax,
        "/",
        app.tls,
    );
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/quiz/1")).into_response())
}

/// A name as it is kept: one line, no control characters, at most 100 characters.
fn clean_name(typed: &str) -> String {
    let one_line: String = typed
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .filter(|c| !crate::json::needs_escape(*c))
        .collect();
    one_line
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_NAME)
        .collect()
}

pub(super) async fn resume(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    check_start_post(&app, &headers, &fields, peer, security::Limit::Resume)?;
    let typed = field(&fields, "code").unwrap_or("");
    let found = match security::normalise_code(typed) {
        Some(code) => {
            let session = security::token();
            let stored = session.clone();
            write(&app, move |s| s.resume(&code, &stored))
                .await?
                .map(|student| (student, session))
        }
        None => None,
    };
    let Some((student, session)) = found else {
        let open = db(&app, |s| s.is_open()).await?;
        let token = field(&fields, posted::TOKEN).unwrap_or_default();
        let page = pages::start(&pages::Start {
            quiz: &app.quiz,
            token,
            open,
            returning: None,
            problem: Some(
                "No one in this class has that personal code. Check it letter by letter: \
                 it is ten letters and digits, like ABCDE-12345.",
            ),
        });
        return Ok((StatusCode::BAD_REQUEST, Html(page)).into_response());
    };
    let cookie = set_cookie(
        STUDENT_COOKIE,
        &session,
        cookie::SameSite::Lax,
        "/",
        app.tls,
    );
    let place = place_of(&student, pages_of(&app.quiz));
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&place)).into_response())
}

/// A student's stored answers, one per question of the quiz.
pub(super) async fn answers_of(app: &Shared, student: i64) -> Result<Answers, Failure> {
    let stored = db(app, move |s| s.answers(student)).await?;
    Ok(decode(&app.quiz, &stored))
}

/// Stored answers (question id, JSON) as answers; a value the quiz no longer takes
/// is dropped, as a skip.
fn decode(quiz: &Quiz, stored: &[(String, String)]) -> Answers {
    let mut answers: Answers = vec![None; quiz.questions.len()];
    for (question, value) in stored {
        let Some(i) = quiz.question_index(question) else {
            continue;
        };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(value) else {
            continue;
        };
        answers[i] = crate::answers::from_value(&quiz.questions[i], &json)
            .ok()
            .flatten();
    }
    answers
}

fn page_range(quiz: &Quiz, page: usize) -> Option<std::ops::Range<usize>> {
    let total = quiz.questions.len();
    let start = page.checked_sub(1)?.checked_mul(PER_PAGE)?;
    (start < total).then(|| start..(start + PER_PAGE).min(total))
}

pub(super) async fn questions_page(
    State(app): State<Shared>,
    Path(page): Path<String>,
    Answering(student): Answering,
) -> Result<Response, Failure> {
    let page: usize = page.parse().map_err(|_| Failure::NotFound)?;
    let range = page_range(&app.quiz, page).ok_or(Failure::NotFound)?;
    let answers = answers_of(&app, student.id).await?;
    Ok(Html(pages::questions(&pages::QuestionsPage {
        quiz: &app.quiz,
        code: &student.code,
        token: &student.form_token,
        page,
        pages: pages_of(&app.quiz),
        range,
        answers: &answers,
        shown: &shown_options(&app.quiz, &student),
        problems: &[],
    }))
    .into_response())
}

pub(super) async fn answer_page(
    State(app): State<Shared>,
    Path(page): Path<String>,
    Posted { student, fields }: Posted,
) -> Result<Response, Failure> {
    let page: usize = page.parse().map_err(|_| Failure::NotFound)?;
    let range = page_range(&app.quiz, page).ok_or(Failure::NotFound)?;
    let pages = pages_of(&app.quiz);
    let read = posted::read_page(&app.quiz, range.clone(), &fields);
    if !read.problems.is_empty() {
        // The page again, with what was sent chosen where it could be read.
        let mut answers = answers_of(&app, student.id).await?;
        for (i, answer) in range.clone().zip(read.answers) {
            if answer.is_some() {
                answers[i] = answer;
            }
        }
        let html = pages::questions(&pages::QuestionsPage {
            quiz: &app.quiz,
            code: &student.code,
            token: &student.form_token,
            page,
            pages,
            range,
            answers: &answers,
            shown: &shown_options(&app.quiz, &student),
            problems: &read.problems,
        });
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    }
    let back = field(&fields, posted::ACTION) == Some("back");
    let next = if back {
        page.saturating_sub(1)
    } else {
        page + 1
    };
    let values: Vec<(String, Option<String>)> = range
        .zip(&read.answers)
        .map(|(i, answer)| {
            let json = answer
                .as_ref()
                .map(|a| posted::to_json(&app.quiz, i, a).to_string());
            (app.quiz.questions[i].id.clone(), json)
        })
        .collect();
    let id = student.id;
    let resume_at = next.clamp(1, pages + 1);
    write(&app, move |s| {
        let values: Vec<(&str, Option<String>)> = values
            .iter()
            .map(|(q, v)| (q.as_str(), v.clone()))
            .collect();
        s.save_page(id, &values, resume_at)
    })
    .await?;
    let to = match next {
        0 => "/".to_string(),
        n if n > pages => "/review".to_string(),
        n => format!("/quiz/{n}"),
    };
    Ok(Redirect::to(&to).into_response())
}

pub(super) async fn review_page(
    State(app): State<Shared>,
    Answering(student): Answering,
) -> Result<Response, Failure> {
    let answers = answers_of(&app, student.id).await?;
    Ok(Html(pages::review(&pages::Review {
        quiz: &app.quiz,
        code: &student.code,
        token: &student.form_token,
        answers: &answers,
        per_page: PER_PAGE,
    }))
    .into_response())
}

pub(super) async fn finish(
    State(app): State<Shared>,
    Posted { student, fields }: Posted,
) -> Result<Response, Failure> {
    if field(&fields, posted::ACTION) != Some("finish") {
        let last = pages_of(&app.quiz);
        return Ok(Redirect::to(&format!("/quiz/{last}")).into_response());
    }
    let answers = answers_of(&app, student.id).await?;
    let json = result_json(&app.quiz, &answers, now());
    let key = security::token();
    let (stored, id, at) = (key.clone(), student.id, now());
    write(&app, move |s| s.finish(id, &stored, &json, &at)).await?;
    Ok(Redirect::to(&format!("/result/{key}")).into_response())
}

/// The result, as `take --format json` prints it for the same answers.
fn result_json(quiz: &Quiz, answers: &Answers, completed_at: String) -> String {
    let scores = crate::scoring::score(quiz, answers);
    let result = crate::result::QuizResult::new(quiz, answers, &scores, completed_at, Vec::new());
    use crate::report::Renderer;
    crate::report::json::Json.result(&crate::report::View::new(quiz, &result, None, None))
}

pub(super) async fn result_page(
    State(app): State<Shared>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Failure> {
    let (key, json) = match key.strip_suffix(".json") {
        Some(key) => (key.to_string(), true),
        None => (key, false),
    };
    if !is_token(&key) {
        return Err(Failure::NotFound);
    }
    let looked_up = key.clone();
    let (id, text) = db(&app, move |s| s.result(&looked_up))
        .await?
        .ok_or(Failure::NotFound)?;
    if json {
        let content = HeaderValue::from_static("application/json; charset=utf-8");
        return Ok(([(header::CONTENT_TYPE, content)], text).into_response());
    }
    let result: crate::result::QuizResult = serde_json::from_str(&text)
        .map_err(|e| Failure::Internal(format!("a stored result does not read: {e}")))?;
    let answers = answers_of(&app, id).await?;
    let scores = crate::scoring::score(&app.quiz, &answers);
    let best = crate::explain::explain(&app.quiz, &scores, None);
    let view = crate::report::View::new(&app.quiz, &result, None, best.as_ref());
    // The code is shown to the student whose browser this is, not to whoever has
    // the address.
    let viewer = student_of(&app, &headers).await?;
    let code = viewer.filter(|s| s.id == id).map(|s| s.code);
    let body = crate::report::html::body(&view);
    Ok(Html(pages::result(&app.quiz, code.as_deref(), body, &key)).into_response())
}
