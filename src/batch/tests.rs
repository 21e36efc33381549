//! The scoring pool's own failures: a writer that cannot write, a pool that cannot start.

use super::*;

/// A writer that always fails, as stderr on a full disk does.
struct Full;

impl Write for Full {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn options(jobs: usize) -> Options {
    Options {
        input: rows::Input {
            format: rows::Format::Jsonl,
            delimiter: None,
            id_column: None,
            stream: false,
        },
        output: Output::Compact,
        strict: false,
        jobs,
        completed_at: "2026-11-25T00:00:00Z".to_string(),
    }
}

#[test]
fn a_failure_to_tell_a_bad_row_is_the_messages_not_the_results() {
    let quiz = crate::fixtures::small();
    let rows = "{\"id\": \"a\", \"answers\": {\"q-required\": 2}}\nnot json\n";
    for jobs in [1, 2] {
        let mut out = Vec::new();
        let input = Box::new(std::io::Cursor::new(rows.as_bytes().to_vec()));
        let result = run(&quiz, "rows", input, &mut out, &mut Full, &options(jobs));
        assert!(
            matches!(result, Err(ScoreError::Messages(_))),
            "jobs {jobs}: {:?}",
            result.err()
        );
    }
}

#[test]
fn a_failure_to_write_the_results_is_the_outputs() {
    let quiz = crate::fixtures::small();
    let rows = "{\"id\": \"a\", \"answers\": {\"q-required\": 2}}\n";
    let input = Box::new(std::io::Cursor::new(rows.as_bytes().to_vec()));
    let result = run(
        &quiz,
        "rows",
        input,
        &mut Full,
        &mut Vec::new(),
        &options(1),
    );
    assert!(
        matches!(result, Err(ScoreError::Output(_))),
        "{:?}",
        result.err()
    );
}
