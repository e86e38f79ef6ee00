//! Translated text in views, compiled once.
//!
//! leptos_i18n's `t!` expands to a new closure at every use, and Leptos compiles its
//! reactive text node (build, rebuild, effect) once per closure type: with some 150
//! messages on screen that was a large share of the app's download. Here every plain
//! message has the same type — a function from the language to its text — so the
//! node is compiled once and each message costs only its pointer. Messages with
//! values (`text_with`) share one boxed type the same way.

use crate::ui::i18n::Locale;
use crate::ui::language::use_i18n;
use leptos::prelude::*;
use std::sync::Arc;

/// A plain message: its text in a language (see [`tr!`]).
pub type Message = fn(Locale) -> &'static str;

/// A message with values already bound (see [`text_with`]).
pub type MessageWith = Arc<dyn Fn(Locale) -> String + Send + Sync>;

/// The text of `message`, re-read whenever the language changes. Usable as a view
/// child and as an attribute value.
pub fn text(message: Message) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || message(i18n.get_locale())
}

/// The text of a message with values, re-read whenever the language changes.
pub fn text_with(message: MessageWith) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    move || message(i18n.get_locale())
}

/// `tr!(key)`: the reactive text of a plain message, checked at compile time like `t!`.
macro_rules! tr {
    ($key:ident) => {
        $crate::ui::text::text(|locale| $crate::ui::i18n::td_string!(locale, $key))
    };
}

/// `tr_with!(key, name = value, …)`: the reactive text of a message with values; the
/// values are cloned into the message once.
macro_rules! tr_with {
    ($key:ident, $($name:ident = $value:expr),+ $(,)?) => {{
        // `n = n` is the usual call: the binding is moved into the message, not redundant.
        $(#[allow(clippy::redundant_locals)] let $name = $value;)+
        $crate::ui::text::text_with(::std::sync::Arc::new(move |locale| {
            $crate::ui::i18n::td_string!(locale, $key, $($name = ::std::clone::Clone::clone(&$name)),+).to_string()
        }))
    }};
}

pub(crate) use {tr, tr_with};

/// `t_string!(i18n, key, …)`: a message's text in the current language, as leptos_i18n's
/// `t_string!` gives it, read from the app's own language context ([`use_i18n`]).
macro_rules! t_string {
    ($i18n:expr, $($message:tt)+) => {
        $crate::ui::i18n::td_string!($i18n.get_locale(), $($message)+)
    };
}

pub(crate) use t_string;

/// The text of `message` as a signal, for components that take a `Signal<String>`.
pub fn text_signal(message: Message) -> Signal<String> {
    let text = text(message);
    Signal::derive(move || text().to_string())
}

/// `tr_signal!(key)`: a plain message as a `Signal<String>`.
macro_rules! tr_signal {
    ($key:ident) => {
        $crate::ui::text::text_signal(|locale| $crate::ui::i18n::td_string!(locale, $key))
    };
}

pub(crate) use tr_signal;
