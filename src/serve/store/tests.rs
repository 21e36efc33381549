//! The store on a real file: locking, reopening, modes, the quiz it belongs to.

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
