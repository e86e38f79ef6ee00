//! The centre staff's data tool (host only). It works on a data folder (default
//! `public/data`, or `RUMBO_DATA_DIR`, or the last argument):
//!
//!   rumbo-data check              every problem in the data, exit 1 if any
//!   rumbo-data manifest           rebuild manifest.json (next content version, today)
//!   rumbo-data stale [--days N]   entries not verified for N days (default 180),
//!                                 entries with fields still to verify, and the facts
//!                                 whose sources are older than N days, oldest first
//!   rumbo-data coverage           per kind of entry: how many have a phone, a street,
//!                                 hours and a service area
//!   rumbo-data export [FILE.csv]  the directory as a spreadsheet (CSV), to the file or
//!                                 to the screen
//!   rumbo-data import FILE.csv    replace the directory with the spreadsheet's rows and
//!                                 rebuild the manifest
//!   rumbo-data rules [FILE.md]    who each option is for and the condition that shows
//!                                 it, to docs/rules.md (or FILE.md)
//!   rumbo-data sign               sign manifest.json as it is (manifest.json.sig)
//!   rumbo-data keygen FILE        write a new signing key pair: FILE (secret) and
//!                                 FILE.pub, outside any git repository
//!
//! `manifest`, `import` and `sign` publish: on the site's own data folder they then make
//! the site's pages again from it (`pages`: `make pages`, needing the built app). They
//! sign the manifest with the secret key in the file named by `RUMBO_SIGNING_KEY` and
//! refuse to run without it; the app takes only a manifest signed by a key compiled
//! into it (core::content::signature).
//! They also refuse when the previous manifest cannot be read (its content version is
//! where the next one starts), unless `--first` says this is the first publication.
//!
//! The spreadsheet's columns and syntax are in docs/data-format.md. Import lists every
//! bad cell by row and column, then checks the result as `check` would; it writes
//! nothing unless all of it passes.
//!
//! It never leaves a half-written file: each file is written to a temporary beside it
//! and renamed into place, and only when the data passes every check.

use rumbo::core::assessment::flow::Flow;
use rumbo::core::content::Content;
use rumbo::core::directory::centre::Centre;
use rumbo::core::directory::entry::Directory;
mod csv;
mod pages;
use rumbo::core::content::manifest::{Manifest, SCHEMA_VERSION, format_for};
use rumbo::core::content::signature::{self, signing};
use rumbo::core::json::SerdeJson;
use rumbo::core::problem::Problem;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str = "uso / usage: rumbo-data check | manifest [--first] | stale [--days N] | coverage | export [FILE.csv] | \
     import FILE.csv [--first] | sign | rules [FILE.md]   [DATA_DIR]\n       rumbo-data keygen FILE";
