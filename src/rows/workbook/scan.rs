//! A workbook part's XML looked through as it streams by, before calamine parses
//! it: text runs and tags within bounds, quotes only where values begin, and every
//! cell, row and dimension reference within Excel's last row and column.

use super::{MAX_COLUMNS, MAX_ROWS, MAX_XML_RUN};

/// A part's XML looked through as it streams by, without building anything: no text
/// run or tag longer than `MAX_XML_RUN`, and every `r` of a cell or row, and a
/// sheet's declared dimension, within Excel's last row and column. Parts that are not
/// XML are only counted.
pub(super) struct SheetScan {
    xml: bool,
    /// Inside a tag, its bytes so far (after the `<`).
    tag: Option<Vec<u8>>,
    /// Inside a tag, the quote of the attribute value being read.
    quote: Option<u8>,
    /// The length of the text since the last tag.
    run: usize,
}

impl SheetScan {
    pub(super) fn new(xml: bool) -> Self {
        SheetScan {
            xml,
            tag: None,
            quote: None,
            run: 0,
        }
    }

    pub(super) fn feed(&mut self, mut bytes: &[u8]) -> Result<(), String> {
        if !self.xml {
            return Ok(());
        }
        while !bytes.is_empty() {
            match &mut self.tag {
                None => match memchr::memchr(b'<', bytes) {
                    Some(at) => {
                        self.run += at;
                        self.check_run()?;
                        self.tag = Some(Vec::new());
                        self.quote = None;
                        bytes = &bytes[at + 1..];
                    }
                    None => {
                        self.run += bytes.len();
                        return self.check_run();
                    }
                },
                Some(tag) => {
                    // Comments and CDATA end at their own marks; quotes mean nothing there.
                    let special = tag.starts_with(b"!");
                    let mut ended = None;
                    for (i, &b) in bytes.iter().enumerate() {
                        if special {
                            if b == b'>'
                                && (!tag.starts_with(b"!--") || tag.ends_with(b"--"))
                                && (!tag.starts_with(b"![CDATA[") || tag.ends_with(b"]]"))
                            {
                                ended = Some(i);
                                break;
                            }
                        } else if let Some(q) = self.quote {
                            if b == q {
                                self.quote = None;
                            }
                        } else if b == b'"' || b == b'\'' {
                            // A quote opens a value only after `=`: anywhere else the
                            // tags that follow would be misread (by this scan and by the
                            // parser alike), so the sheet is refused here.
                            let before = tag.iter().rev().find(|c| !c.is_ascii_whitespace());
                            if before != Some(&b'=') {
                                return Err(QUOTE_OUT_OF_PLACE.to_string());
                            }
                            self.quote = Some(b);
                        } else if b == b'>' {
                            ended = Some(i);
                            break;
                        }
                        tag.push(b);
                        if tag.len() > MAX_XML_RUN {
                            return Err(format!(
                                "a tag longer than {} MiB; careerfit reads no such sheet",
                                MAX_XML_RUN >> 20
                            ));
                        }
                    }
                    let Some(i) = ended else { return Ok(()) };
                    let tag = self.tag.take().unwrap_or_default();
                    check_tag(&tag)?;
                    self.run = 0;
                    bytes = &bytes[i + 1..];
                }
            }
        }
        Ok(())
    }

    fn check_run(&self) -> Result<(), String> {
        if self.run > MAX_XML_RUN {
            return Err(format!(
                "more than {} MiB of text between two tags (Excel holds at most 32,767 \
                 characters in a cell); careerfit reads no such sheet",
                MAX_XML_RUN >> 20
            ));
        }
        Ok(())
    }
}

/// A sheet whose tags have a quote where no attribute's value begins.
pub(super) const QUOTE_OUT_OF_PLACE: &str = "a quote outside an attribute's value in a tag: the sheet is \
     not well-formed XML, and careerfit reads no such sheet; save the workbook again from \
     Excel, or export the responses as CSV";

/// A cell's, a row's or the dimension's reference within Excel's last row and column.
pub(super) fn check_tag(tag: &[u8]) -> Result<(), String> {
    let end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/')
        .unwrap_or(tag.len());
    let element = &tag[..end];
    let local = element.rsplit(|&b| b == b':').next().unwrap_or(element);
    let (attribute, is_row): (&[u8], bool) = match local {
        b"c" => (b"r", false),
        b"row" => (b"r", true),
        b"dimension" => (b"ref", false),
        _ => return Ok(()),
    };
    let Some(value) = attribute_value(&tag[end..], attribute) else {
        return Ok(());
    };
    let text = String::from_utf8_lossy(value);
    let within = if is_row {
        row_number(value).is_some()
    } else {
        value
            .split(|&b| b == b':')
            .all(|r| cell_reference(r).is_some())
    };
    if within {
        Ok(())
    } else {
        Err(format!(
            "reference `{}` is not a cell within Excel's last row ({MAX_ROWS}) and column \
             (XFD, {MAX_COLUMNS}); careerfit reads no such sheet: save the workbook again \
             from Excel, or export the responses as CSV",
            crate::text::clip(&text)
        ))
    }
}

/// The value of `wanted` among a tag's attributes (`name="value"` or `'value'`).
fn attribute_value<'t>(mut rest: &'t [u8], wanted: &[u8]) -> Option<&'t [u8]> {
    loop {
        rest = rest.trim_ascii_start();
        let equals = rest.iter().position(|&b| b == b'=')?;
        let name = rest[..equals].trim_ascii();
        rest = rest[equals + 1..].trim_ascii_start();
        let quote = *rest.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let close = rest[1..].iter().position(|&b| b == quote)?;
        let value = &rest[1..1 + close];
        if name == wanted {
            return Some(value);
        }
        rest = &rest[close + 2..];
    }
}

/// A row number from 1 to Excel's last, without overflow.
fn row_number(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() || digits.len() > 7 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let row = digits
        .iter()
        .fold(0_u64, |n, d| n * 10 + u64::from(d - b'0'));
    (1..=MAX_ROWS).contains(&row).then_some(row)
}

/// A cell reference (`B7`, `$B$7`; a column or row alone, as a range may give one)
/// within Excel's last row and column.
fn cell_reference(reference: &[u8]) -> Option<()> {
    let reference: Vec<u8> = reference.iter().copied().filter(|&b| b != b'$').collect();
    let letters = reference
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let (column, row) = reference.split_at(letters);
    if column.is_empty() && row.is_empty() || column.len() > 3 {
        return None;
    }
    let column = column.iter().fold(0_u64, |n, c| {
        n * 26 + u64::from(c.to_ascii_uppercase() - b'A') + 1
    });
    if column > MAX_COLUMNS {
        return None;
    }
    if !row.is_empty() {
        row_number(row)?;
    }
    Some(())
}
