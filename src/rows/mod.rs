//! Respondents' rows read for `score` and `analyze` alike, a chunk at a time: JSON
//! Lines (one row a line, at most `MAX_ROW_BYTES`), CSV in any of the delimiters
//! (an unclosed quote told as such), the Google and Microsoft form exports
//! (`form_exports.rs`), and Microsoft's .xlsx (`workbook/`); a row becomes checked answers
//! in `row.rs` (the usual JSON row through the quick reader, `fast.rs`). A bad row is
//! told as `INPUT:LINE: error: ...` the same way by both commands.

pub mod columns;
mod exact;
mod fast;
mod form_exports;
pub mod row;
pub(crate) mod stream;
mod workbook;

use crate::diagnostic::Problem;
use crate::quiz::Quiz;
use columns::Columns;
use row::{RawData, Rows};
use std::io::{BufRead, BufReader, Read, Write};

/// Rows read and scored together.
const CHUNK: usize = 128;
/// The longest JSON Lines row read; a longer one is a bad row, never held whole.
pub const MAX_ROW_BYTES: usize = 1024 * 1024;

/// What the rows are written in (`--input-format`: its `///` lines are the help).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines: one {"id": ..., "answers": {...}} per line
    Jsonl,
    /// Comma-separated values with a header row (or ; or tab separated)
    Csv,
    /// An Excel workbook, as Microsoft Forms downloads it: the first sheet is read
    Xlsx,
}

/// How the rows are read: their format and, for CSV and sheets, the delimiter and
/// the id column when they are given.
#[derive(Debug, Clone)]
pub struct Input {
    pub format: Format,
    /// Found from the header line when not given.
    pub delimiter: Option<u8>,
    pub id_column: Option<String>,
    /// The rows come from a stream (a pipe, a terminal), not a file: a read may wait
    /// for input that never comes.
    pub stream: bool,
}

/// Up to `CHUNK` rows read together.
pub type Chunk = Result<Rows, ReadError>;

/// The chunks of an input as they are read.
pub type Chunks = Box<dyn Iterator<Item = Chunk> + Send>;

/// Why a class's rows could not be read (a bad row is not this: it is told and
/// skipped). Each says which input it is about.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{name}: cannot read the input: {source}")]
    Input {
        name: String,
        source: std::io::Error,
    },
    #[error("{name}: cannot read the CSV header: {source}")]
    Header { name: String, source: csv::Error },
    /// The file is not a workbook careerfit can read, or one past a limit (said by
    /// `workbook`).
    #[error("{0}")]
    Workbook(String),
    #[error("{name}: cannot start a thread to read it: {source}")]
    Thread {
        name: String,
        source: std::io::Error,
    },
    /// A scorer thread could not be started.
    #[error("cannot start a thread to score rows: {source}; try fewer --jobs")]
    Scorers { source: std::io::Error },
    /// `--strict`, and questions no column answers.
    #[error(
        "{name}: no column answers {}: {}; with --strict every question needs a column \
         (name it by the question's id or text)",
        if .questions.len() == 1 { "this question" } else { "these questions" },
        .questions.join(", ")
    )]
    Unanswered {
        name: String,
        questions: Vec<String>,
    },
    #[error("{name}: the workbook's first sheet is empty; it needs a header row")]
    EmptySheet { name: String },
    /// The header's columns cannot be used: every problem, with its place.
    #[error("{}", crate::diagnostic::render_problems(.0))]
    Columns(Vec<Problem>),
    /// The header's warnings could not be written to stderr.
    #[error("cannot write messages to stderr: {0}")]
    Messages(std::io::Error),
}

/// The rows of `input`, a chunk at a time, and what each CSV column holds; a CSV
/// header's warnings are written to `err`. `score` and `analyze` read rows this way.
pub fn read(
    quiz: &Quiz,
    name: &str,
    input: Box<dyn Read + Send>,
    how: &Input,
    err: &mut dyn Write,
) -> Result<(Chunks, Option<Columns>), ReadError> {
    // Large enough that a chunk of the usual rows (128 of 1.5 KB) is in it whole: a
    // chunk ends early when the buffer runs dry (more input might have to be waited
    // for). Small enough to stay in a core's cache between the kernel's copy into it
    // and ours out of it: 256 KiB, where 1 MiB made `score` about 5% slower.
    let mut input = BufReader::with_capacity(1 << 18, input);
    let header_columns = |header: &csv::StringRecord, err: &mut dyn Write| {
        let (columns, warnings) =
            Columns::from_header(quiz, name, header, how.id_column.as_deref())
                .map_err(ReadError::Columns)?;
        for warning in warnings {
            writeln!(err, "{warning}").map_err(ReadError::Messages)?;
        }
        Ok::<_, ReadError>(columns)
    };
    let read: (Chunks, _) = match how.format {
        Format::Jsonl => (
            Box::new(JsonChunks {
                input,
                line: 0,
                bytes: 0,
                name: name.to_string(),
            }),
            None,
        ),
        Format::Csv => {
            let start = input.fill_buf().map_err(|source| ReadError::Input {
                name: name.to_string(),
                source,
            })?;
            let delimiter = how
                .delimiter
                .unwrap_or_else(|| form_exports::detect_delimiter(start));
            // The csv crate counts a record's line from the "\n" of the "\r\n" before
            // it, one short: lines of a file that ends its lines with "\r\n" (as form
            // tools and spreadsheets write them) are told one on.
            let header_line = start.split(|&b| b == b'\n').next().unwrap_or(start);
            let crlf = start.len() > header_line.len() && header_line.ends_with(b"\r");
            let mut csv = csv::ReaderBuilder::new()
                .flexible(true)
                .delimiter(delimiter)
                .from_reader(input);
            let header = csv
                .headers()
                .map_err(|source| ReadError::Header {
                    name: name.to_string(),
                    source,
                })?
                .clone();
            let columns = header_columns(&header, err)?;
            let fields = header.len();
            let line_offset = usize::from(crlf);
            (
                Box::new(CsvChunks {
                    csv,
                    fields,
                    line_offset,
                    name: name.to_string(),
                    ahead: None,
                }),
                Some(columns),
            )
        }
        Format::Xlsx => {
            let (header, chunks) = workbook::read(name, input)?;
            let header = csv::StringRecord::from(header);
            (chunks, Some(header_columns(&header, err)?))
        }
    };
    Ok(read)
}

