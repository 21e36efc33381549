//! Mutated CSV and workbook inputs never crash careerfit: whatever the bytes, `score`
//! and `analyze` end with 0 (all scored), 1 or 2 and a message, never a panic or an
//! abort. Few cases each, so that they run in seconds.

use crate::common::*;
use proptest::prelude::*;
use std::io::Write;

/// A Google export of small.yaml, a few rows.
const CSV: &str = "Timestamp,How careful are you?,How careless are you?,Do you like parties?,\
Do you avoid people?,Which tool?,Which have you used?,I check my work.\n\
2026/11/01 10:00:00,3,1,Yes,No,A laptop,\"A database, A spreadsheet\",Agree\n\
2026/11/01 10:05:00,2,2,No,Yes,A phone,A typewriter,\"Strongly agree\"\n\
2026/11/01 10:09:00,1,3,Yes,Yes,A pencil,,Disagree\n";

/// The sheet XML of the same rows.
fn sheet_xml() -> String {
    let mut rows = String::new();
    for (r, line) in CSV.lines().enumerate() {
        let mut cells = String::new();
        let record: Vec<String> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes())
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(String::from)
            .collect();
        for (c, text) in record.iter().enumerate() {
            let column = char::from(b'A' + c as u8);
            let cell = if text.parse::<f64>().is_ok() {
                format!(r#"<c r="{column}{}"><v>{text}</v></c>"#, r + 1)
            } else {
                format!(
                    r#"<c r="{column}{}" t="inlineStr"><is><t>{text}</t></is></c>"#,
                    r + 1
                )
            };
            cells.push_str(&cell);
        }
        rows.push_str(&format!(r#"<row r="{}">{cells}</row>"#, r + 1));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:H4"/><sheetData>{rows}</sheetData></worksheet>"#
    )
}

/// A workbook whose one sheet is `sheet`.
fn workbook(sheet: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let parts: [(&str, &[u8]); 4] = [
        (
            "_rels/.rels",
            br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Bytes that matter to a CSV or an XML reader, and some that do not.
fn a_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        Just(b'"'),
        Just(b','),
        Just(b';'),
        Just(b'\n'),
        Just(b'\r'),
        Just(b'<'),
        Just(b'>'),
        Just(b'/'),
        Just(b'9'),
        Just(b'Z'),
        Just(0xE2),
        Just(0xFF),
        any::<u8>(),
    ]
}

/// Some bytes of `text` replaced, some inserted, some removed.
#[derive(Debug, Clone)]
enum Edit {
    Put(prop::sample::Index, u8),
    Insert(prop::sample::Index, Vec<u8>),
    Remove(prop::sample::Index, usize),
    /// Digits put into the row of one of the XML's `r="..."` references.
    Row(prop::sample::Index, Vec<u8>),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<prop::sample::Index>(), a_byte()).prop_map(|(at, b)| Edit::Put(at, b)),
        (
            any::<prop::sample::Index>(),
            prop::collection::vec(a_byte(), 1..12)
        )
            .prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<prop::sample::Index>(), 1..40_usize).prop_map(|(at, n)| Edit::Remove(at, n)),
        // A reference's row made long: past Excel's last, or past 32 bits.
        (any::<prop::sample::Index>(), "[0-9]{6,12}")
            .prop_map(|(at, digits)| Edit::Row(at, digits.into_bytes())),
    ];
    prop::collection::vec(edit, 1..6)
}

fn mutated(text: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Put(at, b) if !bytes.is_empty() => {
                let at = at.index(len);
                bytes[at] = *b;
            }
            Edit::Put(..) => {}
            Edit::Insert(at, new) => {
                let at = at.index(len + 1).min(bytes.len());
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Row(which, digits) => {
                let references: Vec<usize> = bytes
                    .windows(3)
                    .enumerate()
                    .filter(|(_, w)| w == b"r=\"")
                    .map(|(at, _)| at + 3)
                    .collect();
                if !references.is_empty() {
                    let mut at = references[which.index(references.len())];
                    while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
                        at += 1;
                    }
                    bytes.splice(at..at, digits.iter().copied());
                }
            }
            Edit::Remove(at, n) => {
                let at = at.index(len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
    bytes
}

/// `score` and `analyze` of small.yaml on `input` (a file named `name`) end with a
/// code of their own and a message, never a panic or a signal.
fn never_crashes(dir: &std::path::Path, name: &str, input: &[u8]) -> Result<(), TestCaseError> {
    let path = dir.join(name);
    std::fs::write(&path, input).unwrap();
    for command in ["score", "analyze"] {
        let output = careerfit()
            .arg(command)
            .arg(fixture("small.yaml"))
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        prop_assert!(
            matches!(output.status.code(), Some(0..=2)),
            "{command}: {:?}\n{stderr}",
            output.status
        );
        prop_assert!(!stderr.contains("panicked"), "{command}: {stderr}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_mutated_csv_never_crashes(edits in edits()) {
        let dir = tempfile::tempdir().unwrap();
        never_crashes(dir.path(), "class.csv", &mutated(CSV.as_bytes(), &edits))?;
    }

    #[test]
    fn a_workbook_of_mutated_sheet_xml_never_crashes(edits in edits()) {
        let dir = tempfile::tempdir().unwrap();
        let sheet = mutated(sheet_xml().as_bytes(), &edits);
        never_crashes(dir.path(), "class.xlsx", &workbook(&sheet))?;
    }

    #[test]
    fn a_mutated_workbook_file_never_crashes(edits in edits()) {
        let dir = tempfile::tempdir().unwrap();
        let book = workbook(sheet_xml().as_bytes());
        never_crashes(dir.path(), "class.xlsx", &mutated(&book, &edits))?;
    }
}

#[test]
fn the_unmutated_inputs_are_scored() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("class.csv", CSV.as_bytes().to_vec()),
        ("class.xlsx", workbook(sheet_xml().as_bytes())),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = careerfit()
            .arg("score")
            .arg(fixture("small.yaml"))
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            text(&output.stderr)
        );
        assert_eq!(json_lines(&output).len(), 3, "{name}");
    }
}
