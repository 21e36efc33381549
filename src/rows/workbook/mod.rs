//! Microsoft's .xlsx download read in bounded memory: every part of the workbook is
//! checked against stated limits and Excel's own (its last row and column) before
//! calamine opens it, and the first sheet is then read a cell at a time on a thread
//! of its own, rows handed on a chunk at a time, never as a whole rectangle.

use super::ReadError;
use super::row::{RawData, Rows};
use super::{CHUNK, Chunk, Chunks};
use std::io::{Cursor, Read};
use std::sync::mpsc;

mod scan;
use scan::SheetScan;

/// The largest workbook file read: the compressed file is held whole (a zip is read
/// from its end).
pub const MAX_WORKBOOK_BYTES: u64 = 32 << 20;
/// The most a worksheet's XML may hold, uncompressed: it is read as a stream, so this
/// bounds time, not memory. Excel's full sheet of a form's export (1,048,576 rows of
/// some 4 KB of cells) fits; at 256 MiB a full sheet of a few dozen columns did not.
pub const MAX_SHEET_XML_BYTES: u64 = 4 << 30;
/// The most any other part of the workbook may hold, uncompressed (its shared
/// strings, styles): calamine holds these whole.
pub const MAX_PART_XML_BYTES: u64 = 8 << 20;
/// The longest text between two tags, or tag, in a sheet: the XML reader holds one
/// whole. Excel's own cell holds at most 32,767 characters.
pub(super) const MAX_XML_RUN: usize = 1 << 20;
/// The most parts a workbook may have (Excel writes a dozen or two): the zip reader
/// holds a record of each.
const MAX_PARTS: usize = 10_000;
/// Excel's last row and column (XFD).
pub const MAX_ROWS: u64 = 1_048_576;
pub const MAX_COLUMNS: u64 = 16_384;
/// A chunk ends at `CHUNK` rows or this many cells, whichever comes first, so that a
/// very wide sheet's chunks are no larger than a usual one's.
const CELLS_PER_CHUNK: usize = 16_384;
/// Chunks read ahead of the scorers.
const CHUNKS_WAITING: usize = 2;

/// What the sheet's thread hands on.
enum FromSheet {
    /// The first row with text: the header.
    Header(Vec<String>),
    Rows(Rows),
    /// The workbook could not be read past here.
    Failed(String),
}

/// The first sheet of the workbook `input`: its header (the first row with text;
/// cells left of the first used column kept empty, so that a column's number is the
/// one a spreadsheet shows) and its later rows as chunks, each row padded to the
/// header. Numbers are written as a person reads them (1, not 1.0); rows with no text
/// are left out.
pub fn read(name: &str, input: impl Read) -> Result<(Vec<String>, Chunks), ReadError> {
    let mut bytes = Vec::new();
    input
        .take(MAX_WORKBOOK_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Input {
            name: name.to_string(),
            source,
        })?;
    if bytes.len() as u64 > MAX_WORKBOOK_BYTES {
        return Err(ReadError::Workbook(format!(
            "{name}: the workbook is larger than {} MiB, the most careerfit reads; export \
             the responses as CSV",
            MAX_WORKBOOK_BYTES >> 20
        )));
    }
    check(name, &bytes).map_err(ReadError::Workbook)?;
    let (sender, receiver) = mpsc::sync_channel(CHUNKS_WAITING);
    let owned = name.to_string();
    std::thread::Builder::new()
        .name("careerfit-sheet".into())
        .spawn(move || stream(&owned, bytes, &sender))
        .map_err(|source| ReadError::Thread {
            name: name.to_string(),
            source,
        })?;
    let header = match receiver.recv() {
        Ok(FromSheet::Header(header)) => header,
        Ok(FromSheet::Failed(why)) => return Err(ReadError::Workbook(why)),
        Ok(FromSheet::Rows(_)) | Err(_) => {
            return Err(ReadError::EmptySheet {
                name: name.to_string(),
            });
        }
    };
    let chunks = receiver.into_iter().filter_map(|read| match read {
        FromSheet::Rows(rows) => Some(Ok(rows)),
        FromSheet::Header(_) => None,
        FromSheet::Failed(why) => Some(Err(ReadError::Workbook(why))),
    });
    Ok((
        header,
        Box::new(chunks) as Box<dyn Iterator<Item = Chunk> + Send>,
    ))
}

