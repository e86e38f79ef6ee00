//! What a shared device adds around the app. On the centre's kiosk and an outreach
//! worker's phone, strangers follow one another, so:
//!
//! - navigation replaces the history entry instead of adding one, leaving nothing of
//!   a person to go back to, and one entry of the app's own is kept behind it, so Back
//!   does not leave the app;
//! - "Finish" (kiosk) or "Next person" (outreach) wipes the person's traces at once,
//!   the clipboard too if the app wrote to it, and a page brought back from the
//!   browser's back/forward cache is loaded anew;
//! - links out open in a new tab (`Mode::link_target`), never over the person's page;
//! - on the kiosk, a warning after a while without a touch, then the same wipe; no text
//!   selection and no context menu.

use crate::core::device::idle::{Idle, IdleClock};
use crate::core::device::mode::Mode;
use crate::core::device::settings::DeviceSettings;
use crate::platform::{device, speech};
use crate::ui::device::use_device;
use crate::ui::language::use_i18n;
use crate::ui::tallies;
use crate::ui::text::t_string;
use crate::ui::text::tr;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Interval;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Sets up the device's behaviour once, at the app's root.
#[component]
pub fn SharedDevice() -> impl IntoView {
    let device = use_device();
    let mode = device.mode();
    if !mode.is_shared() {
        return ().into_any();
    }
    let body = document().body().expect("the page has a body");
    let _ = body.class_list().add_1(match mode {
        Mode::Kiosk => "kiosk",
        _ => "outreach",
    });
    navigate_without_history();
    // Each start of the app on a shared device is a new person's visit; pages after
    // this one in the tab's history are someone else's.
    device::drop_forward_history(None);
    device::keep_an_entry_behind();
    EventListener::new(&window(), "popstate", |_| device::keep_an_entry_behind()).forget();
    // A page the browser kept whole in its back/forward cache comes back as the last
    // person left it (answers, results) when someone goes Back into it: loaded anew, it
    // starts afresh.
    EventListener::new(&window(), "pageshow", |event| {
        let persisted = js_sys::Reflect::get(event, &"persisted".into()).is_ok_and(|p| p.is_truthy());
        if persisted {
            let _ = window().location().reload();
        }
    })
    .forget();
    if mode == Mode::Kiosk {
        EventListener::new_with_options(
            &document(),
            "contextmenu",
            EventListenerOptions::enable_prevent_default(),
            |event| event.prevent_default(),
        )
        .forget();
    }
    if mode.watches_idle() {
        view! { <IdleWarning settings=device.settings() /> }.into_any()
    } else {
        ().into_any()
    }
}

/// Marks every link the router handles as a replacement of the current entry (the
/// router reads an anchor's `replace` property), by looking at clicks before it does.
fn navigate_without_history() {
    EventListener::new_with_options(
        &document(),
        "click",
        EventListenerOptions::run_in_capture_phase(),
        |event| {
            let path = event.composed_path();
            for i in 0..path.length() {
                if let Ok(anchor) = path.get(i).dyn_into::<web_sys::HtmlAnchorElement>() {
                    let _ = js_sys::Reflect::set(&anchor, &"replace".into(), &true.into());
                }
            }
        },
    )
    .forget();
}

/// Forgets the person once any count of their visit is stored.
fn next_person() {
    wasm_bindgen_futures::spawn_local(async {
        tallies::written().await;
        device::forget_person();
    });
}

/// The button that hands the device to the next person.
#[component]
pub fn NextPersonButton() -> impl IntoView {
    let i18n = use_i18n();
    let mode = use_device().mode();
    (mode.is_shared()).then(|| {
        view! {
            <button type="button" class="button finish-button" on:click=move |_| next_person()>
                {move || if mode == Mode::Kiosk { t_string!(i18n, kiosk_finish) } else { t_string!(i18n, outreach_next_person) }}
            </button>
        }
    })
}

