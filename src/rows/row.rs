//! Respondents' rows as they come in (JSON Lines or CSV), and how one row becomes
//! checked answers: exactly as an answers file is checked, so `score` and `take`
//! agree.

use super::columns::Columns;
use super::columns::IdSource;
use super::form_exports;
use crate::answers::{self, AnswerProblem, Answers, Given};
use crate::quiz::{QuestionKind, Quiz};
use serde::Deserialize;
use serde_json::Value as Json;
use std::borrow::Cow;
use std::collections::HashMap;

/// Rows read together, not yet checked. The lines of JSON rows are read into one
/// buffer, one after another, rather than each into its own: a copy and an allocation
/// a row fewer, and the scorer, not the reader, checks that they are UTF-8.
#[derive(Debug, Default)]
pub struct Rows {
    /// The text of the JSON rows; `RawData::Json` says where each is in it.
    pub(super) text: Vec<u8>,
    pub(super) rows: Vec<RawRow>,
}

impl Rows {
    pub fn with_capacity(rows: usize, bytes: usize) -> Self {
        Rows {
            text: Vec::with_capacity(bytes),
            rows: Vec::with_capacity(rows),
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// A JSON row on `line` of the input, as it was read.
    pub fn push_json(&mut self, line: usize, text: &[u8]) {
        let start = self.text.len();
        self.text.extend_from_slice(text);
        self.push(line, RawData::Json(start..self.text.len()));
    }

    pub(super) fn push(&mut self, line: usize, data: RawData) {
        self.rows.push(RawRow { line, data });
    }
}

impl FromIterator<RawRow> for Rows {
    fn from_iter<I: IntoIterator<Item = RawRow>>(rows: I) -> Self {
        Rows {
            text: Vec::new(),
            rows: rows.into_iter().collect(),
        }
    }
}

/// One row read from the input, not yet checked.
#[derive(Debug)]
pub(super) struct RawRow {
    /// The line of the input the row starts on (1-based).
    pub line: usize,
    pub data: RawData,
}

#[derive(Debug)]
pub(super) enum RawData {
    /// Where the row's line is in `Rows::text`.
    Json(std::ops::Range<usize>),
    Csv(csv::StringRecord),
    /// A row that could not be read as one (the wrong number of cells, too long).
    Bad(String),
}

/// A row checked against the quiz: its id, and its answers or why it is bad.
pub struct Row {
    pub line: usize,
    /// The row's `id`, or its line number when it has none.
    pub id: Json,
    pub answers: Result<Answers, String>,
}

/// What turns raw rows into checked rows for one quiz; built once, shared by workers.
pub struct RowReader<'q> {
    quiz: &'q Quiz,
    /// Question id -> position, resolved once per quiz, not per row.
    index: HashMap<&'q str, usize>,
    columns: Option<Columns>,
    /// Per question: the option ids and labels (a scale's labels) a CSV cell may
    /// name, folded as people see them (see `form_exports::fold`, `form_exports::split_ticks`).
    labels: Vec<form_exports::Ticks>,
    /// Per question: how an answer written exactly is matched quickly.
    exact: Vec<super::exact::Exact>,
}

/// How a JSON Lines row is written, read without copying its text. Other keys (a
/// timestamp from the form) are ignored.
#[derive(Debug, PartialEq, Deserialize)]
pub(super) struct JsonRow<'a> {
    #[serde(default)]
    pub id: Option<Json>,
    #[serde(default, borrow)]
    pub quiz: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub answers: Option<Pairs<'a>>,
}

/// The `answers` object in file order, duplicates kept so that they can be refused.
#[derive(Debug, PartialEq)]
pub(super) struct Pairs<'a>(pub Vec<(Cow<'a, str>, Given<'a>)>);

impl<'de: 'a, 'a> Deserialize<'de> for Pairs<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for PairsVisitor<'a> {
            type Value = Pairs<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of question id to answer")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(40));
                // Keys are read as answers are, so that they are borrowed, not copied.
                while let Some((key, value)) = map.next_entry::<Given<'de>, Given<'de>>()? {
                    let Given::Text(key) = key else {
                        return Err(serde::de::Error::custom("a question id must be text"));
                    };
                    pairs.push((key, value));
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(PairsVisitor(std::marker::PhantomData))
    }
}

/// A line that is not JSON but has commas or semicolons is likely CSV read as JSON
/// Lines (piped in, so no `.csv` to go by): say which flag reads it.
/// Whether a line that is not a row is a whole result (`take --json`'s, on one line).
fn is_result(text: &str) -> bool {
    text.trim_start().starts_with('{') && text.contains("\"careerfit/result/")
}