/// JSON Lines, a chunk at a time: up to `CHUNK` rows, or fewer when reading more would
/// wait for input (a pipe, a person typing), so that those rows are scored now.
struct JsonChunks<R> {
    input: BufReader<R>,
    line: usize,
    /// The length of the last chunk's text: the next is sized by it.
    bytes: usize,
    /// The input's name, for a failure to read it.
    name: String,
}

/// A failure to read the input called `name`, as a chunk.
fn failed(name: &str, source: std::io::Error) -> Option<Chunk> {
    Some(Err(ReadError::Input {
        name: name.to_string(),
        source,
    }))
}

impl<R: Read> Iterator for JsonChunks<R> {
    type Item = Chunk;

    fn next(&mut self) -> Option<Chunk> {
        // The text of the last chunk is a good guess at this one's: it seldom grows.
        let mut rows = Rows::with_capacity(CHUNK, self.bytes);
        while rows.len() < CHUNK && (rows.is_empty() || !self.input.buffer().is_empty()) {
            // Each line goes on the end of the chunk's text. At most MAX_ROW_BYTES of
            // a line are held; the rest of a longer one is read past, not kept, and
            // the row refused.
            let start = rows.text.len();
            match read_line(&mut self.input, &mut rows.text, MAX_ROW_BYTES + 1) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return failed(&self.name, e),
            }
            self.line += 1;
            let bytes = &rows.text[start..];
            if bytes.len() > MAX_ROW_BYTES && bytes.last() != Some(&b'\n') {
                rows.text.truncate(start);
                if let Err(e) = skip_line(&mut self.input) {
                    return failed(&self.name, e);
                }
                rows.push(
                    self.line,
                    RawData::Bad(format!(
                        "the row is longer than {MAX_ROW_BYTES} bytes (1 MiB), the most a row may be"
                    )),
                );
                continue;
            }
            // A byte-order mark, as editors on Windows write one, is not part of the row.
            let bom = self.line == 1 && bytes.starts_with(b"\xEF\xBB\xBF");
            let begin = start + if bom { 3 } else { 0 };
            if rows.text[begin..].iter().all(u8::is_ascii_whitespace) {
                rows.text.truncate(start);
                continue;
            }
            let end = rows.text.len();
            rows.push(self.line, RawData::Json(begin..end));
        }
        self.bytes = rows.text.len();
        (!rows.is_empty()).then_some(Ok(rows))
    }
}

/// A bad row on stderr, as `INPUT:LINE: error: MESSAGE`; `score` and `analyze` say
/// them alike. The row's own text may be quoted: never raw on a terminal.
pub fn report_row(
    err: &mut dyn Write,
    name: &str,
    line: usize,
    problem: &str,
) -> std::io::Result<()> {
    let text = format!("{name}:{line}: error: {problem}");
    writeln!(err, "{}", crate::text::escape_controls(&text))
}

/// A line appended to `out`, its newline too, or its first `limit` bytes: what
/// `take(limit).read_until(b'\n', out)` does, with the memchr crate's search for the
/// newline, which is several times quicker than the standard library's.
fn read_line(input: &mut impl BufRead, out: &mut Vec<u8>, limit: usize) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(read);
        }
        let window = &available[..available.len().min(limit - read)];
        let (taken, ended) = match memchr::memchr(b'\n', window) {
            Some(at) => (at + 1, true),
            None => (window.len(), false),
        };
        out.extend_from_slice(&window[..taken]);
        input.consume(taken);
        read += taken;
        if ended || read == limit {
            return Ok(read);
        }
    }
}

/// Read past the rest of a line without keeping it.
fn skip_line(input: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => {
                input.consume(end + 1);
                return Ok(());
            }
            None => {
                let len = buffer.len();
                input.consume(len);
            }
        }
    }
}

