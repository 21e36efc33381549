//! One answer as it was given (in a file, a row or a cell) and how it becomes an
//! `Answer` of its question: positions or labels, yes or no, option ids or labels.

use super::*;

/// An answer value as it was given, borrowed from wherever it was read (a YAML or
/// JSON answers file, a JSON Lines row, a CSV cell), so that every source is checked
/// by the same rules without copying it first.
#[derive(Debug, Clone, PartialEq)]
pub enum Given<'a> {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    Text(Cow<'a, str>),
    List(Vec<Given<'a>>),
    /// Anything else (a mapping), as JSON text for messages.
    Other(String),
}

impl<'a> Given<'a> {
    pub fn from_json(value: &'a Json) -> Self {
        match value {
            Json::Null => Given::Null,
            Json::Bool(b) => Given::Bool(*b),
            Json::Number(n) => Given::Number(n.clone()),
            Json::String(s) => Given::Text(Cow::Borrowed(s)),
            Json::Array(items) => Given::List(items.iter().map(Given::from_json).collect()),
            Json::Object(_) => Given::Other(value.to_string()),
        }
    }
}

/// Written as JSON, as messages quote a value.
impl std::fmt::Display for Given<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Given::Null => f.write_str("null"),
            Given::Bool(b) => write!(f, "{b}"),
            Given::Number(n) => write!(f, "{n}"),
            Given::Text(s) => write!(f, "{}", Json::from(s.as_ref())),
            Given::List(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Given::Other(text) => f.write_str(text),
        }
    }
}

/// A JSON Lines row's answer, read straight from the row without building a JSON value.
impl<'de> Deserialize<'de> for Given<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct GivenVisitor;
        impl<'de> Visitor<'de> for GivenVisitor {
            type Value = Given<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an answer")
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Given::Null)
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Given::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Self::Value, E> {
                Ok(Given::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
                Ok(Given::Number(n.into()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
                Ok(Given::Number(n.into()))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Self::Value, E> {
                Ok(serde_json::Number::from_f64(n)
                    .map_or_else(|| Given::Other(n.to_string()), Given::Number))
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Given::Text(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Given::Text(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(Given::Text(Cow::Owned(s)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Given::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let value = Json::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Given::Other(value.to_string()))
            }
        }
        deserializer.deserialize_any(GivenVisitor)
    }
}

/// Check one answer value against its question. `Ok(None)` is a skip (`null`).
pub fn from_value(question: &Question, value: &Json) -> Result<Option<Answer>, String> {
    from_given(question, &Given::from_json(value))
}

/// Check one answer, however it was read, against its question. `Ok(None)` is a skip.
pub fn from_given(question: &Question, value: &Given) -> Result<Option<Answer>, String> {
    if *value == Given::Null {
        return Ok(None);
    }
    let id = &question.id;
    match &question.kind {
        QuestionKind::Scale { labels, .. } => {
            let n = labels.len();
            let expected = || {
                format!(
                    "question `{id}` takes a position from 1 to {n} or one of the labels: {}",
                    quoted_list(labels.iter().map(String::as_str))
                )
            };
            // A label wins over a position, whichever way it is written, so that JSON's
            // 10 and a CSV cell "10" mean the same on a scale labelled "0" to "10".
            let label_of = |text: &str| {
                let text = text.trim();
                labels
                    .iter()
                    .position(|label| label.eq_ignore_ascii_case(text))
                    .map(|i| Some(Answer::Scale(i + 1)))
            };
            // Only a label that starts like a number can be written as one: the others
            // are not looked for (nor the number written out) for every answer.
            let numeric_labels = labels
                .iter()
                .any(|l| l.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.'));
            match value {
                Given::Number(number) if !numeric_labels => match number.as_u64() {
                    Some(k) if (1..=n as u64).contains(&k) => Ok(Some(Answer::Scale(k as usize))),
                    _ => Err(format!("{number} is out of range: {}", expected())),
                },
                Given::Number(number) => match (label_of(&number.to_string()), number.as_u64()) {
                    (Some(answer), _) => Ok(answer),
                    (None, Some(k)) if (1..=n as u64).contains(&k) => {
                        Ok(Some(Answer::Scale(k as usize)))
                    }
                    _ => Err(format!("{number} is out of range: {}", expected())),
                },
                // A label, or a position written as text ("4"), as spreadsheets export it.
                Given::Text(text) => labels
                    .iter()
                    .position(|label| label.eq_ignore_ascii_case(text.trim()))
                    .map(|i| i + 1)
                    .or_else(|| text.trim().parse().ok().filter(|k| (1..=n).contains(k)))
                    .map(|k| Some(Answer::Scale(k)))
                    .ok_or_else(|| {
                        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
                        format!(
                            "`{}` is not a label of this scale: {}{}",
                            crate::text::clip(text),
                            expected(),
                            guess(text.trim(), &labels)
                        )
                    }),
                _ => Err(expected()),
            }
        }
        QuestionKind::YesNo { .. } => match value {
            Given::Bool(yes) => Ok(Some(Answer::YesNo(*yes))),
            Given::Text(text) => {
                let text = text.trim();
                if text.eq_ignore_ascii_case("yes") || text.eq_ignore_ascii_case("true") {
                    Ok(Some(Answer::YesNo(true)))
                } else if text.eq_ignore_ascii_case("no") || text.eq_ignore_ascii_case("false") {
                    Ok(Some(Answer::YesNo(false)))
                } else {
                    Err(format!(
                        "`{}` is not yes or no: question `{id}` takes true or false",
                        crate::text::clip(text)
                    ))
                }
            }
            _ => Err(format!("question `{id}` takes true or false")),
        },
        QuestionKind::Choice { options } => match value {
            Given::Text(text) => find_option(options, text)
                .map(|i| Some(Answer::Choice(i)))
                .ok_or_else(|| unknown_option(id, text, options)),
            _ => Err(format!(
                "question `{id}` takes one option id: {}",
                quoted_list(options.iter().map(|o| o.id.as_str()))
            )),
        },
        QuestionKind::Multi { options } => {
            let Given::List(items) = value else {
                return Err(format!(
                    "question `{id}` takes a list of option ids, such as [{}]",
                    options[0].id
                ));
            };
            let mut chosen = Vec::with_capacity(items.len());
            for item in items {
                let Given::Text(text) = item else {
                    return Err(format!(
                        "question `{id}`: {} is not an option id",
                        crate::text::clip(&item.to_string())
                    ));
                };
                let i =
                    find_option(options, text).ok_or_else(|| unknown_option(id, text, options))?;
                if chosen.contains(&i) {
                    return Err(format!("question `{id}`: option `{text}` is chosen twice"));
                }
                chosen.push(i);
            }
            chosen.sort_unstable();
            Ok(Some(Answer::Multi(chosen)))
        }
    }
}

fn find_option(options: &[AnswerOption], text: &str) -> Option<usize> {
    let text = text.trim();
    options.iter().position(|o| o.id == text).or_else(|| {
        options
            .iter()
            .position(|o| o.label.eq_ignore_ascii_case(text))
    })
}

fn unknown_option(id: &str, text: &str, options: &[AnswerOption]) -> String {
    let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
    format!(
        "question `{id}` has no option `{}`; its options are {}{}",
        crate::text::clip(text),
        quoted_list(ids.iter().copied()),
        guess(text, &ids)
    )
}

/// "; did you mean `Agree`?" when a known value is close to what was written.
fn guess(text: &str, known: &[&str]) -> String {
    crate::diagnostic::suggest(text, known).map_or(String::new(), |hint| format!("; {hint}"))
}

fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
