//! The person's favourite entries, loaded once from the device and saved on change.

use crate::platform::db::Db;
use crate::platform::favourites;
use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

#[derive(Clone, Copy)]
pub struct Favourites(RwSignal<Vec<String>>);

impl Favourites {
    pub fn contains(self, id: &str) -> bool {
        self.0.with(|ids| ids.iter().any(|i| i == id))
    }

    pub fn ids(self) -> Vec<String> {
        self.0.get()
    }

    /// Adds or removes `id`, and saves the list on the device.
    pub fn toggle(self, id: &str) {
        self.0.update(|ids| {
            if let Some(at) = ids.iter().position(|i| i == id) {
                ids.remove(at);
            } else {
                ids.push(id.to_string());
            }
        });
        let ids = self.0.get_untracked();
        spawn_local(async move {
            if let Ok(db) = Db::open().await {
                let _ = favourites::save(&db, &ids).await;
            }
        });
    }
}

/// Provides the favourites; on a shared device (`enabled` false) there are none to load.
pub fn provide_favourites(enabled: bool) {
    let list = RwSignal::new(Vec::new());
    provide_context(Favourites(list));
    if !enabled {
        return;
    }
    spawn_local(async move {
        if let Ok(db) = Db::open().await
            && let Ok(ids) = favourites::load(&db).await
        {
            list.set(ids);
        }
    });
}

pub fn use_favourites() -> Favourites {
    expect_context::<Favourites>()
}
