//! The app's JSON reader (`platform::json::BrowserJson`, the browser's `JSON.parse`)
//! must read the content exactly as the staff's tool does with serde_json, and refuse
//! what the tool refuses, naming the file.
#![cfg(target_arch = "wasm32")]

use rumbo::core::content::Content;
use rumbo::core::directory::entry::Directory;
use rumbo::core::json::{ReadJson, SerdeJson};
use rumbo::platform::json::BrowserJson;
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
fn the_shipped_content_reads_the_same_with_the_browser_as_with_serde_json() {
    let browser = shipped(&BrowserJson);
    assert!(browser.directory.entries.len() > 10);
    assert_eq!(browser.flows.len(), 1, "the offer check");
    assert_eq!(browser, shipped(&SerdeJson));
}

#[wasm_bindgen_test]
fn what_serde_json_refuses_the_browser_refuses_too_naming_the_file() {
    let entry = r#"{"id":"centro-ficticio","name":{"es":"Centro Ficticio","en":"Fictitious Centre"},"kind":"resource_centre","address":{"country":"GT"},"verified_on":"2026-01-01","source":"https://example.org/ficticio"}"#;
    let good = format!(r#"{{"entries":[{entry}]}}"#);
    assert_eq!(
        BrowserJson
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
        assert!(
            SerdeJson.read::<Directory>("directory.json", text.as_bytes()).is_err(),
            "{text}"
        );
        let problem = BrowserJson
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
    assert!(BrowserJson.read::<Directory>("directory.json", &not_utf8).is_err());
}
