//! The advisor's pages: the sign-in by a one-time link (see `login`), the live
//! class view (who started, who finished, their answers' verdicts and best fits,
//! each finished student's result, the class report of `score`), the export that
//! `score` reads, its spreadsheet, closing the class, deleting a student (asked on
//! a page of its own first), links for other devices, and signing out. Every
//! address under /advisor but the sign-in is checked for the advisor's session
//! before anything of the request is read, and without it answers 401.

use super::login::{Exchange, Session};
use super::{App, Failure, Shared, advisor_pages, db, field, posted, security, write};
use axum::Router;
use axum::extract::{ConnectInfo, Extension, FromRequest, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use std::net::SocketAddr;

const ADVISOR_COOKIE: &str = "careerfit_advisor";

pub(super) fn routes(app: &Shared) -> Router<Shared> {
    let signed_in = Router::new()
        .route("/advisor", get(class_page))
        .route("/advisor/", get(class_page))
        .route("/advisor/export.jsonl", get(export))
        .route("/advisor/results.csv", get(spreadsheet))
        .route("/advisor/class", post(open_or_close))
        .route(
            "/advisor/students/{id}/delete",
            get(confirm_delete).post(delete),
        )
        .route("/advisor/devices", post(new_device_link))
        .route("/advisor/sign-out", post(sign_out))
        .route("/advisor/{*rest}", get(nothing_here).post(nothing_here))
        .route_layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::clone(app),
            require_session,
        ));
    Router::new()
        .route("/advisor/login", get(login))
        .merge(signed_in)
}

/// The advisor's session, when the request has one that is still in use.
fn session(app: &App, headers: &HeaderMap) -> Option<Session> {
    let given = super::cookie(headers, ADVISOR_COOKIE)?;
    app.logins.session(given)
}

/// Before a signed-in page reads its path, its query or its body: the session, put
/// in the request for the handler; without it, 401.
async fn require_session(
    State(app): State<Shared>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    match session(&app, request.headers()) {
        Some(session) => {
            request.extensions_mut().insert(session);
            next.run(request).await
        }
        None => Failure::NotAdvisor.into_response(),
    }
}

/// A link's token for a session cookie, once. A link that works is never limited;
/// only those that do not count against the address's allowance.
async fn login(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    let token = field(&query, "token").unwrap_or("");
    let refused = match app.logins.exchange(token) {
        Exchange::SignedIn(session) => {
            let cookie = super::set_cookie(
                ADVISOR_COOKIE,
                &session.id,
                cookie::SameSite::Strict,
                "/advisor",
                app.tls,
            );
            return Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/advisor")).into_response());
        }
        // The browser that used the link, back on it (a reload): it is signed in.
        _ if session(&app, &headers).is_some() => {
            return Ok(Redirect::to("/advisor").into_response());
        }
        Exchange::Used => Failure::LinkUsed,
        Exchange::Expired => Failure::LinkExpired,
        Exchange::Unknown => Failure::NotAdvisor,
    };
    if !app
        .limits
        .allow(security::Limit::FailedLogin, None, peer.ip())
    {
        return Err(Failure::TooMany(security::Limit::FailedLogin));
    }
    Err(refused)
}

async fn nothing_here() -> Failure {
    Failure::NotFound
}

/// Every finished student as a line of `score`'s input, first started first, and
/// the ids used: `NAME #N`, or `#N` without a name (N is the student's number,
/// which stays theirs).
async fn export_lines(app: &Shared) -> Result<Vec<u8>, Failure> {
    let class = finished_answers(app).await?;
    Ok(class
        .iter()
        .flat_map(|(id, answers)| export_line(&app.quiz, id, answers))
        .collect())
}

fn id_of(student: &super::store::Listed) -> String {
    match student.name.as_str() {
        "" => format!("#{}", student.id),
        name => format!("{name} #{}", student.id),
    }
}

/// The finished students' answers, first started first, by their ids (`id_of`).
async fn finished_answers(app: &Shared) -> Result<Vec<(String, crate::answers::Answers)>, Failure> {
    let students = db(app, |s| s.students()).await?;
    let mut class = Vec::new();
    for student in students.iter().filter(|s| s.result.is_some()) {
        let answers = super::student::answers_of(app, student.id).await?;
        class.push((id_of(student), answers));
    }
    Ok(class)
}

/// The class scored as `score` scores it (`batch::score_answers`), from the answers
/// in memory, on a thread where blocking is allowed: its rows in `output`'s writer
/// and its summary.
async fn score(
    app: &Shared,
    output: crate::batch::Output,
) -> Result<(Vec<u8>, crate::batch::summary::Summary), Failure> {
    let class = finished_answers(app).await?;
    let app = std::sync::Arc::clone(app);
    tokio::task::spawn_blocking(move || {
        crate::batch::score_answers(&app.quiz, &class, output, &crate::result::now())
    })
    .await
    .map_err(|e| Failure::Internal(format!("scoring the class failed: {e}")))
}

async fn export(State(app): State<Shared>) -> Result<Response, Failure> {
    let lines = export_lines(&app).await?;
    Ok(download(lines, "application/x-ndjson", "class.jsonl"))
}

