//! Rows of cells: the CSV text a spreadsheet saves, read into records and written back.

use super::RowError;

/// One row of the spreadsheet and its cells, as written (not trimmed).
pub(super) struct Record {
    /// The row as a spreadsheet numbers it, from 1.
    pub(super) row: usize,
    pub(super) cells: Vec<String>,
}

/// The rows of a spreadsheet's text; an empty file or a quote never closed is refused.
pub(super) fn read(text: &str) -> Result<Vec<Record>, Vec<RowError>> {
    // Excel's "CSV UTF-8" starts with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![RowError::new(1, "", "el archivo está vacío", "the file is empty")]);
    }
    let records = records(text, sniff_delimiter(text)).map_err(|row| {
        vec![RowError::new(
            row,
            "",
            "unas comillas («\"») se abren en esta fila y no se cierran, y se tragan el resto del archivo",
            "a quote («\"») opens in this row and is never closed, swallowing the rest of the file",
        )]
    })?;
    Ok(records
        .into_iter()
        .enumerate()
        .map(|(i, cells)| Record { row: i + 1, cells })
        .collect())
}

/// The text of `rows`, each a record ending in LF.
pub(super) fn write(rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    for row in rows {
        write_record(&mut out, row.into_iter());
    }
    out
}

/// The delimiter the header row uses: a comma, or a semicolon or tab as some
/// spreadsheets in Spanish write "CSV".
pub(super) fn sniff_delimiter(text: &str) -> char {
    let header = text.lines().next().unwrap_or("");
    [',', ';', '\t']
        .into_iter()
        .max_by_key(|&d| (header.matches(d).count(), d == ','))
        .unwrap_or(',')
}

/// The records of an RFC 4180 text: fields separated by `delimiter`, records by CRLF, LF
/// or CR; a field in double quotes may hold delimiters, line breaks and quotes doubled
/// (`""`). A record may have any number of fields. `Err` is the row where a quote opens
/// and never closes.
pub(super) fn records(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, usize> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    // Whether the record has begun, so that a last line without a line break counts.
    let mut begun = false;
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        begun = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            // A quote opens a quoted field only at its start (after any spaces).
            '"' if !was_quoted && field.trim().is_empty() => {
                field.clear();
                quoted = true;
                was_quoted = true;
            }
            c if c == delimiter => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                was_quoted = false;
                begun = false;
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err(records.len() + 1);
    }
    if begun {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

/// One CSV record, a field quoted only when it must be (a comma, quote or line break).
pub(super) fn write_record(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_keeps_quoted_delimiters_quotes_and_line_breaks() {
        let text = "a,\"b,1\",\"c \"\"2\"\"\"\r\n\"line\nbreak\",,\"\"\nlast,row";
        let read = records(text, ',').unwrap();
        assert_eq!(
            read,
            vec![
                vec!["a", "b,1", "c \"2\""],
                vec!["line\nbreak", "", ""],
                vec!["last", "row"]
            ]
        );
        let mut written = String::new();
        write_record(
            &mut written,
            ["a", "b,1", "c \"2\"", "d\ne", "plain; text"]
                .map(String::from)
                .into_iter(),
        );
        assert_eq!(written, "a,\"b,1\",\"c \"\"2\"\"\",\"d\ne\",plain; text\n");
        assert_eq!(records(&written, ',').unwrap()[0][4], "plain; text");
    }
}
