//! The command layer: one file per command, each reading its inputs, calling the
//! domain modules and handing what they give to a report. (The older commands still
//! live in `app.rs`.)

pub mod analyze;
