//! The staff's data tool run as staff run it, on temporary copies of the data.

use std::path::{Path, PathBuf};
use std::process::Command;

fn copy_of_shipped_data(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rumbo-data-tool-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    for file in [
        "manifest.json",
        "manifest.json.sig",
        "directory.json",
        "assessment.json",
        "flow-oferta.json",
        "centre.json",
    ] {
        std::fs::copy(shipped.join(file), dir.join(file)).unwrap();
    }
    dir
}

fn shipped(file: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data").join(file);
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The content version the next manifest gets: one more than the shipped one.
fn next_version() -> u64 {
    shipped("manifest.json")["content_version"].as_u64().unwrap() + 1
}

/// The tool's "today" in these tests: the shipped manifest's date, the day the content
/// was last published, so that no shipped check date is in the future, whenever it runs.
fn today() -> String {
    shipped("manifest.json")["date"].as_str().unwrap().to_string()
}

/// How many entries the shipped directory has: the centre adds some with every release.
fn shipped_entries() -> usize {
    shipped("directory.json")["entries"].as_array().unwrap().len()
}

/// The spreadsheet row of the first row added after the shipped ones (row 1 is the header).
fn first_added_row() -> usize {
    shipped_entries() + 2
}

fn tool(args: &[&str], dir: &Path) -> (bool, String) {
    // The repository's development key (tests only: see keys/development.secret).
    let key = Path::new(env!("CARGO_MANIFEST_DIR")).join("keys/development.secret");
    tool_signing_with(args, dir, Some(&key))
}

fn tool_signing_with(args: &[&str], dir: &Path, key: Option<&Path>) -> (bool, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rumbo-data"));
    command.args(args).arg(dir).env("RUMBO_TODAY", today());
    command.env_remove("RUMBO_SIGNING_KEY");
    if let Some(key) = key {
        command.env("RUMBO_SIGNING_KEY", key);
    }
    let out = command.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn publishing_signs_the_manifest_and_refuses_without_a_key_or_a_previous_version() {
    use rumbo::core::content::signature;
    let dir = copy_of_shipped_data("signing");
    let shipped_signature = std::fs::read(dir.join("manifest.json.sig")).unwrap();
    // No key: nothing is published.
    let (ok, out) = tool_signing_with(&["manifest"], &dir, None);
    assert!(!ok && out.contains("RUMBO_SIGNING_KEY"), "{out}");
    assert_eq!(std::fs::read(dir.join("manifest.json.sig")).unwrap(), shipped_signature);
    // With the key: the new manifest is signed, as the app checks it.
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(ok, "{out}");
    let manifest = std::fs::read(dir.join("manifest.json")).unwrap();
    let signed = std::fs::read(dir.join("manifest.json.sig")).unwrap();
    assert_eq!(signature::verify(&manifest, &signed), Ok(()));
    // A manifest edited after signing is no longer clean.
    std::fs::write(dir.join("manifest.json"), [&manifest[..], b" "].concat()).unwrap();
    let (ok, out) = tool(&["check"], &dir);
    assert!(!ok && out.contains("manifest.json.sig"), "{out}");
    // A previous manifest that cannot be read would restart the numbering at 1.
    std::fs::write(dir.join("manifest.json"), b"{\"content_version\":").unwrap();
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(!ok && out.contains("previous manifest"), "{out}");
    assert_eq!(
        std::fs::read(dir.join("manifest.json")).unwrap(),
        b"{\"content_version\":"
    );
    let (ok, out) = tool(&["manifest", "--first"], &dir);
    assert!(
        !ok && out.contains("--first is only for the first publication"),
        "{out}"
    );
    std::fs::remove_file(dir.join("manifest.json")).unwrap();
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(!ok && out.contains("previous manifest"), "{out}");
    let (ok, out) = tool(&["manifest", "--first"], &dir);
    assert!(ok && out.contains("version 1,"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn keygen_writes_a_pair_outside_a_repository_only() {
    use rumbo::core::content::signature::{self, signing};
    let dir = std::env::temp_dir().join(format!("rumbo-keygen-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("centro.key");
    let keygen = |path: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_rumbo-data"))
            .args(["keygen".as_ref(), path.as_os_str()])
            .output()
            .unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stderr).to_string())
    };
    assert!(keygen(&key).0);
    let secret = signing::read_secret(&std::fs::read_to_string(&key).unwrap()).unwrap();
    let public = std::fs::read_to_string(dir.join("centro.key.pub")).unwrap();
    assert_eq!(signature::key_lines(&public).next(), Some(signing::public_key(&secret)));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let (ok, err) = keygen(&key);
    assert!(!ok && err.contains("already exists"), "never overwrites a key: {err}");
    let in_repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("keys/centro.key");
    let (ok, err) = keygen(&in_repo);
    assert!(!ok && err.contains("git repository"), "{err}");
    assert!(!in_repo.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_shipped_data_checks_clean() {
    let dir = copy_of_shipped_data("clean");
    let (ok, out) = tool(&["check"], &dir);
    assert!(ok, "{out}");
    assert!(
        out.starts_with(&format!("OK: {} contactos", shipped_entries())),
        "{out}"
    );
}

#[test]
fn an_edited_file_is_caught_until_the_manifest_is_rebuilt() {
    let dir = copy_of_shipped_data("edit");
    let path = dir.join("directory.json");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "Consulado de Guatemala en Atlanta",
        "Consulado de Guatemala en Atlanta, GA",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let (ok, out) = tool(&["check"], &dir);
    assert!(!ok && out.contains("SHA-256") || out.contains("bytes"), "{out}");
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(ok, "{out}");
    let written = format!("versión / version {}, {}", next_version(), today());
    assert!(out.contains(&written), "{out}");
    assert!(tool(&["check"], &dir).0);
}

#[test]
fn bad_data_is_reported_and_no_manifest_is_written() {
    let dir = copy_of_shipped_data("bad");
    let path = dir.join("directory.json");
    let text =
        std::fs::read_to_string(&path)
            .unwrap()
            .replacen("\"https://www.pdh.org.gt\"", "\"javascript:alert(1)\"", 1);
    std::fs::write(&path, text).unwrap();
    let before = std::fs::read(dir.join("manifest.json")).unwrap();
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(!ok, "{out}");
    assert!(out.contains("(pdh).website") && out.contains("https://"), "{out}");
    assert_eq!(
        std::fs::read(dir.join("manifest.json")).unwrap(),
        before,
        "the manifest is untouched"
    );
    assert!(!dir.join(".manifest.json.tmp").exists());
}

#[test]
fn broken_json_missing_files_and_huge_files_get_clear_errors() {
    let dir = copy_of_shipped_data("broken");
    std::fs::write(dir.join("assessment.json"), "{\"version\": 1, \"questions\": [").unwrap();
    let (ok, out) = tool(&["check"], &dir);
    assert!(!ok && out.contains("assessment.json"), "{out}");

    std::fs::remove_file(dir.join("assessment.json")).unwrap();
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(!ok && out.contains("assessment.json"), "{out}");

    let huge = std::fs::File::create(dir.join("assessment.json")).unwrap();
    huge.set_len(11 * 1024 * 1024).unwrap();
    let (ok, out) = tool(&["check"], &dir);
    assert!(!ok && out.contains("limit"), "{out}");
}

#[test]
fn stale_lists_old_and_incomplete_entries() {
    let dir = copy_of_shipped_data("stale");
    let (ok, out) = tool(&["stale", "--days", "180"], &dir);
    assert!(ok, "{out}");
    assert!(
        out.contains("consulado-houston: por verificar / to verify: address.street, phones"),
        "{out}"
    );
    let (ok, out) = tool(&["stale", "--days", "nope"], &dir);
    assert!(!ok && out.contains("--days"), "{out}");
    let (ok, out) = tool(&["publish"], &dir);
    assert!(!ok && out.contains("usage"), "{out}");
}

/// The directory as the tool exports it to stdout.
fn exported(dir: &Path) -> String {
    let (ok, out) = tool(&["export"], dir);
    assert!(ok, "{out}");
    out
}

/// A CSV row for `csv`'s columns: the given cells, the others empty.
fn row_for(csv: &str, cells: &[(&str, &str)]) -> String {
    let header = csv.lines().next().unwrap();
    let values: Vec<String> = header
        .split(',')
        .map(|column| {
            let value = cells.iter().find(|(c, _)| *c == column).map_or("", |(_, v)| *v);
            match value.contains([',', '"']) {
                true => format!("\"{}\"", value.replace('"', "\"\"")),
                false => value.to_string(),
            }
        })
        .collect();
    values.join(",") + "\n"
}

/// A complete, valid and obviously fictitious entry, with `changes`.
fn fictitious(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut cells = vec![
        ("id", "centro-ficticio"),
        ("nombre_es", "Centro Ficticio, Peña"),
        ("nombre_en", "Fictitious \"Centre\""),
        ("tipo", "resource_centre"),
        ("pais", "GT"),
        (
            "telefonos",
            "+15550100123 whatsapp [es: Solo mensajes] [en: Messages only]",
        ),
        ("zona_horaria", "America/Guatemala"),
        ("horario", "lun-vie 08:00-16:00; sáb 08:00-12:00"),
        ("zona_servicio", "GT: Quetzaltenango"),
        ("estado", "active"),
        ("verificado_el", "2026-01-01"),
        ("fuente", "https://example.org/ficticio"),
    ];
    for &(column, value) in changes {
        match cells.iter_mut().find(|(c, _)| *c == column) {
            Some(cell) => cell.1 = value,
            None => cells.push((column, value)),
        }
    }
    cells
}

/// Every file in the folder and its bytes, to show that a refused import touched none.
fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|f| f.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Imports `csv` and expects it refused with every text in `expected`, nothing written.
fn refused(name: &str, csv: &[u8], expected: &[&str]) {
    let dir = copy_of_shipped_data(name);
    let file = dir.join("directorio.csv");
    std::fs::write(&file, csv).unwrap();
    let before = files_in(&dir);
    let (ok, out) = tool(&["import", file.to_str().unwrap()], &dir);
    assert!(!ok, "{out}");
    for text in expected {
        assert!(out.contains(text), "expected «{text}» in:\n{out}");
    }
    assert!(files_in(&dir) == before, "a refused import changed files:\n{out}");
}

#[test]
fn export_then_import_leaves_the_data_byte_identical() {
    let dir = copy_of_shipped_data("round-trip");
    let shipped = files_in(&dir);
    let file = dir.join("directorio.csv");
    let (ok, out) = tool(&["export", file.to_str().unwrap()], &dir);
    assert!(
        ok && out.contains(&format!("{} contactos / entries", shipped_entries())),
        "{out}"
    );
    let written = std::fs::read_to_string(&file).unwrap();
    // A byte-order mark for Excel in the file; none on stdout.
    assert_eq!(written.strip_prefix('\u{feff}'), Some(exported(&dir).as_str()));

    let (ok, out) = tool(&["import", file.to_str().unwrap()], &dir);
    assert!(ok && out.contains("sin cambios"), "{out}");
    std::fs::remove_file(&file).unwrap();
    assert!(
        files_in(&dir) == shipped,
        "directory.json and manifest.json are byte-identical"
    );
    let (ok, out) = tool(&["check"], &dir);
    assert!(
        ok && out.starts_with(&format!("OK: {} contactos", shipped_entries())),
        "{out}"
    );
}

#[test]
fn an_imported_row_is_added_the_manifest_rebuilt_and_check_passes() {
    let dir = copy_of_shipped_data("import-row");
    let shipped_directory = std::fs::read_to_string(dir.join("directory.json")).unwrap();
    let csv = exported(&dir);
    let edited = csv.clone() + &row_for(&csv, &fictitious(&[]));
    let file = dir.join("directorio.csv");
    std::fs::write(&file, &edited).unwrap();
    let (ok, out) = tool(&["import", file.to_str().unwrap()], &dir);
    assert!(ok, "{out}");
    let entries = shipped_entries() + 1;
    let written = format!(
        "{entries} contactos / entries; manifest.json: versión / version {}, {}",
        next_version(),
        today()
    );
    assert!(out.contains(&written), "{out}");
    let (ok, out) = tool(&["check"], &dir);
    assert!(ok && out.starts_with(&format!("OK: {entries} contactos")), "{out}");
    // The shipped entries keep their bytes: the new one is added before the closing lines.
    let directory = std::fs::read_to_string(dir.join("directory.json")).unwrap();
    let kept = shipped_directory.trim_end().strip_suffix("}\n  ]\n}").unwrap();
    assert!(directory.starts_with(kept), "{directory}");
    assert!(directory.contains("\"number\": \"+15550100123\",\n          \"kind\": \"whatsapp\""));
    // And the sheet it exports now is the one imported.
    assert_eq!(exported(&dir), edited);
    assert!(!dir.join(".directory.json.tmp").exists() && !dir.join(".manifest.json.tmp").exists());
}

/// The tool writes the oldest manifest format the content needs, so that apps not yet
/// updated keep taking what they can read (and refuse the rest as "for a newer version",
/// not as damaged data): 1 for plain content, 2 once a hotline has a national short
/// number, 3 once an answer puts the person in a country, 4 once a question is about a
/// relative, 5 once an outcome depends on the country of a place answer or an entry carries
/// structured sources.
#[test]
fn the_manifest_is_written_in_the_oldest_format_the_content_needs() {
    let dir = copy_of_shipped_data("formats");
    let manifest = |dir: &Path| shipped_format(&std::fs::read(dir.join("manifest.json")).unwrap());
    assert_eq!(
        manifest(&dir),
        5,
        "the shipped flow has options for people in one country, and the consulates structured sources"
    );
    // The same content without its short numbers (and the emergency lines' tag, which only
    // they carry), the answers' countries, the question about a relative, the options for
    // one country and the structured sources.
    // Format 5's features in the flow: options for one country, and links onwards.
    let without_countries = |flow: &mut serde_json::Value| {
        let outcomes = flow["outcomes"].as_array_mut().unwrap();
        outcomes.retain(|o| !o["applies_if"].to_string().contains("place_in"));
        for outcome in outcomes {
            outcome.as_object_mut().unwrap().remove("links");
        }
    };
    let without_relatives = |flow: &mut serde_json::Value| {
        without_countries(flow);
        for question in flow["questions"].as_array_mut().unwrap() {
            question.as_object_mut().unwrap().remove("about_relative");
        }
    };
    let without_emergency_lines = |flow: &mut serde_json::Value| {
        for outcome in flow["outcomes"].as_array_mut().unwrap() {
            if let Some(tags) = outcome.get_mut("directory_tags").and_then(|t| t.as_array_mut()) {
                tags.retain(|t| t != "emergency");
            }
        }
    };
    let edit = |file: &str, change: &dyn Fn(&mut serde_json::Value)| {
        let mut json = shipped(file);
        change(&mut json);
        std::fs::write(dir.join(file), serde_json::to_string_pretty(&json).unwrap()).unwrap();
    };
    edit("assessment.json", &|flow| {
        without_relatives(flow);
        without_emergency_lines(flow);
        for question in flow["questions"].as_array_mut().unwrap() {
            let options = question.get_mut("options").and_then(|o| o.as_array_mut());
            for option in options.into_iter().flatten() {
                option.as_object_mut().unwrap().remove("country");
            }
        }
    });
    edit("directory.json", &|directory| {
        let short = |e: &serde_json::Value| {
            e["phones"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|p| !p["number"].as_str().unwrap().starts_with('+'))
        };
        directory["entries"].as_array_mut().unwrap().retain(|e| !short(e));
        // The older form of sources: one citation per entry.
        for entry in directory["entries"].as_array_mut().unwrap() {
            let entry = entry.as_object_mut().unwrap();
            if entry.remove("sources").is_some() {
                entry.insert("source".into(), "Fuente ficticia".into());
            }
            entry.remove("part_of");
        }
    });
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(ok, "{out}");
    assert_eq!(manifest(&dir), 1, "plain content: every app takes it");
    let csv = exported(&dir);
    let row = row_for(
        &csv,
        &fictitious(&[
            ("tipo", "hotline"),
            ("telefonos", "555 voice [es: Línea ficticia] [en: Fictitious line]"),
        ]),
    );
    let file = dir.join("directorio.csv");
    std::fs::write(&file, format!("{csv}{row}")).unwrap();
    let (ok, out) = tool(&["import", file.to_str().unwrap()], &dir);
    assert!(ok, "{out}");
    assert_eq!(manifest(&dir), 2);
    let (ok, out) = tool(&["check"], &dir);
    assert!(ok, "{out}");
    edit("assessment.json", &|flow| {
        *flow = shipped("assessment.json");
        without_relatives(flow);
        without_emergency_lines(flow);
    });
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(ok, "{out}");
    assert_eq!(manifest(&dir), 3);
    edit("assessment.json", &|flow| {
        *flow = shipped("assessment.json");
        without_countries(flow);
        without_emergency_lines(flow);
    });
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(ok, "{out}");
    assert_eq!(manifest(&dir), 4);
    edit("assessment.json", &|flow| {
        *flow = shipped("assessment.json");
        without_emergency_lines(flow);
    });
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(ok, "{out}");
    assert_eq!(manifest(&dir), 5);
    // A short number cannot be reached on WhatsApp: refused, with the fix.
    let row = row_for(&csv, &fictitious(&[("tipo", "hotline"), ("telefonos", "555 whatsapp")]));
    refused(
        "short-whatsapp",
        format!("{csv}{row}").as_bytes(),
        &["«555» es un número corto: no tiene WhatsApp"],
    );
}

fn shipped_format(manifest: &[u8]) -> u64 {
    let manifest: serde_json::Value = serde_json::from_slice(manifest).unwrap();
    manifest["schema_version"].as_u64().unwrap()
}

#[test]
fn a_latin1_spreadsheet_is_refused_with_the_fix() {
    let mut csv = b"id,nombre_es,nombre_en,tipo,pais,verificado_el,fuente\n".to_vec();
    // "Peña" as Excel's plain "CSV" saves it on Windows: ñ is the single byte 0xF1.
    csv.extend(b"centro-ficticio,Centro Ficticio Pe\xf1a,Fictitious Centre,resource_centre,GT,2026-01-01,x\n");
    refused(
        "latin1",
        &csv,
        &[
            "no es texto UTF-8 (línea 2)",
            "guarde la hoja como «CSV UTF-8»",
            "save the sheet as «CSV UTF-8»",
        ],
    );
}

#[test]
fn a_missing_column_is_named() {
    let csv = "id,nombre_es,nombre_en,tipo,pais,verificado_el\n\
               centro-ficticio,Centro Ficticio,Fictitious Centre,resource_centre,GT,2026-01-01\n";
    refused(
        "missing-column",
        csv.as_bytes(),
        &[
            "fila 1 / row 1, columna / column «fuente»: falta esta columna, que es obligatoria / this required column is missing",
        ],
    );
}

#[test]
fn a_repeated_id_names_both_rows() {
    let dir = copy_of_shipped_data("repeated-id-source");
    let csv = exported(&dir);
    let row = row_for(&csv, &fictitious(&[]));
    refused(
        "repeated-id",
        format!("{csv}{row}{row}").as_bytes(),
        &[&format!(
            "fila {second} / row {second}, columna / column «id»: el id «centro-ficticio» ya está en la fila {first}",
            first = first_added_row(),
            second = first_added_row() + 1
        )],
    );
}

#[test]
fn bad_cells_are_reported_by_row_and_column_all_at_once() {
    let dir = copy_of_shipped_data("bad-row-source");
    let csv = exported(&dir);
    let row = row_for(
        &csv,
        &fictitious(&[("tipo", "spaceport"), ("telefonos", "+1 555 0100 123")]),
    );
    refused(
        "bad-row",
        format!("{csv}{row}").as_bytes(),
        &[
            "2 problema(s) / problem(s)",
            &format!(
                "fila {n} / row {n}, columna / column «tipo»: tipo desconocido «spaceport»",
                n = first_added_row()
            ),
            &format!(
                "fila {n} / row {n}, columna / column «telefonos»: «+1 555 0100 123» no es un número E.164",
                n = first_added_row()
            ),
        ],
    );
}

#[test]
fn a_javascript_website_is_refused_by_the_validator_at_its_cell() {
    let dir = copy_of_shipped_data("javascript-source");
    let csv = exported(&dir);
    let row = row_for(&csv, &fictitious(&[("sitio_web", "javascript:alert(1)")]));
    refused(
        "javascript",
        format!("{csv}{row}").as_bytes(),
        &[&format!(
            "fila {n} / row {n}, columna / column «sitio_web»: solo se aceptan direcciones https://",
            n = first_added_row()
        )],
    );
}

#[test]
fn a_huge_or_empty_spreadsheet_is_refused() {
    let dir = copy_of_shipped_data("huge");
    let file = dir.join("enorme.csv");
    // Sparse: no 51 MB are written, and the tool must refuse before reading any.
    std::fs::File::create(&file).unwrap().set_len(51 * 1024 * 1024).unwrap();
    let before = files_in(&dir);
    let (ok, out) = tool(&["import", file.to_str().unwrap()], &dir);
    assert!(
        !ok && out.contains("el límite es 52428800 (50 MB)") && out.contains("the limit is"),
        "{out}"
    );
    assert!(files_in(&dir) == before);

    refused("empty", b"", &["el archivo está vacío / the file is empty"]);
    refused(
        "only-bom",
        b"\xef\xbb\xbf\r\n",
        &["el archivo está vacío / the file is empty"],
    );
}

#[test]
fn import_and_export_arguments_are_checked() {
    let dir = copy_of_shipped_data("arguments");
    let (ok, out) = tool(&["import"], &dir);
    assert!(!ok && out.contains("needs the CSV file"), "{out}");
    let (ok, out) = tool(&["export", dir.join("directory.json").to_str().unwrap()], &dir);
    assert!(!ok && out.contains("only writes .csv files"), "{out}");
    let (ok, out) = tool(&["import", dir.join("nada.csv").to_str().unwrap()], &dir);
    assert!(!ok && out.contains("nada.csv"), "{out}");
    assert_eq!(
        std::fs::read(dir.join("directory.json")).unwrap(),
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/directory.json")).unwrap()
    );
}

/// Publishing in a site's folder (a `public/data` and a built `dist/` under the current
/// folder) makes the pages again; with no build it says the next build will; on a data
/// folder elsewhere it leaves pages alone. `make` is a stand-in that records its call.
#[test]
fn publishing_the_sites_data_makes_its_pages_again() {
    use std::os::unix::fs::PermissionsExt;
    let site = std::env::temp_dir().join(format!("rumbo-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(site.join("public")).unwrap();
    std::fs::rename(copy_of_shipped_data("site-data"), site.join("public/data")).unwrap();
    let bin = site.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let make = bin.join("make");
    std::fs::write(&make, "#!/bin/sh\necho \"$@\" >> called\n").unwrap();
    std::fs::set_permissions(&make, std::fs::Permissions::from_mode(0o755)).unwrap();
    let key = Path::new(env!("CARGO_MANIFEST_DIR")).join("keys/development.secret");
    let publish = |data: &str| {
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
        let out = Command::new(env!("CARGO_BIN_EXE_rumbo-data"))
            .args(["manifest", data])
            .current_dir(&site)
            .env("RUMBO_TODAY", today())
            .env("RUMBO_SIGNING_KEY", &key)
            .env("PATH", path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let called = || std::fs::read_to_string(site.join("called")).unwrap_or_default();

    let out = publish("public/data");
    assert!(out.contains("dist/ is not built"), "{out}");
    assert_eq!(called(), "", "no build, no pages");

    std::fs::create_dir_all(site.join("dist")).unwrap();
    std::fs::write(site.join("dist/index.html"), "<!doctype html>").unwrap();
    let out = publish("public/data");
    assert!(out.contains("made again from this data"), "{out}");
    assert_eq!(called(), "pages\n");

    // The same data reached by another path is still the site's; a copy elsewhere is not.
    publish("./public/../public/data");
    assert_eq!(called(), "pages\npages\n");
    let elsewhere = copy_of_shipped_data("elsewhere");
    let out = publish(elsewhere.to_str().unwrap());
    assert!(!out.contains("pages"), "{out}");
    assert_eq!(called(), "pages\npages\n");
    let _ = std::fs::remove_dir_all(&site);
    let _ = std::fs::remove_dir_all(&elsewhere);
}
