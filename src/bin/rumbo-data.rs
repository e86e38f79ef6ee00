//! The centre staff's data tool (host only). It works on a data folder (default
//! `public/data`, or `RUMBO_DATA_DIR`, or the last argument):
//!
//!   rumbo-data check              every problem in the data, exit 1 if any
//!   rumbo-data manifest           rebuild manifest.json (next content version, today)
//!   rumbo-data stale [--days N]   entries not verified for N days (default 180), and
//!                                 entries with fields still to verify
//!
//! It never leaves a half-written file: the manifest is written to a temporary file and
//! renamed into place, and only when the data passes every check.

use rumbo::core::assessment::Flow;
use rumbo::core::content::Content;
use rumbo::core::directory::Directory;
use rumbo::core::manifest::Manifest;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str = "uso / usage: rumbo-data check | manifest | stale [--days N]   [DATA_DIR]";
/// Data files larger than this are refused before being read: the real ones are small.
const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

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
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--days" => {
                days = rest
                    .next()
                    .and_then(|d| d.parse().ok())
                    .ok_or("--days necesita un número / needs a number")?
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
        "manifest" => manifest(&dir, &today),
        "stale" => stale(&dir, &today, days),
        _ => Err(USAGE.to_string()),
    }
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
    let mut files = std::collections::BTreeMap::new();
    for entry in &listed.files {
        if dir.join(&entry.name).exists() {
            files.insert(entry.name.clone(), read(dir, &entry.name)?);
        }
    }
    Content::from_files(&manifest, |name| files.get(name).cloned(), today).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("- {p}")).collect();
        format!("{} problema(s) / problem(s):\n{}", problems.len(), lines.join("\n"))
    })
}

/// Writes a manifest for the current files, one content version above the last.
fn manifest(dir: &Path, today: &str) -> Result<(), String> {
    let previous = read(dir, Manifest::FILE)
        .ok()
        .and_then(|b| Manifest::from_json(&b).ok());
    let names = [Flow::FILE, Directory::FILE];
    let files: Vec<(&str, Vec<u8>)> = names
        .iter()
        .map(|n| read(dir, n).map(|b| (*n, b)))
        .collect::<Result<_, _>>()?;
    let version = previous.map_or(1, |m| m.content_version + 1);
    let listed: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let manifest = Manifest::describe(version, today, &listed);
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    // Only publish what the app would accept.
    Content::from_files(text.as_bytes(), |name| read(dir, name).ok(), today).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("- {p}")).collect();
        format!(
            "no se escribió el manifiesto / manifest not written:\n{}",
            lines.join("\n")
        )
    })?;
    let temporary = dir.join(".manifest.json.tmp");
    std::fs::write(&temporary, text).map_err(|e| format!("{}: {e}", temporary.display()))?;
    std::fs::rename(&temporary, dir.join(Manifest::FILE)).map_err(|e| e.to_string())?;
    println!("manifest.json: versión / version {version}, {today}");
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
