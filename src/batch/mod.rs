//! `careerfit score`'s scoring pool and its writers: a whole class's responses, read
//! by `rows`, scored row by row and written in input order (`compact.rs`, the default
//! row; `write.rs`, the whole result; `spreadsheet.rs`, CSV; `summary.rs`, the group;
//! `talk.rs`, who needs a talk).
//!
//! Rows are read and scored a chunk at a time and written in input order, so memory
//! does not grow with the number of rows; a chunk is written as soon as it is scored,
//! so output starts before the input ends. With several jobs, each scorer reads the
//! next chunk itself and sends its part back, and the parts are written in input
//! order; a stream (a pipe) is read through `rows/stream.rs`, so that a run that stops early
//! never waits for input.

pub mod compact;
mod json_parts;
mod notes;
pub mod spreadsheet;
pub mod summary;
pub mod talk;
mod write;

use crate::quiz::Quiz;
use crate::rows::row::{RowReader, Rows};
use crate::rows::{self, Chunks, ReadError, report_row, stream};
use crate::scoring::{self, Scores};
use crate::trust;
use compact::CompactWriter;
use serde_json::Value as Json;
use spreadsheet::SpreadsheetWriter;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use summary::Summary;
use write::ResultWriter;

/// Why a run of `score` stopped: its rows could not be read, or its results or
/// messages could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    #[error(transparent)]
    Rows(#[from] ReadError),
    /// Writing the rows failed.
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
    /// Writing a bad row's message to stderr failed.
    #[error("cannot write messages to stderr: {0}")]
    Messages(std::io::Error),
}

/// The most scorer threads (`--jobs`): beyond the cores they only cost memory.
pub const MAX_JOBS: usize = 64;

/// How the rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A compact result per line (`careerfit/score-row/v1`).
    Compact,
    /// The whole `take --json` result per line.
    Full,
    /// A spreadsheet, one respondent per line.
    Csv,
}

pub struct Options {
    pub input: rows::Input,
    pub output: Output,
    /// Stop at the first bad row.
    pub strict: bool,
    /// Threads that read and score rows; with more than one, this thread writes.
    pub jobs: usize,
    /// The `completed_at` of every result: when the batch ran.
    pub completed_at: String,
}

pub struct Outcome {
    pub summary: Summary,
    /// `--strict` stopped the run at a bad row.
    pub stopped: bool,
}

/// A refused row: its line in the chunk's buffer ends at `end`.
struct Refused {
    line: usize,
    end: usize,
    error: String,
}

/// What scores a chunk: the quiz, how rows are read and written, and whether the
/// first bad row ends the run.
struct Scoring<'a> {
    quiz: &'a Quiz,
    reader: &'a RowReader<'a>,
    writer: &'a RowWriter,
    strict: bool,
    /// The most bytes a part's rows have taken on average, and room to spare: each
    /// part's buffer is made that big at once, so that it is never grown (a grown
    /// buffer is copied whole and its new pages faulted in: 11% of `score`'s time
    /// when the estimate was a few bytes short). Untouched capacity costs no memory.
    row_bytes: std::sync::atomic::AtomicUsize,
}

/// The three ways a row is written, behind one face.
enum RowWriter {
    Compact(CompactWriter),
    Full(ResultWriter),
    Csv(SpreadsheetWriter),
}

impl RowWriter {
    fn new(quiz: &Quiz, output: Output, completed_at: &str) -> Self {
        match output {
            Output::Compact => RowWriter::Compact(CompactWriter::new(quiz)),
            Output::Full => RowWriter::Full(ResultWriter::new(quiz, completed_at)),
            Output::Csv => RowWriter::Csv(SpreadsheetWriter::new(quiz)),
        }
    }

