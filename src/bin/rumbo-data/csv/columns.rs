//! The column set: the facts an entry has, the names a header row may give each column,
//! which columns are required, and where a fact lives in the spreadsheet (for pointing
//! a validator problem back at its cell).

use super::RowError;
use super::names::{is_lang_code, normalise};
use rumbo::core::directory::entry::{Directory, Entry};
use std::collections::BTreeMap;

/// The facts an entry has, each one or more columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Field {
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
    Sources,
    PartOf,
    ToVerify,
}

/// Every field in the order `to_csv` writes its columns, with the names a header may
/// use: the Spanish one `to_csv` writes first, then the JSON's. For a translated field the
/// name is a prefix to which `_es`, `_en`, … is added.
pub(super) const FIELDS: [(Field, &[&str]); 29] = [
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
    (Field::Sources, &["fuentes", "sources"]),
    (Field::PartOf, &["parte_de", "part_of"]),
    (Field::ToVerify, &["por_verificar", "to_verify"]),
];

impl Field {
    pub(super) fn names(self) -> &'static [&'static str] {
        FIELDS.iter().find(|(f, _)| *f == self).map_or(&[], |(_, names)| names)
    }

    pub(super) fn translated(self) -> bool {
        matches!(self, Field::Name | Field::Description | Field::Alert)
    }
}

/// One column: a field, and for a translated field the language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Column {
    pub(super) field: Field,
    /// Empty unless the field is translated.
    pub(super) lang: String,
}

impl Column {
    pub(super) fn plain(field: Field) -> Column {
        Column {
            field,
            lang: String::new(),
        }
    }

    pub(super) fn text(field: Field, lang: &str) -> Column {
        Column {
            field,
            lang: lang.to_string(),
        }
    }

    /// The facts an entry cannot do without.
    pub(super) fn required() -> [Column; 7] {
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
    pub(super) fn header(&self) -> String {
        let name = self.field.names()[0];
        if self.lang.is_empty() {
            name.to_string()
        } else {
            format!("{name}_{}", self.lang)
        }
    }

    /// The column a header names, whatever its case, accents and spacing.
    pub(super) fn parse(header: &str) -> Option<Column> {
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
    pub(super) fn of_path(path: &str, entry: &Entry) -> Option<Column> {
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
            "sources" => Field::Sources,
            "part_of" => Field::PartOf,
            "to_verify" => Field::ToVerify,
            _ => return None,
        };
        Some(Column::plain(field))
    }
}

/// The columns `to_csv` writes: every field, translated ones in Spanish, English and
/// then any other language some entry has.
pub(super) fn columns_for(directory: &Directory) -> Vec<Column> {
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

/// The spreadsheet's letter for a column: A … Z, AA, AB, …
pub(super) fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.iter().rev().map(|&b| b as char).collect()
}

/// Each column a file has, with its name as the header row writes it.
pub(super) type Headers = BTreeMap<Column, String>;

/// The header row's columns, cell by cell (`None` for an unnamed one), and each column
/// with its name as written; or every unknown, repeated or missing column.
pub(super) fn of_header(header: &[String]) -> Result<(Vec<Option<Column>>, Headers), Vec<RowError>> {
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
    // Without the right columns every row would be wrong: say only what to fix first.
    match errors.is_empty() {
        true => Ok((columns, headers)),
        false => Err(errors),
    }
}

/// The optional columns a file lacks (as `to_csv` names them), read as empty.
pub(super) fn absent(headers: &BTreeMap<Column, String>) -> Vec<String> {
    FIELDS
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
        .collect()
}
