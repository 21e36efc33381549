//! `careerfit serve` under a class at once: N students take the whole HIM quiz
//! together against the release binary, and the bench prints what issue 25 sets as
//! targets (page latency, errors, the server's memory and idle CPU, the export).
//!
//!   cargo build --release                               the server it runs
//!   cargo bench --bench serve_load                      200 students at once
//!   cargo bench --bench serve_load -- --students 50     another class size
//!   cargo bench --bench serve_load -- crash             kill -9 during the load,
//!                                                       restart, count what is lost
//!   cargo bench --bench serve_load -- crash --after 300 kill after 300 saved pages
//!   cargo bench --bench serve_load -- --think 2000     a page takes 0 to 4 s to answer
//!
//! `CAREERFIT=path/to/careerfit` runs another build. Each student is a task with its
//! own client and cookie jar; it follows the redirects itself, reads every form from
//! the page it was given, and answers at random (seeded) with the form's own values,
//! skipping a question now and then.

use serde_json::{Value as Json, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How the bench was asked to run.
struct Options {
    students: usize,
    crash: bool,
    /// Acknowledged page POSTs before the kill.
    after: usize,
    seed: u64,
    /// Mean time a student takes over a page before sending it (0: none at all).
    think: Duration,
}

fn options() -> Options {
    let mut options = Options {
        students: 200,
        crash: false,
        after: 300,
        seed: 25,
        think: Duration::ZERO,
    };
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    while let Some(arg) = args.next() {
        let mut number = |what: &str| -> usize {
            args.next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{what} takes a number"))
        };
        match arg.as_str() {
            "crash" => options.crash = true,
            "--students" => options.students = number("--students"),
            "--after" => options.after = number("--after"),
            "--seed" => options.seed = number("--seed") as u64,
            "--think" => options.think = Duration::from_millis(number("--think") as u64),
            other => panic!(
                "unknown argument `{other}`; use [crash] [--students N] [--after N] [--seed N] [--think MS]"
            ),
        }
    }
    options
}

/// The release binary, or the one `CAREERFIT` names.
fn binary() -> PathBuf {
    let path = std::env::var_os("CAREERFIT").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/careerfit"),
        PathBuf::from,
    );
    assert!(
        path.exists(),
        "{} is missing: run `cargo build --release` first, or set CAREERFIT",
        path.display()
    );
    path
}

/// A running `careerfit serve` and its two addresses.
struct Server {
    child: Child,
    base: String,
    advisor: String,
}

fn start_server(db: &Path, log: &Path) -> Server {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .expect("the server's log opens");
    let mut child = Command::new(binary())
        .args(["serve", "--port", "0", "--db"])
        .arg(db)
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .expect("careerfit serve starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
    let mut line = |prefix: &str| -> String {
        let line = lines
            .next()
            .expect("serve prints its addresses")
            .expect("stdout reads");
        line.strip_prefix(prefix)
            .unwrap_or_else(|| panic!("expected `{prefix}…`, got `{line}`"))
            .to_string()
    };
    let students = line("students: ");
    let advisor = line("advisor: ");
    Server {
        child,
        base: students.trim_end_matches('/').to_string(),
        advisor,
    }
}

/// From /proc/PID/stat: user and system CPU time, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // After the command's name, in parentheses: state is field 3, utime 14, stime 15.
    let rest = &stat[stat.rfind(')').expect("a stat line") + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap_or(0) + fields[12].parse::<u64>().unwrap_or(0)
}

fn ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

/// Peak resident memory (VmHWM), in MB.
fn peak_rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc/PID/status");
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1000.0
}

/// splitmix64: a student's answers, the same for a seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// An attribute's value in one tag (the server writes them double-quoted).
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Every `<input …>` tag of a page.
fn inputs(html: &str) -> Vec<&str> {
    html.match_indices("<input ")
        .filter_map(|(at, _)| html[at..].find('>').map(|end| &html[at..at + end]))
        .collect()
}

fn form_token(html: &str) -> Option<String> {
    inputs(html)
        .into_iter()
        .find(|t| attribute(t, "name") == Some("form_token"))
        .and_then(|t| attribute(t, "value"))
        .map(str::to_string)
}

