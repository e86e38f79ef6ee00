//! Deciding what a content update needs, given the manifest the device has and the one
//! just published: whether it is newer at all, and which files changed (unchanged files
//! are reused from the device, so a slow connection carries only what is new), and when
//! a version that arrived damaged or invalid may be downloaded again.

use crate::core::content::manifest::{FileEntry, Manifest};
use serde::{Deserialize, Serialize};

/// Whether `published` should replace what the device has.
pub fn is_newer(on_device: Option<&Manifest>, published: &Manifest) -> bool {
    on_device.is_none_or(|have| published.content_version > have.content_version)
}

/// The files of `published` the device must download: those it lacks or whose hash
/// differs from its copy.
pub fn files_to_download<'a>(on_device: Option<&Manifest>, published: &'a Manifest) -> Vec<&'a FileEntry> {
    published
        .files
        .iter()
        .filter(|file| {
            on_device
                .and_then(|have| have.file(&file.name))
                .is_none_or(|have| have.sha256 != file.sha256)
        })
        .collect()
}

/// How long automatic checks wait before downloading a refused version again: after the
/// first refusal, the second, and every later one. A damaged file can be a passing fault
/// (a captive portal's page, a proxy), so it is tried again, but not at every return to
/// the app: the same bad files would cost a costly connection each time.
const RETRY_WAITS_MS: [i64; 3] = [10 * 60_000, 60 * 60_000, 6 * 3_600_000];

/// A published version whose files arrived but were refused (a file missing on the
/// server, not matching its hash, or content failing the checks). Downloads that failed
/// for want of a connection are not refusals: they cost little and are retried at once.
/// Kept on the device, so a phone that closed the app and opens it again waits too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Refusal {
    /// The published manifest as served: the same text is the same version.
    manifest: String,
    times: usize,
    /// Recorded before the content was read and never completed: reading it ended the
    /// app (a crash, a tab killed for memory). Such a version is never read again; a
    /// corrected publication (other manifest text) is.
    #[serde(default)]
    unfinished: bool,
    /// Whole milliseconds: printing a float would bring Rust's float printer into the
    /// wasm for this one value.
    last_ms: i64,
}

impl Refusal {
    /// Records that `manifest`'s version was refused at `now_ms`, counting earlier
    /// refusals of the same version.
    pub fn record(previous: Option<&Refusal>, manifest: &str, now_ms: f64) -> Refusal {
        let times = previous.filter(|p| p.manifest == manifest).map_or(0, |p| p.times);
        Refusal {
            manifest: manifest.to_string(),
            times: times + 1,
            unfinished: false,
            last_ms: now_ms as i64,
        }
    }

    /// Recorded (and kept) just before downloaded content is read, so that content whose
    /// reading ends the app is refused, not read again at every start. Reading it to the
    /// end either forgets the record (taken) or keeps it as a plain refusal
    /// ([`Refusal::finished`]).
    pub fn before_reading(previous: Option<&Refusal>, manifest: &str, now_ms: f64) -> Refusal {
        let mut refusal = Refusal::record(previous, manifest, now_ms);
        refusal.unfinished = true;
        refusal
    }

    /// The record once reading ended in a refusal rather than a crash.
    pub fn finished(mut self) -> Refusal {
        self.unfinished = false;
        self
    }

    /// Whether `manifest`'s content was being read when the app last ended: it is not
    /// tried again, even when the person asks.
    pub fn never_again(&self, manifest: &str) -> bool {
        self.unfinished && self.manifest == manifest
    }

