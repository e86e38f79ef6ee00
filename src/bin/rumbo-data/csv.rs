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
//! Pure: the tool reads and writes the files. The CSV reader and writer are the RFC 4180
//! subset spreadsheets produce, written here rather than pulled in as a crate.

use rumbo::core::directory::entry::{
    Address, Area, Directory, Entry, Hours, Kind, Location, Opening, Phone, PhoneKind, Precision, Service, Status,
    Weekday,
};
use rumbo::core::directory::links::{is_dialable, is_short_number};
use rumbo::core::directory::opening::minutes;
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

/// Reads a directory from CSV text; every bad row and column if any.
pub fn from_csv(text: &str) -> Result<Directory, Vec<RowError>> {
    import(text).map(|imported| imported.directory)
}

/// Writes the directory as CSV: a header row and one row per entry, lines ending in LF,
/// comma-separated, with no byte-order mark (the tool adds one to files for Excel).
pub fn to_csv(directory: &Directory) -> String {
    let columns = columns_for(directory);
    let mut out = String::new();
    write_record(&mut out, columns.iter().map(Column::header));
    for entry in &directory.entries {
        write_record(&mut out, columns.iter().map(|c| cell(entry, c)));
    }
    out
}

/// Like [`from_csv`], keeping the rows and column names for [`Imported::locate`].
pub fn import(text: &str) -> Result<Imported, Vec<RowError>> {
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
    let (header, rows) = records.split_first().expect("a non-blank text has a record");

    let mut errors = Vec::new();
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut headers: BTreeMap<Column, String> = BTreeMap::new();
    for name in header {
        let name = name.trim();
        let column = if name.is_empty() { None } else { Column::parse(name) };
        match &column {
            None if name.is_empty() => {}
            None => errors.push(RowError::new(
                1,
                name,
                "columna desconocida; las columnas válidas están en docs/data-format.md",
                "unknown column; the valid columns are in docs/data-format.md",
            )),
            Some(c) => {
                if let Some(first) = headers.get(c) {
                    errors.push(RowError::new(
                        1,
                        name,
                        &format!("esta columna repite «{first}»"),
                        &format!("this column repeats «{first}»"),
                    ));
                } else {
                    headers.insert(c.clone(), name.to_string());
                }
            }
        }
        columns.push(column);
    }
    for required in Column::required() {
        if !headers.contains_key(&required) {
            errors.push(RowError::new(
                1,
                required.header(),
                "falta esta columna, que es obligatoria",
                "this required column is missing",
            ));
        }
    }
    if !errors.is_empty() {
        // Without the right columns every row would be wrong: say only what to fix first.
        return Err(errors);
    }

    let mut directory = Directory::default();
    let mut entry_rows = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for (index, record) in rows.iter().enumerate() {
        let number = index + 2;
        // Spreadsheets save empty rows (and trailing empty cells) as delimiters only.
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let mut row = Row {
            number,
            cells: BTreeMap::new(),
            headers: &headers,
            errors: Vec::new(),
        };
        for (i, value) in record.iter().enumerate() {
            let value = value.trim();
            match columns.get(i) {
                Some(Some(column)) => {
                    row.cells.insert(column.clone(), value);
                }
                _ if value.is_empty() => {}
                _ => row.errors.push(RowError::new(
                    number,
                    column_letter(i),
                    "esta celda no está en ninguna columna: ponga un nombre en la fila 1 o bórrela",
                    "this cell is in no column: give it a name in row 1 or delete it",
                )),
            }
        }
        let entry = row.entry();
        if !entry.id.is_empty() {
            if let Some(first) = ids.get(&entry.id) {
                row.fail(
                    &Column::plain(Field::Id),
                    &format!(
                        "el id «{}» ya está en la fila {first}: cada contacto lleva uno distinto",
                        entry.id
                    ),
                    &format!(
                        "the id «{}» is already in row {first}: each entry needs its own",
                        entry.id
                    ),
                );
            } else {
                ids.insert(entry.id.clone(), number);
            }
        }
        if row.errors.is_empty() {
            directory.entries.push(entry);
            entry_rows.push(number);
        } else {
            errors.append(&mut row.errors);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if directory.entries.is_empty() {
        return Err(vec![RowError::new(
            2,
            "",
            "no hay ninguna fila con datos: importarlo dejaría el directorio vacío",
            "there is no row with data: importing it would empty the directory",
        )]);
    }
    let absent = FIELDS
        .iter()
        .flat_map(|&(field, _)| {
            if field.translated() {
                vec![Column::text(field, "es"), Column::text(field, "en")]
            } else {
                vec![Column::plain(field)]
            }
        })
        .filter(|c| !headers.contains_key(c))
        .map(|c| c.header())
        .collect();
    Ok(Imported {
        directory,
        rows: entry_rows,
        absent,
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

/// The facts an entry has, each one or more columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Id,
    Name,
    Aliases,
    Kind,
    Services,
    Description,
    Street,
    City,
    Region,
    PostalCode,
    Country,
    Latitude,
    Longitude,
    Precision,
    Phones,
    Email,
    Website,
    TimeZone,
    Hours,
    Languages,
    ServiceArea,
    Status,
    Alert,
    Tags,
    VerifiedOn,
    Source,
    ToVerify,
}

/// Every field in the order `to_csv` writes its columns, with the names a header may
/// use: the Spanish one `to_csv` writes first, then the JSON's. For a translated field the
/// name is a prefix to which `_es`, `_en`, … is added.
const FIELDS: [(Field, &[&str]); 27] = [
    (Field::Id, &["id"]),
    (Field::Name, &["nombre", "name"]),
    (Field::Aliases, &["alias", "aliases"]),
    (Field::Kind, &["tipo", "kind", "type"]),
    (Field::Services, &["servicios", "services"]),
    (Field::Description, &["descripcion", "description"]),
    (Field::Street, &["calle", "street", "direccion"]),
    (Field::City, &["ciudad", "city"]),
    (Field::Region, &["region", "departamento"]),
    (Field::PostalCode, &["codigo_postal", "postal_code"]),
    (Field::Country, &["pais", "country"]),
    (Field::Latitude, &["latitud", "latitude"]),
    (Field::Longitude, &["longitud", "longitude"]),
    (Field::Precision, &["precision"]),
    (Field::Phones, &["telefonos", "phones", "telefono"]),
    (Field::Email, &["correo", "email", "correo_electronico"]),
    (Field::Website, &["sitio_web", "website", "web"]),
    (Field::TimeZone, &["zona_horaria", "time_zone"]),
    (Field::Hours, &["horario", "hours"]),
    (Field::Languages, &["idiomas", "languages"]),
    (
        Field::ServiceArea,
        &["zona_servicio", "service_area", "zona_de_servicio"],
    ),
    (Field::Status, &["estado", "status"]),
    (Field::Alert, &["aviso", "alert"]),
    (Field::Tags, &["etiquetas", "tags"]),
    (Field::VerifiedOn, &["verificado_el", "verified_on"]),
    (Field::Source, &["fuente", "source"]),
    (Field::ToVerify, &["por_verificar", "to_verify"]),
];

impl Field {
    fn names(self) -> &'static [&'static str] {
        FIELDS.iter().find(|(f, _)| *f == self).map_or(&[], |(_, names)| names)
    }

    fn translated(self) -> bool {
        matches!(self, Field::Name | Field::Description | Field::Alert)
    }
}

/// One column: a field, and for a translated field the language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Column {
    field: Field,
    /// Empty unless the field is translated.
    lang: String,
}

impl Column {
    fn plain(field: Field) -> Column {
        Column {
            field,
            lang: String::new(),
        }
    }

    fn text(field: Field, lang: &str) -> Column {
        Column {
            field,
            lang: lang.to_string(),
        }
    }

    /// The facts an entry cannot do without.
    fn required() -> [Column; 7] {
        [
            Column::plain(Field::Id),
            Column::text(Field::Name, "es"),
            Column::text(Field::Name, "en"),
            Column::plain(Field::Kind),
            Column::plain(Field::Country),
            Column::plain(Field::VerifiedOn),
            Column::plain(Field::Source),
        ]
    }

    /// The name `to_csv` writes.
    fn header(&self) -> String {
        let name = self.field.names()[0];
        if self.lang.is_empty() {
            name.to_string()
        } else {
            format!("{name}_{}", self.lang)
        }
    }

    /// The column a header names, whatever its case, accents and spacing.
    fn parse(header: &str) -> Option<Column> {
        let key = normalise(header);
        for (field, names) in FIELDS {
            for name in names {
                if !field.translated() && key == *name {
                    return Some(Column::plain(field));
                }
                let lang = key.strip_prefix(name).and_then(|rest| rest.strip_prefix('_'));
                if field.translated()
                    && let Some(lang) = lang
                    && is_lang_code(lang)
                {
                    return Some(Column::text(field, lang));
                }
            }
        }
        None
    }

    /// The column holding the fact at `path` in a validator problem (`phones[0].number`).
    fn of_path(path: &str, entry: &Entry) -> Option<Column> {
        let top = path.split(['.', '[']).next()?;
        let field = match top {
            "name" | "description" | "alert" => {
                let field = match top {
                    "name" => Field::Name,
                    "description" => Field::Description,
                    _ => Field::Alert,
                };
                return Some(Column::text(field, path.split('.').nth(1)?));
            }
            "id" => Field::Id,
            "aliases" => Field::Aliases,
            "kind" => Field::Kind,
            "services" => Field::Services,
            "address" => match path {
                "address.street" => Field::Street,
                "address.city" => Field::City,
                "address.region" => Field::Region,
                "address.postal_code" => Field::PostalCode,
                _ => Field::Country,
            },
            "location" => match entry.location {
                Some(l) if (-90.0..=90.0).contains(&l.latitude) => Field::Longitude,
                _ => Field::Latitude,
            },
            "phones" => Field::Phones,
            "email" => Field::Email,
            "website" => Field::Website,
            "hours" if path.starts_with("hours.time_zone") => Field::TimeZone,
            "hours" => Field::Hours,
            "languages" => Field::Languages,
            "service_area" => Field::ServiceArea,
            "status" => Field::Status,
            "tags" => Field::Tags,
            "verified_on" => Field::VerifiedOn,
            "source" => Field::Source,
            "to_verify" => Field::ToVerify,
            _ => return None,
        };
        Some(Column::plain(field))
    }
}

/// The columns `to_csv` writes: every field, translated ones in Spanish, English and
/// then any other language some entry has.
fn columns_for(directory: &Directory) -> Vec<Column> {
    let mut columns = Vec::new();
    for (field, _) in FIELDS {
        if !field.translated() {
            columns.push(Column::plain(field));
            continue;
        }
        let mut langs: Vec<&str> = vec!["es", "en"];
        let mut others: Vec<&str> = directory
            .entries
            .iter()
            .filter_map(|e| match field {
                Field::Name => Some(&e.name),
                Field::Description => Some(&e.description),
                _ => e.alert.as_ref(),
            })
            .flat_map(|text| text.0.keys().map(String::as_str))
            .filter(|lang| !langs.contains(lang))
            .collect();
        others.sort_unstable();
        others.dedup();
        langs.extend(others);
        columns.extend(langs.into_iter().map(|lang| Column::text(field, lang)));
    }
    columns
}

/// What `column` holds for `entry`, as `to_csv` writes it.
fn cell(entry: &Entry, column: &Column) -> String {
    let list = |items: &[String]| items.iter().map(|i| escape(i, &[';'])).collect::<Vec<_>>().join("; ");
    let text = |text: Option<&Text>| text.and_then(|t| t.0.get(&column.lang)).cloned().unwrap_or_default();
    let location = entry.location.as_ref();
    match column.field {
        Field::Id => entry.id.clone(),
        Field::Name => text(Some(&entry.name)),
        Field::Aliases => list(&entry.aliases),
        Field::Kind => entry.kind.code().to_string(),
        Field::Services => entry.services.iter().map(|s| s.code()).collect::<Vec<_>>().join("; "),
        Field::Description => text(Some(&entry.description)),
        Field::Street => entry.address.street.clone().unwrap_or_default(),
        Field::City => entry.address.city.clone().unwrap_or_default(),
        Field::Region => entry.address.region.clone().unwrap_or_default(),
        Field::PostalCode => entry.address.postal_code.clone().unwrap_or_default(),
        Field::Country => entry.address.country.clone(),
        // Rust writes the shortest decimal that reads back as the same number.
        Field::Latitude => location.map(|l| l.latitude.to_string()).unwrap_or_default(),
        Field::Longitude => location.map(|l| l.longitude.to_string()).unwrap_or_default(),
        Field::Precision => location.map(|l| name_of(l.precision, &PRECISIONS)).unwrap_or_default(),
        Field::Phones => entry.phones.iter().map(phone_text).collect::<Vec<_>>().join("; "),
        Field::Email => entry.email.clone().unwrap_or_default(),
        Field::Website => entry.website.clone().unwrap_or_default(),
        Field::TimeZone => entry.hours.as_ref().map(|h| h.time_zone.clone()).unwrap_or_default(),
        Field::Hours => entry.hours.as_ref().map(|h| hours_text(&h.weekly)).unwrap_or_default(),
        Field::Languages => list(&entry.languages),
        Field::ServiceArea => entry.service_area.iter().map(area_text).collect::<Vec<_>>().join("; "),
        Field::Status => name_of(entry.status, &STATUSES),
        Field::Alert => text(entry.alert.as_ref()),
        Field::Tags => list(&entry.tags),
        Field::VerifiedOn => entry.verified_on.clone(),
        Field::Source => entry.source.clone(),
        Field::ToVerify => list(&entry.to_verify),
    }
}

/// `+50277001234 whatsapp [es: Solo mensajes] [en: Messages only]`.
fn phone_text(phone: &Phone) -> String {
    let mut out = phone.number.clone();
    if phone.kind != PhoneKind::Voice {
        out.push(' ');
        out.push_str(&name_of(phone.kind, &PHONE_KINDS));
    }
    if let Some(note) = &phone.note {
        for (lang, text) in in_reading_order(note) {
            out.push_str(&format!(" [{lang}: {}]", escape(text, &[';', '[', ']'])));
        }
    }
    out
}

/// `US: Texas`, or `MX` for the whole country.
fn area_text(area: &Area) -> String {
    match &area.region {
        Some(region) => format!("{}: {}", area.country, escape(region, &[';'])),
        None => area.country.clone(),
    }
}

/// The weekly openings as few items as will read back the same: days in a row with the
/// same times make a range (`lun-vie 08:00-16:00`), and a day's several openings share
/// its item (`lun 08:00-12:00, 14:00-17:00`).
fn hours_text(weekly: &[Opening]) -> String {
    let mut items = Vec::new();
    let mut i = 0;
    while i < weekly.len() {
        let day = weekly[i].day;
        let per_day = weekly[i..].iter().take_while(|o| o.day == day).count();
        let first = &weekly[i..i + per_day];
        // Import expands `lun-vie` day by day, each day's openings in order: extend the
        // range while the next days repeat the first day's openings exactly.
        let mut days = 1;
        while let Some(next) = weekly.get(i + days * per_day..i + (days + 1) * per_day)
            && let Some(next_day) = day_after(day, days)
            && next
                .iter()
                .zip(first)
                .all(|(o, f)| o.day == next_day && o.opens == f.opens && o.closes == f.closes)
        {
            days += 1;
        }
        let span = match days {
            1 => day_name(day).to_string(),
            _ => format!(
                "{}-{}",
                day_name(day),
                day_name(day_after(day, days - 1).unwrap_or(day))
            ),
        };
        let times: Vec<String> = first.iter().map(|o| format!("{}-{}", o.opens, o.closes)).collect();
        items.push(format!("{span} {}", times.join(", ")));
        i += days * per_day;
    }
    items.join("; ")
}

/// One data row being read: its cells by column, and what is wrong with them.
struct Row<'a> {
    number: usize,
    cells: BTreeMap<Column, &'a str>,
    headers: &'a BTreeMap<Column, String>,
    errors: Vec<RowError>,
}

impl<'a> Row<'a> {
    fn entry(&mut self) -> Entry {
        let id = self.required(Field::Id);
        let name = self.text(Field::Name);
        for lang in ["es", "en"] {
            if !name.has(lang) {
                self.missing(&Column::text(Field::Name, lang));
            }
        }
        let kind = self.kind();
        let alert = self.text(Field::Alert);
        Entry {
            id,
            name,
            aliases: self.strings(Field::Aliases),
            kind,
            services: self.services(),
            description: self.text(Field::Description),
            address: Address {
                street: self.optional(Field::Street),
                city: self.optional(Field::City),
                region: self.optional(Field::Region),
                postal_code: self.optional(Field::PostalCode),
                country: self.required(Field::Country),
            },
            location: self.location(),
            phones: self.phones(),
            email: self.optional(Field::Email),
            website: self.optional(Field::Website),
            hours: self.hours(),
            languages: self.strings(Field::Languages),
            service_area: self.areas(),
            status: self.status(),
            alert: (!alert.0.is_empty()).then_some(alert),
            tags: self.strings(Field::Tags),
            verified_on: self.required(Field::VerifiedOn),
            source: self.required(Field::Source),
            part_of: None,
            sources: Vec::new(),
            to_verify: self.strings(Field::ToVerify),
        }
    }

    fn get(&self, field: Field) -> &'a str {
        self.cells.get(&Column::plain(field)).copied().unwrap_or("")
    }

    fn fail(&mut self, column: &Column, es: &str, en: &str) {
        let name = self.headers.get(column).cloned().unwrap_or_else(|| column.header());
        self.errors.push(RowError::new(self.number, name, es, en));
    }

    fn missing(&mut self, column: &Column) {
        self.fail(
            column,
            "falta el valor, que es obligatorio",
            "the value is missing, and it is required",
        );
    }

    fn required(&mut self, field: Field) -> String {
        let value = self.get(field);
        if value.is_empty() {
            self.missing(&Column::plain(field));
        }
        value.to_string()
    }

    fn optional(&self, field: Field) -> Option<String> {
        Some(self.get(field)).filter(|v| !v.is_empty()).map(str::to_string)
    }

    /// Every language's column of a translated field; blank ones are left out.
    fn text(&self, field: Field) -> Text {
        Text(
            self.cells
                .iter()
                .filter(|(c, v)| c.field == field && !v.is_empty())
                .map(|(c, v)| (c.lang.clone(), (*v).to_string()))
                .collect(),
        )
    }

    fn strings(&self, field: Field) -> Vec<String> {
        items(self.get(field)).iter().map(|item| plain(item)).collect()
    }

    fn kind(&mut self) -> Kind {
        let value = self.get(Field::Kind);
        if value.is_empty() {
            self.missing(&Column::plain(Field::Kind));
            return Kind::Consulate;
        }
        let found = Kind::ALL.into_iter().find(|k| {
            let label = k.label();
            names_match(value, &[k.code(), label.get_code("es"), label.get_code("en")])
        });
        found.unwrap_or_else(|| {
            let codes: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
            self.fail(
                &Column::plain(Field::Kind),
                &format!("tipo desconocido «{value}»; use uno de: {}", codes.join(", ")),
                &format!("unknown kind «{value}»; use one of: {}", codes.join(", ")),
            );
            Kind::Consulate
        })
    }

    fn services(&mut self) -> Vec<Service> {
        let mut services = Vec::new();
        for item in self.strings(Field::Services) {
            let found = Service::ALL.into_iter().find(|s| {
                let label = s.label();
                names_match(&item, &[s.code(), label.get_code("es"), label.get_code("en")])
            });
            match found {
                Some(service) => services.push(service),
                None => {
                    let codes: Vec<&str> = Service::ALL.iter().map(|s| s.code()).collect();
                    self.fail(
                        &Column::plain(Field::Services),
                        &format!("servicio desconocido «{item}»; use: {}", codes.join(", ")),
                        &format!("unknown service «{item}»; use: {}", codes.join(", ")),
                    );
                }
            }
        }
        services
    }

    /// Latitude, longitude and precision go together: all three or none.
    fn location(&mut self) -> Option<Location> {
        let cells = [Field::Latitude, Field::Longitude, Field::Precision].map(|f| (f, self.get(f)));
        if cells.iter().all(|(_, v)| v.is_empty()) {
            return None;
        }
        for (field, value) in cells {
            if value.is_empty() {
                self.fail(
                    &Column::plain(field),
                    "latitud, longitud y precisión van juntas: escriba las tres o ninguna",
                    "latitude, longitude and precision go together: write all three or none",
                );
            }
        }
        let [latitude, longitude] = [Field::Latitude, Field::Longitude].map(|field| {
            let value = self.get(field);
            let number = coordinate(value);
            if number.is_none() && !value.is_empty() {
                self.fail(
                    &Column::plain(field),
                    &format!("«{value}» no es un número en grados decimales (p. ej. 14.8347 o -91.5181)"),
                    &format!("«{value}» is not a number in decimal degrees (e.g. 14.8347 or -91.5181)"),
                );
            }
            number
        });
        let value = self.get(Field::Precision);
        let precision = lookup(value, &PRECISIONS);
        if precision.is_none() && !value.is_empty() {
            self.fail(
                &Column::plain(Field::Precision),
                &format!("precisión desconocida «{value}»; use exact (el edificio) o city (solo la ciudad)"),
                &format!("unknown precision «{value}»; use exact (the building) or city (the city only)"),
            );
        }
        Some(Location {
            latitude: latitude?,
            longitude: longitude?,
            precision: precision?,
        })
    }

    fn phones(&mut self) -> Vec<Phone> {
        items(self.get(Field::Phones))
            .iter()
            .filter_map(|item| {
                let phone = phone(item);
                if let Err((es, en)) = &phone {
                    self.fail(&Column::plain(Field::Phones), es, en);
                }
                phone.ok()
            })
            .collect()
    }

    fn hours(&mut self) -> Option<Hours> {
        let zone = self.get(Field::TimeZone);
        let list = self.get(Field::Hours);
        if zone.is_empty() && list.is_empty() {
            return None;
        }
        if zone.is_empty() {
            self.fail(
                &Column::plain(Field::TimeZone),
                "el horario necesita su zona horaria (p. ej. America/Guatemala)",
                "the hours need their time zone (e.g. America/Guatemala)",
            );
        }
        let mut weekly = Vec::new();
        for item in items(list) {
            match openings(&plain(&item)) {
                Ok(openings) => weekly.extend(openings),
                Err((es, en)) => self.fail(&Column::plain(Field::Hours), &es, &en),
            }
        }
        Some(Hours {
            time_zone: zone.to_string(),
            weekly,
        })
    }

    fn areas(&mut self) -> Vec<Area> {
        let mut areas = Vec::new();
        for item in items(self.get(Field::ServiceArea)) {
            let colon = item.iter().position(|&(c, escaped)| c == ':' && !escaped);
            let Some(colon) = colon else {
                areas.push(Area {
                    country: plain(&item),
                    region: None,
                });
                continue;
            };
            let region = plain(trim(&item[colon + 1..]));
            if region.is_empty() {
                self.fail(
                    &Column::plain(Field::ServiceArea),
                    &format!(
                        "falta la región después de «:» en «{}»: escriba «US: Texas», o solo «US» para todo el país",
                        plain(&item)
                    ),
                    &format!(
                        "the region after «:» is missing in «{}»: write «US: Texas», or just «US» for the whole country",
                        plain(&item)
                    ),
                );
            }
            areas.push(Area {
                country: plain(trim(&item[..colon])),
                region: Some(region),
            });
        }
        areas
    }

    fn status(&mut self) -> Status {
        let value = self.get(Field::Status);
        if value.is_empty() {
            return Status::Active;
        }
        lookup(value, &STATUSES).unwrap_or_else(|| {
            self.fail(
                &Column::plain(Field::Status),
                &format!("estado desconocido «{value}»; use active, temporarily_closed o defunct"),
                &format!("unknown status «{value}»; use active, temporarily_closed or defunct"),
            );
            Status::Active
        })
    }
}

