//! careerfit: weighted self-assessment quizzes scored against career pathway profiles.
//!
//! Data flows one way: file -> quiz -> answers -> scores -> result -> report.

pub mod analysis;
pub mod answers;
pub mod batch;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod diagnostic;
pub mod error;
pub mod explain;
#[cfg(test)]
mod fixtures;
pub mod input;
pub mod interrupt;
pub mod private_file;
pub mod progress;
pub mod prompt;
pub mod quiz;
pub mod report;
pub mod result;
pub mod rng;
pub mod saved;
pub mod scoring;
pub mod text;
pub mod trust;
