//! The directory as a spreadsheet. `rumbo-data export` writes `directory.json` as CSV for
//! the centre's staff to open in Excel, LibreOffice or Google Sheets, and `rumbo-data
//! import` reads it back: one row per entry, one column per fact, so the people who check
//! the facts can edit them without touching JSON.
//!
//! The staff's description, with every column, is `docs/data-format.md`. In short:
//!
//! * Row 1 names the columns, in any order. A name is read regardless of case, accents
//!   and spacing (`País`, `pais` and `PAIS` are one column), and the JSON field names work
//!   too (`country`). An unknown name is refused, so a typo cannot drop a column's facts
//!   without a word. The required columns are `id`, `nombre_es`, `nombre_en`, `tipo`,
//!   `pais`, `verificado_el` and `fuente`; a missing optional column reads as empty.
//! * A translated text has one column per language: `nombre_es`, `nombre_en`, and
//!   `nombre_quc` and so on when a text has more.
//! * A cell holding a list separates its items with `;` (spaces around items are
//!   ignored). Inside an item, `\;` is a literal `;` and `\\` a backslash.
//! * A phone is `NUMBER [KIND] [lang: note]…`: `+50277001234`,
//!   `+50277001234 whatsapp [es: Solo mensajes] [en: Messages only]`. The kind is
//!   `voice` (the default, left out), `whatsapp` or `sms`; inside a note, `\[` and `\]`
//!   are literal brackets.
//! * Hours are days and times, `lun-vie 08:00-16:00; sáb 08:00-12:00`, with several
//!   openings a day as `lun-vie 08:00-12:00, 14:00-17:00`; the time zone has its own
//!   column.
//! * A service area is a country or `COUNTRY: region`: `US: Texas; US: Oklahoma; MX`.
//! * Kinds, services, precision, phone kinds and status are written as the JSON's codes
//!   (`resource_centre`); on import the Spanish or English label works too
//!   (`Centro de recursos`).
//!
//! Nothing is lost on the way: `from_csv(&to_csv(d)) == d` for any directory whose texts
//! have no blank translations and no spaces at their ends (the validator's data), and so
//! `to_csv` of what `from_csv` read gives the exported text back. Import is strict where
//! a guess could be wrong (a phone without `+`, a range of days backwards) and says what
//! to write instead, for every bad cell at once.
//!
//! Pure: the tool reads and writes the files. The CSV itself (quotes, line breaks in a
//! cell, `,`, `;` or tab as the delimiter, CRLF or LF) is the `csv` crate's, in
//! `records`; this module and the files beside it are what a spreadsheet's cells mean:
//!
//! * `records`: the CSV text as rows of cells, read and written.
//! * `columns`: the column set, the header row's names for it, required columns.
//! * `read`: cells → entries, every bad cell reported by row and column.
//! * `write`: entries → cells.
//! * `cells`: the cell syntaxes of phones, hours, service areas and coordinates.
//! * `lists`: list cells, `;`-separated with `\` escapes.
//! * `names`: the code lists and the names staff may write for each code.

mod cells;
mod columns;
mod lists;
mod names;
mod read;
mod records;
#[cfg(test)]
mod tests;
mod write;

use cells::area_text;
use columns::{Column, Field};
use names::day_name;
use rumbo::core::directory::entry::Directory;
use rumbo::core::problem::Problem;
use rumbo::core::text::lang::Text;
use std::collections::BTreeMap;
use std::fmt;

/// A problem in one cell, in a column of the header row, or in the whole file, said in
/// Spanish and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The row as a spreadsheet numbers it: the header is row 1, the first entry row 2.
    pub row: usize,
    /// The column's name as the file writes it (or its letter, for a column without a
    /// name); empty when the problem is the whole file.
    pub column: String,
    pub message: Text,
}

impl RowError {
    fn new(row: usize, column: impl Into<String>, es: &str, en: &str) -> RowError {
        RowError {
            row,
            column: column.into(),
            message: Text::new(es, en),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fila {} / row {}", self.row, self.row)?;
        if !self.column.is_empty() {
            write!(f, ", columna / column «{}»", self.column)?;
        }
        write!(f, ": {} / {}", self.message.get_code("es"), self.message.get_code("en"))
    }
}

/// A directory read from CSV, with what is needed to point back into the spreadsheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub directory: Directory,
    /// The spreadsheet row of each entry (blank rows are skipped but still counted).
    pub rows: Vec<usize>,
    /// Optional columns the file does not have: their facts were read as empty.
    pub absent: Vec<String>,
    /// Each column the file has, with its name as written.
    headers: BTreeMap<Column, String>,
}

/// Reads a directory from CSV text; every bad row and column if any. (The tool imports
/// through [`import`]; the round-trip tests read with this.)
#[cfg(test)]
pub fn from_csv(text: &str) -> Result<Directory, Vec<RowError>> {
    import(text).map(|imported| imported.directory)
}

/// Writes the directory as CSV: a header row and one row per entry, lines ending in LF,
/// comma-separated, with no byte-order mark (the tool adds one to files for Excel).
pub fn to_csv(directory: &Directory) -> String {
    let columns = columns::columns_for(directory);
    let header = columns.iter().map(Column::header).collect();
    let rows = directory
        .entries
        .iter()
        .map(|entry| columns.iter().map(|c| write::cell(entry, c)).collect());
    records::write(std::iter::once(header).chain(rows))
}

/// Like [`from_csv`], keeping the rows and column names for [`Imported::locate`].
pub fn import(text: &str) -> Result<Imported, Vec<RowError>> {
    let rows = records::read(text)?;
    let Some((header, rows)) = rows.split_first() else {
        return Err(vec![RowError::new(1, "", "el archivo está vacío", "the file is empty")]);
    };
    let (columns, headers) = columns::of_header(&header.cells)?;
    let (directory, rows) = read::entries(rows, &columns, &headers)?;
    Ok(Imported {
        directory,
        rows,
        absent: columns::absent(&headers),
        headers,
    })
}

impl Imported {
    /// Where a validator problem about this directory is in the spreadsheet: its row,
    /// column and message, naming the item when the cell holds a list. `None` for a
    /// problem elsewhere (the assessment).
    pub fn locate(&self, problem: &Problem) -> Option<RowError> {
        let rest = problem.path.strip_prefix(Directory::FILE)?.strip_prefix(": entries[")?;
        let (index, rest) = rest.split_once(']')?;
        let index: usize = index.parse().ok()?;
        let entry = self.directory.entries.get(index)?;
        let path = rest.strip_prefix(&format!(" ({}).", entry.id))?;
        let column = Column::of_path(path, entry)?;
        let item = path
            .split_once('[')
            .and_then(|(_, rest)| rest.split_once(']'))
            .and_then(|(n, _)| n.parse::<usize>().ok());
        let detail = item.and_then(|n| match column.field {
            Field::Phones => entry.phones.get(n).map(|p| p.number.clone()),
            Field::Hours => entry
                .hours
                .as_ref()
                .and_then(|h| h.weekly.get(n))
                .map(|o| format!("{} {}-{}", day_name(o.day), o.opens, o.closes)),
            Field::Languages => entry.languages.get(n).cloned(),
            Field::ServiceArea => entry.service_area.get(n).map(area_text),
            _ => None,
        });
        let mut message = problem.message.clone();
        if let Some(detail) = detail {
            for text in message.0.values_mut() {
                text.push_str(&format!(" («{detail}»)"));
            }
        }
        Some(RowError {
            row: self.rows[index],
            column: self.headers.get(&column).cloned().unwrap_or_else(|| column.header()),
            message,
        })
    }
}
