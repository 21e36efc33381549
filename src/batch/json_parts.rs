//! Pieces of JSON that the two row writers (`write`, the whole result, and
//! `compact`) serialise once per quiz and put together per row.

use serde::Serialize;

/// A value as JSON bytes: quiz text, serialised once.
pub fn json(value: &(impl Serialize + ?Sized)) -> Vec<u8> {
    crate::json::to_vec(value).expect("quiz text serialises")
}

/// `[A,B]`: the pieces of `which`, in order (trait ids, say).
pub fn list(out: &mut Vec<u8>, pieces: &[Vec<u8>], which: &[usize]) {
    out.push(b'[');
    for (i, piece) in which.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(&pieces[*piece]);
    }
    out.push(b']');
}

/// `,"band":LABEL` (or null).
pub fn band(out: &mut Vec<u8>, labels: &[Vec<u8>], band: Option<usize>) {
    out.extend_from_slice(b",\"band\":");
    match band {
        Some(b) => out.extend_from_slice(&labels[b]),
        None => out.extend_from_slice(b"null"),
    }
}
