//! A quick read of the usual JSON Lines row, `{"id": ..., "answers": {...}}`, into the
//! same `JsonRow` that serde_json would make of it. Reading rows was most of `score`'s
//! time, and serde's general machinery most of that; this reader knows the one shape
//! a row has. Anything it does not expect (an escape in a string, a fraction, another
//! key, a nested object, a syntax error) makes it give up, and serde_json reads the row
//! instead, with its exact messages: so what a row means never depends on which reader
//! read it, and a test checks that on thousands of rows, odd ones included.

use super::exact::Exact;
#[cfg(test)]
use super::row::{JsonRow, Pairs};
use crate::answers::{Answer, Answers, Given, from_given};
use crate::quiz::{Question, QuestionKind, Quiz};
use serde_json::Value as Json;
use std::borrow::Cow;

struct Scan<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// The next byte, after any space, if it is `byte`.
    fn eat(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    fn word(&mut self, word: &str) -> Option<()> {
        self.text[self.at..]
            .starts_with(word)
            .then(|| self.at += word.len())
    }

    /// A string without escapes or control characters, borrowed from the row.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        let bytes = self.text.as_bytes();
        let length = string_end(&bytes[start..])?;
        self.at = start + length;
        (bytes[self.at] == b'"').then_some(())?;
        self.at += 1;
        // Both ends are ASCII quotes, so the slice is on character boundaries.
        Some(&self.text[start..start + length])
    }

    /// A whole number from 0 to 10^18, written as JSON writes it (no sign, no
    /// leading zero, no fraction, no exponent).
    fn count(&mut self) -> Option<u64> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        // Most are one digit (a position on a scale): read without parsing.
        if let (Some(&digit @ b'0'..=b'9'), Some(b',' | b'}' | b']' | b' ')) =
            (bytes.get(start), bytes.get(start + 1))
        {
            self.at += 1;
            return Some(u64::from(digit - b'0'));
        }
        let length = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(bytes.len() - start);
        if length == 0 || length > 18 || (length > 1 && bytes[start] == b'0') {
            return None;
        }
        if matches!(bytes.get(start + length), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        self.at += length;
        self.text[start..self.at].parse().ok()
    }

    fn value(&mut self) -> Option<Given<'a>> {
        self.space();
        Some(match self.peek()? {
            b'"' => Given::Text(Cow::Borrowed(self.string()?)),
            b'n' => {
                self.word("null")?;
                Given::Null
            }
            b't' => {
                self.word("true")?;
                Given::Bool(true)
            }
            b'f' => {
                self.word("false")?;
                Given::Bool(false)
            }
            b'0'..=b'9' => Given::Number(self.count()?.into()),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(b']').is_none() {
                    loop {
                        items.push(Given::Text(Cow::Borrowed(self.string()?)));
                        if self.eat(b',').is_none() {
                            self.eat(b']')?;
                            break;
                        }
                    }
                }
                Given::List(items)
            }
            _ => return None,
        })
    }

    /// An answer written exactly as careerfit writes answers (see `Exact`), read
    /// straight from the text; `None`, with the place left anywhere, for any other.
    fn exact_answer(&mut self, question: &Question, exact: &Exact) -> Option<Option<Answer>> {
        self.space();
        Some(Some(match (&question.kind, self.peek()?) {
            (_, b'n') => {
                self.word("null")?;
                return Some(None);
            }
            (QuestionKind::Scale { labels, .. }, b'0'..=b'9') if exact.positions => {
                let k = self.count()?;
                (1..=labels.len() as u64).contains(&k).then_some(())?;
                Answer::Scale(k as usize)
            }
            (QuestionKind::Scale { .. }, b'"') => Answer::Scale(self.known(exact)?),
            (QuestionKind::YesNo { .. }, b't') => {
                self.word("true")?;
                Answer::YesNo(true)
            }
            (QuestionKind::YesNo { .. }, b'f') => {
                self.word("false")?;
                Answer::YesNo(false)
            }
            (QuestionKind::YesNo { .. }, b'"') => Answer::YesNo(self.known(exact)? == 1),
            (QuestionKind::Choice { .. }, b'"') => Answer::Choice(self.known(exact)?),
            (QuestionKind::Multi { options }, b'[') => {
                self.at += 1;
                let mut chosen = Vec::with_capacity(options.len());
                if self.eat(b']').is_none() {
                    loop {
                        self.space();
                        let i = self.known(exact)?;
                        if chosen.contains(&i) {
                            return None;
                        }
                        chosen.push(i);
                        if self.eat(b',').is_none() {
                            self.eat(b']')?;
                            break;
                        }
                    }
                }
                chosen.sort_unstable();
                Answer::Multi(chosen)
            }
            _ => return None,
        }))
    }

    /// One of `exact`'s texts next, in quotes: read past it, and say what it means.
    fn known(&mut self, exact: &Exact) -> Option<usize> {
        let (value, length) = exact.find_at(&self.text.as_bytes()[self.at..])?;
        self.at += length;
        Some(value)
    }

    /// An object: `member` reads each member's value, given its key.
    fn object(&mut self, mut member: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.object_with(|scan| {
            let key = scan.string()?;
            scan.eat(b':')?;
            member(scan, key)
        })
    }

    /// An object whose keys `key_and_value` reads too: up to the colon it takes the
    /// key, after it the value.
    fn object_with(
        &mut self,
        mut key_and_value: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'{')?;
        if self.eat(b'}').is_some() {
            return Some(());
        }
        loop {
            self.space();
            key_and_value(self)?;
            if self.eat(b',').is_none() {
                return self.eat(b'}');
            }
        }
    }

    /// The question's key and colon next (see `Exact::key_at`): read past them when
    /// they are there.
    fn keyed(&mut self, question: &Exact) -> bool {
        match question.key_at(&self.text.as_bytes()[self.at..]) {
            Some(n) => {
                self.at += n;
                true
            }
            None => false,
        }
    }

    /// A row: its `id`, `quiz` and `answers` (read by `answers`), each at most once
    /// and no other key; nothing after it but space.
    fn row(
        &mut self,
        mut answers: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<(Option<Json>, Option<&'a str>)> {
        let (mut id, mut quiz, mut read_answers) = (None, None, false);
        self.object(|scan, key| {
            match key {
                "id" if id.is_none() => {
                    id = Some(match scan.value()? {
                        Given::Text(id) => Json::from(id.as_ref()),
                        Given::Number(n) => Json::Number(n),
                        Given::Null => Json::Null,
                        _ => return None,
                    });
                }
                "quiz" if quiz.is_none() => quiz = Some(scan.string()?),
                "answers" if !read_answers => {
                    read_answers = true;
                    answers(scan)?;
                }
                _ => return None,
            }
            Some(())
        })?;
        self.space();
        (self.at == self.text.len() && read_answers).then_some((id, quiz))
    }
}

