//! The paths of the app's pages, defined once: the router's routes and every link are
//! built from these. Spanish, like the app's default language; they stay the same
//! whatever the language shown, so shared links work for everyone.

/// Each page's path (`ASSESSMENT` = "/opciones") and, in [`segment`], the same path as
/// the router matches it ("opciones").
macro_rules! paths {
    ($($(#[$doc:meta])* $name:ident = $segment:literal;)*) => {
        $($(#[$doc])* pub const $name: &str = concat!("/", $segment);)*
        /// The paths without their leading slash, as the router's segments.
        pub mod segment {
            $(pub const $name: &str = $segment;)*
        }
    };
}

paths! {
    ASSESSMENT = "opciones";
    DIRECTORY = "directorio";
    ABOUT = "acerca-de";
    /// Staff only: kiosk and outreach modes, PIN, tallies. Linked from nowhere.
    SETTINGS = "ajustes";
}

pub const HOME: &str = "/";

/// The page of a directory entry.
pub fn entry(id: &str) -> String {
    format!("{DIRECTORY}/{id}")
}