/// Words for a workbook calamine cannot read.
fn not_a_workbook(name: &str, e: impl std::fmt::Display) -> String {
    format!(
        "{name}: not an Excel workbook careerfit can read ({e}); save it as .xlsx, or \
         export the responses as CSV"
    )
}

/// Every part of the workbook within its limit, by the size the zip declares and by
/// the bytes it really holds, and every cell and row reference of every sheet
/// within Excel's last row and column.
pub fn check(name: &str, bytes: &[u8]) -> Result<(), String> {
    if parts_declared(bytes).is_some_and(|parts| parts > MAX_PARTS) {
        return Err(format!(
            "{name}: the workbook has more than {MAX_PARTS} parts; careerfit reads no such \
             workbook: export the responses as CSV"
        ));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_a_workbook(name, e))?;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|e| not_a_workbook(name, e))?;
        let part_name = String::from_utf8_lossy(part.name_raw()).into_owned();
        let sheet = part_name.starts_with("xl/worksheets/") && part_name.ends_with(".xml");
        let limit = if sheet {
            MAX_SHEET_XML_BYTES
        } else {
            MAX_PART_XML_BYTES
        };
        let too_large = || {
            format!(
                "{name}: the workbook's part `{}` is larger than {} MiB uncompressed, the \
                 most careerfit reads{}; export the responses as CSV",
                crate::text::clip(&part_name),
                limit >> 20,
                if sheet { " of a sheet" } else { "" }
            )
        };
        if part.size() > limit {
            return Err(too_large());
        }
        // The declared size may lie: count what is really there, and stop past it.
        // Every XML part is looked through: calamine holds a text run or tag of any
        // of them whole, and the first sheet may sit outside xl/worksheets/.
        let mut scan = SheetScan::new(part_name.ends_with(".xml"));
        let mut held = 0_u64;
        let mut bounded = part.take(limit + 1);
        let mut buffer = vec![0; 64 * 1024];
        loop {
            let n = match bounded.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(not_a_workbook(name, e)),
            };
            held += n as u64;
            if held > limit {
                return Err(too_large());
            }
            scan.feed(&buffer[..n]).map_err(|why| {
                format!(
                    "{name}: {} `{}`: {why}",
                    if sheet { "sheet" } else { "part" },
                    crate::text::clip(&part_name)
                )
            })?;
        }
    }
    Ok(())
}

/// How many parts the zip's end record says it holds (the zip reader makes room for
/// that many); 65,535 says "more, see the Zip64 record", itself too many.
fn parts_declared(bytes: &[u8]) -> Option<usize> {
    const END: &[u8] = b"PK\x05\x06";
    // The end record is 22 bytes and a comment of at most 65,535.
    let tail = &bytes[bytes.len().saturating_sub(22 + 65_535)..];
    let at = memchr::memmem::rfind(tail, END)?;
    let count = tail.get(at + 10..at + 12)?;
    Some(usize::from(u16::from_le_bytes([count[0], count[1]])))
}

/// The first sheet read on this thread, a cell at a time, and handed on. Should the
/// workbook reader panic on what it was given, the run is told so, rather than
/// seeing the rows end early.
fn stream(name: &str, bytes: Vec<u8>, out: &mpsc::SyncSender<FromSheet>) {
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        stream_rows(name, bytes, out)
    }));
    let failed = match read {
        Ok(Ok(())) => return,
        Ok(Err(why)) => why,
        Err(_) => not_a_workbook(name, "the workbook reader stopped"),
    };
    let _ = out.send(FromSheet::Failed(failed));
}