/// A question as its page offers it: its id, checkboxes or radios, and the values.
struct Offered {
    id: String,
    multi: bool,
    values: Vec<String>,
}

fn questions(html: &str) -> Vec<Offered> {
    let mut offered: Vec<Offered> = Vec::new();
    for tag in inputs(html) {
        let (Some(kind), Some(name), Some(value)) = (
            attribute(tag, "type"),
            attribute(tag, "name"),
            attribute(tag, "value"),
        ) else {
            continue;
        };
        if kind != "radio" && kind != "checkbox" {
            continue;
        }
        if offered.last().is_none_or(|q| q.id != name) {
            offered.push(Offered {
                id: name.to_string(),
                multi: kind == "checkbox",
                values: Vec::new(),
            });
        }
        if !value.is_empty() {
            offered
                .last_mut()
                .expect("pushed")
                .values
                .push(value.to_string());
        }
    }
    offered
}

/// Posted fields, (name, value).
type Fields = Vec<(String, String)>;
/// Answers as the export writes them, by question id.
type Exported = Vec<(String, Json)>;

/// What a student sends for a page, and the same answers as the export writes
/// them (scale positions as numbers, yes/no as booleans, option ids, lists).
fn answer_page(offered: &[Offered], random: &mut Random) -> (Fields, Exported) {
    let mut fields = Vec::new();
    let mut answers = Vec::new();
    for q in offered {
        if q.multi {
            let ticked: Vec<&String> = q.values.iter().filter(|_| random.below(3) == 0).collect();
            for v in &ticked {
                fields.push((q.id.clone(), (*v).clone()));
            }
            answers.push((q.id.clone(), json!(ticked)));
            continue;
        }
        if random.below(20) == 0 {
            fields.push((q.id.clone(), String::new()));
            continue;
        }
        let value = q.values[random.below(q.values.len())].clone();
        let exported = match value.as_str() {
            "yes" => json!(true),
            "no" => json!(false),
            v => v.parse::<u64>().map_or_else(|_| json!(v), |n| json!(n)),
        };
        fields.push((q.id.clone(), value));
        answers.push((q.id.clone(), exported));
    }
    (fields, answers)
}

/// What one student did, as far as the server acknowledged it.
#[derive(Default)]
struct Taken {
    name: String,
    /// The answers of every page the server acknowledged (303), by question.
    acknowledged: HashMap<String, Json>,
    /// Answers of a page sent and not acknowledged (the server died meanwhile).
    in_flight: usize,
    finished: bool,
    /// Latency of every request, in ms.
    latencies: Vec<f64>,
    requests: usize,
    errors: Vec<String>,
}

/// Shared by the students: page POSTs acknowledged, and whether the server is gone.
struct Load {
    base: String,
    acknowledged_pages: AtomicUsize,
    killed: AtomicBool,
    go: tokio::sync::Barrier,
    think: Duration,
}