/// CSV records, a chunk at a time, by the same rule as `JsonChunks`.
struct CsvChunks<R> {
    csv: csv::Reader<BufReader<R>>,
    fields: usize,
    /// Added to the csv crate's line of a record (see `read`).
    line_offset: usize,
    name: String,
    /// A record read ahead, to learn whether the one before it was the last.
    ahead: Option<(csv::StringRecord, csv::Result<bool>)>,
}

impl<R: Read> CsvChunks<R> {
    fn read_record(&mut self, record: &mut csv::StringRecord) -> csv::Result<bool> {
        match self.ahead.take() {
            Some((ahead, result)) => {
                *record = ahead;
                result
            }
            None => self.csv.read_record(record),
        }
    }

    /// Whether `record` is the input's last. Asked only of a record with a cell over
    /// several lines (a quote never closed runs to the end of the input), so that
    /// others are not held back waiting for the next.
    fn is_last(&mut self, record: &csv::StringRecord) -> bool {
        if !record.iter().any(|cell| cell.contains('\n')) {
            return false;
        }
        let mut ahead = csv::StringRecord::new();
        let result = self.csv.read_record(&mut ahead);
        let last = matches!(result, Ok(false));
        self.ahead = Some((ahead, result));
        last
    }
}

impl<R: Read> Iterator for CsvChunks<R> {
    type Item = Chunk;

    fn next(&mut self) -> Option<Chunk> {
        let mut rows = Rows::with_capacity(CHUNK, 0);
        let mut record = csv::StringRecord::new();
        while rows.len() < CHUNK && (rows.is_empty() || !self.csv.get_ref().buffer().is_empty()) {
            let data = match self.read_record(&mut record) {
                Ok(false) => break,
                Ok(true)
                    if self.is_last(&record)
                        && let Some(problem) =
                            swallowed_rows(&record, self.fields, self.line_offset) =>
                {
                    RawData::Bad(problem)
                }
                Ok(true) if record.len() != self.fields => RawData::Bad(format!(
                    "the row has {} cells but the header has {}",
                    record.len(),
                    self.fields
                )),
                Ok(true) => RawData::Csv(record.clone()),
                Err(e) if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) => {
                    RawData::Bad("the row is not UTF-8 text".to_string())
                }
                Err(e) => return failed(&self.name, e.into()),
            };
            let line = record
                .position()
                .map_or(0, |p| p.line() as usize + self.line_offset);
            rows.push(line, data);
        }
        (!rows.is_empty()).then_some(Ok(rows))
    }
}

/// A quote that is opened and never closed makes its cell run on through the next
/// lines to the end of the input (`record` is the last), each of which would have
/// been a row: in any column, the last too. Said with the line where the quote
/// opened and the rows it took in, named by their first cell, rather than as a row
/// of too few cells, or an odd answer, while those rows silently vanish.
fn swallowed_rows(record: &csv::StringRecord, fields: usize, line_offset: usize) -> Option<String> {
    let start = record.position()?.line() as usize + line_offset;
    let (cell, text) = record
        .iter()
        .enumerate()
        .find(|(_, text)| text.contains('\n'))?;
    // The lines inside the cell after its first: rows only if they look like rows.
    let taken: Vec<&str> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let separators = |line: &str| line.matches([',', ';', '\t']).count();
    let look_like_rows =
        !taken.is_empty() && fields > 1 && taken.iter().all(|line| separators(line) + 1 >= fields);
    if !look_like_rows {
        return None;
    }
    let ids: Vec<String> = taken
        .iter()
        .take(5)
        .map(|line| {
            let first = line.split([',', ';', '\t']).next().unwrap_or("").trim();
            format!("`{}`", crate::text::clip(first))
        })
        .collect();
    let more = taken.len().saturating_sub(5);
    Some(format!(
        "a quote opened in cell {} on line {start} is never closed, so the {} line{} after it \
         (rows {}{}) became part of that cell; close the quote, or remove it",
        cell + 1,
        taken.len(),
        if taken.len() == 1 { "" } else { "s" },
        ids.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::read_line;
    use std::io::{BufRead, BufReader, Read};

    /// `read_line` reads what `take(limit).read_until(b'\n')` reads, whatever the
    /// buffer's size and wherever a line ends or is cut at the limit.
    #[test]
    fn a_line_is_read_as_read_until_reads_it() {
        let text = b"one\ntwo two\n\nthree three three\nno newline at the end";
        for capacity in 1..12 {
            for limit in 1..40 {
                let mut quick = BufReader::with_capacity(capacity, &text[..]);
                let mut plain = BufReader::with_capacity(capacity, &text[..]);
                loop {
                    let (mut a, mut b) = (b"kept".to_vec(), b"kept".to_vec());
                    let n = read_line(&mut quick, &mut a, limit).unwrap();
                    let m = (&mut plain)
                        .take(limit as u64)
                        .read_until(b'\n', &mut b)
                        .unwrap();
                    assert_eq!((n, &a), (m, &b), "capacity {capacity}, limit {limit}");
                    if n == 0 {
                        break;
                    }
                }
                assert!(plain.fill_buf().unwrap().is_empty());
            }
        }
    }
}