fn stream_rows(
    name: &str,
    bytes: Vec<u8>,
    out: &mpsc::SyncSender<FromSheet>,
) -> Result<(), String> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| not_a_workbook(name, e))?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| format!("{name}: the workbook has no sheet"))?;
    let mut cells = book
        .worksheet_cells_reader(&first)
        .map_err(|e| not_a_workbook(name, e))?;
    let mut sheet = Sheet {
        width: None,
        row: None,
        cells: Vec::new(),
        rows: Rows::default(),
        cells_in_chunk: 0,
    };
    while let Some(cell) = cells.next_cell().map_err(|e| not_a_workbook(name, e))? {
        let (row, column) = cell.get_position();
        if u64::from(row) >= MAX_ROWS || u64::from(column) >= MAX_COLUMNS {
            return Err(format!(
                "{name}: the sheet has a cell past Excel's last row ({MAX_ROWS}) or column \
                 (XFD, {MAX_COLUMNS}); save the workbook again from Excel, or export the \
                 responses as CSV"
            ));
        }
        if sheet.row != Some(row) {
            if !sheet.end_row(out) {
                return Ok(());
            }
            sheet.row = Some(row);
        }
        let text = match cell.get_value() {
            calamine::DataRef::Empty => continue,
            value => calamine::Data::from(value.clone()).to_string(),
        };
        if !text.trim().is_empty() {
            sheet.cells.push((column as usize, text));
        }
    }
    if sheet.end_row(out) && !sheet.rows.is_empty() {
        let _ = out.send(FromSheet::Rows(std::mem::take(&mut sheet.rows)));
    }
    Ok(())
}

/// The row being read and the chunk it goes into.
struct Sheet {
    /// The header's width, once it is read.
    width: Option<usize>,
    /// The row being read (0-based) and its cells with text, by column.
    row: Option<u32>,
    cells: Vec<(usize, String)>,
    rows: Rows,
    cells_in_chunk: usize,
}

