//! Starting `serve` (the file limit raised, the listener, the addresses printed,
//! the caps set) and stopping it within 10 s on SIGINT or SIGTERM, saying what is
//! true: what was cut short, what the log dropped, whether the database file is
//! still the one opened.

use super::store::Store;
use super::{
    App, Options, ServeError, addresses, caps, commit, connections, log, login, router, security,
};
use crate::quiz::Quiz;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The stop is over in 10 s at most: 5 s for the requests in flight to be answered,
/// 1 s for those cut short to let go, 2 s for the database to close, half a second
/// for the runtime's tasks, and a second for the log.
const REQUESTS_GRACE: Duration = Duration::from_secs(5);
const CLOSE_GRACE: Duration = Duration::from_secs(2);

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
    // A database file removed or replaced under the server: what it has would go
    // with the old file when it closes, so a copy is kept beside the path.
    let rescued = (!file.is_still_there()).then(|| {
        let copy = rescue_path(&file.path);
        let store = app.store.lock().unwrap_or_else(|p| p.into_inner());
        store.copy_to(&copy).map(|()| copy)
    });
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
    if let Some(rescued) = rescued {
        let kept = match rescued {
            Ok(copy) => format!(
                "everything this server had, up to the stop, is copied to {}: stop any \
                 other server on the path, and start again with --db on the copy",
                copy.display()
            ),
            Err(e) => format!("and it could not be copied ({e}), so it is lost"),
        };
        lines.push(format!(
            "Stopped; but {} was removed or replaced while the server ran. {refused} \
             changes sent after that were refused (their students saw \"Not saved\"); \
             {kept}.",
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

/// `class.sqlite3.rescued-SECONDS` beside `path`: a name no file has yet.
fn rescue_path(path: &std::path::Path) -> std::path::PathBuf {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".rescued-{seconds}"));
    path.with_file_name(name)
}
