//! A "read aloud" button: reads the given text in the current language. Hidden where
//! the browser cannot speak, so nobody presses a button that does nothing.

use crate::platform::speech;
use crate::ui::language::lang_of;
use crate::ui::language::use_i18n;
use crate::ui::text::tr;
use leptos::prelude::*;

#[component]
pub fn ReadAloud(
    /// What to read, built when the button is pressed (so it is in the current language).
    text: Callback<(), String>,
    /// What is read (e.g. an option's title), added to the button's name for screen
    /// readers: a page of results has one "Escuchar" per option.
    #[prop(optional, into)]
    about: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    on_cleanup(speech::stop);
    // While it reads, the same button stops it: a long option read aloud must not be
    // something a person can only escape by leaving the page.
    let reading = RwSignal::new(false);
    // No voice on the device for the language: said instead of reading it with an online one.
    let no_voice = RwSignal::new(false);
    let toggle = move |_| {
        if reading.get_untracked() {
            speech::stop();
            reading.set(false);
        } else {
            reading.set(true);
            no_voice.set(false);
            let lang = lang_of(i18n.get_locale_untracked());
            let spoken = speech::speak(&text.run(()), lang.code(), move || {
                let _ = reading.try_set(false);
            });
            if !spoken {
                reading.set(false);
                no_voice.set(true);
            }
        }
    };
    speech::is_available().then(|| {
        view! {
            <button type="button" class="button button-small read-aloud" on:click=toggle>
                {move || if reading.get() { tr!(read_aloud_stop)() } else { tr!(read_aloud)() }}
                {about.map(|about| view! { <span class="visually-hidden">": " {about}</span> })}
            </button>
            <span class="read-aloud-status" role="status">{move || no_voice.get().then(|| tr!(read_aloud_no_voice)())}</span>
        }
    })
}
