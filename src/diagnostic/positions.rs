//! Where each field of a YAML (or JSON) document is: field path -> line and column.
//!
//! Validation judges serde values, which have no positions; this index gives every
//! problem of meaning the line and column of the field it is about, as a compiler would.

use saphyr_parser::{Event, Parser, Span};
use std::collections::HashMap;

/// A 1-based line and column, as editors count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The position of every node of a document, by field path (`questions[3].weight`,
/// `scales.agreement.labels[0]`, `answers.likes-puzzles`).
#[derive(Debug, Default)]
pub struct Positions {
    by_path: HashMap<String, Position>,
    /// Where each mapping key is written, for problems with the key itself.
    keys: HashMap<String, Position>,
}

enum Frame {
    Mapping { path: String, key: Option<String> },
    Sequence { path: String, next: usize },
}

impl Positions {
    /// Index a document. Call it only on text the YAML parser has accepted: a document
    /// it cannot read gives the positions found before the fault.
    pub fn of(text: &str) -> Positions {
        let mut positions = Positions::default();
        let mut stack: Vec<Frame> = Vec::new();
        for event in Parser::new_from_str(text) {
            let Ok((event, span)) = event else { break };
            match event {
                Event::Scalar(value, ..) => positions.key_or_value(&mut stack, Some(&value), span),
                Event::Alias(_) => positions.key_or_value(&mut stack, None, span),
                Event::MappingStart(..) => {
                    let path = positions.node(&mut stack, span);
                    stack.push(Frame::Mapping { path, key: None });
                }
                Event::SequenceStart(..) => {
                    let path = positions.node(&mut stack, span);
                    stack.push(Frame::Sequence { path, next: 0 });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        positions
    }

    /// Where the field at `path` is. A key given twice gives its last place, because
    /// the problem with a duplicate is always the later one.
    pub fn get(&self, path: &str) -> Option<Position> {
        self.by_path.get(path).copied()
    }

    /// Where the key of the mapping entry at `path` is (the later one, if given twice).
    pub fn key(&self, path: &str) -> Option<Position> {
        self.keys.get(path).copied()
    }

    /// A scalar or alias: in a mapping waiting for a key it is the key (its place is
    /// the entry's place), otherwise it is a value.
    fn key_or_value(&mut self, stack: &mut [Frame], scalar: Option<&str>, span: Span) {
        if let Some(Frame::Mapping { path, key }) = stack.last_mut()
            && key.is_none()
        {
            let name = scalar.unwrap_or("*").to_string();
            self.by_path.insert(join(path, &name), position(span));
            self.keys.insert(join(path, &name), position(span));
            *key = Some(name);
            return;
        }
        self.node(stack, span);
    }

    /// Record a value node at its place in the parent and return its path. A mapping
    /// entry keeps its key's place when the value is a block collection on later lines.
    fn node(&mut self, stack: &mut [Frame], span: Span) -> String {
        let here = position(span);
        match stack.last_mut() {
            None => {
                self.by_path.insert(String::new(), here);
                String::new()
            }
            Some(Frame::Sequence { path, next }) => {
                let child = format!("{path}[{next}]");
                *next += 1;
                self.by_path.insert(child.clone(), here);
                child
            }
            Some(Frame::Mapping { path, key }) => {
                let child = join(path, &key.take().unwrap_or_default());
                let at_key = self.by_path.get(&child).copied();
                // `weight: -1` points at `-1`; `weights:` followed by lines points at `weights`.
                if at_key.is_none_or(|k| k.line == here.line) {
                    self.by_path.insert(child.clone(), here);
                }
                child
            }
        }
    }
}

/// Where the document first nests collections deeper than `limit`, if it does.
///
/// The YAML loader takes time quadratic in the nesting depth (a megabyte of `[` takes
/// most of a minute), so depth is checked first, by this linear scan. A nesting so deep
/// that the scanner itself gives up counts as too deep; other scan errors are left for
/// the loader to report in its own words.
pub fn too_deep(text: &str, limit: usize) -> Option<Position> {
    let mut depth = 0usize;
    for event in Parser::new_from_str(text) {
        match event {
            Ok((Event::MappingStart(..) | Event::SequenceStart(..), span)) => {
                depth += 1;
                if depth > limit {
                    return Some(position(span));
                }
            }
            Ok((Event::MappingEnd | Event::SequenceEnd, _)) => depth = depth.saturating_sub(1),
            Ok(_) => {}
            Err(e) if e.info() == "recursion limit exceeded" => {
                return Some(Position {
                    line: e.marker().line(),
                    column: e.marker().col() + 1,
                });
            }
            Err(_) => return None,
        }
    }
    None
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

fn position(span: Span) -> Position {
    Position {
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::{Position, Positions};

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn block_and_flow_fields_have_their_places() {
        let text = "id: x\nquestions:\n  - id: a\n    weight: -1\n  - {id: b, weight: 2}\n\
                    profiles:\n  - weights:\n      t: 1\n      t: 2\n";
        let p = Positions::of(text);
        assert_eq!(p.get("id"), at(1, 5));
        assert_eq!(p.get("questions"), at(2, 1));
        assert_eq!(p.get("questions[0]"), at(3, 5));
        assert_eq!(p.get("questions[0].weight"), at(4, 13));
        assert_eq!(p.get("questions[1]"), at(5, 5));
        assert_eq!(p.get("questions[1].weight"), at(5, 21));
        assert_eq!(p.get("profiles[0].weights"), at(7, 5));
        // A duplicated key: the later one.
        assert_eq!(p.get("profiles[0].weights.t"), at(9, 10));
        assert_eq!(p.get("nothing"), None);
        assert_eq!(p.key("questions[0].weight"), at(4, 5));
        assert_eq!(p.key("profiles[0].weights.t"), at(9, 7));
    }

    #[test]
    fn sequences_of_scalars_and_json_are_indexed() {
        let p = Positions::of("{\"labels\": [\"a\",\n  \"b\"], \"n\": {\"m\": 1}}");
        assert_eq!(p.get("labels[1]"), at(2, 3));
        assert_eq!(p.get("n.m"), at(2, 20));
    }

    #[test]
    fn nesting_is_measured_without_loading() {
        assert_eq!(super::too_deep("a: {b: [1, [2]]}\n", 4), None);
        assert_eq!(super::too_deep("a: {b: [1, [2]]}\n", 3), at(1, 12));
        let deep = format!("x: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(super::too_deep(&deep, 32).is_some());
        let block: String = (0..40)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        assert_eq!(super::too_deep(&block, 32), at(33, 33));
        // A syntax error is the loader's to report.
        assert_eq!(super::too_deep("a: [1, 2\n", 32), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let p = Positions::of("title: é\nid: é\n");
        assert_eq!(p.get("id"), at(2, 5));
        let p = Positions::of("é: 1\nx: [é, 2]\n");
        assert_eq!(p.get("x[1]"), at(2, 8));
    }
}
