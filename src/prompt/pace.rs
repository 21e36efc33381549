//! How fast the answers came: answers given faster than a question can be read say
//! little about the person. Timed by the interactive quiz only.
//!
//! The rule: an answer is too fast when it came in less time than reading its
//! question at `WORDS_PER_SECOND` takes (480 words a minute, a fast skim; careful
//! reading is nearer 4 words a second), and never less than `MIN_SECONDS`. When at
//! least `MIN_TIMED` answers were timed and more than half of them were too fast, the
//! result carries warning `too_fast`, which makes confidence low.

use crate::trust::Warning;
use std::time::Duration;

pub const WORDS_PER_SECOND: f64 = 8.0;
pub const MIN_SECONDS: f64 = 1.0;
pub const MIN_TIMED: usize = 10;

/// The least time a person needs to read a question of `text`.
pub fn reading_time(text: &str) -> Duration {
    let words = text.split_whitespace().count() as f64;
    Duration::from_secs_f64((words / WORDS_PER_SECOND).max(MIN_SECONDS))
}

/// The answers' times, each with its question's reading time.
#[derive(Debug, Default, Clone)]
pub struct Pace {
    timed: Vec<(Duration, Duration)>,
}

impl Pace {
    /// An answer to a question of `text` that took `took`.
    pub fn record(&mut self, text: &str, took: Duration) {
        self.timed.push((took, reading_time(text)));
    }

    /// Warning `too_fast` when more than half of at least `MIN_TIMED` answers came
    /// faster than their question can be read.
    pub fn warning(&self) -> Option<Warning> {
        let fast = self.timed.iter().filter(|(took, need)| took < need).count();
        let timed = self.timed.len();
        (timed >= MIN_TIMED && fast * 2 > timed).then(|| {
            Warning::new(
                "too_fast",
                format!(
                    "{fast} of your {timed} answers came faster than the question can be \
                     read (at {WORDS_PER_SECOND} words a second, {MIN_SECONDS} second at \
                     least). Answers given without reading say little about you, so this \
                     result cannot be trusted."
                ),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "I would enjoy going through documents to see whether anything is missing.";

    #[test]
    fn reading_time_is_the_words_at_eight_a_second_and_one_second_at_least() {
        // 12 words: 1.5 s.
        assert_eq!(reading_time(TEXT), Duration::from_millis(1500));
        assert_eq!(reading_time("Short?"), Duration::from_secs(1));
    }

    #[test]
    fn more_than_half_too_fast_of_ten_or_more_is_said() {
        let mut pace = Pace::default();
        for _ in 0..5 {
            pace.record(TEXT, Duration::from_millis(300));
            pace.record(TEXT, Duration::from_secs(4));
        }
        assert_eq!(pace.warning(), None, "half is not more than half");
        pace.record(TEXT, Duration::from_millis(1499));
        let warning = pace.warning().expect("6 of 11 too fast");
        assert_eq!(warning.code, "too_fast");
        assert!(
            warning.message.starts_with("6 of your 11 answers"),
            "{}",
            warning.message
        );
        let mut few = Pace::default();
        for _ in 0..9 {
            few.record(TEXT, Duration::ZERO);
        }
        assert_eq!(few.warning(), None, "nine answers are too few to judge");
    }
}
