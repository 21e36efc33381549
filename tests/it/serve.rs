//! `careerfit serve` as a class uses it: a real server on 127.0.0.1:0 (the binary,
//! started here), driven by a real HTTP client with its own cookies.

use crate::common;

use common::careerfit;
use reqwest::blocking::{Client, Response};
use reqwest::header;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running `careerfit serve`, stopped when dropped.
struct Server {
    child: Child,
    students: String,
    advisor: String,
    stderr: Option<std::process::ChildStderr>,
}

impl Server {
    fn start(db: &Path) -> Server {
        Server::start_with(db, &[])
    }

    fn start_with(db: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_careerfit"))
            .args(["serve", "--port", "0", "--db"])
            .arg(db)
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("careerfit starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut next = |prefix: &str| {
            let line = lines
                .next()
                .expect("serve prints its addresses")
                .expect("stdout reads");
            line.strip_prefix(prefix)
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
            stderr,
        }
    }

    /// `http://127.0.0.1:PORT`, as a browser's Origin says it.
    fn origin(&self) -> &str {
        self.students.trim_end_matches('/')
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// Stop with SIGTERM and give back the exit code and what went to stderr.
    fn stop(mut self) -> (Option<i32>, String) {
        signal(&self.child, "TERM");
        let status = self.child.wait().expect("serve ends");
        let mut err = String::new();
        if let Some(mut stderr) = self.stderr.take() {
            use std::io::Read;
            stderr.read_to_string(&mut err).unwrap();
        }
        (status.code(), err)
    }

    fn kill_9(mut self) {
        signal(&self.child, "KILL");
        self.child.wait().expect("serve ends");
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

/// A browser: its own cookies, redirects left to the test.
fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A form POST as the browser sends it from one of this server's pages: with the
/// server's Origin.
fn post<T: serde::Serialize + ?Sized>(
    server: &Server,
    client: &Client,
    path: &str,
    fields: &T,
) -> Response {
    client
        .post(server.url(path))
        .header(header::ORIGIN, server.origin())
        .form(fields)
        .send()
        .unwrap()
}

fn html(response: Response) -> String {
    response.text().expect("a body")
}

/// The value of the first `name="NAME" value="..."` in a page.
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

fn him() -> careerfit::quiz::Quiz {
    careerfit::quiz::load_path(&common::him_quiz()).unwrap().0
}

/// A student's answers, as form values by question id: every kind of question,
/// some skipped, one tick-any question with nothing ticked.
fn answers(quiz: &careerfit::quiz::Quiz) -> BTreeMap<String, Vec<String>> {
    use careerfit::quiz::QuestionKind;
    let mut out = BTreeMap::new();
    let mut multis = 0;
    for (i, q) in quiz.questions.iter().enumerate() {
        let values = match &q.kind {
            QuestionKind::Multi { options } => {
                multis += 1;
                if multis == 1 {
                    vec![]
                } else {
                    options.iter().take(2).map(|o| o.id.clone()).collect()
                }
            }
            _ if i % 7 == 3 => continue,
            QuestionKind::Scale { labels, .. } => vec![(i % labels.len() + 1).to_string()],
            QuestionKind::YesNo { .. } => vec![if i % 2 == 0 { "yes" } else { "no" }.into()],
            QuestionKind::Choice { options } => vec![options[i % options.len()].id.clone()],
        };
        out.insert(q.id.clone(), values);
    }
    out
}

/// The same answers as an answers file for `take --answers`.
fn answers_file(quiz: &careerfit::quiz::Quiz, given: &BTreeMap<String, Vec<String>>) -> String {
    use careerfit::quiz::QuestionKind;
    let mut map = serde_json::Map::new();
    for q in &quiz.questions {
        let Some(values) = given.get(&q.id) else {
            continue;
        };
        let value = match &q.kind {
            QuestionKind::Multi { .. } => serde_json::json!(values),
            QuestionKind::Scale { .. } => serde_json::json!(values[0].parse::<u64>().unwrap()),
            QuestionKind::YesNo { .. } => serde_json::json!(values[0] == "yes"),
            QuestionKind::Choice { .. } => serde_json::json!(values[0]),
        };
        map.insert(q.id.clone(), value);
    }
    serde_json::json!({"quiz": quiz.id, "answers": map}).to_string()
}

/// Open the start page and start as `name`; the student is then on page 1.
fn start(server: &Server, client: &Client, name: &str) {
    let page = html(client.get(server.url("/")).send().unwrap());
    let token = input_value(&page, "form_token");
    let response = post(
        server,
        client,
        "/start",
        &[
            ("form_token", token.as_str()),
            ("name", name),
            ("action", "next"),
        ],
    );
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/quiz/1");
}

/// Send page `page` with the given answers; gives the response (a redirect when
/// it was saved).
fn send_page(
    server: &Server,
    client: &Client,
    page: usize,
    given: &BTreeMap<String, Vec<String>>,
    action: &str,
) -> Response {
    let quiz = him();
    let form = html(
        client
            .get(server.url(&format!("/quiz/{page}")))
            .send()
            .unwrap(),
    );
    let token = input_value(&form, "form_token");
    let mut fields = vec![("form_token".to_string(), token)];
    let per_page = careerfit::serve::PER_PAGE;
    for q in quiz
        .questions
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
    {
        for value in given.get(&q.id).into_iter().flatten() {
            fields.push((q.id.clone(), value.clone()));
        }
    }
    fields.push(("action".into(), action.into()));
    post(server, client, &format!("/quiz/{page}"), &fields)
}

/// Every page, the review, and the finish: gives the result's address.
fn take_quiz(server: &Server, client: &Client, given: &BTreeMap<String, Vec<String>>) -> String {
    let pages = him().questions.len().div_ceil(careerfit::serve::PER_PAGE);
    for page in 1..=pages {
        let response = send_page(server, client, page, given, "next");
        assert_eq!(response.status(), 303, "page {page}");
        let next = if page == pages {
            "/review".to_string()
        } else {
            format!("/quiz/{}", page + 1)
        };
        assert_eq!(location(&response), next);
    }
    let review = html(client.get(server.url("/review")).send().unwrap());
    let response = post(
        server,
        client,
        "/review",
        &[
            ("form_token", input_value(&review, "form_token").as_str()),
            ("action", "finish"),
        ],
    );
    assert_eq!(response.status(), 303);
    location(&response)
}

fn advisor(server: &Server) -> Client {
    let client = browser();
    let response = client.get(&server.advisor).send().unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/advisor");
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    client
}

fn without_date(mut result: serde_json::Value) -> serde_json::Value {
    result.as_object_mut().unwrap().remove("completed_at");
    result
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("class.sqlite3");
    (dir, db)
}

#[test]
fn a_student_takes_the_quiz_and_gets_what_take_gives_for_the_same_answers() {
    let (dir, db) = temp_db();
    let server = Server::start(&db);
    let client = browser();
    start(&server, &client, "Ana");
    let quiz = him();
    let given = answers(&quiz);
    let result = take_quiz(&server, &client, &given);
    let page = html(client.get(server.url(&result)).send().unwrap());
    // The verdict first, the report's content, and a link to its JSON.
    assert!(page.contains("<div class=\"verdict\">"), "{page}");
    let json_link = format!("href=\"{result}.json\"");
    assert!(page.contains(&json_link), "{page}");
    let served = client
        .get(server.url(&format!("{result}.json")))
        .send()
        .unwrap();
    let content_type = served.headers()[header::CONTENT_TYPE].to_str().unwrap();
    assert_eq!(content_type, "application/json; charset=utf-8");
    let served: serde_json::Value = serde_json::from_str(&served.text().unwrap()).unwrap();

    let file = dir.path().join("answers.json");
    std::fs::write(&file, answers_file(&quiz, &given)).unwrap();
    let output = careerfit()
        .args(["take", "--format", "json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success());
    let taken = common::stdout_json(&output);
    assert_eq!(without_date(served), without_date(taken));

    // Finished, the quiz's pages lead to the result, not to new answers.
    let again = client.get(server.url("/quiz/1")).send().unwrap();
    assert_eq!(location(&again), result);
    let (code, err) = server.stop();
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.ends_with("Stopped; every answer sent is saved.\n"),
        "{err}"
    );
    // The log names routes, never a name or a result's address.
    assert!(err.contains("route=\"/result/{key}\""), "{err}");
    assert!(
        !err.contains(result.trim_start_matches("/result/")),
        "{err}"
    );
    assert!(!err.contains("Ana"), "{err}");
}

#[test]
fn a_student_resumes_with_their_code_on_another_device() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let quiz = him();
    let given = answers(&quiz);
    let laptop = browser();
    start(&server, &laptop, "");
    assert_eq!(send_page(&server, &laptop, 1, &given, "next").status(), 303);
    let page = html(laptop.get(server.url("/quiz/2")).send().unwrap());
    let code = page
        .split("<strong class=\"code\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("every page shows the personal code")
        .to_string();
    // The same browser is offered to go on.
    let home = html(laptop.get(server.url("/")).send().unwrap());
    assert!(
        home.contains("<a href=\"/quiz/2\">Go on where you left off</a>"),
        "{home}"
    );

    let phone = browser();
    let start_page = html(phone.get(server.url("/")).send().unwrap());
    let token = input_value(&start_page, "form_token");
    let typed = code.to_lowercase().replace('-', " ");
    let response = post(
        &server,
        &phone,
        "/resume",
        &[
            ("form_token", token.as_str()),
            ("code", &typed),
            ("action", "next"),
        ],
    );
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/quiz/2");
    // Page 1's answers are there, chosen.
    let first = html(phone.get(server.url("/quiz/1")).send().unwrap());
    let q = &quiz.questions[0];
    let chosen = format!(
        "name=\"{}\" value=\"{}\" checked",
        q.id,
        given[&q.id].first().map_or("", String::as_str)
    );
    assert!(first.contains(&chosen), "{chosen} in {first}");

    // A wrong code is told, and lets no one in.
    let stranger = browser();
    let start_page = html(stranger.get(server.url("/")).send().unwrap());
    let token = input_value(&start_page, "form_token");
    let response = post(
        &server,
        &stranger,
        "/resume",
        &[("form_token", token.as_str()), ("code", "ABCDE-12345")],
    );
    assert_eq!(response.status(), 400);
    assert!(html(response).contains("No one in this class has that personal code."));
}

#[test]
fn the_advisor_sees_the_class_exports_it_and_score_agrees() {
    let (dir, db) = temp_db();
    let server = Server::start(&db);
    let quiz = him();
    let given = answers(&quiz);
    let ana = browser();
    start(&server, &ana, "Ana");
    take_quiz(&server, &ana, &given);
    let ben = browser();
    start(&server, &ben, "");
    assert_eq!(send_page(&server, &ben, 1, &given, "next").status(), 303);

    let advisor = advisor(&server);
    let page = html(advisor.get(server.url("/advisor")).send().unwrap());
    assert!(
        page.contains("<td class=\"num\" id=\"started\">2</td>"),
        "{page}"
    );
    assert!(
        page.contains("<td class=\"num\" id=\"finished\">1</td>"),
        "{page}"
    );
    assert!(page.contains("<td>Ana #1</td>"), "{page}");
    assert!(page.contains("<td>#2</td>"), "{page}");
    assert!(page.contains("Class report: "), "{page}");

    let export = advisor
        .get(server.url("/advisor/export.jsonl"))
        .send()
        .unwrap();
    assert_eq!(export.status(), 200);
    let export = export.text().unwrap();
    assert_eq!(
        export.lines().count(),
        1,
        "only finished students: {export}"
    );
    let row: serde_json::Value = serde_json::from_str(export.lines().next().unwrap()).unwrap();
    assert_eq!(row["id"], "Ana #1");
    let taken: serde_json::Value = serde_json::from_str(&answers_file(&quiz, &given)).unwrap();
    assert_eq!(row["answers"], taken["answers"]);

    let csv = advisor
        .get(server.url("/advisor/results.csv"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let file = dir.path().join("class.jsonl");
    std::fs::write(&file, &export).unwrap();
    let scored = careerfit()
        .args(["score", "him-career-fit", "--format", "csv"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(scored.status.success());
    assert_eq!(csv, common::text(&scored.stdout));

    // Closed: no new starts; the start page says so.
    let token = input_value(&page, "form_token");
    let closed = post(
        &server,
        &advisor,
        "/advisor/class",
        &[("form_token", token.as_str()), ("action", "close")],
    );
    assert_eq!(closed.status(), 303);
    let home = html(browser().get(server.url("/")).send().unwrap());
    assert!(
        home.contains("This class is closed to new students."),
        "{home}"
    );
    assert!(!home.contains("action=\"/start\""), "{home}");

    // Deleted: Ana's answers and result are gone.
    let deleted = post(
        &server,
        &advisor,
        "/advisor/students/1/delete",
        &[("form_token", token.as_str()), ("action", "delete")],
    );
    assert_eq!(deleted.status(), 303);
    let export = advisor
        .get(server.url("/advisor/export.jsonl"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(export, "");
    let page = html(advisor.get(server.url("/advisor")).send().unwrap());
    assert!(!page.contains("Ana"), "{page}");
}

#[test]
fn posts_without_the_form_token_or_from_another_site_are_refused_and_nothing_is_kept() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let quiz = him();
    let client = browser();
    start(&server, &client, "");
    let first = &quiz.questions[0].id;
    let form = html(client.get(server.url("/quiz/1")).send().unwrap());
    let token = input_value(&form, "form_token");
    for (origin, token) in [
        (server.origin(), ""),
        (server.origin(), "0123456789abcdef0123456789abcdef"),
        ("http://evil.example", token.as_str()),
        ("null", token.as_str()),
    ] {
        let response = client
            .post(server.url("/quiz/1"))
            .header(header::ORIGIN, origin)
            .form(&[
                ("form_token", token),
                (first.as_str(), "4"),
                ("action", "next"),
            ])
            .send()
            .unwrap();
        assert_eq!(response.status(), 403, "origin {origin}, token {token:?}");
        assert!(html(response).contains("Form not accepted"));
    }
    let page = html(client.get(server.url("/quiz/1")).send().unwrap());
    let kept = format!("name=\"{first}\" value=\"4\" checked");
    assert!(!page.contains(&kept), "nothing was kept");
    // The start form is guarded the same way.
    let stranger = browser();
    let response = post(
        &server,
        &stranger,
        "/start",
        &[("name", "x"), ("action", "next")],
    );
    assert_eq!(response.status(), 403);
}

#[test]
fn values_a_question_does_not_take_are_told_beside_it_and_nothing_is_kept() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let quiz = him();
    let client = browser();
    start(&server, &client, "");
    let form = html(client.get(server.url("/quiz/1")).send().unwrap());
    let token = input_value(&form, "form_token");
    let (scale, good) = (&quiz.questions[0].id, &quiz.questions[2].id);
    let response = post(
        &server,
        &client,
        "/quiz/1",
        &[
            ("form_token", token.as_str()),
            (scale.as_str(), "9"),
            (good.as_str(), "2"),
            ("hobby", "chess"),
            ("action", "next"),
        ],
    );
    assert_eq!(response.status(), 422);
    let page = html(response);
    assert!(page.contains("Nothing on this page was saved"), "{page}");
    assert!(
        page.contains(&format!(
            "<p class=\"problem\" id=\"q-{scale}-problem\">“9” is not a point of this scale; \
             choose one of its 5 points.</p>"
        )),
        "{page}"
    );
    assert!(
        page.contains("This page has no question `hobby`; nothing on it was saved."),
        "{page}"
    );
    // What could be read is shown chosen again, but nothing was stored.
    assert!(page.contains(&format!("name=\"{good}\" value=\"2\" checked")));
    let fresh = html(client.get(server.url("/quiz/1")).send().unwrap());
    assert!(!fresh.contains(&format!("name=\"{good}\" value=\"2\" checked")));
}

#[test]
fn advisor_pages_are_refused_without_the_login() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let client = browser();
    start(&server, &client, "Secret Sam");
    for path in [
        "/advisor",
        "/advisor/",
        "/advisor/export.jsonl",
        "/advisor/results.csv",
        "/advisor/anything",
        "/advisor/login?token=0123456789abcdef0123456789abcdef",
        "/advisor/login",
    ] {
        let response = client.get(server.url(path)).send().unwrap();
        assert_eq!(response.status(), 401, "{path}");
        let body = html(response);
        assert!(body.contains("For the advisor only"), "{path}: {body}");
        assert!(!body.contains("Sam"), "{path}");
    }
    for path in ["/advisor/class", "/advisor/students/1/delete"] {
        let response = post(&server, &client, path, &[("action", "close")]);
        assert_eq!(response.status(), 401, "{path}");
    }
    // The class is still open: the refused POST changed nothing.
    let home = html(browser().get(server.url("/")).send().unwrap());
    assert!(home.contains("action=\"/start\""));
}

#[test]
fn every_response_carries_the_security_headers() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let client = browser();
    start(&server, &client, "");
    for path in [
        "/",
        "/quiz/1",
        "/review",
        "/style.css",
        "/nowhere",
        "/advisor",
        "/result/x",
    ] {
        let response = client.get(server.url(path)).send().unwrap();
        let headers = response.headers();
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("script-src"), "{path}: {csp}");
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY", "{path}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(headers[header::REFERRER_POLICY], "same-origin", "{path}");
        assert_eq!(headers[header::CACHE_CONTROL], "no-store", "{path}");
    }
    // A body larger than any page of answers is refused before it is read.
    let big = "x".repeat(100 * 1024);
    let response = post(&server, &client, "/quiz/1", &[("q", big.as_str())]);
    assert_eq!(response.status(), 413);
}

#[test]
fn a_hostile_name_is_shown_as_text_everywhere() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let client = browser();
    let name = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    start(&server, &client, name);
    take_quiz(&server, &client, &answers(&him()));
    let advisor = advisor(&server);
    let page = html(advisor.get(server.url("/advisor")).send().unwrap());
    assert!(!page.contains("<script>"), "{page}");
    assert!(!page.contains("<img src=x"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    let csv = advisor
        .get(server.url("/advisor/results.csv"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(
        csv.contains("<script>alert(1)</script>"),
        "kept as typed in the data: {csv}"
    );
}

#[test]
fn a_second_server_on_the_same_database_is_refused() {
    let (_dir, db) = temp_db();
    let _first = Server::start(&db);
    careerfit()
        .args(["serve", "--port", "0", "--db"])
        .arg(&db)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {}: another `careerfit serve` is using this file; stop it first, or give \
             --db another file\n",
            db.display()
        ));
}

#[test]
fn nothing_acknowledged_is_lost_to_kill_9() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let quiz = him();
    let given = answers(&quiz);
    let finished = browser();
    start(&server, &finished, "Done");
    let result = take_quiz(&server, &finished, &given);
    let midway = browser();
    start(&server, &midway, "Midway");
    for page in 1..=2 {
        assert_eq!(
            send_page(&server, &midway, page, &given, "next").status(),
            303
        );
    }
    server.kill_9();

    let server = Server::start(&db);
    // The finished result is there, at the same address.
    let again = finished
        .get(server.url(&format!("{result}.json")))
        .send()
        .unwrap();
    assert_eq!(again.status(), 200);
    // The student midway goes on from page 3 with their 20 answers' worth kept.
    let home = html(midway.get(server.url("/")).send().unwrap());
    assert!(home.contains("<a href=\"/quiz/3\">"), "{home}");
    let advisor = advisor(&server);
    let page = html(advisor.get(server.url("/advisor")).send().unwrap());
    let answered: usize = given
        .keys()
        .filter(|id| quiz.question_index(id).is_some_and(|i| i < 20))
        .count();
    assert!(
        page.contains(&format!(
            "<td class=\"num\">{answered} of {}</td>",
            quiz.questions.len()
        )),
        "{answered} answers kept: {page}"
    );
}

#[test]
fn a_browser_that_sends_pages_faster_than_anyone_answers_is_held_back() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let client = browser();
    start(&server, &client, "");
    let form = html(client.get(server.url("/quiz/1")).send().unwrap());
    let token = input_value(&form, "form_token");
    let statuses: Vec<u16> = (0..30)
        .map(|_| {
            post(
                &server,
                &client,
                "/quiz/1",
                &[("form_token", token.as_str()), ("action", "back")],
            )
            .status()
            .as_u16()
        })
        .collect();
    let held = statuses.iter().filter(|s| **s == 429).count();
    assert!(held >= 5, "{statuses:?}");
    let response = post(
        &server,
        &client,
        "/quiz/1",
        &[("form_token", token.as_str()), ("action", "back")],
    );
    assert_eq!(response.status(), 429);
    assert!(html(response).contains("Too many pages at once"));
    // Another student is not held back by the first.
    let other = browser();
    start(&server, &other, "");
    assert_eq!(
        send_page(&server, &other, 1, &BTreeMap::new(), "next").status(),
        303
    );
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let (_dir, db) = temp_db();
    let mut server = Server::start(&db);
    signal(&server.child, "INT");
    let status = server.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    // The file is closed: another server can use it now.
    let next = Server::start(&db);
    assert!(next.students.starts_with("http://127.0.0.1:"));
}

#[test]
fn with_a_certificate_it_serves_https_and_its_cookies_are_secure() {
    let (dir, db) = temp_db();
    let made = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).unwrap();
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert, made.cert.pem()).unwrap();
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
    let server = Server::start_with(
        &db,
        &[
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
        ],
    );
    assert!(
        server.students.starts_with("https://127.0.0.1:"),
        "{}",
        server.students
    );
    assert!(
        server.advisor.starts_with("https://127.0.0.1:"),
        "{}",
        server.advisor
    );
    let client = Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(made.cert.pem().as_bytes()).unwrap())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = client.get(&server.advisor).send().unwrap();
    assert_eq!(response.status(), 303);
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.split("; ").any(|a| a == "Secure"), "{cookie}");
}

