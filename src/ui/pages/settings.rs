//! "Ajustes" (`/ajustes`): staff turn a device into a kiosk or an outreach device, set
//! its PIN and idle time, and read, export or clear the outreach tallies. Reached by
//! its address, or on a kiosk by holding the app's name for three seconds.

use crate::core::device::mode::Mode;
use crate::core::device::pin::check_new_pin;
use crate::core::device::settings::{Access, DeviceSettings, Saved, Setting, SettingsChange, SettingsError};
use crate::core::device::tallies::Tallies;
use crate::platform::db::Db;
use crate::platform::{device, share, tallies};
use crate::ui::device::use_device;
use crate::ui::language::use_i18n;
use crate::ui::page::{Page, focus, focus_page_heading};
use crate::ui::text::t_string;
use crate::ui::text::{tr, tr_signal};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let saved = use_device().0;
    let access = saved.access();
    // Open at once only on a device with no PIN whose settings were all read
    // (`core::device::settings::Access`): anything unreadable keeps it shut.
    let unlocked = RwSignal::new(access.open());
    let entered = RwSignal::new(String::new());
    let sealed = access == Access::Sealed;
    // The PIN form goes once it is unlocked; focus goes to the page heading.
    Effect::new(move |was_unlocked: Option<bool>| {
        let now = unlocked.get();
        if now && was_unlocked == Some(false) {
            focus_page_heading();
        }
        now
    });
    view! {
        <Page title=tr_signal!(settings_title)>
            <p>{tr!(settings_intro)}</p>
            {(saved.damaged && !sealed).then(|| view! {
                <p class="notice notice-warning" role="alert">{tr!(settings_unreadable)}</p>
            })}
            {move || if unlocked.get() {
                // Read again: unlocking may have renewed the PIN's hash.
                view! {
                    <SettingsForm settings=device::saved().settings />
                    <TalliesSection />
                }.into_any()
            } else if sealed {
                view! {
                    <p class="notice notice-warning" role="alert">{tr!(settings_sealed)}</p>
                }.into_any()
            } else {
                view! { <Unlock access=access.clone() saved=saved.clone() entered unlocked /> }.into_any()
            }}
        </Page>
    }
}

/// Asks for the PIN before anything can be seen or changed.
#[component]
fn Unlock(access: Access, saved: Saved, entered: RwSignal<String>, unlocked: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let wrong = RwSignal::new(false);
    let checking = RwSignal::new(false);
    // Minutes to wait before another try, after too many wrong PINs.
    let wait_minutes = RwSignal::new(None::<u32>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        wait_minutes.set(device::pin_tries().minutes_to_wait(device::now()));
        if wait_minutes.get_untracked().is_some() || checking.get_untracked() {
            return;
        }
        checking.set(true);
        let (access, saved, pin) = (access.clone(), saved.clone(), entered.get_untracked());
        spawn_local(async move {
            let opened = device::unlock(&access, &pin).await;
            device::record_pin_try(opened);
            checking.set(false);
            // Only a right PIN touches `unlocked`: setting it re-renders the page, which
            // would also wipe the "wrong PIN" message.
            if !opened {
                wrong.set(true);
                return;
            }
            // An old SHA-256 hash is replaced by a PBKDF2 one now that the PIN is known;
            // not in a record that could not all be read, which staff save themselves.
            if let Access::Pin(hash) = &access
                && hash.needs_upgrade()
                && !saved.damaged
                && let Some(renewed) = device::new_pin_hash(&pin).await
            {
                device::save(&DeviceSettings {
                    pin: Some(renewed),
                    ..saved.settings
                });
            }
            unlocked.set(true);
        });
    };
    let error = move || match wait_minutes.get() {
        Some(minutes) => Some(t_string!(i18n, settings_pin_wait, minutes = minutes)),
        None => wrong.get().then(|| t_string!(i18n, settings_wrong_pin).to_string()),
    };
    view! {
        <form class="settings-form" on:submit=submit>
            <label for="settings-pin">{tr!(settings_pin)}</label>
            // Not type=password: the browser would offer to save the PIN, and on a
            // kiosk then fill it in for anyone. Masked with CSS (`.pin-field`) instead.
            <input id="settings-pin" class="pin-field" type="text" inputmode="numeric" autocomplete="off"
                autocapitalize="off" spellcheck="false"
                aria-invalid=move || wrong.get().to_string()
                aria-describedby="settings-pin-error"
                prop:value=move || entered.get() on:input=move |ev| entered.set(event_target_value(&ev)) />
            <p id="settings-pin-error" class="field-error" role="alert">{error}</p>
            <button type="submit" class="button button-primary" aria-disabled=move || checking.get().to_string()>{tr!(settings_unlock)}</button>
        </form>
    }
}

