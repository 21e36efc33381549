//! The connections `serve` holds: at most so many from one address (an IPv6 /64
//! counts as one) and so many in all, below the file limit (raised to the hard limit
//! at start). A connection over a cap is closed at once; one that sends nothing for
//! a while is closed, and HTTP/1 headers must arrive within 10 s.

use super::security::address_group;
use std::collections::HashMap;
use std::future::{Future, Ready, ready};
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// A request's headers must all have come this long after the connection was
/// opened, or after the previous reply on it (so it is also HTTP/1's keep-alive
/// idle time).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// A connection that sends and receives nothing this long is closed (HTTP/2's, and a
/// TLS handshake's, idle time; a page takes milliseconds).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// Connections from one address group at once, unless `--max-connections-per-address`
/// says otherwise. A browser holds 1 to 6 (2 while a page and its style sheet load),
/// and a class behind one school router shares the address: 1,000 is 200 students
/// with room to spare, and far below the total the file limit allows.
pub const PER_ADDRESS: usize = 1000;
/// File descriptors kept back from connections: the database, its WAL, the log, the
/// listener, and the runtime's own.
const RESERVED_FILES: u64 = 64;
/// Connections at once, whatever the file limit: memory stays bounded.
const MOST_CONNECTIONS: u64 = 16_384;

/// Raise the soft limit on open files to the hard one, and give the number of
/// connections to take at once: the limit less what the server needs besides.
pub fn raise_file_limit() -> (u64, usize) {
    let limit = rlimit::increase_nofile_limit(u64::MAX)
        .or_else(|_| rlimit::Resource::NOFILE.get().map(|(soft, _)| soft))
        .unwrap_or(1024);
    let connections = limit
        .saturating_sub(RESERVED_FILES)
        .clamp(16, MOST_CONNECTIONS);
    (limit, connections as usize)
}

/// The HTTP settings: HTTP/1 headers within `HEADER_TIMEOUT`; HTTP/2 pings an idle
/// peer, and a peer that does not answer is dropped.
pub fn configure(
    builder: &mut hyper_util::server::conn::auto::Builder<hyper_util::rt::TokioExecutor>,
) {
    builder
        .http1()
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT);
    builder
        .http2()
        .timer(hyper_util::rt::TokioTimer::new())
        .keep_alive_interval(Some(Duration::from_secs(20)))
        .keep_alive_timeout(Duration::from_secs(10))
        .max_concurrent_streams(64);
}

/// Admits connections within the caps; see `Accept`.
#[derive(Clone)]
pub struct Gate {
    counts: Arc<Counts>,
}

struct Counts {
    per_address: usize,
    total: usize,
    open: Mutex<Open>,
    /// Connections closed at once for being over a cap, since the last `take_refused`.
    refused: AtomicUsize,
}

#[derive(Default)]
struct Open {
    by_group: HashMap<IpAddr, usize>,
    all: usize,
}

/// A place taken within the caps, given back when the connection closes.
struct Admitted {
    counts: Arc<Counts>,
    group: IpAddr,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut open = self.counts.open.lock().unwrap_or_else(|p| p.into_inner());
        open.all -= 1;
        if let Some(n) = open.by_group.get_mut(&self.group) {
            *n -= 1;
            if *n == 0 {
                open.by_group.remove(&self.group);
            }
        }
    }
}

impl Gate {
    pub fn new(per_address: usize, total: usize) -> Gate {
        Gate {
            counts: Arc::new(Counts {
                per_address,
                total,
                open: Mutex::new(Open::default()),
                refused: AtomicUsize::new(0),
            }),
        }
    }

    fn admit(&self, peer: IpAddr) -> Option<Admitted> {
        let group = address_group(peer);
        let mut open = self.counts.open.lock().unwrap_or_else(|p| p.into_inner());
        let from_group = open.by_group.get(&group).copied().unwrap_or(0);
        if open.all >= self.counts.total || from_group >= self.counts.per_address {
            self.counts.refused.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        open.all += 1;
        *open.by_group.entry(group).or_insert(0) += 1;
        Some(Admitted {
            counts: Arc::clone(&self.counts),
            group,
        })
    }

    /// Connections refused since the last call.
    pub fn take_refused(&self) -> usize {
        self.counts.refused.swap(0, Ordering::Relaxed)
    }
}

/// Over a cap, the connection is dropped here, which closes it: it takes no task,
/// no buffer and no place from the others.
impl<S> axum_server::accept::Accept<TcpStream, S> for Gate {
    type Stream = Held;
    type Service = S;
    type Future = Ready<io::Result<(Held, S)>>;

    fn accept(&self, stream: TcpStream, service: S) -> Self::Future {
        let admitted = stream
            .peer_addr()
            .ok()
            .and_then(|peer| self.admit(peer.ip()));
        ready(match admitted {
            Some(admitted) => {
                let _ = stream.set_nodelay(true);
                Ok((Held::new(stream, admitted), service))
            }
            None => Err(io::Error::other("over the connection cap")),
        })
    }
}

/// An admitted connection: its place in the caps, and its idle clock, which every
/// byte read or written sets back.
pub struct Held {
    stream: TcpStream,
    idle: Pin<Box<tokio::time::Sleep>>,
    _admitted: Admitted,
}

impl Held {
    fn new(stream: TcpStream, admitted: Admitted) -> Held {
        Held {
            stream,
            idle: Box::pin(tokio::time::sleep(IDLE_TIMEOUT)),
            _admitted: admitted,
        }
    }

    fn busy(&mut self) {
        self.idle
            .as_mut()
            .reset(tokio::time::Instant::now() + IDLE_TIMEOUT);
    }
}

impl AsyncRead for Held {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Ready(read) => {
                if buf.filled().len() > before {
                    this.busy();
                }
                Poll::Ready(read)
            }
            Poll::Pending if this.idle.as_mut().poll(cx).is_ready() => Poll::Ready(Err(
                io::Error::new(io::ErrorKind::TimedOut, "the connection was idle"),
            )),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncWrite for Held {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let written = Pin::new(&mut this.stream).poll_write(cx, buf);
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            this.busy();
        }
        written
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let written = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            this.busy();
        }
        written
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_held_to_its_cap_and_the_whole_to_the_total() {
        let gate = Gate::new(2, 3);
        let a = IpAddr::from([10, 0, 0, 1]);
        let b = IpAddr::from([10, 0, 0, 2]);
        let first = gate.admit(a).unwrap();
        let _second = gate.admit(a).unwrap();
        assert!(gate.admit(a).is_none(), "a third from one address");
        let _other = gate.admit(b).unwrap();
        assert!(gate.admit(b).is_none(), "over the total");
        assert_eq!(gate.take_refused(), 2);
        // A closed connection gives its place back.
        drop(first);
        assert!(gate.admit(a).is_some());
    }
}