/// Watches for touches; after the idle time, a full-screen countdown with "I'm still
/// here"; when it runs out, the wipe. Nothing is watched until the first touch after
/// a reset, so an unused welcome screen is left alone.
#[component]
fn IdleWarning(settings: DeviceSettings) -> impl IntoView {
    let i18n = use_i18n();
    // Every decision is the core's (core::device::idle); this only feeds it the clocks.
    let clock = StoredValue::new(IdleClock::new(settings));
    let phase = RwSignal::new(Idle::Active);
    let still_here = move || {
        clock.update_value(|clock| clock.touch(device::monotonic_ms()));
        phase.set(Idle::Active);
    };
    for name in ["pointerdown", "keydown", "wheel", "touchstart", "input"] {
        EventListener::new(&document(), name, move |event| {
            // A touch on the warning is left to its buttons: closing it on touch-down
            // would remove the button before its click, and the browser would then
            // put focus on the page's body instead of where the person was.
            let on_warning = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|element| matches!(element.closest(".idle-warning"), Ok(Some(_))));
            if !(on_warning && name != "keydown") {
                still_here();
            }
        })
        .forget();
    }
    EventListener::new(&document(), "visibilitychange", move |_| {
        let (now, wall) = (device::monotonic_ms(), js_sys::Date::now());
        if document().hidden() {
            clock.update_value(|clock| clock.hide(now, wall));
        } else if clock.try_update_value(|clock| clock.show(now, wall)).unwrap_or(false) {
            next_person();
        }
    })
    .forget();
    Interval::new(500, move || {
        let Some(tick) = clock.try_update_value(|clock| clock.tick(device::monotonic_ms(), speech::is_speaking()))
        else {
            return;
        };
        if tick.forget {
            next_person();
        }
        if phase.get_untracked() != tick.phase {
            phase.set(tick.phase);
        }
    })
    .forget();

    let button = NodeRef::<html::Button>::new();
    // Where the person was when the warning took focus, to return there if they stay.
    let was_at = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if let Some(button) = button.get() {
            was_at.set_value(document().active_element().and_then(|e| e.dyn_into().ok()));
            let _ = button.focus();
        }
    });

    // The dialog stays mounted through the countdown; only the number changes, so a
    // screen reader announces it once and focus stays on "I'm still here".
    let warning = Memo::new(move |_| matches!(phase.get(), Idle::Warning { .. }));
    // A key, a touch anywhere but "Terminar", or "Sigo aquí" ends it; focus then goes
    // back where the person was. While it shows, the page behind can be neither seen
    // (the overlay is opaque: the results hold the person's answers and a QR code of
    // them) nor reached by a screen reader's swipe.
    Effect::new(move |was_shown: Option<bool>| {
        let shown = warning.get();
        set_page_inert(shown);
        if was_shown == Some(true)
            && !shown
            && let Some(element) = was_at.get_value()
        {
            let _ = element.focus();
        }
        shown
    });
    let seconds = move || match phase.get() {
        Idle::Warning { seconds_left } => seconds_left,
        _ => 0,
    };
    let countdown = move || match seconds() {
        1 => t_string!(i18n, idle_text_one).to_string(),
        seconds => t_string!(i18n, idle_text, seconds = seconds),
    };
    let touch_outside_buttons = move |event: leptos::ev::MouseEvent| {
        let on_button = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| matches!(element.closest("button"), Ok(Some(_))));
        if !on_button {
            still_here();
        }
    };
    view! {
        <Show when=move || warning.get()>
            <div class="idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text"
                on:click=touch_outside_buttons>
                <div class="idle-box">
                    <h2 id="idle-title">{tr!(idle_title)}</h2>
                    <p id="idle-text">{countdown}</p>
                    <button node_ref=button type="button" class="button button-primary button-large"
                        on:click=move |_| still_here()>
                        {tr!(idle_still_here)}
                    </button>
                    <button type="button" class="button" on:click=move |_| next_person()>
                        {tr!(kiosk_finish)}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// Makes everything but the idle warning unreachable (`inert`), or reachable again. The
/// app's elements are in `<div id="app">` (src/main.rs), the loading screen beside it.
fn set_page_inert(inert: bool) {
    let Ok(others) = document().query_selector_all("body > :not(.idle-warning, #app), #app > :not(.idle-warning)")
    else {
        return;
    };
    for i in 0..others.length() {
        if let Some(element) = others.get(i).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
            let _ = if inert {
                element.set_attribute("inert", "")
            } else {
                element.remove_attribute("inert")
            };
        }
    }
}
