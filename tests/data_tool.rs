//! The staff's data tool run as staff run it, on temporary copies of the data.

use std::path::{Path, PathBuf};
use std::process::Command;

fn copy_of_shipped_data(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rumbo-data-tool-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    for file in ["manifest.json", "directory.json", "assessment.json"] {
        std::fs::copy(shipped.join(file), dir.join(file)).unwrap();
    }
    dir
}

fn tool(args: &[&str], dir: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rumbo-data"))
        .args(args)
        .arg(dir)
        .env("RUMBO_TODAY", "2026-11-24")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn the_shipped_data_checks_clean() {
    let dir = copy_of_shipped_data("clean");
    let (ok, out) = tool(&["check"], &dir);
    assert!(ok, "{out}");
    assert!(out.starts_with("OK: 28 contactos"), "{out}");
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
    assert!(out.contains("versión / version 2, 2026-11-24"), "{out}");
    assert!(tool(&["check"], &dir).0);
}

#[test]
fn bad_data_is_reported_and_no_manifest_is_written() {
    let dir = copy_of_shipped_data("bad");
    let path = dir.join("directory.json");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("https://igm.gob.gt\"", "javascript:alert(1)\"", 1);
    std::fs::write(&path, text).unwrap();
    let before = std::fs::read(dir.join("manifest.json")).unwrap();
    let (ok, out) = tool(&["manifest"], &dir);
    assert!(!ok, "{out}");
    assert!(out.contains("igm") && out.contains("https://"), "{out}");
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
