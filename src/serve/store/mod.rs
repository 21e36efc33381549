//! Where `serve` keeps the class: one SQLite file (WAL, `synchronous=FULL`, mode
//! 0600), held by one server at a time, its schema versioned and migrated on start.
//! Every change is one transaction, committed before the server answers. Deleted
//! rows are overwritten (`secure_delete`), and the log of changes is emptied into
//! the file after a delete, so a deleted student is gone from its bytes.

use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

mod schema;
use schema::SCHEMA_VERSION;

/// A student's session (their browser's cookie) works this long after it was given,
/// at the start or a resume; then the personal code takes them back in. The cookie's
/// Max-Age says the same to the browser; this holds for a copied cookie too.
pub const SESSION_LIFE_SECONDS: i64 = 12 * 60 * 60;

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{}: another `careerfit serve` is using this file; stop it first, or give \
         --db another file",
        .0.display()
    )]
    InUse(PathBuf),
    #[error(
        "{}: this file keeps answers to quiz `{found}`, not `{wanted}`; give --db \
         another file for this quiz",
        .path.display()
    )]
    OtherQuiz {
        path: PathBuf,
        found: String,
        wanted: String,
    },
    #[error(
        "{}: this file was written by a newer careerfit (schema {found}, this one \
         reads up to {SCHEMA_VERSION}); use that version",
        .path.display()
    )]
    Newer { path: PathBuf, found: i64 },
    #[error("{}: {source}", .path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("the answers could not be saved: {0}")]
    Commit(String),
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A student as the pages need them.
#[derive(Debug, Clone, PartialEq)]
pub struct Student {
    pub id: i64,
    pub code: String,
    pub form_token: String,
    pub name: String,
    /// The page they were last on (1-based).
    pub page: usize,
    pub result_key: Option<String>,
}

/// A row of the advisor's list.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub id: i64,
    pub name: String,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub answered: usize,
    pub result: Option<String>,
    pub result_key: Option<String>,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// A delete since the last checkpoint: its rows may still be in the WAL.
    checkpoint_due: std::cell::Cell<bool>,
}

/// The file a store opened, by device and inode: a file removed or put in its place
/// while the server runs is not the one its commits go to.
#[derive(Clone, Debug)]
pub struct FileIdentity {
    pub path: PathBuf,
    device: u64,
    inode: u64,
}

impl FileIdentity {
    fn of(path: &Path) -> std::io::Result<FileIdentity> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path)?;
        Ok(FileIdentity {
            path: path.to_path_buf(),
            device: meta.dev(),
            inode: meta.ino(),
        })
    }

    /// Whether the path still names the file that was opened.
    pub fn is_still_there(&self) -> bool {
        FileIdentity::of(&self.path)
            .is_ok_and(|now| now.device == self.device && now.inode == self.inode)
    }
}

