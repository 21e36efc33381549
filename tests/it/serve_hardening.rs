//! `careerfit serve` against what one client, a stalled log or a stray web page can
//! do to a class (issue 31): a real server on 127.0.0.1:0, real clients, and other
//! loopback addresses (127.0.0.2, 127.0.0.3) standing for other machines. Deadlines
//! are generous, for a loaded two-core machine: they tell a stop from a hang.

use crate::common;

use reqwest::blocking::{Client, Response};
use reqwest::header;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `careerfit serve`, killed when dropped.
struct Server {
    child: Child,
    students: String,
    advisor: String,
    stdout: BufReader<ChildStdout>,
    stderr: Option<ChildStderr>,
}

impl Server {
    fn start(db: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_careerfit"))
            .args(["serve", "--port", "0", "--db"])
            .arg(db)
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("careerfit starts");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut next = |prefix: &str| {
            let mut line = String::new();
            stdout.read_line(&mut line).expect("stdout reads");
            line.trim_end()
                .strip_prefix(prefix)
                .unwrap_or_else(|| panic!("`{line}` starts with `{prefix}`"))
                .to_string()
        };
        let students = next("students: ");
        let advisor = next("advisor: ");
        let stderr = child.stderr.take();
        Server {
            child,
            students,
            advisor,
            stdout,
            stderr,
        }
    }

    fn origin(&self) -> &str {
        self.students.trim_end_matches('/')
    }