    /// What comes before the first row: a spreadsheet's header line.
    fn header(&self, quiz: &Quiz) -> Vec<u8> {
        match self {
            RowWriter::Csv(writer) => writer.header(quiz),
            _ => Vec::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn scored(
        &self,
        quiz: &Quiz,
        id: &Json,
        answers: &crate::answers::Answers,
        scores: &Scores,
        findings: &[trust::Finding],
        judged: Judged,
        out: &mut Vec<u8>,
    ) {
        match self {
            RowWriter::Csv(writer) => {
                return writer.scored(quiz, id, scores, findings, judged, out);
            }
            RowWriter::Compact(writer) => {
                json_id(id, out);
                writer.scored(quiz, scores, findings, judged, out);
            }
            // Only the whole result has the warnings' words.
            RowWriter::Full(writer) => {
                json_id(id, out);
                out.push(b',');
                let warnings: Vec<_> = findings.iter().map(trust::Finding::warning).collect();
                writer.write(quiz, answers, scores, &warnings, judged, out);
            }
        }
        out.push(b'\n');
    }

    fn refused(&self, id: &Json, error: &str, out: &mut Vec<u8>) {
        match self {
            RowWriter::Csv(writer) => return writer.refused(id, error, out),
            RowWriter::Compact(writer) => {
                json_id(id, out);
                writer.refused(error, out);
            }
            RowWriter::Full(_) => {
                json_id(id, out);
                out.extend_from_slice(b",\"error\":");
                crate::json::to_writer(&mut *out, error).expect("text serialises");
                out.push(b'}');
            }
        }
        out.push(b'\n');
    }
}

/// `{"id":ID`, the start of every JSON row.
fn json_id(id: &Json, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"id\":");
    crate::json::to_writer(&mut *out, id).expect("an id serialises");
}

/// Score every row of `input` (named `name` in messages) and write one JSON line per
/// row to `out`; bad rows are reported on `err` as `INPUT:LINE: error: ...`.
pub fn run(
    quiz: &Quiz,
    name: &str,
    input: Box<dyn Read + Send>,
    out: &mut dyn Write,
    err: &mut dyn Write,
    options: &Options,
) -> Result<Outcome, ScoreError> {
    // Set when the run stops early. Several scorers read a stream through a thread
    // of its own (see `stream::pump`), which gives up waiting for input then.
    let stop = Arc::new(AtomicBool::new(false));
    let jobs = options.jobs.clamp(1, MAX_JOBS);
    let input: Box<dyn Read + Send> = if options.input.stream && jobs > 1 {
        let pumped =
            stream::pump(input, Arc::clone(&stop)).map_err(|source| ReadError::Thread {
                name: name.to_string(),
                source,
            })?;
        Box::new(pumped)
    } else {
        input
    };
    let (chunks, columns) = rows::read(quiz, name, input, &options.input, err)?;
    let unanswered = columns
        .as_ref()
        .map(|columns| columns.unanswered.clone())
        .unwrap_or_default();
    if options.strict && !unanswered.is_empty() {
        return Err(ReadError::Unanswered {
            name: name.to_string(),
            questions: unanswered,
        }
        .into());
    }
    let reader = RowReader::new(quiz, columns);
    let writer = RowWriter::new(quiz, options.output, &options.completed_at);
    out.write_all(&writer.header(quiz))
        .map_err(ScoreError::Output)?;
    let mut sink = Sink {
        out,
        err,
        name,
        strict: options.strict,
        summary: Summary::new(quiz),
    };
    let scoring = Scoring {
        quiz,
        reader: &reader,
        writer: &writer,
        strict: options.strict,
        row_bytes: 2048.into(),
    };
    let stopped = if jobs <= 1 {
        let mut stopped = false;
        for chunk in chunks {
            if sink.write(score_chunk(&scoring, chunk?))? {
                stopped = true;
                break;
            }
        }
        stopped
    } else {
        score_in_parallel(&scoring, chunks, jobs, &mut sink, &stop)?
    };
    // Said again at the end, where it is seen after any rows' messages.
    notes::unanswered(&mut sink.err, name, &unanswered).map_err(ScoreError::Messages)?;
    notes::repeats(&mut sink.err, name, &sink.summary).map_err(ScoreError::Messages)?;
    Ok(Outcome {
        summary: sink.summary,
        stopped,
    })
}

/// Where scored parts go, in input order: rows to `out`, bad rows told on `err`, every
/// row counted in the summary.
struct Sink<'a> {
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
    name: &'a str,
    strict: bool,
    summary: Summary,
}

