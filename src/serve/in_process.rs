//! `serve`'s router driven in process, as axum's testing example does: each request
//! through `router(app)` with tower's `oneshot`, no socket and no binary. The end-to-
//! end tests (`tests/it/serve*.rs`) start the real server; these check the routes'
//! answers one by one, quickly.

use super::*;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::Request;
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:8080";
const ORIGIN: &str = "http://127.0.0.1:8080";

/// A class of the small quiz in a temporary file, and the router that serves it.
struct Class {
    router: Router,
    _dir: tempfile::TempDir,
}

fn class() -> Class {
    class_of(crate::fixtures::small())
}

fn class_of(quiz: Quiz) -> Class {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("class.sqlite3"), &quiz.id).unwrap();
    let file = store.identity().unwrap();
    let store = Arc::new(Mutex::new(store));
    let (committer, _thread) = commit::Committer::start(Arc::clone(&store), file.clone()).unwrap();
    let app = Arc::new(App {
        quiz,
        store,
        committer,
        logins: login::Logins::new(security::link_token()),
        limits: Arc::new(security::Limits::new()),
        caps: caps::Caps::new(100, 100),
        reach: addresses::Reach::new(HOST.parse().unwrap(), false, &[]),
        tls: false,
        in_flight: AtomicUsize::new(0),
        file,
    });
    let router = router(app).layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 50000))));
    Class { router, _dir: dir }
}

/// What came back: the status, the headers and the body as text.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    /// The value a `Set-Cookie` header gives `name`.
    fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| v.strip_prefix(&format!("{name}=")))
            .map(|v| v.split(';').next().unwrap_or("").to_string())
    }

    fn location(&self) -> &str {
        self.headers[header::LOCATION].to_str().unwrap()
    }
}

async fn send(class: &Class, request: Request<Body>) -> Answer {
    let response = class.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

fn get(path: &str, cookies: &str) -> Request<Body> {
    Request::get(path)
        .header(header::HOST, HOST)
        .header(header::COOKIE, cookies)
        .body(Body::empty())
        .unwrap()
}

fn post(path: &str, cookies: &str, form: &str) -> Request<Body> {
    Request::post(path)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, cookies)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap()
}