    fn port(&self) -> u16 {
        self.origin().rsplit(':').next().unwrap().parse().unwrap()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// SIGTERM, then wait at most `deadline`: the time it took to stop, its exit
    /// code, what it still had on stdout and on stderr.
    fn stop_within(mut self, deadline: Duration) -> (Duration, Option<i32>, String, String) {
        let asked = Instant::now();
        signal(&self.child, "TERM");
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                asked.elapsed() < deadline,
                "the server did not stop within {deadline:?} of SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let took = asked.elapsed();
        let mut out = String::new();
        self.stdout.read_to_string(&mut out).unwrap();
        let mut err = String::new();
        if let Some(mut stderr) = self.stderr.take() {
            stderr.read_to_string(&mut err).unwrap();
        }
        (took, status.code(), out, err)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill runs");
    assert!(status.success());
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("class.sqlite3");
    (dir, db)
}

/// A browser on this machine (127.0.0.1): its own cookies, redirects left to the test.
fn browser() -> Client {
    browser_at(IpAddr::from([127, 0, 0, 1]))
}

/// A browser on another machine, as the server sees it: from another address.
fn browser_at(address: IpAddr) -> Client {
    Client::builder()
        .cookie_store(true)
        .local_address(address)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

fn post(server: &Server, client: &Client, path: &str, fields: &[(&str, &str)]) -> Response {
    client
        .post(server.url(path))
        .header(header::ORIGIN, server.origin())
        .form(fields)
        .send()
        .unwrap()
}

fn input_value(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in {page}"))
        + marker.len();
    page[start..][..page[start..].find('"').unwrap()].to_string()
}

fn location(response: &Response) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .unwrap_or_else(|| panic!("a redirect, got {}", response.status()))
        .to_str()
        .unwrap()
        .to_string()
}

/// Open the start page and post the start form: the response.
fn try_start(server: &Server, client: &Client, name: &str) -> Response {
    let page = client.get(server.url("/")).send().unwrap().text().unwrap();
    let token = input_value(&page, "form_token");
    post(
        server,
        client,
        "/start",
        &[("form_token", &token), ("name", name), ("action", "next")],
    )
}

fn start(server: &Server, client: &Client, name: &str) {
    let response = try_start(server, client, name);
    assert_eq!(response.status(), 303, "{name} starts");
    assert_eq!(location(&response), "/quiz/1");
}

/// Send `pages` pages with the first answer of each question, then finish: the
/// result's address.
fn answer_and_finish(server: &Server, client: &Client, pages: usize) -> String {
    for page in 1..=pages {
        let form = client
            .get(server.url(&format!("/quiz/{page}")))
            .send()
            .unwrap()
            .text()
            .unwrap();
        let token = input_value(&form, "form_token");
        let mut fields = vec![("form_token".to_string(), token)];
        // The first choice of every radio group on the page.
        for chunk in form.split("type=\"radio\"").skip(1) {
            let Some(rest) = chunk.split("name=\"").nth(1) else {
                continue;
            };
            let (name, rest) = rest.split_once('"').unwrap();
            let value = rest
                .split("value=\"")
                .nth(1)
                .and_then(|v| v.split('"').next())
                .unwrap();
            if !value.is_empty() && !fields.iter().any(|(n, _)| n == name) {
                fields.push((name.to_string(), value.to_string()));
            }
        }
        fields.push(("action".into(), "next".into()));
        let response = client
            .post(server.url(&format!("/quiz/{page}")))
            .header(header::ORIGIN, server.origin())
            .form(&fields)
            .send()
            .unwrap();
        assert_eq!(response.status(), 303, "page {page}");
    }
    let review = client
        .get(server.url("/review"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let token = input_value(&review, "form_token");
    let response = post(
        server,
        client,
        "/review",
        &[("form_token", &token), ("action", "finish")],
    );
    assert_eq!(response.status(), 303, "the finish");
    location(&response)
}

fn advisor(server: &Server) -> Client {
    let client = browser();
    let response = client.get(&server.advisor).send().unwrap();
    assert_eq!(response.status(), 303, "the printed link signs in");
    client
}

fn assert_secure_headers(response: &Response, what: &str) {
    let headers = response.headers();
    let csp = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap_or_else(|| panic!("{what}: no CSP"))
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'none'"), "{what}: {csp}");
    assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY", "{what}");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{what}");
    assert_eq!(headers[header::CACHE_CONTROL], "no-store", "{what}");
}

/// Whether the server closes `stream` within `within`, while `keep_sending` bytes
/// are written to it once a second.
fn closed_within(mut stream: TcpStream, within: Duration, keep_sending: &[u8]) -> bool {
    stream
        .set_read_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    let begun = Instant::now();
    let mut sent = 0;
    while begun.elapsed() < within {
        let mut buf = [0u8; 1024];
        match stream.read(&mut buf) {
            Ok(0) => return true,
            // A reply (408, 400) is the server's last word before it closes.
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return true,
        }
        if sent < keep_sending.len() {
            if stream.write_all(&keep_sending[sent..sent + 1]).is_err() {
                return true;
            }
            sent += 1;
        }
    }
    false
}

#[test]
fn headers_sent_a_byte_a_second_and_idle_connections_are_closed_in_time() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let address = ("127.0.0.1", server.port());
    // Slow headers: a byte a second, forever.
    let slow = TcpStream::connect(address).unwrap();
    let mut headers = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".to_vec();
    headers.extend(std::iter::repeat_n(b'x', 600));
    let slow = std::thread::spawn(move || closed_within(slow, Duration::from_secs(40), &headers));
    // Idle: connected, nothing sent.
    let idle = TcpStream::connect(address).unwrap();
    let idle = std::thread::spawn(move || closed_within(idle, Duration::from_secs(40), b""));
    // Idle after a reply (keep-alive).
    let mut kept = TcpStream::connect(address).unwrap();
    kept.write_all(b"GET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    let kept = std::thread::spawn(move || closed_within(kept, Duration::from_secs(40), b""));
    assert!(slow.join().unwrap(), "slow headers were closed");
    assert!(idle.join().unwrap(), "an idle connection was closed");
    assert!(
        kept.join().unwrap(),
        "an idle kept-alive connection was closed"
    );
    // The server still serves.
    assert_eq!(browser().get(server.url("/")).send().unwrap().status(), 200);
}

#[test]
fn a_stderr_nobody_reads_stops_no_student_and_sigterm_still_stops_the_server() {
    let (_dir, db) = temp_db();
    // Its stderr is a pipe that this test does not read until the server has gone.
    let server = Server::start(&db, &[]);
    let students = 150;
    let threads = 25;
    std::thread::scope(|scope| {
        for t in 0..threads {
            let server = &server;
            scope.spawn(move || {
                for s in 0..students / threads {
                    let client = browser();
                    start(server, &client, &format!("S{t}-{s}"));
                    let result = answer_and_finish(server, &client, 5);
                    let page = client.get(server.url(&result)).send().unwrap();
                    assert_eq!(page.status(), 200);
                }
            });
        }
    });
    let advisor = advisor(&server);
    let export = advisor
        .get(server.url("/advisor/export.jsonl"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(export.lines().count(), students, "every student finished");
    // A request in flight when the signal comes: a page whose body never ends.
    let mut hanging = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    hanging
        .write_all(
            b"POST /quiz/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \
              application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nform_token=",
        )
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let (took, code, _, _) = server.stop_within(Duration::from_secs(15));
    assert_eq!(code, Some(0), "stopped cleanly after {took:?}");
    drop(hanging);
}

#[test]
fn the_stop_says_what_was_cut_short() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let mut hanging = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    hanging
        .write_all(
            b"POST /start HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \
              application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nname=",
        )
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let (took, code, _, err) = server.stop_within(Duration::from_secs(15));
    assert_eq!(code, Some(0));
    assert!(
        took >= Duration::from_secs(4),
        "it waited for the request: {took:?}"
    );
    assert!(
        err.contains("Stopped after 5 s with 1 requests still being answered"),
        "{err}"
    );
    assert!(
        err.ends_with("Stopped; every answer acknowledged is saved.\n"),
        "{err}"
    );
    drop(hanging);
}

#[test]
fn a_flood_of_connections_from_one_address_leaves_another_address_served() {
    let (_dir, db) = temp_db();
    // Room in this test's own file limit for the flood.
    let _ = rlimit::increase_nofile_limit(4096);
    let server = Server::start(&db, &["--max-connections-per-address", "50"]);
    let address = ("127.0.0.1", server.port());
    // 400 idle connections and 100 slow ones from 127.0.0.1.
    let mut flood: Vec<TcpStream> = (0..500)
        .map(|_| TcpStream::connect(address).expect("the listener takes the connection"))
        .collect();
    for slow in flood.iter_mut().skip(400) {
        let _ = slow.write_all(b"GET / HTTP/1.1\r\n");
    }
    // Past the cap, connections are closed at once, not left waiting.
    let closed = flood
        .iter_mut()
        .filter(|stream: &&mut TcpStream| {
            stream
                .set_read_timeout(Some(Duration::from_millis(100)))
                .unwrap();
            let mut buf = [0u8; 16];
            match (&**stream).read(&mut buf) {
                Ok(0) => true,
                Ok(_) => false,
                Err(e) => !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ),
            }
        })
        .count();
    assert!(closed >= 400, "{closed} of the 500 were closed at once");
    // Another address takes the quiz while the flood holds its 50.
    let other = browser_at(IpAddr::from([127, 0, 0, 2]));
    let begun = Instant::now();
    start(&server, &other, "Elsewhere");
    answer_and_finish(&server, &other, 2);
    assert!(
        begun.elapsed() < Duration::from_secs(20),
        "served in {:?}",
        begun.elapsed()
    );
    drop(flood);
}

/// A certificate for 127.0.0.1, and a server that serves HTTPS with it.
fn https_server(dir: &Path, db: &Path) -> (Server, reqwest::Certificate) {
    let made = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).unwrap();
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(&cert, made.cert.pem()).unwrap();
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
    let server = Server::start(
        db,
        &[
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
        ],
    );
    let root = reqwest::Certificate::from_pem(made.cert.pem().as_bytes()).unwrap();
    (server, root)
}

#[test]
fn over_https_a_same_origin_post_is_accepted_with_http_2_and_http_1() {
    let (dir, db) = temp_db();
    let (server, root) = https_server(dir.path(), &db);
    for http1 in [false, true] {
        let mut builder = Client::builder()
            .add_root_certificate(root.clone())
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none());
        if http1 {
            builder = builder.http1_only();
        }
        let client = builder.build().unwrap();
        let page = client.get(server.url("/")).send().unwrap();
        let version = page.version();
        let expected = if http1 {
            reqwest::Version::HTTP_11
        } else {
            reqwest::Version::HTTP_2
        };
        assert_eq!(version, expected);
        let token = input_value(&page.text().unwrap(), "form_token");
        let response = post(
            &server,
            &client,
            "/start",
            &[("form_token", &token), ("name", ""), ("action", "next")],
        );
        assert_eq!(response.status(), 303, "{version:?}");
        assert_eq!(location(&response), "/quiz/1", "{version:?}");
        let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
        assert!(cookie.split("; ").any(|a| a == "Secure"), "{cookie}");
        // And from another site, refused just the same.
        let response = client
            .post(server.url("/start"))
            .header(header::ORIGIN, "https://evil.example")
            .form(&[("form_token", token.as_str())])
            .send()
            .unwrap();
        assert_eq!(response.status(), 403, "{version:?}");
    }
}

#[test]
fn behind_a_proxy_that_serves_https_the_public_url_is_the_origin() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &["--public-url", "https://quiz.school.example"]);
    // The printed addresses are the public ones.
    assert_eq!(server.students, "https://quiz.school.example/");
    assert!(
        server
            .advisor
            .starts_with("https://quiz.school.example/advisor/login?token="),
        "{}",
        server.advisor
    );
    // The proxy sends to where the server listens, with the public Host; the
    // browser's Origin is https.
    let mut listening = String::new();
    let mut server = server;
    server.stdout.read_line(&mut listening).unwrap();
    let local = listening
        .trim_end()
        .strip_prefix("listening: ")
        .unwrap_or_else(|| panic!("{listening}"))
        .trim_end_matches('/')
        .to_string();
    assert!(local.starts_with("http://127.0.0.1:"), "{local}");
    let client = browser();
    let page = client
        .get(format!("{local}/"))
        .header(header::HOST, "quiz.school.example")
        .send()
        .unwrap();
    assert_eq!(page.status(), 200);
    let token = input_value(&page.text().unwrap(), "form_token");
    let response = client
        .post(format!("{local}/start"))
        .header(header::HOST, "quiz.school.example")
        .header(header::ORIGIN, "https://quiz.school.example")
        .form(&[("form_token", token.as_str()), ("name", "")])
        .send()
        .unwrap();
    assert_eq!(response.status(), 303);
    // Another https origin is not this one.
    let response = client
        .post(format!("{local}/start"))
        .header(header::ORIGIN, "https://other.example")
        .form(&[("form_token", token.as_str()), ("name", "")])
        .send()
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[test]
fn a_request_for_another_host_is_refused_with_421_and_a_short_page() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let client = browser();
    for host in ["evil.example", "evil.example:8080", "127.0.0.1.nip.example"] {
        let response = client
            .get(server.url("/"))
            .header(header::HOST, host)
            .send()
            .unwrap();
        assert_eq!(response.status(), 421, "{host}");
        assert_secure_headers(&response, host);
        let page = response.text().unwrap();
        assert!(
            page.contains("Not this server&#39;s address")
                || page.contains("Not this server's address"),
            "{page}"
        );
        assert!(page.len() < 4096, "{} bytes", page.len());
    }
    // Nothing was started by the refused requests, and localhost is this server.
    let response = client
        .get(server.url("/"))
        .header(header::HOST, format!("localhost:{}", server.port()))
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[test]
fn the_sign_in_link_works_once_and_the_advisor_signs_in_another_device() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let first = advisor(&server);
    // Again from another browser: refused, and told why.
    let second = browser();
    let response = second.get(&server.advisor).send().unwrap();
    assert_eq!(response.status(), 401);
    assert!(
        response
            .text()
            .unwrap()
            .contains("This sign-in link was used already")
    );
    assert_eq!(
        second.get(server.url("/advisor")).send().unwrap().status(),
        401
    );
    // The signed-in advisor makes a link for another device.
    let page = first
        .get(server.url("/advisor"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("Sign in another device"), "{page}");
    let token = input_value(&page, "form_token");
    let made = post(
        &server,
        &first,
        "/advisor/devices",
        &[("form_token", &token)],
    );
    assert_eq!(made.status(), 200);
    let made = made.text().unwrap();
    let link = made
        .split("<code id=\"device-link\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the page shows the new link")
        .replace("&amp;", "&");
    assert!(
        link.starts_with(&server.url("/advisor/login?token=")),
        "{link}"
    );
    assert!(made.contains("<svg"), "with its QR code");
    let phone = browser();
    assert_eq!(phone.get(&link).send().unwrap().status(), 303);
    assert_eq!(
        phone.get(server.url("/advisor")).send().unwrap().status(),
        200
    );
    assert_eq!(
        browser().get(&link).send().unwrap().status(),
        401,
        "used once"
    );
    // Signing out ends that browser's session, not the other's.
    let signed_out = post(
        &server,
        &first,
        "/advisor/sign-out",
        &[("form_token", &token)],
    );
    assert_eq!(signed_out.status(), 200);
    assert_eq!(
        first.get(server.url("/advisor")).send().unwrap().status(),
        401
    );
    assert_eq!(
        phone.get(server.url("/advisor")).send().unwrap().status(),
        200
    );
}

