//! A QR code drawn as inline SVG from [`crate::core::qr`], with no network.

use crate::core::qr::Qr;
use leptos::prelude::*;

/// Draws `text` as a QR code. `label` tells screen-reader users what scanning gives
/// (for instance "QR code to call the consulate"). Text too long for a code shows nothing.
#[component]
pub fn QrCode(#[prop(into)] text: Signal<String>, #[prop(into)] label: Signal<String>) -> impl IntoView {
    move || {
        let qr = Qr::encode(&text.get()).ok()?;
        let side = qr.view_box_side();
        Some(view! {
            <svg
                class="qr-code"
                role="img"
                aria-label=move || label.get()
                viewBox=format!("0 0 {side} {side}")
                shape-rendering="crispEdges"
                xmlns="http://www.w3.org/2000/svg"
            >
                <rect width=side height=side fill="#fff" />
                <path d=qr.svg_path() fill="#000" />
            </svg>
        })
    }
}
