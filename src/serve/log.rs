//! What `serve` writes on stderr while it runs (the request log, its warnings, the
//! stop message) goes through one bounded queue to a thread of its own. A stderr
//! nobody reads (a paused terminal, `2>&1 | less` at its first screen) then drops
//! lines instead of stopping the server; the stop message says how many.

use std::io::Write as _;
use tracing_appender::non_blocking::{NonBlocking, NonBlockingBuilder, WorkerGuard};

/// Lines waiting to be written before new ones are dropped: about 2 MB.
const QUEUE_LINES: usize = 10_000;

pub struct Log {
    writer: NonBlocking,
    guard: WorkerGuard,
}

impl Log {
    /// Start the writing thread, and log requests through it, a line each, in colour
    /// as `--color` says.
    pub fn start(colour: bool) -> Log {
        let (writer, guard) = NonBlockingBuilder::default()
            .lossy(true)
            .buffered_lines_limit(QUEUE_LINES)
            .thread_name("careerfit-log")
            .finish(std::io::stderr());
        let _ = tracing_subscriber::fmt()
            .with_writer(writer.clone())
            .with_ansi(colour)
            .with_target(false)
            .try_init();
        Log { writer, guard }
    }

    /// A line as it is, after the log lines before it.
    pub fn say(&self, line: &str) {
        let mut writer = self.writer.clone();
        let _ = writer.write_all(format!("{line}\n").as_bytes());
    }

    /// Lines dropped so far because stderr was not read.
    pub fn dropped(&self) -> usize {
        self.writer.error_counter().dropped_lines()
    }

    /// Write what is queued, and wait for it a second at most. When stderr is not
    /// being read at all (the last lines were dropped), nothing is waited for.
    pub fn finish(self, last_lines_dropped: bool) {
        if last_lines_dropped {
            // Its drop would wait for a writer that cannot write.
            std::mem::forget(self.guard);
        } else {
            drop(self.guard);
        }
    }
}