/// A message in Spanish and English.
type Reason = (String, String);

/// One phone item: `+50277001234 whatsapp [es: Solo mensajes] [en: Messages only]`.
fn phone(item: &[Unit]) -> Result<Phone, Reason> {
    let bracket = item.iter().position(|&u| u == ('[', false)).unwrap_or(item.len());
    let head = plain(&item[..bracket]);
    let words: Vec<&str> = head.split_whitespace().collect();
    let Some((&number, rest)) = words.split_first() else {
        return Err((
            "falta el número antes de la nota".into(),
            "the number is missing before the note".into(),
        ));
    };
    let kind = match rest {
        [] => Some(PhoneKind::Voice),
        // `(whatsapp)` as well as `whatsapp`.
        [word] => lookup(word.trim_matches(['(', ')']), &PHONE_KINDS),
        _ => None,
    };
    let Some(kind) = kind else {
        // `+502 7700 1234` splits into words too: say what is wrong with the number.
        return Err(if rest[0].starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            (
                format!("«{head}» no es un número E.164: «+», código de país y número, sin espacios (+50277001234)"),
                format!("«{head}» is not an E.164 number: «+», country code and number, no spaces (+50277001234)"),
            )
        } else {
            (
                format!("tipo de teléfono desconocido en «{head}»; use voice, whatsapp o sms"),
                format!("unknown phone kind in «{head}»; use voice, whatsapp or sms"),
            )
        });
    };
    if kind == PhoneKind::Whatsapp && is_short_number(number) {
        return Err((
            format!("«{number}» es un número corto: no tiene WhatsApp; escriba el número completo (+50277001234)"),
            format!("«{number}» is a short number: it has no WhatsApp; write the full number (+50277001234)"),
        ));
    }
    if !is_dialable(number, kind) {
        // Excel reads +50277001234 as a number and drops the sign.
        return Err(if number.bytes().all(|b| b.is_ascii_digit()) {
            (
                format!("a «{number}» le falta el «+» (Excel suele quitarlo): escriba +{number}"),
                format!("«{number}» lacks its «+» (Excel tends to drop it): write +{number}"),
            )
        } else {
            (
                format!(
                    "«{number}» no es un número E.164: «+» y de 8 a 15 dígitos, sin espacios ni guiones (+50277001234)"
                ),
                format!(
                    "«{number}» is not an E.164 number: «+» and 8 to 15 digits, no spaces or dashes (+50277001234)"
                ),
            )
        });
    }
    Ok(Phone {
        number: number.to_string(),
        kind,
        note: note(&item[bracket..])?,
    })
}

