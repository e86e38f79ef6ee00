//! Cells → entries: one data row read into an entry, every bad cell reported with its
//! row and column rather than the first one only.

use super::RowError;
use super::cells::{coordinate, openings, phone};
use super::columns::column_letter;
use super::columns::{Column, Field};
use super::lists::{items, plain, trim};
use super::names::{PRECISIONS, STATUSES, lookup, names_match};
use super::records::Record;
use rumbo::core::directory::countries::CountryCode;
use rumbo::core::directory::entry::{
    Address, Area, Directory, Entry, Hours, Kind, Location, Phone, Service, Source, Status,
};
use rumbo::core::text::lang::Text;
use std::collections::BTreeMap;

/// The entries of the data rows, with the spreadsheet row of each; or every bad cell.
/// `columns` is the header row's column of each cell, `headers` each column's name as
/// written.
pub(super) fn entries(
    rows: &[Record],
    columns: &[Option<Column>],
    headers: &BTreeMap<Column, String>,
) -> Result<(Directory, Vec<usize>), Vec<RowError>> {
    let mut errors = Vec::new();
    let mut directory = Directory::default();
    let mut entry_rows = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for record in rows {
        let number = record.row;
        // Spreadsheets save empty rows (and trailing empty cells) as delimiters only.
        if record.cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let mut row = Row {
            number,
            cells: BTreeMap::new(),
            headers,
            errors: Vec::new(),
        };
        for (i, value) in record.cells.iter().enumerate() {
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
    Ok((directory, entry_rows))
}

/// One data row being read: its cells by column, and what is wrong with them.
pub(super) struct Row<'a> {
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
                country: {
                    let written = self.required(Field::Country);
                    self.country_code(Field::Country, &written)
                },
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
            sources: self.sources(),
            source: match self.get(Field::Sources).is_empty() {
                true => self.required(Field::Source),
                false => self.optional(Field::Source).unwrap_or_default(),
            },
            part_of: self.optional(Field::PartOf),
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

    /// A country code written in a cell; a bad one is reported at its column.
    fn country_code(&mut self, field: Field, written: &str) -> CountryCode {
        CountryCode::new(written).unwrap_or_else(|| {
            if !written.is_empty() {
                self.fail(
                    &Column::plain(field),
                    &format!("«{written}» no es un código de país de dos letras mayúsculas (GT, US, MX…)"),
                    &format!("«{written}» is not a two-letter upper-case country code (GT, US, MX…)"),
                );
            }
            CountryCode::default()
        })
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
                let country = self.country_code(Field::ServiceArea, &plain(&item));
                areas.push(Area { country, region: None });
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
            let country = self.country_code(Field::ServiceArea, &plain(trim(&item[..colon])));
            areas.push(Area {
                country,
                region: Some(region),
            });
        }
        areas
    }

    fn sources(&mut self) -> Vec<Source> {
        items(self.get(Field::Sources))
            .iter()
            .filter_map(|item| {
                let source = super::cells::source(item);
                if let Err((es, en)) = &source {
                    self.fail(&Column::plain(Field::Sources), es, en);
                }
                source.ok()
            })
            .collect()
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
