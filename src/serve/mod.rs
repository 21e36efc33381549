//! `careerfit serve`: the quiz in a class's browsers, and the class view live for the
//! advisor. axum on tokio; every page a student sends is committed to SQLite
//! (`store`, through `commit`) before the reply. The students' handlers are in
//! `student`, the advisor's in `advisor`. Pages are maud templates (`pages`), the posted
//! answers are read by `form` (pure), and `security` holds the tokens, the origin
//! check, the headers and the limits. Logs (tracing, on stderr) name requests by
//! their route, never an answer, a name, a token or a result's address.

mod addresses;
mod advisor;
mod advisor_pages;
mod caps;
mod commit;
mod connections;
pub mod form;
mod log;
mod login;
mod pages;
mod security;
pub mod store;
mod student;

pub use addresses::PublicUrl;
pub use caps::{MAX_STUDENTS, STARTS_PER_ADDRESS};
pub use connections::PER_ADDRESS as CONNECTIONS_PER_ADDRESS;

use crate::quiz::Quiz;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
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

/// The stop is over in 10 s at most: 7 s for the requests in flight to be answered,
/// 2 s for the database to close, and 1 s for the log.
const REQUESTS_GRACE: Duration = Duration::from_secs(7);
const CLOSE_GRACE: Duration = Duration::from_secs(2);

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

/// Start the server and run it until SIGINT or SIGTERM; then finish the requests in
/// flight (within 10 s), close the database and return. The addresses go to `out`
/// as soon as the server listens; the log and the stop message to stderr, which
/// never holds the server up.
pub fn run(quiz: Quiz, options: Options, out: &mut dyn std::io::Write) -> Result<(), ServeError> {
    let (file_limit, most_connections) = connections::raise_file_limit();
    let store = Store::open(&options.db, &quiz.id)?;
    let log = log::Log::start(options.color);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let outcome = runtime.block_on(serve(
        quiz,
        store,
        options,
        out,
        &log,
        (file_limit, most_connections),
    ));
    // A read stuck on a broken disk is not waited for.
    runtime.shutdown_timeout(Duration::from_millis(500));
    let said = log.dropped();
    if let Ok(stop) = &outcome {
        for line in stop {
            log.say(line);
        }
    }
    let stalled = log.dropped() > said;
    log.finish(stalled);
    outcome.map(drop)
}

