//! A page's frame: its heading and the document title, and focus moved to the heading
//! after an in-app navigation so screen-reader users hear that the page changed.

use leptos::html;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// False until the first page has rendered: on the first load the browser's own focus
/// handling is right, and stealing focus would skip the "skip to content" link.
static NAVIGATED: AtomicBool = AtomicBool::new(false);

#[component]
pub fn Page(
    /// The page heading, also used in the document title.
    #[prop(into)]
    title: Signal<String>,
    children: Children,
) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        document().set_title(&format!("{} · Rumbo", title.get()));
    });
    Effect::new(move |_| {
        if let Some(h1) = heading.get()
            && NAVIGATED.swap(true, Ordering::Relaxed)
        {
            let _ = h1.focus();
        }
    });
    view! {
        <h1 node_ref=heading tabindex="-1">{move || title.get()}</h1>
        {children()}
    }
}

/// Puts focus on the page heading. For when the control just pressed disappears with
/// what it changed (back to the start, a form unlocked): focus would otherwise fall to
/// the top of the document and a screen reader would start over.
pub fn focus_page_heading() {
    focus("main h1");
}

/// Puts focus on the first element matching `selector`; false if there is none.
pub fn focus(selector: &str) -> bool {
    use wasm_bindgen::JsCast;
    match document().query_selector(selector).ok().flatten() {
        Some(element) => element.unchecked_into::<web_sys::HtmlElement>().focus().is_ok(),
        None => false,
    }
}

/// The in-app link (its `href`) a click inside a list landed on, so focus can return to
/// it when the person comes back from where it led.
pub fn followed_link(ev: &leptos::ev::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href^='/']").ok().flatten())
        .and_then(|link| link.get_attribute("href"))
}

/// Back from a page a link in `within` led to (browser Back, or a "Volver" link): focus,
/// and with it the view, go to that link rather than to the top of a long list. After the
/// page heading has taken focus, hence the next frame.
pub fn refocus_link(within: &'static str, href: String) {
    request_animation_frame(move || {
        focus(&format!("{within} a[href=\"{href}\"]"));
    });
}
