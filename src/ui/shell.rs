//! The frame around every page: skip link, the centre's name, navigation, language
//! switch, and a footer that repeats the privacy promise.

use crate::core::text::lang::Lang;
use crate::ui::language::use_i18n;
use crate::ui::language::{lang_of, locale_of};
use crate::ui::page::focus;
use crate::ui::paths;
use crate::ui::shared_device::NextPersonButton;
use crate::ui::text::tr;
use gloo::events::{EventListener, EventListenerOptions};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::cell::Cell;
use std::rc::Rc;

#[component]
pub fn Header() -> impl IntoView {
    let brand = NodeRef::<leptos::html::A>::new();
    hold_for_settings(brand);
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{tr!(skip_to_content)}</a>
        <header class="site-header">
            <div class="brand">
                <a href=paths::HOME class="brand-name" node_ref=brand>{tr!(app_name)}</a>
                <span class="brand-centre">{tr!(centre_name)}</span>
            </div>
            <NextPersonButton />
            <div class="lang-switch" role="group" aria-label=tr!(language_label)>
                <LanguageButtons class="lang-button" />
            </div>
            <nav aria-label=tr!(nav_label)>
                <ul class="nav-list">
                    <li><A href=paths::HOME exact=true>{tr!(nav_home)}</A></li>
                    <li><A href=paths::ASSESSMENT>{tr!(nav_assessment)}</A></li>
                    <li><A href=paths::DIRECTORY>{tr!(nav_directory)}</A></li>
                    <li><A href=paths::ABOUT>{tr!(nav_about)}</A></li>
                </ul>
            </nav>
        </header>
    }
}

/// The router would take "#main" for a navigation and leave focus on the link, so the
/// next Tab went back into the header; the link's whole point is to move focus.
fn skip_to_main(event: web_sys::MouseEvent) {
    if focus("#main") {
        event.prevent_default();
    }
}

/// One button per language, each labelled in its own language (a person who cannot
/// read the current one still finds theirs) and marked pressed when active. Used in the
/// header and, larger, on the kiosk's welcome screen.
#[component]
pub fn LanguageButtons(class: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let pressed = move || (lang_of(i18n.get_locale()) == lang).to_string();
            view! {
                <button
                    type="button"
                    class=class
                    lang=lang.code()
                    aria-pressed=pressed
                    on:click=move |_| i18n.set_locale(locale_of(lang))
                >
                    {lang.native_name()}
                </button>
            }
        })
        .collect_view()
}

/// Holding the app's name for three seconds opens the staff settings: the way in on a
/// kiosk, whose browser shows no address bar. A normal tap still goes home; the click
/// that ends a long press is cancelled here, on the element, before the router (which
/// listens on the document) would follow the link home.
fn hold_for_settings(brand: NodeRef<leptos::html::A>) {
    let navigate = use_navigate();
    Effect::new(move |done: Option<()>| {
        let Some(element) = brand.get() else { return };
        if done.is_some() {
            return;
        }
        let presses = Rc::new(Cell::new(0u32));
        let held = Rc::new(Cell::new(false));
        let on_down = {
            let (presses, held, navigate) = (presses.clone(), held.clone(), navigate.clone());
            move |_: &web_sys::Event| {
                presses.set(presses.get() + 1);
                let press = presses.get();
                let (presses, held, navigate) = (presses.clone(), held.clone(), navigate.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    gloo::timers::future::TimeoutFuture::new(3_000).await;
                    if presses.get() == press {
                        held.set(true);
                        navigate(
                            paths::SETTINGS,
                            NavigateOptions {
                                replace: true,
                                ..Default::default()
                            },
                        );
                    }
                });
            }
        };
        EventListener::new(&element, "pointerdown", on_down).forget();
        for name in ["pointerup", "pointercancel", "pointerleave"] {
            let presses = presses.clone();
            EventListener::new(&element, name, move |_| presses.set(presses.get() + 1)).forget();
        }
        EventListener::new_with_options(
            &element,
            "click",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                if held.replace(false) {
                    event.prevent_default();
                }
            },
        )
        .forget();
    });
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr!(footer_privacy)}</p>
        </footer>
    }
}
