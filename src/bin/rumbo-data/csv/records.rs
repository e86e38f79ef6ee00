//! Rows of cells: the CSV text a spreadsheet saves, read into records and written back,
//! with the `csv` crate (RFC 4180: a field in double quotes may hold delimiters, line
//! breaks and quotes doubled as `""`).
//!
//! What spreadsheets add, and the crate leaves to us:
//!
//! * the delimiter: `,`, or `;` as Excel writes "CSV" in Spanish-language locales (a
//!   decimal comma takes the comma), or a tab; the header row says which;
//! * Excel's "CSV UTF-8" starts with a byte-order mark, which the crate would read as
//!   part of the first column's name;
//! * rows as the spreadsheet numbers them: a line break inside a quoted cell does not
//!   start a row, and an empty line (which the crate skips) is still one;
//! * a quote that is never closed: the crate reads the rest of the file into that cell,
//!   which here is refused, naming the row where the quote opens.
//!
//! Lines may end in CRLF, LF or CR; `write` ends them in LF.

use super::RowError;
use ::csv::{ReaderBuilder, StringRecord, Terminator, WriterBuilder};

/// One row of the spreadsheet and its cells, as written (not trimmed).
#[derive(Debug, PartialEq)]
pub(super) struct Record {
    /// The row as a spreadsheet numbers it, from 1.
    pub(super) row: usize,
    pub(super) cells: Vec<String>,
}

/// A last line added after the text: read back as a row of its own unless a quote left
/// open swallows it (it holds no quote, so it cannot close one).
const SENTINEL: &str = "\u{0}rumbo-data: end\u{0}";

/// The rows of a spreadsheet's text; an empty file or a quote never closed is refused.
pub(super) fn read(text: &str) -> Result<Vec<Record>, Vec<RowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![RowError::new(1, "", "el archivo está vacío", "the file is empty")]);
    }
    let input = format!("{text}\n{SENTINEL}");
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        // Rows may have any number of cells: spreadsheets drop trailing empty ones.
        .flexible(true)
        .delimiter(delimiter(text))
        .terminator(Terminator::CRLF)
        .from_reader(input.as_bytes());
    let bytes = input.as_bytes();
    let mut rows = Vec::new();
    let mut row = 0;
    let mut record = StringRecord::new();
    loop {
        let start = reader.position().byte() as usize;
        // The text is a `&str` and in memory: reading it cannot fail.
        if !reader.read_record(&mut record).expect("CSV from a string") {
            break;
        }
        row += blank_lines(bytes, start) + 1;
        rows.push(Record {
            row,
            cells: record.iter().map(str::to_string).collect(),
        });
    }
    match rows.pop() {
        Some(last) if last.cells == [SENTINEL] => Ok(rows),
        last => Err(vec![RowError::new(
            last.map_or(1, |r| r.row),
            "",
            "unas comillas («\"») se abren en esta fila y no se cierran, y se tragan el resto del archivo",
            "a quote («\"») opens in this row and is never closed, swallowing the rest of the file",
        )]),
    }
}

/// The empty lines the reader skipped from `start`, where it began a record: each CRLF,
/// LF or CR before the record's first cell (the LF of a CRLF that ended the record
/// before is left for the next read, and is not a line of its own).
fn blank_lines(bytes: &[u8], mut start: usize) -> usize {
    if start > 0 && bytes[start - 1] == b'\r' && bytes.get(start) == Some(&b'\n') {
        start += 1;
    }
    let ends: Vec<u8> = bytes[start..]
        .iter()
        .copied()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .collect();
    let crlf = ends.windows(2).filter(|pair| pair == b"\r\n").count();
    ends.len() - crlf
}

/// The delimiter the header row uses: a comma, or a semicolon or tab as some
/// spreadsheets in Spanish write "CSV".
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (header.matches(char::from(d)).count(), d == b','))
        .unwrap_or(b',')
}

