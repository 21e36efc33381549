//! The store's schema: the tables, as the migrations from an empty file build them,
//! and the one transaction that brings a file up to this build's version and checks
//! that it belongs to the quiz being served.

use super::{Store, StoreError, self_sqlite};

/// The schema this build writes; older files are migrated up to it on start.
pub(super) const SCHEMA_VERSION: i64 = 2;

/// Each migration takes the file from the version before it (index + 1).
pub(super) const MIGRATIONS: &[&str] = &[
    "
    CREATE TABLE class (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        quiz TEXT NOT NULL,
        open INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE students (
        id INTEGER PRIMARY KEY,
        session TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL UNIQUE,
        form_token TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        page INTEGER NOT NULL DEFAULT 1,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        result_key TEXT UNIQUE,
        result TEXT
    );
    CREATE TABLE answers (
        student INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (student, question)
    ) WITHOUT ROWID;
",
    "
    -- When the session was given (Unix seconds); none: before version 2, so over.
    ALTER TABLE students ADD COLUMN session_at INTEGER;
",
];

impl Store {
    /// Bring the file up to `SCHEMA_VERSION` and check that it holds `quiz`'s class,
    /// in one exclusive transaction.
    pub(super) fn migrate(&mut self, quiz: &str) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)
            .map_err(|e| self_sqlite(&self.path, e))?;
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self_sqlite(&self.path, e))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: self.path.clone(),
                found: version,
            });
        }
        for migration in &MIGRATIONS[version as usize..] {
            tx.execute_batch(migration)
                .map_err(|e| self_sqlite(&self.path, e))?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(|e| self_sqlite(&self.path, e))?;
        tx.execute(
            "INSERT INTO class (id, quiz) VALUES (1, ?1) ON CONFLICT (id) DO NOTHING",
            [quiz],
        )
        .map_err(|e| self_sqlite(&self.path, e))?;
        let found: String = tx
            .query_row("SELECT quiz FROM class WHERE id = 1", [], |r| r.get(0))
            .map_err(|e| self_sqlite(&self.path, e))?;
        if found != quiz {
            return Err(StoreError::OtherQuiz {
                path: self.path.clone(),
                found,
                wanted: quiz.to_string(),
            });
        }
        tx.commit().map_err(|e| self_sqlite(&self.path, e))
    }
}
