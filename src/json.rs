//! JSON as careerfit writes it, everywhere: serde_json's, except that characters that
//! could rewrite a terminal or reorder what a reader sees are written as `\u` escapes,
//! not raw. serde_json escapes C0 controls; this also escapes DEL, the C1 controls
//! (U+0080–U+009F, among them CSI) and the bidirectional controls (U+202A–U+202E,
//! U+2066–U+2069), so that a row's id cannot turn into a terminal sequence or make one
//! id look like another when the JSON is printed. The value read back is the same.

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};
use std::io::{self, Write};

/// Characters written as `\u` escapes on top of serde_json's own.
pub fn needs_escape(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A formatter that escapes `needs_escape` characters and leaves the rest to `F`.
struct Safe<F>(F);

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if needs_escape(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
    fn write_char_escape<W: ?Sized + Write>(&mut self, w: &mut W, e: CharEscape) -> io::Result<()> {
        self.0.write_char_escape(w, e)
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Compact JSON onto a writer.
pub fn to_writer<W: Write>(out: W, value: &(impl Serialize + ?Sized)) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(
        out,
        Safe(CompactFormatter),
    ))
}

/// Compact JSON bytes.
pub fn to_vec(value: &(impl Serialize + ?Sized)) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    to_writer(&mut out, value)?;
    Ok(out)
}

/// Pretty JSON, indented by two spaces as serde_json's own.
pub fn to_string_pretty(value: &(impl Serialize + ?Sized)) -> serde_json::Result<String> {
    let mut out = Vec::new();
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out,
        Safe(PrettyFormatter::new()),
    ))?;
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

/// Pretty JSON onto a writer.
pub fn to_writer_pretty<W: Write>(
    out: W,
    value: &(impl Serialize + ?Sized),
) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(
        out,
        Safe(PrettyFormatter::new()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_marks_are_escaped_and_read_back_the_same() {
        let id = "a\u{7f}b\u{9b}2J\u{202e}evil\u{2066}\u{1b}é";
        let compact = String::from_utf8(to_vec(&id).unwrap()).unwrap();
        assert_eq!(compact, r#""a\u007fb\u009b2J\u202eevil\u2066\u001bé""#);
        assert!(!compact.chars().any(|c| c.is_control() || needs_escape(c)));
        let back: String = serde_json::from_str(&compact).unwrap();
        assert_eq!(back, id);
        let pretty = to_string_pretty(&serde_json::json!({"id": id, "n": [1]})).unwrap();
        assert_eq!(
            pretty,
            serde_json::to_string_pretty(&serde_json::json!({"id": "X", "n": [1]}))
                .unwrap()
                .replace("\"X\"", r#""a\u007fb\u009b2J\u202eevil\u2066\u001bé""#)
        );
    }
}