#[test]
fn a_certificate_that_cannot_be_read_is_told_before_anything_starts() {
    let (dir, db) = temp_db();
    let missing = dir.path().join("missing.pem");
    careerfit()
        .args(["serve", "--port", "0", "--db"])
        .arg(&db)
        .arg("--tls-cert")
        .arg(&missing)
        .arg("--tls-key")
        .arg(&missing)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: cannot use the TLS certificate {0} with the key {0}: failed to read from \
             file `{0}`: No such file or directory (os error 2)\n",
            missing.display()
        ));
}

#[test]
fn each_student_sees_only_their_own_answers_and_code() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let quiz = him();
    let given = answers(&quiz);
    let ana = browser();
    start(&server, &ana, "Ana");
    let result = take_quiz(&server, &ana, &given);
    let own = html(ana.get(server.url(&result)).send().unwrap());
    let code = own
        .split("<strong class=\"code\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("her own result shows her code")
        .to_string();

    let ben = browser();
    start(&server, &ben, "Ben");
    let page = html(ben.get(server.url("/quiz/1")).send().unwrap());
    let q = &quiz.questions[0];
    let anas = format!("name=\"{}\" value=\"{}\" checked", q.id, given[&q.id][0]);
    assert!(
        !page.contains(&anas),
        "Ben's page shows none of Ana's answers"
    );
    assert!(!page.contains(&code));
    // The result's address opens it (it is unguessable), but not her code.
    let seen = html(ben.get(server.url(&result)).send().unwrap());
    assert!(seen.contains("<div class=\"verdict\">"));
    assert!(
        !seen.contains(&code),
        "another browser is not shown Ana's code"
    );
}