impl Sheet {
    /// The row read so far handed on, if it holds text; false once nobody reads on.
    fn end_row(&mut self, out: &mpsc::SyncSender<FromSheet>) -> bool {
        let Some(row) = self.row.take() else {
            return true;
        };
        if self.cells.is_empty() {
            return true;
        }
        let mut cells = std::mem::take(&mut self.cells);
        cells.sort_by_key(|(column, _)| *column);
        let line = row as usize + 1;
        let Some(width) = self.width else {
            // The header: every column up to its last with text.
            let width = cells.last().map_or(0, |(column, _)| column + 1);
            let mut header = vec![String::new(); width];
            for (column, text) in cells {
                header[column] = text;
            }
            self.width = Some(width);
            return out.send(FromSheet::Header(header)).is_ok();
        };
        let last = cells.last().map_or(0, |(column, _)| column + 1);
        let data = if last > width {
            RawData::Bad(format!(
                "the row has {last} cells but the header has {width}"
            ))
        } else {
            let mut record = csv::StringRecord::with_capacity(0, width);
            let mut cells = cells.into_iter().peekable();
            for column in 0..width {
                match cells.next_if(|(c, _)| *c == column) {
                    Some((_, text)) => record.push_field(&text),
                    None => record.push_field(""),
                }
            }
            RawData::Csv(record)
        };
        self.rows.push(line, data);
        self.cells_in_chunk += width.max(1);
        if self.rows.len() >= CHUNK || self.cells_in_chunk >= CELLS_PER_CHUNK {
            self.cells_in_chunk = 0;
            return out
                .send(FromSheet::Rows(std::mem::take(&mut self.rows)))
                .is_ok();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::scan::{QUOTE_OUT_OF_PLACE, check_tag};
    use super::*;

    /// Found by tests/it/mutations.rs: one quote put out of place in the XML
    /// declaration flipped every quote after it, so a row number past Excel's last
    /// was never seen, and calamine overflowed on it.
    #[test]
    fn a_quote_out_of_place_is_refused_before_it_hides_a_tag() {
        let mut scan = SheetScan::new(true);
        let sheet = b"<?xml version=Z1.0\" encoding=\"UTF-8\"?><sheetData><row r=\"4309155281\">";
        assert_eq!(scan.feed(sheet), Err(QUOTE_OUT_OF_PLACE.to_string()));
        let mut scan = SheetScan::new(true);
        let sheet =
            b"<?xml version = '1.0' encoding=\"UTF-8\"?><row r=\"3\" spans=\"1:2\"><c r=\"A3\">";
        assert_eq!(scan.feed(sheet), Ok(()));
    }

    #[test]
    fn references_within_excel_are_kept_and_others_refused() {
        for within in ["A1", "XFD1048576", "$B$7", "A1:C40", "A:C", "xfd1"] {
            assert!(
                check_tag(format!("c r=\"{within}\"").as_bytes()).is_ok(),
                "{within}"
            );
        }
        assert!(check_tag(b"dimension ref=\"A1:XFD1048576\"").is_ok());
        assert!(check_tag(b"row r=\"1048576\" spans=\"1:3\"").is_ok());
        for beyond in ["XFE1", "A1048577", "A4294967297", "AAAA1", "A0", "1A"] {
            assert!(
                check_tag(format!("c r=\"{beyond}\" t=\"s\"").as_bytes()).is_err(),
                "{beyond}"
            );
        }
        assert!(check_tag(b"x:row r=\"1048577\"").is_err());
        assert!(check_tag(b"dimension ref=\"A1:A99999999999\"").is_err());
        assert!(check_tag(b"col min=\"1\" r=\"99999999\"").is_ok());
    }

    #[test]
    fn a_zip_of_too_many_parts_is_refused_by_its_end_record() {
        let mut end = b"PK\x03\x04 data".to_vec();
        end.extend_from_slice(b"PK\x05\x06\0\0\0\0\x10\x27\x11\x27");
        end.extend_from_slice(&[0; 10]);
        assert_eq!(parts_declared(&end), Some(10_001));
        assert!(
            check("book.xlsx", &end)
                .unwrap_err()
                .contains("more than 10000 parts")
        );
        assert_eq!(parts_declared(b"no end record"), None);
    }

    /// A zip whose part `name` holds `bytes` but declares `declared` bytes.
    fn lying_zip(name: &str, bytes: &[u8], declared: u32) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
        let mut book = zip.finish().unwrap().into_inner();
        let size = (bytes.len() as u32).to_le_bytes();
        // The size is in the part's local header (at 22) and in the central
        // directory (at 24).
        for (signature, at) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let start = memchr::memmem::find(&book, signature).unwrap();
            assert_eq!(book[start + at..start + at + 4], size);
            book[start + at..start + at + 4].copy_from_slice(&declared.to_le_bytes());
        }
        book
    }

    #[test]
    fn a_part_larger_than_it_declares_is_refused_by_what_it_holds() {
        let styles = vec![b' '; (MAX_PART_XML_BYTES + 1) as usize];
        let refused = check("book.xlsx", &lying_zip("xl/styles.bin", &styles, 100)).unwrap_err();
        // The zip reader itself stops at the declared size (said as an unreadable
        // workbook); the count here is the guard should it not.
        assert!(
            refused.contains("larger than its declared uncompressed size")
                || refused.contains("larger than 8 MiB"),
            "{refused}"
        );
        let honest = check("book.xlsx", &lying_zip("xl/styles.bin", b"tiny", 4));
        assert_eq!(honest, Ok(()));
    }

    #[test]
    fn a_long_run_of_blank_space_is_refused_as_it_streams() {
        let mut scan = SheetScan::new(true);
        let blank = vec![b' '; 64 * 1024];
        let mut result = Ok(());
        for _ in 0..20 {
            result = result.and_then(|()| scan.feed(&blank));
        }
        assert!(result.is_err());
        let mut scan = SheetScan::new(true);
        assert!(
            scan.feed(b"<c r=\"A1\"><v>1</v></c><!-- a > b --><c r='B1'/>")
                .is_ok()
        );
        assert!(scan.feed(b"<c r=\"XFE1\">").is_err());
    }
}