/// Data files larger than this are refused before being read: the real ones are small,
/// and the app refuses a manifest listing a larger one.
const MAX_FILE_BYTES: u64 = rumbo::core::content::manifest::MAX_FILE_BYTES;
/// The environment variable naming the secret key file that publishing signs with.
const SIGNING_KEY: &str = "RUMBO_SIGNING_KEY";
/// Spreadsheets larger than this are refused before being read: the directory's is
/// well under 1 MB, so a bigger file is the wrong one.
const MAX_CSV_BYTES: u64 = 50 * 1024 * 1024;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let command = args.first().ok_or(USAGE)?;
    let mut days = 180u32;
    let mut dir = std::env::var("RUMBO_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("public/data"));
    let mut file: Option<PathBuf> = None;
    let mut first = false;
    if command == "keygen" {
        return match &args[1..] {
            [path] => keygen(Path::new(path)),
            _ => Err(USAGE.to_string()),
        };
    }
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--first" => first = true,
            "--days" => {
                days = rest
                    .next()
                    .and_then(|d| d.parse().ok())
                    .ok_or("--days necesita un número / needs a number")?
            }
            // Import and export take a spreadsheet as well as the data folder: a folder
            // is the data, anything else the spreadsheet.
            path if matches!(command.as_str(), "import" | "export" | "rules") && !Path::new(path).is_dir() => {
                if file.replace(PathBuf::from(path)).is_some() {
                    return Err(USAGE.to_string());
                }
            }
            path => dir = PathBuf::from(path),
        }
    }
    let today = today();
    match command.as_str() {
        "check" => check(&dir, &today).map(|content| {
            println!(
                "OK: {} contactos, {} preguntas, {} opciones / entries, questions, outcomes",
                content.directory.entries.len(),
                content.flow.questions.len(),
                content.flow.outcomes.len()
            )
        }),
        "manifest" => manifest(&dir, &today, first).and_then(|()| remake_pages(&dir)),
        "sign" => {
            let key = signing_key()?;
            let text = read(&dir, Manifest::FILE)?;
            Manifest::from_json(&text).map_err(|p| p.to_string())?;
            write_files(&[(dir.join(signature::FILE), signing::sign(&key, &text).as_bytes())])?;
            println!("{}: firmado / signed", signature::FILE);
            remake_pages(&dir)
        }
        "stale" => stale(&dir, &today, days),
        "coverage" => {
            let directory = Directory::from_json(&read(&dir, Directory::FILE)?).map_err(|p| p.to_string())?;
            print!("{}", rumbo::core::directory::coverage::to_text(&directory));
            Ok(())
        }
        "export" => export(file.as_deref(), &dir),
        "import" => {
            let file = file.ok_or(format!("import necesita el archivo CSV / needs the CSV file\n{USAGE}"))?;
            import(&file, &dir, &today, first).and_then(|()| remake_pages(&dir))
        }
        "rules" => rules(file.as_deref(), &dir),
        _ => Err(USAGE.to_string()),
    }
}

/// What publishes the data also makes the site's pages from it (`pages`).
fn remake_pages(dir: &Path) -> Result<(), String> {
    pages::report(&pages::remake(dir)?);
    Ok(())
}

/// Writes the rules table (`rumbo::core::assessment::rules_table`) of the flow in `dir`.
fn rules(file: Option<&Path>, dir: &Path) -> Result<(), String> {
    let flow = Flow::from_json(&read(dir, Flow::FILE)?).map_err(|p| p.to_string())?;
    let table = rumbo::core::assessment::rules_table::rules_table(&flow);
    let path = file.map_or_else(
        || PathBuf::from(rumbo::core::assessment::rules_table::FILE),
        Path::to_path_buf,
    );
    write_files(&[(path.clone(), table.as_bytes())])?;
    println!("{}: {} opciones / outcomes", path.display(), flow.outcomes.len());
    Ok(())
}

fn read(dir: &Path, name: &str) -> Result<Vec<u8>, String> {
    let path = dir.join(name);
    let size = std::fs::metadata(&path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(format!(
            "{}: {size} bytes; el límite es {MAX_FILE_BYTES} / the limit is {MAX_FILE_BYTES}",
            path.display()
        ));
    }
    std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every problem, printed one per line; the content when there are none.
fn check(dir: &Path, today: &str) -> Result<Content, String> {
    let manifest = read(dir, Manifest::FILE)?;
    // Read what the manifest lists first, so a file that is too large or unreadable is
    // reported as such rather than as missing.
    let listed = Manifest::from_json(&manifest).map_err(|p| p.to_string())?;
    // What the app checks first: a publication it would refuse is not clean.
    let signature = read(dir, signature::FILE).unwrap_or_default();
    signature::verify(&manifest, &signature).map_err(|p| p.to_string())?;
    let mut files = std::collections::BTreeMap::new();
    for entry in &listed.files {
        if dir.join(&entry.name).exists() {
            files.insert(entry.name.clone(), read(dir, &entry.name)?);
        }
    }
    Content::from_files(&SerdeJson, &manifest, |name| files.get(name).cloned(), today).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("- {p}")).collect();
        format!("{} problema(s) / problem(s):\n{}", problems.len(), lines.join("\n"))
    })
}