impl Sink<'_> {
    /// Write a part; true when `--strict` stops the run at one of its rows (written,
    /// and nothing after it).
    fn write(&mut self, part: ScoredChunk) -> Result<bool, ScoreError> {
        self.summary.merge(&part.summary);
        let mut start = 0;
        for refused in part.refused {
            self.out
                .write_all(&part.buffer[start..refused.end])
                .map_err(ScoreError::Output)?;
            start = refused.end;
            report_row(self.err, self.name, refused.line, &refused.error)
                .map_err(ScoreError::Messages)?;
            if self.strict {
                self.out.flush().map_err(ScoreError::Output)?;
                return Ok(true);
            }
        }
        let buffer = part.buffer;
        self.out
            .write_all(&buffer[start..])
            .map_err(ScoreError::Output)?;
        // Written as soon as scored: output starts before the input ends.
        self.out.flush().map_err(ScoreError::Output)?;
        Ok(false)
    }
}

/// Score chunks on `jobs` threads while this one writes them, in input order.
///
/// Each scorer reads the next chunk itself (one at a time, under a lock), scores it
/// and sends its part back; this thread puts the parts back in order. A chunk is read
/// on the core that scores it, so its text is in that core's cache (why, measured:
/// benches/README.md, "Two cores"). Few chunks are ever in flight, so memory does
/// not grow with the input. `stop` is set when the run stops early; a scorer waiting for a stream's
/// input (see `stream::pump`) then gives up.
fn score_in_parallel(
    scoring: &Scoring,
    chunks: Chunks,
    jobs: usize,
    sink: &mut Sink,
    stop: &AtomicBool,
) -> Result<bool, ScoreError> {
    let chunks = Mutex::new(chunks.enumerate());
    // How many chunks have been written. A scorer does not start a chunk more than
    // `ahead` past it: were one scorer slow, the others would otherwise run on and
    // their parts pile up waiting for its, and memory would grow with the input.
    // A waiting scorer is woken as soon as a chunk is written. Four chunks a scorer,
    // so that a scorer put aside by another program for a few milliseconds does not
    // hold the others up (measured: benches/README.md, "`--jobs`").
    let written = (Mutex::new(0_usize), Condvar::new());
    let ahead = 4 * jobs;
    std::thread::scope(|scope| {
        let (part_sender, part_receiver) = mpsc::sync_channel(jobs);
        let mut unstarted = None;
        for _ in 0..jobs {
            let part_sender = part_sender.clone();
            let (chunks, written) = (&chunks, &written);
            let named = std::thread::Builder::new().name("careerfit-scorer".into());
            let started = named.spawn_scoped(scope, move || {
                while !stop.load(Ordering::Relaxed) {
                    let next = chunks.lock().expect("a scorer does not panic").next();
                    let Some((n, chunk)) = next else { return };
                    let (count, wake) = written;
                    let mut count = count.lock().expect("a writer does not panic");
                    while n >= *count + ahead {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let wait = std::time::Duration::from_millis(50);
                        count = wake.wait_timeout(count, wait).expect("no panic").0;
                    }
                    drop(count);
                    let part = chunk.map(|rows| score_chunk(scoring, rows));
                    if part_sender.send((n, part)).is_err() {
                        return;
                    }
                }
            });
            if let Err(source) = started {
                unstarted = Some(source);
                break;
            }
        }
        drop(part_sender);
        // A scorer that cannot start (no memory for its stack, too many threads)
        // ends the run: the others are stopped, and it is said why.
        if let Some(source) = unstarted {
            stop.store(true, Ordering::Relaxed);
            written.1.notify_all();
            drop(part_receiver);
            return Err(ReadError::Scorers { source }.into());
        }
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        let result = (|| {
            for (n, part) in part_receiver.iter() {
                waiting.insert(n, part);
                while let Some(part) = waiting.remove(&next) {
                    next += 1;
                    if sink.write(part?)? {
                        return Ok(true);
                    }
                    *written.0.lock().expect("a scorer does not panic") = next;
                    written.1.notify_all();
                }
            }
            Ok(false)
        })();
        // Stopped early (--strict, an error): the scorers see it and end, and their
        // parts are dropped with the channel; one waiting for a stream's input is
        // given an end of input instead.
        stop.store(true, Ordering::Relaxed);
        written.1.notify_all();
        drop(part_receiver);
        result
    })
}