fn csv_hint(text: &str) -> &'static str {
    let text = text.trim_start();
    if !text.starts_with(['{', '[']) && text.contains([',', ';', '\t']) {
        "; this looks like CSV: add --input-format csv"
    } else {
        ""
    }
}

impl<'q> RowReader<'q> {
    pub fn new(quiz: &'q Quiz, columns: Option<Columns>) -> Self {
        let index = quiz
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let labels = quiz
            .questions
            .iter()
            .map(|q| match &q.kind {
                QuestionKind::Multi { options } | QuestionKind::Choice { options } => {
                    form_exports::Ticks::new(
                        options
                            .iter()
                            .flat_map(|o| [o.id.as_str(), o.label.as_str()]),
                    )
                }
                QuestionKind::Scale { labels, .. } => {
                    form_exports::Ticks::new(labels.iter().map(String::as_str))
                }
                QuestionKind::YesNo { .. } => form_exports::Ticks::default(),
            })
            .collect();
        RowReader {
            quiz,
            index,
            columns,
            labels,
            exact: quiz
                .questions
                .iter()
                .map(super::exact::Exact::new)
                .collect(),
        }
    }

    /// Each of `rows` checked, in order.
    pub fn check(&self, rows: Rows) -> impl Iterator<Item = Row> + '_ {
        let Rows { text, rows } = rows;
        rows.into_iter().map(move |raw| self.check_one(raw, &text))
    }

    fn check_one(&self, raw: RawRow, text: &[u8]) -> Row {
        let line = raw.line;
        let fallback_id = Json::from(line);
        match raw.data {
            RawData::Bad(problem) => Row {
                line,
                id: fallback_id,
                answers: Err(problem),
            },
            RawData::Json(range) => {
                // A line that is not UTF-8 is a bad row, not the end of the input.
                let Ok(text) = std::str::from_utf8(&text[range]) else {
                    return Row {
                        line,
                        id: fallback_id,
                        answers: Err("the line is not UTF-8 text".to_string()),
                    };
                };
                // The usual row, good throughout, in one quick pass; any other is read
                // by serde_json and checked answer by answer, to say what is wrong.
                // (The quick pass guesses the next question itself; it looks a key
                // up only when the guess misses.)
                let position = |id: &str| self.index.get(id).copied();
                if let Some((id, answers)) =
                    super::fast::read_checked(text, self.quiz, &self.exact, position)
                {
                    let id = match id {
                        None | Some(Json::Null) => fallback_id,
                        Some(id) => id,
                    };
                    return Row {
                        line,
                        id,
                        answers: Ok(answers),
                    };
                }
                self.check_json(line, fallback_id, text)
            }

            RawData::Csv(record) => {
                let columns = self.columns.as_ref().expect("CSV rows come with columns");
                let cell = |c: usize| record.get(c).map(str::trim).filter(|id| !id.is_empty());
                let id = match columns.id {
                    IdSource::Column(c) => cell(c),
                    IdSource::Email(c) => {
                        cell(c).filter(|email| form_exports::names_someone(email))
                    }
                    IdSource::Line => None,
                }
                .map_or(fallback_id, Json::from);
                let values: Vec<(&str, Given)> = columns
                    .questions
                    .iter()
                    .filter_map(|&(column, q)| {
                        let cell = record.get(column)?.trim();
                        let question = &self.quiz.questions[q];
                        let value = match (&question.kind, cell) {
                            // A tick-any question left unticked: the respondent saw it
                            // and ticked none, an answer worth 0, as in the terminal.
                            (QuestionKind::Multi { .. }, "") => Given::List(Vec::new()),
                            (_, "") => return None,
                            (QuestionKind::Multi { .. }, cell) => Given::List(
                                form_exports::split_ticks(cell, &self.labels[q])
                                    .into_iter()
                                    .map(|s| Given::Text(Cow::Borrowed(s)))
                                    .collect(),
                            ),
                            // A label written with other quotes, dashes or spaces, or
                            // in decomposed Unicode, is the label.
                            (_, cell)
                                if !self.labels[q].is_written(cell)
                                    && form_exports::may_fold(cell) =>
                            {
                                Given::Text(Cow::Borrowed(
                                    self.labels[q].known(cell).unwrap_or(cell),
                                ))
                            }
                            (_, cell) => Given::Text(Cow::Borrowed(cell)),
                        };
                        Some((question.id.as_str(), value))
                    })
                    .collect();
                let answers = self.answers(values.iter().map(|(id, v)| (*id, v)));
                Row { line, id, answers }
            }
        }
    }

    /// A JSON row read by serde_json, each answer checked and every problem told.
    fn check_json(&self, line: usize, fallback_id: Json, text: &str) -> Row {
        // Only rows the quick pass gave up on come here: serde_json reads them, once.
        match serde_json::from_str::<JsonRow>(text) {
            Err(e) => Row {
                line,
                id: fallback_id,
                answers: Err(if is_result(text) {
                    "a whole result (`take --json`) among answer rows: give rows and results \
                     in separate files, and score them in separate runs"
                        .to_string()
                } else {
                    format!("not a JSON row: {}{}", json_error(&e), csv_hint(text))
                }),
            },
            Ok(row) => {
                let (id, id_problem) = match row.id {
                    None | Some(Json::Null) => (fallback_id, None),
                    Some(id @ (Json::String(_) | Json::Number(_))) => (id, None),
                    Some(other) => (
                        fallback_id,
                        Some(format!("`id` must be text or a number, not {other}")),
                    ),
                };
                let answers = match (id_problem, row.quiz, row.answers) {
                    (Some(problem), _, _) => Err(problem),
                    (None, Some(quiz), _) if quiz != self.quiz.id => Err(format!(
                        "this row is for quiz `{quiz}`, not `{}`",
                        self.quiz.id
                    )),
                    (None, _, None) => Err("the row has no `answers` object".to_string()),
                    (None, _, Some(Pairs(pairs))) => {
                        self.answers(pairs.iter().map(|(k, v)| (k.as_ref(), v)))
                    }
                };
                Row { line, id, answers }
            }
        }
    }

    /// The position of question `id`, trying the one after the last found first:
    /// rows usually list answers in quiz order.
    fn locate(&self, next: &std::cell::Cell<usize>, id: &str) -> Option<usize> {
        let guess = next.get();
        let found = match self.quiz.questions.get(guess) {
            Some(q) if q.id == id => Some(guess),
            _ => self.index.get(id).copied(),
        };
        next.set(found.map_or(0, |i| i + 1));
        found
    }

    fn answers<'a>(
        &self,
        pairs: impl IntoIterator<Item = (&'a str, &'a Given<'a>)>,
    ) -> Result<Answers, String> {
        let next = std::cell::Cell::new(0);
        answers::check(self.quiz, |id| self.locate(&next, id), pairs)
            .map_err(|problems| problems.iter().map(describe).collect::<Vec<_>>().join("; "))
    }
}

