//! The app's JSON reader in the browser (`core::json::SerdeJson`, built for wasm without
//! the host's field paths) reads the shipped content whole, and refuses a cut, mistyped
//! or unknown file, naming the file and saying why, in both languages.
#![cfg(target_arch = "wasm32")]

use rumbo::core::content::Content;
use rumbo::core::directory::entry::Directory;
use rumbo::core::json::{ReadJson, SerdeJson};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MANIFEST: &[u8] = include_bytes!("../public/data/manifest.json");
const DIRECTORY: &[u8] = include_bytes!("../public/data/directory.json");
const ASSESSMENT: &[u8] = include_bytes!("../public/data/assessment.json");
const CENTRE: &[u8] = include_bytes!("../public/data/centre.json");
const OFFER: &[u8] = include_bytes!("../public/data/flow-oferta.json");

fn shipped(json: &impl ReadJson) -> Content {
    let file = |name: &str| match name {
        "directory.json" => Some(DIRECTORY.to_vec()),
        "assessment.json" => Some(ASSESSMENT.to_vec()),
        "centre.json" => Some(CENTRE.to_vec()),
        "flow-oferta.json" => Some(OFFER.to_vec()),
        _ => None,
    };
    Content::from_files(json, MANIFEST, file, "9999-12-31").expect("the shipped content")
}

#[wasm_bindgen_test]
fn the_shipped_content_reads_whole_in_the_browser() {
    let content = shipped(&SerdeJson);
    let shipped_entries = DIRECTORY
        .windows(b"\"verified_on\"".len())
        .filter(|w| *w == b"\"verified_on\"")
        .count();
    assert_eq!(content.directory.entries.len(), shipped_entries, "every entry");
    assert_eq!(content.flows.len(), 1, "the offer check");
}

#[wasm_bindgen_test]
fn what_is_broken_is_refused_naming_the_file_and_why() {
    let entry = r#"{"id":"centro-ficticio","name":{"es":"Centro Ficticio","en":"Fictitious Centre"},"kind":"resource_centre","address":{"country":"GT"},"verified_on":"2026-01-01","source":"https://example.org/ficticio"}"#;
    let good = format!(r#"{{"entries":[{entry}]}}"#);
    assert_eq!(
        SerdeJson
            .read::<Directory>("directory.json", good.as_bytes())
            .unwrap()
            .entries
            .len(),
        1
    );
    let refused = [
        good[..good.len() - 3].to_string(),                                // cut download
        good.replace(r#""kind":"resource_centre""#, r#""kind":7"#),        // wrong type
        good.replace(r#""kind""#, r#""knd""#),                             // unknown field, and kind missing
        good.replace(r#""kind":"resource_centre""#, r#""kind":"castle""#), // unknown value
    ];
    for text in refused {
        let problem = SerdeJson
            .read::<Directory>("directory.json", text.as_bytes())
            .unwrap_err();
        assert!(problem.path.starts_with("directory.json"), "{}", problem.path);
        assert!(
            problem
                .message
                .get_code("es")
                .starts_with("el archivo no se puede leer: ")
        );
        assert!(
            problem.message.get_code("en").len() > "the file cannot be read: ".len(),
            "says why"
        );
    }
    let not_utf8 = [b"{\"entries\":[\"".as_slice(), &[0xff, 0xfe], b"\"]}"].concat();
    assert!(SerdeJson.read::<Directory>("directory.json", &not_utf8).is_err());
}
