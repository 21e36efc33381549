//! `careerfit serve`: the quiz in a class's browsers, and the class view live for the
//! advisor. axum on tokio; every page a student sends is committed to SQLite
//! (`store`, through `commit`) before the reply. The students' handlers are in
//! `student`, the advisor's in `advisor`. Pages are maud templates (`pages`), the posted
//! answers are read by `form` (pure), and `security` holds the tokens, the origin
//! check, the headers and the limits. Logs (tracing, on stderr) name requests by
//! their route, never an answer, a name, a token or a result's address.

mod advisor;
mod commit;
pub mod form;
mod pages;
mod security;
pub mod store;
mod student;

use crate::quiz::Quiz;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use store::{Store, StoreError};

/// How `serve` was asked to run.
pub struct Options {
    pub bind: IpAddr,
    pub port: u16,
    pub db: PathBuf,
    /// (certificate chain, private key), both PEM: serve HTTPS.
    pub tls: Option<(PathBuf, PathBuf)>,
    /// Colour in the log on stderr (`--color`, `NO_COLOR`, a terminal).
    pub color: bool,
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

pub(crate) struct App {
    quiz: Quiz,
    /// Read by the request threads between commits.
    store: Arc<Mutex<Store>>,
    /// Every change goes through here: committed before its reply, with others.
    committer: commit::Committer,
    advisor_token: String,
    /// Advisor sessions: session cookie → form token. Few, and gone at a restart
    /// (the advisor's token changes then too).
    advisors: Mutex<Vec<(String, String)>>,
    limits: Arc<security::Limits>,
    tls: bool,
}

type Shared = Arc<App>;

/// Start the server and run it until SIGINT or SIGTERM; then finish the requests in
/// flight, close the database and return. The two addresses go to `out` as soon as
/// the server listens.
pub fn run(quiz: Quiz, options: Options, out: &mut dyn std::io::Write) -> Result<(), ServeError> {
    let store = Store::open(&options.db, &quiz.id)?;
    log_to_stderr(options.color);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(quiz, store, options, out))
}

/// Requests logged on stderr, a line each, in colour as `--color` says.
fn log_to_stderr(colour: bool) {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(colour)
        .with_target(false)
        .try_init();
}

async fn serve(
    quiz: Quiz,
    store: Store,
    options: Options,
    out: &mut dyn std::io::Write,
) -> Result<(), ServeError> {
    let addr = SocketAddr::new(options.bind, options.port);
    let listener = listen(addr).map_err(|source| ServeError::Bind { addr, source })?;
    let local = listener.local_addr()?;
    let tls = match &options.tls {
        Some((cert, key)) => {
            let _ = rustls::crypto::ring::default_provider().install_default();
            Some(
                axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key)
                    .await
                    .map_err(|source| ServeError::Tls {
                        cert: cert.clone(),
                        key: key.clone(),
                        source,
                    })?,
            )
        }
        None => None,
    };
    let store = Arc::new(Mutex::new(store));
    let (committer, committing) = commit::Committer::start(Arc::clone(&store))?;
    let app = Arc::new(App {
        quiz,
        store,
        committer,
        advisor_token: security::token(),
        advisors: Mutex::new(Vec::new()),
        limits: Arc::new(security::Limits::new()),
        tls: tls.is_some(),
    });
    // Listened for before the addresses are printed: a signal that comes as soon as
    // they are seen finds the server ready to stop cleanly.
    let stop = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::terminate())?,
            signal(SignalKind::interrupt())?,
        )
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    writeln!(out, "students: {scheme}://{local}/")?;
    writeln!(
        out,
        "advisor: {scheme}://{local}/advisor/login?token={}",
        app.advisor_token
    )?;
    out.flush()?;
    if !local.ip().is_loopback() && tls.is_none() {
        note!(
            "warning: serving plain HTTP on {local}: anyone on the network can read the \
             answers and the advisor's token as they pass; beyond a classroom network, use \
             --tls-cert and --tls-key, or a reverse proxy that serves HTTPS"
        );
    }
    let handle = axum_server::Handle::new();
    tokio::spawn(stop_on_signal(handle.clone(), stop));
    let limits = Arc::clone(&app.limits);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            limits.tidy();
        }
    });
    let service = router(Arc::clone(&app)).into_make_service_with_connect_info::<SocketAddr>();
    match tls {
        Some(config) => {
            axum_server::from_tcp_rustls(listener, config)?
                .handle(handle)
                .serve(service)
                .await?
        }
        None => {
            axum_server::from_tcp(listener)?
                .handle(handle)
                .serve(service)
                .await?
        }
    }
    // The last request is answered: with the last sender of changes gone, the
    // committing thread ends and the database closes (its WAL checkpointed).
    drop(app);
    let closing = tokio::task::spawn_blocking(move || committing.join().is_ok());
    let closed = tokio::time::timeout(std::time::Duration::from_secs(5), closing).await;
    if !matches!(closed, Ok(Ok(true))) {
        note!("warning: the database was not closed cleanly; its answers are kept all the same");
    }
    note!("Stopped; every answer sent is saved.");
    Ok(())
}