/// The manifest's text for `manifest` and the files it lists, if the app would take
/// them, in the oldest format they need, so that apps not yet updated keep taking every
/// publication that does not use a newer thing. Each file is read and parsed once.
fn publishable(
    mut manifest: Manifest,
    file_bytes: impl Fn(&str) -> Option<Vec<u8>>,
    today: &str,
) -> Result<String, Vec<Problem>> {
    manifest.schema_version = SCHEMA_VERSION;
    let text = serde_json::to_string(&manifest).expect("a manifest is always JSON");
    let content = Content::from_files(&SerdeJson, text.as_bytes(), file_bytes, today)?;
    manifest.schema_version = format_for(&content.flow, &content.directory);
    Ok(serde_json::to_string_pretty(&manifest).expect("a manifest is always JSON") + "\n")
}

/// The content version the next publication gets: one above the previous manifest's.
/// Without a readable previous manifest the numbering would restart at 1, and every app
/// would keep its copy (a lower version) for ever: refused, unless `first` says there
/// was never a publication (and there is no manifest).
fn next_version(dir: &Path, first: bool) -> Result<u64, String> {
    let path = dir.join(Manifest::FILE);
    if first {
        return match path.exists() {
            true => Err(format!(
                "{}: ya existe; --first es solo para la primera publicación / \
                 it exists; --first is only for the first publication",
                path.display()
            )),
            false => Ok(1),
        };
    }
    let previous = read(dir, Manifest::FILE).and_then(|b| Manifest::from_json(&b).map_err(|p| p.to_string()));
    match previous {
        Ok(previous) => Ok(previous.content_version + 1),
        Err(why) => Err(format!(
            "no se puede leer el manifiesto anterior, que da el número de la próxima versión; \
             nada se publicó (--first si es la primera publicación) / \
             the previous manifest, which numbers the next version, cannot be read; \
             nothing was published (--first if this is the first publication):\n- {why}"
        )),
    }
}

/// The secret key publishing signs with, from the file named by `RUMBO_SIGNING_KEY`.
fn signing_key() -> Result<[u8; 32], String> {
    let path = std::env::var_os(SIGNING_KEY).ok_or(format!(
        "{SIGNING_KEY} debe nombrar el archivo de la clave secreta (rumbo-data keygen); nada se publicó / \
         {SIGNING_KEY} must name the secret key file (rumbo-data keygen); nothing was published"
    ))?;
    let path = PathBuf::from(path);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    signing::read_secret(&text).ok_or(format!(
        "{}: no es una clave secreta de rumbo-data / not a rumbo-data secret key",
        path.display()
    ))
}

/// Writes a new key pair: `path` (the secret, readable by its owner only) and
/// `path.pub`. Refused inside a git repository, where a secret would be one commit
/// away from being published, and over an existing file.
fn keygen(path: &Path) -> Result<(), String> {
    let public_path = PathBuf::from(format!("{}.pub", path.display()));
    for p in [path, public_path.as_path()] {
        if p.exists() {
            return Err(format!("{}: ya existe / already exists", p.display()));
        }
    }
    let parent = std::path::absolute(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    if let Some(repo) = parent.ancestors().find(|a| a.join(".git").exists()) {
        return Err(format!(
            "{}: está dentro del repositorio git {}; guarde la clave secreta fuera / \
             it is inside the git repository {}; keep the secret key outside",
            path.display(),
            repo.display(),
            repo.display()
        ));
    }
    let secret = random_seed()?;
    let public = signature::to_hex(&signing::public_key(&secret));
    let secret_text = format!(
        "# Clave secreta de firma de Rumbo: no la comparta ni la suba a un repositorio.\n\
         # Rumbo signing key, SECRET: never share it or commit it.\n{}\n",
        signature::to_hex(&secret)
    );
    let public_text = format!("# Rumbo public key (keys/trusted.pub)\n{public}\n");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .and_then(|mut f| f.write_all(secret_text.as_bytes()).and_then(|_| f.sync_all()))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    std::fs::write(&public_path, public_text).map_err(|e| format!("{}: {e}", public_path.display()))?;
    println!(
        "{}: clave secreta / secret key\n{}: clave pública / public key {public}\n\
         Añádala a keys/trusted.pub y compile la aplicación / add it to keys/trusted.pub and build the app",
        path.display(),
        public_path.display()
    );
    Ok(())
}

/// The flows other than the assessment in the data folder (`flow-<id>.json`), by name.
fn other_flow_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n != Flow::FILE && Flow::id_of_file(n).is_some())
        .collect();
    names.sort();
    names
}

