//! The browser layer's IndexedDB store, run in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use rumbo::platform::db::{Db, SETTINGS};
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Sample {
    name: String,
    count: u32,
}

#[wasm_bindgen_test]
async fn a_value_put_survives_closing_and_reopening_the_database() {
    let name = "test-put-reopen";
    let db = Db::open_named(name).await.expect("open");
    assert!(db.store_names().contains(&SETTINGS.to_string()));
    let value = Sample {
        name: "Ñandú ficticio".into(),
        count: 3,
    };
    db.put(SETTINGS, "sample", &value).await.expect("put");
    db.close();

    let db = Db::open_named(name).await.expect("reopen");
    let read: Option<Sample> = db.get(SETTINGS, "sample").await.expect("get");
    // Reopening at the same schema version runs no migration that would drop the store.
    assert_eq!(read, Some(value));
}

#[wasm_bindgen_test]
async fn missing_and_deleted_keys_read_as_none() {
    let db = Db::open_named("test-delete").await.expect("open");
    let none: Option<Sample> = db.get(SETTINGS, "never-written").await.expect("get");
    assert_eq!(none, None);
    db.put(
        SETTINGS,
        "gone",
        &Sample {
            name: "x".into(),
            count: 1,
        },
    )
    .await
    .expect("put");
    db.delete(SETTINGS, "gone").await.expect("delete");
    let gone: Option<Sample> = db.get(SETTINGS, "gone").await.expect("get");
    assert_eq!(gone, None);
}

mod content {
    use super::*;
    use rumbo::platform::data_store::{self, StoredContent};
    use std::collections::BTreeMap;

    fn content(version: &str) -> StoredContent {
        let mut files = BTreeMap::new();
        files.insert("directory.json".to_string(), format!("{{\"v\":\"{version}\"}}"));
        StoredContent {
            manifest: format!("manifest {version}"),
            files,
            saved_at_ms: 1.0,
        }
    }

    #[wasm_bindgen_test]
    async fn stored_content_is_empty_at_first_then_replaced_whole() {
        let db = Db::open_named("test-content").await.expect("open");
        assert_eq!(data_store::load(&db).await.expect("load"), None);
        data_store::replace(&db, &content("1")).await.expect("store v1");
        data_store::replace(&db, &content("2")).await.expect("store v2");
        db.close();
        let db = Db::open_named("test-content").await.expect("reopen");
        assert_eq!(data_store::load(&db).await.expect("load"), Some(content("2")));
    }
}

mod favourites {
    use super::*;
    use rumbo::platform::favourites;

    #[wasm_bindgen_test]
    async fn a_damaged_item_is_skipped_and_the_other_favourites_are_kept() {
        let db = Db::open_named("test-favourites").await.expect("open");
        // As a damaged list, or one from another version, could be: ids among other things.
        let damaged = (
            "consulado-ficticio",
            5,
            Sample {
                name: "x".into(),
                count: 1,
            },
            "centro-ficticio",
        );
        db.put(SETTINGS, "favourites", &damaged).await.expect("put");
        let kept = favourites::load(&db).await.expect("load");
        assert_eq!(kept, ["consulado-ficticio", "centro-ficticio"]);
    }
}