/// The row as `JsonRow`, when it has the usual shape. Not used to score: it lets a
/// test hold the parser of `read_checked` against serde_json on odd rows.
#[cfg(test)]
pub fn read(text: &str) -> Option<JsonRow<'_>> {
    let mut scan = Scan { text, at: 0 };
    let mut pairs = Vec::with_capacity(64);
    let (id, quiz) = scan.row(|scan| {
        scan.object(|scan, key| {
            pairs.push((Cow::Borrowed(key), scan.value()?));
            Some(())
        })
    })?;
    Some(JsonRow {
        id,
        quiz: quiz.map(Cow::Borrowed),
        answers: Some(Pairs(pairs)),
    })
}

/// A usual row whose every answer is good, read and checked in one pass: its id and
/// its answers, as `answers::check` would make them. `None` for any other row (an
/// unknown question, one answered twice or badly, a required one unanswered, another
/// quiz's row), which is then read slowly and told exactly.
pub fn read_checked(
    text: &str,
    quiz: &Quiz,
    quick: &[Exact],
    position: impl Fn(&str) -> Option<usize>,
) -> Option<(Option<Json>, Answers)> {
    let mut scan = Scan { text, at: 0 };
    let mut answers: Answers = vec![None; quiz.questions.len()];
    // Which questions the row named (on the stack: 1% of `score`'s instructions went
    // to allocating it).
    let (mut stack, mut heap) = ([false; 128], Vec::new());
    let seen = crate::scratch::places(&mut stack, &mut heap, quiz.questions.len(), false);
    let mut next = 0;
    let (id, row_quiz) = scan.row(|scan| {
        scan.object_with(|scan| {
            // The usual row names the questions in quiz order: the next is tried first,
            // compared in place, before the key is read as a string.
            // A question left out (not even null) is passed over: the one after is
            // tried too before the key is looked up.
            // The key and its colon are compared as one.
            let index = match (quick.get(next), quick.get(next + 1)) {
                (Some(q), _) if scan.keyed(q) => next,
                (_, Some(q)) if scan.keyed(q) => next + 1,
                _ => {
                    let index = position(scan.string()?)?;
                    scan.eat(b':')?;
                    index
                }
            };
            next = index + 1;
            if std::mem::replace(&mut seen[index], true) {
                return None;
            }
            let question = &quiz.questions[index];
            let start = scan.at;
            answers[index] = match scan.exact_answer(question, &quick[index]) {
                Some(answer) => answer,
                None => {
                    // Not written exactly: read the value again, as `from_given` takes it.
                    scan.at = start;
                    from_given(question, &scan.value()?).ok()?
                }
            };
            Some(())
        })
    })?;
    if row_quiz.is_some_and(|q| q != quiz.id) {
        return None;
    }
    let unanswered_required = quiz
        .questions
        .iter()
        .zip(&answers)
        .any(|(q, a)| q.required && a.is_none());
    (!unanswered_required).then_some((id, answers))
}

/// Where a string's text ends: the first quote, backslash or control character,
/// looked for eight bytes at a time.
fn string_end(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` is zero: the classic test, exact for the lowest such byte.
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
        let found = zero(word ^ (ONES * u64::from(b'"')))
            | zero(word ^ (ONES * u64::from(b'\\')))
            // Bytes below 0x20 (whose high bit is clear, so not part of a UTF-8 sequence).
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGHS);
        if found != 0 {
            // The lowest flagged byte is exact (a false flag only ever sits above a
            // true one), and on little-endian bytes it is the first in the text.
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|n| at + n)
}

#[cfg(test)]
mod agrees;

#[cfg(test)]
mod tests {
    use super::string_end;

    #[test]
    fn a_string_ends_at_a_quote_a_backslash_or_a_control_character() {
        assert_eq!(string_end(b"abc\"rest"), Some(3));
        assert_eq!(string_end(b"abcdefghijklmnop\"rest"), Some(16));
        assert_eq!(string_end(b"abcdefgh\\ijk\""), Some(8));
        assert_eq!(string_end(b"Stro\xc3\xa9ngly agree\""), Some(16));
        assert_eq!(string_end(b"abcdefghij\tk\""), Some(10));
        assert_eq!(string_end(b"\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\""), Some(8));
        assert_eq!(string_end(b"no end at all"), None);
        for n in 0..20 {
            let mut text = vec![b'x'; n];
            text.push(b'"');
            assert_eq!(string_end(&text), Some(n));
        }
    }
}
