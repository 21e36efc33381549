//! What each column of a CSV header (or a sheet's first row) holds: a question (by
//! id or text), the respondent's id (`--id-column`, `id`, or a form's email), a
//! column a form tool adds, or something unknown, warned about once.

use super::form_exports;
use crate::diagnostic::Problem;
use crate::diagnostic::suggest;
use crate::quiz::Quiz;

/// Unknown CSV columns named one by one; past this, one warning counts them.
const NAMED_UNKNOWN_COLUMNS: usize = 5;

/// What each CSV column holds, from the header row.
#[derive(Debug)]
pub struct Columns {
    pub(super) id: IdSource,
    /// (column, question position)
    pub(super) questions: Vec<(usize, usize)>,
    /// The ids of the questions no column answers: every row skips them.
    pub unanswered: Vec<String>,
}

/// Where a row's id comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IdSource {
    /// `--id-column`, or a column called `id`.
    Column(usize),
    /// A form's email column, where it names someone; else the line.
    Email(usize),
    /// The row's line in the input (its row in a sheet).
    Line,
}

impl Columns {
    /// Map a CSV header to questions: each column is a question id, a question's text,
    /// the id (`id_column`, else `id`, else a form's email column), or a column a form
    /// tool adds (ignored in silence). Other columns are ignored with a warning; a
    /// question given by two columns is an error.
    pub fn from_header(
        quiz: &Quiz,
        file: &str,
        header: &csv::StringRecord,
        id_column: Option<&str>,
    ) -> Result<(Columns, Vec<Problem>), Vec<Problem>> {
        let place = crate::diagnostic::Place::Position { line: 1, column: 1 };
        let names: Vec<&str> = header
            .iter()
            .map(|name| name.trim().trim_start_matches('\u{feff}').trim())
            .collect();
        let id = match id_column {
            Some(wanted) => {
                let found = names
                    .iter()
                    .position(|name| *name == wanted)
                    .or_else(|| names.iter().position(|n| n.eq_ignore_ascii_case(wanted)));
                match found {
                    Some(column) => IdSource::Column(column),
                    None => {
                        let mut problem = Problem::error(
                            file,
                            place.clone(),
                            format!(
                                "no column of the header is called `{}` (--id-column)",
                                crate::text::clip(wanted)
                            ),
                        );
                        problem.hint = suggest(wanted, &names);
                        return Err(vec![problem]);
                    }
                }
            }
            None => names
                .iter()
                .position(|name| name.eq_ignore_ascii_case("id"))
                .map(IdSource::Column)
                .or_else(|| {
                    names
                        .iter()
                        .position(|name| form_exports::is_email_column(name))
                        .map(IdSource::Email)
                })
                .unwrap_or(IdSource::Line),
        };
        let mut columns = Columns {
            id,
            questions: Vec::new(),
            unanswered: Vec::new(),
        };
        let mut warnings = Vec::new();
        let mut errors = Vec::new();
        let mut unknown: Vec<(usize, &str)> = Vec::new();
        // A question's id or text as people see it (`form_exports::fold`): curly quotes,
        // decomposed accents, a lost full stop still name it. Ids first.
        let mut by_name = std::collections::HashMap::new();
        for (q, question) in quiz.questions.iter().enumerate() {
            by_name.entry(form_exports::fold(&question.id)).or_insert(q);
        }
        for (q, question) in quiz.questions.iter().enumerate() {
            by_name
                .entry(form_exports::fold(&question.text))
                .or_insert(q);
        }
        for (column, &name) in names.iter().enumerate() {
            if matches!(id, IdSource::Column(c) | IdSource::Email(c) if c == column) {
                continue;
            }
            let question = quiz
                .question_index(name)
                .or_else(|| by_name.get(&form_exports::fold(name)).copied());
            match question {
                Some(q) => {
                    if let Some(&(other, _)) = columns.questions.iter().find(|(_, p)| *p == q) {
                        errors.push(Problem::error(
                            file,
                            place.clone(),
                            format!(
                                "columns {} and {} both answer question `{}`",
                                other + 1,
                                column + 1,
                                quiz.questions[q].id
                            ),
                        ));
                    }
                    columns.questions.push((column, q));
                }
                None if form_exports::is_form_column(name) => {}
                None => unknown.push((column, name)),
            }
        }
        // A few unknown columns are named one by one, with a hint; thousands make one
        // warning that names a few and counts the rest.
        if unknown.len() <= NAMED_UNKNOWN_COLUMNS {
            for (column, name) in &unknown {
                let mut warning = Problem::warning(
                    file,
                    place.clone(),
                    format!(
                        "column {} `{}` is not a question of quiz `{}`; it is ignored",
                        column + 1,
                        crate::text::clip(name),
                        quiz.id
                    ),
                );
                warning.hint = nearest_question(quiz, name);
                warnings.push(warning);
            }
        } else {
            let named: Vec<String> = unknown
                .iter()
                .take(NAMED_UNKNOWN_COLUMNS)
                .map(|(column, name)| {
                    format!("column {} `{}`", column + 1, crate::text::clip(name))
                })
                .collect();
            warnings.push(Problem::warning(
                file,
                place.clone(),
                format!(
                    "{} columns are not questions of quiz `{}` and are ignored: {} and {} more",
                    unknown.len(),
                    quiz.id,
                    named.join(", "),
                    unknown.len() - NAMED_UNKNOWN_COLUMNS
                ),
            ));
        }
        if columns.questions.is_empty() && errors.is_empty() {
            errors.push(
                Problem::error(
                    file,
                    place.clone(),
                    "no column of the header is a question of this quiz",
                )
                .with_hint("name each column by a question id or the question's text"),
            );
        }
        let unanswered: Vec<String> = quiz
            .questions
            .iter()
            .enumerate()
            .filter(|(q, _)| !columns.questions.iter().any(|(_, p)| p == q))
            .map(|(_, question)| question.id.clone())
            .collect();
        if !unanswered.is_empty() && errors.is_empty() {
            warnings.push(Problem::warning(
                file,
                place.clone(),
                format!(
                    "no column answers {} of the {} questions, so every row skips them: {}",
                    unanswered.len(),
                    quiz.questions.len(),
                    unanswered.join(", ")
                ),
            ));
        }
        columns.unanswered = unanswered;
        if errors.is_empty() {
            Ok((columns, warnings))
        } else {
            errors.extend(warnings);
            Err(errors)
        }
    }
}

/// "did you mean" for a header that names no question: the question whose id or
/// text is nearest, both compared as people see them (`form_exports::fold`), and named as
/// the quiz writes it.
fn nearest_question(quiz: &Quiz, header: &str) -> Option<String> {
    // A header far longer than any question is no near miss (and not worth the time).
    let longest = quiz.questions.iter().map(|q| q.text.len()).max()?;
    if header.len() > 2 * longest + 16 {
        return None;
    }
    let header = form_exports::fold(header);
    quiz.questions
        .iter()
        .flat_map(|q| [q.id.as_str(), q.text.as_str()])
        .map(|name| {
            let folded = form_exports::fold(name);
            let distance = strsim::levenshtein(&header, &folded);
            (distance, folded.chars().count(), name)
        })
        .filter(|&(distance, length, _)| distance <= 2.max(length / 4))
        .min_by_key(|&(distance, _, _)| distance)
        .map(|(_, _, name)| format!("did you mean `{}`?", crate::text::clip(name)))
}
