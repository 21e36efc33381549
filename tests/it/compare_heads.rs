//! `careerfit compare`'s tables head each result's column with when it was taken,
//! not with "Rank Fit Rank Fit" and a footnote.

use crate::common::*;
use serde_json::{Value, json};

/// A result of the small quiz taken at `at`, with one trait and two pathways.
fn taken_at(at: &str) -> Value {
    json!({
        "schema": "careerfit/result/v1",
        "quiz": {"id": "small", "title": "A small quiz", "version": "2"},
        "completed_at": at,
        "answers": [],
        "traits": [{"id": "careful", "name": "Careful", "score": 50.0, "answered": 1,
                    "questions": 3}],
        "profiles": [
            {"id": "alpha", "title": "Alpha pathway", "fit": 60.0, "band": null,
             "education": null, "job_titles": [], "certifications": [], "next_steps": [],
             "growth_areas": []},
            {"id": "beta", "title": "Beta pathway", "fit": 40.0, "band": null,
             "education": null, "job_titles": [], "certifications": [], "next_steps": [],
             "growth_areas": []}
        ],
        "warnings": []
    })
}

/// The header lines of every table `compare` prints for results taken at these times.
fn headers(old: &str, new: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.json", &taken_at(old).to_string());
    let new = write(dir.path(), "new.json", &taken_at(new).to_string());
    let output = careerfit()
        .arg("compare")
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(!out.contains("(old rank and fit, then new)"), "{out}");
    // A table's header is every line between its top border and the ╞ under it.
    let mut headers = Vec::new();
    let mut inside = false;
    for line in out.lines() {
        if line.starts_with('╭') {
            inside = true;
        } else if line.starts_with('╞') {
            inside = false;
        } else if inside {
            headers.push(line.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    headers
}

#[test]
fn results_of_two_days_are_headed_by_their_dates() {
    assert_eq!(
        headers("2026-02-01T10:00:00Z", "2026-03-15T09:30:00Z"),
        [
            "│ Pathway ┆ 2026-02-01 ┆ 2026-03-15 ┆ Change │",
            "│ ┆ fit (rank) ┆ fit (rank) ┆ │",
            "│ Trait ┆ 2026-02-01 ┆ 2026-03-15 ┆ Change │",
        ]
    );
}

#[test]
fn results_of_one_day_are_headed_by_their_times() {
    assert_eq!(
        headers("2026-02-01T10:00:00Z", "2026-02-01T14:05:00Z")[0],
        "│ Pathway ┆ 10:00 ┆ 14:05 ┆ Change │"
    );
}
