//! The language a shared link was made in. Results or a contact shared by someone
//! reading in English — a returnee who grew up in the United States, scanning the
//! kiosk's QR code with their own phone — open in English on a device where nobody has
//! chosen a language, instead of in Spanish, the default. A language chosen on the
//! device is that person's and wins.
//!
//! It travels in the link's fragment, which never reaches a server, ahead of anything
//! else there: `#en` for a contact, `#en~r1.…` for results. Spanish adds nothing, so
//! Spanish links are as short as before and links made before this read as they did.

use crate::core::text::lang::Lang;

const MARK: char = '~';

/// The fragment (without `#`) of a link made in `lang` that carries `rest` (a share
/// code, or nothing).
pub fn fragment(lang: Lang, rest: &str) -> String {
    match (lang == Lang::DEFAULT, rest.is_empty()) {
        (true, _) => rest.to_string(),
        (false, true) => lang.code().to_string(),
        (false, false) => format!("{}{MARK}{rest}", lang.code()),
    }
}

/// The link to `address` (no fragment of its own) made in `lang`, carrying `rest`.
pub fn link(address: &str, lang: Lang, rest: &str) -> String {
    match fragment(lang, rest) {
        fragment if fragment.is_empty() => address.to_string(),
        fragment => format!("{address}#{fragment}"),
    }
}

/// The language a fragment asks for, if any, and the rest of it.
pub fn read(fragment: &str) -> (Option<Lang>, &str) {
    let fragment = fragment.trim_start_matches('#');
    let (head, rest) = fragment.split_once(MARK).unwrap_or((fragment, ""));
    match Lang::from_code(head) {
        Some(lang) if head.len() == 2 => (Some(lang), rest),
        _ => (None, fragment),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_other_than_spanish_leads_the_fragment_and_is_read_back() {
        assert_eq!(fragment(Lang::En, "r1.1.AbC"), "en~r1.1.AbC");
        assert_eq!(read("#en~r1.1.AbC"), (Some(Lang::En), "r1.1.AbC"));
        assert_eq!(fragment(Lang::En, ""), "en");
        assert_eq!(read("#en"), (Some(Lang::En), ""));
        assert_eq!(
            link("https://x.example/opciones", Lang::En, "r1.1.AbC"),
            "https://x.example/opciones#en~r1.1.AbC"
        );
        assert_eq!(
            link("https://x.example/directorio/a", Lang::Es, ""),
            "https://x.example/directorio/a"
        );
    }

    #[test]
    fn spanish_links_and_links_made_before_carry_no_language() {
        assert_eq!(fragment(Lang::Es, "r1.1.AbC"), "r1.1.AbC");
        assert_eq!(fragment(Lang::Es, ""), "");
        assert_eq!(read("#r1.1.AbC"), (None, "r1.1.AbC"));
        assert_eq!(read(""), (None, ""));
    }

    #[test]
    fn a_crafted_fragment_asks_for_no_other_language_and_is_left_whole() {
        let cases = [
            ("#fr~r1.1.AbC", (None, "fr~r1.1.AbC")),
            ("# en~x", (None, " en~x")),
            ("#english", (None, "english")),
            ("#~r1.1.AbC", (None, "~r1.1.AbC")),
            ("#EN~r1", (Some(Lang::En), "r1")),
            ("#en~", (Some(Lang::En), "")),
        ];
        for (crafted, expected) in cases {
            assert_eq!(read(crafted), expected, "{crafted}");
        }
    }
}