/// The text of `rows`: comma-separated, each row ending in LF, a cell quoted only when it
/// must be (a comma, quote or line break).
pub(super) fn write(rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = WriterBuilder::new()
        .flexible(true)
        .terminator(Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        // Into memory: writing cannot fail.
        writer.write_record(&row).expect("CSV into memory");
    }
    let bytes = writer.into_inner().expect("CSV into memory");
    String::from_utf8(bytes).expect("CSV of strings is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        read(text).unwrap().into_iter().map(|r| r.cells).collect()
    }

    fn rows(text: &str) -> Vec<usize> {
        read(text).unwrap().into_iter().map(|r| r.row).collect()
    }

    #[test]
    fn the_reader_keeps_quoted_delimiters_quotes_and_line_breaks() {
        let text = "a,\"b,1\",\"c \"\"2\"\"\"\r\n\"line\nbreak\",,\"\"\nlast,row";
        assert_eq!(
            cells(text),
            vec![
                vec!["a", "b,1", "c \"2\""],
                vec!["line\nbreak", "", ""],
                vec!["last", "row"]
            ]
        );
        let row = ["a", "b,1", "c \"2\"", "d\ne", "plain; text"]
            .map(String::from)
            .to_vec();
        let written = write([row.clone()].into_iter());
        assert_eq!(written, "a,\"b,1\",\"c \"\"2\"\"\",\"d\ne\",plain; text\n");
        assert_eq!(cells(&written), [row]);
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_cell() {
        assert_eq!(cells("\u{feff}id,pais\nx,GT\n"), [["id", "pais"], ["x", "GT"]]);
        // Only at the start: anywhere else it is text.
        assert_eq!(cells("id\n\u{feff}x\n")[1], ["\u{feff}x"]);
    }

    #[test]
    fn semicolons_or_tabs_in_the_header_make_the_delimiter() {
        let expected = [["id", "nombre", "pais"], ["x", "a,b", "GT"]];
        assert_eq!(cells("id;nombre;pais\nx;a,b;GT\n"), expected);
        assert_eq!(cells("id\tnombre\tpais\nx\ta,b\tGT\n"), expected);
        assert_eq!(cells("id;\"a;b\"\n"), [["id", "a;b"]]);
        // One header cell: a comma, and the cell keeps its semicolon.
        assert_eq!(cells("id\na;b\n"), [["id"], ["a;b"]]);
    }

    #[test]
    fn crlf_lf_and_cr_end_rows_and_a_last_row_needs_no_line_end() {
        let expected = [["a", "b"], ["c", "d"]];
        for text in ["a,b\r\nc,d\r\n", "a,b\nc,d\n", "a,b\rc,d\r", "a,b\r\nc,d"] {
            assert_eq!(cells(text), expected, "{text:?}");
            assert_eq!(rows(text), [1, 2], "{text:?}");
        }
        // Inside quotes a line end is text, kept as written.
        assert_eq!(cells("\"a\r\nb\",c\r\n")[0], ["a\r\nb", "c"]);
    }

    #[test]
    fn rows_count_as_a_spreadsheet_counts_them() {
        // An empty line is a row; a line break inside quotes is not.
        for (text, expected) in [
            ("a\n\nb\n", vec![1, 3]),
            ("a\r\n\r\nb\r\n", vec![1, 3]),
            ("a\r\rb\r", vec![1, 3]),
            ("\n\na\n", vec![3]),
            ("\"x\ny\",z\n\n\"p\r\nq\"\nr\n", vec![1, 3, 4]),
            ("a\n\n\n", vec![1]),
        ] {
            assert_eq!(rows(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_quote_left_open_is_refused_at_its_row() {
        for (text, row) in [
            ("a,b\nc,\"d\ne,f\n", 2),
            ("\"", 1),
            ("a\n\n\"b\"\"\n", 3),
            ("a,\"b\"\"", 1),
        ] {
            let errors = read(text).unwrap_err();
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].row, row, "{text:?}");
            assert!(errors[0].message.get_code("en").contains("never closed"));
        }
        // Closed at the very end, with or without a line end.
        assert_eq!(cells("a,\"b\"\"\""), [["a", "b\""]]);
        assert_eq!(cells("a,\"b\nc\""), [["a", "b\nc"]]);
    }

    #[test]
    fn an_empty_text_is_refused() {
        for text in ["", "\u{feff}", " \r\n\n\t"] {
            assert!(read(text).unwrap_err()[0].message.get_code("en").contains("empty"));
        }
    }
}