/// `answers.q1: message (did you mean ...?)`, on one line.
fn describe(problem: &AnswerProblem) -> String {
    match &problem.hint {
        Some(hint) => format!("{}: {} ({hint})", problem.path, problem.message),
        None => format!("{}: {}", problem.path, problem.message),
    }
}

fn json_error(e: &serde_json::Error) -> String {
    // serde_json ends with " at line 1 column N"; the line is the row's, so say the column.
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    format!("{message} (column {})", e.column())
}

#[cfg(test)]
mod tests {
    use super::{JsonRow, RowReader};
    use crate::rows::fast;
    use crate::sample;

    /// Whatever the quick reader reads, it reads as serde_json does; rows it does not
    /// expect are left to serde_json.
    #[test]
    fn the_quick_reader_reads_rows_as_serde_json_does() {
        let quiz = crate::quiz::load("him", crate::quiz::builtin::find("him-career-fit").unwrap())
            .unwrap()
            .0;
        let mut rows = Vec::new();
        sample::json_lines(&quiz, 500, 3, &mut rows).unwrap();
        let rows = String::from_utf8(rows).unwrap();
        let mut read = 0;
        let odd = [
            r#"{"id": 7, "answers": {"a": 1}}"#,
            r#" { "answers" : { "a" : [ "x" , "y" ] , "b" : null } , "id" : "r" } "#,
            r#"{"id": "r", "quiz": "q", "answers": {}}"#,
            r#"{}"#,
            r#"{"id": "a\"b", "answers": {}}"#,
            r#"{"id": 1.5, "answers": {}}"#,
            r#"{"id": -3, "answers": {}}"#,
            r#"{"id": 01, "answers": {}}"#,
            r#"{"answers": {"a": 1e2}}"#,
            r#"{"answers": {"a": 4.0}}"#,
            r#"{"answers": {"a": [1]}}"#,
            r#"{"answers": {"a": {"b": 1}}}"#,
            r#"{"answers": {"a": 1,}}"#,
            r#"{"answers": {"a": 1}} x"#,
            r#"{"answers": {"a": 1}, "answers": {}}"#,
            r#"{"when": "2026-11-01", "answers": {}}"#,
            r#"{"answers": {"a": nul}}"#,
            r#"{"answers": {"a": "tab	inside"}}"#,
            r#"{"id": true, "answers": {}}"#,
            r#"{"answers": {"a": 123456789012345678901234}}"#,
            r#"["not", "an", "object"]"#,
        ];
        for line in rows.lines().chain(odd) {
            let slow = serde_json::from_str::<JsonRow>(line).ok();
            if let Some(quick) = fast::read(line) {
                read += 1;
                assert_eq!(Some(quick), slow, "{line}");
            }
        }
        assert!(read >= 500, "the usual rows are read quickly ({read})");
    }