impl Store {
    /// Open (or create) the file for quiz `quiz`: mode 0600, WAL, synchronous=FULL,
    /// locked for this process alone, migrated to this build's schema.
    pub fn open(path: &Path, quiz: &str) -> Result<Store, StoreError> {
        let sqlite = |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        create_private(path)?;
        let conn = Connection::open(path).map_err(sqlite)?;
        // Held from the first write until the connection closes: a second server on
        // the same file is refused, not interleaved. (In exclusive mode WAL needs no
        // shared memory, so the lock is the file's own.)
        conn.busy_timeout(std::time::Duration::ZERO)
            .map_err(sqlite)?;
        let in_use = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::InUse(path.to_path_buf())
            }
            _ => sqlite(e),
        };
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(in_use)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(in_use)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(in_use)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(in_use)?;
        conn.pragma_update(None, "secure_delete", "ON")
            .map_err(in_use)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            checkpoint_due: std::cell::Cell::new(false),
        };
        store.migrate(quiz).map_err(|e| match e {
            StoreError::Sqlite { source, .. } => in_use(source),
            other => other,
        })?;
        Ok(store)
    }

    /// The file as it is now, to compare with later (see `FileIdentity`).
    pub fn identity(&self) -> Result<FileIdentity, StoreError> {
        FileIdentity::of(&self.path).map_err(|source| StoreError::Io {
            path: self.path.clone(),
            source,
        })
    }

    fn sqlite(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    pub fn is_open(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row("SELECT open FROM class WHERE id = 1", [], |r| r.get(0))
            .map_err(|e| self.sqlite(e))
    }

    pub fn set_open(&self, open: bool) -> Result<(), StoreError> {
        self.conn
            .execute("UPDATE class SET open = ?1 WHERE id = 1", [open])
            .map(drop)
            .map_err(|e| self.sqlite(e))
    }

    /// A new student, with their secrets made by the caller.
    pub fn start(
        &self,
        session: &str,
        code: &str,
        form_token: &str,
        name: &str,
        now: &str,
    ) -> Result<Student, StoreError> {
        self.conn
            .execute(
                "INSERT INTO students (session, code, form_token, name, started_at, session_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![session, code, form_token, name, now, unix_now()],
            )
            .map_err(|e| self.sqlite(e))?;
        Ok(Student {
            id: self.conn.last_insert_rowid(),
            code: code.to_string(),
            form_token: form_token.to_string(),
            name: name.to_string(),
            page: 1,
            result_key: None,
        })
    }

    /// The student whose `column` is `value`, of those whose session was given at
    /// `given_since` or later.
    fn student_where(
        &self,
        column: &str,
        value: &str,
        given_since: i64,
    ) -> Result<Option<Student>, StoreError> {
        self.conn
            .query_row(
                &format!(
                    "SELECT id, code, form_token, name, page, result_key FROM students \
                     WHERE {column} = ?1 AND coalesce(session_at, 0) >= ?2"
                ),
                params![value, given_since],
                |r| {
                    Ok(Student {
                        id: r.get(0)?,
                        code: r.get(1)?,
                        form_token: r.get(2)?,
                        name: r.get(3)?,
                        page: r.get::<_, i64>(4)?.max(1) as usize,
                        result_key: r.get(5)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.sqlite(e))
    }

    /// The student whose browser holds this session cookie, within its life.
    pub fn by_session(&self, session: &str) -> Result<Option<Student>, StoreError> {
        self.student_where("session", session, unix_now() - SESSION_LIFE_SECONDS)
    }

    /// The student with this personal code; their browser gets `session` from now on.
    pub fn resume(&self, code: &str, session: &str) -> Result<Option<Student>, StoreError> {
        let Some(student) = self.student_where("code", code, i64::MIN)? else {
            return Ok(None);
        };
        self.conn
            .execute(
                "UPDATE students SET session = ?1, session_at = ?3 WHERE id = ?2",
                params![session, student.id, unix_now()],
            )
            .map_err(|e| self.sqlite(e))?;
        Ok(Some(student))
    }

    /// Every answer a student has given, as (question id, JSON value).
    pub fn answers(&self, student: i64) -> Result<Vec<(String, String)>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT question, value FROM answers WHERE student = ?1")
            .map_err(|e| self.sqlite(e))?;
        let rows = statement
            .query_map([student], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.sqlite(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sqlite(e))
    }

    /// A page's answers replace what the student gave on it before, all or none;
    /// `page` is where they go next.
    pub fn save_page(
        &mut self,
        student: i64,
        answers: &[(&str, Option<String>)],
        page: usize,
    ) -> Result<(), StoreError> {
        self.atomically(|store| {
            let e = |source| store.sqlite(source);
            let mut delete = store
                .conn
                .prepare_cached("DELETE FROM answers WHERE student = ?1 AND question = ?2")
                .map_err(e)?;
            let mut insert = store
                .conn
                .prepare_cached(
                    "INSERT INTO answers (student, question, value) VALUES (?1, ?2, ?3)",
                )
                .map_err(e)?;
            for (question, value) in answers {
                delete.execute(params![student, question]).map_err(e)?;
                if let Some(value) = value {
                    insert
                        .execute(params![student, question, value])
                        .map_err(e)?;
                }
            }
            store
                .conn
                .execute(
                    "UPDATE students SET page = ?1 WHERE id = ?2",
                    params![page as i64, student],
                )
                .map_err(e)?;
            Ok(())
        })
    }

    /// Run `f` all or nothing: in a savepoint, which nests inside a transaction the
    /// caller holds (see `commit`), or is a transaction of its own when there is none.
    pub fn atomically<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.conn
            .execute_batch("SAVEPOINT atomically")
            .map_err(|e| self.sqlite(e))?;
        let outcome = f(self);
        let end = match outcome {
            Ok(_) => "RELEASE atomically",
            Err(_) => "ROLLBACK TO atomically; RELEASE atomically",
        };
        self.conn.execute_batch(end).map_err(|e| self.sqlite(e))?;
        outcome
    }

    /// Begin a transaction that several changes share, committed together by
    /// `end_shared` with one write to the disk.
    pub fn begin_shared(&self) -> Result<(), StoreError> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.sqlite(e))
    }

    /// Commit what `begin_shared` began; on failure nothing of it is kept.
    pub fn end_shared(&self) -> Result<(), StoreError> {
        self.conn.execute_batch("COMMIT").map_err(|e| {
            let _ = self.conn.execute_batch("ROLLBACK");
            self.sqlite(e)
        })
    }

    /// The student's result, kept as it was at the end.
    pub fn finish(
        &self,
        student: i64,
        key: &str,
        result: &str,
        now: &str,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE students SET finished_at = ?1, result_key = ?2, result = ?3 \
                 WHERE id = ?4 AND result_key IS NULL",
                params![now, key, result, student],
            )
            .map(drop)
            .map_err(|e| self.sqlite(e))
    }

    /// A finished result by its key: (student id, the result's JSON).
    pub fn result(&self, key: &str) -> Result<Option<(i64, String)>, StoreError> {
        self.conn
            .query_row(
                "SELECT id, result FROM students WHERE result_key = ?1 AND result IS NOT NULL",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sqlite(e))
    }

    /// Every student, first started first, with how many questions they answered.
    pub fn students(&self) -> Result<Vec<Listed>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.name, s.started_at, s.finished_at, \
                 (SELECT count(*) FROM answers a WHERE a.student = s.id), s.result, s.result_key \
                 FROM students s ORDER BY s.id",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows = statement
            .query_map([], |r| {
                Ok(Listed {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    started_at: r.get(2)?,
                    finished_at: r.get(3)?,
                    answered: r.get::<_, i64>(4)? as usize,
                    result: r.get(5)?,
                    result_key: r.get(6)?,
                })
            })
            .map_err(|e| self.sqlite(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sqlite(e))
    }

    /// Write a copy of the whole class to `to`, a new file (mode 0600): what this
    /// connection has, when the file it opened was removed or replaced under it.
    pub fn copy_to(&self, to: &Path) -> Result<(), StoreError> {
        create_private(to)?;
        let to_text = to.to_str().ok_or_else(|| StoreError::Io {
            path: to.to_path_buf(),
            source: std::io::Error::other("the path is not UTF-8"),
        })?;
        self.conn
            .execute("VACUUM INTO ?1", [to_text])
            .map(drop)
            .map_err(|e| self.sqlite(e))
    }

    /// How many students the class has.
    pub fn count(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM students", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| self.sqlite(e))
    }

    /// A student as the advisor's list shows them, by their number.
    pub fn listed(&self, student: i64) -> Result<Option<Listed>, StoreError> {
        Ok(self.students()?.into_iter().find(|s| s.id == student))
    }

    /// Forget a student: their answers and result go with them, overwritten in the
    /// file once committed and checkpointed (`checkpoint_if_due`).
    pub fn delete(&self, student: i64) -> Result<bool, StoreError> {
        let deleted = self
            .conn
            .execute("DELETE FROM students WHERE id = ?1", [student])
            .map(|n| n > 0)
            .map_err(|e| self.sqlite(e))?;
        if deleted {
            self.checkpoint_due.set(true);
        }
        Ok(deleted)
    }

    /// After a committed delete: copy the WAL into the file and empty it, so that
    /// the deleted rows' old pages are in neither.
    pub fn checkpoint_if_due(&self) -> Result<(), StoreError> {
        if !self.checkpoint_due.replace(false) {
            return Ok(());
        }
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(|e| self.sqlite(e))
    }
}

fn self_sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

/// The file (and its folder) made before SQLite opens it, mode 0600: SQLite would
/// create it with the umask's mode. The WAL and its index take the file's mode.
fn create_private(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(io)?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .map_err(io)?;
    // An existing file keeps its mode unless told: personal data is 0600 always.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .map_err(io)
}

#[cfg(test)]
mod tests;
