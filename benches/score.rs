//! The speed of `careerfit score` beside the cost of only parsing its input.
//!
//! `cargo bench --bench score` scores 20,000 generated HIM respondents in memory on one
//! thread and deserialises the same lines into `serde::de::IgnoredAny` (the parse-only
//! floor), and prints both throughputs and their ratio. `scripts/bench-score.sh` uses
//! the other modes to compare the real binary with the floor and with jq:
//!
//!   cargo bench --bench score -- generate N [SEED]   N respondents as JSON Lines
//!   cargo bench --bench score -- floor FILE           parse-only floor over FILE (`-`: stdin)
//!   cargo bench --bench score -- score FILE           careerfit's scoring of FILE, in memory
//!   cargo bench --bench score -- quiz-json            the HIM quiz as JSON, for jq
//!   cargo bench --bench score -- class N QUESTION     a made-up class for `analyze`:
//!                                                     every 25th straight-lines,
//!                                                     QUESTION is answered at random

use careerfit::batch;
use careerfit::quiz::{self, builtin, file::QuizFile};
use careerfit::sample;
use std::io::{BufRead, Write};
use std::time::{Duration, Instant};

fn him() -> quiz::Quiz {
    let text = builtin::find("him-career-fit").expect("the built-in quiz");
    quiz::load("him-career-fit", text)
        .expect("the HIM quiz is valid")
        .0
}

/// Deserialise every line into `IgnoredAny`: the least any JSON Lines reader must do.
fn floor(lines: impl Iterator<Item = String>) -> usize {
    let mut rows = 0;
    for line in lines {
        let _: serde::de::IgnoredAny = serde_json::from_str(&line).expect("a JSON line");
        rows += 1;
    }
    rows
}

fn score(quiz: &quiz::Quiz, data: Vec<u8>) -> usize {
    let options = batch::Options {
        input: careerfit::rows::Input {
            format: careerfit::rows::Format::Jsonl,
            delimiter: None,
            id_column: None,
            stream: false,
        },
        output: batch::Output::Compact,
        strict: false,
        jobs: 1,
        completed_at: "2026-01-01T00:00:00Z".to_string(),
    };
    let mut out = std::io::sink();
    let mut err = std::io::sink();
    let outcome = batch::run(
        quiz,
        "bench",
        Box::new(std::io::Cursor::new(data)),
        &mut out,
        &mut err,
        &options,
    )
    .expect("the batch runs");
    outcome.summary.scored
}

/// A compact row as serde types, for `stages`' comparison with the writer.
fn serde_row(
    quiz: &quiz::Quiz,
    n: usize,
    scores: &careerfit::scoring::Scores,
    findings: &[careerfit::trust::Finding],
    judged: batch::Judged,
) -> batch::compact::ScoredRow {
    use careerfit::trust::Coded;
    let codes = findings.iter().map(|f| f.code().to_string()).collect();
    batch::compact::ScoredRow::assemble(
        quiz,
        batch::compact::RowId::Number(n.into()),
        scores,
        codes,
        judged.confidence,
        judged.answer,
    )
}

/// One line checked as `score` checks the rows of a chunk.
fn check(
    reader: &careerfit::rows::row::RowReader,
    line: usize,
    text: &str,
) -> careerfit::rows::row::Row {
    let mut rows = careerfit::rows::row::Rows::with_capacity(1, text.len());
    rows.push_json(line, text.as_bytes());
    reader.check(rows).next().expect("one row")
}

