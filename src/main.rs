//! Entry point of the web app (wasm32, built by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    console_error_panic_hook::set_once();
    // Into `<div id="app">` (index.html). On a prerendered page it stays hidden beside the
    // page's prerendered copy until the page's own script swaps it in, once the app shows
    // the same page (scripts/prerender.mjs, docs/rendering.md).
    let app = leptos::prelude::document()
        .get_element_by_id("app")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match app {
        Some(app) => leptos::mount::mount_to(app, rumbo::ui::App).forget(),
        None => leptos::mount::mount_to_body(rumbo::ui::App),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rumbo is a web app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