/// The notes after a phone: `[es: Solo mensajes] [en: Messages only]`.
fn note(mut rest: &[Unit]) -> Result<Option<Text>, Reason> {
    let syntax = || {
        (
            "la nota de un teléfono va entre corchetes con su idioma: [es: Solo mensajes] [en: Messages only]"
                .to_string(),
            "a phone's note goes in brackets with its language: [es: Solo mensajes] [en: Messages only]".to_string(),
        )
    };
    let mut note: Option<Text> = None;
    loop {
        rest = trim(rest);
        if rest.is_empty() {
            return Ok(note);
        }
        if rest[0] != ('[', false) {
            return Err(syntax());
        }
        let close = rest.iter().position(|&u| u == (']', false)).ok_or_else(syntax)?;
        let inside = &rest[1..close];
        let colon = inside.iter().position(|&u| u == (':', false)).ok_or_else(syntax)?;
        let lang = plain(trim(&inside[..colon]));
        let text = plain(trim(&inside[colon + 1..]));
        if !is_lang_code(&lang) {
            return Err(syntax());
        }
        let texts = note.get_or_insert_with(Text::default);
        if texts.0.contains_key(&lang) {
            return Err((
                format!("la nota tiene dos veces el idioma «{lang}»"),
                format!("the note has the language «{lang}» twice"),
            ));
        }
        if !text.is_empty() {
            texts.0.insert(lang, text);
        }
        rest = &rest[close + 1..];
    }
}