/// 32 bytes from the operating system's randomness.
fn random_seed() -> Result<[u8; 32], String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| format!("randomness: {e}"))?;
        Ok(seed)
    }
    // The browser tests build the tool for wasm32, where it never runs.
    #[cfg(target_arch = "wasm32")]
    {
        Err("keygen runs on the staff's computer".to_string())
    }
}

/// Writes a manifest for the current files, one content version above the last.
fn manifest(dir: &Path, today: &str, first: bool) -> Result<(), String> {
    let version = next_version(dir, first)?;
    let key = signing_key()?;
    let mut names = vec![Flow::FILE.to_string(), Directory::FILE.to_string()];
    names.extend(other_flow_files(dir));
    // The centre's own file is published when the staff have written one.
    if dir.join(Centre::FILE).exists() {
        names.push(Centre::FILE.to_string());
    }
    let files: Vec<(&str, Vec<u8>)> = names
        .iter()
        .map(|n| read(dir, n).map(|b| (n.as_str(), b)))
        .collect::<Result<_, _>>()?;
    let listed: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let manifest = Manifest::describe(version, today, &listed);
    let file_bytes = |name: &str| read(dir, name).ok();
    let text = publishable(manifest, file_bytes, today).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("- {p}")).collect();
        format!(
            "no se escribió el manifiesto / manifest not written:\n{}",
            lines.join("\n")
        )
    })?;
    let signed = signing::sign(&key, text.as_bytes());
    write_files(&[
        (dir.join(Manifest::FILE), text.as_bytes()),
        (dir.join(signature::FILE), signed.as_bytes()),
    ])?;
    println!("manifest.json: versión / version {version}, {today}");
    Ok(())
}

/// The directory as CSV: to `file` with a byte-order mark (without it Excel misreads
/// the accents), or to stdout without one (for other programs).
fn export(file: Option<&Path>, dir: &Path) -> Result<(), String> {
    let directory = Directory::from_json(&read(dir, Directory::FILE)?).map_err(|p| p.to_string())?;
    let csv = csv::to_csv(&directory);
    let Some(file) = file else {
        return std::io::stdout()
            .write_all(csv.as_bytes())
            .map_err(|e| format!("stdout: {e}"));
    };
    // A slip such as `export public/data/directory.json` must not overwrite the data.
    if !file.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
        return Err(format!(
            "{}: export solo escribe archivos .csv / export only writes .csv files",
            file.display()
        ));
    }
    let bytes = ["\u{feff}", &csv].concat();
    write_files(&[(file.to_path_buf(), bytes.as_bytes())])?;
    println!("{}: {} contactos / entries", file.display(), directory.entries.len());
    Ok(())
}