#[test]
fn wrong_resume_codes_and_sign_ins_do_not_lock_the_advisor_out() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let guesser = browser();
    let page = guesser.get(server.url("/")).send().unwrap().text().unwrap();
    let token = input_value(&page, "form_token");
    let statuses: Vec<u16> = (0..320)
        .map(|_| {
            post(
                &server,
                &guesser,
                "/resume",
                &[("form_token", &token), ("code", "ABCDE-12345")],
            )
            .status()
            .as_u16()
        })
        .collect();
    assert!(statuses.contains(&429), "resumes are limited");
    // Wrong sign-ins are limited too, on their own.
    let wrong: Vec<u16> = (0..15)
        .map(|_| {
            guesser
                .get(server.url("/advisor/login?token=AAAAAAAAAAAAAAAAAAAA"))
                .send()
                .unwrap()
                .status()
                .as_u16()
        })
        .collect();
    assert!(wrong.contains(&429), "{wrong:?}");
    // The starts of this address are untouched, and the advisor's link works.
    start(&server, &guesser, "");
    let advisor = advisor(&server);
    assert_eq!(
        advisor.get(server.url("/advisor")).send().unwrap().status(),
        200
    );
}

#[test]
fn with_the_database_file_replaced_nothing_is_acknowledged_and_the_stop_says_so() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let client = browser();
    start(&server, &client, "Before");
    std::fs::rename(&db, db.with_extension("moved")).unwrap();
    std::fs::write(&db, b"").unwrap();
    let form = client
        .get(server.url("/quiz/1"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let token = input_value(&form, "form_token");
    let response = post(
        &server,
        &client,
        "/quiz/1",
        &[("form_token", &token), ("action", "next")],
    );
    assert_eq!(response.status(), 500);
    assert!(
        response
            .text()
            .unwrap()
            .contains("nothing from this page was saved")
    );
    let other = browser();
    assert_eq!(try_start(&server, &other, "After").status(), 500);
    // The advisor is told on their page.
    let advisor = advisor(&server);
    let page = advisor
        .get(server.url("/advisor"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("id=\"replaced\""), "{page}");
    let (_, code, _, err) = server.stop_within(Duration::from_secs(15));
    assert_eq!(code, Some(0));
    assert!(
        err.contains("was removed or replaced while the server ran"),
        "{err}"
    );
    assert!(!err.contains("every answer sent is saved"), "{err}");
    // What the server had is copied beside the path, and a server on the copy has it.
    let copy = err
        .split("is copied to ")
        .nth(1)
        .and_then(|rest| rest.split(": stop").next())
        .unwrap_or_else(|| panic!("{err}"))
        .to_string();
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let again = Server::start(Path::new(&copy), &[]);
    let signed_in = self::advisor(&again);
    let page = signed_in
        .get(again.url("/advisor"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("<td>Before #1</td>"), "{page}");
}

/// The database file and its WAL, as bytes.
fn file_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap();
    if let Ok(wal) = std::fs::read(db.with_extension("sqlite3-wal")) {
        bytes.extend(wal);
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn a_deleted_student_is_asked_about_then_gone_from_the_files_bytes() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let client = browser();
    let name = "Zelda Quuxington";
    start(&server, &client, name);
    let result = answer_and_finish(&server, &client, 3);
    let key = result.trim_start_matches("/result/").to_string();
    let page = client
        .get(server.url(&result))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let code = page
        .split("<strong class=\"code\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_string();
    let before = file_bytes(&db);
    for secret in [name, &code, &key] {
        assert!(contains(&before, secret), "{secret} is in the file before");
    }
    let advisor = advisor(&server);
    let class = advisor
        .get(server.url("/advisor"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    // The advisor's page links the full result, and Delete asks first.
    assert!(class.contains(&format!("href=\"{result}\"")), "{class}");
    let asked = advisor
        .get(server.url("/advisor/students/1/delete"))
        .send()
        .unwrap();
    assert_eq!(asked.status(), 200);
    let asked = asked.text().unwrap();
    assert!(
        asked.contains("Delete Zelda Quuxington #1 for good"),
        "{asked}"
    );
    assert!(contains(&file_bytes(&db), name), "asking deleted nothing");
    let token = input_value(&asked, "form_token");
    let deleted = post(
        &server,
        &advisor,
        "/advisor/students/1/delete",
        &[("form_token", &token), ("action", "delete")],
    );
    assert_eq!(deleted.status(), 303);
    let after = file_bytes(&db);
    for secret in [name, &code, &key] {
        assert!(!contains(&after, secret), "{secret} is gone from the file");
    }
    // Their result's address shows nothing now.
    assert_eq!(
        client.get(server.url(&result)).send().unwrap().status(),
        404
    );
}

#[test]
fn the_class_and_each_address_are_capped_and_the_advisor_is_told() {
    let (_dir, db) = temp_db();
    let server = Server::start(
        &db,
        &["--max-students", "3", "--max-starts-per-address", "2"],
    );
    let here = IpAddr::from([127, 0, 0, 1]);
    start(&server, &browser_at(here), "One");
    start(&server, &browser_at(here), "Two");
    let refused = try_start(&server, &browser_at(here), "Three");
    assert_eq!(refused.status(), 429);
    assert!(
        refused
            .text()
            .unwrap()
            .contains("No more starts from this network")
    );
    start(&server, &browser_at(IpAddr::from([127, 0, 0, 2])), "Three");
    let full = try_start(&server, &browser_at(IpAddr::from([127, 0, 0, 3])), "Four");
    assert_eq!(full.status(), 503);
    assert!(full.text().unwrap().contains("This class is full"));
    let advisor = advisor(&server);
    let page = advisor
        .get(server.url("/advisor"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("id=\"full\""), "{page}");
    assert!(
        page.contains("3 of its 3 places are taken, and 1 starts were refused"),
        "{page}"
    );
    assert!(page.contains("id=\"quota\""), "{page}");
    assert!(
        page.contains("<td class=\"num\" id=\"started\">3</td>"),
        "{page}"
    );
}

#[test]
fn refusals_carry_the_security_headers_and_stay_small() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let client = browser();
    start(&server, &client, "");
    let big = "x".repeat(100 * 1024);
    let response = post(&server, &client, "/quiz/1", &[("q", big.as_str())]);
    assert_eq!(response.status(), 413);
    assert_secure_headers(&response, "413");
    assert!(response.text().unwrap().contains("Too much sent"));
    // 60 KiB of fields of no question: the page says so in a few lines.
    let form = client
        .get(server.url("/quiz/1"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let token = input_value(&form, "form_token");
    let names: Vec<String> = (0..6000).map(|i| format!("f{i}")).collect();
    let mut fields: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "1")).collect();
    fields.push(("form_token", &token));
    let response = post(&server, &client, "/quiz/1", &fields);
    assert_eq!(response.status(), 422);
    let page = response.text().unwrap();
    assert!(
        page.contains("… and 5995 more fields of no question"),
        "{}",
        &page[..2000.min(page.len())]
    );
    assert!(page.len() < form.len() + 4096, "{} bytes", page.len());
    // An advisor's address is checked for the session before its path is read.
    let response = post(
        &server,
        &client,
        "/advisor/students/not-a-number/delete",
        &[],
    );
    assert_eq!(response.status(), 401);
    // A student's cookie lasts 12 hours.
    let started = try_start(&server, &browser(), "");
    let cookie = started.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.contains("Max-Age=43200"), "{cookie}");
}

#[test]
fn bound_to_all_interfaces_it_prints_real_addresses_that_fit_and_a_qr_code() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &["--bind", "0.0.0.0"]);
    assert!(!server.students.contains("0.0.0.0"), "{}", server.students);
    let advisor_line = format!("advisor: {}", server.advisor);
    assert!(advisor_line.chars().count() <= 80, "{advisor_line}");
    // The printed address answers, with this machine's address as its Host.
    let page = Client::new().get(&server.students).send().unwrap();
    assert_eq!(page.status(), 200);
    let (_, code, out, _) = server.stop_within(Duration::from_secs(15));
    assert_eq!(code, Some(0));
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "{line}");
        assert!(!line.contains("0.0.0.0"), "{line}");
    }
    let blocks = out
        .lines()
        .filter(|l| l.contains('█') || l.contains('▀') || l.contains('▄'))
        .count();
    assert!(blocks >= 10, "a QR code: {out}");
}

#[test]
fn a_public_url_that_is_not_an_address_is_refused_with_the_reason() {
    let (_dir, db) = temp_db();
    common::careerfit()
        .args([
            "serve",
            "--port",
            "0",
            "--public-url",
            "quiz.school.example",
            "--db",
        ])
        .arg(&db)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "`quiz.school.example` is not an address like https://quiz.school.example or \
             http://192.168.1.20:8080: it starts with neither http:// nor https://",
        ));
}