/// One hours item: `lun-vie 08:00-16:00`, `lun, mié 08:00-12:00, 14:00-17:00`.
fn openings(item: &str) -> Result<Vec<Opening>, Reason> {
    let syntax = || {
        (
            format!("«{item}» no se entiende; el horario va como «lun-vie 08:00-16:00; sáb 08:00-12:00»"),
            format!("«{item}» cannot be read; hours are written «lun-vie 08:00-16:00; sáb 08:00-12:00»"),
        )
    };
    let split = item.find(|c: char| c.is_ascii_digit()).unwrap_or(item.len());
    let (days_part, times_part) = item.split_at(split);
    if days_part.trim().is_empty() || times_part.trim().is_empty() {
        return Err(syntax());
    }
    let mut days = Vec::new();
    for span in days_part.split(',') {
        let ends: Vec<&str> = span.split('-').map(str::trim).collect();
        let ends: Vec<Weekday> = ends
            .iter()
            .map(|name| {
                lookup(name, &DAYS).ok_or_else(|| {
                    (
                        format!("día desconocido «{name}»; use lun, mar, mié, jue, vie, sáb, dom"),
                        format!("unknown day «{name}»; use lun, mar, mié, jue, vie, sáb, dom (or mon … sun)"),
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        match ends[..] {
            [day] => days.push(day),
            [from, to] if from <= to => days.extend(DAYS.iter().map(|(d, _)| *d).filter(|d| (from..=to).contains(d))),
            [_, _] => {
                return Err((
                    format!(
                        "los días de «{}» van hacia atrás: escríbalos de lunes a domingo",
                        span.trim()
                    ),
                    format!(
                        "the days in «{}» go backwards: write them Monday to Sunday",
                        span.trim()
                    ),
                ));
            }
            _ => return Err(syntax()),
        }
    }
    let mut slots = Vec::new();
    for slot in times_part.split(',') {
        let (opens, closes) = slot.split_once('-').ok_or_else(syntax)?;
        let (opens, closes) = (opens.trim(), closes.trim());
        for time in [opens, closes] {
            if minutes(time).is_none() {
                return Err((
                    format!("la hora «{time}» va como HH:MM, de 00:00 a 24:00 (08:00, no 8:00 ni 8am)"),
                    format!("the time «{time}» is written HH:MM, from 00:00 to 24:00 (08:00, not 8:00 or 8am)"),
                ));
            }
        }
        slots.push((opens, closes));
    }
    Ok(days
        .into_iter()
        .flat_map(|day| {
            slots.iter().map(move |(opens, closes)| Opening {
                day,
                opens: opens.to_string(),
                closes: closes.to_string(),
            })
        })
        .collect())
}

/// A coordinate, with a decimal point or (as Spanish-language spreadsheets write it) a
/// decimal comma.
fn coordinate(value: &str) -> Option<f64> {
    let value = if value.contains('.') {
        value.to_string()
    } else {
        value.replacen(',', ".", 1)
    };
    value.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Names for each value of a code list: the code `to_csv` writes, then what `from_csv`
/// also accepts.
type Names<T> = [(T, &'static [&'static str])];

const PRECISIONS: [(Precision, &[&str]); 2] = [
    (Precision::Exact, &["exact", "exacta", "exacto"]),
    (Precision::City, &["city", "ciudad"]),
];

const PHONE_KINDS: [(PhoneKind, &[&str]); 3] = [
    (PhoneKind::Voice, &["voice", "voz", "llamada"]),
    (PhoneKind::Whatsapp, &["whatsapp"]),
    (PhoneKind::Sms, &["sms"]),
];

const STATUSES: [(Status, &[&str]); 3] = [
    (Status::Active, &["active", "activo", "activa"]),
    (
        Status::TemporarilyClosed,
        &[
            "temporarily_closed",
            "cerrado_temporalmente",
            "cerrada_temporalmente",
            "temporalmente_cerrado",
            "temporalmente_cerrada",
        ],
    ),
    (
        Status::Defunct,
        &[
            "defunct",
            "cerrado_definitivamente",
            "cerrada_definitivamente",
            "ya_no_existe",
        ],
    ),
];

/// Days as staff write them: the Spanish abbreviation `to_csv` writes, the full Spanish
/// name, and the JSON's English code and name.
const DAYS: [(Weekday, &[&str]); 7] = [
    (Weekday::Mon, &["lun", "lunes", "mon", "monday"]),
    (Weekday::Tue, &["mar", "martes", "tue", "tuesday"]),
    (Weekday::Wed, &["mié", "miércoles", "wed", "wednesday"]),
    (Weekday::Thu, &["jue", "jueves", "thu", "thursday"]),
    (Weekday::Fri, &["vie", "viernes", "fri", "friday"]),
    (Weekday::Sat, &["sáb", "sábado", "sat", "saturday"]),
    (Weekday::Sun, &["dom", "domingo", "sun", "sunday"]),
];

fn day_name(day: Weekday) -> &'static str {
    DAYS.iter().find(|(d, _)| *d == day).map_or("", |(_, names)| names[0])
}

/// The day `n` days after `day` in the same week (no wrapping past Sunday).
fn day_after(day: Weekday, n: usize) -> Option<Weekday> {
    let index = DAYS.iter().position(|(d, _)| *d == day)?;
    DAYS.get(index + n).map(|(d, _)| *d)
}

fn name_of<T: PartialEq>(value: T, names: &Names<T>) -> String {
    names
        .iter()
        .find(|(v, _)| *v == value)
        .map_or(String::new(), |(_, n)| n[0].to_string())
}

fn lookup<T: Copy>(value: &str, names: &Names<T>) -> Option<T> {
    names.iter().find(|(_, n)| names_match(value, n)).map(|(v, _)| *v)
}

fn names_match(value: &str, names: &[&str]) -> bool {
    let key = normalise(value);
    !key.is_empty() && names.iter().any(|n| normalise(n) == key)
}

/// A name as compared: lowercase, without accents, with each run of spaces or
/// punctuation as one `_` (`Código postal` → `codigo_postal`).
fn normalise(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

fn is_lang_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// A character of a list cell, and whether a backslash escaped it (then it is never a
/// separator).
type Unit = (char, bool);

/// The items of a list cell: split at each `;` that is not escaped, trimmed, the empty
/// ones dropped (a trailing `;` is a slip, not an item).
fn items(cell: &str) -> Vec<Vec<Unit>> {
    let mut units = Vec::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => units.push(chars.next().map_or(('\\', false), |next| (next, true))),
            (c, false) => units.push((c, false)),
        }
    }
    units
        .split(|&u| u == (';', false))
        .map(trim)
        .filter(|item| !item.is_empty())
        .map(<[Unit]>::to_vec)
        .collect()
}

fn trim(units: &[Unit]) -> &[Unit] {
    let blank = |u: &Unit| u.0.is_whitespace() && !u.1;
    let start = units.iter().position(|u| !blank(u)).unwrap_or(units.len());
    let end = units.iter().rposition(|u| !blank(u)).map_or(start, |i| i + 1);
    &units[start..end]
}

fn plain(units: &[Unit]) -> String {
    units.iter().map(|u| u.0).collect()
}

/// `text` with a backslash before each backslash and each of `special`, for a list item.
fn escape(text: &str, special: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\\' || special.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A note's languages Spanish first, then English, then the rest.
fn in_reading_order(text: &Text) -> Vec<(&str, &str)> {
    let mut pairs: Vec<(&str, &str)> = text.0.iter().map(|(l, t)| (l.as_str(), t.as_str())).collect();
    pairs.sort_by_key(|(lang, _)| match *lang {
        "es" => 0,
        "en" => 1,
        _ => 2,
    });
    pairs
}

/// The spreadsheet's letter for a column: A … Z, AA, AB, …
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.iter().rev().map(|&b| b as char).collect()
}

/// The delimiter the header row uses: a comma, or a semicolon or tab as some
/// spreadsheets in Spanish write "CSV".
fn sniff_delimiter(text: &str) -> char {
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
fn records(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, usize> {
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
fn write_record(out: &mut String, cells: impl Iterator<Item = String>) {
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
    use rumbo::core::content::validate::validate_directory;

    /// Every kind of cell that could trip a reader or writer, in obviously fictitious data.
    const TRICKY: &str = r#"{"entries":[
        {"id":"centro-ficticio","name":{"es":"Centro \"Ficticio\", Xela","en":"Fictitious Centre","quc":"Ja Ficticio"},
         "aliases":["CF; el de la esquina","Ruta C:\\ficticia","Peña [vieja]"],
         "kind":"resource_centre","services":["information","legal_advice"],
         "description":{"es":"Primera línea.\nSegunda línea, con coma; y «comillas».","en":"First line.\r\nSecond, \"quoted\"."},
         "address":{"street":"4a. Calle 12-34, zona 1","city":"Quetzaltenango","region":"Quetzaltenango","postal_code":"09001","country":"GT"},
         "location":{"latitude":14.8347,"longitude":-91.5181,"precision":"exact"},
         "phones":[{"number":"+15550100123"},
                   {"number":"+15550100124","kind":"whatsapp","note":{"es":"Solo mensajes; [urgente] \\ sí","en":"Messages only"}},
                   {"number":"+15550100125","kind":"sms","note":{"es":"Turno de noche"}}],
         "email":"info@example.org","website":"https://example.org/ficticio?a=1,2",
         "hours":{"time_zone":"America/Guatemala","weekly":[
            {"day":"mon","opens":"08:00","closes":"12:00"},{"day":"mon","opens":"14:00","closes":"17:00"},
            {"day":"tue","opens":"08:00","closes":"12:00"},{"day":"tue","opens":"14:00","closes":"17:00"},
            {"day":"thu","opens":"09:00","closes":"13:00"},{"day":"sat","opens":"08:00","closes":"12:00"},
            {"day":"sun","opens":"00:00","closes":"24:00"},{"day":"fri","opens":"10:00","closes":"11:00"}]},
         "languages":["spa","quc","mam"],
         "service_area":[{"country":"GT"},{"country":"US","region":"Texas"},{"country":"US","region":"Nueva York: Bronx; Queens"}],
         "status":"temporarily_closed","alert":{"es":"Cerrado por obras","en":"Closed for works"},
         "tags":["information","legal"],"verified_on":"2026-01-01","source":"Registro ficticio, p. 3; anexo «B»",
         "to_verify":["hours","phones"]},
        {"id":"linea-ficticia","name":{"es":"Línea Ficticia","en":"Fictitious Line"},"kind":"hotline",
         "address":{"country":"US"},"hours":{"time_zone":"America/New_York","weekly":[]},
         "status":"defunct","verified_on":"2025-12-31","source":"https://example.org/linea"}]}"#;

    fn tricky() -> Directory {
        Directory::from_json(TRICKY.as_bytes()).unwrap()
    }

    const REQUIRED: [(&str, &str); 7] = [
        ("id", "centro-ficticio"),
        ("nombre_es", "Centro Ficticio"),
        ("nombre_en", "Fictitious Centre"),
        ("tipo", "resource_centre"),
        ("pais", "GT"),
        ("verificado_el", "2026-01-01"),
        ("fuente", "https://example.org/ficticio"),
    ];

    /// A one-entry sheet: the required columns with good values, changed or added to by
    /// `cells`.
    fn sheet(cells: &[(&str, &str)]) -> String {
        let mut columns: Vec<(&str, &str)> = REQUIRED.to_vec();
        for &(name, value) in cells {
            match columns.iter_mut().find(|(n, _)| *n == name) {
                Some(column) => column.1 = value,
                None => columns.push((name, value)),
            }
        }
        let mut out = String::new();
        write_record(&mut out, columns.iter().map(|c| c.0.to_string()));
        write_record(&mut out, columns.iter().map(|c| c.1.to_string()));
        out
    }

    fn read(cells: &[(&str, &str)]) -> Result<Entry, Vec<String>> {
        from_csv(&sheet(cells))
            .map(|d| d.entries[0].clone())
            .map_err(|errors| errors.iter().map(ToString::to_string).collect())
    }

    /// The sheet is refused with a message at row 2 of `column` saying `text`.
    fn fails(cells: &[(&str, &str)], column: &str, text: &str) {
        let errors = read(cells).expect_err("a bad cell is refused");
        let at = format!("fila 2 / row 2, columna / column «{column}»");
        assert!(
            errors.iter().any(|e| e.starts_with(&at) && e.contains(text)),
            "expected {at} … {text}, got {errors:?}"
        );
    }

    #[test]
    fn the_shipped_directory_round_trips() {
        let shipped = Directory::from_json(include_bytes!("../../../public/data/directory.json")).unwrap();
        let csv = to_csv(&shipped);
        assert_eq!(from_csv(&csv).unwrap(), shipped);
        assert_eq!(to_csv(&from_csv(&csv).unwrap()), csv);
    }

    #[test]
    fn quotes_commas_line_breaks_accents_and_empty_fields_round_trip() {
        let directory = tricky();
        let csv = to_csv(&directory);
        assert_eq!(from_csv(&csv).unwrap(), directory, "{csv}");
        assert_eq!(to_csv(&from_csv(&csv).unwrap()), csv);
        // The written syntax, as docs/data-format.md shows it.
        let row = &from_csv(&csv).unwrap().entries[0];
        assert_eq!(row.phones.len(), 3);
        for expected in [
            r#"+15550100123; +15550100124 whatsapp [es: Solo mensajes\; \[urgente\] \\ sí] [en: Messages only]; +15550100125 sms [es: Turno de noche]"#,
            "lun-mar 08:00-12:00, 14:00-17:00; jue 09:00-13:00; sáb 08:00-12:00; dom 00:00-24:00; vie 10:00-11:00",
            r"GT; US: Texas; US: Nueva York: Bronx\; Queens",
            r"CF\; el de la esquina; Ruta C:\\ficticia; Peña [vieja]",
            "\"Centro \"\"Ficticio\"\", Xela\"",
            ",nombre_quc,",
            ",temporarily_closed,",
        ] {
            assert!(csv.contains(expected), "{expected}\n{csv}");
        }
    }

    #[test]
    fn headers_in_any_order_case_accents_spacing_or_english() {
        let csv = "Fuente;PAÍS;Verified on;Kind;name_en;Nombre ES;ID;Código Postal\n\
                   https://example.org/f;GT;2026-01-01;Centro de recursos;Fictitious;Ficticio;centro-ficticio;09001\n";
        let directory = from_csv(csv).unwrap();
        let entry = &directory.entries[0];
        assert_eq!(entry.kind, Kind::ResourceCentre);
        assert_eq!(entry.name, Text::new("Ficticio", "Fictitious"));
        assert_eq!(entry.address.postal_code.as_deref(), Some("09001"));
        // A column the file lacks is reported, not guessed.
        assert!(import(csv).unwrap().absent.contains(&"telefonos".to_string()));
    }

    #[test]
    fn unknown_repeated_and_missing_columns_are_refused() {
        let errors = from_csv(&sheet(&[("telfonos", "+15550100123"), ("country", "GT")])).unwrap_err();
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(errors[0].contains("«telfonos»: columna desconocida"), "{errors:?}");
        assert!(
            errors[1].contains("«country»: esta columna repite «pais»"),
            "{errors:?}"
        );
        let without_source = sheet(&[])
            .replace(",fuente", "")
            .replace(",https://example.org/ficticio", "");
        let errors = from_csv(&without_source).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].row, errors[0].column.as_str()), (1, "fuente"));
        assert!(errors[0].message.get_code("en").contains("required column is missing"));
    }

    #[test]
    fn an_empty_file_or_one_without_rows_is_refused() {
        for empty in ["", "\u{feff}", "  \r\n\n"] {
            let errors = from_csv(empty).unwrap_err();
            assert!(
                errors[0]
                    .to_string()
                    .contains("el archivo está vacío / the file is empty"),
                "{errors:?}"
            );
        }
        let header_only = sheet(&[]).lines().next().unwrap().to_string() + "\n,,,,,,\n";
        let errors = from_csv(&header_only).unwrap_err();
        assert!(errors[0].to_string().contains("no hay ninguna fila"), "{errors:?}");
    }

    #[test]
    fn byte_order_mark_semicolons_tabs_and_crlf_are_read() {
        let comma = sheet(&[("alias", "A; B")]);
        let expected = from_csv(&comma).unwrap();
        let crlf = format!("\u{feff}{}", comma.replace('\n', "\r\n"));
        assert_eq!(from_csv(&crlf).unwrap(), expected);
        let semicolons = comma.replace(',', ";").replace("A; B", "\"A; B\"");
        assert_eq!(from_csv(&semicolons).unwrap(), expected);
        let tabs = comma.replace(',', "\t");
        assert_eq!(from_csv(&tabs).unwrap(), expected);
    }

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

    #[test]
    fn an_unclosed_quote_names_the_row_it_opens_in() {
        let text = sheet(&[]) + "otro-ficticio,\"Otro,Other,hotline,GT,2026-01-01,x\n";
        let errors = from_csv(&text).unwrap_err();
        assert_eq!(errors[0].row, 3);
        assert!(errors[0].message.get_code("en").contains("never closed"));
    }

    #[test]
    fn rows_are_numbered_as_the_spreadsheet_shows_them() {
        // Row 2 is blank and row 3 has a line break inside a cell: each is still one row.
        let good = sheet(&[("descripcion_es", "Uno\ndos"), ("descripcion_en", "One")]);
        let (header, row) = good.split_once('\n').unwrap();
        let bad = row
            .replace("centro-ficticio", "otro-ficticio")
            .replace("resource_centre", "spaceport");
        let errors = from_csv(&format!("{header}\n,,,,,,,,\n{row}{bad}")).unwrap_err();
        assert_eq!((errors[0].row, errors[0].column.as_str()), (4, "tipo"), "{errors:?}");
    }

    #[test]
    fn required_values_must_be_there() {
        fails(&[("nombre_en", " ")], "nombre_en", "falta el valor");
        fails(&[("verificado_el", "")], "verificado_el", "falta el valor");
        fails(&[("tipo", "")], "tipo", "falta el valor");
        assert!(read(&[]).is_ok());
    }

    #[test]
    fn a_repeated_id_names_the_first_row() {
        let mut text = sheet(&[]);
        let row = text.lines().nth(1).unwrap().to_string();
        text = format!("{text}{row}\n");
        let errors = from_csv(&text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].row, errors[0].column.as_str()), (3, "id"));
        assert!(errors[0].message.get_code("es").contains("ya está en la fila 2"));
    }

    #[test]
    fn kinds_and_services_by_code_or_label() {
        let entry = read(&[
            ("tipo", "Línea de ayuda"),
            ("servicios", "passport; Asesoría legal; DPI;"),
        ])
        .unwrap();
        assert_eq!(entry.kind, Kind::Hotline);
        assert_eq!(
            entry.services,
            vec![Service::Passport, Service::LegalAdvice, Service::Dpi]
        );
        fails(&[("tipo", "spaceport")], "tipo", "tipo desconocido «spaceport»");
        fails(
            &[("servicios", "passport; visas")],
            "servicios",
            "servicio desconocido «visas»",
        );
    }

    #[test]
    fn a_location_is_all_three_cells_or_none() {
        let cells = [
            ("latitud", "14,8347"),
            ("longitud", "-91.5181"),
            ("precision", "Ciudad"),
        ];
        let location = read(&cells).unwrap().location.unwrap();
        assert_eq!((location.latitude, location.longitude), (14.8347, -91.5181));
        assert_eq!(location.precision, Precision::City);
        assert_eq!(
            read(&[("latitud", ""), ("longitud", ""), ("precision", "")])
                .unwrap()
                .location,
            None
        );
        fails(&[("latitud", "14.8"), ("longitud", "-91.5")], "precision", "van juntas");
        fails(
            &[cells[0], ("longitud", "91°W"), cells[2]],
            "longitud",
            "no es un número",
        );
        fails(
            &[cells[0], cells[1], ("precision", "aprox")],
            "precision",
            "precisión desconocida",
        );
    }

    #[test]
    fn phones_read_number_kind_and_notes() {
        let entry = read(&[(
            "telefonos",
            "+15550100123; +15550100124 (WhatsApp) [en: Messages only] [es: Solo mensajes]; +15550100125 voz",
        )])
        .unwrap();
        assert_eq!(entry.phones[1].kind, PhoneKind::Whatsapp);
        assert_eq!(entry.phones[1].note, Some(Text::new("Solo mensajes", "Messages only")));
        assert_eq!(entry.phones[2].kind, PhoneKind::Voice);
        assert_eq!(entry.phones[0].note, None);
        fails(&[("telefonos", "15550100123")], "telefonos", "le falta el «+»");
        fails(
            &[("telefonos", "+1 555 0100 123")],
            "telefonos",
            "no es un número E.164",
        );
        fails(
            &[("telefonos", "+15550100123 fax")],
            "telefonos",
            "tipo de teléfono desconocido",
        );
        fails(
            &[("telefonos", "+15550100123 [es Solo mensajes]")],
            "telefonos",
            "entre corchetes",
        );
        fails(
            &[("telefonos", "+15550100123 [es: Solo mensajes")],
            "telefonos",
            "entre corchetes",
        );
        fails(
            &[("telefonos", "+15550100123 [es: uno] [es: dos]")],
            "telefonos",
            "dos veces",
        );
    }

    #[test]
    fn hours_read_days_ranges_lists_and_several_openings() {
        let entry = read(&[
            ("zona_horaria", "America/Guatemala"),
            (
                "horario",
                "Lunes-Miércoles 08:00-12:00, 14:00-17:00; vie, sab 09:00-13:00",
            ),
        ])
        .unwrap();
        let weekly = entry.hours.unwrap().weekly;
        let days: Vec<Weekday> = weekly.iter().map(|o| o.day).collect();
        use Weekday::*;
        assert_eq!(days, [Mon, Mon, Tue, Tue, Wed, Wed, Fri, Sat]);
        assert_eq!(
            (weekly[1].opens.as_str(), weekly[1].closes.as_str()),
            ("14:00", "17:00")
        );
        fails(&[("horario", "lun-vie 08:00-16:00")], "zona_horaria", "zona horaria");
        let zone = ("zona_horaria", "America/Guatemala");
        fails(
            &[zone, ("horario", "lun-viernes 08:00-16:00; fiesta 10:00-11:00")],
            "horario",
            "día desconocido «fiesta»",
        );
        fails(&[zone, ("horario", "lun 8:00-16:00")], "horario", "la hora «8:00»");
        fails(&[zone, ("horario", "vie-lun 08:00-16:00")], "horario", "hacia atrás");
        fails(&[zone, ("horario", "08:00-16:00")], "horario", "no se entiende");
    }

    #[test]
    fn service_areas_are_countries_or_country_and_region() {
        let entry = read(&[("zona_servicio", "US: Texas; MX")]).unwrap();
        assert_eq!(entry.service_area[0].region.as_deref(), Some("Texas"));
        assert_eq!(entry.service_area[1].region, None);
        fails(&[("zona_servicio", "US:")], "zona_servicio", "falta la región");
    }

    #[test]
    fn status_by_code_or_spanish_and_empty_is_active() {
        assert_eq!(
            read(&[("estado", "Cerrado temporalmente")]).unwrap().status,
            Status::TemporarilyClosed
        );
        assert_eq!(read(&[("estado", "")]).unwrap().status, Status::Active);
        fails(&[("estado", "quizá")], "estado", "estado desconocido");
    }

    #[test]
    fn a_cell_outside_every_column_is_refused() {
        let text = sheet(&[]).replacen('\n', ",\n", 1).trim_end().to_string() + ",stray\n";
        let errors = from_csv(&text).unwrap_err();
        assert_eq!((errors[0].row, errors[0].column.as_str()), (2, "H"));
        // An empty unnamed column (spreadsheets leave them) is fine.
        assert!(from_csv(&(sheet(&[]).replace('\n', ",\n"))).is_ok());
    }

    #[test]
    fn every_bad_cell_is_reported_at_once() {
        let mut text = sheet(&[("tipo", "spaceport"), ("telefonos", "5550100"), ("estado", "quizá")]);
        let second = text.lines().nth(1).unwrap().replace("centro-ficticio", "otro-ficticio");
        text += &second.replace("spaceport", "hotline");
        let errors = from_csv(&text).unwrap_err();
        let at: Vec<(usize, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(
            at,
            [
                (2, "tipo"),
                (2, "telefonos"),
                (2, "estado"),
                (3, "telefonos"),
                (3, "estado")
            ]
        );
    }

    #[test]
    fn validator_problems_point_at_the_row_and_column() {
        let mut text = sheet(&[
            ("Sitio web", "javascript:alert(1)"),
            ("idiomas", "spa; es"),
            ("zona_horaria", "America/Guatemala"),
            ("horario", "lun 08:00-16:00; mié 08:00-07:00"),
        ]);
        text = text.replacen('\n', "\n,,,\n", 1);
        let imported = import(&text).unwrap();
        assert_eq!(imported.rows, [3]);
        let located: Vec<String> = validate_directory(&imported.directory, "2026-11-24")
            .iter()
            .map(|p| imported.locate(p).expect("a directory problem has a cell").to_string())
            .collect();
        assert_eq!(located.len(), 3, "{located:?}");
        assert!(
            located[0]
                .starts_with("fila 3 / row 3, columna / column «Sitio web»: solo se aceptan direcciones https://")
        );
        assert!(
            located[1].contains("«horario»") && located[1].contains("(«mié 08:00-07:00»)"),
            "{located:?}"
        );
        assert!(
            located[2].contains("«idiomas»") && located[2].contains("(«es»)"),
            "{located:?}"
        );
        let elsewhere = Problem::new("assessment.json: outcomes[0] (x).sources", "a", "b");
        assert_eq!(imported.locate(&elsewhere), None);
    }

    #[test]
    fn what_is_written_passes_the_validator() {
        let directory = from_csv(&to_csv(&tricky())).unwrap();
        let problems = validate_directory(&directory, "2026-11-24");
        assert_eq!(problems, Vec::new());
    }
}
