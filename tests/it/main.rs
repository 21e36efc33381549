//! The integration tests, one binary: each module was a file of its own (and so a
//! binary linking tokio, axum and rusqlite); together they link once. Helpers are in
//! `common`, fixtures in tests/fixtures/, snapshots in tests/it/snapshots/, proptest's
//! kept failures in tests/proptest-regressions/.

mod common;

mod analysis_laws;
mod analysis_table;
mod analyze;
mod architecture;
mod class_view;
mod cli;
mod compare;
mod compare_heads;
mod explain;
mod first_hour;
mod forced_choice;
mod form_command;
mod form_exports;
mod him_instrument;
mod him_quiz;
mod hostile;
mod markdown;
mod mutations;
mod no_silent_wait;
mod properties;
mod quiz_ids;
mod raw_characters;
mod readme;
mod real_respondents;
mod report;
mod schema;
mod score;
mod score_results;
mod serve;
mod serve_hardening;
mod take;
mod talk;
mod terminal;
mod terminal_spanish;
mod threads;
mod translations;
mod validate;
mod workbooks;
