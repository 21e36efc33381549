//! A stream (a pipe, a terminal) read on a thread of its own. The scorers read the
//! rows themselves, so that each chunk lands in the cache of the core that scores it;
//! but a read from a stream may wait for ever, and a run that stops early (`--strict`,
//! a closed output) must not wait with it. So a stream is read here, a block at a
//! time, and the scorers take the blocks; once the run has stopped they take an end
//! of input instead, and this thread is left behind, blocked in its read, to end with
//! the process.

use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::Duration;

/// How much of the stream one read takes.
const BLOCK: usize = 64 * 1024;
/// Blocks read ahead of the scorers.
const BLOCKS_WAITING: usize = 4;
/// How often a reader waiting for a block looks whether the run has stopped.
const LOOK: Duration = Duration::from_millis(20);

/// The stream's bytes, as its thread reads them.
pub struct Pumped {
    blocks: Receiver<io::Result<Vec<u8>>>,
    block: Vec<u8>,
    at: usize,
    stopped: Arc<AtomicBool>,
}

/// Start reading `input` on a thread of its own. Once `stopped` is set, every read
/// of `Pumped` that would wait sees the end of the input instead. Fails when the
/// thread cannot be started.
pub fn pump(mut input: Box<dyn Read + Send>, stopped: Arc<AtomicBool>) -> io::Result<Pumped> {
    let (sender, blocks) = sync_channel(BLOCKS_WAITING);
    std::thread::Builder::new()
        .name("careerfit-stream".into())
        .spawn(move || {
            loop {
                let mut block = vec![0; BLOCK];
                let read = match input.read(&mut block) {
                    Ok(0) => return,
                    Ok(n) => {
                        block.truncate(n);
                        Ok(block)
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => Err(e),
                };
                let failed = read.is_err();
                if sender.send(read).is_err() || failed {
                    return;
                }
            }
        })?;
    Ok(Pumped {
        blocks,
        block: Vec::new(),
        at: 0,
        stopped,
    })
}

impl Read for Pumped {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.block.len() {
            match self.blocks.recv_timeout(LOOK) {
                Ok(block) => {
                    self.block = block?;
                    self.at = 0;
                }
                Err(RecvTimeoutError::Timeout) if !self.stopped.load(Ordering::Relaxed) => {}
                // Stopped, or the stream has ended.
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.block.len() - self.at);
        buf[..n].copy_from_slice(&self.block[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pumped_stream_reads_as_the_stream_does() {
        let text: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut pumped = pump(Box::new(io::Cursor::new(text.clone())), Arc::default()).unwrap();
        let mut read = Vec::new();
        pumped.read_to_end(&mut read).unwrap();
        assert_eq!(read, text);
    }

    /// A reader that gives a little, then waits for ever, as a quiet pipe does.
    struct Quiet(bool);

    impl Read for Quiet {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if std::mem::replace(&mut self.0, true) {
                loop {
                    std::thread::park();
                }
            }
            buf[..3].copy_from_slice(b"abc");
            Ok(3)
        }
    }

    #[test]
    fn a_stream_ends_instead_of_waiting_once_the_run_has_stopped() {
        let stopped = Arc::new(AtomicBool::new(false));
        let mut pumped = pump(Box::new(Quiet(false)), Arc::clone(&stopped)).unwrap();
        let mut buf = [0; 8];
        assert_eq!(pumped.read(&mut buf).unwrap(), 3);
        stopped.store(true, Ordering::Relaxed);
        assert_eq!(pumped.read(&mut buf).unwrap(), 0);
    }

    #[test]
    fn a_failed_read_is_told() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("the disk is gone"))
            }
        }
        let mut pumped = pump(Box::new(Failing), Arc::default()).unwrap();
        let error = pumped.read(&mut [0; 8]).unwrap_err();
        assert_eq!(error.to_string(), "the disk is gone");
    }
}
