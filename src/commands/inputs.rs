//! What `score` and `analyze` read: one file (or stdin) of a class's rows, or the
//! results careerfit writes (`take --json`, `take --output`), as single files, JSON
//! Lines of them or folders of them, made into rows before any is scored.

use crate::cli::RowsArgs;
use crate::diagnostic::{Place, Problem, locate};
use crate::error::Error;
use crate::quiz::Quiz;
use crate::rows::Format;
use serde_json::Value as Json;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// An input's name, its bytes, and how they are read.
pub(crate) type Opened = (String, Box<dyn Read + Send>, crate::rows::Input);

/// What a JSON file holds, told from its first line.
#[derive(Debug, PartialEq)]
enum Holds {
    /// `{id, answers}` rows, one a line: read as a stream, as ever.
    Rows,
    /// Whole results, one a line.
    ResultLines,
    /// One result, as `take --json` prints it (its first line is a lone `{`).
    OneResult,
}

fn holds(first_line: &str) -> Holds {
    let line = first_line.trim_start_matches('\u{feff}').trim();
    if line == "{" {
        return Holds::OneResult;
    }
    match serde_json::from_str::<Json>(line) {
        Ok(value) if value.get("schema").is_some() => Holds::ResultLines,
        _ => Holds::Rows,
    }
}

/// Whether a path ends in one of these extensions, whatever its case.
fn has_extension(path: &Path, ext: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ext.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// A file or folder that could not be read, in `input`'s words.
fn unreadable(name: &str, e: std::io::Error) -> Error {
    crate::input::ReadFileError::load_error(name, e).into()
}

/// The first line of a file, to tell what it holds (at most 64 KiB of it).
fn first_line(path: &Path) -> Result<String, Error> {
    let file = crate::input::open(path)?;
    let mut line = Vec::new();
    BufReader::new(file.take(1 << 16))
        .read_until(b'\n', &mut line)
        .map_err(|e| unreadable(&path.display().to_string(), e))?;
    Ok(String::from_utf8_lossy(&line).into_owned())
}

/// The inputs of `score` or `analyze`: a file of rows (or stdin) is read as a stream;
/// results, from any number of files and folders, become rows here.
pub(crate) fn open(quiz: &Quiz, args: &RowsArgs) -> Result<Opened, Error> {
    let rows_by_format = args.input_format.is_some_and(|f| f != Format::Jsonl);
    match args.input.as_slice() {
        [] => super::open_rows(args, None),
        [one] if one == Path::new("-") => super::open_rows(args, None),
        // Only a regular file is looked into first: a named pipe or `<(command)`
        // would lose the line read to tell what it holds.
        [one] if !one.is_dir() => {
            let regular = std::fs::metadata(one).is_ok_and(|m| m.is_file());
            if !regular
                || rows_by_format
                || has_extension(one, &["csv", "tsv", "xlsx"])
                || holds(&first_line(one)?) == Holds::Rows
            {
                super::open_rows(args, Some(one))
            } else {
                results(quiz, &args.input)
            }
        }
        _ => results(quiz, &args.input),
    }
}

/// The results of a JSON Lines file of them, one a line, as rows with the ids
/// `STEM:LINE`; an answers row among them is a problem at its line.
fn result_lines(
    quiz: &Quiz,
    name: &str,
    stem: &str,
    text: &str,
    rows: &mut Vec<u8>,
    problems: &mut Vec<Problem>,
) {
    for (index, line) in text.lines().enumerate() {
        let at = Place::Position {
            line: index + 1,
            column: 1,
        };
        if line.trim().is_empty() {
            continue;
        }
        if holds(line) == Holds::Rows {
            problems.push(Problem::error(
                name,
                at,
                "an answers row among results: give rows and results in separate files, \
                 and score them in separate runs",
            ));
            continue;
        }
        match crate::saved::as_row(quiz, name, at, line) {
            Ok(row) => push_row(rows, Json::String(format!("{stem}:{}", index + 1)), row),
            Err(found) => problems.extend(found.into_iter().map(|mut p| {
                p.line = Some(index + 1);
                p
            })),
        }
    }
}

/// Every result file in a folder (`*.json`, `*.jsonl`), by name.
fn results_in(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let io = |e: std::io::Error| unreadable(&dir.display().to_string(), e);
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if path.is_file() && !hidden && has_extension(&path, &["json", "jsonl"]) {
            found.push(path);
        }
    }
    if found.is_empty() {
        return Err(Error::NoResults(dir.to_path_buf()));
    }
    found.sort();
    Ok(found)
}

/// One row of the made-up stream: `{"id": .., "answers": {..}}`.
fn push_row(rows: &mut Vec<u8>, id: Json, row: crate::saved::ResultRow) {
    let id = row.id.unwrap_or(id);
    let line = serde_json::json!({"id": id, "answers": row.answers});
    serde_json::to_writer(&mut *rows, &line).expect("a row serialises");
    rows.push(b'\n');
}

/// Results from files and folders, as rows: every file's problems are told together,
/// and nothing is scored unless every result can be.
fn results(quiz: &Quiz, inputs: &[PathBuf]) -> Result<Opened, Error> {
    let mut files = Vec::new();
    for input in inputs {
        if input == Path::new("-") {
            return Err(Error::RowsAmongResults {
                rows: "<stdin>".to_string(),
            });
        }
        if input.is_dir() {
            files.extend(results_in(input)?);
        } else {
            files.push(input.clone());
        }
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let text = if has_extension(file, &["csv", "tsv", "xlsx"]) {
            return Err(Error::RowsAmongResults { rows: name });
        } else {
            let mut text = String::new();
            crate::input::open(file)?
                .read_to_string(&mut text)
                .map_err(|e| unreadable(&name, e))?;
            text
        };
        let stem = file
            .file_stem()
            .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
        match holds(text.lines().next().unwrap_or("")) {
            Holds::Rows => return Err(Error::RowsAmongResults { rows: name }),
            Holds::OneResult => match crate::saved::as_row(quiz, &name, Place::File, &text) {
                Ok(row) => push_row(&mut rows, Json::String(stem), row),
                Err(mut found) => {
                    locate(&mut found, &text);
                    problems.extend(found);
                }
            },
            Holds::ResultLines => result_lines(quiz, &name, &stem, &text, &mut rows, &mut problems),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let name = match inputs {
        [one] => one.display().to_string(),
        [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
        [] => unreachable!("results are read from at least one input"),
    };
    let how = crate::rows::Input {
        format: Format::Jsonl,
        delimiter: None,
        id_column: None,
        stream: false,
    };
    Ok((name, Box::new(std::io::Cursor::new(rows)), how))
}