#[component]
fn SettingsForm(settings: DeviceSettings) -> impl IntoView {
    let i18n = use_i18n();
    let mode = RwSignal::new(settings.mode);
    let new_pin = RwSignal::new(String::new());
    let idle = RwSignal::new(settings.idle_seconds.to_string());
    let error = RwSignal::new(None::<SettingsError>);
    let not_saved = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let change = SettingsChange {
            mode: mode.get_untracked(),
            new_pin: new_pin.get_untracked().trim().to_string(),
            idle_seconds: idle.get_untracked().trim().parse().unwrap_or(0),
        };
        saving.set(true);
        let settings = settings.clone();
        spawn_local(async move {
            // Hashed in the browser (PBKDF2 through crypto.subtle) before core checks it.
            let wants_pin = !change.new_pin.is_empty() && check_new_pin(&change.new_pin).is_ok();
            let hashed = if wants_pin {
                device::new_pin_hash(&change.new_pin).await
            } else {
                None
            };
            saving.set(false);
            if wants_pin && hashed.is_none() {
                not_saved.set(true);
                return;
            }
            match settings.change(&change, hashed) {
                Err(e) => {
                    error.set(Some(e));
                    // To the field to correct, once it is marked invalid and tied to the
                    // message, so a screen reader says both.
                    if let Some(setting) = e.setting() {
                        request_animation_frame(move || {
                            focus(&format!("#{}", field_id(setting)));
                        });
                    }
                }
                Ok(changed) => {
                    error.set(None);
                    if device::save(&changed) {
                        // Start afresh in the new mode, as the next person will see it.
                        device::forget_person();
                    } else {
                        not_saved.set(true);
                    }
                }
            }
        });
    };
    let options = Mode::ALL
        .into_iter()
        .map(|m| {
            let id = format!("mode-{}", m.code());
            view! {
                <div class="choice">
                    <input type="radio" name="mode" id=id.clone() value=m.code()
                        prop:checked=move || mode.get() == m on:change=move |_| mode.set(m) />
                    <label for=id>{move || match m {
                        Mode::Personal => t_string!(i18n, mode_personal),
                        Mode::Kiosk => t_string!(i18n, mode_kiosk),
                        Mode::Outreach => t_string!(i18n, mode_outreach),
                    }}</label>
                </div>
            }
        })
        .collect_view();
    let refused = move |setting: Setting| error.with(|e| e.and_then(SettingsError::setting) == Some(setting));
    let invalid = move |setting: Setting| refused(setting).to_string();
    let described = move |setting: Setting| refused(setting).then_some("settings-error");
    let message = move || {
        if not_saved.get() {
            return Some(t_string!(i18n, settings_error_storage));
        }
        error.get().map(|e| match e {
            SettingsError::WrongPin => t_string!(i18n, settings_wrong_pin),
            SettingsError::BadPin => t_string!(i18n, settings_error_pin),
            SettingsError::SharedNeedsPin => t_string!(i18n, settings_error_needs_pin),
            SettingsError::IdleOutOfRange => t_string!(i18n, settings_error_idle),
        })
    };
    view! {
        <form class="settings-form" on:submit=submit>
            <fieldset>
                <legend>{tr!(settings_mode)}</legend>
                {options}
            </fieldset>
            <label for="settings-new-pin">{tr!(settings_new_pin)}</label>
            <input id=field_id(Setting::NewPin) class="pin-field" type="text" inputmode="numeric" autocomplete="off"
                autocapitalize="off" spellcheck="false"
                aria-invalid=move || invalid(Setting::NewPin) aria-describedby=move || described(Setting::NewPin)
                prop:value=move || new_pin.get() on:input=move |ev| new_pin.set(event_target_value(&ev)) />
            <label for="settings-idle">{tr!(settings_idle)}</label>
            // Text, not type=number, as in the assessment: a half-typed value is not wiped.
            <input id=field_id(Setting::IdleTime) type="text" inputmode="numeric"
                aria-invalid=move || invalid(Setting::IdleTime) aria-describedby=move || described(Setting::IdleTime)
                prop:value=move || idle.get() on:input=move |ev| idle.set(event_target_value(&ev)) />
            <p id="settings-error" class="field-error" role="alert">{message}</p>
            <button type="submit" class="button button-primary">{tr!(settings_save)}</button>
        </form>
    }
}

