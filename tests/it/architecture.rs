//! ARCHITECTURE.md names only files and folders that exist: a map that drifted sends
//! the next maintainer to a file that is not there.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file and folder under src/, relative to it, folders ending in `/`
/// (`report/table/`, `rows/fast.rs`).
fn src_paths() -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().into_string().unwrap();
            if entry.file_type().unwrap().is_dir() {
                let folder = format!("{prefix}{name}/");
                out.push(folder.clone());
                walk(&entry.path(), &folder, out);
            } else {
                out.push(format!("{prefix}{name}"));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("src"), "", &mut out);
    out
}

/// A word that names a file or folder: `input.rs`, `report/html/`, `src/saved.rs`;
/// not a flag, a type, a comment marker or a command line.
fn is_path(word: &str) -> bool {
    !word.is_empty()
        && !word.starts_with("//")
        && !word.starts_with('-')
        && !word.contains("::")
        && !word.contains(char::is_whitespace)
        && (word.ends_with(".rs") || word.ends_with(".md") || word.contains('/'))
}

/// The words in backticks on a line of prose.
fn quoted(line: &str) -> Vec<&str> {
    line.split('`').skip(1).step_by(2).collect()
}

/// `name` exists as given from the repository or from src/, or below one of `bases`
/// (folders under src/, "" for all of it) as a whole path suffix.
fn exists(name: &str, bases: &[String], src: &[String]) -> bool {
    let name = name.strip_prefix("./").unwrap_or(name);
    if root().join(name).exists() || root().join("src").join(name).exists() {
        return true;
    }
    bases.iter().any(|base| {
        src.iter().any(|path| {
            path.strip_prefix(base.as_str())
                .is_some_and(|below| below == name || below.ends_with(&format!("/{name}")))
        })
    })
}

#[test]
fn every_path_architecture_md_names_exists() {
    let map = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let src = src_paths();
    let mut checked = 0;
    let mut missing = Vec::new();
    let mut in_drawing = false;
    for (index, line) in map.lines().enumerate() {
        if line.starts_with("```") {
            in_drawing = !in_drawing;
            continue;
        }
        // In the drawing every word is a name; in prose only the quoted ones are.
        let words: Vec<&str> = if in_drawing {
            line.split_whitespace().filter(|w| is_path(w)).collect()
        } else {
            quoted(line).into_iter().filter(|w| is_path(w)).collect()
        };
        // A row of the table: the names in its second column are inside the folders
        // of its first (`scan.rs` of `rows/` is rows/workbook/scan.rs).
        let bases: Vec<String> = match line.strip_prefix('|') {
            Some(row) => {
                let first = row.split('|').next().unwrap_or("");
                let mut bases: Vec<String> = quoted(first)
                    .into_iter()
                    .filter(|w| w.ends_with('/'))
                    .map(str::to_string)
                    .collect();
                if bases.is_empty() {
                    bases.push(String::new());
                }
                bases
            }
            None => vec![String::new()],
        };
        for word in words {
            checked += 1;
            if !exists(word, &bases, &src) {
                missing.push(format!("ARCHITECTURE.md:{}: `{word}`", index + 1));
            }
        }
    }
    assert!(
        checked >= 60,
        "only {checked} names found: is the map read?"
    );
    assert!(
        missing.is_empty(),
        "names of nothing:\n{}",
        missing.join("\n")
    );
}

/// The check itself can fail: a name that is not there is found out.
#[test]
fn a_name_of_nothing_is_found_out() {
    let src = src_paths();
    assert!(exists("workbook/scan.rs", &["rows/".to_string()], &src));
    assert!(!exists("table.rs", &[String::new()], &src));
    assert!(!exists("scan.rs", &["serve/".to_string()], &src));
}
