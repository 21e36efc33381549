//! careerfit: weighted self-assessment quizzes scored against career pathway profiles.
//!
//! Data flows one way: file -> quiz -> answers -> scores -> result -> report.

/// `eprintln!` that never panics: a message for the person on stderr, dropped when
/// stderr is full or closed, since no message is worth a panic (or a signal's
/// handler never reaching its exit). Every message careerfit prints goes this way.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod analysis;
pub mod answers;
pub mod batch;
pub mod cli;
pub mod commands;
pub(crate) mod compare;
pub(crate) mod diagnostic;
pub mod error;
pub mod explain;
#[cfg(test)]
mod fixtures;
pub(crate) mod input;
pub mod interrupt;
pub mod json;
pub mod locale;
pub(crate) mod private_file;
pub(crate) mod prompt;
pub mod quiz;
pub(crate) mod report;
pub(crate) mod result;
pub(crate) mod resume_state;
pub mod rng;
pub mod rows;
/// Made-up respondents, for tests and benchmarks: not in the shipped binary.
#[cfg(any(test, feature = "sample"))]
pub mod sample;
pub(crate) mod saved;
pub mod scoring;
pub(crate) mod scratch;
pub mod serve;
pub(crate) mod text;
pub mod trust;
pub mod verdict;
