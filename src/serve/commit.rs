//! Group commit: every change a request makes is committed (with `synchronous=FULL`,
//! written through to the disk) before its reply, and changes that arrive while the
//! last commit is being written share the next one. A class sending pages at the
//! same moment then waits for one disk write, not one each: on this project's
//! build machine a write through to the disk takes about 4 ms, so 200 pages in turn
//! would take 800 ms, and together take one.
//!
//! Each change runs in a savepoint of its own, so one that fails leaves the others
//! in the batch whole; its caller hears of it.
//!
//! Before each commit the database's path must still name the file that was
//! opened (device and inode): one removed or replaced under the server would take
//! the commits to a file no one will open again, so from then on every change is
//! refused, and counted for the stop message.

use super::store::{FileIdentity, Store, StoreError};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

/// Told whether the commit it was part of reached the disk.
type Deliver = Box<dyn FnOnce(Result<(), String>) + Send>;
/// A change: run in the shared transaction (given the store), it gives what will
/// deliver its outcome once the commit is done. Given none, it is refused.
type Job = Box<dyn FnOnce(Option<&mut Store>) -> Deliver + Send>;

/// The most changes one commit takes; more wait for the next.
const MAX_BATCH: usize = 512;

/// Sends changes to the thread that commits them.
#[derive(Clone)]
pub struct Committer {
    jobs: Sender<Job>,
    refused: Arc<AtomicUsize>,
}

impl Committer {
    /// The committing thread, for the store shared with the readers, whose file is
    /// `file`. It ends when every `Committer` is dropped, letting go of the store;
    /// join it to know.
    pub fn start(
        store: Arc<Mutex<Store>>,
        file: FileIdentity,
    ) -> std::io::Result<(Committer, std::thread::JoinHandle<()>)> {
        let (jobs, queue) = channel();
        let refused = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&refused);
        let thread = std::thread::Builder::new()
            .name("careerfit-commit".into())
            .spawn(move || commit_batches(&store, &queue, &file, &counted))?;
        Ok((Committer { jobs, refused }, thread))
    }

    /// Changes refused because the database file was removed or replaced.
    pub fn refused(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.refused)
    }

    /// Make a change and wait until it is on the disk.
    pub async fn write<T: Send + 'static>(
        &self,
        change: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (reply, replied) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |store| {
            let outcome = match store {
                Some(store) => store.atomically(change),
                None => Err(StoreError::Commit(
                    "the database file was removed or replaced while the server ran, so \
                     nothing can be saved any more"
                        .into(),
                )),
            };
            Box::new(move |committed: Result<(), String>| {
                let outcome = match (outcome, committed) {
                    (Ok(value), Ok(())) => Ok(value),
                    (Err(e), _) => Err(e),
                    (Ok(_), Err(e)) => Err(StoreError::Commit(e)),
                };
                let _ = reply.send(outcome);
            })
        });
        let gone = || StoreError::Commit("the committing thread has stopped".into());
        self.jobs.send(job).map_err(|_| gone())?;
        replied.await.map_err(|_| gone())?
    }
}

fn commit_batches(
    store: &Mutex<Store>,
    queue: &Receiver<Job>,
    file: &FileIdentity,
    refused: &AtomicUsize,
) {
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let mut store = store.lock().unwrap_or_else(|p| p.into_inner());
        if !file.is_still_there() {
            if refused.fetch_add(batch.len(), Ordering::Relaxed) == 0 {
                tracing::error!(
                    "{} was removed or replaced while the server ran: every change is \
                     refused from now on (the student sees \"Not saved\"); stop the \
                     server, which copies what it has beside that path, and start again \
                     on the copy",
                    file.path.display()
                );
            }
            drop(store);
            for job in batch {
                job(None)(Ok(()));
            }
            continue;
        }
        // Without the shared transaction (it could not begin), each change's
        // savepoint is a transaction of its own, committed as it ends.
        let shared = store.begin_shared().is_ok();
        let delivers: Vec<Deliver> = batch.into_iter().map(|job| job(Some(&mut store))).collect();
        let committed = if shared {
            store.end_shared().map_err(|e| e.to_string())
        } else {
            Ok(())
        };
        if let Err(e) = store.checkpoint_if_due() {
            tracing::error!("a deleted student may still be in the database's WAL: {e}");
        }
        drop(store);
        for deliver in delivers {
            deliver(committed.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn changes_sent_together_are_all_kept_but_the_one_that_fails() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("class.sqlite3");
        let store = Store::open(&path, "q").unwrap();
        let file = store.identity().unwrap();
        let store = Arc::new(Mutex::new(store));
        let (committer, thread) = Committer::start(Arc::clone(&store), file).unwrap();
        let writes = (0..100).map(|i| {
            let committer = committer.clone();
            // Student 50 reuses student 0's code, which must be unique.
            let code = if i == 50 { 0 } else { i };
            tokio::spawn(async move {
                committer
                    .write(move |s| s.start(&format!("s{i}"), &format!("c{code}"), "f", "", "now"))
                    .await
            })
        });
        let mut failed = Vec::new();
        for (i, write) in writes.collect::<Vec<_>>().into_iter().enumerate() {
            if write.await.unwrap().is_err() {
                failed.push(i);
            }
        }
        // Student 0 or 50, whichever came second.
        assert_eq!(failed.len(), 1, "{failed:?}");
        drop(committer);
        let kept = store.lock().unwrap().students().unwrap().len();
        assert_eq!(kept, 99);
        // What was acknowledged is on the disk: a new connection finds it.
        drop(store);
        thread.join().unwrap();
        let reopened = Store::open(&path, "q").unwrap();
        assert_eq!(reopened.students().unwrap().len(), 99);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn nothing_is_acknowledged_once_the_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("class.sqlite3");
        let store = Store::open(&path, "q").unwrap();
        let file = store.identity().unwrap();
        let store = Arc::new(Mutex::new(store));
        let (committer, _thread) = Committer::start(Arc::clone(&store), file).unwrap();
        let start = |i: usize| {
            let committer = committer.clone();
            async move {
                committer
                    .write(move |s| s.start(&format!("s{i}"), &format!("c{i}"), "f", "", "now"))
                    .await
            }
        };
        assert!(start(0).await.is_ok());
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, b"").unwrap();
        assert!(matches!(start(1).await, Err(StoreError::Commit(_))));
        assert_eq!(committer.refused().load(Ordering::Relaxed), 1);
    }
}