/// One request, timed; a transport error or a status other than 2xx or 3xx is an
/// error.
async fn send(
    taken: &mut Taken,
    request: reqwest::RequestBuilder,
) -> Result<(reqwest::StatusCode, Option<String>, String), String> {
    let started = Instant::now();
    taken.requests += 1;
    let outcome = async {
        let response = request.send().await?;
        let status = response.status();
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .map(str::to_string);
        let body = response.text().await?;
        Ok::<_, reqwest::Error>((status, location, body))
    }
    .await;
    taken
        .latencies
        .push(started.elapsed().as_secs_f64() * 1000.0);
    match outcome {
        Ok((status, location, body)) if status.is_success() || status.is_redirection() => {
            Ok((status, location, body))
        }
        Ok((status, _, body)) => {
            let title = body
                .split("<h1>")
                .nth(1)
                .and_then(|t| t.split("</h1>").next())
                .unwrap_or("");
            Err(format!("{status} {title}"))
        }
        Err(e) => Err(format!("transport: {e}")),
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .expect("a client")
}

/// A student takes the whole quiz: start, every page, review, finish, result and
/// its JSON.
async fn student(load: Arc<Load>, number: usize, seed: u64) -> Taken {
    let mut taken = Taken {
        name: format!("load-{number}"),
        ..Taken::default()
    };
    if let Err(e) = take_quiz(&load, &mut taken, seed).await
        && !load.killed.load(Ordering::SeqCst)
    {
        taken.errors.push(e);
    }
    taken
}

/// A student's time over a page: uniform between none and twice the mean.
async fn think(load: &Load, random: &mut Random) {
    let mean = load.think.as_millis() as usize;
    if mean > 0 {
        let ms = random.below(2 * mean + 1) as u64;
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
}

async fn take_quiz(load: &Load, taken: &mut Taken, seed: u64) -> Result<(), String> {
    let mut random = Random(seed);
    let http = client();
    let base = &load.base;
    let origin = base.clone();
    load.go.wait().await;
    let (_, _, start) = send(taken, http.get(format!("{base}/"))).await?;
    let token = form_token(&start).ok_or("the start page has no form token")?;
    think(load, &mut random).await;
    let form = [
        ("form_token", token.as_str()),
        ("name", taken.name.as_str()),
        ("action", "next"),
    ];
    let post = http
        .post(format!("{base}/start"))
        .header("Origin", &origin)
        .form(&form);
    let (_, mut location, _) = send(taken, post).await?;
    loop {
        let place = location
            .take()
            .ok_or("a POST answered without a redirect")?;
        if place.starts_with("/result/") {
            taken.finished = true;
            let (_, _, _) = send(taken, http.get(format!("{base}{place}"))).await?;
            send(taken, http.get(format!("{base}{place}.json"))).await?;
            return Ok(());
        }
        let (_, _, page) = send(taken, http.get(format!("{base}{place}"))).await?;
        let token = form_token(&page).ok_or_else(|| format!("{place} has no form token"))?;
        let mut fields = vec![
            ("form_token".to_string(), token),
            ("action".to_string(), "next".to_string()),
        ];
        think(load, &mut random).await;
        if place == "/review" {
            fields[1].1 = "finish".to_string();
            let post = http
                .post(format!("{base}/review"))
                .header("Origin", &origin)
                .form(&fields);
            location = send(taken, post).await?.1;
            continue;
        }
        let (answers_sent, answers) = answer_page(&questions(&page), &mut random);
        fields.extend(answers_sent);
        let post = http
            .post(format!("{base}{place}"))
            .header("Origin", &origin)
            .form(&fields);
        taken.in_flight = answers.len();
        let sent = send(taken, post).await?;
        taken.in_flight = 0;
        if sent.0 != reqwest::StatusCode::SEE_OTHER {
            return Err(format!("{place} answered {} to a valid page", sent.0));
        }
        taken.acknowledged.extend(answers);
        load.acknowledged_pages.fetch_add(1, Ordering::SeqCst);
        location = sent.1;
    }
}

/// Run the class against the server at `base`; in crash mode, kill it with
/// SIGKILL once `after` pages are acknowledged.
fn run_class(
    runtime: &tokio::runtime::Runtime,
    options: &Options,
    base: &str,
    kill: Option<(u32, usize)>,
) -> (Vec<Taken>, Duration) {
    let load = Arc::new(Load {
        base: base.to_string(),
        acknowledged_pages: AtomicUsize::new(0),
        killed: AtomicBool::new(false),
        go: tokio::sync::Barrier::new(options.students + 1),
        think: options.think,
    });
    runtime.block_on(async {
        let tasks: Vec<_> = (0..options.students)
            .map(|n| {
                let seed = options.seed.wrapping_mul(1_000_003).wrapping_add(n as u64);
                tokio::spawn(student(Arc::clone(&load), n + 1, seed))
            })
            .collect();
        load.go.wait().await;
        let started = Instant::now();
        if let Some((pid, after)) = kill {
            let load = Arc::clone(&load);
            tokio::spawn(async move {
                while load.acknowledged_pages.load(Ordering::SeqCst) < after {
                    tokio::time::sleep(Duration::from_micros(200)).await;
                }
                load.killed.store(true, Ordering::SeqCst);
                let status = Command::new("kill")
                    .args(["-9", &pid.to_string()])
                    .status()
                    .expect("kill runs");
                assert!(status.success(), "kill -9 {pid} failed");
            });
        }
        let mut taken = Vec::new();
        for task in tasks {
            taken.push(task.await.expect("a student's task"));
        }
        (taken, started.elapsed())
    })
}

/// Each request's time inside the server, from the `ms=` of its log lines: the
/// latency without the queue in front of it and without the clients' own work,
/// which shares the machine's cores.
fn handling_times(log: &Path) -> Vec<f64> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.rsplit_once(" ms=").map(|(_, ms)| ms))
        .filter_map(|ms| ms.split_whitespace().next()?.parse().ok())
        .collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The advisor's view after the load: the export's lines (by student name) and the
/// class page's Answered column (by student name).
struct Advised {
    export: HashMap<String, Json>,
    export_lines: usize,
    answered: HashMap<String, usize>,
}

fn advise(runtime: &tokio::runtime::Runtime, server: &Server) -> Advised {
    runtime.block_on(async {
        let http = client();
        let login = http
            .get(&server.advisor)
            .send()
            .await
            .expect("advisor login");
        assert_eq!(login.status(), 303, "the advisor's login redirects");
        let export = http
            .get(format!("{}/advisor/export.jsonl", server.base))
            .send()
            .await
            .expect("export");
        assert!(export.status().is_success(), "export: {}", export.status());
        let export = export.text().await.expect("export reads");
        let mut by_name = HashMap::new();
        let mut lines = 0;
        for line in export.lines() {
            lines += 1;
            let row: Json = serde_json::from_str(line).expect("an export line is JSON");
            let id = row["id"].as_str().unwrap_or("");
            let name = id.rsplit_once(" #").map_or(id, |(n, _)| n).to_string();
            by_name.insert(name, row["answers"].clone());
        }
        let page = http
            .get(format!("{}/advisor", server.base))
            .send()
            .await
            .expect("the class page");
        assert!(page.status().is_success(), "advisor: {}", page.status());
        let page = page.text().await.expect("the class page reads");
        let mut answered = HashMap::new();
        let table = page.split("<table id=\"students\"").nth(1).unwrap_or("");
        let table = table.split("</table>").next().unwrap_or("");
        for row in table.split("<tr>").skip(2) {
            let cells: Vec<&str> = row
                .split("<td")
                .skip(1)
                .filter_map(|c| c.split_once('>').map(|(_, rest)| rest))
                .filter_map(|c| c.split("</td>").next())
                .collect();
            if cells.len() < 2 {
                continue;
            }
            let name = cells[0].rsplit_once(" #").map_or(cells[0], |(n, _)| n);
            let count = cells[1].split(" of ").next().and_then(|n| n.parse().ok());
            if let Some(count) = count {
                answered.insert(name.to_string(), count);
            }
        }
        Advised {
            export: by_name,
            export_lines: lines,
            answered,
        }
    })
}

fn main() {
    let options = options();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("class.sqlite3");
    let log = dir.path().join("serve.log");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let mut server = start_server(&db, &log);
    let pid = server.child.id();
    let mode = if options.crash { "crash" } else { "load" };
    println!(
        "serve_load {mode}: {} students at once, {} ms over a page on average, {} (pid {pid})",
        options.students,
        options.think.as_millis(),
        server.base
    );
    let kill = options.crash.then_some((pid, options.after));
    let (taken, wall) = run_class(&runtime, &options, &server.base, kill);

    let mut latencies: Vec<f64> = taken.iter().flat_map(|t| t.latencies.clone()).collect();
    latencies.sort_by(f64::total_cmp);
    let requests: usize = taken.iter().map(|t| t.requests).sum();
    let errors: Vec<&String> = taken.iter().flat_map(|t| &t.errors).collect();
    let finished = taken.iter().filter(|t| t.finished).count();
    println!("students: {}", options.students);
    println!("finished: {finished}");
    println!("requests: {requests}");
    println!("errors: {}", errors.len());
    let mut kinds: HashMap<&str, usize> = HashMap::new();
    for e in &errors {
        *kinds.entry(e.as_str()).or_default() += 1;
    }
    for (e, n) in kinds {
        println!("    {n} × {e}");
    }
    println!(
        "latency ms: p50 {:.1}  p90 {:.1}  p99 {:.1}  max {:.1}",
        percentile(&latencies, 50.0),
        percentile(&latencies, 90.0),
        percentile(&latencies, 99.0),
        latencies.last().copied().unwrap_or(0.0)
    );
    println!("wall time: {:.2} s", wall.as_secs_f64());
    let mut handled = handling_times(&log);
    handled.sort_by(f64::total_cmp);
    println!(
        "server's own time (its log's ms=, {} requests): p50 {:.2}  p99 {:.2}  max {:.2}",
        handled.len(),
        percentile(&handled, 50.0),
        percentile(&handled, 99.0),
        handled.last().copied().unwrap_or(0.0)
    );

    if options.crash {
        let _ = server.child.wait();
        println!(
            "killed (kill -9) after {} acknowledged page POSTs",
            options.after
        );
        server = start_server(&db, &log);
        println!("restarted on the same database: {}", server.base);
        check_nothing_lost(&runtime, &server, &taken);
    } else {
        let peak = peak_rss_mb(pid);
        let before = cpu_ticks(pid);
        std::thread::sleep(Duration::from_secs(10));
        let idle = cpu_ticks(pid) - before;
        println!("server peak RSS (VmHWM): {peak:.1} MB");
        println!(
            "server CPU while idle for 10 s: {} ms",
            idle * 1000 / ticks_per_second()
        );
        let advised = advise(&runtime, &server);
        let missing = taken
            .iter()
            .filter(|t| t.finished && advised.export.get(&t.name) != Some(&json!(t.acknowledged)))
            .count();
        println!(
            "export: {} lines for {finished} finished students; {}",
            advised.export_lines,
            if missing == 0 && advised.export_lines == finished {
                "every finished student is there, answers as sent".to_string()
            } else {
                format!("{missing} missing or different")
            }
        );
    }
    let _ = Command::new("kill")
        .arg(server.child.id().to_string())
        .status();
    let _ = server.child.wait();
    if !options.crash && !errors.is_empty() {
        let log = std::fs::read_to_string(&log).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(5).collect();
        println!("last lines of the server's log:\n{}", tail.join("\n"));
    }
}

/// After the restart: every page the server acknowledged is there. A finished
/// student's answers are in the export as sent; an unfinished student's Answered
/// count is at least what was acknowledged (a page in flight at the kill may or
/// may not have been saved).
fn check_nothing_lost(runtime: &tokio::runtime::Runtime, server: &Server, taken: &[Taken]) {
    let advised = advise(runtime, server);
    let mut lost = Vec::new();
    let mut in_flight_saved = 0;
    let mut acknowledged_answers = 0;
    for t in taken {
        acknowledged_answers += t.acknowledged.len();
        if t.finished {
            if advised.export.get(&t.name) != Some(&json!(t.acknowledged)) {
                lost.push(format!("{}: finished, not in the export as sent", t.name));
            }
            continue;
        }
        let have = advised.answered.get(&t.name).copied();
        let want = t.acknowledged.len();
        match have {
            None if want > 0 => lost.push(format!(
                "{}: {want} answers acknowledged, not listed",
                t.name
            )),
            Some(have) if have < want => {
                lost.push(format!(
                    "{}: {want} answers acknowledged, {have} there",
                    t.name
                ));
            }
            Some(have) if have > want && have <= want + t.in_flight => in_flight_saved += 1,
            Some(have) if have > want => {
                lost.push(format!(
                    "{}: {want} answers acknowledged, {have} there (more than sent)",
                    t.name
                ));
            }
            _ => {}
        }
    }
    let finished = taken.iter().filter(|t| t.finished).count();
    println!(
        "acknowledged: {} answers of {} students ({finished} finished); pages in flight at the kill and saved: {in_flight_saved}",
        acknowledged_answers,
        taken.iter().filter(|t| !t.acknowledged.is_empty()).count()
    );
    println!("lost: {}", lost.len());
    for l in lost.iter().take(20) {
        println!("    {l}");
    }
}