/// Connections waiting to be accepted. The standard library's 128 is less than a
/// class opening the page at once: the rest would wait a second to try again.
const BACKLOG: u32 = 1024;

/// A listening socket on `addr`, non-blocking, with room for a class's connections.
fn listen(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let socket = match addr {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)?.into_std()
}

/// On SIGINT or SIGTERM, stop taking connections and give those open ten seconds.
async fn stop_on_signal(
    handle: axum_server::Handle<SocketAddr>,
    (mut term, mut int): (tokio::signal::unix::Signal, tokio::signal::unix::Signal),
) {
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
    tracing::info!("stopping: finishing the requests in flight");
    handle.graceful_shutdown(Some(std::time::Duration::from_secs(10)));
}

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
        .merge(advisor::routes())
        .route_layer(axum::middleware::from_fn(tag_route))
        .fallback(not_found)
        .layer(axum::middleware::from_fn(log_and_secure))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY))
        .with_state(app)
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

/// Every response gets the security headers; every request a log line by route.
async fn log_and_secure(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let method = request.method().clone();
    let started = std::time::Instant::now();
    let mut response = next.run(request).await;
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

/// What a handler could not do, as the page that says so.
pub(crate) enum Failure {
    Store(StoreError),
    /// A POST without its form token, or from another site.
    Forbidden,
    TooMany,
    NotFound,
    /// An advisor page without the advisor's session.
    NotAdvisor,
    Internal(String),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let (status, title, text, link) = match self {
            Failure::Store(e) => {
                tracing::error!("storage failed: {e}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Not saved",
                    "The server could not save or read the answers just now, so nothing \
                     from this page was saved. Go back and send it again; if it keeps \
                     happening, tell your advisor.",
                    None,
                )
            }
            Failure::Internal(e) => {
                tracing::error!("{e}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong",
                    "The server could not make this page. Tell your advisor.",
                    None,
                )
            }
            Failure::Forbidden => (
                StatusCode::FORBIDDEN,
                "Form not accepted",
                "This form is out of date, or it came from another site, so nothing was \
                 saved. Open the quiz again from its start page and send the page again.",
                Some(("/", "The start page")),
            ),
            Failure::TooMany => (
                StatusCode::TOO_MANY_REQUESTS,
                "Too many pages at once",
                "This browser sent pages faster than anyone answers them, so the last one \
                 was not saved. Wait a minute, then go back and send it again.",
                None,
            ),
            Failure::NotFound => (
                StatusCode::NOT_FOUND,
                "Page not found",
                "There is no page at this address. Results have long addresses: check that \
                 the whole address was copied.",
                Some(("/", "The start page")),
            ),
            Failure::NotAdvisor => (
                StatusCode::UNAUTHORIZED,
                "For the advisor only",
                "This page is for the class's advisor. Open the advisor address that \
                 `careerfit serve` printed when it started; its token changes at every start.",
                None,
            ),
        };
        let css = "/style.css";
        (status, Html(pages::message(title, css, text, link))).into_response()
    }
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
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A cookie the page's scripts cannot read (there are none), sent back only to this
/// server; Secure under TLS. A student's is kept 30 days, so that a closed browser
/// still goes on; the others last as long as the browser's session.
fn set_cookie(name: &str, value: &str, same_site: &str, path: &str, tls: bool) -> HeaderValue {
    let secure = if tls { "; Secure" } else { "" };
    let kept = if name == STUDENT_COOKIE {
        "; Max-Age=2592000"
    } else {
        ""
    };
    let value =
        format!("{name}={value}; Path={path}; HttpOnly; SameSite={same_site}{kept}{secure}");
    HeaderValue::from_str(&value).expect("cookie values are hex")
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

/// A POST of a student's: from this site, with their form token, within their limit.
fn check_post(
    app: &App,
    headers: &HeaderMap,
    fields: &[(String, String)],
    expected: &str,
    limit_key: Option<&str>,
    address: IpAddr,
) -> Result<(), Failure> {
    if !security::same_origin(headers, app.tls) {
        return Err(Failure::Forbidden);
    }
    if !field(fields, form::TOKEN).is_some_and(|t| security::same_token(t, expected)) {
        return Err(Failure::Forbidden);
    }
    if !app.limits.allow(limit_key, address) {
        return Err(Failure::TooMany);
    }
    Ok(())
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