#[test]
fn the_log_lines_dropped_while_stderr_was_not_read_are_counted_at_the_stop() {
    let (_dir, db) = temp_db();
    let mut server = Server::start(&db, &[]);
    // More request lines than the log's queue (10,000) and the pipe hold together.
    std::thread::scope(|scope| {
        for _ in 0..4 {
            let server = &server;
            scope.spawn(move || {
                let client = browser();
                for _ in 0..3500 {
                    let response = client.get(server.url("/style.css")).send().unwrap();
                    assert_eq!(response.status(), 200);
                }
            });
        }
    });
    // Someone reads stderr at last (scrolls on in `less`): the stop is told there.
    let mut stderr = server.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut err = String::new();
        stderr.read_to_string(&mut err).unwrap();
        err
    });
    std::thread::sleep(Duration::from_secs(1));
    let (_, code, _, _) = server.stop_within(Duration::from_secs(15));
    assert_eq!(code, Some(0));
    let err = reader.join().unwrap();
    let told = err
        .lines()
        .find(|l| l.starts_with("The log on stderr was not being read: "))
        .unwrap_or_else(|| panic!("{}", &err[err.len().saturating_sub(2000)..]));
    let dropped: usize = told
        .trim_start_matches("The log on stderr was not being read: ")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(dropped > 0, "{told}");
    assert!(
        err.ends_with("Stopped; every answer acknowledged is saved.\n"),
        "{}",
        &err[err.len() - 500..]
    );
}