fn per_second(rows: usize, elapsed: Duration) -> f64 {
    rows as f64 / elapsed.as_secs_f64()
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let quiz = him();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", n, rest @ ..] => {
            let n: usize = n.parse().expect("N is a number");
            let seed = rest
                .first()
                .map_or(17, |s| s.parse().expect("SEED is a number"));
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            sample::json_lines(&quiz, n, seed, &mut out).expect("stdout is writable");
            out.flush().expect("stdout is writable");
        }
        ["class", n, broken] => {
            let class = sample::Class {
                size: n.parse().expect("N is a number"),
                seed: 7,
                careless_every: 25,
                broken: Some(broken),
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            class.rows(&quiz, &mut out).expect("stdout is writable");
            out.flush().expect("stdout is writable");
        }
        ["floor", file] => {
            let start = Instant::now();
            // `-` is stdin, as `careerfit score QUIZ -` reads it.
            let input: Box<dyn std::io::Read> = match *file {
                "-" => Box::new(std::io::stdin().lock()),
                file => Box::new(std::fs::File::open(file).expect("FILE")),
            };
            let reader = std::io::BufReader::with_capacity(1 << 16, input);
            let rows = floor(reader.lines().map(|l| l.expect("a line")));
            let elapsed = start.elapsed();
            println!("{rows} {:.6}", elapsed.as_secs_f64());
        }
        ["score", file] => {
            let data = std::fs::read(file).expect("FILE");
            let start = Instant::now();
            let rows = score(&quiz, data);
            println!("{rows} {:.6}", start.elapsed().as_secs_f64());
        }
        ["check", file] => {
            let text = std::fs::read_to_string(file).expect("FILE");
            let reader = careerfit::rows::row::RowReader::new(&quiz, None);
            let start = Instant::now();
            let mut ok = 0;
            for (i, line) in text.lines().enumerate() {
                let row = check(&reader, i + 1, line);
                if let Ok(answers) = row.answers {
                    let scores = careerfit::scoring::score(&quiz, &answers);
                    ok += scores.traits.len();
                }
            }
            println!("{ok} {:.6}", start.elapsed().as_secs_f64());
        }
        ["stages", file] => {
            // Where the time of a row goes, one stage added at a time (one thread).
            let text = std::fs::read_to_string(file).expect("FILE");
            let lines: Vec<&str> = text.lines().collect();
            let reader = careerfit::rows::row::RowReader::new(&quiz, None);
            let writer = batch::compact::CompactWriter::new(&quiz);
            for stage in 0..6 {
                let start = Instant::now();
                let mut out = Vec::with_capacity(1 << 16);
                let mut scores = careerfit::scoring::Scores::default();
                for (i, line) in lines.iter().enumerate() {
                    if stage == 0 {
                        let _: serde::de::IgnoredAny = serde_json::from_str(line).expect("JSON");
                        continue;
                    }
                    let row = check(&reader, i + 1, line);
                    let Ok(answers) = row.answers else { continue };
                    if stage == 1 {
                        continue;
                    }
                    careerfit::scoring::score_into(&quiz, &answers, &mut scores);
                    if stage == 2 {
                        continue;
                    }
                    // As `score` does: the findings, whose words only --full writes.
                    let findings = careerfit::trust::findings(&quiz, &answers, &scores);
                    if stage == 3 {
                        continue;
                    }
                    let judged = careerfit::batch::Judged::of(&quiz, &findings, &mut scores);
                    if stage == 4 {
                        writer.scored(&quiz, &scores, &findings, judged, &mut out);
                    } else {
                        // The same row through serde: issue 29's question of whether
                        // the hand-written writer earns its place.
                        let row = serde_row(&quiz, i, &scores, &findings, judged);
                        serde_json::to_writer(&mut out, &row).expect("a row serialises");
                    }
                    out.clear();
                }
                let name = [
                    "parse only (IgnoredAny)",
                    "+ read and check answers",
                    "+ score",
                    "+ trust findings",
                    "+ write compact row",
                    "+ write it through serde",
                ][stage];
                let micros = start.elapsed().as_secs_f64() * 1e6 / lines.len() as f64;
                println!("{name:<28} {micros:>6.2} us a row");
            }
        }
        ["quiz-json"] => {
            let text = builtin::find("him-career-fit").expect("the built-in quiz");
            let file: QuizFile = serde_yaml::from_str(text).expect("the HIM quiz parses");
            println!(
                "{}",
                serde_json::to_string(&file).expect("a quiz serialises")
            );
        }
        _ => {
            let n = 20_000;
            let mut data = Vec::new();
            sample::json_lines(&quiz, n, 17, &mut data).expect("in memory");
            let text = String::from_utf8(data.clone()).expect("UTF-8");

            let start = Instant::now();
            let parsed = floor(text.lines().map(str::to_string));
            let floor_time = start.elapsed();

            let start = Instant::now();
            let scored = score(&quiz, data);
            let score_time = start.elapsed();
            assert_eq!((parsed, scored), (n, n));

            let floor_rate = per_second(n, floor_time);
            let score_rate = per_second(n, score_time);
            println!("{n} HIM respondents, one thread, in memory");
            println!("parse-only floor (serde_json -> IgnoredAny): {floor_rate:>10.0} rows/s");
            println!("careerfit score (parse, check, score, write): {score_rate:>10.0} rows/s");
            println!("careerfit / floor: {:.1}%", 100.0 * score_rate / floor_rate);
        }
    }
}
