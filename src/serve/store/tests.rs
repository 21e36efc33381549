//! The store on a real file: locking, reopening, modes, the quiz it belongs to.

use super::schema::MIGRATIONS;
use super::*;

#[test]
fn a_second_store_on_the_same_file_is_refused_and_the_first_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.sqlite3");
    let first = Store::open(&path, "q").unwrap();
    let second = Store::open(&path, "q");
    assert!(
        matches!(second, Err(StoreError::InUse(_))),
        "{:?}",
        second.err()
    );
    let student = first.start("s", "c", "f", "Ana", "now").unwrap();
    assert_eq!(first.by_session("s").unwrap(), Some(student));
}

#[test]
fn answers_survive_a_reopen_and_a_page_replaces_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.sqlite3");
    let id = {
        let mut store = Store::open(&path, "q").unwrap();
        let s = store.start("s", "c", "f", "", "now").unwrap();
        store
            .save_page(
                s.id,
                &[("a", Some("1".into())), ("b", Some("true".into()))],
                2,
            )
            .unwrap();
        store
            .save_page(s.id, &[("a", Some("5".into())), ("b", None)], 2)
            .unwrap();
        s.id
    };
    let store = Store::open(&path, "q").unwrap();
    assert_eq!(store.answers(id).unwrap(), vec![("a".into(), "5".into())]);
    assert_eq!(store.by_session("s").unwrap().unwrap().page, 2);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_file_of_another_quiz_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.sqlite3");
    drop(Store::open(&path, "one").unwrap());
    let err = Store::open(&path, "two").err().unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: this file keeps answers to quiz `one`, not `two`; give --db another \
             file for this quiz",
            path.display()
        )
    );
}

#[test]
fn a_session_ends_after_its_life_and_a_resume_gives_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.sqlite3");
    let store = Store::open(&path, "q").unwrap();
    let student = store.start("s", "c", "f", "", "now").unwrap();
    assert!(store.by_session("s").unwrap().is_some());
    store
        .conn
        .execute(
            "UPDATE students SET session_at = session_at - ?1",
            [SESSION_LIFE_SECONDS + 1],
        )
        .unwrap();
    assert_eq!(
        store.by_session("s").unwrap(),
        None,
        "a copied cookie is over"
    );
    assert_eq!(store.resume("c", "t").unwrap(), Some(student));
    assert!(store.by_session("t").unwrap().is_some());
}

#[test]
fn a_version_1_file_is_migrated_and_its_sessions_are_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1; INSERT INTO class (id, quiz) VALUES (1, 'q'); \
             INSERT INTO students (session, code, form_token, started_at) \
             VALUES ('s', 'c', 'f', 'then');",
        )
        .unwrap();
    }
    let store = Store::open(&path, "q").unwrap();
    assert_eq!(store.by_session("s").unwrap(), None);
    assert!(store.resume("c", "t").unwrap().is_some());
    assert!(store.by_session("t").unwrap().is_some());
}
