//! `careerfit serve`: the quiz in a class's browsers, and the class view live for the
//! advisor. axum on tokio; every page a student sends is committed to SQLite
//! (`store`, through `commit`) before the reply. The students' handlers are in
//! `student`, the advisor's in `advisor` (its sign-in links and sessions in `login`).
//! Pages are maud templates (`pages`, `advisor_pages`, `failure` for what went
//! wrong), the posted answers are read by `form` (pure), and `security` holds the
//! tokens, the origin check, the headers and the limits per route. `running` starts
//! and stops the server; `connections` caps and times out its connections,
//! `addresses` says which Hosts it answers, `caps` how big a class grows, and `log`
//! writes stderr without ever holding it up. Logs name requests by their route,
//! never an answer, a name, a token or a result's address.

mod addresses;
mod advisor;
mod advisor_pages;
mod caps;
mod commit;
mod connections;
mod failure;
#[cfg(test)]
mod in_process;
mod log;
mod login;
mod pages;
pub mod posted;
mod running;
mod security;
pub mod store;
mod student;

pub use addresses::PublicUrl;
pub use caps::{MAX_STUDENTS, STARTS_PER_ADDRESS};
pub use connections::PER_ADDRESS as CONNECTIONS_PER_ADDRESS;
use failure::Failure;
pub use running::run;

use crate::quiz::Quiz;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use store::{Store, StoreError};

/// How `serve` was asked to run.
pub struct Options {
    pub bind: IpAddr,
    pub port: u16,
    pub db: PathBuf,
    /// The database is the quiz's default one (no `--db`): said at start.
    pub db_is_default: bool,
    /// (certificate chain, private key), both PEM: serve HTTPS.
    pub tls: Option<(PathBuf, PathBuf)>,
    /// Colour in the log on stderr (`--color`, `NO_COLOR`, a terminal).
    pub color: bool,
    /// `--public-url`: the addresses browsers reach the server by.
    pub public_urls: Vec<PublicUrl>,
    pub max_students: usize,
    pub starts_per_address: usize,
    pub connections_per_address: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(
        "cannot use the TLS certificate {} with the key {}: {source}",
        .cert.display(),
        .key.display()
    )]
    Tls {
        cert: PathBuf,
        key: PathBuf,
        source: std::io::Error,
    },
    #[error("the server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Questions to a page.
pub const PER_PAGE: usize = 10;
/// The largest request body taken: a page of answers is a few KiB.
const MAX_BODY: usize = 64 * 1024;
/// The longest name kept, in characters.
const MAX_NAME: usize = 100;

const STUDENT_COOKIE: &str = "careerfit_student";
const START_COOKIE: &str = "careerfit_start";
/// A student's cookie lasts 12 hours (`store::SESSION_LIFE_SECONDS`, which the
/// server holds to as well): long enough for a class and its homework, and a
/// browser left signed in on a shared computer forgets it by the next day (their
/// personal code takes them back in).
const STUDENT_COOKIE_SECONDS: i64 = store::SESSION_LIFE_SECONDS;

pub(crate) struct App {
    quiz: Quiz,
    /// Read by the request threads between commits.
    store: Arc<Mutex<Store>>,
    /// Every change goes through here: committed before its reply, with others.
    committer: commit::Committer,
    /// The advisor's one-time sign-in links and sessions; gone at a restart.
    logins: login::Logins,
    limits: Arc<security::Limits>,
    caps: caps::Caps,
    /// The Hosts answered, the Origins allowed, the addresses printed.
    reach: addresses::Reach,
    tls: bool,
    /// Requests being answered now: those a stop cuts short.
    in_flight: AtomicUsize,
    /// The database file as opened, to tell the advisor if it is gone.
    file: store::FileIdentity,
}

type Shared = Arc<App>;

fn router(app: Shared) -> Router {
    Router::new()
        .route("/", get(student::start_page))
        .route("/start", post(student::start))
        .route("/resume", post(student::resume))
        .route(
            "/quiz/{page}",
            get(student::questions_page).post(student::answer_page),
        )
        .route("/review", get(student::review_page).post(student::finish))
        .route("/result/{key}", get(student::result_page))
        .route("/style.css", get(student_css))
        .route("/advisor.css", get(advisor_css))
        .merge(advisor::routes(&app))
        .route_layer(axum::middleware::from_fn(tag_route))
        .fallback(not_found)
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            check_host,
        ))
        // Outermost, so that every response has the headers: a 413 and a 421 too.
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            log_and_secure,
        ))
        .with_state(app)
}

/// A request for a Host this server is not reached by gets 421: a page of another
/// site whose name was pointed at this address (DNS rebinding) cannot use it. Under
/// HTTP/2 the authority is the URI's, not a Host header: it is put there, so that
/// every check reads one place.
async fn check_host(
    axum::extract::State(app): axum::extract::State<Shared>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let authority = match request.headers().get(header::HOST) {
        Some(host) => host.to_str().ok().map(str::to_string),
        None => request.uri().authority().map(|a| a.as_str().to_string()),
    };
    match authority {
        Some(authority) if app.reach.allows_host(&authority) => {
            if !request.headers().contains_key(header::HOST)
                && let Ok(value) = HeaderValue::from_str(&authority)
            {
                request.headers_mut().insert(header::HOST, value);
            }
            next.run(request).await
        }
        _ => Failure::OtherHost.into_response(),
    }
}

/// The route a request matched, carried out on its response for the log.
#[derive(Clone)]
struct Route(String);

