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
//!   cargo bench --bench serve_load -- flood             1,000 idle and 500 slow
//!                                                       connections from 127.0.0.1
//!                                                       while a student on 127.0.0.2
//!                                                       takes the quiz: their p99
//!   cargo bench --bench serve_load -- flood --idle 0 --slow 500 --rounds 40
//!   cargo bench --bench serve_load -- flood --reconnect 0   slow clients that connect
//!                                                       again at once, not after 1 s
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
    /// The flood run: `idle` and `slow` connections from one address, a student on
    /// another taking the quiz `rounds` times.
    flood: bool,
    idle: usize,
    slow: usize,
    rounds: usize,
    /// How long a closed slow client waits before it connects again.
    reconnect: Duration,
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
        flood: false,
        idle: 1000,
        slow: 500,
        rounds: 20,
        reconnect: Duration::from_secs(1),
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
            "flood" => options.flood = true,
            "--idle" => options.idle = number("--idle"),
            "--slow" => options.slow = number("--slow"),
            "--rounds" => options.rounds = number("--rounds"),
            "--reconnect" => {
                options.reconnect = Duration::from_millis(number("--reconnect") as u64)
            }
            "--students" => options.students = number("--students"),
            "--after" => options.after = number("--after"),
            "--seed" => options.seed = number("--seed") as u64,
            "--think" => options.think = Duration::from_millis(number("--think") as u64),
            other => panic!(
                "unknown argument `{other}`; use [crash] [--students N] [--after N] [--seed N] \
                 [--think MS], or flood [--idle N] [--slow N] [--rounds N] [--reconnect MS]"
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

/// The server, with room for `students` from one address (every client of the
/// bench is 127.0.0.1, as a class behind one school router is one address).
fn start_server(db: &Path, log: &Path, students: usize) -> Server {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .expect("the server's log opens");
    let room = |default: usize| students.max(default).to_string();
    let mut child = Command::new(binary())
        .args(["serve", "--port", "0", "--db"])
        .arg(db)
        .args(["--max-students", &room(500)])
        .args(["--max-starts-per-address", &room(250)])
        .args([
            "--max-connections-per-address",
            &(4 * students).max(1000).to_string(),
        ])
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
    /// The address the students connect from (none: the system's choice).
    from: Option<std::net::IpAddr>,
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

fn client(from: Option<std::net::IpAddr>) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(from)
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
    let http = client(load.from);
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
        from: None,
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
        let http = client(None);
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
    if options.flood {
        flood_run(&runtime, &options, &db, &log);
        return;
    }
    let mut server = start_server(&db, &log, options.students);
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
        server = start_server(&db, &log, options.students);
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

/// One student on 127.0.0.2 takes the quiz `rounds` times in turn, 0 to 200 ms
/// over each page (so that 20 rounds span the flood's timeouts): every request's
/// latency, and the errors.
fn probe(runtime: &tokio::runtime::Runtime, base: &str, rounds: usize, seed: u64) -> Taken {
    let load = Arc::new(Load {
        base: base.to_string(),
        from: Some(std::net::IpAddr::from([127, 0, 0, 2])),
        acknowledged_pages: AtomicUsize::new(0),
        killed: AtomicBool::new(false),
        go: tokio::sync::Barrier::new(1),
        think: Duration::from_millis(100),
    });
    let mut all = Taken::default();
    for round in 0..rounds {
        let taken = runtime.block_on(student(Arc::clone(&load), round, seed + round as u64));
        all.latencies.extend(taken.latencies);
        all.requests += taken.requests;
        all.errors.extend(taken.errors);
    }
    all
}

fn print_latencies(what: &str, taken: &Taken) {
    let mut latencies = taken.latencies.clone();
    latencies.sort_by(f64::total_cmp);
    println!(
        "{what}: {} requests, {} errors; latency ms p50 {:.1}  p90 {:.1}  p99 {:.1}  max {:.1}",
        taken.requests,
        taken.errors.len(),
        percentile(&latencies, 50.0),
        percentile(&latencies, 90.0),
        percentile(&latencies, 99.0),
        latencies.last().copied().unwrap_or(0.0)
    );
    for e in taken.errors.iter().take(5) {
        println!("    {e}");
    }
}

/// What the flood from 127.0.0.1 met.
#[derive(Default)]
struct Flooded {
    /// Idle connections the server closed within a second of their opening.
    idle_closed_at_once: AtomicUsize,
    /// Idle connections still open when the flood stopped.
    idle_held: AtomicUsize,
    /// Slow connections the server closed (over the cap, or at the header timeout);
    /// each was opened again a second later.
    slow_closed: AtomicUsize,
    /// Connections the listener would not take at all.
    refused: AtomicUsize,
}

/// `idle` connections that send nothing and `slow` ones that send a header byte a
/// second, from 127.0.0.1, until `stop`.
async fn flood(
    port: u16,
    (idle, slow, reconnect): (usize, usize, Duration),
    flooded: Arc<Flooded>,
    stop: Arc<AtomicBool>,
) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let mut tasks = Vec::new();
    for _ in 0..idle {
        let (flooded, stop) = (Arc::clone(&flooded), Arc::clone(&stop));
        tasks.push(tokio::spawn(async move {
            let Ok(mut stream) = tokio::net::TcpStream::connect(address).await else {
                flooded.refused.fetch_add(1, Ordering::Relaxed);
                return;
            };
            let mut buf = [0u8; 64];
            let read = tokio::time::timeout(Duration::from_secs(1), stream.read(&mut buf)).await;
            if matches!(read, Ok(Ok(0) | Err(_))) {
                flooded.idle_closed_at_once.fetch_add(1, Ordering::Relaxed);
                return;
            }
            while !stop.load(Ordering::Relaxed) {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            flooded.idle_held.fetch_add(1, Ordering::Relaxed);
        }));
    }
    for _ in 0..slow {
        let (flooded, stop) = (Arc::clone(&flooded), Arc::clone(&stop));
        tasks.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let Ok(mut stream) = tokio::net::TcpStream::connect(address).await else {
                    flooded.refused.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                };
                let _ = stream
                    .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                    .await;
                loop {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let mut buf = [0u8; 64];
                    let read =
                        tokio::time::timeout(Duration::from_secs(1), stream.read(&mut buf)).await;
                    let closed = match read {
                        Ok(Ok(0) | Err(_)) => true,
                        Ok(Ok(_)) => false,
                        Err(_) => stream.write_all(b"a").await.is_err(),
                    };
                    if closed {
                        flooded.slow_closed.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(reconnect).await;
                        break;
                    }
                }
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
}

/// The flood run: the probe student alone, then under the flood.
fn flood_run(runtime: &tokio::runtime::Runtime, options: &Options, db: &Path, log: &Path) {
    // Room for the flood in the bench's own file limit.
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    let server = start_server(db, log, 0);
    let port: u16 = server
        .base
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port");
    println!(
        "serve_load flood: {} idle and {} slow connections from 127.0.0.1; a student on \
         127.0.0.2 takes the quiz {} times, before and during ({})",
        options.idle, options.slow, options.rounds, server.base
    );
    let alone = probe(runtime, &server.base, options.rounds, options.seed);
    print_latencies("alone", &alone);
    let flooded = Arc::new(Flooded::default());
    let stop = Arc::new(AtomicBool::new(false));
    let flooding = runtime.spawn(flood(
        port,
        (options.idle, options.slow, options.reconnect),
        Arc::clone(&flooded),
        Arc::clone(&stop),
    ));
    // The flood is in place: its idle connections opened and met.
    std::thread::sleep(Duration::from_secs(3));
    let begun = Instant::now();
    let during = probe(runtime, &server.base, options.rounds, options.seed + 1000);
    let took = begun.elapsed();
    stop.store(true, Ordering::Relaxed);
    let _ = runtime.block_on(flooding);
    print_latencies(
        &format!("during the flood ({:.1} s)", took.as_secs_f64()),
        &during,
    );
    println!(
        "flood: idle closed at once {}, idle held {}, slow connections closed {} (and \
         opened again), refused by the listener {}",
        flooded.idle_closed_at_once.load(Ordering::Relaxed),
        flooded.idle_held.load(Ordering::Relaxed),
        flooded.slow_closed.load(Ordering::Relaxed),
        flooded.refused.load(Ordering::Relaxed)
    );
    let _ = Command::new("kill")
        .arg(server.child.id().to_string())
        .status();
    let mut child = server.child;
    let _ = child.wait();
}
