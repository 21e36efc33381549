//! What every format says the same way of a comparison (`careerfit compare`): what
//! heads each result's columns, a rank and a figure in words. Each format draws it in
//! its own file.

use crate::compare::Comparison;

/// What heads each result's columns: the day it was taken (`2026-02-01`); its time
/// (`10:00`, or `10:00:30`) when both were taken the same day; `Old` and `New` when
/// they were taken at the same moment or a time cannot be read.
pub(super) fn labels(c: &Comparison) -> [String; 2] {
    let parts = |at: &str| -> Option<(String, String)> {
        let (date, time) = at.split_once('T')?;
        let is_date = date.len() == 10
            && date.chars().enumerate().all(|(i, ch)| {
                if i == 4 || i == 7 {
                    ch == '-'
                } else {
                    ch.is_ascii_digit()
                }
            });
        let time: String = time.chars().take(8).collect();
        let is_time = time.len() == 8 && time.chars().all(|ch| ch.is_ascii_digit() || ch == ':');
        (is_date && is_time).then(|| (date.to_string(), time))
    };
    match (parts(&c.old_completed_at), parts(&c.new_completed_at)) {
        (Some((old_day, _)), Some((new_day, _))) if old_day != new_day => [old_day, new_day],
        (Some((_, old)), Some((_, new))) if old[..5] != new[..5] => {
            [old[..5].to_string(), new[..5].to_string()]
        }
        (Some((_, old)), Some((_, new))) if old != new => [old, new],
        _ => ["Old".to_string(), "New".to_string()],
    }
}

pub(super) fn either(x: Option<f64>, decimals: usize) -> String {
    x.map_or("n/a".to_string(), |x| crate::text::fixed(x, decimals))
}

pub(super) fn rank_text(r: Option<usize>) -> String {
    r.map_or("-".to_string(), |r| r.to_string())
}
