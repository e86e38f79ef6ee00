//! The spreadsheet round trip and every refusal, through the public API.

use super::*;
use rumbo::core::content::validate::validate_directory;
use rumbo::core::directory::entry::{Entry, Kind, PhoneKind, Precision, Service, Status, Weekday};

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
    records::write(
        [
            columns.iter().map(|c| c.0.to_string()).collect(),
            columns.iter().map(|c| c.1.to_string()).collect(),
        ]
        .into_iter(),
    )
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
    let shipped = Directory::from_json(include_bytes!("../../../../public/data/directory.json")).unwrap();
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

/// As Excel saves "CSV UTF-8" in a Spanish locale: a byte-order mark, `;` between cells,
/// CRLF line ends, and a quoted cell with a line break and a quote in it.
#[test]
fn an_excel_sheet_in_spanish_reads_and_keeps_its_row_numbers() {
    let good = sheet(&[
        ("descripcion_es", "Primera línea\r\nel «centro» \"viejo\"; sí"),
        ("descripcion_en", "One"),
    ]);
    let expected = from_csv(&good).unwrap();
    let (header, row) = good.split_once('\n').unwrap();
    let excel = |text: &str| {
        let mut out = String::from("\u{feff}");
        for row in records::read(text).unwrap() {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| match c.contains([';', '"', '\n']) {
                    true => format!("\"{}\"", c.replace('"', "\"\"")),
                    false => c.clone(),
                })
                .collect();
            out += &(cells.join(";") + "\r\n");
        }
        out
    };
    let sheet = excel(&format!("{header}\n{row}"));
    assert!(
        sheet.contains(";\"Primera línea\r\nel «centro» \"\"viejo\"\"; sí\";"),
        "{sheet:?}"
    );
    assert_eq!(from_csv(&sheet).unwrap(), expected);
    // A bad row after a blank one and a cell with a line break is still named right.
    let bad = row
        .replace("centro-ficticio", "otro-ficticio")
        .replace("resource_centre", "spaceport");
    let sheet = excel(&format!("{header}\n{row}{bad}")).replacen("\r\n", "\r\n\r\n", 1);
    let errors = from_csv(&sheet).unwrap_err();
    assert_eq!((errors[0].row, errors[0].column.as_str()), (4, "tipo"), "{errors:?}");
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
        located[0].starts_with("fila 3 / row 3, columna / column «Sitio web»: solo se aceptan direcciones https://")
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