/// A row judged once, in the scorer: its confidence and the quiz's answer, decided
/// before its bands were capped to match (`verdict::judge`). The writers and the
/// summary read it; none decides again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judged {
    pub confidence: trust::Confidence,
    pub answer: Option<crate::verdict::Answer>,
}

impl Judged {
    /// Judge a row: confidence from its findings, then the answer, and its bands
    /// capped to match both.
    pub fn of(quiz: &Quiz, findings: &[impl trust::Coded], scores: &mut Scores) -> Self {
        let confidence = trust::confidence(findings);
        let low = confidence == trust::Confidence::Low;
        let answer = crate::verdict::judge(quiz, scores, low);
        Judged { confidence, answer }
    }
}

/// The lines of some rows, one after another, the rows refused among them, and
/// the group figures of the rows scored.
struct ScoredChunk {
    buffer: Vec<u8>,
    refused: Vec<Refused>,
    summary: Summary,
}

/// Score a chunk of rows, in order, into one buffer. With `--strict` the rows after
/// the first refused one are not counted: the run ends there.
fn score_chunk(scoring: &Scoring, rows: Rows) -> ScoredChunk {
    use std::sync::atomic::Ordering::Relaxed;
    let quiz = scoring.quiz;
    let count = rows.len();
    let mut part = ScoredChunk {
        buffer: Vec::with_capacity(count * scoring.row_bytes.load(Relaxed)),
        refused: Vec::new(),
        summary: Summary::new(quiz),
    };
    // One row's scores at a time, in the same space.
    let mut scores = Scores::default();
    for row in scoring.reader.check(rows) {
        part.summary.saw(&row.id, row.line);
        match row.answers {
            Ok(answers) => {
                let at = (&row.id, row.line);
                let output = (&mut part.buffer, &mut part.summary);
                score_one(quiz, scoring.writer, at, &answers, &mut scores, output);
            }
            Err(error) => {
                scoring.writer.refused(&row.id, &error, &mut part.buffer);
                part.summary.failed += 1;
                part.refused.push(Refused {
                    line: row.line,
                    end: part.buffer.len(),
                    error,
                });
                if scoring.strict {
                    break;
                }
            }
        }
    }
    if let Some(average) = part.buffer.len().checked_div(count) {
        scoring.row_bytes.fetch_max(average + average / 4, Relaxed);
    }
    part
}

/// One respondent's answers scored, judged once (every writer and the summary read
/// that), written as a row and counted in the summary.
fn score_one(
    quiz: &Quiz,
    writer: &RowWriter,
    (id, line): (&Json, usize),
    answers: &crate::answers::Answers,
    scores: &mut Scores,
    (buffer, summary): (&mut Vec<u8>, &mut Summary),
) {
    scoring::score_into(quiz, answers, scores);
    let findings = trust::findings(quiz, answers, scores);
    let judged = Judged::of(quiz, &findings, scores);
    writer.scored(quiz, id, answers, scores, &findings, judged, buffer);
    summary.add(quiz, (id, line), scores, &findings, judged);
}

/// A class already in memory (`serve`'s finished students, by id), scored as
/// `score` scores a class's rows: each respondent judged once, written by
/// `output`'s writer (after its header), and counted in the summary. Nothing is
/// written out as text and read back.
pub fn score_answers(
    quiz: &Quiz,
    class: &[(String, crate::answers::Answers)],
    output: Output,
    completed_at: &str,
) -> (Vec<u8>, Summary) {
    let writer = RowWriter::new(quiz, output, completed_at);
    let mut buffer = writer.header(quiz);
    let mut chunk = Summary::new(quiz);
    let mut scores = Scores::default();
    for (n, (id, answers)) in class.iter().enumerate() {
        let (id, line) = (Json::String(id.clone()), n + 1);
        chunk.saw(&id, line);
        let output = (&mut buffer, &mut chunk);
        score_one(quiz, &writer, (&id, line), answers, &mut scores, output);
    }
    // As a run puts its chunks' figures together.
    let mut summary = Summary::new(quiz);
    summary.merge(&chunk);
    (buffer, summary)
}

#[cfg(test)]
mod tests;