    /// Whether an automatic check at `now_ms` should leave `manifest` alone for now.
    /// A different manifest (a corrected publication) is always downloaded, and so is
    /// anything when the clock went back, rather than waiting on a wrong clock.
    pub fn holds_back(&self, manifest: &str, now_ms: f64) -> bool {
        let wait = RETRY_WAITS_MS[(self.times - 1).min(RETRY_WAITS_MS.len() - 1)];
        let now_ms = now_ms as i64;
        self.manifest == manifest && now_ms >= self.last_ms && now_ms - self.last_ms < wait
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(version: u64, files: &[(&str, &[u8])]) -> Manifest {
        Manifest::describe(version, "2026-11-24", files)
    }

    #[test]
    fn only_a_higher_content_version_is_newer() {
        let one = manifest(1, &[("a.json", b"1")]);
        let two = manifest(2, &[("a.json", b"2")]);
        assert!(is_newer(None, &one));
        assert!(is_newer(Some(&one), &two));
        assert!(!is_newer(Some(&two), &one), "never go back to an older version");
        assert!(!is_newer(Some(&two), &two));
    }

    #[test]
    fn only_changed_or_missing_files_are_downloaded() {
        let have = manifest(1, &[("a.json", b"same"), ("b.json", b"old")]);
        let published = manifest(2, &[("a.json", b"same"), ("b.json", b"new"), ("c.json", b"added")]);
        let names: Vec<_> = files_to_download(Some(&have), &published)
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(names, ["b.json", "c.json"]);
        assert_eq!(files_to_download(None, &published).len(), 3);
    }

    const MINUTE: f64 = 60_000.0;

    #[test]
    fn a_refused_version_waits_longer_after_each_refusal() {
        let first = Refusal::record(None, "v2", 0.0);
        assert!(first.holds_back("v2", 9.0 * MINUTE), "not again at the next return");
        assert!(!first.holds_back("v2", 10.0 * MINUTE), "tried again after ten minutes");
        let second = Refusal::record(Some(&first), "v2", 10.0 * MINUTE);
        assert!(second.holds_back("v2", 69.0 * MINUTE));
        assert!(!second.holds_back("v2", 70.0 * MINUTE));
        let third = Refusal::record(Some(&second), "v2", 70.0 * MINUTE);
        let fourth = Refusal::record(Some(&third), "v2", 500.0 * MINUTE);
        assert!(
            fourth.holds_back("v2", 500.0 * MINUTE + 359.0 * MINUTE),
            "six hours at most"
        );
        assert!(!fourth.holds_back("v2", 500.0 * MINUTE + 360.0 * MINUTE));
    }

    #[test]
    fn a_corrected_publication_is_downloaded_at_once() {
        let refused = Refusal::record(None, "v2 damaged", 0.0);
        assert!(!refused.holds_back("v2 corrected", 1.0));
        let other = Refusal::record(Some(&refused), "v3", 5.0);
        assert!(other.holds_back("v3", 6.0));
        assert_eq!(other.times, 1, "a new version starts its own count");
    }

    #[test]
    fn a_refusal_kept_on_the_device_still_holds_back_after_a_restart() {
        let refused = Refusal::record(None, "v2", 0.0);
        let kept = serde_json::to_string(&refused).unwrap();
        let read_back: Refusal = serde_json::from_str(&kept).unwrap();
        assert!(read_back.holds_back("v2", MINUTE));
    }

    #[test]
    fn content_whose_reading_never_finished_is_not_read_again() {
        let reading = Refusal::before_reading(None, "v2", 0.0);
        let kept = serde_json::to_string(&reading).unwrap();
        let after_a_crash: Refusal = serde_json::from_str(&kept).unwrap();
        assert!(after_a_crash.never_again("v2"));
        assert!(after_a_crash.holds_back("v2", 1_000.0 * MINUTE) || after_a_crash.never_again("v2"));
        assert!(!after_a_crash.never_again("v2 corrected"));
        let refused = Refusal::before_reading(None, "v2", 0.0).finished();
        assert!(!refused.never_again("v2"), "a plain refusal is tried again later");
        assert!(refused.holds_back("v2", MINUTE));
        let older: Refusal = serde_json::from_str(r#"{"manifest":"v2","times":1,"last_ms":0}"#).unwrap();
        assert!(!older.never_again("v2"), "records kept by an older build still read");
    }

    #[test]
    fn a_clock_set_back_does_not_hold_a_version_back_for_ever() {
        let refused = Refusal::record(None, "v2", 1_000.0 * MINUTE);
        assert!(!refused.holds_back("v2", 2.0 * MINUTE));
    }
}
