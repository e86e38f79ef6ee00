//! Deciding what a content update needs, given the manifest the device has and the one
//! just published: whether it is newer at all, and which files changed (unchanged files
//! are reused from the device, so a slow connection carries only what is new).

use crate::core::manifest::{FileEntry, Manifest};

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
}