    /// A row read and checked in one quick pass gives exactly what the slow read and
    /// the full check give; any row with a problem is left to them.
    #[test]
    fn the_quick_check_agrees_with_the_full_check() {
        let him = crate::quiz::load("him", crate::quiz::builtin::find("him-career-fit").unwrap())
            .unwrap()
            .0;
        let small = crate::fixtures::small();
        let mut generated = Vec::new();
        sample::json_lines(&him, 400, 11, &mut generated).unwrap();
        let generated = String::from_utf8(generated).unwrap();
        let him_rows: Vec<&str> = generated.lines().collect();
        let small_rows = [
            r#"{"id": "a", "answers": {"q-required": 4}}"#,
            r#"{"id": "b", "answers": {"q-required": "agree", "q-yes": "YES"}}"#,
            r#"{"id": "c", "answers": {"q-yes": true}}"#,
            r#"{"id": "d", "answers": {"q-required": 9}}"#,
            r#"{"id": "e", "answers": {"q-required": 1, "q-required": 2}}"#,
            r#"{"id": "f", "answers": {"q-skale": 1, "q-required": 2}}"#,
            r#"{"id": "g", "quiz": "other", "answers": {"q-required": 2}}"#,
            r#"{"id": "h", "quiz": "small", "answers": {"q-required": 2, "q-multi": ["x", "x"]}}"#,
            r#"{"id": "i", "answers": {"q-required": 2, "q-multi": ["y", "x"], "q-choice": " b "}}"#,
            r#"{"id": 5, "answers": {"q-required": " Agree ", "q-scale": null}}"#,
            r#"{"answers": {"q-required": 1}}"#,
            r#"{"id": null, "answers": {"q-required": 1}}"#,
            // Written exactly as careerfit writes answers: matched by plain comparison.
            r#"{"id": "j", "answers": {"q-required": "Agree", "q-choice": "b", "q-multi": ["z", "x"], "q-scale": 2, "q-no-rev": false}}"#,
            // Labels for options, another case, a position as text: the full matching.
            r#"{"id": "k", "answers": {"q-required": "4", "q-choice": "A phone", "q-multi": ["A database", "y"], "q-reverse": "LOW"}}"#,
            r#"{"id": "l", "answers": {"q-required": 0, "q-choice": "d", "q-multi": []}}"#,
            // Keys with space around them, cut short, out of order, or escaped.
            r#"{"id": "m", "answers": { "q-scale" : 2 , "q-required":1 }}"#,
            r#"{"id": "n", "answers": {"q-sca": 2, "q-required": 1}}"#,
            r#"{"id": "o", "answers": {"q-required": 1, "q-scale": 2, "q-reverse": 3}}"#,
            r#"{"id": "p", "answers": {"q-sc\u0061le": 2, "q-required": 1}}"#,
            r#"{"id": "q", "answers": {"q-scale"}}"#,
            // A label with an escape in it, a label cut short, one run on, yes as text.
            r#"{"id": "s", "answers": {"q-required": "Agr\u0065e"}}"#,
            r#"{"id": "t", "answers": {"q-required": "Agre", "q-yes": "Yes"}}"#,
            r#"{"id": "u", "answers": {"q-required": "Agreed", "q-yes": "no"}}"#,
            r#"{"id": "v", "answers": {"q-required": "Agree", "q-yes": "yes", "q-choice": "A phone"}}"#,
        ];
        let mut quick = 0;
        for (quiz, rows) in [(&him, him_rows), (&small, small_rows.to_vec())] {
            let reader = RowReader::new(quiz, None);
            for (n, text) in rows.iter().enumerate() {
                let slow = reader.check_json(n + 1, serde_json::Value::from(n + 1), text);
                let position = |id: &str| reader.index.get(id).copied();
                match fast::read_checked(text, quiz, &reader.exact, position) {
                    Some((id, answers)) => {
                        quick += 1;
                        let id = match id {
                            None | Some(serde_json::Value::Null) => serde_json::Value::from(n + 1),
                            Some(id) => id,
                        };
                        assert_eq!(slow.id, id, "{text}");
                        assert_eq!(slow.answers, Ok(answers), "{text}");
                    }
                    None => assert!(
                        slow.answers.is_err() || !text.contains("\"id\": \"r-"),
                        "a good generated row is read quickly: {text}"
                    ),
                }
            }
        }
        assert!(quick >= 400 + 5, "{quick}");
    }
}
