//! A link that leaves the app: call, WhatsApp, email, website, maps, a source.
//!
//! On the centre's kiosk the tablet cannot call or browse for the person, and a link
//! out would leave the next person in someone else's browser; so there the link
//! becomes a button that shows a QR code of the same address, for the person to scan
//! with their own phone.

use crate::core::directory::phone_display::readable_number;
use crate::ui::device::use_mode;
use crate::ui::language::use_i18n;
use crate::ui::text::t_string;
use crate::ui::text::tr;
use crate::ui::widgets::qr_code::QrCode;
use leptos::prelude::*;

#[component]
pub fn ExternalLink(
    /// An address already checked by `core::directory::links`.
    href: String,
    #[prop(optional, into)] class: String,
    /// Websites open in a new tab, so the app stays where the person left it (on a
    /// shared device every link out does, see `Mode::link_target`).
    #[prop(optional)]
    new_tab: bool,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let mode = use_mode();
    if mode.opens_links() {
        let target = mode.link_target(new_tab);
        return view! { <a class=class href=href rel="noopener noreferrer" target=target>{children()}</a> }.into_any();
    }
    let shown = shown_address(&href);
    let label = Signal::derive({
        let shown = shown.clone();
        move || t_string!(i18n, qr_link_label, address = shown.clone()).to_string()
    });
    view! {
        <details class="qr-link">
            <summary class=class>{children()}</summary>
            <div class="qr-link-body">
                <QrCode text=Signal::stored(href) label=label />
                <p>{tr!(qr_link_scan)}</p>
                <p class="qr-link-address">{shown}</p>
            </div>
        </details>
    }
    .into_any()
}

/// What the code holds, as a person reads it: the number for a call, grouped as its
/// country writes it; the address for an email; the web address otherwise.
fn shown_address(href: &str) -> String {
    if let Some(number) = href.strip_prefix("tel:").or_else(|| href.strip_prefix("sms:")) {
        return readable_number(number);
    }
    href.strip_prefix("mailto:").unwrap_or(href).to_string()
}
