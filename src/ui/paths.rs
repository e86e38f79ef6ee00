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
    /// The offer check, "¿Es real esta oferta de trabajo?".
    OFFER = "oferta";
    DIRECTORY = "directorio";
    ABOUT = "acerca-de";
    /// Staff only: kiosk and outreach modes, PIN, tallies. Linked from nowhere.
    SETTINGS = "ajustes";
}

pub const HOME: &str = "/";

/// The flows with a page, by id: a flow's id is its page's path (`/oferta`), and its
/// data file is `flow-<id>.json` (`core::assessment::flow::Flow::id_of_file`). A third
/// flow is its data file, its tests, its id here and its line in `ui::app`'s routes;
/// the views are the same.
pub const FLOWS: [&str; 2] = [segment::ASSESSMENT, segment::OFFER];

/// The page of a flow, or of another page the data links to by path.
pub fn flow(id: &str) -> String {
    format!("/{id}")
}

/// The page of a directory entry.
pub fn entry(id: &str) -> String {
    format!("{DIRECTORY}/{id}")
}