/// Put the matched route (`/result/{key}`, never the key) on the response.
async fn tag_route(
    path: axum::extract::MatchedPath,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let route = Route(path.as_str().to_string());
    let mut response = next.run(request).await;
    response.extensions_mut().insert(route);
    response
}

/// Counts a request as in flight while it lives.
struct InFlight<'a>(&'a AtomicUsize);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Every response gets the security headers; every request a log line by route.
async fn log_and_secure(
    axum::extract::State(app): axum::extract::State<Shared>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    app.in_flight.fetch_add(1, Ordering::Relaxed);
    let _in_flight = InFlight(&app.in_flight);
    let method = request.method().clone();
    let started = std::time::Instant::now();
    let mut response = next.run(request).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        // The body limit's own answer is a line of plain text.
        response = Failure::TooLarge.into_response();
    }
    security::add_headers(response.headers_mut());
    let route = response
        .extensions()
        .get::<Route>()
        .map_or("(no route)", |r| r.0.as_str());
    tracing::info!(
        %method,
        route,
        status = response.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}

/// Make a change, and wait until it is on the disk (see `commit`).
async fn write<T: Send + 'static>(
    app: &Shared,
    change: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, Failure> {
    app.committer.write(change).await.map_err(Failure::Store)
}

/// Read from the store, off the async threads.
async fn db<T: Send + 'static>(
    app: &Shared,
    f: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, Failure> {
    let store = Arc::clone(&app.store);
    tokio::task::spawn_blocking(move || {
        let mut store = store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut store)
    })
    .await
    .map_err(|e| Failure::Internal(format!("a storage task failed: {e}")))?
    .map_err(Failure::Store)
}

/// A cookie's value from the request.
fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .and_then(|c| c.value_raw())
}

/// A cookie the page's scripts cannot read (there are none), sent back only to this
/// server; Secure under TLS. A student's is kept `STUDENT_COOKIE_SECONDS`, so that a
/// closed browser still goes on; the others last as long as the browser's session
/// (`max_age` given: 0 ends one).
fn set_cookie(
    name: &str,
    value: &str,
    same_site: cookie::SameSite,
    path: &str,
    tls: bool,
) -> HeaderValue {
    let kept = (name == STUDENT_COOKIE).then_some(STUDENT_COOKIE_SECONDS);
    made_cookie(name, value, same_site, path, tls, kept)
}

fn made_cookie(
    name: &str,
    value: &str,
    same_site: cookie::SameSite,
    path: &str,
    tls: bool,
    max_age: Option<i64>,
) -> HeaderValue {
    let mut made = cookie::Cookie::build((name, value))
        .path(path)
        .http_only(true)
        .same_site(same_site)
        .secure(tls);
    if let Some(seconds) = max_age {
        made = made.max_age(cookie::time::Duration::seconds(seconds));
    }
    HeaderValue::from_str(&made.build().to_string()).expect("cookie values are tokens")
}

/// A token made by this server: 32 hex digits. Anything else is not looked up.
fn is_token(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

fn field<'f>(fields: &'f [(String, String)], name: &str) -> Option<&'f str> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Whether a POST came from this site (see `security::same_origin`).
fn from_this_site(app: &App, headers: &HeaderMap) -> bool {
    security::same_origin(headers, app.reach.scheme, &app.reach.public_origins)
}

/// A POST of a session's (a student's page, an advisor's action): from this site,
/// with its form token, within the session's limit.
fn check_post(
    app: &App,
    headers: &HeaderMap,
    fields: &[(String, String)],
    expected: &str,
    session: Option<&str>,
    address: IpAddr,
) -> Result<(), Failure> {
    if !from_this_site(app, headers) {
        return Err(Failure::Forbidden);
    }
    if !field(fields, posted::TOKEN).is_some_and(|t| security::same_token(t, expected)) {
        return Err(Failure::Forbidden);
    }
    if !app.limits.allow(security::Limit::Session, session, address) {
        return Err(Failure::TooMany(security::Limit::Session));
    }
    Ok(())
}

/// A POST read once for the extractors that check it (`student::Posted`,
/// `advisor::AdvisorPost`): where it came from, its headers and extensions, and
/// its form's fields.
struct Post {
    peer: SocketAddr,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    fields: Vec<(String, String)>,
}

async fn read_post(request: axum::extract::Request, app: &Shared) -> Result<Post, Response> {
    use axum::extract::{ConnectInfo, Form, FromRequest, FromRequestParts};
    let (mut parts, body) = request.into_parts();
    let ConnectInfo(peer) = ConnectInfo::<SocketAddr>::from_request_parts(&mut parts, app)
        .await
        .map_err(IntoResponse::into_response)?;
    let headers = parts.headers.clone();
    let extensions = std::mem::take(&mut parts.extensions);
    let request = axum::extract::Request::from_parts(parts, body);
    let Form(fields) = Form::<Vec<(String, String)>>::from_request(request, app)
        .await
        .map_err(IntoResponse::into_response)?;
    Ok(Post {
        peer,
        headers,
        extensions,
        fields,
    })
}

async fn student_css() -> Response {
    css(pages::student_css())
}

async fn advisor_css() -> Response {
    css(pages::advisor_css())
}

fn css(text: String) -> Response {
    let content = HeaderValue::from_static("text/css; charset=utf-8");
    ([(header::CONTENT_TYPE, content)], text).into_response()
}

async fn not_found() -> Failure {
    Failure::NotFound
}
