//! Entry point of the web app (wasm32, built by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(rumbo::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rumbo is a web app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