/// Replaces directory.json with the spreadsheet's entries and rebuilds the manifest,
/// or writes nothing and lists every problem: in the sheet by row and column, then in
/// the data it would make, checked with the assessment as the app will check it.
fn import(file: &Path, dir: &Path, today: &str, first: bool) -> Result<(), String> {
    let refused = |lines: Vec<String>| {
        format!(
            "{}: no se importó nada / nothing imported; {} problema(s) / problem(s):\n- {}",
            file.display(),
            lines.len(),
            lines.join("\n- ")
        )
    };
    // Before the sheet is read: a publication that cannot be numbered or signed is not
    // made, however good the sheet.
    let version = next_version(dir, first)?;
    let key = signing_key()?;
    let text = read_csv(file)?;
    let imported = csv::import(&text).map_err(|errors| refused(errors.iter().map(|e| e.to_string()).collect()))?;
    let old = match dir.join(Directory::FILE).exists() {
        true => Some(read(dir, Directory::FILE)?),
        false => None,
    };
    let json = layout::directory_json(&imported.directory, old.as_deref())?;
    if json.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "directory.json: {} bytes; el límite es {MAX_FILE_BYTES} / the limit is {MAX_FILE_BYTES}",
            json.len()
        ));
    }
    if !imported.absent.is_empty() {
        println!(
            "aviso / note: columnas ausentes, leídas como vacías / absent columns, read as empty: {}",
            imported.absent.join(", ")
        );
    }
    if old.as_deref() == Some(json.as_slice()) {
        println!(
            "directory.json: sin cambios, no se escribió nada / unchanged, nothing written ({} contactos / entries)",
            imported.directory.entries.len()
        );
        return Ok(());
    }

    let assessment = read(dir, Flow::FILE)?;
    let centre = match dir.join(Centre::FILE).exists() {
        true => Some(read(dir, Centre::FILE)?),
        false => None,
    };
    let flow_files: Vec<(String, Vec<u8>)> = other_flow_files(dir)
        .into_iter()
        .map(|n| read(dir, &n).map(|b| (n, b)))
        .collect::<Result<_, _>>()?;
    let mut listed: Vec<(&str, &[u8])> = vec![(Flow::FILE, &assessment), (Directory::FILE, &json)];
    listed.extend(flow_files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    if let Some(centre) = &centre {
        listed.push((Centre::FILE, centre));
    }
    let manifest = Manifest::describe(version, today, &listed);
    // The same gate as `check` and the app, on the files as they would be written.
    let file_bytes = |name: &str| listed.iter().find(|(n, _)| *n == name).map(|(_, b)| b.to_vec());
    let manifest = publishable(manifest, file_bytes, today).map_err(|problems| {
        refused(
            problems
                .iter()
                .map(|p| imported.locate(p).map_or_else(|| p.to_string(), |e| e.to_string()))
                .collect(),
        )
    })?;
    let signed = signing::sign(&key, manifest.as_bytes());
    write_files(&[
        (dir.join(Directory::FILE), &json),
        (dir.join(Manifest::FILE), manifest.as_bytes()),
        (dir.join(signature::FILE), signed.as_bytes()),
    ])?;
    println!(
        "directory.json: {} contactos / entries; manifest.json: versión / version {version}, {today}",
        imported.directory.entries.len()
    );
    Ok(())
}

/// A spreadsheet's text: refused before reading when too large, and refused with the
/// fix when it is not UTF-8 (Excel's plain "CSV" is Windows-1252).
fn read_csv(path: &Path) -> Result<String, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .len();
    if size > MAX_CSV_BYTES {
        return Err(format!(
            "{}: {size} bytes; el límite es {MAX_CSV_BYTES} (50 MB): ¿es el archivo correcto? / \
             the limit is {MAX_CSV_BYTES} (50 MB): is it the right file?",
            path.display()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    std::str::from_utf8(bytes).map(str::to_string).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
        format!(
            "{}: no es texto UTF-8 (línea {line}): guarde la hoja como «CSV UTF-8» y vuelva a importarla / \
             it is not UTF-8 text (line {line}): save the sheet as «CSV UTF-8» and import it again",
            path.display()
        )
    })
}

