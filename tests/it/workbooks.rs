//! Hostile .xlsx workbooks, made at run time: a sparse sheet whose two cells span
//! Excel's whole grid, references past its last row, a zip bomb of blank space, a
//! full-height sheet. Each is scored, or refused by name with exit 2, in bounded
//! memory (measured from outside the process with `/usr/bin/time -v`), never a crash.

use crate::common::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The most a run may hold at once, resident, for any workbook (README, Reliability).
const PEAK_BYTES: u64 = 150 << 20;

/// The sheet's XML around its rows.
const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_END: &str = "</sheetData></worksheet>";

/// A workbook of one sheet, its XML written by `sheet` (rows only: the
/// `<sheetData>` around them is added).
fn workbook(dir: &Path, name: &str, sheet: impl FnOnce(&mut dyn Write)) -> PathBuf {
    let path = dir.join(name);
    let file = std::fs::File::create(&path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (part, text) in parts {
        zip.start_file(part, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    {
        let mut xml = std::io::BufWriter::new(&mut zip);
        xml.write_all(SHEET_START.as_bytes()).unwrap();
        sheet(&mut xml);
        xml.write_all(SHEET_END.as_bytes()).unwrap();
        xml.flush().unwrap();
    }
    zip.finish().unwrap();
    path
}

/// A text cell.
fn text_cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// The header row of small.yaml's questions, by id, in columns A to G.
fn header() -> String {
    let ids = [
        "q-scale",
        "q-reverse",
        "q-yes",
        "q-no-rev",
        "q-choice",
        "q-multi",
        "q-required",
    ];
    let cells: String = ids
        .iter()
        .zip('A'..)
        .map(|(id, column)| text_cell(&format!("{column}1"), id))
        .collect();
    format!(r#"<row r="1">{cells}</row>"#)
}

/// A row of answers to small.yaml on sheet row `row`.
fn answers(row: u32) -> String {
    let values = ["2", "2", "yes", "no", "a", "x", "4"];
    let cells: String = values
        .iter()
        .zip('A'..)
        .map(|(value, column)| text_cell(&format!("{column}{row}"), value))
        .collect();
    format!(r#"<row r="{row}">{cells}</row>"#)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// The most the run held resident at once, in bytes.
    peak: u64,
}

/// `careerfit ARGS` under `/usr/bin/time -v`, which tells the run's peak resident
/// memory on its own last lines of stderr.
fn measured(args: &[&std::ffi::OsStr]) -> Run {
    let time = Path::new("/usr/bin/time");
    assert!(
        time.exists(),
        "these tests measure memory with /usr/bin/time -v"
    );
    let output = std::process::Command::new(time)
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_careerfit"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    let (own, report) = stderr
        .rsplit_once("\tCommand being timed:")
        .expect("time's report");
    let peak_kib: u64 = report
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .expect("the peak")
        .parse()
        .unwrap();
    // time says how the command ended before its report.
    let own = own
        .lines()
        .filter(|line| {
            !line.starts_with("Command exited") && !line.starts_with("Command terminated")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let code = report
        .lines()
        .find_map(|line| line.trim().strip_prefix("Exit status: "))
        .and_then(|code| code.parse().ok());
    let signalled = stderr.contains("Command terminated by signal");
    Run {
        code: if signalled { None } else { code },
        stdout: text(&output.stdout),
        stderr: own,
        peak: peak_kib * 1024,
    }
}

fn score(book: &Path) -> Run {
    measured(&[
        "score".as_ref(),
        fixture("small.yaml").as_os_str(),
        book.as_os_str(),
    ])
}

fn analyze(book: &Path) -> Run {
    measured(&[
        "analyze".as_ref(),
        fixture("small.yaml").as_os_str(),
        book.as_os_str(),
    ])
}

fn assert_bounded(run: &Run, what: &str) {
    assert!(
        run.peak < PEAK_BYTES,
        "{what}: peak {} MiB, more than {} MiB",
        run.peak >> 20,
        PEAK_BYTES >> 20
    );
}

#[test]
fn a_sheet_of_two_cells_at_excels_corners_is_read_in_little_memory() {
    let dir = tempfile::tempdir().unwrap();
    let book = workbook(dir.path(), "sparse.xlsx", |xml| {
        write!(xml, "{}{}", header(), answers(2)).unwrap();
        let far = text_cell("XFD1048576", "far away");
        write!(xml, r#"<row r="1048576">{far}</row>"#).unwrap();
    });
    let run = score(&book);
    assert_bounded(&run, "score");
    // The row at the far corner is refused by its line; the other is scored.
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert!(
        run.stderr.contains(&format!(
            "{}:1048576: error: the row has 16384 cells but the header has 7",
            book.display()
        )),
        "{}",
        run.stderr
    );
    let run = analyze(&book);
    assert_bounded(&run, "analyze");
    assert!(
        matches!(run.code, Some(0..=2)),
        "{:?} {}",
        run.code,
        run.stderr
    );
}

#[test]
fn a_reference_past_excels_last_row_or_column_is_refused_not_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    // 4294967297 is 2^32 + 1: read into 32 bits it wraps round to row 1.
    for beyond in ["A1048577", "XFE2", "A4294967297"] {
        let book = workbook(dir.path(), "beyond.xlsx", |xml| {
            let cell = text_cell(beyond, "2");
            write!(xml, r#"{}<row r="2">{cell}</row>"#, header()).unwrap();
        });
        for run in [score(&book), analyze(&book)] {
            assert_eq!(run.code, Some(2), "{beyond}: {}", run.stderr);
            assert!(run.stdout.is_empty(), "{beyond}: nothing is written");
            assert!(
                run.stderr.contains(&format!("{}: sheet `xl/worksheets/sheet1.xml`: reference `{beyond}` is not a cell within Excel's last row (1048576) and column", book.display())),
                "{}",
                run.stderr
            );
            assert_bounded(&run, beyond);
        }
    }
}

#[test]
fn a_zip_bomb_of_blank_space_is_refused_in_little_memory() {
    let dir = tempfile::tempdir().unwrap();
    let blank = vec![b' '; 1 << 20];
    // 300 MiB of blank space in a zip of under 4 MiB: refused as it streams by, at
    // the first MiB between two tags (a sheet may hold up to 4 GiB of XML now).
    let bomb = workbook(dir.path(), "bomb.xlsx", |xml| {
        xml.write_all(header().as_bytes()).unwrap();
        for _ in 0..300 {
            xml.write_all(&blank).unwrap();
        }
    });
    let size = std::fs::metadata(&bomb).unwrap().len();
    assert!(size < 4 << 20, "a bomb is small: {size} bytes");
    let run = score(&bomb);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains("more than 1 MiB of text between two tags"),
        "{}",
        run.stderr
    );
    assert_bounded(&run, "a bomb of blank space");
    // Within the limit, but blank space no cell could hold: refused as it streams by.
    let blank_run = workbook(dir.path(), "blank.xlsx", |xml| {
        xml.write_all(header().as_bytes()).unwrap();
        for _ in 0..40 {
            xml.write_all(&blank).unwrap();
        }
        xml.write_all(answers(2).as_bytes()).unwrap();
    });
    for run in [score(&blank_run), analyze(&blank_run)] {
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        assert!(run.stdout.is_empty());
        assert!(
            run.stderr
                .contains("more than 1 MiB of text between two tags"),
            "{}",
            run.stderr
        );
        assert_bounded(&run, "blank space within the limit");
    }
}

#[test]
fn a_full_height_sheet_is_read_a_row_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    // Every one of Excel's rows is there, 295 MiB of XML (past the 256 MiB a sheet
    // was once held to); the last one holds answers. The rows between hold an empty
    // cell and a long attribute no reader looks at, so that the run stays short.
    let blank = format!("<row x=\"{}\"><c/></row>", "-".repeat(275));
    let book = workbook(dir.path(), "tall.xlsx", |xml| {
        xml.write_all(header().as_bytes()).unwrap();
        for _ in 2..1_048_576 {
            xml.write_all(blank.as_bytes()).unwrap();
        }
        xml.write_all(answers(1_048_576).as_bytes()).unwrap();
    });
    let run = score(&book);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains(r#""id":1048576"#), "{}", run.stdout);
    assert_bounded(&run, "a full-height sheet");
}