async fn spreadsheet(State(app): State<Shared>) -> Result<Response, Failure> {
    let (csv, _) = score(&app, crate::batch::Output::Csv).await?;
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
/// A signed-in advisor's POST, its form read and checked (origin, the session's
/// form token, the address's allowance: `super::check_post`); else the handler
/// does not run.
struct AdvisorPost {
    session: Session,
    headers: HeaderMap,
    fields: Vec<(String, String)>,
}

impl FromRequest<Shared> for AdvisorPost {
    type Rejection = Response;

    async fn from_request(request: Request, app: &Shared) -> Result<Self, Response> {
        let post = super::read_post(request, app).await?;
        // Put there by `require_session`, which every signed-in route passes.
        let session = post
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or_else(|| Failure::NotAdvisor.into_response())?;
        let (headers, fields) = (post.headers, post.fields);
        super::check_post(
            app,
            &headers,
            &fields,
            &session.form_token,
            Some(&session.id),
            post.peer.ip(),
        )
        .map_err(IntoResponse::into_response)?;
        Ok(AdvisorPost {
            session,
            headers,
            fields,
        })
    }
}

async fn open_or_close(
    State(app): State<Shared>,
    AdvisorPost { fields, .. }: AdvisorPost,
) -> Result<Response, Failure> {
    let open = match field(&fields, posted::ACTION) {
        Some("open") => true,
        Some("close") => false,
        _ => return Ok(Redirect::to("/advisor").into_response()),
    };
    write(&app, move |s| s.set_open(open)).await?;
    Ok(Redirect::to("/advisor").into_response())
}

/// The student a path names, by their number.
async fn student_at(app: &Shared, id: &str) -> Result<super::store::Listed, Failure> {
    let id: i64 = id.parse().map_err(|_| Failure::NotFound)?;
    db(app, move |s| s.listed(id))
        .await?
        .ok_or(Failure::NotFound)
}

/// Delete asks first, on a page of its own: there is no undo.
async fn confirm_delete(
    State(app): State<Shared>,
    Extension(session): Extension<Session>,
    Path(id): Path<String>,
) -> Result<Response, Failure> {
    let student = student_at(&app, &id).await?;
    let page =
        advisor_pages::confirm_delete(&app.quiz, &student, &id_of(&student), &session.form_token);
    Ok(Html(page).into_response())
}

async fn delete(
    State(app): State<Shared>,
    Path(id): Path<String>,
    AdvisorPost { fields, .. }: AdvisorPost,
) -> Result<Response, Failure> {
    let id: i64 = id.parse().map_err(|_| Failure::NotFound)?;
    if field(&fields, posted::ACTION) == Some("delete") {
        write(&app, move |s| s.delete(id)).await?;
    }
    Ok(Redirect::to("/advisor").into_response())
}

/// A new one-time link, shown (with its QR code) to the signed-in advisor for
/// another device.
async fn new_device_link(
    State(app): State<Shared>,
    AdvisorPost { headers, .. }: AdvisorPost,
) -> Result<Response, Failure> {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let link = format!(
        "{}/advisor/login?token={}",
        app.reach.base_for(host),
        app.logins.new_link()
    );
    Ok(Html(advisor_pages::device_link(&app.quiz, &link)).into_response())
}

async fn sign_out(
    State(app): State<Shared>,
    AdvisorPost { session, .. }: AdvisorPost,
) -> Result<Response, Failure> {
    app.logins.sign_out(&session.id);
    let gone = super::made_cookie(
        ADVISOR_COOKIE,
        "",
        cookie::SameSite::Strict,
        "/advisor",
        app.tls,
        Some(0),
    );
    Ok((
        [(header::SET_COOKIE, gone)],
        Html(advisor_pages::signed_out(&app.quiz)),
    )
        .into_response())
}

/// What the list shows of a finished student's result.
pub(super) struct Finished {
    pub verdict: String,
    pub best: String,
    pub low: bool,
    /// The groups to talk to they are in, "low confidence; unclear", or empty.
    pub talk: String,
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
    let judged = crate::batch::Judged {
        confidence: result.confidence,
        answer: result.verdict.as_ref().map(|v| v.answer),
    };
    let talk = crate::batch::talk::Groups::of(judged)
        .iter()
        .map(crate::batch::talk::Group::words)
        .collect::<Vec<_>>()
        .join("; ");
    Some(Finished {
        talk,
        verdict: result
            .verdict
            .as_ref()
            .map_or(String::new(), |v| v.answer.as_str().replace('_', " ")),
        best,
        low: result.confidence == crate::trust::Confidence::Low,
    })
}

async fn class_page(
    State(app): State<Shared>,
    Extension(session): Extension<Session>,
) -> Result<Response, Failure> {
    let students = db(&app, |s| s.students()).await?;
    let open = db(&app, |s| s.is_open()).await?;
    let (_, summary) = score(&app, crate::batch::Output::Compact).await?;
    let rows: Vec<advisor_pages::Row> = students
        .iter()
        .map(|s| advisor_pages::Row {
            id: s.id,
            who: id_of(s),
            answered: s.answered,
            finished: s.result.as_deref().and_then(finished),
            result_key: s.result_key.clone(),
        })
        .collect();
    let (refused_full, refused_quota) = app.caps.refused();
    let page = advisor_pages::class(&advisor_pages::Class {
        quiz: &app.quiz,
        form_token: &session.form_token,
        open,
        rows: &rows,
        summary: &summary,
        max_students: app.caps.max_students,
        refused_full,
        starts_per_address: app.caps.starts_per_address,
        refused_quota,
        file_replaced: (!app.file.is_still_there()).then(|| app.file.path.display().to_string()),
    });
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
        let value = posted::to_json(quiz, i, answer);
        crate::json::to_writer(&mut line, &value).expect("an answer serialises");
    }
    line.extend_from_slice(b"}}\n");
    line
}