#[test]
fn the_soft_limit_on_open_files_is_raised_to_the_hard_one() {
    let (_dir, db) = temp_db();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -Sn 256 && exec "$0" serve --port 0 --db "$1""#)
        .arg(env!("CARGO_BIN_EXE_careerfit"))
        .arg(&db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kept open while the server runs: it writes more than this first line.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.starts_with("students: "), "{line}");
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", child.id())).unwrap();
    let open_files: Vec<&str> = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .unwrap()
        .split_whitespace()
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    drop(stdout);
    // "Max open files  SOFT  HARD  files"
    assert_eq!(open_files[3], open_files[4], "{open_files:?}");
    assert_ne!(open_files[3], "256", "{open_files:?}");
}

#[test]
fn without_db_each_quiz_has_its_own_file_and_the_start_says_which() {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_careerfit"))
        .args(["serve", "--port", "0"])
        .env("XDG_DATA_HOME", data.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Kept open while the server runs: it writes more than this first line.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.starts_with("students: "), "{line}");
    signal(&child, "TERM");
    let output = child.wait_with_output().unwrap();
    drop(stdout);
    let err = String::from_utf8(output.stderr).unwrap();
    let file = data
        .path()
        .join("careerfit")
        .join("careerfit-him-career-fit.sqlite3");
    assert!(file.exists(), "{}", file.display());
    assert!(
        err.contains(&format!(
            "Answers are kept in {}, this quiz's own file; give --db FILE to keep another \
             class of the same quiz apart.",
            file.display()
        )),
        "{err}"
    );
}