/// Writes each file to a temporary beside it, flushed to disk, and only then renames
/// them into place: a file is either the old one or the whole new one. (Between two
/// renames the manifest still describes the old data; `check` and the app refuse such a
/// mismatch rather than misread it.)
fn write_files(files: &[(PathBuf, &[u8])]) -> Result<(), String> {
    let temporary = |path: &Path| {
        let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        path.with_file_name(format!(".{name}.tmp"))
    };
    let write = |path: &Path, bytes: &[u8]| -> std::io::Result<()> {
        let mut out = std::fs::File::create(path)?;
        out.write_all(bytes)?;
        out.sync_all()
    };
    for (i, (path, bytes)) in files.iter().enumerate() {
        let temporary_path = temporary(path);
        if let Err(e) = write(&temporary_path, bytes) {
            for (written, _) in &files[..=i] {
                let _ = std::fs::remove_file(temporary(written));
            }
            return Err(format!("{}: {e}", temporary_path.display()));
        }
    }
    for (path, _) in files {
        std::fs::rename(temporary(path), path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Entries whose facts are old or incomplete, for the staff to check.
fn stale(dir: &Path, today: &str, days: u32) -> Result<(), String> {
    let directory = Directory::from_json(&read(dir, Directory::FILE)?).map_err(|p| p.to_string())?;
    let limit = days_from_civil(today).ok_or("fecha inválida / bad date")? - days as i64;
    let mut any = false;
    for e in &directory.entries {
        let old = days_from_civil(&e.verified_on).is_none_or(|d| d < limit);
        if old || !e.to_verify.is_empty() {
            any = true;
            let mut why = Vec::new();
            if old {
                why.push(format!("verificado / verified {}", e.verified_on));
            }
            if !e.to_verify.is_empty() {
                why.push(format!("por verificar / to verify: {}", e.to_verify.join(", ")));
            }
            println!("{}: {}", e.id, why.join("; "));
        }
    }
    // A source's date may be a year or a month: it is counted from its first day.
    let old_facts: Vec<_> = rumbo::core::directory::coverage::facts_by_age(&directory)
        .into_iter()
        .filter(|(date, ..)| {
            let day = match date.len() {
                4 => format!("{date}-01-01"),
                7 => format!("{date}-01"),
                _ => date.clone(),
            };
            days_from_civil(&day).is_none_or(|d| d < limit)
        })
        .collect();
    if !old_facts.is_empty() {
        any = true;
        println!(
            "\nDatos con fuentes de más de {days} días, los más viejos primero / facts whose sources are over {days} days old, oldest first:"
        );
        for (date, id, field) in old_facts {
            println!("{date}  {id}: {field}");
        }
    }
    if !any {
        println!("Nada pendiente / nothing pending");
    }
    Ok(())
}

/// Today's date (UTC) as `YYYY-MM-DD`, or `RUMBO_TODAY` when set (tests).
fn today() -> String {
    if let Ok(date) = std::env::var("RUMBO_TODAY") {
        return date;
    }
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    civil_from_days(days)
}

/// Days since 1970-01-01 for a `YYYY-MM-DD` date (Howard Hinnant's algorithm).
fn days_from_civil(date: &str) -> Option<i64> {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn civil_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{y:04}-{m:02}-{d:02}")
}

/// `directory.json` laid out the way the file in the repository is: pretty JSON with
/// two-space indents, each object's keys in the order the current file has them (new
/// keys beside their neighbours in the model), and the defaults it leaves out
/// (`"status": "active"`, a phone's `"kind": "voice"`) left out. Importing unchanged
/// data so gives the same bytes, and a change to one entry changes only its lines:
/// reviewing an import is reading a short diff.
mod layout {
    use rumbo::core::directory::entry::Directory;
    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
    use std::collections::BTreeMap;
    use std::fmt;

    pub fn directory_json(directory: &Directory, old: Option<&[u8]>) -> Result<Vec<u8>, String> {
        // Through text, because serde_json's own `Value` sorts keys in this build.
        let text = serde_json::to_string(directory).map_err(|e| e.to_string())?;
        let new: Json = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let old: Option<Json> = old.and_then(|bytes| serde_json::from_slice(bytes).ok());
        let mut bytes = serde_json::to_vec_pretty(&arrange(new, old.as_ref())).map_err(|e| e.to_string())?;
        bytes.push(b'\n');
        // However laid out, the file must say exactly what was imported.
        match Directory::from_json(&bytes) {
            Ok(read) if read == *directory => Ok(bytes),
            _ => Err("error interno: directory.json no se lee igual / internal error: it does not read back".into()),
        }
    }

    /// A JSON value that keeps its keys in their order.
    #[derive(Clone, Debug, PartialEq)]
    enum Json {
        Null,
        Bool(bool),
        Number(serde_json::Number),
        String(String),
        Array(Vec<Json>),
        Object(Vec<(String, Json)>),
    }

    /// `new` with each object's keys in the order of its counterpart in `old`: the same
    /// key of the parent object, the entry with the same `id`, or else the item at the
    /// same place in an array.
    fn arrange(new: Json, old: Option<&Json>) -> Json {
        match new {
            Json::Object(mut fields) => {
                let old_fields: &[(String, Json)] = match old {
                    Some(Json::Object(fields)) => fields,
                    _ => &[],
                };
                let had = |key: &str| old_fields.iter().any(|(k, _)| k == key);
                fields.retain(|(key, value)| had(key) || !is_default(key, value));
                // A translated text reads Spanish first (serde writes its map sorted).
                fields.sort_by_key(|(key, _)| match key.as_str() {
                    "es" => 0,
                    "en" => 1,
                    _ => 2,
                });
                let model: Vec<String> = fields.iter().map(|(k, _)| k.clone()).collect();
                let mut order: Vec<&String> = old_fields
                    .iter()
                    .map(|(k, _)| k)
                    .filter(|k| model.contains(k))
                    .collect();
                for (i, key) in model.iter().enumerate() {
                    if !order.contains(&key) {
                        let after = model[..i]
                            .iter()
                            .rev()
                            .find_map(|before| order.iter().position(|k| *k == before));
                        order.insert(after.map_or(0, |p| p + 1), key);
                    }
                }
                let place: BTreeMap<&String, usize> = order.iter().enumerate().map(|(i, k)| (*k, i)).collect();
                fields.sort_by_key(|(key, _)| place[key]);
                Json::Object(
                    fields
                        .into_iter()
                        .map(|(key, value)| {
                            let counterpart = old_fields.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
                            (key, arrange(value, counterpart))
                        })
                        .collect(),
                )
            }
            Json::Array(items) => {
                let old_items: &[Json] = match old {
                    Some(Json::Array(items)) => items,
                    _ => &[],
                };
                let by_id: BTreeMap<&str, &Json> = old_items.iter().filter_map(|o| Some((id_of(o)?, o))).collect();
                Json::Array(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| {
                            let counterpart = match id_of(&item) {
                                Some(id) => by_id.get(id).copied(),
                                None => old_items.get(i),
                            };
                            arrange(item, counterpart)
                        })
                        .collect(),
                )
            }
            other => other,
        }
    }

    fn id_of(value: &Json) -> Option<&str> {
        match value {
            Json::Object(fields) => fields.iter().find_map(|(k, v)| match (k.as_str(), v) {
                ("id", Json::String(id)) => Some(id.as_str()),
                _ => None,
            }),
            _ => None,
        }
    }

    /// Values the model reads when the key is absent, so the file need not spell them.
    fn is_default(key: &str, value: &Json) -> bool {
        matches!((key, value), ("status", Json::String(s)) if s == "active")
            || matches!((key, value), ("kind", Json::String(k)) if k == "voice")
    }

    impl Serialize for Json {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Json::Null => serializer.serialize_unit(),
                Json::Bool(b) => serializer.serialize_bool(*b),
                Json::Number(n) => n.serialize(serializer),
                Json::String(s) => serializer.serialize_str(s),
                Json::Array(items) => {
                    let mut seq = serializer.serialize_seq(Some(items.len()))?;
                    for item in items {
                        seq.serialize_element(item)?;
                    }
                    seq.end()
                }
                Json::Object(fields) => {
                    let mut map = serializer.serialize_map(Some(fields.len()))?;
                    for (key, value) in fields {
                        map.serialize_entry(key, value)?;
                    }
                    map.end()
                }
            }
        }
    }

    impl<'de> Deserialize<'de> for Json {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
            deserializer.deserialize_any(JsonVisitor)
        }
    }

    struct JsonVisitor;

    impl<'de> Visitor<'de> for JsonVisitor {
        type Value = Json;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }

        fn visit_unit<E>(self) -> Result<Json, E> {
            Ok(Json::Null)
        }

        fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
            Ok(Json::Bool(v))
        }

        fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
            Ok(Json::Number(v.into()))
        }

        fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
            Ok(Json::Number(v.into()))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
            serde_json::Number::from_f64(v)
                .map(Json::Number)
                .ok_or_else(|| E::custom("not a finite number"))
        }

        fn visit_str<E>(self, v: &str) -> Result<Json, E> {
            Ok(Json::String(v.to_string()))
        }

        fn visit_string<E>(self, v: String) -> Result<Json, E> {
            Ok(Json::String(v))
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(Json::Array(items))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
            let mut fields = Vec::new();
            while let Some(entry) = map.next_entry::<String, Json>()? {
                fields.push(entry);
            }
            Ok(Json::Object(fields))
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        const SHIPPED: &[u8] = include_bytes!("../../../public/data/directory.json");

        #[test]
        fn the_shipped_file_is_written_back_byte_for_byte() {
            let directory = Directory::from_json(SHIPPED).unwrap();
            let written = directory_json(&directory, Some(SHIPPED)).unwrap();
            assert!(written == SHIPPED, "{}", String::from_utf8_lossy(&written));
        }

        #[test]
        fn a_change_to_one_entry_changes_only_its_lines() {
            let mut directory = Directory::from_json(SHIPPED).unwrap();
            let entry = directory
                .entries
                .iter_mut()
                .find(|e| e.id == "consulado-atlanta")
                .unwrap();
            entry.email = Some("consulado@example.org".into());
            entry.status = rumbo::core::directory::entry::Status::TemporarilyClosed;
            let written = String::from_utf8(directory_json(&directory, Some(SHIPPED)).unwrap()).unwrap();
            let shipped = String::from_utf8(SHIPPED.to_vec()).unwrap();
            let added: Vec<&str> = written.lines().filter(|l| !shipped.lines().any(|s| s == *l)).collect();
            assert_eq!(
                added,
                [
                    r#"      "email": "consulado@example.org","#,
                    r#"      "status": "temporarily_closed","#
                ]
            );
            assert_eq!(written.lines().count(), shipped.lines().count() + 2);
        }

        #[test]
        fn a_new_file_reads_spanish_first_and_leaves_defaults_out() {
            let directory = Directory::from_json(
                br#"{"entries":[{"id":"centro-ficticio","name":{"en":"Fictitious Centre","es":"Centro Ficticio"},
                "kind":"hotline","address":{"country":"GT"},"phones":[{"number":"+15550100123","kind":"voice"}],
                "status":"active","verified_on":"2026-01-01","source":"https://example.org"}]}"#,
            )
            .unwrap();
            let written = String::from_utf8(directory_json(&directory, None).unwrap()).unwrap();
            assert!(written.find("\"es\"") < written.find("\"en\""), "{written}");
            assert!(!written.contains("active") && !written.contains("voice"), "{written}");
            assert!(written.starts_with("{\n  \"entries\": [\n    {\n      \"id\"") && written.ends_with("}\n"));
        }
    }
}