/// The form token a page carries in its hidden field.
fn form_token(page: &str) -> String {
    let at = page
        .find("name=\"form_token\" value=\"")
        .expect("a form token")
        + 25;
    page[at..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn a_student_starts_answers_and_finishes_through_the_routes() {
    let class = class();
    let start = send(&class, get("/", "")).await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(start.headers.contains_key(header::CONTENT_SECURITY_POLICY));
    let start_cookie = start.cookie(START_COOKIE).expect("a start cookie");
    let token = form_token(&start.body);
    let cookies = format!("{START_COOKIE}={start_cookie}");

    // Without the start cookie's token, a page of another site cannot start one.
    let forged = send(&class, post("/start", "", "name=Ana&form_token=x")).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let started = send(
        &class,
        post("/start", &cookies, &format!("name=Ana&form_token={token}")),
    )
    .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    assert_eq!(started.location(), "/quiz/1");
    let session = started.cookie(STUDENT_COOKIE).expect("a student cookie");
    let cookies = format!("{STUDENT_COOKIE}={session}");

    // No session: the questions send the browser to the start page.
    let stranger = send(&class, get("/quiz/1", "")).await;
    assert_eq!(stranger.status, StatusCode::SEE_OTHER);
    assert_eq!(stranger.location(), "/");

    let page = send(&class, get("/quiz/1", &cookies)).await;
    assert_eq!(page.status, StatusCode::OK);
    let token = form_token(&page.body);
    // A POST without the page's token is refused, and changes nothing.
    let refused = send(&class, post("/quiz/1", &cookies, "form_token=wrong")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // Every question of the small quiz is on its one page; the required one answered.
    let sent = send(
        &class,
        post(
            "/quiz/1",
            &cookies,
            &format!("form_token={token}&q-required=4"),
        ),
    )
    .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(sent.location(), "/review");
    let review = send(&class, get("/review", &cookies)).await;
    assert_eq!(review.status, StatusCode::OK);
    let finished = send(
        &class,
        post(
            "/review",
            &cookies,
            &format!("form_token={token}&action=finish"),
        ),
    )
    .await;
    assert_eq!(finished.status, StatusCode::SEE_OTHER);
    let result = finished.location().to_string();
    assert!(result.starts_with("/result/"), "{result}");
    // Finished, the questions send the student to their result.
    let again = send(&class, get("/quiz/1", &cookies)).await;
    assert_eq!(again.location(), result);
    let page = send(&class, get(&result, &cookies)).await;
    assert_eq!(page.status, StatusCode::OK);
    let json = send(&class, get(&format!("{result}.json"), "")).await;
    let json: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(json["quiz"]["id"], "small");
}

#[tokio::test]
async fn another_host_an_unknown_page_and_the_advisor_without_a_session_are_refused() {
    let class = class();
    let other = Request::get("/")
        .header(header::HOST, "evil.example")
        .body(Body::empty())
        .unwrap();
    let other = send(&class, other).await;
    assert_eq!(other.status, StatusCode::MISDIRECTED_REQUEST);
    // Every answer has the security headers, a refusal too.
    assert!(other.headers.contains_key(header::X_CONTENT_TYPE_OPTIONS));
    assert_eq!(
        send(&class, get("/no-such-page", "")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(&class, get("/advisor", "")).await.status,
        StatusCode::UNAUTHORIZED
    );
    let delete = send(
        &class,
        post("/advisor/students/1/delete", "", "action=delete"),
    )
    .await;
    assert_eq!(delete.status, StatusCode::UNAUTHORIZED);
}

#[test]
fn cookies_are_read_among_others_and_written_with_their_attributes() {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::COOKIE,
        HeaderValue::from_static("theme=dark; careerfit_start=abc; other=x=y"),
    );
    assert_eq!(cookie(&headers, START_COOKIE), Some("abc"));
    assert_eq!(cookie(&headers, "other"), Some("x=y"));
    assert_eq!(cookie(&headers, STUDENT_COOKIE), None);
    let kept = set_cookie(STUDENT_COOKIE, "s", cookie::SameSite::Lax, "/", true);
    let attributes: Vec<&str> = kept.to_str().unwrap().split("; ").collect();
    for wanted in [
        "careerfit_student=s",
        "HttpOnly",
        "SameSite=Lax",
        "Secure",
        "Path=/",
        "Max-Age=43200",
    ] {
        assert!(attributes.contains(&wanted), "{wanted} in {attributes:?}");
    }
    let session = set_cookie(START_COOKIE, "t", cookie::SameSite::Strict, "/", false);
    let session = session.to_str().unwrap();
    assert!(
        !session.contains("Max-Age") && !session.contains("Secure"),
        "{session}"
    );
}

/// A student who starts the class: their cookies, ready for the questions.
async fn started(class: &Class) -> String {
    let start = send(class, get("/", "")).await;
    let cookies = format!("{START_COOKIE}={}", start.cookie(START_COOKIE).unwrap());
    let token = form_token(&start.body);
    let started = send(
        class,
        post("/start", &cookies, &format!("name=&form_token={token}")),
    )
    .await;
    format!(
        "{STUDENT_COOKIE}={}",
        started.cookie(STUDENT_COOKIE).unwrap()
    )
}

/// The values of a question's options, in the order the page shows them.
fn shown_values(page: &str, question: &str) -> Vec<String> {
    let marker = format!("name=\"{question}\" value=\"");
    page.match_indices(&marker)
        .map(|(at, _)| {
            page[at + marker.len()..]
                .split('"')
                .next()
                .unwrap()
                .to_string()
        })
        .filter(|value| !value.is_empty())
        .collect()
}

/// A forced choice's options come in an order of each student's own, kept when the
/// page is shown again, so that choosing the first throughout does not choose one
/// trait; other questions keep the file's order.
#[tokio::test]
async fn each_student_sees_a_forced_choice_in_an_order_of_their_own() {
    let class = class_of(crate::fixtures::forced());
    let file_order = ["code", "lead", "teach", "neither"];
    let mut firsts = std::collections::BTreeSet::new();
    for _ in 0..12 {
        let cookies = started(&class).await;
        let page = send(&class, get("/quiz/1", &cookies)).await.body;
        let shown = shown_values(&page, "rather");
        let mut sorted = shown.clone();
        sorted.sort();
        let mut expected: Vec<String> = file_order.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(sorted, expected, "every option, once");
        let again = send(&class, get("/quiz/1", &cookies)).await.body;
        assert_eq!(
            shown_values(&again, "rather"),
            shown,
            "the same order again"
        );
        assert_eq!(
            shown_values(&page, "study"),
            ["none", "course", "degree"],
            "a one-trait choice keeps the file's order"
        );
        firsts.insert(shown[0].clone());
    }
    assert!(firsts.len() > 1, "always {firsts:?} first");
}