/// The outreach tallies on this device: a summary per day, the CSV, and clearing them.
#[component]
fn TalliesSection() -> impl IntoView {
    let i18n = use_i18n();
    // None while loading; Some(None) when the device's storage could not be read.
    let loaded = RwSignal::new(None::<Option<Tallies>>);
    let confirming = RwSignal::new(false);
    let cleared = RwSignal::new(false);
    // The confirmation takes focus on "Cancelar" (the safe answer); when it closes,
    // focus returns to "Borrar conteos", or to the section heading once it is gone.
    let (reset_button, cancel_button, heading) = (
        NodeRef::<html::Button>::new(),
        NodeRef::<html::Button>::new(),
        NodeRef::<html::H2>::new(),
    );
    Effect::new(move |_| {
        if let Some(cancel) = cancel_button.get() {
            let _ = cancel.focus();
        }
    });
    let cancel = move || {
        confirming.set(false);
        if let Some(button) = reset_button.get_untracked() {
            let _ = button.focus();
        }
    };
    spawn_local(async move {
        let result = match Db::open().await {
            Ok(db) => tallies::load(&db).await.ok(),
            Err(_) => None,
        };
        loaded.set(Some(result));
    });
    let export = move |_| {
        if let Some(Some(t)) = loaded.get_untracked() {
            let name = format!("rumbo-conteos-{}.csv", device::local_date());
            let _ = share::download(&name, "text/csv;charset=utf-8", &t.to_csv());
        }
    };
    let clear = move |_| {
        spawn_local(async move {
            let ok = match Db::open().await {
                Ok(db) => tallies::clear(&db).await.is_ok(),
                Err(_) => false,
            };
            if ok {
                loaded.set(Some(Some(Tallies::default())));
                cleared.set(true);
            } else {
                loaded.set(Some(None));
            }
            // Cleared or failed, the table and its buttons are gone.
            confirming.set(false);
            if let Some(h2) = heading.get_untracked() {
                let _ = h2.focus();
            }
        });
    };
    let rows = move |t: &Tallies| {
        t.days
            .iter()
            .rev()
            .map(|(date, day)| {
                let opened: u32 = day.entries_by_kind.values().sum();
                view! {
                    <tr><th scope="row">{date.clone()}</th><td>{day.assessments}</td><td>{opened}</td></tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="tallies">
            <h2 node_ref=heading tabindex="-1">{tr!(tallies_title)}</h2>
            <p>{tr!(tallies_intro)}</p>
            {move || match loaded.get() {
                None => None,
                // Unreadable (damaged, or from another version): nothing more is counted
                // until it is cleared, so staff can clear it here.
                Some(None) => Some(view! {
                    <p class="notice notice-warning">{tr!(tallies_error)}</p>
                    <p class="entry-actions">
                        <button node_ref=reset_button type="button" class="button" on:click=move |_| confirming.set(true)>{tr!(tallies_reset)}</button>
                    </p>
                }.into_any()),
                Some(Some(t)) if t.is_empty() => Some(view! { <p>{tr!(tallies_none)}</p> }.into_any()),
                Some(Some(t)) => Some(view! {
                    <table class="tallies-table">
                        <thead><tr>
                            <th scope="col">{tr!(tallies_date)}</th>
                            <th scope="col">{tr!(tallies_assessments)}</th>
                            <th scope="col">{tr!(tallies_entries)}</th>
                        </tr></thead>
                        <tbody>{rows(&t)}</tbody>
                    </table>
                    <p class="entry-actions">
                        <button type="button" class="button" on:click=export>{tr!(tallies_export)}</button>
                        <button node_ref=reset_button type="button" class="button" on:click=move |_| confirming.set(true)>{tr!(tallies_reset)}</button>
                    </p>
                }.into_any()),
            }}
            <Show when=move || confirming.get()>
                <div class="notice notice-warning" role="alertdialog" aria-labelledby="tallies-confirm">
                    <p id="tallies-confirm">{tr!(tallies_reset_confirm)}</p>
                    <button type="button" class="button" on:click=clear>{tr!(tallies_reset_yes)}</button>
                    <button node_ref=cancel_button type="button" class="button" on:click=move |_| cancel()>{tr!(tallies_reset_no)}</button>
                </div>
            </Show>
            <p role="status">{move || cleared.get().then(|| t_string!(i18n, tallies_cleared))}</p>
        </section>
    }
}

/// The id of the form field for `setting`.
fn field_id(setting: Setting) -> &'static str {
    match setting {
        Setting::NewPin => "settings-new-pin",
        Setting::IdleTime => "settings-idle",
    }
}
