//! The content as the repository ships it (`public/data`), read through the same gate
//! as the app (`Content::from_files`) on the day it was published; shared by the tests
//! that walk the shipped flows.

use rumbo::core::content::Content;
use rumbo::core::json::SerdeJson;
use std::path::Path;

pub fn content() -> Content {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let manifest = std::fs::read(dir.join("manifest.json")).unwrap();
    let published: serde_json::Value = serde_json::from_slice(&manifest).unwrap();
    Content::from_files(
        &SerdeJson,
        &manifest,
        |name| std::fs::read(dir.join(name)).ok(),
        published["date"].as_str().unwrap(),
    )
    .unwrap_or_else(|problems| panic!("{problems:?}"))
}