#[test]
fn the_advisor_page_names_who_needs_a_talk_by_group_and_beside_each_student() {
    let (dir, db) = temp_db();
    let server = Server::start(&db);
    let given = answers(&him());
    let ana = browser();
    start(&server, &ana, "Ana");
    take_quiz(&server, &ana, &given);
    // Cal skips every question: low confidence (nearly all skipped), so unclear too.
    let cal = browser();
    start(&server, &cal, "Cal");
    take_quiz(&server, &cal, &BTreeMap::new());

    let advisor = advisor(&server);
    let page = html(advisor.get(server.url("/advisor")).send().unwrap());
    let document = scraper::Html::parse_document(&page);
    let select = |css: &str| -> Vec<String> {
        document
            .select(&scraper::Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(select("#talk h2"), ["Talk these through first"], "{page}");
    let named = |table: &str| select(&format!("#{table} tbody th[scope=row]"));
    assert!(named("low-confidence-respondents").contains(&"Cal #2 (line 2)".to_string()));
    // Named once: under Unclear, Cal is counted among those with low confidence.
    assert!(!named("unclear-respondents").contains(&"Cal #2 (line 2)".to_string()));
    // Each group is what `score` says of the class's export, as an advisor would run it.
    let export = advisor
        .get(server.url("/advisor/export.jsonl"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let scored = careerfit()
        .args(["score", "him-career-fit", "--summary=json", "-o"])
        .arg(dir.path().join("rows.jsonl"))
        .arg("-")
        .write_stdin(export)
        .output()
        .unwrap();
    let summary = common::stdout_json(&scored);
    for (key, table) in [
        ("low_confidence", "low-confidence-respondents"),
        ("probably_not", "probably-not-respondents"),
        ("unclear", "unclear-respondents"),
    ] {
        let respondents = summary["talk"][key]["respondents"].as_array().unwrap();
        let (first, later): (Vec<_>, Vec<_>) =
            respondents.iter().partition(|r| r["groups"][0] == key);
        let mut expected: Vec<String> = first
            .iter()
            .map(|r| format!("{} (line {})", r["id"].as_str().unwrap(), r["line"]))
            .collect();
        if !later.is_empty() {
            expected.push(format!("{} with low confidence", later.len()));
        }
        assert_eq!(named(table), expected, "{key}");
    }
    // Beside each student, the groups the spreadsheet's `talk` column gives.
    let beside = select("#students tbody tr td.talk");
    assert_eq!(beside[1], "low confidence; unclear");
    let csv = advisor
        .get(server.url("/advisor/results.csv"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let talk = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "talk")
        .unwrap();
    let cells: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[talk].replace('_', " "))
        .collect();
    assert_eq!(beside, cells);
    // The page works without scripts.
    assert!(!page.contains("<script"), "{page}");
}
