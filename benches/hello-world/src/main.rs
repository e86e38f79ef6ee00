//! The smallest Leptos 0.8 CSR app: one heading and a sentence.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <main>
                <h1>"Hola, mundo"</h1>
                <p>"Una aplicación Leptos mínima, construida como Rumbo."</p>
            </main>
        }
    });
}