async fn serve(
    quiz: Quiz,
    store: Store,
    options: Options,
    out: &mut dyn std::io::Write,
    log: &log::Log,
    (file_limit, most_connections): (u64, usize),
) -> Result<Vec<String>, ServeError> {
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
    let file = store.identity()?;
    let store = Arc::new(Mutex::new(store));
    let (committer, committing) = commit::Committer::start(Arc::clone(&store), file.clone())?;
    let refused = committer.refused();
    let first_link = security::link_token();
    let app = Arc::new(App {
        quiz,
        store,
        committer,
        logins: login::Logins::new(first_link.clone()),
        limits: Arc::new(security::Limits::new()),
        caps: caps::Caps::new(options.max_students, options.starts_per_address),
        reach: addresses::Reach::new(local, tls.is_some(), &options.public_urls),
        tls: tls.is_some(),
        in_flight: AtomicUsize::new(0),
        file: file.clone(),
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
    let students = app.reach.urls[0].clone();
    writeln!(out, "students: {students}/")?;
    writeln!(out, "advisor: {students}/advisor/login?token={first_link}")?;
    for also in &app.reach.urls[1..] {
        writeln!(out, "also: {also}/")?;
    }
    if !options.public_urls.is_empty() {
        // Where the proxy is to send the requests.
        writeln!(out, "listening: {}://{local}/", app.reach.scheme)?;
    }
    let on_a_network = !local.ip().is_loopback() || !options.public_urls.is_empty();
    if on_a_network && let Some(code) = addresses::qr_code(&format!("{students}/")) {
        writeln!(out, "{code}")?;
    }
    out.flush()?;
    log.say(
        "The advisor's link signs in once. To sign in another device, use \"Sign in \
         another device\" on the advisor's page; a restart prints a new link.",
    );
    if options.db_is_default {
        log.say(&format!(
            "Answers are kept in {}, this quiz's own file; give --db FILE to keep \
             another class of the same quiz apart.",
            options.db.display()
        ));
    }
    if !local.ip().is_loopback() && tls.is_none() {
        log.say(&format!(
            "warning: serving plain HTTP on {local}: anyone on the network can read the \
             answers and the advisor's link as they pass; beyond a classroom network, use \
             --tls-cert and --tls-key, or a reverse proxy that serves HTTPS (with \
             --public-url https://...)"
        ));
    }
    if options.connections_per_address >= most_connections {
        log.say(&format!(
            "warning: the limit on open files ({file_limit}) lets the server hold \
             {most_connections} connections at once, and one address may take them all; \
             raise the hard limit (`ulimit -Hn`, or LimitNOFILE= in a systemd unit), or \
             give a lower --max-connections-per-address"
        ));
    }
    let gate = connections::Gate::new(options.connections_per_address, most_connections);
    let handle = axum_server::Handle::new();
    tokio::spawn(tidy(Arc::clone(&app.limits), gate.clone()));
    let service = router(Arc::clone(&app)).into_make_service_with_connect_info::<SocketAddr>();
    let mut server = match tls {
        Some(config) => {
            let mut server = axum_server::from_tcp_rustls(listener, config)?
                .map(|tls| tls.acceptor(gate))
                .handle(handle.clone());
            connections::configure(server.http_builder());
            tokio::spawn(server.serve(service))
        }
        None => {
            // Browsers speak HTTP/2 only over TLS.
            let mut server = axum_server::from_tcp(listener)?
                .acceptor(gate)
                .http1_only()
                .handle(handle.clone());
            connections::configure(server.http_builder());
            tokio::spawn(server.serve(service))
        }
    };
    tokio::select! {
        ended = &mut server => {
            ended.map_err(std::io::Error::other)??;
            return Err(std::io::Error::other("the server stopped by itself").into());
        }
        () = signalled(stop) => {}
    }
    tracing::info!("stopping: finishing the requests in flight");
    handle.graceful_shutdown(None);
    let mut lines = Vec::new();
    if tokio::time::timeout(REQUESTS_GRACE, &mut server)
        .await
        .is_err()
    {
        let requests = app.in_flight.load(Ordering::Relaxed);
        let connections = handle.connection_count();
        handle.shutdown();
        let _ = tokio::time::timeout(Duration::from_secs(1), &mut server).await;
        lines.push(format!(
            "Stopped after {} s with {requests} requests still being answered and \
             {connections} connections open: they were cut short, and those students saw \
             no answer (a page whose answers were saved before stays saved; sending it \
             again is harmless).",
            REQUESTS_GRACE.as_secs()
        ));
    }
    // With the last sender of changes gone, the committing thread ends and the
    // database closes (its WAL checkpointed).
    drop(app);
    let closing = tokio::task::spawn_blocking(move || committing.join().is_ok());
    let closed = tokio::time::timeout(CLOSE_GRACE, closing).await;
    let refused = refused.load(Ordering::Relaxed);
    let dropped = log.dropped();
    if dropped > 0 {
        lines.push(format!(
            "The log on stderr was not being read: {dropped} of its lines were dropped \
             rather than hold the server up."
        ));
    }
    if refused > 0 || !file.is_still_there() {
        lines.push(format!(
            "Stopped; but {} was removed or replaced while the server ran. {refused} \
             changes sent after that were refused (their students saw \"Not saved\"), \
             and what was saved before is in the file that was removed, not in the one \
             there now.",
            file.path.display()
        ));
        return Ok(lines);
    }
    if !matches!(closed, Ok(Ok(true))) {
        lines.push(
            "warning: the database was not closed cleanly; its answers are kept all the same"
                .into(),
        );
    }
    if lines.is_empty() {
        lines.push("Stopped; every answer sent is saved.".into());
    } else {
        lines.push("Stopped; every answer acknowledged is saved.".into());
    }
    Ok(lines)
}

/// Once a minute: forget clients back to a full allowance, and log the connections
/// refused over the caps.
async fn tidy(limits: Arc<security::Limits>, gate: connections::Gate) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        limits.tidy();
        let refused = gate.take_refused();
        if refused > 0 {
            tracing::warn!(
                refused,
                "connections over the caps were closed at once in the last minute"
            );
        }
    }
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

/// SIGINT or SIGTERM.
async fn signalled(
    (mut term, mut int): (tokio::signal::unix::Signal, tokio::signal::unix::Signal),
) {
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
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

/// What a handler could not do, as the page that says so.
pub(crate) enum Failure {
    Store(StoreError),
    /// A POST without its form token, or from another site.
    Forbidden,
    TooMany,
    NotFound,
    /// An advisor page without the advisor's session.
    NotAdvisor,
    /// A sign-in link used before.
    LinkUsed,
    /// A sign-in link for another device, not used in time.
    LinkExpired,
    /// A Host this server is not reached by.
    OtherHost,
    /// A body larger than any form's.
    TooLarge,
    /// The class has `--max-students` students.
    ClassFull(usize),
    /// This address made its `--max-starts-per-address` starts.
    StartQuota(usize),
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
                 `careerfit serve` printed when it started (it works once, and changes at \
                 every start), or a link made with \"Sign in another device\". A session \
                 unused for 2 hours has ended: sign in again.",
                None,
            ),
            Failure::LinkUsed => (
                StatusCode::UNAUTHORIZED,
                "This sign-in link was used already",
                "Each sign-in link works once, so that one found later in a browser's \
                 history, a projected terminal or a proxy's log lets no one in. On a device \
                 that is signed in, use \"Sign in another device\" on the advisor's page \
                 for a new link; or restart `careerfit serve`, which prints a new one.",
                None,
            ),
            Failure::LinkExpired => (
                StatusCode::UNAUTHORIZED,
                "This sign-in link has expired",
                "A link made for another device works for 10 minutes. Make a new one with \
                 \"Sign in another device\" on the advisor's page.",
                None,
            ),
            Failure::OtherHost => (
                StatusCode::MISDIRECTED_REQUEST,
                "Not this server's address",
                "This server answers only at the addresses it printed when it started \
                 (and those given with --public-url). Open one of those.",
                None,
            ),
            Failure::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "Too much sent",
                "This page sent far more than any form of the quiz, so none of it was \
                 read or saved. Go back, reload the page and send it again.",
                None,
            ),
            Failure::ClassFull(max) => {
                let text = format!(
                    "This class has its {max} places taken, so no one new can start. Tell \
                     your advisor. If you started before, go on with your personal code."
                );
                let page = pages::message(
                    "This class is full",
                    "/style.css",
                    &text,
                    Some(("/", "The start page")),
                );
                return (StatusCode::SERVICE_UNAVAILABLE, Html(page)).into_response();
            }
            Failure::StartQuota(quota) => {
                let text = format!(
                    "{quota} students have started from this network already, which is as \
                     many as one network may start, so no one new can start from it. Tell \
                     your advisor. If you started before, go on with your personal code."
                );
                let page = pages::message(
                    "No more starts from this network",
                    "/style.css",
                    &text,
                    Some(("/", "The start page")),
                );
                return (StatusCode::TOO_MANY_REQUESTS, Html(page)).into_response();
            }
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
/// server; Secure under TLS. A student's is kept `STUDENT_COOKIE_SECONDS`, so that a
/// closed browser still goes on; the others last as long as the browser's session.
fn set_cookie(name: &str, value: &str, same_site: &str, path: &str, tls: bool) -> HeaderValue {
    let secure = if tls { "; Secure" } else { "" };
    let kept = if name == STUDENT_COOKIE {
        format!("; Max-Age={STUDENT_COOKIE_SECONDS}")
    } else {
        String::new()
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
    if !field(fields, form::TOKEN).is_some_and(|t| security::same_token(t, expected)) {
        return Err(Failure::Forbidden);
    }
    if !app.limits.allow(security::Limit::Session, session, address) {
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
